//! Guest physical memory and address translation for el2emu.
//!
//! - [`ram`]: guest RAM on an anonymous memmap2 mapping;
//! - [`regime`]: the translation regimes of Arm ARM D8.1 and the register values a
//!   walk reads, gathered by the CPU into one plain struct;
//! - [`stage1`], [`stage2`]: the VMSAv8-64 table walks (Arm ARM D8.2–D8.4), on the
//!   shared lookup loop in `walk`, with [`granule`] geometry, [`descriptor`] decoding,
//!   TCR decoding in `tcr` and [`perms`] for the permission model;
//! - [`fault`]: what a walk reports when it fails, in the terms of the Data Abort ISS;
//! - [`tlb`]: the TLB, tagged by regime, VMID and ASID.

pub mod descriptor;
pub mod fault;
pub mod granule;
pub mod perms;
pub mod ram;
pub mod regime;
pub mod stage1;
pub mod stage2;
pub(crate) mod tcr;
pub mod tlb;
pub(crate) mod walk;

pub use fault::{Fault, FaultKind};
pub use ram::{GuestRam, RamError};
pub use regime::{AccessKind, Regime, Stage1Config, Stage2Config, Translation};
pub use tlb::{Tlb, TlbiOp};

/// Physical memory as seen by the table walker: descriptor reads and the hardware
/// access-flag/dirty updates (which this model does not perform: FEAT_HAFDBS is absent).
pub trait WalkMemory {
    /// Read a naturally aligned 64-bit descriptor at physical address `pa`.
    /// `None` means nothing answers there: the walk reports a synchronous external abort.
    fn read_desc(&mut self, pa: u64) -> Option<u64>;
}
