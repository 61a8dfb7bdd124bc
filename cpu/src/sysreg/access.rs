//! MRS and MSR (register) semantics: existence, EL and access checks, traps, FEAT_VHE
//! redirection, then storage or hook (Arm ARM C5.2, D17 "Accessibility" pseudocode).

use super::table::{e2h_redirect, el12_target};
use super::traps::{self, TrapTo};
use super::{hcr, lookup, Access, Hook, Slot, SysRegDesc};
use crate::ec;
use crate::exception::{self, Trap};
use crate::interp::Cpu;
use crate::platform::{ExtReg, Platform};
use crate::state::CpuState;

/// Unlisted encodings in the ID space (op0=3, op1=0, CRn=0, CRm=1..7) are reserved
/// "RAZ" registers (Arm ARM D17.2, Table "Reserved ID registers"): they read as zero
/// from EL1 and above, and trap with HCR_EL2.TID3.
fn is_reserved_id(key: u16) -> bool {
    let k = key as u32;
    k >> 14 == 3 && (k >> 11) & 7 == 0 && (k >> 7) & 15 == 0 && matches!((k >> 3) & 15, 1..=7)
}

fn trap(s: &CpuState, t: TrapTo, key: u16, rt: u32, read: bool) -> Trap {
    match t.ec {
        ec::SYSREG => exception::sync_to(s, t.el, ec::SYSREG, traps::sysreg_iss(key, rt, read)),
        // EC 0x07 ISS for AArch64: CV=1, COND=0b1110.
        ec::FP_ACCESS => exception::sync_to(s, t.el, ec::FP_ACCESS, 0x01e0_0000),
        _ => exception::undefined(s),
    }
}

/// Resolve an access to `key` from the current EL: the descriptor and the slot that
/// holds the value, `None` for a reserved ID register that reads as zero, or the
/// exception the access takes.
fn resolve(cpu: &Cpu, key: u16, rt: u32, write: bool) -> Result<Option<(&'static SysRegDesc, Slot)>, Trap> {
    let s = &cpu.s;
    let Some(d) = lookup(key) else {
        if is_reserved_id(key) && s.el >= 1 && !write {
            if s.el == 1 && s.sys[Slot::HCR_EL2 as usize] & hcr::TID3 != 0 {
                return Err(exception::sync_to(s, 2, ec::SYSREG, traps::sysreg_iss(key, rt, true)));
            }
            return Ok(None);
        }
        // HCR_EL2.TIDCP: EL1 accesses to the IMPLEMENTATION DEFINED register space
        // (op0=3, CRn=11 or 15) trap to EL2 (Arm ARM D1.13.x); with no such registers
        // here they are otherwise UNDEFINED.
        let crn = (key >> 7) & 15;
        if key >> 14 == 3 && (crn == 11 || crn == 15) && s.el == 1 && s.sys[Slot::HCR_EL2 as usize] & hcr::TIDCP != 0 {
            return Err(exception::sync_to(s, 2, ec::SYSREG, traps::sysreg_iss(key, rt, !write)));
        }
        return Err(exception::undefined(s));
    };
    let und = || Err(exception::undefined(s));
    if s.el < d.min_el || (d.min_el == 2 && !cpu.has_el2) {
        return und();
    }
    match (d.access, write) {
        (Access::RO, true) | (Access::WO, false) => return und(),
        (Access::RoAtEl0, true) if s.el == 0 => return und(),
        (Access::WriteAtEl2, true) if s.el < 2 => return und(),
        _ => {}
    }
    if !cpu.model.has_pan() && d.slot == Slot::PAN {
        return und();
    }
    let h = s.sys[Slot::HCR_EL2 as usize];
    let e2h = h & hcr::E2H != 0;
    let mut slot = d.slot;
    if d.hook == Hook::El12 {
        if !(s.el == 2 && e2h) {
            return und();
        }
        slot = el12_target(slot).expect("every El12 line has a target");
        return Ok(Some((d, slot)));
    }
    if let Some(t) = traps::check(s, d, write) {
        return Err(trap(s, t, key, rt, !write));
    }
    let host_el0 = s.el == 0 && e2h && h & hcr::TGE != 0;
    if e2h && (s.el == 2 || host_el0) {
        if let Some(r) = e2h_redirect(slot) {
            slot = r;
        }
    }
    Ok(Some((d, slot)))
}

fn gic_reg(cpu: &Cpu, d: &SysRegDesc) -> ExtReg {
    let h = cpu.s.sys[Slot::HCR_EL2 as usize];
    // ICC_* accesses from EL1 become ICV_* accesses when the matching HCR_EL2 routing
    // bit is set (IMO for group 1, FMO for group 0, either for shared registers;
    // Arm IHI 0069 8.2 "Virtual CPU interface").
    let group0 = matches!(
        d.slot,
        Slot::ICC_IAR0_EL1
            | Slot::ICC_EOIR0_EL1
            | Slot::ICC_HPPIR0_EL1
            | Slot::ICC_BPR0_EL1
            | Slot::ICC_AP0R0_EL1
            | Slot::ICC_IGRPEN0_EL1
    );
    let routed = if group0 { h & hcr::FMO != 0 } else { h & (hcr::IMO | hcr::FMO) != 0 };
    let virtual_access = cpu.s.el == 1 && routed && h & hcr::TGE == 0 && d.min_el < 2;
    ExtReg { key: d.key, name: d.name, virtual_access }
}

/// The generic counter as seen through CNTVCT (physical count minus CNTVOFF_EL2, except
/// in the EL2&0 regime where the offset does not apply).
fn virtual_count(s: &CpuState) -> u64 {
    let h = s.sys[Slot::HCR_EL2 as usize];
    let host = h & hcr::E2H != 0 && (s.el == 2 || (s.el == 0 && h & hcr::TGE != 0));
    if host {
        s.counter()
    } else {
        s.counter().wrapping_sub(s.sys[Slot::CNTVOFF_EL2 as usize])
    }
}

/// The count a timer register (any of its CTL/CVAL/TVAL) compares against: physical
/// timers the physical count, the EL1 virtual timer the virtual count (minus CNTVOFF_EL2),
/// the EL2 virtual timer the count without offset. Shared with the board's timer outputs.
pub fn timer_count(s: &CpuState, slot: Slot) -> u64 {
    match slot {
        Slot::CNTV_TVAL_EL0 | Slot::CNTV_CTL_EL0 | Slot::CNTV_CVAL_EL0 => {
            s.counter().wrapping_sub(s.sys[Slot::CNTVOFF_EL2 as usize])
        }
        _ => s.counter(),
    }
}

/// The CVAL slot of the timer that `slot` belongs to.
fn cval_of(slot: Slot) -> Option<Slot> {
    Some(match slot {
        Slot::CNTP_TVAL_EL0 | Slot::CNTP_CTL_EL0 => Slot::CNTP_CVAL_EL0,
        Slot::CNTV_TVAL_EL0 | Slot::CNTV_CTL_EL0 => Slot::CNTV_CVAL_EL0,
        Slot::CNTHP_TVAL_EL2 | Slot::CNTHP_CTL_EL2 => Slot::CNTHP_CVAL_EL2,
        Slot::CNTHV_TVAL_EL2 | Slot::CNTHV_CTL_EL2 => Slot::CNTHV_CVAL_EL2,
        _ => return None,
    })
}

fn read_timer(s: &CpuState, slot: Slot) -> u64 {
    match slot {
        Slot::CNTPCT_EL0 => s.counter(),
        Slot::CNTVCT_EL0 => virtual_count(s),
        Slot::CNTP_TVAL_EL0 | Slot::CNTV_TVAL_EL0 | Slot::CNTHP_TVAL_EL2 | Slot::CNTHV_TVAL_EL2 => {
            let cval = s.sys[cval_of(slot).unwrap() as usize];
            // TimerValue = CVAL - count, a signed 32-bit value (Arm ARM D11.2.4).
            cval.wrapping_sub(timer_count(s, slot)) as u32 as u64
        }
        Slot::CNTP_CTL_EL0 | Slot::CNTV_CTL_EL0 | Slot::CNTHP_CTL_EL2 | Slot::CNTHV_CTL_EL2 => {
            let ctl = s.sys[slot as usize] & 3;
            let cval = s.sys[cval_of(slot).unwrap() as usize];
            let istatus = ctl & 1 != 0 && timer_count(s, slot) >= cval;
            ctl | ((istatus as u64) << 2)
        }
        _ => s.sys[slot as usize],
    }
}

fn write_timer(s: &mut CpuState, slot: Slot, v: u64) {
    match slot {
        Slot::CNTP_TVAL_EL0 | Slot::CNTV_TVAL_EL0 | Slot::CNTHP_TVAL_EL2 | Slot::CNTHV_TVAL_EL2 => {
            let cval = timer_count(s, slot).wrapping_add(v as u32 as i32 as i64 as u64);
            s.sys[cval_of(slot).unwrap() as usize] = cval;
        }
        Slot::CNTP_CTL_EL0 | Slot::CNTV_CTL_EL0 | Slot::CNTHP_CTL_EL2 | Slot::CNTHV_CTL_EL2 => {
            s.sys[slot as usize] = v & 3; // ENABLE, IMASK; ISTATUS is read-only
        }
        _ => s.sys[slot as usize] = v,
    }
}

fn read_pstate(s: &CpuState, slot: Slot) -> Result<u64, ()> {
    Ok(match slot {
        Slot::NZCV => s.nzcv as u64,
        Slot::DAIF => s.daif as u64,
        Slot::FPCR => s.fpcr as u64,
        Slot::FPSR => s.fpsr as u64,
        Slot::SP_EL0 if s.spsel == 0 => return Err(()),
        Slot::SP_EL0 => s.sp_el[0],
        Slot::SP_EL1 => s.sp_el[1],
        Slot::SPSel => s.spsel as u64,
        Slot::CurrentEL => (s.el as u64) << 2,
        Slot::PAN => (s.pan as u64) << 22,
        _ => s.sys[slot as usize],
    })
}

fn write_pstate(s: &mut CpuState, slot: Slot, v: u64) -> Result<(), ()> {
    match slot {
        Slot::NZCV => s.nzcv = v as u32 & 0xf000_0000,
        Slot::DAIF => s.daif = v as u32 & 0x3c0,
        // FPCR: AHP, DN, FZ, RMode, and the trap enables read as zero (not implemented).
        Slot::FPCR => s.fpcr = v as u32 & 0x07c0_0000,
        Slot::FPSR => s.fpsr = v as u32 & 0xf800_009f,
        Slot::SP_EL0 if s.spsel == 0 => return Err(()),
        Slot::SP_EL0 => s.sp_el[0] = v,
        Slot::SP_EL1 => s.sp_el[1] = v,
        Slot::SPSel => s.spsel = v as u32 & 1,
        Slot::PAN => s.pan = ((v >> 22) & 1) as u32,
        _ => s.sys[slot as usize] = v,
    }
    Ok(())
}

/// ISR_EL1 (Arm ARM D17.2.83): A, I, F pending bits, virtual ones when routed to EL2.
fn read_isr(s: &CpuState) -> u64 {
    use crate::state::lines;
    let h = s.sys[Slot::HCR_EL2 as usize];
    let virt = s.el < 2 && h & hcr::TGE == 0;
    let pick = |route: u64, phys: bool, v: bool| if virt && h & route != 0 { v } else { phys };
    let a = pick(hcr::AMO, s.lines & lines::SERROR != 0, h & hcr::VSE != 0);
    let i = pick(hcr::IMO, s.lines & lines::IRQ != 0, h & hcr::VI != 0 || s.lines & lines::VIRQ != 0);
    let f = pick(hcr::FMO, s.lines & lines::FIQ != 0, h & hcr::VF != 0 || s.lines & lines::VFIQ != 0);
    ((a as u64) << 8) | ((i as u64) << 7) | ((f as u64) << 6)
}

/// MRS Xt, <reg>.
pub fn mrs(cpu: &mut Cpu, plat: &mut dyn Platform, key: u16, rt: u32) -> Result<(), Trap> {
    let Some((d, slot)) = resolve(cpu, key, rt, false)? else {
        cpu.s.set_xr(rt, 0); // reserved ID register: RAZ
        return Ok(());
    };
    let s = &cpu.s;
    let v = match d.hook {
        Hook::Pstate => read_pstate(s, slot).map_err(|_| exception::undefined(s))?,
        Hook::Timer => read_timer(s, slot),
        Hook::Gic => {
            let r = gic_reg(cpu, d);
            if s.el == 1 && cpu.has_el2 && plat.ext_sysreg_traps(cpu.id, &cpu.s, r) {
                return Err(exception::sync_to(s, 2, ec::SYSREG, traps::sysreg_iss(key, rt, true)));
            }
            plat.ext_sysreg_read(cpu.id, &cpu.s, r)
        }
        Hook::VirtId if s.el == 1 && cpu.has_el2 => match slot {
            Slot::MIDR_EL1 => s.sys[Slot::VPIDR_EL2 as usize],
            _ => s.sys[Slot::VMPIDR_EL2 as usize],
        },
        Hook::Isr => read_isr(s),
        _ => s.sys[slot as usize],
    };
    cpu.s.set_xr(rt, v);
    Ok(())
}

/// Bits of HCR_EL2 this model implements (v8.0 + VHE's E2H when the model has it).
fn hcr_mask(cpu: &Cpu) -> u64 {
    let all = (1u64 << 38) - 1;
    if cpu.model.has_vhe() {
        all
    } else {
        all & !hcr::E2H
    }
}

/// MSR <reg>, Xt. `Err(Trap::Reschedule)` means the write completed and the board must
/// re-evaluate timers or interrupts.
pub fn msr(cpu: &mut Cpu, plat: &mut dyn Platform, key: u16, rt: u32) -> Result<(), Trap> {
    let Some((d, slot)) = resolve(cpu, key, rt, true)? else {
        return Err(exception::undefined(&cpu.s));
    };
    let v = cpu.s.xr(rt);
    match d.hook {
        Hook::Pstate => {
            write_pstate(&mut cpu.s, slot, v).map_err(|_| exception::undefined(&cpu.s))?;
        }
        Hook::Timer => {
            write_timer(&mut cpu.s, slot, v);
            return Err(Trap::Reschedule);
        }
        Hook::Gic => {
            let r = gic_reg(cpu, d);
            if cpu.s.el == 1 && cpu.has_el2 && plat.ext_sysreg_traps(cpu.id, &cpu.s, r) {
                return Err(exception::sync_to(&cpu.s, 2, ec::SYSREG, traps::sysreg_iss(key, rt, false)));
            }
            plat.ext_sysreg_write(cpu.id, &cpu.s, r, v);
            return Err(Trap::Reschedule);
        }
        _ => {
            let v = if slot == Slot::HCR_EL2 { v & hcr_mask(cpu) } else { v };
            let old = cpu.s.sys[slot as usize];
            cpu.s.sys[slot as usize] = v;
            if d.hook == Hook::Mmu || matches!(slot, Slot::SCTLR_EL1 | Slot::SCTLR_EL2) {
                if old != v {
                    // Base-address and context-ID writes change only what the tagged TLB
                    // tags by ASID/VMID; other controls (SCTLR, TCR, MAIR, HCR...) drop all.
                    match slot {
                        Slot::TTBR0_EL1
                        | Slot::TTBR1_EL1
                        | Slot::TTBR0_EL2
                        | Slot::TTBR1_EL2
                        | Slot::VTTBR_EL2
                        | Slot::CONTEXTIDR_EL1
                        | Slot::CONTEXTIDR_EL2 => cpu.flush_fast(),
                        _ => cpu.flush_translations(),
                    }
                }
                // HCR_EL2.VI/VF/VSE may raise a virtual interrupt at once.
                if slot == Slot::HCR_EL2 {
                    return Err(Trap::Reschedule);
                }
            }
        }
    }
    Ok(())
}
