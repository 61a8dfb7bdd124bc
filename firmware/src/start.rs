//! Boot code: `_start` (primary PE, loaded by `-kernel` at 0x4008_0000) and
//! `_secondary_start` (PSCI CPU_ON entry point).
//!
//! Each PE gets a 64 KiB stack block indexed by MPIDR_EL1.Aff0 (see
//! `el::stack_top`). FP/SIMD access is enabled before any Rust code runs,
//! because the compiler may use Q registers for `memcpy`-like moves
//! (Arm ARM D17.2.30 CPTR_EL2.TFP, D17.2.29 CPACR_EL1.FPEN).

use core::sync::atomic::{AtomicUsize, Ordering};

core::arch::global_asm!(
    r#"
    .section .text.boot, "ax"
    .global _start
_start:
    mrs     x19, mpidr_el1
    and     x19, x19, #0xff
    bl      fw_boot_common
    // Zero .bss (primary only; bounds are 16-byte aligned by link.ld).
    adrp    x1, __bss_start
    add     x1, x1, :lo12:__bss_start
    adrp    x2, __bss_end
    add     x2, x2, :lo12:__bss_end
1:  cmp     x1, x2
    b.hs    2f
    str     xzr, [x1], #8
    b       1b
2:  bl      fw_rust_start
    b       fw_park

    .global _secondary_start
_secondary_start:
    mov     x20, x0                 // PSCI context_id
    mrs     x19, mpidr_el1
    and     x19, x19, #0xff
    bl      fw_boot_common
    mov     x0, x20
    bl      fw_rust_secondary
    b       fw_park

    // x19 = Aff0. Sets SP, enables FP/SIMD, installs VBAR at the current EL.
fw_boot_common:
    cmp     x19, #8
    b.hs    fw_park
    adrp    x1, __stacks_end
    add     x1, x1, :lo12:__stacks_end
    lsl     x2, x19, #16
    sub     x1, x1, x2
    mov     sp, x1
    adrp    x3, fw_vectors
    add     x3, x3, :lo12:fw_vectors
    mov     x4, #(3 << 20)
    mrs     x5, CurrentEL
    cmp     x5, #8
    b.ne    3f
    mov     x6, #0x33ff             // CPTR_EL2 (E2H=0): RES1 bits, TFP=0
    msr     cptr_el2, x6
    msr     cpacr_el1, x4
    msr     vbar_el2, x3
    isb
    ret
3:  msr     cpacr_el1, x4
    msr     vbar_el1, x3
    isb
    ret

    .global fw_park
fw_park:
    wfe
    b       fw_park
"#
);

/// Signature of a secondary-PE entry function (argument: PSCI context id).
pub type SecondaryEntry = fn(u64) -> !;

static SECONDARY_ENTRY: AtomicUsize = AtomicUsize::new(0);

/// Registers the Rust function run by PEs started with `_secondary_start`.
pub fn set_secondary_entry(f: SecondaryEntry) {
    SECONDARY_ENTRY.store(f as usize, Ordering::Release);
}

/// Address of `_secondary_start`, for PSCI CPU_ON.
pub fn secondary_start_addr() -> u64 {
    sym_addr!("_secondary_start")
}

extern "Rust" {
    /// Provided by each binary through [`crate::entry!`].
    fn fw_main() -> !;
}

#[no_mangle]
extern "C" fn fw_rust_start() -> ! {
    crate::uart::init();
    if crate::sysreg::current_el() == 2 {
        crate::el::el2_defaults();
    }
    // SAFETY: `fw_main` is defined exactly once, by the `entry!` macro in the
    // binary being linked; it takes no arguments and never returns.
    unsafe { fw_main() }
}

#[no_mangle]
extern "C" fn fw_rust_secondary(ctx: u64) -> ! {
    let f = SECONDARY_ENTRY.load(Ordering::Acquire);
    if f == 0 {
        crate::psci::system_off();
    }
    // SAFETY: the only non-zero value ever stored is a `SecondaryEntry`
    // function pointer cast to usize in `set_secondary_entry`.
    let f: SecondaryEntry = unsafe { core::mem::transmute::<usize, SecondaryEntry>(f) };
    f(ctx)
}

/// Declares the firmware entry point: `fw::entry!(main);` with `fn main() -> !`.
#[macro_export]
macro_rules! entry {
    ($main:path) => {
        #[export_name = "fw_main"]
        fn __fw_main() -> ! {
            let f: fn() -> ! = $main;
            f()
        }
    };
}
