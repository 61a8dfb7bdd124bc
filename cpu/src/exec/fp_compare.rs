//! Floating-point compare and conditional compare, Arm ARM C4.1.x: FCMP, FCMPE
//! (`M 0 S 11110 ftype 1 Rm op 1000 Rn opc2`, `opc2` = E:Z:000, Z comparing with +0.0)
//! and FCCMP, FCCMPE (`M 0 S 11110 ftype 1 Rm cond 01 Rn op nzcv`), single and double
//! precision (`ftype<1>` = 0 in the table lines). The result goes to PSTATE.NZCV.

use super::fp_scalar::{check_fp_enabled, read, size_bit22, with_fp, zero, R};
use crate::fp;
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::platform::Platform;

/// `PSTATE.<N,Z,C,V> = FPCompare(V[n], operand2, signal_all_nans, FPCR)`.
fn compare(cpu: &mut Cpu, i: Insn, signal_all_nans: bool, with_zero: bool) {
    let size = size_bit22(i);
    let a = read(cpu, i.rn(), size);
    let b = if with_zero { zero(size) } else { read(cpu, i.rm(), size) };
    let nzcv = with_fp(cpu, |c, f| fp::fp_compare(size, a, b, signal_all_nans, c, f));
    cpu.s.nzcv = u32::from(nzcv) << 28;
}

/// Arm ARM C7.2: FCMP: quiet compare of V`n` with V`m`, or with +0.0 when `opc2<3>`
/// (Z) is set (Rm is then ignored); Invalid Operation only for signalling NaNs.
pub fn fcmp(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    check_fp_enabled(cpu)?;
    compare(cpu, i, false, i.bit(3));
    Ok(())
}

/// Arm ARM C7.2: FCMPE: as FCMP, but any NaN operand raises Invalid Operation.
pub fn fcmpe(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    check_fp_enabled(cpu)?;
    compare(cpu, i, true, i.bit(3));
    Ok(())
}

/// `if ConditionHolds(cond) then PSTATE.NZCV = FPCompare(...) else PSTATE.NZCV = nzcv`:
/// no exception is raised when the condition fails.
fn cond_compare(cpu: &mut Cpu, i: Insn, signal_all_nans: bool) -> R {
    check_fp_enabled(cpu)?;
    if cpu.s.cond_holds(i.bits(15, 12)) {
        compare(cpu, i, signal_all_nans, false);
    } else {
        cpu.s.nzcv = i.bits(3, 0) << 28;
    }
    Ok(())
}

/// Arm ARM C7.2: FCCMP, quiet conditional compare.
pub fn fccmp(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    cond_compare(cpu, i, false)
}

/// Arm ARM C7.2: FCCMPE, signalling conditional compare.
pub fn fccmpe(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    cond_compare(cpu, i, true)
}

#[cfg(test)]
#[path = "fp_compare_tests.rs"]
mod tests;
