//! Advanced SIMD shift by immediate, integer (Arm ARM C4.1.x, `0 Q U 011110 immh immb
//! opcode 1 Rn Rd`) and Advanced SIMD scalar shift by immediate (`01 U 111110 immh
//! immb opcode 1 Rn Rd`). The element size is given by the highest set bit of `immh`;
//! right shifts are `2 * esize - UInt(immh:immb)` (1..=esize), left shifts
//! `UInt(immh:immb) - esize` (0..esize). The narrowing and lengthening forms take the
//! narrow element size from `immh` and reserve `immh = 1xxx`. The FP conversions of
//! these classes (SCVTF, UCVTF, FCVTZS, FCVTZU fixed-point) are not decoded here.

use super::simd_fp::vreg;
use super::simd_lanes::{long, narrow, shift_int, unary, Fin, Shape, BHS, BHSD, R};
use crate::exception::Trap;
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::platform::Platform;

/// `UInt(immh:immb)`.
#[inline(always)]
fn immhb(i: Insn) -> u32 {
    i.bits(22, 16)
}

/// The shape from `immh` (`HighestSetBit(immh)`; `immh = 0000` is another class and
/// has no size), with the allowed `sizes`, the `same_width` Q rule, then the FP check.
fn shape(cpu: &Cpu, i: Insn, sizes: u32, same_width: bool) -> Result<Shape, Trap> {
    let immh = i.bits(22, 19);
    let size = if immh == 0 { 4 } else { 31 - immh.leading_zeros() };
    Shape::checked(cpu, size, i.bit(30), i.bit(28), sizes, same_width)
}

/// Arm ARM C7.2: SSHR, USHR, SSRA, USRA, SRSHR, URSHR, SRSRA, URSRA (vector and scalar):
/// `element = (Int(Elem[n], unsigned) + round_const) >> shift`, added to `Elem[d]` when
/// accumulating (opcode<1>, bit 12); rounding is opcode<2> (bit 13).
pub fn shr(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = shape(cpu, i, BHSD, true)?;
    let shift = (2 * sh.esize - immhb(i)) as i64;
    let (u, acc, round) = (i.bit(29), i.bit(12), i.bit(13));
    unary(cpu, i, sh, u, Fin::Wrap, |n, d| if acc { d } else { 0 } + shift_int(n, -shift, round))
}

/// Arm ARM C7.2: SRI (vector and scalar): `mask = LSR(Ones(esize), shift)`;
/// `Elem[d] = (Elem[d] AND NOT mask) OR LSR(Elem[n], shift)`.
pub fn sri(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = shape(cpu, i, BHSD, true)?;
    let shift = 2 * sh.esize - immhb(i);
    let mask = super::simd_fp::ones64(sh.esize) as i128 >> shift;
    unary(cpu, i, sh, true, Fin::Wrap, |n, d| (d & !mask) | (n >> shift))
}

/// Arm ARM C7.2: SHL (U = 0: `LSL(Elem[n], shift)`) and SLI (U = 1: `mask =
/// LSL(Ones(esize), shift)`; `(Elem[d] AND NOT mask) OR LSL(Elem[n], shift)`), vector
/// and scalar.
pub fn shl_sli(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = shape(cpu, i, BHSD, true)?;
    let shift = immhb(i) - sh.esize;
    let insert = i.bit(29);
    let mask = (super::simd_fp::ones64(sh.esize) as i128) << shift;
    unary(cpu, i, sh, true, Fin::Wrap, |n, d| if insert { (d & !mask) | (n << shift) } else { n << shift })
}

/// Arm ARM C7.2: SQSHL, UQSHL (immediate; opcode 01110, U = signedness) and SQSHLU
/// (U = 1, opcode 01100: signed source, unsigned saturation), vector and scalar:
/// `SatQ(Int(Elem[n], src_unsigned) << shift, esize, dst_unsigned)`.
pub fn qshl_imm(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = shape(cpu, i, BHSD, true)?;
    let shift = (immhb(i) - sh.esize) as i64;
    let u = i.bit(29);
    let src_unsigned = u && i.bit(12);
    unary(cpu, i, sh, src_unsigned, Fin::Sat(u), |n, _| shift_int(n, shift, false))
}

/// Arm ARM C7.2: SHRN, RSHRN (U = 0, opcode 1000x), SQSHRUN, SQRSHRUN (U = 1, opcode
/// 1000x: signed source, unsigned saturation), SQSHRN, SQRSHRN, UQSHRN, UQRSHRN
/// (opcode 1001x, U = signedness), vector and scalar: `(Int(Elem[n, 2*esize]) +
/// round_const) >> shift` narrowed (truncated or saturated) into `Vpart[d, part]`;
/// opcode<0> (bit 11) rounds.
pub fn shrn(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = shape(cpu, i, BHS, false)?;
    let shift = (2 * sh.esize - immhb(i)) as i64;
    let (u, round) = (i.bit(29), i.bit(11));
    let (src_unsigned, fin) = match (i.bit(12), u) {
        (false, false) => (true, Fin::Wrap),
        (false, true) => (false, Fin::Sat(true)),
        (true, u) => (u, Fin::Sat(u)),
    };
    let vn = vreg(cpu, i.rn());
    narrow(cpu, i, sh, fin, |e| shift_int(sh.int2(vn, e, src_unsigned), -shift, round))
}

/// Arm ARM C7.2: SSHLL, USHLL (aliases SXTL, UXTL when the shift is 0):
/// `Elem[result, e, 2*esize] = Int(Elem[Vpart(n), e], unsigned) << shift`.
pub fn shll_imm(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = shape(cpu, i, BHS, false)?;
    let shift = immhb(i) - sh.esize;
    let u = i.bit(29);
    let vn = sh.half(vreg(cpu, i.rn()));
    long(cpu, i, sh, u, Fin::Wrap, |e, _, _| sh.int(vn, e, u) << shift)
}

#[cfg(test)]
#[path = "simd_shift_imm_tests.rs"]
mod tests;
