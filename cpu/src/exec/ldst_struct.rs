//! Advanced SIMD structure loads and stores (Arm ARM C4.1 "Advanced SIMD load/store
//! multiple structures" and "... single structure", with their post-indexed forms;
//! C7.2 LD1-LD4, ST1-ST4, LD1R-LD4R).
//!
//! Every form transfers a contiguous run of `ebytes`-sized elements starting at the
//! base address; access `k` is at `address + k * ebytes` (the pseudocode's `offs`), and
//! [`Shape::slot`] says which register and lane it belongs to. Each element is one
//! access of `ebytes` (alignment checked per element, as `Mem[address+offs, ebytes,
//! AccType_VEC]`).
//!
//! Faults (the Arm ARM leaves the destination registers UNKNOWN after a faulting
//! load, and memory UNKNOWN after a faulting store): here a load reads every element
//! into a temporary before any register is written, and a store translates every
//! page it touches (with the alignment check) before writing anything, so a fault
//! leaves registers and memory unchanged. The base register is written back only
//! after the transfer succeeded.

use el2emu_mmu::{AccessKind, Fault, FaultKind};

use super::ldst::base;
use super::simd_fp::{check_fp_enabled, elem, replicate, set_elem, set_vreg, set_vreg_width, vreg};
use crate::exception::{self, Trap};
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::mem::{AccessInfo, DEVICE};
use crate::platform::Platform;
use crate::sysreg::sctlr;

type R = Result<(), Trap>;

/// Most elements one instruction transfers: LD4/ST4 and LD1/ST1 of four 16B registers.
const MAX_ELEMS: usize = 64;

/// Which kind of structure transfer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    /// Multiple structures: every element of `rpt * selem` registers.
    Multiple,
    /// Single structure: lane `index` of `selem` registers; the other lanes are kept.
    Single(u32),
    /// Load and replicate: one element per register, copied to every lane.
    Replicate,
}

/// The decoded shape of a structure instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Shape {
    form: Form,
    /// Element size in bits.
    esize: u32,
    /// 64 or 128 (Q).
    datasize: u32,
    /// Elements per structure (registers per structure).
    selem: u32,
    /// Repetitions (LD1/ST1 of 2-4 registers).
    rpt: u32,
}

impl Shape {
    /// Registers touched: `t .. t + regs` modulo 32.
    fn regs(&self) -> u32 {
        self.selem * self.rpt
    }

    /// Elements transferred.
    fn count(&self) -> u32 {
        match self.form {
            Form::Multiple => self.rpt * (self.datasize / self.esize) * self.selem,
            _ => self.selem,
        }
    }

    /// `(register offset from t, lane)` of access `k`: the loops `for r, for e, for s`
    /// of the multiple-structure pseudocode (`tt = t + r + s`), or `for s` of the
    /// single-structure one.
    fn slot(&self, k: u32) -> (u32, u32) {
        match self.form {
            Form::Multiple => {
                let per_r = (self.datasize / self.esize) * self.selem;
                let (r, rem) = (k / per_r, k % per_r);
                (r + rem % self.selem, rem / self.selem)
            }
            Form::Single(index) => (k, index),
            Form::Replicate => (k, 0),
        }
    }
}

/// Decode of "load/store multiple structures": opcode (15:12) gives `rpt` and `selem`;
/// the .1D arrangement (size:Q = 110) is only allowed for LD1/ST1.
fn decode_multiple(i: Insn) -> Option<Shape> {
    let (rpt, selem) = match i.bits(15, 12) {
        0b0000 => (1, 4),
        0b0010 => (4, 1),
        0b0100 => (1, 3),
        0b0110 => (3, 1),
        0b0111 => (1, 1),
        0b1000 => (1, 2),
        0b1010 => (2, 1),
        _ => return None,
    };
    let (q, size) = (i.bit(30), i.bits(11, 10));
    if size == 3 && !q && selem != 1 {
        return None;
    }
    Some(Shape { form: Form::Multiple, esize: 8 << size, datasize: if q { 128 } else { 64 }, selem, rpt })
}

/// Decode of "load/store single structure": `scale = opcode<2:1>`,
/// `selem = opcode<0>:R + 1`, the lane index from Q:S:size; scale 3 is LDnR.
fn decode_single(i: Insn) -> Option<Shape> {
    let opcode = i.bits(15, 13);
    let (q, s, size) = (i.bits(30, 30), i.bits(12, 12), i.bits(11, 10));
    let selem = ((opcode & 1) << 1 | i.bits(21, 21)) + 1;
    let (scale, form) = match opcode >> 1 {
        3 => {
            if !i.bit(22) || s == 1 {
                return None;
            }
            (size, Form::Replicate)
        }
        0 => (0, Form::Single(q << 3 | s << 2 | size)),
        1 if size & 1 == 0 => (1, Form::Single(q << 2 | s << 1 | size >> 1)),
        2 if size == 0 => (2, Form::Single(q << 1 | s)),
        2 if size == 1 && s == 0 => (3, Form::Single(q)),
        _ => return None,
    };
    Some(Shape { form, esize: 8 << scale, datasize: 64 << q, selem, rpt: 1 })
}

/// Arm ARM C7.2 LD1-LD4 / ST1-ST4 (multiple structures), no offset and post-index.
pub fn ldst_multiple(cpu: &mut Cpu, plat: &mut dyn Platform, i: Insn) -> R {
    let shape = decode_multiple(i).ok_or_else(|| exception::undefined(&cpu.s))?;
    transfer(cpu, plat, i, shape)
}

/// Arm ARM C7.2 LD1-LD4 / ST1-ST4 (single structure) and LD1R-LD4R, no offset and
/// post-index.
pub fn ldst_single(cpu: &mut Cpu, plat: &mut dyn Platform, i: Insn) -> R {
    let shape = decode_single(i).ok_or_else(|| exception::undefined(&cpu.s))?;
    transfer(cpu, plat, i, shape)
}

/// The shared execute pseudocode: FP trap, base (with the SP alignment check), the
/// element transfers, then `if wback then X[n] = address + offs` where `offs` is
/// X[m], or the bytes transferred when m = 31 (the immediate form).
fn transfer(cpu: &mut Cpu, plat: &mut dyn Platform, i: Insn, shape: Shape) -> R {
    check_fp_enabled(cpu)?;
    let (t, n) = (i.rt(), i.rn());
    let address = base(cpu, n)?;
    let ebytes = shape.esize / 8;
    let count = shape.count();
    if i.bit(22) {
        load(cpu, plat, t, address, &shape)?;
    } else {
        let mut vals = [0u64; MAX_ELEMS];
        for (k, v) in vals.iter_mut().enumerate().take(count as usize) {
            let (r, lane) = shape.slot(k as u32);
            *v = elem(vreg(cpu, (t + r) % 32), lane, shape.esize);
        }
        store(cpu, plat, address, ebytes, &vals[..count as usize])?;
    }
    if i.bit(23) {
        let m = i.rm();
        let offs = if m == 31 { (count * ebytes) as u64 } else { cpu.s.xr(m) };
        cpu.s.set_xsp(n, address.wrapping_add(offs));
    }
    Ok(())
}

/// Read every element, then write the registers: `V[tt] = rval` of `datasize` bits
/// for the multiple and replicate forms (Q = 0 clears the upper half), the whole
/// register with one lane replaced for the single-structure form.
fn load(cpu: &mut Cpu, plat: &mut dyn Platform, t: u32, address: u64, shape: &Shape) -> R {
    let ebytes = shape.esize / 8;
    let info = AccessInfo::plain(AccessKind::Read, ebytes);
    let count = shape.count();
    let mut vals = [0u64; MAX_ELEMS];
    for (k, v) in vals.iter_mut().enumerate().take(count as usize) {
        *v = cpu.read(plat, address.wrapping_add(k as u64 * ebytes as u64), info)?;
    }
    let mut regs = [0u128; 4];
    for (r, reg) in regs.iter_mut().enumerate().take(shape.regs() as usize) {
        if let Form::Single(_) = shape.form {
            *reg = vreg(cpu, (t + r as u32) % 32);
        }
    }
    for (k, &v) in vals.iter().enumerate().take(count as usize) {
        let (r, lane) = shape.slot(k as u32);
        let reg = &mut regs[r as usize];
        *reg = match shape.form {
            Form::Replicate => replicate(v, shape.esize, shape.datasize),
            _ => set_elem(*reg, lane, shape.esize, v),
        };
    }
    for (r, &reg) in regs.iter().enumerate().take(shape.regs() as usize) {
        let tt = (t + r as u32) % 32;
        match shape.form {
            Form::Single(_) => set_vreg(cpu, tt, reg),
            _ => set_vreg_width(cpu, tt, reg, shape.datasize),
        }
    }
    Ok(())
}

/// The pages a store touches (at most two: the run is at most 64 bytes), each with
/// its translation (with the [`DEVICE`] flag).
struct Pages {
    page: [u64; 2],
    pa: [u64; 2],
    len: usize,
}

impl Pages {
    /// The translated page base of `va`, translating (for a write) the first time a
    /// page is seen; a translation fault is reported at `va`.
    fn get(&mut self, cpu: &mut Cpu, va: u64, info: &AccessInfo) -> Result<u64, Trap> {
        let page = va & !0xfff;
        if let Some(k) = self.page[..self.len].iter().position(|&p| p == page) {
            return Ok(self.pa[k]);
        }
        let pa = cpu.translate(page, AccessKind::Write, false).map_err(|f| cpu.data_abort(f, va, info))?;
        let k = self.len.min(1);
        self.page[k] = page;
        self.pa[k] = pa;
        self.len = k + 1;
        Ok(pa)
    }
}

/// Store `vals` (element `k` at `address + k * ebytes`) all or nothing: first every
/// element's pages are translated and its alignment checked (as `Mem[]` would, in
/// access order, so the first faulting element is the one reported); then elements
/// that go to MMIO (whose writes may fail) are written before those that go to RAM
/// (whose translated writes cannot fail).
fn store(cpu: &mut Cpu, plat: &mut dyn Platform, address: u64, ebytes: u32, vals: &[u64]) -> R {
    let info = AccessInfo::plain(AccessKind::Write, ebytes);
    let strict_align = crate::sysreg::traps::current_sctlr(&cpu.s) & sctlr::A != 0;
    let mut pages = Pages { page: [0; 2], pa: [0; 2], len: 0 };
    let mut in_ram = [false; MAX_ELEMS];
    for (k, ram) in in_ram.iter_mut().enumerate().take(vals.len()) {
        let va = address.wrapping_add(k as u64 * ebytes as u64);
        let last = va.wrapping_add(ebytes as u64 - 1);
        let pa = pages.get(cpu, va, &info)?;
        if va & (ebytes as u64 - 1) != 0 && (pa & DEVICE != 0 || strict_align) {
            return Err(cpu.data_abort(Fault::s1(FaultKind::Alignment, 0), va, &info));
        }
        // A fault in the second page is reported at its first byte, as the byte-wise
        // `Mem[]` accesses of the pseudocode reach it first.
        let second = if (last ^ va) & !0xfff != 0 { last & !0xfff } else { last };
        let pa_last = pages.get(cpu, second, &info)?;
        let contains = |p: u64, v: u64| cpu.ram.contains((p & !DEVICE & !0xfff) | (v & 0xfff));
        *ram = contains(pa, va) && contains(pa_last, last);
    }
    for ram_pass in [false, true] {
        for (k, &v) in vals.iter().enumerate() {
            if in_ram[k] == ram_pass {
                cpu.write(plat, address.wrapping_add(k as u64 * ebytes as u64), v, info)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
#[path = "ldst_struct_tests.rs"]
mod tests;
