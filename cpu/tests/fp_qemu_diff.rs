//! Differential test of `el2emu_cpu::fp` against QEMU user mode (`qemu-aarch64`, whose
//! Arm FP is SoftFloat configured for Arm), as an oracle nobody here wrote.
//!
//! The oracle program (`scripts/fp/oracle`, a static aarch64-unknown-linux-musl binary)
//! executes the real instruction under a given FPCR and reports the result and FPSR. This
//! test generates operands with special values weighted (±0, ±inf, NaNs with payloads,
//! denormals, extreme normals, values near rounding and conversion boundaries) for every
//! operation under random FPCR values (RMode × FZ × DN × AHP), computes the same
//! operation with the model and compares result bits and the FPSR cumulative flags.
//!
//! `EL2EMU_FP_VECTORS` sets the number of vectors (default 200,000 random vectors after a ~430,000-vector grid of special values; e.g. 1000000 for a
//! long run), `EL2EMU_FP_SEED` the random seed. Needs `qemu-aarch64` (Debian package
//! `qemu-user`) and the `aarch64-unknown-linux-musl` Rust target.

use el2emu_cpu::fp::{self, FpFlags, FpRounding, FpSize, Fpcr};

mod support;
use support::{fp_oracle, qemu, qemu_present, run_fp_oracle, Random, XorShift64Star as Rng};

const FPSR_MASK: u64 = FpFlags::ALL as u64;

fn size_of(c: char) -> FpSize {
    match c {
        'h' => FpSize::H,
        's' => FpSize::S,
        _ => FpSize::D,
    }
}

/// What kind of operands an operation takes and how to generate them.
#[derive(Clone, Copy, Debug)]
enum Kind {
    /// Floating-point operands of this size (one, two or three used).
    Fp(FpSize),
    /// FP source converted to an integer.
    ToInt(FpSize),
    /// Integer source of `bits` width.
    FromInt(u32),
}

/// The operation's operand kind, parsed from its oracle name.
fn kind_of(name: &str) -> Kind {
    let (mn, rest) = name.split_once('_').expect("op name has a suffix");
    let suffix: Vec<char> = rest.chars().collect();
    if mn.starts_with("fcvt") && mn.len() == 6 && mn != "fcvtxn" {
        // fcvt[npmaz][su]_{w,x}{s,d}
        Kind::ToInt(size_of(suffix[1]))
    } else if mn == "scvtf" || mn == "ucvtf" {
        Kind::FromInt(if suffix[1] == 'w' { 32 } else { 64 })
    } else if mn == "fcvt" || mn == "fcvtxn" {
        Kind::Fp(size_of(suffix[1]))
    } else {
        Kind::Fp(size_of(suffix[0]))
    }
}

/// Whether the FP operation reads only its first operand.
fn is_unary(name: &str) -> bool {
    let mn = name.split('_').next().unwrap_or("");
    matches!(
        mn,
        "fsqrt"
            | "frintn"
            | "frintp"
            | "frintm"
            | "frintz"
            | "frinta"
            | "frintx"
            | "frinti"
            | "frecpe"
            | "frsqrte"
            | "frecpx"
            | "fabs"
            | "fneg"
            | "fcvt"
            | "fcvtxn"
    )
}

/// A random value of `size`, weighted towards special and boundary cases.
fn gen_fp(rng: &mut Rng, size: FpSize, other: Option<u64>) -> u64 {
    let f = size.fbits();
    let sign = rng.bool();
    let frac = rng.next() & size.frac_mask();
    let bias = size.bias() as u64;
    match rng.below(16) {
        0 => size.zero(sign),
        1 => size.infinity(sign),
        2 => size.pack(sign, size.exp_max(), size.quiet_bit() | (frac & rng.next())),
        3 => size.pack(sign, size.exp_max(), (frac & (size.quiet_bit() - 1)).max(1)),
        4 => size.pack(sign, 0, frac.max(1) >> rng.below(u64::from(f))),
        5 => [
            size.pack(sign, 1, 0),
            size.max_normal(sign),
            size.pack(sign, 0, 1),
            size.pack(sign, 0, size.frac_mask()),
            size.pack(sign, 1, rng.below(4)),
        ][rng.below(5) as usize],
        6 | 7 => rng.next() & size.mask(),
        8 | 9 => {
            // Near 1.0 .. 2^±8, with few or many fraction bits set.
            let e = (bias + rng.below(17)).saturating_sub(8);
            let frac = match rng.below(3) {
                0 => frac,
                1 => frac & !(size.frac_mask() >> rng.below(u64::from(f))),
                _ => (size.frac_mask() >> rng.below(u64::from(f))) ^ (size.frac_mask() * u64::from(rng.bool())),
            };
            size.pack(sign, e, frac)
        }
        10 | 11 => match other {
            // Close to the other operand: cancellation and ties.
            Some(o) if size.exp_field(o) != size.exp_max() => {
                let delta = rng.below(5);
                let v = if rng.bool() { o.wrapping_add(delta) } else { o.wrapping_sub(delta) } & size.mask();
                let v = if rng.bool() { v ^ size.sign_bit() } else { v };
                // Shift the exponent a little.
                let e = size.exp_field(v);
                let ne = (e + rng.below(2 * u64::from(f) + 4)).saturating_sub(u64::from(f) + 2).min(size.exp_max() - 1);
                if rng.below(3) == 0 {
                    size.pack(size.sign_of(v), ne, size.frac_field(v))
                } else {
                    v
                }
            }
            _ => rng.next() & size.mask(),
        },
        12 => {
            // Around the underflow boundary.
            size.pack(sign, rng.below(3 + u64::from(f)).min(size.exp_max() - 1), frac)
        }
        13 => {
            // Around the overflow boundary.
            size.pack(sign, size.exp_max() - 1 - rng.below(3 + u64::from(f)), frac)
        }
        14 => {
            // Integers and halves near conversion limits (2^15, 2^31, 2^32, 2^63, 2^64).
            let k = [0u64, 1, 2, 15, 16, 31, 32, 52, 53, 63, 64, 23, 24][rng.below(13) as usize];
            let e = (bias + k).saturating_sub(rng.below(2)).min(size.exp_max() - 1);
            let frac = if rng.bool() { size.frac_mask() >> rng.below(4) } else { frac & rng.next() & rng.next() };
            size.pack(sign, e, frac)
        }
        _ => {
            // Small integers and halves.
            let e = bias + rng.below(u64::from(f).min(12));
            size.pack(sign, e.min(size.exp_max() - 1), frac & !(size.frac_mask() >> rng.below(5)))
        }
    }
}

/// A random integer operand of `bits`, weighted towards limits.
fn gen_int(rng: &mut Rng, bits: u32) -> u64 {
    let mask = u64::MAX >> (64 - bits);
    let v = match rng.below(8) {
        0 => [0, 1, mask, mask >> 1, (mask >> 1) + 1, 2, 3][rng.below(7) as usize],
        1 => rng.next() >> rng.below(64),
        2 => (1u64 << rng.below(u64::from(bits))).wrapping_add(rng.below(5)).wrapping_sub(2),
        3 => (rng.next() >> rng.below(64)).wrapping_neg(),
        4 => {
            // A value just above a rounding tie: 24/53 significant bits plus a few.
            let top = rng.below(u64::from(bits)) as u32;
            let base = 1u64 << top;
            base | (rng.next() & (base.wrapping_sub(1)) & !(u64::MAX >> rng.below(64)))
        }
        _ => rng.next(),
    };
    v & mask
}

/// Fixed special values of `size` for the exhaustive edge-case grid.
fn specials(size: FpSize) -> Vec<u64> {
    let bias = size.bias() as u64;
    let f = size.fbits();
    let mut v = vec![
        size.zero(false),
        size.zero(true),
        size.infinity(false),
        size.infinity(true),
        size.default_nan() | 5,
        size.pack(true, size.exp_max(), 1),
        size.pack(false, size.exp_max(), size.quiet_bit() >> 1),
        size.pack(false, 0, 1),
        size.pack(true, 0, size.frac_mask()),
        size.pack(false, 0, size.quiet_bit()),
        size.pack(false, 1, 0),
        size.max_normal(true),
        size.max_normal(false),
        size.pack(false, bias, 0),
        size.pack(true, bias, 1),
        size.pack(false, bias, size.quiet_bit()),
        size.pack(true, bias + 1, size.quiet_bit()),
        size.pack(false, bias - 1, size.frac_mask()),
        size.pack(false, bias + u64::from(f), 1),
    ];
    if size != FpSize::H {
        v.extend([
            size.pack(true, bias + 31, 0),
            size.pack(false, bias + 31, size.frac_mask()),
            size.pack(false, bias + 63, 0),
            size.pack(true, bias + 63, 1),
        ]);
    }
    v
}

fn fb(name: &str) -> u32 {
    name.split_once("_fb").map_or(0, |(_, f)| f.parse().expect("fbits"))
}

/// The model's `(result, fpsr)` for oracle operation `name`.
fn model(name: &str, fpcr_bits: u32, a: u64, b: u64, c: u64) -> (u64, u64) {
    let fpcr = Fpcr::from_bits(u64::from(fpcr_bits));
    let mut fl = FpFlags::default();
    let (mn, rest) = name.split_once('_').expect("suffix");
    let sfx: Vec<char> = rest.chars().collect();
    let s = size_of(sfx[0]);
    let f = &mut fl;
    let all_ones = |t: bool| if t { s.mask() } else { 0 };
    let rm = fpcr.rounding();
    let r: u64 = match mn {
        "fadd" => fp::fp_add(s, a, b, fpcr, f),
        "fsub" => fp::fp_sub(s, a, b, fpcr, f),
        "fmul" => fp::fp_mul(s, a, b, fpcr, f),
        "fdiv" => fp::fp_div(s, a, b, fpcr, f),
        "fnmul" => fp::fp_neg(s, fp::fp_mul(s, a, b, fpcr, f)),
        "fmax" => fp::fp_max(s, a, b, fpcr, f),
        "fmin" => fp::fp_min(s, a, b, fpcr, f),
        "fmaxnm" => fp::fp_max_num(s, a, b, fpcr, f),
        "fminnm" => fp::fp_min_num(s, a, b, fpcr, f),
        "frecps" => fp::fp_recip_step_fused(s, a, b, fpcr, f),
        "frsqrts" => fp::fp_rsqrt_step_fused(s, a, b, fpcr, f),
        "fcmeq" => all_ones(fp::fp_compare_eq(s, a, b, fpcr, f)),
        "fcmge" => all_ones(fp::fp_compare_ge(s, a, b, fpcr, f)),
        "fcmgt" => all_ones(fp::fp_compare_gt(s, a, b, fpcr, f)),
        "facge" => all_ones(fp::fp_compare_ge(s, fp::fp_abs(s, a), fp::fp_abs(s, b), fpcr, f)),
        "facgt" => all_ones(fp::fp_compare_gt(s, fp::fp_abs(s, a), fp::fp_abs(s, b), fpcr, f)),
        "fabd" => fp::fp_abs(s, fp::fp_sub(s, a, b, fpcr, f)),
        "fmadd" => fp::fp_mul_add(s, c, a, b, fpcr, f),
        "fmsub" => fp::fp_mul_add(s, c, fp::fp_neg(s, a), b, fpcr, f),
        "fnmadd" => fp::fp_mul_add(s, fp::fp_neg(s, c), fp::fp_neg(s, a), b, fpcr, f),
        "fnmsub" => fp::fp_mul_add(s, fp::fp_neg(s, c), a, b, fpcr, f),
        "fsqrt" => fp::fp_sqrt(s, a, fpcr, f),
        "frintn" => fp::fp_round_int(s, a, fpcr, FpRounding::TieEven, false, f),
        "frintp" => fp::fp_round_int(s, a, fpcr, FpRounding::PosInf, false, f),
        "frintm" => fp::fp_round_int(s, a, fpcr, FpRounding::NegInf, false, f),
        "frintz" => fp::fp_round_int(s, a, fpcr, FpRounding::Zero, false, f),
        "frinta" => fp::fp_round_int(s, a, fpcr, FpRounding::TieAway, false, f),
        "frintx" => fp::fp_round_int(s, a, fpcr, rm, true, f),
        "frinti" => fp::fp_round_int(s, a, fpcr, rm, false, f),
        "frecpe" => fp::fp_recip_estimate(s, a, fpcr, f),
        "frsqrte" => fp::fp_rsqrt_estimate(s, a, fpcr, f),
        "frecpx" => fp::fp_recpx(s, a, fpcr, f),
        "fabs" => fp::fp_abs(s, a),
        "fneg" => fp::fp_neg(s, a),
        "fcmp" | "fcmpe" => u64::from(fp::fp_compare(s, a, b, mn == "fcmpe", fpcr, f)) << 28,
        "fcvt" => fp::fp_convert(size_of(sfx[1]), s, a, fpcr, rm, f),
        "fcvtxn" => fp::fp_convert(size_of(sfx[1]), s, a, fpcr, FpRounding::Odd, f),
        "scvtf" | "ucvtf" => {
            let bits = if sfx[1] == 'w' { 32 } else { 64 };
            fp::fixed_to_fp(s, a, fb(name), mn == "ucvtf", bits, fpcr, rm, f)
        }
        _ if mn.starts_with("fcvt") => {
            let bits = if sfx[0] == 'w' { 32 } else { 64 };
            let rounding = match mn.as_bytes()[4] {
                b'n' => FpRounding::TieEven,
                b'p' => FpRounding::PosInf,
                b'm' => FpRounding::NegInf,
                b'a' => FpRounding::TieAway,
                _ => FpRounding::Zero,
            };
            let unsigned = mn.ends_with('u');
            fp::fp_to_fixed(size_of(sfx[1]), a, fb(name), unsigned, bits, fpcr, rounding, f)
        }
        _ => panic!("no model for oracle op {name}"),
    };
    (r, u64::from(fl.bits()))
}

fn fmt_fpcr(fpcr: u32) -> String {
    let f = Fpcr::from_bits(u64::from(fpcr));
    format!("{fpcr:#010x} (AHP={} DN={} FZ={} RMode={:?})", f.ahp as u8, f.dn as u8, f.fz as u8, f.rmode)
}

#[test]
fn fp_matches_qemu() {
    assert!(
        qemu_present(),
        "qemu-aarch64 is missing: install Debian's `qemu-user` package (apt-get install qemu-user) to run the FP differential test"
    );
    let total: usize = std::env::var("EL2EMU_FP_VECTORS").ok().and_then(|v| v.parse().ok()).unwrap_or(200_000);
    let seed: u64 = std::env::var("EL2EMU_FP_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(0x5EED_F00D_1234_5678);
    let bin = fp_oracle();
    let list = qemu("cortex-a57", &bin).arg("--list").output().expect("running the oracle --list");
    assert!(list.status.success(), "oracle --list failed");
    let names: Vec<String> = String::from_utf8(list.stdout).expect("utf8").lines().map(str::to_owned).collect();
    assert!(!names.is_empty());

    let mut rng = Rng(seed | 1);
    let mut records = Vec::new();
    // Exhaustive grid of special values under all 16 FPCR (AHP, DN, FZ, RMode) settings.
    for (op, name) in names.iter().enumerate() {
        for fpcr in (0..16u32).map(|m| m << 22) {
            match kind_of(name) {
                Kind::Fp(s) | Kind::ToInt(s) => {
                    let sp = specials(s);
                    let unary = matches!(kind_of(name), Kind::ToInt(_)) || !name.contains('_') || is_unary(name);
                    for (i, &a) in sp.iter().enumerate() {
                        for (j, &b) in sp.iter().enumerate() {
                            if unary && j > 0 {
                                break;
                            }
                            records.push((op as u32, fpcr, a, b, sp[(i + 2 * j) % sp.len()]));
                        }
                    }
                }
                Kind::FromInt(bits) => {
                    let mask = u64::MAX >> (64 - bits);
                    for v in [
                        0,
                        1,
                        2,
                        3,
                        mask,
                        mask >> 1,
                        (mask >> 1) + 1,
                        (1 << 24) + 1,
                        (1 << 53) + 1,
                        0x7FFF_FFC0,
                        0xFFFF_FF80_0000_0000,
                    ] {
                        records.push((op as u32, fpcr, v & mask, 0, 0));
                    }
                }
            }
        }
    }
    let grid = records.len();
    records.reserve(total);
    for i in 0..total {
        let op = (i % names.len()) as u32;
        let name = &names[op as usize];
        // Random RMode, FZ, DN, AHP.
        let fpcr = (rng.below(16) as u32) << 22;
        let (a, b, c) = match kind_of(name) {
            Kind::Fp(s) => {
                let a = gen_fp(&mut rng, s, None);
                let b = gen_fp(&mut rng, s, Some(a));
                let c = if rng.bool() { gen_fp(&mut rng, s, Some(a)) } else { gen_fp(&mut rng, s, Some(b)) };
                (a, b, c)
            }
            Kind::ToInt(s) => (gen_fp(&mut rng, s, None), 0, 0),
            Kind::FromInt(bits) => (gen_int(&mut rng, bits), 0, 0),
        };
        records.push((op, fpcr, a, b, c));
    }
    let expected = run_fp_oracle(&bin, &records);

    // Coverage: how often QEMU raised each flag, so a generator regression shows.
    let flag_names = [
        (FpFlags::IOC, "IOC"),
        (FpFlags::DZC, "DZC"),
        (FpFlags::OFC, "OFC"),
        (FpFlags::UFC, "UFC"),
        (FpFlags::IXC, "IXC"),
        (FpFlags::IDC, "IDC"),
    ];
    let counts: Vec<(&str, usize)> = flag_names
        .iter()
        .map(|&(bit, n)| (n, expected.iter().filter(|(_, fpsr)| fpsr & u64::from(bit) != 0).count()))
        .collect();
    println!("fp_qemu_diff: flag coverage {counts:?}");
    for &(n, count) in &counts {
        assert!(count * 1000 >= records.len(), "flag {n} raised in only {count} vectors: operand generator too weak");
    }

    let mut mismatches = 0usize;
    let mut per_op = vec![0usize; names.len()];
    let mut report = String::new();
    for (&(op, fpcr, a, b, c), &(want, want_fpsr)) in records.iter().zip(&expected) {
        let name = &names[op as usize];
        let (got, got_fpsr) = model(name, fpcr, a, b, c);
        let want_fpsr = want_fpsr & FPSR_MASK;
        if got != want || got_fpsr != want_fpsr {
            mismatches += 1;
            per_op[op as usize] += 1;
            if per_op[op as usize] <= 3 && report.len() < 40_000 {
                report.push_str(&format!(
                    "{name}: a={a:#x} b={b:#x} c={c:#x} fpcr={}\n    qemu:  result={want:#x} fpsr={want_fpsr:#x}\n    model: result={got:#x} fpsr={got_fpsr:#x}\n",
                    fmt_fpcr(fpcr)
                ));
            }
        }
    }
    let summary: Vec<String> =
        names.iter().zip(&per_op).filter(|(_, &n)| n > 0).map(|(name, n)| format!("{name}:{n}")).collect();
    println!("fp_qemu_diff: {grid} edge-grid + {} random vectors", records.len() - grid);
    println!("fp_qemu_diff: {} vectors over {} operations, {mismatches} mismatches", records.len(), names.len());
    assert!(mismatches == 0, "{mismatches} mismatches against qemu-aarch64 ({})\n{report}", summary.join(" "));
}
