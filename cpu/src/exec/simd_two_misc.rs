//! Advanced SIMD two-register miscellaneous, integer (Arm ARM C4.1.x, `0 Q U 01110
//! size 10000 opcode 10 Rn Rd`) and Advanced SIMD scalar two-register miscellaneous
//! (`01 U 11110 size 10000 opcode 10 Rn Rd`). Bit 28 selects the scalar form.

use super::simd_fp::{elem, ones64, set_vreg_width, vreg};
use super::simd_lanes::{build, int, long, mask, narrow, unary, Fin, Qc, Shape, B, BH, BHS, BHSD, R};
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::platform::Platform;

/// Arm ARM C7.2: REV64 (U = 0, opcode 00000), REV32 (U = 1, opcode 00000), REV16
/// (U = 0, opcode 00001): the elements of each `container` of 64, 32 or 16 bits in
/// reverse order. An element as large as the container is reserved.
pub fn rev(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let container = 64 >> (i.bit(29) as u32 + 2 * i.bit(12) as u32);
    let sizes = match container {
        64 => BHS,
        32 => BH,
        _ => B,
    };
    let sh = Shape::same(cpu, i, sizes)?;
    let flip = container / sh.esize - 1;
    let vn = vreg(cpu, i.rn());
    let r = build(sh.elements, sh.esize, Fin::Wrap, &mut Qc::default(), |e, _| elem(vn, e ^ flip, sh.esize) as i128);
    set_vreg_width(cpu, i.rd(), r, sh.datasize);
    Ok(())
}

/// Arm ARM C7.2: SADDLP, UADDLP (opcode 00010) and SADALP, UADALP (opcode 00110):
/// `Elem[result, e, 2*esize] = Int(Elem[n, 2e]) + Int(Elem[n, 2e+1])`, plus
/// `Elem[d, e, 2*esize]` when accumulating (opcode<2>, bit 14).
pub fn addlp(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::same(cpu, i, BHS)?;
    let (u, acc) = (i.bit(29), i.bit(14));
    let (vn, vd) = (vreg(cpu, i.rn()), vreg(cpu, i.rd()));
    let r = build(sh.elements / 2, 2 * sh.esize, Fin::Wrap, &mut Qc::default(), |e, _| {
        let sum = sh.int(vn, 2 * e, u) + sh.int(vn, 2 * e + 1, u);
        if acc {
            sum + sh.int2(vd, e, u)
        } else {
            sum
        }
    });
    set_vreg_width(cpu, i.rd(), r, sh.datasize);
    Ok(())
}

/// Arm ARM C7.2: SUQADD (U = 0: signed `Elem[d]` plus unsigned `Elem[n]`, signed
/// saturation) and USQADD (U = 1: unsigned `Elem[d]` plus signed `Elem[n]`, unsigned
/// saturation), vector and scalar.
pub fn sqadd_mixed(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::same(cpu, i, BHSD)?;
    let u = i.bit(29);
    let (vn, vd) = (vreg(cpu, i.rn()), vreg(cpu, i.rd()));
    let mut qc = Qc::default();
    let r = build(sh.elements, sh.esize, Fin::Sat(u), &mut qc, |e, _| sh.int(vn, e, !u) + sh.int(vd, e, u));
    qc.write(cpu);
    set_vreg_width(cpu, i.rd(), r, sh.datasize);
    Ok(())
}

/// `CountLeadingSignBits(x)` of an `n`-bit value: `CountLeadingZeroBits(x<n-1:1> EOR
/// x<n-2:0>)`.
fn cls(x: u64, n: u32) -> u32 {
    let y = (x >> 1) ^ (x & ones64(n - 1));
    clz(y, n - 1)
}

/// `CountLeadingZeroBits(x)` of an `n`-bit value.
fn clz(x: u64, n: u32) -> u32 {
    n - (64 - (x & ones64(n)).leading_zeros())
}

/// Arm ARM C7.2: CLS (U = 0) and CLZ (U = 1), vector.
pub fn cls_clz(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::same(cpu, i, BHS)?;
    let count_clz = i.bit(29);
    let es = sh.esize;
    unary(cpu, i, sh, true, Fin::Wrap, |n, _| if count_clz { clz(n as u64, es) } else { cls(n as u64, es) } as i128)
}

/// Arm ARM C7.2: CNT: `BitCount` of each byte.
pub fn cnt(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::same(cpu, i, B)?;
    unary(cpu, i, sh, true, Fin::Wrap, |n, _| n.count_ones() as i128)
}

/// Arm ARM C7.2: NOT (alias MVN; size 00) and RBIT (vector; size 01), both on bytes.
pub fn not_rbit(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::checked(cpu, 0, i.bit(30), false, B, true)?;
    let rbit = i.bit(22);
    unary(cpu, i, sh, true, Fin::Wrap, |n, _| if rbit { (n as u8).reverse_bits() as i128 } else { !n })
}

/// Arm ARM C7.2: SQABS (U = 0) and SQNEG (U = 1), vector and scalar:
/// `SignedSatQ(Abs(element))` / `SignedSatQ(-element)`.
pub fn sqabs_sqneg(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::same(cpu, i, BHSD)?;
    let neg = i.bit(29);
    unary(cpu, i, sh, false, Fin::Sat(false), |n, _| if neg { -n } else { n.abs() })
}

/// Arm ARM C7.2: ABS (U = 0) and NEG (U = 1), vector and scalar (low `esize` bits).
pub fn abs_neg(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::same(cpu, i, BHSD)?;
    let neg = i.bit(29);
    unary(cpu, i, sh, false, Fin::Wrap, |n, _| if neg { -n } else { n.abs() })
}

/// Arm ARM C7.2: CMGT, CMGE (opcode 01000, U = 0 / 1), CMEQ, CMLE (opcode 01001) and
/// CMLT (opcode 01010, U = 0) against zero, signed; all ones when true.
pub fn cmp_zero(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::same(cpu, i, BHSD)?;
    let op = (i.bit(13), i.bit(12), i.bit(29));
    unary(cpu, i, sh, false, Fin::Wrap, |n, _| {
        mask(match op {
            (true, _, _) => n < 0,
            (false, false, false) => n > 0,
            (false, false, true) => n >= 0,
            (false, true, false) => n == 0,
            (false, true, true) => n <= 0,
        })
    })
}

/// Arm ARM C7.2: XTN (U = 0, opcode 10010: low half of each element), SQXTUN (U = 1,
/// opcode 10010: signed source, unsigned saturation), SQXTN and UQXTN (opcode 10100:
/// saturation of the signedness U); the result goes to `Vpart[d, part]` (the scalar
/// forms write one `esize` element).
pub fn xtn(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::long(cpu, i, BHS)?;
    let u = i.bit(29);
    let (src_unsigned, fin) = match (i.bit(14), u) {
        (false, false) => (true, Fin::Wrap),
        (false, true) => (false, Fin::Sat(true)),
        (true, u) => (u, Fin::Sat(u)),
    };
    let vn = vreg(cpu, i.rn());
    narrow(cpu, i, sh, fin, |e| sh.int2(vn, e, src_unsigned))
}

/// Arm ARM C7.2: SHLL, SHLL2: `Elem[result, e, 2*esize] = Elem[Vpart(n), e] << esize`.
pub fn shll(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::long(cpu, i, BHS)?;
    let vn = sh.half(vreg(cpu, i.rn()));
    long(cpu, i, sh, true, Fin::Wrap, |e, _, _| int(elem(vn, e, sh.esize), sh.esize, true) << sh.esize)
}

#[cfg(test)]
#[path = "simd_two_misc_tests.rs"]
mod tests;
