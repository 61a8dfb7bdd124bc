//! Full guest exits: decoded from ESR_EL2 and dispatched through a table
//! indexed by the exception class (KVM: `arm_exit_handlers[]`).
//!
//! ESR_EL2 layout (Arm ARM, register description "ESR_EL2"): EC [31:26], IL [25], ISS [24:0].

use crate::console::CONSOLE_IPA;
use crate::vcpu::Vcpu;

pub const EC_WFX: usize = 0x01;
pub const EC_FP_ASIMD: usize = 0x07;
pub const EC_HVC64: usize = 0x16;
pub const EC_SMC64: usize = 0x17;
pub const EC_DABT_LOW: usize = 0x24;

/// ESR_ELx.EC, bits [31:26].
pub fn esr_ec(esr: u64) -> usize {
    ((esr >> 26) & 0x3f) as usize
}

/// ESR_ELx.IL, bit 25: 1 = the trapped instruction is 32 bits long.
fn esr_il32(esr: u64) -> bool {
    esr & (1 << 25) != 0
}

/// What the host must do after an exit handler ran.
pub enum Action {
    /// Handled; re-enter the same vCPU.
    Resume,
    /// HVC #1: the guest yields the CPU to the other guest.
    Yield,
    /// Trapped WFI: the vCPU has nothing to do; the host runs meanwhile.
    Idle,
    /// Store to an emulated device (KVM_EXIT_MMIO, write).
    MmioWrite { ipa: u64, size: u64, value: u64, srt: usize },
    /// Load from an emulated device (KVM_EXIT_MMIO, read); the result goes to Xsrt.
    MmioRead { ipa: u64, size: u64, srt: usize, sign_extend: bool, sf: bool },
    /// HVC #2: print a number.
    Print(u64),
    /// HVC #3: the guest reports check number `check`; `result` 0 = PASS,
    /// otherwise 1 + index of the first mismatching 64-bit word.
    Report { check: u64, result: u64 },
    /// HVC #4: the guest finished.
    Done,
    /// HVC #5: the guest took an unexpected exception at EL1.
    GuestException { esr: u64, elr: u64, vector: u64 },
}

/// A full-exit handler.
pub type ExitHandler = fn(&mut Vcpu, u64) -> Action;

const fn exit_handlers() -> [Option<ExitHandler>; 64] {
    let mut t: [Option<ExitHandler>; 64] = [None; 64];
    t[EC_WFX] = Some(handle_wfx as ExitHandler);
    // EC_FP_ASIMD is resolved at EL2 (switch::fixup_guest_exit) and never
    // reaches the host; if it did, it would be reported as unexpected.
    t[EC_HVC64] = Some(handle_hvc64 as ExitHandler);
    t[EC_SMC64] = Some(handle_smc64 as ExitHandler);
    t[EC_DABT_LOW] = Some(handle_dabt_low as ExitHandler);
    t
}

/// Exit handlers indexed by ESR_EL2.EC.
static EXIT_HANDLERS: [Option<ExitHandler>; 64] = exit_handlers();

/// `handle_exit`: dispatch a full exit of `vcpu` (code from switch::vcpu_run).
pub fn handle_exit(vcpu: &mut Vcpu, code: u64) -> Action {
    let esr = vcpu.fault.esr;
    if code != crate::switch::EXIT_SYNC {
        const KIND: [&str; 4] = ["synchronous", "IRQ", "FIQ", "SError"];
        println!("hyp: vcpu{} unexpected {} exit", vcpu.id, KIND[((code - 1) & 3) as usize]);
        unexpected(vcpu, esr);
    }
    match EXIT_HANDLERS[esr_ec(esr)] {
        Some(handler) => handler(vcpu, esr),
        None => unexpected(vcpu, esr),
    }
}

/// Advances the guest PC past the trapped 32-bit instruction.
fn skip_instruction(vcpu: &mut Vcpu, esr: u64) {
    if !esr_il32(esr) {
        println!("hyp: vcpu{} trapped a 16-bit instruction (IL=0)", vcpu.id);
        unexpected(vcpu, esr);
    }
    vcpu.regs.pc += 4;
}

/// EC 0x01, WFI/WFE trapped by HCR_EL2.TWI/TWE. ISS.TI, bit 0: 0 = WFI
/// (Arm ARM "ESR_EL2", "ISS encoding for an exception from a WF* instruction").
/// The preferred return address is the WFx itself, so the PC is advanced.
fn handle_wfx(vcpu: &mut Vcpu, esr: u64) -> Action {
    skip_instruction(vcpu, esr);
    if esr & 1 == 0 {
        Action::Idle
    } else {
        Action::Resume
    }
}

/// EC 0x16, HVC from AArch64: ISS[15:0] is the immediate; ELR_EL2 already
/// points after the HVC (its preferred return address is the next instruction).
fn handle_hvc64(vcpu: &mut Vcpu, esr: u64) -> Action {
    let r = &vcpu.regs;
    match esr & 0xffff {
        1 => Action::Yield,
        2 => Action::Print(r.x[1]),
        3 => Action::Report { check: r.x[1], result: r.x[2] },
        4 => {
            vcpu.checks = r.x[1];
            vcpu.fails = r.x[2];
            Action::Done
        }
        5 => Action::GuestException { esr: r.x[1], elr: r.x[2], vector: r.x[3] },
        _ => {
            vcpu.regs.x[0] = u64::MAX; // SMCCC NOT_SUPPORTED (-1)
            Action::Resume
        }
    }
}

/// EC 0x17, SMC trapped by HCR_EL2.TSC: the preferred return address is the
/// SMC itself. Guests get no PSCI here: answer NOT_SUPPORTED.
fn handle_smc64(vcpu: &mut Vcpu, esr: u64) -> Action {
    skip_instruction(vcpu, esr);
    vcpu.regs.x[0] = u64::MAX;
    Action::Resume
}

/// EC 0x24, data abort from a lower EL: a stage-2 fault on the unmapped
/// console page, decoded like a VMM's MMIO exit (Arm ARM "ESR_EL2",
/// "ISS encoding for an exception from a Data Abort"):
/// ISV [24] syndrome valid, SAS [23:22] log2 size, SSE [21] sign extend,
/// SRT [20:16] register, SF [15] 64-bit register, WnR [6] write, DFSC [5:0].
fn handle_dabt_low(vcpu: &mut Vcpu, esr: u64) -> Action {
    let isv = esr & (1 << 24) != 0;
    let sas = (esr >> 22) & 3;
    let sse = esr & (1 << 21) != 0;
    let srt = ((esr >> 16) & 0x1f) as usize;
    let sf = esr & (1 << 15) != 0;
    let wnr = esr & (1 << 6) != 0;
    let dfsc = esr & 0x3f;
    // HPFAR_EL2.FIPA [43:4] = IPA[51:12] of the faulting stage-2 access
    // (Arm ARM, register description "HPFAR_EL2"); the page offset comes from FAR_EL2.
    let ipa = ((vcpu.fault.hpfar & 0x0000_0fff_ffff_fff0) << 8) | (vcpu.fault.far & 0xfff);

    // DFSC 0b0001LL: translation fault at level LL.
    if !isv || dfsc & 0x3c != 0x04 || ipa & !0xfff != CONSOLE_IPA {
        println!(
            "hyp: vcpu{} data abort not emulatable (ISV={}, DFSC={:#04x}, IPA={:#x})",
            vcpu.id, isv as u8, dfsc, ipa
        );
        unexpected(vcpu, esr);
    }
    skip_instruction(vcpu, esr);
    let size = 1u64 << sas;
    if wnr {
        let mask = if size == 8 { u64::MAX } else { (1u64 << (8 * size)) - 1 };
        Action::MmioWrite { ipa, size, value: vcpu.regs.get(srt) & mask, srt }
    } else {
        Action::MmioRead { ipa, size, srt, sign_extend: sse, sf }
    }
}

/// Names of the exception classes (Arm ARM "ESR_EL2", field EC).
const EC_NAMES: [&str; 64] = {
    let mut n = ["unallocated"; 64];
    n[0x00] = "unknown reason";
    n[0x01] = "WFI/WFE";
    n[0x03] = "MCR/MRC (cp15)";
    n[0x04] = "MCRR/MRRC (cp15)";
    n[0x05] = "MCR/MRC (cp14)";
    n[0x06] = "LDC/STC";
    n[0x07] = "FP/SIMD access";
    n[0x0c] = "MRRC (cp14)";
    n[0x0d] = "branch target";
    n[0x0e] = "illegal execution state";
    n[0x11] = "SVC (AArch32)";
    n[0x12] = "HVC (AArch32)";
    n[0x13] = "SMC (AArch32)";
    n[0x15] = "SVC (AArch64)";
    n[0x16] = "HVC (AArch64)";
    n[0x17] = "SMC (AArch64)";
    n[0x18] = "MSR/MRS/system instruction";
    n[0x19] = "SVE access";
    n[0x1a] = "ERET";
    n[0x1c] = "pointer authentication failure";
    n[0x1d] = "SME access";
    n[0x20] = "instruction abort (lower EL)";
    n[0x21] = "instruction abort (same EL)";
    n[0x22] = "PC alignment";
    n[0x24] = "data abort (lower EL)";
    n[0x25] = "data abort (same EL)";
    n[0x26] = "SP alignment";
    n[0x28] = "FP exception (AArch32)";
    n[0x2c] = "FP exception (AArch64)";
    n[0x2f] = "SError";
    n[0x30] = "breakpoint (lower EL)";
    n[0x31] = "breakpoint (same EL)";
    n[0x32] = "software step (lower EL)";
    n[0x33] = "software step (same EL)";
    n[0x34] = "watchpoint (lower EL)";
    n[0x35] = "watchpoint (same EL)";
    n[0x38] = "BKPT (AArch32)";
    n[0x3c] = "BRK (AArch64)";
    n
};

/// Prints an exception syndrome with the fault address registers.
pub fn dump_fault(esr: u64, elr: u64, far: u64, hpfar: u64) {
    let ec = esr_ec(esr);
    println!(
        "hyp:   EC {:#04x} ({}), ESR_EL2 {:#010x} (IL {}, ISS {:#08x})",
        ec,
        EC_NAMES[ec],
        esr,
        (esr >> 25) & 1,
        esr & 0x1ff_ffff
    );
    println!("hyp:   ELR_EL2 {:#x}, FAR_EL2 {:#x}, HPFAR_EL2 {:#x}", elr, far, hpfar);
}

/// An exit no handler accepts: report it and power off.
pub fn unexpected(vcpu: &Vcpu, esr: u64) -> ! {
    println!("hyp: vcpu{} unexpected exit, EC {:#04x} ({})", vcpu.id, esr_ec(esr), EC_NAMES[esr_ec(esr)]);
    dump_fault(esr, vcpu.regs.pc, vcpu.fault.far, vcpu.fault.hpfar);
    crate::psci::fail("unexpected guest exit")
}
