//! Advanced SIMD vector x indexed element, integer (Arm ARM C4.1.x, `0 Q U 01111 size L
//! M Rm opcode H 0 Rn Rd`) and Advanced SIMD scalar x indexed element (`01 U 11111 size
//! L M Rm opcode H 0 Rn Rd`): the second operand is one element of V`m`, used for every
//! lane. Halfword elements: `Rm = 0:Rm<3:0>`, `index = H:L:M`; word elements:
//! `Rm = M:Rm`, `index = H:L`; the other sizes are reserved. The FP members of these
//! classes (FMLA, FMLS, FMUL, FMULX by element) are not decoded here.

use super::simd_fp::{elem, replicate, vreg};
use super::simd_lanes::{same_with, Fin, Shape, HS, R};
use super::simd_three_diff::{mul_long, sqdmul_long, Acc};
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::platform::Platform;

/// `Elem[V[m], index, esize]` of a by-element instruction.
fn element(cpu: &Cpu, i: Insn, esize: u32) -> u64 {
    let (h, l, m) = (i.bit(11) as u32, i.bit(21) as u32, i.bit(20) as u32);
    let (rm, index) = if esize == 16 { (i.bits(19, 16), h << 2 | l << 1 | m) } else { (i.bits(20, 16), h << 1 | l) };
    elem(vreg(cpu, rm), index, esize)
}

/// The element repeated over 128 bits, so the same-width engines can use it as
/// `V[m]`.
fn element_vector(cpu: &Cpu, i: Insn, sh: Shape) -> u128 {
    replicate(element(cpu, i, sh.esize), sh.esize, 128)
}

/// The long by-element opcodes (bits 15:12 = `a s 1 x`): bit 15 means no
/// accumulation (MULL), else bit 14 subtracts.
fn acc(i: Insn) -> Acc {
    if i.bit(15) {
        Acc::None
    } else if i.bit(14) {
        Acc::Sub
    } else {
        Acc::Add
    }
}

/// Arm ARM C7.2: MUL (by element).
pub fn mul_elt(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::same(cpu, i, HS)?;
    let vm = element_vector(cpu, i, sh);
    same_with(cpu, i, sh, vm, true, Fin::Wrap, |n, m, _| n * m)
}

/// Arm ARM C7.2: MLA (by element; opcode 0000) and MLS (by element; opcode 0100).
pub fn mla_mls_elt(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::same(cpu, i, HS)?;
    let sub = i.bit(14);
    let vm = element_vector(cpu, i, sh);
    same_with(cpu, i, sh, vm, true, Fin::Wrap, |n, m, d| if sub { d - n * m } else { d + n * m })
}

/// Arm ARM C7.2: SQDMULH (by element; opcode 1100) and SQRDMULH (by element; opcode
/// 1101), vector and scalar: `SignedSatQ((2 * element1 * element2 + round_const) >>
/// esize, esize)`.
pub fn sqdmulh_elt(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::same(cpu, i, HS)?;
    let round = if i.bit(12) { 1i128 << (sh.esize - 1) } else { 0 };
    let vm = element_vector(cpu, i, sh);
    same_with(cpu, i, sh, vm, false, Fin::Sat(false), |n, m, _| (2 * n * m + round) >> sh.esize)
}

/// Arm ARM C7.2: SMLAL, UMLAL (opcode 0010), SMLSL, UMLSL (0110), SMULL, UMULL (1010),
/// by element.
pub fn mull_elt(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::long(cpu, i, HS)?;
    let vn = sh.half(vreg(cpu, i.rn()));
    let vm = replicate(element(cpu, i, sh.esize), sh.esize, 64);
    mul_long(cpu, i, sh, i.bit(29), acc(i), vn, vm)
}

/// Arm ARM C7.2: SQDMLAL (opcode 0011), SQDMLSL (0111), SQDMULL (1011), by element,
/// vector and scalar.
pub fn sqdmull_elt(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = Shape::long(cpu, i, HS)?;
    let vn = sh.half(vreg(cpu, i.rn()));
    let vm = replicate(element(cpu, i, sh.esize), sh.esize, 64);
    sqdmul_long(cpu, i, sh, acc(i), vn, vm)
}

#[cfg(test)]
mod tests {
    use super::super::simd_lanes::FPSR_QC;
    use super::super::simd_three_same::tests::{exec, lanes, v};

    #[test]
    fn same_width_by_element() {
        let code = crate::a64!(
            ; mul v0.h8, v1.h8, v15.h[7] ; mla v2.s4, v3.s4, v31.s[3] ; mls v4.s2, v3.s2, v31.s[1]
            ; sqrdmulh v5.h4, v1.h4, v6.h[2] ; sqdmulh s7, s3, v31.s[3] ; brk 0
        );
        let cpu = exec(
            &code,
            &[
                (1, lanes(16, &[1, 2, 3, 0x8000, 5, 6, 7, 8])),
                (15, lanes(16, &[0, 0, 0, 0, 0, 0, 0, 3])),
                (2, lanes(32, &[10, 10, 10, 10])),
                (3, lanes(32, &[1, 2, 0x8000_0000, 4])),
                (31, lanes(32, &[0, 7, 0, 0x8000_0000])),
                (4, u128::MAX),
                (6, lanes(16, &[0, 0, 0x8000, 0])),
            ],
        );
        assert_eq!(v(&cpu, 0), lanes(16, &[3, 6, 9, 0x8000, 15, 18, 21, 24]));
        // 10 + x * 2^31 (mod 2^32): 1 -> 0x8000000a, 2 -> 10, 2^31 -> 10, 4 -> 10.
        assert_eq!(v(&cpu, 2), lanes(32, &[0x8000_000a, 10, 10, 10]));
        // 0xffffffff - 7 * [1, 2]; upper half cleared.
        assert_eq!(v(&cpu, 4), lanes(32, &[0xffff_fff8, 0xffff_fff1]));
        // x * -2^15 doubled, rounded, >> 16 = -x; 0x8000 * 0x8000 saturates.
        assert_eq!(v(&cpu, 5), lanes(16, &[0xffff, 0xfffe, 0xfffd, 0x7fff]));
        // S3 = 1: 2 * 1 * -2^31 >> 32 = -1.
        assert_eq!(v(&cpu, 7), 0xffff_ffff);
        assert_eq!(cpu.s.fpsr & FPSR_QC, FPSR_QC);
    }

    #[test]
    fn long_by_element() {
        let code = crate::a64!(
            ; umull2 v0.s4, v1.h8, v2.h[5] ; smlal v3.d2, v4.s2, v5.s[1] ; sqdmull s6, h1, v2.h[5]
            ; sqdmlsl v7.s4, v1.h4, v2.h[0] ; brk 0
        );
        let cpu = exec(
            &code,
            &[
                (1, lanes(16, &[1, 0x8000, 0, 0, 2, 0xffff, 0, 0])),
                (2, lanes(16, &[0x8000, 0, 0, 0, 0, 0x8000])),
                (3, lanes(64, &[100, 100])),
                (4, lanes(32, &[3, 0xffff_ffff])),
                (5, lanes(32, &[0, 0xffff_fffe])),
                (7, lanes(32, &[5, 5, 5, 5])),
            ],
        );
        // Upper halfwords [2, 0xffff, 0, 0] * 0x8000.
        assert_eq!(v(&cpu, 0), lanes(32, &[0x1_0000, 0x7fff_8000, 0, 0]));
        // 100 + 3 * -2; 100 + -1 * -2.
        assert_eq!(v(&cpu, 3), lanes(64, &[94, 102]));
        // 2 * 1 * -2^15 = -2^16.
        assert_eq!(v(&cpu, 6), 0xffff_0000);
        // 5 - 2 * 1 * -2^15 = 65541; 5 - 2^31 saturated = 5 - 0x7fffffff; 5; 5.
        assert_eq!(v(&cpu, 7), lanes(32, &[65541, (5i64 - 0x7fff_ffff) as u32 as u64, 5, 5]));
        assert_eq!(cpu.s.fpsr & FPSR_QC, FPSR_QC);
    }
}
