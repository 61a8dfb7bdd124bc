//! Translation granule geometry (Arm ARM D8.2 "Translation table walk", tables
//! D8-4 to D8-6 for the 4KB, 16KB and 64KB granules).
//!
//! A granule fixes the page size (2^`shift`), how many input address bits one lookup
//! level resolves (`stride` = shift - 3, since a table fills one page with 8-byte
//! descriptors), and the first level at which block descriptors are allowed. Everything
//! here is pure arithmetic on small constants, so no shift amount depends on guest data
//! without a range check.

/// Largest physical address size this PE implements (ID_AA64MMFR0_EL1.PARange = 48
/// bits). Every output size (TCR.IPS/PS, VTCR.PS) is clamped to it (Arm ARM D8.2.x,
/// "if IPS/PS is larger than the implemented PA size, it behaves as PAMax").
pub const PA_MAX_BITS: u32 = 48;

/// Smallest TxSZ: 48-bit input addresses (no FEAT_LVA).
pub const TXSZ_MIN: u32 = 16;
/// Largest TxSZ: 25-bit input addresses (no FEAT_TTST).
pub const TXSZ_MAX: u32 = 39;

/// A translation granule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Granule {
    /// 4 KiB pages, 9 bits per level, levels 0..=3.
    K4,
    /// 16 KiB pages, 11 bits per level, levels 0..=3 (level 0 resolves one bit).
    K16,
    /// 64 KiB pages, 13 bits per level, levels 1..=3 for 48-bit inputs.
    K64,
}

impl Granule {
    /// Decode TCR.TG0 / VTCR.TG0 (00 = 4K, 01 = 64K, 10 = 16K). The reserved value 11
    /// is IMPLEMENTATION DEFINED as one of the implemented sizes (Arm ARM D17.2.131,
    /// TG0): this model picks 4K, as the most common.
    pub fn from_tg0(tg: u64) -> Granule {
        match tg & 3 {
            0b01 => Granule::K64,
            0b10 => Granule::K16,
            _ => Granule::K4,
        }
    }

    /// Decode TCR.TG1 (01 = 16K, 10 = 4K, 11 = 64K; reserved 00 is treated as 4K,
    /// see [`Granule::from_tg0`]).
    pub fn from_tg1(tg: u64) -> Granule {
        match tg & 3 {
            0b01 => Granule::K16,
            0b11 => Granule::K64,
            _ => Granule::K4,
        }
    }

    /// log2 of the page size.
    pub const fn shift(self) -> u32 {
        match self {
            Granule::K4 => 12,
            Granule::K16 => 14,
            Granule::K64 => 16,
        }
    }

    /// Input address bits resolved per full lookup level.
    pub const fn stride(self) -> u32 {
        self.shift() - 3
    }

    /// Page size in bytes.
    pub const fn page_size(self) -> u64 {
        1 << self.shift()
    }

    /// Lowest level at which a block descriptor is permitted (Arm ARM D8.3.1: 4K allows
    /// level 1 and 2 blocks; 16K and 64K only level 2 without FEAT_LPA/LPA2).
    pub const fn first_block_level(self) -> i8 {
        match self {
            Granule::K4 => 1,
            Granule::K16 | Granule::K64 => 2,
        }
    }

    /// Bit position of the lowest input address bit resolved at `level` (0..=3), which
    /// is also log2 of the size of a block/page mapped at that level.
    pub const fn level_lsb(self, level: i8) -> u32 {
        let l = if level < 0 {
            0
        } else if level > 3 {
            3
        } else {
            level as u32
        };
        self.shift() + self.stride() * (3 - l)
    }

    /// The stage-1 starting level for an input address size of `ia_bits` (Arm ARM
    /// D8.2.x: levels = ceil((ia - shift) / stride), start = 4 - levels). `ia_bits`
    /// must lie in `64-TXSZ_MAX ..= 64-TXSZ_MIN`; callers validate TxSZ first.
    pub fn start_level(self, ia_bits: u32) -> i8 {
        let ia = ia_bits.clamp(64 - TXSZ_MAX, 64 - TXSZ_MIN);
        let levels = (ia - self.shift()).div_ceil(self.stride());
        (4 - levels as i8).max(0)
    }
}

/// Mask of the low `bits` bits (saturating at 64).
#[inline]
pub const fn low_mask(bits: u32) -> u64 {
    if bits >= 64 {
        u64::MAX
    } else {
        (1u64 << bits) - 1
    }
}

/// Mask of bits `hi:lo` inclusive (empty if `lo > hi`).
#[inline]
pub const fn field_mask(hi: u32, lo: u32) -> u64 {
    if lo > hi || lo >= 64 {
        0
    } else {
        low_mask(hi + 1) & !low_mask(lo)
    }
}

/// Decode a 3-bit PA size field (TCR.IPS, TCR_EL2.PS, VTCR.PS: 000 = 32 bits ...
/// 101 = 48 bits) and clamp it to [`PA_MAX_BITS`]. Reserved encodings (110, 111 without
/// FEAT_LPA) behave as the largest implemented size.
pub fn pa_size_bits(ps: u64) -> u32 {
    let bits = match ps & 7 {
        0 => 32,
        1 => 36,
        2 => 40,
        3 => 42,
        4 => 44,
        _ => 48,
    };
    bits.min(PA_MAX_BITS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_levels_follow_the_granule_tables() {
        // 4K: 48 bits -> level 0, 39 bits (T0SZ=25) -> level 1, 30 bits -> level 2.
        assert_eq!(Granule::K4.start_level(48), 0);
        assert_eq!(Granule::K4.start_level(40), 0);
        assert_eq!(Granule::K4.start_level(39), 1);
        assert_eq!(Granule::K4.start_level(31), 1);
        assert_eq!(Granule::K4.start_level(30), 2);
        assert_eq!(Granule::K4.start_level(25), 2);
        // 16K: 48 bits -> level 0 (one bit), 47 -> level 1, 36 -> level 2.
        assert_eq!(Granule::K16.start_level(48), 0);
        assert_eq!(Granule::K16.start_level(47), 1);
        assert_eq!(Granule::K16.start_level(36), 2);
        assert_eq!(Granule::K16.start_level(25), 3);
        // 64K: 48 bits -> level 1 (6 bits), 42 -> level 2, 29 -> level 3.
        assert_eq!(Granule::K64.start_level(48), 1);
        assert_eq!(Granule::K64.start_level(43), 1);
        assert_eq!(Granule::K64.start_level(42), 2);
        assert_eq!(Granule::K64.start_level(29), 3);
    }

    #[test]
    fn level_lsbs_and_masks() {
        assert_eq!(Granule::K4.level_lsb(0), 39);
        assert_eq!(Granule::K4.level_lsb(1), 30);
        assert_eq!(Granule::K4.level_lsb(2), 21);
        assert_eq!(Granule::K16.level_lsb(2), 25);
        assert_eq!(Granule::K64.level_lsb(1), 42);
        assert_eq!(Granule::K64.level_lsb(3), 16);
        assert_eq!(field_mask(47, 12), 0x0000_ffff_ffff_f000);
        assert_eq!(field_mask(3, 4), 0);
        assert_eq!(low_mask(64), u64::MAX);
        assert_eq!(pa_size_bits(0b010), 40);
        assert_eq!(pa_size_bits(0b111), 48);
    }
}
