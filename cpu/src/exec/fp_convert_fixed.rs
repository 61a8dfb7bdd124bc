//! Conversion between floating-point and fixed-point, Arm ARM C4.1.x: the general-register
//! forms (`sf 0 S 11110 ftype 0 rmode opcode scale Rn Rd`: SCVTF, UCVTF, FCVTZS, FCVTZU
//! with `fbits = 64 - scale`) and the Advanced SIMD scalar shift-by-immediate forms
//! (`01 U 111110 immh immb opcode 1 Rn Rd`: the integer in a V register of the same
//! size, `fbits = 2 * esize - immh:immb`). Single and double precision.

use super::fp_convert_int::int_bits;
use super::fp_scalar::{check_fp_enabled, read, size_bit22, undef, with_fp, write, write_bits, R};
use crate::fp::{self, FpRounding, FpSize};
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::platform::Platform;

/// `fbits = 64 - UInt(scale)` of the general-register forms; `sf = 0` with
/// `scale<5> = 0` (more than 32 fraction bits for a W register) is UNDEFINED.
fn gen_fbits(cpu: &Cpu, i: Insn) -> Result<u32, crate::exception::Trap> {
    let scale = i.bits(15, 10);
    if !i.sf() && scale & 0x20 == 0 {
        return Err(undef(cpu));
    }
    Ok(64 - scale)
}

/// Arm ARM C7.2: FCVTZS, FCVTZU (scalar, fixed-point):
/// `X[d] = FPToFixed(V[n], fbits, unsigned, FPCR, FPRounding_ZERO)`.
pub fn fcvtz_fix(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let fbits = gen_fbits(cpu, i)?;
    check_fp_enabled(cpu)?;
    let size = size_bit22(i);
    let (bits, unsigned) = (int_bits(i), i.bit(16));
    let a = read(cpu, i.rn(), size);
    let r = with_fp(cpu, |c, f| fp::fp_to_fixed(size, a, fbits, unsigned, bits, c, FpRounding::Zero, f));
    cpu.s.set_xr(i.rd(), r);
    Ok(())
}

/// Arm ARM C7.2: SCVTF, UCVTF (scalar, fixed-point):
/// `V[d] = FixedToFP(X[n]<intsize-1:0>, fbits, unsigned, FPCR, FPRoundingMode(FPCR))`.
pub fn cvtf_fix(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let fbits = gen_fbits(cpu, i)?;
    check_fp_enabled(cpu)?;
    let size = size_bit22(i);
    let (bits, unsigned) = (int_bits(i), i.bit(16));
    let x = cpu.s.xr(i.rn());
    let r = with_fp(cpu, |c, f| fp::fixed_to_fp(size, x, fbits, unsigned, bits, c, c.rounding(), f));
    write(cpu, i.rd(), size, r);
    Ok(())
}

/// The size and `fbits` of the scalar shift-by-immediate forms: `immh = 1xxx` double
/// (`fbits = 128 - immh:immb`), `01xx` single (`64 - immh:immb`); `001x` (half
/// precision, FEAT_FP16) and `0000` are UNDEFINED.
fn simd_fbits(cpu: &Cpu, i: Insn) -> Result<(FpSize, u32), crate::exception::Trap> {
    let immhb = i.bits(22, 16);
    match i.bits(22, 19) {
        h if h & 0b1000 != 0 => Ok((FpSize::D, 128 - immhb)),
        h if h & 0b0100 != 0 => Ok((FpSize::S, 64 - immhb)),
        _ => Err(undef(cpu)),
    }
}

/// Arm ARM C7.2: FCVTZS, FCVTZU (vector, fixed-point), scalar form:
/// `V[d] = FPToFixed(V[n], fbits, unsigned, FPCR, FPRounding_ZERO)` at `esize`.
pub fn fcvtz_fix_simd(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let (size, fbits) = simd_fbits(cpu, i)?;
    check_fp_enabled(cpu)?;
    let (bits, unsigned) = (size.width(), i.bit(29));
    let a = read(cpu, i.rn(), size);
    let r = with_fp(cpu, |c, f| fp::fp_to_fixed(size, a, fbits, unsigned, bits, c, FpRounding::Zero, f));
    write_bits(cpu, i.rd(), bits, r);
    Ok(())
}

/// Arm ARM C7.2: SCVTF, UCVTF (vector, fixed-point), scalar form:
/// `V[d] = FixedToFP(V[n]<esize-1:0>, fbits, unsigned, FPCR, FPRoundingMode(FPCR))`.
pub fn cvtf_fix_simd(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let (size, fbits) = simd_fbits(cpu, i)?;
    check_fp_enabled(cpu)?;
    let (bits, unsigned) = (size.width(), i.bit(29));
    let x = read(cpu, i.rn(), size);
    let r = with_fp(cpu, |c, f| fp::fixed_to_fp(size, x, fbits, unsigned, bits, c, c.rounding(), f));
    write(cpu, i.rd(), size, r);
    Ok(())
}
