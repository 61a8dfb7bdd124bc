//! Advanced SIMD shift by immediate, fixed-point conversions (Arm ARM C4.1.x,
//! `0 Q U 011110 immh immb opcode 1 Rn Rd`, opcode 11100 / 11111): SCVTF, UCVTF, FCVTZS,
//! FCVTZU (vector, fixed-point).
//!
//! Decode: `immh = 1xxx` double lanes (`Q = 0` reserved), `01xx` single lanes;
//! `001x` (half precision, FEAT_FP16) and `0001` are UNDEFINED in ARMv8.0 (`0000` is the
//! modified-immediate class, never routed here). `fracbits = 2 * esize - UInt(immh:immb)`,
//! 1..=esize.

use super::simd_fp::{check_fp_enabled, vreg};
use super::simd_fp_lanes::{undef, with_fp, write, FpShape, R};
use crate::fp::{self, FpFlags, FpRounding, FpSize, Fpcr};
use crate::fp_handlers;
use crate::insn::Insn;
use crate::interp::Cpu;

/// A fixed-point lane conversion: `(size, element, fracbits, fpcr, flags)`.
pub type Fix = fn(FpSize, u64, u32, Fpcr, &mut FpFlags) -> u64;

/// `Elem[result, e] = op(Elem[V[n], e], fracbits)`.
pub fn fixed(cpu: &mut Cpu, i: Insn, op: Fix) -> R {
    let (immh, q) = (i.bits(22, 19), i.bit(30));
    let sz = immh & 0b1000 != 0;
    if immh & 0b1100 == 0 || (sz && !q) {
        return Err(undef(cpu));
    }
    check_fp_enabled(cpu)?;
    let sh = FpShape::of(sz, q);
    let fracbits = (2 * sh.esize).saturating_sub(i.bits(22, 16));
    let n = vreg(cpu, i.rn());
    let r = with_fp(cpu, |c, f| sh.build(|e| op(sh.size, sh.get(n, e), fracbits, c, f)));
    write(cpu, i.rd(), sh, r);
    Ok(())
}

fp_handlers! { fixed;
    /// Arm ARM C7.2: SCVTF (vector, fixed-point). `FixedToFP(element, fracbits, signed,
    /// FPCR rounding)`.
    scvtf_vec_fix => |s, a, b, c, f| fp::fixed_to_fp(s, a, b, false, s.width(), c, c.rounding(), f);
    /// Arm ARM C7.2: UCVTF (vector, fixed-point). `FixedToFP(element, fracbits,
    /// unsigned, FPCR rounding)`.
    ucvtf_vec_fix => |s, a, b, c, f| fp::fixed_to_fp(s, a, b, true, s.width(), c, c.rounding(), f);
    /// Arm ARM C7.2: FCVTZS (vector, fixed-point). `FPToFixed(element, fracbits, signed,
    /// ZERO)`.
    fcvtzs_vec_fix => |s, a, b, c, f| fp::fp_to_fixed(s, a, b, false, s.width(), c, FpRounding::Zero, f);
    /// Arm ARM C7.2: FCVTZU (vector, fixed-point). `FPToFixed(element, fracbits,
    /// unsigned, ZERO)`.
    fcvtzu_vec_fix => |s, a, b, c, f| fp::fp_to_fixed(s, a, b, true, s.width(), c, FpRounding::Zero, f);
}

#[cfg(test)]
mod tests {
    use crate::testutil::{cpu_with_code, run, End};

    fn run1(code: &[u8], v1: [u64; 2]) -> ([u64; 2], u32) {
        let mut cpu = cpu_with_code(code, 1);
        cpu.s.v[0] = [u64::MAX; 2];
        cpu.s.v[1] = v1;
        assert_eq!(run(&mut cpu, 10), End::Brk(0));
        (cpu.s.v[0], cpu.s.fpsr)
    }

    #[test]
    fn scvtf_with_fbits() {
        // Lanes 3, -8 with 2 fraction bits: 0.75, -2.0.
        let (v0, fpsr) = run1(&crate::a64!(; scvtf v0.s2, v1.s2, 2 ; brk 0), [0xffff_fff8_0000_0003, 7]);
        assert_eq!((v0, fpsr), ([0xc000_0000_3f40_0000, 0], 0));
        // UCVTF: 0xffff_fff8 / 4 = 1073741822 -> rounds to 2^30 (inexact).
        let (v0, fpsr) = run1(&crate::a64!(; ucvtf v0.s2, v1.s2, 2 ; brk 0), [0xffff_fff8_0000_0003, 7]);
        assert_eq!((v0, fpsr), ([0x4e80_0000_3f40_0000, 0], 0x10));
        // Double lanes, 64 fraction bits: 2^63 signed is -0.5.
        let (v0, _) = run1(&crate::a64!(; scvtf v0.d2, v1.d2, 64 ; brk 0), [1 << 63, 1 << 62]);
        assert_eq!(v0, [0xbfe0_0000_0000_0000, 0x3fd0_0000_0000_0000]);
    }

    #[test]
    fn fcvtzs_fix_saturates() {
        // 1.5 with 4 fraction bits = 24; 3e9 saturates to i32::MAX with IOC; -0.3 * 16
        // truncates to -4 (inexact); NaN gives 0.
        let v1 = [0x4f32_d05e_3fc0_0000, 0x7fc0_0000_be99_999a];
        let (v0, fpsr) = run1(&crate::a64!(; fcvtzs v0.s4, v1.s4, 4 ; brk 0), v1);
        assert_eq!(v0, [0x7fff_ffff_0000_0018, 0x0000_0000_ffff_fffc]);
        assert_eq!(fpsr, 0x11);
        // FCVTZU: 3e9 * 16 overflows u32 too; negative lanes saturate to 0.
        let (v0, fpsr) = run1(&crate::a64!(; fcvtzu v0.s4, v1.s4, 4 ; brk 0), v1);
        assert_eq!((v0, fpsr), ([0xffff_ffff_0000_0018, 0], 0x01));
    }

    #[test]
    fn reserved_immh_undefined() {
        // scvtf v0.2d, v1.2d, #1 = 0x4f7fe420; Q = 0 with immh = 1xxx is reserved, and so
        // is immh = 001x (half precision).
        for w in [0x0f7f_e420u32, 0x4f1f_e420] {
            let mut cpu = cpu_with_code(&w.to_le_bytes(), 1);
            let end = run(&mut cpu, 10);
            assert!(matches!(end, End::Exception { el: 1, esr } if esr >> 26 == 0), "{w:#x}: {end:?}");
        }
    }
}
