//! The stage-1 permission matrix (Arm ARM D8.4): AP[2:1] x privilege x access, then
//! PXN, UXN, WXN, PAN, hierarchical APTable/XNTable, the EL2 and EL2&0 regimes.

use super::common::*;
use el2emu_mmu::regime::RegimeKind;
use el2emu_mmu::stage1::translate;
use el2emu_mmu::{AccessKind, FaultKind, Regime};

const VA: u64 = 0x0000_0080_4020_1abc;
const R: AccessKind = AccessKind::Read;
const W: AccessKind = AccessKind::Write;
const X: AccessKind = AccessKind::Exec;

/// Build the 4K tables of faults.rs with `leaf` and a level-2 table descriptor with
/// extra bits `l2_table_bits`; return the RAM and level-0 table.
fn tables(leaf: u64, l2_table_bits: u64) -> (Pt, u64) {
    let pt = Pt::new();
    let l = [RAM_BASE, RAM_BASE + 0x1000, RAM_BASE + 0x2000, RAM_BASE + 0x3000];
    pt.set(l[0] + 8, l[1] | TABLE);
    pt.set(l[1] + 8, l[2] | TABLE);
    pt.set(l[2] + 8, l[3] | TABLE | l2_table_bits);
    pt.set(l[3] + 8, leaf);
    (pt, l[0])
}

/// Outcome of `access` with `r` tweaked by `f`: true = allowed.
fn allowed(leaf: u64, table: u64, access: AccessKind, f: impl Fn(&mut Regime)) -> bool {
    let (pt, root) = tables(leaf, table);
    let mut ram = pt.ram.clone();
    let mut r = el10(tcr_4k(16, 16), root, 0);
    f(&mut r);
    match translate(&r, VA, access, &mut ram) {
        Ok(_) => true,
        Err(e) => {
            assert_eq!((e.kind, e.level, e.stage2), (FaultKind::Permission, 3, false));
            false
        }
    }
}

const PRIV: fn(&mut Regime) = |_| {};
const USER: fn(&mut Regime) = |r| r.unprivileged = true;

#[test]
fn ap_matrix() {
    // (AP[2:1], privileged R W X, unprivileged R W X), from the Arm ARM tables:
    // 00 priv RW / EL0 none; 01 RW both, and the privileged level may not execute
    // EL0-writable memory; 10 priv RO; 11 RO both. Execute is governed by XN only.
    let rows: [(u64, [bool; 3], [bool; 3]); 4] = [
        (0b00, [true, true, true], [false, false, true]),
        (0b01, [true, true, false], [true, true, true]),
        (0b10, [true, false, true], [false, false, true]),
        (0b11, [true, false, true], [true, false, true]),
    ];
    for (a, p, u) in rows {
        let leaf = 0x4000_0000 | AF | PAGE | ap(a);
        for (i, acc) in [R, W, X].into_iter().enumerate() {
            assert_eq!(allowed(leaf, 0, acc, PRIV), p[i], "AP={a:02b} privileged {acc:?}");
            assert_eq!(allowed(leaf, 0, acc, USER), u[i], "AP={a:02b} unprivileged {acc:?}");
        }
    }
}

#[test]
fn execute_never_bits() {
    let leaf = 0x4000_0000 | AF | PAGE | ap(0b11);
    assert!(!allowed(leaf | PXN, 0, X, PRIV));
    assert!(allowed(leaf | PXN, 0, X, USER));
    assert!(allowed(leaf | UXN, 0, X, PRIV));
    assert!(!allowed(leaf | UXN, 0, X, USER));
    // WXN: writable => execute-never, at each level for its own write permission.
    let wxn = |r: &mut Regime| r.s1.wxn = true;
    let wxn_user = |r: &mut Regime| {
        r.s1.wxn = true;
        r.unprivileged = true
    };
    assert!(!allowed(0x4000_0000 | AF | PAGE | ap(0b00), 0, X, wxn));
    assert!(allowed(0x4000_0000 | AF | PAGE | ap(0b00), 0, X, wxn_user), "EL0 cannot write it");
    assert!(!allowed(0x4000_0000 | AF | PAGE | ap(0b01), 0, X, wxn_user));
    assert!(allowed(0x4000_0000 | AF | PAGE | ap(0b10), 0, X, wxn));
    // Hierarchical: PXNTable (59), UXNTable (60), APTable[0] (61), APTable[1] (62).
    assert!(!allowed(leaf, 1 << 59, X, PRIV));
    assert!(!allowed(leaf, 1 << 60, X, USER));
    assert!(!allowed(leaf, 1 << 61, R, USER));
    assert!(!allowed(0x4000_0000 | AF | PAGE | ap(0b00), 1 << 62, W, PRIV));
    assert!(allowed(0x4000_0000 | AF | PAGE | ap(0b00), 1 << 62, R, PRIV));
}

#[test]
fn pan() {
    let pan = |r: &mut Regime| r.pan = true;
    // EL0-accessible memory: privileged data accesses fault, fetches do not.
    let user_ro = 0x4000_0000 | AF | PAGE | ap(0b11);
    assert!(!allowed(user_ro, 0, R, pan));
    assert!(allowed(user_ro, 0, X, pan));
    assert!(!allowed(0x4000_0000 | AF | PAGE | ap(0b01), 0, W, pan));
    // Kernel-only memory is unaffected.
    assert!(allowed(0x4000_0000 | AF | PAGE | ap(0b00), 0, W, pan));
    // LDTR/STTR (unprivileged) are checked as EL0 and PAN does not apply.
    let pan_user = |r: &mut Regime| {
        r.pan = true;
        r.unprivileged = true
    };
    assert!(allowed(user_ro, 0, R, pan_user));
}

#[test]
fn el2_regime_permissions() {
    // TCR_EL2 (non-E2H): T0SZ=16, TG0=4K, PS=48 bits.
    let el2 = |r: &mut Regime| {
        r.kind = RegimeKind::El2;
        r.s1.tcr = 16 | (0b101 << 16);
    };
    let el2_unpriv = |r: &mut Regime| {
        el2(r);
        r.unprivileged = true;
        r.pan = true;
    };
    // AP[1] is ignored: AP=01 is RW and executable (no implied PXN).
    let rw = 0x4000_0000 | AF | PAGE | ap(0b01);
    assert!(allowed(rw, 0, R, el2) && allowed(rw, 0, W, el2) && allowed(rw, 0, X, el2));
    assert!(allowed(rw, 0, W, el2_unpriv), "no EL0 and no PAN in the EL2 regime");
    // AP[2] makes it read-only.
    assert!(!allowed(0x4000_0000 | AF | PAGE | ap(0b10), 0, W, el2));
    // XN is bit 54; bit 53 (PXN) is RES0 and ignored.
    assert!(!allowed(rw | UXN, 0, X, el2));
    assert!(allowed(rw | PXN, 0, X, el2));
    // XNTable is bit 60.
    assert!(!allowed(rw, 1 << 60, X, el2));
    // nG is ignored: translations are global.
    let (pt, root) = tables(rw | NG, 0);
    let mut ram = pt.ram.clone();
    let mut r = el10(0, root, 0);
    el2(&mut r);
    assert!(!translate(&r, VA, R, &mut ram).unwrap().non_global);
}

#[test]
fn el20_regime_uses_el1_layout() {
    // EL2&0 (E2H=1): TCR_EL2 in the EL1 layout, with EL0 permissions.
    let el20_user = |r: &mut Regime| {
        r.kind = RegimeKind::El20;
        r.unprivileged = true;
    };
    assert!(!allowed(0x4000_0000 | AF | PAGE | ap(0b00), 0, R, el20_user));
    assert!(allowed(0x4000_0000 | AF | PAGE | ap(0b11), 0, R, el20_user));
    // TTBR1_EL2 exists in EL2&0.
    let (pt, _) = tables(0x4000_0000 | AF | PAGE, 0);
    let mut ram = pt.ram.clone();
    let mut r = el10(tcr_4k(16, 16), 0, RAM_BASE);
    r.kind = RegimeKind::El20;
    let t = translate(&r, 0xffff_0080_4020_1abc, R, &mut ram).unwrap();
    assert_eq!(t.pa_page, 0x4000_0000);
}
