//! GICv3 tests. Expected values are worked out by hand from Arm IHI 0069.

mod cpuif;
mod dist;
mod virt;

use super::*;
use el2emu_cpu::sysreg::key;

pub const ICC_PMR: u16 = key(3, 0, 4, 6, 0);
pub const ICC_IAR0: u16 = key(3, 0, 12, 8, 0);
pub const ICC_EOIR0: u16 = key(3, 0, 12, 8, 1);
pub const ICC_BPR0: u16 = key(3, 0, 12, 8, 3);
pub const ICC_AP1R0: u16 = key(3, 0, 12, 9, 0);
pub const ICC_DIR: u16 = key(3, 0, 12, 11, 1);
pub const ICC_RPR: u16 = key(3, 0, 12, 11, 3);
pub const ICC_SGI1R: u16 = key(3, 0, 12, 11, 5);
pub const ICC_ASGI1R: u16 = key(3, 0, 12, 11, 6);
pub const ICC_SGI0R: u16 = key(3, 0, 12, 11, 7);
pub const ICC_IAR1: u16 = key(3, 0, 12, 12, 0);
pub const ICC_EOIR1: u16 = key(3, 0, 12, 12, 1);
pub const ICC_HPPIR1: u16 = key(3, 0, 12, 12, 2);
pub const ICC_BPR1: u16 = key(3, 0, 12, 12, 3);
pub const ICC_CTLR: u16 = key(3, 0, 12, 12, 4);
pub const ICC_SRE_EL1: u16 = key(3, 0, 12, 12, 5);
pub const ICC_IGRPEN0: u16 = key(3, 0, 12, 12, 6);
pub const ICC_IGRPEN1: u16 = key(3, 0, 12, 12, 7);
pub const ICC_SRE_EL2: u16 = key(3, 4, 12, 9, 5);
pub const ICH_AP1R0: u16 = key(3, 4, 12, 9, 0);
pub const ICH_HCR: u16 = key(3, 4, 12, 11, 0);
pub const ICH_VTR: u16 = key(3, 4, 12, 11, 1);
pub const ICH_MISR: u16 = key(3, 4, 12, 11, 2);
pub const ICH_EISR: u16 = key(3, 4, 12, 11, 3);
pub const ICH_ELRSR: u16 = key(3, 4, 12, 11, 5);
pub const ICH_VMCR: u16 = key(3, 4, 12, 11, 7);
pub const fn ich_lr(n: u32) -> u16 {
    key(3, 4, 12, 12, n)
}

/// A GIC plus a dummy PE state to pass along.
pub struct H {
    pub g: Gicv3,
    s: Box<CpuState>,
}

impl H {
    pub fn new(cpus: usize, spis: u32) -> H {
        H { g: Gicv3::new(cpus, spis), s: CpuState::new(2) }
    }
    /// Physical ICC/ICH read.
    pub fn r(&mut self, cpu: usize, k: u16) -> u64 {
        self.g.sysreg_read(cpu, &self.s, k, false)
    }
    pub fn w(&mut self, cpu: usize, k: u16, v: u64) {
        self.g.sysreg_write(cpu, &self.s, k, false, v)
    }
    /// Virtual (ICV) read/write.
    pub fn vr(&mut self, cpu: usize, k: u16) -> u64 {
        self.g.sysreg_read(cpu, &self.s, k, true)
    }
    pub fn vw(&mut self, cpu: usize, k: u16, v: u64) {
        self.g.sysreg_write(cpu, &self.s, k, true, v)
    }
    pub fn d(&mut self, off: u64) -> u64 {
        self.g.dist_read(off, 4)
    }
    pub fn dw(&mut self, off: u64, v: u64) {
        self.g.dist_write(off, 4, v)
    }
    pub fn rd(&mut self, cpu: usize, off: u64) -> u64 {
        self.g.redist_read(cpu as u64 * REDIST_STRIDE + off, 4).unwrap()
    }
    pub fn rdw(&mut self, cpu: usize, off: u64, v: u64) {
        assert!(self.g.redist_write(cpu as u64 * REDIST_STRIDE + off, 4, v));
    }
    /// What Linux's irq-gic-v3 does at boot: enable group 1 in the distributor, wake
    /// every redistributor, PMR = 0xF0, group 1 enabled in each CPU interface.
    pub fn linux_init(&mut self) {
        self.dw(0, 0x12); // ARE_NS | EnableGrp1 (DS view)
        for c in 0..self.g.num_cpus() {
            self.rdw(c, 0x14, 0);
            self.w(c, ICC_PMR, 0xF0);
            self.w(c, ICC_IGRPEN1, 1);
        }
    }
    /// Enable SPI/PPI/SGI `intid` with `prio` (on `cpu` for private ones).
    pub fn enable(&mut self, cpu: usize, intid: u32, prio: u8) {
        let (base, idx) = if intid < 32 { (cpu as u64 * REDIST_STRIDE + 0x1_0000, intid) } else { (u64::MAX, intid) };
        if base == u64::MAX {
            self.g.dist_write(0x100 + 4 * (idx / 32) as u64, 4, 1 << (idx % 32));
            self.g.dist_write(0x400 + idx as u64, 1, prio as u64);
        } else {
            self.g.redist_write(base + 0x100, 4, 1 << idx);
            self.g.redist_write(base + 0x400 + idx as u64, 1, prio as u64);
        }
    }
    pub fn lines(&mut self, cpu: usize) -> u32 {
        self.g.cpu_lines(cpu)
    }
}
