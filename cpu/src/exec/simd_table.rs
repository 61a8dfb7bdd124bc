//! Advanced SIMD table lookup (Arm ARM C4.1 "Advanced SIMD table lookup",
//! `0 Q 001110 op2 0 Rm 0 len op 00 Rn Rd`): TBL and TBX with one to four table
//! registers.

use super::simd_fp::{check_fp_enabled, elem, set_elem, set_vreg_width, vreg};
use crate::exception::Trap;
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::platform::Platform;

type R = Result<(), Trap>;

/// Arm ARM C7.2 TBL, TBX: each byte of V`m` indexes the table `V[n+len]:...:V[n]`
/// (register numbers modulo 32). An index beyond the table gives zero (TBL, op = 0)
/// or keeps the destination byte (TBX, op = 1).
pub fn tbl_tbx(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    check_fp_enabled(cpu)?;
    let datasize = if i.bit(30) { 128 } else { 64 };
    let elements = datasize / 8;
    let regs = i.bits(14, 13) + 1;
    let is_tbl = !i.bit(12);
    let n = i.rn();
    let mut table = [0u128; 4];
    for (k, t) in table.iter_mut().enumerate().take(regs as usize) {
        *t = vreg(cpu, (n + k as u32) % 32);
    }
    let indices = vreg(cpu, i.rm());
    let d = i.rd();
    let mut result = if is_tbl { 0 } else { vreg(cpu, d) };
    for e in 0..elements {
        let index = elem(indices, e, 8) as u32;
        if index < 16 * regs {
            let byte = elem(table[(index / 16) as usize], index % 16, 8);
            result = set_elem(result, e, 8, byte);
        }
    }
    set_vreg_width(cpu, d, result, datasize);
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::exec::simd_fp::vreg;
    use crate::testutil::{cpu_with_code, run, End};

    fn set(cpu: &mut crate::Cpu, n: usize, v: u128) {
        cpu.s.v[n] = [v as u64, (v >> 64) as u64];
    }

    /// Table registers hold bytes 0x80 + index (v30, v31, v0, v1 for the wrapping
    /// four-register table).
    fn tables(cpu: &mut crate::Cpu) {
        for (k, r) in [30usize, 31, 0, 1, 10].into_iter().enumerate() {
            let mut v = 0u128;
            for b in 0..16u128 {
                v |= (0x80 + 16 * k as u128 + b) << (8 * b);
            }
            set(cpu, r, v);
        }
    }

    #[test]
    fn tbl_and_tbx_with_wrapping_tables() {
        let code = crate::a64!(
            ; tbl v4.b16, {v30.b16, v31.b16, v0.b16, v1.b16}, v2.b16
            ; tbx v5.b16, {v30.b16, v31.b16, v0.b16, v1.b16}, v2.b16
            ; tbl v6.b8, {v10.b16}, v3.b8
            ; tbx v7.b8, {v10.b16}, v3.b8
            ; tbl v8.b16, {v31.b16, v0.b16}, v2.b16
            ; brk 0
        );
        let mut cpu = cpu_with_code(&code, 1);
        tables(&mut cpu);
        // Indices: 0, 17, 34, 51, 63, 64, 255, 15, 16, 31, 32, 47, 48, 1, 2, 3.
        let idx: [u8; 16] = [0, 17, 34, 51, 63, 64, 255, 15, 16, 31, 32, 47, 48, 1, 2, 3];
        set(&mut cpu, 2, u128::from_le_bytes(idx));
        set(&mut cpu, 3, u128::from_le_bytes([0, 15, 16, 200, 3, 4, 5, 6, 9, 9, 9, 9, 9, 9, 9, 9]));
        set(&mut cpu, 5, u128::from_le_bytes([0x55; 16]));
        set(&mut cpu, 7, u128::from_le_bytes([0x77; 16]));
        set(&mut cpu, 8, u128::MAX);
        assert_eq!(run(&mut cpu, 100), End::Brk(0));
        let tbl4: [u8; 16] = [0x80, 0x91, 0xa2, 0xb3, 0xbf, 0, 0, 0x8f, 0x90, 0x9f, 0xa0, 0xaf, 0xb0, 0x81, 0x82, 0x83];
        assert_eq!(vreg(&cpu, 4), u128::from_le_bytes(tbl4));
        let mut tbx4 = tbl4;
        tbx4[5] = 0x55;
        tbx4[6] = 0x55;
        assert_eq!(vreg(&cpu, 5), u128::from_le_bytes(tbx4));
        // One register (v10 holds 0xc0 + index), 64-bit: upper half cleared, TBX
        // keeps the lanes whose index is out of range.
        assert_eq!(vreg(&cpu, 6), u64::from_le_bytes([0xc0, 0xcf, 0, 0, 0xc3, 0xc4, 0xc5, 0xc6]) as u128);
        assert_eq!(vreg(&cpu, 7), u64::from_le_bytes([0xc0, 0xcf, 0x77, 0x77, 0xc3, 0xc4, 0xc5, 0xc6]) as u128);
        // Two registers v31, v0 (0x90 + index).
        let tbl2: [u8; 16] = [0x90, 0xa1, 0, 0, 0, 0, 0, 0x9f, 0xa0, 0xaf, 0, 0, 0, 0x91, 0x92, 0x93];
        assert_eq!(vreg(&cpu, 8), u128::from_le_bytes(tbl2));
    }
}
