//! Data processing — immediate, logical (immediate) class (Arm ARM C4.1.86.5): AND,
//! ORR, EOR, ANDS (immediate) and the aliases MOV (bitmask immediate) and TST
//! (immediate), with the shared bitmask decoder [`decode_bit_masks`] (also used by the
//! bitfield class, [`super::dp_bitfield`]).

use super::dp_logical_reg::{logical_tail, LogicalOp};
use crate::exception::{self, Trap};
use crate::exec::trunc;
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::platform::Platform;

type R = Result<(), Trap>;

/// Arm ARM J1.1.3 DecodeBitMasks(immN, imms, immr, immediate, M): the `(wmask, tmask)`
/// pair, each replicated to 64 bits (callers truncate to the datasize), or `None` where
/// the pseudocode says UNDEFINED (`len < 1`, or an all-ones element for a logical
/// immediate). `m` is the datasize; `len = 6` with `m = 32` is also refused.
#[inline(always)]
pub fn decode_bit_masks(imm_n: u32, imms: u32, immr: u32, immediate: bool, m: u32) -> Option<(u64, u64)> {
    // len = HighestSetBit(immN:NOT(imms))
    let combined = ((imm_n & 1) << 6) | (!imms & 0x3f);
    if combined == 0 {
        return None;
    }
    let len = 31 - combined.leading_zeros();
    if len < 1 || (1u32 << len) > m {
        return None;
    }
    let levels = (1u32 << len) - 1;
    if immediate && (imms & levels) == levels {
        return None;
    }
    let s = imms & levels;
    let r = immr & levels;
    let d = s.wrapping_sub(r) & levels;
    let esize = 1u32 << len;
    let emask = if esize == 64 { u64::MAX } else { (1u64 << esize) - 1 };
    // welem = ZeroExtend(Ones(S + 1), esize); S < esize so S + 1 <= esize.
    let welem = ones(s + 1);
    let telem = ones(d + 1);
    // ROR(welem, R) within esize.
    let wrot = if r == 0 { welem } else { ((welem >> r) | (welem << (esize - r))) & emask };
    Some((replicate(wrot, esize), replicate(telem, esize)))
}

/// `Ones(n)` for 1 <= n <= 64.
#[inline(always)]
fn ones(n: u32) -> u64 {
    if n >= 64 {
        u64::MAX
    } else {
        (1u64 << n) - 1
    }
}

/// `Replicate(elem, 64 / esize)` for `elem < 2^esize`: a multiplication by the
/// pattern with a one at the bottom of every element (no carries between elements).
#[inline(always)]
fn replicate(elem: u64, esize: u32) -> u64 {
    if esize >= 64 {
        elem
    } else {
        elem.wrapping_mul(u64::MAX / ((1u64 << esize) - 1))
    }
}

/// The shared body of AND/ORR/EOR/ANDS (immediate). `sf == 0 && N == 1` and the
/// reserved bitmask values are UNDEFINED. Rd is SP for AND/ORR/EOR, XZR for ANDS.
#[inline(always)]
fn logical_imm(cpu: &mut Cpu, i: Insn, op: LogicalOp, setflags: bool) -> R {
    let sf = i.sf();
    let datasize = if sf { 64 } else { 32 };
    if !sf && i.bit(22) {
        return Err(exception::undefined(&cpu.s));
    }
    let Some((wmask, _)) = decode_bit_masks(i.bits(22, 22), i.bits(15, 10), i.bits(21, 16), true, datasize) else {
        return Err(exception::undefined(&cpu.s));
    };
    let imm = trunc(wmask, sf);
    let operand1 = cpu.s.xr(i.rn());
    let result = op.apply(operand1, imm, sf);
    logical_tail(cpu, i, result, setflags, true)
}

/// Arm ARM C6.2.12: AND (immediate).
pub fn and_imm(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    logical_imm(cpu, i, LogicalOp::And, false)
}

/// Arm ARM C6.2.254: ORR (immediate).
pub fn orr_imm(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    logical_imm(cpu, i, LogicalOp::Orr, false)
}

/// Arm ARM C6.2.104: EOR (immediate).
pub fn eor_imm(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    logical_imm(cpu, i, LogicalOp::Eor, false)
}

/// Arm ARM C6.2.14: ANDS (immediate).
pub fn ands_imm(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    logical_imm(cpu, i, LogicalOp::And, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exec::dp_imm::tests::{assert_undefined, run_with};
    use crate::state::flags::{C, N, V, Z};
    use crate::testutil::DATA;

    #[test]
    fn bit_masks_by_hand() {
        // N=1, imms=000000: one 64-bit element with a single one.
        assert_eq!(decode_bit_masks(1, 0, 0, true, 64).map(|m| m.0), Some(1));
        // imms=111100: 2-bit elements `01` repeated.
        assert_eq!(decode_bit_masks(0, 0b111100, 0, true, 64).map(|m| m.0), Some(0x5555_5555_5555_5555));
        // imms=000111: 32-bit elements of eight ones.
        assert_eq!(decode_bit_masks(0, 0b000111, 0, true, 32).map(|m| m.0), Some(0x0000_00ff_0000_00ff));
        // 8-bit element 0x01 rotated right by one: 0x80 in every byte.
        assert_eq!(decode_bit_masks(0, 0b110000, 1, true, 64).map(|m| m.0), Some(0x8080_8080_8080_8080));
        // 64 ones rotated: still all ones, reserved as an immediate but fine for bitfields.
        assert_eq!(decode_bit_masks(1, 0b111111, 7, true, 64), None);
        assert_eq!(decode_bit_masks(1, 0b111111, 0, false, 64), Some((u64::MAX, u64::MAX)));
        // 2-bit element all ones (imms=111101) reserved as an immediate.
        assert_eq!(decode_bit_masks(0, 0b111101, 0, true, 64), None);
        // len < 1: immN:NOT(imms) = 0000000 or 0000001.
        assert_eq!(decode_bit_masks(0, 0b111111, 0, false, 64), None);
        assert_eq!(decode_bit_masks(0, 0b111110, 0, false, 64), None);
        // A 64-bit element does not fit a 32-bit datasize.
        assert_eq!(decode_bit_masks(1, 0, 0, true, 32), None);
        // tmask: S=3, R=5, d = (3-5) mod 64 = 62, so 63 ones.
        assert_eq!(decode_bit_masks(1, 3, 5, false, 64).map(|m| m.1), Some(0x7fff_ffff_ffff_ffff));
    }

    #[test]
    fn logical_imm() {
        let code = crate::a64!(
            ; and x0, x1, #0xff
            ; orr w2, wzr, #0x55555555
            ; eor x3, x1, #0x8000000000000000
            ; orr sp, xzr, #0xf0
            ; and w4, w1, #0xfffffffe
            ; brk 0
        );
        let cpu = run_with(&code, &[(1, 0x1234_5678_9abc_def1), (2, u64::MAX)], 0);
        assert_eq!(cpu.s.x[0], 0xf1);
        assert_eq!(cpu.s.x[2], 0x5555_5555);
        assert_eq!(cpu.s.x[3], 0x9234_5678_9abc_def1);
        assert_eq!(cpu.s.sp_el[1], 0xf0);
        assert_eq!(cpu.s.x[4], 0x9abc_def0);
    }

    #[test]
    fn ands_imm_flags() {
        let cpu = run_with(&crate::a64!(; ands x0, x1, #0x8000000000000000 ; brk 0), &[(1, u64::MAX)], Z | C | V);
        assert_eq!((cpu.s.x[0], cpu.s.nzcv), (1 << 63, N));
        // 32-bit: only bits 31:0 count; C and V are cleared.
        let cpu = run_with(&crate::a64!(; ands w0, w1, #0xffff ; brk 0), &[(1, 0xffff_0000_ffff_0000)], N | C | V);
        assert_eq!((cpu.s.x[0], cpu.s.nzcv), (0, Z));
        // TST (Rd = 31) writes XZR, never SP.
        let cpu = run_with(&crate::a64!(; tst w1, #0x80000000 ; brk 0), &[(1, 0x8000_0000)], 0);
        assert_eq!(cpu.s.nzcv, N);
        assert_eq!(cpu.s.sp_el[1], DATA + 0x2_0000);
    }

    #[test]
    fn logical_imm_reserved() {
        assert_undefined(0x1240_0000); // AND W0, W0 with N = 1
        assert_undefined(0x9240_fc00); // N = 1, imms = 111111: all ones
        assert_undefined(0x9200_fc00); // N = 0, imms = 111111: len < 1
        assert_undefined(0x7200_f400); // ANDS W0: imms = 111101, 2-bit all ones
    }
}
