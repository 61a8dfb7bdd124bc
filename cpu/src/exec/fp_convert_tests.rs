//! Tests of the FP <-> integer and fixed-point conversions (general-register and
//! Advanced SIMD scalar forms), values derived by hand.

use crate::exec::fp_scalar::testing::{d, run_fp, s, RM, RZ};
use crate::fp::FpFlags;
use crate::testutil::{cpu_with_code, run, End};

#[test]
fn fcvtzs_saturates_with_invalid() {
    // 2^31 does not fit in W: 0x7fffffff and Invalid.
    let c = run_fp(&crate::a64!(; fcvtzs w0, s1 ; brk 0), &[(1, s(0x4f00_0000))], &[(0, !0)], 0, 0);
    assert_eq!(c.s.x[0], 0x7fff_ffff);
    assert_eq!(c.s.fpsr, FpFlags::IOC);
    // -1.5 -> -1 in X, inexact; in W the result is zero-extended.
    let c = run_fp(&crate::a64!(; fcvtzs x0, d1 ; fcvtzs w2, d1 ; brk 0), &[(1, d(0xbff8_0000_0000_0000))], &[], 0, 0);
    assert_eq!(c.s.x[0], u64::MAX);
    assert_eq!(c.s.x[2], 0xffff_ffff);
    assert_eq!(c.s.fpsr, FpFlags::IXC);
    // Unsigned: -1.0 -> 0 (Invalid); NaN -> 0 (Invalid).
    let c = run_fp(
        &crate::a64!(; fcvtzu w0, s1 ; fcvtnu x2, d3 ; brk 0),
        &[(1, s(0xbf80_0000)), (3, d(0x7ff8_0000_0000_0000))],
        &[(0, 5), (2, 5)],
        0,
        0,
    );
    assert_eq!((c.s.x[0], c.s.x[2]), (0, 0));
    assert_eq!(c.s.fpsr, FpFlags::IOC);
}

#[test]
fn fcvt_to_int_rounding_per_opcode() {
    const S2_5: u32 = 0x4020_0000;
    const SM2_1: u32 = 0xc006_6666;
    let code = crate::a64!(; fcvtns w0, s1 ; fcvtas w2, s1 ; fcvtps x3, s1 ; fcvtms w4, s5 ; fcvtmu x6, s1 ; fcvtau w7, s5 ; fcvtpu w8, s5 ; brk 0);
    // RMode = RZ must not matter: the rounding is the opcode's.
    let c = run_fp(&code, &[(1, s(S2_5)), (5, s(SM2_1))], &[], RZ, 0);
    assert_eq!(c.s.x[0], 2); // ties to even
    assert_eq!(c.s.x[2], 3); // ties away
    assert_eq!(c.s.x[3], 3);
    assert_eq!(c.s.x[4], 0xffff_fffd); // -3, zero-extended W
    assert_eq!(c.s.x[6], 2);
    assert_eq!(c.s.x[7], 0); // -2 unsigned: saturates to 0
    assert_eq!(c.s.x[8], 0); // -2.1 towards +inf = -2: 0, Invalid
    assert_eq!(c.s.fpsr, FpFlags::IXC | FpFlags::IOC);
}

#[test]
fn scvtf_ucvtf_integer() {
    // SCVTF d0, x1 with x1 = -1: -1.0. UCVTF s2, w3 with 0xffffffff: 2^32, inexact.
    let c = run_fp(
        &crate::a64!(; scvtf d0, x1 ; ucvtf s2, w3 ; brk 0),
        &[],
        &[(1, u64::MAX), (3, 0xdead_0000_ffff_ffff)],
        0,
        0,
    );
    assert_eq!(c.s.v[0], [0xbff0_0000_0000_0000, 0]);
    assert_eq!(c.s.v[2], [0x4f80_0000, 0]);
    assert_eq!(c.s.fpsr, FpFlags::IXC);
    // Under RM, 0xffffffff -> 0x4f7fffff (4294967040); SCVTF of W -1 reads only 32 bits.
    let c = run_fp(&crate::a64!(; ucvtf s2, w3 ; scvtf s4, w3 ; brk 0), &[], &[(3, 0xffff_ffff)], RM, 0);
    assert_eq!(c.s.v[2], [0x4f7f_ffff, 0]);
    assert_eq!(c.s.v[4], [0xbf80_0000, 0]);
}

#[test]
fn fixed_point_general_forms() {
    // SCVTF s0, w1, #4: 40 / 16 = 2.5; FCVTZS w2, s0, #4: 40 back.
    let c = run_fp(&crate::a64!(; scvtf s0, w1, 4 ; fcvtzs w2, s0, 4 ; brk 0), &[], &[(1, 40)], 0, 0);
    assert_eq!(c.s.v[0], [0x4020_0000, 0]);
    assert_eq!(c.s.x[2], 40);
    assert_eq!(c.s.fpsr, 0);
    // UCVTF d0, x1, #64 with 2^63: 0.5. FCVTZU x2, d3, #1 of 2.75: 5 (truncated), inexact.
    let c = run_fp(
        &crate::a64!(; ucvtf d0, x1, 64 ; fcvtzu x2, d3, 1 ; brk 0),
        &[(3, d(0x4006_0000_0000_0000))],
        &[(1, 1 << 63)],
        0,
        0,
    );
    assert_eq!(c.s.v[0], [0x3fe0_0000_0000_0000, 0]);
    assert_eq!(c.s.x[2], 5);
    assert_eq!(c.s.fpsr, FpFlags::IXC);
    // FCVTZS w0, s1, #32 of 0.5: 2^31 overflows W: 0x7fffffff, Invalid.
    let c = run_fp(&crate::a64!(; fcvtzs w0, s1, 32 ; brk 0), &[(1, s(0x3f00_0000))], &[], 0, 0);
    assert_eq!(c.s.x[0], 0x7fff_ffff);
    assert_eq!(c.s.fpsr, FpFlags::IOC);
}

#[test]
fn fixed_point_w_with_scale_below_32_is_undefined() {
    // SCVTF s0, w1 with scale = 31 (fbits 33): unallocated, UNDEFINED (EC 0), even with
    // the FP trap enabled.
    let word: u32 = 0x1e02_0000 | (31 << 10) | (1 << 5);
    let mut cpu = cpu_with_code(&[word.to_le_bytes(), 0xd420_0000u32.to_le_bytes()].concat(), 1);
    cpu.s.sys[crate::sysreg::Slot::CPACR_EL1 as usize] = 0;
    assert_eq!(run(&mut cpu, 10), End::Exception { el: 1, esr: 1 << 25 });
    // The same with X (sf = 1) is SCVTF d0, x1, #33 when ftype = 01.
    let word: u32 = 0x9e42_0000 | (31 << 10) | (1 << 5);
    let c = run_fp(&[word.to_le_bytes(), 0xd420_0000u32.to_le_bytes()].concat(), &[], &[(1, 1 << 33)], 0, 0);
    assert_eq!(c.s.v[0], [0x3ff0_0000_0000_0000, 0]);
}

#[test]
fn simd_scalar_integer_conversions() {
    // FCVTZS s0, s1 of 2^31: 0x7fffffff (32 bits, upper cleared); SCVTF d2, d3 of -2: -2.0;
    // UCVTF s4, s5 of 0x80000000: 2^31; FCVTAS d6, d7 of -2.5: -3.
    let c = run_fp(
        &crate::a64!(; fcvtzs s0, s1 ; scvtf d2, d3 ; ucvtf s4, s5 ; fcvtas d6, d7 ; brk 0),
        &[(1, s(0x4f00_0000)), (3, d(-2i64 as u64)), (5, s(0x8000_0000)), (7, d(0xc004_0000_0000_0000))],
        &[],
        0,
        0,
    );
    assert_eq!(c.s.v[0], [0x7fff_ffff, 0]);
    assert_eq!(c.s.v[2], [0xc000_0000_0000_0000, 0]);
    assert_eq!(c.s.v[4], [0x4f00_0000, 0]);
    assert_eq!(c.s.v[6], [-3i64 as u64, 0]);
    assert_eq!(c.s.fpsr, FpFlags::IOC | FpFlags::IXC);
    // FCVTNU, FCVTMS, FCVTPU, FCVTZU, FCVTNS, FCVTMU, FCVTPS, FCVTAU of 1.5 (single).
    let c = run_fp(
        &crate::a64!(; fcvtnu s0, s1 ; fcvtms s2, s1 ; fcvtpu s3, s1 ; fcvtzu s4, s1
            ; fcvtns s5, s1 ; fcvtmu s6, s1 ; fcvtps s7, s1 ; fcvtau s8, s1 ; brk 0),
        &[(1, s(0x3fc0_0000))],
        &[],
        0,
        0,
    );
    let got: Vec<u64> = [0, 2, 3, 4, 5, 6, 7, 8].iter().map(|&r| c.s.v[r][0]).collect();
    assert_eq!(got, [2, 1, 2, 1, 2, 1, 2, 2]);
}

#[test]
fn simd_scalar_fixed_point_shift_forms() {
    // SCVTF s0, s1, #16 of 0x18000: 1.5; FCVTZU d2, d3, #8 of 1.5: 384; UCVTF d4, d5, #64
    // of 2^63: 0.5; FCVTZS s6, s7, #1 of -1.25: -2 (towards zero of -2.5).
    let c = run_fp(
        &crate::a64!(; scvtf s0, s1, 16 ; fcvtzu d2, d3, 8 ; ucvtf d4, d5, 64 ; fcvtzs s6, s7, 1 ; brk 0),
        &[(1, s(0x1_8000)), (3, d(0x3ff8_0000_0000_0000)), (5, d(1 << 63)), (7, s(0xbfa0_0000))],
        &[],
        0,
        0,
    );
    assert_eq!(c.s.v[0], [0x3fc0_0000, 0]);
    assert_eq!(c.s.v[2], [384, 0]);
    assert_eq!(c.s.v[4], [0x3fe0_0000_0000_0000, 0]);
    assert_eq!(c.s.v[6], [0xffff_fffe, 0]);
    assert_eq!(c.s.fpsr, FpFlags::IXC);
}
