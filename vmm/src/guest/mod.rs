//! Guest programs and the data they check.

pub mod baremetal_code;

/// The values the bare-metal guest loads into V0-V31, as (low, high) 64-bit halves; the
/// VMM copies this table into guest RAM, where the guest reads it both to fill V0-V23 and to
/// check all 32 registers after every exit.
///
/// The fill method of each group fixes the shape of its values:
/// V0-V7 LDR Q, V8-V15 FMOV/INS (any values), V16-V19 DUP .4S (one word four times),
/// V20-V23 DUP .2D (one doubleword twice), V24-V31 the immediates in MAIN (gen_baremetal.py).
pub fn expected_vregs() -> [[u64; 2]; 32] {
    let mut t = [[0u64; 2]; 32];
    for (i, v) in t.iter_mut().enumerate().take(16) {
        let i = i as u64;
        let lo = 0x6775_6573_7400_0000u64 // "guest"
            | (i << 16)
            | (0xa5 ^ i) << 8
            | (0x3c + i);
        *v = [lo, !lo.rotate_left(13 + i as u32)];
    }
    for (i, v) in t.iter_mut().enumerate().take(20).skip(16) {
        let w = 0xf00d_0000u64 | (i as u64) << 8 | 0x42;
        let d = w | w << 32;
        *v = [d, d];
    }
    for (i, v) in t.iter_mut().enumerate().take(24).skip(20) {
        let d = 0x0123_4567_89ab_cdefu64.rotate_left(8 * (i as u32 - 19)) ^ i as u64;
        *v = [d, d];
    }
    // MOVI/MVNI/FMOV immediates, in the order of gen_baremetal.py's MOVI list.
    let imm: [u64; 8] = [
        0xff00_ff00_00ff_ff00, // movi v24.2d, #0xff00ff0000ffff00
        0x00ff_00ff_ff00_00ff, // movi v25.2d, #0x00ff00ffff0000ff
        0xa5a5_a5a5_a5a5_a5a5, // movi v26.16b, #0xa5
        0x5a00_5a00_5a00_5a00, // movi v27.8h, #0x5a, lsl #8
        0x00c3_0000_00c3_0000, // movi v28.4s, #0xc3, lsl #16
        0xc3ff_ffff_c3ff_ffff, // mvni v29.4s, #0x3c, lsl #24
        0x0000_7eff_0000_7eff, // movi v30.4s, #0x7e, msl #8
        0xbff4_0000_0000_0000, // fmov v31.2d, #-1.25
    ];
    for (v, d) in t[24..].iter_mut().zip(imm) {
        *v = [d, d];
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_halves_distinct_where_free() {
        let t = expected_vregs();
        let mut all: Vec<u64> = t.iter().flatten().copied().collect();
        all.sort();
        all.dedup();
        // 16 registers with two free halves, 16 with both halves equal.
        assert_eq!(all.len(), 16 * 2 + 16);
        assert_eq!((-1.25f64).to_bits(), t[31][0]);
    }

    #[test]
    fn code_fits_below_the_vectors() {
        assert!(baremetal_code::MAIN.len() * 4 <= 0x800);
        assert!(baremetal_code::VECTOR_ENTRY.len() * 4 <= 0x80);
    }
}
