//! Empty virtio-mmio transports (virtio v1.2, 4.2.2 "MMIO Device Register Layout").
//!
//! The `virt` board has 32 transports whether or not a device sits behind them; an
//! empty one answers the identification registers with DeviceID 0 ("reserved, no
//! device"), which the Linux virtio-mmio driver skips quietly. Every other register
//! reads as zero and writes are ignored.

/// `MagicValue` register offset.
pub const MAGIC_VALUE: u64 = 0x000;
/// `Version` register offset.
pub const VERSION: u64 = 0x004;
/// `DeviceID` register offset.
pub const DEVICE_ID: u64 = 0x008;
/// `VendorID` register offset.
pub const VENDOR_ID: u64 = 0x00c;

/// "virt" in little-endian ASCII.
pub const MAGIC: u32 = 0x7472_6976;
/// Version 2: the non-legacy register layout.
pub const VERSION_MODERN: u32 = 2;
/// QEMU's vendor ID ("QEMU" in little-endian ASCII), so guests see the same value.
pub const VENDOR_QEMU: u32 = 0x554d_4551;

/// Read `size` bytes at `offset` inside one empty transport.
pub fn empty_read(offset: u64, size: u32) -> u64 {
    let word = match offset & !3 {
        MAGIC_VALUE => MAGIC,
        VERSION => VERSION_MODERN,
        VENDOR_ID => VENDOR_QEMU,
        _ => 0, // DeviceID 0 and everything else
    } as u64;
    let shift = (offset & 3) * 8;
    let v = word >> shift;
    match size {
        1 => v & 0xff,
        2 => v & 0xffff,
        4 => v & 0xffff_ffff,
        // An 8-byte read covers two registers.
        _ => (v & 0xffff_ffff) | (empty_read(offset + 4, 4) << 32),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identification_registers() {
        assert_eq!(empty_read(MAGIC_VALUE, 4), 0x7472_6976);
        assert_eq!(empty_read(VERSION, 4), 2);
        assert_eq!(empty_read(DEVICE_ID, 4), 0);
        assert_eq!(empty_read(VENDOR_ID, 4), 0x554d_4551);
        assert_eq!(empty_read(0x70, 4), 0);
        assert_eq!(empty_read(1, 1), 0x69);
        assert_eq!(empty_read(0, 8), 0x2_7472_6976);
    }
}
