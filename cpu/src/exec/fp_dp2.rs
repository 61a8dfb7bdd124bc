//! Floating-point data-processing (2 source), Arm ARM C4.1.x
//! (`M 0 S 11110 ftype 1 Rm opcode 10 Rn Rd`): FMUL, FDIV, FADD, FSUB, FMAX, FMIN,
//! FMAXNM, FMINNM and FNMUL (scalar), single and double precision. The table lines fix
//! `ftype<1>` = 0 (half precision needs FEAT_FP16; `ftype` = 10 is reserved).

use super::fp_scalar::{check_fp_enabled, read, size_bit22, with_fp, write, Bin, R};
use crate::fp;
use crate::fp_handlers;
use crate::insn::Insn;
use crate::interp::Cpu;

/// The family: `V[d] = op(V[n], V[m])` at `datasize` = 32 or 64 (`ftype`).
pub fn dp2(cpu: &mut Cpu, i: Insn, op: Bin) -> R {
    check_fp_enabled(cpu)?;
    let size = size_bit22(i);
    let (a, b) = (read(cpu, i.rn(), size), read(cpu, i.rm(), size));
    let r = with_fp(cpu, |c, f| op(size, a, b, c, f));
    write(cpu, i.rd(), size, r);
    Ok(())
}

fp_handlers! { dp2;
    /// Arm ARM C7.2: FMUL (scalar), `FPMul`.
    fmul_scalar => fp::fp_mul;
    /// Arm ARM C7.2: FDIV (scalar), `FPDiv`.
    fdiv_scalar => fp::fp_div;
    /// Arm ARM C7.2: FADD (scalar), `FPAdd`.
    fadd_scalar => fp::fp_add;
    /// Arm ARM C7.2: FSUB (scalar), `FPSub`.
    fsub_scalar => fp::fp_sub;
    /// Arm ARM C7.2: FMAX (scalar), `FPMax`.
    fmax_scalar => fp::fp_max;
    /// Arm ARM C7.2: FMIN (scalar), `FPMin`.
    fmin_scalar => fp::fp_min;
    /// Arm ARM C7.2: FMAXNM (scalar), `FPMaxNum`.
    fmaxnm_scalar => fp::fp_max_num;
    /// Arm ARM C7.2: FMINNM (scalar), `FPMinNum`.
    fminnm_scalar => fp::fp_min_num;
    /// Arm ARM C7.2: FNMUL (scalar), `FPNeg(FPMul(op1, op2))` (a NaN result is
    /// negated too).
    fnmul_scalar => |s, a, b, c, f| fp::fp_neg(s, fp::fp_mul(s, a, b, c, f));
}

#[cfg(test)]
#[path = "fp_dp2_tests.rs"]
mod tests;
