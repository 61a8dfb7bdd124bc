//! Advanced SIMD three different (Arm ARM C4.1.x, `0 Q U 01110 size 1 Rm opcode 00 Rn
//! Rd`) and Advanced SIMD scalar three different (`01 U 11110 size 1 Rm opcode 00 Rn
//! Rd`): the long (L), wide (W) and high-narrow (HN) forms. `Q` selects the upper
//! halves of the narrow operands (the `2` forms). The 64-bit PMULL (size 11) is a
//! Cryptographic-extension instruction and is not decoded here.
//!
//! [`mul_long`] and [`sqdmul_long`] are shared with the long indexed-element forms.

use super::simd_fp::vreg;
use super::simd_lanes::{long, narrow, poly_mul, Fin, Shape, B, BHS, HS, R};
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::platform::Platform;

/// What a long multiply does with the destination.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Acc {
    /// `Elem[d] + product` (MLAL).
    Add,
    /// `Elem[d] - product` (MLSL).
    Sub,
    /// `product` (MULL).
    None,
}

impl Acc {
    /// Accumulate `product` into `d`.
    #[inline(always)]
    fn apply(self, d: i128, product: i128) -> i128 {
        match self {
            Acc::Add => d + product,
            Acc::Sub => d - product,
            Acc::None => product,
        }
    }

    /// The three-different opcode (bits 15:12 = `1 x s 0`/`1 x s 1`): bit 14 means no
    /// accumulation (MULL), else bit 13 subtracts.
    fn of_three_diff(i: Insn) -> Acc {
        if i.bit(14) {
            Acc::None
        } else if i.bit(13) {
            Acc::Sub
        } else {
            Acc::Add
        }
    }
}

/// Arm ARM C7.2: SMLAL, UMLAL, SMLSL, UMLSL, SMULL, UMULL (and the indexed forms):
/// `product = Int(element1, unsigned) * Int(element2, unsigned)`, accumulated into the
/// double-width `Elem[d]` per `acc`, low `2 * esize` bits kept. `vn`, `vm` hold the
/// narrow elements at element positions.
pub fn mul_long(cpu: &mut Cpu, i: Insn, sh: Shape, unsigned: bool, acc: Acc, vn: u128, vm: u128) -> R {
    long(cpu, i, sh, unsigned, Fin::Wrap, |e, d, _| acc.apply(d, sh.int(vn, e, unsigned) * sh.int(vm, e, unsigned)))
}

/// Arm ARM C7.2: SQDMLAL, SQDMLSL, SQDMULL (vector, scalar and indexed):
/// `(product, sat1) = SignedSatQ(2 * element1 * element2, 2 * esize)`, then
/// `(result, sat2) = SignedSatQ(Elem[d] +/- product, 2 * esize)`; QC if either.
pub fn sqdmul_long(cpu: &mut Cpu, i: Insn, sh: Shape, acc: Acc, vn: u128, vm: u128) -> R {
    let w = 2 * sh.esize;
    long(cpu, i, sh, false, Fin::Sat(false), |e, d, qc| {
        let product = qc.ssat(2 * sh.int(vn, e, false) * sh.int(vm, e, false), w);
        acc.apply(d, product)
    })
}

/// Arm ARM C7.2: SADDL, UADDL, SSUBL, USUBL (opcode 00x0) and SADDW, UADDW, SSUBW,
/// USUBW (opcode 00x1: the first operand is wide). opcode<1> (bit 13) subtracts.
pub fn add_sub_long(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::long(cpu, i, BHS)?;
    let (u, sub, wide) = (i.bit(29), i.bit(13), i.bit(12));
    let vn = vreg(cpu, i.rn());
    let (n_half, vm) = (sh.half(vn), sh.half(vreg(cpu, i.rm())));
    long(cpu, i, sh, u, Fin::Wrap, |e, _, _| {
        let a = if wide { sh.int2(vn, e, u) } else { sh.int(n_half, e, u) };
        let b = sh.int(vm, e, u);
        if sub {
            a - b
        } else {
            a + b
        }
    })
}

/// Arm ARM C7.2: ADDHN, RADDHN (opcode 0100) and SUBHN, RSUBHN (opcode 0110):
/// `sum = element1 +/- element2 + round_const; Elem[result] = sum<2*esize-1:esize>`,
/// with `round_const = 1 << (esize - 1)` for the rounding (U = 1) forms; the result
/// goes to `Vpart[d, part]`.
pub fn add_sub_hn(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::long(cpu, i, BHS)?;
    let sub = i.bit(13);
    let round = if i.bit(29) { 1i128 << (sh.esize - 1) } else { 0 };
    let (vn, vm) = (vreg(cpu, i.rn()), vreg(cpu, i.rm()));
    narrow(cpu, i, sh, Fin::Wrap, |e| {
        let (a, b) = (sh.int2(vn, e, true), sh.int2(vm, e, true));
        (if sub { a - b } else { a + b } + round) >> sh.esize
    })
}

/// Arm ARM C7.2: SABAL, UABAL (opcode 0101: `Elem[d] + Abs(element1 - element2)`) and
/// SABDL, UABDL (opcode 0111: `Abs(element1 - element2)`), double-width results.
pub fn abd_long(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::long(cpu, i, BHS)?;
    let (u, acc) = (i.bit(29), !i.bit(13));
    let (vn, vm) = (sh.half(vreg(cpu, i.rn())), sh.half(vreg(cpu, i.rm())));
    long(cpu, i, sh, u, Fin::Wrap, |e, d, _| if acc { d } else { 0 } + (sh.int(vn, e, u) - sh.int(vm, e, u)).abs())
}

/// Arm ARM C7.2: SMLAL, UMLAL (opcode 1000), SMLSL, UMLSL (1010), SMULL, UMULL (1100).
pub fn mlal(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::long(cpu, i, BHS)?;
    let (vn, vm) = (sh.half(vreg(cpu, i.rn())), sh.half(vreg(cpu, i.rm())));
    mul_long(cpu, i, sh, i.bit(29), Acc::of_three_diff(i), vn, vm)
}

/// Arm ARM C7.2: SQDMLAL (opcode 1001), SQDMLSL (1011), SQDMULL (1101), vector and
/// scalar; halfword and word elements only.
pub fn sqdmlal(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::long(cpu, i, HS)?;
    let (vn, vm) = (sh.half(vreg(cpu, i.rn())), sh.half(vreg(cpu, i.rm())));
    sqdmul_long(cpu, i, sh, Acc::of_three_diff(i), vn, vm)
}

/// Arm ARM C7.2: PMULL, PMULL2 with byte elements: `PolynomialMult(element1,
/// element2)` into halfwords.
pub fn pmull(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::long(cpu, i, B)?;
    let (vn, vm) = (sh.half(vreg(cpu, i.rn())), sh.half(vreg(cpu, i.rm())));
    long(cpu, i, sh, true, Fin::Wrap, |e, _, _| {
        poly_mul(sh.int(vn, e, true) as u64, sh.int(vm, e, true) as u64, 8) as i128
    })
}

#[cfg(test)]
#[path = "simd_three_diff_tests.rs"]
mod tests;
