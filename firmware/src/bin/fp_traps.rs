//! FP/SIMD access traps (Arm ARM D1.11.x, CPACR_EL1.FPEN D17.2.29,
//! CPTR_EL2 D17.2.30, ESR EC 0x07 D17.2.37).
//!
//! - CPACR_EL1.FPEN=0b00/0b10: FP/SIMD instructions at EL1 and EL0 trap to
//!   EL1; FPEN=0b01: only EL0 traps; 0b11: no trap.
//! - CPTR_EL2.TFP=1 (HCR_EL2.E2H=0): EL0, EL1 and EL2 FP/SIMD accesses
//!   (arithmetic, loads/stores, MRS/MSR FPCR/FPSR) trap to EL2. The CPACR
//!   trap to EL1 has priority.
//! - HCR_EL2.E2H=1: CPTR_EL2 uses the CPACR layout (FPEN at bits 21:20);
//!   FPEN=0b01 does not trap EL1/EL0 while TGE=0.
//!
//! The traps are taken by a small assembly vector table (`fpt_vectors`)
//! that never touches FP/SIMD itself: it records ESR/ELR per EL, then
//! re-enables FP (restoring a value chosen by the test: "lazy FP") and
//! returns to the trapped instruction, which then executes. HVC #1 from EL1
//! sets CPTR_EL2/HCR_EL2 to X0/X1 (other HVCs go to the library vectors); SVC from EL0 returns to the EL1 caller
//! of `fpt_run_el0`. Each case prints the EL, EC, ISS and ELR (relative to
//! the instruction) of every trap it caused.
#![no_std]
#![no_main]

use core::arch::{asm, global_asm};
use core::sync::atomic::{AtomicU64, Ordering};
use fw::el::{self, hcr};
use fw::{check, println, sysreg, write_sysreg};

fw::entry!(main);

/// Trap records: per EL (index 1, 2) at words 4*el: count, ESR, ELR;
/// word 12: CPACR_EL1 value restored by the EL1 handler, word 13: CPTR_EL2
/// value restored by the EL2 handler; word 14: saved EL1 SP (run_el0).
#[no_mangle]
static FPT_REC: [AtomicU64; 16] = [const { AtomicU64::new(0) }; 16];

global_asm!(
    r#"
    .section .text.fpt, "ax"
    .balign 2048
    .global fpt_vectors
fpt_vectors:
    .rept 16
    .balign 0x80
    b       fpt_handler
    .endr

fpt_handler:
    stp     x0, x1, [sp, #-32]!
    stp     x2, x3, [sp, #16]
    adrp    x2, FPT_REC
    add     x2, x2, :lo12:FPT_REC
    mrs     x0, CurrentEL
    cmp     x0, #8
    b.eq    20f
    // ---- EL1
    mrs     x0, esr_el1
    lsr     x1, x0, #26
    cmp     x1, #0x15
    b.eq    fpt_el0_return
    ldr     x3, [x2, #32]
    add     x3, x3, #1
    str     x3, [x2, #32]
    str     x0, [x2, #40]
    mrs     x3, elr_el1
    str     x3, [x2, #48]
    cmp     x1, #0x07
    b.ne    11f
    ldr     x3, [x2, #96]
    msr     cpacr_el1, x3
    isb
    b       90f
11: add     x3, x3, #4
    msr     elr_el1, x3
    b       90f
    // ---- EL2
20: mrs     x0, esr_el2
    lsr     x1, x0, #26
    cmp     x1, #0x16
    b.ne    21f
    and     x3, x0, #0xffff
    cmp     x3, #1
    b.eq    23f
    // Any other HVC (the library's "finish" HVC #0xF0FF): hand over to the
    // library's vectors (lower-EL AArch64 synchronous entry).
    ldp     x2, x3, [sp, #16]
    ldp     x0, x1, [sp], #32
    b       fw_vectors + 0x400
23: ldp     x0, x1, [sp]
    msr     cptr_el2, x0
    msr     hcr_el2, x1
    isb
    b       90f
21: ldr     x3, [x2, #64]
    add     x3, x3, #1
    str     x3, [x2, #64]
    str     x0, [x2, #72]
    mrs     x3, elr_el2
    str     x3, [x2, #80]
    cmp     x1, #0x07
    b.ne    22f
    ldr     x3, [x2, #104]
    msr     cptr_el2, x3
    isb
    b       90f
22: add     x3, x3, #4
    msr     elr_el2, x3
90: ldp     x2, x3, [sp, #16]
    ldp     x0, x1, [sp], #32
    eret

    // fpt_run_el0(entry, sp_el0): runs `entry` at EL0t (DAIF masked) until
    // it executes SVC, then returns. Callee-saved registers are preserved.
    .global fpt_run_el0
fpt_run_el0:
    stp     x19, x20, [sp, #-96]!
    stp     x21, x22, [sp, #16]
    stp     x23, x24, [sp, #32]
    stp     x25, x26, [sp, #48]
    stp     x27, x28, [sp, #64]
    stp     x29, x30, [sp, #80]
    adrp    x9, FPT_REC
    add     x9, x9, :lo12:FPT_REC
    mov     x10, sp
    str     x10, [x9, #112]
    msr     elr_el1, x0
    msr     sp_el0, x1
    mov     x10, #0x3c0
    msr     spsr_el1, x10
    isb
    eret
fpt_el0_return:
    adrp    x9, FPT_REC
    add     x9, x9, :lo12:FPT_REC
    ldr     x10, [x9, #112]
    mov     sp, x10
    ldp     x21, x22, [sp, #16]
    ldp     x23, x24, [sp, #32]
    ldp     x25, x26, [sp, #48]
    ldp     x27, x28, [sp, #64]
    ldp     x29, x30, [sp, #80]
    ldp     x19, x20, [sp], #96
    ret

    // EL0 snippets (end with SVC back to EL1).
    .global fpt_el0_fadd
fpt_el0_fadd:
    fadd    d0, d1, d2
    svc     #0
    .global fpt_el0_mrs_fpcr
fpt_el0_mrs_fpcr:
    mrs     x3, fpcr
    svc     #0
    .global fpt_el0_ldr_q
fpt_el0_ldr_q:
    ldr     q0, [x2]
    svc     #0
"#
);

/// CPTR_EL2 (E2H=0) RES1 bits, TFP=0.
const CPTR_RES1: u64 = 0x33FF;
/// CPTR_EL2.TFP (E2H=0 layout).
const TFP: u64 = 1 << 10;
/// CPACR_EL1 / CPTR_EL2 (E2H=1) FPEN field.
const fn fpen(v: u64) -> u64 {
    v << 20
}
/// Syndrome of an FP/SIMD access trap from AArch64: EC=0x07, IL=1,
/// ISS = CV=1, COND=0b1110.
const ESR_FP: u64 = (0x07 << 26) | (1 << 25) | 0x1E0_0000;

fn rec(i: usize) -> u64 {
    FPT_REC[i].load(Ordering::Relaxed)
}

fn set_restore(cpacr: u64, cptr: u64) {
    FPT_REC[12].store(cpacr, Ordering::Relaxed);
    FPT_REC[13].store(cptr, Ordering::Relaxed);
}

fn counts() -> [u64; 3] {
    [0, rec(4), rec(8)]
}

/// Prints every trap a case caused and checks them against `want`
/// (one `(EL, ESR)` per EL that must have trapped, in EL order).
fn report(name: &str, before: [u64; 3], label: u64, want: &[(usize, u64)]) {
    let after = counts();
    let mut any = false;
    for e in 1..3 {
        let n = after[e] - before[e];
        if n == 0 {
            continue;
        }
        any = true;
        let esr = rec(4 * e + 1);
        let elr = rec(4 * e + 2);
        println!(
            "{}: EL{} EC=0x{:02x} ISS=0x{:07x} ELR=label+{} (x{})",
            name,
            e,
            (esr >> 26) & 0x3f,
            esr & 0x1ff_ffff,
            elr.wrapping_sub(label) as i64,
            n
        );
    }
    if !any {
        println!("{}: no trap", name);
    }
    for e in 1..3 {
        let w = want.iter().find(|x| x.0 == e);
        let n = after[e] - before[e];
        match w {
            Some(&(_, esr)) => {
                check::eq("  traps", n, 1);
                check::eq("  ESR", rec(4 * e + 1), esr);
                check::eq("  ELR - label", rec(4 * e + 2).wrapping_sub(label), 0);
            }
            None => {
                if n != 0 {
                    check::fail("  unexpected trap");
                }
            }
        }
    }
    if want.is_empty() {
        check::ok("  no trap", !any);
    }
}

/// One EL1 case: HVC sets CPTR_EL2/HCR_EL2, CPACR_EL1 is set, the
/// instruction runs (X2 = 16-byte buffer), then everything is restored.
macro_rules! el1_case {
    ($name:expr, $ins:literal, cpacr = $cpacr:expr, cptr = $cptr:expr, hcr = $hcr:expr, cptr_ok = $ok:expr, want = $want:expr) => {{
        let before = counts();
        set_restore(fpen(3), $ok);
        let l: u64;
        // SAFETY: HVC #1 is handled by fpt_vectors (sets CPTR_EL2/HCR_EL2);
        // a trapped instruction is re-run after FP is re-enabled; all
        // registers the sequence writes are declared clobbered and X2 points
        // to a 16-byte buffer owned by this function.
        unsafe {
            asm!(
                "hvc #1",
                "msr cpacr_el1, {cpacr}",
                "isb",
                "adr {l}, 1f",
                "1:",
                $ins,
                "msr cpacr_el1, {full}",
                "isb",
                "mov x0, {ok}",
                "mov x1, {hcr_ok}",
                "hvc #1",
                cpacr = in(reg) $cpacr,
                full = in(reg) fpen(3),
                ok = in(reg) CPTR_RES1,
                hcr_ok = in(reg) hcr::RW,
                l = out(reg) l,
                inout("x0") $cptr => _,
                inout("x1") $hcr => _,
                in("x2") BUF.as_ptr(),
                out("x3") _,
                out("v0") _, out("v1") _, out("v2") _,
                options(nostack),
            )
        };
        report($name, before, l, $want);
    }};
}

/// One EL0 case: like `el1_case`, running the EL0 snippet `entry`.
fn el0_case(name: &str, entry: u64, cpacr: u64, cptr: u64, hcr_v: u64, ok: u64, want: &[(usize, u64)]) {
    let before = counts();
    set_restore(fpen(3), ok);
    // SAFETY: as in `el1_case`; fpt_run_el0 preserves callee-saved registers
    // (X20-X22 carry the values used after it) and the EL0 snippet only
    // writes V0, X3 and reads the buffer at X2; clobber_abi covers the rest.
    unsafe {
        asm!(
            "hvc #1",
            "msr cpacr_el1, {cpacr}",
            "isb",
            "mov x0, {entry}",
            "mov x1, {sp0}",
            "bl fpt_run_el0",
            "msr cpacr_el1, x20",
            "isb",
            "mov x0, x21",
            "mov x1, x22",
            "hvc #1",
            cpacr = in(reg) cpacr,
            entry = in(reg) entry,
            sp0 = in(reg) el::stack_top(0),
            in("x20") fpen(3),
            in("x21") CPTR_RES1,
            in("x22") hcr::RW,
            inout("x0") cptr => _,
            inout("x1") hcr_v => _,
            inout("x2") BUF.as_ptr() => _,
            clobber_abi("C"),
        )
    };
    report(name, before, entry, want);
}

static BUF: [AtomicU64; 2] = [AtomicU64::new(0x1111_2222_3333_4444), AtomicU64::new(0x5555_6666_7777_8888)];

fn main() -> ! {
    println!("fp_traps: start");
    check::eq("boot CurrentEL", sysreg::current_el(), 2);
    write_sysreg!(vbar_el2, fw::sym_addr!("fpt_vectors"));
    write_sysreg!(cptr_el2, CPTR_RES1);
    sysreg::isb();

    // EL2's own FP access with CPTR_EL2.TFP=1 traps to EL2.
    let before = counts();
    set_restore(fpen(3), CPTR_RES1);
    let l: u64;
    // SAFETY: the trap is taken by fpt_vectors, which restores CPTR_EL2 and
    // re-runs the FADD; V0 is clobbered.
    unsafe {
        asm!("msr cptr_el2, {t}", "isb", "adr {l}, 1f", "1:", "fadd d0, d1, d2",
             t = in(reg) CPTR_RES1 | TFP, l = out(reg) l, out("v0") _, options(nostack))
    };
    report("EL2 fadd, CPTR_EL2.TFP=1", before, l, &[(2, ESR_FP)]);

    // Same with HCR_EL2.E2H=1: CPTR_EL2.FPEN=0b00 traps EL2.
    let before = counts();
    set_restore(fpen(3), fpen(3));
    let l: u64;
    // SAFETY: as above; HCR_EL2 and CPTR_EL2 are restored afterwards.
    unsafe {
        asm!("msr hcr_el2, {e2h}", "isb", "msr cptr_el2, xzr", "isb", "adr {l}, 1f", "1:", "mrs x3, fpcr",
             "msr hcr_el2, {rw}", "isb", "msr cptr_el2, {ok}", "isb",
             e2h = in(reg) hcr::RW | hcr::E2H, rw = in(reg) hcr::RW, ok = in(reg) CPTR_RES1,
             l = out(reg) l, out("x3") _, options(nostack))
    };
    report("EL2 mrs fpcr, E2H=1 CPTR_EL2.FPEN=00", before, l, &[(2, ESR_FP)]);
    check::eq("CPTR_EL2.TFP restored", fw::read_sysreg!(cptr_el2) & TFP, 0);

    el::enter_el1(el1_main)
}

extern "C" fn el1_main() -> ! {
    check::eq("EL1 CurrentEL", sysreg::current_el(), 1);
    write_sysreg!(vbar_el1, fw::sym_addr!("fpt_vectors"));
    sysreg::isb();
    let ok = CPTR_RES1;
    let rw = hcr::RW;
    let e2h = hcr::RW | hcr::E2H;

    // CPACR_EL1.FPEN traps to EL1.
    el1_case!(
        "EL1 fadd, FPEN=00",
        "fadd d0, d1, d2",
        cpacr = fpen(0),
        cptr = ok,
        hcr = rw,
        cptr_ok = ok,
        want = &[(1, ESR_FP)]
    );
    el1_case!(
        "EL1 ldr q, FPEN=00",
        "ldr q0, [x2]",
        cpacr = fpen(0),
        cptr = ok,
        hcr = rw,
        cptr_ok = ok,
        want = &[(1, ESR_FP)]
    );
    el1_case!(
        "EL1 str q, FPEN=00",
        "str q1, [x2]",
        cpacr = fpen(0),
        cptr = ok,
        hcr = rw,
        cptr_ok = ok,
        want = &[(1, ESR_FP)]
    );
    el1_case!(
        "EL1 mrs fpcr, FPEN=00",
        "mrs x3, fpcr",
        cpacr = fpen(0),
        cptr = ok,
        hcr = rw,
        cptr_ok = ok,
        want = &[(1, ESR_FP)]
    );
    el1_case!(
        "EL1 msr fpsr, FPEN=00",
        "msr fpsr, xzr",
        cpacr = fpen(0),
        cptr = ok,
        hcr = rw,
        cptr_ok = ok,
        want = &[(1, ESR_FP)]
    );
    el1_case!(
        "EL1 add.4s, FPEN=00",
        "add v0.4s, v1.4s, v2.4s",
        cpacr = fpen(0),
        cptr = ok,
        hcr = rw,
        cptr_ok = ok,
        want = &[(1, ESR_FP)]
    );
    el1_case!(
        "EL1 fmov x, d, FPEN=00",
        "fmov x3, d1",
        cpacr = fpen(0),
        cptr = ok,
        hcr = rw,
        cptr_ok = ok,
        want = &[(1, ESR_FP)]
    );
    el1_case!(
        "EL1 ld1 {16b}, FPEN=00",
        "ld1 {{v0.16b}}, [x2]",
        cpacr = fpen(0),
        cptr = ok,
        hcr = rw,
        cptr_ok = ok,
        want = &[(1, ESR_FP)]
    );
    el1_case!(
        "EL1 fadd, FPEN=10",
        "fadd d0, d1, d2",
        cpacr = fpen(2),
        cptr = ok,
        hcr = rw,
        cptr_ok = ok,
        want = &[(1, ESR_FP)]
    );
    el1_case!("EL1 fadd, FPEN=01", "fadd d0, d1, d2", cpacr = fpen(1), cptr = ok, hcr = rw, cptr_ok = ok, want = &[]);
    el1_case!("EL1 fadd, FPEN=11", "fadd d0, d1, d2", cpacr = fpen(3), cptr = ok, hcr = rw, cptr_ok = ok, want = &[]);

    // CPTR_EL2.TFP traps EL1 to EL2.
    let t = ok | TFP;
    el1_case!(
        "EL1 fadd, TFP=1",
        "fadd d0, d1, d2",
        cpacr = fpen(3),
        cptr = t,
        hcr = rw,
        cptr_ok = ok,
        want = &[(2, ESR_FP)]
    );
    el1_case!(
        "EL1 ldr q, TFP=1",
        "ldr q0, [x2]",
        cpacr = fpen(3),
        cptr = t,
        hcr = rw,
        cptr_ok = ok,
        want = &[(2, ESR_FP)]
    );
    el1_case!(
        "EL1 stp d, TFP=1",
        "stp d1, d2, [x2]",
        cpacr = fpen(3),
        cptr = t,
        hcr = rw,
        cptr_ok = ok,
        want = &[(2, ESR_FP)]
    );
    el1_case!(
        "EL1 mrs fpcr, TFP=1",
        "mrs x3, fpcr",
        cpacr = fpen(3),
        cptr = t,
        hcr = rw,
        cptr_ok = ok,
        want = &[(2, ESR_FP)]
    );
    el1_case!(
        "EL1 msr fpsr, TFP=1",
        "msr fpsr, xzr",
        cpacr = fpen(3),
        cptr = t,
        hcr = rw,
        cptr_ok = ok,
        want = &[(2, ESR_FP)]
    );
    el1_case!(
        "EL1 aese, TFP=1",
        ".arch_extension aes\n aese v0.16b, v1.16b",
        cpacr = fpen(3),
        cptr = t,
        hcr = rw,
        cptr_ok = ok,
        want = &[(2, ESR_FP)]
    );
    el1_case!(
        "EL1 ld1 {16b}, TFP=1",
        "ld1 {{v0.16b}}, [x2]",
        cpacr = fpen(3),
        cptr = t,
        hcr = rw,
        cptr_ok = ok,
        want = &[(2, ESR_FP)]
    );
    el1_case!(
        "EL1 umov w, TFP=1",
        "umov w3, v1.s[1]",
        cpacr = fpen(3),
        cptr = t,
        hcr = rw,
        cptr_ok = ok,
        want = &[(2, ESR_FP)]
    );
    // Both: CPACR (to EL1) has priority; once EL1 re-enables FPEN, the
    // re-run instruction traps to EL2.
    el1_case!(
        "EL1 fadd, FPEN=00 and TFP=1",
        "fadd d0, d1, d2",
        cpacr = fpen(0),
        cptr = t,
        hcr = rw,
        cptr_ok = ok,
        want = &[(1, ESR_FP), (2, ESR_FP)]
    );

    // HCR_EL2.E2H=1: CPTR_EL2.FPEN (CPACR layout).
    let f3 = fpen(3);
    el1_case!(
        "E2H=1 EL1 fadd, CPTR_EL2.FPEN=00",
        "fadd d0, d1, d2",
        cpacr = fpen(3),
        cptr = fpen(0),
        hcr = e2h,
        cptr_ok = f3,
        want = &[(2, ESR_FP)]
    );
    el1_case!(
        "E2H=1 EL1 ldr q, CPTR_EL2.FPEN=10",
        "ldr q0, [x2]",
        cpacr = fpen(3),
        cptr = fpen(2),
        hcr = e2h,
        cptr_ok = f3,
        want = &[(2, ESR_FP)]
    );
    el1_case!(
        "E2H=1 EL1 fadd, CPTR_EL2.FPEN=01",
        "fadd d0, d1, d2",
        cpacr = fpen(3),
        cptr = fpen(1),
        hcr = e2h,
        cptr_ok = f3,
        want = &[]
    );
    el1_case!(
        "E2H=1 EL1 fadd, CPTR_EL2.FPEN=11",
        "fadd d0, d1, d2",
        cpacr = fpen(3),
        cptr = fpen(3),
        hcr = e2h,
        cptr_ok = f3,
        want = &[]
    );

    // EL0.
    let fadd0 = fw::sym_addr!("fpt_el0_fadd");
    let mrs0 = fw::sym_addr!("fpt_el0_mrs_fpcr");
    let ldr0 = fw::sym_addr!("fpt_el0_ldr_q");
    el0_case("EL0 fadd, FPEN=01", fadd0, fpen(1), ok, rw, ok, &[(1, ESR_FP)]);
    el0_case("EL0 mrs fpcr, FPEN=00", mrs0, fpen(0), ok, rw, ok, &[(1, ESR_FP)]);
    el0_case("EL0 ldr q, FPEN=10", ldr0, fpen(2), ok, rw, ok, &[(1, ESR_FP)]);
    el0_case("EL0 fadd, FPEN=11", fadd0, fpen(3), ok, rw, ok, &[]);
    el0_case("EL0 fadd, TFP=1", fadd0, fpen(3), t, rw, ok, &[(2, ESR_FP)]);
    el0_case("EL0 ldr q, FPEN=01 and TFP=1", ldr0, fpen(1), t, rw, ok, &[(1, ESR_FP), (2, ESR_FP)]);
    el0_case("E2H=1 EL0 fadd, CPTR_EL2.FPEN=00", fadd0, fpen(3), fpen(0), e2h, f3, &[(2, ESR_FP)]);
    el0_case("E2H=1 TGE=0 EL0 fadd, CPTR_EL2.FPEN=01", fadd0, fpen(3), fpen(1), e2h, f3, &[]);

    // Lazy FP: the re-run instruction produced its result.
    let v: u64;
    // SAFETY: FPEN=00 for one FMOV pair; the EL1 handler re-enables FP and
    // re-runs it. Only X3 and V1 are written.
    unsafe {
        asm!("msr cpacr_el1, xzr", "isb", "fmov d1, {x}", "fmov {v}, d1",
             x = in(reg) 0x0123_4567_89AB_CDEFu64, v = out(reg) v, out("v1") _, options(nostack))
    };
    check::eq("lazy FP: value through D1 after the trap", v, 0x0123_4567_89AB_CDEF);
    check::eq("  CPACR_EL1.FPEN re-enabled", (fw::read_sysreg!(cpacr_el1) >> 20) & 3, 3);
    check::finish()
}
