//! Tests of FP data-processing (2 and 3 source) and FCSEL, values derived by hand.

use crate::exec::fp_scalar::testing::{d, run_fp, s};
use crate::fp::FpFlags;

const S1: u32 = 0x3f80_0000;
const S2: u32 = 0x4000_0000;
const S3: u32 = 0x4040_0000;
const D1: u64 = 0x3ff0_0000_0000_0000;
const D2: u64 = 0x4000_0000_0000_0000;
const D3: u64 = 0x4008_0000_0000_0000;
const QNAN_S: u32 = 0x7fc0_0001;

#[test]
fn fadd_fsub_fmul_fdiv_fnmul() {
    // 1.0 + 2.0 = 3.0 (double), upper bits of V0 cleared, exact: no flags.
    let c = run_fp(&crate::a64!(; fadd d0, d1, d2 ; brk 0), &[(1, d(D1)), (2, d(D2))], &[], 0, 0);
    assert_eq!(c.s.v[0], [D3, 0]);
    assert_eq!(c.s.fpsr, 0);
    // 1.0 - 3.0 = -2.0 (single).
    let c = run_fp(&crate::a64!(; fsub s0, s1, s2 ; brk 0), &[(1, s(S1)), (2, s(S3))], &[], 0, 0);
    assert_eq!(c.s.v[0], [0xc000_0000, 0]);
    // 1.5 * 2.0 = 3.0.
    let c = run_fp(&crate::a64!(; fmul s0, s1, s2 ; brk 0), &[(1, s(0x3fc0_0000)), (2, s(S2))], &[], 0, 0);
    assert_eq!(c.s.v[0], [S3 as u64, 0]);
    // 1.0 / 0.0 = +inf with Divide by Zero.
    let c = run_fp(&crate::a64!(; fdiv s0, s1, s2 ; brk 0), &[(1, s(S1)), (2, s(0))], &[], 0, 0);
    assert_eq!(c.s.v[0], [0x7f80_0000, 0]);
    assert_eq!(c.s.fpsr, FpFlags::DZC);
    // 1.0 / 3.0 (double) = 0x3fd5555555555555, inexact.
    let c = run_fp(&crate::a64!(; fdiv d0, d1, d2 ; brk 0), &[(1, d(D1)), (2, d(D3))], &[], 0, 0);
    assert_eq!(c.s.v[0], [0x3fd5_5555_5555_5555, 0]);
    assert_eq!(c.s.fpsr, FpFlags::IXC);
    // FNMUL 2.0 * 3.0 = -6.0.
    let c = run_fp(&crate::a64!(; fnmul d0, d1, d2 ; brk 0), &[(1, d(D2)), (2, d(D3))], &[], 0, 0);
    assert_eq!(c.s.v[0], [0xc018_0000_0000_0000, 0]);
    // 0 * inf is Invalid: the default NaN.
    let c = run_fp(&crate::a64!(; fmul s0, s1, s2 ; brk 0), &[(1, s(0)), (2, s(0x7f80_0000))], &[], 0, 0);
    assert_eq!(c.s.v[0], [0x7fc0_0000, 0]);
    assert_eq!(c.s.fpsr, FpFlags::IOC);
    // FPSR is cumulative: a second instruction adds its flags to the first one's.
    let c = run_fp(
        &crate::a64!(; fdiv s0, s1, s2 ; fadd s3, s1, s1 ; fmul s4, s2, s5 ; brk 0),
        &[(1, s(S1)), (2, s(0)), (5, s(0x7f80_0000))],
        &[],
        0,
        0,
    );
    assert_eq!(c.s.fpsr, FpFlags::DZC | FpFlags::IOC);
}

#[test]
fn fmax_fmin_and_num_forms() {
    // FMAX with a quiet NaN returns the NaN; FMAXNM returns the number.
    let c =
        run_fp(&crate::a64!(; fmax s0, s1, s2 ; fmaxnm s3, s1, s2 ; brk 0), &[(1, s(S1)), (2, s(QNAN_S))], &[], 0, 0);
    assert_eq!(c.s.v[0], [QNAN_S as u64, 0]);
    assert_eq!(c.s.v[3], [S1 as u64, 0]);
    assert_eq!(c.s.fpsr, 0);
    // FMIN(-0, +0) = -0; FMINNM(2, 3) = 2; FMAX(2, 3) = 3 (double).
    let c = run_fp(
        &crate::a64!(; fmin d0, d1, d2 ; fminnm d3, d4, d5 ; fmax d6, d4, d5 ; brk 0),
        &[(1, d(1 << 63)), (2, d(0)), (4, d(D2)), (5, d(D3))],
        &[],
        0,
        0,
    );
    assert_eq!(c.s.v[0], [1 << 63, 0]);
    assert_eq!(c.s.v[3], [D2, 0]);
    assert_eq!(c.s.v[6], [D3, 0]);
    // A signalling NaN is quietened and raises Invalid even for FMINNM.
    let c = run_fp(&crate::a64!(; fminnm s0, s1, s2 ; brk 0), &[(1, s(S1)), (2, s(0x7f80_0001))], &[], 0, 0);
    assert_eq!(c.s.v[0], [0x7fc0_0001, 0]);
    assert_eq!(c.s.fpsr, FpFlags::IOC);
}

#[test]
fn fused_multiply_add_family() {
    let v = [(1, s(S2)), (2, s(S3)), (3, s(S1))];
    // 1 + 2*3 = 7, 1 - 2*3 = -5, -1 - 2*3 = -7, 2*3 - 1 = 5.
    let c = run_fp(
        &crate::a64!(; fmadd s4, s1, s2, s3 ; fmsub s5, s1, s2, s3 ; fnmadd s6, s1, s2, s3 ; fnmsub s7, s1, s2, s3 ; brk 0),
        &v,
        &[],
        0,
        0,
    );
    assert_eq!(c.s.v[4], [0x40e0_0000, 0]);
    assert_eq!(c.s.v[5], [0xc0a0_0000, 0]);
    assert_eq!(c.s.v[6], [0xc0e0_0000, 0]);
    assert_eq!(c.s.v[7], [0x40a0_0000, 0]);
    // Fused: (1 + 2^-52)^2 - (1 + 2^-51) = 2^-104 exactly (separately rounded: 0).
    let c = run_fp(
        &crate::a64!(; fmadd d0, d1, d1, d3 ; brk 0),
        &[(1, d(D1 + 1)), (3, d(0xbff0_0000_0000_0002))],
        &[],
        0,
        0,
    );
    assert_eq!(c.s.v[0], [0x3970_0000_0000_0000, 0]);
    assert_eq!(c.s.fpsr, 0);
}

#[test]
fn fcsel_selects_on_condition() {
    // Z set: EQ holds -> Vn; NE fails -> Vm. Upper bits cleared either way.
    let c = run_fp(
        &crate::a64!(; fcsel d0, d1, d2, eq ; fcsel s3, s1, s2, ne ; brk 0),
        &[(1, d(D1)), (2, d(D2))],
        &[],
        0,
        0x4000_0000,
    );
    assert_eq!(c.s.v[0], [D1, 0]);
    assert_eq!(c.s.v[3], [D2 & 0xffff_ffff, 0]);
    assert_eq!(c.s.fpsr, 0);
}
