//! Conversion between floating-point and integer, Arm ARM C4.1.x
//! (`sf 0 S 11110 ftype 1 rmode opcode 000000 Rn Rd`): FCVT{N,P,M,Z,A}{S,U} (FP to a
//! W or X register) and SCVTF, UCVTF (W or X register to FP), single and double
//! precision (`ftype<1>` = 0 in the table lines). FMOV (general) is in `fp_move`.
//!
//! Fields: `rmode` (bits 20:19) is the rounding of FCVT{N,P,M,Z}* (FPDecodeRounding),
//! `opcode<2:1>` = 10 selects FCVTA* (ties away), `opcode<0>` (bit 16) unsigned.

use super::fp_scalar::{check_fp_enabled, read, size_bit22, with_fp, write, R};
use crate::fp::{self, FpRounding};
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::platform::Platform;

/// The integer width: 64 with `sf`, else 32.
#[inline(always)]
pub const fn int_bits(i: Insn) -> u32 {
    if i.sf() {
        64
    } else {
        32
    }
}

/// The rounding of an FCVT*{S,U} (integer) encoding: ties away for FCVTA* (opcode
/// `10x`), else `FPDecodeRounding(rmode)`.
#[inline(always)]
pub const fn to_int_rounding(i: Insn) -> FpRounding {
    if i.bits(18, 17) == 0b10 {
        FpRounding::TieAway
    } else {
        FpRounding::from_rmode(i.bits(20, 19) as u64)
    }
}

/// Arm ARM C7.2: FCVTNS, FCVTNU, FCVTPS, FCVTPU, FCVTMS, FCVTMU, FCVTZS, FCVTZU,
/// FCVTAS, FCVTAU (scalar, integer):
/// `X[d] = FPToFixed(V[n], 0, unsigned, FPCR, rounding)`, saturating (Invalid
/// Operation for NaN and out-of-range values), zero-extended from 32 bits for W.
pub fn fcvt_to_int(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    check_fp_enabled(cpu)?;
    let size = size_bit22(i);
    let (bits, unsigned, rounding) = (int_bits(i), i.bit(16), to_int_rounding(i));
    let a = read(cpu, i.rn(), size);
    let r = with_fp(cpu, |c, f| fp::fp_to_fixed(size, a, 0, unsigned, bits, c, rounding, f));
    cpu.s.set_xr(i.rd(), r);
    Ok(())
}

/// Arm ARM C7.2: SCVTF, UCVTF (scalar, integer):
/// `V[d] = FixedToFP(X[n]<intsize-1:0>, 0, unsigned, FPCR, FPRoundingMode(FPCR))`.
pub fn cvtf_int(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    check_fp_enabled(cpu)?;
    let size = size_bit22(i);
    let (bits, unsigned) = (int_bits(i), i.bit(16));
    let x = cpu.s.xr(i.rn());
    let r = with_fp(cpu, |c, f| fp::fixed_to_fp(size, x, 0, unsigned, bits, c, c.rounding(), f));
    write(cpu, i.rd(), size, r);
    Ok(())
}

#[cfg(test)]
#[path = "fp_convert_tests.rs"]
mod tests;
