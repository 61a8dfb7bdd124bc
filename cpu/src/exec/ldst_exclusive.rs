//! Load/store exclusive and load-acquire/store-release (Arm ARM C4.1.66 "Load/store
//! exclusive", "Load-acquire/store-release"; B2.9 "Synchronization and semaphores").
//!
//! The local exclusive monitor is `excl_addr`/`excl_size`/`excl_val` in the CPU state.
//! A load-exclusive arms it with the address, the total size and the value read; a
//! store-exclusive succeeds only when it is armed for the same address and size and
//! memory still holds the value read (QEMU's compare, which also catches another PE's
//! store in between), and always disarms it. Exception entry and return disarm it too.
//! The PEs run one at a time, so acquire/release ordering needs no extra work.
//!
//! CONSTRAINED UNPREDICTABLE choices: a store-exclusive with Rs == Rt, Rt2 or Rn
//! (Rn != 31) and LDXP/LDAXP with Rt == Rt2 are UNDEFINED.

use el2emu_mmu::AccessKind;

use super::ldst::{base, check_alignment};
use crate::exception::{self, Trap};
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::mem::AccessInfo;
use crate::platform::Platform;

type R = Result<(), Trap>;

/// Read `bytes` (1 to 16) at an aligned `addr` as the low and high 64-bit halves.
fn read_exclusive(cpu: &mut Cpu, plat: &mut dyn Platform, addr: u64, bytes: u32) -> Result<[u64; 2], Trap> {
    if bytes == 16 {
        cpu.read_u128(plat, addr, AccessInfo::plain(AccessKind::Read, 16).aligned())
    } else {
        Ok([cpu.read(plat, addr, AccessInfo::plain(AccessKind::Read, bytes).aligned())?, 0])
    }
}

/// Arm the monitor after a load-exclusive.
fn arm(cpu: &mut Cpu, addr: u64, bytes: u32, val: [u64; 2]) {
    cpu.s.excl_addr = addr;
    cpu.s.excl_size = bytes;
    cpu.s.excl_val = val;
}

/// The common load-exclusive: alignment first (before translation), then the read.
fn load_exclusive(cpu: &mut Cpu, plat: &mut dyn Platform, n: u32, bytes: u32) -> Result<[u64; 2], Trap> {
    let addr = base(cpu, n)?;
    check_alignment(cpu, addr, bytes as u64, &AccessInfo::plain(AccessKind::Read, bytes.min(8)))?;
    let v = read_exclusive(cpu, plat, addr, bytes)?;
    arm(cpu, addr, bytes, v);
    Ok(v)
}

/// The common store-exclusive (`AArch64.ExclusiveMonitorsPass` then the store):
/// returns the status, 0 if `data` was stored.
fn store_exclusive(cpu: &mut Cpu, plat: &mut dyn Platform, n: u32, bytes: u32, data: [u64; 2]) -> Result<u64, Trap> {
    let addr = base(cpu, n)?;
    let info = AccessInfo::plain(AccessKind::Write, bytes.min(8));
    check_alignment(cpu, addr, bytes as u64, &info)?;
    let armed = cpu.s.excl_addr == addr && cpu.s.excl_size == bytes;
    let expected = cpu.s.excl_val;
    cpu.s.excl_addr = u64::MAX;
    cpu.s.excl_size = 0;
    if !armed {
        return Ok(1);
    }
    // Permission is checked as for the store, before the compare read.
    cpu.probe_write(addr, &info)?;
    if read_exclusive(cpu, plat, addr, bytes)? != expected {
        return Ok(1);
    }
    if bytes == 16 {
        cpu.write_u128(plat, addr, data, AccessInfo::plain(AccessKind::Write, 16).aligned())?;
    } else {
        cpu.write(plat, addr, data[0], info.aligned())?;
    }
    Ok(0)
}

/// LDXR, LDXRB, LDXRH, LDAXR, LDAXRB, LDAXRH (Arm ARM C6.2):
/// `X[t] = ZeroExtend(Mem[address, size])` and arm the monitor.
pub fn ldxr(cpu: &mut Cpu, plat: &mut dyn Platform, i: Insn) -> R {
    let bytes = 1 << i.bits(31, 30);
    let v = load_exclusive(cpu, plat, i.rn(), bytes)?;
    cpu.s.set_xr(i.rt(), v[0]);
    Ok(())
}

/// LDXP, LDAXP (Arm ARM C6.2): a pair of W (one 8-byte access) or X
/// (one 16-byte access), aligned to the total size.
pub fn ldxp(cpu: &mut Cpu, plat: &mut dyn Platform, i: Insn) -> R {
    let (t, t2) = (i.rt(), i.rt2());
    if t == t2 {
        return Err(exception::undefined(&cpu.s));
    }
    let x = i.bit(30);
    let v = load_exclusive(cpu, plat, i.rn(), if x { 16 } else { 8 })?;
    let (a, b) = if x { (v[0], v[1]) } else { (v[0] as u32 as u64, v[0] >> 32) };
    cpu.s.set_xr(t, a);
    cpu.s.set_xr(t2, b);
    Ok(())
}

/// Rs overlapping Rt (, Rt2) or Rn (Rn != 31): UNDEFINED (our CONSTRAINED
/// UNPREDICTABLE choice).
fn status_overlaps(i: Insn, pair: bool) -> bool {
    let s = i.rm();
    s == i.rt() || (pair && s == i.rt2()) || (s == i.rn() && i.rn() != 31)
}

/// STXR, STXRB, STXRH, STLXR, STLXRB, STLXRH (Arm ARM C6.2):
/// `Ws = 0` if stored, 1 if the monitor check failed.
pub fn stxr(cpu: &mut Cpu, plat: &mut dyn Platform, i: Insn) -> R {
    if status_overlaps(i, false) {
        return Err(exception::undefined(&cpu.s));
    }
    let bytes = 1 << i.bits(31, 30);
    let status = store_exclusive(cpu, plat, i.rn(), bytes, [cpu.s.xr(i.rt()), 0])?;
    cpu.s.set_xr(i.rm(), status);
    Ok(())
}

/// STXP, STLXP (Arm ARM C6.2): Rt at the lower address.
pub fn stxp(cpu: &mut Cpu, plat: &mut dyn Platform, i: Insn) -> R {
    if status_overlaps(i, true) {
        return Err(exception::undefined(&cpu.s));
    }
    let (a, b) = (cpu.s.xr(i.rt()), cpu.s.xr(i.rt2()));
    let (bytes, data) = if i.bit(30) { (16, [a, b]) } else { (8, [(a & 0xffff_ffff) | (b << 32), 0]) };
    let status = store_exclusive(cpu, plat, i.rn(), bytes, data)?;
    cpu.s.set_xr(i.rm(), status);
    Ok(())
}

/// LDAR, LDARB, LDARH (Arm ARM C6.2): a load with acquire semantics; must be
/// aligned; reported with a valid syndrome (ISS.AR = 1).
pub fn ldar(cpu: &mut Cpu, plat: &mut dyn Platform, i: Insn) -> R {
    let bytes = 1 << i.bits(31, 30);
    let t = i.rt();
    let addr = base(cpu, i.rn())?;
    let info = AccessInfo::gpr(AccessKind::Read, bytes, t, false, bytes == 8, true);
    check_alignment(cpu, addr, bytes as u64, &info)?;
    let v = cpu.read(plat, addr, info)?;
    cpu.s.set_xr(t, v);
    Ok(())
}

/// STLR, STLRB, STLRH (Arm ARM C6.2): a store with release semantics.
pub fn stlr(cpu: &mut Cpu, plat: &mut dyn Platform, i: Insn) -> R {
    let bytes = 1 << i.bits(31, 30);
    let t = i.rt();
    let addr = base(cpu, i.rn())?;
    let info = AccessInfo::gpr(AccessKind::Write, bytes, t, false, bytes == 8, true);
    check_alignment(cpu, addr, bytes as u64, &info)?;
    cpu.write(plat, addr, cpu.s.xr(t), info)
}

#[cfg(test)]
mod tests {
    use crate::testutil::{cpu_with_code, run, run_code, End, DATA};

    #[test]
    fn ldxr_stxr_pass_then_second_store_fails() {
        let code = crate::a64!(
            ; ldxr x2, [x1]
            ; add x2, x2, #1
            ; stxr w3, x2, [x1]
            ; stxr w4, x2, [x1]
            ; brk 0
        );
        let (cpu, end) = run_code(&code, |c| {
            c.s.x[1] = DATA;
            c.s.x[3] = 9;
            c.s.x[4] = 9;
            c.ram.load(DATA, &41u64.to_le_bytes());
        });
        assert_eq!(end, End::Brk(0));
        assert_eq!(cpu.ram.read_u64(DATA), Some(42));
        assert_eq!((cpu.s.x[3], cpu.s.x[4]), (0, 1));
        assert_eq!(cpu.s.excl_size, 0);
    }

    #[test]
    fn stxr_fails_on_other_address_size_or_changed_value() {
        // Different address.
        let code = crate::a64!(; ldxr w2, [x1] ; stxr w3, w2, [x5] ; brk 0);
        let (cpu, _) = run_code(&code, |c| {
            c.s.x[1] = DATA;
            c.s.x[5] = DATA + 8;
        });
        assert_eq!(cpu.s.x[3], 1);
        // Different size (LDXRB then STXRH at the same address).
        let code = crate::a64!(; ldxrb w2, [x1] ; stxrh w3, w2, [x1] ; brk 0);
        let (cpu, _) = run_code(&code, |c| c.s.x[1] = DATA);
        assert_eq!(cpu.s.x[3], 1);
        // Memory changed in between (another PE's store, here a plain store).
        let code = crate::a64!(; ldxr w2, [x1] ; str w6, [x1] ; stxr w3, w2, [x1] ; brk 0);
        let (cpu, _) = run_code(&code, |c| {
            c.s.x[1] = DATA;
            c.s.x[6] = 5;
        });
        assert_eq!(cpu.s.x[3], 1);
        assert_eq!(cpu.ram.read_u32(DATA), Some(5));
        // CLREX in between.
        let code = crate::a64!(; ldxrh w2, [x1] ; clrex ; stxrh w3, w2, [x1] ; brk 0);
        let (cpu, _) = run_code(&code, |c| c.s.x[1] = DATA);
        assert_eq!(cpu.s.x[3], 1);
    }

    #[test]
    fn exclusive_pairs() {
        let code = crate::a64!(
            ; ldaxp x2, x3, [x1]
            ; stlxp w4, x3, x2, [x1]
            ; ldxp w5, w6, [x7]
            ; stxp w8, w6, w5, [x7]
            ; brk 0
        );
        let (cpu, end) = run_code(&code, |c| {
            c.s.x[1] = DATA;
            c.s.x[7] = DATA + 0x20;
            c.ram.load(DATA, &[1u64.to_le_bytes(), 2u64.to_le_bytes()].concat());
            c.ram.load(DATA + 0x20, &0x0000_0004_0000_0003u64.to_le_bytes());
            c.s.x[4] = 9;
            c.s.x[8] = 9;
        });
        assert_eq!(end, End::Brk(0));
        assert_eq!((cpu.s.x[2], cpu.s.x[3], cpu.s.x[4]), (1, 2, 0));
        assert_eq!((cpu.ram.read_u64(DATA), cpu.ram.read_u64(DATA + 8)), (Some(2), Some(1)));
        assert_eq!((cpu.s.x[5], cpu.s.x[6], cpu.s.x[8]), (3, 4, 0));
        assert_eq!(cpu.ram.read_u64(DATA + 0x20), Some(0x0000_0003_0000_0004));
    }

    #[test]
    fn exclusives_and_acquire_release_require_alignment() {
        let align = (0x25u64 << 26) | (1 << 25) | 0x21;
        let code = crate::a64!(; ldxr w2, [x1] ; brk 0);
        let (_, end) = run_code(&code, |c| c.s.x[1] = DATA + 2);
        assert_eq!(end, End::Exception { el: 1, esr: align });
        // LDXP X needs 16-byte alignment even at an 8-byte aligned address.
        let code = crate::a64!(; ldaxp x2, x3, [x1] ; brk 0);
        let (_, end) = run_code(&code, |c| c.s.x[1] = DATA + 8);
        assert_eq!(end, End::Exception { el: 1, esr: align });
        // LDAR (the ISS syndrome fields are only reported for stage-2 aborts).
        let code = crate::a64!(; ldar x2, [x1] ; brk 0);
        let (cpu, end) = run_code(&code, |c| {
            c.s.x[1] = DATA + 4;
            c.s.x[2] = 3;
        });
        assert_eq!(end, End::Exception { el: 1, esr: align });
        assert_eq!(cpu.s.x[2], 3);
        // STLR W: store, WnR.
        let code = crate::a64!(; stlr w2, [x1] ; brk 0);
        let (_, end) = run_code(&code, |c| c.s.x[1] = DATA + 2);
        assert_eq!(end, End::Exception { el: 1, esr: align | (1 << 6) });
        // STXR on a misaligned address faults even with the monitor open.
        let code = crate::a64!(; stxr w3, w2, [x1] ; brk 0);
        let (cpu, end) = run_code(&code, |c| {
            c.s.x[1] = DATA + 1;
            c.s.x[3] = 7;
        });
        assert_eq!(end, End::Exception { el: 1, esr: align | (1 << 6) });
        assert_eq!(cpu.s.x[3], 7);
    }

    #[test]
    fn ldar_stlr_sizes() {
        let code = crate::a64!(
            ; stlrb w2, [x1]
            ; stlrh w2, [x1]
            ; ldarb w3, [x1]
            ; ldarh w4, [x1]
            ; stlr x2, [x5]
            ; ldar w6, [x5]
            ; ldar x7, [x5]
            ; brk 0
        );
        let (cpu, end) = run_code(&code, |c| {
            c.s.x[1] = DATA;
            c.s.x[5] = DATA + 8;
            c.s.x[2] = 0x8877_6655_4433_2211;
        });
        assert_eq!(end, End::Brk(0));
        assert_eq!((cpu.s.x[3], cpu.s.x[4]), (0x11, 0x2211));
        assert_eq!((cpu.s.x[6], cpu.s.x[7]), (0x4433_2211, 0x8877_6655_4433_2211));
    }

    #[test]
    fn store_exclusive_status_overlap_is_undefined() {
        // STXR W1, X1, [X2]: Rs == Rt.
        let w: u32 = 0xc800_0000 | (1 << 16) | (0x1f << 10) | (2 << 5) | 1;
        let mut cpu = cpu_with_code(&w.to_le_bytes(), 1);
        assert_eq!(run(&mut cpu, 10), End::Exception { el: 1, esr: 1 << 25 });
        // STXR W2, X1, [X2]: Rs == Rn.
        let w: u32 = 0xc800_0000 | (2 << 16) | (0x1f << 10) | (2 << 5) | 1;
        let mut cpu = cpu_with_code(&w.to_le_bytes(), 1);
        assert_eq!(run(&mut cpu, 10), End::Exception { el: 1, esr: 1 << 25 });
        // LDXP X1, X1, [X2].
        let w: u32 = 0xc860_0000 | (1 << 10) | (2 << 5) | 1;
        let mut cpu = cpu_with_code(&w.to_le_bytes(), 1);
        assert_eq!(run(&mut cpu, 10), End::Exception { el: 1, esr: 1 << 25 });
    }
}
