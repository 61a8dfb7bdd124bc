//! The system register table. One line per register:
//! `NAME: op0 op1 CRn CRm op2, lowest EL, access, reset, hook, [trap rules];`
//!
//! Encodings from the Arm ARM (C5.3 and each register's D17 page). ID registers carry
//! the `max` model's values as reset; [`super::id::CpuModel::apply`] rewrites them.

use super::traps::TrapRule;
use super::{id, key, Access, Hook, SysRegDesc};

macro_rules! sysregs {
    ($( $name:ident : $op0:literal $op1:literal $crn:literal $crm:literal $op2:literal,
        $el:literal, $acc:ident, $reset:expr, $hook:ident, [$($trap:ident),*] ; )*) => {
        /// Storage slot of each register in [`crate::CpuState::sys`].
        #[allow(non_camel_case_types, missing_docs)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u16)]
        pub enum Slot { $($name),* }

        /// Number of slots.
        pub const NUM_SLOTS: usize = [$(stringify!($name)),*].len();

        /// The table, in slot order.
        pub static TABLE: &[SysRegDesc] = &[ $(
            SysRegDesc {
                name: stringify!($name),
                slot: Slot::$name,
                key: key($op0, $op1, $crn, $crm, $op2),
                min_el: $el,
                access: Access::$acc,
                reset: $reset,
                hook: Hook::$hook,
                traps: &[$(TrapRule::$trap),*],
            }
        ),* ];
    };
}

sysregs! {
    // --- Special-purpose registers and PSTATE fields (Arm ARM C5.2) ---
    NZCV:            3 3 4 2 0, 0, RW, 0, Pstate, [];
    DAIF:            3 3 4 2 1, 0, RW, 0, Pstate, [Uma];
    FPCR:            3 3 4 4 0, 0, RW, 0, Pstate, [Fp];
    FPSR:            3 3 4 4 1, 0, RW, 0, Pstate, [Fp];
    SP_EL0:          3 0 4 1 0, 1, RW, 0, Pstate, [];
    SP_EL1:          3 4 4 1 0, 2, RW, 0, Pstate, [];
    SPSel:           3 0 4 2 0, 1, RW, 0, Pstate, [];
    CurrentEL:       3 0 4 2 2, 1, RO, 0, Pstate, [];
    PAN:             3 0 4 2 3, 1, RW, 0, Pstate, [];
    SPSR_EL1:        3 0 4 0 0, 1, RW, 0, None, [];
    ELR_EL1:         3 0 4 0 1, 1, RW, 0, None, [];
    SPSR_EL2:        3 4 4 0 0, 2, RW, 0, None, [];
    ELR_EL2:         3 4 4 0 1, 2, RW, 0, None, [];

    // --- Identification (Arm ARM D17.2) ---
    MIDR_EL1:        3 0 0 0 0, 1, RO, id::MAX.midr, VirtId, [];
    MPIDR_EL1:       3 0 0 0 5, 1, RO, 0x8000_0000, VirtId, [];
    REVIDR_EL1:      3 0 0 0 6, 1, RO, 0, None, [Tid1];
    ID_AA64PFR0_EL1: 3 0 0 4 0, 1, RO, id::MAX.pfr0, None, [Tid3];
    ID_AA64PFR1_EL1: 3 0 0 4 1, 1, RO, 0, None, [Tid3];
    ID_AA64ZFR0_EL1: 3 0 0 4 4, 1, RO, 0, None, [Tid3];
    ID_AA64DFR0_EL1: 3 0 0 5 0, 1, RO, id::MAX.dfr0, None, [Tid3];
    ID_AA64DFR1_EL1: 3 0 0 5 1, 1, RO, 0, None, [Tid3];
    ID_AA64AFR0_EL1: 3 0 0 5 4, 1, RO, 0, None, [Tid3];
    ID_AA64AFR1_EL1: 3 0 0 5 5, 1, RO, 0, None, [Tid3];
    ID_AA64ISAR0_EL1:3 0 0 6 0, 1, RO, id::MAX.isar0, None, [Tid3];
    ID_AA64ISAR1_EL1:3 0 0 6 1, 1, RO, 0, None, [Tid3];
    ID_AA64ISAR2_EL1:3 0 0 6 2, 1, RO, 0, None, [Tid3];
    ID_AA64MMFR0_EL1:3 0 0 7 0, 1, RO, id::MAX.mmfr0, None, [Tid3];
    ID_AA64MMFR1_EL1:3 0 0 7 1, 1, RO, id::MAX.mmfr1, None, [Tid3];
    ID_AA64MMFR2_EL1:3 0 0 7 2, 1, RO, 0, None, [Tid3];
    CCSIDR_EL1:      3 1 0 0 0, 1, RO, 0x700f_e01a, None, [Tid2];
    CLIDR_EL1:       3 1 0 0 1, 1, RO, 0x0a20_0023, None, [Tid2];
    AIDR_EL1:        3 1 0 0 7, 1, RO, 0, None, [Tid1];
    CSSELR_EL1:      3 2 0 0 0, 1, RW, 0, None, [Tid2];
    CTR_EL0:         3 3 0 0 1, 0, RO, 0x8444_c004, None, [Uct, Tid2];
    DCZID_EL0:       3 3 0 0 7, 0, RO, 0x4, None, [];
    VPIDR_EL2:       3 4 0 0 0, 2, RW, id::MAX.midr, None, [];
    VMPIDR_EL2:      3 4 0 0 5, 2, RW, 0x8000_0000, None, [];

    // --- EL1 system control and translation (Arm ARM D17.2) ---
    SCTLR_EL1:       3 0 1 0 0, 1, RW, 0x30d0_0800, Mmu, [Tvm, Trvm];
    ACTLR_EL1:       3 0 1 0 1, 1, RW, 0, None, [Tacr];
    CPACR_EL1:       3 0 1 0 2, 1, RW, 0, None, [Tcpac];
    TTBR0_EL1:       3 0 2 0 0, 1, RW, 0, Mmu, [Tvm, Trvm];
    TTBR1_EL1:       3 0 2 0 1, 1, RW, 0, Mmu, [Tvm, Trvm];
    TCR_EL1:         3 0 2 0 2, 1, RW, 0, Mmu, [Tvm, Trvm];
    AFSR0_EL1:       3 0 5 1 0, 1, RW, 0, None, [Tvm, Trvm];
    AFSR1_EL1:       3 0 5 1 1, 1, RW, 0, None, [Tvm, Trvm];
    ESR_EL1:         3 0 5 2 0, 1, RW, 0, None, [Tvm, Trvm];
    FAR_EL1:         3 0 6 0 0, 1, RW, 0, None, [Tvm, Trvm];
    PAR_EL1:         3 0 7 4 0, 1, RW, 0, None, [];
    MAIR_EL1:        3 0 10 2 0, 1, RW, 0, Mmu, [Tvm, Trvm];
    AMAIR_EL1:       3 0 10 3 0, 1, RW, 0, None, [Tvm, Trvm];
    VBAR_EL1:        3 0 12 0 0, 1, RW, 0, None, [];
    ISR_EL1:         3 0 12 1 0, 1, RO, 0, Isr, [];
    CONTEXTIDR_EL1:  3 0 13 0 1, 1, RW, 0, Mmu, [Tvm, Trvm];
    TPIDR_EL1:       3 0 13 0 4, 1, RW, 0, None, [];
    TPIDR_EL0:       3 3 13 0 2, 0, RW, 0, None, [];
    TPIDRRO_EL0:     3 3 13 0 3, 0, RoAtEl0, 0, None, [];
    CNTKCTL_EL1:     3 0 14 1 0, 1, RW, 0, Timer, [];

    // --- Debug (Arm ARM D17.3), enough for Linux to probe and reset them ---
    MDCCINT_EL1:     2 0 0 2 0, 1, RW, 0, None, [Tda];
    MDSCR_EL1:       2 0 0 2 2, 1, RW, 0, None, [Tda];
    DBGBVR0_EL1:     2 0 0 0 4, 1, RW, 0, None, [Tda];
    DBGBCR0_EL1:     2 0 0 0 5, 1, RW, 0, None, [Tda];
    DBGWVR0_EL1:     2 0 0 0 6, 1, RW, 0, None, [Tda];
    DBGWCR0_EL1:     2 0 0 0 7, 1, RW, 0, None, [Tda];
    DBGBVR1_EL1:     2 0 0 1 4, 1, RW, 0, None, [Tda];
    DBGBCR1_EL1:     2 0 0 1 5, 1, RW, 0, None, [Tda];
    DBGWVR1_EL1:     2 0 0 1 6, 1, RW, 0, None, [Tda];
    DBGWCR1_EL1:     2 0 0 1 7, 1, RW, 0, None, [Tda];
    MDRAR_EL1:       2 0 1 0 0, 1, RO, 0, None, [Tdra];
    OSLAR_EL1:       2 0 1 0 4, 1, WO, 0, None, [Tdosa];
    OSLSR_EL1:       2 0 1 1 4, 1, RO, 0b1000, None, [Tdosa];
    OSDLR_EL1:       2 0 1 3 4, 1, RW, 0, None, [Tdosa];
    DBGPRCR_EL1:     2 0 1 4 4, 1, RW, 0, None, [Tdosa];
    DBGCLAIMSET_EL1: 2 0 7 8 6, 1, RW, 0xff, None, [Tda];
    DBGCLAIMCLR_EL1: 2 0 7 9 6, 1, RW, 0, None, [Tda];
    DBGAUTHSTATUS_EL1:2 0 7 14 6, 1, RO, 0xaa, None, [Tdosa];
    MDCCSR_EL0:      2 3 0 1 0, 0, RO, 0, None, [Tda];

    // --- Generic timer (Arm ARM D11, D17.10) ---
    CNTFRQ_EL0:      3 3 14 0 0, 0, WriteAtEl2, 62_500_000, None, [];
    CNTPCT_EL0:      3 3 14 0 1, 0, RO, 0, Timer, [PhysCounter];
    CNTVCT_EL0:      3 3 14 0 2, 0, RO, 0, Timer, [VirtCounter];
    CNTP_TVAL_EL0:   3 3 14 2 0, 0, RW, 0, Timer, [PhysTimer];
    CNTP_CTL_EL0:    3 3 14 2 1, 0, RW, 0, Timer, [PhysTimer];
    CNTP_CVAL_EL0:   3 3 14 2 2, 0, RW, 0, Timer, [PhysTimer];
    CNTV_TVAL_EL0:   3 3 14 3 0, 0, RW, 0, Timer, [VirtTimer];
    CNTV_CTL_EL0:    3 3 14 3 1, 0, RW, 0, Timer, [VirtTimer];
    CNTV_CVAL_EL0:   3 3 14 3 2, 0, RW, 0, Timer, [VirtTimer];
    CNTVOFF_EL2:     3 4 14 0 3, 2, RW, 0, Timer, [];
    CNTHCTL_EL2:     3 4 14 1 0, 2, RW, 0b11, Timer, [];
    CNTHP_TVAL_EL2:  3 4 14 2 0, 2, RW, 0, Timer, [];
    CNTHP_CTL_EL2:   3 4 14 2 1, 2, RW, 0, Timer, [];
    CNTHP_CVAL_EL2:  3 4 14 2 2, 2, RW, 0, Timer, [];
    CNTHV_TVAL_EL2:  3 4 14 3 0, 2, RW, 0, Timer, [];
    CNTHV_CTL_EL2:   3 4 14 3 1, 2, RW, 0, Timer, [];
    CNTHV_CVAL_EL2:  3 4 14 3 2, 2, RW, 0, Timer, [];

    // --- EL2 controls (Arm ARM D17.2) ---
    SCTLR_EL2:       3 4 1 0 0, 2, RW, 0x30c5_0830, Mmu, [];
    ACTLR_EL2:       3 4 1 0 1, 2, RW, 0, None, [];
    HCR_EL2:         3 4 1 1 0, 2, RW, 0, Mmu, [];
    MDCR_EL2:        3 4 1 1 1, 2, RW, 0, None, [];
    CPTR_EL2:        3 4 1 1 2, 2, RW, 0x33ff, None, [];
    HSTR_EL2:        3 4 1 1 3, 2, RW, 0, None, [];
    HACR_EL2:        3 4 1 1 7, 2, RW, 0, None, [];
    TTBR0_EL2:       3 4 2 0 0, 2, RW, 0, Mmu, [];
    TTBR1_EL2:       3 4 2 0 1, 2, RW, 0, Mmu, [];
    TCR_EL2:         3 4 2 0 2, 2, RW, 0x8080_0000, Mmu, [];
    VTTBR_EL2:       3 4 2 1 0, 2, RW, 0, Mmu, [];
    VTCR_EL2:        3 4 2 1 2, 2, RW, 0x8000_0000, Mmu, [];
    AFSR0_EL2:       3 4 5 1 0, 2, RW, 0, None, [];
    AFSR1_EL2:       3 4 5 1 1, 2, RW, 0, None, [];
    ESR_EL2:         3 4 5 2 0, 2, RW, 0, None, [];
    FAR_EL2:         3 4 6 0 0, 2, RW, 0, None, [];
    HPFAR_EL2:       3 4 6 0 4, 2, RW, 0, None, [];
    MAIR_EL2:        3 4 10 2 0, 2, RW, 0, Mmu, [];
    AMAIR_EL2:       3 4 10 3 0, 2, RW, 0, None, [];
    VBAR_EL2:        3 4 12 0 0, 2, RW, 0, None, [];
    RVBAR_EL2:       3 4 12 0 1, 2, RO, 0, None, [];
    CONTEXTIDR_EL2:  3 4 13 0 1, 2, RW, 0, Mmu, [];
    TPIDR_EL2:       3 4 13 0 2, 2, RW, 0, None, [];

    // --- FEAT_VHE aliases: at EL2 with E2H=1 these reach the EL1/EL0 registers ---
    SCTLR_EL12:      3 5 1 0 0, 2, RW, 0, El12, [];
    CPACR_EL12:      3 5 1 0 2, 2, RW, 0, El12, [];
    TTBR0_EL12:      3 5 2 0 0, 2, RW, 0, El12, [];
    TTBR1_EL12:      3 5 2 0 1, 2, RW, 0, El12, [];
    TCR_EL12:        3 5 2 0 2, 2, RW, 0, El12, [];
    SPSR_EL12:       3 5 4 0 0, 2, RW, 0, El12, [];
    ELR_EL12:        3 5 4 0 1, 2, RW, 0, El12, [];
    AFSR0_EL12:      3 5 5 1 0, 2, RW, 0, El12, [];
    AFSR1_EL12:      3 5 5 1 1, 2, RW, 0, El12, [];
    ESR_EL12:        3 5 5 2 0, 2, RW, 0, El12, [];
    FAR_EL12:        3 5 6 0 0, 2, RW, 0, El12, [];
    MAIR_EL12:       3 5 10 2 0, 2, RW, 0, El12, [];
    AMAIR_EL12:      3 5 10 3 0, 2, RW, 0, El12, [];
    VBAR_EL12:       3 5 12 0 0, 2, RW, 0, El12, [];
    CONTEXTIDR_EL12: 3 5 13 0 1, 2, RW, 0, El12, [];
    CNTKCTL_EL12:    3 5 14 1 0, 2, RW, 0, El12, [];
    CNTP_TVAL_EL02:  3 5 14 2 0, 2, RW, 0, El12, [];
    CNTP_CTL_EL02:   3 5 14 2 1, 2, RW, 0, El12, [];
    CNTP_CVAL_EL02:  3 5 14 2 2, 2, RW, 0, El12, [];
    CNTV_TVAL_EL02:  3 5 14 3 0, 2, RW, 0, El12, [];
    CNTV_CTL_EL02:   3 5 14 3 1, 2, RW, 0, El12, [];
    CNTV_CVAL_EL02:  3 5 14 3 2, 2, RW, 0, El12, [];

    // --- GICv3 CPU interface (Arm IHI 0069, chapter 12), forwarded to the board ---
    ICC_PMR_EL1:     3 0 4 6 0, 1, RW, 0, Gic, [];
    ICC_IAR0_EL1:    3 0 12 8 0, 1, RO, 0, Gic, [];
    ICC_EOIR0_EL1:   3 0 12 8 1, 1, WO, 0, Gic, [];
    ICC_HPPIR0_EL1:  3 0 12 8 2, 1, RO, 0, Gic, [];
    ICC_BPR0_EL1:    3 0 12 8 3, 1, RW, 0, Gic, [];
    ICC_AP0R0_EL1:   3 0 12 8 4, 1, RW, 0, Gic, [];
    ICC_AP1R0_EL1:   3 0 12 9 0, 1, RW, 0, Gic, [];
    ICC_DIR_EL1:     3 0 12 11 1, 1, WO, 0, Gic, [];
    ICC_RPR_EL1:     3 0 12 11 3, 1, RO, 0, Gic, [];
    ICC_SGI1R_EL1:   3 0 12 11 5, 1, WO, 0, Gic, [];
    ICC_ASGI1R_EL1:  3 0 12 11 6, 1, WO, 0, Gic, [];
    ICC_SGI0R_EL1:   3 0 12 11 7, 1, WO, 0, Gic, [];
    ICC_IAR1_EL1:    3 0 12 12 0, 1, RO, 0, Gic, [];
    ICC_EOIR1_EL1:   3 0 12 12 1, 1, WO, 0, Gic, [];
    ICC_HPPIR1_EL1:  3 0 12 12 2, 1, RO, 0, Gic, [];
    ICC_BPR1_EL1:    3 0 12 12 3, 1, RW, 0, Gic, [];
    ICC_CTLR_EL1:    3 0 12 12 4, 1, RW, 0, Gic, [];
    ICC_SRE_EL1:     3 0 12 12 5, 1, RW, 0, Gic, [];
    ICC_IGRPEN0_EL1: 3 0 12 12 6, 1, RW, 0, Gic, [];
    ICC_IGRPEN1_EL1: 3 0 12 12 7, 1, RW, 0, Gic, [];
    ICC_SRE_EL2:     3 4 12 9 5, 2, RW, 0, Gic, [];
    ICH_AP0R0_EL2:   3 4 12 8 0, 2, RW, 0, Gic, [];
    ICH_AP1R0_EL2:   3 4 12 9 0, 2, RW, 0, Gic, [];
    ICH_HCR_EL2:     3 4 12 11 0, 2, RW, 0, Gic, [];
    ICH_VTR_EL2:     3 4 12 11 1, 2, RO, 0, Gic, [];
    ICH_MISR_EL2:    3 4 12 11 2, 2, RO, 0, Gic, [];
    ICH_EISR_EL2:    3 4 12 11 3, 2, RO, 0, Gic, [];
    ICH_ELRSR_EL2:   3 4 12 11 5, 2, RO, 0, Gic, [];
    ICH_VMCR_EL2:    3 4 12 11 7, 2, RW, 0, Gic, [];
    ICH_LR0_EL2:     3 4 12 12 0, 2, RW, 0, Gic, [];
    ICH_LR1_EL2:     3 4 12 12 1, 2, RW, 0, Gic, [];
    ICH_LR2_EL2:     3 4 12 12 2, 2, RW, 0, Gic, [];
    ICH_LR3_EL2:     3 4 12 12 3, 2, RW, 0, Gic, [];
}

/// The register an `*_EL12`/`*_EL02` alias reaches (Arm ARM D5.8 "Virtualization Host
/// Extensions", register redirection).
pub fn el12_target(s: Slot) -> Option<Slot> {
    use Slot::*;
    Some(match s {
        SCTLR_EL12 => SCTLR_EL1,
        CPACR_EL12 => CPACR_EL1,
        TTBR0_EL12 => TTBR0_EL1,
        TTBR1_EL12 => TTBR1_EL1,
        TCR_EL12 => TCR_EL1,
        SPSR_EL12 => SPSR_EL1,
        ELR_EL12 => ELR_EL1,
        AFSR0_EL12 => AFSR0_EL1,
        AFSR1_EL12 => AFSR1_EL1,
        ESR_EL12 => ESR_EL1,
        FAR_EL12 => FAR_EL1,
        MAIR_EL12 => MAIR_EL1,
        AMAIR_EL12 => AMAIR_EL1,
        VBAR_EL12 => VBAR_EL1,
        CONTEXTIDR_EL12 => CONTEXTIDR_EL1,
        CNTKCTL_EL12 => CNTKCTL_EL1,
        CNTP_TVAL_EL02 => CNTP_TVAL_EL0,
        CNTP_CTL_EL02 => CNTP_CTL_EL0,
        CNTP_CVAL_EL02 => CNTP_CVAL_EL0,
        CNTV_TVAL_EL02 => CNTV_TVAL_EL0,
        CNTV_CTL_EL02 => CNTV_CTL_EL0,
        CNTV_CVAL_EL02 => CNTV_CVAL_EL0,
        _ => return None,
    })
}

/// With HCR_EL2.E2H=1, an access at EL2 to an EL1 register reaches its EL2 counterpart
/// (and EL0 timer registers reach the EL2 timers, also from EL0 with TGE=1).
pub fn e2h_redirect(s: Slot) -> Option<Slot> {
    use Slot::*;
    Some(match s {
        SCTLR_EL1 => SCTLR_EL2,
        CPACR_EL1 => CPTR_EL2,
        TTBR0_EL1 => TTBR0_EL2,
        TTBR1_EL1 => TTBR1_EL2,
        TCR_EL1 => TCR_EL2,
        AFSR0_EL1 => AFSR0_EL2,
        AFSR1_EL1 => AFSR1_EL2,
        ESR_EL1 => ESR_EL2,
        FAR_EL1 => FAR_EL2,
        MAIR_EL1 => MAIR_EL2,
        AMAIR_EL1 => AMAIR_EL2,
        VBAR_EL1 => VBAR_EL2,
        CONTEXTIDR_EL1 => CONTEXTIDR_EL2,
        SPSR_EL1 => SPSR_EL2,
        ELR_EL1 => ELR_EL2,
        CNTKCTL_EL1 => CNTHCTL_EL2,
        CNTP_TVAL_EL0 => CNTHP_TVAL_EL2,
        CNTP_CTL_EL0 => CNTHP_CTL_EL2,
        CNTP_CVAL_EL0 => CNTHP_CVAL_EL2,
        CNTV_TVAL_EL0 => CNTHV_TVAL_EL2,
        CNTV_CTL_EL0 => CNTHV_CTL_EL2,
        CNTV_CVAL_EL0 => CNTHV_CVAL_EL2,
        _ => return None,
    })
}
