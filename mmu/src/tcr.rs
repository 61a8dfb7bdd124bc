//! Decoding the stage-1 controls of a regime: which VA range (TTBR0/TTBR1) an address
//! falls in, its size, granule, output size and ASID (Arm ARM D8.2.x "Controlling
//! address translation", D17.2.131 TCR_EL1, D17.2.132 TCR_EL2).
//!
//! TCR_EL1 and TCR_EL2 with HCR_EL2.E2H=1 share one layout (T0SZ 5:0, EPD0 7, TG0
//! 15:14, T1SZ 21:16, A1 22, EPD1 23, TG1 31:30, IPS 34:32, AS 36, TBI0 37, TBI1 38);
//! TCR_EL2 without E2H has a single range (T0SZ 5:0, TG0 15:14, PS 18:16, TBI 20).

use crate::granule::{field_mask, pa_size_bits, Granule, TXSZ_MAX, TXSZ_MIN};
use crate::regime::RegimeKind;
use crate::walk::WalkParams;
use crate::{Fault, FaultKind, Regime};

/// The decoded stage-1 parameters for one VA.
#[derive(Clone, Copy, Debug)]
pub(crate) struct S1Params {
    /// The walk parameters (table base, sizes, starting level).
    pub walk: WalkParams,
    /// The ASID entries of this walk are tagged with.
    pub asid: u16,
    /// The regime distinguishes EL0 from the privileged level (EL1&0, EL2&0).
    pub two_privilege_levels: bool,
}

fn bit(v: u64, n: u32) -> bool {
    (v >> n) & 1 != 0
}

fn uses_el1_layout(kind: RegimeKind) -> bool {
    kind != RegimeKind::El2
}

/// Whether the top byte of `va` is ignored (Arm ARM D8.8 "Address tagging"; the
/// AddrTop pseudocode). Without FEAT_PAuth there is no TBID, so this applies to
/// instruction fetches as well as data accesses.
pub fn top_byte_ignored(regime: &Regime, va: u64) -> bool {
    let tcr = regime.s1.tcr;
    if uses_el1_layout(regime.kind) {
        if bit(va, 55) {
            bit(tcr, 38)
        } else {
            bit(tcr, 37)
        }
    } else {
        bit(tcr, 20)
    }
}

/// The highest VA bit that takes part in translation: 55 with TBI, else 63.
pub fn addr_top(regime: &Regime, va: u64) -> u32 {
    if top_byte_ignored(regime, va) {
        55
    } else {
        63
    }
}

/// The stage-1 output address size (TCR.IPS or TCR_EL2.PS, clamped to PAMax).
pub fn output_bits(regime: &Regime) -> u32 {
    let tcr = regime.s1.tcr;
    if uses_el1_layout(regime.kind) {
        pa_size_bits(tcr >> 32)
    } else {
        pa_size_bits(tcr >> 16)
    }
}

/// The current ASID of the regime: from TTBR1 when TCR.A1=1, else TTBR0; 8 bits
/// unless TCR.AS=1 (Arm ARM D8.14.x "ASID size"). The EL2 regime has no ASID.
pub fn current_asid(regime: &Regime) -> u16 {
    if !uses_el1_layout(regime.kind) {
        return 0;
    }
    let tcr = regime.s1.tcr;
    let ttbr = if bit(tcr, 22) { regime.s1.ttbr1 } else { regime.s1.ttbr0 };
    let asid = (ttbr >> 48) as u16;
    if bit(tcr, 36) {
        asid
    } else {
        asid & 0xff
    }
}

/// Decode the stage-1 parameters for `va`, or the level-0 fault that stops the walk
/// before it starts:
/// - TxSZ outside 16..=39: Translation fault. Whether to clamp or fault is
///   IMPLEMENTATION DEFINED (Arm ARM D8.2.x "Input address size"); QEMU faults too.
/// - VA bits `top:ia` not all equal to the range's (zeros for TTBR0, ones for TTBR1):
///   Translation fault.
/// - EPD0/EPD1 set for the selected range: Translation fault.
/// - TTBR BADDR with bits at or above the output size: Address size fault.
pub(crate) fn stage1_params(regime: &Regime, va: u64) -> Result<S1Params, Fault> {
    let tcr = regime.s1.tcr;
    let top = addr_top(regime, va);
    let el1_layout = uses_el1_layout(regime.kind);
    let upper = el1_layout && bit(va, top);
    let (txsz, granule, disabled, ttbr) = if upper {
        ((tcr >> 16) & 0x3f, Granule::from_tg1(tcr >> 30), bit(tcr, 23), regime.s1.ttbr1)
    } else {
        (tcr & 0x3f, Granule::from_tg0(tcr >> 14), el1_layout && bit(tcr, 7), regime.s1.ttbr0)
    };
    let txsz = txsz as u32;
    if !(TXSZ_MIN..=TXSZ_MAX).contains(&txsz) {
        return Err(Fault::s1(FaultKind::Translation, 0));
    }
    let ia_bits = 64 - txsz;
    let range_bits = va & field_mask(top, ia_bits);
    let expected = if upper { field_mask(top, ia_bits) } else { 0 };
    if range_bits != expected || disabled {
        return Err(Fault::s1(FaultKind::Translation, 0));
    }
    let oa_bits = output_bits(regime);
    if ttbr & field_mask(47, oa_bits) != 0 {
        return Err(Fault::s1(FaultKind::AddressSize, 0));
    }
    let start_level = granule.start_level(ia_bits);
    let mut walk = WalkParams { granule, ia_bits, oa_bits, start_level, base: 0 };
    walk.base = WalkParams::table_base(ttbr, walk.start_index_bits());
    Ok(S1Params { walk, asid: current_asid(regime), two_privilege_levels: el1_layout })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Regime, Stage1Config};

    fn regime(kind: RegimeKind, tcr: u64) -> Regime {
        Regime {
            kind,
            s1: Stage1Config {
                enabled: true,
                wxn: false,
                tcr,
                ttbr0: 0x1000,
                ttbr1: 0x2000 | (7 << 48),
                mair: 0,
                flat_normal: false,
            },
            s2: None,
            unprivileged: false,
            pan: false,
            vmid: 0,
        }
    }

    #[test]
    fn range_selection() {
        // T0SZ = T1SZ = 16, TG1 = 4K, IPS = 48 bits.
        let tcr = 16 | (16 << 16) | (0b10 << 30) | (0b101 << 32);
        let r = regime(RegimeKind::El10, tcr);
        let p = stage1_params(&r, 0x0000_7fff_ffff_f000).unwrap();
        assert_eq!(p.walk.base, 0x1000);
        assert_eq!(p.walk.start_level, 0);
        let p = stage1_params(&r, 0xffff_8000_0000_0000).unwrap();
        assert_eq!(p.walk.base, 0x2000);
        assert_eq!(p.asid, 0, "A1=0: ASID from TTBR0");
        let e = stage1_params(&r, 0x0001_0000_0000_0000).unwrap_err();
        assert_eq!(e, Fault::s1(FaultKind::Translation, 0));
        let e = stage1_params(&r, 0xff00_0000_0000_0000 | 0x1000).unwrap_err();
        assert_eq!(e.kind, FaultKind::Translation, "tagged VA without TBI0");
        // TBI0: the top byte is ignored.
        let r = regime(RegimeKind::El10, tcr | (1 << 37));
        assert!(stage1_params(&r, 0xff00_0000_0000_1000).is_ok());
        // A1=1 and AS=0: 8-bit ASID from TTBR1.
        let r = regime(RegimeKind::El10, tcr | (1 << 22));
        assert_eq!(current_asid(&r), 7);
        // The EL2 regime has one range and no ASID.
        let r = regime(RegimeKind::El2, 16 | (0b101 << 16));
        assert!(stage1_params(&r, 0xffff_8000_0000_0000).is_err());
        assert_eq!(stage1_params(&r, 0x1000).unwrap().asid, 0);
    }
}
