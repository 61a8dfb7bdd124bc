//! Data processing — immediate (Arm ARM C4.1.86, op0 = 100x): PC-relative addressing,
//! add/subtract (immediate), logical (immediate), move wide and extract. The bitfield
//! class lives in [`super::dp_bitfield`]; [`decode_bit_masks`] is shared with it.

use crate::exception::{self, Trap};
use crate::exec::{add_with_carry, nzcv, trunc};
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::platform::Platform;

type R = Result<(), Trap>;

/// Arm ARM J1.1.3 DecodeBitMasks(immN, imms, immr, immediate, M): the `(wmask, tmask)`
/// pair, each replicated to 64 bits (callers truncate to the datasize), or `None` where
/// the pseudocode says UNDEFINED (`len < 1`, or an all-ones element for a logical
/// immediate). `m` is the datasize; `len = 6` with `m = 32` is also refused.
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
fn ones(n: u32) -> u64 {
    if n >= 64 { u64::MAX } else { (1u64 << n) - 1 }
}

/// `Replicate(elem, 64 / esize)`.
fn replicate(elem: u64, esize: u32) -> u64 {
    let mut v = elem;
    let mut w = esize;
    while w < 64 {
        v |= v << w;
        w *= 2;
    }
    v
}

/// Arm ARM C6.2.10: ADR. `X[d] = PC + SignExtend(immhi:immlo, 64)`.
pub fn adr(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let imm = (i.sbits(23, 5) << 2) | i.bits(30, 29) as i64;
    cpu.s.set_xr(i.rd(), cpu.s.pc.wrapping_add(imm as u64));
    Ok(())
}

/// Arm ARM C6.2.11: ADRP. `X[d] = (PC AND NOT 0xfff) + SignExtend(immhi:immlo:Zeros(12))`.
pub fn adrp(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let imm = ((i.sbits(23, 5) << 2) | i.bits(30, 29) as i64) << 12;
    let base = cpu.s.pc & !0xfff;
    cpu.s.set_xr(i.rd(), base.wrapping_add(imm as u64));
    Ok(())
}

/// The shared body of ADD/ADDS/SUB/SUBS (immediate): Rn may be SP; Rd is SP for the
/// non-flag-setting forms and XZR for the S forms.
fn add_sub_imm(cpu: &mut Cpu, i: Insn, sub: bool, setflags: bool) -> R {
    let sf = i.sf();
    let imm12 = i.bits(21, 10) as u64;
    let imm = if i.bit(22) { imm12 << 12 } else { imm12 };
    let operand1 = cpu.s.xsp(i.rn());
    let (operand2, carry_in) = if sub { (!imm, true) } else { (imm, false) };
    let (result, flags) = add_with_carry(operand1, operand2, carry_in, sf);
    if setflags {
        cpu.s.nzcv = flags;
        cpu.s.set_xr(i.rd(), result);
    } else {
        cpu.s.set_xsp(i.rd(), result);
    }
    Ok(())
}

/// Arm ARM C6.2.4: ADD (immediate).
pub fn add_imm(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    add_sub_imm(cpu, i, false, false)
}

/// Arm ARM C6.2.8: ADDS (immediate).
pub fn adds_imm(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    add_sub_imm(cpu, i, false, true)
}

/// Arm ARM C6.2.357: SUB (immediate).
pub fn sub_imm(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    add_sub_imm(cpu, i, true, false)
}

/// Arm ARM C6.2.363: SUBS (immediate).
pub fn subs_imm(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    add_sub_imm(cpu, i, true, true)
}

#[derive(Clone, Copy)]
enum LogicalOp {
    And,
    Orr,
    Eor,
}

/// The shared body of AND/ORR/EOR/ANDS (immediate). `sf == 0 && N == 1` and the
/// reserved bitmask values are UNDEFINED. Rd is SP for AND/ORR/EOR, XZR for ANDS.
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
    let result = trunc(
        match op {
            LogicalOp::And => operand1 & imm,
            LogicalOp::Orr => operand1 | imm,
            LogicalOp::Eor => operand1 ^ imm,
        },
        sf,
    );
    if setflags {
        let n = (result >> (datasize - 1)) & 1 != 0;
        cpu.s.nzcv = nzcv(n, result == 0, false, false);
        cpu.s.set_xr(i.rd(), result);
    } else {
        cpu.s.set_xsp(i.rd(), result);
    }
    Ok(())
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

/// Move wide: `pos = UInt(hw:'0000')`; `hw<1> == 1` with sf == 0 is UNDEFINED.
fn move_wide_pos(cpu: &Cpu, i: Insn) -> Result<u32, Trap> {
    let hw = i.bits(22, 21);
    if !i.sf() && hw >= 2 {
        return Err(exception::undefined(&cpu.s));
    }
    Ok(hw * 16)
}

/// Arm ARM C6.2.226: MOVN. `X[d] = NOT(ZeroExtend(imm16 << pos))`.
pub fn movn(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let pos = move_wide_pos(cpu, i)?;
    let result = !((i.bits(20, 5) as u64) << pos);
    cpu.s.set_xr(i.rd(), trunc(result, i.sf()));
    Ok(())
}

/// Arm ARM C6.2.227: MOVZ. `X[d] = ZeroExtend(imm16 << pos)`.
pub fn movz(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let pos = move_wide_pos(cpu, i)?;
    cpu.s.set_xr(i.rd(), (i.bits(20, 5) as u64) << pos);
    Ok(())
}

/// Arm ARM C6.2.225: MOVK. `result = X[d]; result<pos+15:pos> = imm16`.
pub fn movk(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let pos = move_wide_pos(cpu, i)?;
    let old = cpu.s.xr(i.rd());
    let result = (old & !(0xffffu64 << pos)) | ((i.bits(20, 5) as u64) << pos);
    cpu.s.set_xr(i.rd(), trunc(result, i.sf()));
    Ok(())
}

/// Arm ARM C6.2.114: EXTR. `concat = X[n]:X[m]; X[d] = concat<lsb+datasize-1:lsb>`.
/// `N != sf`, and `imms<5> == 1` with sf == 0, are UNDEFINED.
pub fn extr(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sf = i.sf();
    let lsb = i.bits(15, 10);
    if i.bit(22) != sf || (!sf && lsb >= 32) {
        return Err(exception::undefined(&cpu.s));
    }
    let hi = cpu.s.xr(i.rn());
    let lo = cpu.s.xr(i.rm());
    let result = if sf {
        (((hi as u128) << 64 | lo as u128) >> lsb) as u64
    } else {
        ((((hi as u32 as u64) << 32) | lo as u32 as u64) >> lsb) as u32 as u64
    };
    cpu.s.set_xr(i.rd(), result);
    Ok(())
}
