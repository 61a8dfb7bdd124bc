//! Loads and stores of one general-purpose register (Arm ARM C4.1.66: "Load register
//! (literal)", "Load/store register (unscaled immediate / immediate post-indexed /
//! unprivileged / immediate pre-indexed / unsigned immediate / register offset)"),
//! PRFM/PRFUM, and the addressing helpers every load/store file shares.
//!
//! CONSTRAINED UNPREDICTABLE choices (Arm ARM K1.2.x), as QEMU does:
//! - Writeback with Rn == Rt (Rn != 31): a load performs the access and writes Rt,
//!   then writes the base back last (Rt ends up holding the updated base); a store
//!   stores the value Rt had before the writeback.

use el2emu_mmu::{AccessKind, Fault, FaultKind};

use crate::ec;
use crate::exception::{self, Trap};
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::mem::AccessInfo;
use crate::platform::Platform;
use crate::state::CpuState;
use crate::sysreg::sctlr;

type R = Result<(), Trap>;

/// How an addressing form uses its offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Index {
    /// `[Xn, #off]`: no writeback.
    Offset,
    /// `[Xn, #off]!`: access at Xn + off, write it back.
    Pre,
    /// `[Xn], #off`: access at Xn, write back Xn + off.
    Post,
}

/// Arm ARM `CheckSPAlignment()`: with SCTLR_ELx.SA (SA0 at EL0) set, using SP as a
/// base while it is not 16-byte aligned is an SP alignment fault (EC 0x26, ISS 0).
#[inline(always)]
pub fn check_sp_alignment(s: &CpuState) -> R {
    let bit = if s.el == 0 { sctlr::SA0 } else { sctlr::SA };
    if crate::sysreg::traps::current_sctlr(s) & bit != 0 && s.sp() & 15 != 0 {
        return Err(exception::sync(s, ec::SP_ALIGN, 0));
    }
    Ok(())
}

/// The base register: `if n == 31 then CheckSPAlignment(); address = SP[] else X[n]`.
#[inline(always)]
pub fn base(cpu: &Cpu, n: u32) -> Result<u64, Trap> {
    if n == 31 {
        check_sp_alignment(&cpu.s)?;
    }
    Ok(cpu.s.xsp(n))
}

/// Address of the access and the value to write back to the base, if any.
#[inline(always)]
pub fn address(cpu: &Cpu, n: u32, offset: u64, idx: Index) -> Result<(u64, Option<u64>), Trap> {
    let b = base(cpu, n)?;
    let ea = b.wrapping_add(offset);
    Ok(match idx {
        Index::Offset => (ea, None),
        Index::Pre => (ea, Some(ea)),
        Index::Post => (b, Some(ea)),
    })
}

/// Write the updated base back (`if wback then X[n]/SP = address`).
#[inline(always)]
pub fn writeback(cpu: &mut Cpu, n: u32, wb: Option<u64>) {
    if let Some(v) = wb {
        cpu.s.set_xsp(n, v);
    }
}

/// The index mode of the imm9 forms, from bits 11:10 (00 unscaled, 01 post, 11 pre).
#[inline(always)]
pub fn imm9_index(i: Insn) -> Index {
    match i.bits(11, 10) {
        0b01 => Index::Post,
        0b11 => Index::Pre,
        _ => Index::Offset,
    }
}

/// The index mode of the pair forms, from bits 24:23 (00 non-temporal, 01 post,
/// 10 offset, 11 pre).
#[inline(always)]
pub fn pair_index(i: Insn) -> Index {
    match i.bits(24, 23) {
        0b01 => Index::Post,
        0b11 => Index::Pre,
        _ => Index::Offset,
    }
}

/// Arm ARM `ExtendReg(m, option, shift)` for the register-offset forms: option 010
/// UXTW, 011 LSL (UXTX), 110 SXTW, 111 SXTX (x0x is unallocated, excluded by the
/// tables).
#[inline(always)]
pub fn extend_reg(s: &CpuState, m: u32, option: u32, shift: u32) -> u64 {
    let v = s.xr(m);
    let v = match option {
        0b010 => v as u32 as u64,
        0b110 => v as u32 as i32 as i64 as u64,
        _ => v,
    };
    v << shift
}

/// The register offset of `[Xn, Xm/Wm{, extend {#amount}}]`: shifted by `scale` when
/// S (bit 12) is set.
#[inline(always)]
pub fn reg_offset(s: &CpuState, i: Insn, scale: u32) -> u64 {
    let shift = if i.bit(12) { scale } else { 0 };
    extend_reg(s, i.rm(), i.bits(15, 13), shift)
}

/// Alignment check of the accesses that always require natural alignment of `bytes`
/// (exclusives, atomics, acquire/release), made before translation as
/// `AArch64.CheckAlignment` is.
pub fn check_alignment(cpu: &Cpu, va: u64, bytes: u64, info: &AccessInfo) -> R {
    if va & (bytes - 1) != 0 {
        return Err(cpu.data_abort(Fault::s1(FaultKind::Alignment, 0), va, info));
    }
    Ok(())
}

/// Is the byte at `va` backed by RAM (after translation for a write)?
fn is_ram(cpu: &mut Cpu, va: u64, info: &AccessInfo) -> bool {
    match cpu.translate(va & !0xfff, AccessKind::Write, info.unpriv) {
        Ok(pa) => cpu.ram.contains((pa & !0xfff & !crate::mem::DEVICE) | (va & 0xfff)),
        Err(_) => false,
    }
}

/// Store up to four `(address, value)` parts of one instruction (pairs, Q registers)
/// so that a fault leaves memory unchanged: every part is translated for writing
/// first, then parts that go to MMIO (whose writes may fail) are written before parts
/// that go to RAM (whose translated writes cannot fail, except by alignment, which is
/// the same for all parts of one instruction).
pub fn store_parts(cpu: &mut Cpu, plat: &mut dyn Platform, parts: &[(u64, u64)], info: AccessInfo) -> R {
    let mut in_ram = [false; 4];
    for (k, &(va, _)) in parts.iter().take(4).enumerate() {
        let last = va.wrapping_add(info.size as u64 - 1);
        cpu.probe_write(va, &info)?;
        // A part crossing into the next page faults at that page's first byte, which the
        // byte-wise `Mem[]` accesses of the pseudocode reach first.
        cpu.probe_write(if (last ^ va) & !0xfff != 0 { last & !0xfff } else { last }, &info)?;
        in_ram[k] = is_ram(cpu, va, &info) && is_ram(cpu, last, &info);
    }
    for ram_pass in [false, true] {
        for (k, &(va, v)) in parts.iter().take(4).enumerate() {
            if in_ram[k] == ram_pass {
                cpu.write(plat, va, v, info)?;
            }
        }
    }
    Ok(())
}

/// `SignExtend`/`ZeroExtend` of a `bytes`-wide value into a 32- or 64-bit register.
#[inline(always)]
pub fn extend(v: u64, bytes: u32, signed: bool, sf: bool) -> u64 {
    let v = if signed {
        let sh = 64 - 8 * bytes;
        (((v << sh) as i64) >> sh) as u64
    } else {
        v
    };
    crate::exec::trunc(v, sf)
}

/// What size:opc means for a general-purpose register load/store (Arm ARM C4.1.66).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MemOp {
    /// Access size in bytes.
    pub bytes: u32,
    /// Load (else store).
    pub load: bool,
    /// Sign-extending load.
    pub signed: bool,
    /// The register is 64 bits wide (X).
    pub sf: bool,
}

impl MemOp {
    /// Decode bits 31:30 (size) and 23:22 (opc); `None` for PRFM and unallocated.
    #[inline(always)]
    pub fn decode(i: Insn) -> Option<MemOp> {
        Self::of(i.bits(31, 30), i.bits(23, 22))
    }

    /// The operation of `size` (bits 31:30) and `opc` (bits 23:22).
    #[inline(always)]
    pub const fn of(size: u32, opc: u32) -> Option<MemOp> {
        let bytes = 1 << size;
        match opc {
            0b00 | 0b01 => Some(MemOp { bytes, load: opc == 1, signed: false, sf: size == 3 }),
            _ if size == 3 || (size == 2 && opc == 0b11) => None,
            _ => Some(MemOp { bytes, load: true, signed: true, sf: opc == 0b10 }),
        }
    }

    /// The operation of a table line that fixes size and opc (specialised handlers).
    pub const fn fixed(size: u32, opc: u32) -> MemOp {
        match Self::of(size, opc) {
            Some(op) => op,
            None => panic!("size:opc is not a load/store"),
        }
    }

    /// log2 of the access size: the scale of scaled offsets.
    #[inline(always)]
    pub fn scale(self) -> u32 {
        self.bytes.trailing_zeros()
    }

    /// The access description: with a valid syndrome unless the form writes back.
    #[inline(always)]
    fn info(self, rt: u32, wback: bool) -> AccessInfo {
        let kind = if self.load { AccessKind::Read } else { AccessKind::Write };
        if wback {
            AccessInfo::plain(kind, self.bytes)
        } else {
            AccessInfo::gpr(kind, self.bytes, rt, self.signed, self.sf, false)
        }
    }
}

/// One general-purpose register transfer at `addr`, then the writeback.
#[inline(always)]
fn transfer(cpu: &mut Cpu, plat: &mut dyn Platform, i: Insn, op: MemOp, addr: u64, wb: Option<u64>, unpriv: bool) -> R {
    let t = i.rt();
    let mut info = op.info(t, wb.is_some());
    if unpriv {
        info = info.unprivileged();
    }
    if op.load {
        let v = cpu.read(plat, addr, info)?;
        cpu.s.set_xr(t, extend(v, op.bytes, op.signed, op.sf));
    } else {
        let v = cpu.s.xr(t);
        cpu.write(plat, addr, v, info)?;
    }
    writeback(cpu, i.rn(), wb);
    Ok(())
}

#[inline(always)]
fn memop(cpu: &Cpu, i: Insn) -> Result<MemOp, Trap> {
    MemOp::decode(i).ok_or_else(|| exception::undefined(&cpu.s))
}

#[inline(always)]
fn imm9_form(cpu: &mut Cpu, plat: &mut dyn Platform, i: Insn, unpriv: bool) -> R {
    let op = memop(cpu, i)?;
    let idx = if unpriv { Index::Offset } else { imm9_index(i) };
    let (addr, wb) = address(cpu, i.rn(), i.sbits(20, 12) as u64, idx)?;
    transfer(cpu, plat, i, op, addr, wb, unpriv)
}

/// LDR/STR/LDRB/STRB/LDRH/STRH/LDRSB/LDRSH/LDRSW (immediate), post- and pre-index
/// (Arm ARM C6.2: `[Xn], #simm9` / `[Xn, #simm9]!`), and LDUR*/STUR* (unscaled
/// `[Xn, #simm9]`): the form is bits 11:10.
pub fn ldst_imm9(cpu: &mut Cpu, plat: &mut dyn Platform, i: Insn) -> R {
    imm9_form(cpu, plat, i, false)
}

/// LDTR*/STTR* (Arm ARM C6.2: unprivileged `[Xn, #simm9]`): at EL1 (and EL2 with
/// HCR_EL2.E2H=1) the access is checked as if made from EL0.
pub fn ldst_unpriv(cpu: &mut Cpu, plat: &mut dyn Platform, i: Insn) -> R {
    imm9_form(cpu, plat, i, true)
}

/// LDR/STR... (immediate), unsigned offset: `[Xn, #imm12 << size]`.
pub fn ldst_uimm(cpu: &mut Cpu, plat: &mut dyn Platform, i: Insn) -> R {
    let op = memop(cpu, i)?;
    let offset = (i.bits(21, 10) as u64) << op.scale();
    let (addr, wb) = address(cpu, i.rn(), offset, Index::Offset)?;
    transfer(cpu, plat, i, op, addr, wb, false)
}

/// LDR/STR... (register): `[Xn, Xm{, LSL #size}]`, `[Xn, Wm, UXTW|SXTW {#size}]`,
/// `[Xn, Xm, SXTX {#size}]`.
pub fn ldst_reg(cpu: &mut Cpu, plat: &mut dyn Platform, i: Insn) -> R {
    let op = memop(cpu, i)?;
    let offset = reg_offset(&cpu.s, i, op.scale());
    let (addr, wb) = address(cpu, i.rn(), offset, Index::Offset)?;
    transfer(cpu, plat, i, op, addr, wb, false)
}

/// The specialised forms below are the same semantics as [`ldst_imm9`], [`ldst_uimm`]
/// and [`ldst_reg`] with size (bits 31:30) and opc (bits 23:22) fixed by their table
/// line, so the access size is known at compile time and the handler is straight-line.
const fn op_of<const SIZE: u32, const OPC: u32>() -> MemOp {
    MemOp::fixed(SIZE, OPC)
}

/// `ldst_imm9` for a line with fixed size:opc and form (bits 11:10: 00 unscaled, 01
/// post-index, 11 pre-index).
pub fn ldst_imm9_op<const SIZE: u32, const OPC: u32, const FORM: u32>(
    cpu: &mut Cpu,
    plat: &mut dyn Platform,
    i: Insn,
) -> R {
    let op = const { op_of::<SIZE, OPC>() };
    let idx = match FORM {
        0b01 => Index::Post,
        0b11 => Index::Pre,
        _ => Index::Offset,
    };
    let (addr, wb) = address(cpu, i.rn(), i.sbits(20, 12) as u64, idx)?;
    transfer(cpu, plat, i, op, addr, wb, false)
}

/// `ldst_uimm` for a line with fixed size:opc.
pub fn ldst_uimm_op<const SIZE: u32, const OPC: u32>(cpu: &mut Cpu, plat: &mut dyn Platform, i: Insn) -> R {
    let op = const { op_of::<SIZE, OPC>() };
    let offset = (i.bits(21, 10) as u64) << SIZE;
    let (addr, wb) = address(cpu, i.rn(), offset, Index::Offset)?;
    transfer(cpu, plat, i, op, addr, wb, false)
}

/// `ldst_reg` for a line with fixed size:opc.
pub fn ldst_reg_op<const SIZE: u32, const OPC: u32>(cpu: &mut Cpu, plat: &mut dyn Platform, i: Insn) -> R {
    let op = const { op_of::<SIZE, OPC>() };
    let offset = reg_offset(&cpu.s, i, SIZE);
    let (addr, wb) = address(cpu, i.rn(), offset, Index::Offset)?;
    transfer(cpu, plat, i, op, addr, wb, false)
}

/// LDR (literal) W/X and LDRSW (literal) (Arm ARM C6.2 "LDR (literal)", "LDRSW
/// (literal)"): `Xt = Mem[PC + imm19 * 4]`.
pub fn ldr_lit(cpu: &mut Cpu, plat: &mut dyn Platform, i: Insn) -> R {
    let (bytes, signed) = match i.bits(31, 30) {
        0b00 => (4, false),
        0b01 => (8, false),
        _ => (4, true),
    };
    let sf = bytes == 8 || signed;
    let t = i.rt();
    let addr = cpu.s.pc.wrapping_add((i.sbits(23, 5) << 2) as u64);
    let v = cpu.read(plat, addr, AccessInfo::gpr(AccessKind::Read, bytes, t, signed, sf, false))?;
    cpu.s.set_xr(t, extend(v, bytes, signed, sf));
    Ok(())
}

/// PRFM (immediate, literal, register) and PRFUM: a hint with no architectural effect;
/// it never faults (Arm ARM C6.2 "PRFM", "PRFUM").
pub fn prfm(_: &mut Cpu, _: &mut dyn Platform, _: Insn) -> R {
    Ok(())
}

#[cfg(test)]
#[path = "ldst_tests.rs"]
mod tests;
