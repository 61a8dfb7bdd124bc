//! Stage 2 translation (Arm ARM D8, VTCR_EL2 D17.2.173, HPFAR_EL2
//! D17.2.52): 4 KiB granule, 40-bit IPA starting at level 1 (two
//! concatenated level-1 tables). RAM is identity mapped except a hole and a
//! read-only page; IPA 0x80_4000_0000 (second concatenated table) aliases
//! RAM. The EL1 guest (stage 1 off) touches them; EL2 prints EC, DFSC, WnR,
//! ISV/SAS/SRT/SF, FAR and HPFAR and skips the instruction.
#![no_std]
#![no_main]

use core::arch::asm;
use fw::exceptions::{self, ec, Frame, Kind};
use fw::mmu::{self, Table, Table2, MIB2, PAGE, RAM_BASE, S2AP_RO, S2AP_RW, S2_DEVICE, S2_NORMAL};
use fw::{check, el, el::hcr, println, sysreg, write_sysreg};

fw::entry!(main);

const WIN: u64 = 0x4800_0000;
const HOLE: u64 = WIN + 2 * PAGE;
const RO: u64 = WIN + 3 * PAGE;
/// IPA in an invalid stage 2 level-1 entry (4-5 GiB).
const L1_HOLE: u64 = 0x1_0000_0040;
/// IPA 512 GiB + 1 GiB: entry 513 of the concatenated level-1 table.
const ALIAS_BASE: u64 = 0x80_4000_0000;

static S2_L1: Table2 = Table2::new();
static S2_L2: Table = Table::new();
static S2_L3: Table = Table::new();

fn main() -> ! {
    println!("stage2: start");
    check::eq("boot CurrentEL", sysreg::current_el(), 2);
    write64(WIN, 0x5EED_0000_0000_0000);
    write64(RO, 0x5EED_0000_0000_0003);
    write64(RO + 8, 0x5EED_0000_0000_0004);

    S2_L1.set(0, mmu::s2_desc(0, S2_DEVICE, S2AP_RW, false));
    S2_L1.set(1, mmu::table(&S2_L2));
    S2_L1.set(513, mmu::s2_desc(RAM_BASE, S2_NORMAL, S2AP_RW, false));
    for i in 0..512u64 {
        S2_L2.set(i as usize, mmu::s2_desc(RAM_BASE + i * MIB2, S2_NORMAL, S2AP_RW, false));
        S2_L3.set(i as usize, mmu::s2_desc(WIN + i * PAGE, S2_NORMAL, S2AP_RW, true));
    }
    S2_L3.set(2, 0);
    S2_L3.set(3, mmu::s2_desc(RO, S2_NORMAL, S2AP_RO, true));
    S2_L2.set(((WIN - RAM_BASE) / MIB2) as usize, mmu::table(&S2_L3));

    exceptions::set_handler(2, el2_handler);
    write_sysreg!(hcr_el2, hcr::RW);
    mmu::enable_stage2(&S2_L1);
    check::eq("HCR_EL2.VM", fw::read_sysreg!(hcr_el2) & 1, 1);
    el::enter_el1(guest)
}

fn write64(a: u64, v: u64) {
    // SAFETY: `a` is an otherwise unused RAM page in the test window.
    unsafe { core::ptr::write_volatile(a as *mut u64, v) }
}

/// Stage 2 aborts are reported and skipped.
fn el2_handler(f: &mut Frame, kind: Kind) {
    let r = exceptions::last(2);
    if kind != Kind::Sync || r.ec() != ec::DABT_LOW {
        println!("unexpected exception esr=0x{:x}", f.esr);
        check::fail("unexpected exception");
        check::finish();
    }
    let iss = r.iss();
    println!(
        "EL2: data abort EC=0x{:02x} DFSC=0x{:02x} WnR={} ISV={} SAS={} SRT={} SF={} FAR=0x{:x}",
        r.ec(),
        iss & 0x3f,
        (iss >> 6) & 1,
        (iss >> 24) & 1,
        (iss >> 22) & 3,
        (iss >> 16) & 0x1f,
        (iss >> 15) & 1,
        r.far
    );
    // HPFAR_EL2 is valid for stage 2 Translation faults; for Permission
    // faults it is UNKNOWN (Arm ARM D17.2.52), so only print it for the former.
    if iss & 0x3c == 0x04 {
        println!("EL2: HPFAR=0x{:x} (IPA page 0x{:x})", r.hpfar, (r.hpfar >> 4) << 12);
    }
    f.elr += 4;
}

/// Checks the last stage 2 abort.
fn expect(name: &str, before: u64, esr: u64, far: u64, ipa: Option<u64>) {
    let r = exceptions::last(2);
    println!("{}:", name);
    check::eq("  aborts taken to EL2", exceptions::count(2) - before, 1);
    check::eq("  ESR_EL2", r.esr, esr);
    check::eq("  FAR_EL2", r.far, far);
    if let Some(ipa) = ipa {
        check::eq("  HPFAR_EL2", r.hpfar, (ipa >> 12) << 4);
    }
}

fn ldr_w3(a: u64) -> u64 {
    let mut v: u64 = 0xDEAD;
    // SAFETY: a stage 2 fault is handled at EL2, which skips the load.
    unsafe { asm!("ldr w3, [{a}]", a = in(reg) a, inout("x3") v) };
    v
}

fn ldr_x(a: u64) -> u64 {
    let mut v: u64 = 0xDEAD;
    // SAFETY: as in `ldr_w3`.
    unsafe { asm!("ldr {v}, [{a}]", a = in(reg) a, v = inout(reg) v) };
    v
}

fn str_x5(a: u64, v: u64) {
    // SAFETY: a stage 2 fault is handled at EL2, which skips the store.
    unsafe { asm!("str x5, [{a}]", a = in(reg) a, in("x5") v) };
}

fn strh_w7(a: u64, v: u64) {
    // SAFETY: as in `str_x5`.
    unsafe { asm!("strh w7, [{a}]", a = in(reg) a, in("x7") v) };
}

/// ESR for a data abort from a lower EL with a valid instruction syndrome.
const fn dabt_low(sas: u64, srt: u64, sf: u64, wnr: u64, dfsc: u64) -> u64 {
    (ec::DABT_LOW << 26) | (1 << 25) | (1 << 24) | (sas << 22) | (srt << 16) | (sf << 15) | (wnr << 6) | dfsc
}

extern "C" fn guest() -> ! {
    println!("guest: EL{} with stage 2", sysreg::current_el());
    check::eq("guest read RAM", ldr_x(WIN), 0x5EED_0000_0000_0000);
    check::eq("guest read RO page", ldr_x(RO), 0x5EED_0000_0000_0003);
    check::eq(
        "guest read via IPA alias (concatenated L1)",
        ldr_x(ALIAS_BASE + (WIN - RAM_BASE)),
        0x5EED_0000_0000_0000,
    );

    let b = exceptions::count(2);
    let v = ldr_w3(HOLE + 0x10);
    expect("ldr w3 from stage 2 hole", b, dabt_low(2, 3, 0, 0, 0x07), HOLE + 0x10, Some(HOLE));
    check::eq("  load skipped", v, 0xDEAD);

    let b = exceptions::count(2);
    str_x5(RO + 8, 0x55);
    expect("str x5 to stage 2 read-only page", b, dabt_low(3, 5, 1, 1, 0x0F), RO + 8, None);
    check::eq("  RO page unchanged", ldr_x(RO + 8), 0x5EED_0000_0000_0004);

    let b = exceptions::count(2);
    strh_w7(HOLE + 0x22, 0x77);
    expect("strh w7 to stage 2 hole", b, dabt_low(1, 7, 0, 1, 0x07), HOLE + 0x22, Some(HOLE));

    let b = exceptions::count(2);
    ldr_w3(L1_HOLE);
    expect("ldr w3 from stage 2 level-1 hole", b, dabt_low(2, 3, 0, 0, 0x05), L1_HOLE, Some(L1_HOLE));

    check::finish()
}
