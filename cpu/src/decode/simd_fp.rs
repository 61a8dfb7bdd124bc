//! Data processing — scalar floating-point and Advanced SIMD (Arm ARM C4.1,
//! op0 = x111). Lines for the encoding classes of ARMv8.0 FP/AdvSIMD; the model has no
//! FEAT_FP16, FEAT_RDM, FEAT_DotProd, FEAT_FCMA, FEAT_AES/SHA*/SM*, so those encodings
//! have no line (UNDEFINED, before the FP trap). Classes whose instructions are not yet
//! implemented keep their lines with `unimplemented` (FP trap, then UNDEFINED) so this
//! table is also the coverage map.
//!
//! Not present (no line, UNDEFINED): Cryptographic AES `01001110 ss 10100 ooooo 10 n d`,
//! three-register SHA `01011110 ss 0 m 0 ooo 00 n d`, two-register SHA
//! `01011110 ss 10100 ooooo 10 n d`, the v8.2 crypto block `11001110 ...`, AdvSIMD
//! (scalar) three same FP16, two-register misc FP16, three-register extension, FMOV
//! (vector, immediate) half precision (`o2` = 1), and every `ftype` = 0b11 FP form.

use super::Encoding;
use crate::enc;
use crate::exec::fp_move as fm;
use crate::exec::simd_copy as c;
use crate::exec::simd_fp::unimplemented as u;
use crate::exec::simd_logic as l;
use crate::exec::simd_modimm as mi;

/// The table (aligned by hand: one line per encoding).
#[rustfmt::skip]
pub static TABLE: &[Encoding] = &[
    // ---- Advanced SIMD copy: 0 Q op 01110000 imm5 0 imm4 1 Rn Rd
    enc!(DUP_elt,        "0q001110000 iiiii 0 0000 1 nnnnn ddddd", c::dup_elt_vec),
    enc!(DUP_gen,        "0q001110000 iiiii 0 0001 1 nnnnn ddddd", c::dup_gen),
    enc!(INS_gen,        "01001110000 iiiii 0 0011 1 nnnnn ddddd", c::ins_gen),
    enc!(SMOV,           "0q001110000 iiiii 0 0101 1 nnnnn ddddd", c::smov),
    enc!(UMOV,           "0q001110000 iiiii 0 0111 1 nnnnn ddddd", c::umov),
    enc!(INS_elt,        "01101110000 iiiii 0 jjjj 1 nnnnn ddddd", c::ins_elt),
    // ---- Advanced SIMD scalar copy: 01 op 11110000 imm5 0 imm4 1 Rn Rd
    enc!(DUP_elt_scalar, "01011110000 iiiii 0 0000 1 nnnnn ddddd", c::dup_elt_scalar),
    // ---- Advanced SIMD modified immediate: 0 Q op 0111100000 abc cmode o2 1 defgh Rd
    enc!(FMOV_vec_imm_D, "011 0111100000 aaa 1111 0 1 aaaaa ddddd", mi::modimm),
    enc!(FMOV_vec_imm_S, "0q0 0111100000 aaa 1111 0 1 aaaaa ddddd", mi::modimm),
    enc!(MOVI_64,        "0q1 0111100000 aaa 1110 0 1 aaaaa ddddd", mi::modimm),
    enc!(MOVI_8,         "0q0 0111100000 aaa 1110 0 1 aaaaa ddddd", mi::modimm),
    enc!(MOVI_32_msl,    "0q0 0111100000 aaa 110c 0 1 aaaaa ddddd", mi::modimm),
    enc!(MVNI_32_msl,    "0q1 0111100000 aaa 110c 0 1 aaaaa ddddd", mi::modimm),
    enc!(MOVI_16,        "0q0 0111100000 aaa 10c0 0 1 aaaaa ddddd", mi::modimm),
    enc!(MVNI_16,        "0q1 0111100000 aaa 10c0 0 1 aaaaa ddddd", mi::modimm),
    enc!(ORR_vec_imm_16, "0q0 0111100000 aaa 10c1 0 1 aaaaa ddddd", mi::modimm),
    enc!(BIC_vec_imm_16, "0q1 0111100000 aaa 10c1 0 1 aaaaa ddddd", mi::modimm),
    enc!(MOVI_32,        "0q0 0111100000 aaa 0cc0 0 1 aaaaa ddddd", mi::modimm),
    enc!(MVNI_32,        "0q1 0111100000 aaa 0cc0 0 1 aaaaa ddddd", mi::modimm),
    enc!(ORR_vec_imm_32, "0q0 0111100000 aaa 0cc1 0 1 aaaaa ddddd", mi::modimm),
    enc!(BIC_vec_imm_32, "0q1 0111100000 aaa 0cc1 0 1 aaaaa ddddd", mi::modimm),
    // ---- Advanced SIMD three same, logical: 0 Q U 01110 opc2 1 Rm 00011 1 Rn Rd
    enc!(AND_vec,        "0q0 01110 00 1 mmmmm 00011 1 nnnnn ddddd", l::logic),
    enc!(BIC_vec_reg,    "0q0 01110 01 1 mmmmm 00011 1 nnnnn ddddd", l::logic),
    enc!(ORR_vec_reg,    "0q0 01110 10 1 mmmmm 00011 1 nnnnn ddddd", l::logic),
    enc!(ORN_vec,        "0q0 01110 11 1 mmmmm 00011 1 nnnnn ddddd", l::logic),
    enc!(EOR_vec,        "0q1 01110 00 1 mmmmm 00011 1 nnnnn ddddd", l::logic),
    enc!(BSL,            "0q1 01110 01 1 mmmmm 00011 1 nnnnn ddddd", l::logic),
    enc!(BIT,            "0q1 01110 10 1 mmmmm 00011 1 nnnnn ddddd", l::logic),
    enc!(BIF,            "0q1 01110 11 1 mmmmm 00011 1 nnnnn ddddd", l::logic),
    // ---- Advanced SIMD vector classes not implemented yet (class-wide lines)
    enc!(AdvSIMD_three_same,      "0qu 01110 ss 1 mmmmm ooooo 1 nnnnn ddddd", u),
    enc!(AdvSIMD_three_different, "0qu 01110 ss 1 mmmmm oooo 00 nnnnn ddddd", u),
    enc!(AdvSIMD_two_reg_misc,    "0qu 01110 ss 10000 ooooo 10 nnnnn ddddd", u),
    enc!(AdvSIMD_across_lanes,    "0qu 01110 ss 11000 ooooo 10 nnnnn ddddd", u),
    enc!(AdvSIMD_table_lookup,    "0q0 01110 00 0 mmmmm 0 llo 00 nnnnn ddddd", u),
    enc!(AdvSIMD_permute,         "0q0 01110 ss 0 mmmmm 0 ooo 10 nnnnn ddddd", u),
    enc!(AdvSIMD_extract,         "0q1 01110 00 0 mmmmm 0 iiii 0 nnnnn ddddd", u),
    // Shift by immediate: immh (bits 22:19) != 0000, one line per leading one.
    enc!(AdvSIMD_shift_imm_D,     "0qu 011110 1hhh bbb ooooo 1 nnnnn ddddd", u),
    enc!(AdvSIMD_shift_imm_S,     "0qu 011110 01hh bbb ooooo 1 nnnnn ddddd", u),
    enc!(AdvSIMD_shift_imm_H,     "0qu 011110 001h bbb ooooo 1 nnnnn ddddd", u),
    enc!(AdvSIMD_shift_imm_B,     "0qu 011110 0001 bbb ooooo 1 nnnnn ddddd", u),
    enc!(AdvSIMD_vec_x_indexed,   "0qu 01111 ss l m rrrr oooo h 0 nnnnn ddddd", u),
    // ---- Advanced SIMD scalar classes not implemented yet
    enc!(AdvSIMD_scalar_three_same,      "01u 11110 ss 1 mmmmm ooooo 1 nnnnn ddddd", u),
    enc!(AdvSIMD_scalar_three_different, "01u 11110 ss 1 mmmmm oooo 00 nnnnn ddddd", u),
    enc!(AdvSIMD_scalar_two_reg_misc,    "01u 11110 ss 10000 ooooo 10 nnnnn ddddd", u),
    enc!(AdvSIMD_scalar_pairwise,        "01u 11110 ss 11000 ooooo 10 nnnnn ddddd", u),
    enc!(AdvSIMD_scalar_shift_imm_D,     "01u 111110 1hhh bbb ooooo 1 nnnnn ddddd", u),
    enc!(AdvSIMD_scalar_shift_imm_S,     "01u 111110 01hh bbb ooooo 1 nnnnn ddddd", u),
    enc!(AdvSIMD_scalar_shift_imm_H,     "01u 111110 001h bbb ooooo 1 nnnnn ddddd", u),
    enc!(AdvSIMD_scalar_shift_imm_B,     "01u 111110 0001 bbb ooooo 1 nnnnn ddddd", u),
    enc!(AdvSIMD_scalar_x_indexed,       "01u 11111 ss l m rrrr oooo h 0 nnnnn ddddd", u),
    // The FP arithmetic, compare, select and conversion lines of the classes below are
    // in decode/fp.rs (searched first); only the register moves are here.
    // ---- Conversion between FP and integer: sf 0 0 11110 ftype 1 rmode opcode 000000 Rn Rd
    enc!(FMOV_gen_W_S,   "000 11110 00 1 00 110 000000 nnnnn ddddd", fm::fmov_to_gen),
    enc!(FMOV_gen_S_W,   "000 11110 00 1 00 111 000000 nnnnn ddddd", fm::fmov_from_gen),
    enc!(FMOV_gen_X_D,   "100 11110 01 1 00 110 000000 nnnnn ddddd", fm::fmov_to_gen),
    enc!(FMOV_gen_D_X,   "100 11110 01 1 00 111 000000 nnnnn ddddd", fm::fmov_from_gen),
    enc!(FMOV_gen_X_D1,  "100 11110 10 1 01 110 000000 nnnnn ddddd", fm::fmov_to_gen_top),
    enc!(FMOV_gen_D1_X,  "100 11110 10 1 01 111 000000 nnnnn ddddd", fm::fmov_from_gen_top),
    // ---- Conversion between FP and fixed-point: sf 0 0 11110 ftype 0 rmode opcode scale Rn Rd
    // ---- FP data-processing (1 source): 000 11110 ftype 1 opcode 10000 Rn Rd
    enc!(FMOV_reg,       "000 11110 0t 1 000000 10000 nnnnn ddddd", fm::fmov_reg),
    // ---- FP compare: 000 11110 ftype 1 Rm op 1000 Rn opcode2 (E, Z, 000)
    // ---- FP immediate: 000 11110 ftype 1 imm8 100 imm5=00000 Rd
    enc!(FMOV_imm,       "000 11110 0t 1 iiiiiiii 100 00000 ddddd", fm::fmov_imm),
    // ---- FP conditional compare: 000 11110 ftype 1 Rm cond 01 Rn op nzcv
    // ---- FP data-processing (2 source): 000 11110 ftype 1 Rm opcode 10 Rn Rd
    // ---- FP conditional select: 000 11110 ftype 1 Rm cond 11 Rn Rd
    // ---- FP data-processing (3 source): 000 11111 ftype o1 Rm o0 Ra Rn Rd
];

#[cfg(test)]
mod tests {
    use super::{Encoding, TABLE};

    /// The first line of THIS table matching `w` (the tables searched before this one
    /// shadow its class-wide fall-back lines on purpose, so these tests look here only).
    fn first(w: u32) -> Option<&'static Encoding> {
        TABLE.iter().find(|e| e.matches(w))
    }

    #[test]
    fn no_line_is_shadowed() {
        // Every line decodes its own all-fields-zero word and, for random field values,
        // at least sometimes wins over the lines above it.
        crate::decode::test_support::assert_every_line_wins(TABLE, 0x1234_5678_9abc_def0, first);
    }

    #[test]
    fn assembled_instructions_decode_to_their_lines() {
        let code = crate::a64!(
            ; dup v0.s4, v1.s[1] ; dup v0.h8, w1 ; ins v0.b[3], w1 ; smov x0, v1.h[3]
            ; umov w0, v1.b[2] ; ins v0.s[1], v1.s[3] ; mov h0, v1.h[2]
            ; movi v0.d2, 0xff00ff00ff00ff00 ; movi v0.b8, 7 ; movi v0.s4, 1, lsl 8
            ; mvni v0.s2, 1, msl 8 ; orr v0.h8, 3, lsl 8 ; bic v0.s4, 3 ; fmov v0.d2, 1.0
            ; fmov v0.s2, 1.0 ; and v0.b16, v1.b16, v2.b16 ; bif v0.b8, v1.b8, v2.b8
            ; fmov w0, s1 ; fmov s0, w1 ; fmov x0, d1 ; fmov d0, x1 ; fmov x0, v1.d[1]
            ; fmov v0.d[1], x1 ; fmov d0, d1 ; fmov s0, 0.5 ; add v0.s4, v1.s4, v2.s4
            ; ushr v0.d2, v1.d2, 3 ; ext v0.b16, v1.b16, v2.b16, 3 ; tbl v0.b16, {v1.b16}, v2.b16
            ; zip1 v0.s4, v1.s4, v2.s4 ; addv s0, v1.s4 ; fmul v0.s4, v1.s4, v2.s[1]
            ; add d0, d1, d2 ; sshr d0, d1, 3 ; cmeq d0, d1, 0 ; addp d0, v1.d2 ; fmul s0, s1, v2.s[1]
        );
        let names = [
            "DUP_elt",
            "DUP_gen",
            "INS_gen",
            "SMOV",
            "UMOV",
            "INS_elt",
            "DUP_elt_scalar",
            "MOVI_64",
            "MOVI_8",
            "MOVI_32",
            "MVNI_32_msl",
            "ORR_vec_imm_16",
            "BIC_vec_imm_32",
            "FMOV_vec_imm_D",
            "FMOV_vec_imm_S",
            "AND_vec",
            "BIF",
            "FMOV_gen_W_S",
            "FMOV_gen_S_W",
            "FMOV_gen_X_D",
            "FMOV_gen_D_X",
            "FMOV_gen_X_D1",
            "FMOV_gen_D1_X",
            "FMOV_reg",
            "FMOV_imm",
            "AdvSIMD_three_same",
            "AdvSIMD_shift_imm_D",
            "AdvSIMD_extract",
            "AdvSIMD_table_lookup",
            "AdvSIMD_permute",
            "AdvSIMD_across_lanes",
            "AdvSIMD_vec_x_indexed",
            "AdvSIMD_scalar_three_same",
            "AdvSIMD_scalar_shift_imm_D",
            "AdvSIMD_scalar_two_reg_misc",
            "AdvSIMD_scalar_pairwise",
            "AdvSIMD_scalar_x_indexed",
        ];
        assert_eq!(code.len(), names.len() * 4);
        for (k, name) in names.iter().enumerate() {
            let w = u32::from_le_bytes([code[4 * k], code[4 * k + 1], code[4 * k + 2], code[4 * k + 3]]);
            assert_eq!(first(w).map(|e| e.name), Some(*name), "insn {k} ({w:#010x})");
        }
    }
}
