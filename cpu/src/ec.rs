//! Exception classes (ESR_ELx.EC, Arm ARM D17.2.37) with the names used in `-d int`.

#![allow(missing_docs)]

pub const UNKNOWN: u32 = 0x00;
pub const WFX: u32 = 0x01;
pub const FP_ACCESS: u32 = 0x07;
pub const ILLEGAL_STATE: u32 = 0x0e;
pub const SVC64: u32 = 0x15;
pub const HVC64: u32 = 0x16;
pub const SMC64: u32 = 0x17;
pub const SYSREG: u32 = 0x18;
pub const IABT_LOWER: u32 = 0x20;
pub const IABT_SAME: u32 = 0x21;
pub const PC_ALIGN: u32 = 0x22;
pub const DABT_LOWER: u32 = 0x24;
pub const DABT_SAME: u32 = 0x25;
pub const SP_ALIGN: u32 = 0x26;
pub const SERROR: u32 = 0x2f;
pub const BKPT_LOWER: u32 = 0x30;
pub const BKPT_SAME: u32 = 0x31;
pub const SS_LOWER: u32 = 0x32;
pub const SS_SAME: u32 = 0x33;
pub const WATCH_LOWER: u32 = 0x34;
pub const WATCH_SAME: u32 = 0x35;
pub const BRK64: u32 = 0x3c;

/// The Arm ARM's short description of an EC, for people reading traces.
pub fn name(ec: u32) -> &'static str {
    match ec {
        UNKNOWN => "Unknown reason (UNDEFINED instruction)",
        WFX => "WFI/WFE trapped",
        FP_ACCESS => "FP/SIMD access trapped",
        ILLEGAL_STATE => "Illegal execution state",
        SVC64 => "SVC",
        HVC64 => "HVC",
        SMC64 => "SMC",
        SYSREG => "MSR/MRS/system instruction trapped",
        IABT_LOWER => "Instruction abort from a lower EL",
        IABT_SAME => "Instruction abort, same EL",
        PC_ALIGN => "PC alignment fault",
        DABT_LOWER => "Data abort from a lower EL",
        DABT_SAME => "Data abort, same EL",
        SP_ALIGN => "SP alignment fault",
        SERROR => "SError interrupt",
        BKPT_LOWER | BKPT_SAME => "Breakpoint",
        SS_LOWER | SS_SAME => "Software step",
        WATCH_LOWER | WATCH_SAME => "Watchpoint",
        BRK64 => "BRK instruction",
        _ => "reserved EC",
    }
}
