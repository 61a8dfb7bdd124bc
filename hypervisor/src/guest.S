/*
 * Guest program: runs at EL1 (stage-1 MMU off, so VA = IPA) in each guest's
 * RAM window at IPA 0x4000_0000, entered with x0 = guest number. The blob is
 * position independent; the hypervisor copies it into both guests' RAM.
 *
 * It fills V0-V31, FPCR and FPSR with values of its own using FP/SIMD moves
 * only (LDP/LDR Q, MOVI, FMOV from a general register, INS, DUP, MSR), then
 * after every kind of exit (MMIO, HVC yield, trapped WFI) stores them with
 * STP Q and compares them with the expected values using integer code. After
 * each check it changes V0 and V31 in the registers only, so a save that the
 * lazy switch fails to do shows up at the next check.
 *
 * Hypercalls (HVC immediate): #1 yield, #2 print x1, #3 report check x1
 * result x2 (0 = PASS), #4 done (x1 checks, x2 failures), #5 exception.
 *
 * Registers kept: x19 guest number, x20 pattern base, x21 expected values,
 * x22 ~x20, x23 FPCR, x24 FPSR, x25 dump area, x26 console, x27 checks, x28 fails.
 */
        .arch_extension fp
        .arch_extension simd

        .equ    EXPECTED_IPA, 0x40100000        /* 66 words: Q0..Q31, FPSR, FPCR */
        .equ    CONSOLE_IPA,  0x0b000000
        .equ    CON_DATA,     0x0
        .equ    CON_STATUS,   0x4

.macro  check n
        bl      check_fp
        add     x27, x27, #1
        cmp     x0, #0
        cinc    x28, x28, ne
        mov     x2, x0
        mov     x1, #\n
        hvc     #3
        /* change live state (INS from a general register) so a lost save shows */
        mov     x9, #\n
        add     x10, x20, x9, lsl #8
        mov     v0.d[0], x10
        mov     v31.d[1], x10
        str     x10, [x21, #0]                  /* expected V0[63:0] */
        str     x10, [x21, #504]                /* expected V31[127:64] */
.endm

        .section .guest.text, "ax"
        .balign 4096
        .global guest_blob_start
        .global guest_blob_end
guest_blob_start:
guest_entry:
        mov     x19, x0
        adr     x1, guest_vectors
        msr     vbar_el1, x1
        isb
        add     x9, x19, #1
        movz    x10, #0x1111, lsl #48
        mul     x20, x9, x10                    /* 0x1111.. for guest 0, 0x2222.. for guest 1 */
        mvn     x22, x20
        movz    x21, #(EXPECTED_IPA >> 16), lsl #16
        add     x25, x21, #0x1000
        movz    x26, #(CONSOLE_IPA >> 16), lsl #16
        lsl     x23, x9, #22                    /* FPCR.RMode [23:22] = guest + 1 */
        mov     x10, #0x11                      /* FPSR: IOC | IXC */
        movz    x11, #0x0800, lsl #16
        orr     x11, x11, #0x4                  /* FPSR: QC | OFC */
        cmp     x19, #0
        csel    x24, x10, x11, eq
        mov     x27, #0
        mov     x28, #0

        mov     x1, x20
        hvc     #2                              /* print the pattern base */
        bl      fill_fp                         /* first FP/SIMD use: traps to EL2 */
        bl      console_hello                   /* MMIO exits */
        check   1
        hvc     #1                              /* yield */
        check   2
        wfi                                     /* trapped: HCR_EL2.TWI */
        check   3
        hvc     #1                              /* yield */
        check   4
done:   mov     x1, x27
        mov     x2, x28
        hvc     #4
        b       done


fill_fp:
        mov     x9, #0
1:      lsl     x10, x9, #16                    /* word k = base + (k << 16) + k */
        add     x10, x10, x9
        add     x10, x10, x20
        str     x10, [x21, x9, lsl #3]
        add     x9, x9, #1
        cmp     x9, #64
        b.lo    1b
        ldp     q0, q1, [x21, #0]
        ldp     q2, q3, [x21, #32]
        ldp     q4, q5, [x21, #64]
        ldp     q6, q7, [x21, #96]
        ldp     q8, q9, [x21, #128]
        ldp     q10, q11, [x21, #160]
        ldp     q12, q13, [x21, #192]
        ldp     q14, q15, [x21, #224]
        ldp     q16, q17, [x21, #256]
        ldp     q18, q19, [x21, #288]
        ldp     q20, q21, [x21, #320]
        ldp     q22, q23, [x21, #352]
        ldp     q24, q25, [x21, #384]
        ldp     q26, q27, [x21, #416]
        ldp     q28, q29, [x21, #448]
        ldp     q30, q31, [x21, #480]
        /* V1: MOVI, a different immediate per guest */
        cbnz    x19, 2f
        movi    v1.2d, #0xff00ff00ff00ff00
        mov     x10, #0xff00ff00ff00ff00
        b       3f
2:      movi    v1.2d, #0x00ff00ff00ff00ff
        mov     x10, #0x00ff00ff00ff00ff
3:      stp     x10, x10, [x21, #16]
        /* V2: FMOV from a general register (clears bits [127:64]), then INS into d[1] */
        fmov    d2, x20
        mov     v2.d[1], x22
        stp     x20, x22, [x21, #32]
        /* V3: DUP from a general register */
        dup     v3.2d, x22
        stp     x22, x22, [x21, #48]
        /* V4: INS of a 32-bit lane */
        mov     v4.s[1], w22
        ldr     x10, [x21, #64]
        bfi     x10, x22, #32, #32
        str     x10, [x21, #64]
        /* V5: through memory with STR/LDR Q */
        str     q2, [x25]
        ldr     q5, [x25]
        ldp     x10, x11, [x21, #32]
        stp     x10, x11, [x21, #80]
        /* V6: element to element (INS element): V6.d[0] = V3.d[1] */
        mov     v6.d[0], v3.d[1]
        str     x22, [x21, #96]
        /* FPCR, FPSR */
        msr     fpcr, x23
        msr     fpsr, x24
        add     x10, x21, #512
        stp     x24, x23, [x10]
        ret

/* x0 = 0 if V0-V31, FPSR, FPCR hold the expected values, else 1 + first bad word */
check_fp:
        stp     q0, q1, [x25, #0]
        stp     q2, q3, [x25, #32]
        stp     q4, q5, [x25, #64]
        stp     q6, q7, [x25, #96]
        stp     q8, q9, [x25, #128]
        stp     q10, q11, [x25, #160]
        stp     q12, q13, [x25, #192]
        stp     q14, q15, [x25, #224]
        stp     q16, q17, [x25, #256]
        stp     q18, q19, [x25, #288]
        stp     q20, q21, [x25, #320]
        stp     q22, q23, [x25, #352]
        stp     q24, q25, [x25, #384]
        stp     q26, q27, [x25, #416]
        stp     q28, q29, [x25, #448]
        stp     q30, q31, [x25, #480]
        mrs     x9, fpsr
        mrs     x10, fpcr
        add     x11, x25, #512
        stp     x9, x10, [x11]
        mov     x9, #0
1:      ldr     x10, [x21, x9, lsl #3]
        ldr     x11, [x25, x9, lsl #3]
        cmp     x10, x11
        b.ne    2f
        add     x9, x9, #1
        cmp     x9, #66
        b.lo    1b
        mov     x0, #0
        ret
2:      add     x0, x9, #1
        ret

/* Writes the greeting to the emulated console, one MMIO store per byte. */
console_hello:
        ldr     w9, [x26, #CON_STATUS]          /* MMIO read: expect 1 (ready) */
        cmp     w9, #1
        cinc    x28, x28, ne
        adr     x10, hello
1:      ldrb    w11, [x10], #1
        cbz     w11, 2f
        strb    w11, [x26, #CON_DATA]           /* no writeback: ESR ISV=1 */
        b       1b
2:      ret

hello:  .asciz  "hello from EL1, V0-V31 are mine\n"

/* EL1 vectors: any exception is reported to the hypervisor (fatal). */
.macro  gvec n
        .balign 128
        mrs     x1, esr_el1
        mrs     x2, elr_el1
        mov     x3, #\n
        hvc     #5
        b       .-16
.endm
        .balign 2048
guest_vectors:
        gvec 0
        gvec 1
        gvec 2
        gvec 3
        gvec 4
        gvec 5
        gvec 6
        gvec 7
        gvec 8
        gvec 9
        gvec 10
        gvec 11
        gvec 12
        gvec 13
        gvec 14
        gvec 15
        .balign 16
guest_blob_end:
