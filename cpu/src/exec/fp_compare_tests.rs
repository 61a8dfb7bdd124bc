//! Tests of FCMP, FCMPE, FCCMP and FCCMPE, values derived by hand.

use crate::exec::fp_scalar::testing::{d, run_fp, s};
use crate::fp::FpFlags;

const QNAN_D: u64 = 0x7ff8_0000_0000_0000;
const ONE_D: u64 = 0x3ff0_0000_0000_0000;

#[test]
fn fcmp_orders_and_nans() {
    let code = crate::a64!(; fcmp d1, d2 ; brk 0);
    // 1.0 vs NaN: unordered, NZCV = 0011, a quiet NaN raises nothing.
    let c = run_fp(&code, &[(1, d(ONE_D)), (2, d(QNAN_D))], &[], 0, 0);
    assert_eq!(c.s.nzcv, 0x3000_0000);
    assert_eq!(c.s.fpsr, 0);
    // Equal: 0110 (+0 == -0); less: 1000; greater: 0010.
    let c = run_fp(&code, &[(1, d(0)), (2, d(1 << 63))], &[], 0, 0xf000_0000);
    assert_eq!(c.s.nzcv, 0x6000_0000);
    let c = run_fp(&code, &[(1, d(1 << 63 | ONE_D)), (2, d(ONE_D))], &[], 0, 0);
    assert_eq!(c.s.nzcv, 0x8000_0000);
    let c = run_fp(&code, &[(1, d(ONE_D)), (2, d(0))], &[], 0, 0);
    assert_eq!(c.s.nzcv, 0x2000_0000);
    // A signalling NaN raises Invalid even for FCMP.
    let c = run_fp(&crate::a64!(; fcmp s1, s2 ; brk 0), &[(1, s(0x7f80_0001)), (2, s(0))], &[], 0, 0);
    assert_eq!(c.s.nzcv, 0x3000_0000);
    assert_eq!(c.s.fpsr, FpFlags::IOC);
}

#[test]
fn fcmpe_signals_on_quiet_nan() {
    let c = run_fp(&crate::a64!(; fcmpe d1, d2 ; brk 0), &[(1, d(ONE_D)), (2, d(QNAN_D))], &[], 0, 0);
    assert_eq!(c.s.nzcv, 0x3000_0000);
    assert_eq!(c.s.fpsr, FpFlags::IOC);
}

#[test]
fn fcmp_with_zero() {
    // -1.0 vs 0.0: less; +0 vs 0.0: equal; NaN vs 0.0 (FCMPE): unordered and Invalid.
    let c = run_fp(&crate::a64!(; fcmp s1, 0.0 ; brk 0), &[(1, s(0xbf80_0000))], &[], 0, 0);
    assert_eq!(c.s.nzcv, 0x8000_0000);
    let c = run_fp(&crate::a64!(; fcmp d1, 0.0 ; brk 0), &[(1, d(0))], &[], 0, 0);
    assert_eq!(c.s.nzcv, 0x6000_0000);
    let c = run_fp(&crate::a64!(; fcmpe d1, 0.0 ; brk 0), &[(1, d(QNAN_D))], &[], 0, 0);
    assert_eq!(c.s.nzcv, 0x3000_0000);
    assert_eq!(c.s.fpsr, FpFlags::IOC);
}

#[test]
fn fccmp_condition_false_sets_immediate() {
    // Z set, NE fails: NZCV = #0b1010 and no exception even with a NaN operand.
    let c =
        run_fp(&crate::a64!(; fccmpe d1, d2, 10, ne ; brk 0), &[(1, d(QNAN_D)), (2, d(ONE_D))], &[], 0, 0x4000_0000);
    assert_eq!(c.s.nzcv, 0xa000_0000);
    assert_eq!(c.s.fpsr, 0);
    // EQ holds: the comparison: 1.0 > 0.0 -> 0010.
    let c = run_fp(&crate::a64!(; fccmp d1, d2, 10, eq ; brk 0), &[(1, d(ONE_D)), (2, d(0))], &[], 0, 0x4000_0000);
    assert_eq!(c.s.nzcv, 0x2000_0000);
    // FCCMPE with the condition true signals a quiet NaN; FCCMP does not.
    let c = run_fp(&crate::a64!(; fccmpe s1, s2, 0, al ; brk 0), &[(1, s(0x7fc0_0000)), (2, s(0))], &[], 0, 0);
    assert_eq!((c.s.nzcv, c.s.fpsr), (0x3000_0000, FpFlags::IOC));
    let c = run_fp(&crate::a64!(; fccmp s1, s2, 0, al ; brk 0), &[(1, s(0x7fc0_0000)), (2, s(0))], &[], 0, 0);
    assert_eq!((c.s.nzcv, c.s.fpsr), (0x3000_0000, 0));
}
