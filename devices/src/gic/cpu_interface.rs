//! The physical CPU interface state of one PE (ICC_*_EL1/EL2, Arm IHI 0069 12.2 and
//! 4.8 "Interrupt prioritization"): priority mask, binary points, group enables,
//! EOI mode and the active priority registers. Operations that need the distributor
//! (acknowledge, SGI generation) live in [`super::delivery`].

use super::regs::*;

/// ICC_CTLR_EL1.CBPR.
pub const CTLR_CBPR: u32 = 1 << 0;
/// ICC_CTLR_EL1.EOImode.
pub const CTLR_EOIMODE: u32 = 1 << 1;
/// ICC_CTLR_EL1 read-only fields: PRIbits (10:8) = 4, IDbits (13:11) = 0 (16 bits),
/// SEIS (14) = 0, A3V (15) = 1.
pub const CTLR_RO: u32 = (PRI_BITS - 1) << 8 | 1 << 15;
/// ICC_SRE_EL1: SRE, DFB, DIB all RAO/WI (system register interface only).
pub const SRE_EL1: u64 = 0x7;
/// ICC_SRE_EL2: SRE, DFB, DIB and Enable RAO/WI.
pub const SRE_EL2: u64 = 0xF;

/// Per-PE CPU interface registers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CpuInterface {
    /// ICC_PMR_EL1 (implemented bits only).
    pub pmr: u8,
    /// ICC_BPR0_EL1.
    pub bpr0: u8,
    /// ICC_BPR1_EL1 (as stored; reads honour CBPR).
    pub bpr1: u8,
    /// ICC_CTLR_EL1 writable bits (CBPR, EOImode).
    pub ctlr: u32,
    /// ICC_IGRPEN0_EL1.Enable.
    pub igrpen0: bool,
    /// ICC_IGRPEN1_EL1.Enable.
    pub igrpen1: bool,
    /// ICC_AP0R0_EL1: one bit per group-0 preemption level.
    pub ap0: u32,
    /// ICC_AP1R0_EL1: one bit per group-1 preemption level.
    pub ap1: u32,
}

impl Default for CpuInterface {
    fn default() -> Self {
        CpuInterface { pmr: 0, bpr0: MIN_BPR0, bpr1: MIN_BPR1, ctlr: 0, igrpen0: false, igrpen1: false, ap0: 0, ap1: 0 }
    }
}

/// Shift from a priority value to its active-priority bit: one bit per implemented
/// preemption level (5 bits of group priority, 32 levels, one 32-bit APR).
pub const APR_SHIFT: u32 = 8 - PRI_BITS;

/// The running priority given two active-priority bitmaps: the lowest set bit, or 0xFF
/// when idle (IHI 0069 4.8.4, ICC_RPR_EL1).
pub fn running_priority(ap0: u32, ap1: u32) -> u8 {
    let all = ap0 | ap1;
    if all == 0 {
        0xFF
    } else {
        (all.trailing_zeros() << APR_SHIFT) as u8
    }
}

/// The group (true = 1) of the highest active priority, `None` when idle.
pub fn highest_active_group(ap0: u32, ap1: u32) -> Option<bool> {
    if ap0 | ap1 == 0 {
        return None;
    }
    Some(ap0.trailing_zeros() > ap1.trailing_zeros())
}

/// Clear the highest active priority bit; returns the dropped priority (0xFF if none).
pub fn drop_priority(ap0: &mut u32, ap1: &mut u32) -> u8 {
    let Some(g1) = highest_active_group(*ap0, *ap1) else { return 0xFF };
    let reg = if g1 { ap1 } else { ap0 };
    let bit = reg.trailing_zeros();
    *reg &= !(1 << bit);
    (bit << APR_SHIFT) as u8
}

/// Group priority mask for a binary point (IHI 0069 4.8.3): group 0 uses `bpr` as is,
/// group 1 (single security state) one less.
pub fn gprio_mask(bpr: u8, group1: bool) -> u8 {
    let b = if group1 { bpr.saturating_sub(1) } else { bpr } as u32;
    (0xFFu32 << (b.min(7) + 1)) as u8
}

impl CpuInterface {
    /// The binary point that applies to `group1` interrupts (CBPR shares BPR0).
    pub fn effective_bpr(&self, group1: bool) -> (u8, bool) {
        if group1 && self.ctlr & CTLR_CBPR == 0 {
            (self.bpr1, true)
        } else {
            (self.bpr0, false)
        }
    }

    /// The mask selecting the group priority bits of a `group1` interrupt.
    pub fn group_mask(&self, group1: bool) -> u8 {
        let (bpr, g1) = self.effective_bpr(group1);
        gprio_mask(bpr, g1)
    }

    /// ICC_RPR_EL1.
    pub fn running_priority(&self) -> u8 {
        running_priority(self.ap0, self.ap1)
    }

    /// Whether an interrupt of priority `prio` in `group1` is signalled: below the
    /// priority mask and preempting the running priority (IHI 0069 4.8.5).
    pub fn can_signal(&self, prio: u8, group1: bool) -> bool {
        if prio >= self.pmr {
            return false;
        }
        let rprio = self.running_priority();
        let mask = self.group_mask(group1);
        rprio == 0xFF || (prio & mask) < (rprio & mask)
    }

    /// Record the acknowledge of an interrupt of priority `prio` in the APRs.
    pub fn activate(&mut self, prio: u8, group1: bool) {
        let bit = ((prio & self.group_mask(group1)) as u32 >> APR_SHIFT) & 31;
        if group1 {
            self.ap1 |= 1 << bit
        } else {
            self.ap0 |= 1 << bit
        }
    }

    /// ICC_EOIR priority drop for the register of `group1`. Returns false (and changes
    /// nothing) when the highest active priority is not of that group.
    pub fn eoi_drop(&mut self, group1: bool) -> bool {
        if highest_active_group(self.ap0, self.ap1) != Some(group1) {
            return false;
        }
        drop_priority(&mut self.ap0, &mut self.ap1);
        true
    }

    /// ICC_CTLR_EL1.EOImode is set: EOIR only drops priority, DIR deactivates.
    pub fn eoi_split(&self) -> bool {
        self.ctlr & CTLR_EOIMODE != 0
    }

    /// ICC_CTLR_EL1 read value.
    pub fn read_ctlr(&self) -> u64 {
        (self.ctlr | CTLR_RO) as u64
    }

    /// ICC_CTLR_EL1 write.
    pub fn write_ctlr(&mut self, v: u64) {
        self.ctlr = v as u32 & (CTLR_CBPR | CTLR_EOIMODE);
    }

    /// ICC_BPR0_EL1 / ICC_BPR1_EL1 read.
    pub fn read_bpr(&self, group1: bool) -> u64 {
        if !group1 {
            self.bpr0 as u64
        } else if self.ctlr & CTLR_CBPR != 0 {
            (self.bpr0 + 1).min(7) as u64
        } else {
            self.bpr1 as u64
        }
    }

    /// ICC_BPR0_EL1 / ICC_BPR1_EL1 write: values below the minimum set the minimum;
    /// BPR1 ignores writes while CBPR is set.
    pub fn write_bpr(&mut self, group1: bool, v: u64) {
        let v = (v & 7) as u8;
        if !group1 {
            self.bpr0 = v.max(MIN_BPR0);
        } else if self.ctlr & CTLR_CBPR == 0 {
            self.bpr1 = v.max(MIN_BPR1);
        }
    }
}
