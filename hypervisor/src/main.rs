//! el2emu-hyp: a tiny EL2 hypervisor hosting two EL1 guests on one CPU, with
//! FP/SIMD state switched lazily the way Linux/KVM does since 2018
//! (commit e6b673b741, "KVM: arm64: Optimise FPSIMD handling to reduce
//! guest/host thrashing").
//!
//! Layout (one concern per file):
//! - `boot`: `_start` (stack, .bss) then [`hyp_main`].
//! - `vectors`: EL2 vector table, trap frame save/restore, guest entry/exit.
//! - `switch`: world switch (trap configuration, EL1 context, fixups at EL2).
//! - `trap`: full-exit handlers, dispatched through a table indexed by ESR_EL2.EC.
//! - `fpsimd`: the lazy FP/SIMD switch (KVM's hooks) and register save/restore.
//! - `stage2`: stage-2 translation (one RAM window per guest, an unmapped console page).
//! - `run`: the host side: vCPU scheduling, MMIO device model, statistics.
//! - `guest`: the guest program (assembly), copied into each guest's RAM.
//! - `uart`, `psci`, `sysreg`, `console`, `vcpu`: devices, registers, state.
#![no_std]
#![no_main]
#![warn(clippy::undocumented_unsafe_blocks)]

// The hypervisor's Rust code must not use FP/SIMD registers (see .cargo/config.toml).
#[cfg(target_feature = "neon")]
compile_error!(
    "el2emu-hyp must be built with `-C target-feature=-neon,-fp-armv8,+strict-align` \
     (hypervisor/.cargo/config.toml); a RUSTFLAGS/CARGO_ENCODED_RUSTFLAGS from the \
     environment overrides it"
);

#[macro_use]
mod uart;
#[macro_use]
mod sysreg;
mod boot;
mod console;
mod fpsimd;
mod guest;
mod host;
mod mem;
mod psci;
mod run;
mod stage2;
mod switch;
mod trap;
mod vcpu;
mod vectors;

use core::panic::PanicInfo;

/// Rust entry point, called by `_start` at EL2 with the DTB address.
#[no_mangle]
pub extern "C" fn hyp_main(dtb: u64) -> ! {
    let _ = dtb; // The board layout is fixed (QEMU `virt`); the DTB is not needed.
    let el = (read_sysreg!(CurrentEL) >> 2) & 3;
    if el != 2 {
        println!("hyp: entered at EL{}, need EL2 (virtualization=on)", el);
        psci::fail("not started at EL2");
    }
    run::run()
}

#[panic_handler]
fn panic(info: &PanicInfo) -> ! {
    println!("hyp: PANIC: {}", info);
    psci::fail("panic")
}
