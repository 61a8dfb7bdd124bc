//! ESR_ELx.ISS in words, for `-d int` (Arm ARM D17.2.37, "ISS encoding for an exception
//! from ..." for each EC).

use el2emu_cpu::exception::ExceptionType;
use el2emu_cpu::state::lines as line;
use el2emu_cpu::sysreg;
use el2emu_cpu::{ec, CpuState, Exception};
use el2emu_mmu::{Fault, FaultKind};

/// Bits `hi..=lo` of `v`.
fn bits(v: u32, hi: u32, lo: u32) -> u32 {
    (v >> lo) & ((1 << (hi - lo + 1)) - 1)
}

/// The exception in one phrase: its class and, for the common classes, the ISS.
pub fn describe(s: &CpuState, e: &Exception) -> String {
    match e.kind {
        ExceptionType::Irq => return if is_virtual(s, e) { "vIRQ".into() } else { "IRQ".into() },
        ExceptionType::Fiq => return if is_virtual(s, e) { "vFIQ".into() } else { "FIQ".into() },
        _ => {}
    }
    let name = ec::name(e.ec);
    let iss = e.iss;
    let detail = match e.ec {
        ec::DABT_LOWER | ec::DABT_SAME => Some(data_abort(iss, e.ipa.is_some())),
        ec::IABT_LOWER | ec::IABT_SAME => Some(instruction_abort(iss, e.ipa.is_some())),
        ec::SYSREG => Some(sysreg_access(iss)),
        ec::SVC64 | ec::HVC64 | ec::SMC64 | ec::BRK64 => Some(format!("#{:#x}", iss & 0xffff)),
        ec::WFX => Some(if iss & 1 == 0 { "WFI".to_string() } else { "WFE".to_string() }),
        ec::UNKNOWN | ec::ILLEGAL_STATE | ec::PC_ALIGN | ec::SP_ALIGN => None,
        _ if iss != 0 => Some(format!("ISS={iss:#x}")),
        _ => None,
    };
    match detail {
        Some(d) => format!("{name}: {d}"),
        None => name.to_string(),
    }
}

/// A virtual interrupt: taken to EL1 while HCR_EL2.IMO (FMO for FIQ) routes the
/// physical one to EL2, so what EL1 takes must be the virtual one (Arm ARM D1.13.3).
fn is_virtual(s: &CpuState, e: &Exception) -> bool {
    let h = s.sys[sysreg::Slot::HCR_EL2 as usize];
    let route = if e.kind == ExceptionType::Fiq { sysreg::hcr::FMO } else { sysreg::hcr::IMO };
    e.target_el == 1 && h & route != 0 && h & sysreg::hcr::TGE == 0
}

/// The names of the raised interrupt lines.
pub fn lines(l: u32) -> String {
    let names =
        [(line::IRQ, "IRQ"), (line::FIQ, "FIQ"), (line::VIRQ, "vIRQ"), (line::VFIQ, "vFIQ"), (line::SERROR, "SError")];
    let v: Vec<&str> = names.iter().filter(|(b, _)| l & b != 0).map(|(_, n)| *n).collect();
    if v.is_empty() {
        "none".into()
    } else {
        v.join("+")
    }
}

/// DFSC/IFSC in words, with the MMU crate's names ("translation fault, level 2").
pub fn fault_status(fsc: u32, stage2: bool) -> String {
    let level = (fsc & 3) as i8;
    let kind = match fsc {
        0b00_0000..=0b00_0011 => FaultKind::AddressSize,
        0b00_0100..=0b00_0111 => FaultKind::Translation,
        0b00_1000..=0b00_1011 => FaultKind::AccessFlag,
        0b00_1100..=0b00_1111 => FaultKind::Permission,
        0b01_0000 => FaultKind::External,
        0b01_0100..=0b01_0111 => FaultKind::ExternalOnWalk,
        0b10_0001 => FaultKind::Alignment,
        0b11_0000 => return "TLB conflict abort".into(),
        _ => return format!("fault status {fsc:#04x}"),
    };
    let f = if stage2 { Fault::s2(kind, level, 0, false) } else { Fault::s1(kind, level) };
    f.describe()
}

/// Data abort ISS: DFSC, WnR, S1PTW, CM, and with ISV the access size and register.
fn data_abort(iss: u32, stage2: bool) -> String {
    let mut d = fault_status(bits(iss, 5, 0), stage2);
    let write = iss & (1 << 6) != 0;
    let cm = iss & (1 << 8) != 0;
    if cm {
        d.push_str(", cache maintenance");
    } else if iss & (1 << 24) != 0 {
        // ISV: SAS (23:22) size, SRT (20:16) register, SF (15) 64-bit register.
        let bytes = 1u32 << bits(iss, 23, 22);
        let bytes = if bytes == 1 { "1 byte".to_string() } else { format!("{bytes} bytes") };
        let srt = bits(iss, 20, 16);
        let reg = if srt == 31 {
            "xzr".to_string()
        } else if iss & (1 << 15) != 0 {
            format!("x{srt}")
        } else {
            format!("w{srt}")
        };
        if write {
            d.push_str(&format!(", write of {bytes} from {reg} (ISV)"));
        } else {
            d.push_str(&format!(", read of {bytes} into {reg} (ISV)"));
        }
    } else {
        d.push_str(if write { ", write" } else { ", read" });
    }
    if iss & (1 << 7) != 0 {
        d.push_str(", on a stage 1 table walk (S1PTW)");
    }
    d
}

/// Instruction abort ISS: IFSC and S1PTW.
fn instruction_abort(iss: u32, stage2: bool) -> String {
    let mut d = fault_status(bits(iss, 5, 0), stage2);
    if iss & (1 << 7) != 0 {
        d.push_str(", on a stage 1 table walk (S1PTW)");
    }
    d
}

/// EC 0x18 ISS: Op0 (21:20), Op2 (19:17), Op1 (16:14), CRn (13:10), Rt (9:5),
/// CRm (4:1), Direction (0: 1 = read, MRS).
fn sysreg_access(iss: u32) -> String {
    let (op0, op2, op1, crn, rt, crm) =
        (bits(iss, 21, 20), bits(iss, 19, 17), bits(iss, 16, 14), bits(iss, 13, 10), bits(iss, 9, 5), bits(iss, 4, 1));
    let key = sysreg::key(op0, op1, crn, crm, op2);
    let name = sysreg::lookup(key).map(|d| d.name.to_string()).unwrap_or_else(|| sysreg::key_name(key));
    let enc = format!("{op0},{op1},C{crn},C{crm},{op2}");
    let reg = if rt == 31 { "xzr".to_string() } else { format!("x{rt}") };
    if iss & 1 != 0 {
        format!("read of {name} ({enc}) into {reg}")
    } else {
        format!("write of {name} ({enc}) from {reg}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sync(ec: u32, iss: u32) -> Exception {
        Exception { kind: ExceptionType::Sync, target_el: 1, ec, iss, far: None, ipa: None, return_pc: 0 }
    }

    #[test]
    fn fault_names() {
        assert_eq!(fault_status(0b000110, false), "translation fault, level 2");
        assert_eq!(fault_status(0b001111, true), "stage 2 permission fault, level 3");
        assert_eq!(fault_status(0b010000, false), "synchronous external abort");
        assert_eq!(fault_status(0b100001, false), "alignment fault");
        assert_eq!(fault_status(0b111111, false), "fault status 0x3f");
    }

    #[test]
    fn data_abort_without_isv() {
        let s = CpuState::new(1);
        let d = describe(&s, &sync(ec::DABT_SAME, 0b000111));
        assert_eq!(d, "Data abort, same EL: translation fault, level 3, read");
        let d = describe(&s, &sync(ec::DABT_SAME, (1 << 7) | (1 << 6) | 0b001001));
        assert_eq!(d, "Data abort, same EL: access flag fault, level 1, write, on a stage 1 table walk (S1PTW)");
    }

    #[test]
    fn data_abort_with_isv_read_w_register() {
        let s = CpuState::new(1);
        let d = describe(&s, &sync(ec::DABT_SAME, (1 << 24) | (5 << 16) | 0b010000));
        assert_eq!(d, "Data abort, same EL: synchronous external abort, read of 1 byte into w5 (ISV)");
    }

    #[test]
    fn sysreg_trap_names_the_register() {
        let s = CpuState::new(1);
        // MRS x2, SCTLR_EL1: op0=3 op1=0 CRn=1 CRm=0 op2=0, read.
        let iss = (3 << 20) | (1 << 10) | (2 << 5) | 1;
        assert_eq!(
            describe(&s, &sync(ec::SYSREG, iss)),
            "MSR/MRS/system instruction trapped: read of SCTLR_EL1 (3,0,C1,C0,0) into x2"
        );
    }

    #[test]
    fn calls_and_wfx() {
        let s = CpuState::new(1);
        assert_eq!(describe(&s, &sync(ec::SVC64, 0x42)), "SVC: #0x42");
        assert_eq!(describe(&s, &sync(ec::WFX, 1)), "WFI/WFE trapped: WFE");
        assert_eq!(describe(&s, &sync(ec::UNKNOWN, 0)), "Unknown reason (UNDEFINED instruction)");
    }

    #[test]
    fn interrupts() {
        let mut s = CpuState::new(2);
        s.lines = line::IRQ;
        let irq = Exception { kind: ExceptionType::Irq, target_el: 2, ..sync(0, 0) };
        assert_eq!(describe(&s, &irq), "IRQ");
        s.el = 1;
        s.lines = line::VIRQ;
        s.sys[sysreg::Slot::HCR_EL2 as usize] |= sysreg::hcr::IMO;
        let virq = Exception { kind: ExceptionType::Irq, target_el: 1, ..sync(0, 0) };
        assert_eq!(describe(&s, &virq), "vIRQ");
        assert_eq!(lines(line::IRQ | line::VIRQ), "IRQ+vIRQ");
        assert_eq!(lines(0), "none");
    }
}
