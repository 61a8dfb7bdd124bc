//! Advanced SIMD vector x indexed element, floating-point forms (Arm ARM C4.1.x,
//! `0 Q U 01111 1 sz L M Rm opcode H 0 Rn Rd`): FMLA, FMLS, FMUL, FMULX (by element)
//! for single and double precision (the half-precision forms, size = 00, are FEAT_FP16
//! and have no line).
//!
//! Decode: `sz = 0`: `index = H:L`, `sz = 1`: `index = H` with `L = 1` reserved; the
//! register is `M:Rm`; `sz:Q = 10` is reserved.

use super::simd_fp::{check_fp_enabled, vreg};
use super::simd_fp_lanes::{fp_mulx, undef, with_fp, write, FpShape, R};
use super::simd_fp_vec_three_same::Tern;
use crate::fp;
use crate::fp_handlers;
use crate::insn::Insn;
use crate::interp::Cpu;

/// `Elem[result, e] = op(Elem[V[d], e], Elem[V[n], e], Elem[V[m], index])`.
pub fn indexed(cpu: &mut Cpu, i: Insn, op: Tern) -> R {
    let (sz, q, l, h) = (i.bit(22), i.bit(30), i.bit(21), i.bit(11));
    if sz && (l || !q) {
        return Err(undef(cpu));
    }
    check_fp_enabled(cpu)?;
    let sh = FpShape::of(sz, q);
    let index = if sz { h as u32 } else { (h as u32) << 1 | l as u32 };
    let (n, d) = (vreg(cpu, i.rn()), vreg(cpu, i.rd()));
    let element2 = sh.get(vreg(cpu, i.rm()), index);
    let r = with_fp(cpu, |c, f| sh.build(|e| op(sh.size, sh.get(d, e), sh.get(n, e), element2, c, f)));
    write(cpu, i.rd(), sh, r);
    Ok(())
}

fp_handlers! { indexed;
    /// Arm ARM C7.2: FMLA (by element). `FPMulAdd(Elem[V[d]], element1, element2)`.
    fmla_elt => fp::fp_mul_add;
    /// Arm ARM C7.2: FMLS (by element). `FPMulAdd(Elem[V[d]], FPNeg(element1), element2)`.
    fmls_elt => |s, d, a, b, c, f| fp::fp_mul_add(s, d, fp::fp_neg(s, a), b, c, f);
    /// Arm ARM C7.2: FMUL (by element). `FPMul(element1, element2)`.
    fmul_elt => |s, _, a, b, c, f| fp::fp_mul(s, a, b, c, f);
    /// Arm ARM C7.2: FMULX (by element). `FPMulX(element1, element2)`.
    fmulx_elt => |s, _, a, b, c, f| fp_mulx(s, a, b, c, f);
}

#[cfg(test)]
mod tests {
    use crate::testutil::{cpu_with_code, run, End};

    fn run3(code: &[u8], v0: [u64; 2], v1: [u64; 2], v2: [u64; 2]) -> ([u64; 2], u32) {
        let mut cpu = cpu_with_code(code, 1);
        cpu.s.v[0] = v0;
        cpu.s.v[1] = v1;
        cpu.s.v[2] = v2;
        assert_eq!(run(&mut cpu, 10), End::Brk(0));
        (cpu.s.v[0], cpu.s.fpsr)
    }

    const ONE_TWO: u64 = 0x4000_0000_3f80_0000; // lanes 1.0, 2.0
    const THREE_FOUR: u64 = 0x4080_0000_4040_0000; // 3.0, 4.0

    #[test]
    fn fmul_by_element_s() {
        // v1 = [1, 2, 3, 4], v2.s[3] = 0.5 (index H:L = 11).
        let v2 = [0, 0x3f00_0000_0000_0000];
        let (v0, _) = run3(&crate::a64!(; fmul v0.s4, v1.s4, v2.s[3] ; brk 0), [0; 2], [ONE_TWO, THREE_FOUR], v2);
        assert_eq!(v0, [0x3f80_0000_3f00_0000, 0x4000_0000_3fc0_0000]);
        // 2S form clears the upper half.
        let (v0, _) = run3(&crate::a64!(; fmul v0.s2, v1.s2, v2.s[3] ; brk 0), [9, 9], [ONE_TWO, THREE_FOUR], v2);
        assert_eq!(v0, [0x3f80_0000_3f00_0000, 0]);
    }

    #[test]
    fn fmla_fmls_by_element_d() {
        // d lanes: acc = [1, 10], n = [2, 3], m.d[1] = 4: FMLA = [9, 22], FMLS = [-7, -2].
        let acc = [0x3ff0_0000_0000_0000, 0x4024_0000_0000_0000];
        let n = [0x4000_0000_0000_0000, 0x4008_0000_0000_0000];
        let m = [0, 0x4010_0000_0000_0000];
        let (v0, _) = run3(&crate::a64!(; fmla v0.d2, v1.d2, v2.d[1] ; brk 0), acc, n, m);
        assert_eq!(v0, [0x4022_0000_0000_0000, 0x4036_0000_0000_0000]);
        let (v0, _) = run3(&crate::a64!(; fmls v0.d2, v1.d2, v2.d[1] ; brk 0), acc, n, m);
        assert_eq!(v0, [0xc01c_0000_0000_0000, 0xc000_0000_0000_0000]);
    }

    #[test]
    fn fmulx_by_element_inf_zero() {
        // (+inf, -inf) * v2.s[0] = +0: FMULX gives (+2, -2), FMUL the default NaN + IOC.
        let n = [0xff80_0000_7f80_0000, 0];
        let (v0, fpsr) = run3(&crate::a64!(; fmulx v0.s2, v1.s2, v2.s[0] ; brk 0), [0; 2], n, [0; 2]);
        assert_eq!((v0, fpsr), ([0xc000_0000_4000_0000, 0], 0));
        let (v0, fpsr) = run3(&crate::a64!(; fmul v0.s2, v1.s2, v2.s[0] ; brk 0), [0; 2], n, [0; 2]);
        assert_eq!((v0, fpsr), ([0x7fc0_0000_7fc0_0000, 0], 1));
    }

    #[test]
    fn reserved_forms_undefined() {
        // fmul v0.2d, v1.2d, v2.d[0] = 0x4fc29020; L = 1 (bit 21) and Q = 0 are reserved.
        for w in [0x4fe2_9020u32, 0x0fc2_9020] {
            let mut cpu = cpu_with_code(&w.to_le_bytes(), 1);
            assert_eq!(run(&mut cpu, 10), End::Exception { el: 1, esr: 1 << 25 });
        }
    }
}
