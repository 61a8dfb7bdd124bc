//! Branches, exception generation and system instructions (Arm ARM C4.1.65, op0 = 101x).

use super::Encoding;
use crate::enc;
use crate::exec::{branch as b, system as sys};

/// The table (aligned by hand: one line per encoding).
#[rustfmt::skip]
pub static TABLE: &[Encoding] = &[
    // Conditional branch (immediate)
    enc!(B_cond,   "0101010 0 iiiiiiiiiiiiiiiiiii 0 cccc", b::b_cond),
    // Exception generation
    enc!(SVC,      "11010100 000 iiiiiiiiiiiiiiii 000 01", sys::svc),
    enc!(HVC,      "11010100 000 iiiiiiiiiiiiiiii 000 10", sys::hvc),
    enc!(SMC,      "11010100 000 iiiiiiiiiiiiiiii 000 11", sys::smc),
    enc!(BRK,      "11010100 001 iiiiiiiiiiiiiiii 000 00", sys::brk),
    enc!(HLT,      "11010100 010 iiiiiiiiiiiiiiii 000 00", sys::hlt),
    // DCPS1-3 are UNDEFINED outside Debug state: no line.
    // Hints (NOP, YIELD, WFE, WFI, SEV, SEVL and the unallocated hint space as NOP)
    enc!(HINT,     "11010101 00000011 0010 mmmm ooo 11111", sys::hint),
    // Barriers
    enc!(CLREX,    "11010101 00000011 0011 mmmm 010 11111", sys::clrex),
    enc!(DSB,      "11010101 00000011 0011 mmmm 100 11111", sys::barrier),
    enc!(DMB,      "11010101 00000011 0011 mmmm 101 11111", sys::barrier),
    enc!(ISB,      "11010101 00000011 0011 mmmm 110 11111", sys::barrier),
    // PSTATE (MSR immediate)
    enc!(MSR_imm,  "11010101 00000 ooo 0100 mmmm ppp 11111", sys::msr_imm),
    // System instructions and system register moves
    enc!(SYS,      "11010101 00001 ooo nnnn mmmm ppp ttttt", sys::sys),
    enc!(SYSL,     "11010101 00101 ooo nnnn mmmm ppp ttttt", sys::sysl),
    enc!(MSR_reg,  "11010101 0001o ooo nnnn mmmm ppp ttttt", sys::msr_reg),
    enc!(MRS,      "11010101 0011o ooo nnnn mmmm ppp ttttt", sys::mrs),
    // Unconditional branch (register)
    enc!(BR,       "1101011 0000 11111 000000 nnnnn 00000", b::br),
    enc!(BLR,      "1101011 0001 11111 000000 nnnnn 00000", b::blr),
    enc!(RET,      "1101011 0010 11111 000000 nnnnn 00000", b::ret),
    enc!(ERET,     "1101011 0100 11111 000000 11111 00000", b::eret),
    // DRPS is UNDEFINED outside Debug state: no line.
    // Unconditional branch (immediate)
    enc!(B,        "000101 iiiiiiiiiiiiiiiiiiiiiiiiii", b::b),
    enc!(BL,       "100101 iiiiiiiiiiiiiiiiiiiiiiiiii", b::bl),
    // Compare and branch, test and branch
    enc!(CBZ,      "z011010 0 iiiiiiiiiiiiiiiiiii ttttt", b::cbz),
    enc!(CBNZ,     "z011010 1 iiiiiiiiiiiiiiiiiii ttttt", b::cbnz),
    enc!(TBZ,      "b011011 0 bbbbb iiiiiiiiiiiiii ttttt", b::tbz),
    enc!(TBNZ,     "b011011 1 bbbbb iiiiiiiiiiiiii ttttt", b::tbnz),
];
