//! PSCI 1.0 (Arm DEN 0022D) firmware services through the SMC/HVC conduit, following
//! the SMC Calling Convention (Arm DEN 0028): function ID in W0, arguments in X1–X3,
//! result in X0. SMC32 functions (bit 30 clear) take and return 32-bit values.

use el2emu_cpu::CpuState;

#[cfg(test)]
mod tests;

/// Power state of one PE as PSCI AFFINITY_INFO reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PowerState {
    /// Running.
    On,
    /// Off.
    Off,
    /// CPU_ON accepted, not yet running.
    OnPending,
}

/// What the board must do after a call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PsciAction {
    /// Nothing beyond the return values already in X0.
    None,
    /// Start PE `target` at `entry` with X0 = `context_id`, at the caller's EL.
    CpuOn {
        /// MPIDR-derived PE index.
        target: usize,
        /// Entry point address.
        entry: u64,
        /// Value for X0.
        context_id: u64,
    },
    /// The caller turns itself off.
    CpuOff,
    /// Power off the machine (exit status 0).
    SystemOff,
    /// Reset the machine (el2emu exits, as QEMU with -no-reboot).
    SystemReset,
    /// Not a PSCI function: the conduit instruction behaves as without firmware.
    NotPsci,
}

/// PSCI function IDs (DEN 0022D 5.1, Table 5.1).
pub mod fid {
    /// PSCI_VERSION.
    pub const PSCI_VERSION: u32 = 0x8400_0000;
    /// CPU_SUSPEND, SMC32.
    pub const CPU_SUSPEND_32: u32 = 0x8400_0001;
    /// CPU_SUSPEND, SMC64.
    pub const CPU_SUSPEND_64: u32 = 0xC400_0001;
    /// CPU_OFF.
    pub const CPU_OFF: u32 = 0x8400_0002;
    /// CPU_ON, SMC32.
    pub const CPU_ON_32: u32 = 0x8400_0003;
    /// CPU_ON, SMC64.
    pub const CPU_ON_64: u32 = 0xC400_0003;
    /// AFFINITY_INFO, SMC32.
    pub const AFFINITY_INFO_32: u32 = 0x8400_0004;
    /// AFFINITY_INFO, SMC64.
    pub const AFFINITY_INFO_64: u32 = 0xC400_0004;
    /// MIGRATE_INFO_TYPE.
    pub const MIGRATE_INFO_TYPE: u32 = 0x8400_0006;
    /// SYSTEM_OFF.
    pub const SYSTEM_OFF: u32 = 0x8400_0008;
    /// SYSTEM_RESET.
    pub const SYSTEM_RESET: u32 = 0x8400_0009;
    /// PSCI_FEATURES.
    pub const PSCI_FEATURES: u32 = 0x8400_000A;
}

/// PSCI return codes (DEN 0022D 5.2.2).
pub mod ret {
    /// SUCCESS.
    pub const SUCCESS: i32 = 0;
    /// NOT_SUPPORTED.
    pub const NOT_SUPPORTED: i32 = -1;
    /// INVALID_PARAMETERS.
    pub const INVALID_PARAMETERS: i32 = -2;
    /// ALREADY_ON.
    pub const ALREADY_ON: i32 = -4;
    /// ON_PENDING.
    pub const ON_PENDING: i32 = -5;
}

/// PSCI version 1.1 (major in 31:16, minor in 15:0), as QEMU 7.2's `virt` reports: the
/// functions 1.1 adds (SYSTEM_RESET2, MEM_PROTECT...) are optional and PSCI_FEATURES
/// says they are not supported.
pub const VERSION_1_1: i32 = 0x0001_0001;
/// MIGRATE_INFO_TYPE result: no Trusted OS present that needs migration.
pub const MIGRATE_NOT_PRESENT: i32 = 2;

/// SMCCC fast call (bit 31) in the Standard Secure Service range (OEN 4, bits 29:24),
/// either calling convention (bit 30).
fn is_standard_service(id: u32) -> bool {
    id & 0x8000_0000 != 0 && (id >> 24) & 0x3F == 4
}

/// The functions this implementation provides (PSCI_FEATURES returns 0 for them).
fn implemented(id: u32) -> bool {
    use fid::*;
    matches!(
        id,
        PSCI_VERSION
            | CPU_SUSPEND_32
            | CPU_SUSPEND_64
            | CPU_OFF
            | CPU_ON_32
            | CPU_ON_64
            | AFFINITY_INFO_32
            | AFFINITY_INFO_64
            | MIGRATE_INFO_TYPE
            | SYSTEM_OFF
            | SYSTEM_RESET
            | PSCI_FEATURES
    )
}

/// The PE index an MPIDR-format `target` names (Aff0 = index, higher levels zero).
fn target_index(target: u64, power: &[PowerState]) -> Option<usize> {
    // MPIDR affinity fields: Aff3 39:32, Aff2 23:16, Aff1 15:8, Aff0 7:0; other bits
    // must be zero in a PSCI target (DEN 0022D 5.1.4).
    if target & !0xFF != 0 {
        return None;
    }
    let i = target as usize;
    (i < power.len()).then_some(i)
}

/// Handle a call from PE `caller` (function ID in X0, arguments in X1–X3), writing the
/// result to X0. `power` holds every PE's state.
pub fn call(caller: usize, s: &mut CpuState, power: &[PowerState]) -> PsciAction {
    let _ = caller;
    // The function ID is W0 (SMCCC 2.5): the upper half of X0 is ignored.
    let id = s.x[0] as u32;
    if !is_standard_service(id) {
        return PsciAction::NotPsci;
    }
    let smc64 = id & 0x4000_0000 != 0;
    let arg = |n: usize| if smc64 { s.x[n] } else { s.x[n] as u32 as u64 };
    let (a1, a2, a3) = (arg(1), arg(2), arg(3));
    let (result, action) = dispatch(id, a1, a2, a3, power);
    if let Some(r) = result {
        s.x[0] = if smc64 { r as i64 as u64 } else { r as u32 as u64 };
    }
    action
}

/// The result for X0 (`None`: X0 unchanged because the call does not return) and the
/// board action.
fn dispatch(id: u32, a1: u64, a2: u64, a3: u64, power: &[PowerState]) -> (Option<i32>, PsciAction) {
    use fid::*;
    let done = |r: i32| (Some(r), PsciAction::None);
    match id {
        PSCI_VERSION => done(VERSION_1_1),
        // CPU_SUSPEND: behaves like WFI (a standby state); wake-up is a plain return.
        CPU_SUSPEND_32 | CPU_SUSPEND_64 => done(ret::SUCCESS),
        CPU_OFF => (None, PsciAction::CpuOff),
        CPU_ON_32 | CPU_ON_64 => match target_index(a1, power) {
            None => done(ret::INVALID_PARAMETERS),
            Some(t) => match power[t] {
                PowerState::On => done(ret::ALREADY_ON),
                PowerState::OnPending => done(ret::ON_PENDING),
                PowerState::Off => (Some(ret::SUCCESS), PsciAction::CpuOn { target: t, entry: a2, context_id: a3 }),
            },
        },
        AFFINITY_INFO_32 | AFFINITY_INFO_64 => match target_index(a1, power) {
            Some(t) if a2 == 0 => done(match power[t] {
                PowerState::On => 0,
                PowerState::Off => 1,
                PowerState::OnPending => 2,
            }),
            _ => done(ret::INVALID_PARAMETERS),
        },
        MIGRATE_INFO_TYPE => done(MIGRATE_NOT_PRESENT),
        SYSTEM_OFF => (None, PsciAction::SystemOff),
        SYSTEM_RESET => (None, PsciAction::SystemReset),
        PSCI_FEATURES => done(if a1 >> 32 == 0 && implemented(a1 as u32) { ret::SUCCESS } else { ret::NOT_SUPPORTED }),
        _ => done(ret::NOT_SUPPORTED),
    }
}
