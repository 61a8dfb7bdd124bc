//! Stage-1 translation and the full two-stage translation of an access (Arm ARM D8.2
//! "Translation process", AArch64.FullTranslate / FirstStageTranslate).
//!
//! Order of checks, as in the pseudocode: stage-1 walk (each table access translated
//! by stage 2 when present, a stage-2 fault there being reported with S1PTW), stage-1
//! Access flag, stage-1 permissions, then the stage-2 walk of the output IPA, stage-2
//! Access flag and stage-2 permissions.

use crate::descriptor::S1Leaf;
use crate::granule::{field_mask, low_mask, PA_MAX_BITS};
use crate::perms::{stage1, stage1_allows};
use crate::regime::Perms;
use crate::stage2::{combine_attrs, translate_s2};
use crate::tcr::{addr_top, stage1_params};
use crate::walk::walk;
use crate::{AccessKind, Fault, FaultKind, Regime, Translation, WalkMemory};

/// Attributes given to data accesses when stage 1 is disabled: Device-nGnRnE (Arm ARM
/// D8.2.x "The effects of disabling a stage of address translation").
pub const FLAT_DATA_ATTRS: u8 = 0x00;
/// Attributes given to instruction fetches when stage 1 is disabled: Normal memory
/// (Non-cacheable, as with SCTLR.I=0), so that code can run with the MMU off.
pub const FLAT_EXEC_ATTRS: u8 = 0x44;
/// Attributes of every access when HCR_EL2.DC disables stage 1: Normal Inner/Outer
/// Write-Back, read/write-allocate.
pub const FLAT_DC_ATTRS: u8 = 0xff;

/// What stage 1 produced: the IPA of the VA and the stage-1 properties.
#[derive(Clone, Copy, Debug)]
struct S1Out {
    ipa: u64,
    size_shift: u32,
    level: i8,
    perms: Perms,
    attr_index: u8,
    attrs: u8,
    non_global: bool,
    asid: u16,
}

/// Stage 1 disabled: VA = IPA; the VA bits from AddrTop down to the PA size must be
/// zero, else an Address size fault at level 0 (AArch64.TranslateAddressS1Off).
fn flat(regime: &Regime, va: u64, access: AccessKind) -> Result<S1Out, Fault> {
    let top = addr_top(regime, va);
    if va & field_mask(top, PA_MAX_BITS) != 0 {
        return Err(Fault::s1(FaultKind::AddressSize, 0));
    }
    let all = Perms {
        priv_r: true,
        priv_w: true,
        priv_x: true,
        user_r: true,
        user_w: true,
        user_x: true,
        ..Perms::default()
    };
    Ok(S1Out {
        ipa: va & low_mask(PA_MAX_BITS),
        size_shift: 12,
        level: 0,
        perms: all,
        attr_index: 0,
        attrs: if regime.s1.flat_normal {
            FLAT_DC_ATTRS
        } else if access == AccessKind::Exec {
            FLAT_EXEC_ATTRS
        } else {
            FLAT_DATA_ATTRS
        },
        non_global: false,
        asid: 0,
    })
}

/// Walk stage 1 for `va` and check `access` against the stage-1 permissions.
fn stage1_checked(regime: &Regime, va: u64, access: AccessKind, mem: &mut dyn WalkMemory) -> Result<S1Out, Fault> {
    let out = if regime.s1.enabled { walk_stage1(regime, va, mem)? } else { flat(regime, va, access)? };
    if !stage1_allows(&out.perms, regime, access) {
        return Err(Fault::s1(FaultKind::Permission, out.level));
    }
    Ok(out)
}

/// The stage-1 table walk proper. Table addresses are IPAs: with stage 2 they are
/// translated (as reads, S1PTW) before the descriptor is read.
fn walk_stage1(regime: &Regime, va: u64, mem: &mut dyn WalkMemory) -> Result<S1Out, Fault> {
    let p = stage1_params(regime, va)?;
    let s2 = regime.s2;
    let mut fetch = |ipa: u64, level: i8| -> Result<u64, Fault> {
        let pa = match &s2 {
            Some(cfg) => translate_s2(cfg, ipa, AccessKind::Read, true, mem)?.pa,
            None => ipa,
        };
        mem.read_desc(pa).ok_or(Fault::s1(FaultKind::ExternalOnWalk, level))
    };
    let fault = |kind, level| Fault::s1(kind, level);
    let leaf = walk(&p.walk, va, &mut fetch, &fault)?;
    let d = S1Leaf::decode(leaf.desc);
    let perms = stage1(regime.kind, &d, &leaf.table, regime.s1.wxn);
    Ok(S1Out {
        ipa: leaf.oa,
        size_shift: leaf.size_shift,
        level: leaf.level,
        perms,
        attr_index: d.attr_index,
        attrs: (regime.s1.mair >> (8 * u32::from(d.attr_index))) as u8,
        // Single-privilege regimes have no ASID: nG is ignored there.
        non_global: d.non_global && p.two_privilege_levels,
        asid: p.asid,
    })
}

/// Translate `va` for `access` in `regime`: stage 1, then stage 2 when the regime has
/// one. `pa_page` is the physical output, `ipa_page` the stage-1 output.
pub fn translate(regime: &Regime, va: u64, access: AccessKind, mem: &mut dyn WalkMemory) -> Result<Translation, Fault> {
    let s1 = stage1_checked(regime, va, access, mem)?;
    let Some(cfg) = regime.s2 else {
        return Ok(s1_translation(&s1));
    };
    let s2 = translate_s2(&cfg, s1.ipa, access, false, mem)?;
    let size = 1u64 << s1.size_shift.min(s2.size_shift);
    let mut perms = s1.perms;
    crate::perms::add_stage2(&mut perms, &s2.leaf);
    Ok(Translation {
        pa_page: s2.pa & !(size - 1),
        ipa_page: s1.ipa & !(size - 1),
        page_size: size,
        perms,
        non_global: s1.non_global,
        asid: s1.asid,
        attr_index: s1.attr_index,
        attrs: combine_attrs(s1.attrs, s2.leaf.mem_attr),
        level: s1.level,
        s2_level: s2.level,
    })
}

/// Stage 1 only (AT S1E*): the output is the IPA. Stage-1 table walks still go through
/// stage 2 when the regime has one, so their faults are reported as for `translate`.
pub fn translate_stage1(
    regime: &Regime,
    va: u64,
    access: AccessKind,
    mem: &mut dyn WalkMemory,
) -> Result<Translation, Fault> {
    stage1_checked(regime, va, access, mem).map(|s1| s1_translation(&s1))
}

fn s1_translation(s1: &S1Out) -> Translation {
    let size = 1u64 << s1.size_shift;
    let page = s1.ipa & !(size - 1);
    Translation {
        pa_page: page,
        ipa_page: page,
        page_size: size,
        perms: s1.perms,
        non_global: s1.non_global,
        asid: s1.asid,
        attr_index: s1.attr_index,
        attrs: s1.attrs,
        level: s1.level,
        s2_level: 0,
    }
}

/// The ASID a translation of the current regime is tagged with (0 in the EL2 regime).
pub fn current_asid(regime: &Regime) -> u16 {
    crate::tcr::current_asid(regime)
}

/// True if this regime ignores the top byte of `va` (TBI), so the TLB can be keyed by
/// the untagged address.
pub fn top_byte_ignored(regime: &Regime, va: u64) -> bool {
    crate::tcr::top_byte_ignored(regime, va)
}
