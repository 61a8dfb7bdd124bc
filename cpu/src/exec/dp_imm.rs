//! Data processing — immediate (Arm ARM C4.1.86, op0 = 100x): PC-relative addressing,
//! add/subtract (immediate), move wide and extract. Logical (immediate) is in
//! [`super::dp_logical_imm`], bitfield in [`super::dp_bitfield`].

use crate::exception::{self, Trap};
use crate::exec::dp_reg::add_sub_tail;
use crate::exec::trunc;
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::platform::Platform;

type R = Result<(), Trap>;

/// Arm ARM C6.2.10: ADR. `X[d] = PC + SignExtend(immhi:immlo, 64)`.
pub fn adr(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let imm = (i.sbits(23, 5) << 2) | i.bits(30, 29) as i64;
    cpu.s.set_xr(i.rd(), cpu.s.pc.wrapping_add(imm as u64));
    Ok(())
}

/// Arm ARM C6.2.11: ADRP. `X[d] = (PC AND NOT 0xfff) + SignExtend(immhi:immlo:Zeros(12))`.
pub fn adrp(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let imm = ((i.sbits(23, 5) << 2) | i.bits(30, 29) as i64) << 12;
    let base = cpu.s.pc & !0xfff;
    cpu.s.set_xr(i.rd(), base.wrapping_add(imm as u64));
    Ok(())
}

/// The shared body of ADD/ADDS/SUB/SUBS (immediate): Rn may be SP; Rd is SP for the
/// non-flag-setting forms and XZR for the S forms.
#[inline(always)]
fn add_sub_imm(cpu: &mut Cpu, i: Insn, sub: bool, setflags: bool) -> R {
    let imm12 = i.bits(21, 10) as u64;
    let imm = if i.bit(22) { imm12 << 12 } else { imm12 };
    let operand1 = cpu.s.xsp(i.rn());
    let operand2 = if sub { !imm } else { imm };
    add_sub_tail(cpu, i, operand1, operand2, sub, setflags, true)
}

/// Arm ARM C6.2.4: ADD (immediate).
pub fn add_imm(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    add_sub_imm(cpu, i, false, false)
}

/// Arm ARM C6.2.8: ADDS (immediate).
pub fn adds_imm(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    add_sub_imm(cpu, i, false, true)
}

/// Arm ARM C6.2.357: SUB (immediate).
pub fn sub_imm(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    add_sub_imm(cpu, i, true, false)
}

/// Arm ARM C6.2.363: SUBS (immediate).
pub fn subs_imm(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    add_sub_imm(cpu, i, true, true)
}

/// Move wide: `pos = UInt(hw:'0000')`; `hw<1> == 1` with sf == 0 is UNDEFINED.
#[inline(always)]
fn move_wide_pos(cpu: &Cpu, i: Insn) -> Result<u32, Trap> {
    let hw = i.bits(22, 21);
    if !i.sf() && hw >= 2 {
        return Err(exception::undefined(&cpu.s));
    }
    Ok(hw * 16)
}

/// Arm ARM C6.2.226: MOVN. `X[d] = NOT(ZeroExtend(imm16 << pos))`.
pub fn movn(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let pos = move_wide_pos(cpu, i)?;
    let result = !((i.bits(20, 5) as u64) << pos);
    cpu.s.set_xr(i.rd(), trunc(result, i.sf()));
    Ok(())
}

/// Arm ARM C6.2.227: MOVZ. `X[d] = ZeroExtend(imm16 << pos)`.
pub fn movz(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let pos = move_wide_pos(cpu, i)?;
    cpu.s.set_xr(i.rd(), (i.bits(20, 5) as u64) << pos);
    Ok(())
}

/// Arm ARM C6.2.225: MOVK. `result = X[d]; result<pos+15:pos> = imm16`.
pub fn movk(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let pos = move_wide_pos(cpu, i)?;
    let old = cpu.s.xr(i.rd());
    let result = (old & !(0xffffu64 << pos)) | ((i.bits(20, 5) as u64) << pos);
    cpu.s.set_xr(i.rd(), trunc(result, i.sf()));
    Ok(())
}

/// Arm ARM C6.2.114: EXTR. `concat = X[n]:X[m]; X[d] = concat<lsb+datasize-1:lsb>`.
/// `N != sf`, and `imms<5> == 1` with sf == 0, are UNDEFINED.
pub fn extr(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let sf = i.sf();
    let lsb = i.bits(15, 10);
    if i.bit(22) != sf || (!sf && lsb >= 32) {
        return Err(exception::undefined(&cpu.s));
    }
    let hi = cpu.s.xr(i.rn());
    let lo = cpu.s.xr(i.rm());
    let result = if sf {
        (((hi as u128) << 64 | lo as u128) >> lsb) as u64
    } else {
        ((((hi as u32 as u64) << 32) | lo as u32 as u64) >> lsb) as u32 as u64
    };
    cpu.s.set_xr(i.rd(), result);
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::state::flags::{C, N, V, Z};
    use crate::testutil::{cpu_with_code, run, End, CODE, DATA};

    /// `BRK #0`.
    pub(crate) const BRK0: u32 = 0xd420_0000;

    /// Raw instruction words followed by `BRK #0`, as code bytes.
    pub(crate) fn words(ws: &[u32]) -> Vec<u8> {
        ws.iter().chain(std::iter::once(&BRK0)).flat_map(|w| w.to_le_bytes()).collect()
    }

    /// Run `code` at EL1 with X registers and NZCV preset, until `BRK #0`.
    pub(crate) fn run_with(code: &[u8], regs: &[(usize, u64)], flags: u32) -> Cpu {
        let mut cpu = cpu_with_code(code, 1);
        for &(r, v) in regs {
            cpu.s.x[r] = v;
        }
        cpu.s.nzcv = flags;
        assert_eq!(run(&mut cpu, 1000), End::Brk(0));
        cpu
    }

    /// The word is UNDEFINED (EC 0, IL set) and leaves X0..X30 and NZCV alone.
    pub(crate) fn assert_undefined(word: u32) {
        let mut cpu = cpu_with_code(&words(&[word]), 1);
        for r in 0..31 {
            cpu.s.x[r] = 0x1111 * r as u64 + 0x8000_0000_0000_0000;
        }
        cpu.s.nzcv = N | C;
        let before = cpu.s.x;
        assert_eq!(run(&mut cpu, 10), End::Exception { el: 1, esr: 1 << 25 }, "{word:#010x}");
        assert_eq!(cpu.s.x, before, "{word:#010x} changed registers");
        assert_eq!(cpu.s.nzcv, N | C);
    }

    #[test]
    fn adr_and_adrp() {
        // ADR X0, #-4: immlo = 0, immhi = -1.
        let adr = (0x10 << 24) | (0x7ffff << 5);
        // ADR X1, #+7: immlo = 3, immhi = 1.
        let adr7 = (3 << 29) | (0x10 << 24) | (1 << 5) | 1;
        // ADRP X2, #-0x1000: immlo = 3, immhi = all ones.
        let adrp = 0xf0ff_ffe2;
        // ADRP X3, #+0x1000 * 0x40001 (immhi<0> .. carries into the upper bits).
        let adrp_big = (1 << 31) | (1 << 29) | (0x10 << 24) | (0x10000 << 5) | 3;
        let mut code = vec![0xd503_201f; 0x201]; // NOPs up to CODE + 0x804
        code.extend([adr, adr7, adrp, adrp_big, (0x10 << 24) | (1 << 5) | 31]);
        let cpu = run_with(&words(&code), &[], 0);
        assert_eq!(cpu.s.x[0], CODE + 0x804 - 4);
        assert_eq!(cpu.s.x[1], CODE + 0x808 + 7);
        assert_eq!(cpu.s.x[2], CODE - 0x1000);
        // imm = immhi:immlo = 0x10000 << 2 | 1 = 0x40001 pages.
        assert_eq!(cpu.s.x[3], CODE + 0x4000_1000);
    }

    #[test]
    fn add_sub_imm() {
        let code = crate::a64!(
            ; add x0, sp, #16
            ; add x1, x1, #1, lsl #12
            ; sub w2, w2, #1
            ; add w3, w3, #1
            ; add sp, x4, #0x10
            ; brk 0
        );
        let cpu = run_with(&code, &[(1, 5), (2, 0), (3, u64::MAX), (4, 0x1234)], 0);
        assert_eq!(cpu.s.x[0], DATA + 0x2_0000 + 16);
        assert_eq!(cpu.s.x[1], 0x1005);
        // 32-bit results zero the upper half.
        assert_eq!(cpu.s.x[2], 0xffff_ffff);
        assert_eq!(cpu.s.x[3], 0);
        assert_eq!(cpu.s.sp_el[1], 0x1244);
    }

    #[test]
    fn adds_subs_imm_flags() {
        // 0x7fffffff + 1: N, V.
        let cpu = run_with(&crate::a64!(; adds w0, w1, #1 ; brk 0), &[(1, 0x7fff_ffff)], Z | C);
        assert_eq!((cpu.s.x[0], cpu.s.nzcv), (0x8000_0000, N | V));
        // 0xffffffff + 1 (32-bit): Z, C; X0 is zero, not 1 << 32.
        let cpu = run_with(&crate::a64!(; adds w0, w1, #1 ; brk 0), &[(1, 0xffff_ffff)], 0);
        assert_eq!((cpu.s.x[0], cpu.s.nzcv), (0, Z | C));
        // 0 - 1: N, no carry (a borrow).
        let cpu = run_with(&crate::a64!(; subs x0, x1, #1 ; brk 0), &[(1, 0)], 0);
        assert_eq!((cpu.s.x[0], cpu.s.nzcv), (u64::MAX, N));
        // 5 - 5: Z, C.
        let cpu = run_with(&crate::a64!(; subs x0, x1, #5 ; brk 0), &[(1, 5)], N);
        assert_eq!((cpu.s.x[0], cpu.s.nzcv), (0, Z | C));
        // INT64_MIN - 1: V, C.
        let cpu = run_with(&crate::a64!(; subs x0, x1, #1 ; brk 0), &[(1, 1 << 63)], 0);
        assert_eq!((cpu.s.x[0], cpu.s.nzcv), (i64::MAX as u64, C | V));
        // CMN/CMP write XZR, not SP; Rn = 31 reads SP.
        let cpu = run_with(&crate::a64!(; cmn x1, #1 ; cmp sp, #0 ; brk 0), &[(1, u64::MAX)], 0);
        assert_eq!(cpu.s.sp_el[1], DATA + 0x2_0000);
        assert_eq!(cpu.s.nzcv, C);
    }

    #[test]
    fn move_wide() {
        let code = crate::a64!(
            ; movz x0, #0x1234, lsl #48
            ; movn w1, #0
            ; movn x2, #0x1234, lsl #16
            ; movk w3, #0xbeef, lsl #16
            ; movk x4, #0xabcd, lsl #32
            ; movz w5, #0xffff, lsl #16
            ; brk 0
        );
        let cpu = run_with(&code, &[(1, 7), (3, u64::MAX), (4, 0x1111_2222_3333_4444), (5, u64::MAX)], 0);
        assert_eq!(cpu.s.x[0], 0x1234_0000_0000_0000);
        assert_eq!(cpu.s.x[1], 0xffff_ffff);
        assert_eq!(cpu.s.x[2], 0xffff_ffff_edcb_ffff);
        assert_eq!(cpu.s.x[3], 0xbeef_ffff);
        assert_eq!(cpu.s.x[4], 0x1111_abcd_3333_4444);
        assert_eq!(cpu.s.x[5], 0xffff_0000);
        assert_undefined(0x52c0_0000); // MOVZ W0, hw = 2
        assert_undefined(0x12e0_0000); // MOVN W0, hw = 3
        assert_undefined(0x72c0_0000); // MOVK W0, hw = 2
        assert_undefined(0x1280_0000 | (1 << 29)); // opc = 01
    }

    #[test]
    fn extract() {
        let code = crate::a64!(
            ; extr x0, x1, x2, #8
            ; extr w3, w1, w2, #4
            ; extr x4, x1, x2, #0
            ; extr x5, x1, x1, #63
            ; brk 0
        );
        let cpu = run_with(&code, &[(1, 0x0123_4567_89ab_cdef), (2, 0xfedc_ba98_7654_3210)], 0);
        assert_eq!(cpu.s.x[0], 0xeffe_dcba_9876_5432);
        // W1:W2 = 0x89abcdef_76543210 >> 4.
        assert_eq!(cpu.s.x[3], 0xf765_4321);
        assert_eq!(cpu.s.x[4], 0xfedc_ba98_7654_3210);
        // ROR #63 = ROL #1.
        assert_eq!(cpu.s.x[5], 0x0246_8acf_1357_9bde);
        assert_undefined(0x9380_0000); // sf = 1, N = 0
        assert_undefined(0x13c0_0000); // sf = 0, N = 1
        assert_undefined(0x1380_8000); // sf = 0, imms = 32
        assert_undefined(0x13a0_0000); // o0 = 1
        assert_undefined(0xb3c0_0000); // op21 = 01
    }
}
