//! The TLB: cached translations tagged by regime, VMID and ASID (Arm ARM D8.14
//! "Translation Lookaside Buffers", D8.14.x "TLB maintenance instructions").
//!
//! Entries are the combined stage 1+2 translations of [`crate::stage1::translate`]:
//! one entry covers `Translation::page_size` bytes, and is found by the 4 KiB VA page
//! it was inserted for. Global entries (nG=0) match every ASID. Each TLBI variant is a
//! [`TlbiOp`]; where the architecture lets an operation invalidate more than it names
//! (last-level-only variants, stage-2-only variants of combined entries), this TLB
//! does, which is always permitted. Lookups never depend on hash order, so behaviour
//! is deterministic; when the TLB is full it is simply emptied.

use std::collections::HashMap;

use crate::regime::RegimeKind;
use crate::Translation;

/// Number of entries kept before the TLB is emptied.
pub const CAPACITY: usize = 8192;

/// VA bits that identify a page: 55:12. Bits 63:56 are the tag or a copy of bit 55,
/// and TLBI operands carry VA[55:12] only.
const VA_PAGE_BITS: u64 = 0x00ff_ffff_ffff_f000;
/// IPA bits of a v8.0 TLBI IPAS2E1 operand: IPA[47:12].
const IPA_PAGE_BITS: u64 = 0x0000_ffff_ffff_f000;

/// A TLB maintenance operation (the TLBI instruction family). `kind` is the regime an
/// EL1 or EL2 operation applies to (for example TLBI VAE1 executed at EL2 with
/// HCR_EL2.{E2H,TGE}={1,1} acts on EL2&0); `vmid` is the current VMID for EL1&0
/// operations and is ignored for the EL2 and EL2&0 regimes, which have no VMID.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TlbiOp {
    /// Every entry (full flush).
    All,
    /// TLBI ALLE1(IS): every EL1&0 entry of every VMID, stage 1 and 2.
    AllE1,
    /// TLBI ALLE2(IS): every EL2 and EL2&0 entry.
    AllE2,
    /// TLBI VMALLE1(IS): every stage-1 entry of `kind` for `vmid`, all ASIDs.
    VmallE1 { kind: RegimeKind, vmid: u16 },
    /// TLBI VMALLS12E1(IS): every EL1&0 stage 1 and stage 2 entry for `vmid`.
    VmallS12E1 { vmid: u16 },
    /// TLBI ASIDE1(IS): non-global entries of `kind`/`vmid` with `asid`.
    Asid { kind: RegimeKind, vmid: u16, asid: u16 },
    /// TLBI VAE1/VALE1/VAE2/VALE2(IS): entries covering `va` that are global or have
    /// `asid`. `last_level` (the L forms) may invalidate more, and here does.
    Va { kind: RegimeKind, vmid: u16, asid: u16, va: u64, last_level: bool },
    /// TLBI VAAE1/VAALE1(IS): entries covering `va` for any ASID.
    VaAllAsid { kind: RegimeKind, vmid: u16, va: u64, last_level: bool },
    /// TLBI IPAS2E1/IPAS2LE1(IS): stage-2 entries covering `ipa` for `vmid`. Entries
    /// here are combined, so every EL1&0 entry whose IPA range covers `ipa` goes.
    Ipa { vmid: u16, ipa: u64, last_level: bool },
}

impl TlbiOp {
    /// VA of a TLBI by-VA operand: Xt[43:0] holds VA[55:12].
    pub fn va_from_operand(xt: u64) -> u64 {
        (xt & 0x0000_0fff_ffff_ffff) << 12
    }

    /// ASID of a TLBI operand: Xt[63:48] (the caller masks it to 8 bits when
    /// TCR.AS=0, as entries are stored with the ASID the walk used).
    pub fn asid_from_operand(xt: u64) -> u16 {
        (xt >> 48) as u16
    }

    /// IPA of a TLBI IPAS2E1 operand: Xt[35:0] holds IPA[47:12].
    pub fn ipa_from_operand(xt: u64) -> u64 {
        (xt & 0x0000_000f_ffff_ffff) << 12
    }
}

#[derive(Clone, Copy, Debug)]
struct Entry {
    /// Full VA >> 12 it was inserted for (tag byte included, so a lookup with a
    /// different top byte misses and is re-walked).
    va_page: u64,
    t: Translation,
}

/// Bucket key: regime, VMID (0 outside EL1&0), VA[55:12].
type Key = (RegimeKind, u16, u64);

/// A software TLB.
#[derive(Default)]
pub struct Tlb {
    buckets: HashMap<Key, Vec<Entry>>,
    len: usize,
}

/// The VMID an entry of `kind` is tagged with: only EL1&0 has stage 2.
fn tag_vmid(kind: RegimeKind, vmid: u16) -> u16 {
    if kind == RegimeKind::El10 {
        vmid
    } else {
        0
    }
}

fn key(kind: RegimeKind, vmid: u16, va: u64) -> Key {
    (kind, tag_vmid(kind, vmid), (va & VA_PAGE_BITS) >> 12)
}

/// Does the entry inserted at `va_page` with size `size` cover address `a`, comparing
/// only `bits`?
fn covers(va_page: u64, size: u64, a: u64, bits: u64) -> bool {
    let size = size.max(4096);
    ((va_page << 12) ^ a) & bits & !(size - 1) == 0
}

impl Tlb {
    /// Empty TLB.
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True if there are no entries.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Look up `va` for regime `kind`, `vmid` and current `asid`. A global entry matches
    /// any ASID; a non-global one only its own.
    pub fn lookup(&self, kind: RegimeKind, vmid: u16, asid: u16, va: u64) -> Option<&Translation> {
        let page = va >> 12;
        self.buckets
            .get(&key(kind, vmid, va))?
            .iter()
            .find(|e| e.va_page == page && (!e.t.non_global || e.t.asid == asid))
            .map(|e| &e.t)
    }

    /// Insert the translation of `va` for `kind`/`vmid`; it is tagged with `t.asid`
    /// when `t.non_global`. Replaces an entry with the same tag.
    pub fn insert(&mut self, kind: RegimeKind, vmid: u16, va: u64, t: Translation) {
        if self.len >= CAPACITY {
            self.flush_all();
        }
        let page = va >> 12;
        let bucket = self.buckets.entry(key(kind, vmid, va)).or_default();
        let same =
            |e: &Entry| e.va_page == page && e.t.non_global == t.non_global && (!t.non_global || e.t.asid == t.asid);
        if let Some(e) = bucket.iter_mut().find(|e| same(e)) {
            e.t = t;
        } else {
            bucket.push(Entry { va_page: page, t });
            self.len += 1;
        }
    }

    /// Invalidate everything.
    pub fn flush_all(&mut self) {
        self.buckets.clear();
        self.len = 0;
    }

    /// Perform a TLB maintenance operation.
    pub fn invalidate(&mut self, op: TlbiOp) {
        match op {
            TlbiOp::All => self.flush_all(),
            TlbiOp::AllE1 => self.remove(|k, _| k.0 == RegimeKind::El10),
            TlbiOp::AllE2 => self.remove(|k, _| k.0 != RegimeKind::El10),
            TlbiOp::VmallE1 { kind, vmid } => self.remove(|k, _| k.0 == kind && k.1 == tag_vmid(kind, vmid)),
            TlbiOp::VmallS12E1 { vmid } => self.remove(|k, _| k.0 == RegimeKind::El10 && k.1 == vmid),
            TlbiOp::Asid { kind, vmid, asid } => {
                self.remove(|k, e| k.0 == kind && k.1 == tag_vmid(kind, vmid) && e.t.non_global && e.t.asid == asid)
            }
            TlbiOp::Va { kind, vmid, asid, va, last_level: _ } => self.remove(|k, e| {
                k.0 == kind
                    && k.1 == tag_vmid(kind, vmid)
                    && covers(e.va_page, e.t.page_size, va, VA_PAGE_BITS)
                    && (!e.t.non_global || e.t.asid == asid)
            }),
            TlbiOp::VaAllAsid { kind, vmid, va, last_level: _ } => self.remove(|k, e| {
                k.0 == kind && k.1 == tag_vmid(kind, vmid) && covers(e.va_page, e.t.page_size, va, VA_PAGE_BITS)
            }),
            TlbiOp::Ipa { vmid, ipa, last_level: _ } => self.remove(|k, e| {
                k.0 == RegimeKind::El10 && k.1 == vmid && covers(e.t.ipa_page >> 12, e.t.page_size, ipa, IPA_PAGE_BITS)
            }),
        }
    }

    /// Remove every entry for which `pred(key, entry)` holds.
    fn remove(&mut self, pred: impl Fn(&Key, &Entry) -> bool) {
        let mut removed = 0;
        self.buckets.retain(|k, v| {
            let before = v.len();
            v.retain(|e| !pred(k, e));
            removed += before - v.len();
            !v.is_empty()
        });
        self.len -= removed;
    }
}
