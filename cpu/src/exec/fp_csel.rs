//! Floating-point conditional select, Arm ARM C4.1.x
//! (`M 0 S 11110 ftype 1 Rm cond 11 Rn Rd`): FCSEL, single and double precision
//! (`ftype<1>` = 0 in the table line). Reads neither FPCR nor FPSR.

use super::fp_scalar::{check_fp_enabled, read, size_bit22, write, R};
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::platform::Platform;

/// Arm ARM C7.2: FCSEL, `V[d] = if ConditionHolds(cond) then V[n] else V[m]`.
pub fn fcsel(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    check_fp_enabled(cpu)?;
    let size = size_bit22(i);
    let src = if cpu.s.cond_holds(i.bits(15, 12)) { i.rn() } else { i.rm() };
    let r = read(cpu, src, size);
    write(cpu, i.rd(), size, r);
    Ok(())
}
