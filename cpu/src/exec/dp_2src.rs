//! Data processing — 2 source (Arm ARM C4.1.87.x, sf 0 S 11010110 Rm opcode): UDIV,
//! SDIV, LSLV, LSRV, ASRV, RORV. CRC32 is in [`super::crc32`].

use crate::exception::Trap;
use crate::exec::dp_reg::shift_reg;
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::platform::Platform;

type R = Result<(), Trap>;

/// Arm ARM C6.2.388: UDIV. Division by zero gives zero (no trap in AArch64).
pub fn udiv(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let (n, m) = (cpu.s.xr(i.rn()), cpu.s.xr(i.rm()));
    let result =
        if i.sf() { n.checked_div(m).unwrap_or(0) } else { (n as u32).checked_div(m as u32).unwrap_or(0) as u64 };
    cpu.s.set_xr(i.rd(), result);
    Ok(())
}

/// Arm ARM C6.2.280: SDIV. Rounds towards zero; division by zero gives zero and
/// `INT_MIN / -1` gives INT_MIN (the overflowed quotient truncated to datasize).
pub fn sdiv(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let (n, m) = (cpu.s.xr(i.rn()), cpu.s.xr(i.rm()));
    let result = if i.sf() {
        if m == 0 {
            0
        } else {
            (n as i64).wrapping_div(m as i64) as u64
        }
    } else if m as u32 == 0 {
        0
    } else {
        (n as i32).wrapping_div(m as i32) as u32 as u64
    };
    cpu.s.set_xr(i.rd(), result);
    Ok(())
}

/// The shift-by-register forms: `ShiftReg(X[n], shift_type, UInt(X[m]) MOD datasize)`.
fn shift_variable(cpu: &mut Cpu, i: Insn, shift_type: u32) -> R {
    let datasize = if i.sf() { 64 } else { 32 };
    let amount = (cpu.s.xr(i.rm()) % datasize) as u32;
    let result = shift_reg(cpu.s.xr(i.rn()), shift_type, amount, i.sf());
    cpu.s.set_xr(i.rd(), result);
    Ok(())
}

/// Arm ARM C6.2.199: LSLV.
pub fn lslv(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    shift_variable(cpu, i, 0)
}

/// Arm ARM C6.2.202: LSRV.
pub fn lsrv(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    shift_variable(cpu, i, 1)
}

/// Arm ARM C6.2.19: ASRV.
pub fn asrv(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    shift_variable(cpu, i, 2)
}

/// Arm ARM C6.2.275: RORV.
pub fn rorv(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    shift_variable(cpu, i, 3)
}

#[cfg(test)]
mod tests {
    use crate::exec::dp_imm::tests::{assert_undefined, run_with};

    #[test]
    fn divide() {
        let code = crate::a64!(
            ; udiv x0, x1, x2
            ; sdiv x3, x1, x2
            ; udiv x4, x1, xzr
            ; sdiv x5, x6, x7
            ; sdiv w8, w9, w10
            ; sdiv w11, w9, wzr
            ; udiv w12, w1, w2
            ; sdiv x13, x14, x2
            ; brk 0
        );
        let cpu = run_with(
            &code,
            &[
                (1, (-100i64) as u64),
                (2, 7),
                (6, 1 << 63),
                (7, u64::MAX),
                (9, 0x8000_0000),
                (10, 0xffff_ffff),
                (14, (-7i64) as u64),
            ],
            0,
        );
        assert_eq!(cpu.s.x[0], ((-100i64) as u64) / 7);
        // Rounds towards zero: -100 / 7 = -14.
        assert_eq!(cpu.s.x[3], (-14i64) as u64);
        // Division by zero is zero.
        assert_eq!(cpu.s.x[4], 0);
        // INT64_MIN / -1 = INT64_MIN.
        assert_eq!(cpu.s.x[5], 1 << 63);
        assert_eq!(cpu.s.x[8], 0x8000_0000);
        assert_eq!(cpu.s.x[11], 0);
        assert_eq!(cpu.s.x[12], 0xffff_ff9c / 7);
        assert_eq!(cpu.s.x[13], u64::MAX);
    }

    #[test]
    fn variable_shifts() {
        let code = crate::a64!(
            ; lsl x0, x1, x2
            ; lsr x3, x1, x2
            ; asr x4, x1, x2
            ; ror x5, x1, x2
            ; lsl w6, w1, w7
            ; asr w8, w1, w7
            ; ror w9, w1, w10
            ; lsr x11, x1, xzr
            ; brk 0
        );
        // X2 = 68: 68 MOD 64 = 4. W7 = 35: 35 MOD 32 = 3. W10 = 32: rotate by 0.
        let cpu = run_with(&code, &[(1, 0x8000_0000_8000_0001), (2, 68), (7, 35), (10, 32)], 0);
        assert_eq!(cpu.s.x[0], 0x0000_0008_0000_0010);
        assert_eq!(cpu.s.x[3], 0x0800_0000_0800_0000);
        assert_eq!(cpu.s.x[4], 0xf800_0000_0800_0000);
        assert_eq!(cpu.s.x[5], 0x1800_0000_0800_0000);
        assert_eq!(cpu.s.x[6], 0x8);
        assert_eq!(cpu.s.x[8], 0xf000_0000);
        assert_eq!(cpu.s.x[9], 0x8000_0001);
        assert_eq!(cpu.s.x[11], 0x8000_0000_8000_0001);
    }

    #[test]
    fn two_source_reserved() {
        assert_undefined(0x9ac0_0000); // opcode 000000
        assert_undefined(0x9ac0_0c00 | (1 << 29)); // SDIV with S = 1
        assert_undefined(0x9ac0_3000); // opcode 001100 (PACGA)
    }
}
