//! Bit-exact ARMv8.0 floating-point core, following the Arm ARM shared pseudocode
//! (chapter J1, `shared/functions/float`).
//!
//! Values travel as raw bit patterns in a `u64` together with their [`FpSize`]; bits above
//! the format's width are ignored. Every operation takes an [`Fpcr`] (AHP, DN, FZ, RMode)
//! and ORs the cumulative exception bits it raises into an [`FpFlags`] (the FPSR layout:
//! IOC, DZC, OFC, UFC, IXC, IDC). Floating-point traps are not modelled (QEMU and most
//! cores do not implement them), so every exception is "untrapped".
//!
//! Nothing here uses host floating point: operands are unpacked to exact
//! sign/exponent/integer-mantissa values ([`real::Real`]), the arithmetic is done exactly
//! with integers (plus a sticky bit for division and square root), and one
//! [`round::fp_round`] produces the result, so the results do not depend on the host's
//! MXCSR or x87 state. No input bits can make these functions panic.
//!
//! Families (one file each): [`unpack`] (FPUnpack and the constant encodings), [`round`]
//! (FPRound), [`nan`] (FPProcessNaN*, FPConvertNaN), [`arith`] (FPAdd, FPSub, FPMul,
//! FPAbs, FPNeg, FPMax/Min[Num]), [`fma`] (FPMulAdd, FPRecipStepFused,
//! FPRSqrtStepFused), [`divsqrt`] (FPDiv, FPSqrt), [`compare`] (FPCompare*), [`convert`]
//! (FPConvert, FPToFixed, FixedToFP), [`roundint`] (FPRoundInt) and [`estimate`]
//! (FPRecipEstimate, FPRSqrtEstimate, FPRecpX).

pub mod arith;
pub mod compare;
pub mod convert;
pub mod divsqrt;
pub mod estimate;
pub mod fma;
pub mod nan;
pub mod real;
pub mod round;
pub mod roundint;
pub mod unpack;

#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_convert;

pub use arith::{fp_abs, fp_add, fp_max, fp_max_num, fp_min, fp_min_num, fp_mul, fp_neg, fp_sub};
pub use compare::{fp_compare, fp_compare_eq, fp_compare_ge, fp_compare_gt};
pub use convert::{fixed_to_fp, fp_convert, fp_to_fixed};
pub use divsqrt::{fp_div, fp_sqrt};
pub use estimate::{fp_recip_estimate, fp_recpx, fp_rsqrt_estimate, recip_estimate, recip_sqrt_estimate};
pub use fma::{fp_mul_add, fp_recip_step_fused, fp_rsqrt_step_fused};
pub use roundint::fp_round_int;
pub use unpack::{FpSize, FpType};

/// Rounding modes of the pseudocode's `FPRounding` (the first four are FPCR.RMode values).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum FpRounding {
    /// Round to nearest, ties to even (RN, RMode = 0b00).
    #[default]
    TieEven,
    /// Round towards plus infinity (RP, RMode = 0b01).
    PosInf,
    /// Round towards minus infinity (RM, RMode = 0b10).
    NegInf,
    /// Round towards zero (RZ, RMode = 0b11).
    Zero,
    /// Round to nearest, ties away from zero (FRINTA, FCVTA*; never from FPCR).
    TieAway,
    /// Round to odd (FCVTXN; never from FPCR): truncate, then set the LSB if inexact.
    Odd,
}

impl FpRounding {
    /// `FPDecodeRounding`: the mode for a 2-bit RMode field.
    pub const fn from_rmode(rmode: u64) -> Self {
        match rmode & 3 {
            0 => FpRounding::TieEven,
            1 => FpRounding::PosInf,
            2 => FpRounding::NegInf,
            _ => FpRounding::Zero,
        }
    }
}

/// The FPCR fields that ARMv8.0 floating-point operations read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Fpcr {
    /// FPCR.AHP (bit 26): alternative half-precision format for conversions.
    pub ahp: bool,
    /// FPCR.DN (bit 25): default-NaN mode.
    pub dn: bool,
    /// FPCR.FZ (bit 24): flush single/double denormals to zero.
    pub fz: bool,
    /// FPCR.RMode (bits 23:22).
    pub rmode: FpRounding,
}

impl Fpcr {
    /// Decodes the fields from an FPCR register value (other bits are ignored).
    pub const fn from_bits(bits: u64) -> Self {
        Fpcr {
            ahp: bits & (1 << 26) != 0,
            dn: bits & (1 << 25) != 0,
            fz: bits & (1 << 24) != 0,
            rmode: FpRounding::from_rmode(bits >> 22),
        }
    }

    /// The FPCR bits for these fields.
    pub const fn to_bits(self) -> u64 {
        let rmode = match self.rmode {
            FpRounding::TieEven | FpRounding::TieAway | FpRounding::Odd => 0,
            FpRounding::PosInf => 1,
            FpRounding::NegInf => 2,
            FpRounding::Zero => 3,
        };
        ((self.ahp as u64) << 26) | ((self.dn as u64) << 25) | ((self.fz as u64) << 24) | (rmode << 22)
    }

    /// `FPRoundingMode(fpcr)`.
    pub const fn rounding(self) -> FpRounding {
        self.rmode
    }
}

/// Cumulative floating-point exception flags in the FPSR bit layout.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct FpFlags(pub u32);

impl FpFlags {
    /// Invalid Operation (FPSR.IOC, bit 0).
    pub const IOC: u32 = 1 << 0;
    /// Divide by Zero (FPSR.DZC, bit 1).
    pub const DZC: u32 = 1 << 1;
    /// Overflow (FPSR.OFC, bit 2).
    pub const OFC: u32 = 1 << 2;
    /// Underflow (FPSR.UFC, bit 3).
    pub const UFC: u32 = 1 << 3;
    /// Inexact (FPSR.IXC, bit 4).
    pub const IXC: u32 = 1 << 4;
    /// Input Denormal (FPSR.IDC, bit 7).
    pub const IDC: u32 = 1 << 7;
    /// All cumulative exception bits.
    pub const ALL: u32 = 0x9F;

    /// `FPProcessException` for an untrapped exception: sets the cumulative bit.
    pub fn raise(&mut self, bit: u32) {
        self.0 |= bit;
    }

    /// Whether `bit` is set.
    pub const fn has(self, bit: u32) -> bool {
        self.0 & bit != 0
    }

    /// The raw FPSR bits.
    pub const fn bits(self) -> u32 {
        self.0
    }
}
