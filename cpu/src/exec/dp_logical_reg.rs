//! Data processing — register, logical (shifted register) class (Arm ARM C4.1.87):
//! AND, BIC, ORR, ORN, EOR, EON, ANDS, BICS and the aliases MOV (register), MVN, TST
//! (shifted register). All four shift types, ROR included, are allowed here.

use super::dp_reg::{shifted_operand, write_rd};
use crate::exception::Trap;
use crate::exec::{nzcv, trunc};
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::platform::Platform;

type R = Result<(), Trap>;

/// The operation of the logical classes (shifted register and immediate).
#[derive(Clone, Copy)]
pub(super) enum LogicalOp {
    And,
    Orr,
    Eor,
}

impl LogicalOp {
    /// `operand1 AND/OR/EOR operand2`, truncated to the datasize given by `sf`.
    #[inline(always)]
    pub(super) fn apply(self, operand1: u64, operand2: u64, sf: bool) -> u64 {
        trunc(
            match self {
                LogicalOp::And => operand1 & operand2,
                LogicalOp::Orr => operand1 | operand2,
                LogicalOp::Eor => operand1 ^ operand2,
            },
            sf,
        )
    }
}

/// The common tail of the logical classes (Arm ARM C6.2.12-C6.2.15, C6.2.31-C6.2.32,
/// C6.2.103-C6.2.105, C6.2.254-C6.2.256): the S forms (ANDS, BICS) set PSTATE.NZCV
/// to `result<datasize-1>:IsZero(result):00` and write Rd as XZR. The non-S forms write
/// Rd as SP when `rd_sp` (immediate class), otherwise as XZR.
#[inline(always)]
pub(super) fn logical_tail(cpu: &mut Cpu, i: Insn, result: u64, setflags: bool, rd_sp: bool) -> R {
    if setflags {
        let datasize = if i.sf() { 64 } else { 32 };
        cpu.s.nzcv = nzcv((result >> (datasize - 1)) & 1 != 0, result == 0, false, false);
    }
    write_rd(cpu, i, result, rd_sp && !setflags);
    Ok(())
}

/// The shared body of the logical (shifted register) class: `invert` is the N bit
/// (BIC, ORN, EON, BICS), all registers are XZR-type.
#[inline(always)]
fn logical_shift(cpu: &mut Cpu, i: Insn, op: LogicalOp, invert: bool, setflags: bool) -> R {
    let operand1 = cpu.s.xr(i.rn());
    let mut operand2 = shifted_operand(cpu, i)?;
    if invert {
        operand2 = !operand2;
    }
    let result = op.apply(operand1, operand2, i.sf());
    logical_tail(cpu, i, result, setflags, false)
}

/// Arm ARM C6.2.13: AND (shifted register).
pub fn and_shift(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    logical_shift(cpu, i, LogicalOp::And, false, false)
}

/// Arm ARM C6.2.31: BIC (shifted register).
pub fn bic_shift(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    logical_shift(cpu, i, LogicalOp::And, true, false)
}

/// Arm ARM C6.2.255: ORR (shifted register).
pub fn orr_shift(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    logical_shift(cpu, i, LogicalOp::Orr, false, false)
}

/// Arm ARM C6.2.252: ORN (shifted register).
pub fn orn_shift(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    logical_shift(cpu, i, LogicalOp::Orr, true, false)
}

/// Arm ARM C6.2.105: EOR (shifted register).
pub fn eor_shift(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    logical_shift(cpu, i, LogicalOp::Eor, false, false)
}

/// Arm ARM C6.2.103: EON (shifted register).
pub fn eon_shift(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    logical_shift(cpu, i, LogicalOp::Eor, true, false)
}

/// Arm ARM C6.2.15: ANDS (shifted register).
pub fn ands_shift(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    logical_shift(cpu, i, LogicalOp::And, false, true)
}

/// Arm ARM C6.2.32: BICS (shifted register).
pub fn bics_shift(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    logical_shift(cpu, i, LogicalOp::And, true, true)
}

#[cfg(test)]
mod tests {
    use crate::exec::dp_imm::tests::run_with;
    use crate::state::flags::{C, N, V, Z};

    const A: u64 = 0xf0f0_0000_ffff_1234;
    const B: u64 = 0x8000_0000_0000_00ff;

    #[test]
    fn logical_shifted_register() {
        let code = crate::a64!(
            ; and x0, x1, x2
            ; bic x3, x1, x2, lsl #4
            ; orr w4, w1, w2, ror #8
            ; orn x5, xzr, x2, asr #63
            ; eor x6, x1, x2, lsr #63
            ; eon w7, w1, w2
            ; mov x8, x2
            ; brk 0
        );
        let cpu = run_with(&code, &[(1, A), (2, B)], 0);
        assert_eq!(cpu.s.x[0], 0x8000_0000_0000_0034);
        assert_eq!(cpu.s.x[3], A & !0x0000_0000_0000_0ff0);
        // ROR W2 by 8: 0x000000ff -> 0xff000000.
        assert_eq!(cpu.s.x[4], 0xffff_1234 | 0xff00_0000);
        // ASR #63 of a negative value is all ones; ORN with it is 0.
        assert_eq!(cpu.s.x[5], 0);
        assert_eq!(cpu.s.x[6], A ^ 1);
        assert_eq!(cpu.s.x[7], !(0xffff_1234u32 ^ 0xff) as u64);
        assert_eq!(cpu.s.x[8], B);
    }

    #[test]
    fn ands_bics_flags() {
        let cpu = run_with(&crate::a64!(; ands x0, x1, x2 ; brk 0), &[(1, A), (2, B)], Z | C | V);
        assert_eq!((cpu.s.x[0], cpu.s.nzcv), (0x8000_0000_0000_0034, N));
        let cpu = run_with(&crate::a64!(; bics w0, w1, w1 ; brk 0), &[(1, A)], N | C | V);
        assert_eq!((cpu.s.x[0], cpu.s.nzcv), (0, Z));
        // TST W: bit 31 of the 32-bit result is N, bit 63 of the operands is ignored.
        let cpu = run_with(&crate::a64!(; tst w1, w2, lsl #31 ; brk 0), &[(1, 0x8000_0000), (2, 1 << 32 | 1)], 0);
        assert_eq!(cpu.s.nzcv, N);
    }
}
