//! Bad user input to the `el2emu` binary: a clear message on stderr, a non-zero exit
//! status, and never a panic.

use std::path::PathBuf;
use std::process::{Command, Output};

fn el2emu(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_el2emu")).args(args).output().expect("run el2emu")
}

fn temp(name: &str, data: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("el2emu-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, data).unwrap();
    p
}

/// Fails with a message containing `needle` (case-insensitive) and no panic.
fn rejects(args: &[&str], needle: &str) {
    let out = el2emu(args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{args:?} succeeded; stderr: {err}");
    assert!(!err.contains("panicked"), "{args:?} panicked: {err}");
    assert!(err.to_lowercase().contains(&needle.to_lowercase()), "{args:?}: expected `{needle}` in: {err}");
}

#[test]
fn missing_kernel_file() {
    rejects(&["run", "--kernel", "/nonexistent/el2emu/kernel"], "cannot read the kernel file");
    rejects(&["-kernel", "/nonexistent/el2emu/kernel"], "/nonexistent/el2emu/kernel");
}

#[test]
fn garbage_kernel_file() {
    let p = temp("garbage.bin", b"this is certainly not an arm64 kernel image, just text");
    rejects(&["run", "--kernel", p.to_str().unwrap()], "unrecognized kernel format");
    let empty = temp("empty.bin", b"");
    rejects(&["run", "--kernel", empty.to_str().unwrap()], "unrecognized kernel format");
}

#[test]
fn missing_initrd_file() {
    let p = temp("k.bin", b"xx");
    rejects(&["run", "--kernel", p.to_str().unwrap(), "--initrd", "/nonexistent/initrd"], "initrd");
}

#[test]
fn bad_memory_sizes() {
    rejects(&["run", "--kernel", "k", "-m", "0"], "must not be 0");
    rejects(&["-kernel", "k", "-m", "64G"], "16G");
    rejects(&["-kernel", "k", "-m", "1000B"], "4 KiB");
    rejects(&["-kernel", "k", "-m", "lots"], "not a memory size");
}

#[test]
fn bad_cpu_counts() {
    rejects(&["run", "--kernel", "k", "--smp", "0"], "between 1 and 8");
    rejects(&["run", "--kernel", "k", "--smp", "99"], "between 1 and 8");
}

#[test]
fn unknown_flags() {
    rejects(&["run", "--kernel", "k", "--turbo"], "--turbo");
    rejects(&["-kernel", "k", "-drive", "file=x"], "-drive");
    rejects(&["-M", "virt,gic-version=2", "-kernel", "k"], "gic-version=2");
    rejects(&["-cpu", "cortex-a72", "-kernel", "k"], "cortex-a72");
    rejects(&["-kernel", "k", "-d", "nonsense"], "nonsense");
}

#[test]
fn usage_errors_exit_with_status_2() {
    let out = el2emu(&["run", "--kernel", "k", "--smp", "0"]);
    assert_eq!(out.status.code(), Some(2));
    let out = el2emu(&["run", "--kernel", "/nonexistent/k"]);
    assert_eq!(out.status.code(), Some(1));
}
