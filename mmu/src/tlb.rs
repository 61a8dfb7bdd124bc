//! TLB tagged by regime, VMID and ASID. PLACEHOLDER: direct-mapped, no tags yet.

use crate::Translation;

/// A software TLB.
#[derive(Default)]
pub struct Tlb {
    entries: std::collections::HashMap<(u8, u64), Translation>,
}

impl Tlb {
    /// Empty TLB.
    pub fn new() -> Self {
        Self::default()
    }
    /// Look up `va` for regime key `key`.
    pub fn lookup(&self, key: u8, va: u64) -> Option<&Translation> {
        self.entries.get(&(key, va >> 12))
    }
    /// Insert.
    pub fn insert(&mut self, key: u8, va: u64, t: Translation) {
        self.entries.insert((key, va >> 12), t);
    }
    /// Invalidate everything.
    pub fn flush_all(&mut self) {
        self.entries.clear();
    }
}
