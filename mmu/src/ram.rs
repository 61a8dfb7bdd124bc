//! Guest RAM: one anonymous memmap2 mapping at a fixed guest physical base.
//!
//! Every vCPU and device reaches RAM through a [`GuestRam`] handle; the handles share
//! the mapping. Accesses are bounds-checked here, so no guest address can reach host
//! memory outside the mapping.

use std::sync::Arc;

use memmap2::MmapMut;
use thiserror::Error;

/// Errors from creating guest RAM.
#[derive(Debug, Error)]
pub enum RamError {
    /// The requested size is zero, not page aligned, or too large for the memory map.
    #[error("invalid RAM size {0:#x}: must be a non-zero multiple of 4 KiB, at most 255 GiB")]
    BadSize(u64),
    /// The host refused the mapping.
    #[error("cannot map {size:#x} bytes of guest RAM: {source}")]
    Map {
        /// Requested size.
        size: u64,
        /// The host error.
        source: std::io::Error,
    },
}

struct Mapping {
    map: std::cell::UnsafeCell<MmapMut>,
}

// SAFETY: the mapping is plain memory; the emulator serialises vCPUs on one host thread
// in deterministic mode, and guest-visible races in a parallel mode are the guest's own
// (as on hardware), never a host memory-safety issue since every access is a bounded copy.
unsafe impl Sync for Mapping {}
// SAFETY: see above; the mapping has no thread affinity.
unsafe impl Send for Mapping {}

/// Guest RAM at `[base, base + size)`.
#[derive(Clone)]
pub struct GuestRam {
    base: u64,
    size: u64,
    ptr: *mut u8,
    _map: Arc<Mapping>,
}

// SAFETY: `ptr` points into `_map`, which is kept alive by the Arc; see `Mapping`.
unsafe impl Send for GuestRam {}

impl GuestRam {
    /// Map `size` bytes of zeroed RAM at guest physical address `base`.
    pub fn new(base: u64, size: u64) -> Result<Self, RamError> {
        if size == 0 || !size.is_multiple_of(4096) || size > 255 << 30 {
            return Err(RamError::BadSize(size));
        }
        let map = MmapMut::map_anon(size as usize).map_err(|source| RamError::Map { size, source })?;
        let mapping = Arc::new(Mapping { map: std::cell::UnsafeCell::new(map) });
        // SAFETY: we only take the base pointer; the mapping lives as long as the Arc.
        let ptr = unsafe { (*mapping.map.get()).as_mut_ptr() };
        Ok(GuestRam { base, size, ptr, _map: mapping })
    }

    /// Guest physical base address.
    pub fn base(&self) -> u64 {
        self.base
    }

    /// Size in bytes.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// Offset of `[pa, pa+len)` inside RAM, if it lies wholly inside.
    #[inline(always)]
    pub fn offset(&self, pa: u64, len: u64) -> Option<usize> {
        let off = pa.wrapping_sub(self.base);
        if off < self.size && len <= self.size - off {
            Some(off as usize)
        } else {
            None
        }
    }

    /// True if `pa` is a RAM address.
    #[inline(always)]
    pub fn contains(&self, pa: u64) -> bool {
        pa.wrapping_sub(self.base) < self.size
    }

    /// Read `N` bytes (1, 2, 4, 8 or 16) little-endian at `pa`; `None` outside RAM.
    #[inline(always)]
    pub fn read<const N: usize>(&self, pa: u64) -> Option<[u8; N]> {
        let off = self.offset(pa, N as u64)?;
        let mut out = [0u8; N];
        // SAFETY: `offset` checked that [off, off+N) is inside the mapping, which is
        // alive for as long as `self`; the copy is byte-wise so alignment is irrelevant.
        unsafe { std::ptr::copy_nonoverlapping(self.ptr.add(off), out.as_mut_ptr(), N) };
        Some(out)
    }

    /// Write `N` bytes at `pa`; `false` outside RAM.
    #[inline(always)]
    pub fn write<const N: usize>(&self, pa: u64, data: [u8; N]) -> bool {
        let Some(off) = self.offset(pa, N as u64) else { return false };
        // SAFETY: bounds checked by `offset`; byte-wise copy into the live mapping.
        unsafe { std::ptr::copy_nonoverlapping(data.as_ptr(), self.ptr.add(off), N) };
        true
    }

    /// Read a little-endian u64 (for table walks); `None` outside RAM.
    #[inline(always)]
    pub fn read_u64(&self, pa: u64) -> Option<u64> {
        self.read::<8>(pa).map(u64::from_le_bytes)
    }

    /// Read a little-endian u32 (for instruction fetch); `None` outside RAM.
    #[inline(always)]
    pub fn read_u32(&self, pa: u64) -> Option<u32> {
        self.read::<4>(pa).map(u32::from_le_bytes)
    }

    /// Read a little-endian u32 at byte offset `off` from the RAM base (the fetch fast
    /// path, which caches the offset of the current code page); `None` outside RAM.
    #[inline(always)]
    pub fn read_u32_at(&self, off: usize) -> Option<u32> {
        if off as u64 + 4 > self.size {
            return None;
        }
        let mut out = [0u8; 4];
        // SAFETY: [off, off+4) is inside the mapping (checked above), which lives as long
        // as `self`; byte-wise copy, so alignment is irrelevant.
        unsafe { std::ptr::copy_nonoverlapping(self.ptr.add(off), out.as_mut_ptr(), 4) };
        Some(u32::from_le_bytes(out))
    }

    /// Copy `data` into RAM at `pa` (loaders); `false` if it does not fit.
    pub fn load(&self, pa: u64, data: &[u8]) -> bool {
        let Some(off) = self.offset(pa, data.len() as u64) else { return false };
        // SAFETY: bounds checked by `offset`.
        unsafe { std::ptr::copy_nonoverlapping(data.as_ptr(), self.ptr.add(off), data.len()) };
        true
    }

    /// Copy `len` bytes out of RAM at `pa`; `None` if the range is not wholly RAM.
    pub fn dump(&self, pa: u64, len: usize) -> Option<Vec<u8>> {
        let off = self.offset(pa, len as u64)?;
        let mut v = vec![0u8; len];
        // SAFETY: bounds checked by `offset`.
        unsafe { std::ptr::copy_nonoverlapping(self.ptr.add(off), v.as_mut_ptr(), len) };
        Some(v)
    }

    /// Fill `len` bytes at `pa` with zero (DC ZVA); `false` if not wholly RAM.
    pub fn zero(&self, pa: u64, len: usize) -> bool {
        let Some(off) = self.offset(pa, len as u64) else { return false };
        // SAFETY: bounds checked by `offset`.
        unsafe { std::ptr::write_bytes(self.ptr.add(off), 0, len) };
        true
    }
}

impl crate::WalkMemory for GuestRam {
    fn read_desc(&mut self, pa: u64) -> Option<u64> {
        self.read_u64(pa)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_are_enforced() {
        let ram = GuestRam::new(0x4000_0000, 0x10000).unwrap();
        assert!(ram.write::<8>(0x4000_0000, 0x1122334455667788u64.to_le_bytes()));
        assert_eq!(ram.read_u64(0x4000_0000), Some(0x1122334455667788));
        assert_eq!(ram.read_u32(0x4000_0004), Some(0x11223344));
        assert_eq!(ram.read_u64(0x4000_fff9), None, "straddles the end");
        assert_eq!(ram.read_u64(0x3fff_fff8), None, "below base");
        assert!(!ram.write::<4>(0x4001_0000, [0; 4]));
        assert!(GuestRam::new(0, 123).is_err());
    }
}
