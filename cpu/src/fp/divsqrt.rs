//! `FPDiv` and `FPSqrt`.

use super::nan::{fp_process_nan, fp_process_nans};
use super::round::fp_round;
use super::unpack::fp_unpack;
use super::{FpFlags, FpSize, FpType, Fpcr};

/// `FPDiv(op1, op2, fpcr)`: correctly rounded quotient.
pub fn fp_div(size: FpSize, op1: u64, op2: u64, fpcr: Fpcr, flags: &mut FpFlags) -> u64 {
    let u1 = fp_unpack(size, op1, fpcr, flags);
    let u2 = fp_unpack(size, op2, fpcr, flags);
    if let Some(nan) = fp_process_nans(size, (&u1, op1), (&u2, op2), fpcr, flags) {
        return nan;
    }
    let (inf1, inf2) = (u1.ty == FpType::Infinity, u2.ty == FpType::Infinity);
    let (zero1, zero2) = (u1.ty == FpType::Zero, u2.ty == FpType::Zero);
    let sign = u1.sign != u2.sign;
    if (inf1 && inf2) || (zero1 && zero2) {
        flags.raise(FpFlags::IOC);
        size.default_nan()
    } else if inf1 || zero2 {
        if !inf1 {
            flags.raise(FpFlags::DZC);
        }
        size.infinity(sign)
    } else if zero1 || inf2 {
        size.zero(sign)
    } else {
        fp_round(u1.value.sticky_div(u2.value), size, fpcr, flags)
    }
}

/// `FPSqrt(op, fpcr)`: correctly rounded square root; `sqrt(-0) = -0`, negative
/// non-zero operands are Invalid.
pub fn fp_sqrt(size: FpSize, op: u64, fpcr: Fpcr, flags: &mut FpFlags) -> u64 {
    let u = fp_unpack(size, op, fpcr, flags);
    match u.ty {
        FpType::SNaN | FpType::QNaN => fp_process_nan(size, u.ty, op, fpcr, flags),
        FpType::Zero => size.zero(u.sign),
        FpType::Infinity if !u.sign => size.infinity(false),
        _ if u.sign => {
            flags.raise(FpFlags::IOC);
            size.default_nan()
        }
        _ => fp_round(u.value.sticky_sqrt(), size, fpcr, flags),
    }
}
