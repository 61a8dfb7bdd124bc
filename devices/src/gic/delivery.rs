//! Interrupt delivery to the physical CPU interfaces (Arm IHI 0069 4.7 "Interrupt
//! grouping", 4.8 "Interrupt prioritization", 12.2 ICC_IAR/EOIR/DIR/HPPIR/SGI*R):
//! choosing the highest-priority pending interrupt of a PE, acknowledging, ending and
//! deactivating it, and generating SGIs.

use super::irq_state::IrqState;
use super::regs::*;
use super::Gicv3;
use el2emu_cpu::state::lines;

/// The highest-priority pending interrupt of a PE.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hppi {
    /// Its INTID.
    pub intid: u32,
    /// Its priority.
    pub priority: u8,
    /// It is a group 1 interrupt.
    pub group1: bool,
}

/// ICC_SGI*R_EL1 fields (IHI 0069 12.2.21).
mod sgir {
    pub const TARGET_LIST: u64 = 0xFFFF;
    pub const AFF1_SHIFT: u32 = 16;
    pub const INTID_SHIFT: u32 = 24;
    pub const AFF2_SHIFT: u32 = 32;
    pub const IRM: u64 = 1 << 40;
    pub const RS_SHIFT: u32 = 44;
    pub const AFF3_SHIFT: u32 = 48;
}

impl Gicv3 {
    /// The interrupt `intid` as seen from PE `cpu` (its SGIs/PPIs, or an SPI).
    pub(crate) fn irq_mut(&mut self, cpu: usize, intid: u32) -> Option<&mut IrqState> {
        if intid < 32 {
            self.pes.get_mut(cpu).map(|pe| &mut pe.redist.private[intid as usize])
        } else {
            self.dist.spi_mut(intid)
        }
    }

    /// The highest-priority pending interrupt that PE `cpu` could take: enabled,
    /// pending, not active, of a group enabled in GICD_CTLR and `ICC_IGRPEN<n>`, routed to
    /// this PE. Ties go to the lower INTID.
    pub fn hppi(&self, cpu: usize) -> Option<Hppi> {
        let pe = self.pes.get(cpu)?;
        let g0 = self.dist.ctlr & CTLR_ENABLE_GRP0 != 0 && pe.icc.igrpen0;
        let g1 = self.dist.ctlr & CTLR_ENABLE_GRP1 != 0 && pe.icc.igrpen1;
        if !g0 && !g1 {
            return None;
        }
        let mut best: Option<Hppi> = None;
        let mut consider = |intid: u32, irq: &IrqState| {
            if irq.candidate() && (if irq.group1 { g1 } else { g0 }) && best.is_none_or(|b| irq.priority < b.priority) {
                best = Some(Hppi { intid, priority: irq.priority, group1: irq.group1 });
            }
        };
        for (i, irq) in pe.redist.private.iter().enumerate() {
            consider(i as u32, irq);
        }
        let aff = cpu as u32;
        for (i, irq) in self.dist.spis.iter().enumerate() {
            if irq.candidate() && self.dist.routed_to(i, aff) {
                consider(32 + i as u32, irq);
            }
        }
        best
    }

    /// The physical IRQ/FIQ outputs into PE `cpu` (group 1 → IRQ, group 0 → FIQ).
    pub(crate) fn physical_lines(&self, cpu: usize) -> u32 {
        match self.hppi(cpu) {
            Some(h) if self.pes[cpu].icc.can_signal(h.priority, h.group1) => {
                if h.group1 {
                    lines::IRQ
                } else {
                    lines::FIQ
                }
            }
            _ => 0,
        }
    }

    /// ICC_IAR0/1_EL1: acknowledge the highest-priority pending interrupt if it belongs
    /// to `group1`'s group and can be signalled; 1023 otherwise.
    pub(crate) fn acknowledge(&mut self, cpu: usize, group1: bool) -> u32 {
        let Some(h) = self.hppi(cpu) else { return INTID_SPURIOUS };
        if h.group1 != group1 || !self.pes[cpu].icc.can_signal(h.priority, h.group1) {
            return INTID_SPURIOUS;
        }
        if let Some(irq) = self.irq_mut(cpu, h.intid) {
            irq.active = true;
            irq.latch = false;
        }
        self.pes[cpu].icc.activate(h.priority, h.group1);
        h.intid
    }

    /// ICC_HPPIR0/1_EL1.
    pub(crate) fn hppir(&self, cpu: usize, group1: bool) -> u32 {
        match self.hppi(cpu) {
            Some(h) if h.group1 == group1 => h.intid,
            _ => INTID_SPURIOUS,
        }
    }

    /// Deactivate `intid` on behalf of PE `cpu`.
    pub(crate) fn deactivate(&mut self, cpu: usize, intid: u32) {
        if let Some(irq) = self.irq_mut(cpu, intid) {
            irq.active = false;
        }
    }

    /// ICC_EOIR0/1_EL1: priority drop, and deactivation when EOImode = 0.
    pub(crate) fn end_of_interrupt(&mut self, cpu: usize, group1: bool, intid: u32) {
        if intid >= INTID_SPECIAL {
            return;
        }
        let Some(pe) = self.pes.get_mut(cpu) else { return };
        if !pe.icc.eoi_drop(group1) {
            return;
        }
        if !pe.icc.eoi_split() {
            self.deactivate(cpu, intid);
        }
    }

    /// ICC_DIR_EL1: deactivate (only meaningful with EOImode = 1; ignored otherwise).
    pub(crate) fn deactivate_write(&mut self, cpu: usize, intid: u32) {
        if intid >= INTID_SPECIAL {
            return;
        }
        if self.pes.get(cpu).is_some_and(|pe| pe.icc.eoi_split()) {
            self.deactivate(cpu, intid);
        }
    }

    /// ICC_SGI0R_EL1 / ICC_SGI1R_EL1 / ICC_ASGI1R_EL1 write from PE `src`: make the SGI
    /// pending on every target PE. With GICD_CTLR.DS = 1 an ICC_SGI1R_EL1 write
    /// (`allow_group1`) reaches SGIs of either group, while ICC_SGI0R_EL1 and
    /// ICC_ASGI1R_EL1 (no other security state exists) reach group 0 SGIs only.
    pub fn send_sgi(&mut self, src: usize, value: u64, allow_group1: bool) {
        let intid = ((value >> sgir::INTID_SHIFT) & 0xF) as usize;
        let targets: Vec<usize> = if value & sgir::IRM != 0 {
            (0..self.pes.len()).filter(|&i| i != src).collect()
        } else {
            let upper = (value >> sgir::AFF1_SHIFT) & 0xFF
                | (value >> sgir::AFF2_SHIFT) & 0xFF
                | (value >> sgir::AFF3_SHIFT) & 0xFF;
            if upper != 0 {
                return; // every PE has Aff1 = Aff2 = Aff3 = 0
            }
            let rs = ((value >> sgir::RS_SHIFT) & 0xF) as usize * 16;
            (0..16).filter(|b| value & sgir::TARGET_LIST & (1 << b) != 0).map(|b| rs + b).collect()
        };
        for t in targets {
            if let Some(pe) = self.pes.get_mut(t) {
                let irq = &mut pe.redist.private[intid];
                if !irq.group1 || allow_group1 {
                    irq.latch = true;
                }
            }
        }
    }
}
