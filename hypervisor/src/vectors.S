/*
 * EL2 exception vectors and the guest entry/exit paths.
 *
 * VBAR_EL2 holds a 2KB-aligned table of 16 entries of 0x80 bytes: current EL
 * with SP_EL0, current EL with SP_ELx, lower EL AArch64, lower EL AArch32; in
 * each group Synchronous, IRQ, FIQ, SError (Arm ARM, "Exception vectors": vector offsets from VBAR_ELx).
 *
 * The trap frame is the vCPU's `GuestRegs` (src/vcpu.rs): x0..x30 at 8*n,
 * ELR_EL2 at 248, SPSR_EL2 at 256. TPIDR_EL2 points at the running vCPU's frame.
 *
 * __guest_enter(frame, hyp) saves the host's callee-saved registers and the
 * `hyp` pointer on SP_EL2 (HOST_CTX below), then restores the frame and ERETs.
 * A guest exception lands on the same SP_EL2, saves every guest GPR into the
 * frame and calls hyp_dispatch(hyp, kind). If that returns 0 the guest is
 * resumed from the frame with ERET (an exit fixed up at EL2, e.g. the lazy FP
 * trap); otherwise __guest_enter returns that value to the host.
 */

        .equ    FRAME_ELR,  248
        .equ    HOST_CTX,   112             /* x19..x30 (96) + hyp pointer + pad */
        .equ    HOST_HYP,   96

.macro  ventry target, kind
        .balign 128
        stp     x0, x1, [sp, #-16]!
        mov     x1, #\kind
        b       \target
.endm

        .section .text.vectors, "ax"
        .balign 2048
        .global hyp_vectors
hyp_vectors:
        /* Current EL with SP_EL0: the hypervisor never runs on SP_EL0. */
        ventry  hyp_self_trap, 0
        ventry  hyp_self_trap, 1
        ventry  hyp_self_trap, 2
        ventry  hyp_self_trap, 3
        /* Current EL with SP_ELx: an exception in the hypervisor itself. */
        ventry  hyp_self_trap, 4
        ventry  hyp_self_trap, 5
        ventry  hyp_self_trap, 6
        ventry  hyp_self_trap, 7
        /* Lower EL using AArch64: guest exits. kind: 0 sync, 1 IRQ, 2 FIQ, 3 SError. */
        ventry  guest_exit, 0
        ventry  guest_exit, 1
        ventry  guest_exit, 2
        ventry  guest_exit, 3
        /* Lower EL using AArch32: impossible with HCR_EL2.RW=1. */
        ventry  hyp_self_trap, 12
        ventry  hyp_self_trap, 13
        ventry  hyp_self_trap, 14
        ventry  hyp_self_trap, 15

/* x1 = vector index; the interrupted x0/x1 are on the stack. Never returns. */
hyp_self_trap:
        mov     x0, x1
        bl      hyp_bad_exception
        b       hyp_self_trap

/* x1 = kind; guest x0/x1 on the stack; every other register is the guest's. */
guest_exit:
        mrs     x0, tpidr_el2
        stp     x2, x3, [x0, #16]
        stp     x4, x5, [x0, #32]
        stp     x6, x7, [x0, #48]
        stp     x8, x9, [x0, #64]
        stp     x10, x11, [x0, #80]
        stp     x12, x13, [x0, #96]
        stp     x14, x15, [x0, #112]
        stp     x16, x17, [x0, #128]
        stp     x18, x19, [x0, #144]
        stp     x20, x21, [x0, #160]
        stp     x22, x23, [x0, #176]
        stp     x24, x25, [x0, #192]
        stp     x26, x27, [x0, #208]
        stp     x28, x29, [x0, #224]
        str     x30, [x0, #240]
        ldp     x2, x3, [sp], #16
        stp     x2, x3, [x0, #0]
        mrs     x2, elr_el2
        mrs     x3, spsr_el2
        stp     x2, x3, [x0, #FRAME_ELR]
        /* SP is back at the host context saved by __guest_enter. */
        ldr     x0, [sp, #HOST_HYP]
        bl      hyp_dispatch            /* (hyp, kind) -> 0: resume guest */
        cbnz    x0, guest_exit_to_host
        mrs     x0, tpidr_el2
        b       guest_restore_eret

guest_exit_to_host:
        ldp     x19, x20, [sp, #0]
        ldp     x21, x22, [sp, #16]
        ldp     x23, x24, [sp, #32]
        ldp     x25, x26, [sp, #48]
        ldp     x27, x28, [sp, #64]
        ldp     x29, x30, [sp, #80]
        add     sp, sp, #HOST_CTX
        ret

/* u64 __guest_enter(GuestRegs *frame, Hyp *hyp) */
        .global __guest_enter
__guest_enter:
        sub     sp, sp, #HOST_CTX
        stp     x19, x20, [sp, #0]
        stp     x21, x22, [sp, #16]
        stp     x23, x24, [sp, #32]
        stp     x25, x26, [sp, #48]
        stp     x27, x28, [sp, #64]
        stp     x29, x30, [sp, #80]
        str     x1, [sp, #HOST_HYP]
        msr     tpidr_el2, x0
/* x0 = frame */
guest_restore_eret:
        ldp     x1, x2, [x0, #FRAME_ELR]
        msr     elr_el2, x1
        msr     spsr_el2, x2
        ldp     x2, x3, [x0, #16]
        ldp     x4, x5, [x0, #32]
        ldp     x6, x7, [x0, #48]
        ldp     x8, x9, [x0, #64]
        ldp     x10, x11, [x0, #80]
        ldp     x12, x13, [x0, #96]
        ldp     x14, x15, [x0, #112]
        ldp     x16, x17, [x0, #128]
        ldp     x18, x19, [x0, #144]
        ldp     x20, x21, [x0, #160]
        ldp     x22, x23, [x0, #176]
        ldp     x24, x25, [x0, #192]
        ldp     x26, x27, [x0, #208]
        ldp     x28, x29, [x0, #224]
        ldr     x30, [x0, #240]
        ldp     x0, x1, [x0, #0]
        eret
