//! Advanced SIMD two-register miscellaneous, floating-point vector forms (Arm ARM
//! C4.1.x, `0 Q U 01110 o1 sz 10000 opcode 10 Rn Rd`): FABS, FNEG, FSQRT, FRINT[NPMZAXI],
//! FCVT[NPMZA][SU], SCVTF/UCVTF (integer), FCM{EQ,GE,GT,LE,LT} (zero), FRECPE,
//! FRSQRTE, URECPE, URSQRTE, and the width-changing FCVTN{2}, FCVTXN{2}, FCVTL{2}.
//!
//! Same-width forms: `esize = 32 << sz`, `datasize = 64 << Q`, `sz:Q = 10` reserved.

use super::simd_fp::{check_fp_enabled, elem, set_vreg, vreg};
use super::simd_fp_lanes::{mask_if, undef, with_fp, write, FpShape, Un, R};
use crate::fp::{self, FpRounding, FpSize};
use crate::fp_handlers;
use crate::insn::Insn;
use crate::interp::Cpu;

/// The element-wise family: `Elem[result, e] = op(Elem[V[n], e])`.
pub fn misc(cpu: &mut Cpu, i: Insn, op: Un) -> R {
    let sh = FpShape::vec(cpu, i)?;
    let n = vreg(cpu, i.rn());
    let r = with_fp(cpu, |c, f| sh.build(|e| op(sh.size, sh.get(n, e), c, f)));
    write(cpu, i.rd(), sh, r);
    Ok(())
}

/// The unsigned fixed-point estimates (URECPE, URSQRTE): `sz = 1` is reserved; 32-bit
/// lanes; FPCR is not read and FPSR not written.
pub fn misc_u32(cpu: &mut Cpu, i: Insn, op: fn(u32) -> u32) -> R {
    if i.bit(22) {
        return Err(undef(cpu));
    }
    check_fp_enabled(cpu)?;
    let sh = FpShape::of(false, i.bit(30));
    let n = vreg(cpu, i.rn());
    let r = sh.build(|e| u64::from(op(sh.get(n, e) as u32)));
    write(cpu, i.rd(), sh, r);
    Ok(())
}

/// `UnsignedRecipEstimate` (URECPE): all ones if bit 31 is clear, else
/// `RecipEstimate(operand<31:23>)<8:0> : Zeros(23)`.
pub fn unsigned_recip_estimate(op: u32) -> u32 {
    if op >> 31 == 0 {
        u32::MAX
    } else {
        fp::recip_estimate(op >> 23) << 23
    }
}

/// `UnsignedRSqrtEstimate` (URSQRTE): all ones if bits 31:30 are clear, else
/// `RecipSqrtEstimate(operand<31:23>)<8:0> : Zeros(23)`.
pub fn unsigned_rsqrt_estimate(op: u32) -> u32 {
    if op >> 30 == 0 {
        u32::MAX
    } else {
        fp::recip_sqrt_estimate(op >> 23) << 23
    }
}

/// `Vpart[d, part] = result` for a 64-bit result: part 0 is the low half with the
/// upper half cleared, part 1 the upper half with the lower half kept.
fn write_part(cpu: &mut Cpu, d: u32, part: bool, result: u64) {
    if part {
        let low = vreg(cpu, d) as u64;
        set_vreg(cpu, d, (u128::from(result) << 64) | u128::from(low));
    } else {
        set_vreg(cpu, d, u128::from(result));
    }
}

/// The narrowing conversions: `Elem[result, e, esize] = FPConvert(Elem[V[n], e,
/// 2*esize])` for the `64 / esize` elements, written to `Vpart[d, Q]`.
fn narrow(cpu: &mut Cpu, i: Insn, from: FpSize, to: FpSize, rounding: Option<FpRounding>) -> R {
    check_fp_enabled(cpu)?;
    let n = vreg(cpu, i.rn());
    let (wide, esize) = (from.width(), to.width());
    let r = with_fp(cpu, |c, f| {
        let rounding = rounding.unwrap_or(c.rounding());
        (0..64 / esize).fold(0u64, |r, e| {
            let x = fp::fp_convert(from, to, elem(n, e, wide), c, rounding, f);
            r | ((x & to.mask()) << (e * esize))
        })
    });
    write_part(cpu, i.rd(), i.bit(30), r);
    Ok(())
}

/// Arm ARM C7.2: FCVTN, FCVTN2. `sz = 0`: single to half (AHP honoured), `sz = 1`:
/// double to single, in the FPCR rounding mode.
pub fn fcvtn_vec(cpu: &mut Cpu, _: &mut dyn crate::platform::Platform, i: Insn) -> R {
    let (from, to) = if i.bit(22) { (FpSize::D, FpSize::S) } else { (FpSize::S, FpSize::H) };
    narrow(cpu, i, from, to, None)
}

/// Arm ARM C7.2: FCVTXN, FCVTXN2 (vector). Double to single with round-to-odd; `sz = 0`
/// is reserved.
pub fn fcvtxn_vec(cpu: &mut Cpu, _: &mut dyn crate::platform::Platform, i: Insn) -> R {
    if !i.bit(22) {
        return Err(undef(cpu));
    }
    narrow(cpu, i, FpSize::D, FpSize::S, Some(FpRounding::Odd))
}

/// Arm ARM C7.2: FCVTL, FCVTL2. `operand = Vpart[n, Q]`; `Elem[result, e, 2*esize] =
/// FPConvert(Elem[operand, e, esize])`: half to single (`sz = 0`, AHP honoured) or
/// single to double (`sz = 1`); `V[d]` is written in full.
pub fn fcvtl_vec(cpu: &mut Cpu, _: &mut dyn crate::platform::Platform, i: Insn) -> R {
    let (from, to) = if i.bit(22) { (FpSize::S, FpSize::D) } else { (FpSize::H, FpSize::S) };
    check_fp_enabled(cpu)?;
    let operand = (vreg(cpu, i.rn()) >> if i.bit(30) { 64 } else { 0 }) as u64;
    let (narrow, wide) = (from.width(), to.width());
    let r = with_fp(cpu, |c, f| {
        (0..64 / narrow).fold(0u128, |r, e| {
            let x = fp::fp_convert(from, to, elem(u128::from(operand), e, narrow), c, c.rounding(), f);
            r | (u128::from(x & to.mask()) << (e * wide))
        })
    });
    set_vreg(cpu, i.rd(), r);
    Ok(())
}

fp_handlers! { misc;
    /// Arm ARM C7.2: FABS (vector). `FPAbs(element)`.
    fabs_vec => |s, a, _, _| fp::fp_abs(s, a);
    /// Arm ARM C7.2: FNEG (vector). `FPNeg(element)`.
    fneg_vec => |s, a, _, _| fp::fp_neg(s, a);
    /// Arm ARM C7.2: FSQRT (vector). `FPSqrt(element)`.
    fsqrt_vec => fp::fp_sqrt;
    /// Arm ARM C7.2: FRINTN (vector). `FPRoundInt(element, TIEEVEN, exact = FALSE)`.
    frintn_vec => |s, a, c, f| fp::fp_round_int(s, a, c, FpRounding::TieEven, false, f);
    /// Arm ARM C7.2: FRINTP (vector). `FPRoundInt(element, POSINF, FALSE)`.
    frintp_vec => |s, a, c, f| fp::fp_round_int(s, a, c, FpRounding::PosInf, false, f);
    /// Arm ARM C7.2: FRINTM (vector). `FPRoundInt(element, NEGINF, FALSE)`.
    frintm_vec => |s, a, c, f| fp::fp_round_int(s, a, c, FpRounding::NegInf, false, f);
    /// Arm ARM C7.2: FRINTZ (vector). `FPRoundInt(element, ZERO, FALSE)`.
    frintz_vec => |s, a, c, f| fp::fp_round_int(s, a, c, FpRounding::Zero, false, f);
    /// Arm ARM C7.2: FRINTA (vector). `FPRoundInt(element, TIEAWAY, FALSE)`.
    frinta_vec => |s, a, c, f| fp::fp_round_int(s, a, c, FpRounding::TieAway, false, f);
    /// Arm ARM C7.2: FRINTX (vector). `FPRoundInt(element, FPCR rounding, exact = TRUE)`.
    frintx_vec => |s, a, c, f| fp::fp_round_int(s, a, c, c.rounding(), true, f);
    /// Arm ARM C7.2: FRINTI (vector). `FPRoundInt(element, FPCR rounding, FALSE)`.
    frinti_vec => |s, a, c, f| fp::fp_round_int(s, a, c, c.rounding(), false, f);
    /// Arm ARM C7.2: FCVTNS (vector). `FPToFixed(element, 0, signed, TIEEVEN)`.
    fcvtns_vec => |s, a, c, f| fp::fp_to_fixed(s, a, 0, false, s.width(), c, FpRounding::TieEven, f);
    /// Arm ARM C7.2: FCVTNU (vector). `FPToFixed(element, 0, unsigned, TIEEVEN)`.
    fcvtnu_vec => |s, a, c, f| fp::fp_to_fixed(s, a, 0, true, s.width(), c, FpRounding::TieEven, f);
    /// Arm ARM C7.2: FCVTPS (vector). `FPToFixed(element, 0, signed, POSINF)`.
    fcvtps_vec => |s, a, c, f| fp::fp_to_fixed(s, a, 0, false, s.width(), c, FpRounding::PosInf, f);
    /// Arm ARM C7.2: FCVTPU (vector). `FPToFixed(element, 0, unsigned, POSINF)`.
    fcvtpu_vec => |s, a, c, f| fp::fp_to_fixed(s, a, 0, true, s.width(), c, FpRounding::PosInf, f);
    /// Arm ARM C7.2: FCVTMS (vector). `FPToFixed(element, 0, signed, NEGINF)`.
    fcvtms_vec => |s, a, c, f| fp::fp_to_fixed(s, a, 0, false, s.width(), c, FpRounding::NegInf, f);
    /// Arm ARM C7.2: FCVTMU (vector). `FPToFixed(element, 0, unsigned, NEGINF)`.
    fcvtmu_vec => |s, a, c, f| fp::fp_to_fixed(s, a, 0, true, s.width(), c, FpRounding::NegInf, f);
    /// Arm ARM C7.2: FCVTZS (vector, integer). `FPToFixed(element, 0, signed, ZERO)`.
    fcvtzs_vec_int => |s, a, c, f| fp::fp_to_fixed(s, a, 0, false, s.width(), c, FpRounding::Zero, f);
    /// Arm ARM C7.2: FCVTZU (vector, integer). `FPToFixed(element, 0, unsigned, ZERO)`.
    fcvtzu_vec_int => |s, a, c, f| fp::fp_to_fixed(s, a, 0, true, s.width(), c, FpRounding::Zero, f);
    /// Arm ARM C7.2: FCVTAS (vector). `FPToFixed(element, 0, signed, TIEAWAY)`.
    fcvtas_vec => |s, a, c, f| fp::fp_to_fixed(s, a, 0, false, s.width(), c, FpRounding::TieAway, f);
    /// Arm ARM C7.2: FCVTAU (vector). `FPToFixed(element, 0, unsigned, TIEAWAY)`.
    fcvtau_vec => |s, a, c, f| fp::fp_to_fixed(s, a, 0, true, s.width(), c, FpRounding::TieAway, f);
    /// Arm ARM C7.2: SCVTF (vector, integer). `FixedToFP(element, 0, signed, FPCR rounding)`.
    scvtf_vec_int => |s, a, c, f| fp::fixed_to_fp(s, a, 0, false, s.width(), c, c.rounding(), f);
    /// Arm ARM C7.2: UCVTF (vector, integer). `FixedToFP(element, 0, unsigned, FPCR rounding)`.
    ucvtf_vec_int => |s, a, c, f| fp::fixed_to_fp(s, a, 0, true, s.width(), c, c.rounding(), f);
    /// Arm ARM C7.2: FCMEQ (zero, vector). All ones if `FPCompareEQ(element, 0)`.
    fcmeq_zero_vec => |s, a, c, f| mask_if(fp::fp_compare_eq(s, a, 0, c, f), s);
    /// Arm ARM C7.2: FCMGE (zero, vector). All ones if `FPCompareGE(element, 0)`.
    fcmge_zero_vec => |s, a, c, f| mask_if(fp::fp_compare_ge(s, a, 0, c, f), s);
    /// Arm ARM C7.2: FCMGT (zero, vector). All ones if `FPCompareGT(element, 0)`.
    fcmgt_zero_vec => |s, a, c, f| mask_if(fp::fp_compare_gt(s, a, 0, c, f), s);
    /// Arm ARM C7.2: FCMLE (zero, vector). All ones if `FPCompareGE(0, element)`.
    fcmle_zero_vec => |s, a, c, f| mask_if(fp::fp_compare_ge(s, 0, a, c, f), s);
    /// Arm ARM C7.2: FCMLT (zero, vector). All ones if `FPCompareGT(0, element)`.
    fcmlt_zero_vec => |s, a, c, f| mask_if(fp::fp_compare_gt(s, 0, a, c, f), s);
    /// Arm ARM C7.2: FRECPE (vector). `FPRecipEstimate(element)`.
    frecpe_vec => fp::fp_recip_estimate;
    /// Arm ARM C7.2: FRSQRTE (vector). `FPRSqrtEstimate(element)`.
    frsqrte_vec => fp::fp_rsqrt_estimate;
}

fp_handlers! { misc_u32;
    /// Arm ARM C7.2: URECPE. `UnsignedRecipEstimate(element)` on 32-bit lanes.
    urecpe_vec => unsigned_recip_estimate;
    /// Arm ARM C7.2: URSQRTE. `UnsignedRSqrtEstimate(element)` on 32-bit lanes.
    ursqrte_vec => unsigned_rsqrt_estimate;
}

#[cfg(test)]
#[path = "simd_fp_vec_misc_tests.rs"]
mod tests;
