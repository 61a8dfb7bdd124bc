//! FP oracle for el2emu's `cpu/tests/fp_qemu_diff.rs`: a static aarch64 Linux program
//! meant to run under `qemu-aarch64 -cpu cortex-a57` (ARMv8.0).
//!
//! * `fp-oracle --list` prints the operation names, one per line; an operation's
//!   selector is its line index.
//! * Otherwise it reads 32-byte little-endian records from stdin
//!   `(op: u32, fpcr: u32, a: u64, b: u64, c: u64)`, executes the real instruction on
//!   operands placed in d0/d1/d2 (and x0 for integer sources) under that FPCR with FPSR
//!   cleared, and writes 16-byte records `(result: u64, fpsr: u64)` to stdout. For
//!   FCMP/FCMPE the result is NZCV (bits 31:28); for FP→integer ops it is x0.
//! * `fp-oracle --insn-list` prints, for the operations of `OPS` followed by those of
//!   `INSN_OPS` (`insn_ops.rs`, scalar forms `--list` does not name), one line per
//!   operation: its name and the machine code (hex, little-endian words) that runs after
//!   the operands are in place, up to and including the epilogue that leaves the result
//!   in x0. `cpu/tests/fp_insn_diff.rs` executes exactly those words in el2emu. Records
//!   may select these operations by their index in this combined list.
#![deny(unsafe_op_in_unsafe_fn)]

use std::arch::asm;
use std::io::{Read, Write};

/// `(a, b, c, fpcr) -> (result, fpsr, code start, code end)`.
type OpFn = fn(u64, u64, u64, u64) -> (u64, u64, u64, u64);

macro_rules! op {
    ($name:ident, $insn:literal, $epilogue:literal) => {
        fn $name(a: u64, b: u64, c: u64, fpcr: u64) -> (u64, u64, u64, u64) {
            let r: u64;
            let fpsr: u64;
            let (start, end): (u64, u64);
            // SAFETY: the block only touches the registers it declares (x0-x4,
            // v0-v2, NZCV) plus FPCR/FPSR, which it restores to 0 before returning; it
            // accesses no memory and does not use the stack.
            unsafe {
                asm!(
                    "msr fpcr, x3",
                    "msr fpsr, xzr",
                    "fmov d0, x0",
                    "fmov d1, x1",
                    "fmov d2, x2",
                    "adr x5, 2f",
                    "adr x6, 3f",
                    "2:",
                    $insn,
                    $epilogue,
                    "3:",
                    "mrs x4, fpsr",
                    "msr fpcr, xzr",
                    "msr fpsr, xzr",
                    inout("x0") a => r,
                    in("x1") b,
                    in("x2") c,
                    in("x3") fpcr,
                    out("x4") fpsr,
                    out("x5") start,
                    out("x6") end,
                    out("v0") _,
                    out("v1") _,
                    out("v2") _,
                    options(nostack),
                );
            }
            (r, fpsr, start, end)
        }
    };
}

include!("ops.rs");
include!("insn_ops.rs");

/// `OPS` then `INSN_OPS`.
fn all_ops() -> impl Iterator<Item = &'static (&'static str, OpFn)> {
    OPS.iter().chain(INSN_OPS.iter())
}

/// `--insn-list`: each operation's name and code words (see the module comment).
fn insn_list() -> String {
    let mut out = String::new();
    for (name, f) in all_ops() {
        let (_, _, start, end) = f(0, 0, 0, 0);
        out.push_str(name);
        let mut p = start;
        while p + 4 <= end {
            // SAFETY: [start, end) is this program's own code, between two labels of
            // the operation's asm block: mapped and readable for the process lifetime.
            let w = unsafe { std::ptr::read_unaligned(p as *const u32) };
            out.push_str(&format!(" {w:08x}"));
            p += 4;
        }
        out.push('\n');
    }
    out
}

fn main() {
    if std::env::args().nth(1).as_deref() == Some("--list") {
        let mut out = String::new();
        for (name, _) in OPS {
            out.push_str(name);
            out.push('\n');
        }
        print!("{out}");
        return;
    }
    if std::env::args().nth(1).as_deref() == Some("--insn-list") {
        print!("{}", insn_list());
        return;
    }
    let mut input = Vec::new();
    std::io::stdin().read_to_end(&mut input).expect("read stdin");
    let mut output = Vec::with_capacity(input.len() / 2);
    let word = |b: &[u8]| u64::from_le_bytes(b.try_into().expect("8 bytes"));
    for rec in input.chunks_exact(32) {
        let op = u32::from_le_bytes(rec[0..4].try_into().expect("4 bytes")) as usize;
        let fpcr = u32::from_le_bytes(rec[4..8].try_into().expect("4 bytes")) as u64;
        let (a, b, c) = (word(&rec[8..16]), word(&rec[16..24]), word(&rec[24..32]));
        let f = OPS.get(op).or_else(|| INSN_OPS.get(op.checked_sub(OPS.len())?));
        let (r, fpsr) = match f {
            Some((_, f)) => {
                let (r, fpsr, _, _) = f(a, b, c, fpcr);
                (r, fpsr)
            }
            None => (u64::MAX, u64::MAX),
        };
        output.extend_from_slice(&r.to_le_bytes());
        output.extend_from_slice(&fpsr.to_le_bytes());
    }
    std::io::stdout().write_all(&output).expect("write stdout");
}
