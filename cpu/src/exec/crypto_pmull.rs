//! PMULL/PMULL2 of 64-bit lanes (Arm ARM C7.2 PMULL, PMULL2: the "Advanced SIMD
//! three different" encoding with size = 11, `0 Q 001110 11 1 Rm 1110 00 Rn Rd`), part
//! of FEAT_PMULL (ID_AA64ISAR0_EL1.AES = 0b0010). The 8-bit form (size = 00) belongs
//! to the integer SIMD instructions.

use super::simd_fp::{check_fp_enabled, set_vreg};
use crate::exception::{self, Trap};
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::platform::Platform;

type R = Result<(), Trap>;

/// `PolynomialMult(op1, op2)` of two 64-bit polynomials over GF(2): the 128-bit
/// carry-less product.
pub fn clmul64(op1: u64, op2: u64) -> u128 {
    let mut result = 0u128;
    for k in 0..64 {
        if (op2 >> k) & 1 != 0 {
            result ^= (op1 as u128) << k;
        }
    }
    result
}

/// Arm ARM C7.2 PMULL{2} (1Q ← 1D × 1D): the carry-less product of the low (PMULL,
/// Q = 0) or high (PMULL2, Q = 1) doublewords of V[n] and V[m]. UNDEFINED without
/// FEAT_PMULL.
pub fn pmull_64(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    if (cpu.model.isar0 >> 4) & 0xf < 2 {
        return Err(exception::undefined(&cpu.s));
    }
    check_fp_enabled(cpu)?;
    let part = if i.bit(30) { 1 } else { 0 };
    let op1 = cpu.s.v[i.rn() as usize][part];
    let op2 = cpu.s.v[i.rm() as usize][part];
    set_vreg(cpu, i.rd(), clmul64(op1, op2));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::clmul64;
    use crate::exec::simd_fp::vreg;
    use crate::testutil::{cpu_with_code, run, End};

    #[test]
    fn known_products() {
        // (x + 1)^2 = x^2 + 1; (x^63)(x^63) = x^126; x^64 + ... has no reduction.
        assert_eq!(clmul64(3, 3), 5);
        assert_eq!(clmul64(1 << 63, 1 << 63), 1 << 126);
        // All ones times all ones: every even power up to x^126 (alternate bits).
        assert_eq!(clmul64(u64::MAX, u64::MAX), 0x5555_5555_5555_5555_5555_5555_5555_5555);
        // The PCLMULQDQ vectors of Intel's "Carry-Less Multiplication" white paper:
        // a = 7b5b54657374566563746f725d53475d, b = 48692853686179295b477565726f6e5d.
        assert_eq!(clmul64(0x63746f725d53475d, 0x5b477565726f6e5d), 0x1d4d84c85c3440c0929633d5d36f0451);
        assert_eq!(clmul64(0x7b5b546573745665, 0x4869285368617929), 0x1d1e1f2c592e7c45d66ee03e410fd4ed);
    }

    #[test]
    fn pmull_and_pmull2_instructions() {
        let code = crate::a64!(
            ; pmull v0.q1, v1.d1, v2.d1
            ; pmull2 v3.q1, v1.d2, v2.d2
            ; brk 0
        );
        let mut cpu = cpu_with_code(&code, 1);
        cpu.s.v[1] = [0x8000_0000_0000_0001, 0x7b5b_5465_7374_5665];
        cpu.s.v[2] = [0x8000_0000_0000_0001, 0x4869_2853_6861_7929];
        assert_eq!(run(&mut cpu, 10), End::Brk(0));
        // (x^63 + 1)^2 = x^126 + 1.
        assert_eq!(vreg(&cpu, 0), (1 << 126) | 1);
        assert_eq!(vreg(&cpu, 3), 0x1d1e1f2c592e7c45d66ee03e410fd4ed);
    }
}
