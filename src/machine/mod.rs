//! The whole machine: RAM, the PEs, the devices, and the scheduler that runs them
//! ([`sched`]).
//!
//! Boot state (Linux `booting.rst`; QEMU's direct kernel boot): PE 0 starts at the
//! kernel entry at EL2 (`virtualization=on`) or EL1, MMU off, DAIF masked, x0 = DTB,
//! x1..x3 = 0. The other PEs are powered off until PSCI CPU_ON.

pub mod bus;
pub mod sched;
pub mod serial;

use std::io::Write;

use anyhow::{bail, Context, Result};
use el2emu_cpu::{Cpu, CpuModel};
use el2emu_mmu::GuestRam;

use crate::board;
use crate::fdt::DtConfig;
use crate::loader::{self, BootInfo};
use crate::trace::{LogSink, Trace, TraceFlags};
use bus::Bus;
use serial::{Console, Delivered, NoInput, SerialInput};

pub use bus::StopReason;

/// Default scheduling quantum in virtual-time ticks (10 µs of the 1 GHz virtual clock):
/// short enough that PEs see each other's stores and IPIs promptly, long enough that
/// switching costs nothing measurable.
pub const QUANTUM: u64 = 10_000;

/// What to build.
#[derive(Clone, Debug)]
pub struct MachineConfig {
    /// Number of PEs (1..=[`board::MAX_CPUS`]).
    pub cpus: u32,
    /// RAM bytes.
    pub ram_size: u64,
    /// CPU model.
    pub model: CpuModel,
    /// EL2 implemented and the boot EL (`virtualization=on`).
    pub el2: bool,
    /// Kernel command line.
    pub bootargs: Option<String>,
    /// Stop after this many instructions (all PEs together).
    pub max_insns: Option<u64>,
    /// Scheduling quantum in ticks.
    pub quantum: u64,
}

impl Default for MachineConfig {
    fn default() -> Self {
        MachineConfig {
            cpus: 1,
            ram_size: board::RAM_DEFAULT,
            model: el2emu_cpu::sysreg::id::MAX,
            el2: true,
            bootargs: None,
            max_insns: None,
            quantum: QUANTUM,
        }
    }
}

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// Why.
    pub reason: StopReason,
    /// Instructions retired by all PEs.
    pub insns: u64,
    /// Global virtual time at the stop (ticks of 1 ns).
    pub vtime: u64,
}

/// The `compatible` of the CPU nodes: QEMU 7.2 writes "arm,cortex-a57" for both `max`
/// (which it builds on the A57) and `cortex-a57`.
fn cpu_compatible(_model: &CpuModel) -> &'static str {
    "arm,cortex-a57"
}

/// Check a configuration (the CLI checks too; this guards library users).
pub fn validate(cfg: &MachineConfig) -> Result<()> {
    if cfg.cpus == 0 || cfg.cpus > board::MAX_CPUS {
        bail!("the number of CPUs must be 1..={}, not {}", board::MAX_CPUS, cfg.cpus);
    }
    if cfg.ram_size == 0 || !cfg.ram_size.is_multiple_of(4096) || cfg.ram_size > board::RAM_MAX {
        bail!("RAM size {:#x} must be a non-zero multiple of 4 KiB, at most 16 GiB", cfg.ram_size);
    }
    if cfg.quantum == 0 {
        bail!("the scheduling quantum must be at least one tick");
    }
    Ok(())
}

/// A built machine, ready to [`Machine::run`].
pub struct Machine {
    /// The PEs, index = MPIDR Aff0.
    pub cpus: Vec<Cpu>,
    /// Devices and cross-PE state.
    pub bus: Bus,
    /// Guest RAM (shared with the PEs).
    pub ram: GuestRam,
    /// Where the loader put things.
    pub boot: BootInfo,
    /// Received bytes with their delivery times.
    pub input_log: Vec<Delivered>,
    cfg: MachineConfig,
    /// PE `i` executed WFI and waits for an interrupt.
    waiting: Vec<bool>,
    input: Box<dyn SerialInput>,
    input_closed: bool,
    /// Global virtual time: the start of the current quantum.
    now: u64,
    /// Instructions retired by all PEs.
    insns: u64,
}

impl Machine {
    /// Build the board, load `kernel` (and `initrd`), and reset the PEs. UART output
    /// goes to `console`.
    pub fn new(cfg: MachineConfig, kernel: &[u8], initrd: Option<&[u8]>, console: Box<dyn Write>) -> Result<Self> {
        validate(&cfg)?;
        let ram = GuestRam::new(board::RAM_BASE, cfg.ram_size).context("allocating guest RAM")?;
        let dt = DtConfig {
            cpus: cfg.cpus,
            ram_size: cfg.ram_size,
            cpu_compatible: cpu_compatible(&cfg.model),
            el2: cfg.el2,
            bootargs: cfg.bootargs.clone(),
            initrd: None,
        };
        let boot = loader::load(&ram, kernel, initrd, &dt)?;
        let el = if cfg.el2 { 2 } else { 1 };
        let n = cfg.cpus as usize;
        let mut cpus: Vec<Cpu> = (0..cfg.cpus).map(|i| Cpu::new(i, ram.clone(), cfg.model, el)).collect();
        let c0 = &mut cpus[0];
        c0.s.pc = boot.entry;
        c0.s.x[0] = boot.dtb.base;
        Ok(Machine {
            cpus,
            bus: Bus::new(n, Console::new(console)),
            ram,
            boot,
            input_log: Vec::new(),
            waiting: vec![false; n],
            input: Box::new(NoInput),
            input_closed: false,
            now: 0,
            insns: 0,
            cfg,
        })
    }

    /// Trace with `flags` into `out` (no-op when no flag is set).
    pub fn set_trace(&mut self, flags: TraceFlags, out: LogSink) -> Result<()> {
        if !flags.any() {
            return Ok(());
        }
        for cpu in &mut self.cpus {
            cpu.tracer = Some(Box::new(Trace::new(flags, out.clone())?));
        }
        Ok(())
    }

    /// Take UART input from `input`.
    pub fn set_input(&mut self, input: Box<dyn SerialInput>) {
        self.input = input;
        self.input_closed = false;
    }

    /// Instructions retired so far by all PEs.
    pub fn insns(&self) -> u64 {
        self.insns
    }

    /// Global virtual time (start of the current quantum).
    pub fn now(&self) -> u64 {
        self.now
    }

    /// The configuration.
    pub fn config(&self) -> &MachineConfig {
        &self.cfg
    }
}
