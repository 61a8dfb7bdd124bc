//! `FPCompare`, `FPCompareEQ`, `FPCompareGE`, `FPCompareGT`.

use super::unpack::{fp_unpack, Unpacked};
use super::{FpFlags, FpSize, FpType, Fpcr};
use core::cmp::Ordering;

/// Orders two operands by value: zeros of either sign are equal, infinities outermost;
/// `None` if either is a NaN.
pub(crate) fn order(u1: &Unpacked, u2: &Unpacked) -> Option<Ordering> {
    if u1.is_nan() || u2.is_nan() {
        return None;
    }
    let rank = |u: &Unpacked| match (u.ty, u.sign) {
        (FpType::Infinity, true) => -1,
        (FpType::Infinity, false) => 1,
        _ => 0,
    };
    Some(rank(u1).cmp(&rank(u2)).then_with(|| {
        if u1.ty == FpType::Infinity {
            Ordering::Equal
        } else {
            u1.value.cmp_value(&u2.value)
        }
    }))
}

fn unpack2(size: FpSize, op1: u64, op2: u64, fpcr: Fpcr, flags: &mut FpFlags) -> (Unpacked, Unpacked) {
    let u1 = fp_unpack(size, op1, fpcr, flags);
    let u2 = fp_unpack(size, op2, fpcr, flags);
    (u1, u2)
}

fn any_snan(u1: &Unpacked, u2: &Unpacked) -> bool {
    u1.ty == FpType::SNaN || u2.ty == FpType::SNaN
}

/// `FPCompare(op1, op2, signal_nans, fpcr)`: the NZCV flags (as a 4-bit value, N in bit
/// 3): `0b0110` equal, `0b1000` less, `0b0010` greater, `0b0011` unordered. Unordered
/// raises Invalid Operation for signalling NaNs, or for any NaN when `signal_nans`
/// (FCMPE).
pub fn fp_compare(size: FpSize, op1: u64, op2: u64, signal_nans: bool, fpcr: Fpcr, flags: &mut FpFlags) -> u8 {
    let (u1, u2) = unpack2(size, op1, op2, fpcr, flags);
    match order(&u1, &u2) {
        None => {
            if any_snan(&u1, &u2) || signal_nans {
                flags.raise(FpFlags::IOC);
            }
            0b0011
        }
        Some(Ordering::Equal) => 0b0110,
        Some(Ordering::Less) => 0b1000,
        Some(Ordering::Greater) => 0b0010,
    }
}

/// `FPCompareEQ(op1, op2, fpcr)`: quiet equality (Invalid only for signalling NaNs).
pub fn fp_compare_eq(size: FpSize, op1: u64, op2: u64, fpcr: Fpcr, flags: &mut FpFlags) -> bool {
    let (u1, u2) = unpack2(size, op1, op2, fpcr, flags);
    match order(&u1, &u2) {
        None => {
            if any_snan(&u1, &u2) {
                flags.raise(FpFlags::IOC);
            }
            false
        }
        Some(o) => o == Ordering::Equal,
    }
}

/// `FPCompareGE(op1, op2, fpcr)`: `op1 >= op2`, Invalid for any NaN.
pub fn fp_compare_ge(size: FpSize, op1: u64, op2: u64, fpcr: Fpcr, flags: &mut FpFlags) -> bool {
    let (u1, u2) = unpack2(size, op1, op2, fpcr, flags);
    match order(&u1, &u2) {
        None => {
            flags.raise(FpFlags::IOC);
            false
        }
        Some(o) => o != Ordering::Less,
    }
}

/// `FPCompareGT(op1, op2, fpcr)`: `op1 > op2`, Invalid for any NaN.
pub fn fp_compare_gt(size: FpSize, op1: u64, op2: u64, fpcr: Fpcr, flags: &mut FpFlags) -> bool {
    let (u1, u2) = unpack2(size, op1, op2, fpcr, flags);
    match order(&u1, &u2) {
        None => {
            flags.raise(FpFlags::IOC);
            false
        }
        Some(o) => o == Ordering::Greater,
    }
}
