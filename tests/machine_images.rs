//! The built-in firmware test images on the whole machine: each must print
//! "RESULT: ALL PASS" and power off, and two runs must trace identically.

use el2emu::machine::serial::SharedBuf;
use el2emu::machine::{Machine, MachineConfig, StopReason};
use el2emu::trace::{self, TraceFlags};

/// Run built-in image `name` on `cpus` PEs at EL2 with 512 MiB; (UART output, `-d int` log).
fn run(name: &str, cpus: u32) -> (String, String) {
    let image = el2emu::images::image(name).unwrap_or_else(|| panic!("no image {name}"));
    let cfg =
        MachineConfig { cpus, ram_size: 512 << 20, el2: true, max_insns: Some(2_000_000_000), ..Default::default() };
    let out = SharedBuf::default();
    let log = SharedBuf::default();
    let mut m = Machine::new(cfg, image, None, Box::new(out.clone())).unwrap();
    m.set_trace(TraceFlags { int: true, ..Default::default() }, trace::sink(Box::new(log.clone()))).unwrap();
    let o = m.run().unwrap_or_else(|e| panic!("{name}: {e:#}"));
    let text = String::from_utf8_lossy(&out.contents()).into_owned();
    assert_eq!(o.reason, StopReason::PowerOff, "{name} did not power off: {text}");
    (text, String::from_utf8_lossy(&log.contents()).into_owned())
}

fn passes(name: &str, cpus: u32) {
    let (text, _) = run(name, cpus);
    assert!(text.contains("ALL PASS"), "{name}:\n{text}");
}

#[test]
fn firmware_images_pass() {
    for name in el2emu::images::NAMES.iter().filter(|n| !n.starts_with("el2emu-hyp")) {
        passes(name, 2);
    }
}

#[test]
fn psci_smp_on_four_cpus() {
    if el2emu::images::image("psci_smp").is_some() {
        passes("psci_smp", 4);
    }
}

#[test]
fn demo_trace_is_deterministic() {
    let Some(name) = ["demo", "el2emu-hyp"].into_iter().find(|n| el2emu::images::image(n).is_some()) else { return };
    let (out1, log1) = run(name, 2);
    let (out2, log2) = run(name, 2);
    assert!(!log1.is_empty());
    assert_eq!(out1, out2);
    assert_eq!(log1, log2);
}
