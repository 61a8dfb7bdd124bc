//! Unit tests for the FP core with hand-derived expected values. (The exhaustive
//! comparison against QEMU lives in `cpu/tests/fp_qemu_diff.rs`.)

use super::test_support::*;
use super::*;
use FpSize::{D, S};

#[test]
fn add_rounding_modes() {
    // 1.0 + 2^-24 is a tie in single: RN keeps 1.0, RP rounds up, both inexact.
    assert_eq!(run(|f| fp_add(S, 0x3f80_0000, 0x3380_0000, RN, f)), (0x3f80_0000, IXC));
    assert_eq!(run(|f| fp_add(S, 0x3f80_0000, 0x3380_0000, cr(FpRounding::PosInf), f)), (0x3f80_0001, IXC));
    assert_eq!(run(|f| fp_add(S, 0x3f80_0000, 0x3380_0000, cr(FpRounding::NegInf), f)), (0x3f80_0000, IXC));
    // 0.1 + 0.2 = 0.30000000000000004 in double.
    assert_eq!(run(|f| fp_add(D, 0x3FB9_9999_9999_999A, 0x3FC9_9999_9999_999A, RN, f)), (0x3FD3_3333_3333_3334, IXC));
    // 1 + 2 exact.
    assert_eq!(run(|f| fp_add(D, 0x3FF0_0000_0000_0000, 0x4000_0000_0000_0000, RN, f)), (0x4008_0000_0000_0000, 0));
}

#[test]
fn signed_zero_rules() {
    let x = 0x4049_0fdb; // pi
    assert_eq!(run(|f| fp_sub(S, x, x, RN, f)), (0, 0));
    assert_eq!(run(|f| fp_sub(S, x, x, cr(FpRounding::NegInf), f)), (0x8000_0000, 0));
    // -0 + -0 = -0 in every mode; +0 + -0 = +0 except RM.
    assert_eq!(run(|f| fp_add(S, 0x8000_0000, 0x8000_0000, RN, f)), (0x8000_0000, 0));
    assert_eq!(run(|f| fp_add(S, 0, 0x8000_0000, RN, f)), (0, 0));
    assert_eq!(run(|f| fp_add(S, 0, 0x8000_0000, cr(FpRounding::NegInf), f)), (0x8000_0000, 0));
    // sqrt(-0) = -0.
    assert_eq!(run(|f| fp_sqrt(D, 1 << 63, RN, f)), (1 << 63, 0));
}

#[test]
fn fused_multiply_add_single_rounding() {
    // x = 1 + 2^-12: x*x = 1 + 2^-11 + 2^-24 rounds (tie to even) to 1 + 2^-11, so the
    // separate mul-then-sub gives 0 while the fused operation gives exactly 2^-24.
    let x = 0x3f80_0800;
    let (p, fl) = run(|f| fp_mul(S, x, x, RN, f));
    assert_eq!((p, fl), (0x3f80_1000, IXC));
    assert_eq!(run(|f| fp_sub(S, p, 0x3f80_1000, RN, f)), (0, 0));
    assert_eq!(run(|f| fp_mul_add(S, fp_neg(S, p), x, x, RN, f)), (0x3380_0000, 0));
    // inf * 0 + qNaN gives the default NaN and Invalid.
    assert_eq!(run(|f| fp_mul_add(S, 0x7fc0_1234, 0x7f80_0000, 0, RN, f)), (0x7fc0_0000, IOC));
    // NaN order: addend, op1, op2; signalling before quiet.
    assert_eq!(run(|f| fp_mul_add(S, 0x7fc0_0001, 0x7f80_0002, 0x7fc0_0003, RN, f)), (0x7fc0_0002, IOC));
    assert_eq!(run(|f| fp_mul_add(S, 0x3f80_0000, 0x7fc0_0005, 0x7fc0_0003, RN, f)), (0x7fc0_0005, 0));
}

#[test]
fn sqrt_and_div_correctly_rounded() {
    assert_eq!(run(|f| fp_sqrt(D, 0x4000_0000_0000_0000, RN, f)), (0x3FF6_A09E_667F_3BCD, IXC));
    assert_eq!(run(|f| fp_sqrt(D, 0x4000_0000_0000_0000, cr(FpRounding::Zero), f)), (0x3FF6_A09E_667F_3BCC, IXC));
    assert_eq!(run(|f| fp_sqrt(S, 0x4000_0000, RN, f)), (0x3FB5_04F3, IXC));
    assert_eq!(run(|f| fp_sqrt(S, 0x4000_0000, cr(FpRounding::PosInf), f)), (0x3FB5_04F4, IXC));
    assert_eq!(run(|f| fp_sqrt(S, 0x4080_0000, RN, f)), (0x4000_0000, 0));
    assert_eq!(run(|f| fp_sqrt(S, 0xbf80_0000, RN, f)), (0x7fc0_0000, IOC));
    // 1/3 in single: 0x3EAAAAAB (RN), 0x3EAAAAAA (RZ).
    assert_eq!(run(|f| fp_div(S, 0x3f80_0000, 0x4040_0000, RN, f)), (0x3EAA_AAAB, IXC));
    assert_eq!(run(|f| fp_div(S, 0x3f80_0000, 0x4040_0000, cr(FpRounding::Zero), f)), (0x3EAA_AAAA, IXC));
    assert_eq!(run(|f| fp_div(S, 0xbf80_0000, 0, RN, f)), (0xff80_0000, DZC));
    assert_eq!(run(|f| fp_div(S, 0, 0, RN, f)), (0x7fc0_0000, IOC));
}

#[test]
fn denormals_underflow_and_flush() {
    // 2^-126 * 0.5 = 2^-127: an exact denormal, no Underflow.
    assert_eq!(run(|f| fp_mul(S, 0x0080_0000, 0x3f00_0000, RN, f)), (0x0040_0000, 0));
    // With FZ the tiny result flushes to zero with only Underflow.
    assert_eq!(run(|f| fp_mul(S, 0x0080_0000, 0x3f00_0000, FZ, f)), (0, UFC));
    // 2^-126 * (1 - 2^-24) is tiny before rounding and rounds (tie to even) up to 2^-126:
    // Arm detects tininess before rounding, so Underflow is raised.
    assert_eq!(run(|f| fp_mul(S, 0x0080_0000, 0x3f7f_ffff, RN, f)), (0x0080_0000, UFC | IXC));
    assert_eq!(run(|f| fp_mul(S, 0x8080_0000, 0x3f7f_ffff, FZ, f)), (0x8000_0000, UFC));
    // Denormal inputs flush with Input Denormal under FZ.
    assert_eq!(run(|f| fp_add(S, 1, 0, FZ, f)), (0, IDC));
    assert_eq!(run(|f| fp_add(S, 1, 0, RN, f)), (1, 0));
    assert_eq!(run(|f| fp_add(D, 0x8000_0000_0000_0001, 0x3ff0_0000_0000_0000, FZ, f)), (0x3ff0_0000_0000_0000, IDC));
    // Overflow: RN to infinity, RZ to the largest normal.
    assert_eq!(run(|f| fp_mul(S, 0x7f7f_ffff, 0x4000_0000, RN, f)), (0x7f80_0000, OFC | IXC));
    assert_eq!(run(|f| fp_mul(S, 0x7f7f_ffff, 0x4000_0000, cr(FpRounding::Zero), f)), (0x7f7f_ffff, OFC | IXC));
    assert_eq!(run(|f| fp_mul(S, 0xff7f_ffff, 0x4000_0000, cr(FpRounding::PosInf), f)), (0xff7f_ffff, OFC | IXC));
}

#[test]
fn nan_propagation() {
    // Signalling NaNs first (quieted, Invalid), then quiet NaNs, in operand order.
    assert_eq!(run(|f| fp_add(S, 0x7fc0_0001, 0x7f80_0002, RN, f)), (0x7fc0_0002, IOC));
    assert_eq!(run(|f| fp_add(S, 0xffc0_0001, 0x7fc0_0002, RN, f)), (0xffc0_0001, 0));
    assert_eq!(run(|f| fp_mul(D, 0x3ff0_0000_0000_0000, 0xfff0_0000_0000_0003, RN, f)), (0xfff8_0000_0000_0003, IOC));
    // Default NaN mode.
    assert_eq!(run(|f| fp_add(S, 0x7fc0_0001, 0x7f80_0002, DN, f)), (0x7fc0_0000, IOC));
    assert_eq!(run(|f| fp_add(S, 0x7f80_0000, 0xff80_0000, RN, f)), (0x7fc0_0000, IOC));
    // Max/min and the Num variants.
    assert_eq!(run(|f| fp_max(S, 0x8000_0000, 0, RN, f)), (0, 0));
    assert_eq!(run(|f| fp_min(S, 0x8000_0000, 0, RN, f)), (0x8000_0000, 0));
    assert_eq!(run(|f| fp_max_num(S, 0x7fc0_0000, 0x3f80_0000, RN, f)), (0x3f80_0000, 0));
    assert_eq!(run(|f| fp_min_num(S, 0x3f80_0000, 0xffc0_0000, RN, f)), (0x3f80_0000, 0));
    assert_eq!(run(|f| fp_max_num(S, 0x7f80_0001, 0x3f80_0000, RN, f)), (0x7fc0_0001, IOC));
    assert_eq!(run(|f| fp_max(S, 0x7fc0_0000, 0x3f80_0000, RN, f)), (0x7fc0_0000, 0));
}

#[test]
fn compares() {
    assert_eq!(run(|f| fp_compare(S, 0x8000_0000, 0, false, RN, f)), (0b0110, 0));
    assert_eq!(run(|f| fp_compare(S, 0xbf80_0000, 0, false, RN, f)), (0b1000, 0));
    assert_eq!(run(|f| fp_compare(S, 0x7f80_0000, 0x7f7f_ffff, false, RN, f)), (0b0010, 0));
    assert_eq!(run(|f| fp_compare(S, 0x7fc0_0000, 0, false, RN, f)), (0b0011, 0));
    assert_eq!(run(|f| fp_compare(S, 0x7fc0_0000, 0, true, RN, f)), (0b0011, IOC));
    assert_eq!(run(|f| fp_compare(S, 0x7f80_0001, 0, false, RN, f)), (0b0011, IOC));
    assert_eq!(run(|f| fp_compare_eq(D, 0x7ff8_0000_0000_0000, 0, RN, f)), (false, 0));
    assert_eq!(run(|f| fp_compare_ge(D, 0x7ff8_0000_0000_0000, 0, RN, f)), (false, IOC));
    assert_eq!(run(|f| fp_compare_gt(S, 0x3f80_0001, 0x3f80_0000, RN, f)), (true, 0));
    assert_eq!(run(|f| fp_compare_ge(S, 1, 0, FZ, f)), (true, IDC));
    assert_eq!(run(|f| fp_compare_gt(S, 1, 0, FZ, f)), (false, IDC));
}

#[test]
fn round_to_integral() {
    let t = |op, rm, exact| run(|f| fp_round_int(S, op, RN, rm, exact, f));
    assert_eq!(t(0x4020_0000, FpRounding::TieEven, false), (0x4000_0000, 0)); // 2.5 -> 2
    assert_eq!(t(0x4020_0000, FpRounding::TieAway, false), (0x4040_0000, 0)); // 2.5 -> 3
    assert_eq!(t(0xc020_0000, FpRounding::TieAway, true), (0xc040_0000, IXC)); // -2.5 -> -3
    assert_eq!(t(0xbf00_0000, FpRounding::PosInf, false), (0x8000_0000, 0)); // -0.5 -> -0
    assert_eq!(t(0xbf00_0000, FpRounding::NegInf, true), (0xbf80_0000, IXC)); // -0.5 -> -1
    assert_eq!(t(0x3fc0_0000, FpRounding::Zero, true), (0x3f80_0000, IXC)); // 1.5 -> 1
    assert_eq!(t(0x4b80_0001, FpRounding::Zero, true), (0x4b80_0001, 0)); // already integral
    assert_eq!(t(0x7f80_0001, FpRounding::Zero, true), (0x7fc0_0001, IOC));
}
