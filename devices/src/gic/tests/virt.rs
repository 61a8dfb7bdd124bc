//! Virtual CPU interface: list registers through ICV_IAR1/EOIR1, maintenance interrupt.

use super::*;
use crate::gic::virt::{hcr, lr, misr};
use el2emu_cpu::state::lines::{IRQ, VFIQ, VIRQ};

/// LR value: state pending, group 1, priority, vINTID.
fn pending_g1(vintid: u64, prio: u64) -> u64 {
    lr::PENDING | lr::GROUP | prio << 48 | vintid
}

/// KVM-like setup: virtual interface enabled, VPMR = 0xF0, virtual group 1 enabled.
fn kvm_setup(h: &mut H) {
    h.linux_init();
    h.w(0, ICH_HCR, hcr::EN as u64);
    h.w(0, ICH_VMCR, 0xF000_0002);
}

#[test]
fn vtr_and_vmcr() {
    let mut h = H::new(1, 32);
    // PRIbits 4 (31:29), PREbits 4 (28:26), A3V (21), nV4 (20), ListRegs 3.
    assert_eq!(h.r(0, ICH_VTR), 0x9030_0003);
    h.w(0, ICH_VMCR, 0xF000_0002);
    // VFIQEn RES1 (bit 3), VBPR0 = 2 (23:21) and VBPR1 = 3 (20:18) minimums.
    assert_eq!(h.r(0, ICH_VMCR), 0xF04C_000A);
    // ICV registers are views of VMCR.
    assert_eq!(h.vr(0, ICC_PMR), 0xF0);
    assert_eq!(h.vr(0, ICC_IGRPEN1), 1);
    assert_eq!(h.vr(0, ICC_IGRPEN0), 0);
    assert_eq!(h.vr(0, ICC_CTLR), 0x8400);
    h.vw(0, ICC_CTLR, 3);
    assert_eq!(h.r(0, ICH_VMCR) & 0x210, 0x210, "VEOIM and VCBPR");
    assert_eq!(h.vr(0, ICC_BPR1), 3, "VCBPR: BPR1 reads VBPR0 + 1");
    h.vw(0, ICC_PMR, 0x87);
    assert_eq!(h.r(0, ICH_VMCR) >> 24, 0x80);
    h.vw(0, ICC_IGRPEN0, 1);
    assert_eq!(h.r(0, ICH_VMCR) & 1, 1);
    assert_eq!(h.vr(0, ICC_SRE_EL1), 0x7);
    // The physical interface is untouched.
    assert_eq!(h.r(0, ICC_PMR), 0);
}

#[test]
fn list_register_flow_with_hw_interrupt() {
    let mut h = H::new(1, 32);
    kvm_setup(&mut h);
    // The host took the virtual timer PPI 27 with EOImode = 1: dropped, still active.
    h.w(0, ICC_CTLR, 2);
    h.enable(0, 27, 0xA0);
    h.g.set_ppi(0, 27, true);
    assert_eq!(h.r(0, ICC_IAR1), 27);
    h.w(0, ICC_EOIR1, 27);
    h.g.set_ppi(0, 27, false);
    assert_eq!(h.rd(0, 0x1_0300), 1 << 27);
    // Inject it as a HW interrupt: vINTID 27 -> pINTID 27.
    h.w(0, ich_lr(0), pending_g1(27, 0xA0) | lr::HW | 27 << 32);
    assert_eq!(h.r(0, ICH_ELRSR), 0b1110);
    assert_eq!(h.lines(0), VIRQ);
    assert_eq!(h.vr(0, ICC_HPPIR1), 27);
    assert_eq!(h.vr(0, ICC_IAR1), 27);
    assert_eq!(h.r(0, ich_lr(0)) >> 62, 0b10, "LR now active");
    assert_eq!(h.vr(0, ICC_RPR), 0xA0);
    assert_eq!(h.r(0, ICH_AP1R0), 1 << 20);
    assert_eq!(h.lines(0), 0);
    assert_eq!(h.vr(0, ICC_IAR1), 1023);
    h.vw(0, ICC_EOIR1, 27);
    assert_eq!(h.r(0, ich_lr(0)) >> 62, 0, "LR invalid");
    assert_eq!(h.r(0, ICH_AP1R0), 0);
    assert_eq!(h.rd(0, 0x1_0300), 0, "physical PPI 27 deactivated");
    assert_eq!(h.r(0, ICH_ELRSR), 0b1111);
    assert_eq!(h.r(0, ICH_EISR), 0, "HW = 1 never requests EOI maintenance");
}

#[test]
fn eoi_maintenance_interrupt() {
    let mut h = H::new(1, 32);
    kvm_setup(&mut h);
    h.enable(0, 25, 0x80); // the host's maintenance interrupt handler
    h.w(0, ich_lr(1), pending_g1(40, 0x80) | lr::EOI);
    assert_eq!(h.r(0, ICH_MISR), 0);
    assert_eq!(h.vr(0, ICC_IAR1), 40);
    h.vw(0, ICC_EOIR1, 40);
    assert_eq!(h.r(0, ich_lr(1)) >> 62, 0);
    assert_eq!(h.r(0, ICH_EISR), 0b10);
    assert_eq!(h.r(0, ICH_ELRSR), 0b1101, "an LR awaiting EOI maintenance is not empty");
    assert_eq!(h.r(0, ICH_MISR), misr::EOI as u64);
    assert_eq!(h.rd(0, 0x1_0200), 1 << 25, "PPI 25 pending");
    assert_eq!(h.lines(0), IRQ);
    assert_eq!(h.r(0, ICC_IAR1), 25);
    h.w(0, ich_lr(1), 0); // the hypervisor retires the LR
    assert_eq!(h.r(0, ICH_MISR), 0);
    h.w(0, ICC_EOIR1, 25);
    assert_eq!(h.lines(0), 0, "maintenance line is level: low now");
    // Disabling the virtual interface silences maintenance.
    h.w(0, ICH_HCR, (hcr::NPIE) as u64);
    assert_eq!(h.r(0, ICH_MISR), misr::NP as u64);
    assert_eq!(h.rd(0, 0x1_0200), 0);
}

#[test]
fn split_virtual_eoi_and_eoicount() {
    let mut h = H::new(1, 32);
    kvm_setup(&mut h);
    h.w(0, ICH_HCR, (hcr::EN | hcr::LRENPIE) as u64);
    h.vw(0, ICC_CTLR, 2); // VEOIM
    h.w(0, ich_lr(2), pending_g1(50, 0x60));
    assert_eq!(h.vr(0, ICC_IAR1), 50);
    h.vw(0, ICC_EOIR1, 50);
    assert_eq!(h.vr(0, ICC_RPR), 0xFF, "priority dropped");
    assert_eq!(h.r(0, ich_lr(2)) >> 62, 0b10, "still active");
    h.vw(0, ICC_DIR, 50);
    assert_eq!(h.r(0, ich_lr(2)) >> 62, 0);
    assert_eq!(h.r(0, ICH_HCR) >> 27, 0);
    // Deactivating an interrupt no LR holds counts in EOIcount.
    h.vw(0, ICC_DIR, 51);
    assert_eq!(h.r(0, ICH_HCR) >> 27, 1);
    assert_eq!(h.r(0, ICH_MISR), misr::LRENP as u64);
}

#[test]
fn virtual_priority_and_groups() {
    let mut h = H::new(1, 32);
    kvm_setup(&mut h);
    h.w(0, ich_lr(0), pending_g1(60, 0xF0));
    assert_eq!(h.lines(0), 0, "priority not below VPMR");
    assert_eq!(h.vr(0, ICC_IAR1), 1023);
    h.w(0, ich_lr(0), pending_g1(60, 0x40));
    h.w(0, ich_lr(1), pending_g1(61, 0x20));
    assert_eq!(h.vr(0, ICC_IAR1), 61, "highest priority LR first");
    assert_eq!(h.lines(0), 0, "0x40 cannot preempt 0x20");
    h.w(0, ich_lr(2), pending_g1(62, 0x10));
    assert_eq!(h.lines(0), VIRQ, "0x10 preempts");
    // Group 0 LRs are signalled as vFIQ once group 0 is enabled.
    h.w(0, ich_lr(3), lr::PENDING | 0x08 << 48 | 63);
    assert_eq!(h.vr(0, ICC_HPPIR1), 62, "group 0 disabled: ignored");
    h.w(0, ICH_VMCR, 0xF000_0003);
    assert_eq!(h.lines(0), VFIQ);
    assert_eq!(h.vr(0, ICC_IAR1), 1023, "HPPI is group 0");
    assert_eq!(h.vr(0, ICC_IAR0), 63);
    // With the interface disabled nothing is signalled.
    h.w(0, ICH_HCR, 0);
    assert_eq!(h.lines(0), 0);
}

#[test]
fn misr_conditions() {
    let mut h = H::new(1, 32);
    kvm_setup(&mut h);
    let all = hcr::EN | hcr::UIE | hcr::NPIE | hcr::VGRP0EIE | hcr::VGRP0DIE | hcr::VGRP1EIE | hcr::VGRP1DIE;
    h.w(0, ICH_HCR, all as u64);
    // No valid LR: underflow, no pending; group 1 enabled, group 0 disabled.
    assert_eq!(h.r(0, ICH_MISR), (misr::U | misr::NP | misr::VGRP0D | misr::VGRP1E) as u64);
    h.w(0, ich_lr(0), pending_g1(70, 0x80));
    h.w(0, ich_lr(1), pending_g1(71, 0x80));
    assert_eq!(h.r(0, ICH_MISR), (misr::VGRP0D | misr::VGRP1E) as u64);
    assert_eq!(h.rd(0, 0x1_0200), 1 << 25);
}

#[test]
fn special_vintid_and_sgi_from_guest() {
    let mut h = H::new(2, 32);
    kvm_setup(&mut h);
    h.w(0, ich_lr(0), pending_g1(1021, 0x80));
    assert_eq!(h.vr(0, ICC_IAR1), 1021);
    assert_eq!(h.r(0, ich_lr(0)) >> 62, 0, "special INTID: pending -> invalid");
    assert_eq!(h.vr(0, ICC_RPR), 0xFF, "and not activated");
    // SGI generation is not virtualized (it traps); a forwarded one is ignored.
    h.enable(1, 1, 0x80);
    h.vw(0, ICC_SGI1R, 1 << 24 | 0b10);
    assert_eq!(h.lines(1), 0);
}

#[test]
fn el1_traps() {
    let mut h = H::new(1, 32);
    use el2emu_cpu::sysreg::hcr as h2;
    assert!(h.g.el1_access_traps(0, ICC_SGI1R, h2::IMO));
    assert!(h.g.el1_access_traps(0, ICC_SGI0R, h2::FMO));
    assert!(!h.g.el1_access_traps(0, ICC_SGI1R, 0));
    assert!(!h.g.el1_access_traps(0, ICC_IAR1, h2::IMO));
    h.w(0, ICH_HCR, (hcr::TALL1 | hcr::TC) as u64);
    assert!(h.g.el1_access_traps(0, ICC_IAR1, 0));
    assert!(h.g.el1_access_traps(0, ICC_PMR, 0));
    assert!(h.g.el1_access_traps(0, ICC_SGI1R, 0));
    assert!(!h.g.el1_access_traps(0, ICC_IAR0, 0));
}
