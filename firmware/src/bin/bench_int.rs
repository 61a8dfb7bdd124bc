//! Integer benchmark (~0.3 G instructions): CRC-32 with table lookups, a
//! sieve, heap sort, matrix multiply and a Fibonacci loop, run at EL2 with
//! the EL2 stage 1 MMU on (identity map, Normal write-back RAM). Prints each
//! kernel's checksum and compares it with the host-computed reference.
#![no_std]
#![no_main]

use fw::bench::{self, Work};
use fw::mmu::{self, Table, AP_EL0};
use fw::{check, println, sysreg};

fw::entry!(main);

/// Scratch RAM for the kernels (outside the image, inside QEMU's 512 MiB).
const WORK_ADDR: usize = 0x4400_0000;

static L1: Table = Table::new();
static L2: Table = Table::new();

fn main() -> ! {
    println!("bench_int: start");
    check::eq("boot CurrentEL", sysreg::current_el(), 2);
    // AP[1] is RES1 in the EL2 (single VA range) regime (Arm ARM D8.4.1).
    mmu::s1_identity(&L1, &L2, AP_EL0);
    mmu::enable_el2(&L1);
    check::eq("SCTLR_EL2.M", fw::read_sysreg!(sctlr_el2) & 1, 1);

    // SAFETY: WORK_ADDR..+size_of::<Work>() (~1.4 MiB) is RAM used by nothing
    // else (the image ends below 0x4020_0000), identity mapped, and this is the
    // only reference to it; every field is written before it is read.
    let w: &mut Work = unsafe { &mut *(WORK_ADDR as *mut Work) };
    let r = bench::run(w);
    println!("crc32     = 0x{:08x}", r.crc);
    println!("primes    = {} (sum 0x{:x})", r.primes, r.prime_sum);
    println!("sort      = 0x{:016x}", r.sort);
    println!("matmul    = 0x{:016x}", r.matmul);
    println!("fib       = 0x{:016x}", r.fib);
    println!("checksum  = 0x{:016x}", r.total);
    // Reference values from running firmware/src/bench.rs on the host.
    check::eq("crc32", r.crc as u64, 0x9296_9616);
    check::eq("primes below 2^20", r.primes, 82025);
    check::eq("checksum", r.total, 0xef24_8af6_d2b6_34b8);
    check::finish()
}
