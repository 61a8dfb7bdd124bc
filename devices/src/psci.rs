//! PSCI 1.0 (Arm DEN 0022). API SKELETON — being implemented.

use el2emu_cpu::CpuState;

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

/// Handle a call from PE `caller` (function ID in X0, arguments in X1–X3), writing the
/// result to X0. `power` holds every PE's state.
pub fn call(caller: usize, s: &mut CpuState, power: &[PowerState]) -> PsciAction {
    let _ = (caller, s, power);
    todo!()
}
