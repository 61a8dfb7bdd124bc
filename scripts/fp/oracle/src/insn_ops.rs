// Operations of `--insn-list` beyond `OPS` (the scalar forms `cpu/tests/fp_qemu_diff.rs`
// does not model): compare with zero, FCCMP/FCCMPE and FCSEL (NZCV from c<31:28>), the
// Advanced SIMD scalar conversions, compares with zero, pairwise (lanes a, b), by element
// (lane 0 of c, or c in the top lane) and fixed-point forms. Names follow `ops.rs`:
// `<mnemonic>_<dest><source>[_<variant>]`, operands a, b, c in d0/d1/d2 and x0/x1/x2.
op!(fcmp_s_zero, "fcmp s0, #0.0", "mrs x0, nzcv");
op!(fcmpe_s_zero, "fcmpe s0, #0.0", "mrs x0, nzcv");
op!(fccmp_s_eq, "msr nzcv, x2\nfccmp s0, s1, #5, eq", "mrs x0, nzcv");
op!(fccmpe_s_lt, "msr nzcv, x2\nfccmpe s0, s1, #5, lt", "mrs x0, nzcv");
op!(fccmp_s_hi, "msr nzcv, x2\nfccmp s0, s1, #5, hi", "mrs x0, nzcv");
op!(fccmpe_s_vs, "msr nzcv, x2\nfccmpe s0, s1, #5, vs", "mrs x0, nzcv");
op!(fcsel_s_ge, "msr nzcv, x2\nfcsel s0, s0, s1, ge", "fmov x0, d0");
op!(fcsel_s_cc, "msr nzcv, x2\nfcsel s0, s0, s1, cc", "fmov x0, d0");
op!(fcvtns_ss, "fcvtns s0, s0", "fmov x0, d0");
op!(fcvtnu_ss, "fcvtnu s0, s0", "fmov x0, d0");
op!(fcvtps_ss, "fcvtps s0, s0", "fmov x0, d0");
op!(fcvtpu_ss, "fcvtpu s0, s0", "fmov x0, d0");
op!(fcvtms_ss, "fcvtms s0, s0", "fmov x0, d0");
op!(fcvtmu_ss, "fcvtmu s0, s0", "fmov x0, d0");
op!(fcvtas_ss, "fcvtas s0, s0", "fmov x0, d0");
op!(fcvtau_ss, "fcvtau s0, s0", "fmov x0, d0");
op!(fcvtzs_ss, "fcvtzs s0, s0", "fmov x0, d0");
op!(fcvtzu_ss, "fcvtzu s0, s0", "fmov x0, d0");
op!(scvtf_ss, "scvtf s0, s0", "fmov x0, d0");
op!(ucvtf_ss, "ucvtf s0, s0", "fmov x0, d0");
op!(fcmeq_s_zero, "fcmeq s0, s0, #0.0", "fmov x0, d0");
op!(fcmge_s_zero, "fcmge s0, s0, #0.0", "fmov x0, d0");
op!(fcmgt_s_zero, "fcmgt s0, s0, #0.0", "fmov x0, d0");
op!(fcmle_s_zero, "fcmle s0, s0, #0.0", "fmov x0, d0");
op!(fcmlt_s_zero, "fcmlt s0, s0, #0.0", "fmov x0, d0");
op!(faddp_s, "ins v0.s[1], w1\nfaddp s0, v0.2s", "fmov x0, d0");
op!(fmaxp_s, "ins v0.s[1], w1\nfmaxp s0, v0.2s", "fmov x0, d0");
op!(fminp_s, "ins v0.s[1], w1\nfminp s0, v0.2s", "fmov x0, d0");
op!(fmaxnmp_s, "ins v0.s[1], w1\nfmaxnmp s0, v0.2s", "fmov x0, d0");
op!(fminnmp_s, "ins v0.s[1], w1\nfminnmp s0, v0.2s", "fmov x0, d0");
op!(fmla_s_elt0, "fmla s0, s1, v2.s[0]", "fmov x0, d0");
op!(fmla_s_elttop, "ins v2.s[3], w2\nfmla s0, s1, v2.s[3]", "fmov x0, d0");
op!(fmls_s_elt0, "fmls s0, s1, v2.s[0]", "fmov x0, d0");
op!(fmls_s_elttop, "ins v2.s[3], w2\nfmls s0, s1, v2.s[3]", "fmov x0, d0");
op!(fmul_s_elt0, "fmul s0, s1, v2.s[0]", "fmov x0, d0");
op!(fmul_s_elttop, "ins v2.s[3], w2\nfmul s0, s1, v2.s[3]", "fmov x0, d0");
op!(fmulx_s_elt0, "fmulx s0, s1, v2.s[0]", "fmov x0, d0");
op!(fmulx_s_elttop, "ins v2.s[3], w2\nfmulx s0, s1, v2.s[3]", "fmov x0, d0");
op!(scvtf_ss_fb1, "scvtf s0, s0, #1", "fmov x0, d0");
op!(ucvtf_ss_fb1, "ucvtf s0, s0, #1", "fmov x0, d0");
op!(fcvtzs_ss_fb1, "fcvtzs s0, s0, #1", "fmov x0, d0");
op!(fcvtzu_ss_fb1, "fcvtzu s0, s0, #1", "fmov x0, d0");
op!(scvtf_ss_fb17, "scvtf s0, s0, #17", "fmov x0, d0");
op!(ucvtf_ss_fb17, "ucvtf s0, s0, #17", "fmov x0, d0");
op!(fcvtzs_ss_fb17, "fcvtzs s0, s0, #17", "fmov x0, d0");
op!(fcvtzu_ss_fb17, "fcvtzu s0, s0, #17", "fmov x0, d0");
op!(scvtf_ss_fb32, "scvtf s0, s0, #32", "fmov x0, d0");
op!(ucvtf_ss_fb32, "ucvtf s0, s0, #32", "fmov x0, d0");
op!(fcvtzs_ss_fb32, "fcvtzs s0, s0, #32", "fmov x0, d0");
op!(fcvtzu_ss_fb32, "fcvtzu s0, s0, #32", "fmov x0, d0");
op!(fcmp_d_zero, "fcmp d0, #0.0", "mrs x0, nzcv");
op!(fcmpe_d_zero, "fcmpe d0, #0.0", "mrs x0, nzcv");
op!(fccmp_d_eq, "msr nzcv, x2\nfccmp d0, d1, #5, eq", "mrs x0, nzcv");
op!(fccmpe_d_lt, "msr nzcv, x2\nfccmpe d0, d1, #5, lt", "mrs x0, nzcv");
op!(fccmp_d_hi, "msr nzcv, x2\nfccmp d0, d1, #5, hi", "mrs x0, nzcv");
op!(fccmpe_d_vs, "msr nzcv, x2\nfccmpe d0, d1, #5, vs", "mrs x0, nzcv");
op!(fcsel_d_ge, "msr nzcv, x2\nfcsel d0, d0, d1, ge", "fmov x0, d0");
op!(fcsel_d_cc, "msr nzcv, x2\nfcsel d0, d0, d1, cc", "fmov x0, d0");
op!(fcvtns_dd, "fcvtns d0, d0", "fmov x0, d0");
op!(fcvtnu_dd, "fcvtnu d0, d0", "fmov x0, d0");
op!(fcvtps_dd, "fcvtps d0, d0", "fmov x0, d0");
op!(fcvtpu_dd, "fcvtpu d0, d0", "fmov x0, d0");
op!(fcvtms_dd, "fcvtms d0, d0", "fmov x0, d0");
op!(fcvtmu_dd, "fcvtmu d0, d0", "fmov x0, d0");
op!(fcvtas_dd, "fcvtas d0, d0", "fmov x0, d0");
op!(fcvtau_dd, "fcvtau d0, d0", "fmov x0, d0");
op!(fcvtzs_dd, "fcvtzs d0, d0", "fmov x0, d0");
op!(fcvtzu_dd, "fcvtzu d0, d0", "fmov x0, d0");
op!(scvtf_dd, "scvtf d0, d0", "fmov x0, d0");
op!(ucvtf_dd, "ucvtf d0, d0", "fmov x0, d0");
op!(fcmeq_d_zero, "fcmeq d0, d0, #0.0", "fmov x0, d0");
op!(fcmge_d_zero, "fcmge d0, d0, #0.0", "fmov x0, d0");
op!(fcmgt_d_zero, "fcmgt d0, d0, #0.0", "fmov x0, d0");
op!(fcmle_d_zero, "fcmle d0, d0, #0.0", "fmov x0, d0");
op!(fcmlt_d_zero, "fcmlt d0, d0, #0.0", "fmov x0, d0");
op!(faddp_d, "ins v0.d[1], x1\nfaddp d0, v0.2d", "fmov x0, d0");
op!(fmaxp_d, "ins v0.d[1], x1\nfmaxp d0, v0.2d", "fmov x0, d0");
op!(fminp_d, "ins v0.d[1], x1\nfminp d0, v0.2d", "fmov x0, d0");
op!(fmaxnmp_d, "ins v0.d[1], x1\nfmaxnmp d0, v0.2d", "fmov x0, d0");
op!(fminnmp_d, "ins v0.d[1], x1\nfminnmp d0, v0.2d", "fmov x0, d0");
op!(fmla_d_elt0, "fmla d0, d1, v2.d[0]", "fmov x0, d0");
op!(fmla_d_elttop, "ins v2.d[1], x2\nfmla d0, d1, v2.d[1]", "fmov x0, d0");
op!(fmls_d_elt0, "fmls d0, d1, v2.d[0]", "fmov x0, d0");
op!(fmls_d_elttop, "ins v2.d[1], x2\nfmls d0, d1, v2.d[1]", "fmov x0, d0");
op!(fmul_d_elt0, "fmul d0, d1, v2.d[0]", "fmov x0, d0");
op!(fmul_d_elttop, "ins v2.d[1], x2\nfmul d0, d1, v2.d[1]", "fmov x0, d0");
op!(fmulx_d_elt0, "fmulx d0, d1, v2.d[0]", "fmov x0, d0");
op!(fmulx_d_elttop, "ins v2.d[1], x2\nfmulx d0, d1, v2.d[1]", "fmov x0, d0");
op!(scvtf_dd_fb1, "scvtf d0, d0, #1", "fmov x0, d0");
op!(ucvtf_dd_fb1, "ucvtf d0, d0, #1", "fmov x0, d0");
op!(fcvtzs_dd_fb1, "fcvtzs d0, d0, #1", "fmov x0, d0");
op!(fcvtzu_dd_fb1, "fcvtzu d0, d0, #1", "fmov x0, d0");
op!(scvtf_dd_fb33, "scvtf d0, d0, #33", "fmov x0, d0");
op!(ucvtf_dd_fb33, "ucvtf d0, d0, #33", "fmov x0, d0");
op!(fcvtzs_dd_fb33, "fcvtzs d0, d0, #33", "fmov x0, d0");
op!(fcvtzu_dd_fb33, "fcvtzu d0, d0, #33", "fmov x0, d0");
op!(scvtf_dd_fb64, "scvtf d0, d0, #64", "fmov x0, d0");
op!(ucvtf_dd_fb64, "ucvtf d0, d0, #64", "fmov x0, d0");
op!(fcvtzs_dd_fb64, "fcvtzs d0, d0, #64", "fmov x0, d0");
op!(fcvtzu_dd_fb64, "fcvtzu d0, d0, #64", "fmov x0, d0");

pub static INSN_OPS: &[(&str, OpFn)] = &[
    ("fcmp_s_zero", fcmp_s_zero),
    ("fcmpe_s_zero", fcmpe_s_zero),
    ("fccmp_s_eq", fccmp_s_eq),
    ("fccmpe_s_lt", fccmpe_s_lt),
    ("fccmp_s_hi", fccmp_s_hi),
    ("fccmpe_s_vs", fccmpe_s_vs),
    ("fcsel_s_ge", fcsel_s_ge),
    ("fcsel_s_cc", fcsel_s_cc),
    ("fcvtns_ss", fcvtns_ss),
    ("fcvtnu_ss", fcvtnu_ss),
    ("fcvtps_ss", fcvtps_ss),
    ("fcvtpu_ss", fcvtpu_ss),
    ("fcvtms_ss", fcvtms_ss),
    ("fcvtmu_ss", fcvtmu_ss),
    ("fcvtas_ss", fcvtas_ss),
    ("fcvtau_ss", fcvtau_ss),
    ("fcvtzs_ss", fcvtzs_ss),
    ("fcvtzu_ss", fcvtzu_ss),
    ("scvtf_ss", scvtf_ss),
    ("ucvtf_ss", ucvtf_ss),
    ("fcmeq_s_zero", fcmeq_s_zero),
    ("fcmge_s_zero", fcmge_s_zero),
    ("fcmgt_s_zero", fcmgt_s_zero),
    ("fcmle_s_zero", fcmle_s_zero),
    ("fcmlt_s_zero", fcmlt_s_zero),
    ("faddp_s", faddp_s),
    ("fmaxp_s", fmaxp_s),
    ("fminp_s", fminp_s),
    ("fmaxnmp_s", fmaxnmp_s),
    ("fminnmp_s", fminnmp_s),
    ("fmla_s_elt0", fmla_s_elt0),
    ("fmla_s_elttop", fmla_s_elttop),
    ("fmls_s_elt0", fmls_s_elt0),
    ("fmls_s_elttop", fmls_s_elttop),
    ("fmul_s_elt0", fmul_s_elt0),
    ("fmul_s_elttop", fmul_s_elttop),
    ("fmulx_s_elt0", fmulx_s_elt0),
    ("fmulx_s_elttop", fmulx_s_elttop),
    ("scvtf_ss_fb1", scvtf_ss_fb1),
    ("ucvtf_ss_fb1", ucvtf_ss_fb1),
    ("fcvtzs_ss_fb1", fcvtzs_ss_fb1),
    ("fcvtzu_ss_fb1", fcvtzu_ss_fb1),
    ("scvtf_ss_fb17", scvtf_ss_fb17),
    ("ucvtf_ss_fb17", ucvtf_ss_fb17),
    ("fcvtzs_ss_fb17", fcvtzs_ss_fb17),
    ("fcvtzu_ss_fb17", fcvtzu_ss_fb17),
    ("scvtf_ss_fb32", scvtf_ss_fb32),
    ("ucvtf_ss_fb32", ucvtf_ss_fb32),
    ("fcvtzs_ss_fb32", fcvtzs_ss_fb32),
    ("fcvtzu_ss_fb32", fcvtzu_ss_fb32),
    ("fcmp_d_zero", fcmp_d_zero),
    ("fcmpe_d_zero", fcmpe_d_zero),
    ("fccmp_d_eq", fccmp_d_eq),
    ("fccmpe_d_lt", fccmpe_d_lt),
    ("fccmp_d_hi", fccmp_d_hi),
    ("fccmpe_d_vs", fccmpe_d_vs),
    ("fcsel_d_ge", fcsel_d_ge),
    ("fcsel_d_cc", fcsel_d_cc),
    ("fcvtns_dd", fcvtns_dd),
    ("fcvtnu_dd", fcvtnu_dd),
    ("fcvtps_dd", fcvtps_dd),
    ("fcvtpu_dd", fcvtpu_dd),
    ("fcvtms_dd", fcvtms_dd),
    ("fcvtmu_dd", fcvtmu_dd),
    ("fcvtas_dd", fcvtas_dd),
    ("fcvtau_dd", fcvtau_dd),
    ("fcvtzs_dd", fcvtzs_dd),
    ("fcvtzu_dd", fcvtzu_dd),
    ("scvtf_dd", scvtf_dd),
    ("ucvtf_dd", ucvtf_dd),
    ("fcmeq_d_zero", fcmeq_d_zero),
    ("fcmge_d_zero", fcmge_d_zero),
    ("fcmgt_d_zero", fcmgt_d_zero),
    ("fcmle_d_zero", fcmle_d_zero),
    ("fcmlt_d_zero", fcmlt_d_zero),
    ("faddp_d", faddp_d),
    ("fmaxp_d", fmaxp_d),
    ("fminp_d", fminp_d),
    ("fmaxnmp_d", fmaxnmp_d),
    ("fminnmp_d", fminnmp_d),
    ("fmla_d_elt0", fmla_d_elt0),
    ("fmla_d_elttop", fmla_d_elttop),
    ("fmls_d_elt0", fmls_d_elt0),
    ("fmls_d_elttop", fmls_d_elttop),
    ("fmul_d_elt0", fmul_d_elt0),
    ("fmul_d_elttop", fmul_d_elttop),
    ("fmulx_d_elt0", fmulx_d_elt0),
    ("fmulx_d_elttop", fmulx_d_elttop),
    ("scvtf_dd_fb1", scvtf_dd_fb1),
    ("ucvtf_dd_fb1", ucvtf_dd_fb1),
    ("fcvtzs_dd_fb1", fcvtzs_dd_fb1),
    ("fcvtzu_dd_fb1", fcvtzu_dd_fb1),
    ("scvtf_dd_fb33", scvtf_dd_fb33),
    ("ucvtf_dd_fb33", ucvtf_dd_fb33),
    ("fcvtzs_dd_fb33", fcvtzs_dd_fb33),
    ("fcvtzu_dd_fb33", fcvtzu_dd_fb33),
    ("scvtf_dd_fb64", scvtf_dd_fb64),
    ("ucvtf_dd_fb64", ucvtf_dd_fb64),
    ("fcvtzs_dd_fb64", fcvtzs_dd_fb64),
    ("fcvtzu_dd_fb64", fcvtzu_dd_fb64),
];
