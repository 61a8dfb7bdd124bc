//! SHA-1 instructions (Arm ARM C4.1 "Cryptographic three-register SHA",
//! `01011110 size 0 Rm 0 opcode 00 Rn Rd`, and "Cryptographic two-register SHA",
//! `01011110 size 10100 opcode 10 Rn Rd`; C7.2 SHA1C, SHA1P, SHA1M, SHA1SU0, SHA1H,
//! SHA1SU1), FEAT_SHA1. The helpers are the Arm ARM shared pseudocode
//! (`SHAchoose`, `SHAmajority`, `SHAparity`), also used by SHA-256.

use super::simd_fp::{check_fp_enabled, elem, set_vreg, vreg};
use crate::exception::{self, Trap};
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::platform::Platform;

type R = Result<(), Trap>;

/// `SHAchoose(x, y, z) = ((y EOR z) AND x) EOR z`.
pub fn sha_choose(x: u32, y: u32, z: u32) -> u32 {
    ((y ^ z) & x) ^ z
}

/// `SHAmajority(x, y, z) = (x AND y) OR ((x OR y) AND z)`.
pub fn sha_majority(x: u32, y: u32, z: u32) -> u32 {
    (x & y) | ((x | y) & z)
}

/// `SHAparity(x, y, z) = x EOR y EOR z`.
pub fn sha_parity(x: u32, y: u32, z: u32) -> u32 {
    x ^ y ^ z
}

/// Word `e` (0..=3) of a 128-bit value.
#[inline(always)]
pub fn word(v: u128, e: u32) -> u32 {
    elem(v, e, 32) as u32
}

/// FEAT_SHA1 (ID_AA64ISAR0_EL1.SHA1 != 0), else UNDEFINED; then the FP trap.
fn check_sha1(cpu: &Cpu) -> R {
    if (cpu.model.isar0 >> 8) & 0xf == 0 {
        return Err(exception::undefined(&cpu.s));
    }
    check_fp_enabled(cpu)
}

/// The four rounds shared by SHA1C/SHA1P/SHA1M (`X` = V[d] holds a, b, c, d, `Y` =
/// S[n] holds e, W = V[m] holds the four schedule words plus K):
///
/// ```text
/// for e = 0 to 3
///     t = f(X<63:32>, X<95:64>, X<127:96>);
///     Y = Y + ROL(X<31:0>, 5) + t + Elem[W, e, 32];
///     X<63:32> = ROL(X<63:32>, 30);
///     <Y, X> = ROL(Y:X, 32);
/// ```
fn sha1_hash_update(cpu: &mut Cpu, i: Insn, f: fn(u32, u32, u32) -> u32) -> R {
    check_sha1(cpu)?;
    let mut x = vreg(cpu, i.rd());
    let mut y = word(vreg(cpu, i.rn()), 0);
    let w = vreg(cpu, i.rm());
    for e in 0..4 {
        let t = f(word(x, 1), word(x, 2), word(x, 3));
        y = y.wrapping_add(word(x, 0).rotate_left(5)).wrapping_add(t).wrapping_add(word(w, e));
        let b = word(x, 1).rotate_left(30) as u128;
        x = (x & !(0xffff_ffffu128 << 32)) | (b << 32);
        // ROL(Y:X, 32) of the 160-bit value: Y becomes X<127:96>, X shifts up a word.
        let top = word(x, 3);
        x = (x << 32) | y as u128;
        y = top;
    }
    set_vreg(cpu, i.rd(), x);
    Ok(())
}

/// Arm ARM C7.2 SHA1C: four rounds with `SHAchoose`.
pub fn sha1c(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    sha1_hash_update(cpu, i, sha_choose)
}

/// Arm ARM C7.2 SHA1P: four rounds with `SHAparity`.
pub fn sha1p(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    sha1_hash_update(cpu, i, sha_parity)
}

/// Arm ARM C7.2 SHA1M: four rounds with `SHAmajority`.
pub fn sha1m(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    sha1_hash_update(cpu, i, sha_majority)
}

/// Arm ARM C7.2 SHA1H: `V[d] = ZeroExtend(ROL(V[n]<31:0>, 30), 128)`.
pub fn sha1h(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    check_sha1(cpu)?;
    let result = word(vreg(cpu, i.rn()), 0).rotate_left(30);
    set_vreg(cpu, i.rd(), result as u128);
    Ok(())
}

/// Arm ARM C7.2 SHA1SU0: `V[d] = (V[n]<63:0> : V[d]<127:64>) EOR V[d] EOR V[m]`.
pub fn sha1su0(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    check_sha1(cpu)?;
    let (op1, op2, op3) = (vreg(cpu, i.rd()), vreg(cpu, i.rn()), vreg(cpu, i.rm()));
    let result = ((op2 << 64) | (op1 >> 64)) ^ op1 ^ op3;
    set_vreg(cpu, i.rd(), result);
    Ok(())
}

/// Arm ARM C7.2 SHA1SU1: `T = V[d] EOR LSR(V[n], 32)`; words 0..2 are `ROL(T<e>, 1)`,
/// word 3 is `ROL(T<3>, 1) EOR ROL(T<0>, 2)`.
pub fn sha1su1(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    check_sha1(cpu)?;
    let t = vreg(cpu, i.rd()) ^ (vreg(cpu, i.rn()) >> 32);
    let w0 = word(t, 0).rotate_left(1);
    let w1 = word(t, 1).rotate_left(1);
    let w2 = word(t, 2).rotate_left(1);
    let w3 = word(t, 3).rotate_left(1) ^ word(t, 0).rotate_left(2);
    let result = (w0 as u128) | (w1 as u128) << 32 | (w2 as u128) << 64 | (w3 as u128) << 96;
    set_vreg(cpu, i.rd(), result);
    Ok(())
}

#[cfg(test)]
#[path = "crypto_sha_tests.rs"]
mod tests;
