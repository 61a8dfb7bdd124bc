//! GICv3 (Arm IHI 0069) as on QEMU's `virt` board with `gic-version=3`: one distributor,
//! one redistributor per PE (128 KiB stride), the system-register CPU interface and the
//! virtual CPU interface with list registers, for up to 8 PEs, affinity routing always
//! on and a single security state (GICD_CTLR.DS = 1). No LPIs/ITS.
//!
//! - [`distributor`]: GICD_* (SPIs);
//! - [`redistributor`]: GICR_* RD_base and SGI_base frames (SGIs, PPIs, wake);
//! - [`irq_state`]: one interrupt's state and the per-interrupt register banks;
//! - [`cpu_interface`]: ICC_* state of a PE; [`delivery`]: priority arbitration,
//!   acknowledge, EOI, SGI generation and the IRQ/FIQ outputs;
//! - [`virt`]: ICH_*/ICV_* and the maintenance interrupt ([`ich_fields`]: their layouts);
//! - [`sysreg`]: dispatch of system register accesses by encoding.
//!
//! PE `i` has affinity Aff0 = `i` (Aff1..Aff3 = 0), matching MPIDR_EL1 on the board.

pub mod cpu_interface;
pub mod delivery;
pub mod distributor;
pub mod ich_fields;
pub mod irq_state;
pub mod mmio;
pub mod redistributor;
pub mod regs;
pub mod sysreg;
#[cfg(test)]
mod tests;
pub mod virt;

use cpu_interface::CpuInterface;
use distributor::Distributor;
use el2emu_cpu::CpuState;
use redistributor::Redistributor;
use virt::VirtInterface;

/// Size of one redistributor (RD_base + SGI_base frames).
pub const REDIST_STRIDE: u64 = 0x2_0000;
/// Most PEs this model supports (GICR_TYPER.Processor_Number and the SGI TargetList of
/// one Aff1 cluster).
pub const MAX_CPUS: usize = 8;
/// Most SPIs: INTIDs 32..1019.
pub const MAX_SPIS: u32 = 988;

/// A configuration [`Gicv3::try_new`] rejects.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum GicError {
    /// Number of PEs outside 1..=8.
    #[error("GICv3 model supports 1..={MAX_CPUS} PEs, not {0}")]
    BadCpuCount(usize),
    /// Number of SPIs not a multiple of 32 or more than 988.
    #[error("GICv3 SPI count must be a multiple of 32 up to 960 (or 988), not {0}")]
    BadSpiCount(u32),
}

/// Everything the GIC holds for one PE.
#[derive(Clone, Debug)]
pub(crate) struct Pe {
    pub redist: Redistributor,
    pub icc: CpuInterface,
    pub vif: VirtInterface,
}

/// The whole interrupt controller for `n` PEs.
#[derive(Clone, Debug)]
pub struct Gicv3 {
    pub(crate) dist: Distributor,
    pub(crate) pes: Vec<Pe>,
}

impl Gicv3 {
    /// A GIC at reset for `num_cpus` PEs and `num_spis` SPIs (a multiple of 32).
    /// Out-of-range values are clamped (1..=8 PEs, at most 988 SPIs); use
    /// [`Gicv3::try_new`] to reject them instead.
    pub fn new(num_cpus: usize, num_spis: u32) -> Self {
        let cpus = num_cpus.clamp(1, MAX_CPUS);
        let spis = num_spis.min(MAX_SPIS) as usize;
        Gicv3 {
            dist: Distributor::new(cpus, spis),
            pes: (0..cpus)
                .map(|i| Pe {
                    redist: Redistributor::new(i as u32, i + 1 == cpus),
                    icc: CpuInterface::default(),
                    vif: VirtInterface::new(),
                })
                .collect(),
        }
    }

    /// Like [`Gicv3::new`], but an unsupported configuration is an error.
    pub fn try_new(num_cpus: usize, num_spis: u32) -> Result<Self, GicError> {
        if !(1..=MAX_CPUS).contains(&num_cpus) {
            return Err(GicError::BadCpuCount(num_cpus));
        }
        if num_spis > MAX_SPIS || (!num_spis.is_multiple_of(32) && num_spis != MAX_SPIS) {
            return Err(GicError::BadSpiCount(num_spis));
        }
        Ok(Self::new(num_cpus, num_spis))
    }

    /// Number of PEs.
    pub fn num_cpus(&self) -> usize {
        self.pes.len()
    }

    /// Number of SPIs (INTIDs 32..32+n).
    pub fn num_spis(&self) -> u32 {
        self.dist.spis.len() as u32
    }

    /// Distributor MMIO read (offset inside the 64 KiB GICD frame).
    pub fn dist_read(&mut self, offset: u64, size: u32) -> u64 {
        if offset >= 0x1_0000 {
            return 0;
        }
        mmio::read(offset, size, |o| self.dist.read_word(o))
    }

    /// Distributor MMIO write.
    pub fn dist_write(&mut self, offset: u64, size: u32, value: u64) {
        if offset >= 0x1_0000 {
            return;
        }
        mmio::write(offset, size, value, |o, v, m| self.dist.write_word(o, v, m));
    }

    /// Redistributor region MMIO read (offset from the region base; PE = offset / 128 KiB).
    /// `None` past the last redistributor.
    pub fn redist_read(&mut self, offset: u64, size: u32) -> Option<u64> {
        let pe = self.pes.get((offset / REDIST_STRIDE) as usize)?;
        let off = offset % REDIST_STRIDE;
        if off + size as u64 > REDIST_STRIDE {
            return Some(0);
        }
        Some(mmio::read(off, size, |o| pe.redist.read_word(o)))
    }

    /// Redistributor region MMIO write; `false` past the last redistributor.
    pub fn redist_write(&mut self, offset: u64, size: u32, value: u64) -> bool {
        let Some(pe) = self.pes.get_mut((offset / REDIST_STRIDE) as usize) else {
            return false;
        };
        let off = offset % REDIST_STRIDE;
        if off + size as u64 <= REDIST_STRIDE {
            mmio::write(off, size, value, |o, v, m| pe.redist.write_word(o, v, m));
        }
        true
    }

    /// System register read from PE `cpu`: ICC_*_EL1/EL2, ICH_*_EL2 by encoding key
    /// (`op0:op1:CRn:CRm:op2` packed as `el2emu_cpu::sysreg::key`). `virtual_access`:
    /// the ICC_* access goes to the ICV_* (virtual) interface.
    pub fn sysreg_read(&mut self, cpu: usize, state: &CpuState, key: u16, virtual_access: bool) -> u64 {
        let _ = state;
        let v = self.sysreg_read_impl(cpu, key, virtual_access);
        self.sync_maintenance(cpu);
        v
    }

    /// System register write from PE `cpu`.
    pub fn sysreg_write(&mut self, cpu: usize, state: &CpuState, key: u16, virtual_access: bool, value: u64) {
        let _ = state;
        self.sysreg_write_impl(cpu, key, virtual_access, value);
        self.sync_maintenance(cpu);
    }

    /// Drive a shared peripheral interrupt line (INTID 32..).
    pub fn set_spi(&mut self, intid: u32, level: bool) {
        if let Some(irq) = self.dist.spi_mut(intid) {
            irq.set_line(level);
        }
    }

    /// Drive a private peripheral interrupt line of PE `cpu` (INTID 16..31).
    pub fn set_ppi(&mut self, cpu: usize, intid: u32, level: bool) {
        if !(16..32).contains(&intid) || intid == regs::MAINTENANCE_PPI {
            return; // the maintenance interrupt is driven by the virtual interface
        }
        if let Some(pe) = self.pes.get_mut(cpu) {
            pe.redist.private[intid as usize].set_line(level);
        }
    }

    /// The interrupt lines into PE `cpu` as `el2emu_cpu::state::lines` bits (IRQ, FIQ,
    /// VIRQ, VFIQ).
    pub fn cpu_lines(&mut self, cpu: usize) -> u32 {
        if cpu >= self.pes.len() {
            return 0;
        }
        self.sync_maintenance(cpu);
        self.physical_lines(cpu) | self.pes[cpu].vif.lines()
    }

    /// Drive the maintenance PPI of `cpu` from its virtual interface state.
    pub(crate) fn sync_maintenance(&mut self, cpu: usize) {
        if let Some(pe) = self.pes.get_mut(cpu) {
            let level = pe.vif.maintenance_level();
            pe.redist.private[regs::MAINTENANCE_PPI as usize].set_line(level);
        }
    }
}
