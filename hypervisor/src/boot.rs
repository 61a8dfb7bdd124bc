//! Boot: `_start` is the ELF entry point, reached at EL2 with x0 = DTB address
//! (QEMU `-kernel` / el2emu loader convention).

use core::arch::global_asm;

global_asm!(
    r#"
    .section .text.boot, "ax"
    .global _start
_start:
    mov     x19, x0                 // keep the DTB address for hyp_main
    msr     daifset, #0xf           // no interrupts at EL2: this hypervisor polls nothing
    ldr     x1, =__stack_top
    mov     sp, x1                  // SP_EL2 (PSTATE.SP is 1 out of reset: EL2h)
    ldr     x1, =__bss_start
    ldr     x2, =__bss_end
0:  cmp     x1, x2
    b.hs    1f
    str     xzr, [x1], #8           // .bss is 16-byte aligned and sized (link.ld)
    b       0b
1:  mrs     x1, CurrentEL
    cmp     x1, #(2 << 2)           // CurrentEL.EL [3:2] (Arm ARM, register description "CurrentEL")
    b.ne    2f                      // not EL2: hyp_main reports it; EL2 registers would be UNDEFINED
    ldr     x1, =hyp_vectors
    msr     vbar_el2, x1
    isb
2:
    mov     x0, x19
    bl      hyp_main                // never returns
    b       hyp_main_returned
hyp_main_returned:
    wfi                             // unreachable: hyp_main is `-> !`
    b       hyp_main_returned
    .ltorg
"#
);
