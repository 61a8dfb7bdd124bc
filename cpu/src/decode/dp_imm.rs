//! Data processing — immediate (Arm ARM C4.1.86, op0 = 100x).
//!
//! Unallocated here, so without a line: add/subtract (immediate, with tags) (op0<25:23>
//! = 011, FEAT_MTE), move wide with opc = 01, bitfield with opc = 11, extract with
//! op21 != 00 or o0 == 1. The remaining reserved combinations (sf/N mismatches, hw >= 2
//! with sf == 0, reserved bitmask immediates, imms<5> with sf == 0) are checked in the
//! handlers, which return UNDEFINED.

use super::Encoding;
use crate::enc;
use crate::exec::{dp_bitfield as bf, dp_imm as di, dp_logical_imm as dl};

/// The table (aligned by hand: one line per encoding).
#[rustfmt::skip]
pub static TABLE: &[Encoding] = &[
    // PC-rel. addressing
    enc!(ADR,      "0 ll 10000 hhhhhhhhhhhhhhhhhhh ddddd", di::adr),
    enc!(ADRP,     "1 ll 10000 hhhhhhhhhhhhhhhhhhh ddddd", di::adrp),
    // Add/subtract (immediate)
    enc!(ADD_imm,  "z 0 0 100010 s iiiiiiiiiiii nnnnn ddddd", di::add_imm),
    enc!(ADDS_imm, "z 0 1 100010 s iiiiiiiiiiii nnnnn ddddd", di::adds_imm),
    enc!(SUB_imm,  "z 1 0 100010 s iiiiiiiiiiii nnnnn ddddd", di::sub_imm),
    enc!(SUBS_imm, "z 1 1 100010 s iiiiiiiiiiii nnnnn ddddd", di::subs_imm),
    // Logical (immediate)
    enc!(AND_imm,  "z 00 100100 N rrrrrr ssssss nnnnn ddddd", dl::and_imm),
    enc!(ORR_imm,  "z 01 100100 N rrrrrr ssssss nnnnn ddddd", dl::orr_imm),
    enc!(EOR_imm,  "z 10 100100 N rrrrrr ssssss nnnnn ddddd", dl::eor_imm),
    enc!(ANDS_imm, "z 11 100100 N rrrrrr ssssss nnnnn ddddd", dl::ands_imm),
    // Move wide (immediate)
    enc!(MOVN,     "z 00 100101 hh iiiiiiiiiiiiiiii ddddd", di::movn),
    enc!(MOVZ,     "z 10 100101 hh iiiiiiiiiiiiiiii ddddd", di::movz),
    enc!(MOVK,     "z 11 100101 hh iiiiiiiiiiiiiiii ddddd", di::movk),
    // Bitfield
    enc!(SBFM,     "z 00 100110 N rrrrrr ssssss nnnnn ddddd", bf::sbfm),
    enc!(BFM,      "z 01 100110 N rrrrrr ssssss nnnnn ddddd", bf::bfm),
    enc!(UBFM,     "z 10 100110 N rrrrrr ssssss nnnnn ddddd", bf::ubfm),
    // Extract
    enc!(EXTR,     "z 00 100111 N 0 mmmmm ssssss nnnnn ddddd", di::extr),
];

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::insn::Insn;
    use crate::platform::NullPlatform;

    /// Register values that hit the edge cases (zero, all ones, sign boundaries).
    const EDGES: [u64; 8] = [0, 1, u64::MAX, 1 << 63, i64::MAX as u64, 0x8000_0000, 0x7fff_ffff, 0xffff_ffff];

    /// Run every line's handler on `n` random words matching its pattern, with random
    /// and edge-case register values: no panic, and an UNDEFINED outcome leaves the
    /// registers and flags alone.
    pub(crate) fn fuzz_table(table: &[Encoding], n: usize) {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            // xorshift64*
            seed ^= seed >> 12;
            seed ^= seed << 25;
            seed ^= seed >> 27;
            seed.wrapping_mul(0x2545_f491_4f6c_dd1d)
        };
        let mut plat = NullPlatform;
        for e in table {
            let mut cpu = crate::testutil::cpu_with_code(&[], 1);
            for k in 0..n {
                if k % 16 == 0 {
                    for r in 0..31 {
                        let x = next();
                        cpu.s.x[r] = if x & 1 == 0 { EDGES[(x >> 1) as usize % EDGES.len()] } else { next() };
                    }
                    cpu.s.sp_el[1] = next();
                    cpu.s.nzcv = (next() as u32) & 0xf000_0000;
                    cpu.s.spsel = (next() & 1) as u32;
                }
                let w = (next() as u32 & !e.mask) | e.value;
                assert!(decode(w).is_some() || table.is_empty(), "{}: {w:#010x} matches no line", e.name);
                let (x, sp, flags) = (cpu.s.x, cpu.s.sp_el, cpu.s.nzcv);
                if (e.exec)(&mut cpu, &mut plat, Insn(w)).is_err() {
                    assert!(
                        cpu.s.x == x && cpu.s.sp_el == sp && cpu.s.nzcv == flags,
                        "{}: {w:#010x} faulted after writing state",
                        e.name
                    );
                }
            }
        }
    }

    fn decode(w: u32) -> Option<&'static Encoding> {
        crate::decode::decode(w)
    }

    #[test]
    fn random_words_never_panic() {
        fuzz_table(TABLE, 200_000);
    }

    #[test]
    fn lines_decode_to_themselves() {
        // Each line's own base pattern (all fields zero, and all fields ones) decodes
        // to that line unless a more specific earlier line claims it.
        for e in TABLE {
            for w in [e.value, e.value | !e.mask] {
                let hit = crate::decode::decode(w).expect("decodes");
                assert!(hit.matches(w));
                if hit.name != e.name {
                    let first = TABLE.iter().position(|x| x.name == hit.name);
                    let this = TABLE.iter().position(|x| x.name == e.name);
                    assert!(first < this, "{}: {w:#010x} went to later line {}", e.name, hit.name);
                }
            }
        }
    }
}
