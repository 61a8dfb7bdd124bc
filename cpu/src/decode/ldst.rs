//! Loads and stores (Arm ARM C4.1.66, op0 = x1x0), ARMv8.0 + FEAT_LSE.
//!
//! Fields: `ss` size, `z` 32/64-bit, `o` opc bits, `iii` immediates, `mmmmm` Rm,
//! `sssss` Rs, `uuuuu` Rt2, `nnnnn` Rn, `ttttt` Rt, `x1x` the register-offset option
//! (option<1> = 0 is unallocated), `S` the offset scaling bit, `a`/`r` acquire/release;
//! in the AdvSIMD structure lines `S` is the lane-index bit and `s` size bits.
//! Encodings of later extensions (LDAPR, STLUR/LDAPUR, LDRAA, MTE, LOR's LDLAR/STLLR)
//! have no line: UNDEFINED in this ARMv8.0 model.

use super::Encoding;
use crate::enc;
use crate::exec::{
    atomic as at, ldst as ls, ldst_exclusive as lx, ldst_pair as lp, ldst_simd as lv, ldst_struct as st,
};

/// The table (aligned by hand: one line per encoding).
#[rustfmt::skip]
pub static TABLE: &[Encoding] = &[
    // --- Advanced SIMD load/store multiple structures: 0 Q 0011000 L 000000 opcode size Rn Rt,
    // post-indexed 0 Q 0011001 L 0 Rm opcode size Rn Rt (Rm = 31: immediate). Opcodes
    // 0001, 0011, 0101, 1001, 1011-1111 are unallocated; .1D with LD2-LD4/ST2-ST4 is
    // UNDEFINED in the handler.
    enc!(ST4_mult,             "0q 0011000 0 000000 0000 ss nnnnn ttttt", st::ldst_multiple),
    enc!(ST1_mult_x4,          "0q 0011000 0 000000 0010 ss nnnnn ttttt", st::ldst_multiple),
    enc!(ST3_mult,             "0q 0011000 0 000000 0100 ss nnnnn ttttt", st::ldst_multiple),
    enc!(ST1_mult_x3,          "0q 0011000 0 000000 0110 ss nnnnn ttttt", st::ldst_multiple),
    enc!(ST1_mult_x1,          "0q 0011000 0 000000 0111 ss nnnnn ttttt", st::ldst_multiple),
    enc!(ST2_mult,             "0q 0011000 0 000000 1000 ss nnnnn ttttt", st::ldst_multiple),
    enc!(ST1_mult_x2,          "0q 0011000 0 000000 1010 ss nnnnn ttttt", st::ldst_multiple),
    enc!(LD4_mult,             "0q 0011000 1 000000 0000 ss nnnnn ttttt", st::ldst_multiple),
    enc!(LD1_mult_x4,          "0q 0011000 1 000000 0010 ss nnnnn ttttt", st::ldst_multiple),
    enc!(LD3_mult,             "0q 0011000 1 000000 0100 ss nnnnn ttttt", st::ldst_multiple),
    enc!(LD1_mult_x3,          "0q 0011000 1 000000 0110 ss nnnnn ttttt", st::ldst_multiple),
    enc!(LD1_mult_x1,          "0q 0011000 1 000000 0111 ss nnnnn ttttt", st::ldst_multiple),
    enc!(LD2_mult,             "0q 0011000 1 000000 1000 ss nnnnn ttttt", st::ldst_multiple),
    enc!(LD1_mult_x2,          "0q 0011000 1 000000 1010 ss nnnnn ttttt", st::ldst_multiple),
    enc!(ST4_mult_post,        "0q 0011001 0 0 mmmmm 0000 ss nnnnn ttttt", st::ldst_multiple),
    enc!(ST1_mult_x4_post,     "0q 0011001 0 0 mmmmm 0010 ss nnnnn ttttt", st::ldst_multiple),
    enc!(ST3_mult_post,        "0q 0011001 0 0 mmmmm 0100 ss nnnnn ttttt", st::ldst_multiple),
    enc!(ST1_mult_x3_post,     "0q 0011001 0 0 mmmmm 0110 ss nnnnn ttttt", st::ldst_multiple),
    enc!(ST1_mult_x1_post,     "0q 0011001 0 0 mmmmm 0111 ss nnnnn ttttt", st::ldst_multiple),
    enc!(ST2_mult_post,        "0q 0011001 0 0 mmmmm 1000 ss nnnnn ttttt", st::ldst_multiple),
    enc!(ST1_mult_x2_post,     "0q 0011001 0 0 mmmmm 1010 ss nnnnn ttttt", st::ldst_multiple),
    enc!(LD4_mult_post,        "0q 0011001 1 0 mmmmm 0000 ss nnnnn ttttt", st::ldst_multiple),
    enc!(LD1_mult_x4_post,     "0q 0011001 1 0 mmmmm 0010 ss nnnnn ttttt", st::ldst_multiple),
    enc!(LD3_mult_post,        "0q 0011001 1 0 mmmmm 0100 ss nnnnn ttttt", st::ldst_multiple),
    enc!(LD1_mult_x3_post,     "0q 0011001 1 0 mmmmm 0110 ss nnnnn ttttt", st::ldst_multiple),
    enc!(LD1_mult_x1_post,     "0q 0011001 1 0 mmmmm 0111 ss nnnnn ttttt", st::ldst_multiple),
    enc!(LD2_mult_post,        "0q 0011001 1 0 mmmmm 1000 ss nnnnn ttttt", st::ldst_multiple),
    enc!(LD1_mult_x2_post,     "0q 0011001 1 0 mmmmm 1010 ss nnnnn ttttt", st::ldst_multiple),
    // --- Advanced SIMD load/store single structure: 0 Q 0011010 L R 00000 opcode S size Rn Rt,
    // post-indexed 0 Q 0011011 L R Rm opcode S size Rn Rt. opcode<2:1> is the scale
    // (B, H, S/D, replicate), opcode<0>:R + 1 the registers; the reserved size/S
    // combinations and STnR have no line.
    enc!(ST1_single_B,         "0q 0011010 0 0 00000 000 S ss nnnnn ttttt", st::ldst_single),
    enc!(ST1_single_H,         "0q 0011010 0 0 00000 010 S s0 nnnnn ttttt", st::ldst_single),
    enc!(ST1_single_S,         "0q 0011010 0 0 00000 100 S 00 nnnnn ttttt", st::ldst_single),
    enc!(ST1_single_D,         "0q 0011010 0 0 00000 100 0 01 nnnnn ttttt", st::ldst_single),
    enc!(ST2_single_B,         "0q 0011010 0 1 00000 000 S ss nnnnn ttttt", st::ldst_single),
    enc!(ST2_single_H,         "0q 0011010 0 1 00000 010 S s0 nnnnn ttttt", st::ldst_single),
    enc!(ST2_single_S,         "0q 0011010 0 1 00000 100 S 00 nnnnn ttttt", st::ldst_single),
    enc!(ST2_single_D,         "0q 0011010 0 1 00000 100 0 01 nnnnn ttttt", st::ldst_single),
    enc!(ST3_single_B,         "0q 0011010 0 0 00000 001 S ss nnnnn ttttt", st::ldst_single),
    enc!(ST3_single_H,         "0q 0011010 0 0 00000 011 S s0 nnnnn ttttt", st::ldst_single),
    enc!(ST3_single_S,         "0q 0011010 0 0 00000 101 S 00 nnnnn ttttt", st::ldst_single),
    enc!(ST3_single_D,         "0q 0011010 0 0 00000 101 0 01 nnnnn ttttt", st::ldst_single),
    enc!(ST4_single_B,         "0q 0011010 0 1 00000 001 S ss nnnnn ttttt", st::ldst_single),
    enc!(ST4_single_H,         "0q 0011010 0 1 00000 011 S s0 nnnnn ttttt", st::ldst_single),
    enc!(ST4_single_S,         "0q 0011010 0 1 00000 101 S 00 nnnnn ttttt", st::ldst_single),
    enc!(ST4_single_D,         "0q 0011010 0 1 00000 101 0 01 nnnnn ttttt", st::ldst_single),
    enc!(LD1_single_B,         "0q 0011010 1 0 00000 000 S ss nnnnn ttttt", st::ldst_single),
    enc!(LD1_single_H,         "0q 0011010 1 0 00000 010 S s0 nnnnn ttttt", st::ldst_single),
    enc!(LD1_single_S,         "0q 0011010 1 0 00000 100 S 00 nnnnn ttttt", st::ldst_single),
    enc!(LD1_single_D,         "0q 0011010 1 0 00000 100 0 01 nnnnn ttttt", st::ldst_single),
    enc!(LD2_single_B,         "0q 0011010 1 1 00000 000 S ss nnnnn ttttt", st::ldst_single),
    enc!(LD2_single_H,         "0q 0011010 1 1 00000 010 S s0 nnnnn ttttt", st::ldst_single),
    enc!(LD2_single_S,         "0q 0011010 1 1 00000 100 S 00 nnnnn ttttt", st::ldst_single),
    enc!(LD2_single_D,         "0q 0011010 1 1 00000 100 0 01 nnnnn ttttt", st::ldst_single),
    enc!(LD3_single_B,         "0q 0011010 1 0 00000 001 S ss nnnnn ttttt", st::ldst_single),
    enc!(LD3_single_H,         "0q 0011010 1 0 00000 011 S s0 nnnnn ttttt", st::ldst_single),
    enc!(LD3_single_S,         "0q 0011010 1 0 00000 101 S 00 nnnnn ttttt", st::ldst_single),
    enc!(LD3_single_D,         "0q 0011010 1 0 00000 101 0 01 nnnnn ttttt", st::ldst_single),
    enc!(LD4_single_B,         "0q 0011010 1 1 00000 001 S ss nnnnn ttttt", st::ldst_single),
    enc!(LD4_single_H,         "0q 0011010 1 1 00000 011 S s0 nnnnn ttttt", st::ldst_single),
    enc!(LD4_single_S,         "0q 0011010 1 1 00000 101 S 00 nnnnn ttttt", st::ldst_single),
    enc!(LD4_single_D,         "0q 0011010 1 1 00000 101 0 01 nnnnn ttttt", st::ldst_single),
    enc!(LD1R,                 "0q 0011010 1 0 00000 110 0 ss nnnnn ttttt", st::ldst_single),
    enc!(LD2R,                 "0q 0011010 1 1 00000 110 0 ss nnnnn ttttt", st::ldst_single),
    enc!(LD3R,                 "0q 0011010 1 0 00000 111 0 ss nnnnn ttttt", st::ldst_single),
    enc!(LD4R,                 "0q 0011010 1 1 00000 111 0 ss nnnnn ttttt", st::ldst_single),
    enc!(ST1_single_B_post,    "0q 0011011 0 0 mmmmm 000 S ss nnnnn ttttt", st::ldst_single),
    enc!(ST1_single_H_post,    "0q 0011011 0 0 mmmmm 010 S s0 nnnnn ttttt", st::ldst_single),
    enc!(ST1_single_S_post,    "0q 0011011 0 0 mmmmm 100 S 00 nnnnn ttttt", st::ldst_single),
    enc!(ST1_single_D_post,    "0q 0011011 0 0 mmmmm 100 0 01 nnnnn ttttt", st::ldst_single),
    enc!(ST2_single_B_post,    "0q 0011011 0 1 mmmmm 000 S ss nnnnn ttttt", st::ldst_single),
    enc!(ST2_single_H_post,    "0q 0011011 0 1 mmmmm 010 S s0 nnnnn ttttt", st::ldst_single),
    enc!(ST2_single_S_post,    "0q 0011011 0 1 mmmmm 100 S 00 nnnnn ttttt", st::ldst_single),
    enc!(ST2_single_D_post,    "0q 0011011 0 1 mmmmm 100 0 01 nnnnn ttttt", st::ldst_single),
    enc!(ST3_single_B_post,    "0q 0011011 0 0 mmmmm 001 S ss nnnnn ttttt", st::ldst_single),
    enc!(ST3_single_H_post,    "0q 0011011 0 0 mmmmm 011 S s0 nnnnn ttttt", st::ldst_single),
    enc!(ST3_single_S_post,    "0q 0011011 0 0 mmmmm 101 S 00 nnnnn ttttt", st::ldst_single),
    enc!(ST3_single_D_post,    "0q 0011011 0 0 mmmmm 101 0 01 nnnnn ttttt", st::ldst_single),
    enc!(ST4_single_B_post,    "0q 0011011 0 1 mmmmm 001 S ss nnnnn ttttt", st::ldst_single),
    enc!(ST4_single_H_post,    "0q 0011011 0 1 mmmmm 011 S s0 nnnnn ttttt", st::ldst_single),
    enc!(ST4_single_S_post,    "0q 0011011 0 1 mmmmm 101 S 00 nnnnn ttttt", st::ldst_single),
    enc!(ST4_single_D_post,    "0q 0011011 0 1 mmmmm 101 0 01 nnnnn ttttt", st::ldst_single),
    enc!(LD1_single_B_post,    "0q 0011011 1 0 mmmmm 000 S ss nnnnn ttttt", st::ldst_single),
    enc!(LD1_single_H_post,    "0q 0011011 1 0 mmmmm 010 S s0 nnnnn ttttt", st::ldst_single),
    enc!(LD1_single_S_post,    "0q 0011011 1 0 mmmmm 100 S 00 nnnnn ttttt", st::ldst_single),
    enc!(LD1_single_D_post,    "0q 0011011 1 0 mmmmm 100 0 01 nnnnn ttttt", st::ldst_single),
    enc!(LD2_single_B_post,    "0q 0011011 1 1 mmmmm 000 S ss nnnnn ttttt", st::ldst_single),
    enc!(LD2_single_H_post,    "0q 0011011 1 1 mmmmm 010 S s0 nnnnn ttttt", st::ldst_single),
    enc!(LD2_single_S_post,    "0q 0011011 1 1 mmmmm 100 S 00 nnnnn ttttt", st::ldst_single),
    enc!(LD2_single_D_post,    "0q 0011011 1 1 mmmmm 100 0 01 nnnnn ttttt", st::ldst_single),
    enc!(LD3_single_B_post,    "0q 0011011 1 0 mmmmm 001 S ss nnnnn ttttt", st::ldst_single),
    enc!(LD3_single_H_post,    "0q 0011011 1 0 mmmmm 011 S s0 nnnnn ttttt", st::ldst_single),
    enc!(LD3_single_S_post,    "0q 0011011 1 0 mmmmm 101 S 00 nnnnn ttttt", st::ldst_single),
    enc!(LD3_single_D_post,    "0q 0011011 1 0 mmmmm 101 0 01 nnnnn ttttt", st::ldst_single),
    enc!(LD4_single_B_post,    "0q 0011011 1 1 mmmmm 001 S ss nnnnn ttttt", st::ldst_single),
    enc!(LD4_single_H_post,    "0q 0011011 1 1 mmmmm 011 S s0 nnnnn ttttt", st::ldst_single),
    enc!(LD4_single_S_post,    "0q 0011011 1 1 mmmmm 101 S 00 nnnnn ttttt", st::ldst_single),
    enc!(LD4_single_D_post,    "0q 0011011 1 1 mmmmm 101 0 01 nnnnn ttttt", st::ldst_single),
    enc!(LD1R_post,            "0q 0011011 1 0 mmmmm 110 0 ss nnnnn ttttt", st::ldst_single),
    enc!(LD2R_post,            "0q 0011011 1 1 mmmmm 110 0 ss nnnnn ttttt", st::ldst_single),
    enc!(LD3R_post,            "0q 0011011 1 0 mmmmm 111 0 ss nnnnn ttttt", st::ldst_single),
    enc!(LD4R_post,            "0q 0011011 1 1 mmmmm 111 0 ss nnnnn ttttt", st::ldst_single),

    // --- Load/store exclusive, load-acquire/store-release (size 001000 o2 L o1 Rs o0 Rt2).
    // Rt2 (and Rs of the loads) are should-be-one fields: ignored, as QEMU does.
    enc!(STXRB,   "00 001000 000 sssss 0 uuuuu nnnnn ttttt", lx::stxr),
    enc!(STLXRB,  "00 001000 000 sssss 1 uuuuu nnnnn ttttt", lx::stxr),
    enc!(LDXRB,   "00 001000 010 sssss 0 uuuuu nnnnn ttttt", lx::ldxr),
    enc!(LDAXRB,  "00 001000 010 sssss 1 uuuuu nnnnn ttttt", lx::ldxr),
    enc!(STXRH,   "01 001000 000 sssss 0 uuuuu nnnnn ttttt", lx::stxr),
    enc!(STLXRH,  "01 001000 000 sssss 1 uuuuu nnnnn ttttt", lx::stxr),
    enc!(LDXRH,   "01 001000 010 sssss 0 uuuuu nnnnn ttttt", lx::ldxr),
    enc!(LDAXRH,  "01 001000 010 sssss 1 uuuuu nnnnn ttttt", lx::ldxr),
    enc!(STXR,    "1z 001000 000 sssss 0 uuuuu nnnnn ttttt", lx::stxr),
    enc!(STLXR,   "1z 001000 000 sssss 1 uuuuu nnnnn ttttt", lx::stxr),
    enc!(LDXR,    "1z 001000 010 sssss 0 uuuuu nnnnn ttttt", lx::ldxr),
    enc!(LDAXR,   "1z 001000 010 sssss 1 uuuuu nnnnn ttttt", lx::ldxr),
    enc!(STXP,    "1z 001000 001 sssss 0 uuuuu nnnnn ttttt", lx::stxp),
    enc!(STLXP,   "1z 001000 001 sssss 1 uuuuu nnnnn ttttt", lx::stxp),
    enc!(LDXP,    "1z 001000 011 sssss 0 uuuuu nnnnn ttttt", lx::ldxp),
    enc!(LDAXP,   "1z 001000 011 sssss 1 uuuuu nnnnn ttttt", lx::ldxp),
    // CASP, CASPA, CASPL, CASPAL (FEAT_LSE) in the size=0x pair space.
    enc!(CASP,    "0z 001000 0 a 1 sssss r 11111 nnnnn ttttt", at::casp),
    // o0 = 0 forms (STLLR/LDLAR) are FEAT_LOR: no line.
    enc!(STLRB,   "00 001000 100 sssss 1 uuuuu nnnnn ttttt", lx::stlr),
    enc!(LDARB,   "00 001000 110 sssss 1 uuuuu nnnnn ttttt", lx::ldar),
    enc!(STLRH,   "01 001000 100 sssss 1 uuuuu nnnnn ttttt", lx::stlr),
    enc!(LDARH,   "01 001000 110 sssss 1 uuuuu nnnnn ttttt", lx::ldar),
    enc!(STLR,    "1z 001000 100 sssss 1 uuuuu nnnnn ttttt", lx::stlr),
    enc!(LDAR,    "1z 001000 110 sssss 1 uuuuu nnnnn ttttt", lx::ldar),
    // CAS, CASA, CASL, CASAL and their B/H forms (FEAT_LSE).
    enc!(CASB,    "00 001000 1 a 1 sssss r 11111 nnnnn ttttt", at::cas),
    enc!(CASH,    "01 001000 1 a 1 sssss r 11111 nnnnn ttttt", at::cas),
    enc!(CAS,     "1z 001000 1 a 1 sssss r 11111 nnnnn ttttt", at::cas),

    // --- Load register (literal).
    enc!(LDR_lit,     "0z 011 0 00 iiiiiiiiiiiiiiiiiii ttttt", ls::ldr_lit),
    enc!(LDRSW_lit,   "10 011 0 00 iiiiiiiiiiiiiiiiiii ttttt", ls::ldr_lit),
    enc!(PRFM_lit,    "11 011 0 00 iiiiiiiiiiiiiiiiiii ttttt", ls::prfm),
    enc!(LDR_lit_fp,  "oo 011 1 00 iiiiiiiiiiiiiiiiiii ttttt", lv::ldr_lit_fp),

    // --- Load/store pair: opc 101 V idx(000 non-temporal, 001 post, 010 offset, 011 pre) L.
    enc!(STNP,        "z0 101 0 000 0 iiiiiii uuuuu nnnnn ttttt", lp::ldst_pair_op::<false, 0>),
    enc!(LDNP,        "z0 101 0 000 1 iiiiiii uuuuu nnnnn ttttt", lp::ldst_pair_op::<true, 0>),
    enc!(STP_post,    "z0 101 0 001 0 iiiiiii uuuuu nnnnn ttttt", lp::ldst_pair_op::<false, 1>),
    enc!(LDP_post,    "z0 101 0 001 1 iiiiiii uuuuu nnnnn ttttt", lp::ldst_pair_op::<true, 1>),
    enc!(LDPSW_post,  "01 101 0 001 1 iiiiiii uuuuu nnnnn ttttt", lp::ldst_pair_op::<true, 1>),
    enc!(STP_off,     "z0 101 0 010 0 iiiiiii uuuuu nnnnn ttttt", lp::ldst_pair_op::<false, 2>),
    enc!(LDP_off,     "z0 101 0 010 1 iiiiiii uuuuu nnnnn ttttt", lp::ldst_pair_op::<true, 2>),
    enc!(LDPSW_off,   "01 101 0 010 1 iiiiiii uuuuu nnnnn ttttt", lp::ldst_pair_op::<true, 2>),
    enc!(STP_pre,     "z0 101 0 011 0 iiiiiii uuuuu nnnnn ttttt", lp::ldst_pair_op::<false, 3>),
    enc!(LDP_pre,     "z0 101 0 011 1 iiiiiii uuuuu nnnnn ttttt", lp::ldst_pair_op::<true, 3>),
    enc!(LDPSW_pre,   "01 101 0 011 1 iiiiiii uuuuu nnnnn ttttt", lp::ldst_pair_op::<true, 3>),
    // SIMD&FP pairs: opc 00 S, 01 D, 10 Q (11 UNDEFINED in the handler).
    enc!(STNP_fp,     "oo 101 1 000 0 iiiiiii uuuuu nnnnn ttttt", lv::ldst_pair_fp),
    enc!(LDNP_fp,     "oo 101 1 000 1 iiiiiii uuuuu nnnnn ttttt", lv::ldst_pair_fp),
    enc!(STP_post_fp, "oo 101 1 001 0 iiiiiii uuuuu nnnnn ttttt", lv::ldst_pair_fp),
    enc!(LDP_post_fp, "oo 101 1 001 1 iiiiiii uuuuu nnnnn ttttt", lv::ldst_pair_fp),
    enc!(STP_off_fp,  "oo 101 1 010 0 iiiiiii uuuuu nnnnn ttttt", lv::ldst_pair_fp),
    enc!(LDP_off_fp,  "oo 101 1 010 1 iiiiiii uuuuu nnnnn ttttt", lv::ldst_pair_fp),
    enc!(STP_pre_fp,  "oo 101 1 011 0 iiiiiii uuuuu nnnnn ttttt", lv::ldst_pair_fp),
    enc!(LDP_pre_fp,  "oo 101 1 011 1 iiiiiii uuuuu nnnnn ttttt", lv::ldst_pair_fp),

    // --- Load/store register (unscaled immediate): bits 11:10 = 00.
    enc!(STURB,   "00 111 0 00 00 0 iiiiiiiii 00 nnnnn ttttt", ls::ldst_imm9_op::<0, 0, 0>),
    enc!(LDURB,   "00 111 0 00 01 0 iiiiiiiii 00 nnnnn ttttt", ls::ldst_imm9_op::<0, 1, 0>),
    enc!(LDURSB,  "00 111 0 00 1o 0 iiiiiiiii 00 nnnnn ttttt", ls::ldst_imm9),
    enc!(STURH,   "01 111 0 00 00 0 iiiiiiiii 00 nnnnn ttttt", ls::ldst_imm9_op::<1, 0, 0>),
    enc!(LDURH,   "01 111 0 00 01 0 iiiiiiiii 00 nnnnn ttttt", ls::ldst_imm9_op::<1, 1, 0>),
    enc!(LDURSH,  "01 111 0 00 1o 0 iiiiiiiii 00 nnnnn ttttt", ls::ldst_imm9),
    enc!(STUR_W,  "10 111 0 00 00 0 iiiiiiiii 00 nnnnn ttttt", ls::ldst_imm9_op::<2, 0, 0>),
    enc!(STUR_X,  "11 111 0 00 00 0 iiiiiiiii 00 nnnnn ttttt", ls::ldst_imm9_op::<3, 0, 0>),
    enc!(LDUR_W,  "10 111 0 00 01 0 iiiiiiiii 00 nnnnn ttttt", ls::ldst_imm9_op::<2, 1, 0>),
    enc!(LDUR_X,  "11 111 0 00 01 0 iiiiiiiii 00 nnnnn ttttt", ls::ldst_imm9_op::<3, 1, 0>),
    enc!(LDURSW,  "10 111 0 00 10 0 iiiiiiiii 00 nnnnn ttttt", ls::ldst_imm9_op::<2, 2, 0>),
    enc!(PRFUM,   "11 111 0 00 10 0 iiiiiiiii 00 nnnnn ttttt", ls::prfm),
    enc!(STUR_fp, "ss 111 1 00 o0 0 iiiiiiiii 00 nnnnn ttttt", lv::ldst_imm9_fp),
    enc!(LDUR_fp, "ss 111 1 00 o1 0 iiiiiiiii 00 nnnnn ttttt", lv::ldst_imm9_fp),

    // --- Load/store register (immediate post-indexed): bits 11:10 = 01.
    enc!(STRB_imm_post,  "00 111 0 00 00 0 iiiiiiiii 01 nnnnn ttttt", ls::ldst_imm9_op::<0, 0, 1>),
    enc!(LDRB_imm_post,  "00 111 0 00 01 0 iiiiiiiii 01 nnnnn ttttt", ls::ldst_imm9_op::<0, 1, 1>),
    enc!(LDRSB_imm_post, "00 111 0 00 1o 0 iiiiiiiii 01 nnnnn ttttt", ls::ldst_imm9),
    enc!(STRH_imm_post,  "01 111 0 00 00 0 iiiiiiiii 01 nnnnn ttttt", ls::ldst_imm9_op::<1, 0, 1>),
    enc!(LDRH_imm_post,  "01 111 0 00 01 0 iiiiiiiii 01 nnnnn ttttt", ls::ldst_imm9_op::<1, 1, 1>),
    enc!(LDRSH_imm_post, "01 111 0 00 1o 0 iiiiiiiii 01 nnnnn ttttt", ls::ldst_imm9),
    enc!(STR_imm_post_W, "10 111 0 00 00 0 iiiiiiiii 01 nnnnn ttttt", ls::ldst_imm9_op::<2, 0, 1>),
    enc!(STR_imm_post_X, "11 111 0 00 00 0 iiiiiiiii 01 nnnnn ttttt", ls::ldst_imm9_op::<3, 0, 1>),
    enc!(LDR_imm_post_W, "10 111 0 00 01 0 iiiiiiiii 01 nnnnn ttttt", ls::ldst_imm9_op::<2, 1, 1>),
    enc!(LDR_imm_post_X, "11 111 0 00 01 0 iiiiiiiii 01 nnnnn ttttt", ls::ldst_imm9_op::<3, 1, 1>),
    enc!(LDRSW_imm_post, "10 111 0 00 10 0 iiiiiiiii 01 nnnnn ttttt", ls::ldst_imm9_op::<2, 2, 1>),
    enc!(STR_imm_post_fp, "ss 111 1 00 o0 0 iiiiiiiii 01 nnnnn ttttt", lv::ldst_imm9_fp),
    enc!(LDR_imm_post_fp, "ss 111 1 00 o1 0 iiiiiiiii 01 nnnnn ttttt", lv::ldst_imm9_fp),

    // --- Load/store register (unprivileged): bits 11:10 = 10 (no SIMD&FP forms).
    enc!(STTRB,   "00 111 0 00 00 0 iiiiiiiii 10 nnnnn ttttt", ls::ldst_unpriv),
    enc!(LDTRB,   "00 111 0 00 01 0 iiiiiiiii 10 nnnnn ttttt", ls::ldst_unpriv),
    enc!(LDTRSB,  "00 111 0 00 1o 0 iiiiiiiii 10 nnnnn ttttt", ls::ldst_unpriv),
    enc!(STTRH,   "01 111 0 00 00 0 iiiiiiiii 10 nnnnn ttttt", ls::ldst_unpriv),
    enc!(LDTRH,   "01 111 0 00 01 0 iiiiiiiii 10 nnnnn ttttt", ls::ldst_unpriv),
    enc!(LDTRSH,  "01 111 0 00 1o 0 iiiiiiiii 10 nnnnn ttttt", ls::ldst_unpriv),
    enc!(STTR,    "1z 111 0 00 00 0 iiiiiiiii 10 nnnnn ttttt", ls::ldst_unpriv),
    enc!(LDTR,    "1z 111 0 00 01 0 iiiiiiiii 10 nnnnn ttttt", ls::ldst_unpriv),
    enc!(LDTRSW,  "10 111 0 00 10 0 iiiiiiiii 10 nnnnn ttttt", ls::ldst_unpriv),

    // --- Load/store register (immediate pre-indexed): bits 11:10 = 11.
    enc!(STRB_imm_pre,  "00 111 0 00 00 0 iiiiiiiii 11 nnnnn ttttt", ls::ldst_imm9_op::<0, 0, 3>),
    enc!(LDRB_imm_pre,  "00 111 0 00 01 0 iiiiiiiii 11 nnnnn ttttt", ls::ldst_imm9_op::<0, 1, 3>),
    enc!(LDRSB_imm_pre, "00 111 0 00 1o 0 iiiiiiiii 11 nnnnn ttttt", ls::ldst_imm9),
    enc!(STRH_imm_pre,  "01 111 0 00 00 0 iiiiiiiii 11 nnnnn ttttt", ls::ldst_imm9_op::<1, 0, 3>),
    enc!(LDRH_imm_pre,  "01 111 0 00 01 0 iiiiiiiii 11 nnnnn ttttt", ls::ldst_imm9_op::<1, 1, 3>),
    enc!(LDRSH_imm_pre, "01 111 0 00 1o 0 iiiiiiiii 11 nnnnn ttttt", ls::ldst_imm9),
    enc!(STR_imm_pre_W, "10 111 0 00 00 0 iiiiiiiii 11 nnnnn ttttt", ls::ldst_imm9_op::<2, 0, 3>),
    enc!(STR_imm_pre_X, "11 111 0 00 00 0 iiiiiiiii 11 nnnnn ttttt", ls::ldst_imm9_op::<3, 0, 3>),
    enc!(LDR_imm_pre_W, "10 111 0 00 01 0 iiiiiiiii 11 nnnnn ttttt", ls::ldst_imm9_op::<2, 1, 3>),
    enc!(LDR_imm_pre_X, "11 111 0 00 01 0 iiiiiiiii 11 nnnnn ttttt", ls::ldst_imm9_op::<3, 1, 3>),
    enc!(LDRSW_imm_pre, "10 111 0 00 10 0 iiiiiiiii 11 nnnnn ttttt", ls::ldst_imm9_op::<2, 2, 3>),
    enc!(STR_imm_pre_fp, "ss 111 1 00 o0 0 iiiiiiiii 11 nnnnn ttttt", lv::ldst_imm9_fp),
    enc!(LDR_imm_pre_fp, "ss 111 1 00 o1 0 iiiiiiiii 11 nnnnn ttttt", lv::ldst_imm9_fp),

    // --- Atomic memory operations (FEAT_LSE): size 111 0 00 A R 1 Rs o3 opc 00.
    // The ST<op> aliases are the same encodings with A=0, Rt=31. o3=1 opc=100 is
    // LDAPR (FEAT_LRCPC): no line.
    enc!(LDADDB,  "00 111 0 00 ar 1 sssss 0000 00 nnnnn ttttt", at::ld_op),
    enc!(LDCLRB,  "00 111 0 00 ar 1 sssss 0001 00 nnnnn ttttt", at::ld_op),
    enc!(LDEORB,  "00 111 0 00 ar 1 sssss 0010 00 nnnnn ttttt", at::ld_op),
    enc!(LDSETB,  "00 111 0 00 ar 1 sssss 0011 00 nnnnn ttttt", at::ld_op),
    enc!(LDSMAXB, "00 111 0 00 ar 1 sssss 0100 00 nnnnn ttttt", at::ld_op),
    enc!(LDSMINB, "00 111 0 00 ar 1 sssss 0101 00 nnnnn ttttt", at::ld_op),
    enc!(LDUMAXB, "00 111 0 00 ar 1 sssss 0110 00 nnnnn ttttt", at::ld_op),
    enc!(LDUMINB, "00 111 0 00 ar 1 sssss 0111 00 nnnnn ttttt", at::ld_op),
    enc!(SWPB,    "00 111 0 00 ar 1 sssss 1000 00 nnnnn ttttt", at::swp),
    enc!(LDADDH,  "01 111 0 00 ar 1 sssss 0000 00 nnnnn ttttt", at::ld_op),
    enc!(LDCLRH,  "01 111 0 00 ar 1 sssss 0001 00 nnnnn ttttt", at::ld_op),
    enc!(LDEORH,  "01 111 0 00 ar 1 sssss 0010 00 nnnnn ttttt", at::ld_op),
    enc!(LDSETH,  "01 111 0 00 ar 1 sssss 0011 00 nnnnn ttttt", at::ld_op),
    enc!(LDSMAXH, "01 111 0 00 ar 1 sssss 0100 00 nnnnn ttttt", at::ld_op),
    enc!(LDSMINH, "01 111 0 00 ar 1 sssss 0101 00 nnnnn ttttt", at::ld_op),
    enc!(LDUMAXH, "01 111 0 00 ar 1 sssss 0110 00 nnnnn ttttt", at::ld_op),
    enc!(LDUMINH, "01 111 0 00 ar 1 sssss 0111 00 nnnnn ttttt", at::ld_op),
    enc!(SWPH,    "01 111 0 00 ar 1 sssss 1000 00 nnnnn ttttt", at::swp),
    enc!(LDADD,   "1z 111 0 00 ar 1 sssss 0000 00 nnnnn ttttt", at::ld_op),
    enc!(LDCLR,   "1z 111 0 00 ar 1 sssss 0001 00 nnnnn ttttt", at::ld_op),
    enc!(LDEOR,   "1z 111 0 00 ar 1 sssss 0010 00 nnnnn ttttt", at::ld_op),
    enc!(LDSET,   "1z 111 0 00 ar 1 sssss 0011 00 nnnnn ttttt", at::ld_op),
    enc!(LDSMAX,  "1z 111 0 00 ar 1 sssss 0100 00 nnnnn ttttt", at::ld_op),
    enc!(LDSMIN,  "1z 111 0 00 ar 1 sssss 0101 00 nnnnn ttttt", at::ld_op),
    enc!(LDUMAX,  "1z 111 0 00 ar 1 sssss 0110 00 nnnnn ttttt", at::ld_op),
    enc!(LDUMIN,  "1z 111 0 00 ar 1 sssss 0111 00 nnnnn ttttt", at::ld_op),
    enc!(SWP,     "1z 111 0 00 ar 1 sssss 1000 00 nnnnn ttttt", at::swp),

    // --- Load/store register (register offset): bit 21 = 1, bits 11:10 = 10.
    enc!(STRB_reg,  "00 111 0 00 00 1 mmmmm x1x S 10 nnnnn ttttt", ls::ldst_reg_op::<0, 0>),
    enc!(LDRB_reg,  "00 111 0 00 01 1 mmmmm x1x S 10 nnnnn ttttt", ls::ldst_reg_op::<0, 1>),
    enc!(LDRSB_reg, "00 111 0 00 1o 1 mmmmm x1x S 10 nnnnn ttttt", ls::ldst_reg),
    enc!(STRH_reg,  "01 111 0 00 00 1 mmmmm x1x S 10 nnnnn ttttt", ls::ldst_reg_op::<1, 0>),
    enc!(LDRH_reg,  "01 111 0 00 01 1 mmmmm x1x S 10 nnnnn ttttt", ls::ldst_reg_op::<1, 1>),
    enc!(LDRSH_reg, "01 111 0 00 1o 1 mmmmm x1x S 10 nnnnn ttttt", ls::ldst_reg),
    enc!(STR_reg_W, "10 111 0 00 00 1 mmmmm x1x S 10 nnnnn ttttt", ls::ldst_reg_op::<2, 0>),
    enc!(STR_reg_X, "11 111 0 00 00 1 mmmmm x1x S 10 nnnnn ttttt", ls::ldst_reg_op::<3, 0>),
    enc!(LDR_reg_W, "10 111 0 00 01 1 mmmmm x1x S 10 nnnnn ttttt", ls::ldst_reg_op::<2, 1>),
    enc!(LDR_reg_X, "11 111 0 00 01 1 mmmmm x1x S 10 nnnnn ttttt", ls::ldst_reg_op::<3, 1>),
    enc!(LDRSW_reg, "10 111 0 00 10 1 mmmmm x1x S 10 nnnnn ttttt", ls::ldst_reg_op::<2, 2>),
    enc!(PRFM_reg,  "11 111 0 00 10 1 mmmmm x1x S 10 nnnnn ttttt", ls::prfm),
    enc!(STR_reg_fp, "ss 111 1 00 o0 1 mmmmm x1x S 10 nnnnn ttttt", lv::ldst_reg_fp),
    enc!(LDR_reg_fp, "ss 111 1 00 o1 1 mmmmm x1x S 10 nnnnn ttttt", lv::ldst_reg_fp),

    // --- Load/store register (unsigned immediate): bits 25:24 = 01.
    enc!(STRB_uimm,  "00 111 0 01 00 iiiiiiiiiiii nnnnn ttttt", ls::ldst_uimm_op::<0, 0>),
    enc!(LDRB_uimm,  "00 111 0 01 01 iiiiiiiiiiii nnnnn ttttt", ls::ldst_uimm_op::<0, 1>),
    enc!(LDRSB_uimm, "00 111 0 01 1o iiiiiiiiiiii nnnnn ttttt", ls::ldst_uimm),
    enc!(STRH_uimm,  "01 111 0 01 00 iiiiiiiiiiii nnnnn ttttt", ls::ldst_uimm_op::<1, 0>),
    enc!(LDRH_uimm,  "01 111 0 01 01 iiiiiiiiiiii nnnnn ttttt", ls::ldst_uimm_op::<1, 1>),
    enc!(LDRSH_uimm, "01 111 0 01 1o iiiiiiiiiiii nnnnn ttttt", ls::ldst_uimm),
    enc!(STR_uimm_W, "10 111 0 01 00 iiiiiiiiiiii nnnnn ttttt", ls::ldst_uimm_op::<2, 0>),
    enc!(STR_uimm_X, "11 111 0 01 00 iiiiiiiiiiii nnnnn ttttt", ls::ldst_uimm_op::<3, 0>),
    enc!(LDR_uimm_W, "10 111 0 01 01 iiiiiiiiiiii nnnnn ttttt", ls::ldst_uimm_op::<2, 1>),
    enc!(LDR_uimm_X, "11 111 0 01 01 iiiiiiiiiiii nnnnn ttttt", ls::ldst_uimm_op::<3, 1>),
    enc!(LDRSW_uimm, "10 111 0 01 10 iiiiiiiiiiii nnnnn ttttt", ls::ldst_uimm_op::<2, 2>),
    enc!(PRFM_uimm,  "11 111 0 01 10 iiiiiiiiiiii nnnnn ttttt", ls::prfm),
    enc!(STR_uimm_fp, "ss 111 1 01 o0 iiiiiiiiiiii nnnnn ttttt", lv::ldst_uimm_fp),
    enc!(LDR_uimm_fp, "ss 111 1 01 o1 iiiiiiiiiiii nnnnn ttttt", lv::ldst_uimm_fp),
];

#[cfg(test)]
mod tests {
    use super::TABLE;
    use crate::decode::decode;

    /// Random instances of every line (fields random, fixed bits as the line says) on
    /// randomised state: no panic, and when an exception is taken the general-purpose,
    /// SIMD and stack registers are unchanged. 200k words in all by default;
    /// `LDST_FUZZ_PER_LINE=200000` runs that many per line (about a minute).
    #[test]
    fn random_words_of_every_line_never_panic() {
        let per_line =
            std::env::var("LDST_FUZZ_PER_LINE").ok().and_then(|v| v.parse().ok()).unwrap_or(200_000 / TABLE.len() + 1);
        crate::exec::simd_fuzz::fuzz_table(TABLE, per_line, 0x9e37_79b9_7f4a_7c15);
    }

    #[test]
    fn lines_are_disjoint() {
        crate::decode::test_support::assert_lines_disjoint(TABLE);
    }

    /// Instructions assembled by dynasm decode to the line named after them.
    #[test]
    fn assembled_instructions_decode_to_their_lines() {
        let code = crate::a64!(
            ; ldr x0, [x1, #8]!
            ; ldrsb w0, [x1], #1
            ; ldur x0, [x1, #-1]
            ; ldtrsw x0, [x1]
            ; ldr x0, [x1, x2, lsl #3]
            ; strh w0, [x1, #2]
            ; ldr q0, [x1]
            ; stp q0, q1, [sp, #-32]!
            ; ldpsw x0, x1, [x2]
            ; ldnp x0, x1, [x2]
            ; ldxrb w0, [x1]
            ; stlxp w0, x1, x2, [x3]
            ; ldar x0, [x1]
            ; casal x0, x1, [x2]
            ; caspa w0, w1, w2, w3, [x4]
            ; ldumaxh w0, w1, [x2]
            ; swpb w0, w1, [x2]
            ; stadd x0, [x1]
            ; ldrsw x0, >next
            ; next:
            ; ld1 {v0.b16}, [x0]
            ; ld1 {v0.b}[3], [x0], #1
            ; str b0, [x1, w2, uxtw]
        );
        let names = [
            "LDR_imm_pre_X",
            "LDRSB_imm_post",
            "LDUR_X",
            "LDTRSW",
            "LDR_reg_X",
            "STRH_uimm",
            "LDR_uimm_fp",
            "STP_pre_fp",
            "LDPSW_off",
            "LDNP",
            "LDXRB",
            "STLXP",
            "LDAR",
            "CAS",
            "CASP",
            "LDUMAXH",
            "SWPB",
            "LDADD",
            "LDRSW_lit",
            "LD1_mult_x1",
            "LD1_single_B_post",
            "STR_reg_fp",
        ];
        assert_eq!(code.len(), 4 * names.len());
        for (c, want) in code.chunks(4).zip(names) {
            let w = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
            assert_eq!(decode(w).map(|e| e.name), Some(want), "{w:#010x}");
        }
    }
}
