//! Generic timer helpers (Arm ARM D11). INTIDs on QEMU `virt`.

/// EL1 physical timer PPI.
pub const PPI_EL1_PHYS: u32 = 30;
/// EL1 virtual timer PPI.
pub const PPI_EL1_VIRT: u32 = 27;
/// EL2 physical timer PPI.
pub const PPI_EL2_PHYS: u32 = 26;
/// EL2 virtual timer PPI.
pub const PPI_EL2_VIRT: u32 = 28;

/// CNTx_CTL bits: ENABLE.
pub const CTL_ENABLE: u64 = 1 << 0;
/// CNTx_CTL bits: IMASK.
pub const CTL_IMASK: u64 = 1 << 1;
/// CNTx_CTL bits: ISTATUS (read-only).
pub const CTL_ISTATUS: u64 = 1 << 2;

/// Virtual count (CNTVCT_EL0), after an ISB so it is not read early.
pub fn cntvct() -> u64 {
    crate::sysreg::isb();
    read_sysreg!(cntvct_el0)
}

/// Physical count (CNTPCT_EL0).
pub fn cntpct() -> u64 {
    crate::sysreg::isb();
    read_sysreg!(cntpct_el0)
}
