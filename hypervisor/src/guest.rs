//! The guests: one program (src/guest.S) copied into each guest's RAM.

use crate::stage2::{GUEST_RAM_IPA, GUEST_RAM_PA, GUEST_RAM_SIZE};
use core::arch::global_asm;

global_asm!(include_str!("guest.S"));

extern "C" {
    static guest_blob_start: u8;
    static guest_blob_end: u8;
}

/// Guest entry point (IPA): start of its RAM.
pub const GUEST_ENTRY: u64 = GUEST_RAM_IPA;
/// Guest EL1 stack top (IPA): end of its RAM.
pub const GUEST_SP: u64 = GUEST_RAM_IPA + GUEST_RAM_SIZE;

/// Copies the guest program to the start of guest `g`'s RAM window.
pub fn install(g: usize) {
    let start = core::ptr::addr_of!(guest_blob_start) as usize;
    let end = core::ptr::addr_of!(guest_blob_end) as usize;
    let dst = GUEST_RAM_PA[g] as usize;
    let mut off = 0;
    while off < end - start {
        // SAFETY: reads the blob inside our own image and writes the guest's
        // RAM window, which nothing else uses; both are 4-byte aligned (the
        // blob is 4KB-aligned and its size a multiple of 16).
        unsafe {
            let w = core::ptr::read_volatile((start + off) as *const u32);
            core::ptr::write_volatile((dst + off) as *mut u32, w);
        }
        off += 4;
    }
    // SAFETY: make the copied instructions visible to instruction fetch
    // (Arm ARM, "Concurrent modification and execution of instructions" and cache maintenance for instruction fetch);
    // affects no memory contents.
    unsafe { core::arch::asm!("dsb ish", "ic iallu", "dsb ish", "isb", options(nostack, preserves_flags)) };
}
