//! Minimal GICv3 driver (GIC Architecture Specification IHI 0069).
//!
//! QEMU `virt`: distributor at 0x0800_0000, redistributors at 0x080A_0000,
//! 128 KiB (RD_base + SGI_base frame) per PE in MPIDR.Aff0 order. Security
//! is not implemented (GICD_CTLR.DS = 1), so all interrupts are Group 1.

use crate::sysreg::isb;

/// Distributor base.
pub const GICD_BASE: usize = 0x0800_0000;
/// First redistributor base.
pub const GICR_BASE: usize = 0x080A_0000;
/// Redistributor stride (RD_base + SGI_base, 2 x 64 KiB).
pub const GICR_STRIDE: usize = 0x2_0000;

const GICD_CTLR: usize = 0x0000;
const GICD_IGROUPR: usize = 0x0080;
const GICD_ISENABLER: usize = 0x0100;
const GICD_IPRIORITYR: usize = 0x0400;
const GICD_IROUTER: usize = 0x6000;
const GICD_CTLR_RWP: u32 = 1 << 31;
/// GICD_CTLR (DS=1 layout): EnableGrp1 (bit 1), ARE (bit 4).
const GICD_CTLR_ENABLE_G1_ARE: u32 = (1 << 1) | (1 << 4);

const GICR_WAKER: usize = 0x0014;
const WAKER_PROCESSOR_SLEEP: u32 = 1 << 1;
const WAKER_CHILDREN_ASLEEP: u32 = 1 << 2;
const SGI_BASE: usize = 0x1_0000;
const GICR_IGROUPR0: usize = SGI_BASE + 0x0080;
const GICR_ISENABLER0: usize = SGI_BASE + 0x0100;
const GICR_IPRIORITYR: usize = SGI_BASE + 0x0400;

/// Special INTID returned by IAR when nothing is pending.
pub const INTID_SPURIOUS: u64 = 1023;

fn rd(addr: usize) -> u32 {
    // SAFETY: `addr` is a GIC register inside the device region, identity
    // mapped as Device memory (or the MMU is off).
    unsafe { core::ptr::read_volatile(addr as *const u32) }
}

fn wr(addr: usize, v: u32) {
    // SAFETY: as in `rd`.
    unsafe { core::ptr::write_volatile(addr as *mut u32, v) }
}

fn wr64(addr: usize, v: u64) {
    // SAFETY: as in `rd`; GICD_IROUTER<n> is a 64-bit register.
    unsafe { core::ptr::write_volatile(addr as *mut u64, v) }
}

fn redist() -> usize {
    GICR_BASE + crate::sysreg::aff0() as usize * GICR_STRIDE
}

/// Enables the distributor with affinity routing and Group 1 (GICD_CTLR).
pub fn init_distributor() {
    wr(GICD_BASE + GICD_CTLR, 0);
    while rd(GICD_BASE + GICD_CTLR) & GICD_CTLR_RWP != 0 {}
    wr(GICD_BASE + GICD_CTLR, GICD_CTLR_ENABLE_G1_ARE);
    while rd(GICD_BASE + GICD_CTLR) & GICD_CTLR_RWP != 0 {}
}

/// Wakes this PE's redistributor (GICR_WAKER.ProcessorSleep = 0, then wait
/// for ChildrenAsleep = 0; IHI 0069 9.11.44).
pub fn wake_redistributor() {
    let r = redist();
    wr(r + GICR_WAKER, rd(r + GICR_WAKER) & !WAKER_PROCESSOR_SLEEP);
    while rd(r + GICR_WAKER) & WAKER_CHILDREN_ASLEEP != 0 {}
}

/// Enables the system-register CPU interface for EL2 and EL1
/// (ICC_SRE_EL2: SRE | DFB | DIB | Enable). Call at EL2.
pub fn enable_sre_el2() {
    write_sysreg!(icc_sre_el2, 0xF);
    isb();
    write_sysreg!(icc_sre_el1, 0x7);
    isb();
}

/// CPU interface setup at the current EL (EL1 or EL2): priority mask open,
/// EOImode 0 (EOIR drops priority and deactivates), Group 1 enabled.
pub fn init_cpu_interface() {
    write_sysreg!(icc_sre_el1, 0x7);
    isb();
    write_sysreg!(icc_pmr_el1, 0xFF);
    write_sysreg!(icc_bpr1_el1, 0);
    write_sysreg!(icc_ctlr_el1, 0);
    write_sysreg!(icc_igrpen1_el1, 1);
    isb();
}

/// Enables SGI/PPI `intid` (< 32) on this PE as Group 1 with priority `prio`.
pub fn enable_private(intid: u32, prio: u8) {
    let r = redist();
    let bit = 1u32 << intid;
    wr(r + GICR_IGROUPR0, rd(r + GICR_IGROUPR0) | bit);
    let preg = r + GICR_IPRIORITYR + (intid as usize & !3);
    let shift = (intid & 3) * 8;
    wr(preg, (rd(preg) & !(0xFF << shift)) | ((prio as u32) << shift));
    wr(r + GICR_ISENABLER0, bit);
    crate::sysreg::dsb_sy();
}

/// Enables SPI `intid` (>= 32) as Group 1, routed to PE 0.0.0.0.
pub fn enable_spi(intid: u32, prio: u8) {
    let n = intid as usize / 32;
    let bit = 1u32 << (intid % 32);
    wr(GICD_BASE + GICD_IGROUPR + 4 * n, rd(GICD_BASE + GICD_IGROUPR + 4 * n) | bit);
    let preg = GICD_BASE + GICD_IPRIORITYR + (intid as usize & !3);
    let shift = (intid & 3) * 8;
    wr(preg, (rd(preg) & !(0xFF << shift)) | ((prio as u32) << shift));
    wr64(GICD_BASE + GICD_IROUTER + 8 * intid as usize, 0);
    wr(GICD_BASE + GICD_ISENABLER + 4 * n, bit);
    crate::sysreg::dsb_sy();
}

/// Acknowledges the highest-priority Group 1 interrupt (ICC_IAR1_EL1).
pub fn ack() -> u64 {
    read_sysreg!(icc_iar1_el1) & 0xFF_FFFF
}

/// Ends an interrupt (ICC_EOIR1_EL1).
pub fn eoi(intid: u64) {
    write_sysreg!(icc_eoir1_el1, intid);
    isb();
}

/// Sends SGI `intid` to this PE only (ICC_SGI1R_EL1: TargetList bit Aff0,
/// Aff1..3 = 0, IRM = 0; IHI 0069 12.11.13).
pub fn send_sgi_self(intid: u64) {
    let aff0 = crate::sysreg::aff0();
    write_sysreg!(icc_sgi1r_el1, (intid & 0xF) << 24 | (1 << (aff0 & 0xF)));
    isb();
}
