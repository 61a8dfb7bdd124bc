//! Conversions: `FPConvert` (between half, single and double, including the alternative
//! half-precision format), `FPToFixed` and `FixedToFP`.

use super::nan::fp_convert_nan;
use super::real::Real;
use super::round::{fp_round_cv, fp_round_with};
use super::unpack::{fp_unpack, fp_unpack_cv};
use super::{FpFlags, FpRounding, FpSize, FpType, Fpcr};

/// `FPConvert(op, fpcr, rounding)`: converts `op` from format `from` to format `to`.
///
/// Unpacking uses `FPUnpackCV` (FZ flushes single/double inputs; half inputs are never
/// flushed and honour FPCR.AHP) and rounding uses `FPRoundCV` (FZ flushes tiny single and
/// double results; half results are never flushed). For an alternative half-precision
/// result NaNs become a signed zero and infinities `sign:Ones(15)`, both Invalid.
pub fn fp_convert(from: FpSize, to: FpSize, op: u64, fpcr: Fpcr, rounding: FpRounding, flags: &mut FpFlags) -> u64 {
    let u = fp_unpack_cv(from, op, fpcr, flags);
    let alt_hp = to == FpSize::H && fpcr.ahp;
    match u.ty {
        FpType::SNaN | FpType::QNaN => {
            let result = if alt_hp {
                to.zero(u.sign)
            } else if fpcr.dn {
                to.default_nan()
            } else {
                fp_convert_nan(from, to, op)
            };
            if u.ty == FpType::SNaN || alt_hp {
                flags.raise(FpFlags::IOC);
            }
            result
        }
        FpType::Infinity => {
            if alt_hp {
                flags.raise(FpFlags::IOC);
                to.sign(u.sign) | (to.mask() >> 1)
            } else {
                to.infinity(u.sign)
            }
        }
        FpType::Zero => to.zero(u.sign),
        FpType::Nonzero => fp_round_cv(u.value, to, fpcr, rounding, flags),
    }
}

/// Width-`bits` two's complement pattern of `value`, zero-extended.
fn to_bits(value: i128, bits: u32) -> u64 {
    (value as u64) & (u64::MAX >> (64 - bits.clamp(1, 64)))
}

/// `FPToFixed(op, fbits, unsigned, fpcr, rounding)`: converts to a `bits`-wide (32 or 64)
/// signed or unsigned fixed-point number with `fbits` fraction bits, saturating.
///
/// NaNs convert to 0 and out-of-range values (infinities included) saturate, both raising
/// Invalid Operation; otherwise an inexact conversion raises Inexact. The result is the
/// `bits`-wide pattern zero-extended to 64 bits.
#[allow(clippy::too_many_arguments)] // The pseudocode's parameters, plus format and flags.
pub fn fp_to_fixed(
    size: FpSize,
    op: u64,
    fbits: u32,
    unsigned: bool,
    bits: u32,
    fpcr: Fpcr,
    rounding: FpRounding,
    flags: &mut FpFlags,
) -> u64 {
    let bits = bits.clamp(1, 64);
    let u = fp_unpack(size, op, fpcr, flags);
    if u.is_nan() {
        flags.raise(FpFlags::IOC);
    }
    let max: i128 = if unsigned { (1i128 << bits) - 1 } else { (1i128 << (bits - 1)) - 1 };
    let min: i128 = if unsigned { 0 } else { -(1i128 << (bits - 1)) };
    let saturated = if u.sign { min } else { max };
    let (mag, round_bits) = match u.ty {
        FpType::Infinity => (None, Default::default()),
        FpType::Nonzero => match u.value.int_part(i64::from(fbits)) {
            Some((mag, rb)) => (Some(mag), rb),
            None => (None, Default::default()),
        },
        _ => (Some(0), Default::default()),
    };
    let Some(mut mag) = mag else {
        flags.raise(FpFlags::IOC);
        return to_bits(saturated, bits);
    };
    if round_bits.round_up(rounding, u.sign, mag & 1 != 0) {
        mag += 1;
    }
    // mag < 2^127: the cast keeps it, and negation cannot overflow.
    let value = if u.sign { -(mag as i128) } else { mag as i128 };
    if value > max || value < min {
        flags.raise(FpFlags::IOC);
        return to_bits(saturated, bits);
    }
    if round_bits.inexact() {
        flags.raise(FpFlags::IXC);
    }
    to_bits(value, bits)
}

/// `FixedToFP(op, fbits, unsigned, fpcr, rounding)`: converts the low `bits` (32 or 64)
/// bits of `op`, a signed or unsigned fixed-point number with `fbits` fraction bits, to
/// format `size`. Zero converts to `+0`.
#[allow(clippy::too_many_arguments)] // The pseudocode's parameters, plus format and flags.
pub fn fixed_to_fp(
    size: FpSize,
    op: u64,
    fbits: u32,
    unsigned: bool,
    bits: u32,
    fpcr: Fpcr,
    rounding: FpRounding,
    flags: &mut FpFlags,
) -> u64 {
    let bits = bits.clamp(1, 64);
    let raw = op & (u64::MAX >> (64 - bits));
    let sign_bit = 1u64 << (bits - 1);
    let (neg, mag) = if !unsigned && raw & sign_bit != 0 {
        // Two's complement magnitude of a negative `bits`-wide value.
        (true, (raw.wrapping_neg()) & (u64::MAX >> (64 - bits)))
    } else {
        (false, raw)
    };
    // The most negative value's magnitude wraps to 0 in `bits` bits: it is 2^(bits-1).
    let mag = if neg && mag == 0 { u128::from(sign_bit) } else { u128::from(mag) };
    if mag == 0 {
        return size.zero(false);
    }
    let fbits = i32::try_from(fbits).unwrap_or(i32::MAX).min(1 << 20);
    fp_round_with(Real::new(neg, -fbits, mag), size, fpcr, rounding, flags)
}
