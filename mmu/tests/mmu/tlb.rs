//! TLB tagging and every invalidation operation.

use el2emu_mmu::perms::check_access;
use el2emu_mmu::regime::{Perms, RegimeKind};
use el2emu_mmu::tlb::CAPACITY;
use el2emu_mmu::{AccessKind, Fault, FaultKind, Tlb, TlbiOp, Translation};

use super::common::*;

const K10: RegimeKind = RegimeKind::El10;
const K2: RegimeKind = RegimeKind::El2;
const K20: RegimeKind = RegimeKind::El20;

fn tr(pa: u64, size: u64, asid: Option<u16>) -> Translation {
    Translation {
        pa_page: pa,
        ipa_page: pa,
        page_size: size,
        perms: Perms {
            priv_r: true,
            priv_w: true,
            priv_x: true,
            user_r: true,
            user_w: true,
            user_x: true,
            ..Perms::default()
        },
        non_global: asid.is_some(),
        asid: asid.unwrap_or(0),
        attr_index: 0,
        attrs: 0xff,
        level: 3,
        s2_level: 0,
    }
}

fn pa(t: &Tlb, kind: RegimeKind, vmid: u16, asid: u16, va: u64) -> Option<u64> {
    t.lookup(kind, vmid, asid, va).map(|t| t.pa_page)
}

#[test]
fn tagging_by_asid_vmid_and_regime() {
    let mut t = Tlb::new();
    let va = 0x4000_1000;
    t.insert(K10, 1, va, tr(0x1000, 0x1000, Some(1)));
    t.insert(K10, 1, va, tr(0x2000, 0x1000, Some(2)));
    t.insert(K10, 2, va, tr(0x3000, 0x1000, Some(1)));
    t.insert(K20, 7, va, tr(0x4000, 0x1000, Some(1)));
    assert_eq!(pa(&t, K10, 1, 1, va), Some(0x1000));
    assert_eq!(pa(&t, K10, 1, 2, va), Some(0x2000));
    assert_eq!(pa(&t, K10, 1, 3, va), None, "other ASID");
    assert_eq!(pa(&t, K10, 2, 1, va), Some(0x3000), "other VMID");
    assert_eq!(pa(&t, K20, 0, 1, va), Some(0x4000), "EL2&0 has no VMID");
    assert_eq!(pa(&t, K2, 0, 1, va), None, "other regime");
    // A global entry matches any ASID.
    t.insert(K10, 1, 0x5000, tr(0x5000, 0x1000, None));
    assert_eq!(pa(&t, K10, 1, 99, 0x5abc), Some(0x5000));
    // Re-inserting the same tag replaces.
    t.insert(K10, 1, va, tr(0x6000, 0x1000, Some(1)));
    assert_eq!(pa(&t, K10, 1, 1, va), Some(0x6000));
    assert_eq!(t.len(), 5);
    // A tagged VA is a different entry, but the same page for invalidation.
    t.insert(K10, 1, 0xab00_0000_0000_5000, tr(0x7000, 0x1000, None));
    assert_eq!(pa(&t, K10, 1, 0, 0xab00_0000_0000_5000), Some(0x7000));
    t.invalidate(TlbiOp::VaAllAsid { kind: K10, vmid: 1, va: 0x5000, last_level: false });
    assert_eq!(pa(&t, K10, 1, 0, 0xab00_0000_0000_5000), None);
    assert_eq!(pa(&t, K10, 1, 0, 0x5000), None);
}

/// A TLB with a mix of entries; returns it.
fn filled() -> Tlb {
    let mut t = Tlb::new();
    t.insert(K10, 1, 0x1000, tr(0xa000, 0x1000, Some(1)));
    t.insert(K10, 1, 0x1000, tr(0xb000, 0x1000, Some(2)));
    t.insert(K10, 1, 0x2000, tr(0xc000, 0x1000, None));
    t.insert(K10, 2, 0x1000, tr(0xd000, 0x1000, Some(1)));
    // A 2 MiB block entry, inserted for a page in its middle.
    t.insert(K10, 1, 0x20_5000, tr(0x60_0000, 0x20_0000, Some(1)));
    t.insert(K2, 0, 0x1000, tr(0xe000, 0x1000, None));
    t.insert(K20, 0, 0x1000, tr(0xf000, 0x1000, Some(1)));
    assert_eq!(t.len(), 7);
    t
}

#[test]
fn whole_regime_operations() {
    let mut t = filled();
    t.invalidate(TlbiOp::AllE1);
    assert_eq!(t.len(), 2);
    assert!(pa(&t, K2, 0, 0, 0x1000).is_some() && pa(&t, K20, 0, 1, 0x1000).is_some());

    let mut t = filled();
    t.invalidate(TlbiOp::AllE2);
    assert_eq!(t.len(), 5);
    assert!(pa(&t, K2, 0, 0, 0x1000).is_none() && pa(&t, K20, 0, 1, 0x1000).is_none());

    let mut t = filled();
    t.invalidate(TlbiOp::VmallE1 { kind: K10, vmid: 1 });
    assert_eq!(t.len(), 3, "only VMID 2 and the EL2 regimes remain");
    assert_eq!(pa(&t, K10, 2, 1, 0x1000), Some(0xd000));

    let mut t = filled();
    t.invalidate(TlbiOp::VmallS12E1 { vmid: 2 });
    assert_eq!(t.len(), 6);
    assert_eq!(pa(&t, K10, 2, 1, 0x1000), None);

    let mut t = filled();
    t.invalidate(TlbiOp::VmallE1 { kind: K20, vmid: 55 });
    assert_eq!(t.len(), 6, "EL2&0 entries go whatever the VMID operand");

    let mut t = filled();
    t.invalidate(TlbiOp::All);
    assert!(t.is_empty());
}

#[test]
fn asid_and_va_operations() {
    let mut t = filled();
    t.invalidate(TlbiOp::Asid { kind: K10, vmid: 1, asid: 1 });
    assert_eq!(pa(&t, K10, 1, 1, 0x1000), None);
    assert_eq!(pa(&t, K10, 1, 1, 0x20_0000), None, "the block tagged ASID 1");
    assert_eq!(pa(&t, K10, 1, 2, 0x1000), Some(0xb000));
    assert_eq!(pa(&t, K10, 1, 1, 0x2000), Some(0xc000), "global entries stay");
    assert_eq!(pa(&t, K10, 2, 1, 0x1000), Some(0xd000), "other VMID stays");

    // By VA + ASID: that ASID's entry and global ones, not other ASIDs'.
    let mut t = filled();
    t.invalidate(TlbiOp::Va { kind: K10, vmid: 1, asid: 1, va: 0x1000, last_level: true });
    assert_eq!(pa(&t, K10, 1, 1, 0x1000), None);
    assert_eq!(pa(&t, K10, 1, 2, 0x1000), Some(0xb000));
    t.invalidate(TlbiOp::Va { kind: K10, vmid: 1, asid: 9, va: 0x2000, last_level: false });
    assert_eq!(pa(&t, K10, 1, 9, 0x2000), None, "global entry for the VA goes");
    // A VA anywhere in the 2 MiB block removes the block entry.
    t.invalidate(TlbiOp::Va { kind: K10, vmid: 1, asid: 1, va: 0x3f_f000, last_level: false });
    assert_eq!(pa(&t, K10, 1, 1, 0x20_5000), None);

    // By VA, all ASIDs.
    let mut t = filled();
    t.invalidate(TlbiOp::VaAllAsid { kind: K10, vmid: 1, va: 0x1fff, last_level: false });
    assert_eq!(pa(&t, K10, 1, 1, 0x1000), None);
    assert_eq!(pa(&t, K10, 1, 2, 0x1000), None);
    assert_eq!(pa(&t, K10, 2, 1, 0x1000), Some(0xd000));
    assert_eq!(t.len(), 5);

    // EL2: VAE2 on the EL2 regime only.
    let mut t = filled();
    t.invalidate(TlbiOp::Va { kind: K2, vmid: 0, asid: 0, va: 0x1000, last_level: false });
    assert_eq!(t.len(), 6);
    assert_eq!(pa(&t, K20, 0, 1, 0x1000), Some(0xf000));
}

#[test]
fn ipa_operation_and_operands() {
    let mut t = filled();
    // ipa_page == pa_page in `tr`: IPA 0x60_1000 lies in the 2 MiB block's IPA range.
    t.invalidate(TlbiOp::Ipa { vmid: 1, ipa: 0x60_1000, last_level: false });
    assert_eq!(t.len(), 6);
    assert_eq!(pa(&t, K10, 1, 1, 0x20_5000), None);
    t.invalidate(TlbiOp::Ipa { vmid: 2, ipa: 0xd000, last_level: true });
    assert_eq!(pa(&t, K10, 2, 1, 0x1000), None);
    assert_eq!(t.len(), 5);
    // Operand decoding: Xt[43:0] = VA[55:12], Xt[63:48] = ASID, Xt[35:0] = IPA[47:12].
    assert_eq!(TlbiOp::va_from_operand(0x0042_0fff_ffff_ffff), 0x00ff_ffff_ffff_f000);
    assert_eq!(TlbiOp::asid_from_operand(0x0042_0000_0000_0001), 0x42);
    assert_eq!(TlbiOp::ipa_from_operand(0x0000_000f_0000_0001), 0x0000_f000_0000_1000);
}

#[test]
fn capacity_is_bounded() {
    let mut t = Tlb::new();
    for i in 0..(CAPACITY as u64 + 10) {
        t.insert(K10, 0, i << 12, tr(i << 12, 0x1000, None));
    }
    assert!(t.len() <= CAPACITY);
    assert!(!t.is_empty());
}

#[test]
fn cached_translation_permission_check() {
    // A translation from a walk, cached and re-checked for another accessor.
    let pt = Pt::new();
    let l = [RAM_BASE, RAM_BASE + 0x1000, RAM_BASE + 0x2000, RAM_BASE + 0x3000];
    pt.set(l[0] + 8, l[1] | TABLE);
    pt.set(l[1] + 8, l[2] | TABLE);
    pt.set(l[2] + 8, l[3] | TABLE);
    pt.set(l[3] + 8, 0x4123_4000 | AF | ap(0b11) | NG | PAGE);
    let mut ram = pt.ram.clone();
    let mut r = el10(tcr_4k(16, 16) | (1 << 36), l[0] | (3 << 48), 0);
    let va = 0x0000_0080_4020_1abc;
    let tr = el2emu_mmu::stage1::translate(&r, va, AccessKind::Read, &mut ram).unwrap();
    let mut t = Tlb::new();
    let asid = el2emu_mmu::stage1::current_asid(&r);
    assert_eq!(asid, 3);
    t.insert(r.kind, r.vmid, va, tr);
    let hit = *t.lookup(r.kind, r.vmid, asid, va).unwrap();
    assert!(check_access(&hit, &r, AccessKind::Read, va).is_ok());
    assert_eq!(check_access(&hit, &r, AccessKind::Write, va), Err(Fault::s1(FaultKind::Permission, 3)));
    r.pan = true;
    assert_eq!(check_access(&hit, &r, AccessKind::Read, va), Err(Fault::s1(FaultKind::Permission, 3)));
}
