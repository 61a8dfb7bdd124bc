//! Shared scaffolding for the FP core unit tests (`tests.rs`, `tests_convert.rs`):
//! flag shorthands, FPCR presets and a runner that collects the cumulative flags.

use super::{FpFlags, FpRounding, Fpcr};

pub(super) const IOC: u32 = FpFlags::IOC;
pub(super) const DZC: u32 = FpFlags::DZC;
pub(super) const OFC: u32 = FpFlags::OFC;
pub(super) const UFC: u32 = FpFlags::UFC;
pub(super) const IXC: u32 = FpFlags::IXC;
pub(super) const IDC: u32 = FpFlags::IDC;

/// Default FPCR with the given rounding mode.
pub(super) fn cr(rmode: FpRounding) -> Fpcr {
    Fpcr { rmode, ..Fpcr::default() }
}
pub(super) const RN: Fpcr = Fpcr { ahp: false, dn: false, fz: false, rmode: FpRounding::TieEven };
pub(super) const FZ: Fpcr = Fpcr { fz: true, ..RN };
pub(super) const DN: Fpcr = Fpcr { dn: true, ..RN };
pub(super) const AHP: Fpcr = Fpcr { ahp: true, ..RN };

/// Runs `f` with fresh flags and returns (result, flags).
pub(super) fn run<T>(f: impl FnOnce(&mut FpFlags) -> T) -> (T, u32) {
    let mut flags = FpFlags::default();
    let r = f(&mut flags);
    (r, flags.bits())
}
