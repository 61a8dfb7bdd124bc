//! The `virt` board's physical memory map, as data.
//!
//! The addresses are QEMU 7.2's `virt` machine (hw/arm/virt.c memmap, which is ABI: the
//! DTB describes them, and guests built for `virt` hard-code some, e.g. earlycon at
//! 0x0900_0000). Each region is derived from the one below it where QEMU's layout is
//! itself derived, so moving one region cannot silently overlap the next.
//!
//! ```text
//!  0x0000_0000 +---------------------------+
//!              | flash 0 (64 MiB, empty)   |  nothing mapped: external abort
//!  0x0400_0000 +---------------------------+
//!              | flash 1 (64 MiB, empty)   |
//!  0x0800_0000 +---------------------------+
//!              | GICD (64 KiB)             |  GICv3 distributor
//!  0x0801_0000 +---------------------------+
//!              |   (ITS, GICv2 frames:     |  unmapped in el2emu
//!              |    not modelled)          |
//!  0x080A_0000 +---------------------------+
//!              | GICR: 128 KiB per PE      |  RD_base + SGI_base frames
//!              |   (room for 123 PEs)      |
//!  0x0900_0000 +---------------------------+
//!              | PL011 UART (4 KiB)        |  SPI 1 = INTID 33
//!  0x0901_0000 +---------------------------+
//!              | PL031 RTC (not modelled)  |
//!  0x0902_0000 +---------------------------+
//!              | fw_cfg (not modelled)     |
//!              |   ...                     |
//!  0x0A00_0000 +---------------------------+
//!              | virtio-mmio 32 x 0x200    |  empty transports, SPI 16..47
//!  0x0A00_4000 +---------------------------+
//!              |   ...                     |
//!  0x4000_0000 +---------------------------+
//!              | RAM (-m, default 128 MiB) |
//!              +---------------------------+
//! ```

/// One KiB.
pub const KIB: u64 = 1 << 10;
/// One MiB.
pub const MIB: u64 = 1 << 20;
/// One GiB.
pub const GIB: u64 = 1 << 30;

/// A physical address range `[base, base + size)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    /// First byte.
    pub base: u64,
    /// Length in bytes.
    pub size: u64,
}

impl Region {
    /// The region `[base, base + size)`.
    pub const fn new(base: u64, size: u64) -> Self {
        Region { base, size }
    }
    /// One past the last byte.
    pub const fn end(&self) -> u64 {
        self.base + self.size
    }
    /// Offset of `pa` inside the region, if it is inside.
    pub const fn offset(&self, pa: u64) -> Option<u64> {
        if pa >= self.base && pa - self.base < self.size {
            Some(pa - self.base)
        } else {
            None
        }
    }
}

/// Each of the two flash banks (QEMU: 64 MiB each; el2emu maps nothing there).
pub const FLASH_BANK_SIZE: u64 = 64 * MIB;
/// Both flash banks.
pub const FLASH: Region = Region::new(0, 2 * FLASH_BANK_SIZE);

/// GICv3 distributor: one 64 KiB frame (Arm IHI 0069, 12.1).
pub const GICD: Region = Region::new(FLASH.end(), 64 * KIB);
/// Size of one PE's redistributor: RD_base and SGI_base, 64 KiB each (IHI 0069, 12.10).
pub const GICR_STRIDE: u64 = el2emu_devices::gic::REDIST_STRIDE;
/// Start of the redistributor region (QEMU's VIRT_GIC_REDIST), after the distributor,
/// the ITS (128 KiB at GICD + 0x80000) and the GICv2 CPU interface frames.
pub const GICR_BASE: u64 = GICD.base + 0xA_0000;
/// Redistributor space QEMU reserves below the UART: room for 123 PEs.
pub const GICR_SPACE: u64 = 0xF6_0000;
/// Most PEs el2emu models (`-smp`); bounded well inside [`GICR_SPACE`].
pub const MAX_CPUS: u32 = 8;

/// The redistributor region for `cpus` PEs (one 128 KiB frame pair each).
pub const fn gicr(cpus: u32) -> Region {
    Region::new(GICR_BASE, cpus as u64 * GICR_STRIDE)
}

/// PL011 UART, right after the redistributor space.
pub const UART: Region = Region::new(GICR_BASE + GICR_SPACE, 4 * KIB);
/// PL031 RTC (QEMU has one; el2emu does not, its page aborts).
pub const RTC: Region = Region::new(UART.base + 0x1_0000, 4 * KIB);
/// fw_cfg (not modelled).
pub const FW_CFG: Region = Region::new(RTC.base + 0x1_0000, 0x18);

/// First virtio-mmio transport.
pub const VIRTIO_BASE: u64 = 0x0A00_0000;
/// Distance between transports (virtio v1.2, 4.2.2: register block of 0x100 + config).
pub const VIRTIO_STRIDE: u64 = 0x200;
/// Number of transports (QEMU's NUM_VIRTIO_TRANSPORTS).
pub const VIRTIO_COUNT: u64 = 32;
/// All transports.
pub const VIRTIO: Region = Region::new(VIRTIO_BASE, VIRTIO_COUNT * VIRTIO_STRIDE);

/// RAM base: `booting.rst` does not fix it; `virt` puts it at 1 GiB.
pub const RAM_BASE: u64 = GIB;
/// Default `-m` (QEMU's `virt` default_ram_size).
pub const RAM_DEFAULT: u64 = 128 * MIB;
/// Largest `-m` el2emu accepts: the host maps all of guest RAM up front.
pub const RAM_MAX: u64 = 16 * GIB;

/// The RAM region for `size` bytes.
pub const fn ram(size: u64) -> Region {
    Region::new(RAM_BASE, size)
}

/// INTID of the first SPI (GICv3: 0..15 SGI, 16..31 PPI, 32.. SPI).
pub const SPI_BASE: u32 = 32;
/// UART interrupt as an SPI number (what the DT `interrupts` cell holds).
pub const UART_SPI: u32 = 1;
/// UART interrupt INTID.
pub const UART_INTID: u32 = SPI_BASE + UART_SPI;
/// First virtio-mmio SPI number (transport `i` uses SPI `VIRTIO_SPI + i`).
pub const VIRTIO_SPI: u32 = 16;
/// SPIs the GIC implements (QEMU's `virt`: 256 IRQs total, i.e. 224 SPIs rounded up to
/// the GICD_TYPER granule of 32).
pub const NUM_SPIS: u32 = 224;

/// GIC maintenance interrupt, as a PPI number (INTID 25).
pub const GIC_MAINT_PPI: u32 = 9;

/// Generic timer PPIs as PPI numbers (INTID - 16), in the order of the DT binding
/// `arm,armv8-timer`: secure physical, non-secure physical, virtual, hypervisor.
pub const TIMER_PPIS: [u32; 4] = [13, 14, 11, 10];

/// The first PPI INTID (PPI numbers in the DT are relative to it).
pub const PPI_BASE: u32 = 16;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_match_qemu_virt() {
        assert_eq!(GICD.base, 0x0800_0000);
        assert_eq!(GICR_BASE, 0x080A_0000);
        assert_eq!(UART.base, 0x0900_0000);
        assert_eq!(RTC.base, 0x0901_0000);
        assert_eq!(FW_CFG.base, 0x0902_0000);
        assert_eq!(VIRTIO.base, 0x0A00_0000);
        assert_eq!(VIRTIO.end(), 0x0A00_4000);
        assert_eq!(RAM_BASE, 0x4000_0000);
        assert_eq!(UART_INTID, 33);
    }

    #[test]
    fn regions_do_not_overlap() {
        let mut all = [FLASH, GICD, gicr(MAX_CPUS), UART, RTC, FW_CFG, VIRTIO, ram(RAM_MAX)];
        all.sort_by_key(|r| r.base);
        for w in all.windows(2) {
            assert!(w[0].end() <= w[1].base, "{:x?} overlaps {:x?}", w[0], w[1]);
        }
        assert!(gicr(MAX_CPUS).end() <= GICR_BASE + GICR_SPACE);
    }

    #[test]
    fn region_offset() {
        assert_eq!(UART.offset(0x0900_0018), Some(0x18));
        assert_eq!(UART.offset(0x0900_1000), None);
        assert_eq!(UART.offset(0x08ff_ffff), None);
        assert_eq!(gicr(2).offset(GICR_BASE + 0x3_fffc), Some(0x3_fffc));
        assert_eq!(gicr(2).offset(GICR_BASE + 0x4_0000), None);
    }
}
