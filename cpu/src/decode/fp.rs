//! Decode table: scalar floating-point (Arm ARM C4.1.x, the `ftype` classes: data
//! processing with 1, 2 and 3 sources, compare, conditional compare, conditional select,
//! conversions to and from integer and fixed-point) and the Advanced SIMD scalar
//! floating-point forms (scalar three same, two-register miscellaneous, pairwise, x
//! indexed element, shift by immediate), ARMv8.0: single and double precision, half
//! precision only in FCVT.
//!
//! Searched before `simd_fp`, whose class-wide `unimplemented` lines catch what no
//! line here names. Every `ftype` line fixes `ftype<1>` = 0 (`ftype` = 11 is FEAT_FP16,
//! 10 reserved: no line, UNDEFINED), except the FCVT lines from half precision; the
//! Advanced SIMD scalar lines fix `U`, `o1` and the opcode and keep `sz` as a field.

use super::Encoding;
use crate::enc;
use crate::exec::fp_compare as cm;
use crate::exec::fp_convert_fixed as fx;
use crate::exec::fp_convert_int as ci;
use crate::exec::fp_csel as cs;
use crate::exec::fp_dp1 as d1;
use crate::exec::fp_dp2 as d2;
use crate::exec::fp_dp3 as d3;
use crate::exec::fp_scalar_elt as el;
use crate::exec::fp_scalar_simd as ss;

/// The table (aligned by hand: one line per encoding).
#[rustfmt::skip]
pub static TABLE: &[Encoding] = &[
    // ---- Conversion between FP and integer: sf 0 0 11110 ftype 1 rmode opcode 000000 Rn Rd
    enc!(FCVTNS_int,     "z00 11110 0t 1 00 000 000000 nnnnn ddddd", ci::fcvt_to_int),
    enc!(FCVTNU_int,     "z00 11110 0t 1 00 001 000000 nnnnn ddddd", ci::fcvt_to_int),
    enc!(SCVTF_int,      "z00 11110 0t 1 00 010 000000 nnnnn ddddd", ci::cvtf_int),
    enc!(UCVTF_int,      "z00 11110 0t 1 00 011 000000 nnnnn ddddd", ci::cvtf_int),
    enc!(FCVTAS_int,     "z00 11110 0t 1 00 100 000000 nnnnn ddddd", ci::fcvt_to_int),
    enc!(FCVTAU_int,     "z00 11110 0t 1 00 101 000000 nnnnn ddddd", ci::fcvt_to_int),
    enc!(FCVTPS_int,     "z00 11110 0t 1 01 000 000000 nnnnn ddddd", ci::fcvt_to_int),
    enc!(FCVTPU_int,     "z00 11110 0t 1 01 001 000000 nnnnn ddddd", ci::fcvt_to_int),
    enc!(FCVTMS_int,     "z00 11110 0t 1 10 000 000000 nnnnn ddddd", ci::fcvt_to_int),
    enc!(FCVTMU_int,     "z00 11110 0t 1 10 001 000000 nnnnn ddddd", ci::fcvt_to_int),
    enc!(FCVTZS_int,     "z00 11110 0t 1 11 000 000000 nnnnn ddddd", ci::fcvt_to_int),
    enc!(FCVTZU_int,     "z00 11110 0t 1 11 001 000000 nnnnn ddddd", ci::fcvt_to_int),
    // ---- Conversion between FP and fixed-point: sf 0 0 11110 ftype 0 rmode opcode scale Rn Rd
    enc!(SCVTF_fix,      "z00 11110 0t 0 00 010 ssssss nnnnn ddddd", fx::cvtf_fix),
    enc!(UCVTF_fix,      "z00 11110 0t 0 00 011 ssssss nnnnn ddddd", fx::cvtf_fix),
    enc!(FCVTZS_fix,     "z00 11110 0t 0 11 000 ssssss nnnnn ddddd", fx::fcvtz_fix),
    enc!(FCVTZU_fix,     "z00 11110 0t 0 11 001 ssssss nnnnn ddddd", fx::fcvtz_fix),
    // ---- FP data-processing (1 source): 000 11110 ftype 1 opcode 10000 Rn Rd
    enc!(FABS_scalar,    "000 11110 0t 1 000001 10000 nnnnn ddddd", d1::fabs_scalar),
    enc!(FNEG_scalar,    "000 11110 0t 1 000010 10000 nnnnn ddddd", d1::fneg_scalar),
    enc!(FSQRT_scalar,   "000 11110 0t 1 000011 10000 nnnnn ddddd", d1::fsqrt_scalar),
    enc!(FCVT_S_to_D,    "000 11110 00 1 000101 10000 nnnnn ddddd", d1::fcvt_s_to_d),
    enc!(FCVT_S_to_H,    "000 11110 00 1 000111 10000 nnnnn ddddd", d1::fcvt_s_to_h),
    enc!(FCVT_D_to_S,    "000 11110 01 1 000100 10000 nnnnn ddddd", d1::fcvt_d_to_s),
    enc!(FCVT_D_to_H,    "000 11110 01 1 000111 10000 nnnnn ddddd", d1::fcvt_d_to_h),
    enc!(FCVT_H_to_S,    "000 11110 11 1 000100 10000 nnnnn ddddd", d1::fcvt_h_to_s),
    enc!(FCVT_H_to_D,    "000 11110 11 1 000101 10000 nnnnn ddddd", d1::fcvt_h_to_d),
    enc!(FRINTN_scalar,  "000 11110 0t 1 001000 10000 nnnnn ddddd", d1::frintn_scalar),
    enc!(FRINTP_scalar,  "000 11110 0t 1 001001 10000 nnnnn ddddd", d1::frintp_scalar),
    enc!(FRINTM_scalar,  "000 11110 0t 1 001010 10000 nnnnn ddddd", d1::frintm_scalar),
    enc!(FRINTZ_scalar,  "000 11110 0t 1 001011 10000 nnnnn ddddd", d1::frintz_scalar),
    enc!(FRINTA_scalar,  "000 11110 0t 1 001100 10000 nnnnn ddddd", d1::frinta_scalar),
    enc!(FRINTX_scalar,  "000 11110 0t 1 001110 10000 nnnnn ddddd", d1::frintx_scalar),
    enc!(FRINTI_scalar,  "000 11110 0t 1 001111 10000 nnnnn ddddd", d1::frinti_scalar),
    // ---- FP compare: 000 11110 ftype 1 Rm op 1000 Rn opcode2 (E, Z, 000); Z ignores Rm
    enc!(FCMP,           "000 11110 0t 1 mmmmm 00 1000 nnnnn 0z000", cm::fcmp),
    enc!(FCMPE,          "000 11110 0t 1 mmmmm 00 1000 nnnnn 1z000", cm::fcmpe),
    // ---- FP conditional compare: 000 11110 ftype 1 Rm cond 01 Rn op nzcv
    enc!(FCCMP,          "000 11110 0t 1 mmmmm cccc 01 nnnnn 0 ffff", cm::fccmp),
    enc!(FCCMPE,         "000 11110 0t 1 mmmmm cccc 01 nnnnn 1 ffff", cm::fccmpe),
    // ---- FP data-processing (2 source): 000 11110 ftype 1 Rm opcode 10 Rn Rd
    enc!(FMUL_scalar,    "000 11110 0t 1 mmmmm 0000 10 nnnnn ddddd", d2::fmul_scalar),
    enc!(FDIV_scalar,    "000 11110 0t 1 mmmmm 0001 10 nnnnn ddddd", d2::fdiv_scalar),
    enc!(FADD_scalar,    "000 11110 0t 1 mmmmm 0010 10 nnnnn ddddd", d2::fadd_scalar),
    enc!(FSUB_scalar,    "000 11110 0t 1 mmmmm 0011 10 nnnnn ddddd", d2::fsub_scalar),
    enc!(FMAX_scalar,    "000 11110 0t 1 mmmmm 0100 10 nnnnn ddddd", d2::fmax_scalar),
    enc!(FMIN_scalar,    "000 11110 0t 1 mmmmm 0101 10 nnnnn ddddd", d2::fmin_scalar),
    enc!(FMAXNM_scalar,  "000 11110 0t 1 mmmmm 0110 10 nnnnn ddddd", d2::fmaxnm_scalar),
    enc!(FMINNM_scalar,  "000 11110 0t 1 mmmmm 0111 10 nnnnn ddddd", d2::fminnm_scalar),
    enc!(FNMUL_scalar,   "000 11110 0t 1 mmmmm 1000 10 nnnnn ddddd", d2::fnmul_scalar),
    // ---- FP conditional select: 000 11110 ftype 1 Rm cond 11 Rn Rd
    enc!(FCSEL,          "000 11110 0t 1 mmmmm cccc 11 nnnnn ddddd", cs::fcsel),
    // ---- FP data-processing (3 source): 000 11111 ftype o1 Rm o0 Ra Rn Rd
    enc!(FMADD,          "000 11111 0t 0 mmmmm 0 aaaaa nnnnn ddddd", d3::fmadd),
    enc!(FMSUB,          "000 11111 0t 0 mmmmm 1 aaaaa nnnnn ddddd", d3::fmsub),
    enc!(FNMADD,         "000 11111 0t 1 mmmmm 0 aaaaa nnnnn ddddd", d3::fnmadd),
    enc!(FNMSUB,         "000 11111 0t 1 mmmmm 1 aaaaa nnnnn ddddd", d3::fnmsub),
    // ---- AdvSIMD scalar three same (FP): 01 U 11110 o1 sz 1 Rm opcode 1 Rn Rd
    enc!(FMULX_scalar,   "010 11110 0s 1 mmmmm 11011 1 nnnnn ddddd", ss::fmulx_scalar),
    enc!(FCMEQ_scalar,   "010 11110 0s 1 mmmmm 11100 1 nnnnn ddddd", ss::fcmeq_scalar),
    enc!(FRECPS_scalar,  "010 11110 0s 1 mmmmm 11111 1 nnnnn ddddd", ss::frecps_scalar),
    enc!(FRSQRTS_scalar, "010 11110 1s 1 mmmmm 11111 1 nnnnn ddddd", ss::frsqrts_scalar),
    enc!(FCMGE_scalar,   "011 11110 0s 1 mmmmm 11100 1 nnnnn ddddd", ss::fcmge_scalar),
    enc!(FACGE_scalar,   "011 11110 0s 1 mmmmm 11101 1 nnnnn ddddd", ss::facge_scalar),
    enc!(FABD_scalar,    "011 11110 1s 1 mmmmm 11010 1 nnnnn ddddd", ss::fabd_scalar),
    enc!(FCMGT_scalar,   "011 11110 1s 1 mmmmm 11100 1 nnnnn ddddd", ss::fcmgt_scalar),
    enc!(FACGT_scalar,   "011 11110 1s 1 mmmmm 11101 1 nnnnn ddddd", ss::facgt_scalar),
    // ---- AdvSIMD scalar two-register misc (FP): 01 U 11110 o1 sz 10000 opcode 10 Rn Rd
    enc!(FCVTNS_scalar,  "010 11110 0s 10000 11010 10 nnnnn ddddd", ss::fcvtns_scalar),
    enc!(FCVTMS_scalar,  "010 11110 0s 10000 11011 10 nnnnn ddddd", ss::fcvtms_scalar),
    enc!(FCVTAS_scalar,  "010 11110 0s 10000 11100 10 nnnnn ddddd", ss::fcvtas_scalar),
    enc!(SCVTF_scalar,   "010 11110 0s 10000 11101 10 nnnnn ddddd", ss::scvtf_scalar),
    enc!(FCMGT_zero_scalar, "010 11110 1s 10000 01100 10 nnnnn ddddd", ss::fcmgt_zero_scalar),
    enc!(FCMEQ_zero_scalar, "010 11110 1s 10000 01101 10 nnnnn ddddd", ss::fcmeq_zero_scalar),
    enc!(FCMLT_zero_scalar, "010 11110 1s 10000 01110 10 nnnnn ddddd", ss::fcmlt_zero_scalar),
    enc!(FCVTPS_scalar,  "010 11110 1s 10000 11010 10 nnnnn ddddd", ss::fcvtps_scalar),
    enc!(FCVTZS_scalar,  "010 11110 1s 10000 11011 10 nnnnn ddddd", ss::fcvtzs_scalar),
    enc!(FRECPE_scalar,  "010 11110 1s 10000 11101 10 nnnnn ddddd", ss::frecpe_scalar),
    enc!(FRECPX_scalar,  "010 11110 1s 10000 11111 10 nnnnn ddddd", ss::frecpx_scalar),
    enc!(FCVTXN_scalar,  "011 11110 0s 10000 10110 10 nnnnn ddddd", ss::fcvtxn_scalar),
    enc!(FCVTNU_scalar,  "011 11110 0s 10000 11010 10 nnnnn ddddd", ss::fcvtnu_scalar),
    enc!(FCVTMU_scalar,  "011 11110 0s 10000 11011 10 nnnnn ddddd", ss::fcvtmu_scalar),
    enc!(FCVTAU_scalar,  "011 11110 0s 10000 11100 10 nnnnn ddddd", ss::fcvtau_scalar),
    enc!(UCVTF_scalar,   "011 11110 0s 10000 11101 10 nnnnn ddddd", ss::ucvtf_scalar),
    enc!(FCMGE_zero_scalar, "011 11110 1s 10000 01100 10 nnnnn ddddd", ss::fcmge_zero_scalar),
    enc!(FCMLE_zero_scalar, "011 11110 1s 10000 01101 10 nnnnn ddddd", ss::fcmle_zero_scalar),
    enc!(FCVTPU_scalar,  "011 11110 1s 10000 11010 10 nnnnn ddddd", ss::fcvtpu_scalar),
    enc!(FCVTZU_scalar,  "011 11110 1s 10000 11011 10 nnnnn ddddd", ss::fcvtzu_scalar),
    enc!(FRSQRTE_scalar, "011 11110 1s 10000 11101 10 nnnnn ddddd", ss::frsqrte_scalar),
    // ---- AdvSIMD scalar pairwise (FP): 01 U 11110 o1 sz 11000 opcode 10 Rn Rd
    enc!(FMAXNMP_scalar, "011 11110 0s 11000 01100 10 nnnnn ddddd", el::fmaxnmp_scalar),
    enc!(FADDP_scalar,   "011 11110 0s 11000 01101 10 nnnnn ddddd", el::faddp_scalar),
    enc!(FMAXP_scalar,   "011 11110 0s 11000 01111 10 nnnnn ddddd", el::fmaxp_scalar),
    enc!(FMINNMP_scalar, "011 11110 1s 11000 01100 10 nnnnn ddddd", el::fminnmp_scalar),
    enc!(FMINP_scalar,   "011 11110 1s 11000 01111 10 nnnnn ddddd", el::fminp_scalar),
    // ---- AdvSIMD scalar x indexed element (FP): 01 U 11111 1 sz L M Rm opcode H 0 Rn Rd
    enc!(FMLA_elt_scalar,  "010 11111 1s l mmmmm 0001 h 0 nnnnn ddddd", el::fmla_elt_scalar),
    enc!(FMLS_elt_scalar,  "010 11111 1s l mmmmm 0101 h 0 nnnnn ddddd", el::fmls_elt_scalar),
    enc!(FMUL_elt_scalar,  "010 11111 1s l mmmmm 1001 h 0 nnnnn ddddd", el::fmul_elt_scalar),
    enc!(FMULX_elt_scalar, "011 11111 1s l mmmmm 1001 h 0 nnnnn ddddd", el::fmulx_elt_scalar),
    // ---- AdvSIMD scalar shift by immediate (fixed-point FP): 01 U 111110 immh immb opcode 1 Rn Rd
    //      immh = 1xxx double, 01xx single (001x is FEAT_FP16: no line)
    enc!(SCVTF_fix_scalar_D,  "010 111110 1hhh bbb 11100 1 nnnnn ddddd", fx::cvtf_fix_simd),
    enc!(SCVTF_fix_scalar_S,  "010 111110 01hh bbb 11100 1 nnnnn ddddd", fx::cvtf_fix_simd),
    enc!(UCVTF_fix_scalar_D,  "011 111110 1hhh bbb 11100 1 nnnnn ddddd", fx::cvtf_fix_simd),
    enc!(UCVTF_fix_scalar_S,  "011 111110 01hh bbb 11100 1 nnnnn ddddd", fx::cvtf_fix_simd),
    enc!(FCVTZS_fix_scalar_D, "010 111110 1hhh bbb 11111 1 nnnnn ddddd", fx::fcvtz_fix_simd),
    enc!(FCVTZS_fix_scalar_S, "010 111110 01hh bbb 11111 1 nnnnn ddddd", fx::fcvtz_fix_simd),
    enc!(FCVTZU_fix_scalar_D, "011 111110 1hhh bbb 11111 1 nnnnn ddddd", fx::fcvtz_fix_simd),
    enc!(FCVTZU_fix_scalar_S, "011 111110 01hh bbb 11111 1 nnnnn ddddd", fx::fcvtz_fix_simd),
];

#[cfg(test)]
#[path = "fp_tests.rs"]
mod tests;
