//! Whole-machine runs of tiny programs: UART output, PSCI SYSTEM_OFF, and identical
//! `-d int` logs across runs.

use std::path::PathBuf;
use std::process::{Command, Output};

use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};
use el2emu::machine::serial::SharedBuf;
use el2emu::machine::{Machine, MachineConfig, StopReason};

/// Assemble aarch64 code.
macro_rules! a64 {
    ($($t:tt)*) => {{
        let mut ops: dynasmrt::VecAssembler<dynasmrt::aarch64::Aarch64Relocation> = dynasmrt::VecAssembler::new(0);
        dynasm!(ops ; .arch aarch64 $($t)*);
        ops.finalize().expect("assemble")
    }};
}

/// Where the test programs are linked (2 MiB into RAM, clear of the DTB at RAM base).
const LOAD: u64 = 0x4020_0000;

/// Offset of the message from [`LOAD`].
const MSG: u64 = 0x400;
/// Offset of the EL2 vector table (2 KiB aligned, VBAR_EL2.VBA).
const VECTORS: u64 = 0x800;

/// Print "hello\n" on the PL011, make an HVC to EL2 itself (which shows in `-d int`;
/// the handler at VBAR_EL2 + 0x200 is a bare ERET), and power off through PSCI
/// (SMC, as the DTB says when booting at EL2).
fn hello() -> Vec<u8> {
    let base = (LOAD >> 16) as u32;
    let mut code = a64!(
        ; movz x0, base, lsl 16
        ; movk x0, VECTORS as u32
        ; .u32 0xd51c_c000                 // msr vbar_el2, x0
        ; movz x1, 0x0900, lsl 16          // x1 = PL011 base
        ; movz x2, base, lsl 16
        ; movk x2, MSG as u32              // x2 = message
        ; loop_:
        ; ldrb w3, [x2], 1
        ; cbz w3, >done
        ; str w3, [x1]                     // UARTDR
        ; b <loop_
        ; done:
        ; hvc 0x42
        ; movz x0, 0x0008
        ; movk x0, 0x8400, lsl 16          // PSCI SYSTEM_OFF
        ; smc 0
        ; b <done
    );
    assert!(code.len() as u64 <= MSG);
    code.resize(MSG as usize, 0);
    code.extend_from_slice(b"hello\n\0");
    code.resize((VECTORS + 0x200) as usize, 0);
    code.extend_from_slice(&0xd69f_03e0u32.to_le_bytes()); // eret
    code
}

fn elf(code: &[u8]) -> Vec<u8> {
    el2emu::loader::elf::build(LOAD, code, 0)
}

fn temp(name: &str, data: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("el2emu-smoke-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, data).unwrap();
    p
}

fn el2emu(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_el2emu")).args(args).output().expect("run el2emu")
}

#[test]
fn hello_in_process() {
    let out = SharedBuf::default();
    let cfg = MachineConfig { el2: true, ..MachineConfig::default() };
    let mut m = Machine::new(cfg, &elf(&hello()), None, Box::new(out.clone())).unwrap();
    let o = m.run().unwrap();
    assert_eq!(o.reason, StopReason::PowerOff);
    assert_eq!(String::from_utf8_lossy(&out.contents()), "hello\n");
    assert!(o.insns > 20 && o.insns < 200, "{o:?}");
}

#[test]
fn hello_binary_exits_0() {
    let k = temp("hello.elf", &elf(&hello()));
    let out = el2emu(&["-M", "virt,virtualization=on", "-nographic", "-kernel", k.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "stderr: {err}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "hello\n");
    assert!(!err.contains("panicked"));
}

#[test]
fn int_logs_of_two_runs_are_identical() {
    let k = temp("hello-int.elf", &elf(&hello()));
    let logs: Vec<String> = (0..2)
        .map(|i| {
            let log = temp(&format!("int{i}.log"), b"");
            let out = el2emu(&[
                "run",
                "--machine",
                "virt,virtualization=on",
                "--kernel",
                k.to_str().unwrap(),
                "-d",
                "int,cpu",
                "-D",
                log.to_str().unwrap(),
            ]);
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            std::fs::read_to_string(log).unwrap()
        })
        .collect();
    assert!(logs[0].contains("HVC: #0x42"), "log: {}", logs[0]);
    assert_eq!(logs[0], logs[1]);
}

#[test]
fn max_insns_stops_with_status_0() {
    let spin = a64!(; spin: ; b <spin);
    let k = temp("spin.elf", &elf(&spin));
    let out = el2emu(&["run", "--kernel", k.to_str().unwrap(), "--max-insns", "12345"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("stopped after 12345 instructions"), "{err}");
}

#[test]
fn wfi_forever_is_a_clear_error() {
    let sleep = a64!(; sleep: ; wfi ; b <sleep);
    let k = temp("sleep.elf", &elf(&sleep));
    let out = el2emu(&["run", "--kernel", k.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("asleep forever"), "{err}");
}

/// Echo UART input to UART output until a newline, then power off. Polls UARTFR.RXFE.
fn echo() -> Vec<u8> {
    a64!(
        ; movz x1, 0x0900, lsl 16          // x1 = PL011 base
        ; wait:
        ; ldr w4, [x1, 0x18]               // UARTFR
        ; tbnz w4, 4, <wait                // RXFE: receive FIFO empty
        ; ldr w3, [x1]                     // UARTDR
        ; and w3, w3, 0xff
        ; str w3, [x1]
        ; cmp w3, 10
        ; b.ne <wait
        ; movz x0, 0x0008
        ; movk x0, 0x8400, lsl 16          // PSCI SYSTEM_OFF
        ; hvc 0                            // EL1 boot: the conduit is HVC
    )
}

#[test]
fn scripted_input_is_delivered_and_stamped() {
    use el2emu::machine::serial::ScriptedInput;
    let out = SharedBuf::default();
    let cfg = MachineConfig { el2: false, ..MachineConfig::default() };
    let mut m = Machine::new(cfg, &elf(&echo()), None, Box::new(out.clone())).unwrap();
    m.set_input(Box::new(ScriptedInput(b"abc\n".iter().copied().collect())));
    assert_eq!(m.run().unwrap().reason, StopReason::PowerOff);
    assert_eq!(out.contents(), b"abc\n");
    let bytes: Vec<u8> = m.input_log.iter().map(|d| d.byte).collect();
    assert_eq!(bytes, b"abc\n");
    assert!(m.input_log.windows(2).all(|w| w[0].vtime <= w[1].vtime));
}

#[test]
fn stdin_pipe_reaches_the_guest() {
    use std::io::Write;
    use std::process::Stdio;
    let k = temp("echo.elf", &elf(&echo()));
    let mut child = Command::new(env!("CARGO_BIN_EXE_el2emu"))
        .args(["run", "--kernel", k.to_str().unwrap()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"typed\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.stdout, b"typed\n");
}
