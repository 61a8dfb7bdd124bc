//! `-d` tracing: what the PEs do, in words a student can read.
//!
//! - `int`: one line per exception taken: the PE's retired-instruction count, the PE,
//!   from-EL -> to-EL, the exception class (Arm ARM D17.2.37 ESR_ELx) and its ISS
//!   decoded ([`crate::iss`]), ELR and, when written, FAR and HPFAR;
//! - `cpu`: the general registers at each exception;
//! - `in_asm`: each executed instruction disassembled (capstone);
//! - `exec`: the PC of each executed instruction.
//!
//! Every line derives from guest state only (no host time, no host addresses), so two
//! runs of the same image give byte-identical logs.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Write;
use std::rc::Rc;

use anyhow::{bail, Result};
use capstone::arch::arm64::ArchMode;
use capstone::arch::BuildsCapstone;
use capstone::Capstone;
use el2emu_cpu::exception::ExceptionType;
use el2emu_cpu::{CpuState, Exception, Tracer};

use crate::iss;

/// Which `-d` items are on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TraceFlags {
    /// `int`: exceptions.
    pub int: bool,
    /// `in_asm`: disassembly.
    pub in_asm: bool,
    /// `exec`: PCs.
    pub exec: bool,
    /// `cpu`: registers at exceptions.
    pub cpu: bool,
}

/// The `-d` items el2emu knows, for messages.
pub const ITEMS: &str = "int, in_asm, exec, cpu";

impl TraceFlags {
    /// Parse a comma-separated `-d` list (QEMU's spelling).
    pub fn parse(list: &str) -> Result<Self> {
        let mut f = TraceFlags::default();
        for item in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            match item {
                "int" => f.int = true,
                "in_asm" => f.in_asm = true,
                "exec" => f.exec = true,
                "cpu" => f.cpu = true,
                other => bail!("unknown -d item `{other}` (el2emu knows: {ITEMS})"),
            }
        }
        Ok(f)
    }

    /// Whether anything is traced.
    pub fn any(&self) -> bool {
        self.int || self.in_asm || self.exec || self.cpu
    }
}

/// Where trace lines go (`-D FILE` or stderr), shared by the PEs' tracers.
pub type LogSink = Rc<RefCell<Box<dyn Write>>>;

/// Make a sink from a writer.
pub fn sink(w: Box<dyn Write>) -> LogSink {
    Rc::new(RefCell::new(w))
}

/// The tracer of one PE.
pub struct Trace {
    flags: TraceFlags,
    out: LogSink,
    cs: Option<Capstone>,
    /// Disassembly by (PC, word): the text of PC-relative instructions depends on PC.
    asm: HashMap<(u64, u32), String>,
}

impl Trace {
    /// A tracer for `flags` writing to `out`.
    pub fn new(flags: TraceFlags, out: LogSink) -> Result<Self> {
        let cs = if flags.in_asm {
            match Capstone::new().arm64().mode(ArchMode::Arm).build() {
                Ok(cs) => Some(cs),
                Err(e) => bail!("cannot start the capstone disassembler: {e}"),
            }
        } else {
            None
        };
        Ok(Trace { flags, out, cs, asm: HashMap::new() })
    }

    fn line(&self, text: std::fmt::Arguments) {
        // A failing log (disk full, closed pipe) must not stop the guest.
        let _ = writeln!(self.out.borrow_mut(), "{text}");
    }

    fn disassemble(&mut self, pc: u64, insn: u32) -> &str {
        let cs = self.cs.as_ref();
        self.asm.entry((pc, insn)).or_insert_with(|| {
            let text = cs.and_then(|cs| {
                let insns = cs.disasm_count(&insn.to_le_bytes(), pc, 1).ok()?;
                let i = insns.iter().next()?;
                Some(format!("{} {}", i.mnemonic().unwrap_or(""), i.op_str().unwrap_or("")).trim_end().to_string())
            });
            text.unwrap_or_else(|| format!(".inst {insn:#010x} (undefined)"))
        })
    }
}

impl Tracer for Trace {
    fn exception(&mut self, cpu: u32, s: &CpuState, e: &Exception) {
        if self.flags.int {
            self.line(format_args!("{}", exception_line(cpu, s, e)));
        }
        if self.flags.cpu {
            self.line(format_args!("{}", registers(cpu, s)));
        }
    }

    fn insn(&mut self, cpu: u32, s: &CpuState, insn: u32) {
        if self.flags.exec {
            self.line(format_args!("cpu{cpu} EL{} exec {:#x}", s.el, s.pc));
        }
        if self.flags.in_asm {
            let (pc, el) = (s.pc, s.el);
            let text = self.disassemble(pc, insn).to_string();
            self.line(format_args!("cpu{cpu} EL{el} {pc:#x}: {insn:08x}  {text}"));
        }
    }

    fn wants_insns(&self) -> bool {
        self.flags.exec || self.flags.in_asm
    }
}

/// The `-d int` line for exception `e` taken by PE `cpu` in state `s` (before entry).
pub fn exception_line(cpu: u32, s: &CpuState, e: &Exception) -> String {
    let mut l = format!("[{:>9}] cpu{cpu} EL{} -> EL{}  {}", s.icount, s.el, e.target_el, iss::describe(s, e));
    l.push_str(&format!("  ELR={:#x}", e.return_pc));
    if let Some(far) = e.far {
        l.push_str(&format!(" FAR={far:#x}"));
    }
    if let Some(ipa) = e.ipa {
        // HPFAR_EL2 as the guest reads it holds IPA[51:12] in bits 43:4; shown here as
        // the page address it names, which is what a reader compares with FAR.
        l.push_str(&format!(" HPFAR={:#x}", ipa & !0xfff));
    }
    if e.kind == ExceptionType::Irq || e.kind == ExceptionType::Fiq {
        l.push_str(&format!(" lines={}", iss::lines(s.lines)));
    }
    l
}

/// The `-d cpu` register dump.
pub fn registers(cpu: u32, s: &CpuState) -> String {
    let mut out = String::new();
    for (i, x) in s.x.iter().enumerate() {
        if i % 4 == 0 {
            out.push_str(&format!("cpu{cpu}"));
        }
        out.push_str(&format!(" X{i:02}={x:016x}"));
        if i % 4 == 3 {
            out.push('\n');
        }
    }
    out.push_str(&format!(
        "\ncpu{cpu} SP_EL0={:016x} SP_EL1={:016x} SP_EL2={:016x}\ncpu{cpu} PC={:016x} NZCV={:x} DAIF={:x} EL{} SP{}",
        s.sp_el[0],
        s.sp_el[1],
        s.sp_el[2],
        s.pc,
        s.nzcv >> 28,
        (s.daif >> 6) & 0xf,
        s.el,
        if s.spsel == 0 { "_EL0" } else { "_ELx" }
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use el2emu_cpu::ec;

    #[test]
    fn flags_parse() {
        let f = TraceFlags::parse("int,in_asm").unwrap();
        assert!(f.int && f.in_asm && !f.exec && !f.cpu);
        assert!(TraceFlags::parse("cpu,exec").unwrap().any());
        assert!(!TraceFlags::parse("").unwrap().any());
        let e = TraceFlags::parse("int,mmu").unwrap_err().to_string();
        assert!(e.contains("`mmu`"), "{e}");
    }

    #[test]
    fn exception_line_format() {
        let mut s = el2emu_cpu::CpuState::new(2);
        s.el = 1;
        s.icount = 1234;
        // Data abort, ISV, SAS=word, SRT=3, SF (64-bit register), WnR, stage-2
        // translation fault level 1.
        let iss = (1 << 24) | (2 << 22) | (3 << 16) | (1 << 15) | (1 << 6) | 0b000101;
        let e = Exception {
            kind: ExceptionType::Sync,
            target_el: 2,
            ec: ec::DABT_LOWER,
            iss,
            far: Some(0x900_0000),
            ipa: Some(0x900_0000),
            return_pc: 0x4000_1000,
        };
        assert_eq!(
            exception_line(0, &s, &e),
            "[     1234] cpu0 EL1 -> EL2  Data abort from a lower EL: stage 2 translation fault, level 1, \
             write of 4 bytes from x3 (ISV)  ELR=0x40001000 FAR=0x9000000 HPFAR=0x9000000"
        );
    }

    #[test]
    fn disassembles_with_capstone() {
        let mut t = Trace::new(TraceFlags { in_asm: true, ..Default::default() }, sink(Box::new(Vec::new()))).unwrap();
        assert_eq!(t.disassemble(0x4000_0000, 0xd280_0020), "mov x0, #1");
        assert_eq!(t.disassemble(0x4000_0000, 0xd503_201f), "nop");
        assert!(t.disassemble(0x4000_0000, 0).contains("udf") || t.disassemble(0x4000_0000, 0).contains(".inst"));
    }

    #[test]
    fn register_dump_has_all_registers() {
        let s = el2emu_cpu::CpuState::new(1);
        let r = registers(1, &s);
        assert!(r.starts_with("cpu1 X00=") && r.contains(" X30=") && r.contains("PC=") && r.contains("EL1"));
        assert_eq!(r.lines().count(), 10, "{r}");
    }
}
