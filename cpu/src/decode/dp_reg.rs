//! Data processing — register (Arm ARM C4.1.87, op0 = x101), ARMv8.0 integer set.
//!
//! Without a line (UNDEFINED): add/subtract (extended register) with opt != 00,
//! S = 1 in 1/2-source and conditional select, conditional compare with S = 0 or
//! o2/o3 set, conditional select op2 = 1x, 3-source op54 != 00 and the unallocated
//! op31/o0 combinations, the widening and high multiplies with sf = 0, and the later
//! extensions in this space (RMIF, SETF, PAuth, MTE, CSSC). Checked in handlers: ROR
//! in add/subtract (shifted register), imm6<5> with sf = 0, imm3 > 4 in extended
//! register, REV with sf = 0 and opc = 11.

use super::Encoding;
use crate::enc;
use crate::exec::{cond, crc32 as crc, dp_1src as s1, dp_2src as s2, dp_3src as s3, dp_logical_reg as l, dp_reg as r};

/// The table (aligned by hand: one line per encoding).
#[rustfmt::skip]
pub static TABLE: &[Encoding] = &[
    // Logical (shifted register)
    enc!(AND_shift,  "z 00 01010 tt 0 mmmmm iiiiii nnnnn ddddd", l::and_shift),
    enc!(BIC_shift,  "z 00 01010 tt 1 mmmmm iiiiii nnnnn ddddd", l::bic_shift),
    enc!(ORR_shift,  "z 01 01010 tt 0 mmmmm iiiiii nnnnn ddddd", l::orr_shift),
    enc!(ORN_shift,  "z 01 01010 tt 1 mmmmm iiiiii nnnnn ddddd", l::orn_shift),
    enc!(EOR_shift,  "z 10 01010 tt 0 mmmmm iiiiii nnnnn ddddd", l::eor_shift),
    enc!(EON_shift,  "z 10 01010 tt 1 mmmmm iiiiii nnnnn ddddd", l::eon_shift),
    enc!(ANDS_shift, "z 11 01010 tt 0 mmmmm iiiiii nnnnn ddddd", l::ands_shift),
    enc!(BICS_shift, "z 11 01010 tt 1 mmmmm iiiiii nnnnn ddddd", l::bics_shift),
    // Add/subtract (shifted register)
    enc!(ADD_shift,  "z 0 0 01011 tt 0 mmmmm iiiiii nnnnn ddddd", r::add_shift),
    enc!(ADDS_shift, "z 0 1 01011 tt 0 mmmmm iiiiii nnnnn ddddd", r::adds_shift),
    enc!(SUB_shift,  "z 1 0 01011 tt 0 mmmmm iiiiii nnnnn ddddd", r::sub_shift),
    enc!(SUBS_shift, "z 1 1 01011 tt 0 mmmmm iiiiii nnnnn ddddd", r::subs_shift),
    // Add/subtract (extended register)
    enc!(ADD_ext,    "z 0 0 01011 00 1 mmmmm ooo iii nnnnn ddddd", r::add_ext),
    enc!(ADDS_ext,   "z 0 1 01011 00 1 mmmmm ooo iii nnnnn ddddd", r::adds_ext),
    enc!(SUB_ext,    "z 1 0 01011 00 1 mmmmm ooo iii nnnnn ddddd", r::sub_ext),
    enc!(SUBS_ext,   "z 1 1 01011 00 1 mmmmm ooo iii nnnnn ddddd", r::subs_ext),
    // Add/subtract (with carry)
    enc!(ADC,        "z 0 0 11010000 mmmmm 000000 nnnnn ddddd", r::adc),
    enc!(ADCS,       "z 0 1 11010000 mmmmm 000000 nnnnn ddddd", r::adcs),
    enc!(SBC,        "z 1 0 11010000 mmmmm 000000 nnnnn ddddd", r::sbc),
    enc!(SBCS,       "z 1 1 11010000 mmmmm 000000 nnnnn ddddd", r::sbcs),
    // Conditional compare (register / immediate)
    enc!(CCMN_reg,   "z 0 1 11010010 mmmmm cccc 0 0 nnnnn 0 ffff", cond::ccmn_reg),
    enc!(CCMN_imm,   "z 0 1 11010010 iiiii cccc 1 0 nnnnn 0 ffff", cond::ccmn_imm),
    enc!(CCMP_reg,   "z 1 1 11010010 mmmmm cccc 0 0 nnnnn 0 ffff", cond::ccmp_reg),
    enc!(CCMP_imm,   "z 1 1 11010010 iiiii cccc 1 0 nnnnn 0 ffff", cond::ccmp_imm),
    // Conditional select
    enc!(CSEL,       "z 0 0 11010100 mmmmm cccc 00 nnnnn ddddd", cond::csel),
    enc!(CSINC,      "z 0 0 11010100 mmmmm cccc 01 nnnnn ddddd", cond::csinc),
    enc!(CSINV,      "z 1 0 11010100 mmmmm cccc 00 nnnnn ddddd", cond::csinv),
    enc!(CSNEG,      "z 1 0 11010100 mmmmm cccc 01 nnnnn ddddd", cond::csneg),
    // Data-processing (2 source)
    enc!(UDIV,       "z 0 0 11010110 mmmmm 000010 nnnnn ddddd", s2::udiv),
    enc!(SDIV,       "z 0 0 11010110 mmmmm 000011 nnnnn ddddd", s2::sdiv),
    enc!(LSLV,       "z 0 0 11010110 mmmmm 001000 nnnnn ddddd", s2::lslv),
    enc!(LSRV,       "z 0 0 11010110 mmmmm 001001 nnnnn ddddd", s2::lsrv),
    enc!(ASRV,       "z 0 0 11010110 mmmmm 001010 nnnnn ddddd", s2::asrv),
    enc!(RORV,       "z 0 0 11010110 mmmmm 001011 nnnnn ddddd", s2::rorv),
    enc!(CRC32B,     "0 0 0 11010110 mmmmm 010000 nnnnn ddddd", crc::crc32),
    enc!(CRC32H,     "0 0 0 11010110 mmmmm 010001 nnnnn ddddd", crc::crc32),
    enc!(CRC32W,     "0 0 0 11010110 mmmmm 010010 nnnnn ddddd", crc::crc32),
    enc!(CRC32X,     "1 0 0 11010110 mmmmm 010011 nnnnn ddddd", crc::crc32),
    enc!(CRC32CB,    "0 0 0 11010110 mmmmm 010100 nnnnn ddddd", crc::crc32c),
    enc!(CRC32CH,    "0 0 0 11010110 mmmmm 010101 nnnnn ddddd", crc::crc32c),
    enc!(CRC32CW,    "0 0 0 11010110 mmmmm 010110 nnnnn ddddd", crc::crc32c),
    enc!(CRC32CX,    "1 0 0 11010110 mmmmm 010111 nnnnn ddddd", crc::crc32c),
    // Data-processing (1 source)
    enc!(RBIT,       "z 1 0 11010110 00000 000000 nnnnn ddddd", s1::rbit),
    enc!(REV16,      "z 1 0 11010110 00000 000001 nnnnn ddddd", s1::rev16),
    enc!(REV32,      "1 1 0 11010110 00000 000010 nnnnn ddddd", s1::rev32),
    enc!(REV,        "z 1 0 11010110 00000 00001o nnnnn ddddd", s1::rev),
    enc!(CLZ,        "z 1 0 11010110 00000 000100 nnnnn ddddd", s1::clz),
    enc!(CLS,        "z 1 0 11010110 00000 000101 nnnnn ddddd", s1::cls),
    // Data-processing (3 source)
    enc!(MADD,       "z 00 11011 000 mmmmm 0 aaaaa nnnnn ddddd", s3::madd),
    enc!(MSUB,       "z 00 11011 000 mmmmm 1 aaaaa nnnnn ddddd", s3::msub),
    enc!(SMADDL,     "1 00 11011 001 mmmmm 0 aaaaa nnnnn ddddd", s3::smaddl),
    enc!(SMSUBL,     "1 00 11011 001 mmmmm 1 aaaaa nnnnn ddddd", s3::smsubl),
    // SMULH/UMULH: Ra is should-be-one (11111); other values are CONSTRAINED
    // UNPREDICTABLE and execute as if it were 11111 (Ra is not read).
    enc!(SMULH,      "1 00 11011 010 mmmmm 0 aaaaa nnnnn ddddd", s3::smulh),
    enc!(UMADDL,     "1 00 11011 101 mmmmm 0 aaaaa nnnnn ddddd", s3::umaddl),
    enc!(UMSUBL,     "1 00 11011 101 mmmmm 1 aaaaa nnnnn ddddd", s3::umsubl),
    enc!(UMULH,      "1 00 11011 110 mmmmm 0 aaaaa nnnnn ddddd", s3::umulh),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_words_never_panic() {
        super::super::dp_imm::tests::fuzz_table(TABLE, 200_000);
    }

    #[test]
    fn spot_decodes() {
        // Encodings from the Arm ARM examples, assembled by hand.
        let name = |w: u32| crate::decode::decode(w).map(|e| e.name);
        assert_eq!(name(0x8b02_0020), Some("ADD_shift")); // ADD X0, X1, X2
        assert_eq!(name(0x8b22_6020), Some("ADD_ext")); // ADD X0, X1, X2, UXTX
        assert_eq!(name(0xdac0_0c20), Some("REV")); // REV X0, X1
        assert_eq!(name(0xdac0_0820), Some("REV32")); // REV32 X0, X1
        assert_eq!(name(0x5ac0_0820), Some("REV")); // REV W0, W1
        assert_eq!(name(0x9bc2_7c20), Some("UMULH")); // UMULH X0, X1, X2
        assert_eq!(name(0x1ac2_4c20), None); // CRC32X with sf = 0
        assert_eq!(name(0x9b02_0c20 | (1 << 15)), Some("MSUB"));
    }
}
