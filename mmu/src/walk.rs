//! The lookup loop shared by stage 1 and stage 2 (Arm ARM D8.2 "Translation table
//! walk", following the order of checks of the AArch64.TranslationTableWalk
//! pseudocode): per level, read the descriptor; invalid → Translation fault; table →
//! check its address against the output size and descend; block/page → check the block
//! is permitted at this level, the output address size, then the access flag.
//!
//! The two stages differ only in how descriptors are fetched (stage-1 walk accesses
//! are themselves translated by stage 2) and in how a fault is labelled, so both are
//! parameters.

use crate::descriptor::{self, DescKind, TableAttrs};
use crate::granule::{field_mask, low_mask, Granule};
use crate::{Fault, FaultKind};

/// The fixed parameters of one walk.
#[derive(Clone, Copy, Debug)]
pub(crate) struct WalkParams {
    /// Translation granule.
    pub granule: Granule,
    /// Input address size in bits (the IA has been range-checked against it).
    pub ia_bits: u32,
    /// Output address size in bits (already clamped to the implemented PA size).
    pub oa_bits: u32,
    /// First lookup level.
    pub start_level: i8,
    /// Base address of the starting table (TTBR/VTTBR BADDR, already checked).
    pub base: u64,
}

impl WalkParams {
    /// Number of index bits at the starting level: up to `stride + 4` at stage 2,
    /// where up to 16 tables are concatenated (Arm ARM D8.2.x "Concatenated
    /// translation tables"); at most `stride` at stage 1.
    pub fn start_index_bits(&self) -> u32 {
        self.ia_bits.saturating_sub(self.granule.level_lsb(self.start_level))
    }

    /// The starting table base from a TTBR value: BADDR is bits 47:1, and the bits
    /// below the size of the starting table are treated as zero (a misaligned base is
    /// CONSTRAINED UNPREDICTABLE; Arm ARM D17.2.144 TTBR0_EL1.BADDR).
    pub fn table_base(ttbr: u64, index_bits: u32) -> u64 {
        ttbr & field_mask(47, (index_bits + 3).max(1))
    }
}

/// The block or page descriptor a walk ended on.
#[derive(Clone, Copy, Debug)]
pub(crate) struct WalkLeaf {
    /// The descriptor.
    pub desc: u64,
    /// Level it was read at.
    pub level: i8,
    /// Hierarchical controls of the table descriptors above it.
    pub table: TableAttrs,
    /// Output address of the input address (block base | offset in block).
    pub oa: u64,
    /// log2 of the block/page size.
    pub size_shift: u32,
}

/// Walk the tables for `input`. `fetch(addr, level)` reads the descriptor at table
/// address `addr` (an IPA at stage 1, a PA at stage 2) for a lookup at `level`;
/// `fault(kind, level)` labels a fault for this stage.
pub(crate) fn walk(
    p: &WalkParams,
    input: u64,
    fetch: &mut dyn FnMut(u64, i8) -> Result<u64, Fault>,
    fault: &dyn Fn(FaultKind, i8) -> Fault,
) -> Result<WalkLeaf, Fault> {
    let g = p.granule;
    let mut level = p.start_level.clamp(0, 3);
    let mut base = p.base;
    let mut index_bits = p.start_index_bits().min(g.stride() + 4);
    let mut table = TableAttrs::default();
    // At most four iterations: every table descriptor moves one level down and a
    // level-3 descriptor is never a table.
    loop {
        let lsb = g.level_lsb(level);
        let index = (input >> lsb) & low_mask(index_bits);
        let addr = base | (index << 3);
        let desc = fetch(addr, level)?;
        match descriptor::kind(desc, level) {
            DescKind::Invalid => return Err(fault(FaultKind::Translation, level)),
            DescKind::Table => {
                if descriptor::oa_too_large(desc, p.oa_bits) {
                    return Err(fault(FaultKind::AddressSize, level));
                }
                base = descriptor::output_address(desc, g.shift());
                table.accumulate(desc);
                index_bits = g.stride();
                level += 1;
            }
            DescKind::Block | DescKind::Page => {
                if level < g.first_block_level() {
                    return Err(fault(FaultKind::Translation, level));
                }
                if descriptor::oa_too_large(desc, p.oa_bits) {
                    return Err(fault(FaultKind::AddressSize, level));
                }
                if desc & descriptor::AF == 0 {
                    return Err(fault(FaultKind::AccessFlag, level));
                }
                let oa = descriptor::output_address(desc, lsb) | (input & low_mask(lsb));
                return Ok(WalkLeaf { desc, level, table, oa, size_shift: lsb });
            }
        }
        if level > 3 {
            // Unreachable by construction (see above); report rather than panic.
            return Err(fault(FaultKind::Translation, 3));
        }
    }
}
