//! Shared lane machinery of the Advanced SIMD integer instructions (Arm ARM C4.1.x
//! "Advanced SIMD three same", "three different", "two-register miscellaneous", "shift
//! by immediate", "vector x indexed element", and their scalar forms).
//!
//! The pseudocode of these instructions works on unbounded integers:
//! `Int(Elem[operand, e, esize], unsigned)`, arithmetic, then either the low `esize`
//! bits (`element<esize-1:0>`) or `SatQ(element, esize, unsigned)` with FPSR.QC set on
//! saturation. Here the integers are `i128` (every intermediate of an ARMv8.0 integer
//! instruction fits: at most a 64-bit value plus a carry, or a product of two 32-bit
//! values doubled), and a handler is one closure over the element values.
//!
//! The scalar forms (bit 28 set in every scalar class) are the vector forms with one
//! element and `datasize = esize`: [`Shape`] covers both, so a single handler serves
//! `SQADD_vec` and `SQADD_scalar`.

use super::simd_fp::{check_fp_enabled, elem, set_elem, set_vreg_width, vreg};
use crate::exception::{self, Trap};
use crate::insn::Insn;
use crate::interp::Cpu;

/// Handler result.
pub type R = Result<(), Trap>;

/// Allowed values of a `size` field, one bit per size (B = bit 0 .. D = bit 3).
pub const BHSD: u32 = 0b1111;
/// Sizes 8, 16, 32.
pub const BHS: u32 = 0b0111;
/// Sizes 16, 32.
pub const HS: u32 = 0b0110;
/// Size 8 only.
pub const B: u32 = 0b0001;
/// Size 8 and 16.
pub const BH: u32 = 0b0011;

/// FPSR.QC, the cumulative saturation bit.
pub const FPSR_QC: u32 = 1 << 27;

/// The operand layout of one instruction: element size, element count and the width
/// of the register written. For the long and narrow forms `esize` is the narrow
/// element size and `part` selects the upper half of the narrow operand (`2` forms).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shape {
    /// Element size in bits (8..=64).
    pub esize: u32,
    /// Number of elements.
    pub elements: u32,
    /// `datasize`: 64 or 128 for vectors, `esize` for scalars.
    pub datasize: u32,
    /// `part = UInt(Q)` of the long and narrow forms (0 for scalars).
    pub part: u32,
    /// A scalar form (bit 28 of the instruction).
    pub scalar: bool,
}

/// `UNDEFINED`: the decode-time error of a reserved field value.
#[inline(always)]
pub fn undef(cpu: &Cpu) -> Trap {
    exception::undefined(&cpu.s)
}

impl Shape {
    /// A shape from an element size (`size` 0..=3) and the Q / scalar bits.
    fn of(size: u32, q: bool, scalar: bool) -> Shape {
        let esize = 8 << size;
        let datasize = if scalar {
            esize
        } else if q {
            128
        } else {
            64
        };
        Shape { esize, elements: datasize / esize, datasize, part: (q && !scalar) as u32, scalar }
    }

    /// Decode of the same-width forms (three same, two-register misc, across lanes):
    /// `size` = bits 23:22 must be one of `sizes`, and `size:Q = 110` (a 64-bit vector
    /// of one 64-bit element) is reserved in every vector form. Then
    /// `CheckFPAdvSIMDEnabled64()`.
    pub fn same(cpu: &Cpu, i: Insn, sizes: u32) -> Result<Shape, Trap> {
        Shape::checked(cpu, i.bits(23, 22), i.bit(30), i.bit(28), sizes, true)
    }

    /// Decode of the long and narrow forms (three different, XTN, SHLL, long indexed):
    /// `size` must be one of `sizes`; `esize` is the narrow element size, `elements =
    /// 64 / esize` (1 for scalars) and `part = Q`. Then `CheckFPAdvSIMDEnabled64()`.
    pub fn long(cpu: &Cpu, i: Insn, sizes: u32) -> Result<Shape, Trap> {
        Shape::checked(cpu, i.bits(23, 22), i.bit(30), i.bit(28), sizes, false)
    }

    /// The common decode: `same_width` shapes span the whole `datasize`, the others
    /// one 64-bit half.
    pub fn checked(cpu: &Cpu, size: u32, q: bool, scalar: bool, sizes: u32, same_width: bool) -> Result<Shape, Trap> {
        if size > 3 || sizes & (1 << size) == 0 || (same_width && !scalar && size == 3 && !q) {
            return Err(undef(cpu));
        }
        check_fp_enabled(cpu)?;
        let mut sh = Shape::of(size, q, scalar);
        if !same_width && !scalar {
            sh.elements = 64 / sh.esize;
            sh.datasize = 64;
        }
        Ok(sh)
    }

    /// `Int(Elem[v, e, esize], unsigned)`.
    #[inline(always)]
    pub fn int(&self, v: u128, e: u32, unsigned: bool) -> i128 {
        int(elem(v, e, self.esize), self.esize, unsigned)
    }

    /// `Int(Elem[v, e, 2 * esize], unsigned)`: an element of a wide operand.
    #[inline(always)]
    pub fn int2(&self, v: u128, e: u32, unsigned: bool) -> i128 {
        int(elem(v, e, 2 * self.esize), 2 * self.esize, unsigned)
    }

    /// `Vpart[n, part]` of the narrow operand of a long form: the low or high 64 bits.
    #[inline(always)]
    pub fn half(&self, v: u128) -> u128 {
        if self.part == 1 {
            v >> 64
        } else {
            v & u64::MAX as u128
        }
    }
}

/// `Int(x<bits-1:0>, unsigned)`.
#[inline(always)]
pub fn int(x: u64, bits: u32, unsigned: bool) -> i128 {
    if unsigned {
        (x & super::simd_fp::ones64(bits)) as i128
    } else {
        super::simd_fp::sign_extend(x, bits) as i64 as i128
    }
}

/// `SatQ(i, N, unsigned)`: `i` clipped to the `N`-bit range, its low `N` bits, and
/// whether it was clipped (`SignedSatQ` / `UnsignedSatQ`).
#[inline(always)]
pub fn sat_q(i: i128, n: u32, unsigned: bool) -> (u64, bool) {
    let (lo, hi) = if unsigned { (0i128, (1i128 << n) - 1) } else { (-(1i128 << (n - 1)), (1i128 << (n - 1)) - 1) };
    if i > hi {
        (hi as u64, true)
    } else if i < lo {
        (lo as u64 & super::simd_fp::ones64(n), true)
    } else {
        (i as u64 & super::simd_fp::ones64(n), false)
    }
}

/// How an element's integer result becomes its bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fin {
    /// `element<esize-1:0>`.
    Wrap,
    /// `SatQ(element, esize, unsigned)`, FPSR.QC set when it saturates.
    Sat(bool),
}

/// `Ones(esize)` or `Zeros(esize)` for a comparison, as an integer whose low bits are
/// the result.
#[inline(always)]
pub fn mask(c: bool) -> i128 {
    -(c as i128)
}

/// `(x + round) << shift` for a signed `shift`, as `ShiftSat`-free pseudocode does on
/// unbounded integers (SSHL, SRSHL, SQSHL, SQRSHL and their U forms, and the immediate
/// shifts): `round` is `1 << (-shift - 1)` when `rounding` and `shift < 0`, else 0.
/// `x` is an element value (at most 64 bits, signed or not). Shifts too large for
/// `i128` are folded: a left shift by 64 or more gives a value whose low 64 bits are zero and which is out of
/// every `SatQ` range on the side of `x`'s sign; a right shift by 66 or more gives
/// what the unbounded arithmetic gives (0, or -1 for a negative `x` without rounding).
#[inline(always)]
pub fn shift_int(x: i128, shift: i64, rounding: bool) -> i128 {
    if shift >= 0 {
        if shift >= 64 {
            x.signum() << 66
        } else {
            x << shift
        }
    } else {
        let n = (-shift).min(66) as u32;
        let round = if rounding { 1i128 << (n - 1) } else { 0 };
        (x + round) >> n
    }
}

/// Accumulates FPSR.QC over the elements of one instruction.
#[derive(Default)]
pub struct Qc(pub bool);

impl Qc {
    /// Finish one element: its bits at `esize`.
    #[inline(always)]
    pub fn fin(&mut self, v: i128, esize: u32, fin: Fin) -> u64 {
        match fin {
            Fin::Wrap => v as u64 & super::simd_fp::ones64(esize),
            Fin::Sat(unsigned) => {
                let (r, sat) = sat_q(v, esize, unsigned);
                self.0 |= sat;
                r
            }
        }
    }

    /// `SignedSatQ(v, bits)` as an integer, saturation accumulated: the inner
    /// saturation of the product in SQDMLAL and SQDMLSL.
    #[inline(always)]
    pub fn ssat(&mut self, v: i128, bits: u32) -> i128 {
        let (r, sat) = sat_q(v, bits, false);
        self.0 |= sat;
        int(r, bits, false)
    }

    /// `if sat then FPSR.QC = '1'`.
    #[inline(always)]
    pub fn write(self, cpu: &mut Cpu) {
        if self.0 {
            cpu.s.fpsr |= FPSR_QC;
        }
    }
}

/// Build a result of `elements` elements of `esize` bits, element `e` being
/// `fin(op(e, qc))`; QC is accumulated in `qc` (which `op` may also set, for the
/// instructions that saturate twice).
#[inline(always)]
pub fn build(elements: u32, esize: u32, fin: Fin, qc: &mut Qc, mut op: impl FnMut(u32, &mut Qc) -> i128) -> u128 {
    let mut r = 0u128;
    for e in 0..elements {
        let x = op(e, qc);
        r = set_elem(r, e, esize, qc.fin(x, esize, fin));
    }
    r
}

/// The same-width element-wise engine: `V[d]<e> = fin(op(n, m, d))` with
/// `n = Int(Elem[V[n], e])`, `m = Int(Elem[V[m], e])`, `d = Int(Elem[V[d], e])`, all
/// with signedness `unsigned`; the write clears the bits above `datasize`.
pub fn same(cpu: &mut Cpu, i: Insn, sh: Shape, unsigned: bool, fin: Fin, op: impl Fn(i128, i128, i128) -> i128) -> R {
    let vm = vreg(cpu, i.rm());
    same_with(cpu, i, sh, vm, unsigned, fin, op)
}

/// [`same`] with the second operand given (the indexed forms pass the element
/// replicated).
pub fn same_with(
    cpu: &mut Cpu,
    i: Insn,
    sh: Shape,
    vm: u128,
    unsigned: bool,
    fin: Fin,
    op: impl Fn(i128, i128, i128) -> i128,
) -> R {
    let (vn, vd) = (vreg(cpu, i.rn()), vreg(cpu, i.rd()));
    let mut qc = Qc::default();
    let r = build(sh.elements, sh.esize, fin, &mut qc, |e, _| {
        op(sh.int(vn, e, unsigned), sh.int(vm, e, unsigned), sh.int(vd, e, unsigned))
    });
    qc.write(cpu);
    set_vreg_width(cpu, i.rd(), r, sh.datasize);
    Ok(())
}

/// The one-source element-wise engine: `V[d]<e> = fin(op(n, d))`.
pub fn unary(cpu: &mut Cpu, i: Insn, sh: Shape, unsigned: bool, fin: Fin, op: impl Fn(i128, i128) -> i128) -> R {
    let (vn, vd) = (vreg(cpu, i.rn()), vreg(cpu, i.rd()));
    let mut qc = Qc::default();
    let r = build(sh.elements, sh.esize, fin, &mut qc, |e, _| op(sh.int(vn, e, unsigned), sh.int(vd, e, unsigned)));
    qc.write(cpu);
    set_vreg_width(cpu, i.rd(), r, sh.datasize);
    Ok(())
}

/// The widening engine (three different, SHLL, SSHLL, the long indexed forms):
/// `Elem[result, e, 2 * esize] = fin(op(e, d, qc))` with `d = Int(Elem[V[d], e, 2 *
/// esize], d_unsigned)`; writes 128 bits (vector) or `2 * esize` bits (scalar).
pub fn long(
    cpu: &mut Cpu,
    i: Insn,
    sh: Shape,
    d_unsigned: bool,
    fin: Fin,
    mut op: impl FnMut(u32, i128, &mut Qc) -> i128,
) -> R {
    let vd = vreg(cpu, i.rd());
    let mut qc = Qc::default();
    let r = build(sh.elements, 2 * sh.esize, fin, &mut qc, |e, qc| op(e, sh.int2(vd, e, d_unsigned), qc));
    qc.write(cpu);
    set_vreg_width(cpu, i.rd(), r, if sh.scalar { 2 * sh.esize } else { 128 });
    Ok(())
}

/// The narrowing engine (ADDHN, XTN, SHRN and their saturating forms):
/// `Elem[result, e, esize] = fin(op(e))`, then `Vpart[d, part] = result`.
pub fn narrow(cpu: &mut Cpu, i: Insn, sh: Shape, fin: Fin, mut op: impl FnMut(u32) -> i128) -> R {
    let mut qc = Qc::default();
    let r = build(sh.elements, sh.esize, fin, &mut qc, |e, _| op(e));
    qc.write(cpu);
    write_narrow(cpu, i.rd(), sh, r);
    Ok(())
}

/// `Vpart[d, part] = result` of a narrowing instruction (64 bits of results): part 0
/// writes the low half and clears the rest (or, for a scalar, writes `esize` bits),
/// part 1 writes the upper half and keeps the lower.
pub fn write_narrow(cpu: &mut Cpu, d: u32, sh: Shape, result: u128) {
    if sh.part == 1 {
        let low = vreg(cpu, d) & u64::MAX as u128;
        set_vreg_width(cpu, d, low | (result << 64), 128);
    } else {
        set_vreg_width(cpu, d, result, if sh.scalar { sh.esize } else { 64 });
    }
}

/// Carry-less multiplication of two `bits`-wide polynomials (`PolynomialMult`).
#[inline(always)]
pub fn poly_mul(a: u64, b: u64, bits: u32) -> u128 {
    let mut r = 0u128;
    for k in 0..bits.min(64) {
        if (a >> k) & 1 != 0 {
            r ^= (b as u128) << k;
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_and_satq() {
        assert_eq!(int(0x80, 8, false), -128);
        assert_eq!(int(0x80, 8, true), 128);
        assert_eq!(int(u64::MAX, 64, true), u64::MAX as i128);
        assert_eq!(sat_q(128, 8, false), (0x7f, true));
        assert_eq!(sat_q(-129, 8, false), (0x80, true));
        assert_eq!(sat_q(-1, 8, false), (0xff, false));
        assert_eq!(sat_q(-1, 16, true), (0, true));
        assert_eq!(sat_q(1 << 64, 64, true), (u64::MAX, true));
        assert_eq!(sat_q(i64::MIN as i128 - 1, 64, false), (1 << 63, true));
    }

    #[test]
    fn shifts_fold_large_counts() {
        assert_eq!(shift_int(1, 3, false), 8);
        assert_eq!(shift_int(-1, 127, false) as u64, 0);
        assert!(shift_int(-1, 127, false) < i64::MIN as i128);
        assert!(shift_int(u64::MAX as i128, 64, false) > u64::MAX as i128);
        assert_eq!(shift_int(0, 100, false), 0);
        assert_eq!(shift_int(-5, -128, false), -1);
        assert_eq!(shift_int(-5, -128, true), 0);
        assert_eq!(shift_int(u64::MAX as i128, -64, true), 1);
        assert_eq!(shift_int(u64::MAX as i128, -65, true), 0);
        // SRSHR by 1 of 3: (3 + 1) >> 1 = 2.
        assert_eq!(shift_int(3, -1, true), 2);
        assert_eq!(shift_int(-3, -1, true), -1);
    }

    #[test]
    fn poly_mul_is_carry_less() {
        assert_eq!(poly_mul(0b11, 0b11, 8), 0b101);
        assert_eq!(poly_mul(0xff, 0xff, 8), 0x5555);
    }
}
