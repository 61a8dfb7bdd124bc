//! `FPUnpack`/`FPUnpackCV` and the constant encodings (`FPZero`, `FPInfinity`,
//! `FPMaxNormal`, `FPDefaultNaN`, `FPTwo`, `FPThree`, `FPOnePointFive`).

use super::real::Real;
use super::{FpFlags, Fpcr};

/// An IEEE binary format: half, single or double precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FpSize {
    /// 16-bit half precision (IEEE, or Arm's alternative format when FPCR.AHP is set).
    H,
    /// 32-bit single precision.
    S,
    /// 64-bit double precision.
    D,
}

impl FpSize {
    /// N, the width in bits.
    pub const fn width(self) -> u32 {
        match self {
            FpSize::H => 16,
            FpSize::S => 32,
            FpSize::D => 64,
        }
    }

    /// E, the exponent field width.
    pub const fn ebits(self) -> u32 {
        match self {
            FpSize::H => 5,
            FpSize::S => 8,
            FpSize::D => 11,
        }
    }

    /// F, the fraction field width.
    pub const fn fbits(self) -> u32 {
        match self {
            FpSize::H => 10,
            FpSize::S => 23,
            FpSize::D => 52,
        }
    }

    /// The exponent bias, 2^(E-1) - 1.
    pub const fn bias(self) -> i32 {
        (1 << (self.ebits() - 1)) - 1
    }

    /// The all-ones exponent field value, 2^E - 1.
    pub const fn exp_max(self) -> u64 {
        (1 << self.ebits()) - 1
    }

    /// Mask of the format's N bits.
    pub const fn mask(self) -> u64 {
        u64::MAX >> (64 - self.width())
    }

    /// The sign bit.
    pub const fn sign_bit(self) -> u64 {
        1 << (self.width() - 1)
    }

    /// The fraction field mask.
    pub const fn frac_mask(self) -> u64 {
        (1 << self.fbits()) - 1
    }

    /// The most significant fraction bit (the "quiet" bit of a NaN).
    pub const fn quiet_bit(self) -> u64 {
        1 << (self.fbits() - 1)
    }

    /// The biased exponent field of `bits`.
    pub const fn exp_field(self, bits: u64) -> u64 {
        (bits >> self.fbits()) & self.exp_max()
    }

    /// The fraction field of `bits`.
    pub const fn frac_field(self, bits: u64) -> u64 {
        bits & self.frac_mask()
    }

    /// Whether the sign bit of `bits` is set.
    pub const fn sign_of(self, bits: u64) -> bool {
        bits & self.sign_bit() != 0
    }

    /// The sign bit value for `sign`.
    pub const fn sign(self, sign: bool) -> u64 {
        if sign {
            self.sign_bit()
        } else {
            0
        }
    }

    /// Assembles sign, biased exponent field and fraction field.
    pub const fn pack(self, sign: bool, exp: u64, frac: u64) -> u64 {
        self.sign(sign) | ((exp & self.exp_max()) << self.fbits()) | (frac & self.frac_mask())
    }

    /// `FPZero(sign)`.
    pub const fn zero(self, sign: bool) -> u64 {
        self.sign(sign)
    }

    /// `FPInfinity(sign)`.
    pub const fn infinity(self, sign: bool) -> u64 {
        self.pack(sign, self.exp_max(), 0)
    }

    /// `FPMaxNormal(sign)`.
    pub const fn max_normal(self, sign: bool) -> u64 {
        self.pack(sign, self.exp_max() - 1, self.frac_mask())
    }

    /// `FPDefaultNaN()`: positive, quiet, zero payload.
    pub const fn default_nan(self) -> u64 {
        self.pack(false, self.exp_max(), self.quiet_bit())
    }

    /// `FPTwo(sign)`.
    pub const fn two(self, sign: bool) -> u64 {
        self.pack(sign, self.bias() as u64 + 1, 0)
    }

    /// `FPThree(sign)`.
    pub const fn three(self, sign: bool) -> u64 {
        self.pack(sign, self.bias() as u64 + 1, self.quiet_bit())
    }

    /// `FPOnePointFive(sign)`.
    pub const fn one_point_five(self, sign: bool) -> u64 {
        self.pack(sign, self.bias() as u64, self.quiet_bit())
    }

    /// The smallest unbiased exponent of a normal number (`minimum_exp` in FPRound).
    pub const fn min_exp(self) -> i32 {
        1 - self.bias()
    }
}

/// `FPType`: the class of an unpacked operand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FpType {
    /// A (possibly flushed) zero.
    Zero,
    /// A normal or (unflushed) denormal number.
    Nonzero,
    /// An infinity.
    Infinity,
    /// A quiet NaN.
    QNaN,
    /// A signalling NaN.
    SNaN,
}

/// The result of `FPUnpack`: type, sign and the exact value (zero for zeros, NaNs and
/// infinities; callers test the type first).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unpacked {
    /// The operand's class.
    pub ty: FpType,
    /// The sign bit.
    pub sign: bool,
    /// The exact value for `Nonzero` operands (its sign equals `sign`).
    pub value: Real,
}

impl Unpacked {
    /// Whether the operand is a NaN of either kind.
    pub const fn is_nan(&self) -> bool {
        matches!(self.ty, FpType::QNaN | FpType::SNaN)
    }
}

/// `FPUnpackBase`: classifies `bits` and returns its exact value. `ahp` selects the
/// alternative half-precision format (no infinities or NaNs) and `flush` the
/// flush-to-zero of denormal inputs, which raises Input Denormal.
pub fn fp_unpack_base(size: FpSize, bits: u64, ahp: bool, flush: bool, flags: &mut FpFlags) -> Unpacked {
    let bits = bits & size.mask();
    let sign = size.sign_of(bits);
    let exp = size.exp_field(bits);
    let frac = size.frac_field(bits);
    let f = size.fbits() as i32;
    let zero = Unpacked { ty: FpType::Zero, sign, value: Real::ZERO };
    if exp == 0 {
        if frac == 0 {
            zero
        } else if flush {
            flags.raise(FpFlags::IDC);
            zero
        } else {
            let value = Real::new(sign, size.min_exp() - f, u128::from(frac));
            Unpacked { ty: FpType::Nonzero, sign, value }
        }
    } else if exp == size.exp_max() && !(size == FpSize::H && ahp) {
        let ty = if frac == 0 {
            FpType::Infinity
        } else if frac & size.quiet_bit() != 0 {
            FpType::QNaN
        } else {
            FpType::SNaN
        };
        Unpacked { ty, sign, value: Real::ZERO }
    } else {
        let mant = u128::from(frac | (1 << size.fbits()));
        let value = Real::new(sign, exp as i32 - size.bias() - f, mant);
        Unpacked { ty: FpType::Nonzero, sign, value }
    }
}

/// `FPUnpack`: unpacking for arithmetic. FPCR.FZ flushes single and double denormals
/// (half precision has FZ16, which ARMv8.0 lacks), and AHP is ignored.
pub fn fp_unpack(size: FpSize, bits: u64, fpcr: Fpcr, flags: &mut FpFlags) -> Unpacked {
    fp_unpack_base(size, bits, false, fpcr.fz && size != FpSize::H, flags)
}

/// `FPUnpackCV`: unpacking for conversions, honouring FPCR.AHP for half precision.
pub fn fp_unpack_cv(size: FpSize, bits: u64, fpcr: Fpcr, flags: &mut FpFlags) -> Unpacked {
    fp_unpack_base(size, bits, fpcr.ahp, fpcr.fz && size != FpSize::H, flags)
}
