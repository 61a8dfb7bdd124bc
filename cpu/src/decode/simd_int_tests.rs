//! Tests of the AdvSIMD integer table: every line reachable, assembled instructions
//! decode to their lines, and random instances of every line run without panicking.

use super::TABLE;
use crate::decode::decode;
use crate::insn::Insn;
use crate::platform::NullPlatform;
use crate::sysreg::Slot;

/// xorshift64*: deterministic test randomness.
fn rng(seed: &mut u64) -> u64 {
    *seed ^= *seed >> 12;
    *seed ^= *seed << 25;
    *seed ^= *seed >> 27;
    seed.wrapping_mul(0x2545_f491_4f6c_dd1d)
}

#[test]
fn every_line_decodes_to_itself() {
    for e in TABLE {
        for w in [e.value, e.value | !e.mask] {
            let hit = decode(w).expect("decodes");
            assert!(std::ptr::eq(hit, e), "{} ({w:#010x}) decodes to {}", e.name, hit.name);
        }
    }
}

#[test]
fn lines_are_disjoint() {
    for (k, a) in TABLE.iter().enumerate() {
        for b in &TABLE[k + 1..] {
            let overlap = (a.value ^ b.value) & a.mask & b.mask == 0;
            assert!(!overlap, "{} ({}) overlaps {} ({})", a.name, a.pattern, b.name, b.pattern);
        }
    }
}

/// Random instances of every line (100k each by default, `SIMD_INT_FUZZ_PER_LINE`
/// overrides) on random V registers, FPSR and FP enable: no panic, and a faulting
/// instruction leaves V and FPSR unchanged.
#[test]
fn random_words_of_every_line_never_panic() {
    let per_line: usize = std::env::var("SIMD_INT_FUZZ_PER_LINE").ok().and_then(|v| v.parse().ok()).unwrap_or(100_000);
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut plat = NullPlatform;
    for e in TABLE {
        let mut cpu = crate::testutil::cpu_with_code(&[], 1);
        for k in 0..per_line {
            if k % 8 == 0 {
                for v in cpu.s.v.iter_mut() {
                    let r = rng(&mut seed);
                    *v = match r % 4 {
                        0 => [0x8000_0000_8000_0000 >> (r >> 8 & 1), 0x7fff_7fff_8080_8000],
                        1 => [u64::MAX, 1 << 63],
                        _ => [rng(&mut seed), rng(&mut seed)],
                    };
                }
                let r = rng(&mut seed);
                cpu.s.fpsr = (r as u32) & 0xf800_009f;
                cpu.s.sys[Slot::CPACR_EL1 as usize] = if r >> 40 & 15 == 0 { 0 } else { 3 << 20 };
            }
            let w = (rng(&mut seed) as u32 & !e.mask) | e.value;
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
    let mut seed = 0x1234_5678_9abc_def1u64;
    for (name, table) in crate::decode::all_tables() {
        if name == "simd_int" {
            continue;
        }
        for e in table.iter().filter(|e| !std::ptr::fn_addr_eq(e.exec, fallback)) {
            for _ in 0..256 {
                let w = (rng(&mut seed) as u32 & !e.mask) | e.value;
                if let Some(hit) = TABLE.iter().find(|x| x.matches(w)) {
                    panic!("{name}: {} ({w:#010x}) is shadowed by {}", e.name, hit.name);
                }
            }
        }
    }
}
