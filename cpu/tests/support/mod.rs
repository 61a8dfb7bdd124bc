//! Shared scaffolding of the el2emu-cpu integration tests (`mod support;` in each):
//! the deterministic random generators and the QEMU user-mode oracles under
//! `scripts/`. Each test binary uses only part of it.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Draws derived from a 64-bit generator.
pub trait Random {
    /// The next 64 random bits.
    fn next(&mut self) -> u64;
    /// Uniform-ish in `0..n` (`0` for `n == 0`).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn bool(&mut self) -> bool {
        self.next() & 1 != 0
    }
    /// True once in `one_in` draws on average.
    fn chance(&mut self, one_in: u64) -> bool {
        self.below(one_in) == 0
    }
    fn pick<T: Copy>(&mut self, v: &[T]) -> T {
        v[self.below(v.len() as u64) as usize]
    }
}

/// A small, seedable xorshift64* generator.
pub struct XorShift64Star(pub u64);

impl Random for XorShift64Star {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

/// SplitMix64: small, fast, good enough to spread bits, and deterministic.
pub struct SplitMix64(pub u64);

impl Random for SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// Is `qemu-aarch64` (Debian package `qemu-user`) on PATH?
pub fn qemu_present() -> bool {
    Command::new("qemu-aarch64").arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok()
}

/// Builds the oracle crate `scripts/<dir>` for aarch64-unknown-linux-musl (cargo only
/// rebuilds it when stale) and returns the path to its binary `<bin>`.
pub fn build_oracle(dir: &str, bin: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../scripts").join(dir);
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--release", "--quiet"])
        .current_dir(&path)
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("CARGO_BUILD_TARGET")
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .status()
        .unwrap_or_else(|e| panic!("running cargo to build scripts/{dir}: {e}"));
    assert!(status.success(), "building the oracle (scripts/{dir}) for aarch64-unknown-linux-musl failed");
    path.join("target/aarch64-unknown-linux-musl/release").join(bin)
}

/// The FP oracle (`scripts/fp/oracle`), built if stale.
pub fn fp_oracle() -> PathBuf {
    build_oracle("fp/oracle", "fp-oracle")
}

/// `qemu-aarch64 -cpu <cpu> <bin>`.
pub fn qemu(cpu: &str, bin: &Path) -> Command {
    let mut cmd = Command::new("qemu-aarch64");
    cmd.args(["-cpu", cpu]).arg(bin);
    cmd
}

/// Runs `qemu-aarch64 -cpu <cpu> <bin>` with `input` on its stdin (written from a
/// second thread, so a large input cannot deadlock against the output) and returns its
/// stdout; the oracle must exit successfully.
pub fn run_qemu(cpu: &str, bin: &Path, input: Vec<u8>) -> Vec<u8> {
    let mut child = qemu(cpu, bin).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().expect("spawning qemu-aarch64");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || stdin.write_all(&input).expect("writing to the oracle"));
    let mut output = Vec::new();
    child.stdout.take().expect("stdout").read_to_end(&mut output).expect("reading the oracle");
    writer.join().expect("writer thread");
    let status = child.wait().expect("waiting for qemu");
    assert!(status.success(), "the oracle (-cpu {cpu}) failed: {status}");
    output
}

/// Runs the FP oracle on `(op, fpcr, a, b, c)` records, returning `(result, fpsr)`
/// pairs. The oracle runs as an ARMv8.0 `cortex-a57` (no FP16/AFP extensions).
pub fn run_fp_oracle(bin: &Path, records: &[(u32, u32, u64, u64, u64)]) -> Vec<(u64, u64)> {
    let mut input = Vec::with_capacity(records.len() * 32);
    for &(op, fpcr, a, b, c) in records {
        input.extend_from_slice(&op.to_le_bytes());
        input.extend_from_slice(&fpcr.to_le_bytes());
        for v in [a, b, c] {
            input.extend_from_slice(&v.to_le_bytes());
        }
    }
    let out = run_qemu("cortex-a57", bin, input);
    assert_eq!(out.len(), records.len() * 16, "short oracle output");
    let w = |b: &[u8]| u64::from_le_bytes(b.try_into().expect("8 bytes"));
    out.chunks_exact(16).map(|c| (w(&c[0..8]), w(&c[8..16]))).collect()
}
