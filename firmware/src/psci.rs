//! PSCI calls (DEN0022): SMC conduit at EL2 (QEMU `virt` with
//! virtualization=on and no EL3). From EL1 the firmware asks its own EL2
//! vector code to power off with `hvc #0xF0FF` (see `exceptions`).

/// PSCI_VERSION.
pub const PSCI_VERSION: u64 = 0x8400_0000;
/// SYSTEM_OFF.
pub const SYSTEM_OFF: u64 = 0x8400_0008;
/// CPU_ON (SMC64).
pub const CPU_ON: u64 = 0xC400_0003;
/// AFFINITY_INFO (SMC64).
pub const AFFINITY_INFO: u64 = 0xC400_0004;

/// PSCI return codes.
pub const SUCCESS: i64 = 0;
/// Bad target.
pub const INVALID_PARAMETERS: i64 = -2;
/// Target already on.
pub const ALREADY_ON: i64 = -4;

/// Immediate used by firmware code below EL2 to request "finish and power off".
pub const FINISH_IMM: u64 = 0xF0FF;

/// Issues a PSCI call with the SMC conduit (EL2 only).
pub fn call(fid: u64, a1: u64, a2: u64, a3: u64) -> i64 {
    let r: u64;
    // SAFETY: SMC #0 is the PSCI conduit; it only clobbers x0-x3 per SMCCC
    // (we mark x0-x17 clobbered as SMCCC v1.0 allows).
    unsafe {
        core::arch::asm!("smc #0",
            inlateout("x0") fid => r, inlateout("x1") a1 => _, inlateout("x2") a2 => _,
            inlateout("x3") a3 => _, out("x4") _, out("x5") _, out("x6") _, out("x7") _,
            out("x8") _, out("x9") _, out("x10") _, out("x11") _, out("x12") _,
            out("x13") _, out("x14") _, out("x15") _, out("x16") _, out("x17") _,
            options(nostack))
    };
    r as i64
}

/// Powers the system off. At EL1 this traps to the firmware's EL2 handler.
pub fn system_off() -> ! {
    if crate::sysreg::current_el() == 2 {
        call(SYSTEM_OFF, 0, 0, 0);
    } else {
        // SAFETY: HVC to our own EL2 vectors, which never return for FINISH_IMM.
        unsafe { core::arch::asm!("hvc #0xF0FF", options(nostack)) };
    }
    crate::println!("SYSTEM_OFF returned");
    loop {
        crate::sysreg::wfe();
    }
}

/// CPU_ON: starts `mpidr` at `entry` with x0 = `ctx`.
pub fn cpu_on(mpidr: u64, entry: u64, ctx: u64) -> i64 {
    call(CPU_ON, mpidr, entry, ctx)
}

/// AFFINITY_INFO at affinity level 0: 0 = ON, 1 = OFF, 2 = ON_PENDING.
pub fn affinity_info(mpidr: u64) -> i64 {
    call(AFFINITY_INFO, mpidr, 0, 0)
}

/// PSCI_VERSION: major in [31:16], minor in [15:0].
pub fn version() -> u64 {
    call(PSCI_VERSION, 0, 0, 0) as u64
}
