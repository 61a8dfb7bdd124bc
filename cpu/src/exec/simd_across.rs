//! Advanced SIMD across lanes, integer (Arm ARM C4.1.x, `0 Q U 01110 size 11000 opcode
//! 10 Rn Rd`: ADDV, SADDLV, UADDLV, SMAXV, UMAXV, SMINV, UMINV) and Advanced SIMD scalar
//! pairwise, integer (`01 U 11110 size 11000 opcode 10 Rn Rd`: ADDP (scalar)). The
//! result is one scalar element; the rest of V`d` is cleared.

use super::simd_fp::{set_vreg_width, vreg};
use super::simd_lanes::{Shape, BH, BHS, R};
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::platform::Platform;

/// The across-lanes shapes: sizes 8 and 16 with either Q, 32 only with Q = 1 (a
/// reduction over two words is reserved), never 64.
fn across_shape(cpu: &Cpu, i: Insn) -> Result<Shape, crate::exception::Trap> {
    Shape::same(cpu, i, if i.bit(30) { BHS } else { BH })
}

/// The integers `Int(Elem[V[n], e, esize], unsigned)` of every element.
fn ints(cpu: &Cpu, i: Insn, sh: Shape, unsigned: bool) -> impl Iterator<Item = i128> {
    let vn = vreg(cpu, i.rn());
    (0..sh.elements).map(move |e| sh.int(vn, e, unsigned))
}

/// Arm ARM C7.2: ADDV: the sum of the elements, `esize` bits.
pub fn addv(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = across_shape(cpu, i)?;
    let sum: i128 = ints(cpu, i, sh, true).sum();
    set_vreg_width(cpu, i.rd(), sum as u128, sh.esize);
    Ok(())
}

/// Arm ARM C7.2: SADDLV, UADDLV: the sum of the elements as integers of the
/// signedness U, `2 * esize` bits.
pub fn addlv(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = across_shape(cpu, i)?;
    let sum: i128 = ints(cpu, i, sh, i.bit(29)).sum();
    set_vreg_width(cpu, i.rd(), sum as u128, 2 * sh.esize);
    Ok(())
}

/// Arm ARM C7.2: SMAXV, UMAXV (opcode 01010) and SMINV, UMINV (opcode 11010):
/// `maxmin = Int(Elem[n, 0]); for e = 1 .. elements-1: maxmin = Max/Min(...)`.
pub fn maxv_minv(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sh = across_shape(cpu, i)?;
    let min = i.bit(16);
    let it = ints(cpu, i, sh, i.bit(29));
    let r = if min { it.min() } else { it.max() }.unwrap_or(0);
    set_vreg_width(cpu, i.rd(), r as u128, sh.esize);
    Ok(())
}

/// Arm ARM C7.2: ADDP (scalar): `D[d] = Elem[V[n], 0, 64] + Elem[V[n], 1, 64]`.
pub fn addp_scalar(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    super::simd_fp::check_fp_enabled(cpu)?;
    let [lo, hi] = cpu.s.v[i.rn() as usize];
    set_vreg_width(cpu, i.rd(), lo.wrapping_add(hi) as u128, 64);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::simd_three_same::tests::{exec, lanes, v};

    #[test]
    fn addv_over_sixteen_bytes_and_long_sums() {
        let code = crate::a64!(
            ; addv b0, v1.b16 ; saddlv h2, v1.b16 ; uaddlv h3, v1.b16 ; uaddlv d4, v5.s4 ; addv h6, v7.h4
            ; brk 0
        );
        let bytes: Vec<u64> = (0..16).map(|k| 0xf0 + k).collect(); // 0xf0 ..= 0xff
        let cpu = exec(
            &code,
            &[
                (0, u128::MAX),
                (1, lanes(8, &bytes)),
                (5, lanes(32, &[u32::MAX as u64; 4])),
                (7, lanes(16, &[1, 2, 3, 0xffff, 9, 9, 9, 9])),
            ],
        );
        // Sum 0xf0..=0xff = 16 * 0xf0 + 120 = 0xf78; byte 0x78, upper bits cleared.
        assert_eq!(v(&cpu, 0), 0x78);
        // Signed: each is -16 + k: sum = -256 + 120 = -136 = 0xff78.
        assert_eq!(v(&cpu, 2), 0xff78);
        assert_eq!(v(&cpu, 3), 0x0f78);
        assert_eq!(v(&cpu, 4), 4 * u32::MAX as u128);
        // Only the four halfwords of a 64-bit vector: 1 + 2 + 3 + 0xffff = 0x10005.
        assert_eq!(v(&cpu, 6), 5);
    }

    #[test]
    fn max_min_across() {
        let code = crate::a64!(
            ; smaxv b0, v1.b8 ; umaxv b2, v1.b8 ; sminv h3, v4.h8 ; uminv s5, v6.s4 ; addp d7, v6.d2 ; brk 0
        );
        let cpu = exec(
            &code,
            &[
                (1, lanes(8, &[0x80, 0x7e, 3, 0xff, 0, 0, 0, 0x10, 0x7f, 0x7f])),
                (4, lanes(16, &[5, 0x8001, 0x8000, 7])),
                (6, lanes(32, &[9, 8, 0xffff_ffff, 3])),
            ],
        );
        assert_eq!(v(&cpu, 0), 0x7e);
        assert_eq!(v(&cpu, 2), 0xff);
        assert_eq!(v(&cpu, 3), 0x8000);
        assert_eq!(v(&cpu, 5), 3);
        // D0 + D1 = 0x8_0000_0009 + 0x3_ffff_ffff.
        assert_eq!(v(&cpu, 7), 0x8_0000_0009 + 0x3_ffff_ffff);
    }

    #[test]
    fn two_word_reduction_is_undefined() {
        // ADDV S0, V1.2S: Q = 0, size = 10.
        let w = 0x0eb1_b820u32;
        let mut cpu = crate::testutil::cpu_with_code(&w.to_le_bytes(), 1);
        assert_eq!(crate::testutil::run(&mut cpu, 10), crate::testutil::End::Exception { el: 1, esr: 1 << 25 });
    }
}
