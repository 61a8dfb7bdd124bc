//! el2emu-vmm: the el2emu project's nested-guest VMM. It runs inside an L1 Linux (booted at
//! EL2 with KVM by el2emu, or by QEMU as the reference) and drives /dev/kvm to run L2 guests:
//!
//!   el2emu-vmm baremetal [--exits N] [--timing]
//!   el2emu-vmm linux --kernel FILE [--initrd FILE] [--append STR] [--mem MIB]

mod baremetal;
mod dtb;
mod guest;
mod image;
mod kvm;
mod linux;
mod memory;
mod mmio;
mod pl011;
mod vcpu;

use std::process::ExitCode;

const USAGE: &str = "usage:
  el2emu-vmm baremetal [--exits N] [--timing]
  el2emu-vmm linux --kernel FILE [--initrd FILE] [--append STR] [--mem MIB]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("baremetal") => parse_baremetal(&args[1..])
            .and_then(|o| baremetal::run(&o).map_err(|e| format!("nested-baremetal: error: {e}"))),
        Some("linux") => {
            parse_linux(&args[1..]).and_then(|o| linux::run(&o).map_err(|e| format!("nested-linux: error: {e}")))
        }
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(msg) => {
            eprintln!("{msg}");
            ExitCode::from(2)
        }
    }
}

fn value<'a>(args: &mut impl Iterator<Item = &'a String>, flag: &str) -> Result<&'a String, String> {
    args.next().ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))
}

fn number(s: &str, flag: &str) -> Result<u64, String> {
    let parsed = match s.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16),
        None => s.parse(),
    };
    parsed.map_err(|_| format!("{flag}: not a number: {s}"))
}

fn parse_baremetal(args: &[String]) -> Result<baremetal::Options, String> {
    let mut o = baremetal::Options { exits: 100_000, timing: false };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--exits" => o.exits = number(value(&mut it, a)?, a)?,
            "--timing" => o.timing = true,
            _ => return Err(format!("unknown argument {a}\n{USAGE}")),
        }
    }
    Ok(o)
}

fn parse_linux(args: &[String]) -> Result<linux::Options, String> {
    let mut o =
        linux::Options { kernel: String::new(), initrd: None, append: "console=ttyAMA0".to_string(), mem_mib: 256 };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--kernel" => o.kernel = value(&mut it, a)?.clone(),
            "--initrd" => o.initrd = Some(value(&mut it, a)?.clone()),
            "--append" => o.append = value(&mut it, a)?.clone(),
            "--mem" => o.mem_mib = number(value(&mut it, a)?, a)?,
            _ => return Err(format!("unknown argument {a}\n{USAGE}")),
        }
    }
    if o.kernel.is_empty() {
        return Err(format!("linux: --kernel is required\n{USAGE}"));
    }
    Ok(o)
}
