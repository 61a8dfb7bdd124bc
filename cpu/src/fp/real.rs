//! Exact "real" values for the pseudocode's `real` type: `±(mant + δ) · 2^exp` with an
//! integer mantissa and a sticky bit (`δ ∈ (0, 1)` when `sticky`, else 0).
//!
//! Sums and products of unpacked operands are exact; quotients and square roots are
//! computed to far more bits than any format keeps and carry the remainder in `sticky`,
//! which is all `FPRound` needs to round correctly.

use super::FpRounding;
use core::cmp::Ordering;

/// A sign/exponent/mantissa value; see the module documentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Real {
    /// The sign (true = negative).
    pub neg: bool,
    /// The power of two scaling `mant`.
    pub exp: i32,
    /// The integer mantissa.
    pub mant: u128,
    /// Whether the true value lies strictly between `mant` and `mant + 1` units.
    pub sticky: bool,
}

/// How far a truncated value lies above the kept integer, in units of the kept LSB:
/// `half` is the first dropped bit and `rest` whether anything below it is non-zero.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RoundBits {
    /// The most significant dropped bit (error ≥ 0.5).
    pub half: bool,
    /// Any lower dropped bit or sticky remainder.
    pub rest: bool,
}

impl RoundBits {
    /// The pseudocode's `error != 0.0`.
    pub const fn inexact(self) -> bool {
        self.half || self.rest
    }

    /// Whether a magnitude truncated to an integer with these dropped bits must be
    /// incremented under `rounding`; `neg` is the value's sign and `odd` the kept LSB.
    /// This is the `round_up` logic shared by FPRound, FPRoundInt and FPToFixed,
    /// expressed on magnitudes.
    pub const fn round_up(self, rounding: FpRounding, neg: bool, odd: bool) -> bool {
        match rounding {
            FpRounding::TieEven => self.half && (self.rest || odd),
            FpRounding::TieAway => self.half,
            FpRounding::PosInf => self.inexact() && !neg,
            FpRounding::NegInf => self.inexact() && neg,
            FpRounding::Zero | FpRounding::Odd => false,
        }
    }
}

/// Shifts `mant` right by `shift` (≥ 0, any size), returning the kept part and the
/// dropped bits' [`RoundBits`].
pub fn shift_right_round(mant: u128, shift: u64) -> (u128, RoundBits) {
    match shift {
        0 => (mant, RoundBits::default()),
        1..=127 => {
            let half = (mant >> (shift - 1)) & 1 != 0;
            let rest = mant & ((1u128 << (shift - 1)) - 1) != 0;
            (mant >> shift, RoundBits { half, rest })
        }
        128 => (0, RoundBits { half: mant >> 127 != 0, rest: mant & (u128::MAX >> 1) != 0 }),
        _ => (0, RoundBits { half: false, rest: mant != 0 }),
    }
}

/// Shifts right by `shift` (any size), ORing every dropped bit into bit 0 ("jamming").
fn shift_right_jam(mant: u128, shift: u64) -> u128 {
    match shift {
        0 => mant,
        1..=127 => (mant >> shift) | u128::from(mant & ((1u128 << shift) - 1) != 0),
        _ => u128::from(mant != 0),
    }
}

/// The index of the most significant set bit (`mant` must be non-zero).
fn msb(mant: u128) -> u32 {
    127 - mant.leading_zeros()
}

impl Real {
    /// Exact zero.
    pub const ZERO: Real = Real { neg: false, exp: 0, mant: 0, sticky: false };

    /// The exact value `±mant · 2^exp`.
    pub const fn new(neg: bool, exp: i32, mant: u128) -> Real {
        Real { neg, exp, mant, sticky: false }
    }

    /// Whether the value is exactly zero.
    pub const fn is_zero(&self) -> bool {
        self.mant == 0 && !self.sticky
    }

    /// The value with its sign inverted.
    pub const fn negate(self) -> Real {
        Real { neg: !self.neg, ..self }
    }

    /// The value divided by two (exact).
    pub const fn halve(self) -> Real {
        Real { exp: self.exp.saturating_sub(1), ..self }
    }

    /// `floor(log2(|value|))` for a value with a non-zero mantissa.
    pub fn top_exp(&self) -> i64 {
        i64::from(self.exp) + i64::from(msb(self.mant))
    }

    /// The mantissa moved so its top bit is at bit `top`, with the sticky bit and any
    /// dropped bits jammed into bit 0; returns (mantissa, exponent). Non-zero mantissa.
    fn normalized(&self, top: u32) -> (u128, i64) {
        let m = msb(self.mant);
        let exp = i64::from(self.exp);
        if m <= top {
            let k = top - m;
            ((self.mant << k) | u128::from(self.sticky), exp - i64::from(k))
        } else {
            let k = m - top;
            (shift_right_jam(self.mant, u64::from(k)) | u128::from(self.sticky), exp + i64::from(k))
        }
    }

    /// Builds a value from a 64-bit-range exponent, saturating exponents far outside any
    /// format's range (they round to zero or overflow identically either way).
    fn with_exp(neg: bool, exp: i64, mant: u128, sticky: bool) -> Real {
        let exp = exp.clamp(-(1 << 24), 1 << 24) as i32;
        Real { neg, exp, mant, sticky }
    }

    /// The exact product. Mantissas of up to 64 bits each multiply exactly; wider ones are
    /// first narrowed with jamming (only exact-enough for rounding to 53 bits).
    pub fn exact_mul(self, other: Real) -> Real {
        let neg = self.neg != other.neg;
        if self.is_zero() || other.is_zero() {
            return Real { neg, ..Real::ZERO };
        }
        let (a, ea) = self.normalized(63);
        let (b, eb) = other.normalized(63);
        Real::with_exp(neg, ea + eb, a * b, false)
    }

    /// The sum. Exact when both mantissas have at most 120 significant bits and no sticky
    /// bit; otherwise correctly rounded to any format (far-away addends are jammed into a
    /// sticky LSB, below every possible rounding position). An exactly zero sum is
    /// returned as positive [`Real::ZERO`]: the caller applies the pseudocode's sign rule.
    pub fn exact_add(self, other: Real) -> Real {
        if self.is_zero() {
            return other;
        }
        if other.is_zero() {
            return self;
        }
        const TOP: u32 = 125;
        let (ma, ea) = self.normalized(TOP);
        let (mb, eb) = other.normalized(TOP);
        // Order by magnitude: (big, small).
        let a_bigger = ea > eb || (ea == eb && ma >= mb);
        let ((mx, ex, nx), (my, ey, ny)) = if a_bigger {
            ((ma, ea, self.neg), (mb, eb, other.neg))
        } else {
            ((mb, eb, other.neg), (ma, ea, self.neg))
        };
        let my = shift_right_jam(my, ex.abs_diff(ey));
        let mant = if nx == ny { mx + my } else { mx - my };
        if mant == 0 {
            return Real::ZERO;
        }
        Real::with_exp(nx, ex, mant, false)
    }

    /// The exact quotient to at least 70 significant bits, remainder in the sticky bit.
    /// The divisor must be non-zero with at most 56 significant bits.
    pub fn sticky_div(self, other: Real) -> Real {
        let neg = self.neg != other.neg;
        if self.is_zero() || other.mant == 0 {
            return Real { neg, ..Real::ZERO };
        }
        let (a, ea) = self.normalized(126);
        let (b, eb) = other.normalized(55);
        let q = a / b;
        let r = a % b;
        Real::with_exp(neg, ea - eb, q, r != 0 || self.sticky || other.sticky)
    }

    /// The square root of `|value|` to at least 62 significant bits, remainder in the
    /// sticky bit.
    pub fn sticky_sqrt(self) -> Real {
        if self.is_zero() {
            return Real::ZERO;
        }
        let (mut a, mut e) = self.normalized(125);
        if e & 1 != 0 {
            // Make the exponent even; the top bit moves to 126.
            a <<= 1;
            e -= 1;
        }
        let (root, rem) = isqrt(a);
        Real::with_exp(false, e / 2, root, rem != 0 || self.sticky)
    }

    /// Compares two values (zeros of either sign are equal).
    pub fn cmp_value(&self, other: &Real) -> Ordering {
        match (self.is_zero(), other.is_zero()) {
            (true, true) => return Ordering::Equal,
            (true, false) => return if other.neg { Ordering::Greater } else { Ordering::Less },
            (false, true) => return if self.neg { Ordering::Less } else { Ordering::Greater },
            (false, false) => {}
        }
        if self.neg != other.neg {
            return if self.neg { Ordering::Less } else { Ordering::Greater };
        }
        let (ma, ea) = self.normalized(127);
        let (mb, eb) = other.normalized(127);
        let mag = ea.cmp(&eb).then(ma.cmp(&mb));
        if self.neg {
            mag.reverse()
        } else {
            mag
        }
    }

    /// `|value| · 2^scale` split into its integer part and the dropped fraction, or
    /// `None` when the integer part does not fit in 127 bits.
    pub fn int_part(&self, scale: i64) -> Option<(u128, RoundBits)> {
        if self.mant == 0 {
            return Some((0, RoundBits { half: false, rest: self.sticky }));
        }
        let e = i64::from(self.exp) + scale;
        if e >= 0 {
            if i64::from(msb(self.mant)) + e >= 127 {
                return None;
            }
            Some((self.mant << e, RoundBits { half: false, rest: self.sticky }))
        } else {
            let (int, mut bits) = shift_right_round(self.mant, e.unsigned_abs());
            bits.rest |= self.sticky;
            Some((int, bits))
        }
    }
}

/// Integer square root: `(floor(sqrt(a)), a - floor(sqrt(a))^2)`, bit by bit.
fn isqrt(a: u128) -> (u128, u128) {
    let mut rem = a;
    let mut root: u128 = 0;
    // The highest power of four not above `a`.
    let mut bit: u128 = if a == 0 { 0 } else { 1u128 << (msb(a) & !1) };
    while bit != 0 {
        if rem >= root + bit {
            rem -= root + bit;
            root = (root >> 1) + bit;
        } else {
            root >>= 1;
        }
        bit >>= 2;
    }
    (root, rem)
}
