//! Shared helpers of the firmware tests (`firmware_qemu.rs`,
//! `firmware_diff.rs`), which include this file with `#[path]`. Built on its
//! own it only checks that every expected image was embedded.
#![allow(dead_code)]

use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Firmware images: (name, number of PEs, QEMU timeout in seconds).
pub const IMAGES: &[(&str, u32, u64)] = &[
    ("exceptions", 1, 60),
    ("stage1", 1, 60),
    ("stage2", 1, 60),
    ("vhe", 1, 60),
    ("gic_timer", 1, 60),
    ("psci_smp", 4, 60),
    ("bench_int", 1, 60),
    ("fp_simd", 1, 60),
    ("fp_traps", 1, 60),
    ("bench_fp", 1, 60),
];

/// Path of an embedded image's ELF file (written by build.rs).
pub fn image_path(name: &str) -> PathBuf {
    let p = PathBuf::from(env!("EL2EMU_IMAGES_DIR")).join(format!("{name}.elf"));
    assert!(p.exists(), "firmware image {} was not built (see build.rs)", p.display());
    p
}

/// Number of PEs an image is run with.
pub fn smp_of(name: &str) -> u32 {
    IMAGES.iter().find(|i| i.0 == name).map(|i| i.1).expect("known image")
}

/// Result of running an emulator.
pub struct Run {
    /// Exit status success.
    pub ok: bool,
    /// Everything written to stdout (the UART).
    pub stdout: String,
    /// stderr, for diagnostics.
    pub stderr: String,
}

/// Runs `cmd`, killing it after `timeout`; panics on timeout with the output so far.
pub fn run_with_timeout(mut cmd: Command, timeout: Duration, what: &str) -> Run {
    cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap_or_else(|e| panic!("cannot start {what}: {e}"));
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let t_out = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out.read_to_end(&mut v);
        v
    });
    let t_err = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err.read_to_end(&mut v);
        v
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break Some(s);
        }
        if start.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let stdout = String::from_utf8_lossy(&t_out.join().unwrap()).into_owned();
    let stderr = String::from_utf8_lossy(&t_err.join().unwrap()).into_owned();
    match status {
        Some(s) => Run { ok: s.success(), stdout, stderr },
        None => panic!("{what} timed out after {timeout:?}\n--- stdout ---\n{stdout}\n--- stderr ---\n{stderr}"),
    }
}

/// The QEMU binary (`QEMU_SYSTEM_AARCH64` overrides the name); panics with
/// install instructions when it is missing.
pub fn qemu_binary() -> String {
    let bin = std::env::var("QEMU_SYSTEM_AARCH64").unwrap_or_else(|_| "qemu-system-aarch64".into());
    let found = Command::new(&bin).arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status();
    if !matches!(found, Ok(s) if s.success()) {
        panic!(
            "`{bin}` not found: the firmware tests need QEMU as the reference.\n\
             Install it (Debian/Ubuntu: `sudo apt-get install qemu-system-arm`), \
             or set QEMU_SYSTEM_AARCH64 to its path."
        );
    }
    bin
}

/// Runs an image under QEMU `virt` with EL2, GICv3, `-cpu max`, 512 MiB.
pub fn run_qemu(name: &str) -> Run {
    let (_, smp, secs) = *IMAGES.iter().find(|i| i.0 == name).expect("known image");
    let mut cmd = Command::new(qemu_binary());
    cmd.args(["-M", "virt,virtualization=on,gic-version=3", "-cpu", "max", "-m", "512M"])
        .args(["-nographic", "-no-reboot", "-smp", &smp.to_string(), "-kernel"])
        .arg(image_path(name));
    run_with_timeout(cmd, Duration::from_secs(secs), &format!("qemu-system-aarch64 ({name})"))
}

/// Asserts a firmware run passed: clean exit, no FAIL line, final ALL PASS.
pub fn assert_passed(who: &str, name: &str, r: &Run) {
    let ctx = || format!("{who} {name}\n--- stdout ---\n{}\n--- stderr ---\n{}", r.stdout, r.stderr);
    assert!(r.ok, "{who} exited with an error: {}", ctx());
    assert!(!r.stdout.lines().any(|l| l.contains("FAIL")), "a check failed: {}", ctx());
    assert!(r.stdout.lines().any(|l| l.starts_with("RESULT: ALL PASS")), "no `RESULT: ALL PASS` line: {}", ctx());
}

#[test]
fn all_firmware_images_are_embedded() {
    for (name, _, _) in IMAGES {
        image_path(name);
    }
}
