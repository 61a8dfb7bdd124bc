//! System registers as one table (Arm ARM D17 for each register; C5.3 for encodings).
//!
//! Every register is one line of [`table`]: name, encoding, lowest EL, access, reset
//! value, a side-effect hook and the trap rules that can send an access to EL2. Every
//! register also owns a storage slot in [`crate::CpuState::sys`], indexed by [`Slot`],
//! so generated code can read any register at a fixed offset.

#![allow(non_camel_case_types)]

pub mod access;
pub mod fields;
pub mod id;
pub mod table;
pub mod traps;

pub use fields::*;
pub use table::{Slot, NUM_SLOTS, TABLE};

use crate::state::CpuState;

/// Encoding key `op0:op1:CRn:CRm:op2` packed as bits 20:5 of MRS/MSR (16 bits).
pub const fn key(op0: u32, op1: u32, crn: u32, crm: u32, op2: u32) -> u16 {
    ((op0 << 14) | (op1 << 11) | (crn << 7) | (crm << 3) | op2) as u16
}

/// Render a key as `S3_0_C1_C0_0` (the generic spelling assemblers accept).
pub fn key_name(k: u16) -> String {
    let k = k as u32;
    format!("S{}_{}_C{}_C{}_{}", k >> 14, (k >> 11) & 7, (k >> 7) & 15, (k >> 3) & 15, k & 7)
}

/// Who may access a register at all (before traps).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Read and write.
    RW,
    /// Read only: MSR is UNDEFINED.
    RO,
    /// Write only: MRS is UNDEFINED.
    WO,
    /// Read-only at EL0, read/write above (TPIDRRO_EL0).
    RoAtEl0,
    /// Writable only at EL2, the highest EL of this model (CNTFRQ_EL0).
    WriteAtEl2,
}

/// Side effects and non-storage behaviour of a register.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hook {
    /// Plain storage.
    None,
    /// Writes change translation: drop the CPU's cached fetch page and TLB context.
    Mmu,
    /// Generic timer register: reads of counters compute from virtual time; writes make
    /// the board re-evaluate timer deadlines.
    Timer,
    /// GICv3 CPU interface (ICC_*/ICV_*/ICH_*), forwarded to the board.
    Gic,
    /// PSTATE field or special-purpose register (NZCV, DAIF, CurrentEL, SPSel, PAN,
    /// FPCR, FPSR, SP_EL0, SP_EL1), stored in [`CpuState`] fields, not in the slot.
    Pstate,
    /// MIDR_EL1/MPIDR_EL1: reads from EL1 return VPIDR_EL2/VMPIDR_EL2 (Arm ARM D17.2.100).
    VirtId,
    /// ISR_EL1: computed from the pending interrupt lines.
    Isr,
    /// `*_EL12`/`*_EL02` encoding: at EL2 with HCR_EL2.E2H=1, accesses the EL1/EL0
    /// register named in [`table::el12_target`]; otherwise UNDEFINED.
    El12,
}

/// One line of the table.
#[derive(Clone, Copy, Debug)]
pub struct SysRegDesc {
    /// Architectural name.
    pub name: &'static str,
    /// Its slot.
    pub slot: Slot,
    /// Encoding key.
    pub key: u16,
    /// Lowest EL that may access it (before traps and EL0 enables).
    pub min_el: u32,
    /// Read/write rules.
    pub access: Access,
    /// Reset value.
    pub reset: u64,
    /// Side effects.
    pub hook: Hook,
    /// Conditions under which an access from EL0/EL1 traps to EL2 (or EL1).
    pub traps: &'static [traps::TrapRule],
}

/// The table line for encoding `key`, if the register exists in this model.
pub fn lookup(k: u16) -> Option<&'static SysRegDesc> {
    use std::sync::OnceLock;
    static INDEX: OnceLock<Box<[u16]>> = OnceLock::new();
    let idx = INDEX.get_or_init(|| {
        let mut v = vec![u16::MAX; 1 << 16].into_boxed_slice();
        for (i, d) in TABLE.iter().enumerate() {
            v[d.key as usize] = i as u16;
        }
        v
    });
    let i = idx[k as usize];
    if i == u16::MAX {
        None
    } else {
        Some(&TABLE[i as usize])
    }
}

/// Put every register at its reset value.
pub fn reset(s: &mut CpuState) {
    for d in TABLE {
        s.sys[d.slot as usize] = d.reset;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_unique_and_slots_match() {
        let mut keys = std::collections::HashSet::new();
        let mut names = std::collections::HashSet::new();
        for (i, d) in TABLE.iter().enumerate() {
            assert!(keys.insert(d.key), "duplicate encoding {} for {}", key_name(d.key), d.name);
            assert!(names.insert(d.name), "duplicate name {}", d.name);
            assert_eq!(d.slot as usize, i, "{} slot out of order", d.name);
            assert!(d.min_el <= 2, "{}", d.name);
        }
        assert_eq!(TABLE.len(), NUM_SLOTS);
    }

    #[test]
    fn every_el12_alias_names_its_target() {
        // access.rs relies on this (an `*_EL12`/`*_EL02` access at EL2 with E2H=1).
        for d in TABLE.iter().filter(|d| d.hook == Hook::El12) {
            assert!(table::el12_target(d.slot).is_some(), "{} has no target", d.name);
        }
    }

    #[test]
    fn lookup_finds_by_encoding() {
        let d = lookup(key(3, 4, 1, 1, 0)).expect("HCR_EL2");
        assert_eq!(d.name, "HCR_EL2");
        assert!(lookup(key(3, 7, 15, 15, 7)).is_none());
    }
}
