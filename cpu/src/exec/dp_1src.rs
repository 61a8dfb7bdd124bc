//! Data processing — 1 source (Arm ARM C4.1.87.x, sf 1 S 11010110 opcode2 opcode):
//! RBIT, REV16, REV32, REV, CLZ, CLS (ARMv8.0; the FEAT_PAuth opcode2 = 00001 space
//! has no line and is UNDEFINED).

use crate::exception::{self, Trap};
use crate::exec::trunc;
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::platform::Platform;

type R = Result<(), Trap>;

/// Arm ARM C6.2.265: RBIT. Reverse the bit order of the datasize-bit operand.
pub fn rbit(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let operand = cpu.s.xr(i.rn());
    let result = if i.sf() { operand.reverse_bits() } else { (operand as u32).reverse_bits() as u64 };
    cpu.s.set_xr(i.rd(), result);
    Ok(())
}

/// Arm ARM C6.2.269: REV16. Reverse the bytes in each 16-bit halfword.
pub fn rev16(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let x = cpu.s.xr(i.rn());
    let result = ((x & 0x00ff_00ff_00ff_00ff) << 8) | ((x >> 8) & 0x00ff_00ff_00ff_00ff);
    cpu.s.set_xr(i.rd(), trunc(result, i.sf()));
    Ok(())
}

/// Arm ARM C6.2.270: REV32 (64-bit only). Reverse the bytes in each 32-bit word.
pub fn rev32(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let x = cpu.s.xr(i.rn());
    let lo = (x as u32).swap_bytes() as u64;
    let hi = ((x >> 32) as u32).swap_bytes() as u64;
    cpu.s.set_xr(i.rd(), (hi << 32) | lo);
    Ok(())
}

/// Arm ARM C6.2.268: REV. Reverse all bytes: `opc = 10` with sf = 0 (REV Wd) or
/// `opc = 11` with sf = 1 (REV Xd); `opc = 11` with sf = 0 is UNDEFINED (`opc = 10` with
/// sf = 1 is REV32, matched first).
pub fn rev(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let opc = i.bits(11, 10);
    let x = cpu.s.xr(i.rn());
    let result = match (i.sf(), opc) {
        (false, 0b10) => (x as u32).swap_bytes() as u64,
        (true, 0b11) => x.swap_bytes(),
        _ => return Err(exception::undefined(&cpu.s)),
    };
    cpu.s.set_xr(i.rd(), result);
    Ok(())
}

/// Arm ARM C6.2.67: CLZ. CountLeadingZeroBits of the datasize-bit operand.
pub fn clz(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let x = cpu.s.xr(i.rn());
    let result = if i.sf() { x.leading_zeros() } else { (x as u32).leading_zeros() };
    cpu.s.set_xr(i.rd(), result as u64);
    Ok(())
}

/// Arm ARM C6.2.66: CLS. `CountLeadingZeroBits(x<N-1:1> EOR x<N-2:0>)`: the number of
/// bits after the sign bit that equal it (0..=N-1).
pub fn cls(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let x = cpu.s.xr(i.rn());
    let result = if i.sf() {
        let v = if (x as i64) < 0 { !x } else { x };
        v.leading_zeros() - 1
    } else {
        let x = x as u32;
        let v = if (x as i32) < 0 { !x } else { x };
        v.leading_zeros() - 1
    };
    cpu.s.set_xr(i.rd(), result as u64);
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::exec::dp_imm::tests::{assert_undefined, run_with};

    #[test]
    fn rbit_and_rev() {
        let code = crate::a64!(
            ; rbit x0, x1
            ; rbit w2, w1
            ; rev16 x3, x1
            ; rev16 w4, w1
            ; rev32 x5, x1
            ; rev x6, x1
            ; rev w7, w1
            ; brk 0
        );
        let cpu = run_with(&code, &[(1, 0x0123_4567_89ab_cdef)], 0);
        assert_eq!(cpu.s.x[0], 0xf7b3_d591_e6a2_c480);
        assert_eq!(cpu.s.x[2], 0xf7b3_d591);
        assert_eq!(cpu.s.x[3], 0x2301_6745_ab89_efcd);
        assert_eq!(cpu.s.x[4], 0xab89_efcd);
        assert_eq!(cpu.s.x[5], 0x6745_2301_efcd_ab89);
        assert_eq!(cpu.s.x[6], 0xefcd_ab89_6745_2301);
        assert_eq!(cpu.s.x[7], 0xefcd_ab89);
    }

    #[test]
    fn clz_and_cls() {
        let code = crate::a64!(
            ; clz x0, x1
            ; clz w2, w1
            ; clz x3, xzr
            ; clz w4, wzr
            ; cls x5, x1
            ; cls x6, xzr
            ; cls w7, w8
            ; cls x9, x8
            ; cls w10, w11
            ; brk 0
        );
        let cpu = run_with(&code, &[(1, 0x0000_0001_0000_0000), (8, u64::MAX), (11, 0xc000_0000)], 0);
        assert_eq!(cpu.s.x[0], 31);
        assert_eq!(cpu.s.x[2], 32);
        assert_eq!(cpu.s.x[3], 64);
        assert_eq!(cpu.s.x[4], 32);
        assert_eq!(cpu.s.x[5], 30);
        assert_eq!(cpu.s.x[6], 63);
        assert_eq!(cpu.s.x[7], 31);
        assert_eq!(cpu.s.x[9], 63);
        assert_eq!(cpu.s.x[10], 1);
    }

    #[test]
    fn one_source_reserved() {
        assert_undefined(0x5ac0_0c00); // REV W with opc = 11
        assert_undefined(0xdac0_1800); // opcode 000110
        assert_undefined(0xdac1_0000); // opcode2 = 00001 (PAuth)
        assert_undefined(0xfac0_0000); // S = 1
    }
}
