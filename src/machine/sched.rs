//! The scheduler: all PEs on one host thread, round-robin in fixed quanta of global
//! virtual time, so every run of the same image with the same input interleaves the PEs
//! identically.
//!
//! Each quantum `[now, now + Q)`: waiting input is delivered to the UART (as much as
//! its receive FIFO takes), then each PE in index order runs until its virtual time reaches the quantum end. A
//! PE's run is also cut at its next timer deadline (so the timer interrupt is taken on
//! time) and at `--max-insns`. Between runs the PE's interrupt lines are recomputed:
//! timer outputs -> GIC PPIs, UART -> SPI, GIC -> IRQ/FIQ/vIRQ/vFIQ. A PE that waits
//! (WFI with nothing pending) sleeps to its next deadline or the quantum end; one that
//! yields (WFE) or is off skips to the quantum end. When every PE sleeps, global time
//! jumps straight to the earliest timer deadline.

use anyhow::{bail, Result};
use el2emu_cpu::{Cpu, ExitReason};
use el2emu_devices::psci::PowerState;
use el2emu_devices::timer;

use super::bus::{CpuOn, StopReason};
use super::serial::{Delivered, Poll};
use super::{Machine, Outcome};
use crate::board;

impl Machine {
    /// Run until the guest powers off or resets, or `--max-insns` is reached. An error
    /// means the guest can make no more progress (every PE off, or asleep with no
    /// timer armed and no input to come).
    pub fn run(&mut self) -> Result<Outcome> {
        loop {
            if let Some(reason) = self.run_quantum()? {
                self.bus.console.flush();
                return Ok(Outcome { reason, insns: self.insns, vtime: self.global_time() });
            }
        }
    }

    /// The latest virtual time any PE has reached.
    fn global_time(&self) -> u64 {
        self.cpus.iter().map(|c| c.s.vtime).max().unwrap_or(self.now).max(self.now)
    }

    /// One quantum for every PE; `Some` when the machine stops.
    fn run_quantum(&mut self) -> Result<Option<StopReason>> {
        let end = self.now + self.cfg.quantum;
        self.deliver_input();
        for pe in 0..self.cpus.len() {
            if let Some(r) = self.run_pe(pe, end) {
                return Ok(Some(r));
            }
        }
        self.bus.console.flush();
        self.now = end;
        if self.all_idle() {
            self.skip_idle_time()?;
        }
        Ok(None)
    }

    /// Give the UART as many waiting input bytes as its receive FIFO takes, each
    /// stamped with the global time; the rest stay queued (no overrun by el2emu).
    fn deliver_input(&mut self) {
        while !self.input_closed && self.bus.uart.rx_ready() {
            match self.input.poll() {
                Poll::Byte(b) => self.push_input(b),
                Poll::Empty => break,
                Poll::Closed => self.input_closed = true,
            }
        }
    }

    fn push_input(&mut self, byte: u8) {
        self.bus.uart.push_rx(byte);
        self.input_log.push(Delivered { vtime: self.now, byte });
    }

    /// Apply what other PEs asked of PE `pe` (CPU_ON, TLBI broadcast, SEV).
    fn apply_requests(&mut self, pe: usize) {
        let req = std::mem::take(&mut self.bus.requests[pe]);
        if let Some(on) = req.cpu_on {
            self.power_on(pe, on);
        }
        let cpu = &mut self.cpus[pe];
        if req.flush {
            cpu.flush_translations();
        }
        if req.event {
            cpu.s.event = 1;
        }
    }

    /// PSCI CPU_ON: the PE leaves reset at `entry` with X0 = context ID, MMU and caches
    /// off, DAIF masked, in the highest non-secure EL that exists (EL2 with
    /// `virtualization=on`), whatever the caller's EL: DEN 0022 6.4 "CPU_ON", and what
    /// QEMU's PSCI does. Linux in nVHE mode calls CPU_ON from EL1 and needs its
    /// secondaries at EL2 to install its hypervisor there.
    fn power_on(&mut self, pe: usize, on: CpuOn) {
        let boot_el = if self.cfg.el2 { 2 } else { 1 };
        let mut fresh = Cpu::new(pe as u32, self.ram.clone(), self.cfg.model, boot_el);
        let old = &mut self.cpus[pe];
        fresh.tracer = old.tracer.take();
        fresh.s.icount = old.s.icount;
        fresh.s.vtime = old.s.vtime.max(on.vtime);
        fresh.s.el = boot_el;
        fresh.s.pc = on.entry;
        fresh.s.x[0] = on.context_id;
        *old = fresh;
        self.waiting[pe] = false;
        self.bus.power[pe] = PowerState::On;
    }

    /// Drive PE `pe`'s interrupt inputs from the timers, the UART and the GIC.
    fn update_lines(&mut self, pe: usize) {
        let cpu = &mut self.cpus[pe];
        for (intid, level) in timer::levels(&cpu.s) {
            self.bus.gic.set_ppi(pe, intid, level);
        }
        self.bus.gic.set_spi(board::UART_INTID, self.bus.uart.irq_level());
        let serror = cpu.s.lines & el2emu_cpu::state::lines::SERROR;
        cpu.s.lines = serror | self.bus.gic.cpu_lines(pe);
    }

    /// Run PE `pe` up to virtual time `end`; `Some` when the machine stops.
    fn run_pe(&mut self, pe: usize, end: u64) -> Option<StopReason> {
        self.apply_requests(pe);
        if self.bus.power[pe] != PowerState::On {
            let cpu = &mut self.cpus[pe];
            cpu.s.vtime = cpu.s.vtime.max(end);
            return None;
        }
        {
            let cpu = &mut self.cpus[pe];
            cpu.s.vtime = cpu.s.vtime.max(self.now);
        }
        loop {
            self.update_lines(pe);
            let cpu = &mut self.cpus[pe];
            let vt = cpu.s.vtime;
            if vt >= end {
                return None;
            }
            let deadline = timer::next_deadline(&cpu.s).filter(|&d| d > vt && d < end);
            if self.waiting[pe] {
                if cpu.wakeup_pending() {
                    self.waiting[pe] = false;
                } else {
                    // Asleep: nothing happens on this PE before its next deadline.
                    cpu.s.vtime = deadline.unwrap_or(end);
                    continue;
                }
            }
            let mut until = deadline.unwrap_or(end);
            if let Some(max) = self.cfg.max_insns {
                if self.insns >= max {
                    return Some(StopReason::MaxInsns);
                }
                until = until.min(vt + (max - self.insns));
            }
            let before = cpu.s.icount;
            let exit = cpu.run(&mut self.bus, until);
            self.insns += cpu.s.icount - before;
            match exit {
                ExitReason::Budget | ExitReason::Reschedule => {}
                ExitReason::Wfi => self.waiting[pe] = true,
                ExitReason::Yield => cpu.s.vtime = cpu.s.vtime.max(end),
                ExitReason::CpuOff => {
                    cpu.s.vtime = cpu.s.vtime.max(end);
                    self.waiting[pe] = false;
                    self.bus.power[pe] = PowerState::Off;
                }
                ExitReason::Stop => return Some(self.bus.stop.unwrap_or(StopReason::PowerOff)),
            }
            if let Some(r) = self.bus.stop {
                return Some(r);
            }
            if let Some(max) = self.cfg.max_insns {
                if self.insns >= max {
                    return Some(StopReason::MaxInsns);
                }
            }
        }
    }

    /// No PE can make progress before a timer fires or input arrives.
    fn all_idle(&self) -> bool {
        (0..self.cpus.len()).all(|pe| match self.bus.power[pe] {
            PowerState::Off => self.bus.requests[pe].cpu_on.is_none(),
            PowerState::OnPending => false,
            PowerState::On => self.waiting[pe] && !self.cpus[pe].wakeup_pending(),
        })
    }

    /// Every PE sleeps: jump to the earliest timer deadline, or wait for input, or give
    /// up with a clear error.
    fn skip_idle_time(&mut self) -> Result<()> {
        let on: Vec<usize> = (0..self.cpus.len()).filter(|&pe| self.bus.power[pe] == PowerState::On).collect();
        if on.is_empty() {
            bail!(
                "all CPUs are powered off (PSCI CPU_OFF) and none will be turned on again: the guest cannot continue"
            );
        }
        let next = on.iter().filter_map(|&pe| timer::next_deadline(&self.cpus[pe].s)).min();
        match next {
            Some(t) => {
                self.now = self.now.max(t);
                Ok(())
            }
            None if !self.input_closed && self.bus.uart.rx_ready() => match self.input.wait() {
                // Guest time stands still while the host waits for a keystroke.
                Some(b) => {
                    self.push_input(b);
                    Ok(())
                }
                None => {
                    self.input_closed = true;
                    bail!(asleep_forever(self.now))
                }
            },
            None => bail!(asleep_forever(self.now)),
        }
    }
}

fn asleep_forever(now: u64) -> String {
    format!(
        "all CPUs asleep forever: every running CPU waits for an interrupt (WFI) with no timer armed \
         and no more serial input (virtual time {now} ns)"
    )
}
