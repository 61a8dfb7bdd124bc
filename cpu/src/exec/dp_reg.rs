//! Data processing — register (Arm ARM C4.1.87, op0 = x101): add/subtract (shifted
//! register), add/subtract (extended register) and add/subtract (with carry), with the
//! shared ShiftReg/ExtendReg helpers. Logical (shifted register) is in
//! [`super::dp_logical_reg`], conditional compare/select in [`super::cond`], the 1-, 2-
//! and 3-source classes in [`super::dp_1src`], [`super::dp_2src`], [`super::crc32`] and
//! [`super::dp_3src`].

use crate::exception::{self, Trap};
use crate::exec::{add_with_carry, trunc};
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::platform::Platform;

type R = Result<(), Trap>;

/// Arm ARM J1.1.3 ShiftReg: shift type `0` LSL, `1` LSR, `2` ASR, `3` ROR of a
/// `datasize`-bit value by `amount < datasize`.
#[inline(always)]
pub fn shift_reg(x: u64, shift_type: u32, amount: u32, sf: bool) -> u64 {
    if sf {
        let a = amount & 63;
        match shift_type & 3 {
            0 => x << a,
            1 => x >> a,
            2 => ((x as i64) >> a) as u64,
            _ => x.rotate_right(a),
        }
    } else {
        let x = x as u32;
        let a = amount & 31;
        (match shift_type & 3 {
            0 => x << a,
            1 => x >> a,
            2 => ((x as i32) >> a) as u32,
            _ => x.rotate_right(a),
        }) as u64
    }
}

/// Arm ARM J1.1.3 ExtendReg: `val<len-1:0>` zero- or sign-extended (option<2> selects
/// signed; option<1:0> = B/H/W/X), then shifted left by `shift` (0..=4), truncated
/// by the caller to the datasize.
#[inline(always)]
pub fn extend_reg(x: u64, option: u32, shift: u32) -> u64 {
    let unsigned = option & 4 == 0;
    let v = match (option & 3, unsigned) {
        (0, true) => x as u8 as u64,
        (1, true) => x as u16 as u64,
        (2, true) => x as u32 as u64,
        (0, false) => x as i8 as i64 as u64,
        (1, false) => x as i16 as i64 as u64,
        (2, false) => x as i32 as i64 as u64,
        _ => x,
    };
    v << (shift & 7)
}

/// The operand-2 of the shifted-register classes. `sf == 0 && imm6<5> == 1` is
/// UNDEFINED.
#[inline(always)]
pub(crate) fn shifted_operand(cpu: &Cpu, i: Insn) -> Result<u64, Trap> {
    let amount = i.bits(15, 10);
    if !i.sf() && amount >= 32 {
        return Err(exception::undefined(&cpu.s));
    }
    Ok(shift_reg(cpu.s.xr(i.rm()), i.bits(23, 22), amount, i.sf()))
}

/// The common tail of the add/subtract classes (Arm ARM C6.2.3-C6.2.9, C6.2.356-C6.2.364,
/// ADC/ADCS/SBC/SBCS C6.2.1-C6.2.2, C6.2.277-C6.2.278): `(result, nzcv) =
/// AddWithCarry(operand1, operand2, carry_in)` at the datasize given by `sf`; the S
/// forms set PSTATE.NZCV and write Rd as XZR. The non-S forms write Rd as SP when
/// `rd_sp` (immediate and extended-register classes), otherwise as XZR. The caller has
/// already inverted `operand2` for the subtracting forms.
#[inline(always)]
pub(crate) fn add_sub_tail(
    cpu: &mut Cpu,
    i: Insn,
    operand1: u64,
    operand2: u64,
    carry_in: bool,
    setflags: bool,
    rd_sp: bool,
) -> R {
    let (result, flags) = add_with_carry(operand1, operand2, carry_in, i.sf());
    if setflags {
        cpu.s.nzcv = flags;
    }
    write_rd(cpu, i, result, rd_sp && !setflags);
    Ok(())
}

/// Writes `result` to Rd as SP when `sp` (the non-flag-setting forms of the classes
/// whose Rd may be SP), otherwise as XZR.
#[inline(always)]
pub(crate) fn write_rd(cpu: &mut Cpu, i: Insn, result: u64, sp: bool) {
    if sp {
        cpu.s.set_xsp(i.rd(), result);
    } else {
        cpu.s.set_xr(i.rd(), result);
    }
}

/// The shared body of ADD/ADDS/SUB/SUBS (shifted register): shift type ROR is
/// reserved (UNDEFINED); all registers are XZR-type.
#[inline(always)]
fn add_sub_shift(cpu: &mut Cpu, i: Insn, sub: bool, setflags: bool) -> R {
    if i.bits(23, 22) == 3 {
        return Err(exception::undefined(&cpu.s));
    }
    let operand1 = cpu.s.xr(i.rn());
    let operand2 = shifted_operand(cpu, i)?;
    let operand2 = if sub { !operand2 } else { operand2 };
    add_sub_tail(cpu, i, operand1, operand2, sub, setflags, false)
}

/// Arm ARM C6.2.5: ADD (shifted register).
pub fn add_shift(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    add_sub_shift(cpu, i, false, false)
}

/// Arm ARM C6.2.9: ADDS (shifted register).
pub fn adds_shift(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    add_sub_shift(cpu, i, false, true)
}

/// Arm ARM C6.2.358: SUB (shifted register).
pub fn sub_shift(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    add_sub_shift(cpu, i, true, false)
}

/// Arm ARM C6.2.364: SUBS (shifted register).
pub fn subs_shift(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    add_sub_shift(cpu, i, true, true)
}

/// The shared body of ADD/ADDS/SUB/SUBS (extended register): `imm3 > 4` is reserved
/// (UNDEFINED). Rn may be SP; Rd is SP for the non-S forms, XZR for the S forms; Rm is
/// XZR-type.
#[inline(always)]
fn add_sub_ext(cpu: &mut Cpu, i: Insn, sub: bool, setflags: bool) -> R {
    let shift = i.bits(12, 10);
    if shift > 4 {
        return Err(exception::undefined(&cpu.s));
    }
    let operand1 = cpu.s.xsp(i.rn());
    let operand2 = trunc(extend_reg(cpu.s.xr(i.rm()), i.bits(15, 13), shift), i.sf());
    let operand2 = if sub { !operand2 } else { operand2 };
    add_sub_tail(cpu, i, operand1, operand2, sub, setflags, true)
}

/// Arm ARM C6.2.3: ADD (extended register).
pub fn add_ext(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    add_sub_ext(cpu, i, false, false)
}

/// Arm ARM C6.2.7: ADDS (extended register).
pub fn adds_ext(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    add_sub_ext(cpu, i, false, true)
}

/// Arm ARM C6.2.356: SUB (extended register).
pub fn sub_ext(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    add_sub_ext(cpu, i, true, false)
}

/// Arm ARM C6.2.362: SUBS (extended register).
pub fn subs_ext(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    add_sub_ext(cpu, i, true, true)
}

/// The shared body of ADC/ADCS/SBC/SBCS: `AddWithCarry(X[n], op2, PSTATE.C)` with
/// `op2 = NOT(X[m])` for the subtracting forms.
fn add_sub_carry(cpu: &mut Cpu, i: Insn, sub: bool, setflags: bool) -> R {
    let operand1 = cpu.s.xr(i.rn());
    let operand2 = cpu.s.xr(i.rm());
    let operand2 = if sub { !operand2 } else { operand2 };
    let carry = cpu.s.nzcv & crate::state::flags::C != 0;
    add_sub_tail(cpu, i, operand1, operand2, carry, setflags, false)
}

/// Arm ARM C6.2.1: ADC.
pub fn adc(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    add_sub_carry(cpu, i, false, false)
}

/// Arm ARM C6.2.2: ADCS.
pub fn adcs(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    add_sub_carry(cpu, i, false, true)
}

/// Arm ARM C6.2.277: SBC.
pub fn sbc(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    add_sub_carry(cpu, i, true, false)
}

/// Arm ARM C6.2.278: SBCS.
pub fn sbcs(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    add_sub_carry(cpu, i, true, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exec::dp_imm::tests::{assert_undefined, run_with};
    use crate::state::flags::{C, N, V, Z};
    use crate::testutil::DATA;

    #[test]
    fn shift_and_extend_helpers() {
        assert_eq!(shift_reg(1, 0, 63, true), 1 << 63);
        assert_eq!(shift_reg(1 << 63, 2, 63, true), u64::MAX);
        assert_eq!(shift_reg(0x8000_0000, 2, 31, false), 0xffff_ffff);
        assert_eq!(shift_reg(1, 3, 1, false), 0x8000_0000);
        assert_eq!(shift_reg(0xdead, 3, 0, true), 0xdead);
        assert_eq!(extend_reg(0x80, 0b100, 0), 0xffff_ffff_ffff_ff80);
        assert_eq!(extend_reg(0x1_8000, 0b001, 4), 0x8_0000);
        assert_eq!(extend_reg(0x8000_0000, 0b110, 1), 0xffff_ffff_0000_0000);
        assert_eq!(extend_reg(u64::MAX, 0b011, 4), u64::MAX << 4);
    }

    #[test]
    fn add_sub_shifted_register() {
        let code = crate::a64!(
            ; add x0, x1, x2, lsl #1
            ; sub w3, w1, w2, lsr #4
            ; add x4, x1, x2, asr #63
            ; neg x5, x1
            ; add w6, w1, w1, lsl #31
            ; brk 0
        );
        let cpu = run_with(&code, &[(1, 0x10), (2, 0x8000_0000_0000_0003)], 0);
        assert_eq!(cpu.s.x[0], 0x16);
        assert_eq!(cpu.s.x[3], 0x10);
        assert_eq!(cpu.s.x[4], 0xf);
        assert_eq!(cpu.s.x[5], (-0x10i64) as u64);
        assert_eq!(cpu.s.x[6], 0x10);
    }

    #[test]
    fn adds_subs_shifted_flags() {
        let cpu = run_with(&crate::a64!(; adds x0, x1, x2 ; brk 0), &[(1, i64::MAX as u64), (2, 1)], 0);
        assert_eq!((cpu.s.x[0], cpu.s.nzcv), (1 << 63, N | V));
        let cpu = run_with(&crate::a64!(; adds x0, x1, x2 ; brk 0), &[(1, u64::MAX), (2, 1)], 0);
        assert_eq!((cpu.s.x[0], cpu.s.nzcv), (0, Z | C));
        let cpu = run_with(&crate::a64!(; subs w0, w1, w2 ; brk 0), &[(1, 0x8000_0000), (2, 1)], 0);
        assert_eq!((cpu.s.x[0], cpu.s.nzcv), (0x7fff_ffff, C | V));
        let cpu = run_with(&crate::a64!(; cmp x1, x2, lsl #1 ; brk 0), &[(1, 2), (2, 1)], 0);
        assert_eq!(cpu.s.nzcv, Z | C);
        // NEGS of 0: 0 - 0 sets C (no borrow).
        let cpu = run_with(&crate::a64!(; negs x0, xzr ; brk 0), &[], 0);
        assert_eq!(cpu.s.nzcv, Z | C);
    }

    #[test]
    fn add_sub_shifted_reserved() {
        assert_undefined(0x8bc0_0000); // ADD X, shift = ROR
        assert_undefined(0x6bc0_0000); // SUBS W, shift = ROR
        assert_undefined(0x0b00_8000); // ADD W, imm6 = 32
        assert_undefined(0x0a00_fc00); // AND W, imm6 = 63
    }

    #[test]
    fn add_sub_extended_register() {
        let code = crate::a64!(
            ; add x0, x1, w2, uxtb #2
            ; add x3, x1, w2, sxtb
            ; sub x4, x1, w2, sxtw #4
            ; add sp, sp, x1, uxtx #1
            ; add w5, w1, w2, sxth
            ; add x6, sp, w2, uxth
            ; brk 0
        );
        let cpu = run_with(&code, &[(1, 0x1000), (2, 0xffff_ffff_ffff_8081)], 0);
        assert_eq!(cpu.s.x[0], 0x1000 + (0x81 << 2));
        assert_eq!(cpu.s.x[3], 0x1000 - 0x7f);
        // SXTW(0xffff8081) << 4 = -0x7f7f0; 0x1000 - (-0x7f7f0) = 0x1000 + 0x7f7f0.
        assert_eq!(cpu.s.x[4], 0x1000 + 0x7_f7f0);
        let sp = DATA + 0x2_0000 + 0x2000;
        assert_eq!(cpu.s.sp_el[1], sp);
        // SXTH(0x8081) = -0x7f7f; 32-bit result.
        assert_eq!(cpu.s.x[5], (0x1000u32.wrapping_sub(0x7f7f)) as u64);
        assert_eq!(cpu.s.x[6], sp + 0x8081);
    }

    #[test]
    fn adds_subs_extended_flags() {
        // CMP SP, W1, UXTW: Rn = 31 is SP, Rd = 31 is XZR.
        let sp = DATA + 0x2_0000;
        let cpu = run_with(&crate::a64!(; cmp sp, w1, uxtw ; brk 0), &[(1, (1 << 32) | (sp & 0xffff_ffff))], 0);
        assert_eq!(cpu.s.nzcv, Z | C);
        assert_eq!(cpu.s.sp_el[1], sp);
        let cpu = run_with(&crate::a64!(; adds w0, w1, w2, uxtb ; brk 0), &[(1, 0xffff_ff01), (2, 0xff)], 0);
        assert_eq!((cpu.s.x[0], cpu.s.nzcv), (0, Z | C));
        assert_undefined(0x8b20_1400); // ADD X, imm3 = 5
        assert_undefined(0x8b20_1c00); // ADD X, imm3 = 7
        assert_undefined(0x8b60_0000); // opt = 01
    }

    #[test]
    fn add_sub_with_carry() {
        let code = crate::a64!(
            ; adc x0, x1, x2
            ; sbc x3, x1, x2
            ; adc w4, w1, w1
            ; brk 0
        );
        let cpu = run_with(&code, &[(1, 0xffff_ffff_0000_0005), (2, 3)], C);
        assert_eq!(cpu.s.x[0], 0xffff_ffff_0000_0009);
        // SBC with C = 1 is a plain subtraction.
        assert_eq!(cpu.s.x[3], 0xffff_ffff_0000_0002);
        assert_eq!(cpu.s.x[4], 11);
        let cpu = run_with(&crate::a64!(; sbc x3, x1, x2 ; brk 0), &[(1, 5), (2, 3)], 0);
        assert_eq!(cpu.s.x[3], 1);
    }

    #[test]
    fn adcs_sbcs_flags() {
        // u64::MAX + 0 + carry: Z, C.
        let cpu = run_with(&crate::a64!(; adcs x0, x1, xzr ; brk 0), &[(1, u64::MAX)], C);
        assert_eq!((cpu.s.x[0], cpu.s.nzcv), (0, Z | C));
        // 0x7fffffff + 0 + 1 (32-bit): N, V.
        let cpu = run_with(&crate::a64!(; adcs w0, w1, wzr ; brk 0), &[(1, 0x7fff_ffff)], C);
        assert_eq!((cpu.s.x[0], cpu.s.nzcv), (0x8000_0000, N | V));
        // 0 - 0 - borrow: all ones, N, no carry.
        let cpu = run_with(&crate::a64!(; sbcs x0, xzr, xzr ; brk 0), &[], 0);
        assert_eq!((cpu.s.x[0], cpu.s.nzcv), (u64::MAX, N));
        // 5 - 5 with C = 1: Z, C.
        let cpu = run_with(&crate::a64!(; sbcs w0, w1, w1 ; brk 0), &[(1, 5)], C);
        assert_eq!((cpu.s.x[0], cpu.s.nzcv), (0, Z | C));
    }
}
