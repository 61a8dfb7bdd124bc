//! CRC32 and CRC32C (Arm ARM C6.2.78/79, FEAT_CRC32; data processing — 2 source with
//! opcode 010Csz). The table lines pin sf: the X forms need sf = 1, the others sf = 0.

use crate::exception::Trap;
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::platform::Platform;

type R = Result<(), Trap>;

/// CRC-32 polynomial 0x04C11DB7, bit-reversed.
const POLY_CRC32_REFLECTED: u32 = 0xEDB8_8320;
/// CRC-32C (Castagnoli) polynomial 0x1EDC6F41, bit-reversed.
const POLY_CRC32C_REFLECTED: u32 = 0x82F6_3B78;

/// The pseudocode computes `BitReverse(Poly32Mod2(BitReverse(acc):Zeros(size) EOR
/// BitReverse(val):Zeros(32), poly))`; on bit-reversed operands that is the usual
/// LSB-first shift register with the reflected polynomial, fed `size` bits of `val`.
pub fn crc32_update(acc: u32, val: u64, size_bits: u32, reflected_poly: u32) -> u32 {
    let mut crc = acc;
    for k in 0..size_bits {
        let bit = ((val >> k) as u32 ^ crc) & 1;
        crc >>= 1;
        if bit != 0 {
            crc ^= reflected_poly;
        }
    }
    crc
}

/// `X[d] = CRC(X[n]<31:0>, X[m]<size-1:0>)`: sz = insn<11:10> gives 8 << sz bits, C =
/// insn<12> selects the Castagnoli polynomial.
fn crc(cpu: &mut Cpu, i: Insn) -> R {
    let size = 8u32 << i.bits(11, 10);
    let poly = if i.bit(12) { POLY_CRC32C_REFLECTED } else { POLY_CRC32_REFLECTED };
    let acc = cpu.s.xr(i.rn()) as u32;
    let val = cpu.s.xr(i.rm());
    cpu.s.set_xr(i.rd(), crc32_update(acc, val, size, poly) as u64);
    Ok(())
}

/// Arm ARM C6.2.78: CRC32B, CRC32H, CRC32W, CRC32X.
pub fn crc32(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    crc(cpu, i)
}

/// Arm ARM C6.2.79: CRC32CB, CRC32CH, CRC32CW, CRC32CX.
pub fn crc32c(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    crc(cpu, i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exec::dp_imm::tests::{assert_undefined, run_with};

    /// The CRC check message.
    const MSG: &[u8; 9] = b"123456789";

    #[test]
    fn check_values_bytewise() {
        // The standard check values: CRC-32 ("123456789") = 0xCBF43926 and CRC-32C =
        // 0xE3069283, both with initial value and final XOR 0xFFFFFFFF.
        let mut code = Vec::new();
        for &b in MSG {
            // MOVZ W2, #b
            code.extend((0x5280_0002u32 | (b as u32) << 5).to_le_bytes());
            code.extend(crate::a64!(; crc32b w0, w0, w2 ; crc32cb w3, w3, w2));
        }
        code.extend(crate::a64!(; brk 0));
        let cpu = run_with(&code, &[(0, 0xffff_ffff), (3, 0xffff_ffff)], 0);
        assert_eq!(cpu.s.x[0] ^ 0xffff_ffff, 0xcbf4_3926);
        assert_eq!(cpu.s.x[3] ^ 0xffff_ffff, 0xe306_9283);
    }

    #[test]
    fn wide_forms_equal_byte_sequence() {
        // CRC32X over 8 bytes = CRC32W over two words = CRC32H over four halfwords.
        let v: u64 = u64::from_le_bytes(*b"12345678");
        let code = crate::a64!(
            ; crc32x w0, w0, x1
            ; crc32w w2, w2, w1
            ; crc32w w2, w2, w3
            ; crc32cx w4, w4, x1
            ; crc32ch w5, w5, w1
            ; brk 0
        );
        let init = 0xffff_ffff_ffff_ffffu64; // bits 63:32 of Rn are ignored
        let cpu = run_with(&code, &[(0, init), (1, v), (2, init), (3, v >> 32), (4, init), (5, init)], 0);
        let bytes =
            |poly: u32, n: usize| b"12345678"[..n].iter().fold(0xffff_ffff, |c, &b| crc32_update(c, b as u64, 8, poly));
        assert_eq!(cpu.s.x[0], bytes(POLY_CRC32_REFLECTED, 8) as u64);
        assert_eq!(cpu.s.x[2], cpu.s.x[0]);
        assert_eq!(cpu.s.x[4], bytes(POLY_CRC32C_REFLECTED, 8) as u64);
        assert_eq!(cpu.s.x[5], bytes(POLY_CRC32C_REFLECTED, 2) as u64);
        // Of "12345678" alone: CRC-32 = 0x9AE0DAAF (standard value, final XOR applied).
        assert_eq!(cpu.s.x[0] ^ 0xffff_ffff, 0x9ae0_daaf);
    }

    #[test]
    fn crc_reserved_sizes() {
        assert_undefined(0x9ac0_4000); // CRC32B with sf = 1
        assert_undefined(0x1ac0_4c00); // CRC32X with sf = 0
        assert_undefined(0x1ac0_5c00); // CRC32CX with sf = 0
        assert_undefined(0x1ac0_6000); // opcode 011000
    }
}
