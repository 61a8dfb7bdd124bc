//! Putting a kernel, an initrd and the device tree into guest RAM, and the register
//! state the boot PE starts with (Linux `Documentation/arm64/booting.rst`: x0 = physical
//! address of the DTB, x1 = x2 = x3 = 0, MMU and caches off, interrupts masked).
//!
//! Kernel formats, told apart by their first bytes: ELF64 AArch64 ([`elf`]), arm64
//! `Image` ([`image`]), gzip-compressed `Image`.

pub mod elf;
pub mod image;
pub mod initrd;

use anyhow::{bail, Context, Result};
use el2emu_mmu::GuestRam;

use crate::board::Region;
use crate::fdt::{self, DtConfig};

/// Which format the kernel file had.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KernelFormat {
    /// ELF64 executable.
    Elf,
    /// arm64 `Image`.
    Image,
    /// gzip-compressed `Image`.
    GzipImage,
}

/// Where everything went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BootInfo {
    /// The kernel file's format.
    pub format: KernelFormat,
    /// First instruction of the boot PE.
    pub entry: u64,
    /// The range from the lowest to the highest byte the kernel claims.
    pub kernel: Region,
    /// The initrd, if any.
    pub initrd: Option<Region>,
    /// The DTB (x0 of the boot PE).
    pub dtb: Region,
}

/// A kernel decoded into what must be written where.
enum Kernel {
    Elf(elf::ElfImage),
    Image { load: u64, size: u64, data: Vec<u8>, format: KernelFormat },
}

fn decode(data: &[u8], ram: Region) -> Result<Kernel> {
    if elf::is_elf(data) {
        let e = elf::parse(data).context("loading the ELF kernel")?;
        for s in &e.segments {
            initrd::check_fits(ram, s.region(), "ELF segment")?;
        }
        if ram.offset(e.entry).is_none() {
            bail!("the ELF entry point {:#x} is not in guest RAM", e.entry);
        }
        return Ok(Kernel::Elf(e));
    }
    let (data, format) = if image::is_gzip(data) {
        let raw = image::gunzip(data, ram.size)?;
        if !image::is_image(&raw) {
            bail!("the gzip-compressed kernel does not contain an arm64 Image (no \"ARM\\x64\" magic)");
        }
        (raw, KernelFormat::GzipImage)
    } else if image::is_image(data) {
        (data.to_vec(), KernelFormat::Image)
    } else {
        bail!("unrecognized kernel format: expected an ELF64 AArch64 executable, an arm64 Image, or a gzip-compressed Image");
    };
    let h = image::parse_header(&data)?;
    // The first 2 MiB aligned base in RAM: RAM itself (the board's RAM base is aligned).
    let load = initrd::align_up(ram.base, image::BASE_ALIGN) + h.text_offset;
    initrd::check_fits(ram, Region::new(load, h.image_size), "kernel Image")?;
    Ok(Kernel::Image { load, size: h.image_size, data, format })
}

/// Load `kernel` (and `initrd`) into `ram`, build the DTB from `dt` (its `initrd` is
/// filled in here) and place it.
pub fn load(ram: &GuestRam, kernel: &[u8], initrd: Option<&[u8]>, dt: &DtConfig) -> Result<BootInfo> {
    let ram_region = Region::new(ram.base(), ram.size());
    let decoded = decode(kernel, ram_region)?;
    let (format, entry, used) = match &decoded {
        Kernel::Elf(e) => (KernelFormat::Elf, e.entry, e.segments.iter().map(|s| s.region()).collect::<Vec<_>>()),
        Kernel::Image { load, size, format, .. } => (*format, *load, vec![Region::new(*load, *size)]),
    };
    let lo = used.iter().map(|r| r.base).min().unwrap_or(ram_region.base);
    let hi = used.iter().map(|r| r.end()).max().unwrap_or(ram_region.base);
    let kernel_extent = Region::new(lo, hi - lo);
    let initrd_region = match initrd {
        Some(d) => Some(initrd::place_initrd(ram_region, hi, d.len() as u64)?),
        None => None,
    };
    let initrd_end = initrd_region.map_or_else(|| initrd::initrd_start(ram_region, hi), |r| r.end());
    let dtb = fdt::build(&DtConfig { initrd: initrd_region, ..dt.clone() })?;
    let mut taken = used.clone();
    taken.extend(initrd_region);
    let elf = format == KernelFormat::Elf;
    let dtb_at = initrd::place_dtb(ram_region, &taken, initrd_end, dtb.len() as u64, elf)?;

    // Everything is checked to lie in RAM: the writes cannot fail.
    match &decoded {
        Kernel::Elf(e) => {
            for s in &e.segments {
                ram.zero(s.paddr, s.memsz as usize);
                ram.load(s.paddr, &s.data);
            }
        }
        Kernel::Image { load, size, data, .. } => {
            ram.zero(*load, *size as usize);
            ram.load(*load, data);
        }
    }
    if let (Some(r), Some(d)) = (initrd_region, initrd) {
        ram.load(r.base, d);
    }
    ram.load(dtb_at, &dtb);
    Ok(BootInfo {
        format,
        entry,
        kernel: kernel_extent,
        initrd: initrd_region,
        dtb: Region::new(dtb_at, dtb.len() as u64),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::board::{MIB, RAM_BASE};
    use image::tests::{gzip, image};

    fn dt() -> DtConfig {
        DtConfig { cpus: 1, ram_size: 128 * MIB, cpu_compatible: "arm,cortex-a57", el2: true, ..Default::default() }
    }

    fn ram() -> GuestRam {
        GuestRam::new(RAM_BASE, 128 * MIB).unwrap()
    }

    #[test]
    fn image_goes_to_text_offset_and_dtb_after_initrd() {
        let ram = ram();
        let k = image(0x8_0000, 0x10_0000, &[0xaa; 32]);
        let b = load(&ram, &k, Some(&[0x55; 100]), &dt()).unwrap();
        assert_eq!(b.format, KernelFormat::Image);
        assert_eq!(b.entry, RAM_BASE + 0x8_0000);
        assert_eq!(ram.read_u32(RAM_BASE + 0x8_0000), Some(0x1400_0010));
        assert_eq!(ram.read_u32(RAM_BASE + 0x8_0000 + 64), Some(0xaaaa_aaaa));
        let initrd = b.initrd.unwrap();
        assert_eq!(initrd, Region::new(RAM_BASE + 64 * MIB, 100));
        assert_eq!(ram.read::<1>(initrd.base), Some([0x55]));
        assert_eq!(b.dtb.base, RAM_BASE + 66 * MIB);
        assert_eq!(ram.read_u32(b.dtb.base), Some(0xedfe_0dd0)); // big-endian d00dfeed
    }

    #[test]
    fn gzip_image_is_decompressed() {
        let ram = ram();
        let k = image(0, 0x2000, &[0x11; 64]);
        let b = load(&ram, &gzip(&k), None, &dt()).unwrap();
        assert_eq!(b.format, KernelFormat::GzipImage);
        assert_eq!(b.entry, RAM_BASE);
        assert_eq!(ram.read_u32(RAM_BASE + 64), Some(0x1111_1111));
        assert_eq!(b.dtb.base, RAM_BASE + 64 * MIB);
    }

    #[test]
    fn elf_segments_and_dtb_at_ram_base() {
        let ram = ram();
        let code = [0x1f, 0x20, 0x03, 0xd5]; // nop
        let b = load(&ram, &elf::build(RAM_BASE + 0x20_0000, &code, 8), None, &dt()).unwrap();
        assert_eq!(b.format, KernelFormat::Elf);
        assert_eq!(b.entry, RAM_BASE + 0x20_0000);
        assert_eq!(ram.read_u32(RAM_BASE + 0x20_0000), Some(0xd503_201f));
        assert_eq!(b.dtb.base, RAM_BASE);
    }

    #[test]
    fn elf_at_ram_base_pushes_the_dtb_up() {
        let ram = ram();
        let b = load(&ram, &elf::build(RAM_BASE, &[0; 4096], 0), None, &dt()).unwrap();
        assert_eq!(b.dtb.base, RAM_BASE + 2 * MIB);
    }

    #[test]
    fn bad_kernels_are_errors() {
        let ram = ram();
        let e = load(&ram, b"this is not a kernel", None, &dt()).unwrap_err();
        assert!(e.to_string().contains("unrecognized kernel format"), "{e}");
        let e = load(&ram, &[], None, &dt()).unwrap_err();
        assert!(e.to_string().contains("unrecognized"), "{e}");
        // An ELF outside RAM.
        let e = load(&ram, &elf::build(0x1000, &[0; 4], 0), None, &dt()).unwrap_err();
        assert!(format!("{e:#}").contains("does not fit in guest RAM"), "{e:#}");
        // An Image larger than RAM.
        let e = load(&ram, &image(0, 200 * MIB, &[]), None, &dt()).unwrap_err();
        assert!(e.to_string().contains("does not fit"), "{e}");
        // gzip of something that is not an Image.
        let e = load(&ram, &gzip(b"hello"), None, &dt()).unwrap_err();
        assert!(e.to_string().contains("does not contain an arm64 Image"), "{e}");
    }
}
