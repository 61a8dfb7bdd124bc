//! Bare-metal AArch64 images embedded in el2emu: the test firmware
//! (`firmware/`, one image per binary: `exceptions`, `stage1`, `stage2`,
//! `vhe`, `gic_timer`, `psci_smp`, `bench_int`) and, when present, the demo
//! hypervisor (`hypervisor/`, image `el2emu-hyp`). `build.rs` builds them for
//! `aarch64-unknown-none` and generates the table included here:
//!
//! - `pub const NAMES: &[&str]`: image names, sorted;
//! - `pub fn image(name: &str) -> Option<&'static [u8]>`: the ELF file, via
//!   `include_bytes!(concat!(env!("OUT_DIR"), "/images/<name>.elf"))`.

include!(concat!(env!("OUT_DIR"), "/images.rs"));
