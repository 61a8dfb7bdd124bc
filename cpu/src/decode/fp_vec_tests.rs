//! Tests of the AdvSIMD FP vector table: every line reachable and disjoint from the
//! integer and other lines, assembled instructions decode to their lines, and random
//! instances of every line run without panicking.

use super::TABLE;
use crate::decode::test_support::{self, overlap};
use crate::decode::{decode, simd_fp, simd_int, simd_perm};
use crate::exec::simd_fuzz::Rng;
use crate::insn::Insn;
use crate::platform::NullPlatform;
use crate::sysreg::Slot;

#[test]
fn every_line_decodes_to_itself() {
    test_support::assert_every_line_decodes_to_itself(TABLE);
}

#[test]
fn lines_are_disjoint_from_each_other_and_from_named_lines_elsewhere() {
    test_support::assert_lines_disjoint(TABLE);
    for a in TABLE {
        // The integer lines share the three-same / two-register-misc / across-lanes /
        // indexed / shift-immediate classes by opcode; `simd_fp` has named lines (copy,
        // modified immediate, logical) besides its class-wide `AdvSIMD_*` ones.
        let others = simd_int::TABLE.iter().chain(simd_perm::TABLE).chain(simd_fp::TABLE);
        for b in others.filter(|b| !b.name.starts_with("AdvSIMD_")) {
            assert!(!overlap(a, b), "{} ({}) overlaps {} ({})", a.name, a.pattern, b.name, b.pattern);
        }
    }
}

#[test]
fn assembled_instructions_decode_to_their_lines() {
    let code = crate::a64!(
        ; fmaxnm v0.s4, v1.s4, v2.s4 ; fminnm v0.d2, v1.d2, v2.d2 ; fmla v0.s2, v1.s2, v2.s2
        ; fmls v0.d2, v1.d2, v2.d2 ; fadd v0.s4, v1.s4, v2.s4 ; fsub v0.s2, v1.s2, v2.s2
        ; fmulx v0.s4, v1.s4, v2.s4 ; fcmeq v0.d2, v1.d2, v2.d2 ; fmax v0.s4, v1.s4, v2.s4
        ; fmin v0.s4, v1.s4, v2.s4 ; frecps v0.s4, v1.s4, v2.s4 ; frsqrts v0.d2, v1.d2, v2.d2
        ; fmaxnmp v0.s4, v1.s4, v2.s4 ; fminnmp v0.s2, v1.s2, v2.s2 ; faddp v0.d2, v1.d2, v2.d2
        ; fabd v0.s4, v1.s4, v2.s4 ; fmul v0.d2, v1.d2, v2.d2 ; fcmge v0.s4, v1.s4, v2.s4
        ; fcmgt v0.s4, v1.s4, v2.s4 ; facge v0.s4, v1.s4, v2.s4 ; facgt v0.d2, v1.d2, v2.d2
        ; fmaxp v0.s4, v1.s4, v2.s4 ; fminp v0.s4, v1.s4, v2.s4 ; fdiv v0.d2, v1.d2, v2.d2
        ; fcvtn v0.s2, v1.d2 ; fcvtn2 v0.s4, v1.d2 ; fcvtl v0.s4, v1.h4 ; fcvtl2 v0.d2, v1.s4
        ; frintn v0.s4, v1.s4 ; frintm v0.d2, v1.d2 ; fcvtns v0.s4, v1.s4 ; fcvtms v0.s2, v1.s2
        ; fcvtas v0.d2, v1.d2 ; scvtf v0.s4, v1.s4 ; fcmgt v0.s4, v1.s4, 0.0
        ; fcmeq v0.d2, v1.d2, 0.0 ; fcmlt v0.s2, v1.s2, 0.0 ; fabs v0.s4, v1.s4
        ; frintp v0.s4, v1.s4 ; frintz v0.d2, v1.d2 ; fcvtps v0.s4, v1.s4 ; fcvtzs v0.s4, v1.s4
        ; urecpe v0.s4, v1.s4 ; frecpe v0.d2, v1.d2 ; fcvtxn2 v0.s4, v1.d2 ; frinta v0.s4, v1.s4
        ; frintx v0.s4, v1.s4 ; fcvtnu v0.s4, v1.s4 ; fcvtmu v0.s4, v1.s4 ; fcvtau v0.s4, v1.s4
        ; ucvtf v0.d2, v1.d2 ; fcmge v0.s4, v1.s4, 0.0 ; fcmle v0.s4, v1.s4, 0.0
        ; fneg v0.d2, v1.d2 ; frinti v0.s4, v1.s4 ; fcvtpu v0.s4, v1.s4 ; fcvtzu v0.d2, v1.d2
        ; ursqrte v0.s2, v1.s2 ; frsqrte v0.s4, v1.s4 ; fsqrt v0.d2, v1.d2
        ; fmaxnmv s0, v1.s4 ; fminnmv s0, v1.s4 ; fmaxv s0, v1.s4 ; fminv s0, v1.s4
        ; fmla v0.s4, v1.s4, v2.s[3] ; fmls v0.d2, v1.d2, v2.d[1] ; fmul v0.s2, v1.s2, v17.s[1]
        ; fmulx v0.d2, v1.d2, v2.d[0]
        ; scvtf v0.d2, v1.d2, 3 ; scvtf v0.s4, v1.s4, 32 ; ucvtf v0.d2, v1.d2, 64
        ; ucvtf v0.s2, v1.s2, 1 ; fcvtzs v0.d2, v1.d2, 5 ; fcvtzs v0.s4, v1.s4, 7
        ; fcvtzu v0.d2, v1.d2, 1 ; fcvtzu v0.s4, v1.s4, 31
    );
    let names = [
        "FMAXNM_vec",
        "FMINNM_vec",
        "FMLA_vec",
        "FMLS_vec",
        "FADD_vec",
        "FSUB_vec",
        "FMULX_vec",
        "FCMEQ_vec",
        "FMAX_vec",
        "FMIN_vec",
        "FRECPS_vec",
        "FRSQRTS_vec",
        "FMAXNMP_vec",
        "FMINNMP_vec",
        "FADDP_vec",
        "FABD_vec",
        "FMUL_vec",
        "FCMGE_vec",
        "FCMGT_vec",
        "FACGE_vec",
        "FACGT_vec",
        "FMAXP_vec",
        "FMINP_vec",
        "FDIV_vec",
        "FCVTN_vec",
        "FCVTN_vec",
        "FCVTL_vec",
        "FCVTL_vec",
        "FRINTN_vec",
        "FRINTM_vec",
        "FCVTNS_vec",
        "FCVTMS_vec",
        "FCVTAS_vec",
        "SCVTF_vec_int",
        "FCMGT_zero_vec",
        "FCMEQ_zero_vec",
        "FCMLT_zero_vec",
        "FABS_vec",
        "FRINTP_vec",
        "FRINTZ_vec",
        "FCVTPS_vec",
        "FCVTZS_vec_int",
        "URECPE",
        "FRECPE_vec",
        "FCVTXN_vec",
        "FRINTA_vec",
        "FRINTX_vec",
        "FCVTNU_vec",
        "FCVTMU_vec",
        "FCVTAU_vec",
        "UCVTF_vec_int",
        "FCMGE_zero_vec",
        "FCMLE_zero_vec",
        "FNEG_vec",
        "FRINTI_vec",
        "FCVTPU_vec",
        "FCVTZU_vec_int",
        "URSQRTE",
        "FRSQRTE_vec",
        "FSQRT_vec",
        "FMAXNMV",
        "FMINNMV",
        "FMAXV",
        "FMINV",
        "FMLA_elt",
        "FMLS_elt",
        "FMUL_elt",
        "FMULX_elt",
        "SCVTF_vec_fix_D",
        "SCVTF_vec_fix_S",
        "UCVTF_vec_fix_D",
        "UCVTF_vec_fix_S",
        "FCVTZS_vec_fix_D",
        "FCVTZS_vec_fix_S",
        "FCVTZU_vec_fix_D",
        "FCVTZU_vec_fix_S",
    ];
    assert_eq!(code.len(), names.len() * 4);
    for (k, name) in names.iter().enumerate() {
        let w = u32::from_le_bytes([code[4 * k], code[4 * k + 1], code[4 * k + 2], code[4 * k + 3]]);
        assert_eq!(decode(w).map(|e| e.name), Some(*name), "insn {k} ({w:#010x})");
    }
}

/// An FP-flavoured random lane pattern: special values are frequent.
fn fp_bits(rng: &mut Rng) -> u64 {
    let r = rng.next_u64();
    let pick = |x: u64| match x % 8 {
        0 => 0x7f80_0000,           // +inf (S)
        1 => 0xffc0_0001,           // -qNaN
        2 => 0x7f80_0001,           // sNaN
        3 => 0x0000_0001,           // denormal
        4 => 0x8000_0000,           // -0
        5 => 0x3f80_0000,           // 1.0
        6 => 0x4f80_0000,           // 2^32
        _ => x >> 16 & 0xffff_ffff, // anything
    };
    match r % 4 {
        0 => pick(r >> 3) | pick(r >> 11) << 32,
        1 => [0x7ff0_0000_0000_0000, 0xfff8_0000_0000_0001, 0x7ff0_0000_0000_0001, 1, 0x43f0_0000_0000_0000]
            [(r >> 3) as usize % 5],
        _ => rng.next_u64(),
    }
}

/// Random instances of every line (100k each by default, `FP_VEC_FUZZ_PER_LINE`
/// overrides) on random V registers (special values frequent), FPCR, FPSR and FP
/// enable: no panic, and a faulting instruction leaves V and FPSR unchanged.
#[test]
fn random_words_of_every_line_never_panic() {
    let per_line: usize = std::env::var("FP_VEC_FUZZ_PER_LINE").ok().and_then(|v| v.parse().ok()).unwrap_or(100_000);
    let mut rng = Rng(0x5eed_f00d_0000_0004);
    let mut plat = NullPlatform;
    for e in TABLE {
        let mut cpu = crate::testutil::cpu_with_code(&[], 1);
        for k in 0..per_line {
            if k % 8 == 0 {
                for v in 0..32 {
                    cpu.s.v[v] = [fp_bits(&mut rng), fp_bits(&mut rng)];
                }
                let r = rng.next_u64();
                cpu.s.fpsr = (r as u32) & 0xf800_009f;
                cpu.s.fpcr = ((r >> 32) as u32) & 0x07c0_0000;
                cpu.s.sys[Slot::CPACR_EL1 as usize] = if r >> 60 == 0 { 0 } else { 3 << 20 };
            }
            let w = (rng.next_u64() as u32 & !e.mask) | e.value;
            let (v, fpsr) = (cpu.s.v, cpu.s.fpsr);
            if (e.exec)(&mut cpu, &mut plat, Insn(w)).is_err() {
                assert!(cpu.s.v == v && cpu.s.fpsr == fpsr, "{}: {w:#010x} faulted after writing state", e.name);
            }
        }
    }
}
