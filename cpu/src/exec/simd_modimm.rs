//! Advanced SIMD modified immediate (Arm ARM C4.1,
//! `0 Q op 0111100000 a b c cmode o2 1 d e f g h Rd`): MOVI, MVNI, ORR (vector,
//! immediate), BIC (vector, immediate) and FMOV (vector, immediate), all one decode in
//! the Arm ARM selected by `cmode:op`, with the immediate from `AdvSIMDExpandImm()`.
//! `o2` = 1 (FMOV half-precision, FEAT_FP16) has no table line.

use super::fp_move::vfp_expand_imm;
use super::simd_fp::{check_fp_enabled, replicate, set_vreg_width, vreg};
use crate::exception::{self, Trap};
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::platform::Platform;

type R = Result<(), Trap>;

/// `AdvSIMDExpandImm(op, cmode, imm8)` (Arm ARM shared pseudocode, aarch64/instrs/vector): the 64-bit
/// pattern that MOVI/MVNI/ORR/BIC/FMOV replicate.
pub const fn adv_simd_expand_imm(op: u32, cmode: u32, imm8: u32) -> u64 {
    let imm8 = (imm8 & 0xff) as u64;
    // Replicate a 32- or 16-bit value over 64 bits.
    const fn rep32(v: u64) -> u64 {
        (v & 0xffff_ffff) | ((v & 0xffff_ffff) << 32)
    }
    const fn rep16(v: u64) -> u64 {
        let v = v & 0xffff;
        v | (v << 16) | (v << 32) | (v << 48)
    }
    match (cmode >> 1) & 7 {
        0b000 => rep32(imm8),
        0b001 => rep32(imm8 << 8),
        0b010 => rep32(imm8 << 16),
        0b011 => rep32(imm8 << 24),
        0b100 => rep16(imm8),
        0b101 => rep16(imm8 << 8),
        0b110 => {
            if cmode & 1 == 0 {
                rep32((imm8 << 8) | 0xff)
            } else {
                rep32((imm8 << 16) | 0xffff)
            }
        }
        _ => {
            match (cmode & 1, op & 1) {
                // Replicate(imm8, 8)
                (0, 0) => imm8 * 0x0101_0101_0101_0101,
                // Each bit of imm8 selects a byte of ones (imm8<7> the top byte).
                (0, _) => {
                    let mut r = 0u64;
                    let mut b = 0;
                    while b < 8 {
                        if (imm8 >> b) & 1 != 0 {
                            r |= 0xff << (8 * b);
                        }
                        b += 1;
                    }
                    r
                }
                // imm8<7>:NOT(imm8<6>):Replicate(imm8<6>,5):imm8<5:0>:Zeros(19), twice.
                (_, 0) => rep32(vfp_expand_imm(imm8 as u32, 32)),
                // imm8<7>:NOT(imm8<6>):Replicate(imm8<6>,8):imm8<5:0>:Zeros(48).
                _ => vfp_expand_imm(imm8 as u32, 64),
            }
        }
    }
}

/// The operation `cmode:op` selects (Arm ARM C7.2 MOVI decode table).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ImmOp {
    Movi,
    Mvni,
    Orr,
    Bic,
}

/// Arm ARM C7.2 MOVI, MVNI, ORR (vector, immediate), BIC (vector, immediate) and
/// C7.2.128 FMOV (vector, immediate) single and double precision:
/// `result = op(V[d], Replicate(AdvSIMDExpandImm(op, cmode, imm8), datasize/64))`,
/// written as a 64- or 128-bit vector. `cmode:op = 11111` with Q = 0 is UNDEFINED.
pub fn modimm(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let q = i.bit(30);
    let op = i.bit(29) as u32;
    let cmode = i.bits(15, 12);
    let imm8 = (i.bits(18, 16) << 5) | i.bits(9, 5);
    // cmode:op: 0xx00 MOVI, 0xx01 MVNI, 0xx10 ORR, 0xx11 BIC (32-bit shifted);
    // 10x00 MOVI, 10x01 MVNI, 10x10 ORR, 10x11 BIC (16-bit shifted);
    // 110x0 MOVI, 110x1 MVNI (shifting ones); 1110x MOVI (8-bit / 64-bit);
    // 11110 FMOV (single); 11111 FMOV (double, Q = 1 only).
    let operation = match (cmode, op) {
        (0b1111, 1) if !q => return Err(exception::undefined(&cpu.s)),
        (0b1110 | 0b1111, _) => ImmOp::Movi,
        (0b1100 | 0b1101, 0) => ImmOp::Movi,
        (0b1100 | 0b1101, _) => ImmOp::Mvni,
        (c, 0) if c & 1 == 0 => ImmOp::Movi,
        (c, _) if c & 1 == 0 => ImmOp::Mvni,
        (_, 0) => ImmOp::Orr,
        _ => ImmOp::Bic,
    };
    check_fp_enabled(cpu)?;
    let datasize = if q { 128 } else { 64 };
    let imm = replicate(adv_simd_expand_imm(op, cmode, imm8), 64, datasize);
    let d = i.rd();
    let result = match operation {
        ImmOp::Movi => imm,
        ImmOp::Mvni => !imm,
        ImmOp::Orr => vreg(cpu, d) | imm,
        ImmOp::Bic => vreg(cpu, d) & !imm,
    };
    set_vreg_width(cpu, d, result, datasize);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::adv_simd_expand_imm as e;

    #[test]
    fn expand_imm_forms() {
        assert_eq!(e(0, 0b0000, 0xab), 0x0000_00ab_0000_00ab);
        assert_eq!(e(0, 0b0010, 0xab), 0x0000_ab00_0000_ab00);
        assert_eq!(e(0, 0b0100, 0xab), 0x00ab_0000_00ab_0000);
        assert_eq!(e(0, 0b0110, 0xab), 0xab00_0000_ab00_0000);
        assert_eq!(e(0, 0b1000, 0xab), 0x00ab_00ab_00ab_00ab);
        assert_eq!(e(0, 0b1010, 0xab), 0xab00_ab00_ab00_ab00);
        assert_eq!(e(0, 0b1100, 0xab), 0x0000_abff_0000_abff);
        assert_eq!(e(0, 0b1101, 0xab), 0x00ab_ffff_00ab_ffff);
        assert_eq!(e(0, 0b1110, 0xab), 0xabab_abab_abab_abab);
        // 64-bit byte mask: imm8 = 0b1010_1010 -> bytes 7,5,3,1 all ones.
        assert_eq!(e(1, 0b1110, 0xaa), 0xff00_ff00_ff00_ff00);
        assert_eq!(e(1, 0b1110, 0x01), 0x0000_0000_0000_00ff);
        // FMOV #1.0 single, twice; double.
        assert_eq!(e(0, 0b1111, 0x70), 0x3f80_0000_3f80_0000);
        assert_eq!(e(1, 0b1111, 0x70), 0x3ff0_0000_0000_0000);
    }
}
