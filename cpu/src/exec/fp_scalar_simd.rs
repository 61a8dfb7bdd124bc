//! Advanced SIMD scalar floating-point forms, Arm ARM C4.1.x: "scalar three same"
//! (`01 U 11110 a sz 1 Rm opcode 1 Rn Rd`: FABD, FMULX, FRECPS, FRSQRTS, FCMEQ, FCMGE,
//! FCMGT, FACGE, FACGT) and "scalar two-register miscellaneous"
//! (`01 U 11110 a sz 10000 opcode 10 Rn Rd`: FCM{EQ,GE,GT,LE,LT} (zero), FRECPE,
//! FRSQRTE, FRECPX, FCVT{N,M,A,P,Z}{S,U}, SCVTF, UCVTF (integer in a V register of the
//! same size) and FCVTXN). `esize = 32 << sz`; the compares write `Ones(esize)` or
//! zero. The table lines fix `U`, `a` and the opcode.

use super::fp_scalar::{check_fp_enabled, read, size_bit22, undef, with_fp, write, zero, Bin, Un, R};
use super::simd_fp_lanes::{fp_mulx, mask_if};
use crate::fp::{self, FpRounding, FpSize};
use crate::fp_handlers;
use crate::insn::Insn;
use crate::interp::Cpu;

/// The three-same family: `V[d] = op(V[n], V[m])` at `esize`.
pub fn three_same(cpu: &mut Cpu, i: Insn, op: Bin) -> R {
    check_fp_enabled(cpu)?;
    let size = size_bit22(i);
    let (a, b) = (read(cpu, i.rn(), size), read(cpu, i.rm(), size));
    let r = with_fp(cpu, |c, f| op(size, a, b, c, f));
    write(cpu, i.rd(), size, r);
    Ok(())
}

/// The two-register family: `V[d] = op(V[n])` at `esize`.
pub fn misc(cpu: &mut Cpu, i: Insn, op: Un) -> R {
    check_fp_enabled(cpu)?;
    let size = size_bit22(i);
    let a = read(cpu, i.rn(), size);
    let r = with_fp(cpu, |c, f| op(size, a, c, f));
    write(cpu, i.rd(), size, r);
    Ok(())
}

/// `FPToFixed(op, 0, unsigned, FPCR, rounding)` at the operand's own width.
#[inline(always)]
fn to_int(s: FpSize, a: u64, unsigned: bool, c: fp::Fpcr, rounding: FpRounding, f: &mut fp::FpFlags) -> u64 {
    fp::fp_to_fixed(s, a, 0, unsigned, s.width(), c, rounding, f)
}

fp_handlers! { three_same;
    /// Arm ARM C7.2: FABD, scalar: `FPAbs(FPSub(op1, op2))`.
    fabd_scalar => |s, a, b, c, f| fp::fp_abs(s, fp::fp_sub(s, a, b, c, f));
    /// Arm ARM C7.2: FMULX, scalar: `FPMulX` (infinity times zero is +-2.0).
    fmulx_scalar => fp_mulx;
    /// Arm ARM C7.2: FRECPS, scalar: `FPRecipStepFused`.
    frecps_scalar => fp::fp_recip_step_fused;
    /// Arm ARM C7.2: FRSQRTS, scalar: `FPRSqrtStepFused`.
    frsqrts_scalar => fp::fp_rsqrt_step_fused;
    /// Arm ARM C7.2: FCMEQ (register), scalar: `FPCompareEQ`.
    fcmeq_scalar => |s, a, b, c, f| mask_if(fp::fp_compare_eq(s, a, b, c, f), s);
    /// Arm ARM C7.2: FCMGE (register), scalar: `FPCompareGE`.
    fcmge_scalar => |s, a, b, c, f| mask_if(fp::fp_compare_ge(s, a, b, c, f), s);
    /// Arm ARM C7.2: FCMGT (register), scalar: `FPCompareGT`.
    fcmgt_scalar => |s, a, b, c, f| mask_if(fp::fp_compare_gt(s, a, b, c, f), s);
    /// Arm ARM C7.2: FACGE, scalar: `FPCompareGE(FPAbs(op1), FPAbs(op2))`.
    facge_scalar => |s, a, b, c, f| mask_if(fp::fp_compare_ge(s, fp::fp_abs(s, a), fp::fp_abs(s, b), c, f), s);
    /// Arm ARM C7.2: FACGT, scalar: `FPCompareGT(FPAbs(op1), FPAbs(op2))`.
    facgt_scalar => |s, a, b, c, f| mask_if(fp::fp_compare_gt(s, fp::fp_abs(s, a), fp::fp_abs(s, b), c, f), s);
}

fp_handlers! { misc;
    /// Arm ARM C7.2: FCMEQ (zero), scalar: `FPCompareEQ(op, 0.0)`.
    fcmeq_zero_scalar => |s, a, c, f| mask_if(fp::fp_compare_eq(s, a, zero(s), c, f), s);
    /// Arm ARM C7.2: FCMGE (zero), scalar: `FPCompareGE(op, 0.0)`.
    fcmge_zero_scalar => |s, a, c, f| mask_if(fp::fp_compare_ge(s, a, zero(s), c, f), s);
    /// Arm ARM C7.2: FCMGT (zero), scalar: `FPCompareGT(op, 0.0)`.
    fcmgt_zero_scalar => |s, a, c, f| mask_if(fp::fp_compare_gt(s, a, zero(s), c, f), s);
    /// Arm ARM C7.2: FCMLE (zero), scalar: `FPCompareGE(0.0, op)`.
    fcmle_zero_scalar => |s, a, c, f| mask_if(fp::fp_compare_ge(s, zero(s), a, c, f), s);
    /// Arm ARM C7.2: FCMLT (zero), scalar: `FPCompareGT(0.0, op)`.
    fcmlt_zero_scalar => |s, a, c, f| mask_if(fp::fp_compare_gt(s, zero(s), a, c, f), s);
    /// Arm ARM C7.2: FRECPE, scalar: `FPRecipEstimate`.
    frecpe_scalar => fp::fp_recip_estimate;
    /// Arm ARM C7.2: FRSQRTE, scalar: `FPRSqrtEstimate`.
    frsqrte_scalar => fp::fp_rsqrt_estimate;
    /// Arm ARM C7.2: FRECPX, scalar: `FPRecpX`.
    frecpx_scalar => fp::fp_recpx;
    /// Arm ARM C7.2: FCVTNS (vector), scalar form: ties to even, signed.
    fcvtns_scalar => |s, a, c, f| to_int(s, a, false, c, FpRounding::TieEven, f);
    /// Arm ARM C7.2: FCVTNU (vector), scalar form: ties to even, unsigned.
    fcvtnu_scalar => |s, a, c, f| to_int(s, a, true, c, FpRounding::TieEven, f);
    /// Arm ARM C7.2: FCVTMS (vector), scalar form: towards minus infinity, signed.
    fcvtms_scalar => |s, a, c, f| to_int(s, a, false, c, FpRounding::NegInf, f);
    /// Arm ARM C7.2: FCVTMU (vector), scalar form: towards minus infinity, unsigned.
    fcvtmu_scalar => |s, a, c, f| to_int(s, a, true, c, FpRounding::NegInf, f);
    /// Arm ARM C7.2: FCVTAS (vector), scalar form: ties away, signed.
    fcvtas_scalar => |s, a, c, f| to_int(s, a, false, c, FpRounding::TieAway, f);
    /// Arm ARM C7.2: FCVTAU (vector), scalar form: ties away, unsigned.
    fcvtau_scalar => |s, a, c, f| to_int(s, a, true, c, FpRounding::TieAway, f);
    /// Arm ARM C7.2: FCVTPS (vector), scalar form: towards plus infinity, signed.
    fcvtps_scalar => |s, a, c, f| to_int(s, a, false, c, FpRounding::PosInf, f);
    /// Arm ARM C7.2: FCVTPU (vector), scalar form: towards plus infinity, unsigned.
    fcvtpu_scalar => |s, a, c, f| to_int(s, a, true, c, FpRounding::PosInf, f);
    /// Arm ARM C7.2: FCVTZS (vector, integer), scalar form: towards zero, signed.
    fcvtzs_scalar => |s, a, c, f| to_int(s, a, false, c, FpRounding::Zero, f);
    /// Arm ARM C7.2: FCVTZU (vector, integer), scalar form: towards zero, unsigned.
    fcvtzu_scalar => |s, a, c, f| to_int(s, a, true, c, FpRounding::Zero, f);
    /// Arm ARM C7.2: SCVTF (vector, integer), scalar form, FPCR rounding.
    scvtf_scalar => |s, a, c, f| fp::fixed_to_fp(s, a, 0, false, s.width(), c, c.rounding(), f);
    /// Arm ARM C7.2: UCVTF (vector, integer), scalar form, FPCR rounding.
    ucvtf_scalar => |s, a, c, f| fp::fixed_to_fp(s, a, 0, true, s.width(), c, c.rounding(), f);
}

/// Arm ARM C7.2: FCVTXN, scalar form (`sz` = 1; `sz` = 0 is reserved, UNDEFINED):
/// `V[d] = FPConvert(V[n] as double, FPCR, FPRounding_ODD)` as single precision.
pub fn fcvtxn_scalar(cpu: &mut Cpu, _: &mut dyn crate::platform::Platform, i: Insn) -> R {
    if !i.bit(22) {
        return Err(undef(cpu));
    }
    check_fp_enabled(cpu)?;
    let a = read(cpu, i.rn(), FpSize::D);
    let r = with_fp(cpu, |c, f| fp::fp_convert(FpSize::D, FpSize::S, a, c, FpRounding::Odd, f));
    write(cpu, i.rd(), FpSize::S, r);
    Ok(())
}

#[cfg(test)]
#[path = "fp_scalar_simd_tests.rs"]
mod tests;
