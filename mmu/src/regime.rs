//! Translation regimes (Arm ARM D8.1.2) and the register values a walk needs.
//!
//! The CPU gathers the registers of the current regime into a [`Regime`] so the walker
//! stays independent of how system registers are stored.

/// What an access wants to do; used for permission checks and fault syndromes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AccessKind {
    /// Data read (loads, AT S1xxR, cache maintenance treated as reads).
    Read,
    /// Data write (stores, AT S1xxW, DC ZVA).
    Write,
    /// Instruction fetch.
    Exec,
}

/// Which stage-1 regime: decides the TCR layout, whether TTBR1 exists and whether
/// there is an EL0 to distinguish (Arm ARM D8.1.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RegimeKind {
    /// EL1&0: TCR_EL1, TTBR0/1_EL1, may have stage 2.
    El10,
    /// EL2 without E2H: TCR_EL2 in its single-range layout, TTBR0_EL2 only.
    El2,
    /// EL2&0 (HCR_EL2.E2H=1): TCR_EL2 in the EL1 layout, TTBR0/1_EL2.
    El20,
}

/// Stage-1 registers of one regime.
#[derive(Clone, Copy, Debug, Default)]
pub struct Stage1Config {
    /// SCTLR.M: stage 1 enabled. When clear, VA = IPA (flat, Normal/Device per SCTLR.C).
    pub enabled: bool,
    /// SCTLR.WXN: writable implies execute-never.
    pub wxn: bool,
    /// TCR value in the layout given by [`Regime::kind`].
    pub tcr: u64,
    /// TTBR0 value (BADDR and ASID).
    pub ttbr0: u64,
    /// TTBR1 value (ignored in the EL2 regime).
    pub ttbr1: u64,
    /// MAIR value, recorded in translations.
    pub mair: u64,
    /// Stage 1 is off because of HCR_EL2.DC=1: the flat mapping is then Normal
    /// Write-Back memory for data too, not Device (Arm ARM D17.2.48 HCR_EL2.DC).
    pub flat_normal: bool,
}

/// Stage-2 registers (Arm ARM D8.2.x, VTCR_EL2/VTTBR_EL2).
#[derive(Clone, Copy, Debug, Default)]
pub struct Stage2Config {
    /// VTCR_EL2.
    pub vtcr: u64,
    /// VTTBR_EL2 (BADDR and VMID).
    pub vttbr: u64,
}

impl Stage2Config {
    /// The VMID: VTTBR_EL2 bits 63:48 when VTCR_EL2.VS=1, else bits 55:48 (the upper
    /// byte is then RES0 and ignored; Arm ARM D17.2.x VTTBR_EL2.VMID).
    pub fn vmid(&self) -> u16 {
        let v = (self.vttbr >> 48) as u16;
        if self.vtcr & (1 << 19) != 0 {
            v
        } else {
            v & 0xff
        }
    }
}

/// Everything a translation of one access needs.
#[derive(Clone, Copy, Debug)]
pub struct Regime {
    /// Which stage-1 regime.
    pub kind: RegimeKind,
    /// Stage-1 registers.
    pub s1: Stage1Config,
    /// Stage 2, when HCR_EL2.VM=1 and the regime is EL1&0.
    pub s2: Option<Stage2Config>,
    /// The access is unprivileged: from EL0, or LDTR/STTR at EL1/EL2&0.
    pub unprivileged: bool,
    /// PSTATE.PAN is set (and the access is privileged and not LDTR/STTR/exec).
    pub pan: bool,
    /// VMID to tag TLB entries with (0 without stage 2).
    pub vmid: u16,
}

/// Permissions of a translated page, both stages combined.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Perms {
    /// Readable by a privileged access (before PAN).
    pub priv_r: bool,
    /// Writable by a privileged access.
    pub priv_w: bool,
    /// Executable at the privileged EL.
    pub priv_x: bool,
    /// Readable by an unprivileged access (stage-1 AP[1]=1; PAN checks this bit).
    pub user_r: bool,
    /// Writable by an unprivileged access.
    pub user_w: bool,
    /// Executable at EL0.
    pub user_x: bool,
    /// Stage-2 denies reads (a fault on this is a stage-2 permission fault).
    pub s2_no_r: bool,
    /// Stage-2 denies writes.
    pub s2_no_w: bool,
    /// Stage-2 denies execution.
    pub s2_no_x: bool,
}

/// A successful translation of one page (or block): what the TLB stores.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Translation {
    /// Output physical address of the page containing the VA (page-aligned to `page_size`).
    pub pa_page: u64,
    /// The IPA of the page (equal to `pa_page` without stage 2), for HPFAR.
    pub ipa_page: u64,
    /// Size of the region this translation covers: the smaller of the stage-1 and
    /// stage-2 block/page sizes (a power of two, at least 4 KiB). `pa_page` and
    /// `ipa_page` are aligned to it, and `va & (page_size - 1)` is the offset in it.
    pub page_size: u64,
    /// Permissions.
    pub perms: Perms,
    /// Stage-1 nG: the entry is tagged with `asid` (false: global).
    pub non_global: bool,
    /// ASID the walk ran under.
    pub asid: u16,
    /// MAIR attribute index (AttrIndx) for PAR_EL1 and Device-memory checks.
    pub attr_index: u8,
    /// Memory attributes byte from MAIR (0x00 = Device-nGnRnE).
    pub attrs: u8,
    /// The stage-1 lookup level of the leaf descriptor (a stage-1 Permission fault
    /// found on a cached translation is reported at this level); 0 when stage 1 is off.
    pub level: i8,
    /// The stage-2 lookup level of the leaf descriptor (0 without stage 2).
    pub s2_level: i8,
}
