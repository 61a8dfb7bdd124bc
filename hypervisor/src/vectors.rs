//! EL2 vector table (src/vectors.S) and the Rust side of the guest entry/exit.

use core::arch::global_asm;

global_asm!(include_str!("vectors.S"));

// `Hyp` is opaque to the assembly: it only hands the pointer back to hyp_dispatch.
#[allow(improper_ctypes)]
extern "C" {
    /// Restores `frame` into the CPU and enters the guest; returns the nonzero
    /// value [`crate::switch::hyp_dispatch`] returned for a full exit.
    pub fn __guest_enter(frame: *mut crate::vcpu::GuestRegs, hyp: *mut crate::run::Hyp) -> u64;
}

/// An exception taken at EL2 itself: a bug in the hypervisor (or a compiler-
/// generated FP/SIMD instruction while CPTR_EL2.TFP=1). Reports and powers off.
#[no_mangle]
extern "C" fn hyp_bad_exception(vector: u64) -> ! {
    const GROUP: [&str; 4] = ["EL2 with SP_EL0", "EL2 with SP_EL2", "lower EL AArch64", "lower EL AArch32"];
    const KIND: [&str; 4] = ["synchronous", "IRQ", "FIQ", "SError"];
    let esr = read_sysreg!(esr_el2);
    println!("hyp: unexpected {} exception from {}", KIND[(vector & 3) as usize], GROUP[((vector >> 2) & 3) as usize]);
    crate::trap::dump_fault(esr, read_sysreg!(elr_el2), read_sysreg!(far_el2), read_sysreg!(hpfar_el2));
    crate::psci::fail("exception in the hypervisor")
}
