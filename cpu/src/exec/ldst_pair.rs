//! Load/store pair of general-purpose registers (Arm ARM C4.1.66 "Load/store register
//! pair", "Load/store no-allocate pair"): LDP, STP, LDPSW, LDNP, STNP with signed
//! offset, pre- and post-index.
//!
//! Both elements are read before either register is written, and a store translates
//! both elements before writing either ([`store_parts`]), so a fault changes nothing.
//! CONSTRAINED UNPREDICTABLE choices: LDP/LDNP/LDPSW with Rt == Rt2 is UNDEFINED;
//! writeback with Rn == Rt or Rt2 (Rn != 31) as the single-register forms (loads write
//! the base back last, stores store the values before the writeback).

use el2emu_mmu::AccessKind;

use super::ldst::{address, pair_index, store_parts, writeback, Index};
use crate::exception::{self, Trap};
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::mem::AccessInfo;
use crate::platform::Platform;

/// LDP, STP, LDPSW, LDNP, STNP (Arm ARM C6.2 "LDP", "STP", "LDPSW",
/// "LDNP", "STNP"): `opc` (31:30) 00 = W, 01 = LDPSW, 10 = X; the form
/// is bits 24:23; `imm7` is scaled by the element size.
pub fn ldst_pair(cpu: &mut Cpu, plat: &mut dyn Platform, i: Insn) -> Result<(), Trap> {
    let (load, idx) = (i.bit(22), pair_index(i));
    match i.bits(31, 30) {
        0b00 => pair::<2, false>(cpu, plat, i, load, idx),
        0b01 => pair::<2, true>(cpu, plat, i, load, idx),
        _ => pair::<3, false>(cpu, plat, i, load, idx),
    }
}

/// [`ldst_pair`] for a table line that fixes L (bit 22) and the form (bits 24:23:
/// 00 non-temporal, 01 post, 10 offset, 11 pre), so that each element size gets a
/// straight-line body.
pub fn ldst_pair_op<const LOAD: bool, const FORM: u32>(
    cpu: &mut Cpu,
    plat: &mut dyn Platform,
    i: Insn,
) -> Result<(), Trap> {
    let idx = match FORM {
        0b01 => Index::Post,
        0b11 => Index::Pre,
        _ => Index::Offset,
    };
    match i.bits(31, 30) {
        0b00 => pair::<2, false>(cpu, plat, i, LOAD, idx),
        0b01 => pair::<2, true>(cpu, plat, i, LOAD, idx),
        _ => pair::<3, false>(cpu, plat, i, LOAD, idx),
    }
}

/// The pair body for elements of `1 << SCALE` bytes, sign-extended from 32 bits if
/// `SIGNED` (LDPSW).
#[inline(always)]
fn pair<const SCALE: u32, const SIGNED: bool>(
    cpu: &mut Cpu,
    plat: &mut dyn Platform,
    i: Insn,
    load: bool,
    idx: Index,
) -> Result<(), Trap> {
    let (t, t2, n) = (i.rt(), i.rt2(), i.rn());
    let bytes = 1u32 << SCALE;
    if load && t == t2 {
        return Err(exception::undefined(&cpu.s));
    }
    let offset = (i.sbits(21, 15) << SCALE) as u64;
    let (addr, wb) = address(cpu, n, offset, idx)?;
    let addr2 = addr.wrapping_add(bytes as u64);
    if load {
        let info = AccessInfo::plain(AccessKind::Read, bytes);
        let a = cpu.read(plat, addr, info)?;
        let b = cpu.read(plat, addr2, info)?;
        let ext = |v: u64| if SIGNED { v as u32 as i32 as i64 as u64 } else { v };
        cpu.s.set_xr(t, ext(a));
        cpu.s.set_xr(t2, ext(b));
    } else {
        let info = AccessInfo::plain(AccessKind::Write, bytes);
        let (a, b) = (cpu.s.xr(t), cpu.s.xr(t2));
        // Both elements in Normal RAM through cached translations, aligned as
        // required: neither write can fault, so write them in order (what
        // `store_parts` does in that case, without its probes).
        let fast = match (cpu.fast_pa(addr, AccessKind::Write, &info), cpu.fast_pa(addr2, AccessKind::Write, &info)) {
            (Some(p), Some(p2)) => {
                cpu.ram.offset(p, bytes as u64).is_some() && cpu.ram.offset(p2, bytes as u64).is_some()
            }
            _ => false,
        };
        if fast {
            cpu.write(plat, addr, a, info)?;
            cpu.write(plat, addr2, b, info)?;
        } else {
            store_parts(cpu, plat, &[(addr, a), (addr2, b)], info)?;
        }
    }
    writeback(cpu, n, wb);
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::sysreg::Slot;
    use crate::testutil::{cpu_with_code, run, run_code, End, CODE, DATA};

    #[test]
    fn ldp_stp_x_forms_and_writeback() {
        let code = crate::a64!(
            ; stp x2, x3, [x1, #16]
            ; ldp x4, x5, [x1, #16]
            ; stp x2, x3, [x1, #-16]!
            ; ldp x6, x7, [x1], #32
            ; stnp x3, x2, [x1]
            ; ldnp x8, x9, [x1]
            ; brk 0
        );
        let (cpu, end) = run_code(&code, |c| {
            c.s.x[1] = DATA + 0x100;
            c.s.x[2] = 0x1111_2222_3333_4444;
            c.s.x[3] = 0x5555_6666_7777_8888;
        });
        assert_eq!(end, End::Brk(0));
        // STNP X3, X2 overwrote the first STP at 0x110.
        assert_eq!(cpu.ram.read_u64(DATA + 0x110), Some(0x5555_6666_7777_8888));
        assert_eq!(cpu.ram.read_u64(DATA + 0x118), Some(0x1111_2222_3333_4444));
        assert_eq!((cpu.s.x[4], cpu.s.x[5]), (0x1111_2222_3333_4444, 0x5555_6666_7777_8888));
        // pre-index to 0xf0, post-index back to 0x110
        assert_eq!(cpu.ram.read_u64(DATA + 0xf0), Some(0x1111_2222_3333_4444));
        assert_eq!((cpu.s.x[6], cpu.s.x[7]), (0x1111_2222_3333_4444, 0x5555_6666_7777_8888));
        assert_eq!(cpu.s.x[1], DATA + 0x110);
        assert_eq!((cpu.s.x[8], cpu.s.x[9]), (0x5555_6666_7777_8888, 0x1111_2222_3333_4444));
    }

    #[test]
    fn ldp_w_zero_extends_and_ldpsw_sign_extends() {
        let code = crate::a64!(
            ; ldp w2, w3, [x1]
            ; ldpsw x4, x5, [x1]
            ; stp w3, w2, [x1, #8]
            ; brk 0
        );
        let (cpu, end) = run_code(&code, |c| {
            c.s.x[1] = DATA;
            c.s.x[2] = !0;
            c.s.x[3] = !0;
            c.ram.load(DATA, &0x8000_0000_7fff_ffffu64.to_le_bytes());
        });
        assert_eq!(end, End::Brk(0));
        assert_eq!((cpu.s.x[2], cpu.s.x[3]), (0x7fff_ffff, 0x8000_0000));
        assert_eq!((cpu.s.x[4], cpu.s.x[5]), (0x7fff_ffff, 0xffff_ffff_8000_0000));
        assert_eq!(cpu.ram.read_u64(DATA + 8), Some(0x7fff_ffff_8000_0000));
    }

    #[test]
    fn ldp_same_register_is_undefined() {
        // LDP X2, X2, [X1]: opc=10 101 0 010 1 imm7=0 Rt2=2 Rn=1 Rt=2.
        let w: u32 = 0xa940_0000 | (2 << 10) | (1 << 5) | 2;
        let mut cpu = cpu_with_code(&w.to_le_bytes(), 1);
        cpu.s.x[1] = DATA;
        assert_eq!(run(&mut cpu, 10), End::Exception { el: 1, esr: 1 << 25 });
        // STP X2, X2 is fine.
        let w: u32 = 0xa900_0000 | (2 << 10) | (1 << 5) | 2;
        let mut cpu = cpu_with_code(&[w.to_le_bytes(), 0xd420_0000u32.to_le_bytes()].concat(), 1);
        cpu.s.x[1] = DATA;
        assert_eq!(run(&mut cpu, 10), End::Brk(0));
    }

    #[test]
    fn faulting_pair_changes_nothing() {
        // The second element is past the end of RAM: LDP must not write X2, the
        // writeback must not happen, STP must not write the first element.
        let end_of_ram = CODE + 0x10_0000;
        let code = crate::a64!(; ldp x2, x3, [x1, #-8]! ; brk 0);
        let (cpu, end) = run_code(&code, |c| {
            c.s.x[1] = end_of_ram;
            c.s.x[2] = 7;
        });
        assert!(matches!(end, End::Exception { el: 1, esr } if esr >> 26 == 0x25), "{end:?}");
        assert_eq!((cpu.s.x[1], cpu.s.x[2]), (end_of_ram, 7));
        assert_eq!(cpu.s.sys[Slot::FAR_EL1 as usize], end_of_ram);

        let code = crate::a64!(; stp x2, x3, [x1, #-8]! ; brk 0);
        let (cpu, end) = run_code(&code, |c| {
            c.s.x[1] = end_of_ram;
            c.s.x[2] = 7;
        });
        assert!(matches!(end, End::Exception { el: 1, esr } if esr >> 26 == 0x25), "{end:?}");
        assert_eq!(cpu.s.x[1], end_of_ram);
        assert_eq!(cpu.ram.read_u64(end_of_ram - 8), Some(0));
    }

    #[test]
    fn unaligned_pair_on_device_memory_faults() {
        let code = crate::a64!(; ldp x2, x3, [x1] ; brk 0);
        let (_, end) = run_code(&code, |c| c.s.x[1] = DATA + 4);
        // EC 0x25, IL, no ISV (pair), DFSC 0x21 alignment.
        assert_eq!(end, End::Exception { el: 1, esr: (0x25 << 26) | (1 << 25) | 0x21 });
    }

    #[test]
    fn writeback_overlapping_the_loaded_register_keeps_the_base() {
        // LDP X1, X2, [X1], #16: the loaded X1 is overwritten by the writeback.
        let code = crate::a64!(; ldp x1, x2, [x1], #16 ; brk 0);
        let (cpu, end) = run_code(&code, |c| {
            c.s.x[1] = DATA;
            c.ram.load(DATA, &[0x11u8; 16]);
        });
        assert_eq!(end, End::Brk(0));
        assert_eq!((cpu.s.x[1], cpu.s.x[2]), (DATA + 16, 0x1111_1111_1111_1111));
    }
}
