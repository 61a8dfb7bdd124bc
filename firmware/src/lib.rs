//! Support library for the el2emu bare-metal test firmware.
//!
//! Every binary under `src/bin/` links this library, which provides the boot
//! code (`_start`, `_secondary_start`), the exception vector table, a PL011
//! console, PSCI calls, system-register helpers, a minimal GICv3 driver, page
//! table builders and a PASS/FAIL reporter. Output must be identical under
//! QEMU `virt` and el2emu, so only architecturally defined values are printed.
#![no_std]

#[macro_use]
pub mod uart;
#[macro_use]
pub mod sysreg;
pub mod bench;
pub mod check;
pub mod el;
pub mod exceptions;
pub mod fpsimd;
pub mod gic;
pub mod mmu;
pub mod psci;
pub mod start;
pub mod timer;

use core::panic::PanicInfo;

#[panic_handler]
fn panic(info: &PanicInfo) -> ! {
    println!("PANIC: {}", info);
    println!("RESULT: FAIL (panic)");
    psci::system_off()
}
