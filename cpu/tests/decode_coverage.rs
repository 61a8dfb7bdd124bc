//! Not a check but a report: per op0 encoding group (Arm ARM C4.1), the fraction of the
//! encoding space that has a decode line, how much of it is implemented and how much is
//! `unimplemented`. Run with `--nocapture` to see it.

use el2emu_cpu::decode;
use el2emu_cpu::exec::{self, ExecFn};

/// SplitMix64 step.
fn next(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Samples each group uniformly.
#[test]
fn encoding_space_coverage() {
    let groups: [(&str, &[u32]); 6] = [
        ("data processing (immediate) 100x", &[0b1000, 0b1001]),
        ("branches, exceptions, system 101x", &[0b1010, 0b1011]),
        ("loads and stores x1x0", &[0b0100, 0b0110, 0b1100, 0b1110]),
        ("data processing (register) x101", &[0b0101, 0b1101]),
        ("SIMD and FP x111", &[0b0111, 0b1111]),
        ("reserved/SVE/unallocated 00xx", &[0b0000, 0b0001, 0b0010, 0b0011]),
    ];
    let unimp: [ExecFn; 2] = [exec::unimplemented, exec::simd_fp::unimplemented];
    let mut rng = 0xc0ffee_u64;
    let samples = 200_000;
    for (name, op0s) in groups {
        let (mut lined, mut not_impl) = (0usize, 0usize);
        for k in 0..samples {
            let op0 = op0s[k % op0s.len()];
            let word = (next(&mut rng) as u32 & !(0xf << 25)) | (op0 << 25);
            if let Some(e) = decode::decode(word) {
                lined += 1;
                if unimp.iter().any(|&f| std::ptr::fn_addr_eq(f, e.exec)) {
                    not_impl += 1;
                }
            }
        }
        let pct = |n: usize| 100.0 * n as f64 / samples as f64;
        eprintln!(
            "coverage: {name}: {:.1}% has a line ({:.1}% implemented, {:.1}% unimplemented), {:.1}% UNDEFINED",
            pct(lined),
            pct(lined - not_impl),
            pct(not_impl),
            pct(samples - lined)
        );
    }
}
