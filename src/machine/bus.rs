//! The board as the PEs see it: [`Bus`] implements `el2emu_cpu::Platform`, routing
//! physical addresses to devices, GIC system registers to the GIC, and the firmware
//! conduit to PSCI.
//!
//! A PE runs while the others wait (one host thread), so what one PE does to another
//! (a broadcast TLBI, SEV, PSCI CPU_ON) is queued in [`PeRequests`] and applied by the
//! scheduler before the target next runs — the same order of effects every run.

use el2emu_cpu::{CpuState, ExtReg, FirmwareOutcome, Platform};
use el2emu_devices::gic::Gicv3;
use el2emu_devices::pl011::Pl011;
use el2emu_devices::psci::{self, PowerState, PsciAction};

use super::serial::Console;
use crate::board::{self, Region};
use crate::virtio;

/// A queued PSCI CPU_ON for one PE.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CpuOn {
    /// Entry point.
    pub entry: u64,
    /// X0 at entry.
    pub context_id: u64,
    /// The caller's EL (for traces; the target starts at the highest EL).
    pub el: u32,
    /// The caller's virtual time: the target does not start before it.
    pub vtime: u64,
}

/// What other PEs asked of one PE since it last ran.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PeRequests {
    /// Drop cached translations (TLBI ... IS elsewhere).
    pub flush: bool,
    /// Set the event register (SEV elsewhere).
    pub event: bool,
    /// Power on (PSCI CPU_ON).
    pub cpu_on: Option<CpuOn>,
}

/// Why the machine stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StopReason {
    /// PSCI SYSTEM_OFF.
    PowerOff,
    /// PSCI SYSTEM_RESET (el2emu exits, as QEMU with `-no-reboot`).
    Reset,
    /// `--max-insns` reached.
    MaxInsns,
}

/// Devices, power state and cross-PE requests.
pub struct Bus {
    /// The GICv3.
    pub gic: Gicv3,
    /// The UART.
    pub uart: Pl011,
    /// Where UART output goes.
    pub console: Console,
    /// PSCI power state of each PE.
    pub power: Vec<PowerState>,
    /// Requests to each PE, applied before it next runs.
    pub requests: Vec<PeRequests>,
    /// Set when a PE stopped the machine.
    pub stop: Option<StopReason>,
    gicr: Region,
}

impl Bus {
    /// The board's devices for `cpus` PEs; PE 0 on, the others off (waiting for
    /// CPU_ON, as QEMU's `virt` with PSCI starts secondaries powered off).
    pub fn new(cpus: usize, console: Console) -> Self {
        let mut power = vec![PowerState::Off; cpus];
        power[0] = PowerState::On;
        Bus {
            gic: Gicv3::new(cpus, board::NUM_SPIS),
            uart: Pl011::new(),
            console,
            power,
            requests: vec![PeRequests::default(); cpus],
            stop: None,
            gicr: board::gicr(cpus as u32),
        }
    }

    fn others(&mut self, cpu: u32) -> impl Iterator<Item = &mut PeRequests> {
        self.requests.iter_mut().enumerate().filter(move |(i, _)| *i != cpu as usize).map(|(_, r)| r)
    }
}

/// `[pa, pa + size)` inside `r`: the offset of `pa`.
fn hit(r: Region, pa: u64, size: u32) -> Option<u64> {
    let off = r.offset(pa)?;
    (off + size as u64 <= r.size).then_some(off)
}

impl Platform for Bus {
    fn mmio_read(&mut self, _cpu: u32, pa: u64, size: u32) -> Option<u64> {
        if let Some(off) = hit(board::GICD, pa, size) {
            return Some(self.gic.dist_read(off, size));
        }
        if let Some(off) = hit(self.gicr, pa, size) {
            return self.gic.redist_read(off, size);
        }
        if let Some(off) = hit(board::UART, pa, size) {
            return Some(self.uart.read(off, size));
        }
        if let Some(off) = hit(board::VIRTIO, pa, size) {
            return Some(virtio::empty_read(off % board::VIRTIO_STRIDE, size));
        }
        None
    }

    fn mmio_write(&mut self, _cpu: u32, pa: u64, size: u32, value: u64) -> bool {
        if let Some(off) = hit(board::GICD, pa, size) {
            self.gic.dist_write(off, size, value);
            return true;
        }
        if let Some(off) = hit(self.gicr, pa, size) {
            return self.gic.redist_write(off, size, value);
        }
        if let Some(off) = hit(board::UART, pa, size) {
            self.uart.write(off, size, value, &mut self.console);
            return true;
        }
        // Empty virtio transports ignore writes.
        hit(board::VIRTIO, pa, size).is_some()
    }

    fn ext_sysreg_traps(&mut self, cpu: u32, state: &CpuState, reg: ExtReg) -> bool {
        let hcr = state.sys[el2emu_cpu::sysreg::Slot::HCR_EL2 as usize];
        self.gic.el1_access_traps(cpu as usize, reg.key, hcr)
    }

    fn ext_sysreg_read(&mut self, cpu: u32, state: &CpuState, reg: ExtReg) -> u64 {
        self.gic.sysreg_read(cpu as usize, state, reg.key, reg.virtual_access)
    }

    fn ext_sysreg_write(&mut self, cpu: u32, state: &CpuState, reg: ExtReg, value: u64) {
        self.gic.sysreg_write(cpu as usize, state, reg.key, reg.virtual_access, value)
    }

    fn firmware_call(&mut self, cpu: u32, state: &mut CpuState) -> FirmwareOutcome {
        let caller = cpu as usize;
        match psci::call(caller, state, &self.power) {
            PsciAction::None => FirmwareOutcome::Handled,
            PsciAction::CpuOn { target, entry, context_id } => {
                // psci::call validated the target and its state; a bad index from it
                // must still not index out of bounds here.
                if let Some(r) = self.requests.get_mut(target) {
                    r.cpu_on = Some(CpuOn { entry, context_id, el: state.el, vtime: state.vtime });
                    self.power[target] = PowerState::OnPending;
                }
                FirmwareOutcome::Handled
            }
            PsciAction::CpuOff => {
                self.power[caller] = PowerState::Off;
                FirmwareOutcome::CpuOff
            }
            PsciAction::SystemOff => {
                self.stop = Some(StopReason::PowerOff);
                FirmwareOutcome::Stop
            }
            PsciAction::SystemReset => {
                self.stop = Some(StopReason::Reset);
                FirmwareOutcome::Stop
            }
            PsciAction::NotPsci => FirmwareOutcome::NotHandled,
        }
    }

    fn tlbi_broadcast(&mut self, cpu: u32) {
        self.others(cpu).for_each(|r| r.flush = true);
    }

    fn send_event(&mut self, cpu: u32) {
        self.others(cpu).for_each(|r| r.event = true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accesses_must_lie_wholly_inside_a_region() {
        assert_eq!(hit(board::UART, 0x0900_0ffc, 4), Some(0xffc));
        assert_eq!(hit(board::UART, 0x0900_0ffc, 8), None);
        assert_eq!(hit(board::GICD, 0x0800_0000, 8), Some(0));
        assert_eq!(hit(board::VIRTIO, 0x0a00_3ffc, 4), Some(0x3ffc));
        assert_eq!(hit(board::VIRTIO, 0x0a00_4000, 4), None);
    }
}
