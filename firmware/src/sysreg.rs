//! System register access (`mrs`/`msr`) and barriers.
//!
//! Registers are named as the assembler spells them; registers that need an
//! architecture extension the assembler does not enable by default are given
//! by encoding, e.g. `S3_5_C1_C0_0` for SCTLR_EL12 (Arm ARM D17 / C5.3).

/// Reads a system register: `read_sysreg!(hcr_el2)`.
#[macro_export]
macro_rules! read_sysreg {
    ($reg:tt) => {{
        let v: u64;
        // SAFETY: `mrs` only reads a system register; an access not permitted at
        // the current EL traps into the firmware's own vector table.
        unsafe { core::arch::asm!(concat!("mrs {}, ", stringify!($reg)), out(reg) v, options(nomem, nostack, preserves_flags)) };
        v
    }};
}

/// Writes a system register: `write_sysreg!(hcr_el2, v)`.
#[macro_export]
macro_rules! write_sysreg {
    ($reg:tt, $val:expr) => {{
        let v: u64 = $val;
        // SAFETY: the firmware runs alone on the machine; every register it
        // writes configures its own execution environment (no Rust-visible
        // memory is changed behind the compiler's back, hence no `nomem`).
        unsafe { core::arch::asm!(concat!("msr ", stringify!($reg), ", {}"), in(reg) v, options(nostack, preserves_flags)) };
    }};
}

/// Instruction synchronisation barrier (Arm ARM C6.2.138).
#[inline(always)]
pub fn isb() {
    // SAFETY: barrier instruction, no side effects on Rust state.
    unsafe { core::arch::asm!("isb", options(nostack, preserves_flags)) };
}

/// Full-system data synchronisation barrier.
#[inline(always)]
pub fn dsb_sy() {
    // SAFETY: barrier instruction.
    unsafe { core::arch::asm!("dsb sy", options(nostack, preserves_flags)) };
}

/// Inner-shareable data synchronisation barrier.
#[inline(always)]
pub fn dsb_ish() {
    // SAFETY: barrier instruction.
    unsafe { core::arch::asm!("dsb ish", options(nostack, preserves_flags)) };
}

/// Send event (wakes PEs waiting in WFE).
#[inline(always)]
pub fn sev() {
    // SAFETY: hint instruction.
    unsafe { core::arch::asm!("sev", options(nomem, nostack, preserves_flags)) };
}

/// Wait for event.
#[inline(always)]
pub fn wfe() {
    // SAFETY: hint instruction.
    unsafe { core::arch::asm!("wfe", options(nomem, nostack, preserves_flags)) };
}

/// Wait for interrupt.
#[inline(always)]
pub fn wfi() {
    // SAFETY: hint instruction.
    unsafe { core::arch::asm!("wfi", options(nomem, nostack, preserves_flags)) };
}

/// Masks IRQs (PSTATE.I = 1).
#[inline(always)]
pub fn irq_mask() {
    // SAFETY: only changes PSTATE.I.
    unsafe { core::arch::asm!("msr daifset, #2", options(nostack, preserves_flags)) };
}

/// Unmasks IRQs (PSTATE.I = 0).
#[inline(always)]
pub fn irq_unmask() {
    // SAFETY: only changes PSTATE.I; handlers are installed by the caller.
    unsafe { core::arch::asm!("msr daifclr, #2", options(nostack, preserves_flags)) };
}

/// Current exception level (CurrentEL[3:2], Arm ARM C5.2.1). Not usable at EL0.
#[inline(always)]
pub fn current_el() -> u64 {
    (read_sysreg!(CurrentEL) >> 2) & 3
}

/// MPIDR_EL1.Aff0 of this PE.
#[inline(always)]
pub fn aff0() -> u64 {
    read_sysreg!(mpidr_el1) & 0xff
}

/// Address of a linker/assembler symbol, computed PC-relative.
#[macro_export]
macro_rules! sym_addr {
    ($sym:literal) => {{
        let a: u64;
        // SAFETY: address computation only.
        unsafe { core::arch::asm!(concat!("adrp {0}, ", $sym), concat!("add {0}, {0}, :lo12:", $sym), out(reg) a, options(nomem, nostack, preserves_flags)) };
        a
    }};
}
