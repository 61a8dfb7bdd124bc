//! Exception generation, hints, barriers, PSTATE moves and system register moves
//! (Arm ARM C6.2: SVC, HVC, SMC, BRK, HLT, WFI, WFE, SEV, DMB, MSR, MRS, SYS).

use crate::ec;
use crate::exception::{self, Exception, ExceptionType, Trap};
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::platform::{FirmwareOutcome, Platform};
use crate::sysreg::{self, hcr, sctlr, traps, Slot};

type R = Result<(), Trap>;

/// A synchronous exception whose preferred return address is the next instruction
/// (SVC, HVC, SMC calls: Arm ARM D1.10.4).
fn call_exception(cpu: &Cpu, target_el: u32, ec_v: u32, imm: u32) -> Trap {
    Trap::Exception(Box::new(Exception {
        kind: ExceptionType::Sync,
        target_el,
        ec: ec_v,
        iss: imm,
        far: None,
        ipa: None,
        return_pc: cpu.s.pc.wrapping_add(4),
    }))
}

/// SVC #imm16: supervisor call to EL1 (EL2 with TGE from EL0; EL2 from EL2).
pub fn svc(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let t = exception::default_target(&cpu.s);
    Err(call_exception(cpu, t, ec::SVC64, i.bits(20, 5)))
}

fn firmware(cpu: &mut Cpu, plat: &mut dyn Platform) -> Option<R> {
    match plat.firmware_call(cpu.id, &mut cpu.s) {
        FirmwareOutcome::Handled => Some(Ok(())),
        FirmwareOutcome::Stop => Some(Err(Trap::Stop)),
        FirmwareOutcome::CpuOff => Some(Err(Trap::CpuOff)),
        FirmwareOutcome::NotHandled => None,
    }
}

/// HVC #imm16: UNDEFINED at EL0; to EL2 when EL2 exists; otherwise the PSCI conduit
/// of a CPU started at EL1 (QEMU's `virtualization=off` behaviour).
pub fn hvc(cpu: &mut Cpu, plat: &mut dyn Platform, i: Insn) -> R {
    if cpu.s.el == 0 {
        return Err(exception::undefined(&cpu.s));
    }
    if !cpu.has_el2 {
        return firmware(cpu, plat).unwrap_or_else(|| Err(exception::undefined(&cpu.s)));
    }
    // HCR_EL2.HCD: HVC is UNDEFINED at EL1 and EL2 (Arm ARM D17.2.48).
    if cpu.s.sys[Slot::HCR_EL2 as usize] & hcr::HCD != 0 {
        return Err(exception::undefined(&cpu.s));
    }
    Err(call_exception(cpu, 2, ec::HVC64, i.bits(20, 5)))
}

/// SMC #imm16: UNDEFINED at EL0; trapped to EL2 by HCR_EL2.TSC (return address is the
/// SMC itself); with no EL3, the PSCI conduit of a CPU started at EL2, else UNDEFINED.
pub fn smc(cpu: &mut Cpu, plat: &mut dyn Platform, i: Insn) -> R {
    let s = &cpu.s;
    if s.el == 0 {
        return Err(exception::undefined(s));
    }
    if s.el == 1 && cpu.has_el2 && s.sys[Slot::HCR_EL2 as usize] & hcr::TSC != 0 {
        return Err(exception::sync_to(s, 2, ec::SMC64, i.bits(20, 5)));
    }
    if s.started_at_el2 != 0 {
        if let Some(r) = firmware(cpu, plat) {
            return r;
        }
    }
    Err(exception::undefined(&cpu.s))
}

/// BRK #imm16: breakpoint instruction exception (EC 0x3C), to EL2 when MDCR_EL2.TDE
/// routes debug exceptions there.
pub fn brk(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let s = &cpu.s;
    let mut t = exception::default_target(s);
    if s.el < 2 && s.sys[Slot::MDCR_EL2 as usize] & sysreg::mdcr::TDE != 0 {
        t = 2;
    }
    Err(exception::sync_to(s, t, ec::BRK64, i.bits(20, 5)))
}

/// HLT: UNDEFINED, because halting debug is not enabled (Arm ARM C6.2.98).
pub fn hlt(cpu: &mut Cpu, _: &mut dyn Platform, _: Insn) -> R {
    Err(exception::undefined(&cpu.s))
}

/// ISS of a trapped WFI/WFE: CV=1, COND=0b1110, TI (Arm ARM D17.2.37).
fn wfx_iss(wfe: bool) -> u32 {
    (1 << 24) | (0xe << 20) | wfe as u32
}

fn wfx_trap(cpu: &Cpu, wfe: bool) -> Option<Trap> {
    let s = &cpu.s;
    if s.el == 0 && traps::current_sctlr(s) & if wfe { sctlr::NTWE } else { sctlr::NTWI } == 0 {
        let t = exception::default_target(s);
        return Some(exception::sync_to(s, t, ec::WFX, wfx_iss(wfe)));
    }
    let h = s.sys[Slot::HCR_EL2 as usize];
    if s.el < 2 && h & hcr::TGE == 0 && h & if wfe { hcr::TWE } else { hcr::TWI } != 0 {
        return Some(exception::sync_to(s, 2, ec::WFX, wfx_iss(wfe)));
    }
    None
}

/// The hint space: NOP, YIELD, WFE, WFI, SEV, SEVL; every other hint is a NOP
/// (Arm ARM C6.2.94: unallocated hints behave as NOP).
pub fn hint(cpu: &mut Cpu, plat: &mut dyn Platform, i: Insn) -> R {
    match i.bits(11, 5) {
        0b000_0011 => {
            // WFI
            if let Some(t) = wfx_trap(cpu, false) {
                return Err(t);
            }
            if cpu.wakeup_pending() {
                Ok(())
            } else {
                Err(Trap::Wfi)
            }
        }
        0b000_0010 => {
            // WFE
            if let Some(t) = wfx_trap(cpu, true) {
                return Err(t);
            }
            if cpu.s.event != 0 {
                cpu.s.event = 0;
                Ok(())
            } else if cpu.wakeup_pending() {
                Ok(())
            } else {
                Err(Trap::Yield)
            }
        }
        0b000_0100 => {
            // SEV
            cpu.s.event = 1;
            plat.send_event(cpu.id);
            Ok(())
        }
        0b000_0101 => {
            // SEVL
            cpu.s.event = 1;
            Ok(())
        }
        0b000_0001 => Err(Trap::Yield), // YIELD: let other PEs run
        _ => Ok(()),
    }
}

/// CLREX: clear the local exclusive monitor.
pub fn clrex(cpu: &mut Cpu, _: &mut dyn Platform, _: Insn) -> R {
    cpu.s.excl_addr = u64::MAX;
    cpu.s.excl_size = 0;
    Ok(())
}

/// DSB, DMB, ISB: the interpreter is in order and single-copy atomic, so barriers only
/// need to complete. (The JIT ends a block at ISB.)
pub fn barrier(_: &mut Cpu, _: &mut dyn Platform, _: Insn) -> R {
    Ok(())
}

/// MSR (immediate): SPSel, DAIFSet, DAIFClr, PAN (Arm ARM C6.2.230).
pub fn msr_imm(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let op1 = i.bits(18, 16);
    let op2 = i.bits(7, 5);
    let crm = i.bits(11, 8);
    let s = &mut cpu.s;
    match (op1, op2) {
        (0b000, 0b101) if s.el > 0 => s.spsel = crm & 1,
        (0b011, 0b110) | (0b011, 0b111) => {
            if s.el == 0 && traps::current_sctlr(s) & (1 << 9) == 0 {
                // SCTLR_ELx.UMA=0: EL0 DAIF access traps (ISS as for MSR/MRS).
                let t = exception::default_target(s);
                let iss = (op2 << 17) | (op1 << 14) | (4 << 10) | (31 << 5) | (crm << 1);
                return Err(exception::sync_to(s, t, ec::SYSREG, iss));
            }
            // A newly unmasked pending interrupt is taken before the next instruction.
            if op2 == 0b110 {
                s.daif |= crm << 6
            } else {
                s.daif &= !(crm << 6)
            }
        }
        (0b000, 0b100) if s.el > 0 && cpu.model.has_pan() => s.pan = crm & 1,
        _ => return Err(exception::undefined(s)),
    }
    Ok(())
}

/// The system register key of an MRS/MSR/SYS encoding: bits 20:5.
#[inline(always)]
fn sysreg_key(i: Insn) -> u16 {
    i.bits(20, 5) as u16
}

/// MSR <sysreg>, Xt.
pub fn msr_reg(cpu: &mut Cpu, plat: &mut dyn Platform, i: Insn) -> R {
    sysreg::access::msr(cpu, plat, sysreg_key(i), i.rt())
}

/// MRS Xt, <sysreg>.
pub fn mrs(cpu: &mut Cpu, plat: &mut dyn Platform, i: Insn) -> R {
    sysreg::access::mrs(cpu, plat, sysreg_key(i), i.rt())
}

/// SYS: cache maintenance, TLB maintenance, address translation.
pub fn sys(cpu: &mut Cpu, plat: &mut dyn Platform, i: Insn) -> R {
    super::sys_ops::sys(cpu, plat, i)
}

/// SYSL: no SYSL operations are allocated in ARMv8.0, so every encoding is UNDEFINED.
pub fn sysl(cpu: &mut Cpu, _: &mut dyn Platform, _: Insn) -> R {
    Err(exception::undefined(&cpu.s))
}
