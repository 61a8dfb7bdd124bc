//! Advanced SIMD copy and scalar copy (Arm ARM C4.1 "Advanced SIMD copy",
//! `0 Q op 01110000 imm5 0 imm4 1 Rn Rd`): DUP (element, vector and scalar), DUP
//! (general), INS (general), INS (element), SMOV, UMOV. The element size comes from the
//! lowest set bit of imm5 and the index from the bits above it.

use super::simd_fp::{
    check_fp_enabled, elem, imm5_size, replicate, set_elem, set_vreg, set_vreg_width, sign_extend, vreg,
};
use crate::exception::{self, Trap};
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::platform::Platform;

type R = Result<(), Trap>;

/// `index = UInt(imm5<4:size+1>)`.
#[inline(always)]
fn imm5_index(i: Insn, size: u32) -> u32 {
    i.bits(20, 16) >> (size + 1)
}

/// Arm ARM C7.2 DUP (element), vector form: every element of V`d` is
/// `Elem[V[n], index, esize]`. `size` > 3 (imm5 = x0000) and `size` = 3 with Q = 0 are
/// UNDEFINED.
pub fn dup_elt_vec(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let q = i.bit(30);
    let size = match imm5_size(i) {
        Some(s) if s != 3 || q => s,
        _ => return Err(exception::undefined(&cpu.s)),
    };
    check_fp_enabled(cpu)?;
    let esize = 8 << size;
    let datasize = if q { 128 } else { 64 };
    let element = elem(vreg(cpu, i.rn()), imm5_index(i, size), esize);
    set_vreg_width(cpu, i.rd(), replicate(element, esize, datasize), datasize);
    Ok(())
}

/// Arm ARM C7.2 DUP (element), scalar form (alias MOV `<V><d>, <Vn>.<T>[<index>]`):
/// `V[d] = Elem[V[n], index, esize]`, upper bits cleared. imm5 = x0000 is UNDEFINED.
pub fn dup_elt_scalar(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let Some(size) = imm5_size(i) else {
        return Err(exception::undefined(&cpu.s));
    };
    check_fp_enabled(cpu)?;
    let esize = 8 << size;
    let element = elem(vreg(cpu, i.rn()), imm5_index(i, size), esize);
    set_vreg_width(cpu, i.rd(), element as u128, esize);
    Ok(())
}

/// Arm ARM C7.2 DUP (general): every element of V`d` is `X[n]<esize-1:0>`.
/// imm5 = x0000 and (size = 3, Q = 0) are UNDEFINED.
pub fn dup_gen(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let q = i.bit(30);
    let size = match imm5_size(i) {
        Some(s) if s != 3 || q => s,
        _ => return Err(exception::undefined(&cpu.s)),
    };
    check_fp_enabled(cpu)?;
    let esize = 8 << size;
    let datasize = if q { 128 } else { 64 };
    let element = cpu.s.xr(i.rn());
    set_vreg_width(cpu, i.rd(), replicate(element, esize, datasize), datasize);
    Ok(())
}

/// Arm ARM C7.2 INS (general) (alias MOV `<Vd>.<Ts>[<index>], <R><n>`):
/// `Elem[V[d], index, esize] = X[n]<esize-1:0>`; the other elements are kept.
pub fn ins_gen(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let Some(size) = imm5_size(i) else {
        return Err(exception::undefined(&cpu.s));
    };
    check_fp_enabled(cpu)?;
    let esize = 8 << size;
    let element = cpu.s.xr(i.rn());
    let d = i.rd();
    let result = set_elem(vreg(cpu, d), imm5_index(i, size), esize, element);
    set_vreg(cpu, d, result);
    Ok(())
}

/// Arm ARM C7.2 INS (element) (alias MOV `<Vd>.<Ts>[<index1>], <Vn>.<Ts>[<index2>]`):
/// `Elem[V[d], dst_index, esize] = Elem[V[n], src_index, esize]` with
/// `src_index = UInt(imm4<3:size>)`; the other elements of V`d` are kept.
pub fn ins_elt(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let Some(size) = imm5_size(i) else {
        return Err(exception::undefined(&cpu.s));
    };
    check_fp_enabled(cpu)?;
    let esize = 8 << size;
    let dst_index = imm5_index(i, size);
    let src_index = i.bits(14, 11) >> size;
    let element = elem(vreg(cpu, i.rn()), src_index, esize);
    let d = i.rd();
    let result = set_elem(vreg(cpu, d), dst_index, esize, element);
    set_vreg(cpu, d, result);
    Ok(())
}

/// Arm ARM C7.2 SMOV: `X[d] = SignExtend(Elem[V[n], index, esize], datasize)`.
/// Sizes by Q:imm5: `xxxxx1` B, `xxxx10` H, `1xx100` S (64-bit only); any other is
/// UNDEFINED.
pub fn smov(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let q = i.bit(30);
    let size = match imm5_size(i) {
        Some(s @ (0 | 1)) => s,
        Some(2) if q => 2,
        _ => return Err(exception::undefined(&cpu.s)),
    };
    check_fp_enabled(cpu)?;
    let esize = 8 << size;
    let element = elem(vreg(cpu, i.rn()), imm5_index(i, size), esize);
    let value = sign_extend(element, esize);
    cpu.s.set_xr(i.rd(), if q { value } else { value as u32 as u64 });
    Ok(())
}

/// Arm ARM C7.2 UMOV (alias MOV `<Wd>, <Vn>.S[<index>]` / `<Xd>, <Vn>.D[<index>]`):
/// `X[d] = ZeroExtend(Elem[V[n], index, esize], datasize)`. Sizes by Q:imm5: `0xxxx1`
/// B, `0xxx10` H, `0xx100` S, `1x1000` D; any other is UNDEFINED.
pub fn umov(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let q = i.bit(30);
    let size = match (q, imm5_size(i)) {
        (false, Some(s @ 0..=2)) => s,
        (true, Some(3)) => 3,
        _ => return Err(exception::undefined(&cpu.s)),
    };
    check_fp_enabled(cpu)?;
    let esize = 8 << size;
    let element = elem(vreg(cpu, i.rn()), imm5_index(i, size), esize);
    cpu.s.set_xr(i.rd(), element);
    Ok(())
}
