//! Decode table: Advanced SIMD floating-point vector instructions (Arm ARM C4.1.x, the
//! FP members of three same, two-register miscellaneous, across lanes, vector x indexed
//! element and shift by immediate), single and double precision (ARMv8.0: no FEAT_FP16
//! arithmetic).
//!
//! Searched after `simd_int` and before `simd_fp`. The integer and FP members of these
//! classes share the encoding space, so every line fixes `U`, `o1` (= size<1>, bit 23)
//! and the opcode; only `sz` (bit 22) and `Q` stay fields, and the handlers reject the
//! reserved `sz:Q = 10` (and each form's other reserved values) as UNDEFINED before the
//! FP trap. Shift by immediate lines fix `immh != 0000` by their leading one.

use super::Encoding;
use crate::enc;
use crate::exec::simd_fp_vec_across as ac;
use crate::exec::simd_fp_vec_fixed as fx;
use crate::exec::simd_fp_vec_indexed as ix;
use crate::exec::simd_fp_vec_misc as mi;
use crate::exec::simd_fp_vec_three_same as ts;

/// The table (aligned by hand: one line per encoding).
#[rustfmt::skip]
pub static TABLE: &[Encoding] = &[
    // ---- Advanced SIMD three same (FP): 0 Q U 01110 o1 sz 1 Rm opcode 1 Rn Rd
    enc!(FMAXNM_vec,    "0q0 01110 0s 1 mmmmm 11000 1 nnnnn ddddd", ts::fmaxnm_vec),
    enc!(FMINNM_vec,    "0q0 01110 1s 1 mmmmm 11000 1 nnnnn ddddd", ts::fminnm_vec),
    enc!(FMLA_vec,      "0q0 01110 0s 1 mmmmm 11001 1 nnnnn ddddd", ts::fmla_vec),
    enc!(FMLS_vec,      "0q0 01110 1s 1 mmmmm 11001 1 nnnnn ddddd", ts::fmls_vec),
    enc!(FADD_vec,      "0q0 01110 0s 1 mmmmm 11010 1 nnnnn ddddd", ts::fadd_vec),
    enc!(FSUB_vec,      "0q0 01110 1s 1 mmmmm 11010 1 nnnnn ddddd", ts::fsub_vec),
    enc!(FMULX_vec,     "0q0 01110 0s 1 mmmmm 11011 1 nnnnn ddddd", ts::fmulx_vec),
    enc!(FCMEQ_vec,     "0q0 01110 0s 1 mmmmm 11100 1 nnnnn ddddd", ts::fcmeq_vec),
    enc!(FMAX_vec,      "0q0 01110 0s 1 mmmmm 11110 1 nnnnn ddddd", ts::fmax_vec),
    enc!(FMIN_vec,      "0q0 01110 1s 1 mmmmm 11110 1 nnnnn ddddd", ts::fmin_vec),
    enc!(FRECPS_vec,    "0q0 01110 0s 1 mmmmm 11111 1 nnnnn ddddd", ts::frecps_vec),
    enc!(FRSQRTS_vec,   "0q0 01110 1s 1 mmmmm 11111 1 nnnnn ddddd", ts::frsqrts_vec),
    enc!(FMAXNMP_vec,   "0q1 01110 0s 1 mmmmm 11000 1 nnnnn ddddd", ts::fmaxnmp_vec),
    enc!(FMINNMP_vec,   "0q1 01110 1s 1 mmmmm 11000 1 nnnnn ddddd", ts::fminnmp_vec),
    enc!(FADDP_vec,     "0q1 01110 0s 1 mmmmm 11010 1 nnnnn ddddd", ts::faddp_vec),
    enc!(FABD_vec,      "0q1 01110 1s 1 mmmmm 11010 1 nnnnn ddddd", ts::fabd_vec),
    enc!(FMUL_vec,      "0q1 01110 0s 1 mmmmm 11011 1 nnnnn ddddd", ts::fmul_vec),
    enc!(FCMGE_vec,     "0q1 01110 0s 1 mmmmm 11100 1 nnnnn ddddd", ts::fcmge_vec),
    enc!(FCMGT_vec,     "0q1 01110 1s 1 mmmmm 11100 1 nnnnn ddddd", ts::fcmgt_vec),
    enc!(FACGE_vec,     "0q1 01110 0s 1 mmmmm 11101 1 nnnnn ddddd", ts::facge_vec),
    enc!(FACGT_vec,     "0q1 01110 1s 1 mmmmm 11101 1 nnnnn ddddd", ts::facgt_vec),
    enc!(FMAXP_vec,     "0q1 01110 0s 1 mmmmm 11110 1 nnnnn ddddd", ts::fmaxp_vec),
    enc!(FMINP_vec,     "0q1 01110 1s 1 mmmmm 11110 1 nnnnn ddddd", ts::fminp_vec),
    enc!(FDIV_vec,      "0q1 01110 0s 1 mmmmm 11111 1 nnnnn ddddd", ts::fdiv_vec),
    // ---- Advanced SIMD two-register misc (FP): 0 Q U 01110 o1 sz 10000 opcode 10 Rn Rd
    enc!(FCVTN_vec,     "0q0 01110 0s 10000 10110 10 nnnnn ddddd", mi::fcvtn_vec),
    enc!(FCVTL_vec,     "0q0 01110 0s 10000 10111 10 nnnnn ddddd", mi::fcvtl_vec),
    enc!(FRINTN_vec,    "0q0 01110 0s 10000 11000 10 nnnnn ddddd", mi::frintn_vec),
    enc!(FRINTM_vec,    "0q0 01110 0s 10000 11001 10 nnnnn ddddd", mi::frintm_vec),
    enc!(FCVTNS_vec,    "0q0 01110 0s 10000 11010 10 nnnnn ddddd", mi::fcvtns_vec),
    enc!(FCVTMS_vec,    "0q0 01110 0s 10000 11011 10 nnnnn ddddd", mi::fcvtms_vec),
    enc!(FCVTAS_vec,    "0q0 01110 0s 10000 11100 10 nnnnn ddddd", mi::fcvtas_vec),
    enc!(SCVTF_vec_int, "0q0 01110 0s 10000 11101 10 nnnnn ddddd", mi::scvtf_vec_int),
    enc!(FCMGT_zero_vec, "0q0 01110 1s 10000 01100 10 nnnnn ddddd", mi::fcmgt_zero_vec),
    enc!(FCMEQ_zero_vec, "0q0 01110 1s 10000 01101 10 nnnnn ddddd", mi::fcmeq_zero_vec),
    enc!(FCMLT_zero_vec, "0q0 01110 1s 10000 01110 10 nnnnn ddddd", mi::fcmlt_zero_vec),
    enc!(FABS_vec,      "0q0 01110 1s 10000 01111 10 nnnnn ddddd", mi::fabs_vec),
    enc!(FRINTP_vec,    "0q0 01110 1s 10000 11000 10 nnnnn ddddd", mi::frintp_vec),
    enc!(FRINTZ_vec,    "0q0 01110 1s 10000 11001 10 nnnnn ddddd", mi::frintz_vec),
    enc!(FCVTPS_vec,    "0q0 01110 1s 10000 11010 10 nnnnn ddddd", mi::fcvtps_vec),
    enc!(FCVTZS_vec_int, "0q0 01110 1s 10000 11011 10 nnnnn ddddd", mi::fcvtzs_vec_int),
    enc!(URECPE,        "0q0 01110 1s 10000 11100 10 nnnnn ddddd", mi::urecpe_vec),
    enc!(FRECPE_vec,    "0q0 01110 1s 10000 11101 10 nnnnn ddddd", mi::frecpe_vec),
    enc!(FCVTXN_vec,    "0q1 01110 0s 10000 10110 10 nnnnn ddddd", mi::fcvtxn_vec),
    enc!(FRINTA_vec,    "0q1 01110 0s 10000 11000 10 nnnnn ddddd", mi::frinta_vec),
    enc!(FRINTX_vec,    "0q1 01110 0s 10000 11001 10 nnnnn ddddd", mi::frintx_vec),
    enc!(FCVTNU_vec,    "0q1 01110 0s 10000 11010 10 nnnnn ddddd", mi::fcvtnu_vec),
    enc!(FCVTMU_vec,    "0q1 01110 0s 10000 11011 10 nnnnn ddddd", mi::fcvtmu_vec),
    enc!(FCVTAU_vec,    "0q1 01110 0s 10000 11100 10 nnnnn ddddd", mi::fcvtau_vec),
    enc!(UCVTF_vec_int, "0q1 01110 0s 10000 11101 10 nnnnn ddddd", mi::ucvtf_vec_int),
    enc!(FCMGE_zero_vec, "0q1 01110 1s 10000 01100 10 nnnnn ddddd", mi::fcmge_zero_vec),
    enc!(FCMLE_zero_vec, "0q1 01110 1s 10000 01101 10 nnnnn ddddd", mi::fcmle_zero_vec),
    enc!(FNEG_vec,      "0q1 01110 1s 10000 01111 10 nnnnn ddddd", mi::fneg_vec),
    enc!(FRINTI_vec,    "0q1 01110 1s 10000 11001 10 nnnnn ddddd", mi::frinti_vec),
    enc!(FCVTPU_vec,    "0q1 01110 1s 10000 11010 10 nnnnn ddddd", mi::fcvtpu_vec),
    enc!(FCVTZU_vec_int, "0q1 01110 1s 10000 11011 10 nnnnn ddddd", mi::fcvtzu_vec_int),
    enc!(URSQRTE,       "0q1 01110 1s 10000 11100 10 nnnnn ddddd", mi::ursqrte_vec),
    enc!(FRSQRTE_vec,   "0q1 01110 1s 10000 11101 10 nnnnn ddddd", mi::frsqrte_vec),
    enc!(FSQRT_vec,     "0q1 01110 1s 10000 11111 10 nnnnn ddddd", mi::fsqrt_vec),
    // ---- Advanced SIMD across lanes (FP): 0 Q 1 01110 o1 sz 11000 opcode 10 Rn Rd
    enc!(FMAXNMV,       "0q1 01110 0s 11000 01100 10 nnnnn ddddd", ac::fmaxnmv),
    enc!(FMINNMV,       "0q1 01110 1s 11000 01100 10 nnnnn ddddd", ac::fminnmv),
    enc!(FMAXV,         "0q1 01110 0s 11000 01111 10 nnnnn ddddd", ac::fmaxv),
    enc!(FMINV,         "0q1 01110 1s 11000 01111 10 nnnnn ddddd", ac::fminv),
    // ---- Advanced SIMD vector x indexed element (FP): 0 Q U 01111 1 sz L M Rm opcode H 0 Rn Rd
    enc!(FMLA_elt,      "0q0 01111 1s lm mmmm 0001 h0 nnnnn ddddd", ix::fmla_elt),
    enc!(FMLS_elt,      "0q0 01111 1s lm mmmm 0101 h0 nnnnn ddddd", ix::fmls_elt),
    enc!(FMUL_elt,      "0q0 01111 1s lm mmmm 1001 h0 nnnnn ddddd", ix::fmul_elt),
    enc!(FMULX_elt,     "0q1 01111 1s lm mmmm 1001 h0 nnnnn ddddd", ix::fmulx_elt),
    // ---- Advanced SIMD shift by immediate, fixed-point: 0 Q U 011110 immh immb opcode 1 Rn Rd
    enc!(SCVTF_vec_fix_D,  "0q0 011110 1hhh bbb 11100 1 nnnnn ddddd", fx::scvtf_vec_fix),
    enc!(SCVTF_vec_fix_S,  "0q0 011110 01hh bbb 11100 1 nnnnn ddddd", fx::scvtf_vec_fix),
    enc!(UCVTF_vec_fix_D,  "0q1 011110 1hhh bbb 11100 1 nnnnn ddddd", fx::ucvtf_vec_fix),
    enc!(UCVTF_vec_fix_S,  "0q1 011110 01hh bbb 11100 1 nnnnn ddddd", fx::ucvtf_vec_fix),
    enc!(FCVTZS_vec_fix_D, "0q0 011110 1hhh bbb 11111 1 nnnnn ddddd", fx::fcvtzs_vec_fix),
    enc!(FCVTZS_vec_fix_S, "0q0 011110 01hh bbb 11111 1 nnnnn ddddd", fx::fcvtzs_vec_fix),
    enc!(FCVTZU_vec_fix_D, "0q1 011110 1hhh bbb 11111 1 nnnnn ddddd", fx::fcvtzu_vec_fix),
    enc!(FCVTZU_vec_fix_S, "0q1 011110 01hh bbb 11111 1 nnnnn ddddd", fx::fcvtzu_vec_fix),
];

#[cfg(test)]
#[path = "fp_vec_tests.rs"]
mod tests;
