//! A Redistributor (GICR_*, Arm IHI 0069 12.10/12.11): the RD_base frame (control,
//! identification, wake handshake) and the SGI_base frame at +64 KiB holding the SGI
//! and PPI configuration of its PE. No LPIs: GICR_CTLR, PROPBASER, PENDBASER are RAZ/WI.

use super::irq_state::{self, IrqState};
use super::regs::*;

/// One PE's redistributor.
#[derive(Clone, Debug)]
pub struct Redistributor {
    /// SGIs 0..15 and PPIs 16..31.
    pub private: [IrqState; 32],
    /// GICR_WAKER.ProcessorSleep (ChildrenAsleep follows it at once).
    pub processor_sleep: bool,
    /// Index of the PE (GICR_TYPER.Processor_Number and Aff0).
    pub index: u32,
    /// GICR_TYPER.Last.
    pub last: bool,
}

impl Redistributor {
    /// The redistributor of PE `index` at reset (asleep, as after a cold reset).
    pub fn new(index: u32, last: bool) -> Self {
        Redistributor {
            private: std::array::from_fn(|i| IrqState::new_private(i as u32)),
            processor_sleep: true,
            index,
            last,
        }
    }

    /// Read the word at word-aligned `off` (0..128 KiB) of this redistributor.
    pub fn read_word(&self, off: u64) -> u32 {
        if off >= SGI_BASE {
            return self.read_sgi(off - SGI_BASE);
        }
        match off {
            GICR_IIDR => IIDR,
            // Processor_Number (23:8), Last (4); no PLPIS/VLPIS/DirectLPI.
            GICR_TYPER => self.index << 8 | if self.last { GICR_TYPER_LAST } else { 0 },
            // Affinity_Value: Aff0 = PE index, other levels zero.
            GICR_TYPER_HI => self.index,
            GICR_WAKER if self.processor_sleep => WAKER_PROCESSOR_SLEEP | WAKER_CHILDREN_ASLEEP,
            ID_REGS_START..=0xFFFC => id_reg(&GICR_ID_REGS, off),
            _ => 0, // GICR_CTLR and the LPI registers
        }
    }

    /// Write the word at word-aligned `off` under byte-lane `mask`.
    pub fn write_word(&mut self, off: u64, value: u32, mask: u32) {
        if off >= SGI_BASE {
            return self.write_sgi(off - SGI_BASE, value, mask);
        }
        if off == GICR_WAKER && mask & WAKER_PROCESSOR_SLEEP != 0 {
            self.processor_sleep = value & WAKER_PROCESSOR_SLEEP != 0;
        }
    }

    fn read_sgi(&self, off: u64) -> u32 {
        match irq_state::decode(off) {
            Some((reg, first)) if first < 32 => irq_state::read_word(&self.private, 0, reg, first),
            _ => 0,
        }
    }

    fn write_sgi(&mut self, off: u64, value: u32, mask: u32) {
        if let Some((reg, first)) = irq_state::decode(off) {
            if first < 32 {
                irq_state::write_word(&mut self.private, 0, reg, first, value, mask);
            }
        }
    }
}
