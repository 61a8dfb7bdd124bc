//! Generic timer outputs (Arm ARM D11.2 "The AArch64 view of the Generic Timer"): the
//! interrupt level of each of a PE's four timers and when the next one will fire.
//!
//! Each timer fires when `CTL.ENABLE && !CTL.IMASK && count >= CVAL` (D11.2.4 "Timer
//! conditions"). Counts derive from virtual time only (`CpuState::counter()` =
//! `vtime >> 4`), never from the host clock.

use el2emu_cpu::state::COUNTER_SHIFT as VTIME_SHIFT;
use el2emu_cpu::sysreg::access::timer_count;
use el2emu_cpu::sysreg::Slot;
use el2emu_cpu::CpuState;

#[cfg(test)]
mod tests;

/// Timer PPIs on the `virt` board (INTIDs).
pub mod ppi {
    /// EL2 physical timer (CNTHP).
    pub const HYP_PHYS: u32 = 26;
    /// EL1 virtual timer (CNTV).
    pub const VIRT: u32 = 27;
    /// EL2 virtual timer (CNTHV, FEAT_VHE).
    pub const HYP_VIRT: u32 = 28;
    /// EL1 physical timer (CNTP).
    pub const PHYS: u32 = 30;
}

/// CNT*_CTL.ENABLE.
pub const CTL_ENABLE: u64 = 1 << 0;
/// CNT*_CTL.IMASK.
pub const CTL_IMASK: u64 = 1 << 1;

/// One timer: its PPI, control and compare registers (which count it compares against
/// is `el2emu_cpu::sysreg::access::timer_count`, shared with the timer registers).
struct TimerRegs {
    ppi: u32,
    ctl: Slot,
    cval: Slot,
}

const TIMERS: [TimerRegs; 4] = [
    TimerRegs { ppi: ppi::PHYS, ctl: Slot::CNTP_CTL_EL0, cval: Slot::CNTP_CVAL_EL0 },
    TimerRegs { ppi: ppi::VIRT, ctl: Slot::CNTV_CTL_EL0, cval: Slot::CNTV_CVAL_EL0 },
    TimerRegs { ppi: ppi::HYP_PHYS, ctl: Slot::CNTHP_CTL_EL2, cval: Slot::CNTHP_CVAL_EL2 },
    TimerRegs { ppi: ppi::HYP_VIRT, ctl: Slot::CNTHV_CTL_EL2, cval: Slot::CNTHV_CVAL_EL2 },
];

impl TimerRegs {
    /// The count this timer compares against.
    fn count(&self, s: &CpuState) -> u64 {
        timer_count(s, self.cval)
    }

    /// Enabled and not masked.
    fn armed(&self, s: &CpuState) -> bool {
        s.sys[self.ctl as usize] & (CTL_ENABLE | CTL_IMASK) == CTL_ENABLE
    }

    fn cval(&self, s: &CpuState) -> u64 {
        s.sys[self.cval as usize]
    }
}

/// Output levels of the four timers of one PE, as (INTID, level): EL1 physical, EL1
/// virtual, EL2 physical, EL2 virtual.
pub fn levels(s: &CpuState) -> [(u32, bool); 4] {
    TIMERS.map(|t| (t.ppi, t.armed(s) && t.count(s) >= t.cval(s)))
}

/// The earliest virtual time (in `CpuState::vtime` ticks) at which a timer of this PE
/// that is enabled, unmasked and not yet firing will fire; `None` if none will.
/// Saturates at `u64::MAX` when the deadline lies beyond the range of `vtime`.
pub fn next_deadline(s: &CpuState) -> Option<u64> {
    TIMERS
        .iter()
        .filter(|t| t.armed(s))
        .filter_map(|t| {
            let count = t.count(s);
            let cval = t.cval(s);
            // Not firing: count < cval, so the count reaches cval after cval - count
            // counter ticks, before it could wrap.
            let ticks = cval.checked_sub(count).filter(|&d| d > 0)?;
            let at = s.counter().saturating_add(ticks);
            Some(at.checked_shl(VTIME_SHIFT).filter(|v| v >> VTIME_SHIFT == at).unwrap_or(u64::MAX))
        })
        .min()
}
