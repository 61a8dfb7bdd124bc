//! Translation tables in static arrays: 4 KiB granule, 1 GiB / 2 MiB blocks
//! and 4 KiB pages (Arm ARM D8.3 "Translation table descriptor formats").
//!
//! Stage 1 regimes use a 39-bit VA starting at level 1 (T0SZ = 25); stage 2
//! uses a 40-bit IPA starting at level 1, which needs two concatenated
//! level-1 tables (Arm ARM D8.2.5, VTCR_EL2.SL0 = 1, T0SZ = 24).
//! Entries are `AtomicU64` so tables can live in `static`s without `unsafe`.

use core::sync::atomic::{AtomicU64, Ordering};

use crate::sysreg::{dsb_ish, isb};

/// RAM base on QEMU `virt`.
pub const RAM_BASE: u64 = 0x4000_0000;
/// 1 GiB.
pub const GIB: u64 = 1 << 30;
/// 2 MiB.
pub const MIB2: u64 = 1 << 21;
/// 4 KiB.
pub const PAGE: u64 = 1 << 12;

/// Descriptor type bits[1:0].
pub const BLOCK: u64 = 0b01;
/// Table (levels 0-2) or page (level 3) descriptor.
pub const TABLE_OR_PAGE: u64 = 0b11;
/// Access flag.
pub const AF: u64 = 1 << 10;
/// Inner shareable.
pub const SH_INNER: u64 = 3 << 8;
/// Stage 1 AP[2]: read-only.
pub const AP_RO: u64 = 1 << 7;
/// Stage 1 AP[1]: EL0 access (RES1 in the EL2 single-range regime).
pub const AP_EL0: u64 = 1 << 6;
/// Stage 1 privileged execute-never.
pub const PXN: u64 = 1 << 53;
/// Stage 1 unprivileged execute-never.
pub const UXN: u64 = 1 << 54;
/// MAIR index 0: Device-nGnRnE.
pub const ATTR_DEVICE: u64 = 0 << 2;
/// MAIR index 1: Normal write-back.
pub const ATTR_NORMAL: u64 = 1 << 2;
/// MAIR value matching the indexes above.
pub const MAIR: u64 = 0xFF << 8;

/// Stage 2 MemAttr[3:0] = 0b1111 (Normal, inner/outer write-back).
pub const S2_NORMAL: u64 = 0b1111 << 2;
/// Stage 2 MemAttr = 0b0000 (Device-nGnRnE).
pub const S2_DEVICE: u64 = 0;
/// Stage 2 S2AP = read-only.
pub const S2AP_RO: u64 = 0b01 << 6;
/// Stage 2 S2AP = read/write.
pub const S2AP_RW: u64 = 0b11 << 6;

/// One 4 KiB translation table.
#[repr(C, align(4096))]
pub struct Table(pub [AtomicU64; 512]);

/// Two concatenated level-1 tables (stage 2, 40-bit IPA), 8 KiB aligned.
#[repr(C, align(8192))]
pub struct Table2(pub [AtomicU64; 1024]);

impl Table {
    /// An all-invalid table.
    pub const fn new() -> Self {
        Table([const { AtomicU64::new(0) }; 512])
    }
    /// Writes entry `i`.
    pub fn set(&self, i: usize, d: u64) {
        self.0[i].store(d, Ordering::Relaxed);
    }
    /// Physical (= identity) address of the table.
    pub fn addr(&self) -> u64 {
        self as *const Self as u64
    }
}

impl Default for Table {
    fn default() -> Self {
        Self::new()
    }
}

impl Table2 {
    /// An all-invalid concatenated table.
    pub const fn new() -> Self {
        Table2([const { AtomicU64::new(0) }; 1024])
    }
    /// Writes entry `i`.
    pub fn set(&self, i: usize, d: u64) {
        self.0[i].store(d, Ordering::Relaxed);
    }
    /// Physical (= identity) address of the table.
    pub fn addr(&self) -> u64 {
        self as *const Self as u64
    }
}

impl Default for Table2 {
    fn default() -> Self {
        Self::new()
    }
}

/// Table descriptor pointing at `t`.
pub fn table(t: &Table) -> u64 {
    t.addr() | TABLE_OR_PAGE
}

/// Stage 1 Normal-memory block (`level` 1 or 2) or page (`page` = true).
pub fn s1_normal(pa: u64, extra: u64, page: bool) -> u64 {
    pa | AF | SH_INNER | ATTR_NORMAL | extra | if page { TABLE_OR_PAGE } else { BLOCK }
}

/// Stage 1 Device-nGnRnE block.
pub fn s1_device_block(pa: u64, extra: u64) -> u64 {
    pa | AF | ATTR_DEVICE | PXN | UXN | extra | BLOCK
}

/// Stage 2 block or page with the given memory type and access permissions.
pub fn s2_desc(pa: u64, attr: u64, ap: u64, page: bool) -> u64 {
    pa | AF | SH_INNER | attr | ap | if page { TABLE_OR_PAGE } else { BLOCK }
}

/// Stage 1 identity map: `l1[0]` = device block (0-1 GiB: GIC, UART),
/// `l1[1]` -> `l2` = 512 x 2 MiB Normal blocks covering 1-2 GiB (RAM).
/// `extra` is OR-ed into every RAM/device descriptor (e.g. [`AP_EL0`]).
pub fn s1_identity(l1: &Table, l2: &Table, extra: u64) {
    l1.set(0, s1_device_block(0, extra));
    l1.set(1, table(l2));
    for i in 0..512u64 {
        l2.set(i as usize, s1_normal(RAM_BASE + i * MIB2, extra, false));
    }
}

/// TCR fields shared by the EL1 and EL2 formats: T0SZ = 25 (39-bit VA),
/// IRGN0/ORGN0 = write-back, SH0 = inner shareable, TG0 = 4 KiB.
const TCR_COMMON: u64 = 25 | (1 << 8) | (1 << 10) | (3 << 12);

/// Enables the EL1&0 stage 1 MMU with TTBR0_EL1 = `l1` (call at EL1).
/// TCR_EL1 (Arm ARM D17.2.131): EPD1 = 1, IPS = 40 bits.
pub fn enable_el1(l1: &Table) {
    write_sysreg!(mair_el1, MAIR);
    write_sysreg!(tcr_el1, TCR_COMMON | (1 << 23) | (2 << 32));
    write_sysreg!(ttbr0_el1, l1.addr());
    dsb_ish();
    // SAFETY: TLB maintenance instruction; no memory operands.
    unsafe { core::arch::asm!("tlbi vmalle1", options(nostack)) };
    dsb_ish();
    isb();
    let sctlr = read_sysreg!(sctlr_el1);
    write_sysreg!(sctlr_el1, sctlr | 1 | (1 << 2) | (1 << 12));
    isb();
}

/// Enables the EL2 (E2H = 0) stage 1 MMU with TTBR0_EL2 = `l1`.
/// TCR_EL2 (Arm ARM D17.2.132): RES1 bits 31 and 23, PS = 40 bits.
pub fn enable_el2(l1: &Table) {
    write_sysreg!(mair_el2, MAIR);
    write_sysreg!(tcr_el2, TCR_COMMON | (1 << 31) | (1 << 23) | (2 << 16));
    write_sysreg!(ttbr0_el2, l1.addr());
    dsb_ish();
    // SAFETY: TLB maintenance instruction; no memory operands.
    unsafe { core::arch::asm!("tlbi alle2", options(nostack)) };
    dsb_ish();
    isb();
    let sctlr = read_sysreg!(sctlr_el2);
    write_sysreg!(sctlr_el2, sctlr | 1 | (1 << 2) | (1 << 12));
    isb();
}

/// Programs stage 2 (VTCR_EL2, VTTBR_EL2 with VMID 0) and sets HCR_EL2.VM.
/// VTCR_EL2 (Arm ARM D17.2.173): T0SZ = 24 (40-bit IPA), SL0 = 1 (start at
/// level 1), write-back inner shareable walks, TG0 = 4 KiB, PS = 40 bits.
pub fn enable_stage2(l1: &Table2) {
    let vtcr = 24 | (1 << 6) | (1 << 8) | (1 << 10) | (3 << 12) | (2 << 16) | (1 << 31);
    write_sysreg!(vtcr_el2, vtcr);
    write_sysreg!(vttbr_el2, l1.addr());
    dsb_ish();
    // SAFETY: TLB maintenance instruction; no memory operands.
    unsafe { core::arch::asm!("tlbi vmalls12e1", options(nostack)) };
    dsb_ish();
    isb();
    let hcr = read_sysreg!(hcr_el2);
    write_sysreg!(hcr_el2, hcr | crate::el::hcr::VM);
    isb();
}
