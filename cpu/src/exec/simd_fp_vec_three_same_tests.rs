//! Tests of the FP three-same vector instructions with hand-derived values.

use crate::sysreg::Slot;
use crate::testutil::{cpu_with_code, run, End};

/// Four single-precision lanes as a V register value.
fn s4(l: [u32; 4]) -> [u64; 2] {
    [u64::from(l[0]) | u64::from(l[1]) << 32, u64::from(l[2]) | u64::from(l[3]) << 32]
}

/// Runs `code` with V1, V2 (and V0) set; returns V0 and FPSR.
fn run3(code: &[u8], v0: [u64; 2], v1: [u64; 2], v2: [u64; 2], fpcr: u32) -> ([u64; 2], u32) {
    let mut cpu = cpu_with_code(code, 1);
    cpu.s.v[0] = v0;
    cpu.s.v[1] = v1;
    cpu.s.v[2] = v2;
    cpu.s.fpcr = fpcr;
    assert_eq!(run(&mut cpu, 10), End::Brk(0));
    (cpu.s.v[0], cpu.s.fpsr)
}

const ONE: u32 = 0x3f80_0000;
const TWO: u32 = 0x4000_0000;
const THREE: u32 = 0x4040_0000;
const FOUR: u32 = 0x4080_0000;
const HALF: u32 = 0x3f00_0000;
const QNAN: u32 = 0x7fc0_0001;
const ONES: u32 = u32::MAX;

#[test]
fn fadd_4s_lanes_and_2s_clears_upper() {
    let (n, m) = (s4([ONE, TWO, THREE, FOUR]), s4([HALF; 4]));
    let (v0, fpsr) = run3(&crate::a64!(; fadd v0.s4, v1.s4, v2.s4 ; brk 0), [0; 2], n, m, 0);
    assert_eq!(v0, s4([0x3fc0_0000, 0x4020_0000, 0x4060_0000, 0x4090_0000]));
    assert_eq!(fpsr, 0);
    let (v0, _) = run3(&crate::a64!(; fsub v0.s2, v1.s2, v2.s2 ; brk 0), [7, 7], n, m, 0);
    assert_eq!(v0, [u64::from(HALF) | u64::from(0x3fc0_0000u32) << 32, 0]);
}

#[test]
fn fmla_is_fused() {
    // (1 + 2^-12)^2 = 1 + 2^-11 + 2^-24; minus (1 + 2^-11) is 2^-24 when fused. Rounded
    // first (a tie, to even) the product is 1 + 2^-11 and the sum would be +0.
    let a = 0x3f80_0800;
    let acc = 0xbf80_1000;
    let (v0, fpsr) = run3(&crate::a64!(; fmla v0.s4, v1.s4, v2.s4 ; brk 0), s4([acc; 4]), s4([a; 4]), s4([a; 4]), 0);
    assert_eq!((v0, fpsr), (s4([0x3380_0000; 4]), 0));
    // FMLS negates element1: -(a * a) + (1 + 2^-11) = -2^-24.
    let (v0, _) =
        run3(&crate::a64!(; fmls v0.s4, v1.s4, v2.s4 ; brk 0), s4([0x3f80_1000; 4]), s4([a; 4]), s4([a; 4]), 0);
    assert_eq!(v0, s4([0xb380_0000; 4]));
}

#[test]
fn fmaxnm_ignores_one_quiet_nan_lane() {
    let (n, m) = (s4([QNAN, TWO, QNAN, 0x7f80_0001]), s4([ONE, QNAN, 0x7fc0_0002, ONE]));
    let (v0, fpsr) = run3(&crate::a64!(; fmaxnm v0.s4, v1.s4, v2.s4 ; brk 0), [0; 2], n, m, 0);
    // Lanes: the number, the number, both quiet NaNs -> op1, signalling -> quietened + IOC.
    assert_eq!((v0, fpsr), (s4([ONE, TWO, QNAN, 0x7fc0_0001]), 1));
    let (v0, _) = run3(&crate::a64!(; fmax v0.s4, v1.s4, v2.s4 ; brk 0), [0; 2], n, m, 0);
    assert_eq!(v0, s4([QNAN, QNAN, QNAN, 0x7fc0_0001]));
    // FMINNM with DN: a single quiet NaN still loses to the number.
    let (v0, _) = run3(&crate::a64!(; fminnm v0.s4, v1.s4, v2.s4 ; brk 0), [0; 2], n, m, 1 << 25);
    assert_eq!(v0, s4([ONE, TWO, 0x7fc0_0000, 0x7fc0_0000]));
}

#[test]
fn faddp_operand_order() {
    // result = [n0+n1, n2+n3, m0+m1, m2+m3]; with two quiet NaNs op1 (the lower element)
    // wins, and a signalling NaN wins over a quiet one wherever it is.
    let n = s4([0x7fc0_0011, 0x7fc0_0022, ONE, TWO]);
    let m = s4([THREE, FOUR, 0x7fc0_0033, 0x7f80_0044]);
    let (v0, fpsr) = run3(&crate::a64!(; faddp v0.s4, v1.s4, v2.s4 ; brk 0), [0; 2], n, m, 0);
    assert_eq!((v0, fpsr), (s4([0x7fc0_0011, THREE, 0x40e0_0000, 0x7fc0_0044]), 1));
    // 2S: [n0+n1, m0+m1]; D lanes: [n0+n1, m0+m1].
    let (v0, _) = run3(
        &crate::a64!(; fmaxp v0.s2, v1.s2, v2.s2 ; brk 0),
        [0; 2],
        s4([ONE, FOUR, 0, 0]),
        s4([THREE, TWO, 0, 0]),
        0,
    );
    assert_eq!(v0, [u64::from(FOUR) | u64::from(THREE) << 32, 0]);
    let d1 = [0x3ff0_0000_0000_0000, 0x4000_0000_0000_0000];
    let d2 = [0x4008_0000_0000_0000, 0xbff0_0000_0000_0000];
    let (v0, _) = run3(&crate::a64!(; fminp v0.d2, v1.d2, v2.d2 ; brk 0), [0; 2], d1, d2, 0);
    assert_eq!(v0, [0x3ff0_0000_0000_0000, 0xbff0_0000_0000_0000]);
}

#[test]
fn compares_produce_all_ones_lanes() {
    let n = s4([ONE, TWO, QNAN, 0xbf80_0000]);
    let m = s4([0, THREE, 0, 0xc000_0000]);
    let (v0, fpsr) = run3(&crate::a64!(; fcmgt v0.s4, v1.s4, v2.s4 ; brk 0), [0; 2], n, m, 0);
    assert_eq!((v0, fpsr), (s4([ONES, 0, 0, ONES]), 1));
    // FCMEQ is quiet for a quiet NaN.
    let (v0, fpsr) = run3(&crate::a64!(; fcmeq v0.s4, v1.s4, v2.s4 ; brk 0), [0; 2], n, n, 0);
    assert_eq!((v0, fpsr), (s4([ONES, ONES, 0, ONES]), 0));
    let (v0, _) = run3(&crate::a64!(; fcmge v0.s4, v1.s4, v2.s4 ; brk 0), [0; 2], n, s4([ONE, ONE, ONE, ONE]), 0);
    assert_eq!(v0, s4([ONES, ONES, 0, 0]));
    // FACGT / FACGE compare magnitudes: |-1| > |-2| is false, |-1| >= |1| true.
    let (v0, _) = run3(&crate::a64!(; facgt v0.s4, v1.s4, v2.s4 ; brk 0), [0; 2], n, m, 0);
    assert_eq!(v0, s4([ONES, 0, 0, 0]));
    let (v0, _) = run3(&crate::a64!(; facge v0.s4, v1.s4, v2.s4 ; brk 0), [0; 2], n, s4([0xbf80_0000; 4]), 0);
    assert_eq!(v0, s4([ONES, ONES, 0, ONES]));
    // Double lanes: all 64 bits.
    let d = [0x4000_0000_0000_0000, 0];
    let (v0, _) = run3(&crate::a64!(; fcmge v0.d2, v1.d2, v2.d2 ; brk 0), [0; 2], d, [0, 0x8000_0000_0000_0000], 0);
    assert_eq!(v0, [u64::MAX, u64::MAX]);
}

#[test]
fn fabd_fdiv_fmulx_steps() {
    let (v0, _) = run3(
        &crate::a64!(; fabd v0.s4, v1.s4, v2.s4 ; brk 0),
        [0; 2],
        s4([ONE; 4]),
        s4([THREE, 0xc000_0000, ONE, 0xff80_0000]),
        0,
    );
    assert_eq!(v0, s4([TWO, THREE, 0, 0x7f80_0000]));
    // 1/3 in double, inexact; 1/0 = inf with DZC.
    let (v0, fpsr) = run3(
        &crate::a64!(; fdiv v0.d2, v1.d2, v2.d2 ; brk 0),
        [0; 2],
        [0x3ff0_0000_0000_0000; 2],
        [0x4008_0000_0000_0000, 0],
        0,
    );
    assert_eq!((v0, fpsr), ([0x3fd5_5555_5555_5555, 0x7ff0_0000_0000_0000], 0x12));
    // FMULX: inf * -0 = -2.
    let (v0, fpsr) = run3(
        &crate::a64!(; fmulx v0.s2, v1.s2, v2.s2 ; brk 0),
        [0; 2],
        s4([0x7f80_0000, TWO, 0, 0]),
        s4([0x8000_0000, THREE, 0, 0]),
        0,
    );
    assert_eq!((v0, fpsr), ([0xc000_0000 | 0x40c0_0000 << 32, 0], 0));
    // FRECPS: 2 - 2 * 0.5 = 1; inf * 0 gives 2.0. FRSQRTS: (3 - 1 * 1) / 2 = 1.
    let (v0, _) = run3(
        &crate::a64!(; frecps v0.s4, v1.s4, v2.s4 ; brk 0),
        [0; 2],
        s4([TWO, 0x7f80_0000, 0, 0]),
        s4([HALF, 0, 0, 0]),
        0,
    );
    assert_eq!(v0, s4([ONE, TWO, TWO, TWO]));
    let (v0, _) =
        run3(&crate::a64!(; frsqrts v0.s4, v1.s4, v2.s4 ; brk 0), [0; 2], s4([ONE; 4]), s4([ONE, 0, 0, 0]), 0);
    assert_eq!(v0, s4([ONE, 0x3fc0_0000, 0x3fc0_0000, 0x3fc0_0000]));
}

#[test]
fn reserved_and_trapped_forms() {
    // fadd v0.2d, v1.2d, v2.2d = 0x4e62d420; with Q = 0 (sz:Q = 10) UNDEFINED.
    let mut cpu = cpu_with_code(&0x0e62_d420u32.to_le_bytes(), 1);
    assert_eq!(run(&mut cpu, 10), End::Exception { el: 1, esr: 1 << 25 });
    // FP disabled (CPACR_EL1.FPEN = 00): the FP access trap, V0 and FPSR unchanged.
    let mut cpu = cpu_with_code(&0x4e62_d420u32.to_le_bytes(), 1);
    cpu.s.sys[Slot::CPACR_EL1 as usize] = 0;
    cpu.s.v[1] = [0x7ff0_0000_0000_0001; 2];
    let end = run(&mut cpu, 10);
    assert_eq!(end, End::Exception { el: 1, esr: (0x07 << 26) | (1 << 25) | 0x01e0_0000 });
    assert_eq!((cpu.s.v[0], cpu.s.fpsr), ([0; 2], 0));
}
