//! What the CPU needs from the board: MMIO, the GIC CPU interface registers, and the
//! firmware (PSCI) conduit. The board implements this; the CPU never sees devices.

use crate::state::CpuState;

/// A system register that lives outside the PE: the GICv3 CPU interface (Arm IHI 0069,
/// ICC_*/ICV_*/ICH_* registers). The board forwards these to its GIC model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExtReg {
    /// Encoding key `op0:op1:CRn:CRm:op2` as in [`crate::sysreg::key`].
    pub key: u16,
    /// Architectural name, e.g. `ICC_IAR1_EL1`.
    pub name: &'static str,
    /// The access goes to the virtual CPU interface (ICV_*): HCR_EL2.IMO/FMO set and
    /// the access is from EL1.
    pub virtual_access: bool,
}

/// What a firmware call through the conduit did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FirmwareOutcome {
    /// Handled; results are in X0–X3; execution continues after the SMC/HVC.
    Handled,
    /// The call stops the machine (PSCI SYSTEM_OFF / SYSTEM_RESET / CPU_OFF of this PE).
    Stop,
    /// The calling PE powered itself off (CPU_OFF): the board stops scheduling it.
    CpuOff,
    /// Not a firmware call the board knows: the CPU treats the instruction as the
    /// architecture does without EL3 (UNDEFINED for SMC).
    NotHandled,
}

/// The board as seen by one PE.
pub trait Platform {
    /// Read `size` bytes (1, 2, 4, 8) at physical `pa`, which is not RAM. `None` means
    /// nothing answers: the CPU takes a synchronous external abort.
    fn mmio_read(&mut self, cpu: u32, pa: u64, size: u32) -> Option<u64>;
    /// Write `size` bytes at `pa`. `false` means nothing answers (external abort).
    fn mmio_write(&mut self, cpu: u32, pa: u64, size: u32, value: u64) -> bool;
    /// Does an EL1 access to this GIC CPU interface register trap to EL2
    /// (ICH_HCR_EL2.{TC,TALL0,TALL1}, or HCR_EL2.{IMO,FMO} for the SGI generation
    /// registers; Arm IHI 0069 12.2)? Asked before the access is forwarded.
    fn ext_sysreg_traps(&mut self, cpu: u32, state: &CpuState, reg: ExtReg) -> bool;
    /// Read a GIC CPU interface register.
    fn ext_sysreg_read(&mut self, cpu: u32, state: &CpuState, reg: ExtReg) -> u64;
    /// Write a GIC CPU interface register.
    fn ext_sysreg_write(&mut self, cpu: u32, state: &CpuState, reg: ExtReg, value: u64);
    /// A PSCI (SMC Calling Convention) call: function ID in X0, arguments in X1–X3.
    fn firmware_call(&mut self, cpu: u32, state: &mut CpuState) -> FirmwareOutcome;
    /// A broadcast TLB invalidation (TLBI *IS) on PE `cpu`: every other PE must drop its
    /// cached translations before it next runs.
    fn tlbi_broadcast(&mut self, cpu: u32);
    /// SEV: set the event register of every PE.
    fn send_event(&mut self, cpu: u32);
}

/// A platform with RAM only, for unit tests: MMIO aborts, the GIC reads as zero,
/// firmware calls are not handled.
#[derive(Default)]
pub struct NullPlatform;

impl Platform for NullPlatform {
    fn mmio_read(&mut self, _: u32, _: u64, _: u32) -> Option<u64> {
        None
    }
    fn mmio_write(&mut self, _: u32, _: u64, _: u32, _: u64) -> bool {
        false
    }
    fn ext_sysreg_traps(&mut self, _: u32, _: &CpuState, _: ExtReg) -> bool {
        false
    }
    fn ext_sysreg_read(&mut self, _: u32, _: &CpuState, _: ExtReg) -> u64 {
        0
    }
    fn ext_sysreg_write(&mut self, _: u32, _: &CpuState, _: ExtReg, _: u64) {}
    fn firmware_call(&mut self, _: u32, _: &mut CpuState) -> FirmwareOutcome {
        FirmwareOutcome::NotHandled
    }
    fn tlbi_broadcast(&mut self, _: u32) {}
    fn send_event(&mut self, _: u32) {}
}
