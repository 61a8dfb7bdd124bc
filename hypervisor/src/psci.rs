//! PSCI through SMC (the CPU starts at EL2 with no EL3 firmware of its own:
//! QEMU `virt,virtualization=on` and el2emu emulate PSCI on SMC).

/// PSCI SYSTEM_OFF function ID (Arm PSCI specification DEN0022, SYSTEM_OFF).
const PSCI_SYSTEM_OFF: u64 = 0x8400_0008;
/// PSCI SYSTEM_RESET function ID (DEN0022, SYSTEM_RESET); with `-no-reboot` it also exits.
const PSCI_SYSTEM_RESET: u64 = 0x8400_0009;

/// Calls PSCI: SMC at EL2 (the conduit when the CPU starts at EL2). If the
/// board started us at EL1 (no virtualization), only reporting that and
/// powering off is left, and the conduit there is HVC (QEMU `virt` without EL2/EL3).
fn smc(fid: u64) {
    if (read_sysreg!(CurrentEL) >> 2) & 3 == 2 {
        // SAFETY: an SMC into the platform's PSCI implementation; SYSTEM_OFF
        // and SYSTEM_RESET do not return on success and touch no memory of ours.
        unsafe { core::arch::asm!("smc #0", inout("x0") fid => _, options(nostack)) };
    } else {
        // SAFETY: as above, through the HVC conduit.
        unsafe { core::arch::asm!("hvc #0", inout("x0") fid => _, options(nostack)) };
    }
}

/// Powers the machine off.
pub fn system_off() -> ! {
    smc(PSCI_SYSTEM_OFF);
    println!("hyp: PSCI SYSTEM_OFF returned; trying SYSTEM_RESET");
    smc(PSCI_SYSTEM_RESET);
    // Nothing else can stop the machine: park the CPU with interrupts masked.
    loop {
        // SAFETY: WFI only waits; interrupts are masked so it returns only spuriously.
        unsafe { core::arch::asm!("wfi", options(nomem, nostack)) };
    }
}

/// Reports a fatal failure of the demo and powers off.
pub fn fail(why: &str) -> ! {
    println!("demo: FAIL ({})", why);
    system_off()
}
