//! Tests of the FP two-register miscellaneous vector instructions with hand-derived
//! values.

use super::{unsigned_recip_estimate, unsigned_rsqrt_estimate};
use crate::testutil::{cpu_with_code, run, End};

fn s4(l: [u32; 4]) -> [u64; 2] {
    [u64::from(l[0]) | u64::from(l[1]) << 32, u64::from(l[2]) | u64::from(l[3]) << 32]
}

/// Runs `code` with V0 and V1 set; returns V0 and FPSR.
fn run2(code: &[u8], v0: [u64; 2], v1: [u64; 2], fpcr: u32) -> ([u64; 2], u32) {
    let mut cpu = cpu_with_code(code, 1);
    cpu.s.v[0] = v0;
    cpu.s.v[1] = v1;
    cpu.s.fpcr = fpcr;
    assert_eq!(run(&mut cpu, 10), End::Brk(0));
    (cpu.s.v[0], cpu.s.fpsr)
}

/// `w` followed by `BRK #0` (for forms the test assembler lacks).
fn with_brk(w: u32) -> Vec<u8> {
    [w.to_le_bytes(), 0xd420_0000u32.to_le_bytes()].concat()
}

const ONE: u32 = 0x3f80_0000;
const TWO: u32 = 0x4000_0000;
const ONES: u32 = u32::MAX;
const D_ONE: u64 = 0x3ff0_0000_0000_0000;
const D_M2: u64 = 0xc000_0000_0000_0000;

#[test]
fn frecpe_frsqrte_estimates() {
    // FRECPE(2.0) = 511/1024 = 0.4990234375; FRECPE(+0) = +inf with DZC.
    let (v0, fpsr) = run2(&crate::a64!(; frecpe v0.s4, v1.s4 ; brk 0), [0; 2], s4([TWO, 0, TWO, TWO]), 0);
    assert_eq!((v0, fpsr), (s4([0x3eff_8000, 0x7f80_0000, 0x3eff_8000, 0x3eff_8000]), 0x02));
    // FRSQRTE(4.0) = 0.4990234375, FRSQRTE(1.0) = 0.998046875; FRSQRTE(-1) = NaN, IOC.
    let (v0, fpsr) =
        run2(&crate::a64!(; frsqrte v0.s4, v1.s4 ; brk 0), [0; 2], s4([0x4080_0000, ONE, 0xbf80_0000, ONE]), 0);
    assert_eq!((v0, fpsr), (s4([0x3eff_8000, 0x3f7f_8000, 0x7fc0_0000, 0x3f7f_8000]), 0x01));
}

#[test]
fn urecpe_ursqrte() {
    assert_eq!(unsigned_recip_estimate(0x8000_0000), 0xff80_0000);
    assert_eq!(unsigned_recip_estimate(0x7fff_ffff), u32::MAX);
    assert_eq!(unsigned_rsqrt_estimate(0x4000_0000), 0xff80_0000);
    assert_eq!(unsigned_rsqrt_estimate(0x3fff_ffff), u32::MAX);
    let (v0, fpsr) = run2(&crate::a64!(; urecpe v0.s2, v1.s2 ; brk 0), [9; 2], s4([0x8000_0000, 1, 5, 5]), 0);
    assert_eq!((v0, fpsr), ([0xffff_ffff_ff80_0000, 0], 0));
    // sz = 1 is reserved: urecpe with bit 22 set.
    let w = 0x4ee1_c820u32; // urecpe v0.4s, v1.4s = 0x4ea1c820, plus bit 22
    let mut cpu = cpu_with_code(&w.to_le_bytes(), 1);
    assert_eq!(run(&mut cpu, 10), End::Exception { el: 1, esr: 1 << 25 });
}

#[test]
fn fcvtn_fcvtn2_write_the_right_half() {
    // FCVTN2 v0.4s, v1.2d: the upper half only.
    let (v0, fpsr) = run2(&crate::a64!(; fcvtn2 v0.s4, v1.d2 ; brk 0), [0x1111, 0x2222], [D_ONE, D_M2], 0);
    assert_eq!((v0, fpsr), ([0x1111, 0xc000_0000_3f80_0000], 0));
    // FCVTN: the lower half, upper cleared.
    let (v0, _) = run2(&crate::a64!(; fcvtn v0.s2, v1.d2 ; brk 0), [0x1111, 0x2222], [D_ONE, D_M2], 0);
    assert_eq!(v0, [0xc000_0000_3f80_0000, 0]);
    // Single to half: 1, 2, 65520 (overflows: inf, OFC + IXC), -0.
    let v1 = s4([ONE, TWO, 0x477f_f000, 0x8000_0000]);
    let (v0, fpsr) = run2(
        &with_brk(0x0e21_6820), // fcvtn v0.4h, v1.4s
        [5, 5],
        v1,
        0,
    );
    assert_eq!((v0, fpsr), ([0x8000_7c00_4000_3c00, 0], 0x14));
    // AHP: the alternative format has no infinities or NaNs. 1.0, +inf (-> 0x7fff, IOC),
    // 65520 (-> 65536, a normal number there, IXC), NaN (-> +0, IOC); FCVTN2 keeps V0's
    // lower half.
    let v1 = s4([ONE, 0x7f80_0000, 0x477f_f000, 0x7fc0_0000]);
    let (v0, fpsr) = run2(
        &with_brk(0x4e21_6820), // fcvtn2 v0.8h, v1.4s
        [5, 5],
        v1,
        1 << 26,
    );
    assert_eq!((v0, fpsr), ([5, 0x0000_7c00_7fff_3c00], 0x11));
}

#[test]
fn fcvtl_fcvtl2_read_the_right_half() {
    let v1 = [0x0001_7c00_c000_3c00, 0xc000_0000_3f80_0000];
    let (v0, _) = run2(&crate::a64!(; fcvtl2 v0.d2, v1.s4 ; brk 0), [5, 5], v1, 0);
    assert_eq!(v0, [D_ONE, D_M2]);
    // Half lanes 1, -2, inf, 2^-24 (denormal) to single.
    let (v0, fpsr) = run2(&crate::a64!(; fcvtl v0.s4, v1.h4 ; brk 0), [5, 5], v1, 0);
    assert_eq!((v0, fpsr), (s4([ONE, 0xc000_0000, 0x7f80_0000, 0x3380_0000]), 0));
}

#[test]
fn fcvtxn_rounds_to_odd() {
    // 1 + 2^-30 truncates to 1.0, inexact: the LSB is set. 2.0 is exact.
    let v1 = [0x3ff0_0000_0040_0000, 0x4000_0000_0000_0000];
    let (v0, fpsr) = run2(&crate::a64!(; fcvtxn v0.s2, v1.d2 ; brk 0), [5, 5], v1, 0);
    assert_eq!((v0, fpsr), ([0x4000_0000_3f80_0001, 0], 0x10));
    let (v0, _) = run2(&crate::a64!(; fcvtxn2 v0.s4, v1.d2 ; brk 0), [5, 5], v1, 0);
    assert_eq!(v0, [5, 0x4000_0000_3f80_0001]);
}

#[test]
fn fcvt_to_int_rounding_and_saturation() {
    // 1.5, -1.5, 3e9, NaN: FCVTZS truncates and saturates with IOC.
    let v1 = s4([0x3fc0_0000, 0xbfc0_0000, 0x4f32_d05e, 0x7fc0_0000]);
    let (v0, fpsr) = run2(&crate::a64!(; fcvtzs v0.s4, v1.s4 ; brk 0), [0; 2], v1, 0);
    assert_eq!((v0, fpsr), (s4([1, ONES, 0x7fff_ffff, 0]), 0x11));
    // 2.5, 3.5, -2.5, -1.5 under each rounding.
    let v1 = s4([0x4020_0000, 0x4060_0000, 0xc020_0000, 0xbfc0_0000]);
    let m = |x: i32| x as u32;
    let (v0, _) = run2(&crate::a64!(; fcvtns v0.s4, v1.s4 ; brk 0), [0; 2], v1, 0);
    assert_eq!(v0, s4([2, 4, m(-2), m(-2)]));
    let (v0, _) = run2(&crate::a64!(; fcvtas v0.s4, v1.s4 ; brk 0), [0; 2], v1, 0);
    assert_eq!(v0, s4([3, 4, m(-3), m(-2)]));
    let (v0, _) = run2(&crate::a64!(; fcvtms v0.s4, v1.s4 ; brk 0), [0; 2], v1, 0);
    assert_eq!(v0, s4([2, 3, m(-3), m(-2)]));
    let (v0, _) = run2(&crate::a64!(; fcvtps v0.s4, v1.s4 ; brk 0), [0; 2], v1, 0);
    assert_eq!(v0, s4([3, 4, m(-2), m(-1)]));
    // Unsigned: negative lanes that round below zero saturate to 0 with IOC.
    let (v0, fpsr) = run2(&crate::a64!(; fcvtnu v0.s4, v1.s4 ; brk 0), [0; 2], v1, 0);
    assert_eq!((v0, fpsr), (s4([2, 4, 0, 0]), 0x11));
    // Double lanes: 2^63 saturates in FCVTZS, fits in FCVTZU.
    let v1 = [0x43e0_0000_0000_0000, 0xc000_0000_0000_0000];
    let (v0, _) = run2(&crate::a64!(; fcvtzs v0.d2, v1.d2 ; brk 0), [0; 2], v1, 0);
    assert_eq!(v0, [i64::MAX as u64, -2i64 as u64]);
    let (v0, _) = run2(&crate::a64!(; fcvtzu v0.d2, v1.d2 ; brk 0), [0; 2], v1, 0);
    assert_eq!(v0, [1 << 63, 0]);
}

#[test]
fn int_to_fp() {
    let (v0, fpsr) = run2(&crate::a64!(; scvtf v0.s4, v1.s4 ; brk 0), [0; 2], s4([ONES, 3, 0, 0x8000_0000]), 0);
    assert_eq!((v0, fpsr), (s4([0xbf80_0000, 0x4040_0000, 0, 0xcf00_0000]), 0));
    // UCVTF: 0xffff_ffff rounds to 2^32 (inexact); with RMode = RZ to 0x4f7f_ffff.
    let (v0, fpsr) = run2(&crate::a64!(; ucvtf v0.s4, v1.s4 ; brk 0), [0; 2], s4([ONES, 3, 0, 0x8000_0000]), 0);
    assert_eq!((v0, fpsr), (s4([0x4f80_0000, 0x4040_0000, 0, 0x4f00_0000]), 0x10));
    let (v0, _) = run2(&crate::a64!(; ucvtf v0.s4, v1.s4 ; brk 0), [0; 2], s4([ONES, 3, 0, 0]), 3 << 22);
    assert_eq!(v0, s4([0x4f7f_ffff, 0x4040_0000, 0, 0]));
}

#[test]
fn frint_family() {
    // 2.5, -0.5, 1.2, 1e30 (already integral).
    let v1 = s4([0x4020_0000, 0xbf00_0000, 0x3f99_999a, 0x7149_f2ca]);
    let cases: [(&[u8], [u32; 4], u32); 4] = [
        (&crate::a64!(; frintn v0.s4, v1.s4 ; brk 0), [TWO, 0x8000_0000, ONE, 0x7149_f2ca], 0),
        (&crate::a64!(; frinta v0.s4, v1.s4 ; brk 0), [0x4040_0000, 0xbf80_0000, ONE, 0x7149_f2ca], 0),
        (&crate::a64!(; frintp v0.s4, v1.s4 ; brk 0), [0x4040_0000, 0x8000_0000, TWO, 0x7149_f2ca], 0),
        (&crate::a64!(; frintx v0.s4, v1.s4 ; brk 0), [TWO, 0x8000_0000, ONE, 0x7149_f2ca], 0x10),
    ];
    for (code, want, flags) in cases {
        assert_eq!(run2(code, [0; 2], v1, 0), (s4(want), flags));
    }
    // FRINTI and FRINTX use FPCR.RMode (here RM).
    let (v0, fpsr) = run2(&crate::a64!(; frinti v0.s4, v1.s4 ; brk 0), [0; 2], v1, 2 << 22);
    assert_eq!((v0, fpsr), (s4([TWO, 0xbf80_0000, ONE, 0x7149_f2ca]), 0));
    let (v0, _) =
        run2(&crate::a64!(; frintm v0.d2, v1.d2 ; brk 0), [0; 2], [0xbff8_0000_0000_0000, 0x3ff8_0000_0000_0000], 0);
    assert_eq!(v0, [D_M2, D_ONE]);
}

#[test]
fn compare_with_zero_abs_neg_sqrt() {
    let v1 = s4([0xbf80_0000, 0x8000_0000, ONE, 0x7fc0_0000]);
    let cases: [(&[u8], [u32; 4]); 5] = [
        (&crate::a64!(; fcmeq v0.s4, v1.s4, 0.0 ; brk 0), [0, ONES, 0, 0]),
        (&crate::a64!(; fcmge v0.s4, v1.s4, 0.0 ; brk 0), [0, ONES, ONES, 0]),
        (&crate::a64!(; fcmgt v0.s4, v1.s4, 0.0 ; brk 0), [0, 0, ONES, 0]),
        (&crate::a64!(; fcmle v0.s4, v1.s4, 0.0 ; brk 0), [ONES, ONES, 0, 0]),
        (&crate::a64!(; fcmlt v0.s4, v1.s4, 0.0 ; brk 0), [ONES, 0, 0, 0]),
    ];
    for (k, (code, want)) in cases.into_iter().enumerate() {
        // FCMEQ is quiet for the quiet NaN; the ordered compares signal.
        assert_eq!(run2(code, [0; 2], v1, 0), (s4(want), (k != 0) as u32), "case {k}");
    }
    // FABS / FNEG touch the sign only, NaNs included, no flags.
    let (v0, fpsr) = run2(&crate::a64!(; fneg v0.s4, v1.s4 ; brk 0), [0; 2], v1, 0);
    assert_eq!((v0, fpsr), (s4([ONE, 0, 0xbf80_0000, 0xffc0_0000]), 0));
    let (v0, _) = run2(&crate::a64!(; fabs v0.s2, v1.s2 ; brk 0), [0; 2], v1, 0);
    assert_eq!(v0, [u64::from(ONE), 0]);
    // FSQRT: sqrt(4) = 2, sqrt(-1) = default NaN with IOC.
    let (v0, fpsr) =
        run2(&crate::a64!(; fsqrt v0.d2, v1.d2 ; brk 0), [0; 2], [0x4010_0000_0000_0000, 0xbff0_0000_0000_0000], 0);
    assert_eq!((v0, fpsr), ([0x4000_0000_0000_0000, 0x7ff8_0000_0000_0000], 1));
}
