//! `FPRound`/`FPRoundCV` (`FPRoundBase`): rounding an exact value to a format.

use super::real::{shift_right_round, Real};
use super::{FpFlags, FpRounding, FpSize, Fpcr};

/// `FPRoundBase(op, fpcr, rounding)`: rounds the non-zero value `op` to `size`.
///
/// Exactly as the pseudocode: tininess is detected before rounding; with FPCR.FZ (single
/// and double only) a tiny value flushes to a signed zero raising only Underflow;
/// otherwise an inexact tiny result raises Underflow; overflow gives infinity or the
/// largest normal depending on the rounding mode and raises Overflow and Inexact. With
/// `fpcr.ahp` a half-precision result uses the alternative format, whose overflow
/// saturates to `sign:Ones(15)` raising Invalid Operation instead.
///
/// A zero `op` (which the pseudocode forbids) returns `+0` without flags.
pub fn fp_round_base(op: Real, size: FpSize, fpcr: Fpcr, rounding: FpRounding, flags: &mut FpFlags) -> u64 {
    let sign = op.neg;
    if op.mant == 0 {
        return size.zero(false);
    }
    let f = i64::from(size.fbits());
    let e = i64::from(size.ebits());
    let minimum_exp = i64::from(size.min_exp());
    // mantissa in [1, 2) times 2^exponent.
    let exponent = op.top_exp();

    if fpcr.fz && size != FpSize::H && exponent < minimum_exp {
        flags.raise(FpFlags::UFC);
        return size.zero(sign);
    }

    let mut biased_exp = (exponent - minimum_exp + 1).max(0);
    // The exponent of the last kept bit: F bits below the leading one, or below 2^minimum_exp
    // for a denormal.
    let lsb_exp = if biased_exp == 0 { minimum_exp - f } else { exponent - f };
    let shift = lsb_exp - i64::from(op.exp);
    let (int_mant, mut error) = if shift >= 0 {
        shift_right_round(op.mant, shift.unsigned_abs())
    } else {
        // Fewer bits than the format holds: exact (bar the sticky, which is then below half).
        (op.mant << shift.unsigned_abs().min(127), Default::default())
    };
    error.rest |= op.sticky;
    // int_mant < 2^(F+1) here, so the cast is lossless.
    let mut int_mant = int_mant as u64;

    if biased_exp == 0 && error.inexact() {
        flags.raise(FpFlags::UFC);
    }

    let overflow_to_inf = match rounding {
        FpRounding::TieEven | FpRounding::TieAway => true,
        FpRounding::PosInf => !sign,
        FpRounding::NegInf => sign,
        FpRounding::Zero | FpRounding::Odd => false,
    };
    if error.round_up(rounding, sign, int_mant & 1 != 0) {
        int_mant += 1;
        if int_mant == 1 << f {
            // Rounded up from denormalized to normalized.
            biased_exp = 1;
        }
        if int_mant == 1 << (f + 1) {
            // Rounded up to the next exponent.
            biased_exp += 1;
            int_mant >>= 1;
        }
    }

    // Round to odd: a truncated inexact result gets its LSB forced to one.
    if rounding == FpRounding::Odd && error.inexact() {
        int_mant |= 1;
    }

    let mut inexact = error.inexact();
    let result;
    if size != FpSize::H || !fpcr.ahp {
        if biased_exp >= (1 << e) - 1 {
            result = if overflow_to_inf { size.infinity(sign) } else { size.max_normal(sign) };
            flags.raise(FpFlags::OFC);
            inexact = true;
        } else {
            result = size.pack(sign, biased_exp as u64, int_mant);
        }
    } else if biased_exp >= 1 << e {
        result = size.sign(sign) | (size.mask() >> 1);
        flags.raise(FpFlags::IOC);
        inexact = false;
    } else {
        result = size.pack(sign, biased_exp as u64, int_mant);
    }
    if inexact {
        flags.raise(FpFlags::IXC);
    }
    result
}

/// `FPRound(op, fpcr, rounding)`: rounding for arithmetic (IEEE formats only).
pub fn fp_round_with(op: Real, size: FpSize, fpcr: Fpcr, rounding: FpRounding, flags: &mut FpFlags) -> u64 {
    fp_round_base(op, size, Fpcr { ahp: false, ..fpcr }, rounding, flags)
}

/// `FPRound(op, fpcr)`: rounding in the FPCR's mode.
pub fn fp_round(op: Real, size: FpSize, fpcr: Fpcr, flags: &mut FpFlags) -> u64 {
    fp_round_with(op, size, fpcr, fpcr.rounding(), flags)
}

/// `FPRoundCV(op, fpcr, rounding)`: rounding for conversions (honours FPCR.AHP for half
/// precision; FZ still applies to single and double results).
pub fn fp_round_cv(op: Real, size: FpSize, fpcr: Fpcr, rounding: FpRounding, flags: &mut FpFlags) -> u64 {
    fp_round_base(op, size, fpcr, rounding, flags)
}
