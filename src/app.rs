//! The subcommands: turn parsed arguments into a [`Machine`], run it, and map how it
//! ended to an exit status (0: the guest powered off or reset, or `--max-insns` was
//! reached; errors are reported by `main` with status 1).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::{bail, Context, Result};

use crate::cli::{BoardArgs, Cli, Command, DemoArgs, RunArgs};
use crate::machine::serial::StdinInput;
use crate::machine::{Machine, MachineConfig, Outcome, StopReason};
use crate::trace::{self, LogSink};

/// Run a parsed command line; the value is the process exit status.
pub fn run(cli: Cli) -> Result<i32> {
    match cli.cmd {
        Command::Run(a) => cmd_run(a),
        Command::Demo(a) => cmd_demo(a),
        Command::Bench(a) => crate::bench::run(a),
    }
}

/// Read a file named on the command line, saying which one failed.
pub fn read_file(path: &Path, what: &str) -> Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("cannot read the {what} file `{}`", path.display()))
}

/// Names tried, in order, for the demo: the hypervisor image, when built, is the demo.
pub const DEMO_IMAGES: &[&str] = &["demo", "el2emu-hyp"];

/// A built-in image by name (`src/images.rs`, built from `firmware/` and
/// `hypervisor/`); `demo` falls back to the names in [`DEMO_IMAGES`].
pub fn builtin_image(name: &str) -> Result<&'static [u8]> {
    let found = if name == "demo" {
        DEMO_IMAGES.iter().find_map(|n| crate::images::image(n))
    } else {
        crate::images::image(name)
    };
    match found {
        Some(img) => Ok(img),
        None => bail!(
            "no built-in image named `{name}` in this build of el2emu (built-in: {})",
            crate::images::NAMES.join(", ")
        ),
    }
}

/// The machine configuration of `run`/`demo` board options.
pub fn machine_config(b: &BoardArgs, bootargs: Option<String>, el2: bool) -> MachineConfig {
    MachineConfig {
        cpus: b.smp,
        ram_size: b.memory,
        model: b.cpu,
        el2,
        bootargs,
        max_insns: b.max_insns,
        ..MachineConfig::default()
    }
}

fn cmd_run(a: RunArgs) -> Result<i32> {
    let kernel = read_file(&a.kernel, "kernel")?;
    let initrd = a.initrd.as_deref().map(|p| read_file(p, "initrd")).transpose()?;
    let cfg = machine_config(&a.board, a.append.clone(), a.board.machine.virtualization);
    boot_and_run(cfg, &kernel, initrd.as_deref(), &a.board).with_context(|| format!("running `{}`", a.kernel.display()))
}

fn cmd_demo(a: DemoArgs) -> Result<i32> {
    let image = builtin_image("demo")?;
    let cfg = machine_config(&a.board, None, true);
    boot_and_run(cfg, image, None, &a.board).context("running the demo image")
}

/// The `-D` file, or stderr.
fn log_sink(b: &BoardArgs) -> Result<LogSink> {
    Ok(match &b.logfile {
        Some(p) => {
            let f = File::create(p).with_context(|| format!("cannot create the log file `{}`", p.display()))?;
            trace::sink(Box::new(BufWriter::new(f)))
        }
        None => trace::sink(Box::new(BufWriter::new(std::io::stderr()))),
    })
}

fn boot_and_run(cfg: MachineConfig, kernel: &[u8], initrd: Option<&[u8]>, b: &BoardArgs) -> Result<i32> {
    let mut m = Machine::new(cfg, kernel, initrd, Box::new(std::io::stdout()))?;
    let log = log_sink(b)?;
    if let Some(flags) = b.trace {
        m.set_trace(flags, log.clone())?;
    }
    m.set_input(Box::new(StdinInput::spawn()));
    let r = m.run();
    let _ = log.borrow_mut().flush();
    Ok(report(&r?))
}

/// Say how the run ended (on stderr, so stdout is the guest's alone); exit status.
pub fn report(o: &Outcome) -> i32 {
    match o.reason {
        StopReason::PowerOff => {}
        StopReason::Reset => {
            eprintln!("el2emu: the guest requested a system reset; exiting (as QEMU with -no-reboot)")
        }
        StopReason::MaxInsns => eprintln!("el2emu: stopped after {} instructions (--max-insns)", o.insns),
    }
    0
}
