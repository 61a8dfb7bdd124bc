//! Register fields by their Arm ARM names, so code says `hcr::TGE`, not a shift.

#![allow(missing_docs)]

/// HCR_EL2 (Arm ARM D17.2.48).
pub mod hcr {
    pub const VM: u64 = 1 << 0;
    pub const SWIO: u64 = 1 << 1;
    pub const PTW: u64 = 1 << 2;
    pub const FMO: u64 = 1 << 3;
    pub const IMO: u64 = 1 << 4;
    pub const AMO: u64 = 1 << 5;
    pub const VF: u64 = 1 << 6;
    pub const VI: u64 = 1 << 7;
    pub const VSE: u64 = 1 << 8;
    pub const FB: u64 = 1 << 9;
    pub const BSU: u64 = 3 << 10;
    pub const DC: u64 = 1 << 12;
    pub const TWI: u64 = 1 << 13;
    pub const TWE: u64 = 1 << 14;
    pub const TID0: u64 = 1 << 15;
    pub const TID1: u64 = 1 << 16;
    pub const TID2: u64 = 1 << 17;
    pub const TID3: u64 = 1 << 18;
    pub const TSC: u64 = 1 << 19;
    pub const TIDCP: u64 = 1 << 20;
    pub const TACR: u64 = 1 << 21;
    pub const TSW: u64 = 1 << 22;
    pub const TPCP: u64 = 1 << 23;
    pub const TPU: u64 = 1 << 24;
    pub const TTLB: u64 = 1 << 25;
    pub const TVM: u64 = 1 << 26;
    pub const TGE: u64 = 1 << 27;
    pub const TDZ: u64 = 1 << 28;
    pub const HCD: u64 = 1 << 29;
    pub const TRVM: u64 = 1 << 30;
    pub const RW: u64 = 1 << 31;
    pub const CD: u64 = 1 << 32;
    pub const ID: u64 = 1 << 33;
    pub const E2H: u64 = 1 << 34;
    pub const TLOR: u64 = 1 << 35;
    pub const TERR: u64 = 1 << 36;
    pub const TEA: u64 = 1 << 37;
}

/// SCTLR_EL1 / SCTLR_EL2 (Arm ARM D17.2.118).
pub mod sctlr {
    pub const M: u64 = 1 << 0;
    pub const A: u64 = 1 << 1;
    pub const C: u64 = 1 << 2;
    pub const SA: u64 = 1 << 3;
    pub const SA0: u64 = 1 << 4;
    pub const I: u64 = 1 << 12;
    pub const DZE: u64 = 1 << 14;
    pub const UCT: u64 = 1 << 15;
    pub const NTWI: u64 = 1 << 16;
    pub const NTWE: u64 = 1 << 18;
    pub const WXN: u64 = 1 << 19;
    pub const SPAN: u64 = 1 << 23;
    pub const E0E: u64 = 1 << 24;
    pub const EE: u64 = 1 << 25;
    pub const UCI: u64 = 1 << 26;
}

/// CPTR_EL2 (Arm ARM D17.2.30), both layouts.
pub mod cptr {
    /// E2H=0 layout: trap FP/SIMD.
    pub const TFP: u64 = 1 << 10;
    /// E2H=0 layout: trap trace registers.
    pub const TTA: u64 = 1 << 20;
    /// E2H=1 layout: trace trap bit position.
    pub const TTA_E2H: u64 = 1 << 28;
    /// Trap CPACR_EL1 accesses.
    pub const TCPAC: u64 = 1 << 31;
    /// E2H=1 layout: FPEN field (bits 21:20), as CPACR_EL1.FPEN.
    pub const FPEN_SHIFT: u32 = 20;
}

/// CPACR_EL1 (Arm ARM D17.2.29).
pub mod cpacr {
    /// FPEN field shift (bits 21:20).
    pub const FPEN_SHIFT: u32 = 20;
}

/// MDCR_EL2 (Arm ARM D17.2.87).
pub mod mdcr {
    pub const TPMCR: u64 = 1 << 5;
    pub const TPM: u64 = 1 << 6;
    pub const TDE: u64 = 1 << 8;
    pub const TDA: u64 = 1 << 9;
    pub const TDOSA: u64 = 1 << 10;
    pub const TDRA: u64 = 1 << 11;
}

/// CNTHCTL_EL2 (Arm ARM D17.10.5), E2H=0 layout.
pub mod cnthctl {
    pub const EL1PCTEN: u64 = 1 << 0;
    pub const EL1PCEN: u64 = 1 << 1;
    /// E2H=1 layout bits.
    pub const EL0PCTEN: u64 = 1 << 0;
    pub const EL0VCTEN: u64 = 1 << 1;
    pub const EL0VTEN: u64 = 1 << 8;
    pub const EL0PTEN: u64 = 1 << 9;
    pub const EL1PCTEN_E2H: u64 = 1 << 10;
    pub const EL1PTEN_E2H: u64 = 1 << 11;
}

/// CNTKCTL_EL1 (Arm ARM D17.10.13).
pub mod cntkctl {
    pub const EL0PCTEN: u64 = 1 << 0;
    pub const EL0VCTEN: u64 = 1 << 1;
    pub const EL0VTEN: u64 = 1 << 8;
    pub const EL0PTEN: u64 = 1 << 9;
}
