//! Branches (Arm ARM C6.2: B, BL, B.cond, BR, BLR, RET, CBZ, CBNZ, TBZ, TBNZ, ERET).

use crate::exception::{self, Trap};
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::platform::Platform;

type R = Result<(), Trap>;

/// B.cond: `if ConditionHolds(cond) then BranchTo(PC + imm19*4)`.
pub fn b_cond(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    if cpu.s.cond_holds(i.bits(3, 0)) {
        cpu.next_pc = cpu.s.pc.wrapping_add((i.sbits(23, 5) << 2) as u64);
    }
    Ok(())
}

/// B: PC-relative, ±128 MiB.
pub fn b(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    cpu.next_pc = cpu.s.pc.wrapping_add((i.sbits(25, 0) << 2) as u64);
    Ok(())
}

/// BL: B and X30 = PC + 4.
pub fn bl(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    cpu.s.x[30] = cpu.s.pc.wrapping_add(4);
    cpu.next_pc = cpu.s.pc.wrapping_add((i.sbits(25, 0) << 2) as u64);
    Ok(())
}

/// BR Xn.
pub fn br(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    cpu.next_pc = cpu.s.xr(i.rn());
    Ok(())
}

/// BLR Xn: the target is read before X30 is written (BLR X30 works).
pub fn blr(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let target = cpu.s.xr(i.rn());
    cpu.s.x[30] = cpu.s.pc.wrapping_add(4);
    cpu.next_pc = target;
    Ok(())
}

/// RET Xn (default X30).
pub fn ret(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    cpu.next_pc = cpu.s.xr(i.rn());
    Ok(())
}

/// ERET: UNDEFINED at EL0; otherwise restore PSTATE from SPSR and branch to ELR.
pub fn eret(cpu: &mut Cpu, _: &mut dyn Platform, _: Insn) -> R {
    if cpu.s.el == 0 {
        return Err(exception::undefined(&cpu.s));
    }
    exception::eret(&mut cpu.s)?;
    cpu.next_pc = cpu.s.pc;
    Ok(())
}

/// CBZ: branch if the register (32 or 64 bits) is zero.
pub fn cbz(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let v = crate::exec::trunc(cpu.s.xr(i.rt()), i.sf());
    if v == 0 {
        cpu.next_pc = cpu.s.pc.wrapping_add((i.sbits(23, 5) << 2) as u64);
    }
    Ok(())
}

/// CBNZ: branch if non-zero.
pub fn cbnz(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let v = crate::exec::trunc(cpu.s.xr(i.rt()), i.sf());
    if v != 0 {
        cpu.next_pc = cpu.s.pc.wrapping_add((i.sbits(23, 5) << 2) as u64);
    }
    Ok(())
}

fn test_bit(cpu: &Cpu, i: Insn) -> bool {
    let bit = (i.bits(31, 31) << 5) | i.bits(23, 19);
    (cpu.s.xr(i.rt()) >> bit) & 1 != 0
}

/// TBZ: branch if bit b5:b40 of Xt is zero.
pub fn tbz(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    if !test_bit(cpu, i) {
        cpu.next_pc = cpu.s.pc.wrapping_add((i.sbits(18, 5) << 2) as u64);
    }
    Ok(())
}

/// TBNZ: branch if the bit is one.
pub fn tbnz(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    if test_bit(cpu, i) {
        cpu.next_pc = cpu.s.pc.wrapping_add((i.sbits(18, 5) << 2) as u64);
    }
    Ok(())
}
