//! VMSAv8-64 translation table descriptors (Arm ARM D8.3 "Translation table
//! descriptor formats").
//!
//! Bits 1:0 give the type: x0 invalid, 01 block (levels 0-2) or reserved (level 3),
//! 11 table (levels 0-2) or page (level 3). Table descriptors carry the hierarchical
//! controls (APTable, UXNTable/XNTable, PXNTable, D8.4.2); block and page descriptors
//! carry the output address and the lower/upper attributes, whose meaning differs
//! between stage 1 (AttrIndx, AP, nG, PXN, UXN) and stage 2 (MemAttr, S2AP, XN).

use crate::granule::field_mask;

/// Access flag, bit 10 (both stages).
pub const AF: u64 = 1 << 10;
/// Stage 1 not-global, bit 11.
pub const NG: u64 = 1 << 11;
/// Stage 1 privileged execute-never, bit 53.
pub const PXN: u64 = 1 << 53;
/// Stage 1 unprivileged execute-never (XN in single-privilege regimes, and the stage 2
/// XN bit without FEAT_XNX), bit 54.
pub const UXN: u64 = 1 << 54;
/// Table descriptor: PXNTable, bit 59.
pub const PXN_TABLE: u64 = 1 << 59;
/// Table descriptor: UXNTable (XNTable at EL2), bit 60.
pub const UXN_TABLE: u64 = 1 << 60;
/// Table descriptor: APTable[0], bit 61 (no EL0 access below).
pub const AP_TABLE_NO_EL0: u64 = 1 << 61;
/// Table descriptor: APTable[1], bit 62 (no write access below).
pub const AP_TABLE_RO: u64 = 1 << 62;

/// What a descriptor is, given the level it was read at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DescKind {
    /// Invalid (bit 0 clear), or the reserved 01 encoding at level 3: both give a
    /// Translation fault at this level.
    Invalid,
    /// Points to the next-level table.
    Table,
    /// Block descriptor (level < 3). Whether a block is permitted at this level for
    /// the granule is checked by the walker.
    Block,
    /// Page descriptor (level 3).
    Page,
}

/// Classify `desc` read at `level` (Arm ARM D8.3.1).
pub fn kind(desc: u64, level: i8) -> DescKind {
    match (desc & 3, level >= 3) {
        (0b11, false) => DescKind::Table,
        (0b01, false) => DescKind::Block,
        (0b11, true) => DescKind::Page,
        _ => DescKind::Invalid,
    }
}

/// Output address field of a table, block or page descriptor: bits 47:`lsb`, where
/// `lsb` is the granule shift for a table/page and the level's block size for a block.
/// Bits 51:48 are RES0 without FEAT_LPA and are ignored.
pub fn output_address(desc: u64, lsb: u32) -> u64 {
    desc & field_mask(47, lsb)
}

/// True if the output address of `desc` has bits set at or above `oa_bits`
/// (Address size fault, Arm ARM D8.2.x "Address size fault").
pub fn oa_too_large(desc: u64, oa_bits: u32) -> bool {
    desc & field_mask(47, oa_bits) != 0
}

/// Hierarchical controls gathered from the table descriptors of one stage-1 walk
/// (Arm ARM D8.4.2): each bit, once set at some level, applies to everything below.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TableAttrs {
    /// APTable[1]: no write access.
    pub ro: bool,
    /// APTable[0]: no EL0 access.
    pub no_el0: bool,
    /// UXNTable (XNTable in a single-privilege regime).
    pub uxn: bool,
    /// PXNTable.
    pub pxn: bool,
}

impl TableAttrs {
    /// Merge the controls of table descriptor `desc` into `self`.
    pub fn accumulate(&mut self, desc: u64) {
        self.ro |= desc & AP_TABLE_RO != 0;
        self.no_el0 |= desc & AP_TABLE_NO_EL0 != 0;
        self.uxn |= desc & UXN_TABLE != 0;
        self.pxn |= desc & PXN_TABLE != 0;
    }
}

/// Stage-1 lower/upper attributes of a block or page descriptor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct S1Leaf {
    /// AttrIndx, bits 4:2: index into MAIR.
    pub attr_index: u8,
    /// AP[2], bit 7: read-only.
    pub ap2: bool,
    /// AP[1], bit 6: accessible from EL0.
    pub ap1: bool,
    /// nG, bit 11.
    pub non_global: bool,
    /// PXN, bit 53.
    pub pxn: bool,
    /// UXN / XN, bit 54.
    pub uxn: bool,
}

impl S1Leaf {
    /// Decode the stage-1 fields of `desc`.
    pub fn decode(desc: u64) -> Self {
        S1Leaf {
            attr_index: ((desc >> 2) & 7) as u8,
            ap2: desc & (1 << 7) != 0,
            ap1: desc & (1 << 6) != 0,
            non_global: desc & NG != 0,
            pxn: desc & PXN != 0,
            uxn: desc & UXN != 0,
        }
    }
}

/// Stage-2 lower/upper attributes of a block or page descriptor (Arm ARM D8.3.2,
/// "Stage 2 ... attribute fields").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct S2Leaf {
    /// MemAttr, bits 5:2 (3:2 = 00: Device, type in 1:0; else outer 3:2, inner 1:0).
    pub mem_attr: u8,
    /// S2AP[0], bit 6: reads permitted.
    pub read: bool,
    /// S2AP[1], bit 7: writes permitted.
    pub write: bool,
    /// XN, bit 54 (v8.0: one bit for all ELs).
    pub xn: bool,
}

impl S2Leaf {
    /// Decode the stage-2 fields of `desc`.
    pub fn decode(desc: u64) -> Self {
        S2Leaf {
            mem_attr: ((desc >> 2) & 0xf) as u8,
            read: desc & (1 << 6) != 0,
            write: desc & (1 << 7) != 0,
            xn: desc & UXN != 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_depend_on_level() {
        assert_eq!(kind(0, 1), DescKind::Invalid);
        assert_eq!(kind(0b10, 1), DescKind::Invalid);
        assert_eq!(kind(0b11, 0), DescKind::Table);
        assert_eq!(kind(0b01, 2), DescKind::Block);
        assert_eq!(kind(0b11, 3), DescKind::Page);
        assert_eq!(kind(0b01, 3), DescKind::Invalid, "reserved at level 3");
    }

    #[test]
    fn fields() {
        let d = 0x0060_0000_4020_07c7u64 | NG;
        let l = S1Leaf::decode(d);
        assert_eq!(l.attr_index, 1);
        assert!(l.ap2 && l.ap1 && l.non_global && l.pxn && l.uxn);
        assert_eq!(output_address(d, 21), 0x4020_0000);
        assert_eq!(output_address(d, 12), 0x4020_0000);
        assert!(!oa_too_large(d, 40));
        assert!(oa_too_large(0x0000_0100_0000_0003, 40));
        let s2 = S2Leaf::decode(0x40_0000_0000_00ff | UXN);
        assert_eq!(s2.mem_attr, 0xf);
        assert!(s2.read && s2.write && s2.xn);
    }
}
