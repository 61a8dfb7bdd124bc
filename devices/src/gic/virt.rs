//! The virtual CPU interface of one PE (Arm IHI 0069 chapter 6 "Virtual interrupt
//! handling", 12.4 ICH_* and 12.3 ICV_* registers): hypervisor controls, list
//! registers, the virtual machine's view through ICV_*, and the maintenance interrupt.

use super::cpu_interface::{drop_priority, gprio_mask, highest_active_group, running_priority, APR_SHIFT};
use super::regs::*;
use el2emu_cpu::state::lines;

use super::ich_fields::LR_MASK;
pub use super::ich_fields::{hcr, lr, misr, vmcr, NUM_LRS, VTR};

fn lr_prio(v: u64) -> u8 {
    (v >> lr::PRIORITY_SHIFT) as u8
}

fn lr_vintid(v: u64) -> u32 {
    (v & lr::VINTID_MASK) as u32
}

fn lr_group1(v: u64) -> bool {
    v & lr::GROUP != 0
}

fn lr_state(v: u64) -> u64 {
    v >> 62
}

/// The virtual CPU interface of one PE.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VirtInterface {
    /// ICH_HCR_EL2.
    pub hcr: u32,
    /// ICH_VMCR_EL2.
    pub vmcr: u32,
    /// `ICH_LR<n>_EL2`.
    pub lrs: [u64; NUM_LRS],
    /// ICH_AP0R0_EL2 (ICV_AP0R0_EL1).
    pub ap0: u32,
    /// ICH_AP1R0_EL2 (ICV_AP1R0_EL1).
    pub ap1: u32,
}

impl VirtInterface {
    /// A virtual interface at reset (VFIQEn RES1, binary points at their minimum).
    pub fn new() -> Self {
        let mut v = VirtInterface::default();
        v.write_vmcr(0);
        v
    }

    fn field(&self, shift: u32, bits: u32) -> u32 {
        (self.vmcr >> shift) & ((1 << bits) - 1)
    }

    fn set_field(&mut self, shift: u32, bits: u32, value: u32) {
        let mask = ((1u32 << bits) - 1) << shift;
        self.vmcr = (self.vmcr & !mask) | ((value << shift) & mask);
    }

    /// ICH_HCR_EL2 write.
    pub fn write_hcr(&mut self, v: u64) {
        self.hcr = v as u32 & hcr::WRITABLE;
    }

    /// ICH_VMCR_EL2 write: VAckCtl RES0, VFIQEn RES1, binary points clamped to their
    /// minimum, unimplemented VPMR bits zero.
    pub fn write_vmcr(&mut self, v: u64) {
        use vmcr::*;
        let keep = VENG0 | VENG1 | VCBPR | VEOIM | 0x3F << VBPR1_SHIFT | (PRI_MASK as u32) << VPMR_SHIFT;
        self.vmcr = (v as u32 & keep) | VFIQEN;
        let b0 = self.field(VBPR0_SHIFT, 3).max(MIN_BPR0 as u32);
        let b1 = self.field(VBPR1_SHIFT, 3).max(MIN_BPR1 as u32);
        self.set_field(VBPR0_SHIFT, 3, b0);
        self.set_field(VBPR1_SHIFT, 3, b1);
    }

    /// `ICH_LR<n>_EL2` write (unimplemented priority bits and RES0 fields dropped).
    pub fn write_lr(&mut self, n: usize, v: u64) {
        if let Some(l) = self.lrs.get_mut(n) {
            *l = v & LR_MASK;
        }
    }

    /// ICH_EISR_EL2: LRs with State invalid, HW = 0 and EOI = 1.
    pub fn eisr(&self) -> u64 {
        let mut v = 0;
        for (i, &l) in self.lrs.iter().enumerate() {
            if l & (lr::ACTIVE | lr::PENDING | lr::HW | lr::EOI) == lr::EOI {
                v |= 1 << i;
            }
        }
        v
    }

    /// ICH_ELRSR_EL2: LRs that hold no interrupt and no pending EOI maintenance.
    pub fn elrsr(&self) -> u64 {
        let mut v = 0;
        for (i, &l) in self.lrs.iter().enumerate() {
            if lr_state(l) == 0 && (l & lr::HW != 0 || l & lr::EOI == 0) {
                v |= 1 << i;
            }
        }
        v
    }

    /// ICH_MISR_EL2.
    pub fn misr(&self) -> u32 {
        let h = self.hcr;
        let valid = self.lrs.iter().filter(|&&l| lr_state(l) != 0).count();
        let pending = self.lrs.iter().any(|&l| lr_state(l) == 1);
        let eng0 = self.vmcr & vmcr::VENG0 != 0;
        let eng1 = self.vmcr & vmcr::VENG1 != 0;
        let mut m = 0;
        let mut set = |cond: bool, bit: u32| {
            if cond {
                m |= bit
            }
        };
        set(self.eisr() != 0, misr::EOI);
        set(h & hcr::UIE != 0 && valid < 2, misr::U);
        set(h & hcr::LRENPIE != 0 && h >> hcr::EOICOUNT_SHIFT != 0, misr::LRENP);
        set(h & hcr::NPIE != 0 && !pending, misr::NP);
        set(h & hcr::VGRP0EIE != 0 && eng0, misr::VGRP0E);
        set(h & hcr::VGRP0DIE != 0 && !eng0, misr::VGRP0D);
        set(h & hcr::VGRP1EIE != 0 && eng1, misr::VGRP1E);
        set(h & hcr::VGRP1DIE != 0 && !eng1, misr::VGRP1D);
        m
    }

    /// Level of the maintenance interrupt: ICH_HCR_EL2.En and some MISR condition.
    pub fn maintenance_level(&self) -> bool {
        self.hcr & hcr::EN != 0 && self.misr() != 0
    }

    fn group_mask(&self, group1: bool) -> u8 {
        if group1 && self.vmcr & vmcr::VCBPR == 0 {
            gprio_mask(self.field(vmcr::VBPR1_SHIFT, 3) as u8, true)
        } else {
            gprio_mask(self.field(vmcr::VBPR0_SHIFT, 3) as u8, false)
        }
    }

    /// Index of the highest-priority pending LR of an enabled group.
    fn hppvi(&self) -> Option<usize> {
        let mut best: Option<(usize, u8)> = None;
        for (i, &l) in self.lrs.iter().enumerate() {
            let enabled = if lr_group1(l) { vmcr::VENG1 } else { vmcr::VENG0 };
            if lr_state(l) != 1 || self.vmcr & enabled == 0 {
                continue;
            }
            let p = lr_prio(l);
            if p < best.map_or(0xFF, |b| b.1) {
                best = Some((i, p));
            }
        }
        best.map(|b| b.0)
    }

    /// Whether the pending LR value `l` can be signalled (CanSignalVirtualInterrupt).
    fn can_signal(&self, l: u64) -> bool {
        if self.hcr & hcr::EN == 0 {
            return false;
        }
        let prio = lr_prio(l);
        if prio as u32 >= self.field(vmcr::VPMR_SHIFT, 8) {
            return false;
        }
        let rprio = self.rpr() as u8;
        let mask = self.group_mask(lr_group1(l));
        rprio == 0xFF || (prio & mask) < (rprio & mask)
    }

    /// The virtual interrupt lines (VIRQ for group 1, VFIQ for group 0).
    pub fn lines(&self) -> u32 {
        match self.hppvi() {
            Some(i) if self.can_signal(self.lrs[i]) => {
                if lr_group1(self.lrs[i]) {
                    lines::VIRQ
                } else {
                    lines::VFIQ
                }
            }
            _ => 0,
        }
    }

    /// ICV_RPR_EL1.
    pub fn rpr(&self) -> u64 {
        running_priority(self.ap0, self.ap1) as u64
    }

    /// ICV_IAR0/1_EL1: acknowledge the highest-priority pending LR of that group.
    pub fn iar(&mut self, group1: bool) -> u32 {
        let Some(i) = self.hppvi() else { return INTID_SPURIOUS };
        let l = self.lrs[i];
        if lr_group1(l) != group1 || !self.can_signal(l) {
            return INTID_SPURIOUS;
        }
        let intid = lr_vintid(l);
        if intid >= INTID_SPECIAL {
            // A special INTID in an LR goes from pending to invalid and is returned as is.
            self.lrs[i] &= !lr::PENDING;
            return intid;
        }
        self.lrs[i] = (l & !lr::PENDING) | lr::ACTIVE;
        let bit = ((lr_prio(l) & self.group_mask(group1)) as u32 >> APR_SHIFT) & 31;
        if group1 {
            self.ap1 |= 1 << bit
        } else {
            self.ap0 |= 1 << bit
        }
        intid
    }

    /// ICV_HPPIR0/1_EL1.
    pub fn hppir(&self, group1: bool) -> u32 {
        match self.hppvi() {
            Some(i) if lr_group1(self.lrs[i]) == group1 => lr_vintid(self.lrs[i]),
            _ => INTID_SPURIOUS,
        }
    }

    fn find_active(&self, intid: u32) -> Option<usize> {
        self.lrs.iter().position(|&l| l & lr::ACTIVE != 0 && lr_vintid(l) == intid)
    }

    fn bump_eoicount(&mut self) {
        let c = (self.hcr >> hcr::EOICOUNT_SHIFT).wrapping_add(1) & 0x1F;
        self.hcr = (self.hcr & !(0x1F << hcr::EOICOUNT_SHIFT)) | c << hcr::EOICOUNT_SHIFT;
    }

    /// Deactivate LR `i`; returns the physical INTID to deactivate for HW = 1.
    fn deactivate(&mut self, i: usize) -> Option<u32> {
        let l = self.lrs[i];
        self.lrs[i] = l & !lr::ACTIVE;
        let pintid = ((l >> lr::PINTID_SHIFT) & lr::PINTID_MASK) as u32;
        (l & lr::HW != 0 && pintid < INTID_SPECIAL).then_some(pintid)
    }

    /// ICV_EOIR0/1_EL1: priority drop, and deactivation unless VEOIM. Returns a physical
    /// INTID the caller must deactivate (LR with HW = 1).
    pub fn eoir(&mut self, group1: bool, intid: u32) -> Option<u32> {
        if intid >= INTID_SPECIAL {
            return None;
        }
        if highest_active_group(self.ap0, self.ap1) != Some(group1) {
            return None;
        }
        let dropped = drop_priority(&mut self.ap0, &mut self.ap1);
        if self.vmcr & vmcr::VEOIM != 0 {
            return None;
        }
        match self.find_active(intid) {
            None => {
                self.bump_eoicount();
                None
            }
            Some(i) => {
                let l = self.lrs[i];
                let gprio = lr_prio(l) & self.group_mask(group1);
                if lr_group1(l) == group1 && gprio == dropped {
                    self.deactivate(i)
                } else {
                    None
                }
            }
        }
    }

    /// ICV_DIR_EL1 (only with VEOIM = 1). Returns a physical INTID to deactivate.
    pub fn dir(&mut self, intid: u32) -> Option<u32> {
        if intid >= INTID_SPECIAL || self.vmcr & vmcr::VEOIM == 0 {
            return None;
        }
        match self.find_active(intid) {
            Some(i) => self.deactivate(i),
            None => {
                self.bump_eoicount();
                None
            }
        }
    }

    /// ICV_CTLR_EL1 read: CBPR, EOImode from ICH_VMCR_EL2; PRIbits, IDbits, SEIS, A3V
    /// from ICH_VTR_EL2.
    pub fn read_ctlr(&self) -> u64 {
        let cbpr = (self.vmcr & vmcr::VCBPR != 0) as u64;
        let eoim = (self.vmcr & vmcr::VEOIM != 0) as u64;
        cbpr | eoim << 1 | ((VTR >> 29) & 7) << 8 | ((VTR >> 21) & 1) << 15
    }

    /// ICV_CTLR_EL1 write.
    pub fn write_ctlr(&mut self, v: u64) {
        self.vmcr = (self.vmcr & !(vmcr::VCBPR | vmcr::VEOIM))
            | if v & 1 != 0 { vmcr::VCBPR } else { 0 }
            | if v & 2 != 0 { vmcr::VEOIM } else { 0 };
    }

    /// ICV_PMR_EL1 read.
    pub fn read_pmr(&self) -> u64 {
        self.field(vmcr::VPMR_SHIFT, 8) as u64
    }

    /// ICV_PMR_EL1 write.
    pub fn write_pmr(&mut self, v: u64) {
        self.set_field(vmcr::VPMR_SHIFT, 8, v as u32 & PRI_MASK as u32);
    }

    /// ICV_BPR0/1_EL1 read (BPR1 reads BPR0 + 1 while VCBPR is set).
    pub fn read_bpr(&self, group1: bool) -> u64 {
        let b0 = self.field(vmcr::VBPR0_SHIFT, 3);
        if !group1 {
            b0 as u64
        } else if self.vmcr & vmcr::VCBPR != 0 {
            (b0 + 1).min(7) as u64
        } else {
            self.field(vmcr::VBPR1_SHIFT, 3) as u64
        }
    }

    /// ICV_BPR0/1_EL1 write (clamped to the minimum; BPR1 ignored while VCBPR is set).
    pub fn write_bpr(&mut self, group1: bool, v: u64) {
        let v = v as u32 & 7;
        if !group1 {
            self.set_field(vmcr::VBPR0_SHIFT, 3, v.max(MIN_BPR0 as u32));
        } else if self.vmcr & vmcr::VCBPR == 0 {
            self.set_field(vmcr::VBPR1_SHIFT, 3, v.max(MIN_BPR1 as u32));
        }
    }

    /// ICV_IGRPEN0/1_EL1 read.
    pub fn read_igrpen(&self, group1: bool) -> u64 {
        let bit = if group1 { vmcr::VENG1 } else { vmcr::VENG0 };
        (self.vmcr & bit != 0) as u64
    }

    /// ICV_IGRPEN0/1_EL1 write.
    pub fn write_igrpen(&mut self, group1: bool, v: u64) {
        let bit = if group1 { vmcr::VENG1 } else { vmcr::VENG0 };
        if v & 1 != 0 {
            self.vmcr |= bit
        } else {
            self.vmcr &= !bit
        }
    }
}
