//! Field layouts of the hypervisor control registers of the virtual CPU interface
//! (Arm IHI 0069 12.4: ICH_HCR_EL2, ICH_VMCR_EL2, `ICH_LR<n>_EL2`, ICH_MISR_EL2,
//! ICH_VTR_EL2).

use super::regs::*;

/// Number of list registers (ICH_VTR_EL2.ListRegs + 1).
pub const NUM_LRS: usize = 4;

/// ICH_HCR_EL2 fields (IHI 0069 12.4.6).
pub mod hcr {
    /// Virtual CPU interface enable.
    pub const EN: u32 = 1 << 0;
    /// Underflow interrupt enable.
    pub const UIE: u32 = 1 << 1;
    /// List Register Entry Not Present interrupt enable.
    pub const LRENPIE: u32 = 1 << 2;
    /// No Pending interrupt enable.
    pub const NPIE: u32 = 1 << 3;
    /// VM Group 0 Enabled interrupt enable.
    pub const VGRP0EIE: u32 = 1 << 4;
    /// VM Group 0 Disabled interrupt enable.
    pub const VGRP0DIE: u32 = 1 << 5;
    /// VM Group 1 Enabled interrupt enable.
    pub const VGRP1EIE: u32 = 1 << 6;
    /// VM Group 1 Disabled interrupt enable.
    pub const VGRP1DIE: u32 = 1 << 7;
    /// Trap common EL1 accesses (CTLR, DIR, PMR, RPR, SGI registers).
    pub const TC: u32 = 1 << 10;
    /// Trap EL1 accesses to group 0 registers.
    pub const TALL0: u32 = 1 << 11;
    /// Trap EL1 accesses to group 1 registers.
    pub const TALL1: u32 = 1 << 12;
    /// EOIcount field shift (bits 31:27).
    pub const EOICOUNT_SHIFT: u32 = 27;
    /// Writable bits (TSEI and TDIR are RES0: SEIS = TDS = 0 in ICH_VTR_EL2).
    pub const WRITABLE: u32 = 0xF800_0000 | TALL1 | TALL0 | TC | 0xFF;
}

/// ICH_VMCR_EL2 fields (IHI 0069 12.4.10).
pub mod vmcr {
    /// Virtual group 0 enable (ICV_IGRPEN0).
    pub const VENG0: u32 = 1 << 0;
    /// Virtual group 1 enable (ICV_IGRPEN1).
    pub const VENG1: u32 = 1 << 1;
    /// VFIQEn: RES1 with system registers (group 0 is signalled as vFIQ).
    pub const VFIQEN: u32 = 1 << 3;
    /// Common binary point (ICV_CTLR.CBPR).
    pub const VCBPR: u32 = 1 << 4;
    /// Virtual EOI mode (ICV_CTLR.EOImode).
    pub const VEOIM: u32 = 1 << 9;
    /// VBPR1 shift (bits 20:18).
    pub const VBPR1_SHIFT: u32 = 18;
    /// VBPR0 shift (bits 23:21).
    pub const VBPR0_SHIFT: u32 = 21;
    /// VPMR shift (bits 31:24).
    pub const VPMR_SHIFT: u32 = 24;
}

/// `ICH_LR<n>_EL2` fields (IHI 0069 12.4.8).
pub mod lr {
    /// State: pending bit.
    pub const PENDING: u64 = 1 << 62;
    /// State: active bit.
    pub const ACTIVE: u64 = 1 << 63;
    /// Hardware interrupt: pINTID is deactivated with the virtual one.
    pub const HW: u64 = 1 << 61;
    /// Group 1.
    pub const GROUP: u64 = 1 << 60;
    /// With HW = 0: request an EOI maintenance interrupt on deactivation.
    pub const EOI: u64 = 1 << 41;
    /// Priority shift (bits 55:48).
    pub const PRIORITY_SHIFT: u32 = 48;
    /// pINTID shift (bits 44:32).
    pub const PINTID_SHIFT: u32 = 32;
    /// pINTID field mask after shifting (13 bits).
    pub const PINTID_MASK: u64 = 0x1FFF;
    /// vINTID bits kept (16-bit INTIDs: ICH_VTR_EL2.IDbits = 0).
    pub const VINTID_MASK: u64 = 0xFFFF;
}

/// ICH_MISR_EL2 bits (IHI 0069 12.4.9).
pub mod misr {
    /// EOI maintenance: some ICH_EISR_EL2 bit is set.
    pub const EOI: u32 = 1 << 0;
    /// Underflow.
    pub const U: u32 = 1 << 1;
    /// List Register Entry Not Present.
    pub const LRENP: u32 = 1 << 2;
    /// No Pending.
    pub const NP: u32 = 1 << 3;
    /// VM group 0 enabled.
    pub const VGRP0E: u32 = 1 << 4;
    /// VM group 0 disabled.
    pub const VGRP0D: u32 = 1 << 5;
    /// VM group 1 enabled.
    pub const VGRP1E: u32 = 1 << 6;
    /// VM group 1 disabled.
    pub const VGRP1D: u32 = 1 << 7;
}

/// ICH_VTR_EL2 (IHI 0069 12.4.11): PRIbits = 4 and PREbits = 4 (5 bits each), IDbits = 0
/// (16-bit), SEIS = 0, A3V = 1, nV4 = 1 (no direct injection), TDS = 0, ListRegs = 3.
pub const VTR: u64 = ((PRI_BITS - 1) << 29 | (PRI_BITS - 1) << 26 | 1 << 21 | 1 << 20) as u64 | (NUM_LRS as u64 - 1);

/// Writable bits of a list register: State, HW, Group, implemented Priority bits,
/// pINTID (or EOI), vINTID.
pub(crate) const LR_MASK: u64 = 0xF000_0000_0000_0000
    | (PRI_MASK as u64) << lr::PRIORITY_SHIFT
    | lr::PINTID_MASK << lr::PINTID_SHIFT
    | lr::VINTID_MASK;
