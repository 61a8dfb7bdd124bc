//! The Distributor (GICD_*, Arm IHI 0069 12.9): SPI configuration and routing, in the
//! single-security-state, affinity-routing-only configuration of QEMU's `virt` board
//! (GICD_CTLR.DS = 1, ARE = 1). SGI/PPI registers of the distributor are RAZ/WI since
//! the redistributors own them.

use super::irq_state::{self, IrqState};
use super::mmio::merge;
use super::regs::*;

/// Distributor state.
#[derive(Clone, Debug)]
pub struct Distributor {
    /// GICD_CTLR.EnableGrp0/EnableGrp1.
    pub ctlr: u32,
    /// SPIs, element 0 = INTID 32.
    pub spis: Vec<IrqState>,
    /// `GICD_IROUTER<n>` of each SPI.
    pub irouter: Vec<u64>,
    num_cpus: usize,
}

impl Distributor {
    /// A distributor at reset with `num_spis` SPIs for `num_cpus` PEs.
    pub fn new(num_cpus: usize, num_spis: usize) -> Self {
        Distributor { ctlr: 0, spis: vec![IrqState::new_spi(); num_spis], irouter: vec![0; num_spis], num_cpus }
    }

    /// GICD_TYPER (IHI 0069 12.9.38): ITLinesNumber, CPUNumber, IDbits = 9 (10 bits),
    /// A3V = 1; no LPIs, MBIS, security extension or extended SPIs.
    pub fn typer(&self) -> u32 {
        let lines = (32 + self.spis.len() as u32).div_ceil(32) - 1;
        let cpus = (self.num_cpus.clamp(1, 8) - 1) as u32;
        lines | cpus << 5 | 9 << 19 | 1 << 24
    }

    /// The SPI with INTID `intid`.
    pub fn spi(&self, intid: u32) -> Option<&IrqState> {
        intid.checked_sub(32).and_then(|i| self.spis.get(i as usize))
    }

    /// The SPI with INTID `intid`, mutably.
    pub fn spi_mut(&mut self, intid: u32) -> Option<&mut IrqState> {
        intid.checked_sub(32).and_then(|i| self.spis.get_mut(i as usize))
    }

    /// Whether the SPI at index `i` (INTID 32 + i) is routed to the PE with affinity
    /// `aff` (Aff3:Aff2:Aff1:Aff0 packed in 32 bits); 1-of-N SPIs reach every PE.
    pub fn routed_to(&self, i: usize, aff: u32) -> bool {
        let r = self.irouter.get(i).copied().unwrap_or(0);
        if r & IROUTER_IRM != 0 {
            return true;
        }
        let target = (r & 0xFF_FFFF) as u32 | ((r >> 32) as u32 & 0xFF) << 24;
        target == aff
    }

    fn irouter_index(&self, off: u64) -> Option<usize> {
        let n = (off.checked_sub(GICD_IROUTER)? / 8).checked_sub(32)? as usize;
        (n < self.irouter.len()).then_some(n)
    }

    /// Read the 32-bit word at word-aligned `off`.
    pub fn read_word(&self, off: u64) -> u32 {
        match off {
            GICD_CTLR => self.ctlr | CTLR_ARE | CTLR_DS,
            GICD_TYPER => self.typer(),
            GICD_IIDR => IIDR,
            GICD_TYPER2 | GICD_STATUSR => 0,
            GICD_IROUTER..=0x7FDC => match self.irouter_index(off) {
                Some(n) if off & 4 == 0 => self.irouter[n] as u32,
                Some(n) => (self.irouter[n] >> 32) as u32,
                None => 0,
            },
            ID_REGS_START..=0xFFFC => id_reg(&GICD_ID_REGS, off),
            _ => match irq_state::decode(off) {
                Some((reg, first)) => irq_state::read_word(&self.spis, 32, reg, first),
                None => 0,
            },
        }
    }

    /// Write `value` under byte-lane `mask` to the word at word-aligned `off`.
    pub fn write_word(&mut self, off: u64, value: u32, mask: u32) {
        match off {
            GICD_CTLR => {
                self.ctlr = merge(self.ctlr, value, mask) & (CTLR_ENABLE_GRP0 | CTLR_ENABLE_GRP1);
            }
            GICD_IROUTER..=0x7FDC => {
                if let Some(n) = self.irouter_index(off) {
                    let shift = if off & 4 == 0 { 0 } else { 32 };
                    let old = (self.irouter[n] >> shift) as u32;
                    let word = merge(old, value, mask) as u64;
                    let r = (self.irouter[n] & !(0xFFFF_FFFFu64 << shift)) | word << shift;
                    self.irouter[n] = r & IROUTER_MASK;
                }
            }
            _ => {
                if let Some((reg, first)) = irq_state::decode(off) {
                    irq_state::write_word(&mut self.spis, 32, reg, first, value, mask);
                }
            }
        }
    }
}
