//! GICv3 (Arm IHI 0069). API SKELETON — being implemented.

use el2emu_cpu::CpuState;

/// Size of one redistributor (RD_base + SGI_base frames).
pub const REDIST_STRIDE: u64 = 0x2_0000;

/// The whole interrupt controller for `n` PEs.
pub struct Gicv3 {}

impl Gicv3 {
    /// A GIC at reset for `num_cpus` PEs and `num_spis` SPIs (a multiple of 32).
    pub fn new(num_cpus: usize, num_spis: u32) -> Self {
        let _ = (num_cpus, num_spis);
        todo!()
    }
    /// Distributor MMIO read (offset inside the 64 KiB GICD frame).
    pub fn dist_read(&mut self, offset: u64, size: u32) -> u64 {
        let _ = (offset, size);
        todo!()
    }
    /// Distributor MMIO write.
    pub fn dist_write(&mut self, offset: u64, size: u32, value: u64) {
        let _ = (offset, size, value);
        todo!()
    }
    /// Redistributor region MMIO read (offset from the region base; PE = offset / 128 KiB).
    /// `None` past the last redistributor.
    pub fn redist_read(&mut self, offset: u64, size: u32) -> Option<u64> {
        let _ = (offset, size);
        todo!()
    }
    /// Redistributor region MMIO write; `false` past the last redistributor.
    pub fn redist_write(&mut self, offset: u64, size: u32, value: u64) -> bool {
        let _ = (offset, size, value);
        todo!()
    }
    /// System register read from PE `cpu`: ICC_*_EL1/EL2, ICH_*_EL2 by encoding key
    /// (`op0:op1:CRn:CRm:op2` packed as `el2emu_cpu::sysreg::key`). `virtual_access`:
    /// the ICC_* access goes to the ICV_* (virtual) interface.
    pub fn sysreg_read(&mut self, cpu: usize, state: &CpuState, key: u16, virtual_access: bool) -> u64 {
        let _ = (cpu, state, key, virtual_access);
        todo!()
    }
    /// System register write from PE `cpu`.
    pub fn sysreg_write(&mut self, cpu: usize, state: &CpuState, key: u16, virtual_access: bool, value: u64) {
        let _ = (cpu, state, key, virtual_access, value);
        todo!()
    }
    /// Drive a shared peripheral interrupt line (INTID 32..).
    pub fn set_spi(&mut self, intid: u32, level: bool) {
        let _ = (intid, level);
        todo!()
    }
    /// Drive a private peripheral interrupt line of PE `cpu` (INTID 16..31).
    pub fn set_ppi(&mut self, cpu: usize, intid: u32, level: bool) {
        let _ = (cpu, intid, level);
        todo!()
    }
    /// The interrupt lines into PE `cpu` as `el2emu_cpu::state::lines` bits (IRQ, FIQ,
    /// VIRQ, VFIQ).
    pub fn cpu_lines(&mut self, cpu: usize) -> u32 {
        let _ = cpu;
        todo!()
    }
}
