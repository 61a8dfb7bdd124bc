//! Translation faults, in the terms of the Data/Instruction Abort ISS (Arm ARM D17.2.37).

/// The fault class, which selects the DFSC/IFSC code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FaultKind {
    /// Address size fault (output address beyond the PA size, or TTBR beyond it).
    AddressSize,
    /// Translation fault: invalid descriptor, or VA outside both ranges.
    Translation,
    /// Access flag fault: descriptor AF=0 (no hardware AF management).
    AccessFlag,
    /// Permission fault.
    Permission,
    /// Synchronous external abort on the access itself (nothing at that PA).
    External,
    /// Synchronous external abort on a translation table walk.
    ExternalOnWalk,
    /// Alignment fault.
    Alignment,
}

/// A failed translation or access.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fault {
    /// What went wrong.
    pub kind: FaultKind,
    /// Lookup level (0..=3) where it happened; ignored for External and Alignment.
    pub level: i8,
    /// The fault came from stage 2 (goes to EL2 with HPFAR_EL2 holding `ipa`).
    pub stage2: bool,
    /// A stage-2 fault taken on a stage-1 table walk access (ISS.S1PTW).
    pub s1ptw: bool,
    /// Faulting IPA for stage-2 faults (HPFAR_EL2.FIPA is `ipa >> 12`).
    pub ipa: u64,
}

impl Fault {
    /// A stage-1 fault of `kind` at `level`.
    pub fn s1(kind: FaultKind, level: i8) -> Self {
        Fault { kind, level, stage2: false, s1ptw: false, ipa: 0 }
    }

    /// A stage-2 fault of `kind` at `level` on `ipa`.
    pub fn s2(kind: FaultKind, level: i8, ipa: u64, s1ptw: bool) -> Self {
        Fault { kind, level, stage2: true, s1ptw, ipa }
    }

    /// The DFSC/IFSC code of the ISS (Arm ARM D17.2.37, "DFSC").
    pub fn fsc(&self) -> u32 {
        let lvl = (self.level.clamp(0, 3)) as u32;
        match self.kind {
            FaultKind::AddressSize => lvl,
            FaultKind::Translation => 0b000100 | lvl,
            FaultKind::AccessFlag => 0b001000 | lvl,
            FaultKind::Permission => 0b001100 | lvl,
            FaultKind::External => 0b010000,
            FaultKind::ExternalOnWalk => 0b010100 | lvl,
            FaultKind::Alignment => 0b100001,
        }
    }

    /// A short name for traces (`-d int`).
    pub fn describe(&self) -> String {
        let what = match self.kind {
            FaultKind::AddressSize => "address size fault",
            FaultKind::Translation => "translation fault",
            FaultKind::AccessFlag => "access flag fault",
            FaultKind::Permission => "permission fault",
            FaultKind::External => "synchronous external abort",
            FaultKind::ExternalOnWalk => "external abort on table walk",
            FaultKind::Alignment => "alignment fault",
        };
        let stage = if self.stage2 { "stage 2 " } else { "" };
        match self.kind {
            FaultKind::External | FaultKind::Alignment => format!("{stage}{what}"),
            _ => format!("{stage}{what}, level {}", self.level),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fsc_codes_match_the_iss_table() {
        assert_eq!(Fault::s1(FaultKind::Translation, 3).fsc(), 0b000111);
        assert_eq!(Fault::s1(FaultKind::AccessFlag, 1).fsc(), 0b001001);
        assert_eq!(Fault::s1(FaultKind::Permission, 2).fsc(), 0b001110);
        assert_eq!(Fault::s1(FaultKind::External, 0).fsc(), 0b010000);
        assert_eq!(Fault::s1(FaultKind::Alignment, 0).fsc(), 0b100001);
        assert_eq!(Fault::s2(FaultKind::Translation, 1, 0x8000_0000, true).fsc(), 0b000101);
    }
}
