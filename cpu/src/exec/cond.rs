//! Data processing — register: conditional compare (register and immediate) and
//! conditional select (Arm ARM C4.1.87: CCMN, CCMP, CSEL, CSINC, CSINV, CSNEG and their
//! aliases CSET, CSETM, CINC, CINV, CNEG).

use crate::exception::Trap;
use crate::exec::{add_with_carry, trunc};
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::platform::Platform;

type R = Result<(), Trap>;

/// The shared body of CCMN/CCMP: `if ConditionHolds(cond) then (-, flags) =
/// AddWithCarry(X[n], op2, carry_in); else flags = nzcv`. `op2` is `X[m]` or
/// `ZeroExtend(imm5)`; CCMP inverts it with carry in 1.
fn cond_compare(cpu: &mut Cpu, i: Insn, operand2: u64, sub: bool) -> R {
    let cond = i.bits(15, 12);
    let flags = if cpu.s.cond_holds(cond) {
        let operand1 = cpu.s.xr(i.rn());
        let (operand2, carry_in) = if sub { (!operand2, true) } else { (operand2, false) };
        add_with_carry(operand1, operand2, carry_in, i.sf()).1
    } else {
        i.bits(3, 0) << 28
    };
    cpu.s.nzcv = flags;
    Ok(())
}

/// Arm ARM C6.2.50: CCMN (register).
pub fn ccmn_reg(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let m = cpu.s.xr(i.rm());
    cond_compare(cpu, i, m, false)
}

/// Arm ARM C6.2.49: CCMN (immediate).
pub fn ccmn_imm(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    cond_compare(cpu, i, i.bits(20, 16) as u64, false)
}

/// Arm ARM C6.2.52: CCMP (register).
pub fn ccmp_reg(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let m = cpu.s.xr(i.rm());
    cond_compare(cpu, i, m, true)
}

/// Arm ARM C6.2.51: CCMP (immediate).
pub fn ccmp_imm(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    cond_compare(cpu, i, i.bits(20, 16) as u64, true)
}

#[derive(Clone, Copy)]
enum Else {
    /// CSEL: `X[m]`.
    Plain,
    /// CSINC: `X[m] + 1`.
    Inc,
    /// CSINV: `NOT(X[m])`.
    Inv,
    /// CSNEG: `NOT(X[m]) + 1`.
    Neg,
}

/// The shared body of the conditional select class:
/// `X[d] = if ConditionHolds(cond) then X[n] else op(X[m])`.
fn cond_select(cpu: &mut Cpu, i: Insn, op: Else) -> R {
    let result = if cpu.s.cond_holds(i.bits(15, 12)) {
        cpu.s.xr(i.rn())
    } else {
        let m = cpu.s.xr(i.rm());
        match op {
            Else::Plain => m,
            Else::Inc => m.wrapping_add(1),
            Else::Inv => !m,
            Else::Neg => (!m).wrapping_add(1),
        }
    };
    cpu.s.set_xr(i.rd(), trunc(result, i.sf()));
    Ok(())
}

/// Arm ARM C6.2.69: CSEL.
pub fn csel(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    cond_select(cpu, i, Else::Plain)
}

/// Arm ARM C6.2.73: CSINC.
pub fn csinc(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    cond_select(cpu, i, Else::Inc)
}

/// Arm ARM C6.2.74: CSINV.
pub fn csinv(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    cond_select(cpu, i, Else::Inv)
}

/// Arm ARM C6.2.75: CSNEG.
pub fn csneg(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    cond_select(cpu, i, Else::Neg)
}

#[cfg(test)]
mod tests {
    use crate::exec::dp_imm::tests::{assert_undefined, run_with};
    use crate::state::flags::{C, N, V, Z};

    #[test]
    fn ccmp_ccmn() {
        // EQ holds: flags of 5 - 5 (Z, C).
        let cpu = run_with(&crate::a64!(; ccmp x1, x2, #0b1111, eq ; brk 0), &[(1, 5), (2, 5)], Z);
        assert_eq!(cpu.s.nzcv, Z | C);
        // EQ fails: flags = nzcv immediate (N, V = 0b1001).
        let cpu = run_with(&crate::a64!(; ccmp x1, x2, #0b1001, eq ; brk 0), &[(1, 5), (2, 5)], 0);
        assert_eq!(cpu.s.nzcv, N | V);
        // CCMP immediate, 32-bit: 0 - 31 borrows (N, no C).
        let cpu = run_with(&crate::a64!(; ccmp w1, #31, #0, al ; brk 0), &[(1, 1 << 32)], 0);
        assert_eq!(cpu.s.nzcv, N);
        // CCMN register: -1 + 1 = 0 with carry.
        let cpu = run_with(&crate::a64!(; ccmn x1, x2, #0, ne ; brk 0), &[(1, u64::MAX), (2, 1)], 0);
        assert_eq!(cpu.s.nzcv, Z | C);
        // CCMN immediate, 32-bit: 0x7fffffff + 1 overflows.
        let cpu = run_with(&crate::a64!(; ccmn w1, #1, #0, cs ; brk 0), &[(1, 0x7fff_ffff)], C);
        assert_eq!(cpu.s.nzcv, N | V);
        // Condition false: immediate flags, registers untouched.
        let cpu = run_with(&crate::a64!(; ccmn w1, #1, #0b0110, cs ; brk 0), &[(1, 0x7fff_ffff)], 0);
        assert_eq!(cpu.s.nzcv, Z | C);
    }

    #[test]
    fn ccmp_nv_behaves_as_al() {
        // cond = 1111 (NV) holds, as AL (Arm ARM C1.2.4).
        let w = 0xfa42_f820; // CCMP X1, #2, #0, NV
        let code = crate::exec::dp_imm::tests::words(&[w]);
        let cpu = run_with(&code, &[(1, 2)], 0);
        assert_eq!(cpu.s.nzcv, Z | C);
    }

    #[test]
    fn cond_compare_reserved() {
        assert_undefined(0xba42_0020 & !(1 << 29)); // S = 0
        assert_undefined(0xfa42_0030); // o3 = 1
        assert_undefined(0xfa42_0420); // o2 = 1
    }

    #[test]
    fn conditional_select() {
        let code = crate::a64!(
            ; csel x0, x1, x2, eq
            ; csel x3, x1, x2, ne
            ; csinc x4, x1, x2, ne
            ; csinv w5, w1, w2, ne
            ; csneg x6, x1, x2, ne
            ; cset w7, eq
            ; csetm x8, eq
            ; cneg x9, x1, eq
            ; csinc w10, w2, w2, ne
            ; brk 0
        );
        let cpu = run_with(&code, &[(1, 7), (2, 0xffff_ffff_ffff_fffe)], Z);
        assert_eq!(cpu.s.x[0], 7);
        assert_eq!(cpu.s.x[3], 0xffff_ffff_ffff_fffe);
        assert_eq!(cpu.s.x[4], u64::MAX);
        assert_eq!(cpu.s.x[5], 1);
        assert_eq!(cpu.s.x[6], 2);
        assert_eq!(cpu.s.x[7], 1);
        assert_eq!(cpu.s.x[8], u64::MAX);
        assert_eq!(cpu.s.x[9], (-7i64) as u64);
        // 32-bit: 0xfffffffe + 1, upper half zero.
        assert_eq!(cpu.s.x[10], 0xffff_ffff);
    }

    #[test]
    fn conditional_select_reserved() {
        assert_undefined(0x9a82_0020 | (1 << 29)); // CSEL with S = 1
        assert_undefined(0x9a82_0820); // op2 = 10
        assert_undefined(0xda82_0c20); // op2 = 11
    }
}
