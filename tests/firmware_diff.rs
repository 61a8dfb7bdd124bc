//! Differential tests: every test firmware image must produce byte-identical
//! UART output under el2emu and under qemu-system-aarch64 (same board
//! options: `virt,virtualization=on,gic-version=3`, `-cpu max`, 512 MiB,
//! same number of PEs).
//!
//! Needs qemu-system-aarch64 (Debian package `qemu-system-arm`).

#[path = "firmware_support.rs"]
mod support;

use std::process::Command;
use std::time::Duration;

/// el2emu's timeout: the interpreter in a test (dev-profile) build is far
/// slower than QEMU's JIT, especially on `bench_int` and `bench_fp` (~0.3 G instructions each).
fn el2emu_timeout(name: &str) -> Duration {
    Duration::from_secs(if name.starts_with("bench_") { 600 } else { 120 })
}

fn run_el2emu(name: &str) -> support::Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_el2emu"));
    cmd.args(["run", "--kernel"])
        .arg(support::image_path(name))
        .args(["-M", "virt,virtualization=on,gic-version=3", "--cpu", "max", "-m", "512M"])
        .args(["--smp", &support::smp_of(name).to_string()]);
    support::run_with_timeout(cmd, el2emu_timeout(name), &format!("el2emu ({name})"))
}

fn diff(name: &str) {
    let q = support::run_qemu(name);
    support::assert_passed("qemu", name, &q);
    let e = run_el2emu(name);
    if e.stdout != q.stdout {
        let first = q.stdout.lines().zip(e.stdout.lines()).position(|(a, b)| a != b);
        panic!(
            "{name}: el2emu output differs from QEMU (first differing line: {:?})\n\
             --- qemu ---\n{}\n--- el2emu ---\n{}\n--- el2emu stderr ---\n{}",
            first.map(|i| i + 1),
            q.stdout,
            e.stdout,
            e.stderr
        );
    }
    support::assert_passed("el2emu", name, &e);
}

#[test]
fn exceptions() {
    diff("exceptions");
}

#[test]
fn stage1() {
    diff("stage1");
}

#[test]
fn stage2() {
    diff("stage2");
}

#[test]
fn vhe() {
    diff("vhe");
}

#[test]
fn gic_timer() {
    diff("gic_timer");
}

#[test]
fn psci_smp() {
    diff("psci_smp");
}

#[test]
fn bench_int() {
    diff("bench_int");
}

#[test]
fn fp_simd() {
    diff("fp_simd");
}

#[test]
fn fp_traps() {
    diff("fp_traps");
}

#[test]
fn bench_fp() {
    diff("bench_fp");
}
