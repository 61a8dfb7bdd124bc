//! Virtual memory accesses of the PE: regime selection (Arm ARM D8.1), the fast
//! per-EL translation cache, alignment checks, RAM/MMIO dispatch, and the Data/
//! Instruction Abort syndromes (Arm ARM D17.2.37).

use el2emu_mmu::{regime::RegimeKind, AccessKind, Fault, FaultKind, Regime, Stage1Config, Stage2Config};

use crate::ec;
use crate::exception::{default_target, Exception, ExceptionType, Trap};
use crate::interp::Cpu;
use crate::platform::Platform;
use crate::sysreg::{hcr, sctlr, Slot};

/// How an instruction accesses memory, for permission checks and the abort syndrome.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AccessInfo {
    /// Read or write.
    pub kind: AccessKind,
    /// Access size in bytes (for alignment and ISS.SAS).
    pub size: u32,
    /// ISS bits 24:14 (ISV, SAS, SSE, SRT, SF, AR) when the instruction is a single
    /// general-purpose register load/store without writeback; 0 otherwise.
    pub iss: u32,
    /// LDTR/STTR: checked as if from EL0.
    pub unpriv: bool,
    /// The access must be naturally aligned regardless of SCTLR.A (exclusives,
    /// acquire/release, atomics).
    pub must_align: bool,
    /// Cache maintenance (ISS.CM).
    pub cm: bool,
}

impl AccessInfo {
    /// A load/store of a general-purpose register: `size` bytes into/from `rt`,
    /// `sign` extended, `sf` a 64-bit destination, `ar` acquire/release semantics.
    pub const fn gpr(kind: AccessKind, size: u32, rt: u32, sign: bool, sf: bool, ar: bool) -> Self {
        let sas = size.trailing_zeros();
        let iss =
            (1 << 24) | (sas << 22) | ((sign as u32) << 21) | (rt << 16) | ((sf as u32) << 15) | ((ar as u32) << 14);
        AccessInfo { kind, size, iss, unpriv: false, must_align: ar, cm: false }
    }

    /// An access without a valid instruction syndrome (pairs, SIMD, writeback forms).
    pub const fn plain(kind: AccessKind, size: u32) -> Self {
        AccessInfo { kind, size, iss: 0, unpriv: false, must_align: false, cm: false }
    }

    /// Same access, but must be naturally aligned.
    pub const fn aligned(mut self) -> Self {
        self.must_align = true;
        self
    }

    /// Same access, unprivileged (LDTR/STTR).
    pub const fn unprivileged(mut self) -> Self {
        self.unpriv = true;
        self
    }
}

/// Set in a translated address when the memory is Device (bit 63 is above any PA).
pub const DEVICE: u64 = 1 << 63;

/// One entry of the fast translation cache: `tag` = VA page | context bits | valid.
#[derive(Clone, Copy, Default)]
pub(crate) struct FastEntry {
    tag: u64,
    /// PA page | [`DEVICE`] if the memory is Device.
    pa: u64,
}

pub(crate) const FAST_ENTRIES: usize = 256;

/// Fast translation caches for read, write and execute.
pub(crate) struct FastTlb {
    e: [[FastEntry; FAST_ENTRIES]; 3],
}

impl FastTlb {
    pub(crate) fn new() -> Box<Self> {
        Box::new(FastTlb { e: [[FastEntry::default(); FAST_ENTRIES]; 3] })
    }
    pub(crate) fn flush(&mut self) {
        for t in self.e.iter_mut() {
            t.fill(FastEntry::default());
        }
    }
}

#[inline(always)]
fn kind_index(k: AccessKind) -> usize {
    match k {
        AccessKind::Read => 0,
        AccessKind::Write => 1,
        AccessKind::Exec => 2,
    }
}

impl Cpu {
    /// The context bits of the fast cache tag: EL, unprivileged, PAN.
    #[inline(always)]
    fn fast_tag(&self, va: u64, unpriv: bool) -> u64 {
        (va & !0xfff) | ((self.s.el as u64) << 4) | ((unpriv as u64) << 3) | ((self.s.pan as u64) << 2) | 1
    }

    /// Drop the per-EL fast cache only (a TTBR, VTTBR or CONTEXTIDR write: the tagged
    /// TLB keeps entries of other ASIDs and VMIDs, as hardware does).
    pub fn flush_fast(&mut self) {
        self.fetch_tag = 0;
        self.fast.flush();
    }

    /// Drop all cached translations (TLBI, writes to translation controls).
    pub fn flush_translations(&mut self) {
        self.fetch_tag = 0;
        self.fast.flush();
        self.tlb.flush_all();
    }

    /// The translation regime of an access from the current EL (Arm ARM D8.1.2).
    pub fn regime(&self, unpriv: bool) -> Regime {
        self.regime_at(self.s.el, unpriv)
    }

    /// The translation regime of an access as if from `el` (AT translates for an EL
    /// other than the current one).
    pub fn regime_at(&self, el: u32, unpriv: bool) -> Regime {
        let s = &self.s;
        let h = s.sys[Slot::HCR_EL2 as usize];
        let e2h = h & hcr::E2H != 0;
        let tge = h & hcr::TGE != 0;
        let (kind, sctlr_v, tcr, ttbr0, ttbr1, mair) = if el == 2 || (el == 0 && e2h && tge) {
            let k = if e2h { RegimeKind::El20 } else { RegimeKind::El2 };
            (
                k,
                s.sys[Slot::SCTLR_EL2 as usize],
                s.sys[Slot::TCR_EL2 as usize],
                s.sys[Slot::TTBR0_EL2 as usize],
                s.sys[Slot::TTBR1_EL2 as usize],
                s.sys[Slot::MAIR_EL2 as usize],
            )
        } else {
            (
                RegimeKind::El10,
                s.sys[Slot::SCTLR_EL1 as usize],
                s.sys[Slot::TCR_EL1 as usize],
                s.sys[Slot::TTBR0_EL1 as usize],
                s.sys[Slot::TTBR1_EL1 as usize],
                s.sys[Slot::MAIR_EL1 as usize],
            )
        };
        let in_el10 = kind == RegimeKind::El10;
        // HCR_EL2.TGE=1 (E2H=0) disables EL1&0 stage 1; HCR_EL2.DC likewise (as Normal).
        let s1_on = sctlr_v & sctlr::M != 0 && !(in_el10 && (tge || h & hcr::DC != 0));
        let s2 = if in_el10 && h & hcr::VM != 0 && !tge {
            Some(Stage2Config { vtcr: s.sys[Slot::VTCR_EL2 as usize], vttbr: s.sys[Slot::VTTBR_EL2 as usize] })
        } else {
            None
        };
        let unprivileged = el == 0 || (unpriv && !(el == 2 && !e2h));
        Regime {
            kind,
            s1: Stage1Config {
                enabled: s1_on,
                wxn: sctlr_v & sctlr::WXN != 0,
                tcr,
                ttbr0,
                ttbr1,
                mair,
                flat_normal: in_el10 && h & hcr::DC != 0,
            },
            s2,
            unprivileged,
            pan: s.pan != 0 && el != 0,
            vmid: s2.map(|c| c.vmid()).unwrap_or(0),
        }
    }

    /// Translate `va` for `kind`, through the fast cache. Returns the PA, with
    /// [`DEVICE`] set for Device memory.
    #[inline(always)]
    pub fn translate(&mut self, va: u64, kind: AccessKind, unpriv: bool) -> Result<u64, Fault> {
        let tag = self.fast_tag(va, unpriv);
        let idx = ((va >> 12) as usize) & (FAST_ENTRIES - 1);
        let e = self.fast.e[kind_index(kind)][idx];
        if e.tag == tag {
            return Ok(e.pa | (va & 0xfff));
        }
        self.translate_slow(va, kind, unpriv, tag, idx)
    }

    #[inline(never)]
    fn translate_slow(&mut self, va: u64, kind: AccessKind, unpriv: bool, tag: u64, idx: usize) -> Result<u64, Fault> {
        let regime = self.regime(unpriv);
        // Translations with stage 1 enabled go through the TLB tagged by regime, VMID and
        // ASID (Arm ARM D8.13), so an ASID or VMID switch needs no flush; a hit is
        // re-checked for this access's permissions.
        let t = if regime.s1.enabled {
            let asid = current_asid(&regime);
            match self.tlb.lookup(regime.kind, regime.vmid, asid, va).copied() {
                Some(t) => {
                    el2emu_mmu::perms::check_access(&t, &regime, kind, va)?;
                    t
                }
                None => {
                    let mut walker = self.ram.clone();
                    let t = el2emu_mmu::stage1::translate(&regime, va, kind, &mut walker)?;
                    self.tlb.insert(regime.kind, regime.vmid, va, t);
                    t
                }
            }
        } else {
            let mut walker = self.ram.clone();
            el2emu_mmu::stage1::translate(&regime, va, kind, &mut walker)?
        };
        // Device memory: MAIR attribute with outer bits 7:4 zero (Arm ARM D17.2.97).
        let device = t.attrs & 0xf0 == 0;
        let pa_page = (t.pa_page & !(t.page_size - 1)) | (va & (t.page_size - 1) & !0xfff);
        let dev = if device { DEVICE } else { 0 };
        let entry = FastEntry { tag, pa: pa_page | dev };
        self.fast.e[kind_index(kind)][idx] = entry;
        Ok(pa_page | (va & 0xfff) | dev)
    }

    /// The exception for a failed data access.
    pub fn data_abort(&self, f: Fault, va: u64, info: &AccessInfo) -> Trap {
        let wnr = info.kind == AccessKind::Write || info.cm;
        // ISV is reported for stage-2 aborts on the access itself (Arm ARM D17.2.37:
        // "ISV ... for a stage 2 fault"), as QEMU does.
        let isv = if f.stage2 && !f.s1ptw { info.iss } else { 0 };
        let iss = isv | ((info.cm as u32) << 8) | ((f.s1ptw as u32) << 7) | ((wnr as u32) << 6) | f.fsc();
        self.abort(&f, va, [ec::DABT_LOWER, ec::DABT_SAME], iss)
    }

    /// The exception for a failed instruction fetch.
    pub fn insn_abort(&self, f: Fault, va: u64) -> Trap {
        let iss = ((f.s1ptw as u32) << 7) | f.fsc();
        self.abort(&f, va, [ec::IABT_LOWER, ec::IABT_SAME], iss)
    }

    /// The synchronous exception shared by data and instruction aborts: taken to EL2
    /// for a stage-2 fault, otherwise to the default target EL; EC is the "from a
    /// lower EL" class of `[lower, same]` when that target is above the current EL
    /// (Arm ARM D17.2.37). FAR is `va`; a stage-2 fault also reports its IPA (HPFAR).
    fn abort(&self, f: &Fault, va: u64, [lower, same]: [u32; 2], iss: u32) -> Trap {
        let s = &self.s;
        let target = if f.stage2 { 2 } else { default_target(s) };
        Trap::Exception(Box::new(Exception {
            kind: ExceptionType::Sync,
            target_el: target,
            ec: if target > s.el { lower } else { same },
            iss,
            far: Some(va),
            ipa: if f.stage2 { Some(f.ipa) } else { None },
            return_pc: s.pc,
        }))
    }

    /// Check alignment of a data access (Arm ARM B2.5): SCTLR_ELx.A, Device memory,
    /// and the instructions that always require alignment.
    #[inline(always)]
    fn check_align(&self, va: u64, pa_dev: u64, info: &AccessInfo) -> Result<(), Fault> {
        let misaligned = va & (info.size as u64 - 1) != 0;
        if misaligned && (info.must_align || pa_dev & DEVICE != 0 || self.sctlr_a()) {
            return Err(Fault::s1(FaultKind::Alignment, 0));
        }
        Ok(())
    }

    fn sctlr_a(&self) -> bool {
        crate::sysreg::traps::current_sctlr(&self.s) & sctlr::A != 0
    }

    /// The fast-cache entry for a data access of `size` bytes at `va` when it can be
    /// made straight to RAM: the access stays in one page, the cache holds the
    /// page's translation for this context, the memory is Normal, and the access is
    /// aligned or allowed to be misaligned. Returns the PA; `None` sends the access
    /// to the general path (which repeats every check, so results are the same).
    #[inline(always)]
    pub(crate) fn fast_pa(&self, va: u64, kind: AccessKind, info: &AccessInfo) -> Option<u64> {
        let size = info.size as u64;
        let off = va & 0xfff;
        if off + size > 0x1000 {
            return None;
        }
        let tag = self.fast_tag(va, info.unpriv);
        let e = self.fast.e[kind_index(kind)][((va >> 12) as usize) & (FAST_ENTRIES - 1)];
        // DEVICE is bit 63 of `pa`: Device entries never take the fast path.
        if e.tag != tag || e.pa & DEVICE != 0 {
            return None;
        }
        if va & (size - 1) != 0 && (info.must_align || self.sctlr_a()) {
            return None;
        }
        Some(e.pa | off)
    }

    /// Read `info.size` bytes (1, 2, 4, 8) at `va`, zero-extended.
    #[inline(always)]
    pub fn read(&mut self, plat: &mut dyn Platform, va: u64, info: AccessInfo) -> Result<u64, Trap> {
        if let Some(pa) = self.fast_pa(va, AccessKind::Read, &info) {
            let v = match info.size {
                1 => self.ram.read::<1>(pa).map(|b| b[0] as u64),
                2 => self.ram.read::<2>(pa).map(|b| u16::from_le_bytes(b) as u64),
                4 => self.ram.read::<4>(pa).map(|b| u32::from_le_bytes(b) as u64),
                _ => self.ram.read::<8>(pa).map(u64::from_le_bytes),
            };
            if let Some(v) = v {
                return Ok(v);
            }
        }
        self.read_general(plat, va, info)
    }

    #[inline(never)]
    fn read_general(&mut self, plat: &mut dyn Platform, va: u64, info: AccessInfo) -> Result<u64, Trap> {
        let size = info.size as u64;
        if (va & 0xfff) + size > 0x1000 {
            return self.read_split(plat, va, info);
        }
        let pa = self.translate(va, AccessKind::Read, info.unpriv).map_err(|f| self.data_abort(f, va, &info))?;
        self.check_align(va, pa, &info).map_err(|f| self.data_abort(f, va, &info))?;
        let pa = pa & !DEVICE;
        let v = match info.size {
            1 => self.ram.read::<1>(pa).map(|b| b[0] as u64),
            2 => self.ram.read::<2>(pa).map(|b| u16::from_le_bytes(b) as u64),
            4 => self.ram.read::<4>(pa).map(|b| u32::from_le_bytes(b) as u64),
            _ => self.ram.read::<8>(pa).map(u64::from_le_bytes),
        };
        match v {
            Some(v) => Ok(v),
            None => plat
                .mmio_read(self.id, pa, info.size)
                .ok_or_else(|| self.data_abort(Fault::s1(FaultKind::External, 0), va, &info)),
        }
    }

    /// Write the low `info.size` bytes of `value` at `va`.
    #[inline(always)]
    pub fn write(&mut self, plat: &mut dyn Platform, va: u64, value: u64, info: AccessInfo) -> Result<(), Trap> {
        if let Some(pa) = self.fast_pa(va, AccessKind::Write, &info) {
            let ok = match info.size {
                1 => self.ram.write::<1>(pa, [value as u8]),
                2 => self.ram.write::<2>(pa, (value as u16).to_le_bytes()),
                4 => self.ram.write::<4>(pa, (value as u32).to_le_bytes()),
                _ => self.ram.write::<8>(pa, value.to_le_bytes()),
            };
            if ok {
                return Ok(());
            }
        }
        self.write_general(plat, va, value, info)
    }

    #[inline(never)]
    fn write_general(&mut self, plat: &mut dyn Platform, va: u64, value: u64, info: AccessInfo) -> Result<(), Trap> {
        let size = info.size as u64;
        if (va & 0xfff) + size > 0x1000 {
            return self.write_split(plat, va, value, info);
        }
        let pa = self.translate(va, AccessKind::Write, info.unpriv).map_err(|f| self.data_abort(f, va, &info))?;
        self.check_align(va, pa, &info).map_err(|f| self.data_abort(f, va, &info))?;
        let pa = pa & !DEVICE;
        let ok = match info.size {
            1 => self.ram.write::<1>(pa, [value as u8]),
            2 => self.ram.write::<2>(pa, (value as u16).to_le_bytes()),
            4 => self.ram.write::<4>(pa, (value as u32).to_le_bytes()),
            _ => self.ram.write::<8>(pa, value.to_le_bytes()),
        };
        if ok {
            Ok(())
        } else if plat.mmio_write(self.id, pa, info.size, value) {
            self.exit_request = true;
            Ok(())
        } else {
            Err(self.data_abort(Fault::s1(FaultKind::External, 0), va, &info))
        }
    }

    /// Read 16 bytes (Q registers, LDP of X registers uses two 8-byte reads instead).
    pub fn read_u128(&mut self, plat: &mut dyn Platform, va: u64, info: AccessInfo) -> Result<[u64; 2], Trap> {
        let i8 = AccessInfo { size: 8, ..info };
        // Alignment of the whole 16-byte access is checked on the first half.
        if va & 15 != 0 && info.must_align {
            return Err(self.data_abort(Fault::s1(FaultKind::Alignment, 0), va, &info));
        }
        let lo = self.read(plat, va, AccessInfo { must_align: false, ..i8 })?;
        let hi = self.read(plat, va.wrapping_add(8), AccessInfo { must_align: false, ..i8 })?;
        Ok([lo, hi])
    }

    /// Write 16 bytes. Both halves are translated before either is written, so a fault
    /// on the second page leaves memory unchanged.
    pub fn write_u128(&mut self, plat: &mut dyn Platform, va: u64, v: [u64; 2], info: AccessInfo) -> Result<(), Trap> {
        let i8 = AccessInfo { size: 8, must_align: false, ..info };
        if va & 15 != 0 && info.must_align {
            return Err(self.data_abort(Fault::s1(FaultKind::Alignment, 0), va, &info));
        }
        // Probe the second page (at its first byte, the first one `Mem[]` reaches there)
        // so that a fault leaves memory unchanged.
        let last = va.wrapping_add(15);
        if (last ^ va) & !0xfff != 0 {
            self.probe_write(last & !0xfff, &i8)?;
        }
        self.write(plat, va, v[0], i8)?;
        self.write(plat, va.wrapping_add(8), v[1], i8)
    }

    /// Check that a write to `va` would translate (used before multi-part stores).
    pub fn probe_write(&mut self, va: u64, info: &AccessInfo) -> Result<(), Trap> {
        self.translate(va, AccessKind::Write, info.unpriv).map(|_| ()).map_err(|f| self.data_abort(f, va, info))
    }

    #[inline(never)]
    fn read_split(&mut self, plat: &mut dyn Platform, va: u64, info: AccessInfo) -> Result<u64, Trap> {
        let first = self.translate(va, AccessKind::Read, info.unpriv).map_err(|f| self.data_abort(f, va, &info))?;
        self.check_align(va, first, &info).map_err(|f| self.data_abort(f, va, &info))?;
        let mut v = 0u64;
        for i in 0..info.size as u64 {
            let b = self.read(plat, va.wrapping_add(i), AccessInfo { size: 1, must_align: false, ..info })?;
            v |= b << (8 * i);
        }
        Ok(v)
    }

    #[inline(never)]
    fn write_split(&mut self, plat: &mut dyn Platform, va: u64, value: u64, info: AccessInfo) -> Result<(), Trap> {
        let first = self.translate(va, AccessKind::Write, info.unpriv).map_err(|f| self.data_abort(f, va, &info))?;
        self.check_align(va, first, &info).map_err(|f| self.data_abort(f, va, &info))?;
        // The second page faults at its first byte (byte-wise `Mem[]` order).
        let last = va.wrapping_add(info.size as u64 - 1);
        self.probe_write(last & !0xfff, &info)?;
        for i in 0..info.size as u64 {
            self.write(plat, va.wrapping_add(i), value >> (8 * i), AccessInfo { size: 1, must_align: false, ..info })?;
        }
        Ok(())
    }

    /// Fetch the instruction at PC (Arm ARM D8: instruction fetches are translated as
    /// execute accesses; PC alignment is checked first). While PC stays in the same
    /// code page under the same context, the page's RAM offset is reused.
    #[inline(always)]
    pub fn fetch(&mut self, plat: &mut dyn Platform) -> Result<u32, Trap> {
        let pc = self.s.pc;
        if pc & 3 != 0 {
            return Err(self.pc_alignment_fault());
        }
        let tag = self.fast_tag(pc, false);
        if tag == self.fetch_tag {
            if let Some(w) = self.ram.read_u32_at(self.fetch_off + (pc & 0xfff) as usize) {
                return Ok(w);
            }
        }
        self.fetch_slow(plat, pc, tag)
    }

    #[inline(never)]
    fn fetch_slow(&mut self, _plat: &mut dyn Platform, pc: u64, tag: u64) -> Result<u32, Trap> {
        let pa = self.translate(pc, AccessKind::Exec, false).map_err(|f| self.insn_abort(f, pc))? & !DEVICE;
        match self.ram.offset(pa & !0xfff, 0x1000) {
            Some(off) => {
                self.fetch_tag = tag;
                self.fetch_off = off;
                self.ram
                    .read_u32_at(off + (pc & 0xfff) as usize)
                    .ok_or_else(|| self.insn_abort(Fault::s1(FaultKind::External, 0), pc))
            }
            // Nothing executable there (flash is empty, MMIO is not executable here).
            None => Err(self.insn_abort(Fault::s1(FaultKind::External, 0), pc)),
        }
    }

    fn pc_alignment_fault(&self) -> Trap {
        let s = &self.s;
        Trap::Exception(Box::new(Exception {
            kind: ExceptionType::Sync,
            target_el: default_target(s),
            ec: ec::PC_ALIGN,
            iss: 0,
            far: Some(s.pc),
            ipa: None,
            return_pc: s.pc,
        }))
    }
}

/// The ASID the current translations are tagged with: from TTBR1 or TTBR0 as TCR.A1
/// says, 16 or 8 bits as TCR.AS says; the EL2 regime has none (Arm ARM D8.13.2).
fn current_asid(r: &Regime) -> u16 {
    if r.kind == RegimeKind::El2 {
        return 0;
    }
    let ttbr = if (r.s1.tcr >> 22) & 1 != 0 { r.s1.ttbr1 } else { r.s1.ttbr0 };
    let asid = (ttbr >> 48) as u16;
    if (r.s1.tcr >> 36) & 1 != 0 {
        asid
    } else {
        asid & 0xff
    }
}

#[cfg(test)]
#[path = "mem_tests.rs"]
mod tests;
