//! Exception-level setup and transitions (ERET to EL1 / EL0).

use crate::sysreg::{aff0, isb};

/// HCR_EL2 bits (Arm ARM D17.2.48).
pub mod hcr {
    /// Stage 2 translation enable.
    pub const VM: u64 = 1 << 0;
    /// Route physical IRQs to EL2.
    pub const IMO: u64 = 1 << 4;
    /// Trap WFI to EL2.
    pub const TWI: u64 = 1 << 13;
    /// Trap SMC to EL2.
    pub const TSC: u64 = 1 << 19;
    /// Trap virtual-memory control register writes at EL1.
    pub const TVM: u64 = 1 << 26;
    /// Trap general exceptions (EL0 runs in the EL2 regime when E2H=1).
    pub const TGE: u64 = 1 << 27;
    /// EL1 is AArch64.
    pub const RW: u64 = 1 << 31;
    /// EL2 host (FEAT_VHE).
    pub const E2H: u64 = 1 << 34;
}

/// SCTLR_EL1 with the MMU and caches off and the legacy RES1 bits set
/// (Arm ARM D17.2.118: bits 29,28,23,22,20,11).
pub const SCTLR_EL1_SAFE: u64 = 0x30D0_0800;
/// SCTLR_EL2 (E2H=0) with the MMU off (RES1: 29,28,23,22,18,16,11,5,4).
pub const SCTLR_EL2_SAFE: u64 = 0x30C5_0830;

/// SPSR M[3:0] values (Arm ARM C5.2.18).
pub const SPSR_EL0T: u64 = 0b0000;
/// EL1 using SP_EL1.
pub const SPSR_EL1H: u64 = 0b0101;
/// D, A, I, F masked.
pub const SPSR_DAIF: u64 = 0xF << 6;

/// Per-PE stack block size (must match `STACK_PER_PE` in link.ld).
pub const STACK_PER_PE: u64 = 0x1_0000;

/// Top of this PE's stack for the given EL (EL2: 24 KiB, EL1: 24 KiB, EL0: 16 KiB).
pub fn stack_top(el: u64) -> u64 {
    let top = sym_addr!("__stacks_end") - aff0() * STACK_PER_PE;
    match el {
        2 => top,
        1 => top - 0x6000,
        _ => top - 0xC000,
    }
}

/// Known EL2 state after reset: EL1 AArch64, no traps, MMU off, timers
/// accessible from EL1 (CNTHCTL_EL2.EL1PCTEN/EL1PCEN), CNTVOFF_EL2 = 0.
pub fn el2_defaults() {
    write_sysreg!(hcr_el2, hcr::RW);
    write_sysreg!(sctlr_el2, SCTLR_EL2_SAFE);
    write_sysreg!(cnthctl_el2, 0b11);
    write_sysreg!(cntvoff_el2, 0);
    write_sysreg!(vttbr_el2, 0);
    isb();
}

/// From EL2: ERET to `entry` at EL1h with DAIF masked and the MMU off.
/// HCR_EL2 must already be configured (RW=1) by the caller.
pub fn enter_el1(entry: extern "C" fn() -> !) -> ! {
    write_sysreg!(sctlr_el1, SCTLR_EL1_SAFE);
    write_sysreg!(cpacr_el1, 3 << 20);
    write_sysreg!(vbar_el1, sym_addr!("fw_vectors"));
    write_sysreg!(sp_el1, stack_top(1));
    write_sysreg!(elr_el2, entry as usize as u64);
    write_sysreg!(spsr_el2, SPSR_DAIF | SPSR_EL1H);
    isb();
    // SAFETY: ELR/SPSR/SP_EL1 were just set; ERET leaves this context for good.
    unsafe { core::arch::asm!("eret", options(noreturn)) }
}

/// From EL1 (or EL2 with HCR_EL2.TGE=1): ERET to `entry` at EL0t with
/// interrupts unmasked.
pub fn enter_el0(entry: extern "C" fn() -> !) -> ! {
    write_sysreg!(sp_el0, stack_top(0));
    // `elr_el1`/`spsr_el1` are redirected to the EL2 registers when E2H=1.
    if crate::sysreg::current_el() == 2 {
        write_sysreg!(elr_el2, entry as usize as u64);
        write_sysreg!(spsr_el2, SPSR_EL0T);
    } else {
        write_sysreg!(elr_el1, entry as usize as u64);
        write_sysreg!(spsr_el1, SPSR_EL0T);
    }
    isb();
    // SAFETY: ELR/SPSR/SP_EL0 were just set; ERET leaves this context for good.
    unsafe { core::arch::asm!("eret", options(noreturn)) }
}
