//! PSCI (DEN0022) SMP bring-up: CPU_ON for PEs 1..3, each secondary records
//! its MPIDR_EL1 and CurrentEL and parks; the primary polls (bounded), then
//! prints a sorted summary and AFFINITY_INFO / error-code results. Only the
//! primary prints, after all secondaries are done, so output is deterministic.
#![no_std]
#![no_main]

use core::sync::atomic::{AtomicU64, Ordering};
use fw::{check, println, psci, read_sysreg, start, sysreg};

fw::entry!(main);

const MAX_SECONDARIES: usize = 3;
/// Polling bound per secondary.
const MAX_POLLS: u64 = 50_000_000;

/// MPIDR_EL1 reported by secondary `i + 1` (0 = not yet).
static MPIDR: [AtomicU64; MAX_SECONDARIES] = [const { AtomicU64::new(0) }; MAX_SECONDARIES];
/// CurrentEL seen by secondary `i + 1`.
static EL: [AtomicU64; MAX_SECONDARIES] = [const { AtomicU64::new(0) }; MAX_SECONDARIES];

fn secondary(ctx: u64) -> ! {
    let i = (ctx as usize).wrapping_sub(1);
    if i < MAX_SECONDARIES {
        EL[i].store(sysreg::current_el(), Ordering::Relaxed);
        MPIDR[i].store(read_sysreg!(mpidr_el1), Ordering::Release);
        sysreg::dsb_sy();
        sysreg::sev();
    }
    loop {
        sysreg::wfe();
    }
}

fn main() -> ! {
    println!("psci_smp: start");
    check::eq("boot CurrentEL", sysreg::current_el(), 2);
    let mpidr0 = read_sysreg!(mpidr_el1);
    println!("primary MPIDR_EL1: 0x{:x}", mpidr0);
    check::eq("primary Aff0", mpidr0 & 0xff, 0);
    let v = psci::version();
    println!("PSCI version: {}.{}", v >> 16, v & 0xffff);
    check::ok("PSCI version >= 0.2", v >= 2);

    start::set_secondary_entry(secondary);
    let entry = start::secondary_start_addr();
    let mut started = 0;
    for pe in 1..=MAX_SECONDARIES as u64 {
        let info = psci::affinity_info(pe);
        let r = psci::cpu_on(pe, entry, pe);
        if r == psci::INVALID_PARAMETERS {
            println!("CPU_ON({}): INVALID_PARAMETERS (no such PE)", pe);
            break;
        }
        println!("PE {}: AFFINITY_INFO before CPU_ON = {}", pe, info);
        check::eq("  AFFINITY_INFO = OFF (1)", info as u64, 1);
        check::eq("  CPU_ON = SUCCESS (0)", r as u64, 0);
        started += 1;
    }
    println!("secondaries started: {}", started);

    for m in MPIDR.iter().take(started) {
        let mut polls = 0;
        while m.load(Ordering::Acquire) == 0 && polls < MAX_POLLS {
            core::hint::spin_loop();
            polls += 1;
        }
    }
    for i in 0..started {
        let m = MPIDR[i].load(Ordering::Acquire);
        println!("PE {}: MPIDR_EL1=0x{:x} CurrentEL={}", i + 1, m, EL[i].load(Ordering::Relaxed));
        check::eq("  Aff0", m & 0xff, i as u64 + 1);
        check::eq("  started at EL2", EL[i].load(Ordering::Relaxed), 2);
        let info = psci::affinity_info(i as u64 + 1);
        check::eq("  AFFINITY_INFO = ON (0)", info as u64, 0);
    }
    if started > 0 {
        let r = psci::cpu_on(1, entry, 1);
        println!("CPU_ON(1) again: {}", r);
        check::eq("  ALREADY_ON (-4)", r as u64, psci::ALREADY_ON as u64);
    }
    let r = psci::cpu_on(0xff, entry, 0);
    println!("CPU_ON(0xff): {}", r);
    check::eq("  INVALID_PARAMETERS (-2)", r as u64, psci::INVALID_PARAMETERS as u64);
    let r = psci::affinity_info(0);
    check::eq("AFFINITY_INFO(self) = ON (0)", r as u64, 0);
    check::finish()
}
