//! Floating-point register moves: FMOV (general), FMOV (register), FMOV (scalar,
//! immediate), and the `VFPExpandImm()` shared pseudocode they use with FMOV (vector,
//! immediate). Only the half-precision forms are absent (FEAT_FP16 is not implemented:
//! `ftype` = 0b11 has no table line and is UNDEFINED).

use super::simd_fp::{check_fp_enabled, dreg, set_vreg, set_vreg_width, vreg};
use crate::exception::Trap;
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::platform::Platform;

type R = Result<(), Trap>;

/// `VFPExpandImm(imm8, N)` (Arm ARM shared pseudocode, aarch64/instrs/vector): the 8-bit FP immediate
/// `a:b:cdefgh` as an `n`-bit (16, 32 or 64) floating-point number
/// `sign = a, exp = NOT(b):Replicate(b, E-3):cd, frac = efgh:Zeros(F-4)`.
pub const fn vfp_expand_imm(imm8: u32, n: u32) -> u64 {
    let e = match n {
        16 => 5,
        32 => 8,
        _ => 11,
    };
    let n = if n == 16 || n == 32 { n } else { 64 };
    let f = n - e - 1;
    let sign = ((imm8 >> 7) & 1) as u64;
    let b = ((imm8 >> 6) & 1) as u64;
    // NOT(b) : Replicate(b, E-3) : imm8<5:4>
    let rep = if b == 1 { (1u64 << (e - 3)) - 1 } else { 0 };
    let exp = ((b ^ 1) << (e - 1)) | (rep << 2) | ((imm8 >> 4) & 3) as u64;
    let frac = ((imm8 & 0xf) as u64) << (f - 4);
    (sign << (n - 1)) | (exp << f) | frac
}

/// The FP size of the scalar forms with `ftype` = 0b0x (bit 22): 32 or 64 bits.
#[inline(always)]
fn ftype_size(i: Insn) -> u32 {
    if i.bit(22) {
        64
    } else {
        32
    }
}

/// Arm ARM C7.2.130 FMOV (general), `FMOV Wd, Sn` and `FMOV Xd, Dn` (FPConvOp_MOV_FtoI,
/// part 0): `X[d] = ZeroExtend(V[n]<fltsize-1:0>, intsize)`.
pub fn fmov_to_gen(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    check_fp_enabled(cpu)?;
    let v = dreg(cpu, i.rn());
    let v = if i.sf() { v } else { v as u32 as u64 };
    cpu.s.set_xr(i.rd(), v);
    Ok(())
}

/// Arm ARM C7.2.130 FMOV (general), `FMOV Sd, Wn` and `FMOV Dd, Xn` (FPConvOp_MOV_ItoF,
/// part 0): `Vpart[d, 0] = X[n]<fltsize-1:0>`, which clears the rest of V`d`.
pub fn fmov_from_gen(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    check_fp_enabled(cpu)?;
    let size = if i.sf() { 64 } else { 32 };
    let x = cpu.s.xr(i.rn());
    set_vreg_width(cpu, i.rd(), x as u128, size);
    Ok(())
}

/// Arm ARM C7.2.130 FMOV (general), `FMOV Xd, Vn.D[1]` (part 1): `X[d] = V[n]<127:64>`.
pub fn fmov_to_gen_top(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    check_fp_enabled(cpu)?;
    let top = (vreg(cpu, i.rn()) >> 64) as u64;
    cpu.s.set_xr(i.rd(), top);
    Ok(())
}

/// Arm ARM C7.2.130 FMOV (general), `FMOV Vd.D[1], Xn` (part 1): `Vpart[d, 1] = X[n]`
/// writes V`d`<127:64> and keeps the low half.
pub fn fmov_from_gen_top(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    check_fp_enabled(cpu)?;
    let x = cpu.s.xr(i.rn());
    let d = i.rd();
    let lo = dreg(cpu, d);
    set_vreg(cpu, d, (lo as u128) | ((x as u128) << 64));
    Ok(())
}

/// Arm ARM C7.2.129 FMOV (register): `V[d] = V[n]<datasize-1:0>` (S or D; the upper
/// bits of V`d` are cleared).
pub fn fmov_reg(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    check_fp_enabled(cpu)?;
    let size = ftype_size(i);
    let v = dreg(cpu, i.rn());
    set_vreg_width(cpu, i.rd(), v as u128, size);
    Ok(())
}

/// Arm ARM C7.2.131 FMOV (scalar, immediate): `V[d] = VFPExpandImm(imm8, datasize)`.
pub fn fmov_imm(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    check_fp_enabled(cpu)?;
    let size = ftype_size(i);
    let imm = vfp_expand_imm(i.bits(20, 13), size);
    set_vreg_width(cpu, i.rd(), imm as u128, size);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::vfp_expand_imm;

    #[test]
    fn vfp_expand_imm_values() {
        // 1.0 = imm8 0x70 (a=0, b=1, cd=11, efgh=0000).
        assert_eq!(vfp_expand_imm(0x70, 64), 0x3ff0_0000_0000_0000);
        assert_eq!(vfp_expand_imm(0x70, 32), 0x3f80_0000);
        assert_eq!(vfp_expand_imm(0x70, 16), 0x3c00);
        // 2.0 = 0x00 (b=0: exponent 1000..000), -2.0 = 0x80.
        assert_eq!(vfp_expand_imm(0x00, 64), 0x4000_0000_0000_0000);
        assert_eq!(vfp_expand_imm(0x80, 32), 0xc000_0000);
        // 0.125 = 0x40: exponent 0x3fc; 31.0 = 0x3f: 1.9375 * 2^4.
        assert_eq!(vfp_expand_imm(0x40, 64), 0x3fc0_0000_0000_0000);
        assert_eq!(vfp_expand_imm(0x3f, 32), 0x41f8_0000);
        // -0.1328125 = 0xc1 = -(1 + 1/16) * 2^-3.
        assert_eq!(vfp_expand_imm(0xc1, 64), 0xbfc1_0000_0000_0000);
        // 0.5 = 0x60.
        assert_eq!(vfp_expand_imm(0x60, 32), 0x3f00_0000);
    }
}
