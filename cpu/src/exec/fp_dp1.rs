//! Floating-point data-processing (1 source), Arm ARM C4.1.x
//! (`M 0 S 11110 ftype 1 opcode 10000 Rn Rd`): FABS, FNEG, FSQRT, FRINT[NPMZAXI]
//! (single and double; the table lines fix `ftype<1>` = 0) and FCVT between half, single
//! and double precision (`opc` = the destination type; half precision honours
//! FPCR.AHP). FMOV (register) is in `fp_move`.

use super::fp_scalar::{check_fp_enabled, read, size_bit22, with_fp, write, Un, R};
use crate::fp::{self, FpRounding, FpSize};
use crate::fp_handlers;
use crate::insn::Insn;
use crate::interp::Cpu;

/// The same-size family: `V[d] = op(V[n])`.
pub fn dp1(cpu: &mut Cpu, i: Insn, op: Un) -> R {
    check_fp_enabled(cpu)?;
    let size = size_bit22(i);
    let a = read(cpu, i.rn(), size);
    let r = with_fp(cpu, |c, f| op(size, a, c, f));
    write(cpu, i.rd(), size, r);
    Ok(())
}

/// Arm ARM C7.2: FCVT, `V[d] = FPConvert(V[n], FPCR, FPRoundingMode(FPCR))` from the
/// `ftype` format to the `opc` format.
pub fn fcvt(cpu: &mut Cpu, i: Insn, from: FpSize, to: FpSize) -> R {
    check_fp_enabled(cpu)?;
    let a = read(cpu, i.rn(), from);
    let r = with_fp(cpu, |c, f| fp::fp_convert(from, to, a, c, c.rounding(), f));
    write(cpu, i.rd(), to, r);
    Ok(())
}

macro_rules! fcvt_handlers {
    ($($(#[$m:meta])* $name:ident => $from:ident, $to:ident;)*) => {
        $(
            $(#[$m])*
            pub fn $name(cpu: &mut Cpu, _: &mut dyn crate::platform::Platform, i: Insn) -> R {
                fcvt(cpu, i, FpSize::$from, FpSize::$to)
            }
        )*
    };
}

fcvt_handlers! {
    /// Arm ARM C7.2: FCVT, single to double precision.
    fcvt_s_to_d => S, D;
    /// Arm ARM C7.2: FCVT, single to half precision.
    fcvt_s_to_h => S, H;
    /// Arm ARM C7.2: FCVT, double to single precision.
    fcvt_d_to_s => D, S;
    /// Arm ARM C7.2: FCVT, double to half precision.
    fcvt_d_to_h => D, H;
    /// Arm ARM C7.2: FCVT, half to single precision.
    fcvt_h_to_s => H, S;
    /// Arm ARM C7.2: FCVT, half to double precision.
    fcvt_h_to_d => H, D;
}

fp_handlers! { dp1;
    /// Arm ARM C7.2: FABS (scalar), `FPAbs` (no exceptions, NaNs included).
    fabs_scalar => |s, a, _, _| fp::fp_abs(s, a);
    /// Arm ARM C7.2: FNEG (scalar), `FPNeg`.
    fneg_scalar => |s, a, _, _| fp::fp_neg(s, a);
    /// Arm ARM C7.2: FSQRT (scalar), `FPSqrt`.
    fsqrt_scalar => fp::fp_sqrt;
    /// Arm ARM C7.2: FRINTN (scalar), to nearest with ties to even.
    frintn_scalar => |s, a, c, f| fp::fp_round_int(s, a, c, FpRounding::TieEven, false, f);
    /// Arm ARM C7.2: FRINTP (scalar), towards plus infinity.
    frintp_scalar => |s, a, c, f| fp::fp_round_int(s, a, c, FpRounding::PosInf, false, f);
    /// Arm ARM C7.2: FRINTM (scalar), towards minus infinity.
    frintm_scalar => |s, a, c, f| fp::fp_round_int(s, a, c, FpRounding::NegInf, false, f);
    /// Arm ARM C7.2: FRINTZ (scalar), towards zero.
    frintz_scalar => |s, a, c, f| fp::fp_round_int(s, a, c, FpRounding::Zero, false, f);
    /// Arm ARM C7.2: FRINTA (scalar), to nearest with ties away from zero.
    frinta_scalar => |s, a, c, f| fp::fp_round_int(s, a, c, FpRounding::TieAway, false, f);
    /// Arm ARM C7.2: FRINTX (scalar), FPCR rounding, Inexact when the value changes.
    frintx_scalar => |s, a, c, f| fp::fp_round_int(s, a, c, c.rounding(), true, f);
    /// Arm ARM C7.2: FRINTI (scalar), FPCR rounding.
    frinti_scalar => |s, a, c, f| fp::fp_round_int(s, a, c, c.rounding(), false, f);
}

#[cfg(test)]
#[path = "fp_dp1_tests.rs"]
mod tests;
