//! Unit tests for conversions, estimates and robustness, with hand-derived values.

use super::test_support::*;
use super::*;
use FpSize::{D, H, S};

#[test]
fn to_fixed_saturation() {
    let z = FpRounding::Zero;
    let t = |size, op, fbits, unsigned, bits, rm| run(|f| fp_to_fixed(size, op, fbits, unsigned, bits, RN, rm, f));
    assert_eq!(t(S, 0x4f00_0000, 0, false, 32, z), (0x7fff_ffff, IOC)); // 2^31
    assert_eq!(t(S, 0xcf00_0000, 0, false, 32, z), (0x8000_0000, 0)); // -2^31
    assert_eq!(t(S, 0xcf00_0001, 0, false, 32, z), (0x8000_0000, IOC));
    assert_eq!(t(S, 0x7fc0_0000, 0, false, 64, z), (0, IOC));
    assert_eq!(t(S, 0xff80_0000, 0, false, 64, z), (1 << 63, IOC));
    assert_eq!(t(S, 0x7f80_0000, 0, true, 64, z), (u64::MAX, IOC));
    assert_eq!(t(S, 0x3fc0_0000, 0, false, 32, FpRounding::TieAway), (2, IXC)); // 1.5
    assert_eq!(t(S, 0xc020_0000, 0, false, 32, FpRounding::TieEven), (0xffff_fffe, IXC)); // -2.5
    assert_eq!(t(S, 0xbf00_0000, 0, true, 32, z), (0, IXC)); // -0.5 unsigned
    assert_eq!(t(S, 0xbf80_0000, 0, true, 32, z), (0, IOC)); // -1 unsigned
    assert_eq!(t(D, 0x3ff8_0000_0000_0000, 1, false, 64, z), (3, 0)); // 1.5 with 1 fraction bit
    assert_eq!(t(D, 0x3ff0_0000_0000_0000, 64, true, 64, z), (u64::MAX, IOC)); // 1.0 * 2^64
    assert_eq!(run(|f| fp_to_fixed(S, 1, 0, false, 32, FZ, z, f)), (0, IDC));
}

#[test]
fn from_fixed() {
    let t = |size, op, fbits, unsigned, bits| {
        run(|f| fixed_to_fp(size, op, fbits, unsigned, bits, RN, FpRounding::TieEven, f))
    };
    assert_eq!(t(S, 0xffff_ffff, 0, false, 32), (0xbf80_0000, 0)); // -1
    assert_eq!(t(S, u64::MAX, 0, true, 64), (0x5f80_0000, IXC)); // 2^64 - 1 rounds to 2^64
    assert_eq!(t(D, 1 << 32, 32, false, 64), (0x3ff0_0000_0000_0000, 0));
    assert_eq!(t(D, 0x8000_0000, 0, false, 32), (0xc1e0_0000_0000_0000, 0)); // i32::MIN
    assert_eq!(t(S, 0, 5, false, 64), (0, 0));
}

#[test]
fn convert_formats() {
    // Double 1 + 2^-24 to single: a tie, to even.
    assert_eq!(run(|f| fp_convert(D, S, 0x3ff0_0000_1000_0000, RN, FpRounding::TieEven, f)), (0x3f80_0000, IXC));
    // 65536 fits alternative half precision (exponent 31) but overflows IEEE half.
    assert_eq!(run(|f| fp_convert(S, H, 0x4780_0000, AHP, FpRounding::TieEven, f)), (0x7c00, 0));
    assert_eq!(run(|f| fp_convert(S, H, 0x4780_0000, RN, FpRounding::TieEven, f)), (0x7c00, OFC | IXC));
    assert_eq!(run(|f| fp_convert(S, H, 0x7fc0_0000, AHP, FpRounding::TieEven, f)), (0, IOC));
    assert_eq!(run(|f| fp_convert(S, H, 0xff80_0000, AHP, FpRounding::TieEven, f)), (0xffff, IOC));
    assert_eq!(run(|f| fp_convert(S, H, 0x4800_0000, AHP, FpRounding::TieEven, f)), (0x7fff, IOC));
    assert_eq!(run(|f| fp_convert(H, S, 0x7c00, AHP, FpRounding::TieEven, f)), (0x4780_0000, 0));
    // NaN payloads move top-aligned; signalling NaNs are quieted.
    assert_eq!(run(|f| fp_convert(H, S, 0x7e01, RN, FpRounding::TieEven, f)), (0x7fc0_2000, 0));
    assert_eq!(run(|f| fp_convert(H, S, 0xfc01, RN, FpRounding::TieEven, f)), (0xffc0_2000, IOC));
    assert_eq!(run(|f| fp_convert(D, S, 0x7ff0_0000_0000_0001, RN, FpRounding::TieEven, f)), (0x7fc0_0000, IOC));
    assert_eq!(run(|f| fp_convert(D, S, 0x7ff0_0000_0000_0001, DN, FpRounding::TieEven, f)), (0x7fc0_0000, IOC));
    // Half denormals are never flushed by FZ; single denormal inputs are.
    assert_eq!(run(|f| fp_convert(H, S, 0x0001, FZ, FpRounding::TieEven, f)), (0x3380_0000, 0));
    assert_eq!(run(|f| fp_convert(S, H, 0x3380_0000, FZ, FpRounding::TieEven, f)), (0x0001, 0));
    assert_eq!(run(|f| fp_convert(S, H, 0x0000_0001, FZ, FpRounding::TieEven, f)), (0, IDC));
    assert_eq!(run(|f| fp_convert(S, H, 0x0000_0001, RN, FpRounding::TieEven, f)), (0, UFC | IXC));
    // Round to odd (FCVTXN).
    assert_eq!(run(|f| fp_convert(D, S, 0x3ff0_0000_0000_0001, RN, FpRounding::Odd, f)), (0x3f80_0001, IXC));
}

#[test]
fn reciprocal_estimates() {
    assert_eq!(recip_estimate(256), 511);
    assert_eq!(recip_estimate(384), 341);
    assert_eq!(recip_sqrt_estimate(128), 511);
    // FRECPE(1.0) = 0.998046875; FRECPE(3.0) = 0.3330078125.
    assert_eq!(run(|f| fp_recip_estimate(S, 0x3f80_0000, RN, f)), (0x3f7f_8000, 0));
    assert_eq!(run(|f| fp_recip_estimate(S, 0x4040_0000, RN, f)), (0x3eaa_8000, 0));
    assert_eq!(run(|f| fp_recip_estimate(S, 0xff80_0000, RN, f)), (0x8000_0000, 0));
    assert_eq!(run(|f| fp_recip_estimate(S, 0, RN, f)), (0x7f80_0000, DZC));
    // Denormals: 2^-127 gives 0.998 * 2^127; below 2^-128 the reciprocal overflows.
    assert_eq!(run(|f| fp_recip_estimate(S, 0x0040_0000, RN, f)), (0x7eff_8000, 0));
    assert_eq!(run(|f| fp_recip_estimate(S, 1, RN, f)), (0x7f80_0000, OFC | IXC));
    assert_eq!(run(|f| fp_recip_estimate(S, 1, cr(FpRounding::Zero), f)), (0x7f7f_ffff, OFC | IXC));
    assert_eq!(run(|f| fp_recip_estimate(S, 1, FZ, f)), (0x7f80_0000, IDC | DZC));
    assert_eq!(run(|f| fp_recip_estimate(S, 0x7e80_0000, FZ, f)), (0, UFC));
    // FRSQRTE(4.0) = 0.4990234375; negative operands are Invalid.
    assert_eq!(run(|f| fp_rsqrt_estimate(S, 0x4080_0000, RN, f)), (0x3eff_8000, 0));
    assert_eq!(run(|f| fp_rsqrt_estimate(S, 0xbf80_0000, RN, f)), (0x7fc0_0000, IOC));
    assert_eq!(run(|f| fp_rsqrt_estimate(S, 0x7f80_0000, RN, f)), (0, 0));
    // FRECPX.
    assert_eq!(run(|f| fp_recpx(S, 0x3f80_0000, RN, f)), (0x4000_0000, 0));
    assert_eq!(run(|f| fp_recpx(S, 0x8000_0001, RN, f)), (0xff00_0000, 0));
    // Step functions: inf * 0 gives 2.0 / 1.5.
    assert_eq!(run(|f| fp_recip_step_fused(S, 0x7f80_0000, 0, RN, f)), (0x4000_0000, 0));
    assert_eq!(run(|f| fp_rsqrt_step_fused(S, 0x7f80_0000, 0, RN, f)), (0x3fc0_0000, 0));
    // FRECPS(1, 1) = 2 - 1 = 1; FRSQRTS(1, 1) = (3 - 1) / 2 = 1.
    assert_eq!(run(|f| fp_recip_step_fused(S, 0x3f80_0000, 0x3f80_0000, RN, f)), (0x3f80_0000, 0));
    assert_eq!(
        run(|f| fp_rsqrt_step_fused(D, 0x3ff0_0000_0000_0000, 0x3ff0_0000_0000_0000, RN, f)),
        (0x3ff0_0000_0000_0000, 0)
    );
}

#[test]
fn fpcr_decoding() {
    let f = Fpcr::from_bits(0x07c0_0000);
    assert_eq!(f, Fpcr { ahp: true, dn: true, fz: true, rmode: FpRounding::Zero });
    assert_eq!(f.to_bits(), 0x07c0_0000);
}

/// No input bits, fraction-bit count or width may panic.
#[test]
fn no_panics_on_any_bits() {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for _ in 0..20_000 {
        let (a, b, c, k) = (next(), next(), next(), next());
        let fpcr = Fpcr::from_bits(k);
        let rm = [
            FpRounding::TieEven,
            FpRounding::PosInf,
            FpRounding::NegInf,
            FpRounding::Zero,
            FpRounding::TieAway,
            FpRounding::Odd,
        ][(k % 6) as usize];
        let mut fl = FpFlags::default();
        let f = &mut fl;
        for s in [H, S, D] {
            fp_add(s, a, b, fpcr, f);
            fp_sub(s, a, b, fpcr, f);
            fp_mul(s, a, b, fpcr, f);
            fp_div(s, a, b, fpcr, f);
            fp_sqrt(s, a, fpcr, f);
            fp_mul_add(s, a, b, c, fpcr, f);
            fp_max_num(s, a, b, fpcr, f);
            fp_min_num(s, a, b, fpcr, f);
            fp_compare(s, a, b, k & 1 != 0, fpcr, f);
            fp_round_int(s, a, fpcr, rm, true, f);
            fp_recip_estimate(s, a, fpcr, f);
            fp_rsqrt_estimate(s, a, fpcr, f);
            fp_recpx(s, a, fpcr, f);
            fp_recip_step_fused(s, a, b, fpcr, f);
            fp_rsqrt_step_fused(s, a, b, fpcr, f);
            fp_to_fixed(s, a, (c % 300) as u32, k & 2 != 0, (b % 70) as u32, fpcr, rm, f);
            fixed_to_fp(s, a, (c % 300) as u32, k & 2 != 0, (b % 70) as u32, fpcr, rm, f);
            for t in [H, S, D] {
                fp_convert(s, t, a, fpcr, rm, f);
            }
        }
    }
    // A 1-bit signed field holding 1 is -1; scaled by 2^-huge it underflows to -0.
    assert_eq!(fixed_to_fp(S, 1, u32::MAX, false, 0, RN, FpRounding::TieEven, &mut FpFlags::default()), 0x8000_0000);
}
