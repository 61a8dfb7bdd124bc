//! PSCI through SMC (the CPU starts at EL2 with no EL3 firmware of its own:
//! QEMU `virt,virtualization=on` and el2emu emulate PSCI on SMC).

/// PSCI SYSTEM_OFF function ID (PSCI spec DEN0022, 5.1.9).
const PSCI_SYSTEM_OFF: u64 = 0x8400_0008;
/// PSCI SYSTEM_RESET function ID (DEN0022, 5.1.10); with `-no-reboot` it also exits.
const PSCI_SYSTEM_RESET: u64 = 0x8400_0009;

fn smc(fid: u64) {
    // SAFETY: an SMC into the platform's PSCI implementation; SYSTEM_OFF and
    // SYSTEM_RESET do not return on success and touch no memory of ours.
    unsafe {
        core::arch::asm!("smc #0", inout("x0") fid => _, options(nostack));
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
