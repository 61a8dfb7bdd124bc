//! Physical CPU interface: acknowledge/EOI flow, priorities, routing, SGIs.

use super::*;
use el2emu_cpu::state::lines::{FIQ, IRQ};

#[test]
fn fixed_registers() {
    let mut h = H::new(1, 32);
    assert_eq!(h.r(0, ICC_SRE_EL1), 0x7);
    assert_eq!(h.r(0, ICC_SRE_EL2), 0xF);
    h.w(0, ICC_SRE_EL1, 0);
    assert_eq!(h.r(0, ICC_SRE_EL1), 0x7, "SRE is RAO/WI");
    // PRIbits = 4 (bits 10:8), IDbits = 0, A3V (bit 15).
    assert_eq!(h.r(0, ICC_CTLR), 0x8400);
    h.w(0, ICC_CTLR, 0xFFFF_FFFF);
    assert_eq!(h.r(0, ICC_CTLR), 0x8403);
    h.w(0, ICC_PMR, 0xFF);
    assert_eq!(h.r(0, ICC_PMR), 0xF8, "5 priority bits");
    h.w(0, ICC_BPR0, 0);
    h.w(0, ICC_BPR1, 0);
    h.w(0, ICC_CTLR, 0);
    assert_eq!((h.r(0, ICC_BPR0), h.r(0, ICC_BPR1)), (2, 3), "clamped to the minimum");
    h.w(0, ICC_BPR0, 5);
    h.w(0, ICC_CTLR, 1); // CBPR
    assert_eq!(h.r(0, ICC_BPR1), 6, "BPR1 reads BPR0 + 1 with CBPR");
    h.w(0, ICC_BPR1, 7);
    h.w(0, ICC_CTLR, 0);
    assert_eq!(h.r(0, ICC_BPR1), 3, "write ignored while CBPR was set");
    assert_eq!(h.r(0, ICC_IAR1), 1023);
    assert_eq!(h.r(0, ICC_RPR), 0xFF, "idle");
}

#[test]
fn spi_acknowledge_and_eoi() {
    let mut h = H::new(1, 32);
    h.linux_init();
    h.enable(0, 33, 0x80);
    assert_eq!(h.lines(0), 0);
    h.g.set_spi(33, true);
    assert_eq!(h.lines(0), IRQ);
    assert_eq!(h.r(0, ICC_HPPIR1), 33);
    assert_eq!(h.r(0, ICC_IAR1), 33);
    assert_eq!(h.r(0, ICC_RPR), 0x80);
    assert_eq!(h.r(0, ICC_AP1R0), 1 << (0x80 >> 3));
    assert_eq!(h.d(0x304), 0x2, "active");
    assert_eq!(h.lines(0), 0, "active interrupt is not signalled again");
    assert_eq!(h.r(0, ICC_IAR1), 1023);
    h.w(0, ICC_EOIR1, 33); // EOImode 0: drop and deactivate
    assert_eq!(h.r(0, ICC_RPR), 0xFF);
    assert_eq!(h.d(0x304), 0);
    assert_eq!(h.lines(0), IRQ, "level still high: pending again");
    h.g.set_spi(33, false);
    assert_eq!(h.lines(0), 0);
    assert_eq!(h.r(0, ICC_HPPIR1), 1023);
}

#[test]
fn distributor_and_cpu_enables_gate_delivery() {
    let mut h = H::new(1, 32);
    h.linux_init();
    h.enable(0, 40, 0x10);
    h.g.set_spi(40, true);
    assert_eq!(h.lines(0), IRQ);
    h.w(0, ICC_IGRPEN1, 0);
    assert_eq!(h.lines(0), 0);
    h.w(0, ICC_IGRPEN1, 1);
    h.dw(0, 0);
    assert_eq!(h.lines(0), 0);
    h.dw(0, 2);
    h.dw(0x184, 1 << 8); // ICENABLER1, INTID 40
    assert_eq!(h.lines(0), 0);
}

#[test]
fn priority_mask_and_preemption() {
    let mut h = H::new(1, 32);
    h.linux_init();
    h.enable(0, 33, 0x80);
    h.g.set_spi(33, true);
    h.w(0, ICC_PMR, 0x80);
    assert_eq!(h.lines(0), 0, "priority must be strictly below PMR");
    assert_eq!(h.r(0, ICC_IAR1), 1023);
    h.w(0, ICC_PMR, 0x88);
    assert_eq!(h.lines(0), IRQ);
    h.w(0, ICC_PMR, 0xF8);
    h.enable(0, 34, 0x40);
    h.g.set_spi(34, true);
    assert_eq!(h.r(0, ICC_IAR1), 34, "highest priority first");
    assert_eq!(h.lines(0), 0, "0x80 cannot preempt running 0x40");
    h.enable(0, 35, 0x38);
    h.g.set_spi(35, true);
    assert_eq!(h.lines(0), IRQ, "0x38 preempts 0x40 (BPR1 = 3: group bits 7:3)");
    // BPR1 = 5: group priority bits 7:5; 0x38 -> 0x20 still preempts 0x40 ...
    h.w(0, ICC_BPR1, 5);
    assert_eq!(h.lines(0), IRQ);
    // ... but 0x50 -> 0x40 does not.
    h.g.dist_write(0x420 + 3, 1, 0x50);
    assert_eq!(h.lines(0), 0);
    assert_eq!(h.r(0, ICC_IAR1), 1023);
    h.g.set_spi(34, false);
    h.w(0, ICC_EOIR1, 34);
    assert_eq!(h.r(0, ICC_IAR1), 35);
    assert_eq!(h.r(0, ICC_RPR), 0x40, "group priority of 0x50 with BPR1 = 5");
}

#[test]
fn routing_by_irouter() {
    let mut h = H::new(2, 32);
    h.linux_init();
    h.enable(0, 34, 0x80);
    h.g.set_spi(34, true);
    assert_eq!((h.lines(0), h.lines(1)), (IRQ, 0), "IROUTER resets to PE 0");
    h.g.dist_write(0x6000 + 8 * 34, 8, 1);
    assert_eq!((h.lines(0), h.lines(1)), (0, IRQ));
    h.g.dist_write(0x6000 + 8 * 34, 8, 7);
    assert_eq!((h.lines(0), h.lines(1)), (0, 0), "no such PE");
    h.g.dist_write(0x6000 + 8 * 34, 8, 1 << 31);
    assert_eq!((h.lines(0), h.lines(1)), (IRQ, IRQ), "1 of N");
    assert_eq!(h.r(1, ICC_IAR1), 34);
    assert_eq!(h.r(0, ICC_IAR1), 1023, "taken by the other PE");
}

#[test]
fn edge_and_level() {
    let mut h = H::new(1, 32);
    h.linux_init();
    h.dw(0xC08, 0x8); // INTID 33 edge
    h.enable(0, 33, 0x80);
    h.enable(0, 34, 0x80); // level
    h.g.set_spi(33, true);
    h.g.set_spi(33, false);
    h.g.set_spi(34, true);
    h.g.set_spi(34, false);
    assert_eq!(h.d(0x204), 0x2, "edge latched, level gone");
    assert_eq!(h.r(0, ICC_IAR1), 33);
    assert_eq!(h.d(0x204), 0, "acknowledge clears the edge latch");
    h.g.set_spi(33, true); // new edge while active
    assert_eq!(h.d(0x204) & h.d(0x304), 0x2, "active and pending");
    assert_eq!(h.lines(0), 0);
    h.w(0, ICC_EOIR1, 33);
    assert_eq!(h.lines(0), IRQ);
    assert_eq!(h.r(0, ICC_IAR1), 33);
    h.w(0, ICC_EOIR1, 33);
    h.g.set_spi(33, true); // no rising edge: line already high
    assert_eq!(h.lines(0), 0);
    // A level interrupt made pending by ISPENDR stays pending until acknowledged.
    h.dw(0x204, 0x4);
    assert_eq!(h.r(0, ICC_IAR1), 34);
    h.w(0, ICC_EOIR1, 34);
    assert_eq!(h.lines(0), 0);
}

#[test]
fn group0_is_fiq() {
    let mut h = H::new(1, 32);
    h.linux_init();
    h.dw(0, 0x3);
    h.w(0, ICC_IGRPEN0, 1);
    h.dw(0x84, 0xFFFF_FFFD); // INTID 33 group 0
    h.enable(0, 33, 0x80);
    h.g.set_spi(33, true);
    assert_eq!(h.lines(0), FIQ);
    assert_eq!(h.r(0, ICC_IAR1), 1023, "wrong group");
    assert_eq!(h.r(0, ICC_IAR0), 33);
    h.w(0, ICC_EOIR1, 33);
    assert_eq!(h.r(0, ICC_RPR), 0x80, "EOIR1 does not drop a group 0 priority");
    h.w(0, ICC_EOIR0, 33);
    assert_eq!(h.r(0, ICC_RPR), 0xFF);
}

#[test]
fn split_eoi_mode() {
    let mut h = H::new(1, 32);
    h.linux_init();
    h.w(0, ICC_CTLR, 2);
    h.enable(0, 30, 0xA0); // the physical timer PPI
    h.g.set_ppi(0, 30, true);
    assert_eq!(h.lines(0), IRQ);
    assert_eq!(h.r(0, ICC_IAR1), 30);
    h.w(0, ICC_EOIR1, 30);
    assert_eq!(h.r(0, ICC_RPR), 0xFF, "priority dropped");
    assert_eq!(h.rd(0, 0x1_0300), 1 << 30, "still active");
    assert_eq!(h.lines(0), 0);
    h.w(0, ICC_DIR, 30);
    assert_eq!(h.rd(0, 0x1_0300), 0);
    assert_eq!(h.lines(0), IRQ, "level still high");
}

#[test]
fn sgi_to_another_pe() {
    let mut h = H::new(3, 32);
    h.linux_init();
    for c in 0..3 {
        h.enable(c, 5, 0x80);
    }
    // INTID 5 (bits 27:24), TargetList = PE 1.
    h.w(0, ICC_SGI1R, 5 << 24 | 0b10);
    assert_eq!((h.lines(0), h.lines(1), h.lines(2)), (0, IRQ, 0));
    assert_eq!(h.r(1, ICC_IAR1), 5);
    h.w(1, ICC_EOIR1, 5);
    // IRM: everyone but the sender.
    h.w(1, ICC_SGI1R, 5 << 24 | 1 << 40);
    assert_eq!((h.lines(0), h.lines(1), h.lines(2)), (IRQ, 0, IRQ));
    assert_eq!(h.r(0, ICC_IAR1), 5);
    assert_eq!(h.r(2, ICC_IAR1), 5);
    h.w(0, ICC_EOIR1, 5);
    h.w(2, ICC_EOIR1, 5);
    // Aff1 = 1 names no PE; SGI0R only reaches group 0 SGIs.
    h.w(0, ICC_SGI1R, 5 << 24 | 1 << 16 | 0b110);
    h.w(0, ICC_SGI0R, 5 << 24 | 0b110);
    assert_eq!((h.lines(1), h.lines(2)), (0, 0));
    assert_eq!(h.rd(1, 0x1_0200), 0);
    // Group 0 SGI 6 on PE 1: SGI0R, ASGI1R and SGI1R (DS = 1) all reach it.
    h.rdw(1, 0x1_0080, 0xFFFF_FFBF);
    for k in [ICC_SGI0R, ICC_ASGI1R, ICC_SGI1R] {
        h.w(0, k, 6 << 24 | 0b10);
        assert_eq!(h.rd(1, 0x1_0200), 1 << 6, "{k:#x}");
        h.rdw(1, 0x1_0280, 1 << 6);
    }
}

#[test]
fn ppi_and_bad_indices() {
    let mut h = H::new(2, 32);
    h.linux_init();
    h.enable(1, 27, 0x80);
    h.g.set_ppi(1, 27, true);
    assert_eq!((h.lines(0), h.lines(1)), (0, IRQ), "PPIs are private");
    h.g.set_ppi(0, 25, true); // the maintenance PPI is driven internally
    assert_eq!(h.rd(0, 0x1_0200), 0);
    h.g.set_ppi(5, 27, true);
    h.g.set_ppi(0, 5, true);
    h.g.set_ppi(0, 99, true);
    h.g.set_spi(5000, true);
    h.g.set_spi(3, true);
    assert_eq!(h.lines(9), 0);
    assert_eq!(h.r(9, ICC_IAR1), 0);
    h.w(9, ICC_SGI1R, u64::MAX);
    h.w(0, ICC_SGI1R, u64::MAX);
    h.w(0, ICC_EOIR1, u64::MAX);
    h.w(0, ICC_DIR, 5000);
    assert_eq!(h.r(0, 0xFFFF), 0, "unknown key");
}
