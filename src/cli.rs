//! The command line: `el2emu run|demo|bench ...` (clap), plus QEMU's own single-dash
//! spellings (`el2emu -M virt,virtualization=on -cpu max -m 512M -kernel Image ...`),
//! which [`rewrite_qemu_args`] turns into the `run` form before clap sees them.
//!
//! Defaults follow QEMU's `virt` machine where el2emu has the same knob: 128 MiB of RAM,
//! one CPU, `virtualization=off` (boot at EL1, PSCI over HVC). The CPU defaults to `max`
//! (QEMU's `virt` default is a 32-bit CPU, which el2emu does not model).

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use el2emu_cpu::sysreg::id;
use el2emu_cpu::CpuModel;

use crate::board::{self, GIB, KIB, MIB};
use crate::trace::TraceFlags;

/// el2emu: a full-system AArch64 emulator with EL2, compatible with QEMU's `virt` board.
#[derive(Parser, Debug)]
#[command(name = "el2emu", version, arg_required_else_help = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub cmd: Command,
}

/// Subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Boot a kernel (ELF, arm64 Image or gzip-compressed Image).
    Run(RunArgs),
    /// Run the demo image built into el2emu.
    Demo(DemoArgs),
    /// Time an image N times and report instructions per second (optionally against
    /// qemu-system-aarch64).
    Bench(BenchArgs),
}

/// Options of the board and of tracing, shared by `run` and `demo`.
#[derive(Args, Debug, Clone)]
pub struct BoardArgs {
    /// RAM size: 512M, 1G, 4096K, or a plain number of MiB as in QEMU (a `B` suffix
    /// gives bytes). Page aligned, at most 16G.
    #[arg(short = 'm', long = "memory", value_name = "SIZE", value_parser = parse_mem, default_value = "128M")]
    pub memory: u64,
    /// Number of CPUs, 1..=8 (`N` or `cpus=N`).
    #[arg(long, value_name = "N", value_parser = parse_smp, default_value = "1")]
    pub smp: u32,
    /// Board and options: virt[,virtualization=on|off][,gic-version=3].
    #[arg(short = 'M', long, value_name = "MACHINE", value_parser = parse_machine, default_value = "virt")]
    pub machine: MachineOpts,
    /// CPU model: max or cortex-a57.
    #[arg(long, value_name = "MODEL", value_parser = parse_cpu, default_value = "max")]
    pub cpu: CpuModel,
    /// Trace items, comma separated: int, in_asm, exec, cpu.
    #[arg(short = 'd', value_name = "ITEMS", value_parser = TraceFlags::parse)]
    pub trace: Option<TraceFlags>,
    /// Write the trace to FILE instead of stderr.
    #[arg(short = 'D', value_name = "FILE")]
    pub logfile: Option<PathBuf>,
    /// Stop (with exit status 0 and a message on stderr) after N instructions of all
    /// CPUs together.
    #[arg(long, value_name = "N")]
    pub max_insns: Option<u64>,
}

/// `run`.
#[derive(Args, Debug, Clone)]
pub struct RunArgs {
    /// The kernel: ELF64 AArch64, arm64 Image, or gzip-compressed Image.
    #[arg(long, value_name = "FILE")]
    pub kernel: PathBuf,
    /// An initial RAM disk, put in RAM and described in /chosen.
    #[arg(long, value_name = "FILE")]
    pub initrd: Option<PathBuf>,
    /// Kernel command line (/chosen/bootargs).
    #[arg(long, value_name = "STR", allow_hyphen_values = true)]
    pub append: Option<String>,
    /// Board options.
    #[command(flatten)]
    pub board: BoardArgs,
}

/// `demo`.
#[derive(Args, Debug, Clone)]
pub struct DemoArgs {
    /// Board options (`virtualization=on` is forced: the demo shows EL2).
    #[command(flatten)]
    pub board: BoardArgs,
}

/// `bench`.
#[derive(Args, Debug, Clone)]
pub struct BenchArgs {
    /// A built-in image (default: demo).
    #[arg(long, value_name = "NAME", conflicts_with = "kernel")]
    pub image: Option<String>,
    /// A kernel file instead of a built-in image.
    #[arg(long, value_name = "FILE")]
    pub kernel: Option<PathBuf>,
    /// Execution engine.
    #[arg(long, value_name = "ENGINE", value_parser = ["interp"], default_value = "interp")]
    pub engine: String,
    /// Also time qemu-system-aarch64 on the same image and print the ratio.
    #[arg(long)]
    pub qemu: bool,
    /// Number of timed runs.
    #[arg(long, value_name = "N", default_value = "3", value_parser = clap::value_parser!(u32).range(1..=100))]
    pub runs: u32,
    /// RAM size, as for `run`.
    #[arg(short = 'm', long = "memory", value_name = "SIZE", value_parser = parse_mem, default_value = "128M")]
    pub memory: u64,
    /// Stop each run after N instructions.
    #[arg(long, value_name = "N")]
    pub max_insns: Option<u64>,
}

/// `-M` options.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MachineOpts {
    /// `virtualization=on`: EL2 implemented, boot at EL2.
    pub virtualization: bool,
}

/// Parse `-m`: QEMU's syntax, `[size=]N[K|M|G|T]`, plain N in MiB; `B` for bytes.
pub fn parse_mem(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let t = t.strip_prefix("size=").unwrap_or(t);
    let (num, unit) = match t.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => t.split_at(i),
        None => (t, ""),
    };
    let mult = match unit.to_ascii_uppercase().as_str() {
        "" | "M" | "MB" | "MIB" => MIB,
        "B" => 1,
        "K" | "KB" | "KIB" => KIB,
        "G" | "GB" | "GIB" => GIB,
        "T" | "TB" | "TIB" => 1 << 40,
        _ => return Err(format!("`{s}` is not a memory size (examples: 512M, 1G, 268435456B)")),
    };
    let n: u64 = num.parse().map_err(|_| format!("`{s}` is not a memory size (examples: 512M, 1G)"))?;
    let bytes = n.checked_mul(mult).ok_or_else(|| format!("memory size `{s}` is too large"))?;
    if bytes == 0 {
        return Err("memory size must not be 0".into());
    }
    if bytes > board::RAM_MAX {
        return Err(format!("memory size `{s}` is more than the 16G el2emu supports"));
    }
    if !bytes.is_multiple_of(4096) {
        return Err(format!("memory size `{s}` ({bytes} bytes) is not a multiple of the 4 KiB page size"));
    }
    Ok(bytes)
}

/// Parse `--smp`/`-smp`: `N` or `cpus=N`, 1..=8.
pub fn parse_smp(s: &str) -> Result<u32, String> {
    let v = s.strip_prefix("cpus=").unwrap_or(s);
    let n: u32 = v.parse().map_err(|_| format!("`{s}` is not a CPU count (use N or cpus=N)"))?;
    if n == 0 || n > board::MAX_CPUS {
        return Err(format!("the number of CPUs must be between 1 and {}, not {n}", board::MAX_CPUS));
    }
    Ok(n)
}

/// Parse `-M`: `virt` (or QEMU 7.2's versioned `virt-7.2`) and its options.
pub fn parse_machine(s: &str) -> Result<MachineOpts, String> {
    let mut parts = s.split(',');
    let name = parts.next().unwrap_or("");
    let name = name.strip_prefix("type=").unwrap_or(name);
    if name != "virt" && name != "virt-7.2" {
        return Err(format!("unsupported machine `{name}`: el2emu models only `virt`"));
    }
    let mut m = MachineOpts { virtualization: false };
    for opt in parts.filter(|p| !p.is_empty()) {
        let (k, v) = opt.split_once('=').unwrap_or((opt, "on"));
        match (k, v) {
            ("virtualization", "on" | "true" | "yes") => m.virtualization = true,
            ("virtualization", "off" | "false" | "no") => m.virtualization = false,
            ("gic-version", "3") => {}
            ("gic-version", other) => {
                return Err(format!("gic-version={other} is not supported: el2emu has a GICv3 only"))
            }
            _ => {
                return Err(format!(
                    "unsupported machine option `{opt}` (el2emu knows virtualization=on|off, gic-version=3)"
                ))
            }
        }
    }
    Ok(m)
}

/// Parse `-cpu`.
pub fn parse_cpu(s: &str) -> Result<CpuModel, String> {
    id::model(s).ok_or_else(|| {
        let names: Vec<&str> = id::MODELS.iter().map(|m| m.name).collect();
        format!("unknown CPU model `{s}` (el2emu models: {})", names.join(", "))
    })
}

/// QEMU options taking a value, and their el2emu spelling.
const QEMU_WITH_VALUE: &[(&str, &str)] = &[
    ("-M", "--machine"),
    ("-machine", "--machine"),
    ("-cpu", "--cpu"),
    ("-smp", "--smp"),
    ("-kernel", "--kernel"),
    ("-initrd", "--initrd"),
    ("-append", "--append"),
    ("-m", "-m"),
    ("-d", "-d"),
    ("-D", "-D"),
];
/// QEMU flags el2emu accepts and ignores: it has no graphics and never reboots.
const QEMU_IGNORED: &[&str] = &["-nographic", "-no-reboot"];
/// el2emu options taking a value (their value is never rewritten).
const OWN_WITH_VALUE: &[&str] = &[
    "--kernel",
    "--initrd",
    "--append",
    "--memory",
    "--smp",
    "--machine",
    "--cpu",
    "--max-insns",
    "--image",
    "--engine",
    "--runs",
];
const SUBCOMMANDS: &[&str] = &["run", "demo", "bench", "help", "-h", "--help", "-V", "--version"];

/// Turn QEMU's spellings into el2emu's: insert `run` when no subcommand is given,
/// translate single-dash long options, drop the ignored ones, check `-serial`. An
/// unsupported QEMU option is an error naming it.
pub fn rewrite_qemu_args(args: Vec<OsString>) -> Result<Vec<OsString>, String> {
    let mut it = args.into_iter();
    let mut out: Vec<OsString> = it.next().into_iter().collect();
    let rest: Vec<OsString> = it.collect();
    if rest.is_empty() {
        return Ok(out);
    }
    let first = rest[0].to_string_lossy().into_owned();
    let mut i = 0;
    if SUBCOMMANDS.contains(&first.as_str()) {
        out.push(rest[0].clone());
        i = 1;
    } else {
        out.push("run".into());
    }
    while i < rest.len() {
        let raw = &rest[i];
        let a = raw.to_string_lossy();
        i += 1;
        if let Some(&(_, to)) = QEMU_WITH_VALUE.iter().find(|(q, _)| *q == a) {
            out.push(to.into());
            if let Some(v) = rest.get(i) {
                out.push(v.clone());
                i += 1;
            }
        } else if QEMU_IGNORED.contains(&a.as_ref()) {
        } else if a == "-serial" {
            let v = rest.get(i).map(|v| v.to_string_lossy().into_owned());
            i += 1;
            match v.as_deref() {
                Some("stdio" | "mon:stdio") => {}
                Some(other) => return Err(format!("-serial {other} is not supported: the UART is always on stdio")),
                None => return Err("-serial needs a value (el2emu supports stdio, mon:stdio)".into()),
            }
        } else if OWN_WITH_VALUE.contains(&a.as_ref()) {
            out.push(raw.clone());
            if let Some(v) = rest.get(i) {
                out.push(v.clone());
                i += 1;
            }
        } else if a.len() > 2 && a.starts_with('-') && !a.starts_with("--") {
            return Err(format!(
                "unsupported QEMU option `{a}` (el2emu accepts -M/-machine, -cpu, -m, -smp, -kernel, -initrd, \
                 -append, -d, -D, -serial stdio, -nographic, -no-reboot)"
            ));
        } else {
            out.push(raw.clone());
        }
    }
    Ok(out)
}

/// Parse the process arguments (QEMU spellings included).
pub fn parse(args: Vec<OsString>) -> Result<Cli, clap::Error> {
    use clap::CommandFactory;
    match rewrite_qemu_args(args) {
        Ok(a) => Cli::try_parse_from(a),
        Err(msg) => Err(Cli::command().error(clap::error::ErrorKind::UnknownArgument, msg)),
    }
}

#[cfg(test)]
#[path = "cli_tests.rs"]
mod tests;
