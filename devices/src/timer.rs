//! Generic timer outputs (Arm ARM D11.2). API SKELETON — being implemented.

use el2emu_cpu::CpuState;

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

/// Output levels of the four timers of one PE, as (INTID, level).
pub fn levels(s: &CpuState) -> [(u32, bool); 4] {
    let _ = s;
    todo!()
}

/// The earliest virtual time (in `CpuState::vtime` ticks) at which a timer of this PE
/// that is enabled, unmasked and not yet firing will fire; `None` if none will.
pub fn next_deadline(s: &CpuState) -> Option<u64> {
    let _ = s;
    todo!()
}
