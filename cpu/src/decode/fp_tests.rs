//! Tests of the scalar FP decode table: reachability through the full decoder,
//! assembled instructions landing on their lines, and random words of every line.

use super::TABLE;
use crate::decode::decode;

#[test]
fn every_line_is_reached_through_the_decoder() {
    // Each line's own all-fields-zero word, and random field values, decode to it (the
    // tables searched before this one must not shadow it).
    crate::decode::test_support::assert_every_line_wins(TABLE, 0x9e37_79b9_7f4a_7c15, decode);
}

#[test]
fn assembled_instructions_decode_to_their_lines() {
    let code = crate::a64!(
        ; fcvtns w0, s1 ; fcvtnu x0, d1 ; scvtf s0, x1 ; ucvtf d0, w1 ; fcvtas w0, d1 ; fcvtau x0, s1
        ; fcvtps w0, s1 ; fcvtpu w0, d1 ; fcvtms x0, s1 ; fcvtmu x0, d1 ; fcvtzs w0, d1 ; fcvtzu x0, s1
        ; scvtf d0, w1, 3 ; ucvtf s0, x1, 64 ; fcvtzs x0, s1, 1 ; fcvtzu w0, d1, 32
        ; fabs d0, d1 ; fneg s0, s1 ; fsqrt d0, d1 ; fcvt d0, s1 ; fcvt h0, s1 ; fcvt s0, d1
        ; fcvt h0, d1 ; fcvt s0, h1 ; fcvt d0, h1 ; frintn s0, s1 ; frintp d0, d1 ; frintm s0, s1
        ; frintz d0, d1 ; frinta s0, s1 ; frintx d0, d1 ; frinti s0, s1
        ; fcmp s0, s1 ; fcmp d0, 0.0 ; fcmpe d0, d1 ; fcmpe s0, 0.0 ; fccmp s0, s1, 3, eq ; fccmpe d0, d1, 15, hi
        ; fmul s0, s1, s2 ; fdiv d0, d1, d2 ; fadd s0, s1, s2 ; fsub d0, d1, d2 ; fmax s0, s1, s2
        ; fmin d0, d1, d2 ; fmaxnm s0, s1, s2 ; fminnm d0, d1, d2 ; fnmul s0, s1, s2 ; fcsel d0, d1, d2, lt
        ; fmadd d0, d1, d2, d3 ; fmsub s0, s1, s2, s3 ; fnmadd d0, d1, d2, d3 ; fnmsub s0, s1, s2, s3
        ; fmulx s0, s1, s2 ; fcmeq d0, d1, d2 ; frecps s0, s1, s2 ; frsqrts d0, d1, d2 ; fcmge s0, s1, s2
        ; facge d0, d1, d2 ; fabd s0, s1, s2 ; fcmgt d0, d1, d2 ; facgt s0, s1, s2
        ; fcvtns s0, s1 ; fcvtms d0, d1 ; fcvtas s0, s1 ; scvtf d0, d1 ; fcmgt s0, s1, 0.0 ; fcmeq d0, d1, 0.0
        ; fcmlt s0, s1, 0.0 ; fcvtps d0, d1 ; fcvtzs s0, s1 ; frecpe d0, d1 ; frecpx s0, s1 ; fcvtxn s0, d1
        ; fcvtnu d0, d1 ; fcvtmu s0, s1 ; fcvtau d0, d1 ; ucvtf s0, s1 ; fcmge d0, d1, 0.0 ; fcmle s0, s1, 0.0
        ; fcvtpu s0, s1 ; fcvtzu d0, d1 ; frsqrte s0, s1
        ; fmaxnmp s0, v1.s2 ; faddp d0, v1.d2 ; fmaxp s0, v1.s2 ; fminnmp d0, v1.d2 ; fminp s0, v1.s2
        ; fmla s0, s1, v2.s[3] ; fmls d0, d1, v17.d[1] ; fmul s0, s1, v31.s[2] ; fmulx d0, d1, v2.d[0]
        ; scvtf d0, d1, 64 ; scvtf s0, s1, 1 ; ucvtf d0, d1, 3 ; ucvtf s0, s1, 32
        ; fcvtzs d0, d1, 5 ; fcvtzs s0, s1, 7 ; fcvtzu d0, d1, 1 ; fcvtzu s0, s1, 31
    );
    let names = [
        "FCVTNS_int",
        "FCVTNU_int",
        "SCVTF_int",
        "UCVTF_int",
        "FCVTAS_int",
        "FCVTAU_int",
        "FCVTPS_int",
        "FCVTPU_int",
        "FCVTMS_int",
        "FCVTMU_int",
        "FCVTZS_int",
        "FCVTZU_int",
        "SCVTF_fix",
        "UCVTF_fix",
        "FCVTZS_fix",
        "FCVTZU_fix",
        "FABS_scalar",
        "FNEG_scalar",
        "FSQRT_scalar",
        "FCVT_S_to_D",
        "FCVT_S_to_H",
        "FCVT_D_to_S",
        "FCVT_D_to_H",
        "FCVT_H_to_S",
        "FCVT_H_to_D",
        "FRINTN_scalar",
        "FRINTP_scalar",
        "FRINTM_scalar",
        "FRINTZ_scalar",
        "FRINTA_scalar",
        "FRINTX_scalar",
        "FRINTI_scalar",
        "FCMP",
        "FCMP",
        "FCMPE",
        "FCMPE",
        "FCCMP",
        "FCCMPE",
        "FMUL_scalar",
        "FDIV_scalar",
        "FADD_scalar",
        "FSUB_scalar",
        "FMAX_scalar",
        "FMIN_scalar",
        "FMAXNM_scalar",
        "FMINNM_scalar",
        "FNMUL_scalar",
        "FCSEL",
        "FMADD",
        "FMSUB",
        "FNMADD",
        "FNMSUB",
        "FMULX_scalar",
        "FCMEQ_scalar",
        "FRECPS_scalar",
        "FRSQRTS_scalar",
        "FCMGE_scalar",
        "FACGE_scalar",
        "FABD_scalar",
        "FCMGT_scalar",
        "FACGT_scalar",
        "FCVTNS_scalar",
        "FCVTMS_scalar",
        "FCVTAS_scalar",
        "SCVTF_scalar",
        "FCMGT_zero_scalar",
        "FCMEQ_zero_scalar",
        "FCMLT_zero_scalar",
        "FCVTPS_scalar",
        "FCVTZS_scalar",
        "FRECPE_scalar",
        "FRECPX_scalar",
        "FCVTXN_scalar",
        "FCVTNU_scalar",
        "FCVTMU_scalar",
        "FCVTAU_scalar",
        "UCVTF_scalar",
        "FCMGE_zero_scalar",
        "FCMLE_zero_scalar",
        "FCVTPU_scalar",
        "FCVTZU_scalar",
        "FRSQRTE_scalar",
        "FMAXNMP_scalar",
        "FADDP_scalar",
        "FMAXP_scalar",
        "FMINNMP_scalar",
        "FMINP_scalar",
        "FMLA_elt_scalar",
        "FMLS_elt_scalar",
        "FMUL_elt_scalar",
        "FMULX_elt_scalar",
        "SCVTF_fix_scalar_D",
        "SCVTF_fix_scalar_S",
        "UCVTF_fix_scalar_D",
        "UCVTF_fix_scalar_S",
        "FCVTZS_fix_scalar_D",
        "FCVTZS_fix_scalar_S",
        "FCVTZU_fix_scalar_D",
        "FCVTZU_fix_scalar_S",
    ];
    assert_eq!(code.len(), names.len() * 4);
    for (k, name) in names.iter().enumerate() {
        let w = u32::from_le_bytes([code[4 * k], code[4 * k + 1], code[4 * k + 2], code[4 * k + 3]]);
        assert_eq!(decode(w).map(|e| e.name), Some(*name), "insn {k} ({w:#010x})");
        assert!(TABLE.iter().any(|e| e.matches(w)), "insn {k} not from this table");
    }
}

#[test]
fn half_precision_and_reserved_ftype_have_no_line() {
    // FADD h0, h1, h2 (ftype 11, FEAT_FP16) and ftype 10: UNDEFINED here (no line in
    // this table; the simd_fp fall-back lines do not cover ftype<1> = 1 either).
    for w in [0x1ee2_2820u32, 0x1ea2_2820, 0x5ec0_1c20 /* fmulx h0 */] {
        assert!(!TABLE.iter().any(|e| e.matches(w)), "{w:#x}");
    }
}

#[test]
fn random_words_of_every_line() {
    // 100,000 random words per line on random state: no panic, and a fault changes
    // no register.
    crate::exec::simd_fuzz::fuzz_table(TABLE, 100_000, 0x5eed_0f00);
}
