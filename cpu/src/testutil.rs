//! Test harness shared by the instruction tests: a PE with 1 MiB of RAM at 0x4000_0000,
//! code assembled with dynasmrt's aarch64 assembler, run until a `BRK` or a step limit.

use el2emu_mmu::GuestRam;

use crate::interp::Cpu;
use crate::platform::NullPlatform;
use crate::sysreg::Slot;

/// Where test code is loaded.
pub const CODE: u64 = 0x4000_0000;
/// A scratch data area tests may use.
pub const DATA: u64 = 0x4008_0000;
/// Vector base used by the harness for EL1 and EL2; the harness stops when PC reaches
/// it, so nothing needs to be loaded there.
pub const VBAR: u64 = 0x400F_0000;

/// Assemble aarch64 code: `asm!(ops; add x0, x1, x2; ...)` returns the bytes.
#[macro_export]
macro_rules! a64 {
    ($($t:tt)*) => {{
        use dynasmrt::DynasmLabelApi as _;
        let mut ops: dynasmrt::VecAssembler<dynasmrt::aarch64::Aarch64Relocation> = dynasmrt::VecAssembler::new(0);
        dynasmrt::dynasm!(ops ; .arch aarch64 $($t)*);
        ops.finalize().expect("assemble")
    }};
}

/// A PE at EL`el` with code at [`CODE`], stacks in the data area, FP/SIMD enabled, and
/// VBAR_EL1/VBAR_EL2 at [`VBAR`].
pub fn cpu_with_code(code: &[u8], el: u32) -> Cpu {
    let ram = GuestRam::new(CODE, 0x10_0000).expect("ram");
    assert!(ram.load(CODE, code));
    let mut cpu = Cpu::new(0, ram, crate::sysreg::id::MAX, el);
    cpu.s.pc = CODE;
    cpu.s.sp_el = [DATA + 0x1_0000, DATA + 0x2_0000, DATA + 0x3_0000];
    cpu.s.sys[Slot::VBAR_EL1 as usize] = VBAR;
    cpu.s.sys[Slot::VBAR_EL2 as usize] = VBAR;
    // FP/SIMD enabled at EL0/EL1 (CPACR_EL1.FPEN = 0b11), not trapped by CPTR_EL2.
    cpu.s.sys[Slot::CPACR_EL1 as usize] = 3 << 20;
    cpu.s.sys[Slot::CPTR_EL2 as usize] = 0x33ff & !(1 << 10);
    cpu
}

/// How a test run ended.
#[derive(Debug, PartialEq, Eq)]
pub enum End {
    /// A `BRK #imm` at the same EL was executed; PC is left at the vector.
    Brk(u16),
    /// Another exception was taken (PC reached the vector table); ESR of the target EL.
    Exception {
        /// Target EL.
        el: u32,
        /// ESR value.
        esr: u64,
    },
    /// The step limit was reached.
    Steps,
}

/// Run until an exception reaches the vector table or `max` steps pass.
pub fn run(cpu: &mut Cpu, max: usize) -> End {
    let mut plat = NullPlatform;
    for _ in 0..max {
        let _ = cpu.step(&mut plat);
        if cpu.s.pc & !0x7ff == VBAR {
            let el = cpu.s.el;
            let esr = if el == 2 { cpu.s.sys[Slot::ESR_EL2 as usize] } else { cpu.s.sys[Slot::ESR_EL1 as usize] };
            if esr >> 26 == crate::ec::BRK64 as u64 {
                return End::Brk((esr & 0xffff) as u16);
            }
            return End::Exception { el, esr };
        }
    }
    End::Steps
}

/// Load `code` on a PE at EL1 ([`cpu_with_code`]), let `setup` prepare it, and run it
/// for at most 1000 steps ([`run`]); returns the PE and how the run ended.
pub fn run_code(code: &[u8], setup: impl FnOnce(&mut Cpu)) -> (Cpu, End) {
    let mut cpu = cpu_with_code(code, 1);
    setup(&mut cpu);
    let end = run(&mut cpu, 1000);
    (cpu, end)
}

/// Assemble-free convenience: load `code`, run at EL1 until `BRK #0`, return the PE.
/// Panics (test failure) if the code ends any other way.
pub fn run_el1(code: &[u8]) -> Cpu {
    let mut cpu = cpu_with_code(code, 1);
    let end = run(&mut cpu, 100_000);
    assert_eq!(end, End::Brk(0), "test code did not reach BRK #0 (pc={:#x})", cpu.s.pc);
    cpu
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn harness_runs_to_brk() {
        let code = a64!(; b >skip ; brk 1 ; skip: ; brk 0);
        let cpu = run_el1(&code);
        assert_eq!(cpu.s.sys[Slot::ELR_EL1 as usize], CODE + 8);
    }

    #[test]
    fn undefined_instruction_is_reported() {
        let mut cpu = cpu_with_code(&0u32.to_le_bytes(), 1);
        assert_eq!(run(&mut cpu, 10), End::Exception { el: 1, esr: 1 << 25 });
    }
}
