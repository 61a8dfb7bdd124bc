//! Tests of the AdvSIMD integer table: every line reachable, assembled instructions
//! decode to their lines, and random instances of every line run without panicking.

use super::TABLE;
use crate::decode::{decode, test_support};
use crate::exec::simd_fuzz::Rng;
use crate::insn::Insn;
use crate::platform::NullPlatform;
use crate::sysreg::Slot;

#[test]
fn every_line_decodes_to_itself() {
    test_support::assert_every_line_decodes_to_itself(TABLE);
}

#[test]
fn lines_are_disjoint() {
    test_support::assert_lines_disjoint(TABLE);
}

/// Random instances of every line (100k each by default, `SIMD_INT_FUZZ_PER_LINE`
/// overrides) on random V registers, FPSR and FP enable: no panic, and a faulting
/// instruction leaves V and FPSR unchanged.
#[test]
fn random_words_of_every_line_never_panic() {
    let per_line: usize = std::env::var("SIMD_INT_FUZZ_PER_LINE").ok().and_then(|v| v.parse().ok()).unwrap_or(100_000);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut plat = NullPlatform;
    for e in TABLE {
        let mut cpu = crate::testutil::cpu_with_code(&[], 1);
        for k in 0..per_line {
            if k % 8 == 0 {
                for v in cpu.s.v.iter_mut() {
                    let r = rng.next_u64();
                    *v = match r % 4 {
                        0 => [0x8000_0000_8000_0000 >> (r >> 8 & 1), 0x7fff_7fff_8080_8000],
                        1 => [u64::MAX, 1 << 63],
                        _ => [rng.next_u64(), rng.next_u64()],
                    };
                }
                let r = rng.next_u64();
                cpu.s.fpsr = (r as u32) & 0xf800_009f;
                cpu.s.sys[Slot::CPACR_EL1 as usize] = if r >> 40 & 15 == 0 { 0 } else { 3 << 20 };
            }
            let w = (rng.next_u64() as u32 & !e.mask) | e.value;
            let (v, fpsr) = (cpu.s.v, cpu.s.fpsr);
            if (e.exec)(&mut cpu, &mut plat, Insn(w)).is_err() {
                assert!(cpu.s.v == v && cpu.s.fpsr == fpsr, "{}: {w:#010x} faulted after writing state", e.name);
            }
        }
    }
}

/// No implemented line of another table is shadowed by a line here (the class-wide
/// `unimplemented` fall-back lines of `simd_fp` are meant to be).
#[test]
fn other_tables_are_not_shadowed() {
    let fallback = crate::exec::simd_fp::unimplemented as crate::exec::ExecFn;
    let mut rng = Rng(0x1234_5678_9abc_def1);
    for (name, table) in crate::decode::all_tables() {
        if name == "simd_int" {
            continue;
        }
        for e in table.iter().filter(|e| !std::ptr::fn_addr_eq(e.exec, fallback)) {
            for _ in 0..256 {
                let w = (rng.next_u64() as u32 & !e.mask) | e.value;
                if let Some(hit) = TABLE.iter().find(|x| x.matches(w)) {
                    panic!("{name}: {} ({w:#010x}) is shadowed by {}", e.name, hit.name);
                }
            }
        }
    }
}

/// Instructions assembled by dynasm decode to the lines named after them.
#[test]
fn assembled_instructions_decode_to_their_lines() {
    let code = crate::a64!(
        ; uhadd v0.b16, v1.b16, v2.b16 ; sqrshl v0.h8, v1.h8, v2.h8 ; umaxp v0.s4, v1.s4, v2.s4 ; pmul v0.b8, v1.b8, v2.b8
        ; sqrdmulh s0, s1, s2 ; cmtst d0, d1, d2 ; uqshl b0, b1, b2 ; uaddw2 v0.s4, v1.s4, v2.h8 ; rsubhn v0.b8, v1.h8, v2.h8
        ; umlsl2 v0.d2, v1.s4, v2.s4 ; sqdmull d0, s1, s2 ; pmull2 v0.h8, v1.b16, v2.b16 ; rev16 v0.b16, v1.b16
        ; uadalp v0.s4, v1.h8 ; usqadd h0, h1 ; rbit v0.b8, v1.b8 ; mvn v0.b16, v1.b16 ; cmle d0, d1, 0 ; sqxtun2 v0.b16, v1.h8
        ; uqxtn s0, d1 ; shll2 v0.d2, v1.s4, 32 ; uaddlv h0, v1.b8 ; sminv s0, v1.s4 ; addp d0, v1.d2 ; ursra v0.d2, v1.d2, 3
        ; sli v0.b8, v1.b8, 2 ; sqshlu h0, h1, 3 ; uqrshrn2 v0.h8, v1.s4, 5 ; ushll v0.s4, v1.h4, 0 ; sqrshrun s0, d1, 7
        ; sri d0, d1, 64 ; mls v0.h8, v1.h8, v2.h[7] ; umull2 v0.d2, v1.s4, v2.s[3] ; sqdmlsl s0, h1, v2.h[1]
        ; sqrdmulh v0.s2, v1.s2, v2.s[1]
    );
    let names = [
        "UHADD_vec",
        "SQRSHL_vec",
        "UMAXP",
        "PMUL",
        "SQRDMULH_scalar",
        "CMTST_scalar",
        "UQSHL_scalar_reg",
        "UADDW",
        "RSUBHN",
        "UMLSL_vec",
        "SQDMULL_scalar",
        "PMULL_8",
        "REV16_vec",
        "UADALP",
        "USQADD_scalar",
        "RBIT_vec",
        "NOT",
        "CMLE_zero_scalar",
        "SQXTUN_vec",
        "UQXTN_scalar",
        "SHLL",
        "UADDLV",
        "SMINV",
        "ADDP_scalar",
        "URSRA_vec_D",
        "SLI_vec_B",
        "SQSHLU_scalar",
        "UQRSHRN_vec_H",
        "USHLL_vec_H",
        "SQRSHRUN_scalar",
        "SRI_scalar",
        "MLS_elt",
        "UMULL_elt",
        "SQDMLSL_elt_scalar",
        "SQRDMULH_elt",
    ];
    assert_eq!(code.len(), names.len() * 4);
    for (k, name) in names.iter().enumerate() {
        let w = u32::from_le_bytes([code[4 * k], code[4 * k + 1], code[4 * k + 2], code[4 * k + 3]]);
        assert_eq!(decode(w).map(|e| e.name), Some(*name), "insn {k} ({w:#010x})");
    }
}
