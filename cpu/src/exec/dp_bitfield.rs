//! Data processing — immediate, bitfield class (Arm ARM C4.1.86.7): SBFM, BFM, UBFM and
//! through them the aliases ASR/LSL/LSR (immediate), SBFIZ/SBFX/SXTB/SXTH/SXTW,
//! BFI/BFXIL/BFC, UBFIZ/UBFX/UXTB/UXTH.

use super::dp_logical_imm::decode_bit_masks;
use crate::exception::{self, Trap};
use crate::exec::trunc;
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::platform::Platform;

type R = Result<(), Trap>;

/// The decoded fields shared by the three instructions.
struct Bitfield {
    datasize: u32,
    r: u32,
    s: u32,
    wmask: u64,
    tmask: u64,
}

/// Decode and check: `sf == 1 && N != 1` and `sf == 0 && (N != 0 || immr<5> != 0 ||
/// imms<5> != 0)` are UNDEFINED; then `DecodeBitMasks(N, imms, immr, FALSE, datasize)`.
#[inline(always)]
fn decode(cpu: &Cpu, i: Insn) -> Result<Bitfield, Trap> {
    let sf = i.sf();
    let n = i.bits(22, 22);
    let r = i.bits(21, 16);
    let s = i.bits(15, 10);
    let datasize = if sf { 64 } else { 32 };
    let bad = if sf { n != 1 } else { n != 0 || r >= 32 || s >= 32 };
    if bad {
        return Err(exception::undefined(&cpu.s));
    }
    let Some((wmask, tmask)) = decode_bit_masks(n, s, r, false, datasize) else {
        return Err(exception::undefined(&cpu.s));
    };
    Ok(Bitfield { datasize, r, s, wmask: trunc(wmask, sf), tmask: trunc(tmask, sf) })
}

/// `ROR(x, shift)` within `datasize` bits (`shift < datasize`).
pub fn ror(x: u64, shift: u32, datasize: u32) -> u64 {
    if datasize == 64 {
        x.rotate_right(shift & 63)
    } else {
        (x as u32).rotate_right(shift & 31) as u64
    }
}

/// Arm ARM C6.2.266: SBFM.
/// `bot = ROR(src, R) AND wmask; top = Replicate(src<S>);
/// X[d] = (top AND NOT tmask) OR (bot AND tmask)`.
pub fn sbfm(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let b = decode(cpu, i)?;
    let src = cpu.s.xr(i.rn());
    let bot = ror(src, b.r, b.datasize) & b.wmask;
    let top = if (src >> b.s) & 1 != 0 { trunc(u64::MAX, i.sf()) } else { 0 };
    cpu.s.set_xr(i.rd(), (top & !b.tmask) | (bot & b.tmask));
    Ok(())
}

/// Arm ARM C6.2.29: BFM.
/// `bot = (dst AND NOT wmask) OR (ROR(src, R) AND wmask);
/// X[d] = (dst AND NOT tmask) OR (bot AND tmask)`.
pub fn bfm(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let b = decode(cpu, i)?;
    let dst = trunc(cpu.s.xr(i.rd()), i.sf());
    let src = cpu.s.xr(i.rn());
    let bot = (dst & !b.wmask) | (ror(src, b.r, b.datasize) & b.wmask);
    cpu.s.set_xr(i.rd(), trunc((dst & !b.tmask) | (bot & b.tmask), i.sf()));
    Ok(())
}

/// Arm ARM C6.2.385: UBFM. `X[d] = ROR(src, R) AND wmask AND tmask`.
pub fn ubfm(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let b = decode(cpu, i)?;
    let src = cpu.s.xr(i.rn());
    let bot = ror(src, b.r, b.datasize) & b.wmask;
    cpu.s.set_xr(i.rd(), bot & b.tmask);
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::exec::dp_imm::tests::{assert_undefined, run_with};

    #[test]
    fn ubfm_shifts_and_extracts() {
        let code = crate::a64!(
            ; lsl x0, x1, #4        // UBFM #60, #59
            ; lsr x2, x1, #4        // UBFM #4, #63
            ; ubfx w3, w4, #28, #4
            ; ubfm w5, w1, #0, #7   // UXTB
            ; ubfm x6, x1, #0, #63  // R = 0, S = 63: copy
            ; brk 0
        );
        let cpu = run_with(&code, &[(1, 0x0123_4567_89ab_cdef), (4, 0xffff_ffff_a000_0000)], 0);
        assert_eq!(cpu.s.x[0], 0x1234_5678_9abc_def0);
        assert_eq!(cpu.s.x[2], 0x0012_3456_789a_bcde);
        assert_eq!(cpu.s.x[3], 0xa);
        assert_eq!(cpu.s.x[5], 0xef);
        assert_eq!(cpu.s.x[6], 0x0123_4567_89ab_cdef);
    }

    #[test]
    fn sbfm_sign_extends() {
        let code = crate::a64!(
            ; asr x0, x1, #4        // SBFM #4, #63
            ; sbfm x2, x3, #0, #7   // SXTB
            ; sbfm x4, x5, #0, #31  // SXTW
            ; sbfm w6, w7, #0, #15  // SXTH, 32-bit
            ; sbfx x8, x9, #8, #4
            ; sbfiz x10, x11, #4, #4
            ; sbfm w12, w13, #31, #31 // ASR W #31
            ; brk 0
        );
        let cpu = run_with(
            &code,
            &[
                (1, 0x8000_0000_0000_0010),
                (3, 0x80),
                (5, 0x8000_0000),
                (7, 0xffff_ffff_0000_8000),
                (9, 0xf00),
                (11, 9),
                (13, 0x8000_0000),
            ],
            0,
        );
        assert_eq!(cpu.s.x[0], 0xf800_0000_0000_0001);
        assert_eq!(cpu.s.x[2], 0xffff_ffff_ffff_ff80);
        assert_eq!(cpu.s.x[4], 0xffff_ffff_8000_0000);
        // The 32-bit form zeroes the upper half.
        assert_eq!(cpu.s.x[6], 0x0000_0000_ffff_8000);
        // Field 0xf is -1.
        assert_eq!(cpu.s.x[8], u64::MAX);
        // Field 1001 = -7, shifted left by 4.
        assert_eq!(cpu.s.x[10], 0xffff_ffff_ffff_ff90);
        assert_eq!(cpu.s.x[12], 0xffff_ffff);
    }

    #[test]
    fn bfm_inserts() {
        let code = crate::a64!(
            ; bfi x0, x1, #8, #8
            ; bfxil x2, x3, #4, #8
            ; bfi w4, w5, #0, #8
            ; bfi x6, x7, #63, #1
            ; brk 0
        );
        let cpu = run_with(
            &code,
            &[
                (0, u64::MAX),
                (1, 0x12),
                (2, 0xffff_ffff_ffff_ff00),
                (3, 0xabc0),
                (4, 0xdead_beef_0000_0000),
                (5, 0x1ff),
                (6, 0),
                (7, 1),
            ],
            0,
        );
        assert_eq!(cpu.s.x[0], 0xffff_ffff_ffff_12ff);
        assert_eq!(cpu.s.x[2], 0xffff_ffff_ffff_ffbc);
        // 32-bit: the destination's upper half is cleared.
        assert_eq!(cpu.s.x[4], 0xff);
        assert_eq!(cpu.s.x[6], 1 << 63);
    }

    #[test]
    fn bitfield_reserved() {
        assert_undefined(0x1340_0000); // SBFM W, N = 1
        assert_undefined(0x9300_0000); // SBFM X, N = 0
        assert_undefined(0x1320_0000); // SBFM W, immr = 32
        assert_undefined(0x3300_8000); // BFM W, imms = 32
        assert_undefined(0x5300_0000 | (1 << 22)); // UBFM W, N = 1
        assert_undefined(0x7300_0000); // opc = 11
    }
}
