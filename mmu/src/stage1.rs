//! Stage-1 translation (Arm ARM D8.2, D8.3). PLACEHOLDER: the walk is being written.

use crate::{AccessKind, Fault, Regime, Translation, WalkMemory};
use crate::regime::Perms;

/// Translate `va` for `access` in `regime`, walking stage 1 and then stage 2.
pub fn translate(
    regime: &Regime,
    va: u64,
    access: AccessKind,
    mem: &mut dyn WalkMemory,
) -> Result<Translation, Fault> {
    let _ = (access, mem);
    let all = Perms { priv_r: true, priv_w: true, priv_x: true, user_r: true, user_w: true, user_x: true, ..Perms::default() };
    Ok(Translation {
        pa_page: va & !0xfff,
        ipa_page: va & !0xfff,
        page_size: 4096,
        perms: all,
        non_global: false,
        asid: 0,
        attr_index: 0,
        attrs: if regime.s1.enabled { 0xff } else { 0 },
        level: 3,
    })
}

/// Stage 1 only: the output is the IPA (stage-1 table walks still go through stage 2
/// when the regime has one).
pub fn translate_stage1(
    regime: &Regime,
    va: u64,
    access: AccessKind,
    mem: &mut dyn WalkMemory,
) -> Result<Translation, Fault> {
    translate(regime, va, access, mem)
}
