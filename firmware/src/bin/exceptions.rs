//! Synchronous exception routing and syndromes (Arm ARM D1.10, ESR_ELx
//! D17.2.37). EL2 drops to EL1 (HCR_EL2.RW=1, TWI=1, TVM=1) and EL1 then
//! raises SVC, HVC, UDF, BRK, a misaligned LDXR, a trapped WFI and a trapped
//! SCTLR_EL1 write; EL0 raises SVC and an UNDEFINED MRS. Each line prints
//! the target EL, EC, ISS and ELR relative to a label at the instruction.
#![no_std]
#![no_main]

use core::arch::asm;
use core::sync::atomic::AtomicU64;
use fw::exceptions::{self, ec, Frame, Kind};
use fw::{check, el, el::hcr, println, sysreg, write_sysreg};

fw::entry!(main);

fn main() -> ! {
    println!("exceptions: start");
    check::eq("boot CurrentEL", sysreg::current_el(), 2);
    exceptions::set_handler(2, el2_handler);
    exceptions::set_handler(1, el1_handler);
    write_sysreg!(hcr_el2, hcr::RW | hcr::TWI | hcr::TVM);
    sysreg::isb();
    el::enter_el1(el1_main)
}

/// EL2: trapped WFI (EC 0x01) and TVM (EC 0x18) are skipped; HVC returns.
fn el2_handler(f: &mut Frame, kind: Kind) {
    let ec = (f.esr >> 26) & 0x3f;
    match (kind, ec) {
        (Kind::Sync, ec::WFX) | (Kind::Sync, ec::SYS64) => f.elr += 4,
        (Kind::Sync, ec::HVC64) => {}
        _ => unexpected(2, f),
    }
}

/// EL1: SVC returns; UNDEFINED, BRK and data aborts are skipped.
fn el1_handler(f: &mut Frame, kind: Kind) {
    let ec = (f.esr >> 26) & 0x3f;
    match (kind, ec) {
        (Kind::Sync, ec::SVC64) => {}
        (Kind::Sync, ec::UNKNOWN) | (Kind::Sync, ec::BRK64) | (Kind::Sync, ec::DABT_CUR) => f.elr += 4,
        _ => unexpected(1, f),
    }
}

fn unexpected(el: u64, f: &Frame) {
    println!("unexpected exception at EL{} esr=0x{:x}", el, f.esr);
    check::fail("unexpected exception");
    check::finish();
}

/// Prints one exception and checks target EL, ESR and ELR - label.
fn expect(name: &str, el: usize, before: u64, label: u64, esr: u64, elr_off: u64) {
    let r = exceptions::last(el);
    let off = r.elr.wrapping_sub(label);
    println!("{}: EL{} EC=0x{:02x} ISS=0x{:07x} ELR=label+{}", name, el, r.ec(), r.iss(), off as i64);
    check::eq("  exceptions taken to this EL", exceptions::count(el) - before, 1);
    check::eq("  ESR", r.esr, esr);
    check::eq("  ELR - label", off, elr_off);
}

static LDXR_BUF: [AtomicU64; 2] = [AtomicU64::new(0), AtomicU64::new(0)];

extern "C" fn el1_main() -> ! {
    check::eq("EL1 CurrentEL", sysreg::current_el(), 1);
    let mut l: u64;

    let b = exceptions::count(1);
    // SAFETY: SVC to this firmware's EL1 handler, which restores all registers.
    unsafe { asm!("adr {l}, 1f", "1: svc #0x11", l = out(reg) l) };
    expect("svc #0x11 (EL1)", 1, b, l, 0x5600_0011, 4);

    let b = exceptions::count(2);
    // SAFETY: HVC to this firmware's EL2 handler, which restores all registers.
    unsafe { asm!("adr {l}, 1f", "1: hvc #0x22", l = out(reg) l) };
    expect("hvc #0x22 (EL1)", 2, b, l, 0x5A00_0022, 4);

    let b = exceptions::count(1);
    // SAFETY: UDF traps to the EL1 handler, which skips it.
    unsafe { asm!("adr {l}, 1f", "1: udf #0", l = out(reg) l) };
    expect("udf #0 (EL1)", 1, b, l, 0x0200_0000, 0);

    let b = exceptions::count(1);
    // SAFETY: BRK traps to the EL1 handler, which skips it.
    unsafe { asm!("adr {l}, 1f", "1: brk #0x33", l = out(reg) l) };
    expect("brk #0x33 (EL1)", 1, b, l, 0xF200_0033, 0);

    // Misaligned exclusive load: Alignment fault, DFSC 0b100001 (Arm ARM B2.5.2).
    let addr = LDXR_BUF.as_ptr() as u64 + 1;
    let b = exceptions::count(1);
    // SAFETY: the load faults (alignment) and the handler skips it; x2 is
    // declared clobbered in case it were to execute.
    unsafe { asm!("adr {l}, 1f", "1: ldxr x2, [{a}]", "clrex", l = out(reg) l, a = in(reg) addr, out("x2") _) };
    expect("ldxr misaligned (EL1)", 1, b, l, 0x9600_0021, 0);
    check::eq("  FAR - buffer", exceptions::last(1).far.wrapping_sub(addr - 1), 1);

    // WFI with HCR_EL2.TWI=1: EC 0x01, CV=1, COND=0b1110, TI=0 (Arm ARM D17.2.37).
    let b = exceptions::count(2);
    // SAFETY: WFI traps to EL2, which skips it.
    unsafe { asm!("adr {l}, 1f", "1: wfi", l = out(reg) l) };
    expect("wfi trapped by TWI", 2, b, l, 0x07E0_0000, 0);

    // MSR SCTLR_EL1, x2 with HCR_EL2.TVM=1: EC 0x18, ISS = Op0=3 Op2=0 Op1=0
    // CRn=1 Rt=2 CRm=0 Direction=0 (write).
    let sctlr = fw::read_sysreg!(sctlr_el1);
    let b = exceptions::count(2);
    // SAFETY: the write traps to EL2, which skips it (and it would write
    // back the value just read).
    unsafe { asm!("adr {l}, 1f", "1: msr sctlr_el1, x2", l = out(reg) l, in("x2") sctlr) };
    expect("msr sctlr_el1 trapped by TVM", 2, b, l, 0x6230_0440, 0);

    el::enter_el0(el0_main)
}

extern "C" fn el0_main() -> ! {
    println!("EL0: entered");
    let mut l: u64;

    let b = exceptions::count(1);
    // SAFETY: SVC to the EL1 handler, which restores all registers.
    unsafe { asm!("adr {l}, 1f", "1: svc #0x44", l = out(reg) l) };
    expect("svc #0x44 (EL0)", 1, b, l, 0x5600_0044, 4);

    // EL1 registers are UNDEFINED at EL0: EC 0x00 to EL1.
    let b = exceptions::count(1);
    // SAFETY: the MRS traps to EL1, which skips it; x3 is clobbered.
    unsafe { asm!("adr {l}, 1f", "1: mrs x3, sctlr_el1", l = out(reg) l, out("x3") _) };
    expect("mrs sctlr_el1 (EL0)", 1, b, l, 0x0200_0000, 0);

    // SAFETY: "finish" SVC: EL1 prints the summary and powers off.
    unsafe { asm!("svc #0xF0FF", options(noreturn)) }
}
