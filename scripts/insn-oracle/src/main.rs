//! Single-instruction oracle for el2emu's `cpu/tests/qemu_user_diff.rs`: a static
//! aarch64 Linux program meant to run under `qemu-aarch64` (QEMU user mode).
//!
//! It maps a code page at [`CODE`] and a 64 KiB scratch data area at [`SCRATCH`]
//! (fixed addresses, which the test maps identically in el2emu), then for every record
//! read from stdin writes the record's instruction at `CODE` followed by a `b` back into
//! this program, loads every register from the record (asm trampoline `insn_run`),
//! executes the instruction, stores every register back and reports them. SIGILL,
//! SIGSEGV, SIGBUS, SIGTRAP and SIGFPE raised by the instruction are caught on an
//! alternate signal stack; the handler redirects the interrupted context to the same
//! register-saving path, so a faulting record reports its signal plus the registers as
//! they were at the fault. After each record the scratch area is compared with its
//! pristine contents; the changed 8-byte words are reported and restored.
//!
//! Stream format, all little-endian:
//! * output header (8 bytes): magic `0x4f52_4341`, then the `b` word stored at `CODE + 4`
//!   (so the test can put the same word in el2emu's code page).
//! * input record (808 bytes): `insn: u32`, `reserved: u32`, then a [`Ctx`] (800 bytes).
//! * output record: `signo: u32` (0 = the instruction completed), `si_code: i32`,
//!   `si_addr: u64`, the [`Ctx`] after execution, `ndiff: u32`,
//!   `reserved: u32`, then `ndiff` pairs `(offset: u64, new value: u64)` of the changed
//!   aligned 8-byte words of the scratch area (offsets from `SCRATCH`), then of the
//!   changed 4-byte words of the code page after the instruction (offset `2^32` + byte
//!   offset from `CODE`; the page holds the `b` at `CODE + 4`, zeros after it).
//!
//! Scratch contents: 8-byte words of SplitMix64 seeded with [`SCRATCH_SEED`], in order.
#![deny(unsafe_op_in_unsafe_fn)]

use std::arch::global_asm;
use std::io::{BufReader, BufWriter, Read, Write};
use std::sync::atomic::{AtomicI32, AtomicU32, AtomicU64, Ordering};

/// Code page (keep in sync with `--defsym=insn_code_page` in .cargo/config.toml and the test).
const CODE: u64 = 0x1000_0000;
/// Scratch data area.
const SCRATCH: u64 = 0x1001_0000;
/// Its size.
const SCRATCH_SIZE: usize = 0x1_0000;
/// Seed of the scratch contents.
const SCRATCH_SEED: u64 = 0x5c4a_7c40_0000_0001;
/// Offset base of code-page words in the reported differences.
const CODE_DIFF: u64 = 1 << 32;
/// Output header magic.
const MAGIC: u32 = 0x4f52_4341;

/// The register file as the trampoline loads and stores it.
#[repr(C, align(16))]
#[derive(Clone, Copy)]
struct Ctx {
    x: [u64; 31],
    sp: u64,
    nzcv: u64,
    fpcr: u64,
    fpsr: u64,
    pad: u64,
    v: [[u64; 2]; 32],
}

const CTX_SIZE: usize = 800;
const _: () = assert!(std::mem::size_of::<Ctx>() == CTX_SIZE);

// The trampoline. `insn_run(ctx)` saves the callee-saved registers, SP and TPIDR_EL0
// (musl's thread pointer) in `insn_saved`, clears the exclusive monitor, loads FPCR,
// FPSR, NZCV, V0-V31, SP and X0-X30 from `ctx` and branches to the code page.
// `insn_return` (reached by the `b` after the instruction, or by the signal handler
// rewriting the interrupted PC) parks X30 in TPIDR_EL0, stores every register into the
// ctx, restores the saved environment and returns from `insn_run`.
global_asm!(
    ".pushsection .bss",
    ".balign 16",
    "insn_saved: .space 192",
    ".popsection",
    ".text",
    ".globl insn_run",
    ".balign 16",
    "insn_run:",
    "adrp x9, insn_saved",
    "add x9, x9, :lo12:insn_saved",
    "stp x19, x20, [x9, #0]",
    "stp x21, x22, [x9, #16]",
    "stp x23, x24, [x9, #32]",
    "stp x25, x26, [x9, #48]",
    "stp x27, x28, [x9, #64]",
    "stp x29, x30, [x9, #80]",
    "mov x10, sp",
    "str x10, [x9, #96]",
    "stp d8, d9, [x9, #112]",
    "stp d10, d11, [x9, #128]",
    "stp d12, d13, [x9, #144]",
    "stp d14, d15, [x9, #160]",
    "mrs x10, tpidr_el0",
    "str x10, [x9, #176]",
    "str x0, [x9, #184]",
    "clrex",
    "ldr x10, [x0, #264]",
    "msr fpcr, x10",
    "ldr x10, [x0, #272]",
    "msr fpsr, x10",
    "ldr x10, [x0, #256]",
    "msr nzcv, x10",
    "add x10, x0, #288",
    "ldp q0, q1, [x10], #32",
    "ldp q2, q3, [x10], #32",
    "ldp q4, q5, [x10], #32",
    "ldp q6, q7, [x10], #32",
    "ldp q8, q9, [x10], #32",
    "ldp q10, q11, [x10], #32",
    "ldp q12, q13, [x10], #32",
    "ldp q14, q15, [x10], #32",
    "ldp q16, q17, [x10], #32",
    "ldp q18, q19, [x10], #32",
    "ldp q20, q21, [x10], #32",
    "ldp q22, q23, [x10], #32",
    "ldp q24, q25, [x10], #32",
    "ldp q26, q27, [x10], #32",
    "ldp q28, q29, [x10], #32",
    "ldp q30, q31, [x10], #32",
    "ldr x10, [x0, #248]",
    "mov sp, x10",
    "mov x30, x0",
    "ldp x0, x1, [x30, #0]",
    "ldp x2, x3, [x30, #16]",
    "ldp x4, x5, [x30, #32]",
    "ldp x6, x7, [x30, #48]",
    "ldp x8, x9, [x30, #64]",
    "ldp x10, x11, [x30, #80]",
    "ldp x12, x13, [x30, #96]",
    "ldp x14, x15, [x30, #112]",
    "ldp x16, x17, [x30, #128]",
    "ldp x18, x19, [x30, #144]",
    "ldp x20, x21, [x30, #160]",
    "ldp x22, x23, [x30, #176]",
    "ldp x24, x25, [x30, #192]",
    "ldp x26, x27, [x30, #208]",
    "ldp x28, x29, [x30, #224]",
    "ldr x30, [x30, #240]",
    "b insn_code_page",
    ".globl insn_return",
    ".balign 16",
    "insn_return:",
    "msr tpidr_el0, x30",
    "adrp x30, insn_saved",
    "add x30, x30, :lo12:insn_saved",
    "ldr x30, [x30, #184]",
    "stp x0, x1, [x30, #0]",
    "stp x2, x3, [x30, #16]",
    "stp x4, x5, [x30, #32]",
    "stp x6, x7, [x30, #48]",
    "stp x8, x9, [x30, #64]",
    "stp x10, x11, [x30, #80]",
    "stp x12, x13, [x30, #96]",
    "stp x14, x15, [x30, #112]",
    "stp x16, x17, [x30, #128]",
    "stp x18, x19, [x30, #144]",
    "stp x20, x21, [x30, #160]",
    "stp x22, x23, [x30, #176]",
    "stp x24, x25, [x30, #192]",
    "stp x26, x27, [x30, #208]",
    "stp x28, x29, [x30, #224]",
    "mrs x0, tpidr_el0",
    "str x0, [x30, #240]",
    "mov x0, sp",
    "str x0, [x30, #248]",
    "mrs x0, nzcv",
    "str x0, [x30, #256]",
    "mrs x0, fpcr",
    "str x0, [x30, #264]",
    "mrs x0, fpsr",
    "str x0, [x30, #272]",
    "add x0, x30, #288",
    "stp q0, q1, [x0], #32",
    "stp q2, q3, [x0], #32",
    "stp q4, q5, [x0], #32",
    "stp q6, q7, [x0], #32",
    "stp q8, q9, [x0], #32",
    "stp q10, q11, [x0], #32",
    "stp q12, q13, [x0], #32",
    "stp q14, q15, [x0], #32",
    "stp q16, q17, [x0], #32",
    "stp q18, q19, [x0], #32",
    "stp q20, q21, [x0], #32",
    "stp q22, q23, [x0], #32",
    "stp q24, q25, [x0], #32",
    "stp q26, q27, [x0], #32",
    "stp q28, q29, [x0], #32",
    "stp q30, q31, [x0], #32",
    "adrp x9, insn_saved",
    "add x9, x9, :lo12:insn_saved",
    "ldr x10, [x9, #176]",
    "msr tpidr_el0, x10",
    "ldr x10, [x9, #96]",
    "mov sp, x10",
    "ldp x19, x20, [x9, #0]",
    "ldp x21, x22, [x9, #16]",
    "ldp x23, x24, [x9, #32]",
    "ldp x25, x26, [x9, #48]",
    "ldp x27, x28, [x9, #64]",
    "ldp x29, x30, [x9, #80]",
    "ldp d8, d9, [x9, #112]",
    "ldp d10, d11, [x9, #128]",
    "ldp d12, d13, [x9, #144]",
    "ldp d14, d15, [x9, #160]",
    "msr fpcr, xzr",
    "msr fpsr, xzr",
    "mov x10, #0",
    "msr nzcv, x10",
    "ret",
);

extern "C" {
    /// Runs the instruction at `CODE` on the registers in `*ctx`, storing them back.
    fn insn_run(ctx: *mut Ctx);
    /// The register-saving path (only its address is used).
    fn insn_return();
    fn mmap(addr: *mut u8, len: usize, prot: i32, flags: i32, fd: i32, off: i64) -> *mut u8;
    fn sigaction(sig: i32, act: *const SigAction, old: *mut SigAction) -> i32;
    fn sigaltstack(ss: *const StackT, old: *mut StackT) -> i32;
}

/// musl's `struct sigaction` on aarch64.
#[repr(C)]
struct SigAction {
    sa_sigaction: usize,
    sa_mask: [u64; 16],
    sa_flags: i32,
    sa_restorer: usize,
}

/// `stack_t`.
#[repr(C)]
struct StackT {
    ss_sp: *mut u8,
    ss_flags: i32,
    ss_size: usize,
}

const PROT_RWX: i32 = 1 | 2 | 4;
const PROT_RW: i32 = 1 | 2;
const MAP_PRIVATE: i32 = 0x02;
const MAP_FIXED: i32 = 0x10;
const MAP_ANONYMOUS: i32 = 0x20;
const SA_SIGINFO: i32 = 4;
const SA_ONSTACK: i32 = 0x0800_0000;
const SIGNALS: [i32; 5] = [4 /* ILL */, 5 /* TRAP */, 7 /* BUS */, 8 /* FPE */, 11 /* SEGV */];

/// Offset of `uc_mcontext.pc` in the aarch64 Linux `ucontext_t`: uc_flags (8), uc_link
/// (8), uc_stack (24), uc_sigmask padded to 128 bytes, then the 16-byte aligned
/// `sigcontext` at 176 { fault_address, regs[31], sp, pc, pstate, ... }: 176 + 8 + 248 + 8.
const UC_PC: usize = 440;

static SIGNO: AtomicU32 = AtomicU32::new(0);
static SICODE: AtomicI32 = AtomicI32::new(0);
static SIADDR: AtomicU64 = AtomicU64::new(0);

/// siginfo_t head: si_signo, si_errno, si_code, padding, then (for faults) si_addr.
#[repr(C)]
struct SigInfoHead {
    signo: i32,
    errno: i32,
    code: i32,
    pad: i32,
    addr: u64,
}

extern "C" fn on_signal(sig: i32, info: *mut SigInfoHead, uc: *mut u8) {
    // SAFETY: the kernel (QEMU) passes a valid siginfo and ucontext for SA_SIGINFO
    // handlers; UC_PC is the offset of the saved PC in the aarch64 ucontext.
    unsafe {
        let pc = uc.add(UC_PC) as *mut u64;
        if *pc & !0xfff != CODE {
            // A fault in the oracle itself: restore the default action and let the
            // signal kill the process when the instruction is restarted.
            let dfl = SigAction { sa_sigaction: 0, sa_mask: [0; 16], sa_flags: 0, sa_restorer: 0 };
            sigaction(sig, &dfl, std::ptr::null_mut());
            return;
        }
        SIGNO.store(sig as u32, Ordering::Relaxed);
        SICODE.store((*info).code, Ordering::Relaxed);
        SIADDR.store((*info).addr, Ordering::Relaxed);
        *pc = insn_return as *const () as usize as u64;
    }
}

/// SplitMix64.
fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// `b` from `from` to `to`.
fn b_word(from: u64, to: u64) -> u32 {
    let off = (to.wrapping_sub(from) as i64) >> 2;
    assert!((-(1 << 25)..(1 << 25)).contains(&off), "insn_return out of B range of the code page");
    0x1400_0000 | (off as u32 & 0x03ff_ffff)
}

fn map_fixed(addr: u64, len: usize, prot: i32) {
    // SAFETY: mapping anonymous memory at addresses this program does not otherwise use
    // (the image is at 0x0c00_0000, the heap follows it, the stack is far above).
    let p = unsafe { mmap(addr as *mut u8, len, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) };
    assert_eq!(p as u64, addr, "mmap at {addr:#x} failed");
}

fn install_handlers() {
    let stack = Box::leak(vec![0u8; 256 * 1024].into_boxed_slice());
    let ss = StackT { ss_sp: stack.as_mut_ptr(), ss_flags: 0, ss_size: stack.len() };
    // SAFETY: `ss` describes a leaked (never freed) buffer.
    let r = unsafe { sigaltstack(&ss, std::ptr::null_mut()) };
    assert_eq!(r, 0, "sigaltstack");
    for sig in SIGNALS {
        let act = SigAction {
            sa_sigaction: on_signal as *const () as usize,
            sa_mask: [0; 16],
            sa_flags: SA_SIGINFO | SA_ONSTACK,
            sa_restorer: 0,
        };
        // SAFETY: a valid sigaction struct with a handler of the SA_SIGINFO signature.
        let r = unsafe { sigaction(sig, &act, std::ptr::null_mut()) };
        assert_eq!(r, 0, "sigaction({sig})");
    }
}

/// The code page as words. A fresh reference for each use: the instruction under test
/// may store into the page behind the compiler's back.
fn code_page() -> &'static mut [u32] {
    // SAFETY: CODE is mapped read/write/execute by `main` for one page before any use;
    // callers use the reference only briefly and never hold two at once, and the
    // tested instruction runs only while no reference is in use.
    unsafe { std::slice::from_raw_parts_mut(CODE as *mut u32, 1024) }
}

fn main() {
    map_fixed(CODE, 0x1000, PROT_RWX);
    map_fixed(SCRATCH, SCRATCH_SIZE, PROT_RW);
    install_handlers();

    let mut st = SCRATCH_SEED;
    let pristine: Vec<u64> = (0..SCRATCH_SIZE / 8).map(|_| splitmix(&mut st)).collect();
    // SAFETY: SCRATCH is mapped read/write above for SCRATCH_SIZE bytes and only this
    // slice and the tested instructions access it (the latter only inside `insn_run`).
    unsafe { std::slice::from_raw_parts_mut(SCRATCH as *mut u64, SCRATCH_SIZE / 8) }.copy_from_slice(&pristine);
    let back = b_word(CODE + 4, insn_return as *const () as usize as u64);
    code_page()[1] = back;

    let mut input = BufReader::with_capacity(1 << 20, std::io::stdin().lock());
    let mut output = BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
    output.write_all(&MAGIC.to_le_bytes()).expect("write");
    output.write_all(&back.to_le_bytes()).expect("write");

    let mut rec = [0u8; 8 + CTX_SIZE];
    let mut ctx = Ctx { x: [0; 31], sp: 0, nzcv: 0, fpcr: 0, fpsr: 0, pad: 0, v: [[0; 2]; 32] };
    let mut diffs: Vec<(u64, u64)> = Vec::new();
    loop {
        match input.read_exact(&mut rec) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => break,
            Err(e) => panic!("reading stdin: {e}"),
        }
        let insn = u32::from_le_bytes(rec[0..4].try_into().expect("4 bytes"));
        // SAFETY: Ctx is plain old data (u64 fields only) of exactly CTX_SIZE bytes.
        unsafe {
            std::ptr::copy_nonoverlapping(rec[8..].as_ptr(), (&mut ctx as *mut Ctx).cast::<u8>(), CTX_SIZE);
        }
        code_page()[0] = insn;
        // SAFETY: cache maintenance on the code page (mapped above), as self-modifying
        // code requires; the asm touches no other state.
        unsafe {
            std::arch::asm!(
                "dc cvau, {a}", "dsb ish", "ic ivau, {a}", "dsb ish", "isb",
                a = in(reg) CODE,
                options(nostack, preserves_flags),
            );
        }
        SIGNO.store(0, Ordering::Relaxed);
        SICODE.store(0, Ordering::Relaxed);
        SIADDR.store(0, Ordering::Relaxed);
        // SAFETY: `insn_run` preserves the AAPCS64 callee-saved state, SP and TPIDR_EL0
        // and returns normally (faults in the instruction are redirected to its
        // register-saving path by `on_signal`). The instruction under test can only
        // write the code page, the scratch area and unmapped addresses (the test points
        // base registers there), and its registers, which end up in `ctx`.
        unsafe { insn_run(&mut ctx) };
        output.write_all(&SIGNO.load(Ordering::Relaxed).to_le_bytes()).expect("write");
        output.write_all(&SICODE.load(Ordering::Relaxed).to_le_bytes()).expect("write");
        output.write_all(&SIADDR.load(Ordering::Relaxed).to_le_bytes()).expect("write");
        // SAFETY: as above, Ctx is plain data of CTX_SIZE bytes.
        let bytes = unsafe { std::slice::from_raw_parts((&ctx as *const Ctx).cast::<u8>(), CTX_SIZE) };
        output.write_all(bytes).expect("write");
        diffs.clear();
        // SAFETY: as above; a fresh reference after `insn_run`, which may have written
        // the area behind the compiler's back.
        let scratch = unsafe { std::slice::from_raw_parts_mut(SCRATCH as *mut u64, SCRATCH_SIZE / 8) };
        for (c, (now, was)) in scratch.chunks_exact_mut(8).zip(pristine.chunks_exact(8)).enumerate() {
            let mut acc = 0;
            for j in 0..8 {
                acc |= now[j] ^ was[j];
            }
            if acc != 0 {
                for j in 0..8 {
                    if now[j] != was[j] {
                        diffs.push((((c * 8 + j) * 8) as u64, now[j]));
                        now[j] = was[j];
                    }
                }
            }
        }
        // Words 1.. of the code page (the `b`, then zeros) changed by a store: reported
        // as 4-byte words at offset CODE_DIFF + byte offset, and restored.
        for (i, w) in code_page().iter_mut().enumerate().skip(1) {
            let want = if i == 1 { back } else { 0 };
            if *w != want {
                diffs.push((CODE_DIFF + 4 * i as u64, *w as u64));
                *w = want;
            }
        }
        output.write_all(&(diffs.len() as u32).to_le_bytes()).expect("write");
        output.write_all(&0u32.to_le_bytes()).expect("write");
        for &(off, val) in &diffs {
            output.write_all(&off.to_le_bytes()).expect("write");
            output.write_all(&val.to_le_bytes()).expect("write");
        }
    }
    output.flush().expect("flush");
}
