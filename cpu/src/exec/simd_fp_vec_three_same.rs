//! Advanced SIMD three same, floating-point vector forms (Arm ARM C4.1.x,
//! `0 Q U 01110 o1 sz 1 Rm opcode 1 Rn Rd` with opcode 11xxx): FADD, FSUB, FMUL, FDIV,
//! FMAX, FMIN, FMAXNM, FMINNM, FMLA, FMLS, FABD, FMULX, FRECPS, FRSQRTS, FCMEQ, FCMGE,
//! FCMGT, FACGE, FACGT and the pairwise FADDP, FMAXP, FMINP, FMAXNMP, FMINNMP.
//!
//! Decode (every form): `esize = 32 << sz`, `datasize = 64 << Q`, `sz:Q = 10` reserved.

use super::simd_fp::vreg;
use super::simd_fp_lanes::{fp_mulx, mask_if, with_fp, write, Bin, FpShape, R};
use crate::fp::{self, FpFlags, FpSize, Fpcr};
use crate::fp_handlers;
use crate::insn::Insn;
use crate::interp::Cpu;

/// A lane operation with the destination's element as third input:
/// `(size, element3, element1, element2, fpcr, flags)`.
pub type Tern = fn(FpSize, u64, u64, u64, Fpcr, &mut FpFlags) -> u64;

/// The element-wise family: `Elem[result, e] = op(Elem[V[n], e], Elem[V[m], e])`.
pub fn three_same(cpu: &mut Cpu, i: Insn, op: Bin) -> R {
    let sh = FpShape::vec(cpu, i)?;
    let (n, m) = (vreg(cpu, i.rn()), vreg(cpu, i.rm()));
    let r = with_fp(cpu, |c, f| sh.build(|e| op(sh.size, sh.get(n, e), sh.get(m, e), c, f)));
    write(cpu, i.rd(), sh, r);
    Ok(())
}

/// The accumulating family (FMLA, FMLS): `Elem[result, e] = op(Elem[V[d], e],
/// Elem[V[n], e], Elem[V[m], e])`.
pub fn three_same_acc(cpu: &mut Cpu, i: Insn, op: Tern) -> R {
    let sh = FpShape::vec(cpu, i)?;
    let (n, m, d) = (vreg(cpu, i.rn()), vreg(cpu, i.rm()), vreg(cpu, i.rd()));
    let r = with_fp(cpu, |c, f| sh.build(|e| op(sh.size, sh.get(d, e), sh.get(n, e), sh.get(m, e), c, f)));
    write(cpu, i.rd(), sh, r);
    Ok(())
}

/// The pairwise family: `concat = operand2:operand1`; `Elem[result, e] =
/// op(Elem[concat, 2e], Elem[concat, 2e+1])` (the lower-numbered element is `op1`).
pub fn pairwise(cpu: &mut Cpu, i: Insn, op: Bin) -> R {
    let sh = FpShape::vec(cpu, i)?;
    let (n, m) = (vreg(cpu, i.rn()), vreg(cpu, i.rm()));
    let k = sh.elements;
    // Element j of the 2 * datasize-bit concatenation.
    let cat = |j: u32| if j < k { sh.get(n, j) } else { sh.get(m, j - k) };
    let r = with_fp(cpu, |c, f| sh.build(|e| op(sh.size, cat(2 * e), cat(2 * e + 1), c, f)));
    write(cpu, i.rd(), sh, r);
    Ok(())
}

fp_handlers! { three_same;
    /// Arm ARM C7.2: FADD (vector). `FPAdd(element1, element2)`.
    fadd_vec => fp::fp_add;
    /// Arm ARM C7.2: FSUB (vector). `FPSub(element1, element2)`.
    fsub_vec => fp::fp_sub;
    /// Arm ARM C7.2: FMUL (vector). `FPMul(element1, element2)`.
    fmul_vec => fp::fp_mul;
    /// Arm ARM C7.2: FDIV (vector). `FPDiv(element1, element2)`.
    fdiv_vec => fp::fp_div;
    /// Arm ARM C7.2: FMAX (vector). `FPMax(element1, element2)`.
    fmax_vec => fp::fp_max;
    /// Arm ARM C7.2: FMIN (vector). `FPMin(element1, element2)`.
    fmin_vec => fp::fp_min;
    /// Arm ARM C7.2: FMAXNM (vector). `FPMaxNum(element1, element2)`.
    fmaxnm_vec => fp::fp_max_num;
    /// Arm ARM C7.2: FMINNM (vector). `FPMinNum(element1, element2)`.
    fminnm_vec => fp::fp_min_num;
    /// Arm ARM C7.2: FMULX (vector). `FPMulX(element1, element2)`.
    fmulx_vec => fp_mulx;
    /// Arm ARM C7.2: FABD (vector). `FPAbs(FPSub(element1, element2))`.
    fabd_vec => |s, a, b, c, f| fp::fp_abs(s, fp::fp_sub(s, a, b, c, f));
    /// Arm ARM C7.2: FRECPS (vector). `FPRecipStepFused(element1, element2)`.
    frecps_vec => fp::fp_recip_step_fused;
    /// Arm ARM C7.2: FRSQRTS (vector). `FPRSqrtStepFused(element1, element2)`.
    frsqrts_vec => fp::fp_rsqrt_step_fused;
    /// Arm ARM C7.2: FCMEQ (register, vector). All ones if `FPCompareEQ`.
    fcmeq_vec => |s, a, b, c, f| mask_if(fp::fp_compare_eq(s, a, b, c, f), s);
    /// Arm ARM C7.2: FCMGE (register, vector). All ones if `FPCompareGE`.
    fcmge_vec => |s, a, b, c, f| mask_if(fp::fp_compare_ge(s, a, b, c, f), s);
    /// Arm ARM C7.2: FCMGT (register, vector). All ones if `FPCompareGT`.
    fcmgt_vec => |s, a, b, c, f| mask_if(fp::fp_compare_gt(s, a, b, c, f), s);
    /// Arm ARM C7.2: FACGE (vector). `FPCompareGE(FPAbs(element1), FPAbs(element2))`.
    facge_vec => |s, a, b, c, f| {
        mask_if(fp::fp_compare_ge(s, fp::fp_abs(s, a), fp::fp_abs(s, b), c, f), s)
    };
    /// Arm ARM C7.2: FACGT (vector). `FPCompareGT(FPAbs(element1), FPAbs(element2))`.
    facgt_vec => |s, a, b, c, f| {
        mask_if(fp::fp_compare_gt(s, fp::fp_abs(s, a), fp::fp_abs(s, b), c, f), s)
    };
}

fp_handlers! { three_same_acc;
    /// Arm ARM C7.2: FMLA (vector). `FPMulAdd(Elem[V[d]], element1, element2)`, fused.
    fmla_vec => fp::fp_mul_add;
    /// Arm ARM C7.2: FMLS (vector). `FPMulAdd(Elem[V[d]], FPNeg(element1), element2)`.
    fmls_vec => |s, d, a, b, c, f| fp::fp_mul_add(s, d, fp::fp_neg(s, a), b, c, f);
}

fp_handlers! { pairwise;
    /// Arm ARM C7.2: FADDP (vector). `FPAdd` of adjacent pairs of `Vm:Vn`.
    faddp_vec => fp::fp_add;
    /// Arm ARM C7.2: FMAXP (vector). `FPMax` of adjacent pairs of `Vm:Vn`.
    fmaxp_vec => fp::fp_max;
    /// Arm ARM C7.2: FMINP (vector). `FPMin` of adjacent pairs of `Vm:Vn`.
    fminp_vec => fp::fp_min;
    /// Arm ARM C7.2: FMAXNMP (vector). `FPMaxNum` of adjacent pairs of `Vm:Vn`.
    fmaxnmp_vec => fp::fp_max_num;
    /// Arm ARM C7.2: FMINNMP (vector). `FPMinNum` of adjacent pairs of `Vm:Vn`.
    fminnmp_vec => fp::fp_min_num;
}

#[cfg(test)]
#[path = "simd_fp_vec_three_same_tests.rs"]
mod tests;
