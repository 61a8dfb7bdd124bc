//! Instruction-level differential test of the scalar floating-point instructions:
//! el2emu's decoder and handlers against the real instructions under QEMU user mode.
//!
//! Reuses the oracle of `fp_qemu_diff.rs` (`scripts/fp/oracle`): `fp-oracle --insn-list`
//! names every scalar operation it knows (the `ops.rs` table plus `insn_ops.rs`: compare
//! with zero, FCCMP/FCCMPE, FCSEL, the Advanced SIMD scalar conversions, compares with
//! zero, pairwise, by-element and fixed-point forms) together with the machine code it
//! runs once the operands are in place (the instruction, any set-up such as
//! `msr nzcv, x2` or `ins`, and the epilogue leaving the result in x0). This test runs
//! those same words in el2emu on the same operands (a, b, c in x0..x2 and d0..d2, the
//! upper halves of V0..V2 clear) and FPCR, and compares x0 and FPSR. So it checks
//! decode, operand and result plumbing, and the FP core together.
//!
//! `EL2EMU_FP_INSN_VECTORS` sets the random vectors per operation (default 2000) after
//! an edge grid (special-value pairs under 4 FPCR settings); `EL2EMU_FP_SEED` the seed.
//! Needs `qemu-aarch64` and the `aarch64-unknown-linux-musl` Rust target.

use el2emu_cpu::fp::{FpFlags, FpSize};
use el2emu_cpu::sysreg::{id, Slot};
use el2emu_cpu::{Cpu, NullPlatform};
use el2emu_mmu::GuestRam;

mod support;
use support::{fp_oracle, qemu, run_fp_oracle, Random, XorShift64Star as Rng};

const CODE: u64 = 0x4000_0000;

/// Operand kind from the op name `<mnemonic>_<dest><source>[_...]`: FP of the source
/// size, or an integer (SCVTF/UCVTF) of the source width.
#[derive(Clone, Copy)]
enum Kind {
    Fp(FpSize),
    Int(u32),
}

fn kind_of(name: &str) -> Kind {
    let (mn, rest) = name.split_once('_').expect("op name has a suffix");
    let t: Vec<char> = rest.split('_').next().unwrap_or("").chars().collect();
    let src = if t.len() >= 2 { t[1] } else { t[0] };
    if mn == "scvtf" || mn == "ucvtf" {
        Kind::Int(if src == 'w' || src == 's' { 32 } else { 64 })
    } else {
        Kind::Fp(match src {
            'h' => FpSize::H,
            's' => FpSize::S,
            _ => FpSize::D,
        })
    }
}

fn specials(s: FpSize) -> Vec<u64> {
    let (b, f) = (s.bias() as u64, u64::from(s.fbits()));
    let mut v = vec![
        s.zero(false),
        s.zero(true),
        s.infinity(false),
        s.infinity(true),
        s.default_nan() | 3,
        s.pack(true, s.exp_max(), 1),
        s.pack(false, 0, 1),
        s.pack(true, 0, s.frac_mask()),
        s.pack(false, 1, 0),
        s.max_normal(true),
        s.pack(false, b, 0),
        s.pack(true, b, s.quiet_bit()),
        s.pack(false, b + 1, s.quiet_bit()),
        s.pack(false, b - 1, s.frac_mask()),
        s.pack(true, b + f, 1),
    ];
    if s != FpSize::H {
        v.extend([s.pack(false, b + 31, 0), s.pack(true, b + 63, 0), s.pack(false, b + 32, s.frac_mask())]);
    }
    v
}

fn gen_fp(rng: &mut Rng, s: FpSize, other: u64) -> u64 {
    let (b, f) = (s.bias() as u64, u64::from(s.fbits()));
    let sign = rng.next() & 1 != 0;
    let frac = rng.next() & s.frac_mask();
    match rng.below(10) {
        0 => {
            let sp = specials(s);
            sp[rng.below(sp.len() as u64) as usize]
        }
        1 | 2 => rng.next() & s.mask(),
        // Near the other operand (cancellation, ties, equality).
        3 => (other.wrapping_add(rng.below(5)).wrapping_sub(2) ^ (s.sign_bit() * (rng.next() & 1))) & s.mask(),
        // Small integers and halves.
        4 => s.pack(sign, b + rng.below(f.min(12)), frac & !(s.frac_mask() >> rng.below(5))),
        // Near the integer conversion limits.
        5 => {
            let k = [15u64, 16, 31, 32, 52, 53, 63, 64, 0, 1][rng.below(10) as usize];
            let fr = if rng.next() & 1 != 0 { s.frac_mask() >> rng.below(4) } else { frac & rng.next() & rng.next() };
            s.pack(sign, (b + k).saturating_sub(rng.below(2)).min(s.exp_max() - 1), fr)
        }
        6 => s.pack(sign, 0, frac >> rng.below(f)),
        7 => s.pack(sign, s.exp_max(), frac.max(1)),
        8 => s.pack(sign, rng.below(3 + f).min(s.exp_max() - 1), frac),
        _ => s.pack(sign, s.exp_max() - 1 - rng.below(3 + f), frac),
    }
}

fn gen_int(rng: &mut Rng, bits: u32) -> u64 {
    let mask = u64::MAX >> (64 - bits);
    let v = match rng.below(5) {
        0 => [0, 1, mask, mask >> 1, (mask >> 1) + 1, 3][rng.below(6) as usize],
        1 => rng.next() >> rng.below(64),
        2 => (rng.next() >> rng.below(64)).wrapping_neg(),
        3 => (1u64 << rng.below(u64::from(bits))).wrapping_add(rng.below(5)).wrapping_sub(2),
        _ => rng.next(),
    };
    v & mask
}

/// Runs `words` in el2emu on the operands, returning `(x0, fpsr)`, or `None` if the
/// code did not retire (an exception).
fn emulate(cpu: &mut Cpu, n_words: usize, fpcr: u32, a: u64, b: u64, c: u64) -> Option<(u64, u64)> {
    let s = &mut cpu.s;
    s.x[..3].copy_from_slice(&[a, b, c]);
    s.v[..3].copy_from_slice(&[[a, 0], [b, 0], [c, 0]]);
    s.fpcr = fpcr;
    s.fpsr = 0;
    s.pc = CODE;
    let mut plat = NullPlatform;
    for _ in 0..n_words {
        let _ = cpu.step(&mut plat);
    }
    (cpu.s.pc == CODE + 4 * n_words as u64).then(|| (cpu.s.x[0], u64::from(cpu.s.fpsr)))
}

#[test]
fn scalar_fp_instructions_match_qemu() {
    let per_op: usize = std::env::var("EL2EMU_FP_INSN_VECTORS").ok().and_then(|v| v.parse().ok()).unwrap_or(2000);
    let seed: u64 = std::env::var("EL2EMU_FP_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(0x5EED_1235_F00D);
    let bin = fp_oracle();
    let list = qemu("cortex-a57", &bin).arg("--insn-list").output().expect("running the oracle --insn-list");
    assert!(list.status.success(), "oracle --insn-list failed");
    let ops: Vec<(String, Vec<u32>)> = String::from_utf8(list.stdout)
        .expect("utf8")
        .lines()
        .map(|l| {
            let mut it = l.split_whitespace();
            let name = it.next().expect("name").to_owned();
            (name, it.map(|w| u32::from_str_radix(w, 16).expect("hex word")).collect())
        })
        .collect();
    assert!(ops.len() > 250, "oracle lists {} operations", ops.len());

    let mut rng = Rng(seed | 1);
    let mut records = Vec::new();
    for (op, (name, _)) in ops.iter().enumerate() {
        let op = op as u32;
        let kind = kind_of(name);
        // Edge grid: special-value pairs under RN, FZ+DN, AHP+RP, FZ+RZ.
        for fpcr in [0u32, 3 << 24, (1 << 26) | (1 << 22), (1 << 24) | (3 << 22)] {
            match kind {
                Kind::Fp(s) => {
                    let sp = specials(s);
                    for &a in &sp {
                        for &b in &sp {
                            records.push((
                                op,
                                fpcr,
                                a,
                                b,
                                sp[(rng.below(sp.len() as u64)) as usize] | (rng.next() << 32 & (0xf << 60)),
                            ));
                        }
                    }
                }
                Kind::Int(bits) => {
                    for _ in 0..32 {
                        records.push((op, fpcr, gen_int(&mut rng, bits), 0, 0));
                    }
                }
            }
        }
        for _ in 0..per_op {
            let fpcr = (rng.below(16) as u32) << 22;
            let (a, b, c) = match kind {
                Kind::Fp(s) => {
                    let a = gen_fp(&mut rng, s, 0);
                    let b = gen_fp(&mut rng, s, a);
                    (a, b, gen_fp(&mut rng, s, b) | (rng.next() & (0xf << 28) & !s.mask()))
                }
                Kind::Int(bits) => (gen_int(&mut rng, bits), rng.next(), rng.next()),
            };
            records.push((op, fpcr, a, b, c));
        }
    }
    let expected = run_fp_oracle(&bin, &records);

    let ram = GuestRam::new(CODE, 0x1_0000).expect("ram");
    let mut cpu = Cpu::new(0, ram, id::CORTEX_A57, 1);
    cpu.s.sys[Slot::CPACR_EL1 as usize] = 3 << 20;
    let mut loaded = u32::MAX;
    let (mut mismatches, mut report) = (0usize, String::new());
    let mut per = vec![0usize; ops.len()];
    for (&(op, fpcr, a, b, c), &(want, want_fpsr)) in records.iter().zip(&expected) {
        let (name, words) = &ops[op as usize];
        if loaded != op {
            let bytes: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
            assert!(cpu.ram.load(CODE, &bytes));
            loaded = op;
        }
        let got = emulate(&mut cpu, words.len(), fpcr, a, b, c);
        let want = Some((want, want_fpsr & u64::from(FpFlags::ALL)));
        let got = got.map(|(r, f)| (r, f & u64::from(FpFlags::ALL)));
        if got != want {
            mismatches += 1;
            per[op as usize] += 1;
            if per[op as usize] <= 3 && report.len() < 30_000 {
                report.push_str(&format!(
                    "{name}: a={a:#x} b={b:#x} c={c:#x} fpcr={fpcr:#x}\n    qemu:   {want:x?}\n    el2emu: {got:x?}\n"
                ));
            }
        }
    }
    let summary: Vec<String> =
        ops.iter().zip(&per).filter(|(_, &n)| n > 0).map(|((name, _), n)| format!("{name}:{n}")).collect();
    println!("fp_insn_diff: {} vectors over {} operations, {mismatches} mismatches", records.len(), ops.len());
    assert!(mismatches == 0, "{mismatches} mismatches against qemu-aarch64 ({})\n{report}", summary.join(" "));
}
