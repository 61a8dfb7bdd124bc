//! `FPRoundInt`: rounding to an integral floating-point value (FRINT*).

use super::nan::fp_process_nan;
use super::real::Real;
use super::round::fp_round_with;
use super::unpack::fp_unpack;
use super::{FpFlags, FpRounding, FpSize, FpType, Fpcr};

/// `FPRoundInt(op, fpcr, rounding, exact)`: `op` rounded to an integral value in
/// `rounding` (any mode, including ties-away for FRINTA). A zero result keeps the sign of
/// the operand. Inexact is raised only when `exact` (FRINTX).
pub fn fp_round_int(size: FpSize, op: u64, fpcr: Fpcr, rounding: FpRounding, exact: bool, flags: &mut FpFlags) -> u64 {
    let u = fp_unpack(size, op, fpcr, flags);
    match u.ty {
        FpType::SNaN | FpType::QNaN => fp_process_nan(size, u.ty, op, fpcr, flags),
        FpType::Infinity => size.infinity(u.sign),
        FpType::Zero => size.zero(u.sign),
        FpType::Nonzero => {
            let Some((mut mag, error)) = u.value.int_part(0) else {
                // Too large to have a fraction: already integral.
                return fp_round_with(u.value, size, fpcr, FpRounding::Zero, flags);
            };
            if error.round_up(rounding, u.sign, mag & 1 != 0) {
                mag += 1;
            }
            let result = if mag == 0 {
                size.zero(u.sign)
            } else {
                fp_round_with(Real::new(u.sign, 0, mag), size, fpcr, FpRounding::Zero, flags)
            };
            if error.inexact() && exact {
                flags.raise(FpFlags::IXC);
            }
            result
        }
    }
}
