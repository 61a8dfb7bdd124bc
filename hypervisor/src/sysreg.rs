//! System register access (MRS/MSR) and barriers.

/// Reads a system register by name: `read_sysreg!(esr_el2)`.
macro_rules! read_sysreg {
    ($name:ident) => {{
        let v: u64;
        // SAFETY: MRS of a register accessible at EL2; no memory is accessed.
        unsafe {
            core::arch::asm!(concat!("mrs {}, ", stringify!($name)), out(reg) v,
                             options(nomem, nostack, preserves_flags));
        }
        v
    }};
}

/// Writes a system register by name: `write_sysreg!(hcr_el2, v)`.
macro_rules! write_sysreg {
    ($name:ident, $val:expr) => {{
        let v: u64 = $val;
        // SAFETY: MSR of a register accessible at EL2. Writes that change
        // translation or trapping are followed by `isb()` at the call site;
        // no `nomem`, so the compiler keeps memory accesses ordered around it.
        unsafe {
            core::arch::asm!(concat!("msr ", stringify!($name), ", {}"), in(reg) v,
                             options(nostack, preserves_flags));
        }
    }};
}

/// Instruction synchronization barrier: makes prior system register writes
/// visible to following instructions (Arm ARM, "Synchronization requirements for AArch64 System registers").
pub fn isb() {
    // SAFETY: a barrier has no effect on memory contents.
    unsafe { core::arch::asm!("isb", options(nostack, preserves_flags)) };
}

/// Data synchronization barrier, inner shareable.
pub fn dsb_ish() {
    // SAFETY: a barrier has no effect on memory contents.
    unsafe { core::arch::asm!("dsb ish", options(nostack, preserves_flags)) };
}
