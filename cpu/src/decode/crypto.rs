//! Decode table: the Cryptographic Extension (Arm ARM C4.1 "Cryptographic AES",
//! "Cryptographic three-register SHA", "Cryptographic two-register SHA") and
//! PMULL/PMULL2 of 64-bit lanes (the size = 11 line of "Advanced SIMD three
//! different"; the 8-bit PMULL belongs to `simd_int`).
//!
//! Searched before `simd_fp`, whose class-wide `unimplemented` lines catch what no
//! line here names yet. size != 00 and the unallocated opcodes have no line
//! (UNDEFINED). The handlers are UNDEFINED when the CPU model's ID_AA64ISAR0_EL1 does
//! not report the feature (AES, PMULL: AES = 0b0010, SHA1, SHA2).

use super::Encoding;
use crate::enc;
use crate::exec::crypto_aes as aes;
use crate::exec::crypto_pmull as pm;
use crate::exec::crypto_sha1 as s1;
use crate::exec::crypto_sha256 as s2;

/// The table (aligned by hand: one line per encoding).
#[rustfmt::skip]
pub static TABLE: &[Encoding] = &[
    // ---- Cryptographic AES: 01001110 size=00 10100 opcode 10 Rn Rd
    enc!(AESE,         "01001110 00 10100 00100 10 nnnnn ddddd", aes::aese),
    enc!(AESD,         "01001110 00 10100 00101 10 nnnnn ddddd", aes::aesd),
    enc!(AESMC,        "01001110 00 10100 00110 10 nnnnn ddddd", aes::aesmc),
    enc!(AESIMC,       "01001110 00 10100 00111 10 nnnnn ddddd", aes::aesimc),
    // ---- Cryptographic three-register SHA: 01011110 size=00 0 Rm 0 opcode 00 Rn Rd
    enc!(SHA1C,        "01011110 00 0 mmmmm 0 000 00 nnnnn ddddd", s1::sha1c),
    enc!(SHA1P,        "01011110 00 0 mmmmm 0 001 00 nnnnn ddddd", s1::sha1p),
    enc!(SHA1M,        "01011110 00 0 mmmmm 0 010 00 nnnnn ddddd", s1::sha1m),
    enc!(SHA1SU0,      "01011110 00 0 mmmmm 0 011 00 nnnnn ddddd", s1::sha1su0),
    enc!(SHA256H,      "01011110 00 0 mmmmm 0 100 00 nnnnn ddddd", s2::sha256h),
    enc!(SHA256H2,     "01011110 00 0 mmmmm 0 101 00 nnnnn ddddd", s2::sha256h2),
    enc!(SHA256SU1,    "01011110 00 0 mmmmm 0 110 00 nnnnn ddddd", s2::sha256su1),
    // ---- Cryptographic two-register SHA: 01011110 size=00 10100 opcode 10 Rn Rd
    enc!(SHA1H,        "01011110 00 10100 00000 10 nnnnn ddddd", s1::sha1h),
    enc!(SHA1SU1,      "01011110 00 10100 00001 10 nnnnn ddddd", s1::sha1su1),
    enc!(SHA256SU0,    "01011110 00 10100 00010 10 nnnnn ddddd", s2::sha256su0),
    // ---- PMULL{2} 1Q <- 1D x 1D: 0 Q 0 01110 size=11 1 Rm 1110 00 Rn Rd
    enc!(PMULL_crypto, "0q0 01110 11 1 mmmmm 1110 00 nnnnn ddddd", pm::pmull_64),
];

#[cfg(test)]
mod tests {
    use super::TABLE;
    use crate::decode::decode;

    #[test]
    fn assembled_instructions_decode_to_their_lines() {
        let code = crate::a64!(
            ; aese v0.b16, v1.b16 ; aesd v0.b16, v1.b16 ; aesmc v0.b16, v1.b16 ; aesimc v0.b16, v1.b16
            ; sha1c q0, s1, v2.s4 ; sha1p q0, s1, v2.s4 ; sha1m q0, s1, v2.s4 ; sha1su0 v0.s4, v1.s4, v2.s4
            ; sha256h q0, q1, v2.s4 ; sha256h2 q0, q1, v2.s4 ; sha256su1 v0.s4, v1.s4, v2.s4
            ; sha1h s0, s1 ; sha1su1 v0.s4, v1.s4 ; sha256su0 v0.s4, v1.s4
            ; pmull v0.q1, v1.d1, v2.d1 ; pmull2 v0.q1, v1.d2, v2.d2
        );
        let names = [
            "AESE",
            "AESD",
            "AESMC",
            "AESIMC",
            "SHA1C",
            "SHA1P",
            "SHA1M",
            "SHA1SU0",
            "SHA256H",
            "SHA256H2",
            "SHA256SU1",
            "SHA1H",
            "SHA1SU1",
            "SHA256SU0",
            "PMULL_crypto",
            "PMULL_crypto",
        ];
        assert_eq!(code.len(), 4 * names.len());
        for (c, want) in code.chunks(4).zip(names) {
            let w = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
            assert_eq!(decode(w).map(|e| e.name), Some(want), "{w:#010x}");
        }
    }

    #[test]
    fn reserved_neighbours_do_not_match() {
        // AESE with size = 01; AES opcode 01000; SHA three-register opcode 111;
        // SHA two-register opcode 00011; PMULL with size = 10 (not this table's).
        for w in [0x4e68_4820u32, 0x4e28_8820, 0x5e02_7020, 0x5e28_3820, 0x0ea2_e020] {
            assert!(!TABLE.iter().any(|e| e.matches(w)), "{w:#010x}");
        }
    }

    /// 100k random words per line run on random state without a panic.
    #[test]
    fn random_words_never_panic() {
        crate::exec::simd_fuzz::fuzz_table(TABLE, 100_000, 0x5eed_0003);
    }
}
