//! Command-line parsing, including QEMU spellings and every rejected input.

use super::*;

fn args(s: &[&str]) -> Vec<OsString> {
    std::iter::once("el2emu").chain(s.iter().copied()).map(OsString::from).collect()
}

fn run(s: &[&str]) -> RunArgs {
    match parse(args(s)).unwrap_or_else(|e| panic!("{s:?}: {e}")).cmd {
        Command::Run(r) => r,
        other => panic!("not run: {other:?}"),
    }
}

fn err(s: &[&str]) -> String {
    parse(args(s)).expect_err(&format!("{s:?} must be rejected")).to_string()
}

#[test]
fn native_run() {
    let r = run(&["run", "--kernel", "k", "--initrd", "i", "--append", "console=ttyAMA0", "-m", "512M", "--smp", "2"]);
    assert_eq!(r.kernel, PathBuf::from("k"));
    assert_eq!(r.initrd, Some(PathBuf::from("i")));
    assert_eq!(r.append.as_deref(), Some("console=ttyAMA0"));
    assert_eq!(r.board.memory, 512 * MIB);
    assert_eq!(r.board.smp, 2);
    assert!(!r.board.machine.virtualization, "QEMU's default is virtualization=off");
    assert_eq!(r.board.cpu.name, "max");
    assert_eq!(r.board.trace, None);
}

#[test]
fn native_trace_and_limits() {
    let r = run(&[
        "run",
        "--kernel",
        "k",
        "-d",
        "int,in_asm",
        "-D",
        "log.txt",
        "--max-insns",
        "1000",
        "--cpu",
        "cortex-a57",
    ]);
    let t = r.board.trace.unwrap();
    assert!(t.int && t.in_asm);
    assert_eq!(r.board.logfile, Some(PathBuf::from("log.txt")));
    assert_eq!(r.board.max_insns, Some(1000));
    assert_eq!(r.board.cpu.name, "cortex-a57");
    let r = run(&["run", "--kernel", "k", "--machine", "virt,virtualization=on"]);
    assert!(r.board.machine.virtualization);
}

#[test]
fn qemu_spelling_without_run() {
    let r = run(&[
        "-M",
        "virt,virtualization=on,gic-version=3",
        "-cpu",
        "max",
        "-m",
        "512M",
        "-nographic",
        "-no-reboot",
        "-kernel",
        "X",
        "-initrd",
        "Y",
        "-append",
        "Z",
        "-smp",
        "2",
    ]);
    assert!(r.board.machine.virtualization);
    assert_eq!(r.board.memory, 512 * MIB);
    assert_eq!((r.kernel.to_str(), r.initrd.as_deref().and_then(|p| p.to_str())), (Some("X"), Some("Y")));
    assert_eq!(r.append.as_deref(), Some("Z"));
    assert_eq!(r.board.smp, 2);
}

#[test]
fn qemu_spelling_with_run_and_serial() {
    let r = run(&["run", "-machine", "virt", "-serial", "mon:stdio", "-kernel", "X", "-smp", "cpus=4"]);
    assert_eq!(r.board.smp, 4);
    let r = run(&["-serial", "stdio", "-kernel", "X", "-append", "-quiet --foo"]);
    assert_eq!(r.append.as_deref(), Some("-quiet --foo"));
}

#[test]
fn unsupported_qemu_options_are_named() {
    let e = err(&["-kernel", "X", "-drive", "file=disk.img"]);
    assert!(e.contains("`-drive`"), "{e}");
    let e = err(&["-bios", "u-boot.bin"]);
    assert!(e.contains("`-bios`"), "{e}");
    let e = err(&["-kernel", "X", "-serial", "pty"]);
    assert!(e.contains("-serial pty"), "{e}");
    let e = err(&["run", "--kernel", "X", "--frobnicate"]);
    assert!(e.contains("--frobnicate"), "{e}");
}

#[test]
fn memory_sizes() {
    assert_eq!(parse_mem("512M"), Ok(512 * MIB));
    assert_eq!(parse_mem("1G"), Ok(GIB));
    assert_eq!(parse_mem("512"), Ok(512 * MIB), "a plain number is MiB, as in QEMU");
    assert_eq!(parse_mem("268435456B"), Ok(256 * MIB));
    assert_eq!(parse_mem("size=2G"), Ok(2 * GIB));
    assert_eq!(parse_mem("65536K"), Ok(64 * MIB));
    assert_eq!(parse_mem("16G"), Ok(16 * GIB));
    for bad in ["0", "0M", "17G", "1T", "1000B", "abc", "", "12Q", "-5M", "99999999999999999999G"] {
        assert!(parse_mem(bad).is_err(), "{bad} must be rejected");
    }
    assert!(err(&["-kernel", "X", "-m", "0"]).contains("must not be 0"));
    assert!(err(&["-kernel", "X", "-m", "32G"]).contains("16G"));
    assert!(err(&["-kernel", "X", "-m", "4097B"]).contains("4 KiB"));
}

#[test]
fn cpu_counts() {
    assert_eq!(parse_smp("1"), Ok(1));
    assert_eq!(parse_smp("8"), Ok(8));
    for bad in ["0", "9", "99", "x", "", "-1", "2,sockets=2"] {
        assert!(parse_smp(bad).is_err(), "{bad} must be rejected");
    }
    assert!(err(&["run", "--kernel", "X", "--smp", "0"]).contains("between 1 and 8"));
    assert!(err(&["run", "--kernel", "X", "--smp", "99"]).contains("between 1 and 8"));
}

#[test]
fn machines_and_cpus() {
    assert_eq!(parse_machine("virt"), Ok(MachineOpts { virtualization: false }));
    assert_eq!(parse_machine("virt,virtualization=on,gic-version=3"), Ok(MachineOpts { virtualization: true }));
    assert!(parse_machine("virt,gic-version=2").unwrap_err().contains("GICv3"));
    assert!(parse_machine("sbsa-ref").is_err());
    assert!(parse_machine("virt,secure=on").unwrap_err().contains("secure=on"));
    assert!(parse_cpu("cortex-a53").unwrap_err().contains("max"));
}

#[test]
fn trace_items() {
    assert!(err(&["run", "--kernel", "X", "-d", "int,bogus"]).contains("bogus"));
}

#[test]
fn missing_kernel_is_a_usage_error() {
    let e = parse(args(&["run"])).unwrap_err();
    assert_eq!(e.exit_code(), 2);
    assert!(e.to_string().contains("--kernel"));
}

#[test]
fn demo_and_bench() {
    match parse(args(&["demo", "-d", "int"])).unwrap().cmd {
        Command::Demo(d) => assert!(d.board.trace.unwrap().int),
        other => panic!("{other:?}"),
    }
    match parse(args(&["bench", "--image", "demo", "--qemu", "--runs", "2"])).unwrap().cmd {
        Command::Bench(b) => {
            assert_eq!(b.image.as_deref(), Some("demo"));
            assert!(b.qemu);
            assert_eq!(b.runs, 2);
            assert_eq!(b.engine, "interp");
        }
        other => panic!("{other:?}"),
    }
    assert!(parse(args(&["bench", "--engine", "jit"])).is_err());
    assert!(parse(args(&["bench", "--image", "a", "--kernel", "b"])).is_err());
}
