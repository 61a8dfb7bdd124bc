//! State of one interrupt (SGI, PPI or SPI) and the per-interrupt register banks that
//! the distributor and the redistributors' SGI_base frames lay out identically
//! (Arm IHI 0069 12.9 GICD_IGROUPR..GICD_IGRPMODR, 12.11 GICR_IGROUPR0..GICR_IGRPMODR0).

use super::mmio::merge;
use super::regs::*;

/// One interrupt's configuration and state (IHI 0069 4.1.2 "Interrupt lifecycle").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IrqState {
    /// Forwarding enabled (ISENABLER/ICENABLER).
    pub enabled: bool,
    /// Pending latch: set by an edge, ISPENDR or SGI generation; cleared by ICPENDR or
    /// acknowledge.
    pub latch: bool,
    /// Level of the input line (level-sensitive interrupts are pending while it is high).
    pub line: bool,
    /// Active.
    pub active: bool,
    /// Group 1 (IGROUPR bit set) rather than group 0.
    pub group1: bool,
    /// Edge-triggered (ICFGR bit 2n+1); level-sensitive otherwise.
    pub edge: bool,
    /// Priority (implemented bits only; lower is higher priority).
    pub priority: u8,
}

impl IrqState {
    /// A private interrupt at reset: SGIs are edge-triggered, PPIs level-sensitive;
    /// group 1 as QEMU resets the GIC for a direct Linux boot.
    pub fn new_private(intid: u32) -> Self {
        IrqState { edge: intid < 16, group1: true, ..Default::default() }
    }

    /// An SPI at reset: level-sensitive, group 1, disabled.
    pub fn new_spi() -> Self {
        IrqState { group1: true, ..Default::default() }
    }

    /// The pending state as the architecture sees it.
    pub fn pending(&self) -> bool {
        self.latch || (!self.edge && self.line)
    }

    /// Drive the input line; a rising edge latches pending for edge-triggered interrupts.
    pub fn set_line(&mut self, level: bool) {
        if self.edge && level && !self.line {
            self.latch = true;
        }
        self.line = level;
    }

    /// Can be forwarded to a CPU interface: enabled, pending and not active.
    pub fn candidate(&self) -> bool {
        self.enabled && self.pending() && !self.active
    }
}

/// A register bank with one field per interrupt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BankReg {
    /// IGROUPR: 1 bit, RW.
    Group,
    /// ISENABLER: 1 bit, write-1-to-set.
    SetEnable,
    /// ICENABLER: 1 bit, write-1-to-clear.
    ClearEnable,
    /// ISPENDR: 1 bit, write-1-to-set.
    SetPending,
    /// ICPENDR: 1 bit, write-1-to-clear.
    ClearPending,
    /// ISACTIVER: 1 bit, write-1-to-set.
    SetActive,
    /// ICACTIVER: 1 bit, write-1-to-clear.
    ClearActive,
    /// IPRIORITYR: 8 bits.
    Priority,
    /// ICFGR: 2 bits (bit 1 = edge).
    Config,
    /// IGRPMODR: RAZ/WI because GICD_CTLR.DS == 1 (IHI 0069 12.9.15).
    GroupMod,
}

/// Decode a word-aligned offset into a bank register and the first INTID it covers.
pub fn decode(off: u64) -> Option<(BankReg, u32)> {
    let bitmap = |base: u64| (((off - base) / 4) * 32) as u32;
    Some(match off {
        GICD_IGROUPR..=0x00FC => (BankReg::Group, bitmap(GICD_IGROUPR)),
        GICD_ISENABLER..=0x017C => (BankReg::SetEnable, bitmap(GICD_ISENABLER)),
        GICD_ICENABLER..=0x01FC => (BankReg::ClearEnable, bitmap(GICD_ICENABLER)),
        GICD_ISPENDR..=0x027C => (BankReg::SetPending, bitmap(GICD_ISPENDR)),
        GICD_ICPENDR..=0x02FC => (BankReg::ClearPending, bitmap(GICD_ICPENDR)),
        GICD_ISACTIVER..=0x037C => (BankReg::SetActive, bitmap(GICD_ISACTIVER)),
        GICD_ICACTIVER..=0x03FC => (BankReg::ClearActive, bitmap(GICD_ICACTIVER)),
        GICD_IPRIORITYR..=0x07FC => (BankReg::Priority, (off - GICD_IPRIORITYR) as u32),
        GICD_ICFGR..=0x0CFC => (BankReg::Config, ((off - GICD_ICFGR) * 4) as u32),
        GICD_IGRPMODR..=0x0D7C => (BankReg::GroupMod, bitmap(GICD_IGRPMODR)),
        _ => return None,
    })
}

fn fields_per_word(reg: BankReg) -> u32 {
    match reg {
        BankReg::Priority => 4,
        BankReg::Config => 16,
        _ => 32,
    }
}

/// Read the word of `reg` starting at INTID `first` from `irqs` (whose element 0 is INTID
/// `base`); interrupts outside `irqs` read as zero.
pub fn read_word(irqs: &[IrqState], base: u32, reg: BankReg, first: u32) -> u32 {
    let mut v = 0u32;
    for k in 0..fields_per_word(reg) {
        let Some(irq) = first.checked_add(k).and_then(|i| i.checked_sub(base)).and_then(|i| irqs.get(i as usize))
        else {
            continue;
        };
        v |= match reg {
            BankReg::Group => (irq.group1 as u32) << k,
            BankReg::SetEnable | BankReg::ClearEnable => (irq.enabled as u32) << k,
            BankReg::SetPending | BankReg::ClearPending => (irq.pending() as u32) << k,
            BankReg::SetActive | BankReg::ClearActive => (irq.active as u32) << k,
            BankReg::Priority => (irq.priority as u32) << (8 * k),
            BankReg::Config => (irq.edge as u32) << (2 * k + 1),
            BankReg::GroupMod => 0,
        };
    }
    v
}

/// Write `value` under byte-lane `mask` to the word of `reg` starting at INTID `first`.
/// Interrupts outside `irqs` ignore the write; SGI configuration is fixed (edge).
pub fn write_word(irqs: &mut [IrqState], base: u32, reg: BankReg, first: u32, value: u32, mask: u32) {
    let v = value & mask;
    for k in 0..fields_per_word(reg) {
        let Some(intid) = first.checked_add(k) else { continue };
        let Some(irq) = intid.checked_sub(base).and_then(|i| irqs.get_mut(i as usize)) else {
            continue;
        };
        let bit = v >> k & 1 != 0;
        match reg {
            BankReg::Group if mask >> k & 1 != 0 => irq.group1 = bit,
            BankReg::SetEnable if bit => irq.enabled = true,
            BankReg::ClearEnable if bit => irq.enabled = false,
            BankReg::SetPending if bit => irq.latch = true,
            BankReg::ClearPending if bit => irq.latch = false,
            BankReg::SetActive if bit => irq.active = true,
            BankReg::ClearActive if bit => irq.active = false,
            BankReg::Priority => {
                let shift = 8 * k;
                let old = (irq.priority as u32) << shift;
                irq.priority = (merge(old, value, mask) >> shift) as u8 & PRI_MASK;
            }
            BankReg::Config if mask >> (2 * k + 1) & 1 != 0 && intid >= 16 => {
                irq.edge = v >> (2 * k + 1) & 1 != 0;
            }
            _ => {}
        }
    }
}
