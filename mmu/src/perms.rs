//! Access permissions (Arm ARM D8.4 "Memory access control").
//!
//! The walk computes a [`Perms`] that does not depend on who accesses (so a TLB entry
//! can serve every access), and [`check_access`] then applies the accessor: privileged
//! or not, PSTATE.PAN, and read/write/execute. Stage 1 is checked before stage 2, as
//! in the AArch64.FullTranslate pseudocode (a stage-1 Permission fault wins over
//! anything stage 2 would report for the output address).

use crate::descriptor::{S1Leaf, S2Leaf, TableAttrs};
use crate::regime::{Perms, RegimeKind};
use crate::{AccessKind, Fault, FaultKind, Regime, Translation};

/// Stage-1 permissions of a leaf (Arm ARM D8.4.1 "Data access permissions",
/// D8.4.2 "Hierarchical permissions", D8.4.3 "Instruction execution permissions").
///
/// In a two-privilege regime (EL1&0, EL2&0): AP[2] makes the page read-only, AP[1]
/// gives EL0 access; APTable[1]/[0] force AP[2]=1 / AP[1]=0 below. Execute-never:
/// UXN (or UXNTable) for EL0, PXN (or PXNTable) for the privileged level, plus
/// SCTLR.WXN (writable ⇒ XN at that level) and the rule that the privileged level
/// never executes memory writable from EL0.
///
/// In the EL2 regime (one privilege level): AP[1] is RES1 and ignored, only AP[2]
/// and APTable[1] control writes, XN is bit 54 (with XNTable, bit 60), PXN is RES0.
/// The `user_*` permissions are all false there: there is no EL0 in that regime.
pub(crate) fn stage1(kind: RegimeKind, leaf: &S1Leaf, table: &TableAttrs, wxn: bool) -> Perms {
    let ro = leaf.ap2 || table.ro;
    if kind == RegimeKind::El2 {
        let w = !ro;
        let xn = leaf.uxn || table.uxn || (w && wxn);
        return Perms { priv_r: true, priv_w: w, priv_x: !xn, ..Perms::default() };
    }
    let el0 = leaf.ap1 && !table.no_el0;
    let priv_w = !ro;
    let user_r = el0;
    let user_w = el0 && !ro;
    let user_xn = leaf.uxn || table.uxn || (user_w && wxn);
    let priv_xn = leaf.pxn || table.pxn || (priv_w && wxn) || user_w;
    Perms { priv_r: true, priv_w, priv_x: !priv_xn, user_r, user_w, user_x: !user_xn, ..Perms::default() }
}

/// Add the stage-2 permissions of `leaf` (S2AP, XN; Arm ARM D8.4.5 "Stage 2 access
/// permissions") to `p`.
pub(crate) fn add_stage2(p: &mut Perms, leaf: &S2Leaf) {
    p.s2_no_r = !leaf.read;
    p.s2_no_w = !leaf.write;
    p.s2_no_x = leaf.xn;
}

/// Does stage 1 allow `access` under `regime`? PAN (Arm ARM D8.4.x, FEAT_PAN) removes
/// privileged data access to EL0-accessible memory; it does not affect instruction
/// fetches. In the EL2 regime every access is privileged and PAN does not apply.
pub fn stage1_allows(p: &Perms, regime: &Regime, access: AccessKind) -> bool {
    let single = regime.kind == RegimeKind::El2;
    let unpriv = regime.unprivileged && !single;
    let pan_blocks = !single && !unpriv && regime.pan && p.user_r;
    match (access, unpriv) {
        (AccessKind::Read, true) => p.user_r,
        (AccessKind::Write, true) => p.user_w,
        (AccessKind::Exec, true) => p.user_x,
        (AccessKind::Read, false) => p.priv_r && !pan_blocks,
        (AccessKind::Write, false) => p.priv_w && !pan_blocks,
        (AccessKind::Exec, false) => p.priv_x,
    }
}

/// Does stage 2 allow `access`? Execution needs only XN clear (execute-only stage-2
/// mappings exist), reads need S2AP[0], writes S2AP[1].
pub fn stage2_allows(p: &Perms, access: AccessKind) -> bool {
    match access {
        AccessKind::Read => !p.s2_no_r,
        AccessKind::Write => !p.s2_no_w,
        AccessKind::Exec => !p.s2_no_x,
    }
}

/// Check `access` to `va` against a cached translation (e.g. a TLB hit), reporting the
/// Permission fault the walk would have reported: stage 1 at `t.level`, else stage 2 at
/// `t.s2_level` with the IPA of `va`.
pub fn check_access(t: &Translation, regime: &Regime, access: AccessKind, va: u64) -> Result<(), Fault> {
    if !stage1_allows(&t.perms, regime, access) {
        return Err(Fault::s1(FaultKind::Permission, t.level.max(0)));
    }
    if !stage2_allows(&t.perms, access) {
        let ipa = t.ipa_page | (va & (t.page_size.max(1) - 1));
        return Err(Fault::s2(FaultKind::Permission, t.s2_level, ipa, false));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaf(ap: u8, pxn: bool, uxn: bool) -> S1Leaf {
        S1Leaf { attr_index: 0, ap2: ap & 2 != 0, ap1: ap & 1 != 0, non_global: false, pxn, uxn }
    }

    #[test]
    fn ap_matrix_el10() {
        let t = TableAttrs::default();
        // AP[2:1] = 00: privileged RW, EL0 none.
        let p = stage1(RegimeKind::El10, &leaf(0b00, false, false), &t, false);
        assert!(p.priv_r && p.priv_w && p.priv_x && !p.user_r && !p.user_w && p.user_x);
        // 01: RW at both; privileged execute-never because EL0 can write.
        let p = stage1(RegimeKind::El10, &leaf(0b01, false, false), &t, false);
        assert!(p.priv_w && p.user_r && p.user_w && !p.priv_x && p.user_x);
        // 10: privileged RO.
        let p = stage1(RegimeKind::El10, &leaf(0b10, false, false), &t, false);
        assert!(p.priv_r && !p.priv_w && !p.user_r);
        // 11: RO at both.
        let p = stage1(RegimeKind::El10, &leaf(0b11, false, false), &t, false);
        assert!(!p.priv_w && p.user_r && !p.user_w && p.priv_x);
        // WXN: writable means execute-never.
        let p = stage1(RegimeKind::El10, &leaf(0b00, false, false), &t, true);
        assert!(!p.priv_x);
        // Hierarchical: APTable[0] removes EL0 access, APTable[1] writes.
        let t = TableAttrs { ro: true, no_el0: true, uxn: false, pxn: false };
        let p = stage1(RegimeKind::El10, &leaf(0b01, false, false), &t, false);
        assert!(!p.user_r && !p.priv_w && p.priv_x);
    }

    #[test]
    fn el2_ignores_ap1_and_pxn() {
        let t = TableAttrs::default();
        let p = stage1(RegimeKind::El2, &leaf(0b01, true, false), &t, false);
        assert!(p.priv_r && p.priv_w && p.priv_x && !p.user_r);
        let p = stage1(RegimeKind::El2, &leaf(0b10, false, true), &t, false);
        assert!(!p.priv_w && !p.priv_x);
    }
}
