//! Tests of FP data-processing (1 source), values derived by hand.

use crate::exec::fp_scalar::testing::{d, run_fp, s, AHP, RM, RP};
use crate::fp::FpFlags;

#[test]
fn fabs_fneg_fsqrt() {
    let c = run_fp(
        &crate::a64!(; fabs s0, s1 ; fneg d2, d3 ; fsqrt d4, d5 ; fsqrt s6, s7 ; brk 0),
        &[(1, s(0xc000_0000)), (3, d(0x4000_0000_0000_0000)), (5, d(0x4010_0000_0000_0000)), (7, s(0xbf80_0000))],
        &[],
        0,
        0,
    );
    assert_eq!(c.s.v[0], [0x4000_0000, 0]);
    assert_eq!(c.s.v[2], [0xc000_0000_0000_0000, 0]);
    // sqrt(4) = 2; sqrt(-1) = default NaN, Invalid.
    assert_eq!(c.s.v[4], [0x4000_0000_0000_0000, 0]);
    assert_eq!(c.s.v[6], [0x7fc0_0000, 0]);
    assert_eq!(c.s.fpsr, FpFlags::IOC);
    // FABS of a signalling NaN only clears the sign: no exception.
    let c = run_fp(&crate::a64!(; fabs s0, s1 ; brk 0), &[(1, s(0xff80_0001))], &[], 0, 0);
    assert_eq!(c.s.v[0], [0x7f80_0001, 0]);
    assert_eq!(c.s.fpsr, 0);
}

#[test]
fn frint_rounding_modes() {
    const S2_5: u32 = 0x4020_0000; // 2.5
    const S2_1: u32 = 0x4006_6666; // 2.1
    let code = crate::a64!(; frinta s0, s1 ; frintn s2, s1 ; frintp s3, s4 ; frintm s5, s6 ; frintz s7, s6 ; brk 0);
    // -2.1 = 0xc0066666.
    let c = run_fp(&code, &[(1, s(S2_5)), (4, s(S2_1)), (6, s(0xc006_6666))], &[], 0, 0);
    assert_eq!(c.s.v[0], [0x4040_0000, 0]); // FRINTA 2.5 = 3.0
    assert_eq!(c.s.v[2], [0x4000_0000, 0]); // FRINTN 2.5 = 2.0
    assert_eq!(c.s.v[3], [0x4040_0000, 0]); // FRINTP 2.1 = 3.0
    assert_eq!(c.s.v[5], [0xc040_0000, 0]); // FRINTM -2.1 = -3.0
    assert_eq!(c.s.v[7], [0xc000_0000, 0]); // FRINTZ -2.1 = -2.0
    assert_eq!(c.s.fpsr, 0, "only FRINTX signals Inexact");
    // FRINTX: FPCR rounding (RN: 2.5 -> 2.0) and Inexact; FRINTI under RP: 2.1 -> 3.0 quietly.
    let c = run_fp(&crate::a64!(; frintx d0, d1 ; brk 0), &[(1, d(0x4004_0000_0000_0000))], &[], 0, 0);
    assert_eq!(c.s.v[0], [0x4000_0000_0000_0000, 0]);
    assert_eq!(c.s.fpsr, FpFlags::IXC);
    let c = run_fp(&crate::a64!(; frinti s0, s1 ; brk 0), &[(1, s(S2_1))], &[], RP, 0);
    assert_eq!(c.s.v[0], [0x4040_0000, 0]);
    assert_eq!(c.s.fpsr, 0);
    // FRINTM of -0.5 = -1.0; FRINTP of -0.5 = -0.0 (sign kept).
    let c = run_fp(&crate::a64!(; frintm d0, d1 ; frintp d2, d1 ; brk 0), &[(1, d(0xbfe0_0000_0000_0000))], &[], 0, 0);
    assert_eq!(c.s.v[0], [0xbff0_0000_0000_0000, 0]);
    assert_eq!(c.s.v[2], [1 << 63, 0]);
}

#[test]
fn fcvt_between_precisions() {
    // 1 + 2^-24 (double) is a tie between single 1.0 and 1 + 2^-23.
    let tie = d(0x3ff0_0000_0100_0000);
    let c = run_fp(&crate::a64!(; fcvt s0, d1 ; brk 0), &[(1, tie)], &[], 0, 0);
    assert_eq!(c.s.v[0], [0x3f80_0000, 0]);
    assert_eq!(c.s.fpsr, FpFlags::IXC);
    let c = run_fp(&crate::a64!(; fcvt s0, d1 ; brk 0), &[(1, tie)], &[], RP, 0);
    assert_eq!(c.s.v[0], [0x3f80_0001, 0]);
    let c = run_fp(&crate::a64!(; fcvt s0, d1 ; brk 0), &[(1, d(0xbff0_0000_0100_0000))], &[], RM, 0);
    assert_eq!(c.s.v[0], [0xbf80_0001, 0]);
    // Single 1.0 -> double, exact.
    let c = run_fp(&crate::a64!(; fcvt d0, s1 ; brk 0), &[(1, s(0x3f80_0000))], &[], 0, 0);
    assert_eq!(c.s.v[0], [0x3ff0_0000_0000_0000, 0]);
    assert_eq!(c.s.fpsr, 0);
}

#[test]
fn fcvt_half_precision_and_ahp() {
    // Single +inf -> IEEE half +inf; with AHP (no infinities) the largest value and Invalid.
    let code = crate::a64!(; fcvt h0, s1 ; brk 0);
    let c = run_fp(&code, &[(1, s(0x7f80_0000))], &[], 0, 0);
    assert_eq!(c.s.v[0], [0x7c00, 0]);
    assert_eq!(c.s.fpsr, 0);
    let c = run_fp(&code, &[(1, s(0x7f80_0000))], &[], AHP, 0);
    assert_eq!(c.s.v[0], [0x7fff, 0]);
    assert_eq!(c.s.fpsr, FpFlags::IOC);
    // 1.0 is 0x3c00 in both formats (double source).
    let c = run_fp(&crate::a64!(; fcvt h0, d1 ; brk 0), &[(1, d(0x3ff0_0000_0000_0000))], &[], AHP, 0);
    assert_eq!(c.s.v[0], [0x3c00, 0]);
    // Half 0x7c00 is +inf (IEEE) or 65536.0 (AHP).
    let code = crate::a64!(; fcvt d0, h1 ; fcvt s2, h1 ; brk 0);
    let c = run_fp(&code, &[(1, s(0x7c00))], &[], 0, 0);
    assert_eq!(c.s.v[0], [0x7ff0_0000_0000_0000, 0]);
    assert_eq!(c.s.v[2], [0x7f80_0000, 0]);
    let c = run_fp(&code, &[(1, s(0x7c00))], &[], AHP, 0);
    assert_eq!(c.s.v[0], [0x40f0_0000_0000_0000, 0]);
    assert_eq!(c.s.v[2], [0x4780_0000, 0]);
    // Single 1 + 2^-11 + 2^-20 -> half rounds up to 1 + 2^-10 (0x3c01), inexact.
    let c = run_fp(&crate::a64!(; fcvt h0, s1 ; brk 0), &[(1, s(0x3f80_1008))], &[], 0, 0);
    assert_eq!(c.s.v[0], [0x3c01, 0]);
    assert_eq!(c.s.fpsr, FpFlags::IXC);
}
