//! Unmodified Debian arm64 Linux on el2emu: boots at EL2 with KVM (VHE and nVHE), runs
//! the project's nested-guest VMM through /dev/kvm, and powers off; the same initramfs
//! under QEMU gives the same markers; two boots give byte-identical consoles and
//! identical `-d int` logs.
//!
//! The images come from `scripts/linux-image.sh` and `scripts/build-vmm.sh` (Debian's
//! kernel and busybox are downloaded, never committed); `scripts/test.sh` runs both
//! before the tests. Without them these tests fail and say what to run.

#[path = "firmware_support.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

fn images() -> (PathBuf, PathBuf) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("images");
    let (k, i) = (root.join("vmlinuz"), root.join("initramfs.cpio.gz"));
    assert!(
        k.exists() && i.exists() && root.join("payload/el2emu-vmm").exists(),
        "Linux test images missing: run scripts/linux-image.sh and scripts/build-vmm.sh \
         (scripts/test.sh does both)"
    );
    (k, i)
}

/// The markers every boot must print, in order.
const MARKERS: &[&str] = &[
    "el2emu-init: ready",
    "el2emu-init: kvm ready",
    "el2emu-init: /dev/kvm present",
    "nested-baremetal: 2000 exits, FP state intact: PASS",
    "el2emu-test: nested-baremetal ok",
    "el2emu-init: done",
];

/// Text that must never appear: CPU feature mismatches, unhandled traps, lockups,
/// oopses, panics, warnings.
const BAD: &[&str] =
    &["SANITY CHECK", "Unhandled", "unhandled", "lockup", "Oops", "Kernel panic", "BUG:", "WARNING:", "Internal error"];

fn el2emu(extra_append: &str, smp: u32, log: Option<&Path>) -> support::Run {
    let (k, i) = images();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_el2emu"));
    cmd.args(["-M", "virt,virtualization=on,gic-version=3", "-cpu", "max", "-m", "512M"])
        .args(["-nographic", "-no-reboot", "-smp", &smp.to_string()])
        .arg("-kernel")
        .arg(&k)
        .arg("-initrd")
        .arg(&i)
        .args(["-append", &format!("console=ttyAMA0 el2emu.test {extra_append}")]);
    if let Some(l) = log {
        cmd.args(["-d", "int", "-D"]).arg(l);
    }
    support::run_with_timeout(cmd, Duration::from_secs(600), "el2emu")
}

fn check_markers(out: &str, what: &str) {
    let mut pos = 0;
    for m in MARKERS {
        match out[pos..].find(m) {
            Some(p) => pos += p + m.len(),
            None => panic!("{what}: marker {m:?} missing (in order); console:\n{out}"),
        }
    }
    for b in BAD {
        assert!(!out.contains(b), "{what}: console contains {b:?}:\n{out}");
    }
    assert!(out.contains("KVM") || out.contains("kvm ["), "{what}: no KVM message:\n{out}");
}

#[test]
fn vhe_smp1_boots_with_kvm_and_runs_a_nested_guest() {
    let r = el2emu("", 1, None);
    assert!(r.ok, "el2emu failed: {}", r.stderr);
    check_markers(&r.stdout, "VHE smp1");
    assert!(r.stdout.contains("VHE mode initialized successfully"), "{}", r.stdout);
}

#[test]
fn nvhe_smp2_boots_with_kvm_and_runs_a_nested_guest() {
    let r = el2emu("kvm-arm.mode=nvhe", 2, None);
    assert!(r.ok, "el2emu failed: {}", r.stderr);
    check_markers(&r.stdout, "nVHE smp2");
    assert!(r.stdout.contains("Hyp mode initialized successfully"), "{}", r.stdout);
    assert!(r.stdout.contains("smp: Brought up 1 node, 2 CPUs"), "{}", r.stdout);
}

/// Two boots with `smp` PEs: byte-identical console output and `-d int` logs.
fn two_boots_are_identical(smp: u32) {
    let dir = std::env::temp_dir().join(format!("el2emu-linux-det-{}-{smp}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (la, lb) = (dir.join("a.log"), dir.join("b.log"));
    let a = el2emu("", smp, Some(&la));
    let b = el2emu("", smp, Some(&lb));
    assert!(a.ok && b.ok, "el2emu failed: {} / {}", a.stderr, b.stderr);
    check_markers(&a.stdout, "determinism run A");
    assert_eq!(a.stdout, b.stdout, "console output differs between two boots (smp {smp})");
    let (ia, ib) = (std::fs::read(&la).unwrap(), std::fs::read(&lb).unwrap());
    assert!(ia.len() > 1000, "-d int log is suspiciously short");
    assert!(ia == ib, "-d int logs differ between two boots (smp {smp})");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn two_boots_are_identical_smp1() {
    two_boots_are_identical(1);
}

#[test]
fn two_boots_are_identical_smp2() {
    two_boots_are_identical(2);
}

#[test]
fn qemu_prints_the_same_markers() {
    let (k, i) = images();
    let mut cmd = Command::new(support::qemu_binary());
    cmd.args(["-M", "virt,virtualization=on,gic-version=3", "-cpu", "max", "-m", "512M"])
        .args(["-nographic", "-no-reboot"])
        .arg("-kernel")
        .arg(&k)
        .arg("-initrd")
        .arg(&i)
        .args(["-append", "console=ttyAMA0 el2emu.test"]);
    let r = support::run_with_timeout(cmd, Duration::from_secs(900), "qemu-system-aarch64");
    check_markers(&r.stdout, "QEMU");
}
