//! Fused multiply-add: `FPMulAdd`, `FPRecipStepFused`, `FPRSqrtStepFused`.

use super::arith::{fp_neg, round_or_zero};
use super::nan::{fp_process_nans, fp_process_nans3};
use super::real::Real;
use super::unpack::fp_unpack;
use super::{FpFlags, FpSize, FpType, Fpcr};

/// `FPMulAdd(addend, op1, op2, fpcr)`: `addend + op1 * op2` with a single rounding.
///
/// NaNs are processed in the order addend, op1, op2; a quiet-NaN addend with an
/// `infinity * zero` product gives the default NaN and Invalid Operation. (FMSUB, FNMADD
/// and FNMSUB negate their operands with [`fp_neg`] before calling this.)
pub fn fp_mul_add(size: FpSize, addend: u64, op1: u64, op2: u64, fpcr: Fpcr, flags: &mut FpFlags) -> u64 {
    let ua = fp_unpack(size, addend, fpcr, flags);
    let u1 = fp_unpack(size, op1, fpcr, flags);
    let u2 = fp_unpack(size, op2, fpcr, flags);
    let (inf1, inf2) = (u1.ty == FpType::Infinity, u2.ty == FpType::Infinity);
    let (zero1, zero2) = (u1.ty == FpType::Zero, u2.ty == FpType::Zero);
    let nan = fp_process_nans3(size, (&ua, addend), (&u1, op1), (&u2, op2), fpcr, flags);
    if ua.ty == FpType::QNaN && ((inf1 && zero2) || (zero1 && inf2)) {
        flags.raise(FpFlags::IOC);
        return size.default_nan();
    }
    if let Some(nan) = nan {
        return nan;
    }
    let (inf_a, zero_a) = (ua.ty == FpType::Infinity, ua.ty == FpType::Zero);
    // Sign and class the product has if it is not Invalid.
    let sign_p = u1.sign != u2.sign;
    let inf_p = inf1 || inf2;
    let zero_p = zero1 || zero2;
    if (inf1 && zero2) || (zero1 && inf2) || (inf_a && inf_p && ua.sign != sign_p) {
        flags.raise(FpFlags::IOC);
        size.default_nan()
    } else if (inf_a && !ua.sign) || (inf_p && !sign_p) {
        size.infinity(false)
    } else if (inf_a && ua.sign) || (inf_p && sign_p) {
        size.infinity(true)
    } else if zero_a && zero_p && ua.sign == sign_p {
        size.zero(ua.sign)
    } else {
        let value = ua.value.exact_add(u1.value.exact_mul(u2.value));
        round_or_zero(size, value, fpcr, flags)
    }
}

/// Shared body of the Newton-Raphson step functions: `(constant + (-op1) * op2) / 2^halve`
/// fused, with `inf * 0` giving `special`.
#[allow(clippy::too_many_arguments)] // The pseudocode's parameters, plus format and flags.
fn step_fused(
    size: FpSize,
    op1: u64,
    op2: u64,
    constant: Real,
    halve: bool,
    special: u64,
    fpcr: Fpcr,
    flags: &mut FpFlags,
) -> u64 {
    let op1 = fp_neg(size, op1);
    let u1 = fp_unpack(size, op1, fpcr, flags);
    let u2 = fp_unpack(size, op2, fpcr, flags);
    if let Some(nan) = fp_process_nans(size, (&u1, op1), (&u2, op2), fpcr, flags) {
        return nan;
    }
    let (inf1, inf2) = (u1.ty == FpType::Infinity, u2.ty == FpType::Infinity);
    let (zero1, zero2) = (u1.ty == FpType::Zero, u2.ty == FpType::Zero);
    if (inf1 && zero2) || (zero1 && inf2) {
        special
    } else if inf1 || inf2 {
        size.infinity(u1.sign != u2.sign)
    } else {
        let mut value = constant.exact_add(u1.value.exact_mul(u2.value));
        if halve {
            value = value.halve();
        }
        round_or_zero(size, value, fpcr, flags)
    }
}

/// `FPRecipStepFused(op1, op2)`: `2.0 - op1 * op2`, fused (FRECPS).
pub fn fp_recip_step_fused(size: FpSize, op1: u64, op2: u64, fpcr: Fpcr, flags: &mut FpFlags) -> u64 {
    step_fused(size, op1, op2, Real::new(false, 1, 1), false, size.two(false), fpcr, flags)
}

/// `FPRSqrtStepFused(op1, op2)`: `(3.0 - op1 * op2) / 2`, fused (FRSQRTS).
pub fn fp_rsqrt_step_fused(size: FpSize, op1: u64, op2: u64, fpcr: Fpcr, flags: &mut FpFlags) -> u64 {
    step_fused(size, op1, op2, Real::new(false, 0, 3), true, size.one_point_five(false), fpcr, flags)
}
