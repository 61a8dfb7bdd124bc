//! Every stage-1 fault kind with the level it is reported at.

use super::common::*;
use el2emu_mmu::granule::Granule;
use el2emu_mmu::stage1::translate;
use el2emu_mmu::{AccessKind, Fault, FaultKind};

const R: AccessKind = AccessKind::Read;
const VA: u64 = 0x0000_0080_4020_1abc; // every 4K index is 1 (see stage1.rs)

/// A 4-level 4K table set for VA with the page descriptor `leaf`; returns (pt, l0..l3).
fn tables(leaf: u64) -> (Pt, [u64; 4]) {
    let pt = Pt::new();
    let l = [RAM_BASE, RAM_BASE + 0x1000, RAM_BASE + 0x2000, RAM_BASE + 0x3000];
    pt.set(l[0] + 8, l[1] | TABLE);
    pt.set(l[1] + 8, l[2] | TABLE);
    pt.set(l[2] + 8, l[3] | TABLE);
    pt.set(l[3] + 8, leaf);
    (pt, l)
}

fn walk(pt: &Pt, tcr: u64, ttbr0: u64) -> Result<el2emu_mmu::Translation, Fault> {
    let mut ram = pt.ram.clone();
    translate(&el10(tcr, ttbr0, 0), VA, R, &mut ram)
}

#[test]
fn translation_faults_at_each_level() {
    for level in 0..4usize {
        let (pt, l) = tables(0x4000_0000 | AF | PAGE);
        pt.set(l[level] + 8, 0);
        let f = walk(&pt, tcr_4k(16, 16), l[0]).unwrap_err();
        assert_eq!(f, Fault::s1(FaultKind::Translation, level as i8), "invalid at level {level}");
        // Bits 1:0 = 10 are invalid too.
        pt.set(l[level] + 8, 0x4000_0000 | 0b10);
        let f = walk(&pt, tcr_4k(16, 16), l[0]).unwrap_err();
        assert_eq!(f, Fault::s1(FaultKind::Translation, level as i8));
    }
    // Reserved 01 encoding at level 3.
    let (pt, l) = tables(0x4000_0000 | AF | BLOCK);
    assert_eq!(walk(&pt, tcr_4k(16, 16), l[0]).unwrap_err(), Fault::s1(FaultKind::Translation, 3));
    // EPD0.
    let (pt, l) = tables(0x4000_0000 | AF | PAGE);
    assert_eq!(walk(&pt, tcr_4k(16, 16) | (1 << 7), l[0]).unwrap_err(), Fault::s1(FaultKind::Translation, 0));
    // T0SZ out of 16..=39: this model faults rather than clamps.
    assert_eq!(walk(&pt, tcr_4k(15, 16), l[0]).unwrap_err(), Fault::s1(FaultKind::Translation, 0));
    assert_eq!(walk(&pt, tcr_4k(40, 16), l[0]).unwrap_err(), Fault::s1(FaultKind::Translation, 0));
}

#[test]
fn access_flag_faults() {
    let (pt, l) = tables(0x4000_0000 | PAGE);
    assert_eq!(walk(&pt, tcr_4k(16, 16), l[0]).unwrap_err(), Fault::s1(FaultKind::AccessFlag, 3));
    // A 2 MiB block at level 2 without AF.
    pt.set(l[2] + 8, 0x4000_0000 | BLOCK);
    assert_eq!(walk(&pt, tcr_4k(16, 16), l[0]).unwrap_err(), Fault::s1(FaultKind::AccessFlag, 2));
}

#[test]
fn address_size_faults() {
    // IPS = 010 (40 bits).
    let tcr40 = (tcr_4k(16, 16) & !(7 << 32)) | (0b010 << 32);
    // TTBR with bit 40 set: level 0.
    let (pt, l) = tables(0x4000_0000 | AF | PAGE);
    assert_eq!(walk(&pt, tcr40, l[0] | (1 << 40)).unwrap_err(), Fault::s1(FaultKind::AddressSize, 0));
    // Table descriptor at level 1 pointing above 40 bits: level 1.
    pt.set(l[1] + 8, (1 << 44) | l[2] | TABLE);
    assert_eq!(walk(&pt, tcr40, l[0]).unwrap_err(), Fault::s1(FaultKind::AddressSize, 1));
    // Page output above 40 bits: level 3.
    let (pt, l) = tables((1 << 41) | AF | PAGE);
    assert_eq!(walk(&pt, tcr40, l[0]).unwrap_err(), Fault::s1(FaultKind::AddressSize, 3));
    // The same page is fine with a 48-bit IPS.
    assert_eq!(walk(&pt, tcr_4k(16, 16), l[0]).unwrap().pa_page, 1 << 41);
    // Address size is checked before the access flag.
    let (pt, l) = tables((1 << 41) | PAGE);
    assert_eq!(walk(&pt, tcr40, l[0]).unwrap_err(), Fault::s1(FaultKind::AddressSize, 3));
}

#[test]
fn external_abort_on_walk() {
    // TTBR outside RAM: the first descriptor read fails, at the starting level.
    let (pt, _) = tables(0x4000_0000 | AF | PAGE);
    assert_eq!(walk(&pt, tcr_4k(16, 16), 0x1000).unwrap_err(), Fault::s1(FaultKind::ExternalOnWalk, 0));
    let mut pt = Pt::new();
    let root = pt.root(Granule::K4, 39, 1);
    pt.map(Geo(Granule::K4, 39, 1), root, VA & 0x7f_ffff_ffff, 2, 0x1_0000_0000 | TABLE);
    let mut ram = pt.ram.clone();
    let f = translate(&el10(tcr_4k(25, 25), root, 0), VA & 0x7f_ffff_ffff, R, &mut ram).unwrap_err();
    assert_eq!(f, Fault::s1(FaultKind::ExternalOnWalk, 3), "level-2 table points outside RAM");
}

#[test]
fn permission_fault_level_is_the_leaf_level() {
    let (pt, l) = tables(0x4000_0000 | AF | ap(0b10) | PAGE);
    let mut ram = pt.ram.clone();
    let r = el10(tcr_4k(16, 16), l[0], 0);
    assert_eq!(translate(&r, VA, AccessKind::Write, &mut ram).unwrap_err(), Fault::s1(FaultKind::Permission, 3));
    pt.set(l[2] + 8, 0x4000_0000 | AF | ap(0b10) | BLOCK);
    assert_eq!(translate(&r, VA, AccessKind::Write, &mut ram).unwrap_err(), Fault::s1(FaultKind::Permission, 2));
    // The FSC of these faults, for the ISS.
    assert_eq!(Fault::s1(FaultKind::Permission, 2).fsc(), 0b001110);
}
