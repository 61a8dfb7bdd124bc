//! Loads and stores of SIMD&FP registers (Arm ARM C7.2: LDR/STR (immediate, register,
//! literal, SIMD&FP), LDUR/STUR (SIMD&FP), LDP/STP/LDNP/STNP (SIMD&FP)).
//!
//! Element sizes are B, H, S, D (size field, opc<1> = 0) and Q (size = 00, opc<1> = 1).
//! A load writes the low bytes of V[t] and zeroes the rest of the 128-bit register.
//! Q accesses are two 8-byte accesses (Arm ARM: single-copy atomic per 64 bits) but
//! are alignment-checked as one 16-byte access (SCTLR_ELx.A, Device memory).

use el2emu_mmu::{AccessKind, Fault, FaultKind};

use super::ldst::{address, imm9_index, pair_index, reg_offset, store_parts, writeback, Index};
use crate::exception::{self, Trap};
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::mem::AccessInfo;
use crate::platform::Platform;
use crate::sysreg::sctlr;

use super::simd_fp::check_fp_enabled;

type R = Result<(), Trap>;

/// Element size in bytes of the single-register forms, from size (31:30) and opc<1>
/// (bit 23); `None` when unallocated.
fn single_bytes(i: Insn) -> Option<u32> {
    match (i.bits(31, 30), i.bit(23)) {
        (0, true) => Some(16),
        (size, false) => Some(1 << size),
        _ => None,
    }
}

/// Decode checks shared by every handler: UNDEFINED first, then the FP trap.
fn prologue(cpu: &Cpu, bytes: Option<u32>) -> Result<u32, Trap> {
    let b = bytes.ok_or_else(|| exception::undefined(&cpu.s))?;
    check_fp_enabled(cpu)?;
    Ok(b)
}

/// 16-byte alignment of a Q access: required on Device memory and with SCTLR_ELx.A.
fn check_q_alignment(cpu: &mut Cpu, va: u64, kind: AccessKind) -> R {
    if va & 15 == 0 {
        return Ok(());
    }
    let info = AccessInfo::plain(kind, 16);
    // Translate the page base, whose bit 0 is only the Device flag.
    let pa = cpu.translate(va & !0xfff, kind, false).map_err(|f| cpu.data_abort(f, va, &info))?;
    if pa & crate::mem::DEVICE != 0 || crate::sysreg::traps::current_sctlr(&cpu.s) & sctlr::A != 0 {
        return Err(cpu.data_abort(Fault::s1(FaultKind::Alignment, 0), va, &info));
    }
    Ok(())
}

/// Read one element of `bytes` at `va` as a zero-extended 128-bit value.
fn read_elem(cpu: &mut Cpu, plat: &mut dyn Platform, va: u64, bytes: u32) -> Result<[u64; 2], Trap> {
    if bytes == 16 {
        check_q_alignment(cpu, va, AccessKind::Read)?;
        cpu.read_u128(plat, va, AccessInfo::plain(AccessKind::Read, 16))
    } else {
        Ok([cpu.read(plat, va, AccessInfo::plain(AccessKind::Read, bytes))?, 0])
    }
}

/// Store elements `(va, V[t])` of `bytes` each, all or nothing (see [`store_parts`]).
fn write_elems(cpu: &mut Cpu, plat: &mut dyn Platform, elems: &[(u64, u32)], bytes: u32) -> R {
    let mut parts = [(0u64, 0u64); 4];
    let mut k = 0;
    for &(va, t) in elems.iter().take(2) {
        let v = cpu.s.v[(t & 31) as usize];
        if bytes == 16 {
            check_q_alignment(cpu, va, AccessKind::Write)?;
            parts[k] = (va, v[0]);
            parts[k + 1] = (va.wrapping_add(8), v[1]);
            k += 2;
        } else {
            parts[k] = (va, v[0]);
            k += 1;
        }
    }
    store_parts(cpu, plat, &parts[..k], AccessInfo::plain(AccessKind::Write, bytes.min(8)))
}

/// One register at `addr`, load (bit 22) or store, then the writeback.
fn transfer(cpu: &mut Cpu, plat: &mut dyn Platform, i: Insn, bytes: u32, addr: u64, wb: Option<u64>) -> R {
    let t = i.rt();
    if i.bit(22) {
        cpu.s.v[t as usize] = read_elem(cpu, plat, addr, bytes)?;
    } else {
        write_elems(cpu, plat, &[(addr, t)], bytes)?;
    }
    writeback(cpu, i.rn(), wb);
    Ok(())
}

/// LDR/STR (immediate, SIMD&FP) post- and pre-index, and LDUR/STUR (SIMD&FP):
/// `simm9` unscaled, the form in bits 11:10 (00 unscaled, 01 post, 11 pre).
pub fn ldst_imm9_fp(cpu: &mut Cpu, plat: &mut dyn Platform, i: Insn) -> R {
    let bytes = prologue(cpu, single_bytes(i))?;
    let (addr, wb) = address(cpu, i.rn(), i.sbits(20, 12) as u64, imm9_index(i))?;
    transfer(cpu, plat, i, bytes, addr, wb)
}

/// LDR/STR (immediate, SIMD&FP), unsigned offset: `[Xn, #imm12 * bytes]`.
pub fn ldst_uimm_fp(cpu: &mut Cpu, plat: &mut dyn Platform, i: Insn) -> R {
    let bytes = prologue(cpu, single_bytes(i))?;
    let offset = (i.bits(21, 10) as u64) * bytes as u64;
    let (addr, wb) = address(cpu, i.rn(), offset, Index::Offset)?;
    transfer(cpu, plat, i, bytes, addr, wb)
}

/// LDR/STR (register, SIMD&FP): the offset register extended and optionally scaled
/// by log2(bytes).
pub fn ldst_reg_fp(cpu: &mut Cpu, plat: &mut dyn Platform, i: Insn) -> R {
    let bytes = prologue(cpu, single_bytes(i))?;
    let offset = reg_offset(&cpu.s, i, bytes.trailing_zeros());
    let (addr, wb) = address(cpu, i.rn(), offset, Index::Offset)?;
    transfer(cpu, plat, i, bytes, addr, wb)
}

/// LDR (literal, SIMD&FP): opc 00 S, 01 D, 10 Q, 11 UNDEFINED.
pub fn ldr_lit_fp(cpu: &mut Cpu, plat: &mut dyn Platform, i: Insn) -> R {
    let bytes = prologue(
        cpu,
        match i.bits(31, 30) {
            0b11 => None,
            opc => Some(4 << opc),
        },
    )?;
    let addr = cpu.s.pc.wrapping_add((i.sbits(23, 5) << 2) as u64);
    cpu.s.v[i.rt() as usize] = read_elem(cpu, plat, addr, bytes)?;
    Ok(())
}

/// LDP/STP/LDNP/STNP (SIMD&FP): opc 00 S, 01 D, 10 Q (11 UNDEFINED); `imm7` scaled by
/// the element size. LDP with Rt == Rt2 is CONSTRAINED UNPREDICTABLE: UNDEFINED here.
pub fn ldst_pair_fp(cpu: &mut Cpu, plat: &mut dyn Platform, i: Insn) -> R {
    let (t, t2, n) = (i.rt(), i.rt2(), i.rn());
    let load = i.bit(22);
    let opc = i.bits(31, 30);
    let bytes = if opc == 0b11 || (load && t == t2) { None } else { Some(4u32 << opc) };
    let bytes = prologue(cpu, bytes)?;
    let offset = (i.sbits(21, 15) * bytes as i64) as u64;
    let (addr, wb) = address(cpu, n, offset, pair_index(i))?;
    let addr2 = addr.wrapping_add(bytes as u64);
    if load {
        let a = read_elem(cpu, plat, addr, bytes)?;
        let b = read_elem(cpu, plat, addr2, bytes)?;
        cpu.s.v[t as usize] = a;
        cpu.s.v[t2 as usize] = b;
    } else {
        write_elems(cpu, plat, &[(addr, t), (addr2, t2)], bytes)?;
    }
    writeback(cpu, n, wb);
    Ok(())
}

#[cfg(test)]
#[path = "ldst_simd_tests.rs"]
mod tests;
