//! ID registers of the modelled CPUs (Arm ARM D17.2: ID_AA64*_EL1, MIDR_EL1, CTR_EL0).
//!
//! `max`: ARMv8.0 + FEAT_LSE + FEAT_PAN + FEAT_VHE, 48-bit PA and VA, 4K/16K/64K
//! granules, GICv3 system registers, 16-bit VMID and ASID. `cortex-a57`: the same CPU as
//! a plain v8.0 part (no LSE, PAN, VHE). Fields not implemented read as zero, which the
//! architecture defines as "not implemented" for these registers.

use super::Slot;
use crate::state::CpuState;

/// The ID register values of one CPU model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CpuModel {
    /// Name as given to `-cpu`.
    pub name: &'static str,
    /// MIDR_EL1.
    pub midr: u64,
    /// ID_AA64PFR0_EL1.
    pub pfr0: u64,
    /// ID_AA64ISAR0_EL1.
    pub isar0: u64,
    /// ID_AA64MMFR0_EL1.
    pub mmfr0: u64,
    /// ID_AA64MMFR1_EL1.
    pub mmfr1: u64,
    /// ID_AA64DFR0_EL1.
    pub dfr0: u64,
}

/// ID_AA64PFR0_EL1: EL0/EL1/EL2 AArch64 only, no EL3, FP and AdvSIMD implemented,
/// GIC system registers v3 (bits 27:24 = 1).
const PFR0: u64 = 0x0000_0000_0100_0111;
/// ID_AA64MMFR0_EL1: PARange 48 bits (0b0101), ASIDBits 16 (0b0010), TGran16 supported
/// (1), TGran64 and TGran4 supported (0), stage-2 granules as stage 1 (0).
const MMFR0: u64 = 0x0000_0000_0010_0025;
/// ID_AA64DFR0_EL1: DebugVer v8.0 (6), 2 breakpoints, 2 watchpoints, 2 context-aware.
const DFR0: u64 = 0x0000_0000_0010_1006;

/// `-cpu max`.
pub const MAX: CpuModel = CpuModel {
    name: "max",
    // Implementer 0 ("reserved for software"), architecture 0xf, part 0x051, as QEMU's
    // `max` does, so no erratum workaround keyed on a real part triggers.
    midr: 0x0000_0000_000f_0510,
    pfr0: PFR0,
    // Atomic (23:20) = 2: FEAT_LSE; CRC32 (19:16) = 1; SHA2 (15:12) = 1, SHA1 (11:8) = 1,
    // AES (7:4) = 2: FEAT_SHA256, FEAT_SHA1, FEAT_AES with FEAT_PMULL.
    isar0: 0x0000_0000_0021_1120,
    mmfr0: MMFR0,
    // PAN (23:20) = 1, VH (11:8) = 1, VMIDBits (7:4) = 2 (16 bits).
    mmfr1: 0x0000_0000_0010_0120,
    dfr0: DFR0,
};

/// `-cpu cortex-a57`: v8.0 only.
pub const CORTEX_A57: CpuModel = CpuModel {
    name: "cortex-a57",
    midr: 0x0000_0000_411f_d070,
    pfr0: PFR0,
    isar0: 0x0000_0000_0001_0000,
    mmfr0: MMFR0,
    mmfr1: 0x0000_0000_0000_0020,
    dfr0: DFR0,
};

/// All models, for `-cpu help` and flag parsing.
pub const MODELS: &[CpuModel] = &[MAX, CORTEX_A57];

/// Find a model by its `-cpu` name.
pub fn model(name: &str) -> Option<CpuModel> {
    MODELS.iter().copied().find(|m| m.name == name)
}

impl CpuModel {
    /// FEAT_VHE present.
    pub fn has_vhe(&self) -> bool {
        (self.mmfr1 >> 8) & 0xf != 0
    }
    /// FEAT_LSE present.
    pub fn has_lse(&self) -> bool {
        (self.isar0 >> 20) & 0xf >= 2
    }
    /// FEAT_PAN present.
    pub fn has_pan(&self) -> bool {
        (self.mmfr1 >> 20) & 0xf != 0
    }

    /// Write the model's ID values into a PE, and MPIDR_EL1 for PE number `index`
    /// (Aff0 = index, U = 0, MT = 0, bit 31 RES1).
    pub fn apply(&self, s: &mut CpuState, index: u32) {
        s.sys[Slot::MIDR_EL1 as usize] = self.midr;
        s.sys[Slot::VPIDR_EL2 as usize] = self.midr;
        let mpidr = (1u64 << 31) | (index as u64 & 0xff) | (((index as u64 >> 8) & 0xff) << 8);
        s.sys[Slot::MPIDR_EL1 as usize] = mpidr;
        s.sys[Slot::VMPIDR_EL2 as usize] = mpidr;
        s.sys[Slot::ID_AA64PFR0_EL1 as usize] = self.pfr0;
        s.sys[Slot::ID_AA64ISAR0_EL1 as usize] = self.isar0;
        s.sys[Slot::ID_AA64MMFR0_EL1 as usize] = self.mmfr0;
        s.sys[Slot::ID_AA64MMFR1_EL1 as usize] = self.mmfr1;
        s.sys[Slot::ID_AA64DFR0_EL1 as usize] = self.dfr0;
    }
}
