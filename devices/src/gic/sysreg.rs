//! System register accesses to the GIC, by encoding (Arm IHI 0069 12.2 ICC_*, 12.3
//! ICV_*, 12.4 ICH_*): the physical CPU interface, the virtual CPU interface (when the
//! CPU reports `virtual_access`) and the hypervisor controls.

use super::cpu_interface::{SRE_EL1, SRE_EL2};
use super::virt::VTR;
use super::Gicv3;
use el2emu_cpu::sysreg::{hcr, lookup, Slot};

fn slot_of(key: u16) -> Option<Slot> {
    lookup(key).map(|d| d.slot)
}

/// Index of an `ICH_LR<n>_EL2` slot.
fn lr_index(s: Slot) -> Option<usize> {
    Some(match s {
        Slot::ICH_LR0_EL2 => 0,
        Slot::ICH_LR1_EL2 => 1,
        Slot::ICH_LR2_EL2 => 2,
        Slot::ICH_LR3_EL2 => 3,
        _ => return None,
    })
}

impl Gicv3 {
    pub(crate) fn sysreg_read_impl(&mut self, cpu: usize, key: u16, virt: bool) -> u64 {
        use Slot::*;
        let Some(slot) = slot_of(key) else { return 0 };
        if cpu >= self.pes.len() {
            return 0;
        }
        if virt {
            let v = &mut self.pes[cpu].vif;
            return match slot {
                ICC_IAR0_EL1 => v.iar(false) as u64,
                ICC_IAR1_EL1 => v.iar(true) as u64,
                ICC_HPPIR0_EL1 => v.hppir(false) as u64,
                ICC_HPPIR1_EL1 => v.hppir(true) as u64,
                ICC_RPR_EL1 => v.rpr(),
                ICC_PMR_EL1 => v.read_pmr(),
                ICC_BPR0_EL1 => v.read_bpr(false),
                ICC_BPR1_EL1 => v.read_bpr(true),
                ICC_CTLR_EL1 => v.read_ctlr(),
                ICC_IGRPEN0_EL1 => v.read_igrpen(false),
                ICC_IGRPEN1_EL1 => v.read_igrpen(true),
                ICC_AP0R0_EL1 => v.ap0 as u64,
                ICC_AP1R0_EL1 => v.ap1 as u64,
                ICC_SRE_EL1 => SRE_EL1,
                _ => 0,
            };
        }
        match slot {
            ICC_IAR0_EL1 => self.acknowledge(cpu, false) as u64,
            ICC_IAR1_EL1 => self.acknowledge(cpu, true) as u64,
            ICC_HPPIR0_EL1 => self.hppir(cpu, false) as u64,
            ICC_HPPIR1_EL1 => self.hppir(cpu, true) as u64,
            _ => {
                let pe = &self.pes[cpu];
                let (icc, vif) = (&pe.icc, &pe.vif);
                match slot {
                    ICC_RPR_EL1 => icc.running_priority() as u64,
                    ICC_PMR_EL1 => icc.pmr as u64,
                    ICC_BPR0_EL1 => icc.read_bpr(false),
                    ICC_BPR1_EL1 => icc.read_bpr(true),
                    ICC_CTLR_EL1 => icc.read_ctlr(),
                    ICC_IGRPEN0_EL1 => icc.igrpen0 as u64,
                    ICC_IGRPEN1_EL1 => icc.igrpen1 as u64,
                    ICC_AP0R0_EL1 => icc.ap0 as u64,
                    ICC_AP1R0_EL1 => icc.ap1 as u64,
                    ICC_SRE_EL1 => SRE_EL1,
                    ICC_SRE_EL2 => SRE_EL2,
                    ICH_HCR_EL2 => vif.hcr as u64,
                    ICH_VTR_EL2 => VTR,
                    ICH_VMCR_EL2 => vif.vmcr as u64,
                    ICH_MISR_EL2 => vif.misr() as u64,
                    ICH_EISR_EL2 => vif.eisr(),
                    ICH_ELRSR_EL2 => vif.elrsr(),
                    ICH_AP0R0_EL2 => vif.ap0 as u64,
                    ICH_AP1R0_EL2 => vif.ap1 as u64,
                    s => lr_index(s).map_or(0, |i| vif.lrs[i]),
                }
            }
        }
    }

    pub(crate) fn sysreg_write_impl(&mut self, cpu: usize, key: u16, virt: bool, value: u64) {
        use Slot::*;
        let Some(slot) = slot_of(key) else { return };
        if cpu >= self.pes.len() {
            return;
        }
        let intid = (value & 0xFF_FFFF) as u32;
        if virt {
            let v = &mut self.pes[cpu].vif;
            let phys = match slot {
                ICC_EOIR0_EL1 => v.eoir(false, intid),
                ICC_EOIR1_EL1 => v.eoir(true, intid),
                ICC_DIR_EL1 => v.dir(intid),
                ICC_PMR_EL1 => return v.write_pmr(value),
                ICC_BPR0_EL1 => return v.write_bpr(false, value),
                ICC_BPR1_EL1 => return v.write_bpr(true, value),
                ICC_CTLR_EL1 => return v.write_ctlr(value),
                ICC_IGRPEN0_EL1 => return v.write_igrpen(false, value),
                ICC_IGRPEN1_EL1 => return v.write_igrpen(true, value),
                ICC_AP0R0_EL1 => return v.ap0 = value as u32,
                ICC_AP1R0_EL1 => return v.ap1 = value as u32,
                // SGI generation traps to EL2 with IMO/FMO (see `el1_access_traps`);
                // ICC_SRE_EL1 is fixed.
                _ => None,
            };
            if let Some(p) = phys {
                self.deactivate(cpu, p);
            }
            return;
        }
        match slot {
            ICC_EOIR0_EL1 => self.end_of_interrupt(cpu, false, intid),
            ICC_EOIR1_EL1 => self.end_of_interrupt(cpu, true, intid),
            ICC_DIR_EL1 => self.deactivate_write(cpu, intid),
            ICC_SGI0R_EL1 => self.send_sgi(cpu, value, false),
            ICC_SGI1R_EL1 => self.send_sgi(cpu, value, true),
            ICC_ASGI1R_EL1 => self.send_sgi(cpu, value, false),
            _ => {
                let pe = &mut self.pes[cpu];
                let (icc, vif) = (&mut pe.icc, &mut pe.vif);
                match slot {
                    ICC_PMR_EL1 => icc.pmr = value as u8 & super::regs::PRI_MASK,
                    ICC_BPR0_EL1 => icc.write_bpr(false, value),
                    ICC_BPR1_EL1 => icc.write_bpr(true, value),
                    ICC_CTLR_EL1 => icc.write_ctlr(value),
                    ICC_IGRPEN0_EL1 => icc.igrpen0 = value & 1 != 0,
                    ICC_IGRPEN1_EL1 => icc.igrpen1 = value & 1 != 0,
                    ICC_AP0R0_EL1 => icc.ap0 = value as u32,
                    ICC_AP1R0_EL1 => icc.ap1 = value as u32,
                    ICH_HCR_EL2 => vif.write_hcr(value),
                    ICH_VMCR_EL2 => vif.write_vmcr(value),
                    ICH_AP0R0_EL2 => vif.ap0 = value as u32,
                    ICH_AP1R0_EL2 => vif.ap1 = value as u32,
                    s => {
                        if let Some(i) = lr_index(s) {
                            vif.write_lr(i, value);
                        }
                    }
                }
            }
        }
    }

    /// Whether an access from EL1 (EL2 enabled) to GIC system register `key` traps to
    /// EL2 because of ICH_HCR_EL2.{TC, TALL0, TALL1} of PE `cpu` or, for the SGI
    /// generation registers, HCR_EL2.{IMO, FMO} (IHI 0069 12.2 accessibility rules).
    /// The CPU must check this before forwarding the access.
    pub fn el1_access_traps(&self, cpu: usize, key: u16, hcr_el2: u64) -> bool {
        use super::virt::hcr as ich;
        use Slot::*;
        let Some(slot) = slot_of(key) else { return false };
        let h = self.pes.get(cpu).map_or(0, |pe| pe.vif.hcr);
        match slot {
            ICC_SGI0R_EL1 | ICC_SGI1R_EL1 | ICC_ASGI1R_EL1 => h & ich::TC != 0 || hcr_el2 & (hcr::IMO | hcr::FMO) != 0,
            ICC_CTLR_EL1 | ICC_DIR_EL1 | ICC_PMR_EL1 | ICC_RPR_EL1 => h & ich::TC != 0,
            ICC_IAR0_EL1 | ICC_EOIR0_EL1 | ICC_HPPIR0_EL1 | ICC_BPR0_EL1 | ICC_AP0R0_EL1 | ICC_IGRPEN0_EL1 => {
                h & ich::TALL0 != 0
            }
            ICC_IAR1_EL1 | ICC_EOIR1_EL1 | ICC_HPPIR1_EL1 | ICC_BPR1_EL1 | ICC_AP1R0_EL1 | ICC_IGRPEN1_EL1 => {
                h & ich::TALL1 != 0
            }
            _ => false,
        }
    }
}
