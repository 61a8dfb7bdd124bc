//! Where the initrd and the DTB go in RAM, given where the kernel is.
//!
//! Linux `booting.rst` constrains both only loosely: the initrd anywhere in RAM that the
//! kernel does not claim (not inside `image_size` from the load address), the DTB on an
//! 8-byte boundary, at most 2 MiB, and not in a 2 MiB region that needs special
//! attributes. el2emu follows QEMU 7.2's choices so a guest sees the same addresses:
//!
//! - initrd: at RAM base + min(RAM / 2, 128 MiB), or just after the kernel if the kernel
//!   reaches past that point (page aligned);
//! - DTB for an `Image`: after the initrd (or after that initrd slot when there is
//!   none), aligned to 2 MiB;
//! - DTB for an ELF: at the start of RAM when no segment is there, else after the
//!   highest loaded byte (kernel or initrd), aligned to 2 MiB.

use anyhow::{bail, Result};

use crate::board::{Region, MIB};

/// Page alignment of the initrd start.
pub const INITRD_ALIGN: u64 = 4096;
/// DTB alignment: 2 MiB, so the DTB shares no 2 MiB block with anything else.
pub const DTB_ALIGN: u64 = 2 * MIB;
/// Largest DTB the kernel accepts (booting.rst).
pub const DTB_MAX: u64 = 2 * MIB;

/// Round `x` up to a multiple of the power of two `a` (saturating near the top).
pub fn align_up(x: u64, a: u64) -> u64 {
    x.checked_add(a - 1).map(|v| v & !(a - 1)).unwrap_or(!(a - 1))
}

/// Check that `r` lies inside `ram`, naming `what` in the error.
pub fn check_fits(ram: Region, r: Region, what: &str) -> Result<()> {
    if r.base < ram.base || r.base.checked_add(r.size).is_none_or(|end| end > ram.end()) {
        bail!(
            "the {what} ({:#x}..{:#x}, {} bytes) does not fit in guest RAM ({:#x}..{:#x}); try a larger -m",
            r.base,
            r.base.saturating_add(r.size),
            r.size,
            ram.base,
            ram.end()
        );
    }
    Ok(())
}

/// Start of the initrd slot: RAM base + min(RAM / 2, 128 MiB), moved up past the
/// kernel if it reaches there.
pub fn initrd_start(ram: Region, kernel_end: u64) -> u64 {
    let slot = ram.base + (ram.size / 2).min(128 * MIB);
    slot.max(align_up(kernel_end, INITRD_ALIGN))
}

/// Place an initrd of `len` bytes.
pub fn place_initrd(ram: Region, kernel_end: u64, len: u64) -> Result<Region> {
    let r = Region::new(initrd_start(ram, kernel_end), len);
    check_fits(ram, r, "initrd")?;
    Ok(r)
}

/// Place the DTB of `len` bytes. `used` are the ranges already taken (kernel segments
/// and initrd); `elf` selects the start-of-RAM placement.
pub fn place_dtb(ram: Region, used: &[Region], initrd_end: u64, len: u64, elf: bool) -> Result<u64> {
    if len > DTB_MAX {
        bail!("the device tree is {len} bytes, more than the 2 MiB the kernel accepts");
    }
    let at_base = Region::new(ram.base, len);
    let overlaps = |a: Region| used.iter().any(|u| u.size > 0 && a.base < u.end() && u.base < a.end());
    let base = if elf && !overlaps(at_base) {
        ram.base
    } else if elf {
        let top = used.iter().map(|u| u.end()).max().unwrap_or(ram.base);
        align_up(top, DTB_ALIGN)
    } else {
        align_up(initrd_end, DTB_ALIGN)
    };
    check_fits(ram, Region::new(base, len), "device tree")?;
    Ok(base)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::board::{ram, RAM_BASE};

    #[test]
    fn initrd_goes_to_the_qemu_slot() {
        assert_eq!(initrd_start(ram(128 * MIB), RAM_BASE + MIB), RAM_BASE + 64 * MIB);
        assert_eq!(initrd_start(ram(1 << 30), RAM_BASE + MIB), RAM_BASE + 128 * MIB);
        // A kernel reaching past the slot pushes the initrd up, page aligned.
        assert_eq!(initrd_start(ram(128 * MIB), RAM_BASE + 70 * MIB + 1), RAM_BASE + 70 * MIB + 4096);
    }

    #[test]
    fn initrd_too_big_is_an_error() {
        let e = place_initrd(ram(128 * MIB), RAM_BASE, 65 * MIB).unwrap_err();
        assert!(e.to_string().contains("does not fit"), "{e}");
        assert!(place_initrd(ram(128 * MIB), RAM_BASE, 64 * MIB).is_ok());
    }

    #[test]
    fn dtb_after_initrd_for_images() {
        let r = ram(128 * MIB);
        let at = place_dtb(r, &[], RAM_BASE + 64 * MIB + 5, 0x1000, false).unwrap();
        assert_eq!(at, RAM_BASE + 66 * MIB);
        assert!(place_dtb(r, &[], RAM_BASE + 127 * MIB, 0x1000, false).is_err());
        assert!(place_dtb(r, &[], RAM_BASE, 3 * MIB, false).is_err());
    }

    #[test]
    fn dtb_at_ram_base_for_elf_unless_taken() {
        let r = ram(128 * MIB);
        let high = [Region::new(RAM_BASE + 0x8_0000, 0x1000)];
        assert_eq!(place_dtb(r, &high, 0, 0x1000, true).unwrap(), RAM_BASE);
        let low = [Region::new(RAM_BASE, 0x3000), Region::new(RAM_BASE + 3 * MIB, 0x10)];
        assert_eq!(place_dtb(r, &low, 0, 0x1000, true).unwrap(), RAM_BASE + 4 * MIB);
    }

    #[test]
    fn align_up_saturates() {
        assert_eq!(align_up(1, 4096), 4096);
        assert_eq!(align_up(4096, 4096), 4096);
        assert_eq!(align_up(u64::MAX - 3, 4096), !4095);
    }
}
