//! Data processing — 3 source (Arm ARM C4.1.87.x, sf op54 11011 op31 Rm o0 Ra Rn Rd):
//! MADD, MSUB, SMADDL, SMSUBL, UMADDL, UMSUBL, SMULH, UMULH (aliases MUL, MNEG, SMULL,
//! SMNEGL, UMULL, UMNEGL). All registers are XZR-type.

use crate::exception::Trap;
use crate::exec::trunc;
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::platform::Platform;

type R = Result<(), Trap>;

/// MADD/MSUB: `result = X[a] +/- X[n] * X[m]` modulo 2^datasize.
fn mul_add(cpu: &mut Cpu, i: Insn, sub: bool) -> R {
    let (n, m, a) = (cpu.s.xr(i.rn()), cpu.s.xr(i.rm()), cpu.s.xr(i.rt2()));
    let product = n.wrapping_mul(m);
    let result = if sub { a.wrapping_sub(product) } else { a.wrapping_add(product) };
    cpu.s.set_xr(i.rd(), trunc(result, i.sf()));
    Ok(())
}

/// Arm ARM C6.2.218: MADD.
pub fn madd(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    mul_add(cpu, i, false)
}

/// Arm ARM C6.2.231: MSUB.
pub fn msub(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    mul_add(cpu, i, true)
}

/// The widening forms: `X[d] = X[a] +/- Int(W[n], unsigned) * Int(W[m], unsigned)`.
fn mul_add_long(cpu: &mut Cpu, i: Insn, unsigned: bool, sub: bool) -> R {
    let (n, m, a) = (cpu.s.xr(i.rn()), cpu.s.xr(i.rm()), cpu.s.xr(i.rt2()));
    let (n, m) =
        if unsigned { (n as u32 as u64, m as u32 as u64) } else { (n as i32 as i64 as u64, m as i32 as i64 as u64) };
    let product = n.wrapping_mul(m);
    let result = if sub { a.wrapping_sub(product) } else { a.wrapping_add(product) };
    cpu.s.set_xr(i.rd(), result);
    Ok(())
}

/// Arm ARM C6.2.285: SMADDL.
pub fn smaddl(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    mul_add_long(cpu, i, false, false)
}

/// Arm ARM C6.2.288: SMSUBL.
pub fn smsubl(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    mul_add_long(cpu, i, false, true)
}

/// Arm ARM C6.2.390: UMADDL.
pub fn umaddl(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    mul_add_long(cpu, i, true, false)
}

/// Arm ARM C6.2.392: UMSUBL.
pub fn umsubl(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    mul_add_long(cpu, i, true, true)
}

/// Arm ARM C6.2.289: SMULH. `X[d] = (SInt(X[n]) * SInt(X[m]))<127:64>`.
pub fn smulh(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let (n, m) = (cpu.s.xr(i.rn()) as i64 as i128, cpu.s.xr(i.rm()) as i64 as i128);
    cpu.s.set_xr(i.rd(), (n.wrapping_mul(m) >> 64) as u64);
    Ok(())
}

/// Arm ARM C6.2.393: UMULH. `X[d] = (UInt(X[n]) * UInt(X[m]))<127:64>`.
pub fn umulh(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let (n, m) = (cpu.s.xr(i.rn()) as u128, cpu.s.xr(i.rm()) as u128);
    cpu.s.set_xr(i.rd(), (n.wrapping_mul(m) >> 64) as u64);
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::exec::dp_imm::tests::{assert_undefined, run_with};

    #[test]
    fn madd_msub() {
        let code = crate::a64!(
            ; madd x0, x1, x2, x3
            ; msub x4, x1, x2, x3
            ; mul w5, w1, w2
            ; mneg x6, x1, x2
            ; madd w7, w8, w8, w3
            ; brk 0
        );
        let cpu = run_with(&code, &[(1, 0x1_0000_0003), (2, 5), (3, 100), (8, 0x1_0001_0000)], 0);
        assert_eq!(cpu.s.x[0], 0x5_0000_000f + 100);
        assert_eq!(cpu.s.x[4], 100u64.wrapping_sub(0x5_0000_000f));
        assert_eq!(cpu.s.x[5], 15);
        assert_eq!(cpu.s.x[6], (-0x5_0000_000fi64) as u64);
        // 0x10000 * 0x10000 = 1 << 32 wraps to 0 in 32 bits.
        assert_eq!(cpu.s.x[7], 100);
    }

    #[test]
    fn widening_multiplies() {
        let code = crate::a64!(
            ; smaddl x0, w1, w2, x3
            ; smsubl x4, w1, w2, x3
            ; umaddl x5, w1, w2, x3
            ; umsubl x6, w1, w2, x3
            ; smull x7, w1, w1
            ; umull x8, w1, w1
            ; brk 0
        );
        // W1 = -2 (upper half of X1 ignored), W2 = 3.
        let cpu = run_with(&code, &[(1, 0x1234_5678_ffff_fffe), (2, 3), (3, 10)], 0);
        assert_eq!(cpu.s.x[0], 4);
        assert_eq!(cpu.s.x[4], 16);
        assert_eq!(cpu.s.x[5], 10 + 3 * 0xffff_fffe);
        assert_eq!(cpu.s.x[6], 10u64.wrapping_sub(3 * 0xffff_fffe));
        assert_eq!(cpu.s.x[7], 4);
        assert_eq!(cpu.s.x[8], 0xffff_fffc_0000_0004);
    }

    #[test]
    fn high_multiplies() {
        let code = crate::a64!(
            ; smulh x0, x1, x2
            ; umulh x3, x1, x2
            ; smulh x4, x5, x5
            ; umulh x6, x5, x5
            ; brk 0
        );
        let cpu = run_with(&code, &[(1, u64::MAX), (2, 2), (5, 1 << 63)], 0);
        // -1 * 2 = -2: high half all ones.
        assert_eq!(cpu.s.x[0], u64::MAX);
        // (2^64 - 1) * 2 = 2^65 - 2: high half 1.
        assert_eq!(cpu.s.x[3], 1);
        // (-2^63)^2 = 2^126: high half 2^62.
        assert_eq!(cpu.s.x[4], 1 << 62);
        assert_eq!(cpu.s.x[6], 1 << 62);
    }

    #[test]
    fn three_source_reserved() {
        assert_undefined(0x1b20_0000); // SMADDL with sf = 0
        assert_undefined(0x1b40_7c00); // SMULH with sf = 0
        assert_undefined(0x9b40_fc00); // SMULH with o0 = 1
        assert_undefined(0x9b60_0000); // op31 = 011
        assert_undefined(0x9b00_0000 | (1 << 29)); // op54 = 01
    }
}
