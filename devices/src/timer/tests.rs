//! Timer levels and deadlines, expected values worked out from Arm ARM D11.2.4.

use super::*;

fn pe(vtime: u64) -> Box<CpuState> {
    let mut s = CpuState::new(2);
    s.vtime = vtime;
    s
}

fn level(s: &CpuState, intid: u32) -> bool {
    levels(s).iter().find(|l| l.0 == intid).map(|l| l.1).unwrap()
}

#[test]
fn intids_in_order() {
    let s = pe(0);
    let ids: Vec<u32> = levels(&s).iter().map(|l| l.0).collect();
    assert_eq!(ids, vec![30, 27, 26, 28]);
    assert!(levels(&s).iter().all(|l| !l.1), "all disabled at reset");
    assert_eq!(next_deadline(&s), None);
}

#[test]
fn physical_timer_fires_at_cval() {
    let mut s = pe(16 * 100 - 1); // counter = 99
    s.sys[Slot::CNTP_CTL_EL0 as usize] = CTL_ENABLE;
    s.sys[Slot::CNTP_CVAL_EL0 as usize] = 100;
    assert!(!level(&s, ppi::PHYS));
    assert_eq!(next_deadline(&s), Some(1600));
    s.vtime = 1600; // counter = 100
    assert!(level(&s, ppi::PHYS));
    assert_eq!(next_deadline(&s), None, "a firing timer has no future deadline");
    s.sys[Slot::CNTP_CTL_EL0 as usize] = CTL_ENABLE | CTL_IMASK;
    assert!(!level(&s, ppi::PHYS), "IMASK hides the output");
    s.sys[Slot::CNTP_CTL_EL0 as usize] = 0;
    assert!(!level(&s, ppi::PHYS), "disabled");
}

#[test]
fn virtual_timer_uses_cntvoff() {
    let mut s = pe(16 * 1000); // counter = 1000
    s.sys[Slot::CNTVOFF_EL2 as usize] = 400; // virtual count = 600
    s.sys[Slot::CNTV_CTL_EL0 as usize] = CTL_ENABLE;
    s.sys[Slot::CNTV_CVAL_EL0 as usize] = 600;
    assert!(level(&s, ppi::VIRT));
    s.sys[Slot::CNTV_CVAL_EL0 as usize] = 650;
    assert!(!level(&s, ppi::VIRT));
    // virtual 650 = physical 1050 = vtime 16800
    assert_eq!(next_deadline(&s), Some(16_800));
}

#[test]
fn el2_timers_use_physical_count() {
    let mut s = pe(16 * 50);
    s.sys[Slot::CNTVOFF_EL2 as usize] = 1000; // must not affect CNTHV
    s.sys[Slot::CNTHP_CTL_EL2 as usize] = CTL_ENABLE;
    s.sys[Slot::CNTHP_CVAL_EL2 as usize] = 50;
    s.sys[Slot::CNTHV_CTL_EL2 as usize] = CTL_ENABLE;
    s.sys[Slot::CNTHV_CVAL_EL2 as usize] = 60;
    assert!(level(&s, ppi::HYP_PHYS));
    assert!(!level(&s, ppi::HYP_VIRT));
    assert_eq!(next_deadline(&s), Some(960));
}

#[test]
fn deadline_is_the_minimum() {
    let mut s = pe(0);
    s.sys[Slot::CNTP_CTL_EL0 as usize] = CTL_ENABLE;
    s.sys[Slot::CNTP_CVAL_EL0 as usize] = 300;
    s.sys[Slot::CNTHP_CTL_EL2 as usize] = CTL_ENABLE;
    s.sys[Slot::CNTHP_CVAL_EL2 as usize] = 200;
    s.sys[Slot::CNTV_CTL_EL0 as usize] = CTL_ENABLE | CTL_IMASK; // masked: ignored
    s.sys[Slot::CNTV_CVAL_EL0 as usize] = 1;
    assert_eq!(next_deadline(&s), Some(3200));
}

#[test]
fn deadline_saturates() {
    let mut s = pe(0);
    s.sys[Slot::CNTP_CTL_EL0 as usize] = CTL_ENABLE;
    s.sys[Slot::CNTP_CVAL_EL0 as usize] = u64::MAX;
    assert_eq!(next_deadline(&s), Some(u64::MAX));
    s.sys[Slot::CNTP_CVAL_EL0 as usize] = 1 << 60; // exactly representable: 1 << 64 is not
    assert_eq!(next_deadline(&s), Some(u64::MAX));
    s.sys[Slot::CNTP_CVAL_EL0 as usize] = (1 << 60) - 1;
    assert_eq!(next_deadline(&s), Some(((1u64 << 60) - 1) << 4));
}

#[test]
fn virtual_count_wraps_like_hardware() {
    // CNTVOFF larger than the physical count: the virtual count wraps to a huge value,
    // so any CVAL below it fires at once.
    let mut s = pe(16 * 10);
    s.sys[Slot::CNTVOFF_EL2 as usize] = 20;
    s.sys[Slot::CNTV_CTL_EL0 as usize] = CTL_ENABLE;
    s.sys[Slot::CNTV_CVAL_EL0 as usize] = 5;
    assert!(level(&s, ppi::VIRT));
    // CVAL = u64::MAX: virtual count is 2^64 - 10, reaches it after 9 ticks.
    s.sys[Slot::CNTV_CVAL_EL0 as usize] = u64::MAX;
    assert!(!level(&s, ppi::VIRT));
    assert_eq!(next_deadline(&s), Some(16 * 19));
}
