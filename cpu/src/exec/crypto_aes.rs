//! Cryptographic AES (Arm ARM C4.1 "Cryptographic AES", `01001110 size 10100 opcode
//! 10 Rn Rd`; C7.2 AESE, AESD, AESMC, AESIMC), FEAT_AES.
//!
//! The 128-bit register is the AES state in FIPS-197 byte order: byte `4c + r`
//! (bits `8(4c+r)+7 : 8(4c+r)`) is row `r` of column `c`, so a block loaded with
//! `LD1 {Vt.16B}` is the FIPS-197 input array. The S-boxes are computed at compile
//! time from their definition (FIPS-197 5.1.1: the multiplicative inverse in
//! GF(2^8) modulo x^8 + x^4 + x^3 + x + 1, then the affine transformation), which
//! gives the standard tables.

use super::simd_fp::{check_fp_enabled, set_vreg, vreg};
use crate::exception::{self, Trap};
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::platform::Platform;

type R = Result<(), Trap>;

/// `x * y` in GF(2^8) with the AES polynomial 0x11b.
pub const fn gf_mul(mut x: u8, mut y: u8) -> u8 {
    let mut p = 0u8;
    while y != 0 {
        if y & 1 != 0 {
            p ^= x;
        }
        let carry = x & 0x80 != 0;
        x <<= 1;
        if carry {
            x ^= 0x1b;
        }
        y >>= 1;
    }
    p
}

/// The multiplicative inverse (`x^254`; 0 maps to 0).
const fn gf_inv(x: u8) -> u8 {
    let mut r = 1u8;
    let mut k = 0;
    while k < 254 {
        r = gf_mul(r, x);
        k += 1;
    }
    if x == 0 {
        0
    } else {
        r
    }
}

const fn make_sbox() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut x = 0;
    while x < 256 {
        let b = gf_inv(x as u8);
        t[x] = b ^ b.rotate_left(1) ^ b.rotate_left(2) ^ b.rotate_left(3) ^ b.rotate_left(4) ^ 0x63;
        x += 1;
    }
    t
}

const fn make_inv_sbox(s: &[u8; 256]) -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut x = 0;
    while x < 256 {
        t[s[x] as usize] = x as u8;
        x += 1;
    }
    t
}

/// The AES S-box (FIPS-197 Figure 7).
pub static SBOX: [u8; 256] = make_sbox();
/// The inverse S-box (FIPS-197 Figure 14).
pub static INV_SBOX: [u8; 256] = make_inv_sbox(&SBOX);

/// `AESSubBytes(AESShiftRows(op))`: output byte `4c + r` is `S[input[4((c + r) mod 4) + r]]`.
fn sub_shift(state: u128) -> u128 {
    let b = state.to_le_bytes();
    let out: [u8; 16] = core::array::from_fn(|k| {
        let (c, r) = (k / 4, k % 4);
        SBOX[b[4 * ((c + r) % 4) + r] as usize]
    });
    u128::from_le_bytes(out)
}

/// `AESInvSubBytes(AESInvShiftRows(op))`: output byte `4c + r` is
/// `S^-1[input[4((c - r) mod 4) + r]]`.
fn inv_sub_shift(state: u128) -> u128 {
    let b = state.to_le_bytes();
    let out: [u8; 16] = core::array::from_fn(|k| {
        let (c, r) = (k / 4, k % 4);
        INV_SBOX[b[4 * ((c + 4 - r) % 4) + r] as usize]
    });
    u128::from_le_bytes(out)
}

/// `xtime` (multiplication by 2 in GF(2^8)) of the four bytes of `w` at once.
#[inline(always)]
fn xtime4(w: u32) -> u32 {
    ((w & 0x7f7f_7f7f) << 1) ^ (((w >> 7) & 0x0101_0101) * 0x1b)
}

/// `AESMixColumns` of one column (byte r of the column in bits 8r+7:8r): each output byte
/// is `2*a[r] ^ 3*a[r+1] ^ a[r+2] ^ a[r+3]`, four bytes at a time.
#[inline(always)]
fn mix_column(w: u32) -> u32 {
    let r1 = w.rotate_right(8);
    xtime4(w) ^ xtime4(r1) ^ r1 ^ w.rotate_right(16) ^ w.rotate_right(24)
}

/// `AESInvMixColumns` of one column: `a[r] ^= 4*(a[r] ^ a[r+2])`, then `AESMixColumns`
/// (the matrix with first row 14, 11, 13, 9 factors as the forward one times that step).
#[inline(always)]
fn inv_mix_column(w: u32) -> u32 {
    mix_column(w ^ xtime4(xtime4(w ^ w.rotate_right(16))))
}

/// Apply a column transform to the four columns of the state.
fn mix(state: u128, column: fn(u32) -> u32) -> u128 {
    (0..4).fold(0u128, |acc, c| acc | ((column((state >> (32 * c)) as u32) as u128) << (32 * c)))
}

/// FEAT_AES (ID_AA64ISAR0_EL1.AES != 0), else UNDEFINED; then the FP trap.
fn check_aes(cpu: &Cpu) -> R {
    if (cpu.model.isar0 >> 4) & 0xf == 0 {
        return Err(exception::undefined(&cpu.s));
    }
    check_fp_enabled(cpu)
}

/// Arm ARM C7.2 AESE: `V[d] = AESSubBytes(AESShiftRows(V[d] EOR V[n]))`.
pub fn aese(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    check_aes(cpu)?;
    let result = sub_shift(vreg(cpu, i.rd()) ^ vreg(cpu, i.rn()));
    set_vreg(cpu, i.rd(), result);
    Ok(())
}

/// Arm ARM C7.2 AESD: `V[d] = AESInvSubBytes(AESInvShiftRows(V[d] EOR V[n]))`.
pub fn aesd(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    check_aes(cpu)?;
    let result = inv_sub_shift(vreg(cpu, i.rd()) ^ vreg(cpu, i.rn()));
    set_vreg(cpu, i.rd(), result);
    Ok(())
}

/// Arm ARM C7.2 AESMC: `V[d] = AESMixColumns(V[n])`.
pub fn aesmc(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    check_aes(cpu)?;
    let result = mix(vreg(cpu, i.rn()), mix_column);
    set_vreg(cpu, i.rd(), result);
    Ok(())
}

/// Arm ARM C7.2 AESIMC: `V[d] = AESInvMixColumns(V[n])`.
pub fn aesimc(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    check_aes(cpu)?;
    let result = mix(vreg(cpu, i.rn()), inv_mix_column);
    set_vreg(cpu, i.rd(), result);
    Ok(())
}

#[cfg(test)]
#[path = "crypto_aes_tests.rs"]
mod tests;
