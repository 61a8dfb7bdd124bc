//! Tests of the two-register miscellaneous integer instructions; expected values
//! worked out by hand from the Arm ARM pseudocode.

use super::super::simd_lanes::FPSR_QC;
use super::super::simd_three_same::tests::{exec, lanes, v};

const ONES: u128 = u128::MAX;
const BYTES: u128 = 0x0f0e_0d0c_0b0a_0908_0706_0504_0302_0100;

#[test]
fn reverses() {
    let code =
        crate::a64!(; rev64 v0.b16, v1.b16 ; rev32 v2.h8, v1.h8 ; rev16 v3.b8, v1.b8 ; rev64 v4.s4, v1.s4 ; brk 0);
    let cpu = exec(&code, &[(1, BYTES)]);
    assert_eq!(v(&cpu, 0), 0x0809_0a0b_0c0d_0e0f_0001_0203_0405_0607);
    assert_eq!(v(&cpu, 2), 0x0d0c_0f0e_0908_0b0a_0504_0706_0100_0302);
    assert_eq!(v(&cpu, 3), 0x0607_0405_0203_0001);
    assert_eq!(v(&cpu, 4), 0x0b0a_0908_0f0e_0d0c_0302_0100_0706_0504);
}

#[test]
fn pairwise_long_adds() {
    let code =
        crate::a64!(; saddlp v0.h8, v1.b16 ; uaddlp v2.s2, v3.h4 ; uadalp v4.d2, v5.s4 ; sadalp v6.h4, v7.b8 ; brk 0);
    let cpu = exec(
        &code,
        &[
            (1, lanes(8, &[0x80, 0xff, 1, 2])),
            (3, lanes(16, &[0xffff, 0xffff, 1, 0, 7, 7, 7, 7])),
            (4, lanes(64, &[1, u64::MAX])),
            (5, lanes(32, &[u32::MAX as u64, 1, 2, 3])),
            (6, ONES),
            (7, lanes(8, &[0x80, 0x80, 0, 0, 0, 0, 0, 0, 0xff])),
        ],
    );
    // -128 + -1 = -129; 1 + 2 = 3; the rest 0.
    assert_eq!(v(&cpu, 0), lanes(16, &[(-129i16) as u64, 3]));
    assert_eq!(v(&cpu, 2), lanes(32, &[0x1_fffe, 1]));
    // 1 + 0xffffffff + 1; -1 + 5 = 4 (wrapping).
    assert_eq!(v(&cpu, 4), lanes(64, &[0x1_0000_0001, 4]));
    // -1 + -256 = -257 = 0xfeff; -1 + 0 for the others; upper half cleared.
    assert_eq!(v(&cpu, 6), lanes(16, &[0xfeff, 0xffff, 0xffff, 0xffff]));
}

#[test]
fn mixed_sign_saturating_adds() {
    let code = crate::a64!(; suqadd b0, b1 ; usqadd b2, b3 ; suqadd v4.d2, v5.d2 ; brk 0);
    let cpu = exec(
        &code,
        &[(0, 0x7f), (1, 1), (2, 1), (3, 0xfe), (4, lanes(64, &[(-5i64) as u64, 1])), (5, lanes(64, &[3, u64::MAX]))],
    );
    // 127 + 1 saturates to 127; 1 + -2 saturates to 0.
    assert_eq!(v(&cpu, 0), 0x7f);
    assert_eq!(v(&cpu, 2), 0);
    // -5 + 3 = -2; 1 + (2^64 - 1) saturates to i64::MAX.
    assert_eq!(v(&cpu, 4), lanes(64, &[(-2i64) as u64, i64::MAX as u64]));
    assert_eq!(cpu.s.fpsr & FPSR_QC, FPSR_QC);
}

#[test]
fn bit_counts_not_rbit() {
    let code = crate::a64!(
        ; cls v0.b8, v1.b8 ; clz v2.b8, v1.b8 ; cnt v3.b16, v1.b16 ; not v4.b8, v1.b8 ; rbit v5.b16, v1.b16
        ; clz v6.s4, v7.s4 ; cls v8.h4, v7.h4 ; brk 0
    );
    let cpu = exec(
        &code,
        &[(1, lanes(8, &[0, 0xff, 0x40, 0x01, 0xc0, 0x3f])), (7, lanes(32, &[0, 1, 0x8000_0000, 0x00ff_0000]))],
    );
    assert_eq!(v(&cpu, 0), lanes(8, &[7, 7, 0, 6, 1, 1, 7, 7]));
    assert_eq!(v(&cpu, 2), lanes(8, &[8, 0, 1, 7, 0, 2, 8, 8]));
    assert_eq!(v(&cpu, 3), lanes(8, &[0, 8, 1, 1, 2, 6]));
    assert_eq!(v(&cpu, 4), lanes(8, &[0xff, 0, 0xbf, 0xfe, 0x3f, 0xc0, 0xff, 0xff]));
    assert_eq!(v(&cpu, 5), lanes(8, &[0, 0xff, 0x02, 0x80, 0x03, 0xfc]));
    assert_eq!(v(&cpu, 6), lanes(32, &[32, 31, 0, 8]));
    // Halfwords [0, 0, 1, 0]: 15, 15, 14, 15.
    assert_eq!(v(&cpu, 8), lanes(16, &[15, 15, 14, 15]));
}

#[test]
fn abs_neg_and_saturating_forms() {
    let code = crate::a64!(
        ; sqabs v0.b16, v1.b16 ; sqneg v2.h4, v3.h4 ; abs v4.b8, v1.b8 ; neg d5, d6 ; sqneg d7, d8 ; brk 0
    );
    let cpu = exec(
        &code,
        &[
            (1, lanes(8, &[0x80, 0xff, 5, 0x7f])),
            (3, lanes(16, &[0x8000, 1, 0x7fff, 0])),
            (5, ONES),
            (6, 1),
            (7, ONES),
            (8, 1 << 63),
        ],
    );
    assert_eq!(v(&cpu, 0), lanes(8, &[0x7f, 1, 5, 0x7f]));
    assert_eq!(v(&cpu, 2), lanes(16, &[0x7fff, 0xffff, 0x8001, 0]));
    // ABS of -128 wraps to 0x80.
    assert_eq!(v(&cpu, 4), lanes(8, &[0x80, 1, 5, 0x7f]));
    assert_eq!(v(&cpu, 5), u64::MAX as u128);
    assert_eq!(v(&cpu, 7), i64::MAX as u128);
    assert_eq!(cpu.s.fpsr & FPSR_QC, FPSR_QC);
}

#[test]
fn compares_with_zero() {
    let code = crate::a64!(
        ; cmeq v0.b16, v1.b16, 0 ; cmge v2.h8, v3.h8, 0 ; cmgt v4.s4, v5.s4, 0 ; cmle d6, d7, 0 ; cmlt d8, d9, 0
        ; cmeq d10, d9, 0 ; brk 0
    );
    let cpu = exec(
        &code,
        &[
            (3, lanes(16, &[0x8000, 0, 1, 0xffff, 0x7fff, 0, 0, 0])),
            (5, lanes(32, &[0x8000_0000, 0, 1, 0x7fff_ffff])),
            (6, ONES),
            (7, 1 << 63),
            (8, ONES),
            (9, 5),
            (10, ONES),
        ],
    );
    // Every lane of zero compares equal: all ones.
    assert_eq!(v(&cpu, 0), ONES);
    assert_eq!(v(&cpu, 2), lanes(16, &[0, 0xffff, 0xffff, 0, 0xffff, 0xffff, 0xffff, 0xffff]));
    assert_eq!(v(&cpu, 4), lanes(32, &[0, 0, u32::MAX as u64, u32::MAX as u64]));
    assert_eq!(v(&cpu, 6), u64::MAX as u128);
    assert_eq!(v(&cpu, 8), 0);
    assert_eq!(v(&cpu, 10), 0);
}

#[test]
fn narrowing_moves() {
    let code = crate::a64!(
        ; xtn v0.b8, v1.h8 ; xtn2 v2.b16, v1.h8 ; sqxtn v3.b8, v1.h8 ; uqxtn2 v4.h8, v5.s4 ; sqxtun v6.b8, v1.h8
        ; sqxtn h7, s8 ; uqxtn s9, d10 ; brk 0
    );
    let cpu = exec(
        &code,
        &[
            (0, ONES),
            (1, lanes(16, &[0x1234, 0xff80, 0x007f, 0x0080, 0xff7f, 0, 0, 0xffff])),
            (2, 0x1111_2222_3333_4444_5555_6666_7777_8888),
            (4, 0xabcd),
            (5, lanes(32, &[0x1_0000, 0xffff, 0, 0x8000_0000])),
            (7, ONES),
            (8, 0x0001_8000),
            (10, 0x1_0000_0000),
        ],
    );
    assert_eq!(v(&cpu, 0), lanes(8, &[0x34, 0x80, 0x7f, 0x80, 0x7f, 0, 0, 0xff]));
    // XTN2 writes the upper half only.
    assert_eq!(v(&cpu, 2), (lanes(8, &[0x34, 0x80, 0x7f, 0x80, 0x7f, 0, 0, 0xff]) << 64) | 0x5555_6666_7777_8888);
    // Signed: 0x1234 -> 0x7f, -128 -> 0x80, 127, 128 -> 0x7f, -129 -> 0x80, -1.
    assert_eq!(v(&cpu, 3), lanes(8, &[0x7f, 0x80, 0x7f, 0x7f, 0x80, 0, 0, 0xff]));
    assert_eq!(v(&cpu, 4), (lanes(16, &[0xffff, 0xffff, 0, 0xffff]) << 64) | 0xabcd);
    // Signed source, unsigned result: 0x1234 -> 0xff, negatives -> 0.
    assert_eq!(v(&cpu, 6), lanes(8, &[0xff, 0, 0x7f, 0x80, 0, 0, 0, 0]));
    assert_eq!(v(&cpu, 7), 0x7fff);
    assert_eq!(v(&cpu, 9), 0xffff_ffff);
    assert_eq!(cpu.s.fpsr & FPSR_QC, FPSR_QC);
}

#[test]
fn shll_shifts_by_the_element_size() {
    let code = crate::a64!(; shll v0.h8, v1.b8, 8 ; shll2 v2.s4, v1.h8, 16 ; shll v3.d2, v4.s2, 32 ; brk 0);
    let cpu = exec(&code, &[(1, BYTES), (4, lanes(32, &[0xffff_ffff, 1]))]);
    assert_eq!(v(&cpu, 0), lanes(16, &[0x0000, 0x0100, 0x0200, 0x0300, 0x0400, 0x0500, 0x0600, 0x0700]));
    assert_eq!(v(&cpu, 2), lanes(32, &[0x0908_0000, 0x0b0a_0000, 0x0d0c_0000, 0x0f0e_0000]));
    assert_eq!(v(&cpu, 3), lanes(64, &[0xffff_ffff_0000_0000, 1 << 32]));
}
