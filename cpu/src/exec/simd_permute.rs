//! Advanced SIMD permute and extract (Arm ARM C4.1 "Advanced SIMD permute",
//! `0 Q 001110 size 0 Rm 0 opcode 10 Rn Rd`, and "Advanced SIMD extract",
//! `0 Q 101110 op2 0 Rm 0 imm4 0 Rn Rd`): ZIP1/ZIP2, UZP1/UZP2, TRN1/TRN2, EXT.
//!
//! In the permutes, opcode<2> (bit 14) is `part` (the "1" or "2" of the mnemonic);
//! size = 11 with Q = 0 (a 1D arrangement) is reserved.

use super::simd_fp::{check_fp_enabled, elem, set_elem, set_vreg_width, vreg};
use crate::exception::{self, Trap};
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::platform::Platform;

type R = Result<(), Trap>;

/// The operand shape shared by the permutes: `(datasize, esize, elements, part)`,
/// or UNDEFINED for size:Q = 110.
fn permute_decode(cpu: &Cpu, i: Insn) -> Result<(u32, u32, u32, u32), Trap> {
    let q = i.bit(30);
    let size = i.bits(23, 22);
    if size == 3 && !q {
        return Err(exception::undefined(&cpu.s));
    }
    check_fp_enabled(cpu)?;
    let datasize = if q { 128 } else { 64 };
    let esize = 8 << size;
    Ok((datasize, esize, datasize / esize, i.bits(14, 14)))
}

/// Arm ARM C7.2 ZIP1, ZIP2: interleave the low (ZIP1) or high (ZIP2) halves of the
/// two operands, `result<2p> = op1<base+p>`, `result<2p+1> = op2<base+p>`.
pub fn zip(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let (datasize, esize, elements, part) = permute_decode(cpu, i)?;
    let (op1, op2) = (vreg(cpu, i.rn()), vreg(cpu, i.rm()));
    let pairs = elements / 2;
    let base = part * pairs;
    let mut result = 0u128;
    for p in 0..pairs {
        result = set_elem(result, 2 * p, esize, elem(op1, base + p, esize));
        result = set_elem(result, 2 * p + 1, esize, elem(op2, base + p, esize));
    }
    set_vreg_width(cpu, i.rd(), result, datasize);
    Ok(())
}

/// Arm ARM C7.2 UZP1, UZP2: the even (UZP1) or odd (UZP2) elements of the
/// concatenation `op2:op1`, `result<e> = zipped<2e+part>`.
pub fn uzp(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let (datasize, esize, elements, part) = permute_decode(cpu, i)?;
    let (op1, op2) = (vreg(cpu, i.rn()), vreg(cpu, i.rm()));
    let mut result = 0u128;
    for e in 0..elements {
        // Elem[operand2:operand1, 2e+part]: the elements above `elements` are op2's.
        let z = 2 * e + part;
        let v = if z < elements { elem(op1, z, esize) } else { elem(op2, z - elements, esize) };
        result = set_elem(result, e, esize, v);
    }
    set_vreg_width(cpu, i.rd(), result, datasize);
    Ok(())
}

/// Arm ARM C7.2 TRN1, TRN2: `result<2p> = op1<2p+part>`, `result<2p+1> = op2<2p+part>`.
pub fn trn(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let (datasize, esize, elements, part) = permute_decode(cpu, i)?;
    let (op1, op2) = (vreg(cpu, i.rn()), vreg(cpu, i.rm()));
    let mut result = 0u128;
    for p in 0..elements / 2 {
        result = set_elem(result, 2 * p, esize, elem(op1, 2 * p + part, esize));
        result = set_elem(result, 2 * p + 1, esize, elem(op2, 2 * p + part, esize));
    }
    set_vreg_width(cpu, i.rd(), result, datasize);
    Ok(())
}

/// `(hi:lo)<position + datasize - 1 : position>` for `datasize`-bit halves.
fn extract(lo: u128, hi: u128, position: u32, datasize: u32) -> u128 {
    if datasize == 64 {
        let concat = (lo & u64::MAX as u128) | (hi << 64);
        (concat >> position) & u64::MAX as u128
    } else if position == 0 {
        lo
    } else {
        (lo >> position) | (hi << (128 - position))
    }
}

/// Arm ARM C7.2 EXT: bytes `imm4 ..` of the concatenation `V[m]:V[n]`. Q = 0 with
/// imm4<3> = 1 is UNDEFINED.
pub fn ext(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    let q = i.bit(30);
    let imm4 = i.bits(14, 11);
    if !q && imm4 >= 8 {
        return Err(exception::undefined(&cpu.s));
    }
    check_fp_enabled(cpu)?;
    let datasize = if q { 128 } else { 64 };
    let position = imm4 << 3;
    let result = extract(vreg(cpu, i.rn()), vreg(cpu, i.rm()), position, datasize);
    set_vreg_width(cpu, i.rd(), result, datasize);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::extract;
    use crate::exec::simd_fp::vreg;
    use crate::testutil::{cpu_with_code, run, run_el1, End};

    const A: u128 = 0x0f0e_0d0c_0b0a_0908_0706_0504_0302_0100;
    const B: u128 = 0x1f1e_1d1c_1b1a_1918_1716_1514_1312_1110;

    fn run_ab(code: &[u8]) -> crate::Cpu {
        let mut cpu = cpu_with_code(code, 1);
        cpu.s.v[1] = [A as u64, (A >> 64) as u64];
        cpu.s.v[2] = [B as u64, (B >> 64) as u64];
        assert_eq!(run(&mut cpu, 100), End::Brk(0));
        cpu
    }

    #[test]
    fn zip_uzp_trn_bytes_and_words() {
        let code = crate::a64!(
            ; zip1 v3.b16, v1.b16, v2.b16
            ; zip2 v4.b16, v1.b16, v2.b16
            ; uzp1 v5.h8, v1.h8, v2.h8
            ; uzp2 v6.s4, v1.s4, v2.s4
            ; trn1 v7.b16, v1.b16, v2.b16
            ; trn2 v8.d2, v1.d2, v2.d2
            ; zip2 v9.s2, v1.s2, v2.s2
            ; uzp1 v10.b8, v1.b8, v2.b8
            ; trn2 v11.h4, v1.h4, v2.h4
            ; brk 0
        );
        let cpu = run_ab(&code);
        assert_eq!(vreg(&cpu, 3), 0x1707_1606_1505_1404_1303_1202_1101_1000);
        assert_eq!(vreg(&cpu, 4), 0x1f0f_1e0e_1d0d_1c0c_1b0b_1a0a_1909_1808);
        // Even halfwords of B:A: A.h0 A.h2 A.h4 A.h6 B.h0 ...
        assert_eq!(vreg(&cpu, 5), 0x1d1c_1918_1514_1110_0d0c_0908_0504_0100);
        // Odd words of B:A.
        assert_eq!(vreg(&cpu, 6), 0x1f1e_1d1c_1716_1514_0f0e_0d0c_0706_0504);
        assert_eq!(vreg(&cpu, 7), 0x1e0e_1c0c_1a0a_1808_1606_1404_1202_1000);
        assert_eq!(vreg(&cpu, 8), 0x1f1e_1d1c_1b1a_1918_0f0e_0d0c_0b0a_0908);
        // 64-bit forms: only the low halves take part, the upper half is cleared.
        assert_eq!(vreg(&cpu, 9), 0x1716_1514_0706_0504);
        assert_eq!(vreg(&cpu, 10), 0x1614_1210_0604_0200);
        assert_eq!(vreg(&cpu, 11), 0x1716_0706_1312_0302);
    }

    #[test]
    fn ext_bytes() {
        let code = crate::a64!(
            ; ext v3.b16, v1.b16, v2.b16, 3
            ; ext v4.b8, v1.b8, v2.b8, 7
            ; ext v5.b16, v1.b16, v2.b16, 0
            ; ext v6.b16, v1.b16, v2.b16, 15
            ; brk 0
        );
        let cpu = run_ab(&code);
        assert_eq!(vreg(&cpu, 3), 0x1211_100f_0e0d_0c0b_0a09_0807_0605_0403);
        assert_eq!(vreg(&cpu, 4), 0x1615_1413_1211_1007);
        assert_eq!(vreg(&cpu, 5), A);
        assert_eq!(vreg(&cpu, 6), 0x1e1d_1c1b_1a19_1817_1615_1413_1211_100f);
        assert_eq!(extract(A, B, 64, 128), 0x1716_1514_1312_1110_0f0e_0d0c_0b0a_0908);
    }

    #[test]
    fn reserved_forms_are_undefined() {
        // EXT v0.8b, v1.8b, v2.8b, #8 (Q = 0, imm4 = 1000); ZIP1 v0.1d (size 11, Q = 0).
        for w in [0x2e02_4020u32, 0x0ec2_3820] {
            let cpu = &mut cpu_with_code(&w.to_le_bytes(), 1);
            assert_eq!(run(cpu, 1), End::Exception { el: 1, esr: 1 << 25 });
        }
        // The Q = 1 forms of the same words are fine.
        let _ = run_el1(
            &[0x6e02_4020u32.to_le_bytes(), 0x4ec2_3820u32.to_le_bytes(), 0xd420_0000u32.to_le_bytes()].concat(),
        );
    }
}
