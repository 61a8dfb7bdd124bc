//! Tests of the Advanced SIMD scalar FP forms (three same, two-register misc, FCVTXN,
//! pairwise, by element), values derived by hand.

use crate::exec::fp_scalar::testing::{d, run_fp, s, JUNK};
use crate::fp::FpFlags;
use crate::testutil::{cpu_with_code, run, End};

const S1: u32 = 0x3f80_0000;
const S2: u32 = 0x4000_0000;
const S3: u32 = 0x4040_0000;
const D1: u64 = 0x3ff0_0000_0000_0000;
const D2: u64 = 0x4000_0000_0000_0000;
const D15: u64 = 0x3ff8_0000_0000_0000;

#[test]
fn three_same_arithmetic() {
    // FABD |1 - 3| = 2; FMULX inf * -0 = -2.0 without Invalid; FRECPS 2 - 1.5*1 = 0.5;
    // FRSQRTS (3 - 1*1) / 2 = 1.0.
    let c = run_fp(
        &crate::a64!(; fabd s0, s1, s2 ; fmulx s3, s4, s5 ; frecps d6, d7, d8 ; frsqrts d9, d8, d8 ; brk 0),
        &[(1, s(S1)), (2, s(S3)), (4, s(0x7f80_0000)), (5, s(0x8000_0000)), (7, d(D15)), (8, d(D1))],
        &[],
        0,
        0,
    );
    assert_eq!(c.s.v[0], [S2 as u64, 0]);
    assert_eq!(c.s.v[3], [0xc000_0000, 0]);
    assert_eq!(c.s.v[6], [0x3fe0_0000_0000_0000, 0]);
    assert_eq!(c.s.v[9], [D1, 0]);
    assert_eq!(c.s.fpsr, 0);
}

#[test]
fn three_same_compares() {
    let code = crate::a64!(; fcmeq d0, d1, d2 ; fcmgt s3, s4, s5 ; fcmge s6, s4, s4 ; facge d7, d8, d1 ; facgt s9, s5, s4 ; brk 0);
    // d1 = d2 = 1.0; s4 = 1.0, s5 = -3.0; d8 = -2.0.
    let c = run_fp(
        &code,
        &[(1, d(D1)), (2, d(D1)), (4, s(S1)), (5, s(0xc040_0000)), (8, d(0xc000_0000_0000_0000))],
        &[],
        0,
        0,
    );
    assert_eq!(c.s.v[0], [u64::MAX, 0]);
    assert_eq!(c.s.v[3], [0xffff_ffff, 0]);
    assert_eq!(c.s.v[6], [0xffff_ffff, 0]);
    assert_eq!(c.s.v[7], [u64::MAX, 0]); // |-2| >= |1|
    assert_eq!(c.s.v[9], [0xffff_ffff, 0]); // |-3| > |1|
                                            // GE/GT with a quiet NaN: false and Invalid; EQ with a quiet NaN: false, quiet.
    let c = run_fp(&crate::a64!(; fcmeq s0, s1, s2 ; brk 0), &[(1, s(0x7fc0_0000)), (2, s(S1))], &[], 0, 0);
    assert_eq!((c.s.v[0], c.s.fpsr), ([0, 0], 0));
    let c = run_fp(&crate::a64!(; fcmge s0, s1, s2 ; brk 0), &[(1, s(0x7fc0_0000)), (2, s(S1))], &[], 0, 0);
    assert_eq!((c.s.v[0], c.s.fpsr), ([0, 0], FpFlags::IOC));
}

#[test]
fn compares_with_zero() {
    let code = crate::a64!(; fcmgt s0, s1, 0.0 ; fcmge d2, d3, 0.0 ; fcmeq s4, s5, 0.0 ; fcmle d6, d3, 0.0 ; fcmlt s7, s1, 0.0 ; brk 0);
    // s1 = -1.0, d3 = -0.0, s5 = +0.0.
    let c = run_fp(&code, &[(1, s(0xbf80_0000)), (3, d(1 << 63)), (5, s(0))], &[], 0, 0);
    assert_eq!(c.s.v[0], [0, 0]);
    assert_eq!(c.s.v[2], [u64::MAX, 0]);
    assert_eq!(c.s.v[4], [0xffff_ffff, 0]);
    assert_eq!(c.s.v[6], [u64::MAX, 0]);
    assert_eq!(c.s.v[7], [0xffff_ffff, 0]);
    assert_eq!(c.s.fpsr, 0);
}

#[test]
fn estimates() {
    // FRECPE(1.0) = 0.998046875 (RecipEstimate(256) = 511); FRSQRTE(4.0) = 0.4990234375;
    // FRECPX(2.0) = 1.0 (exponent inverted, fraction cleared).
    let c = run_fp(
        &crate::a64!(; frecpe s0, s1 ; frsqrte d2, d3 ; frecpx s4, s5 ; brk 0),
        &[(1, s(S1)), (3, d(0x4010_0000_0000_0000)), (5, s(S2))],
        &[],
        0,
        0,
    );
    assert_eq!(c.s.v[0], [0x3f7f_8000, 0]);
    assert_eq!(c.s.v[2], [0x3fdf_f000_0000_0000, 0]);
    assert_eq!(c.s.v[4], [S1 as u64, 0]);
    // FRECPE(+0) = +inf with Divide by Zero.
    let c = run_fp(&crate::a64!(; frecpe d0, d1 ; brk 0), &[(1, d(0))], &[], 0, 0);
    assert_eq!((c.s.v[0], c.s.fpsr), ([0x7ff0_0000_0000_0000, 0], FpFlags::DZC));
}

#[test]
fn fcvtxn_rounds_to_odd() {
    // 1 + 2^-24 + 2^-40 -> truncated 1.0, inexact, LSB set: 1 + 2^-23.
    let c = run_fp(&crate::a64!(; fcvtxn s0, d1 ; brk 0), &[(1, d(0x3ff0_0000_0100_1000))], &[], 0, 0);
    assert_eq!(c.s.v[0], [0x3f80_0001, 0]);
    assert_eq!(c.s.fpsr, FpFlags::IXC);
    // Exact values keep their LSB clear: 1.5.
    let c = run_fp(&crate::a64!(; fcvtxn s0, d1 ; brk 0), &[(1, d(D15))], &[], 0, 0);
    assert_eq!((c.s.v[0], c.s.fpsr), ([0x3fc0_0000, 0], 0));
    // sz = 0 is reserved: UNDEFINED before the FP trap.
    let word: u32 = 0x7e21_6800 | (1 << 5);
    let mut cpu = cpu_with_code(&word.to_le_bytes(), 1);
    cpu.s.sys[crate::sysreg::Slot::CPACR_EL1 as usize] = 0;
    assert_eq!(run(&mut cpu, 10), End::Exception { el: 1, esr: 1 << 25 });
}

#[test]
fn pairwise_reductions() {
    // V1.2S = {1.0, 2.0}: FADDP 3.0, FMAXP 2.0; V2.2D = {qNaN, 1.0}: FMINNMP 1.0, FMINP NaN.
    let v1 = [((S2 as u64) << 32) | S1 as u64, JUNK[1]];
    let v2 = [0x7ff8_0000_0000_0000, D1];
    let c = run_fp(
        &crate::a64!(; faddp s0, v1.s2 ; fmaxp s3, v1.s2 ; fminnmp d4, v2.d2 ; fminp d5, v2.d2 ; fmaxnmp s6, v1.s2 ; faddp d7, v2.d2 ; brk 0),
        &[(1, v1), (2, v2)],
        &[],
        0,
        0,
    );
    assert_eq!(c.s.v[0], [S3 as u64, 0]);
    assert_eq!(c.s.v[3], [S2 as u64, 0]);
    assert_eq!(c.s.v[4], [D1, 0]);
    assert_eq!(c.s.v[5], [0x7ff8_0000_0000_0000, 0]);
    assert_eq!(c.s.v[6], [S2 as u64, 0]);
    assert_eq!(c.s.v[7], [0x7ff8_0000_0000_0000, 0]);
    assert_eq!(c.s.fpsr, 0);
}

#[test]
fn by_element() {
    // V2.4S = {0, 0, 0, 3.0}; V3.2D = {0, 2.0}.
    let v2 = [0, (S3 as u64) << 32];
    let v3 = [0, D2];
    let c = run_fp(
        &crate::a64!(; fmul s0, s1, v2.s[3] ; fmla d4, d5, v3.d[1] ; fmls s6, s1, v2.s[3] ; fmulx d7, d8, v3.d[1] ; brk 0),
        &[(1, s(S2)), (2, v2), (3, v3), (4, d(D1)), (5, d(D15)), (6, s(S1)), (8, d(0xfff0_0000_0000_0000))],
        &[],
        0,
        0,
    );
    assert_eq!(c.s.v[0], [0x40c0_0000, 0]); // 2 * 3 = 6
    assert_eq!(c.s.v[4], [0x4010_0000_0000_0000, 0]); // 1 + 1.5 * 2 = 4
    assert_eq!(c.s.v[6], [0xc0a0_0000, 0]); // 1 - 2 * 3 = -5
    assert_eq!(c.s.v[7], [0xfff0_0000_0000_0000, 0]); // -inf * 2 = -inf
    assert_eq!(c.s.fpsr, 0);
    // FMULX by element: inf * 0 = 2.0.
    let c = run_fp(&crate::a64!(; fmulx s0, s1, v2.s[0] ; brk 0), &[(1, s(0x7f80_0000)), (2, v2)], &[], 0, 0);
    assert_eq!((c.s.v[0], c.s.fpsr), ([S2 as u64, 0], 0));
    // Double with L = 1 is reserved: UNDEFINED (FMUL d0, d1, v2.d[0] with bit 21 set).
    let word: u32 = 0x5fc2_9020 | (1 << 21);
    let mut cpu = cpu_with_code(&word.to_le_bytes(), 1);
    assert_eq!(run(&mut cpu, 10), End::Exception { el: 1, esr: 1 << 25 });
}

#[test]
fn fp_trap_leaves_registers() {
    // CPACR_EL1.FPEN = 0: FADD traps with EC 0x07 and writes nothing.
    let code = crate::a64!(; fadd d0, d1, d2 ; brk 0);
    let mut cpu = cpu_with_code(&code, 1);
    cpu.s.sys[crate::sysreg::Slot::CPACR_EL1 as usize] = 0;
    cpu.s.v[0] = JUNK;
    let End::Exception { el: 1, esr } = run(&mut cpu, 10) else { panic!("no exception") };
    assert_eq!(esr >> 26, 0x07);
    assert_eq!((cpu.s.v[0], cpu.s.fpsr), (JUNK, 0));
}
