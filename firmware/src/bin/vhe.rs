//! FEAT_VHE (Arm ARM D5.6 / "Virtualization Host Extensions"): with
//! HCR_EL2.{E2H,TGE} = {1,1}, *_EL1 names at EL2 access the EL2 registers,
//! *_EL12 / *_EL02 access the EL1 ones, EL0 runs in the EL2&0 regime so its
//! SVC is taken to EL2, and CNTVOFF_EL2 is ignored for EL2/EL0 counter reads.
#![no_std]
#![no_main]

use core::arch::asm;
use fw::exceptions::{self, ec, Frame, Kind};
use fw::{check, el, el::hcr, println, read_sysreg, sysreg, timer, write_sysreg};

fw::entry!(main);

fn main() -> ! {
    println!("vhe: start");
    check::eq("boot CurrentEL", sysreg::current_el(), 2);
    let vh = (read_sysreg!(id_aa64mmfr1_el1) >> 8) & 0xF;
    check::ok("ID_AA64MMFR1_EL1.VH != 0", vh != 0);
    exceptions::set_handler(2, el2_handler);

    // CNTVOFF_EL2 is applied to EL1 reads but ignored under {E2H,TGE}={1,1}.
    write_sysreg!(cntvoff_el2, 1 << 40);
    // Switch to E2H=1,TGE=1. CPTR_EL2 takes the CPACR layout under E2H
    // (FPEN = bits 21:20), so re-enable FP/SIMD in the same asm block.
    // SAFETY: only EL2 control registers change; no Rust code runs between
    // the two writes.
    unsafe {
        asm!("msr hcr_el2, {h}", "isb", "msr cptr_el2, {c}", "isb",
             h = in(reg) hcr::RW | hcr::E2H | hcr::TGE, c = in(reg) 3u64 << 20)
    };
    let hcr_v = read_sysreg!(hcr_el2);
    check::eq("HCR_EL2.{E2H,TGE,RW}", hcr_v & (hcr::E2H | hcr::TGE | hcr::RW), hcr::E2H | hcr::TGE | hcr::RW);

    // Register redirection (Arm ARM D5.6.2 / "Register redirection").
    write_sysreg!(S3_5_C2_C0_0, 0x1234_5000); // TTBR0_EL12
    write_sysreg!(ttbr0_el1, 0x0567_8000); // -> TTBR0_EL2
    check::eq("TTBR0_EL12 (EL1 register)", read_sysreg!(S3_5_C2_C0_0), 0x1234_5000);
    check::eq("TTBR0_EL2 written via TTBR0_EL1", read_sysreg!(ttbr0_el2), 0x0567_8000);
    check::eq("TTBR0_EL1 reads TTBR0_EL2", read_sysreg!(ttbr0_el1), 0x0567_8000);
    write_sysreg!(S3_5_C13_C0_1, 0x42); // CONTEXTIDR_EL12
    write_sysreg!(contextidr_el1, 0x77); // -> CONTEXTIDR_EL2
    check::eq("CONTEXTIDR_EL12", read_sysreg!(S3_5_C13_C0_1), 0x42);
    check::eq("CONTEXTIDR_EL2 (S3_4_C13_C0_1)", read_sysreg!(S3_4_C13_C0_1), 0x77);
    let vbar = read_sysreg!(vbar_el2);
    write_sysreg!(S3_5_C12_C0_0, 0x4010_0000); // VBAR_EL12
    check::eq("VBAR_EL12", read_sysreg!(S3_5_C12_C0_0), 0x4010_0000);
    check::eq("VBAR_EL1 reads VBAR_EL2 (unchanged)", read_sysreg!(vbar_el1), vbar);
    write_sysreg!(mair_el1, 0xFF44); // -> MAIR_EL2
    write_sysreg!(S3_5_C10_C2_0, 0x4400); // MAIR_EL12
    check::eq("MAIR_EL2 written via MAIR_EL1", read_sysreg!(mair_el2), 0xFF44);
    check::eq("MAIR_EL12", read_sysreg!(S3_5_C10_C2_0), 0x4400);

    // Timers: CNTV_CTL_EL0 at EL2 is CNTHV_CTL_EL2; CNTV_CTL_EL02 is EL1's.
    write_sysreg!(S3_5_C14_C3_1, 0); // CNTV_CTL_EL02
    write_sysreg!(cntv_ctl_el0, timer::CTL_IMASK); // -> CNTHV_CTL_EL2
    sysreg::isb();
    check::eq("CNTHV_CTL_EL2 via CNTV_CTL_EL0", read_sysreg!(S3_4_C14_C3_1) & 3, timer::CTL_IMASK);
    check::eq("CNTV_CTL_EL02", read_sysreg!(S3_5_C14_C3_1) & 3, 0);
    write_sysreg!(cntv_ctl_el0, 0);

    // CNTHCTL_EL2 (E2H layout): EL0PCTEN | EL0VCTEN for EL0 counter reads.
    write_sysreg!(cnthctl_el2, 0b11);
    sysreg::isb();
    let p0 = timer::cntpct();
    let v = timer::cntvct();
    let p1 = timer::cntpct();
    check::ok("CNTVCT ignores CNTVOFF under E2H+TGE", v >= p0 && v <= p1);

    el::enter_el0(el0_main)
}

fn el2_handler(f: &mut Frame, kind: Kind) {
    if kind != Kind::Sync || (f.esr >> 26) & 0x3f != ec::SVC64 {
        println!("unexpected exception esr=0x{:x}", f.esr);
        check::fail("unexpected exception");
        check::finish();
    }
}

extern "C" fn el0_main() -> ! {
    println!("EL0 (EL2&0 regime): entered");
    let l: u64;
    let b = exceptions::count(2);
    let b1 = exceptions::count(1);
    // SAFETY: SVC to this firmware's EL2 handler, which restores all registers.
    unsafe { asm!("adr {l}, 1f", "1: svc #0x55", l = out(reg) l) };
    let r = exceptions::last(2);
    println!("svc #0x55 (EL0, TGE=1): EL2 EC=0x{:02x} ISS=0x{:x} ELR=label+{}", r.ec(), r.iss(), r.elr.wrapping_sub(l));
    check::eq("  taken to EL2", exceptions::count(2) - b, 1);
    check::eq("  not taken to EL1", exceptions::count(1) - b1, 0);
    check::eq("  ESR_EL2", r.esr, 0x5600_0055);
    check::eq("  ELR - label", r.elr.wrapping_sub(l), 4);
    check::eq("  SPSR_EL2.M (EL0t)", r.spsr & 0xF, 0);

    let c0 = timer::cntvct();
    let c1 = timer::cntvct();
    check::ok("EL0 CNTVCT_EL0 readable and monotonic", c1 >= c0);
    // SAFETY: "finish" SVC: EL2 prints the summary and powers off.
    unsafe { asm!("svc #0xF0FF", options(noreturn)) }
}
