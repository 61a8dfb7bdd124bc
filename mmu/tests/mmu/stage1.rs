//! Stage-1 walks: granules, starting levels, blocks, TTBR1, the flat map.
//! Expected addresses are worked out by hand in the comments.

use super::common::*;
use el2emu_mmu::granule::Granule;
use el2emu_mmu::stage1::translate;
use el2emu_mmu::{AccessKind, FaultKind};

const R: AccessKind = AccessKind::Read;

#[test]
fn four_level_4k_hand_built() {
    // VA 0x0000_0080_4020_1abc: bits 47:39 = 1, 38:30 = 1, 29:21 = 1, 20:12 = 1,
    // offset 0xabc. Tables built by hand, one page each, entry 1 at +8.
    let pt = Pt::new();
    let (l0, l1, l2, l3) = (RAM_BASE, RAM_BASE + 0x1000, RAM_BASE + 0x2000, RAM_BASE + 0x3000);
    pt.set(l0 + 8, l1 | TABLE);
    pt.set(l1 + 8, l2 | TABLE);
    pt.set(l2 + 8, l3 | TABLE);
    pt.set(l3 + 8, 0x4123_4000 | AF | attr(1) | PAGE);
    let mut ram = pt.ram.clone();
    let r = el10(tcr_4k(16, 16), l0, 0);
    let t = translate(&r, 0x0000_0080_4020_1abc, R, &mut ram).unwrap();
    assert_eq!(t.pa_page, 0x4123_4000);
    assert_eq!(t.ipa_page, 0x4123_4000);
    assert_eq!(t.page_size, 0x1000);
    assert_eq!(t.level, 3);
    assert_eq!(t.attr_index, 1);
    assert_eq!(t.attrs, 0xff);
    assert!(!t.non_global);
    // Neighbouring page (L3 index 2) is invalid: Translation fault level 3.
    let f = translate(&r, 0x0000_0080_4020_2000, R, &mut ram).unwrap_err();
    assert_eq!((f.kind, f.level, f.stage2), (FaultKind::Translation, 3, false));
    // L0 index 0 is invalid: Translation fault level 0.
    let f = translate(&r, 0x1000, R, &mut ram).unwrap_err();
    assert_eq!((f.kind, f.level), (FaultKind::Translation, 0));
}

#[test]
fn three_level_4k_t0sz_25() {
    // T0SZ=25: 39-bit VA, start level 1. VA 0x40_4020_1abc: bits 38:30 = 0x101,
    // 29:21 = 1, 20:12 = 1. The L1 entry sits at +0x808.
    let pt = Pt::new();
    let (l1, l2, l3) = (RAM_BASE, RAM_BASE + 0x1000, RAM_BASE + 0x2000);
    pt.set(l1 + 0x808, l2 | TABLE);
    pt.set(l2 + 8, l3 | TABLE);
    pt.set(l3 + 8, 0x4555_5000 | AF | PAGE);
    let mut ram = pt.ram.clone();
    let r = el10(tcr_4k(25, 25), l1, 0);
    let t = translate(&r, 0x40_4020_1abc, R, &mut ram).unwrap();
    assert_eq!((t.pa_page, t.level, t.attrs), (0x4555_5000, 3, 0x00));
    // Bit 39 set is outside the 39-bit TTBR0 range: Translation fault level 0.
    let f = translate(&r, 0x80_0000_0000, R, &mut ram).unwrap_err();
    assert_eq!((f.kind, f.level), (FaultKind::Translation, 0));
}

#[test]
fn sixteen_k_granule() {
    // TG0=10 (16K), T0SZ=17: 47-bit VA, start level 1 (bits 46:36), L2 35:25, L3 24:14.
    // VA 0x1000_0200_4abc: L1 index 0x100 (+0x800), L2 index 1, L3 index 1, offset 0xabc.
    let pt = Pt::new();
    let (l1, l2, l3) = (RAM_BASE, RAM_BASE + 0x4000, RAM_BASE + 0x8000);
    pt.set(l1 + 0x800, l2 | TABLE);
    pt.set(l2 + 8, l3 | TABLE);
    pt.set(l3 + 8, 0x4200_c000 | AF | PAGE);
    let mut ram = pt.ram.clone();
    let tcr = 17 | (0b10 << 14) | (0b101 << 32);
    let r = el10(tcr, l1, 0);
    let t = translate(&r, 0x1000_0200_4abc, R, &mut ram).unwrap();
    assert_eq!((t.pa_page, t.page_size, t.level), (0x4200_c000, 0x4000, 3));
    // 48-bit 16K starts at level 0, which resolves only bit 47: two entries.
    let mut pt = Pt::new();
    let root = pt.root(Granule::K16, 48, 0);
    pt.map(Geo(Granule::K16, 48, 0), root, 0x8000_0000_4000, 3, 0x4300_0000 | AF | PAGE);
    assert_eq!(pt.get(root + 8) & 3, 3, "bit 47 selects L0 entry 1");
    let mut ram = pt.ram.clone();
    let r = el10(16 | (0b10 << 14) | (0b101 << 32), root, 0);
    let t = translate(&r, 0x8000_0000_4000, R, &mut ram).unwrap();
    assert_eq!(t.pa_page, 0x4300_0000);
}

#[test]
fn sixty_four_k_granule() {
    // TG0=01 (64K), T0SZ=16: start level 1 (bits 47:42), L2 41:29, L3 28:16.
    // VA 0x0400_2001_1abc: L1 index 1, L2 index 1, L3 index 1, offset 0x1abc.
    let pt = Pt::new();
    let (l1, l2, l3) = (RAM_BASE, RAM_BASE + 0x1_0000, RAM_BASE + 0x2_0000);
    pt.set(l1 + 8, l2 | TABLE);
    pt.set(l2 + 8, l3 | TABLE);
    pt.set(l3 + 8, 0x4130_0000 | AF | PAGE);
    let mut ram = pt.ram.clone();
    let r = el10(16 | (0b01 << 14) | (0b101 << 32), l1, 0);
    let t = translate(&r, 0x0400_2001_1abc, R, &mut ram).unwrap();
    assert_eq!((t.pa_page, t.page_size, t.level), (0x4130_0000, 0x1_0000, 3));
}

#[test]
fn blocks_at_each_allowed_level() {
    // 4K level 1 (1 GiB) and level 2 (2 MiB) blocks.
    let mut pt = Pt::new();
    let root = pt.root(Granule::K4, 48, 0);
    pt.map(Geo(Granule::K4, 48, 0), root, 0x8000_0000, 1, 0xc000_0000 | AF | BLOCK);
    pt.map(Geo(Granule::K4, 48, 0), root, 0x4060_0000, 2, 0x8020_0000 | AF | BLOCK);
    let mut ram = pt.ram.clone();
    let r = el10(tcr_4k(16, 16), root, 0);
    let t = translate(&r, 0x8123_4567, R, &mut ram).unwrap();
    assert_eq!((t.pa_page, t.page_size, t.level), (0xc000_0000, 1 << 30, 1));
    let t = translate(&r, 0x4071_2345, R, &mut ram).unwrap();
    assert_eq!((t.pa_page, t.page_size, t.level), (0x8020_0000, 1 << 21, 2));
    // A block at level 0 (4K) is not allowed: Translation fault level 0.
    pt.set(root + 8, 0x80_0000_0000 | AF | BLOCK);
    let f = translate(&r, 0x80_0000_0000, R, &mut ram).unwrap_err();
    assert_eq!((f.kind, f.level), (FaultKind::Translation, 0));

    // 16K: level 2 blocks are 32 MiB; a level 1 block is a Translation fault.
    let mut pt = Pt::new();
    let root = pt.root(Granule::K16, 47, 1);
    pt.map(Geo(Granule::K16, 47, 1), root, 0x6000_0000, 2, 0x8200_0000 | AF | BLOCK);
    let mut ram = pt.ram.clone();
    let r = el10(17 | (0b10 << 14) | (0b101 << 32), root, 0);
    let t = translate(&r, 0x6012_3456, R, &mut ram).unwrap();
    assert_eq!((t.pa_page, t.page_size, t.level), (0x8200_0000, 1 << 25, 2));
    pt.set(root + 8 * 2, 0x20_0000_0000 | AF | BLOCK);
    let f = translate(&r, 0x20_0000_0000, R, &mut ram).unwrap_err();
    assert_eq!((f.kind, f.level), (FaultKind::Translation, 1));

    // 64K: level 2 blocks are 512 MiB; a level 1 block is a Translation fault.
    let mut pt = Pt::new();
    let root = pt.root(Granule::K64, 48, 1);
    pt.map(Geo(Granule::K64, 48, 1), root, 0x6000_0000, 2, 0xa000_0000 | AF | BLOCK);
    let mut ram = pt.ram.clone();
    let r = el10(16 | (0b01 << 14) | (0b101 << 32), root, 0);
    let t = translate(&r, 0x7fff_fff8, R, &mut ram).unwrap();
    assert_eq!((t.pa_page, t.page_size, t.level), (0xa000_0000, 1 << 29, 2));
    pt.set(root + 8, 0x400_0000_0000 | AF | BLOCK);
    let f = translate(&r, 0x400_0000_0000, R, &mut ram).unwrap_err();
    assert_eq!((f.kind, f.level), (FaultKind::Translation, 1));
}

#[test]
fn ttbr1_high_addresses_and_asid() {
    // T1SZ=25: the upper range is 0xffff_ff80_0000_0000.. (bits 63:39 all ones).
    // VA 0xffff_ff80_4020_1abc: L1 index 1, L2 index 1, L3 index 1.
    let pt = Pt::new();
    let (l1, l2, l3) = (RAM_BASE, RAM_BASE + 0x1000, RAM_BASE + 0x2000);
    pt.set(l1 + 8, l2 | TABLE);
    pt.set(l2 + 8, l3 | TABLE);
    pt.set(l3 + 8, 0x4777_7000 | AF | NG | PAGE);
    let mut ram = pt.ram.clone();
    // A1=1: ASID from TTBR1; AS=1: 16 bits.
    let tcr = tcr_4k(25, 25) | (1 << 22) | (1 << 36);
    let r = el10(tcr, 0, l1 | (0x1234 << 48));
    let t = translate(&r, 0xffff_ff80_4020_1abc, R, &mut ram).unwrap();
    assert_eq!((t.pa_page, t.asid, t.non_global), (0x4777_7000, 0x1234, true));
    // One bit short of the range: bit 38 region below 0xffff_ff80_0000_0000.
    let f = translate(&r, 0xffff_ff7f_ffff_f000, R, &mut ram).unwrap_err();
    assert_eq!((f.kind, f.level), (FaultKind::Translation, 0));
    // EPD1 disables walks from TTBR1: Translation fault level 0.
    let r = el10(tcr | (1 << 23), 0, l1);
    let f = translate(&r, 0xffff_ff80_4020_1abc, R, &mut ram).unwrap_err();
    assert_eq!((f.kind, f.level), (FaultKind::Translation, 0));
    // TBI1 lets a tagged upper address through.
    let r = el10(tcr | (1 << 38), 0, l1);
    let t = translate(&r, 0x5aff_ff80_4020_1abc, R, &mut ram).unwrap();
    assert_eq!(t.pa_page, 0x4777_7000);
}

#[test]
fn stage1_disabled_is_flat() {
    let mut ram = Pt::new().ram;
    let mut r = el10(0, 0, 0);
    r.s1.enabled = false;
    let t = translate(&r, 0x1234_5678, R, &mut ram).unwrap();
    assert_eq!((t.pa_page, t.attrs), (0x1234_5000, 0x00), "data: Device-nGnRnE");
    let t = translate(&r, 0x1234_5678, AccessKind::Exec, &mut ram).unwrap();
    assert!(t.attrs & 0xf0 != 0, "fetch: Normal");
    // Above the 48-bit PA size: Address size fault level 0.
    let f = translate(&r, 0x1_0000_0000_0000, R, &mut ram).unwrap_err();
    assert_eq!((f.kind, f.level, f.stage2), (FaultKind::AddressSize, 0, false));
    // Unless the top byte is ignored and the rest fits.
    r.s1.tcr = 1 << 37;
    assert!(translate(&r, 0xab00_0000_1234_5000, R, &mut ram).is_ok());
    // HCR_EL2.DC: the flat map is Normal Write-Back for data.
    r.s1.flat_normal = true;
    assert_eq!(translate(&r, 0x1234_5678, R, &mut ram).unwrap().attrs, 0xff);
}
