//! `FPAdd`, `FPSub`, `FPMul`, `FPAbs`, `FPNeg`, `FPMax`, `FPMin`, `FPMaxNum`, `FPMinNum`.

use super::compare::order;
use super::nan::fp_process_nans;
use super::real::Real;
use super::round::fp_round;
use super::unpack::fp_unpack;
use super::{FpFlags, FpRounding, FpSize, FpType, Fpcr};
use core::cmp::Ordering;

/// `FPAbs(op)`: clears the sign bit (NaNs included, no exceptions).
pub fn fp_abs(size: FpSize, op: u64) -> u64 {
    op & size.mask() & !size.sign_bit()
}

/// `FPNeg(op)`: inverts the sign bit (NaNs included, no exceptions).
pub fn fp_neg(size: FpSize, op: u64) -> u64 {
    (op ^ size.sign_bit()) & size.mask()
}

/// The zero an exact cancellation produces: `-0` only when rounding towards minus
/// infinity.
pub(crate) fn exact_zero(size: FpSize, fpcr: Fpcr) -> u64 {
    size.zero(fpcr.rounding() == FpRounding::NegInf)
}

/// Rounds a sum/result of exact arithmetic, applying the exact-zero sign rule.
pub(crate) fn round_or_zero(size: FpSize, value: Real, fpcr: Fpcr, flags: &mut FpFlags) -> u64 {
    if value.is_zero() {
        exact_zero(size, fpcr)
    } else {
        fp_round(value, size, fpcr, flags)
    }
}

/// `FPAdd(op1, op2, fpcr)`.
pub fn fp_add(size: FpSize, op1: u64, op2: u64, fpcr: Fpcr, flags: &mut FpFlags) -> u64 {
    let u1 = fp_unpack(size, op1, fpcr, flags);
    let u2 = fp_unpack(size, op2, fpcr, flags);
    if let Some(nan) = fp_process_nans(size, (&u1, op1), (&u2, op2), fpcr, flags) {
        return nan;
    }
    let (inf1, inf2) = (u1.ty == FpType::Infinity, u2.ty == FpType::Infinity);
    let (zero1, zero2) = (u1.ty == FpType::Zero, u2.ty == FpType::Zero);
    if inf1 && inf2 && u1.sign != u2.sign {
        flags.raise(FpFlags::IOC);
        size.default_nan()
    } else if (inf1 && !u1.sign) || (inf2 && !u2.sign) {
        size.infinity(false)
    } else if (inf1 && u1.sign) || (inf2 && u2.sign) {
        size.infinity(true)
    } else if zero1 && zero2 && u1.sign == u2.sign {
        size.zero(u1.sign)
    } else {
        round_or_zero(size, u1.value.exact_add(u2.value), fpcr, flags)
    }
}

/// `FPSub(op1, op2, fpcr)`.
pub fn fp_sub(size: FpSize, op1: u64, op2: u64, fpcr: Fpcr, flags: &mut FpFlags) -> u64 {
    let u1 = fp_unpack(size, op1, fpcr, flags);
    let u2 = fp_unpack(size, op2, fpcr, flags);
    if let Some(nan) = fp_process_nans(size, (&u1, op1), (&u2, op2), fpcr, flags) {
        return nan;
    }
    let (inf1, inf2) = (u1.ty == FpType::Infinity, u2.ty == FpType::Infinity);
    let (zero1, zero2) = (u1.ty == FpType::Zero, u2.ty == FpType::Zero);
    if inf1 && inf2 && u1.sign == u2.sign {
        flags.raise(FpFlags::IOC);
        size.default_nan()
    } else if (inf1 && !u1.sign) || (inf2 && u2.sign) {
        size.infinity(false)
    } else if (inf1 && u1.sign) || (inf2 && !u2.sign) {
        size.infinity(true)
    } else if zero1 && zero2 && u1.sign != u2.sign {
        size.zero(u1.sign)
    } else {
        round_or_zero(size, u1.value.exact_add(u2.value.negate()), fpcr, flags)
    }
}

/// `FPMul(op1, op2, fpcr)`.
pub fn fp_mul(size: FpSize, op1: u64, op2: u64, fpcr: Fpcr, flags: &mut FpFlags) -> u64 {
    let u1 = fp_unpack(size, op1, fpcr, flags);
    let u2 = fp_unpack(size, op2, fpcr, flags);
    if let Some(nan) = fp_process_nans(size, (&u1, op1), (&u2, op2), fpcr, flags) {
        return nan;
    }
    let (inf1, inf2) = (u1.ty == FpType::Infinity, u2.ty == FpType::Infinity);
    let (zero1, zero2) = (u1.ty == FpType::Zero, u2.ty == FpType::Zero);
    let sign = u1.sign != u2.sign;
    if (inf1 && zero2) || (zero1 && inf2) {
        flags.raise(FpFlags::IOC);
        size.default_nan()
    } else if inf1 || inf2 {
        size.infinity(sign)
    } else if zero1 || zero2 {
        size.zero(sign)
    } else {
        fp_round(u1.value.exact_mul(u2.value), size, fpcr, flags)
    }
}

/// Shared body of `FPMax` (`max = true`) and `FPMin`.
fn fp_max_min(size: FpSize, op1: u64, op2: u64, max: bool, fpcr: Fpcr, flags: &mut FpFlags) -> u64 {
    let u1 = fp_unpack(size, op1, fpcr, flags);
    let u2 = fp_unpack(size, op2, fpcr, flags);
    if let Some(nan) = fp_process_nans(size, (&u1, op1), (&u2, op2), fpcr, flags) {
        return nan;
    }
    // Neither is a NaN here, so the operands are ordered.
    let ord = order(&u1, &u2).unwrap_or(Ordering::Equal);
    let first = if max { ord == Ordering::Greater } else { ord == Ordering::Less };
    let u = if first { u1 } else { u2 };
    match u.ty {
        FpType::Infinity => size.infinity(u.sign),
        // Use the most positive (max) or most negative (min) sign.
        FpType::Zero => size.zero(if max { u1.sign && u2.sign } else { u1.sign || u2.sign }),
        _ => fp_round(u.value, size, fpcr, flags),
    }
}

/// `FPMax(op1, op2, fpcr)`.
pub fn fp_max(size: FpSize, op1: u64, op2: u64, fpcr: Fpcr, flags: &mut FpFlags) -> u64 {
    fp_max_min(size, op1, op2, true, fpcr, flags)
}

/// `FPMin(op1, op2, fpcr)`.
pub fn fp_min(size: FpSize, op1: u64, op2: u64, fpcr: Fpcr, flags: &mut FpFlags) -> u64 {
    fp_max_min(size, op1, op2, false, fpcr, flags)
}

/// Shared body of `FPMaxNum`/`FPMinNum`: a single quiet NaN is replaced by the infinity
/// that loses (`-inf` for max, `+inf` for min).
fn fp_num(size: FpSize, op1: u64, op2: u64, max: bool, fpcr: Fpcr, flags: &mut FpFlags) -> u64 {
    let t1 = fp_unpack(size, op1, fpcr, flags).ty;
    let t2 = fp_unpack(size, op2, fpcr, flags).ty;
    let (mut a, mut b) = (op1, op2);
    if t1 == FpType::QNaN && t2 != FpType::QNaN {
        a = size.infinity(max);
    } else if t1 != FpType::QNaN && t2 == FpType::QNaN {
        b = size.infinity(max);
    }
    fp_max_min(size, a, b, max, fpcr, flags)
}

/// `FPMaxNum(op1, op2, fpcr)`.
pub fn fp_max_num(size: FpSize, op1: u64, op2: u64, fpcr: Fpcr, flags: &mut FpFlags) -> u64 {
    fp_num(size, op1, op2, true, fpcr, flags)
}

/// `FPMinNum(op1, op2, fpcr)`.
pub fn fp_min_num(size: FpSize, op1: u64, op2: u64, fpcr: Fpcr, flags: &mut FpFlags) -> u64 {
    fp_num(size, op1, op2, false, fpcr, flags)
}
