//! Table-free reciprocal estimates: `RecipEstimate`, `RecipSqrtEstimate`,
//! `FPRecipEstimate` (FRECPE), `FPRSqrtEstimate` (FRSQRTE) and `FPRecpX` (FRECPX).

use super::nan::fp_process_nan;
use super::unpack::fp_unpack;
use super::{FpFlags, FpRounding, FpSize, FpType, Fpcr};

/// `RecipEstimate(a)`: for `256 <= a < 512` (a fixed-point number in [0.5, 1.0) in
/// steps of 1/512), the 9-bit estimate `r` (256..511, [1.0, 2.0)) of `1/a`. Out-of-range
/// inputs are clamped into range.
pub fn recip_estimate(a: u32) -> u32 {
    let a = a.clamp(256, 511);
    let a = a * 2 + 1; // Round to nearest.
    let b = (1u32 << 19) / a;
    b.div_ceil(2) // (b + 1) DIV 2: round to nearest.
}

/// `RecipSqrtEstimate(a)`: for `128 <= a < 512` (a fixed-point number in [0.25, 1.0)),
/// the 9-bit estimate `r` (256..511) of `1/sqrt(a)`. Out-of-range inputs are clamped.
pub fn recip_sqrt_estimate(a: u32) -> u32 {
    let a = a.clamp(128, 511);
    let a = u64::from(if a < 256 {
        a * 2 + 1 // In units of 1/512, rounded to nearest.
    } else {
        ((a & !1) + 1) * 2 // Bottom bit discarded; in units of 1/256, rounded to nearest.
    });
    // Largest b with a * b^2 < 2^28, i.e. b < 2^14 / sqrt(a).
    let mut b: u64 = 512;
    while a * (b + 1) * (b + 1) < (1 << 28) {
        b += 1;
    }
    b.div_ceil(2) as u32 // (b + 1) DIV 2: round to nearest.
}

/// `FPRecipEstimate(operand, fpcr)`: FRECPE for single or double precision.
pub fn fp_recip_estimate(size: FpSize, operand: u64, fpcr: Fpcr, flags: &mut FpFlags) -> u64 {
    let u = fp_unpack(size, operand, fpcr, flags);
    match u.ty {
        FpType::SNaN | FpType::QNaN => return fp_process_nan(size, u.ty, operand, fpcr, flags),
        FpType::Infinity => return size.zero(u.sign),
        FpType::Zero => {
            flags.raise(FpFlags::DZC);
            return size.infinity(u.sign);
        }
        FpType::Nonzero => {}
    }
    let sign = u.sign;
    let top = u.value.top_exp();
    // |value| < 2^-(2^(E-1)) (2^-16, 2^-128, 2^-1024): the reciprocal overflows.
    if top < -(1i64 << (size.ebits() - 1)) {
        let overflow_to_inf = match fpcr.rounding() {
            FpRounding::PosInf => !sign,
            FpRounding::NegInf => sign,
            FpRounding::Zero | FpRounding::Odd => false,
            FpRounding::TieEven | FpRounding::TieAway => true,
        };
        flags.raise(FpFlags::OFC);
        flags.raise(FpFlags::IXC);
        return if overflow_to_inf { size.infinity(sign) } else { size.max_normal(sign) };
    }
    // |value| >= 2^(bias-1) (2^14, 2^126, 2^1022): the reciprocal is tiny.
    if fpcr.fz && size != FpSize::H && top >= i64::from(size.bias()) - 1 {
        flags.raise(FpFlags::UFC);
        return size.zero(sign);
    }
    // Scale to a fixed-point value in [0.5, 1.0) in steps of 1/512.
    let f = size.fbits();
    let mut fraction = size.frac_field(operand) << (52 - f);
    let mut exp = size.exp_field(operand) as i64;
    if exp == 0 {
        if fraction & (1 << 51) == 0 {
            exp = -1;
            fraction = (fraction << 2) & ((1 << 52) - 1);
        } else {
            fraction = (fraction << 1) & ((1 << 52) - 1);
        }
    }
    let scaled = 256 | (fraction >> 44) as u32;
    // 2*bias - 1 - exp: in range -1 ..= 2*bias.
    let mut result_exp = 2 * i64::from(size.bias()) - 1 - exp;
    let estimate = u64::from(recip_estimate(scaled));
    let mut fraction = (estimate & 0xFF) << 44;
    if result_exp == 0 {
        fraction = (1 << 51) | (fraction >> 1);
    } else if result_exp == -1 {
        fraction = (1 << 50) | (fraction >> 2);
        result_exp = 0;
    }
    size.pack(sign, result_exp as u64, fraction >> (52 - f))
}

/// `FPRSqrtEstimate(operand, fpcr)`: FRSQRTE for single or double precision.
pub fn fp_rsqrt_estimate(size: FpSize, operand: u64, fpcr: Fpcr, flags: &mut FpFlags) -> u64 {
    let u = fp_unpack(size, operand, fpcr, flags);
    match u.ty {
        FpType::SNaN | FpType::QNaN => return fp_process_nan(size, u.ty, operand, fpcr, flags),
        FpType::Zero => {
            flags.raise(FpFlags::DZC);
            return size.infinity(u.sign);
        }
        _ if u.sign => {
            flags.raise(FpFlags::IOC);
            return size.default_nan();
        }
        FpType::Infinity => return size.zero(false),
        FpType::Nonzero => {}
    }
    // Scale to a fixed-point value in [0.25, 1.0) keeping the exponent's parity.
    let f = size.fbits();
    let mut fraction = size.frac_field(operand) << (52 - f);
    let mut exp = size.exp_field(operand) as i64;
    if exp == 0 {
        // A denormal: normalize (fraction is non-zero, so this ends within 52 steps).
        while fraction & (1 << 51) == 0 && fraction != 0 {
            fraction = (fraction << 1) & ((1 << 52) - 1);
            exp -= 1;
        }
        fraction = (fraction << 1) & ((1 << 52) - 1);
    }
    // An even biased exponent is an odd unbiased one: the value is [0.5, 1.0) · 2^even.
    let scaled = if exp & 1 == 0 { 256 | (fraction >> 44) as u32 } else { 128 | (fraction >> 45) as u32 };
    // (3*bias - 1 - exp) DIV 2 (floor division; the numerator is positive).
    let result_exp = (3 * i64::from(size.bias()) - 1 - exp).div_euclid(2);
    let estimate = u64::from(recip_sqrt_estimate(scaled));
    size.pack(false, result_exp as u64, (estimate & 0xFF) << (f - 8))
}

/// `FPRecpX(op, fpcr)`: FRECPX, the exponent-only reciprocal: the exponent field is
/// inverted (zeros and denormals give the largest finite exponent) and the fraction
/// cleared.
pub fn fp_recpx(size: FpSize, op: u64, fpcr: Fpcr, flags: &mut FpFlags) -> u64 {
    let u = fp_unpack(size, op, fpcr, flags);
    if u.is_nan() {
        return fp_process_nan(size, u.ty, op, fpcr, flags);
    }
    let exp = size.exp_field(op);
    let result_exp = if exp == 0 { size.exp_max() - 1 } else { !exp & size.exp_max() };
    size.pack(u.sign, result_exp, 0)
}
