//! Tests of the three-same integer instructions; expected values worked out by hand
//! from the Arm ARM pseudocode.

use super::super::simd_lanes::FPSR_QC;
use crate::interp::Cpu;
use crate::testutil::{cpu_with_code, run, End};

/// Run `code` (ending in `brk 0`) with V registers preset.
pub(crate) fn exec(code: &[u8], regs: &[(usize, u128)]) -> Cpu {
    let mut cpu = cpu_with_code(code, 1);
    for &(n, v) in regs {
        cpu.s.v[n] = [v as u64, (v >> 64) as u64];
    }
    assert_eq!(run(&mut cpu, 1000), End::Brk(0), "pc={:#x}", cpu.s.pc);
    cpu
}

/// V`n` as 128 bits.
pub(crate) fn v(cpu: &Cpu, n: usize) -> u128 {
    (cpu.s.v[n][0] as u128) | ((cpu.s.v[n][1] as u128) << 64)
}

/// Lanes of `esize` bits (element 0 first) packed into 128 bits.
pub(crate) fn lanes(esize: u32, vals: &[u64]) -> u128 {
    vals.iter().enumerate().fold(0u128, |r, (e, &x)| {
        let m = if esize == 64 { u64::MAX } else { (1u64 << esize) - 1 };
        r | (((x & m) as u128) << (e as u32 * esize))
    })
}

const ONES: u128 = u128::MAX;

#[test]
fn sqadd_saturates_and_sets_qc() {
    let code = crate::a64!(; sqadd v0.b16, v1.b16, v2.b16 ; brk 0);
    let cpu =
        exec(&code, &[(1, 0x1010_1010_1010_1010_1010_1010_1010_107f), (2, 0x0101_0101_0101_0101_0101_0101_0101_0101)]);
    assert_eq!(v(&cpu, 0), 0x1111_1111_1111_1111_1111_1111_1111_117f);
    assert_eq!(cpu.s.fpsr & FPSR_QC, FPSR_QC);
    // No saturation: QC left alone (clear).
    let code = crate::a64!(; uqadd v0.h8, v1.h8, v2.h8 ; brk 0);
    let cpu = exec(&code, &[(1, lanes(16, &[1, 2, 3, 4, 5, 6, 7, 0xfffe])), (2, lanes(16, &[1; 8]))]);
    assert_eq!(v(&cpu, 0), lanes(16, &[2, 3, 4, 5, 6, 7, 8, 0xffff]));
    assert_eq!(cpu.s.fpsr & FPSR_QC, 0);
}

#[test]
fn scalar_saturating_forms_clear_upper_bits() {
    let code = crate::a64!(; uqsub d0, d1, d2 ; sqsub s3, s4, s5 ; uqadd b6, b7, b8 ; brk 0);
    let cpu = exec(
        &code,
        &[(0, ONES), (1, 1), (2, 2), (3, ONES), (4, 0xffff_ffff_8000_0000), (5, 1), (6, ONES), (7, 0xf0), (8, 0x20)],
    );
    assert_eq!(v(&cpu, 0), 0);
    assert_eq!(v(&cpu, 3), 0x8000_0000);
    assert_eq!(v(&cpu, 6), 0xff);
    assert_eq!(cpu.s.fpsr & FPSR_QC, FPSR_QC);
}

#[test]
fn sqrdmulh_of_min_times_min_saturates() {
    // 2 * 0x8000 * 0x8000 + 0x8000 = 0x8000_8000, >> 16 = 0x8000 > 0x7fff.
    let code = crate::a64!(; sqrdmulh v0.h8, v1.h8, v2.h8 ; sqdmulh s3, s4, s5 ; brk 0);
    let cpu =
        exec(&code, &[(1, lanes(16, &[0x8000; 8])), (2, lanes(16, &[0x8000; 8])), (4, 0x4000_0000), (5, 0x4000_0000)]);
    assert_eq!(v(&cpu, 0), lanes(16, &[0x7fff; 8]));
    assert_eq!(cpu.s.fpsr & FPSR_QC, FPSR_QC);
    // 2 * 2^30 * 2^30 >> 32 = 2^29.
    assert_eq!(v(&cpu, 3), 0x2000_0000);
    // Rounding: 2 * 0x4000 * 1 = 0x8000, + 0x8000 = 0x10000 >> 16 = 1 (SQDMULH gives 0).
    let code = crate::a64!(; sqrdmulh v0.h4, v1.h4, v2.h4 ; sqdmulh v3.h4, v1.h4, v2.h4 ; brk 0);
    let cpu = exec(&code, &[(0, ONES), (1, lanes(16, &[0x4000, 0xc000, 0, 0])), (2, lanes(16, &[1, 1, 0, 0]))]);
    // 0xc000 = -0x4000: 2 * -0x4000 + 0x8000 = 0 -> 0; without rounding -0x8000 >> 16 = -1.
    assert_eq!(v(&cpu, 0), lanes(16, &[1, 0, 0, 0]));
    assert_eq!(v(&cpu, 3), lanes(16, &[0, 0xffff, 0, 0]));
    assert_eq!(cpu.s.fpsr & FPSR_QC, 0);
}

#[test]
fn register_shifts_round_and_saturate() {
    let code = crate::a64!(; srshl v0.s4, v1.s4, v2.s4 ; sshl v3.s4, v1.s4, v2.s4 ; brk 0);
    let n = lanes(32, &[5, (-5i32) as u64, 7, 1]);
    let m = lanes(32, &[0xff, 0xffff_ffff, 2, 0x80]); // -1, -1, +2, -128 (low byte only)
    let cpu = exec(&code, &[(1, n), (2, m)]);
    // (5 + 1) >> 1 = 3; (-5 + 1) >> 1 = -2; 7 << 2 = 28; (1 + 2^127) >> 128 = 0.
    assert_eq!(v(&cpu, 0), lanes(32, &[3, (-2i32) as u64, 28, 0]));
    // Without rounding: 5 >> 1 = 2; -5 >> 1 = -3; 28; 1 >> 128 = 0.
    assert_eq!(v(&cpu, 3), lanes(32, &[2, (-3i32) as u64, 28, 0]));

    let code = crate::a64!(; ushl d0, d1, d2 ; uqrshl b3, b4, b5 ; sqshl v6.b8, v7.b8, v8.b8 ; brk 0);
    let cpu = exec(
        &code,
        &[
            (1, 1 | (1 << 100)),
            (2, 64),
            (4, 0xff),
            (5, 0xff),
            (6, ONES),
            (7, lanes(8, &[0x40, 0xc0, 0x40, 1])),
            (8, lanes(8, &[1, 1, 0x7f, 0x81])),
        ],
    );
    // 1 << 64 truncated to 64 bits is 0; upper half cleared.
    assert_eq!(v(&cpu, 0), 0);
    // (255 + 1) >> 1 = 128.
    assert_eq!(v(&cpu, 3), 0x80);
    // 0x40 << 1 = 128 saturates to 0x7f; -64 << 1 = -128 fits; 0x40 << 127 saturates;
    // 1 >> 127 = 0; the zero lanes stay zero; upper 64 bits cleared.
    assert_eq!(v(&cpu, 6), lanes(8, &[0x7f, 0x80, 0x7f, 0]));
    assert_eq!(cpu.s.fpsr & FPSR_QC, FPSR_QC);
}

#[test]
fn compares_halving_and_differences() {
    let code = crate::a64!(
        ; cmhi v0.b16, v1.b16, v2.b16 ; cmgt v3.b16, v1.b16, v2.b16 ; cmge d4, d5, d5 ; cmtst v6.h4, v1.h4, v2.h4
        ; uhadd v7.b8, v1.b8, v1.b8 ; srhadd v8.b8, v9.b8, v10.b8 ; shsub v11.b8, v2.b8, v1.b8
        ; sabd v12.b8, v1.b8, v2.b8 ; brk 0
    );
    let cpu = exec(
        &code,
        &[
            (1, lanes(8, &[0x80; 16])),
            (2, lanes(8, &[0x7f; 16])),
            (5, 7),
            (9, lanes(8, &[0xff, 0xff, 0x80])),
            (10, lanes(8, &[0xfe, 0x00, 0x80])),
        ],
    );
    assert_eq!(v(&cpu, 0), ONES);
    assert_eq!(v(&cpu, 3), 0);
    assert_eq!(v(&cpu, 4), u64::MAX as u128);
    // 0x8080 & 0x7f7f = 0 in every halfword.
    assert_eq!(v(&cpu, 6), 0);
    // (128 + 128) >> 1 = 128.
    assert_eq!(v(&cpu, 7), lanes(8, &[0x80; 8]));
    // (-1 + -2 + 1) >> 1 = -1; (-1 + 0 + 1) >> 1 = 0; (-128 - 128 + 1) >> 1 = -128; 0.
    assert_eq!(v(&cpu, 8), lanes(8, &[0xff, 0, 0x80, 0, 0, 0, 0, 0]));
    // (127 - -128) >> 1 = 127.
    assert_eq!(v(&cpu, 11), lanes(8, &[0x7f; 8]));
    // |-128 - 127| = 255.
    assert_eq!(v(&cpu, 12), lanes(8, &[0xff; 8]));
}

#[test]
fn multiply_accumulate_and_pairwise() {
    let code = crate::a64!(
        ; mla v0.s4, v1.s4, v2.s4 ; mls v3.h8, v1.h8, v2.h8 ; pmul v4.b16, v5.b16, v5.b16 ; uaba v6.b8, v7.b8, v8.b8
        ; addp v9.s4, v1.s4, v2.s4 ; addp v10.s2, v1.s2, v2.s2 ; uminp v11.b8, v7.b8, v8.b8 ; smaxp v12.h4, v7.h4, v8.h4
        ; brk 0
    );
    let cpu = exec(
        &code,
        &[
            (0, lanes(32, &[100, 0, 0, 0])),
            (1, lanes(32, &[1, 2, 3, 4])),
            (2, lanes(32, &[10, 20, 30, 40])),
            (5, lanes(8, &[0xff, 3])),
            (6, lanes(8, &[0xff, 1])),
            (7, lanes(8, &[1, 9, 0, 0, 0, 0, 0, 0])),
            (8, lanes(8, &[3, 2, 0, 0, 0, 0, 0, 0xff])),
        ],
    );
    assert_eq!(v(&cpu, 0), lanes(32, &[110, 40, 90, 160]));
    // Halfwords: v1 = [1,0,2,0,3,0,4,0], v2 = [10,0,20,0,...]; 0 - 1*10 = -10 etc.
    assert_eq!(
        v(&cpu, 3),
        lanes(16, &[(-10i16) as u64, 0, (-40i16) as u64, 0, (-90i16) as u64, 0, (-160i16) as u64, 0])
    );
    // 0xff * 0xff (carry-less) = 0x5555 -> 0x55; 3 * 3 = 5.
    assert_eq!(v(&cpu, 4), lanes(8, &[0x55, 5]));
    // 0xff + |1 - 3| = 0x101 -> 1; 1 + |9 - 2| = 8; ...; 0 + |0 - 0xff| = 0xff.
    assert_eq!(v(&cpu, 6), lanes(8, &[1, 8, 0, 0, 0, 0, 0, 0xff]));
    assert_eq!(v(&cpu, 9), lanes(32, &[3, 7, 30, 70]));
    assert_eq!(v(&cpu, 10), lanes(32, &[3, 30]));
    // concat = v8:v7 bytes [1,9,0,0,0,0,0,0, 3,2,0,...,0xff]: mins of pairs.
    assert_eq!(v(&cpu, 11), lanes(8, &[1, 0, 0, 0, 2, 0, 0, 0]));
    // Halfwords of v7 = [0x0901, 0, 0, 0], v8 = [0x0203, 0, 0, 0xff00]; signed max.
    assert_eq!(v(&cpu, 12), lanes(16, &[0x0901, 0, 0x0203, 0]));
}

#[test]
fn reserved_sizes_are_undefined() {
    // ADD (vector) with size = 11, Q = 0; MUL with size = 11; SQDMULH with size = 00.
    for w in [0x0ee2_8420u32, 0x4ee2_9c20, 0x0e22_b420] {
        let mut cpu = cpu_with_code(&[w.to_le_bytes(), 0xd420_0000u32.to_le_bytes()].concat(), 1);
        assert_eq!(run(&mut cpu, 10), End::Exception { el: 1, esr: 1 << 25 }, "{w:#x}");
    }
}

#[test]
fn max_min_and_sub() {
    let code = crate::a64!(
        ; smax v0.b8, v1.b8, v2.b8 ; umax v3.b8, v1.b8, v2.b8 ; smin v4.h4, v1.h4, v2.h4 ; umin v5.s2, v1.s2, v2.s2
        ; sub v6.d2, v1.d2, v2.d2 ; sub d7, d2, d1 ; cmhs v8.s4, v1.s4, v2.s4 ; brk 0
    );
    let cpu = exec(
        &code,
        &[(1, lanes(8, &[0x80, 1, 0x7f, 0xff, 0, 0, 0, 0])), (2, lanes(8, &[0x7f, 2, 0x80, 0x00, 0, 0, 0, 1]))],
    );
    assert_eq!(v(&cpu, 0), lanes(8, &[0x7f, 2, 0x7f, 0, 0, 0, 0, 1]));
    assert_eq!(v(&cpu, 3), lanes(8, &[0x80, 2, 0x80, 0xff, 0, 0, 0, 1]));
    // Halfwords v1 = [0x0180, 0xff7f, 0, 0], v2 = [0x027f, 0x0080, 0, 0x0100].
    assert_eq!(v(&cpu, 4), lanes(16, &[0x0180, 0xff7f, 0, 0]));
    // Words v1 = [0xff7f0180, 0], v2 = [0x0080027f, 0x01000000].
    assert_eq!(v(&cpu, 5), lanes(32, &[0x0080_027f, 0]));
    assert_eq!(v(&cpu, 6), lanes(64, &[0xff7f_0180u64.wrapping_sub(0x0100_0000_0080_027f), 0]));
    assert_eq!(v(&cpu, 7), 0x0100_0000_0080_027fu64.wrapping_sub(0xff7f_0180) as u128);
    assert_eq!(v(&cpu, 8), lanes(32, &[u32::MAX as u64, 0, u32::MAX as u64, u32::MAX as u64]));
}
