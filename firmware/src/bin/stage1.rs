//! EL1 stage 1 translation (Arm ARM D8): identity map with one remapped
//! page, one unmapped page and one read-only page in a level-3 table, a
//! level-1 hole, and AT S1E1R/S1E1W results in PAR_EL1 (D17.2.97).
#![no_std]
#![no_main]

use core::arch::asm;
use fw::exceptions::{self, ec, Frame, Kind};
use fw::mmu::{self, Table, AP_RO, MIB2, PAGE, RAM_BASE};
use fw::{check, el, el::hcr, println, read_sysreg, sysreg, write_sysreg};

fw::entry!(main);

/// 2 MiB window described by the level-3 table.
const WIN: u64 = 0x4800_0000;
/// VA page remapped to `WIN + 5 pages`.
const REMAP_VA: u64 = WIN + PAGE;
const REMAP_PA: u64 = WIN + 5 * PAGE;
/// VA page left invalid.
const HOLE_VA: u64 = WIN + 2 * PAGE;
/// Read-only page (identity).
const RO_VA: u64 = WIN + 3 * PAGE;
/// Address in an invalid level-1 entry (2-3 GiB).
const L1_HOLE_VA: u64 = 0x8000_0040;

static L1: Table = Table::new();
static L2: Table = Table::new();
static L3: Table = Table::new();

fn main() -> ! {
    println!("stage1: start");
    check::eq("boot CurrentEL", sysreg::current_el(), 2);
    // Markers written with the MMU off (physical addresses).
    write64(REMAP_PA, 0x5EED_0000_0000_0001);
    write64(RO_VA, 0x5EED_0000_0000_0003);
    write64(WIN, 0x5EED_0000_0000_0000);
    write64(RO_VA + 8, 0x5EED_0000_0000_0004);

    mmu::s1_identity(&L1, &L2, 0);
    for i in 0..512u64 {
        L3.set(i as usize, mmu::s1_normal(WIN + i * PAGE, 0, true));
    }
    L3.set(1, mmu::s1_normal(REMAP_PA, 0, true));
    L3.set(2, 0);
    L3.set(3, mmu::s1_normal(RO_VA, AP_RO, true));
    L2.set(((WIN - RAM_BASE) / MIB2) as usize, mmu::table(&L3));

    exceptions::set_handler(1, el1_handler);
    write_sysreg!(hcr_el2, hcr::RW);
    sysreg::isb();
    el::enter_el1(el1_main)
}

fn el1_handler(f: &mut Frame, kind: Kind) {
    if kind == Kind::Sync && (f.esr >> 26) & 0x3f == ec::DABT_CUR {
        f.elr += 4;
    } else {
        println!("unexpected exception esr=0x{:x}", f.esr);
        check::fail("unexpected exception");
        check::finish();
    }
}

fn write64(a: u64, v: u64) {
    // SAFETY: `a` is an otherwise unused RAM page in the test window.
    unsafe { core::ptr::write_volatile(a as *mut u64, v) }
}

/// Loads from `a`, which may fault (the handler then skips the load and the
/// result is the sentinel left in the register).
fn load(a: u64) -> u64 {
    let mut v: u64 = 0xDEAD;
    // SAFETY: a fault is handled by `el1_handler`, which skips the load.
    unsafe { asm!("ldr {v}, [{a}]", v = inout(reg) v, a = in(reg) a) };
    v
}

fn store(a: u64, v: u64) {
    // SAFETY: a fault is handled by `el1_handler`, which skips the store.
    unsafe { asm!("str {v}, [{a}]", v = in(reg) v, a = in(reg) a) };
}

fn at_s1e1r(va: u64) -> u64 {
    // SAFETY: address translation instruction; result in PAR_EL1.
    unsafe { asm!("at s1e1r, {}", in(reg) va) };
    sysreg::isb();
    read_sysreg!(par_el1)
}

fn at_s1e1w(va: u64) -> u64 {
    // SAFETY: address translation instruction; result in PAR_EL1.
    unsafe { asm!("at s1e1w, {}", in(reg) va) };
    sysreg::isb();
    read_sysreg!(par_el1)
}

/// Expects one data abort at EL1 with the given DFSC / WnR and FAR.
fn expect_abort(name: &str, before: u64, dfsc: u64, wnr: u64, far: u64) {
    let r = exceptions::last(1);
    println!("{}: EC=0x{:02x} DFSC=0x{:02x} WnR={} FAR=0x{:x}", name, r.ec(), r.esr & 0x3f, (r.esr >> 6) & 1, r.far);
    check::eq("  aborts taken", exceptions::count(1) - before, 1);
    check::eq("  EC", r.ec(), ec::DABT_CUR);
    check::eq("  DFSC", r.esr & 0x3f, dfsc);
    check::eq("  WnR", (r.esr >> 6) & 1, wnr);
    check::eq("  FAR", r.far, far);
}

/// PAR_EL1 for a successful walk: PA[47:12] and ATTR[63:56] (F = 0).
fn par_ok(name: &str, par: u64, pa: u64, attr: u64) {
    println!("{}: F={} PA=0x{:x} ATTR=0x{:02x}", name, par & 1, par & 0x0000_FFFF_FFFF_F000, par >> 56);
    check::eq("  PAR.F", par & 1, 0);
    check::eq("  PAR.PA", par & 0x0000_FFFF_FFFF_F000, pa);
    check::eq("  PAR.ATTR", par >> 56, attr);
}

/// PAR_EL1 for a failed walk: F = 1 and FST[6:1].
fn par_fault(name: &str, par: u64, fst: u64) {
    println!("{}: F={} FST=0x{:02x}", name, par & 1, (par >> 1) & 0x3f);
    check::eq("  PAR.F", par & 1, 1);
    check::eq("  PAR.FST", (par >> 1) & 0x3f, fst);
}

extern "C" fn el1_main() -> ! {
    check::eq("EL1 CurrentEL", sysreg::current_el(), 1);
    mmu::enable_el1(&L1);
    check::eq("SCTLR_EL1.M", read_sysreg!(sctlr_el1) & 1, 1);
    println!("MMU on");

    check::eq("identity read", load(WIN), 0x5EED_0000_0000_0000);
    check::eq("remapped read", load(REMAP_VA), 0x5EED_0000_0000_0001);
    check::eq("read-only page read", load(RO_VA), 0x5EED_0000_0000_0003);

    let b = exceptions::count(1);
    let v = load(HOLE_VA + 0x10);
    expect_abort("load from unmapped page", b, 0x07, 0, HOLE_VA + 0x10);
    check::eq("  load skipped", v, 0xDEAD);

    let b = exceptions::count(1);
    store(RO_VA + 8, 0x1234);
    expect_abort("store to read-only page", b, 0x0F, 1, RO_VA + 8);
    check::eq("  RO page unchanged", load(RO_VA + 8), 0x5EED_0000_0000_0004);

    let b = exceptions::count(1);
    load(L1_HOLE_VA);
    expect_abort("load from invalid level-1 entry", b, 0x05, 0, L1_HOLE_VA);

    par_ok("AT S1E1R remapped", at_s1e1r(REMAP_VA + 0x123), REMAP_PA, 0xFF);
    par_ok("AT S1E1R device", at_s1e1r(0x0900_0000), 0x0900_0000, 0x00);
    par_ok("AT S1E1R read-only", at_s1e1r(RO_VA), RO_VA, 0xFF);
    par_fault("AT S1E1W read-only", at_s1e1w(RO_VA), 0x0F);
    par_fault("AT S1E1R unmapped", at_s1e1r(HOLE_VA), 0x07);
    par_fault("AT S1E1R level-1 hole", at_s1e1r(L1_HOLE_VA), 0x05);

    check::finish()
}
