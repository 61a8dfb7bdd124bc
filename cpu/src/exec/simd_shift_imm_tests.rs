//! Tests of the shift-by-immediate integer instructions; expected values worked out by
//! hand from the Arm ARM pseudocode.

use super::super::simd_lanes::FPSR_QC;
use super::super::simd_three_same::tests::{exec, lanes, v};

const ONES: u128 = u128::MAX;

#[test]
fn right_shifts_round_and_accumulate() {
    let code = crate::a64!(
        ; sshr v0.s4, v1.s4, 32 ; urshr v2.b16, v3.b16, 1 ; urshr d4, d5, 64 ; usra v6.h8, v7.h8, 8
        ; srsra d8, d9, 1 ; ushr d10, d9, 63 ; brk 0
    );
    let cpu = exec(
        &code,
        &[
            (1, lanes(32, &[0x8000_0000, 5, 0xffff_ffff, 0x7fff_ffff])),
            (3, lanes(8, &[3, 0xff, 1, 0])),
            (4, ONES),
            (5, 1 << 63),
            (6, lanes(16, &[1, 2, 3, 0xffff])),
            (7, lanes(16, &[0x1234, 0xff00, 0, 0x0100])),
            (8, 10),
            (9, (-3i64) as u64 as u128),
        ],
    );
    assert_eq!(v(&cpu, 0), lanes(32, &[0xffff_ffff, 0, 0xffff_ffff, 0]));
    // (3 + 1) >> 1 = 2, (255 + 1) >> 1 = 128, (1 + 1) >> 1 = 1.
    assert_eq!(v(&cpu, 2), lanes(8, &[2, 0x80, 1, 0]));
    // (2^63 + 2^63) >> 64 = 1; upper bits cleared.
    assert_eq!(v(&cpu, 4), 1);
    assert_eq!(v(&cpu, 6), lanes(16, &[0x13, 0x101, 3, 0]));
    // 10 + ((-3 + 1) >> 1) = 9.
    assert_eq!(v(&cpu, 8), 9);
    assert_eq!(v(&cpu, 10), 1);
}

#[test]
fn left_shifts_and_inserts() {
    let code = crate::a64!(
        ; sri v0.b8, v1.b8, 4 ; sri v2.b8, v1.b8, 8 ; shl v3.h4, v4.h4, 15 ; sli v5.s2, v6.s2, 4 ; sli d7, d8, 0
        ; shl d9, d8, 63 ; brk 0
    );
    let cpu = exec(
        &code,
        &[
            (0, lanes(8, &[0xff, 0x00])),
            (1, lanes(8, &[0xab, 0xcd])),
            (2, 0x1122_3344_5566_7788),
            (4, lanes(16, &[1, 2, 3, 0xffff])),
            (5, lanes(32, &[0xffff_ffff, 0])),
            (6, lanes(32, &[0x1234_5678, 0xffff_ffff])),
            (7, ONES),
            (8, 0x8000_0000_0000_0003),
        ],
    );
    assert_eq!(v(&cpu, 0), lanes(8, &[0xfa, 0x0c]));
    // Shift by the element size: the destination is unchanged.
    assert_eq!(v(&cpu, 2), 0x1122_3344_5566_7788);
    assert_eq!(v(&cpu, 3), lanes(16, &[0x8000, 0, 0x8000, 0x8000]));
    assert_eq!(v(&cpu, 5), lanes(32, &[0x2345_678f, 0xffff_fff0]));
    assert_eq!(v(&cpu, 7), 0x8000_0000_0000_0003);
    assert_eq!(v(&cpu, 9), 1 << 63);
}

#[test]
fn saturating_left_shifts() {
    let code = crate::a64!(
        ; sqshl v0.b8, v1.b8, 1 ; uqshl v2.b8, v1.b8, 1 ; sqshlu v3.b8, v1.b8, 1 ; sqshl d4, d5, 0 ; uqshl s6, s7, 31
        ; brk 0
    );
    let cpu = exec(&code, &[(1, lanes(8, &[0x40, 0xc0, 0xff, 0x3f])), (5, 1 << 63), (7, 1)]);
    assert_eq!(v(&cpu, 0), lanes(8, &[0x7f, 0x80, 0xfe, 0x7e]));
    assert_eq!(v(&cpu, 2), lanes(8, &[0x80, 0xff, 0xff, 0x7e]));
    // Signed source, unsigned result: 128, negatives -> 0.
    assert_eq!(v(&cpu, 3), lanes(8, &[0x80, 0, 0, 0x7e]));
    assert_eq!(v(&cpu, 4), 1 << 63);
    assert_eq!(v(&cpu, 6), 0x8000_0000);
    assert_eq!(cpu.s.fpsr & FPSR_QC, FPSR_QC);
}

#[test]
fn narrowing_shifts() {
    let code = crate::a64!(
        ; shrn v0.b8, v1.h8, 4 ; rshrn2 v2.b16, v1.h8, 8 ; sqrshrun v3.b8, v1.h8, 4 ; uqshrn2 v4.h8, v5.s4, 1
        ; sqshrn h6, s7, 16 ; sqrshrn s8, d9, 32 ; brk 0
    );
    let cpu = exec(
        &code,
        &[
            (0, ONES),
            (1, lanes(16, &[0x1234, 0xff80, 0x07f8, 0x0ff8])),
            (2, 0x1111_2222_3333_4444_5555_6666_7777_8888),
            (4, 0xabcd),
            (5, lanes(32, &[0x2_0000, 0x1_fffe, 0xffff_ffff, 2])),
            (6, ONES),
            (7, 0x8000_0000),
            (9, 0x7fff_ffff_8000_0000),
        ],
    );
    assert_eq!(v(&cpu, 0), lanes(8, &[0x23, 0xf8, 0x7f, 0xff]));
    // Rounded: (0x1234 + 0x80) >> 8 = 0x12; (0xff80 + 0x80) >> 8 = 0x100 -> 0; 0x08; 0x10.
    assert_eq!(v(&cpu, 2), (lanes(8, &[0x12, 0, 0x08, 0x10]) << 64) | 0x5555_6666_7777_8888);
    // Signed: 0x1234 + 8 >> 4 = 0x123 -> 0xff; -128 -> 0; 0x7f8 + 8 >> 4 = 0x80; 0x100 -> 0xff.
    assert_eq!(v(&cpu, 3), lanes(8, &[0xff, 0, 0x80, 0xff]));
    assert_eq!(v(&cpu, 4), (lanes(16, &[0xffff, 0xffff, 0xffff, 1]) << 64) | 0xabcd);
    // SInt(0x80000000) >> 16 = -0x8000 fits.
    assert_eq!(v(&cpu, 6), 0x8000);
    // (0x7fffffff_80000000 + 2^31) >> 32 = 0x80000000 saturates to 0x7fffffff.
    assert_eq!(v(&cpu, 8), 0x7fff_ffff);
    assert_eq!(cpu.s.fpsr & FPSR_QC, FPSR_QC);
}

#[test]
fn lengthening_shifts() {
    let code = crate::a64!(; sshll v0.h8, v1.b8, 3 ; ushll2 v2.s4, v1.h8, 0 ; sxtl v3.d2, v4.s2 ; brk 0);
    let cpu = exec(
        &code,
        &[(1, (lanes(16, &[0x8000, 1, 2, 3]) << 64) | lanes(8, &[0x80, 1, 0xff])), (4, lanes(32, &[0x8000_0000, 7]))],
    );
    assert_eq!(v(&cpu, 0), lanes(16, &[0xfc00, 8, 0xfff8]));
    assert_eq!(v(&cpu, 2), lanes(32, &[0x8000, 1, 2, 3]));
    assert_eq!(v(&cpu, 3), lanes(64, &[0xffff_ffff_8000_0000, 7]));
}
