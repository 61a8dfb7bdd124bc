//! Advanced SIMD three same, integer (Arm ARM C4.1.x, `0 Q U 01110 size 1 Rm opcode
//! 1 Rn Rd`) and Advanced SIMD scalar three same (`01 U 11110 size 1 Rm opcode 1 Rn
//! Rd`). One handler per family: `U` (bit 29) selects the unsigned or the second
//! operation, the low opcode bits select rounding, saturation or the variant; bit 28
//! selects the scalar form (see [`Shape`]). The logical group (opcode 00011) lives in
//! `simd_logic`.

use super::simd_fp::{elem, set_vreg_width, vreg};
use super::simd_lanes::{mask, poly_mul, same, shift_int, Fin, Qc, Shape, B, BHS, BHSD, HS, R};
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::platform::Platform;

/// Arm ARM C7.2: SHADD, UHADD, SRHADD, URHADD. `sum = element1 + element2 (+ 1 if
/// rounding); Elem = sum<esize:1>`. opcode<1> (bit 12) = rounding.
pub fn hadd(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::same(cpu, i, BHS)?;
    let round = i.bit(12) as i128;
    same(cpu, i, sh, i.bit(29), Fin::Wrap, |n, m, _| (n + m + round) >> 1)
}

/// Arm ARM C7.2: SHSUB, UHSUB. `diff = element1 - element2; Elem = diff<esize:1>`.
pub fn hsub(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::same(cpu, i, BHS)?;
    same(cpu, i, sh, i.bit(29), Fin::Wrap, |n, m, _| (n - m) >> 1)
}

/// Arm ARM C7.2: SQADD, UQADD (vector and scalar). `SatQ(element1 + element2)`.
pub fn qadd(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::same(cpu, i, BHSD)?;
    let u = i.bit(29);
    same(cpu, i, sh, u, Fin::Sat(u), |n, m, _| n + m)
}

/// Arm ARM C7.2: SQSUB, UQSUB (vector and scalar). `SatQ(element1 - element2)`.
pub fn qsub(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::same(cpu, i, BHSD)?;
    let u = i.bit(29);
    same(cpu, i, sh, u, Fin::Sat(u), |n, m, _| n - m)
}

/// Arm ARM C7.2: CMGT, CMHI (opcode 00110) and CMGE, CMHS (opcode 00111), register:
/// `test_passed = cmp_eq ? element1 >= element2 : element1 > element2`, signed (U = 0)
/// or unsigned (U = 1); all ones when it passes.
pub fn cmp(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::same(cpu, i, BHSD)?;
    let eq = i.bit(11);
    same(cpu, i, sh, i.bit(29), Fin::Wrap, |n, m, _| mask(if eq { n >= m } else { n > m }))
}

/// Arm ARM C7.2: CMTST (U = 0: `(element1 AND element2) != 0`) and CMEQ, register
/// (U = 1: `element1 == element2`).
pub fn cmtst_cmeq(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::same(cpu, i, BHSD)?;
    let eq = i.bit(29);
    same(cpu, i, sh, true, Fin::Wrap, |n, m, _| mask(if eq { n == m } else { n & m != 0 }))
}

/// Arm ARM C7.2: SSHL, USHL, SRSHL, URSHL, SQSHL, UQSHL, SQRSHL, UQRSHL (register).
/// `shift = SInt(Elem[operand2, e, esize]<7:0>)`; `round_const = 1 << (-shift - 1)`
/// when rounding (opcode<1>, bit 12) and shifting right; `element = (Int(element1) +
/// round_const) << shift`; then `SatQ` when saturating (opcode<0>, bit 11), else the
/// low `esize` bits.
pub fn shl_reg(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::same(cpu, i, BHSD)?;
    let u = i.bit(29);
    let rounding = i.bit(12);
    let fin = if i.bit(11) { Fin::Sat(u) } else { Fin::Wrap };
    same(cpu, i, sh, u, fin, |n, m, _| shift_int(n, m as i8 as i64, rounding))
}

/// Arm ARM C7.2: SMAX, UMAX (opcode 01100) and SMIN, UMIN (opcode 01101).
pub fn max_min(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::same(cpu, i, BHS)?;
    let min = i.bit(11);
    same(cpu, i, sh, i.bit(29), Fin::Wrap, |n, m, _| if min { n.min(m) } else { n.max(m) })
}

/// Arm ARM C7.2: SABD, UABD (opcode 01110: `Abs(element1 - element2)`) and SABA,
/// UABA (opcode 01111: `Elem[d] + Abs(element1 - element2)`).
pub fn abd(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::same(cpu, i, BHS)?;
    let acc = i.bit(11);
    same(cpu, i, sh, i.bit(29), Fin::Wrap, |n, m, d| if acc { d } else { 0 } + (n - m).abs())
}

/// Arm ARM C7.2: ADD (U = 0) and SUB (U = 1), vector and scalar.
pub fn add_sub(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::same(cpu, i, BHSD)?;
    let sub = i.bit(29);
    same(cpu, i, sh, true, Fin::Wrap, |n, m, _| if sub { n - m } else { n + m })
}

/// Arm ARM C7.2: MLA (U = 0) and MLS (U = 1), vector: `Elem[d] +/- element1 *
/// element2`.
pub fn mla_mls(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::same(cpu, i, BHS)?;
    let sub = i.bit(29);
    same(cpu, i, sh, true, Fin::Wrap, |n, m, d| if sub { d - n * m } else { d + n * m })
}

/// Arm ARM C7.2: MUL (vector).
pub fn mul(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::same(cpu, i, BHS)?;
    same(cpu, i, sh, true, Fin::Wrap, |n, m, _| n * m)
}

/// Arm ARM C7.2: PMUL: `PolynomialMult(element1, element2)<esize-1:0>`, bytes only.
pub fn pmul(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::same(cpu, i, B)?;
    same(cpu, i, sh, true, Fin::Wrap, |n, m, _| poly_mul(n as u64, m as u64, 8) as i128)
}

/// Arm ARM C7.2: SQDMULH (U = 0) and SQRDMULH (U = 1), vector and scalar:
/// `SignedSatQ((2 * element1 * element2 + round_const) >> esize, esize)` with
/// `round_const = 1 << (esize - 1)` when rounding.
pub fn sqdmulh(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::same(cpu, i, HS)?;
    let round = if i.bit(29) { 1i128 << (sh.esize - 1) } else { 0 };
    same(cpu, i, sh, false, Fin::Sat(false), |n, m, _| (2 * n * m + round) >> sh.esize)
}

/// The pairwise engine: `concat = operand2:operand1`, result element `e` is
/// `op(Elem[concat, 2e], Elem[concat, 2e + 1])` as integers of signedness `unsigned`.
fn pairwise(cpu: &mut Cpu, i: Insn, sh: Shape, unsigned: bool, op: impl Fn(i128, i128) -> i128) -> R {
    let (vn, vm) = (vreg(cpu, i.rn()), vreg(cpu, i.rm()));
    let half = sh.elements;
    let at = |j: u32| {
        let (v, k) = if j < half { (vn, j) } else { (vm, j - half) };
        super::simd_lanes::int(elem(v, k, sh.esize), sh.esize, unsigned)
    };
    let r = super::simd_lanes::build(sh.elements, sh.esize, Fin::Wrap, &mut Qc::default(), |e, _| {
        op(at(2 * e), at(2 * e + 1))
    });
    set_vreg_width(cpu, i.rd(), r, sh.datasize);
    Ok(())
}

/// Arm ARM C7.2: ADDP (vector).
pub fn addp_vec(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::same(cpu, i, BHSD)?;
    pairwise(cpu, i, sh, true, |a, b| a + b)
}

/// Arm ARM C7.2: SMAXP, UMAXP (opcode 10100) and SMINP, UMINP (opcode 10101).
pub fn max_min_p(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::same(cpu, i, BHS)?;
    let min = i.bit(11);
    pairwise(cpu, i, sh, i.bit(29), |a, b| if min { a.min(b) } else { a.max(b) })
}

#[cfg(test)]
#[path = "simd_three_same_tests.rs"]
pub(crate) mod tests;
