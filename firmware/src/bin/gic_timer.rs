//! GICv3 + generic timer interrupts (GIC IHI 0069, Arm ARM D11).
//! EL2: EL2 physical timer (PPI 26) with HCR_EL2.IMO=1, once.
//! EL1: EL1 virtual timer (PPI 27) three times, EL1 physical timer (PPI 30)
//! once, then SGI 5 to self via ICC_SGI1R_EL1. Every interrupt is
//! acknowledged with ICC_IAR1_EL1, the timer is disabled, and ICC_EOIR1_EL1
//! ends it; the INTIDs are printed in order.
#![no_std]
#![no_main]

use core::sync::atomic::{AtomicU64, Ordering};
use fw::exceptions::{self, Frame, Kind};
use fw::timer::{CTL_ENABLE, PPI_EL1_PHYS, PPI_EL1_VIRT, PPI_EL2_PHYS};
use fw::{check, el, el::hcr, gic, println, sysreg, write_sysreg};

fw::entry!(main);

const SGI: u64 = 5;
/// Timer interval in counter ticks.
const TICKS: u64 = 1000;
/// Polling bound for an interrupt that never arrives.
const MAX_WAITS: u64 = 10_000_000;

/// INTID of the last interrupt taken (0xFFFF = none).
static LAST: AtomicU64 = AtomicU64::new(0xFFFF);

fn irq_handler(f: &mut Frame, kind: Kind) {
    if kind != Kind::Irq {
        println!("unexpected exception esr=0x{:x}", f.esr);
        check::fail("unexpected exception");
        check::finish();
    }
    let intid = gic::ack();
    if intid == gic::INTID_SPURIOUS {
        return;
    }
    // Quiesce the level-sensitive timer outputs before EOI.
    match intid as u32 {
        PPI_EL2_PHYS => write_sysreg!(cnthp_ctl_el2, 0),
        PPI_EL1_VIRT => write_sysreg!(cntv_ctl_el0, 0),
        PPI_EL1_PHYS => write_sysreg!(cntp_ctl_el0, 0),
        _ => {}
    }
    gic::eoi(intid);
    LAST.store(intid, Ordering::Release);
}

/// Waits (IRQs masked around WFI, so no wakeup is lost) for one interrupt.
fn wait_irq() -> u64 {
    for _ in 0..MAX_WAITS {
        sysreg::irq_mask();
        let v = LAST.load(Ordering::Acquire);
        if v != 0xFFFF {
            LAST.store(0xFFFF, Ordering::Relaxed);
            return v;
        }
        sysreg::wfi();
        sysreg::irq_unmask();
        sysreg::isb();
    }
    sysreg::irq_mask();
    0xFFFF
}

fn report(what: &str, intid: u64, want: u32) {
    println!("{}: INTID {}", what, intid);
    check::eq("  INTID", intid, want as u64);
}

fn main() -> ! {
    println!("gic_timer: start");
    check::eq("boot CurrentEL", sysreg::current_el(), 2);
    exceptions::set_handler(2, irq_handler);
    exceptions::set_handler(1, irq_handler);

    gic::init_distributor();
    gic::wake_redistributor();
    gic::enable_sre_el2();
    gic::init_cpu_interface();
    for id in [PPI_EL2_PHYS, PPI_EL1_VIRT, PPI_EL1_PHYS, SGI as u32] {
        gic::enable_private(id, 0x80);
    }

    // EL2 physical timer, IRQs routed to EL2.
    write_sysreg!(hcr_el2, hcr::RW | hcr::IMO);
    sysreg::isb();
    write_sysreg!(cnthp_tval_el2, TICKS);
    write_sysreg!(cnthp_ctl_el2, CTL_ENABLE);
    report("EL2 physical timer IRQ at EL2", wait_irq(), PPI_EL2_PHYS);

    // Physical IRQs to EL1 from now on.
    write_sysreg!(hcr_el2, hcr::RW);
    sysreg::isb();
    el::enter_el1(el1_main)
}

extern "C" fn el1_main() -> ! {
    check::eq("EL1 CurrentEL", sysreg::current_el(), 1);
    gic::init_cpu_interface();
    for i in 0..3 {
        write_sysreg!(cntv_tval_el0, TICKS);
        write_sysreg!(cntv_ctl_el0, CTL_ENABLE);
        let id = wait_irq();
        println!("EL1 virtual timer IRQ #{}: INTID {}", i + 1, id);
        check::eq("  INTID", id, PPI_EL1_VIRT as u64);
    }
    write_sysreg!(cntp_tval_el0, TICKS);
    write_sysreg!(cntp_ctl_el0, CTL_ENABLE);
    report("EL1 physical timer IRQ at EL1", wait_irq(), PPI_EL1_PHYS);

    gic::send_sgi_self(SGI);
    report("SGI to self at EL1", wait_irq(), SGI as u32);

    check::eq("no interrupt left pending (IAR spurious)", gic::ack(), gic::INTID_SPURIOUS);
    check::finish()
}
