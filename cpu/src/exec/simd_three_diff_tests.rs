//! Tests of the three-different integer instructions; expected values worked out by
//! hand from the Arm ARM pseudocode.

use super::super::simd_lanes::FPSR_QC;
use super::super::simd_three_same::tests::{exec, lanes, v};

const ONES: u128 = u128::MAX;

#[test]
fn long_and_wide_add_sub() {
    let code = crate::a64!(
        ; saddl2 v0.h8, v1.b16, v2.b16 ; saddl v3.h8, v1.b8, v2.b8 ; uaddw v4.s4, v5.s4, v6.h4
        ; usubl v7.d2, v8.s2, v9.s2 ; ssubw2 v10.d2, v5.d2, v9.s4 ; brk 0
    );
    let cpu = exec(
        &code,
        &[
            (1, (lanes(8, &[0x80; 8]) << 64) | lanes(8, &[1; 8])),
            (2, (lanes(8, &[0xff; 8]) << 64) | lanes(8, &[2; 8])),
            (5, lanes(32, &[0xffff_ffff, 1, 2, 3])),
            (6, lanes(16, &[1, 0xffff, 0, 0, 9, 9, 9, 9])),
            (8, lanes(32, &[0, 5])),
            (9, lanes(32, &[1, 2, 0x8000_0000, 0xffff_ffff])),
        ],
    );
    // -128 + -1 = -129 = 0xff7f in every halfword.
    assert_eq!(v(&cpu, 0), lanes(16, &[0xff7f; 8]));
    assert_eq!(v(&cpu, 3), lanes(16, &[3; 8]));
    // 0xffffffff + 1 wraps; 1 + 0xffff.
    assert_eq!(v(&cpu, 4), lanes(32, &[0, 0x1_0000, 2, 3]));
    // 0 - 1 = -1 (64-bit), 5 - 2 = 3.
    assert_eq!(v(&cpu, 7), lanes(64, &[u64::MAX, 3]));
    // Wide minus SInt of the upper words: 0x1_ffff_ffff - (-2^31), 0x3_0000_0002 - (-1).
    assert_eq!(v(&cpu, 10), lanes(64, &[0x1_ffff_ffff + 0x8000_0000, 0x3_0000_0003]));
}

#[test]
fn high_narrow_writes_the_right_half() {
    let code = crate::a64!(
        ; addhn v0.b8, v1.h8, v2.h8 ; raddhn2 v3.b16, v1.h8, v2.h8 ; subhn2 v4.h8, v5.s4, v6.s4 ; brk 0
    );
    let cpu = exec(
        &code,
        &[
            (0, ONES),
            (1, lanes(16, &[0x1280, 0xff80, 0, 0, 0, 0, 0, 0x7f7f])),
            (2, lanes(16, &[0x0100, 0x0000, 0, 0, 0, 0, 0, 1])),
            (3, 0x1111_2222_3333_4444_5555_6666_7777_8888),
            (4, 0xaaaa_bbbb),
            (5, lanes(32, &[0x0001_0000, 0, 5, 0])),
            (6, lanes(32, &[0x0000_0001, 1, 0, 0])),
        ],
    );
    // 0x1380 >> 8 = 0x13; 0xff80 >> 8 = 0xff; 0x7f80 >> 8 = 0x7f; upper half cleared.
    assert_eq!(v(&cpu, 0), lanes(8, &[0x13, 0xff, 0, 0, 0, 0, 0, 0x7f]));
    // Rounded: 0x1380 + 0x80 = 0x1400 -> 0x14; 0xff80 + 0x80 = 0x10000 -> 0x00; 0x7f80 +
    // 0x80 = 0x8000 -> 0x80. Lower half of V3 kept.
    assert_eq!(v(&cpu, 3), (lanes(8, &[0x14, 0, 0, 0, 0, 0, 0, 0x80]) << 64) | 0x5555_6666_7777_8888);
    // 0x10000 - 1 = 0xffff -> 0; 0 - 1 = 0xffffffff -> 0xffff; 5 - 0 -> 0.
    assert_eq!(v(&cpu, 4), (lanes(16, &[0, 0xffff, 0, 0]) << 64) | 0xaaaa_bbbb);
}

#[test]
fn long_multiplies_and_differences() {
    let code = crate::a64!(
        ; smull2 v0.d2, v1.s4, v2.s4 ; umlsl v3.s4, v4.h4, v5.h4 ; pmull v6.h8, v7.b8, v7.b8
        ; pmull2 v8.h8, v7.b16, v7.b16 ; sabdl v9.h8, v7.b8, v10.b8 ; uabal v11.s4, v4.h4, v5.h4 ; brk 0
    );
    let cpu = exec(
        &code,
        &[
            (1, lanes(32, &[9, 9, 0xffff_ffff, 0x8000_0000])),
            (2, lanes(32, &[9, 9, 2, 0x8000_0000])),
            (3, lanes(32, &[100, 0, 5, 7])),
            (4, lanes(16, &[3, 0xffff, 0, 2])),
            (5, lanes(16, &[4, 0xffff, 0, 3])),
            (7, lanes(8, &[0xff, 3, 0, 0, 0, 0, 0, 0, 0x80, 0x81])),
            (10, lanes(8, &[0x7f, 0xfd])),
            (11, lanes(32, &[1, 1, 1, 1])),
        ],
    );
    // -1 * 2 = -2; (-2^31)^2 = 2^62.
    assert_eq!(v(&cpu, 0), lanes(64, &[(-2i64) as u64, 1 << 62]));
    // 100 - 12 = 88; 0 - 0xffff^2 = -0xfffe0001; 5; 7 - 6 = 1.
    assert_eq!(v(&cpu, 3), lanes(32, &[88, (0u32.wrapping_sub(0xfffe_0001)) as u64, 5, 1]));
    assert_eq!(v(&cpu, 6), lanes(16, &[0x5555, 5]));
    // 0x80 * 0x80 = 0x4000; 0x81 * 0x81 = 0x4001.
    assert_eq!(v(&cpu, 8), lanes(16, &[0x4000, 0x4001]));
    // |-1 - 127| = 128; |3 - (-3)| = 6.
    assert_eq!(v(&cpu, 9), lanes(16, &[128, 6]));
    // 1 + |3 - 4| = 2; 1 + 0; 1 + 0; 1 + |2 - 3| = 2.
    assert_eq!(v(&cpu, 11), lanes(32, &[2, 1, 1, 2]));
}

#[test]
fn saturating_doubling_long() {
    let code = crate::a64!(; sqdmlal s0, h1, h2 ; sqdmull v3.s4, v4.h4, v5.h4 ; sqdmlsl2 v6.d2, v7.s4, v7.s4 ; brk 0);
    let cpu = exec(
        &code,
        &[
            (0, ONES),
            (1, 0x8000),
            (2, 0x8000),
            (4, lanes(16, &[0x8000, 2, 0xffff, 0])),
            (5, lanes(16, &[0x8000, 3, 5, 0])),
            (6, lanes(64, &[10, (-10i64) as u64])),
            (7, lanes(32, &[0, 0, 2, 0x8000_0000])),
        ],
    );
    // 2 * -2^15 * -2^15 = 2^31 saturates to 0x7fffffff; -1 + that = 0x7ffffffe (the
    // accumulator was S0 = 0xffffffff = -1); upper bits cleared.
    assert_eq!(v(&cpu, 0), 0x7fff_fffe);
    assert_eq!(v(&cpu, 3), lanes(32, &[0x7fff_ffff, 12, (-10i32) as u64, 0]));
    // 10 - 8 = 2; -10 - (2^63 saturated to 2^63 - 1) = below i64::MIN -> i64::MIN.
    assert_eq!(v(&cpu, 6), lanes(64, &[2, 1 << 63]));
    assert_eq!(cpu.s.fpsr & FPSR_QC, FPSR_QC);
}
