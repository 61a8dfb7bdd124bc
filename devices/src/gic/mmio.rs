//! Splitting guest MMIO accesses into 32-bit register words.
//!
//! GICv3 registers are 32-bit (IROUTER and GICR_TYPER are 64-bit, handled as two words);
//! IPRIORITYR supports byte access (IHI 0069 12.1.3 "GIC memory-mapped register access").
//! Any access is decomposed into word accesses with a byte-lane mask, so every
//! offset/size combination has a defined outcome: naturally aligned 1/2/4/8-byte
//! accesses reach the registers, anything else reads as zero and ignores writes.

/// Whether `size` is a supported access size and `offset` is aligned to it.
fn valid(offset: u64, size: u32) -> bool {
    matches!(size, 1 | 2 | 4 | 8) && offset.is_multiple_of(size as u64)
}

/// Read `size` bytes at `offset` through `word(aligned_offset) -> u32`.
pub fn read(offset: u64, size: u32, mut word: impl FnMut(u64) -> u32) -> u64 {
    if !valid(offset, size) {
        return 0;
    }
    match size {
        8 => word(offset) as u64 | (word(offset.wrapping_add(4)) as u64) << 32,
        4 => word(offset) as u64,
        _ => {
            let shift = (offset & 3) * 8;
            let mask = (1u64 << (size * 8)) - 1;
            (word(offset & !3) as u64 >> shift) & mask
        }
    }
}

/// Write `size` bytes at `offset` through `word(aligned_offset, value, byte_lane_mask)`.
pub fn write(offset: u64, size: u32, value: u64, mut word: impl FnMut(u64, u32, u32)) {
    if !valid(offset, size) {
        return;
    }
    match size {
        8 => {
            word(offset, value as u32, u32::MAX);
            word(offset.wrapping_add(4), (value >> 32) as u32, u32::MAX);
        }
        4 => word(offset, value as u32, u32::MAX),
        _ => {
            let shift = (offset & 3) * 8;
            let mask = ((1u64 << (size * 8)) - 1) << shift;
            word(offset & !3, (value << shift) as u32, mask as u32);
        }
    }
}

/// Merge `value` into `old` under `mask`.
pub fn merge(old: u32, value: u32, mask: u32) -> u32 {
    (old & !mask) | (value & mask)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_masks() {
        let regs = [0x1122_3344u32, 0x5566_7788];
        let rd = |o: u64| regs[(o / 4) as usize % 2];
        assert_eq!(read(0, 8, rd), 0x5566_7788_1122_3344);
        assert_eq!(read(1, 1, rd), 0x33);
        assert_eq!(read(2, 2, rd), 0x1122);
        assert_eq!(read(1, 2, rd), 0, "unaligned reads as zero");
        assert_eq!(read(0, 3, rd), 0, "odd size reads as zero");
        let mut seen = Vec::new();
        write(6, 2, 0xabcd, |o, v, m| seen.push((o, v, m)));
        assert_eq!(seen, vec![(4, 0xabcd_0000, 0xffff_0000)]);
        seen.clear();
        write(8, 8, 0x1_0000_0002, |o, v, m| seen.push((o, v, m)));
        assert_eq!(seen, vec![(8, 2, u32::MAX), (12, 1, u32::MAX)]);
        seen.clear();
        write(3, 4, 1, |o, v, m| seen.push((o, v, m)));
        assert!(seen.is_empty());
        assert_eq!(merge(0xffff_0000, 0x1234, 0xff), 0xffff_0034);
    }
}
