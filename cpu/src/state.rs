//! Architectural state of one PE, as one `#[repr(C)]` struct that generated code can
//! address from a pinned host register (Arm ARM D1: PE state; B1.2 registers).

use crate::sysreg::NUM_SLOTS;

/// PSTATE.NZCV bit positions inside [`CpuState::nzcv`] (same as SPSR/NZCV register).
pub mod flags {
    /// Negative.
    pub const N: u32 = 1 << 31;
    /// Zero.
    pub const Z: u32 = 1 << 30;
    /// Carry.
    pub const C: u32 = 1 << 29;
    /// Overflow.
    pub const V: u32 = 1 << 28;
}

/// PSTATE.DAIF bit positions inside [`CpuState::daif`] (same as the DAIF register).
pub mod daif {
    /// Debug exceptions masked.
    pub const D: u32 = 1 << 9;
    /// SError masked.
    pub const A: u32 = 1 << 8;
    /// IRQ masked.
    pub const I: u32 = 1 << 7;
    /// FIQ masked.
    pub const F: u32 = 1 << 6;
}

/// Interrupt input lines of the PE, driven by the board (GIC, HCR_EL2.VI/VF are folded
/// in by the CPU itself).
pub mod lines {
    /// Physical IRQ.
    pub const IRQ: u32 = 1 << 0;
    /// Physical FIQ.
    pub const FIQ: u32 = 1 << 1;
    /// Virtual IRQ from the GIC virtual CPU interface.
    pub const VIRQ: u32 = 1 << 2;
    /// Virtual FIQ from the GIC virtual CPU interface.
    pub const VFIQ: u32 = 1 << 3;
    /// Physical SError (external abort reported asynchronously).
    pub const SERROR: u32 = 1 << 4;
}

/// The generic counter ticks once every `1 << COUNTER_SHIFT` ticks of virtual time
/// (62.5 MHz from the 1 GHz virtual clock).
pub const COUNTER_SHIFT: u32 = 4;

/// The PE's architectural state.
#[repr(C)]
#[derive(Clone)]
pub struct CpuState {
    /// X0–X30. Register 31 is SP or XZR depending on the instruction, never stored here.
    pub x: [u64; 31],
    /// SP_EL0, SP_EL1, SP_EL2.
    pub sp_el: [u64; 3],
    /// Program counter of the instruction being executed.
    pub pc: u64,
    /// PSTATE.{N,Z,C,V} in bits 31:28.
    pub nzcv: u32,
    /// PSTATE.{D,A,I,F} in bits 9:6.
    pub daif: u32,
    /// PSTATE.EL (0..=2; there is no EL3 in this model).
    pub el: u32,
    /// PSTATE.SP: 0 = SP_EL0, 1 = SP_ELx.
    pub spsel: u32,
    /// PSTATE.PAN (FEAT_PAN).
    pub pan: u32,
    /// Interrupt lines ([`lines`]), set by the board between quanta.
    pub lines: u32,
    /// V0–V31 as two little-endian 64-bit halves each (low, high).
    pub v: [[u64; 2]; 32],
    /// FPCR.
    pub fpcr: u32,
    /// FPSR.
    pub fpsr: u32,
    /// Retired instruction count of this PE.
    pub icount: u64,
    /// Virtual time of this PE in ticks of the 1 GHz virtual clock: advances by one per
    /// retired instruction and jumps forward while the PE waits (WFI). The generic
    /// counter reads `vtime / 16` (62.5 MHz).
    pub vtime: u64,
    /// Exclusive monitor: address of the last load-exclusive (or `u64::MAX` when open).
    pub excl_addr: u64,
    /// Exclusive monitor: value(s) read by the last load-exclusive.
    pub excl_val: [u64; 2],
    /// Exclusive monitor: size in bytes of the last load-exclusive (0 = open state).
    pub excl_size: u32,
    /// The event register (WFE/SEV, Arm ARM D1.16.1).
    pub event: u32,
    /// The PE was started at EL2 (PSCI conduit is SMC) or EL1 (HVC).
    pub started_at_el2: u32,
    /// System register storage, indexed by [`crate::sysreg::Slot`].
    pub sys: [u64; NUM_SLOTS],
}

impl CpuState {
    /// A PE in its reset state (Arm ARM D1.9: registers UNKNOWN are zero here,
    /// PSTATE.DAIF all masked, SP_ELx selected) at `el`.
    pub fn new(el: u32) -> Box<Self> {
        let mut s = Box::new(CpuState {
            x: [0; 31],
            sp_el: [0; 3],
            pc: 0,
            nzcv: 0,
            daif: daif::D | daif::A | daif::I | daif::F,
            el,
            spsel: 1,
            pan: 0,
            lines: 0,
            v: [[0; 2]; 32],
            fpcr: 0,
            fpsr: 0,
            icount: 0,
            vtime: 0,
            excl_addr: u64::MAX,
            excl_val: [0; 2],
            excl_size: 0,
            event: 0,
            started_at_el2: (el == 2) as u32,
            sys: [0; NUM_SLOTS],
        });
        crate::sysreg::reset(&mut s);
        s
    }

    /// Read X`n`, with register 31 reading as zero (XZR).
    #[inline(always)]
    pub fn xr(&self, n: u32) -> u64 {
        if n == 31 {
            0
        } else {
            self.x[n as usize]
        }
    }

    /// Write X`n`, with register 31 discarding the value (XZR).
    #[inline(always)]
    pub fn set_xr(&mut self, n: u32, v: u64) {
        if n != 31 {
            self.x[n as usize] = v;
        }
    }

    /// Read X`n`, with register 31 reading as the current SP.
    #[inline(always)]
    pub fn xsp(&self, n: u32) -> u64 {
        if n == 31 {
            self.sp()
        } else {
            self.x[n as usize]
        }
    }

    /// Write X`n`, with register 31 writing the current SP.
    #[inline(always)]
    pub fn set_xsp(&mut self, n: u32, v: u64) {
        if n == 31 {
            self.set_sp(v)
        } else {
            self.x[n as usize] = v
        }
    }

    /// Index into `sp_el` of the current stack pointer.
    #[inline(always)]
    pub fn sp_index(&self) -> usize {
        if self.spsel == 0 {
            0
        } else {
            self.el as usize
        }
    }

    /// The current stack pointer.
    #[inline(always)]
    pub fn sp(&self) -> u64 {
        self.sp_el[self.sp_index()]
    }

    /// Set the current stack pointer.
    #[inline(always)]
    pub fn set_sp(&mut self, v: u64) {
        let i = self.sp_index();
        self.sp_el[i] = v;
    }

    /// PSTATE as it is saved into SPSR_ELx (Arm ARM C5.2.18): NZCV, PAN, DAIF, M[3:0].
    pub fn pstate_to_spsr(&self) -> u64 {
        (self.nzcv as u64)
            | ((self.pan as u64) << 22)
            | (self.daif as u64)
            | ((self.el as u64) << 2)
            | (self.spsel as u64)
    }

    /// Condition check (Arm ARM C1.2.4, ConditionHolds).
    #[inline(always)]
    pub fn cond_holds(&self, cond: u32) -> bool {
        let n = self.nzcv & flags::N != 0;
        let z = self.nzcv & flags::Z != 0;
        let c = self.nzcv & flags::C != 0;
        let v = self.nzcv & flags::V != 0;
        let r = match cond >> 1 {
            0 => z,
            1 => c,
            2 => n,
            3 => v,
            4 => c && !z,
            5 => n == v,
            6 => n == v && !z,
            _ => true,
        };
        if cond & 1 == 1 && cond != 0b1111 {
            !r
        } else {
            r
        }
    }

    /// The generic counter value CNTPCT (62.5 MHz from the 1 GHz virtual clock).
    #[inline(always)]
    pub fn counter(&self) -> u64 {
        self.vtime >> COUNTER_SHIFT
    }
}
