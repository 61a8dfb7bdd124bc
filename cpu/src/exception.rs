//! Exception entry, routing and return (Arm ARM D1.10, D1.11; AArch64 only, no EL3).

use crate::ec;
use crate::state::{daif, CpuState};
use crate::sysreg::{hcr, Slot};

/// The four exception types and their vector offsets (Arm ARM D1.10.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExceptionType {
    /// Synchronous: +0x000.
    Sync = 0x000,
    /// IRQ or vIRQ: +0x080.
    Irq = 0x080,
    /// FIQ or vFIQ: +0x100.
    Fiq = 0x100,
    /// SError or vSError: +0x180.
    SError = 0x180,
}

/// An exception about to be taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Exception {
    /// Type (selects the vector offset).
    pub kind: ExceptionType,
    /// Target exception level (1 or 2).
    pub target_el: u32,
    /// ESR_ELx.EC (ignored for IRQ/FIQ, which do not write ESR).
    pub ec: u32,
    /// ESR_ELx.ISS.
    pub iss: u32,
    /// FAR_ELx to write (instruction/data aborts, PC alignment, watchpoints).
    pub far: Option<u64>,
    /// HPFAR_EL2 to write (stage-2 aborts): the faulting IPA.
    pub ipa: Option<u64>,
    /// Preferred return address (ELR); for most synchronous exceptions the address of
    /// the instruction, for SVC/HVC/SMC the next one.
    pub return_pc: u64,
}

/// Why an instruction did not complete normally.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Trap {
    /// Take this exception (boxed so that `Result<(), Trap>`, returned by every
    /// instruction handler, stays two registers wide).
    Exception(Box<Exception>),
    /// WFI: the PE waits for an interrupt. PC already points after the instruction.
    Wfi,
    /// The machine stops (PSCI SYSTEM_OFF/RESET), PC after the instruction.
    Stop,
    /// This PE powered off (PSCI CPU_OFF).
    CpuOff,
    /// Leave the run loop so the board can re-evaluate timers and interrupts (a timer or
    /// GIC register was written). PC already points after the instruction.
    Reschedule,
    /// WFE without a pending event: give the rest of the quantum to the other PEs.
    /// PC already points after the instruction.
    Yield,
}

/// The EL that an exception "to EL1 or EL2 as usual" goes to: a synchronous exception
/// from EL0 goes to EL2 when HCR_EL2.TGE=1 (Arm ARM D1.10.1), from EL2 stays at EL2.
#[inline]
pub fn default_target(s: &CpuState) -> u32 {
    match s.el {
        2 => 2,
        0 if s.sys[Slot::HCR_EL2 as usize] & hcr::TGE != 0 => 2,
        _ => 1,
    }
}

/// A synchronous exception of class `ec` with `iss`, returning to the faulting
/// instruction, to the default target EL.
pub fn sync(s: &CpuState, ec: u32, iss: u32) -> Trap {
    sync_to(s, default_target(s), ec, iss)
}

/// A synchronous exception to an explicit `target_el`.
pub fn sync_to(s: &CpuState, target_el: u32, ec: u32, iss: u32) -> Trap {
    Trap::Exception(Box::new(Exception {
        kind: ExceptionType::Sync,
        target_el,
        ec,
        iss,
        far: None,
        ipa: None,
        return_pc: s.pc,
    }))
}

/// UNDEFINED instruction (EC 0x00).
pub fn undefined(s: &CpuState) -> Trap {
    sync(s, ec::UNKNOWN, 0)
}

/// Take exception `e`: save PSTATE and the return address, switch EL and stack, mask
/// interrupts, write the syndrome and jump to the vector (Arm ARM D1.10.2,
/// AArch64.TakeException).
pub fn take(s: &mut CpuState, e: &Exception) {
    let t = e.target_el as usize;
    let (elr, spsr, esr, far, vbar) = match t {
        1 => (Slot::ELR_EL1, Slot::SPSR_EL1, Slot::ESR_EL1, Slot::FAR_EL1, Slot::VBAR_EL1),
        _ => (Slot::ELR_EL2, Slot::SPSR_EL2, Slot::ESR_EL2, Slot::FAR_EL2, Slot::VBAR_EL2),
    };
    let offset = if s.el < e.target_el {
        0x400 // lower EL using AArch64
    } else if s.spsel == 1 {
        0x200 // current EL with SP_ELx
    } else {
        0x000 // current EL with SP_EL0
    } + e.kind as u64;
    s.sys[spsr as usize] = s.pstate_to_spsr();
    s.sys[elr as usize] = e.return_pc;
    if e.kind == ExceptionType::Sync || e.kind == ExceptionType::SError {
        let il = 1u64 << 25;
        s.sys[esr as usize] = ((e.ec as u64) << 26) | il | (e.iss as u64 & 0x1ff_ffff);
    }
    if let Some(f) = e.far {
        s.sys[far as usize] = f;
    }
    if let Some(ipa) = e.ipa {
        // HPFAR_EL2.FIPA holds IPA[51:12] in bits 43:4 (Arm ARM D17.2.56).
        s.sys[Slot::HPFAR_EL2 as usize] = (ipa >> 12) << 4;
    }
    // PSTATE.PAN is set on entry to EL1 (and to EL2 in the EL2&0 regime) when
    // SCTLR_ELx.SPAN is 0 (Arm ARM D1.10.2, FEAT_PAN).
    let span = match t {
        1 => s.sys[Slot::SCTLR_EL1 as usize] & (1 << 23) == 0,
        _ => {
            let h = s.sys[Slot::HCR_EL2 as usize];
            h & hcr::E2H != 0 && h & hcr::TGE != 0 && s.sys[Slot::SCTLR_EL2 as usize] & (1 << 23) == 0
        }
    };
    if span {
        s.pan = 1;
    }
    s.el = e.target_el;
    s.spsel = 1;
    s.daif = daif::D | daif::A | daif::I | daif::F;
    s.excl_addr = u64::MAX;
    s.excl_size = 0;
    s.pc = (s.sys[vbar as usize] & !0x7ff) + offset;
}

/// ERET: restore PSTATE from SPSR_ELx and PC from ELR_ELx (Arm ARM D1.11,
/// AArch64.ExceptionReturn). An illegal return (to a higher EL, to AArch32, to EL2 from
/// EL1, to EL1 when TGE=1) sets PSTATE.IL and stays at the current EL, as the
/// architecture says; the next instruction then takes an Illegal State exception.
pub fn eret(s: &mut CpuState) -> Result<(), Trap> {
    let (elr, spsr) = match s.el {
        1 => (Slot::ELR_EL1, Slot::SPSR_EL1),
        2 => (Slot::ELR_EL2, Slot::SPSR_EL2),
        _ => return Err(undefined(s)),
    };
    let spsr = s.sys[spsr as usize];
    let target = s.sys[elr as usize];
    let m = (spsr & 0x1f) as u32;
    let new_el = (m >> 2) & 3;
    let hcr_v = s.sys[Slot::HCR_EL2 as usize];
    let illegal = m & 0x10 != 0 // AArch32
        || m & 2 != 0 // M[1] reserved
        || new_el > s.el
        || new_el == 3
        // With TGE=1 there is no EL1 to return to.
        || (new_el == 1 && hcr_v & hcr::TGE != 0)
        // HCR_EL2.RW=0 makes EL1 (and EL0 outside the EL2&0 regime) AArch32, which this
        // model does not implement: returning there is illegal.
        || (s.started_at_el2 != 0
            && new_el < 2
            && hcr_v & hcr::RW == 0
            && !(hcr_v & hcr::E2H != 0 && hcr_v & hcr::TGE != 0));
    s.excl_addr = u64::MAX;
    s.excl_size = 0;
    s.nzcv = (spsr as u32) & 0xf000_0000;
    s.daif = (spsr as u32) & 0x3c0;
    s.pan = ((spsr >> 22) & 1) as u32;
    if illegal {
        // PSTATE.IL: modelled by taking the Illegal State exception at once at the
        // return target with the current EL (equivalent observable outcome).
        s.pc = target;
        return Err(sync(s, ec::ILLEGAL_STATE, 0));
    }
    s.el = new_el;
    s.spsel = (m & 1) as u32;
    // Arm ARM D1.11: on return to AArch64, bits 63:56 of the address are not masked
    // here (no TBI on ELR); PC[1:0] misalignment is caught at fetch.
    s.pc = target;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sync_from_el0_goes_to_el1_vector_lower() {
        let mut s = CpuState::new(1);
        s.el = 0;
        s.spsel = 0;
        s.pc = 0x1000;
        s.daif = 0;
        s.nzcv = 0x6000_0000;
        s.sys[Slot::VBAR_EL1 as usize] = 0x8_0000;
        let Trap::Exception(e) = sync(&s, ec::SVC64, 7) else { panic!() };
        take(&mut s, &e);
        assert_eq!(s.el, 1);
        assert_eq!(s.pc, 0x8_0400);
        assert_eq!(s.sys[Slot::ESR_EL1 as usize], (0x15 << 26) | (1 << 25) | 7);
        assert_eq!(s.sys[Slot::SPSR_EL1 as usize], 0x6000_0000);
        assert_eq!(s.sys[Slot::ELR_EL1 as usize], 0x1000);
        assert_eq!(s.daif, 0x3c0);
        // ERET goes back to EL0 with the saved flags.
        eret(&mut s).unwrap();
        assert_eq!((s.el, s.pc, s.nzcv, s.daif), (0, 0x1000, 0x6000_0000, 0));
    }

    #[test]
    fn tge_routes_el0_sync_to_el2() {
        let mut s = CpuState::new(2);
        s.el = 0;
        s.sys[Slot::HCR_EL2 as usize] = hcr::TGE | hcr::RW;
        s.sys[Slot::VBAR_EL2 as usize] = 0x10_0000;
        let Trap::Exception(e) = undefined(&s) else { panic!() };
        assert_eq!(e.target_el, 2);
        take(&mut s, &e);
        assert_eq!(s.pc, 0x10_0400);
    }

    #[test]
    fn eret_to_higher_el_is_illegal() {
        let mut s = CpuState::new(1);
        s.sys[Slot::SPSR_EL1 as usize] = 0b01001; // EL2h
        s.sys[Slot::ELR_EL1 as usize] = 0x4000;
        let r = eret(&mut s);
        assert!(matches!(r, Err(Trap::Exception(e)) if e.ec == ec::ILLEGAL_STATE));
        assert_eq!(s.el, 1);
    }
}
