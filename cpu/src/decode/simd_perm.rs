//! Decode table: Advanced SIMD permutes, extract and table lookup (ZIP, UZP, TRN, EXT,
//! TBL, TBX) (Arm ARM C4.1 "Advanced SIMD permute", "Advanced SIMD extract",
//! "Advanced SIMD table lookup").
//!
//! Searched before `simd_fp`, whose class-wide `unimplemented` lines catch what no
//! line here names yet. Permute opcodes 000 and 100 and table lookups with
//! op2 != 00 have no line (UNDEFINED); size = 11 with Q = 0 (permutes) and imm4<3> = 1
//! with Q = 0 (EXT) are UNDEFINED in the handlers.

use super::Encoding;
use crate::enc;
use crate::exec::simd_permute as p;
use crate::exec::simd_table as t;

/// The table (aligned by hand: one line per encoding).
#[rustfmt::skip]
pub static TABLE: &[Encoding] = &[
    // ---- Table lookup: 0 Q 001110 op2=00 0 Rm 0 len op 00 Rn Rd
    enc!(TBL,  "0q0 01110 00 0 mmmmm 0 ll 0 00 nnnnn ddddd", t::tbl_tbx),
    enc!(TBX,  "0q0 01110 00 0 mmmmm 0 ll 1 00 nnnnn ddddd", t::tbl_tbx),
    // ---- Permute: 0 Q 001110 size 0 Rm 0 opcode 10 Rn Rd
    enc!(UZP1, "0q0 01110 ss 0 mmmmm 0 001 10 nnnnn ddddd", p::uzp),
    enc!(TRN1, "0q0 01110 ss 0 mmmmm 0 010 10 nnnnn ddddd", p::trn),
    enc!(ZIP1, "0q0 01110 ss 0 mmmmm 0 011 10 nnnnn ddddd", p::zip),
    enc!(UZP2, "0q0 01110 ss 0 mmmmm 0 101 10 nnnnn ddddd", p::uzp),
    enc!(TRN2, "0q0 01110 ss 0 mmmmm 0 110 10 nnnnn ddddd", p::trn),
    enc!(ZIP2, "0q0 01110 ss 0 mmmmm 0 111 10 nnnnn ddddd", p::zip),
    // ---- Extract: 0 Q 101110 op2=00 0 Rm 0 imm4 0 Rn Rd
    enc!(EXT,  "0q1 01110 00 0 mmmmm 0 iiii 0 nnnnn ddddd", p::ext),
];

#[cfg(test)]
mod tests {
    use super::TABLE;
    use crate::decode::decode;

    #[test]
    fn assembled_instructions_decode_to_their_lines() {
        let code = crate::a64!(
            ; tbl v0.b16, {v1.b16}, v2.b16 ; tbx v0.b8, {v31.b16, v0.b16, v1.b16}, v2.b8
            ; uzp1 v0.s4, v1.s4, v2.s4 ; trn1 v0.b8, v1.b8, v2.b8 ; zip1 v0.d2, v1.d2, v2.d2
            ; uzp2 v0.h4, v1.h4, v2.h4 ; trn2 v0.s2, v1.s2, v2.s2 ; zip2 v0.b16, v1.b16, v2.b16
            ; ext v0.b16, v1.b16, v2.b16, 9
        );
        let names = ["TBL", "TBX", "UZP1", "TRN1", "ZIP1", "UZP2", "TRN2", "ZIP2", "EXT"];
        assert_eq!(code.len(), 4 * names.len());
        for (c, want) in code.chunks(4).zip(names) {
            let w = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
            assert_eq!(decode(w).map(|e| e.name), Some(want), "{w:#010x}");
        }
    }

    #[test]
    fn unallocated_neighbours_do_not_match() {
        // Permute opcode 000 and 100; table lookup op2 = 01 (bit 22).
        for w in [0x4e02_0820u32, 0x4e02_4820, 0x4e42_0020] {
            assert!(!TABLE.iter().any(|e| e.matches(w)), "{w:#010x}");
        }
    }

    /// 100k random words per line run on random state without a panic.
    #[test]
    fn random_words_never_panic() {
        crate::exec::simd_fuzz::fuzz_table(TABLE, 100_000, 0x5eed_0001);
    }
}
