//! `el2emu bench`: run an image several times and report instructions, seconds and
//! MIPS; with `--qemu`, time `qemu-system-aarch64` on the same file and print the ratio
//! of wall-clock times (QEMU reports no instruction count, so time is the common unit).
//!
//! The image must end by itself (PSCI SYSTEM_OFF) or be cut with `--max-insns`. Guest
//! output is discarded; wall-clock time is measured here only, never shown to the guest.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

use crate::app::{builtin_image, read_file};
use crate::cli::BenchArgs;
use crate::machine::{Machine, MachineConfig};

/// The QEMU binary `--qemu` runs.
pub const QEMU: &str = "qemu-system-aarch64";

/// One timed run.
#[derive(Clone, Copy, Debug)]
pub struct Sample {
    /// Instructions retired.
    pub insns: u64,
    /// Host seconds.
    pub secs: f64,
}

impl Sample {
    /// Millions of instructions per host second.
    pub fn mips(&self) -> f64 {
        if self.secs > 0.0 {
            self.insns as f64 / self.secs / 1e6
        } else {
            0.0
        }
    }
}

/// Run `el2emu bench`.
pub fn run(a: BenchArgs) -> Result<i32> {
    let (name, image) = match (&a.kernel, &a.image) {
        (Some(k), _) => (k.display().to_string(), read_file(k, "kernel")?),
        (None, img) => {
            let n = img.as_deref().unwrap_or("demo");
            (n.to_string(), builtin_image(n)?.to_vec())
        }
    };
    let cfg = MachineConfig { ram_size: a.memory, max_insns: a.max_insns, el2: true, ..MachineConfig::default() };
    println!("bench: {name}, engine {}, {} run(s)", a.engine, a.runs);
    let mut best: Option<Sample> = None;
    for i in 1..=a.runs {
        let s = time_el2emu(&cfg, &image)?;
        println!("run {i}: {} instructions in {:.3} s = {:.1} MIPS", s.insns, s.secs, s.mips());
        if best.is_none_or(|b| s.secs < b.secs) {
            best = Some(s);
        }
    }
    let best = best.context("no run")?;
    println!("el2emu best: {:.3} s, {:.1} MIPS", best.secs, best.mips());
    if a.qemu {
        let tmp;
        let path: &Path = match &a.kernel {
            Some(k) => k,
            None => {
                tmp = TempFile::write(&image)?;
                &tmp.0
            }
        };
        let mut q = Duration::MAX;
        for i in 1..=a.runs {
            let d = time_qemu(path, a.memory)?;
            println!("qemu run {i}: {:.3} s", d.as_secs_f64());
            q = q.min(d);
        }
        let q = q.as_secs_f64();
        println!("qemu best: {q:.3} s");
        if q > 0.0 {
            println!("time ratio el2emu/qemu: {:.2}", best.secs / q);
        }
    }
    Ok(0)
}

fn time_el2emu(cfg: &MachineConfig, image: &[u8]) -> Result<Sample> {
    let mut m = Machine::new(cfg.clone(), image, None, Box::new(std::io::sink()))?;
    let t = Instant::now();
    let o = m.run()?;
    Ok(Sample { insns: o.insns, secs: t.elapsed().as_secs_f64() })
}

fn time_qemu(path: &Path, mem: u64) -> Result<Duration> {
    let t = Instant::now();
    let status = Command::new(QEMU)
        .args(["-M", "virt,virtualization=on,gic-version=3", "-cpu", "max", "-nographic", "-no-reboot"])
        .arg("-m")
        .arg(if mem.is_multiple_of(1 << 20) { format!("{}M", mem >> 20) } else { format!("{}K", mem >> 10) })
        .arg("-kernel")
        .arg(path)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .with_context(|| format!("cannot start {QEMU} (is it installed?)"))?;
    let d = t.elapsed();
    if !status.success() {
        bail!("{QEMU} exited with {status}");
    }
    Ok(d)
}

/// A file in the temp directory, removed on drop.
struct TempFile(PathBuf);

impl TempFile {
    fn write(data: &[u8]) -> Result<Self> {
        let p = std::env::temp_dir().join(format!("el2emu-bench-{}.img", std::process::id()));
        std::fs::write(&p, data).with_context(|| format!("cannot write {}", p.display()))?;
        Ok(TempFile(p))
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}
