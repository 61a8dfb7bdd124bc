//! Stage 2: concatenated starting tables, S1PTW faults, S2AP/XN, attribute combining,
//! configuration checks.

use super::common::*;
use el2emu_mmu::granule::Granule;
use el2emu_mmu::stage1::{translate, translate_stage1};
use el2emu_mmu::{AccessKind, Fault, FaultKind, Regime};

const R: AccessKind = AccessKind::Read;
const W: AccessKind = AccessKind::Write;
const X: AccessKind = AccessKind::Exec;

/// VTCR: T0SZ=24 (40-bit IPA), SL0=1 (start at level 1), 4K. Level 1 resolves bits
/// 39:30 = 10 bits = 1024 entries: two concatenated 4 KiB tables, 8 KiB aligned.
const VTCR_40: u64 = 24 | (1 << 6) | (0b101 << 16) | (1 << 19);

/// A stage-2 root per VTCR_40 with RAM identity-mapped by a 1 GiB block (L1 index 1).
fn s2_setup() -> (Pt, u64) {
    let mut pt = Pt::new();
    let root = pt.root(Granule::K4, 40, 1);
    assert_eq!(root % 0x2000, 0);
    pt.set(root + 8, RAM_BASE | s2_attrs(0b11) | BLOCK);
    (pt, root)
}

fn s1_off(s2root: u64) -> Regime {
    let mut r = el10(0, 0, 0);
    r.s1.enabled = false;
    r.s2 = s2(VTCR_40, s2root, 5);
    r
}

#[test]
fn concatenated_level1_tables() {
    let (pt, root) = s2_setup();
    // IPA 0x80_4000_0000: bits 39:30 = 0x201 = 513, i.e. entry 1 of the second table,
    // at root + 513 * 8 = root + 0x1008.
    pt.set(root + 0x1008, 0x1_c000_0000 | s2_attrs(0b11) | BLOCK);
    let mut ram = pt.ram.clone();
    let t = translate(&s1_off(root), 0x80_4000_1234, R, &mut ram).unwrap();
    assert_eq!(t.pa_page, 0x1_c000_1000);
    assert_eq!(t.ipa_page, 0x80_4000_1000);
    assert_eq!(t.page_size, 0x1000, "the smaller of the flat 4K and the 1G block");
    assert_eq!(t.s2_level, 1);
    // Bit 40 is beyond the 40-bit IPA space: stage-2 Translation fault level 0.
    let f = translate(&s1_off(root), 0x100_0000_0000, R, &mut ram).unwrap_err();
    assert_eq!(f, Fault::s2(FaultKind::Translation, 0, 0x100_0000_0000, false));
}

#[test]
fn sixty_four_k_and_sixteen_k_concatenation() {
    // 64K, T0SZ=20 (44 bits), SL0=1: start level 2 resolving bits 43:29 = 15 bits:
    // four concatenated 64 KiB tables. IPA 0xe00_2000_0000 >> 29 = 0x7001 = 28673,
    // i.e. table 3 entry 4097, at root + 0x3_8008.
    let mut pt = Pt::new();
    let root = pt.root(Granule::K64, 44, 2);
    pt.set(root + 0x3_8008, 0x6000_0000 | s2_attrs(0b11) | BLOCK);
    let mut ram = pt.ram.clone();
    let mut r = s1_off(root);
    r.s2 = s2(vtcr(20, 1, 0b01), root, 1);
    let t = translate(&r, 0xe00_2000_1234, R, &mut ram).unwrap();
    assert_eq!((t.pa_page, t.s2_level), (0x6000_1000, 2));

    // 16K, T0SZ=24 (40 bits), SL0=1: level 2 resolves bits 39:25 = 15 bits, the
    // maximum of 16 concatenated tables. T0SZ=23 would need 32: invalid.
    let mut pt = Pt::new();
    let root = pt.root(Granule::K16, 40, 2);
    // IPA 0xff_fe00_0000 >> 25 = 0x7fff: the last entry, at root + 0x3_fff8.
    pt.set(root + 0x3_fff8, 0x8000_0000 | s2_attrs(0b11) | BLOCK);
    let mut ram = pt.ram.clone();
    r.s2 = s2(vtcr(24, 1, 0b10), root, 1);
    assert_eq!(translate(&r, 0xff_fe00_0000, R, &mut ram).unwrap().pa_page, 0x8000_0000);
    r.s2 = s2(vtcr(23, 1, 0b10), root, 1);
    assert_eq!(translate(&r, 0x0, R, &mut ram).unwrap_err(), Fault::s2(FaultKind::Translation, 0, 0, false));
}

#[test]
fn invalid_sl0_t0sz_combinations() {
    let (pt, root) = s2_setup();
    let mut ram = pt.ram.clone();
    let fault0 = Fault::s2(FaultKind::Translation, 0, RAM_BASE, false);
    let mut r = s1_off(root);
    // (T0SZ, SL0): level 2 start for 40 bits needs 19 index bits (> 13);
    // 48 bits at level 1 needs 18; SL0=3 is reserved for 4K.
    for (t0sz, sl0) in [(24, 0), (16, 1), (24, 3), (12, 1), (40, 0)] {
        r.s2 = s2(vtcr(t0sz, sl0, 0), root, 1);
        assert_eq!(translate(&r, RAM_BASE, R, &mut ram).unwrap_err(), fault0, "T0SZ={t0sz} SL0={sl0}");
    }
    // 40 bits starting at level 0 resolves one bit (two entries): allowed.
    let mut pt = Pt::new();
    let root0 = pt.root(Granule::K4, 40, 0);
    pt.map(Geo(Granule::K4, 40, 0), root0, RAM_BASE, 1, RAM_BASE | s2_attrs(0b11) | BLOCK);
    let mut ram = pt.ram.clone();
    r.s2 = s2(vtcr(24, 2, 0), root0, 1);
    assert_eq!(translate(&r, RAM_BASE + 0x10, R, &mut ram).unwrap().pa_page, RAM_BASE);
}

/// Stage 1 (4K, T0SZ=25, start level 1) whose tables live in RAM (IPA = PA through
/// the identity block), mapping `va` to IPA `out` with a page descriptor.
fn s1_over_s2(pt: &mut Pt, va: u64, leaf: u64) -> u64 {
    let root = pt.root(Granule::K4, 39, 1);
    pt.map(Geo(Granule::K4, 39, 1), root, va, 3, leaf);
    root
}

#[test]
fn two_stage_translation_and_attributes() {
    let (mut pt, s2root) = s2_setup();
    let va = 0x12_3456_7000;
    let s1root = s1_over_s2(&mut pt, va, 0x80_0000_3000 | AF | attr(1) | PAGE);
    // IPA 0x80_0000_3000 -> PA via a stage-2 page; MemAttr Device-nGnRnE (0000).
    pt.map(Geo(Granule::K4, 40, 1), s2root, 0x80_0000_3000, 3, 0x4abc_d000 | AF | (0b11 << 6) | PAGE);
    let mut ram = pt.ram.clone();
    let mut r = el10(tcr_4k(25, 25), s1root, 0);
    r.s2 = s2(VTCR_40, s2root, 9);
    let t = translate(&r, va | 0x123, R, &mut ram).unwrap();
    assert_eq!((t.pa_page, t.ipa_page, t.level, t.s2_level), (0x4abc_d000, 0x80_0000_3000, 3, 3));
    assert_eq!(t.attrs, 0x00, "stage-2 Device wins over stage-1 Normal");
    // Stage 1 only: the output is the IPA, with stage-1 attributes.
    let t = translate_stage1(&r, va, R, &mut ram).unwrap();
    assert_eq!((t.pa_page, t.attrs), (0x80_0000_3000, 0xff));
}

#[test]
fn s1ptw_faults() {
    let (mut pt, s2root) = s2_setup();
    let va = 0x12_3456_7000; // L1 index 0x48 (0x12_3456_7000 >> 30)
    let s1root = s1_over_s2(&mut pt, va, 0x4000_0000 | AF | PAGE);
    let mut ram = pt.ram.clone();
    // Put stage 1's root at IPA 0x1_0000_0000 + offset: unmapped at stage 2 (L1 index 4).
    let ipa_root = 0x1_0000_0000 + (s1root - RAM_BASE);
    let mut r = el10(tcr_4k(25, 25), ipa_root, 0);
    r.s2 = s2(VTCR_40, s2root, 9);
    let desc_ipa = ipa_root + 0x48 * 8;
    for f in [translate(&r, va, R, &mut ram).unwrap_err(), translate_stage1(&r, va, R, &mut ram).unwrap_err()] {
        assert_eq!(f, Fault::s2(FaultKind::Translation, 1, desc_ipa, true));
    }
    // Map that IPA window onto RAM with no stage-2 access: Permission fault, S1PTW.
    pt.set(s2root + 4 * 8, RAM_BASE | s2_attrs(0b00) | BLOCK);
    assert_eq!(translate(&r, va, R, &mut ram).unwrap_err(), Fault::s2(FaultKind::Permission, 1, desc_ipa, true));
    // Read-only is enough for walks, even for a write access.
    pt.set(s2root + 4 * 8, RAM_BASE | s2_attrs(0b01) | BLOCK);
    assert_eq!(translate(&r, va, W, &mut ram).unwrap().pa_page, 0x4000_0000);
    assert_eq!(translate(&r, va, R, &mut ram).unwrap().pa_page, 0x4000_0000);
}

#[test]
fn s2ap_xn_af_and_address_size() {
    let (mut pt, s2root) = s2_setup();
    let va = 0x12_3456_7000;
    let s1root = s1_over_s2(&mut pt, va, 0x80_0000_3000 | AF | PAGE);
    let mut r = el10(tcr_4k(25, 25), s1root, 0);
    r.s2 = s2(VTCR_40, s2root, 9);
    let ipa = 0x80_0000_3000 | 0x40;
    let set = |pt: &mut Pt, desc: u64| pt.map(Geo(Granule::K4, 40, 1), s2root, 0x80_0000_3000, 3, desc);
    // S2AP = 01: read-only.
    set(&mut pt, 0x4abc_d000 | s2_attrs(0b01) | PAGE);
    let mut ram = pt.ram.clone();
    assert!(translate(&r, va | 0x40, R, &mut ram).is_ok());
    assert_eq!(translate(&r, va | 0x40, W, &mut ram).unwrap_err(), Fault::s2(FaultKind::Permission, 3, ipa, false));
    // S2AP = 10: write-only; XN: no fetch.
    set(&mut pt, 0x4abc_d000 | s2_attrs(0b10) | UXN | PAGE);
    assert!(translate(&r, va | 0x40, W, &mut ram).is_ok());
    assert_eq!(translate(&r, va | 0x40, R, &mut ram).unwrap_err().kind, FaultKind::Permission);
    assert_eq!(translate(&r, va | 0x40, X, &mut ram).unwrap_err(), Fault::s2(FaultKind::Permission, 3, ipa, false));
    // S2AP = 00, XN = 0: execute-only at stage 2.
    set(&mut pt, 0x4abc_d000 | s2_attrs(0b00) | PAGE);
    assert!(translate(&r, va | 0x40, X, &mut ram).is_ok());
    // AF = 0.
    set(&mut pt, 0x4abc_d000 | (0b11 << 6) | PAGE);
    assert_eq!(translate(&r, va | 0x40, R, &mut ram).unwrap_err(), Fault::s2(FaultKind::AccessFlag, 3, ipa, false));
    // Output above VTCR.PS = 40 bits.
    r.s2 = s2((VTCR_40 & !(7 << 16)) | (0b010 << 16), s2root, 9);
    set(&mut pt, (1 << 42) | s2_attrs(0b11) | PAGE);
    assert_eq!(translate(&r, va | 0x40, R, &mut ram).unwrap_err(), Fault::s2(FaultKind::AddressSize, 3, ipa, false));
    // VTTBR above PS: level 0.
    r.s2 = s2((VTCR_40 & !(7 << 16)) | (0b010 << 16), s2root | (1 << 41), 9);
    assert_eq!(translate(&r, va, R, &mut ram).unwrap_err().kind, FaultKind::AddressSize);
    // A stage-1 Permission fault is found before anything stage 2 would report.
    let s1ro = s1_over_s2(&mut pt, va, 0x1_0000_0000 | AF | ap(0b10) | PAGE);
    r.s1.ttbr0 = s1ro;
    r.s2 = s2(VTCR_40, s2root, 9);
    assert_eq!(translate(&r, va, W, &mut ram).unwrap_err(), Fault::s1(FaultKind::Permission, 3));
    assert!(translate(&r, va, R, &mut ram).unwrap_err().stage2, "IPA 4G is unmapped");
}
