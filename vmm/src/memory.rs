//! Guest RAM: anonymous host memory registered with KVM as one memslot.

use std::io;

use kvm_bindings::kvm_userspace_memory_region;
use kvm_ioctls::VmFd;

/// A contiguous block of guest-physical RAM backed by an anonymous private mapping.
pub struct GuestRam {
    host: *mut u8,
    size: usize,
    base: u64,
}

impl GuestRam {
    /// Maps `size` bytes (a multiple of the page size) and registers them with `vm` as
    /// memslot `slot` at guest-physical address `base`.
    pub fn new(vm: &VmFd, slot: u32, base: u64, size: usize) -> io::Result<Self> {
        // SAFETY: an anonymous private mapping with no address hint touches no existing
        // memory; the result is checked against MAP_FAILED before use.
        let host = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                size,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
                -1,
                0,
            )
        };
        if host == libc::MAP_FAILED {
            return Err(io::Error::last_os_error());
        }
        let ram = GuestRam { host: host.cast(), size, base };
        let region = kvm_userspace_memory_region {
            slot,
            flags: 0,
            guest_phys_addr: base,
            memory_size: size as u64,
            userspace_addr: host as u64,
        };
        // SAFETY: the region describes exactly the mapping created above, which `ram` owns
        // and unmaps only in Drop. KVM reaches the memory through this process's page tables
        // (kept coherent by MMU notifiers), so even if the mapping goes away while the memslot
        // still exists, the kernel never touches freed memory: the guest would just fault.
        unsafe { vm.set_user_memory_region(region) }.map_err(io::Error::from)?;
        Ok(ram)
    }

    pub fn size(&self) -> u64 {
        self.size as u64
    }

    pub fn end(&self) -> u64 {
        self.base + self.size as u64
    }

    fn range(&self, gpa: u64, len: usize) -> io::Result<usize> {
        let off = gpa.checked_sub(self.base).ok_or_else(|| out_of_range(gpa, len))?;
        if off.checked_add(len as u64).is_none_or(|e| e > self.size as u64) {
            return Err(out_of_range(gpa, len));
        }
        Ok(off as usize)
    }

    /// Copies `data` into guest RAM at guest-physical address `gpa`.
    pub fn write(&self, gpa: u64, data: &[u8]) -> io::Result<()> {
        let off = self.range(gpa, data.len())?;
        // SAFETY: `range` checked that [off, off + len) lies inside the mapping, and `data`
        // cannot overlap it (it is a Rust borrow of other memory). The vCPU is not running
        // while the VMM thread executes this (single-threaded VMM).
        unsafe { std::ptr::copy_nonoverlapping(data.as_ptr(), self.host.add(off), data.len()) };
        Ok(())
    }
}

fn out_of_range(gpa: u64, len: usize) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, format!("guest range {gpa:#x}+{len:#x} is outside guest RAM"))
}

impl Drop for GuestRam {
    fn drop(&mut self) {
        // SAFETY: unmaps exactly the mapping created in `new`, owned by `self`.
        unsafe { libc::munmap(self.host.cast(), self.size) };
    }
}
