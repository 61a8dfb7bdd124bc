//! Shared lane machinery of the Advanced SIMD floating-point vector instructions (Arm ARM
//! C4.1.x: the FP members of "Advanced SIMD three same", "two-register miscellaneous",
//! "across lanes", "vector x indexed element" and "shift by immediate").
//!
//! Every lane is computed by the bit-exact core in [`crate::fp`] with the FPCR of the
//! instruction; the cumulative exception bits of all lanes are ORed into FPSR once the
//! whole result is known (no FP exception is trapped, so an instruction that passed
//! `CheckFPAdvSIMDEnabled64()` always retires). Operands are read in full before the
//! destination is written, so `Vd` may alias a source.
//!
//! Handlers are one line each: a family function (`three_same`, `misc`, ...) applied to
//! a lane operation of type [`Bin`] or [`Un`]; [`fp_handlers!`] writes them.

use super::simd_fp::{check_fp_enabled, elem, set_elem, set_vreg_width};
use crate::exception::{self, Trap};
use crate::fp::unpack::fp_unpack;
use crate::fp::{self, FpFlags, FpSize, FpType, Fpcr};
use crate::insn::Insn;
use crate::interp::Cpu;

/// Handler result.
pub type R = Result<(), Trap>;

/// A lane operation on two operands: `(size, op1, op2, fpcr, flags) -> result`.
pub type Bin = fn(FpSize, u64, u64, Fpcr, &mut FpFlags) -> u64;

/// A lane operation on one operand: `(size, op, fpcr, flags) -> result`.
pub type Un = fn(FpSize, u64, Fpcr, &mut FpFlags) -> u64;

/// `UNDEFINED`: the decode-time error of a reserved field value.
#[inline(always)]
pub fn undef(cpu: &Cpu) -> Trap {
    exception::undefined(&cpu.s)
}

/// The element layout of a single/double-precision vector form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FpShape {
    /// The element format (S or D; H only for the narrow half of FCVTN/FCVTL).
    pub size: FpSize,
    /// Element size in bits.
    pub esize: u32,
    /// Number of elements.
    pub elements: u32,
    /// `datasize`: 64 or 128.
    pub datasize: u32,
}

impl FpShape {
    /// The shape for `esize = 32 << sz`, `datasize = 64 << Q` (no reserved check).
    pub const fn of(sz: bool, q: bool) -> FpShape {
        let (size, esize) = if sz { (FpSize::D, 64) } else { (FpSize::S, 32) };
        let datasize = if q { 128 } else { 64 };
        FpShape { size, esize, elements: datasize / esize, datasize }
    }

    /// Decode of the vector forms: `sz` = bit 22, `Q` = bit 30, `sz:Q = 10` (one double
    /// in a 64-bit vector) is reserved, UNDEFINED. Then `CheckFPAdvSIMDEnabled64()`.
    pub fn vec(cpu: &Cpu, i: Insn) -> Result<FpShape, Trap> {
        let (sz, q) = (i.bit(22), i.bit(30));
        if sz && !q {
            return Err(undef(cpu));
        }
        check_fp_enabled(cpu)?;
        Ok(FpShape::of(sz, q))
    }

    /// Element `e` of `v`.
    #[inline(always)]
    pub fn get(self, v: u128, e: u32) -> u64 {
        elem(v, e, self.esize)
    }

    /// A vector built from one value per element.
    #[inline(always)]
    pub fn build(self, mut f: impl FnMut(u32) -> u64) -> u128 {
        (0..self.elements).fold(0u128, |r, e| set_elem(r, e, self.esize, f(e)))
    }
}

/// FPCR as the core reads it.
#[inline(always)]
pub fn fpcr(cpu: &Cpu) -> Fpcr {
    Fpcr::from_bits(u64::from(cpu.s.fpcr))
}

/// Runs `f` with the current FPCR and fresh flags, ORs the flags into FPSR and returns
/// the value `f` computed.
#[inline(always)]
pub fn with_fp<T>(cpu: &mut Cpu, f: impl FnOnce(Fpcr, &mut FpFlags) -> T) -> T {
    let mut flags = FpFlags::default();
    let r = f(fpcr(cpu), &mut flags);
    cpu.s.fpsr |= flags.bits();
    r
}

/// `V[d] = result` for a `datasize`-bit result (upper bits cleared).
#[inline(always)]
pub fn write(cpu: &mut Cpu, d: u32, sh: FpShape, value: u128) {
    set_vreg_width(cpu, d, value, sh.datasize);
}

/// All ones of the element (`Ones(esize)`) when `t`, else zero: the compare results.
#[inline(always)]
pub const fn mask_if(t: bool, size: FpSize) -> u64 {
    if t {
        size.mask()
    } else {
        0
    }
}

/// `FPMulX(op1, op2, fpcr)` (Arm ARM J1 shared pseudocode): `FPMul`, except that
/// `infinity * zero` is `FPTwo(sign1 EOR sign2)` rather than the default NaN.
pub fn fp_mulx(size: FpSize, op1: u64, op2: u64, fpcr: Fpcr, flags: &mut FpFlags) -> u64 {
    let u1 = fp_unpack(size, op1, fpcr, flags);
    let u2 = fp_unpack(size, op2, fpcr, flags);
    let inf_zero =
        (u1.ty == FpType::Infinity && u2.ty == FpType::Zero) || (u1.ty == FpType::Zero && u2.ty == FpType::Infinity);
    if inf_zero && !u1.is_nan() && !u2.is_nan() {
        size.two(u1.sign != u2.sign)
    } else {
        // NaN processing, infinities, zeros and rounding are FPMul's.
        fp::fp_mul(size, op1, op2, fpcr, flags)
    }
}

/// Writes one-line handlers: `name => family(op)`, each with its doc comment.
///
/// ```ignore
/// fp_handlers! { three_same;
///     /// Arm ARM C7.2.x: FADD (vector).
///     fadd_vec => fp::fp_add;
/// }
/// ```
#[macro_export]
macro_rules! fp_handlers {
    ($family:path; $($(#[$m:meta])* $name:ident => $op:expr;)*) => {
        $(
            $(#[$m])*
            pub fn $name(
                cpu: &mut $crate::interp::Cpu,
                _: &mut dyn $crate::platform::Platform,
                i: $crate::insn::Insn,
            ) -> $crate::exec::simd_fp_lanes::R {
                $family(cpu, i, $op)
            }
        )*
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mulx_inf_times_zero_is_two() {
        let mut f = FpFlags::default();
        let c = Fpcr::default();
        // +inf * -0 = -2.0, no flags.
        assert_eq!(fp_mulx(FpSize::S, 0x7f80_0000, 0x8000_0000, c, &mut f), 0xc000_0000);
        assert_eq!(fp_mulx(FpSize::D, 0, 0xfff0_0000_0000_0000, c, &mut f), 0xc000_0000_0000_0000);
        assert_eq!(f.bits(), 0);
        // Otherwise FPMul: 3 * 0.5 = 1.5, and a NaN operand still wins.
        assert_eq!(fp_mulx(FpSize::S, 0x4040_0000, 0x3f00_0000, c, &mut f), 0x3fc0_0000);
        assert_eq!(fp_mulx(FpSize::S, 0x7fc0_0001, 0, c, &mut f), 0x7fc0_0001);
        // FZ: a denormal is a zero (IDC), so inf * denormal = 2.0.
        let fz = Fpcr { fz: true, ..c };
        assert_eq!(fp_mulx(FpSize::S, 0x7f80_0000, 1, fz, &mut f), 0x4000_0000);
        assert_eq!(f.bits(), FpFlags::IDC);
    }

    #[test]
    fn shape_layouts() {
        assert_eq!(FpShape::of(false, true).elements, 4);
        assert_eq!(FpShape::of(false, false).elements, 2);
        assert_eq!(FpShape::of(true, true).elements, 2);
        let sh = FpShape::of(false, true);
        let v = sh.build(|e| u64::from(e) + 1);
        assert_eq!(v, 0x0000_0004_0000_0003_0000_0002_0000_0001);
        assert_eq!(sh.get(v, 2), 3);
    }
}
