//! Distributor and redistributor registers.

use super::*;

#[test]
fn gicd_identification() {
    let mut h = H::new(4, 64);
    // ITLinesNumber = 96/32 - 1 = 2, CPUNumber = 3, IDbits = 9, A3V.
    assert_eq!(h.d(0x4), 0x0148_0062);
    assert_eq!(h.d(0x8), 0x43B);
    assert_eq!(h.d(0xFFE8), 0x3B, "PIDR2.ArchRev = 3");
    assert_eq!(h.d(0xFFF0), 0x0D);
    assert_eq!(h.d(0x0), 0x50, "ARE and DS read as one");
    h.dw(0x0, 0xFFFF_FFFF);
    assert_eq!(h.d(0x0), 0x53, "RWP reads zero");
    h.dw(0x0, 0);
    assert_eq!(h.d(0x0), 0x50);
}

#[test]
fn spi_bank_registers() {
    let mut h = H::new(1, 64);
    // INTID 33 is bit 1 of the second word of each bitmap.
    h.dw(0x104, 0x2);
    assert_eq!(h.d(0x104), 0x2);
    assert_eq!(h.d(0x184), 0x2);
    h.dw(0x184, 0x2);
    assert_eq!(h.d(0x104), 0);
    h.dw(0x204, 0x2);
    assert_eq!(h.d(0x204), 0x2, "ISPENDR");
    h.dw(0x284, 0x2);
    assert_eq!(h.d(0x204), 0);
    h.dw(0x304, 0x2);
    assert_eq!(h.d(0x384), 0x2, "ICACTIVER reads active");
    h.dw(0x384, 0x2);
    assert_eq!(h.d(0x304), 0);
    assert_eq!(h.d(0x84), 0xFFFF_FFFF, "SPIs reset to group 1");
    h.dw(0x84, 0xFFFF_FFFD);
    assert_eq!(h.d(0x84), 0xFFFF_FFFD);
    // Priority byte access; low 3 bits not implemented.
    h.g.dist_write(0x421, 1, 0xA5);
    assert_eq!(h.g.dist_read(0x421, 1), 0xA0);
    assert_eq!(h.d(0x420), 0x0000_A000);
    h.g.dist_write(0x420, 2, 0x4850);
    assert_eq!(h.d(0x420), 0x0000_4850);
    // ICFGR2 covers INTIDs 32..47, INTID 33's edge bit is bit 3.
    h.dw(0xC08, 0x8);
    assert_eq!(h.d(0xC08), 0x8);
    // SGI/PPI registers of the distributor, IGRPMODR, ITARGETSR: RAZ/WI.
    h.dw(0x100, 0xFFFF_FFFF);
    assert_eq!(h.d(0x100), 0);
    h.dw(0xD04, 0xFFFF_FFFF);
    assert_eq!(h.d(0xD04), 0);
    assert_eq!(h.d(0x800), 0);
    // Beyond the implemented SPIs (INTID 96+): RAZ/WI.
    h.dw(0x10C, 0xFFFF_FFFF);
    assert_eq!(h.d(0x10C), 0);
}

#[test]
fn irouter() {
    let mut h = H::new(2, 32);
    let off = 0x6000 + 8 * 33;
    h.g.dist_write(off, 8, 0xFFFF_FF12_FFFF_0102);
    assert_eq!(h.g.dist_read(off, 8), 0x0000_0012_80FF_0102, "RES0 bits dropped");
    h.g.dist_write(off + 4, 4, 0);
    assert_eq!(h.g.dist_read(off, 8), 0x80FF_0102);
    assert_eq!(h.g.dist_read(0x6000 + 8 * 64, 8), 0, "INTID 64 not implemented");
    assert_eq!(h.g.dist_read(0x6000, 8), 0, "INTID 0 has no IROUTER");
}

#[test]
fn gicr_typer_and_ids() {
    let mut h = H::new(2, 32);
    assert_eq!(h.g.redist_read(0x8, 8), Some(0));
    // PE 1: Processor_Number 1, Last, affinity 0.0.0.1.
    assert_eq!(h.g.redist_read(REDIST_STRIDE + 0x8, 8), Some(0x0000_0001_0000_0110));
    assert_eq!(h.rd(1, 0xFFE8), 0x3B);
    assert_eq!(h.rd(0, 0x4), 0x43B);
    assert_eq!(h.g.redist_read(2 * REDIST_STRIDE, 4), None);
    assert!(!h.g.redist_write(2 * REDIST_STRIDE, 4, 0));
    assert_eq!(h.rd(0, 0x0), 0, "GICR_CTLR: no LPIs, RWP = 0");
}

#[test]
fn gicr_waker_handshake() {
    let mut h = H::new(1, 32);
    assert_eq!(h.rd(0, 0x14), 0x6, "asleep at reset");
    h.rdw(0, 0x14, 0);
    assert_eq!(h.rd(0, 0x14), 0, "ChildrenAsleep follows ProcessorSleep");
    h.rdw(0, 0x14, 0x2);
    assert_eq!(h.rd(0, 0x14), 0x6);
}

#[test]
fn sgi_frame() {
    let mut h = H::new(1, 32);
    let sgi = 0x1_0000;
    assert_eq!(h.rd(0, sgi + 0xC00), 0xAAAA_AAAA, "SGIs are edge");
    h.rdw(0, sgi + 0xC00, 0);
    assert_eq!(h.rd(0, sgi + 0xC00), 0xAAAA_AAAA, "and stay edge");
    assert_eq!(h.rd(0, sgi + 0xC04), 0, "PPIs reset level");
    h.rdw(0, sgi + 0xC04, 0x8000_0000);
    assert_eq!(h.rd(0, sgi + 0xC04), 0x8000_0000);
    h.rdw(0, sgi + 0x100, 0x0800_0001);
    assert_eq!(h.rd(0, sgi + 0x180), 0x0800_0001);
    h.g.redist_write(sgi + 0x41B, 1, 0xC8);
    assert_eq!(h.rd(0, sgi + 0x418), 0xC800_0000);
    assert_eq!(h.rd(0, sgi + 0x104), 0, "only word 0 exists");
    assert_eq!(h.rd(0, sgi + 0xD00), 0, "IGRPMODR0 RAZ (DS = 1)");
}

#[test]
fn odd_accesses_are_harmless() {
    let mut h = H::new(1, 32);
    for off in [0u64, 1, 3, 0xFFFF, 0x1_0000, u64::MAX - 7] {
        for size in [0u32, 1, 2, 3, 4, 8, 16] {
            h.g.dist_write(off, size, u64::MAX);
            let _ = h.g.dist_read(off, size);
            let _ = h.g.redist_write(off, size, u64::MAX);
            let _ = h.g.redist_read(off, size);
        }
    }
    assert_eq!(h.g.redist_read(REDIST_STRIDE - 4, 8), Some(0), "access crossing the frame end");
}
