//! SYS operations: data and instruction cache maintenance (DC, IC), TLB maintenance
//! (TLBI) and address translation (AT), with their EL0 enables and HCR_EL2 traps
//! (Arm ARM C5.3 encodings; D1.13.x traps: TPU, TPCP, TSW, TTLB, TDZ).

use el2emu_mmu::{AccessKind, Fault};

use crate::ec;
use crate::exception::{self, Trap};
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::mem::AccessInfo;
use crate::platform::Platform;
use crate::sysreg::{hcr, sctlr, traps, Slot};

type R = Result<(), Trap>;

/// What a SYS encoding does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    /// DC ZVA: zero a DCZID-sized block.
    DcZva,
    /// DC by VA to the point of unification (CVAU): HCR_EL2.TPU, SCTLR.UCI at EL0.
    DcVaPou,
    /// DC by VA to the point of coherency (CVAC, CIVAC): HCR_EL2.TPCP, SCTLR.UCI.
    DcVaPoc,
    /// DC IVAC: EL1 only; HCR_EL2.TPCP.
    DcIvac,
    /// DC by set/way (ISW, CSW, CISW): EL1 only, HCR_EL2.TSW.
    DcSetWay,
    /// IC IALLU/IALLUIS: EL1, HCR_EL2.TPU.
    IcAll,
    /// IC IVAU: EL0 with SCTLR.UCI, HCR_EL2.TPU.
    IcIvau,
    /// TLBI at EL1 (HCR_EL2.TTLB); `true` if Inner Shareable.
    TlbiEl1(bool),
    /// TLBI at EL2 (op1 = 4); `true` if Inner Shareable.
    TlbiEl2(bool),
    /// AT S1E1R/W, S1E0R/W: stage 1 of EL1&0 (`el0` unprivileged), `write`.
    AtS1E1 { el0: bool, write: bool },
    /// AT S1E2R/W: EL2 stage 1 (EL2 only).
    AtS1E2 { write: bool },
    /// AT S12E1R/W, S12E0R/W: both stages of EL1&0 (EL2 only).
    AtS12 { el0: bool, write: bool },
}

fn classify(op1: u32, crn: u32, crm: u32, op2: u32) -> Option<Op> {
    use Op::*;
    Some(match (op1, crn, crm, op2) {
        (3, 7, 4, 1) => DcZva,
        (3, 7, 11, 1) => DcVaPou,
        (3, 7, 10, 1) | (3, 7, 14, 1) => DcVaPoc,
        (0, 7, 6, 1) => DcIvac,
        (0, 7, 6, 2) | (0, 7, 10, 2) | (0, 7, 14, 2) => DcSetWay,
        (0, 7, 1, 0) | (0, 7, 5, 0) => IcAll,
        (3, 7, 5, 1) => IcIvau,
        (0, 7, 8, 0) => AtS1E1 { el0: false, write: false },
        (0, 7, 8, 1) => AtS1E1 { el0: false, write: true },
        (0, 7, 8, 2) => AtS1E1 { el0: true, write: false },
        (0, 7, 8, 3) => AtS1E1 { el0: true, write: true },
        (4, 7, 8, 0) => AtS1E2 { write: false },
        (4, 7, 8, 1) => AtS1E2 { write: true },
        (4, 7, 8, 4) => AtS12 { el0: false, write: false },
        (4, 7, 8, 5) => AtS12 { el0: false, write: true },
        (4, 7, 8, 6) => AtS12 { el0: true, write: false },
        (4, 7, 8, 7) => AtS12 { el0: true, write: true },
        // TLBI VMALLE1(IS), VAE1(IS), ASIDE1(IS), VAAE1(IS), VALE1(IS), VAALE1(IS)
        (0, 8, 3, 0 | 1 | 2 | 3 | 5 | 7) => TlbiEl1(true),
        (0, 8, 7, 0 | 1 | 2 | 3 | 5 | 7) => TlbiEl1(false),
        // TLBI IPAS2E1IS, IPAS2LE1IS / IPAS2E1, IPAS2LE1
        (4, 8, 0, 1 | 5) => TlbiEl2(true),
        (4, 8, 4, 1 | 5) => TlbiEl2(false),
        // TLBI ALLE2(IS), VAE2(IS), ALLE1(IS), VALE2(IS), VMALLS12E1(IS)
        (4, 8, 3, 0 | 1 | 4 | 5 | 6) => TlbiEl2(true),
        (4, 8, 7, 0 | 1 | 4 | 5 | 6) => TlbiEl2(false),
        _ => return None,
    })
}

/// SYS #op1, Cn, Cm, #op2, Xt.
pub fn sys(cpu: &mut Cpu, plat: &mut dyn Platform, i: Insn) -> R {
    let (op1, crn, crm, op2) = (i.bits(18, 16), i.bits(15, 12), i.bits(11, 8), i.bits(7, 5));
    let rt = i.rt();
    let s = &cpu.s;
    let und = || Err(exception::undefined(s));
    let Some(op) = classify(op1, crn, crm, op2) else { return und() };
    let el = s.el;
    let h = s.sys[Slot::HCR_EL2 as usize];
    let tge = h & hcr::TGE != 0;
    let key = i.bits(20, 5) as u16;
    let to_el2 = |c: bool| -> Option<Trap> {
        (c && el < 2 && !(el == 0 && tge))
            .then(|| exception::sync_to(s, 2, ec::SYSREG, traps::sysreg_iss(key, rt, false)))
    };
    let el0_trap = |enabled: bool| -> Option<Trap> {
        (el == 0 && !enabled).then(|| {
            let t = exception::default_target(s);
            exception::sync_to(s, t, ec::SYSREG, traps::sysreg_iss(key, rt, false))
        })
    };
    let uci = traps::current_sctlr(s) & sctlr::UCI != 0;
    let el1_only = matches!(op, Op::DcIvac | Op::DcSetWay | Op::IcAll | Op::TlbiEl1(_) | Op::AtS1E1 { .. });
    let el2_only = matches!(op, Op::TlbiEl2(_) | Op::AtS1E2 { .. } | Op::AtS12 { .. });
    if (el1_only && el == 0) || (el2_only && (el < 2 || !cpu.has_el2)) {
        return und();
    }
    let trapped = match op {
        Op::DcZva => el0_trap(traps::current_sctlr(s) & sctlr::DZE != 0).or_else(|| to_el2(h & hcr::TDZ != 0)),
        Op::DcVaPou => el0_trap(uci).or_else(|| to_el2(h & hcr::TPU != 0)),
        Op::DcVaPoc => el0_trap(uci).or_else(|| to_el2(h & hcr::TPCP != 0)),
        Op::DcIvac => to_el2(h & hcr::TPCP != 0),
        Op::DcSetWay => to_el2(h & hcr::TSW != 0),
        Op::IcAll => to_el2(h & hcr::TPU != 0),
        Op::IcIvau => el0_trap(uci).or_else(|| to_el2(h & hcr::TPU != 0)),
        Op::TlbiEl1(_) => to_el2(h & hcr::TTLB != 0),
        _ => None,
    };
    if let Some(t) = trapped {
        return Err(t);
    }
    let va = cpu.s.xr(rt);
    match op {
        Op::DcZva => dc_zva(cpu, plat, va),
        Op::DcVaPou | Op::DcVaPoc | Op::DcIvac | Op::IcIvau => {
            // No caches are modelled; the VA must still translate (a fault is reported
            // with ISS.CM=1 as for a read, Arm ARM D7.4.x).
            let info = AccessInfo { cm: true, ..AccessInfo::plain(AccessKind::Read, 1) };
            cpu.translate(va, AccessKind::Read, false).map(|_| ()).map_err(|f| cpu.data_abort(f, va, &info))
        }
        Op::DcSetWay | Op::IcAll => Ok(()),
        Op::TlbiEl1(is) | Op::TlbiEl2(is) => {
            // Over-invalidation is always architecturally allowed: every TLBI drops this
            // PE's cached translations; Inner Shareable ones also every other PE's.
            cpu.flush_translations();
            if is {
                plat.tlbi_broadcast(cpu.id);
            }
            Ok(())
        }
        Op::AtS1E1 { el0, write } => at(cpu, va, if el0 { 0 } else { 1 }, write, false),
        Op::AtS1E2 { write } => at(cpu, va, 2, write, false),
        Op::AtS12 { el0, write } => at(cpu, va, if el0 { 0 } else { 1 }, write, true),
    }
}

/// DC ZVA: zero the naturally aligned block of 2^DCZID_EL0.BS words (64 bytes here).
fn dc_zva(cpu: &mut Cpu, plat: &mut dyn Platform, va: u64) -> R {
    let block = 4u64 << (cpu.s.sys[Slot::DCZID_EL0 as usize] & 0xf);
    let base = va & !(block - 1);
    let info = AccessInfo::plain(AccessKind::Write, 8);
    let pa = cpu.translate(base, AccessKind::Write, false).map_err(|f| cpu.data_abort(f, va, &info))?;
    if pa & crate::mem::DEVICE != 0 {
        // DC ZVA to Device memory is an alignment fault (Arm ARM C6.2.75).
        return Err(cpu.data_abort(Fault::s1(el2emu_mmu::FaultKind::Alignment, 0), va, &info));
    }
    if cpu.ram.zero(pa, block as usize) {
        return Ok(());
    }
    for off in (0..block).step_by(8) {
        cpu.write(plat, base + off, 0, info)?;
    }
    Ok(())
}

/// AT: translate `va` as an access from `el` would, and write PAR_EL1 (Arm ARM
/// D17.2.103). Faults are reported in PAR_EL1, not taken, except stage-2 faults on
/// the stage-1 walk of an AT S1E1* from EL1, which go to EL2.
fn at(cpu: &mut Cpu, va: u64, el: u32, write: bool, both_stages: bool) -> R {
    let kind = if write { AccessKind::Write } else { AccessKind::Read };
    let saved_el = cpu.s.el;
    let mut regime = cpu.regime_at(el, el == 0);
    // AT S1E1R/W and S12E* do not check PSTATE.PAN (only FEAT_PAN2's S1E1RP/WP do).
    // AT S1E1* from EL2 still walks stage 1 through stage 2 (the tables are in IPA
    // space): `translate_stage1` below keeps stage 2 for the walk only.
    regime.pan = false;
    let mut mem = cpu.ram.clone();
    let r = if both_stages || regime.s2.is_none() {
        el2emu_mmu::stage1::translate(&regime, va, kind, &mut mem)
    } else {
        el2emu_mmu::stage1::translate_stage1(&regime, va, kind, &mut mem)
    };
    let par = match r {
        Ok(t) => {
            let pa = t.pa_page | (va & (t.page_size - 1) & !0xfff);
            ((t.attrs as u64) << 56) | (pa & 0x0000_ffff_ffff_f000) | (0b11 << 7)
        }
        Err(f) => {
            if f.stage2 && f.s1ptw && saved_el == 1 {
                let info = AccessInfo::plain(kind, 8);
                return Err(cpu.data_abort(f, va, &info));
            }
            // F=1, FST, PTW, S (stage-2 fault).
            1 | ((f.fsc() as u64) << 1) | ((f.s1ptw as u64) << 8) | ((f.stage2 as u64) << 9) | (1 << 11)
        }
    };
    cpu.s.sys[Slot::PAR_EL1 as usize] = par;
    Ok(())
}
