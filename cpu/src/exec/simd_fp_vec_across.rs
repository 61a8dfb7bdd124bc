//! Advanced SIMD across lanes, floating-point forms (Arm ARM C4.1.x,
//! `0 Q 1 01110 o1 sz 11000 opcode 10 Rn Rd`): FMAXNMV, FMINNMV, FMAXV, FMINV. ARMv8.0
//! has only the 4S arrangement: `sz:Q != 01` is UNDEFINED (the half-precision forms,
//! U = 0, are FEAT_FP16 and have no line).

use super::simd_fp::{check_fp_enabled, set_vreg_width, vreg};
use super::simd_fp_lanes::{undef, with_fp, Bin, FpShape, R};
use crate::fp;
use crate::fp_handlers;
use crate::insn::Insn;
use crate::interp::Cpu;

/// `Reduce(op, V[n], 32)`: the pseudocode halves the vector recursively and combines
/// `op(lo, hi)` at each level, so four lanes give `op(op(e0, e1), op(e2, e3))`. The
/// result is written as a 32-bit scalar (upper bits of `V[d]` cleared).
pub fn across(cpu: &mut Cpu, i: Insn, op: Bin) -> R {
    if i.bit(22) || !i.bit(30) {
        return Err(undef(cpu));
    }
    check_fp_enabled(cpu)?;
    let sh = FpShape::of(false, true);
    let n = vreg(cpu, i.rn());
    let r = with_fp(cpu, |c, f| {
        let lo = op(sh.size, sh.get(n, 0), sh.get(n, 1), c, f);
        let hi = op(sh.size, sh.get(n, 2), sh.get(n, 3), c, f);
        op(sh.size, lo, hi, c, f)
    });
    set_vreg_width(cpu, i.rd(), u128::from(r), 32);
    Ok(())
}

fp_handlers! { across;
    /// Arm ARM C7.2: FMAXNMV. `Reduce(FPMaxNum, V[n])`.
    fmaxnmv => fp::fp_max_num;
    /// Arm ARM C7.2: FMINNMV. `Reduce(FPMinNum, V[n])`.
    fminnmv => fp::fp_min_num;
    /// Arm ARM C7.2: FMAXV. `Reduce(FPMax, V[n])`.
    fmaxv => fp::fp_max;
    /// Arm ARM C7.2: FMINV. `Reduce(FPMin, V[n])`.
    fminv => fp::fp_min;
}

#[cfg(test)]
mod tests {
    use crate::testutil::{cpu_with_code, run, End};

    const QNAN: u32 = 0x7fc0_0001;

    fn run_v(code: &[u8], v1: [u32; 4]) -> (u64, u64, u32) {
        let mut cpu = cpu_with_code(code, 1);
        let lo = u64::from(v1[0]) | u64::from(v1[1]) << 32;
        let hi = u64::from(v1[2]) | u64::from(v1[3]) << 32;
        cpu.s.v[1] = [lo, hi];
        cpu.s.v[0] = [u64::MAX, u64::MAX];
        assert_eq!(run(&mut cpu, 10), End::Brk(0));
        (cpu.s.v[0][0], cpu.s.v[0][1], cpu.s.fpsr)
    }

    #[test]
    fn fmaxv_fminv() {
        let v = [0x3f80_0000, 0xc000_0000, 0x4040_0000, 0x4000_0000]; // 1, -2, 3, 2
        let (lo, hi, fpsr) = run_v(&crate::a64!(; fmaxv s0, v1.s4 ; brk 0), v);
        assert_eq!((lo, hi, fpsr), (0x4040_0000, 0, 0));
        let (lo, _, _) = run_v(&crate::a64!(; fminv s0, v1.s4 ; brk 0), v);
        assert_eq!(lo, 0xc000_0000);
    }

    #[test]
    fn fmaxnmv_nan_pairs() {
        // One quiet NaN: FMAXNMV ignores it.
        let v = [0x3f80_0000, QNAN, 0x4040_0000, 0x4000_0000];
        assert_eq!(run_v(&crate::a64!(; fmaxnmv s0, v1.s4 ; brk 0), v).0, 0x4040_0000);
        // FMAXV propagates it.
        assert_eq!(run_v(&crate::a64!(; fmaxv s0, v1.s4 ; brk 0), v).0, u64::from(QNAN));
        // Both lanes of the first pair NaN: FPMaxNum(e0, e1) is the NaN of e0, then
        // FPMaxNum(NaN, max(e2, e3)) picks the number.
        let v = [0x7fc0_0002, QNAN, 0x4040_0000, 0x4000_0000];
        assert_eq!(run_v(&crate::a64!(; fminnmv s0, v1.s4 ; brk 0), v).0, 0x4000_0000);
        // Both halves NaN: op1 of the last step is the lower pair's NaN (e0 first).
        let v = [0x7fc0_0002, QNAN, 0x7fc0_0003, 0x7fc0_0004];
        assert_eq!(run_v(&crate::a64!(; fmaxnmv s0, v1.s4 ; brk 0), v).0, 0x7fc0_0002);
        // A signalling NaN in the upper pair: FPMaxNum(sNaN, 1.0) is the quietened NaN
        // (IOC), which the last FPMaxNum(1.0, qNaN) then ignores.
        let v = [QNAN, 0x3f80_0000, 0x7f80_0005, 0x3f80_0000];
        let (lo, _, fpsr) = run_v(&crate::a64!(; fmaxnmv s0, v1.s4 ; brk 0), v);
        assert_eq!((lo, fpsr), (0x3f80_0000, 1));
        // FMAXV keeps it.
        let (lo, _, fpsr) = run_v(&crate::a64!(; fmaxv s0, v1.s4 ; brk 0), v);
        assert_eq!((lo, fpsr), (u64::from(QNAN), 1));
    }

    #[test]
    fn reserved_arrangements_undefined() {
        for w in [0x2e30_c820u32 /* fmaxnmv s0, v1.2s */, 0x6e70_c820 /* sz = 1 */] {
            let mut cpu = cpu_with_code(&w.to_le_bytes(), 1);
            assert_eq!(run(&mut cpu, 10), End::Exception { el: 1, esr: 1 << 25 });
        }
    }
}
