//! NaN handling: `FPProcessNaN`, `FPProcessNaNs`, `FPProcessNaNs3`, `FPConvertNaN`.

use super::unpack::Unpacked;
use super::{FpFlags, FpSize, FpType, Fpcr};

/// `FPProcessNaN(type, op, fpcr)`: quiets a signalling NaN (setting the top fraction bit
/// and raising Invalid Operation) and substitutes the default NaN when FPCR.DN is set.
pub fn fp_process_nan(size: FpSize, ty: FpType, op: u64, fpcr: Fpcr, flags: &mut FpFlags) -> u64 {
    let mut result = op & size.mask();
    if ty == FpType::SNaN {
        result |= size.quiet_bit();
        flags.raise(FpFlags::IOC);
    }
    if fpcr.dn {
        result = size.default_nan();
    }
    result
}

/// `FPProcessNaNs(type1, type2, op1, op2, fpcr)`: signalling NaNs first in operand
/// order, then quiet NaNs. `None` when neither operand is a NaN.
pub fn fp_process_nans(
    size: FpSize,
    (u1, op1): (&Unpacked, u64),
    (u2, op2): (&Unpacked, u64),
    fpcr: Fpcr,
    flags: &mut FpFlags,
) -> Option<u64> {
    fp_process_nans_list(size, &[(u1, op1), (u2, op2)], fpcr, flags)
}

/// `FPProcessNaNs3(type1, type2, type3, op1, op2, op3, fpcr)`.
pub fn fp_process_nans3(
    size: FpSize,
    (u1, op1): (&Unpacked, u64),
    (u2, op2): (&Unpacked, u64),
    (u3, op3): (&Unpacked, u64),
    fpcr: Fpcr,
    flags: &mut FpFlags,
) -> Option<u64> {
    fp_process_nans_list(size, &[(u1, op1), (u2, op2), (u3, op3)], fpcr, flags)
}

fn fp_process_nans_list(size: FpSize, ops: &[(&Unpacked, u64)], fpcr: Fpcr, flags: &mut FpFlags) -> Option<u64> {
    let pick = |want: FpType| ops.iter().find(|(u, _)| u.ty == want);
    let (u, op) = pick(FpType::SNaN).or_else(|| pick(FpType::QNaN))?;
    Some(fp_process_nan(size, u.ty, *op, fpcr, flags))
}

/// `FPConvertNaN(op)`: a NaN of `from` re-encoded as a quiet NaN of `to`, keeping the
/// sign and the most significant payload bits.
pub fn fp_convert_nan(from: FpSize, to: FpSize, op: u64) -> u64 {
    let sign = from.sign_of(op);
    // The 51 payload bits below the quiet bit, top-aligned as in the pseudocode.
    let frac51 = (op & (from.quiet_bit() - 1)) << (52 - from.fbits());
    let payload = frac51 >> (52 - to.fbits());
    to.pack(sign, to.exp_max(), to.quiet_bit() | payload)
}
