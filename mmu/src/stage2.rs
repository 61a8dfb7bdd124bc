//! Stage-2 translation: IPA → PA under VTCR_EL2/VTTBR_EL2 (Arm ARM D8.2.x "Stage 2
//! translation", D17.2.x VTCR_EL2: T0SZ 5:0, SL0 7:6, TG0 15:14, PS 18:16, VS 19).
//!
//! Differences from stage 1: the starting level comes from SL0 rather than from T0SZ,
//! so up to 16 tables may be concatenated at that level (the index just runs past one
//! table); descriptors carry S2AP/XN/MemAttr; every fault is a stage-2 fault carrying
//! the faulting IPA, and is flagged S1PTW when the IPA was a stage-1 table address.

use crate::descriptor::S2Leaf;
use crate::granule::{field_mask, pa_size_bits, Granule, PA_MAX_BITS, TXSZ_MAX, TXSZ_MIN};
use crate::perms::stage2_allows;
use crate::regime::Perms;
use crate::walk::{walk, WalkParams};
use crate::{AccessKind, Fault, FaultKind, Stage2Config, WalkMemory};

/// The result of a stage-2 walk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct S2Output {
    /// The PA of the input IPA.
    pub pa: u64,
    /// log2 of the block/page size.
    pub size_shift: u32,
    /// Level of the leaf descriptor.
    pub level: i8,
    /// The leaf's stage-2 attributes.
    pub leaf: S2Leaf,
}

/// The starting level encoded by SL0 for `granule`, or `None` for a reserved
/// encoding (Arm ARM D17.2.x VTCR_EL2.SL0, and the AArch64.S2InvalidSL pseudocode:
/// 4K 00/01/10 = level 2/1/0; 16K and 64K 00/01/10 = level 3/2/1; 11 reserved without
/// FEAT_TTST/LPA2; level 0 with 4K and level 1 with 16K/64K need a large enough PAMax).
pub fn start_level(granule: Granule, sl0: u64) -> Option<i8> {
    let sl0 = (sl0 & 3) as i8;
    if sl0 == 3 {
        return None;
    }
    let (level, min_pa) = match granule {
        Granule::K4 => (2 - sl0, if sl0 == 2 { 44 } else { 0 }),
        Granule::K16 => (3 - sl0, if sl0 == 2 { 42 } else { 0 }),
        Granule::K64 => (3 - sl0, if sl0 == 2 { 44 } else { 0 }),
    };
    (PA_MAX_BITS >= min_pa).then_some(level)
}

/// Decode VTCR/VTTBR and check that `ipa` can be translated: every failure here is a
/// stage-2 level-0 fault (Arm ARM D8.2.x; AArch64.S2InvalidTxSZ, S2InvalidSL,
/// S2InconsistentSL): T0SZ out of 16..=39, reserved SL0, a starting level that would
/// resolve fewer than 1 or more than `stride + 4` bits (i.e. need 1 or more than 16
/// concatenated tables), or an IPA beyond the input size → Translation fault; VTTBR
/// BADDR beyond the output size → Address size fault.
pub(crate) fn params(cfg: &Stage2Config, ipa: u64, s1ptw: bool) -> Result<WalkParams, Fault> {
    let vtcr = cfg.vtcr;
    let tfault = Fault::s2(FaultKind::Translation, 0, ipa, s1ptw);
    let t0sz = (vtcr & 0x3f) as u32;
    if !(TXSZ_MIN..=TXSZ_MAX).contains(&t0sz) {
        return Err(tfault);
    }
    let ia_bits = 64 - t0sz;
    let granule = Granule::from_tg0(vtcr >> 14);
    let start_level = start_level(granule, vtcr >> 6).ok_or(tfault)?;
    let index_bits = ia_bits as i64 - granule.level_lsb(start_level) as i64;
    if index_bits < 1 || index_bits > (granule.stride() + 4) as i64 {
        return Err(tfault);
    }
    if ipa & field_mask(63, ia_bits) != 0 {
        return Err(tfault);
    }
    let oa_bits = pa_size_bits(vtcr >> 16);
    if cfg.vttbr & field_mask(47, oa_bits) != 0 {
        return Err(Fault::s2(FaultKind::AddressSize, 0, ipa, s1ptw));
    }
    let base = WalkParams::table_base(cfg.vttbr, index_bits as u32);
    Ok(WalkParams { granule, ia_bits, oa_bits, start_level, base })
}

/// Walk stage 2 for `ipa` (no permission check). Descriptors are read by PA.
pub fn walk_s2(cfg: &Stage2Config, ipa: u64, s1ptw: bool, mem: &mut dyn WalkMemory) -> Result<S2Output, Fault> {
    let p = params(cfg, ipa, s1ptw)?;
    let fault = |kind, level| Fault::s2(kind, level, ipa, s1ptw);
    let mut fetch = |addr: u64, level: i8| mem.read_desc(addr).ok_or_else(|| fault(FaultKind::ExternalOnWalk, level));
    let leaf = walk(&p, ipa, &mut fetch, &fault)?;
    Ok(S2Output { pa: leaf.oa, size_shift: leaf.size_shift, level: leaf.level, leaf: S2Leaf::decode(leaf.desc) })
}

/// Walk stage 2 for `ipa` and check `access` against S2AP/XN (a stage-1 table walk
/// access is a read with `s1ptw` set). A denial is a stage-2 Permission fault at the
/// leaf's level.
pub fn translate_s2(
    cfg: &Stage2Config,
    ipa: u64,
    access: AccessKind,
    s1ptw: bool,
    mem: &mut dyn WalkMemory,
) -> Result<S2Output, Fault> {
    let out = walk_s2(cfg, ipa, s1ptw, mem)?;
    let mut p = Perms::default();
    crate::perms::add_stage2(&mut p, &out.leaf);
    if !stage2_allows(&p, access) {
        return Err(Fault::s2(FaultKind::Permission, out.level, ipa, s1ptw));
    }
    Ok(out)
}

/// Cacheability class of a MAIR Normal-memory nibble: 0 non-cacheable, 1
/// write-through, 2 write-back (Arm ARM D17.2.97 MAIR_ELx.Attr<n>). 0b0000 in a Normal
/// attribute is UNPREDICTABLE; it is treated as non-cacheable.
fn s1_class(nibble: u8) -> u8 {
    match nibble & 0xf {
        0b0100 | 0 => 0,
        n if n >> 2 == 0b00 || n >> 2 == 0b10 => 1,
        _ => 2,
    }
}

/// Cacheability class of a stage-2 MemAttr half (01 NC, 10 WT, 11 WB; 00 treated NC).
fn s2_class(half: u8) -> u8 {
    match half & 3 {
        0b10 => 1,
        0b11 => 2,
        _ => 0,
    }
}

/// A canonical MAIR nibble for a class (NC 0100, WT non-transient read-allocate 1010).
fn class_nibble(class: u8, s1_nibble: u8, s1_cls: u8) -> u8 {
    if class == s1_cls {
        s1_nibble & 0xf
    } else if class == 0 {
        0b0100
    } else {
        0b1010
    }
}

/// Combine the stage-1 MAIR attribute byte with stage-2 MemAttr (Arm ARM D8.5.x
/// "Combining the stage 1 and stage 2 attributes"): Device if either stage says
/// Device, with the more restrictive Device type (lower encoding: nGnRnE < nGnRE <
/// nGRE < GRE); otherwise Normal with, per inner/outer, the less cacheable of the two.
/// The result is a MAIR-format byte (bits 7:4 zero for Device).
pub fn combine_attrs(s1: u8, mem_attr: u8) -> u8 {
    let s2_device = mem_attr & 0b1100 == 0;
    let s1_device = s1 & 0xf0 == 0;
    if s1_device || s2_device {
        let d1 = if s1_device { s1 & 0x0c } else { 0x0c };
        let d2 = if s2_device { (mem_attr & 3) << 2 } else { 0x0c };
        return d1.min(d2);
    }
    let (o1, i1) = (s1 >> 4, s1 & 0xf);
    let (c_o1, c_i1) = (s1_class(o1), s1_class(i1));
    let outer = c_o1.min(s2_class(mem_attr >> 2));
    let inner = c_i1.min(s2_class(mem_attr));
    (class_nibble(outer, o1, c_o1) << 4) | class_nibble(inner, i1, c_i1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sl0_decoding() {
        assert_eq!(start_level(Granule::K4, 0), Some(2));
        assert_eq!(start_level(Granule::K4, 2), Some(0));
        assert_eq!(start_level(Granule::K4, 3), None);
        assert_eq!(start_level(Granule::K16, 1), Some(2));
        assert_eq!(start_level(Granule::K64, 2), Some(1));
        assert_eq!(start_level(Granule::K64, 3), None);
    }

    #[test]
    fn attribute_combination() {
        // Normal WB + Normal WB stays as stage 1 said.
        assert_eq!(combine_attrs(0xff, 0xf), 0xff);
        // Stage 2 Device-nGnRE forces Device.
        assert_eq!(combine_attrs(0xff, 0b0001), 0x04);
        // Stage-1 Device-GRE + stage-2 Device-nGnRnE: the stricter.
        assert_eq!(combine_attrs(0x0c, 0b0000), 0x00);
        // Stage-1 Device-nGnRE + stage-2 Normal: stage 1's device type.
        assert_eq!(combine_attrs(0x04, 0xf), 0x04);
        // Normal WB + stage-2 outer NC, inner WT.
        assert_eq!(combine_attrs(0xff, 0b0110), 0x4a);
    }
}
