//! Trap rules for system register accesses (Arm ARM D1.13 "Configurable instruction
//! controls", and the per-register "Accessibility" pseudocode in D17).
//!
//! A rule names the control bit; [`check`] evaluates the rules of one register for one
//! access and says where (if anywhere) the access traps. Checks follow the priority of
//! the architecture: EL1-targeted traps (CPACR_EL1, SCTLR_EL1 EL0 enables, CNTKCTL_EL1)
//! before EL2-targeted ones for the same access.

use super::{cnthctl, cntkctl, cptr, hcr, mdcr, sctlr, Slot, SysRegDesc};
use crate::ec;
use crate::state::CpuState;

/// A condition under which an access traps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrapRule {
    /// HCR_EL2.TID1: reads of REVIDR_EL1, AIDR_EL1 from EL1.
    Tid1,
    /// HCR_EL2.TID2: CTR_EL0, CCSIDR_EL1, CLIDR_EL1, CSSELR_EL1 from EL0/EL1.
    Tid2,
    /// HCR_EL2.TID3: ID group 3 reads from EL1.
    Tid3,
    /// HCR_EL2.TVM: writes of the virtual memory controls from EL1.
    Tvm,
    /// HCR_EL2.TRVM: reads of the virtual memory controls from EL1.
    Trvm,
    /// HCR_EL2.TACR: ACTLR_EL1 from EL1.
    Tacr,
    /// CPTR_EL2.TCPAC: CPACR_EL1 from EL1.
    Tcpac,
    /// MDCR_EL2.TDA (or TDE): debug registers from EL0/EL1.
    Tda,
    /// MDCR_EL2.TDOSA: OS lock/powerdown registers from EL1.
    Tdosa,
    /// MDCR_EL2.TDRA: debug ROM registers.
    Tdra,
    /// MDCR_EL2.TPM: PMU registers from EL0/EL1.
    Tpm,
    /// MDCR_EL2.TPMCR: PMCR_EL0 from EL0/EL1.
    Tpmcr,
    /// FP/SIMD register (FPCR, FPSR): CPACR_EL1.FPEN and CPTR_EL2.TFP, EC 0x07.
    Fp,
    /// EL0 access to the physical counter (CNTKCTL_EL1.EL0PCTEN) and EL1 access when
    /// CNTHCTL_EL2.EL1PCTEN=0.
    PhysCounter,
    /// EL0 access to the virtual counter (CNTKCTL_EL1.EL0VCTEN).
    VirtCounter,
    /// EL0 access to the physical timer (CNTKCTL_EL1.EL0PTEN), EL1 when CNTHCTL_EL2.EL1PCEN=0.
    PhysTimer,
    /// EL0 access to the virtual timer (CNTKCTL_EL1.EL0VTEN).
    VirtTimer,
    /// EL0 read of CTR_EL0 needs SCTLR_EL1.UCT.
    Uct,
    /// EL0 read of DCZID_EL0 is always allowed; DC ZVA uses SCTLR_EL1.DZE (not here).
    Dze,
    /// EL0 access to DAIF needs SCTLR_EL1.UMA.
    Uma,
}

/// Where an access goes instead of completing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TrapTo {
    /// Target EL.
    pub el: u32,
    /// Exception class: 0x18 (MSR/MRS), 0x07 (FP), or 0x00 (UNDEFINED).
    pub ec: u32,
}

/// True when EL0 runs in the EL2&0 regime (HCR_EL2.{E2H,TGE} = {1,1}).
#[inline]
pub fn in_host_el0(s: &CpuState) -> bool {
    let h = s.sys[Slot::HCR_EL2 as usize];
    s.el == 0 && h & hcr::E2H != 0 && h & hcr::TGE != 0
}

/// Does the FP/SIMD unit trap at the current EL? Returns the target (Arm ARM D1.13.3,
/// CPACR_EL1.FPEN then CPTR_EL2.TFP or, with E2H, CPTR_EL2.FPEN).
pub fn fp_trap(s: &CpuState) -> Option<TrapTo> {
    let h = s.sys[Slot::HCR_EL2 as usize];
    let e2h = h & hcr::E2H != 0;
    let tge = h & hcr::TGE != 0;
    let to = |el| Some(TrapTo { el, ec: ec::FP_ACCESS });
    if s.el < 2 && !(e2h && tge) {
        let fpen = (s.sys[Slot::CPACR_EL1 as usize] >> 20) & 3;
        let trapped = match fpen {
            0b01 => s.el == 0,
            0b11 => false,
            _ => true,
        };
        if trapped {
            // With TGE=1 (and E2H=0) EL0 exceptions route to EL2.
            return to(if s.el == 0 && tge { 2 } else { 1 });
        }
    }
    let cptr_v = s.sys[Slot::CPTR_EL2 as usize];
    if e2h {
        // E2H=1 layout: CPTR_EL2.FPEN behaves like CPACR_EL1.FPEN for the EL2&0 regime,
        // and 0b00/0b10 also trap EL1 and EL2 (Arm ARM D17.2.30).
        let fpen = (cptr_v >> cptr::FPEN_SHIFT) & 3;
        let trapped = match fpen {
            0b01 => s.el == 0 && tge,
            0b11 => false,
            _ => true,
        };
        if trapped {
            return to(2);
        }
    } else if cptr_v & cptr::TFP != 0 {
        return to(2);
    }
    None
}

/// Evaluate the trap rules of `d` for an access from the current EL.
pub fn check(s: &CpuState, d: &SysRegDesc, write: bool) -> Option<TrapTo> {
    let el = s.el;
    let h = s.sys[Slot::HCR_EL2 as usize];
    let e2h = h & hcr::E2H != 0;
    let tge = h & hcr::TGE != 0;
    let host_el0 = el == 0 && e2h && tge;
    let mdcr_v = s.sys[Slot::MDCR_EL2 as usize];
    let cnthctl_v = s.sys[Slot::CNTHCTL_EL2 as usize];
    let el2 = |c: bool| if c { Some(TrapTo { el: 2, ec: ec::SYSREG }) } else { None };
    // EL0 traps go to EL1, or to EL2 when TGE=1.
    let el0_target = if tge { 2 } else { 1 };
    let el0 = |c: bool| if c { Some(TrapTo { el: el0_target, ec: ec::SYSREG }) } else { None };
    let el0_enable = |bit: u64| -> bool {
        // EL0 enables live in CNTKCTL_EL1, or in CNTHCTL_EL2 in the EL2&0 regime.
        if host_el0 {
            cnthctl_v & bit == 0
        } else {
            s.sys[Slot::CNTKCTL_EL1 as usize] & bit == 0
        }
    };
    for rule in d.traps {
        let hit = match rule {
            TrapRule::Fp => {
                if let Some(t) = fp_trap(s) {
                    return Some(t);
                }
                None
            }
            _ if el == 2 => None,
            TrapRule::Tid1 => el2(el == 1 && h & hcr::TID1 != 0 && !write),
            TrapRule::Tid2 => el2(!host_el0 && h & hcr::TID2 != 0),
            TrapRule::Tid3 => el2(el == 1 && h & hcr::TID3 != 0 && !write),
            TrapRule::Tvm => el2(el == 1 && write && h & hcr::TVM != 0),
            TrapRule::Trvm => el2(el == 1 && !write && h & hcr::TRVM != 0),
            TrapRule::Tacr => el2(el == 1 && h & hcr::TACR != 0),
            TrapRule::Tcpac => el2(el == 1 && s.sys[Slot::CPTR_EL2 as usize] & cptr::TCPAC != 0),
            TrapRule::Tda => el2(!host_el0 && mdcr_v & (mdcr::TDA | mdcr::TDE) != 0),
            TrapRule::Tdosa => el2(!host_el0 && mdcr_v & (mdcr::TDOSA | mdcr::TDE) != 0),
            TrapRule::Tdra => el2(!host_el0 && mdcr_v & (mdcr::TDRA | mdcr::TDE) != 0),
            TrapRule::Tpm => el2(!host_el0 && mdcr_v & mdcr::TPM != 0),
            TrapRule::Tpmcr => el2(!host_el0 && mdcr_v & (mdcr::TPMCR | mdcr::TPM) != 0),
            TrapRule::PhysCounter => {
                if el == 0 && el0_enable(cntkctl::EL0PCTEN) {
                    el0(true)
                } else if !e2h && cnthctl_v & cnthctl::EL1PCTEN == 0 {
                    el2(true)
                } else if e2h && !tge && cnthctl_v & cnthctl::EL1PCTEN_E2H == 0 {
                    el2(true)
                } else {
                    None
                }
            }
            TrapRule::VirtCounter => el0(el == 0 && el0_enable(cntkctl::EL0VCTEN)),
            TrapRule::PhysTimer => {
                if el == 0 && el0_enable(cntkctl::EL0PTEN) {
                    el0(true)
                } else if !e2h && cnthctl_v & cnthctl::EL1PCEN == 0 {
                    el2(true)
                } else if e2h && !tge && cnthctl_v & cnthctl::EL1PTEN_E2H == 0 {
                    el2(true)
                } else {
                    None
                }
            }
            TrapRule::VirtTimer => el0(el == 0 && el0_enable(cntkctl::EL0VTEN)),
            TrapRule::Uct => el0(el == 0 && current_sctlr(s) & sctlr::UCT == 0),
            TrapRule::Dze => None,
            TrapRule::Uma => el0(el == 0 && current_sctlr(s) & (1 << 9) == 0),
        };
        if hit.is_some() {
            return hit;
        }
    }
    None
}

/// The SCTLR of the current translation regime: SCTLR_EL2 at EL2 and at EL0 in the
/// EL2&0 regime (HCR_EL2.{E2H,TGE} = {1,1}), else SCTLR_EL1. It holds the alignment
/// checks (A, SA, SA0) and the EL0 enables (UCT, UCI, DZE, UMA, nTWI, nTWE).
pub fn current_sctlr(s: &CpuState) -> u64 {
    if s.el == 2 || in_host_el0(s) {
        s.sys[Slot::SCTLR_EL2 as usize]
    } else {
        s.sys[Slot::SCTLR_EL1 as usize]
    }
}

/// ISS of an EC 0x18 trap (Arm ARM D17.2.37, "ISS encoding for an exception from MSR,
/// MRS, or System instruction execution").
pub fn sysreg_iss(key: u16, rt: u32, read: bool) -> u32 {
    let k = key as u32;
    let op0 = k >> 14;
    let op1 = (k >> 11) & 7;
    let crn = (k >> 7) & 15;
    let crm = (k >> 3) & 15;
    let op2 = k & 7;
    (op0 << 20) | (op2 << 17) | (op1 << 14) | (crn << 10) | (rt << 5) | (crm << 1) | read as u32
}
