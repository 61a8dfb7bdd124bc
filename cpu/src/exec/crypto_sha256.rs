//! SHA-256 instructions (Arm ARM C4.1 "Cryptographic three-register SHA" and
//! "Cryptographic two-register SHA"; C7.2 SHA256H, SHA256H2, SHA256SU0, SHA256SU1),
//! FEAT_SHA256, after the Arm ARM shared pseudocode `SHA256hash`,
//! `SHAhashSIGMA0`, `SHAhashSIGMA1`.

use super::crypto_sha1::{sha_choose, sha_majority, word};
use super::simd_fp::{check_fp_enabled, set_vreg, vreg};
use crate::exception::{self, Trap};
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::platform::Platform;

type R = Result<(), Trap>;

/// `SHAhashSIGMA0(x) = ROR(x, 2) EOR ROR(x, 13) EOR ROR(x, 22)`.
fn sigma0(x: u32) -> u32 {
    x.rotate_right(2) ^ x.rotate_right(13) ^ x.rotate_right(22)
}

/// `SHAhashSIGMA1(x) = ROR(x, 6) EOR ROR(x, 11) EOR ROR(x, 25)`.
fn sigma1(x: u32) -> u32 {
    x.rotate_right(6) ^ x.rotate_right(11) ^ x.rotate_right(25)
}

/// The message-schedule functions of SHA256SU0/SU1 (FIPS 180-4 sigma0, sigma1).
fn ssig0(x: u32) -> u32 {
    x.rotate_right(7) ^ x.rotate_right(18) ^ (x >> 3)
}

fn ssig1(x: u32) -> u32 {
    x.rotate_right(17) ^ x.rotate_right(19) ^ (x >> 10)
}

/// Replace word `e` of `v`.
fn set_word(v: u128, e: u32, w: u32) -> u128 {
    let sh = 32 * e;
    (v & !(0xffff_ffffu128 << sh)) | ((w as u128) << sh)
}

/// `SHA256hash(X, Y, W, part1)`: four rounds; X holds a..d, Y holds e..h.
///
/// ```text
/// for e = 0 to 3
///     chs = SHAchoose(Y<31:0>, Y<63:32>, Y<95:64>);
///     maj = SHAmajority(X<31:0>, X<63:32>, X<95:64>);
///     t = Y<127:96> + SHAhashSIGMA1(Y<31:0>) + chs + Elem[W, e, 32];
///     X<127:96> = t + X<127:96>;
///     Y<127:96> = t + SHAhashSIGMA0(X<31:0>) + maj;
///     <Y, X> = ROL(Y : X, 32);
/// return if part1 then X else Y;
/// ```
pub fn sha256_hash(mut x: u128, mut y: u128, w: u128, part1: bool) -> u128 {
    for e in 0..4 {
        let chs = sha_choose(word(y, 0), word(y, 1), word(y, 2));
        let maj = sha_majority(word(x, 0), word(x, 1), word(x, 2));
        let t = word(y, 3).wrapping_add(sigma1(word(y, 0))).wrapping_add(chs).wrapping_add(word(w, e));
        x = set_word(x, 3, t.wrapping_add(word(x, 3)));
        y = set_word(y, 3, t.wrapping_add(sigma0(word(x, 0))).wrapping_add(maj));
        // ROL of the 256-bit Y:X by one word: X<127:96> moves to Y<31:0>, Y<127:96>
        // to X<31:0>.
        let (x_top, y_top) = (word(x, 3), word(y, 3));
        x = (x << 32) | y_top as u128;
        y = (y << 32) | x_top as u128;
    }
    if part1 {
        x
    } else {
        y
    }
}

/// FEAT_SHA256 (ID_AA64ISAR0_EL1.SHA2 != 0), else UNDEFINED; then the FP trap.
fn check_sha256(cpu: &Cpu) -> R {
    if (cpu.model.isar0 >> 12) & 0xf == 0 {
        return Err(exception::undefined(&cpu.s));
    }
    check_fp_enabled(cpu)
}

/// Arm ARM C7.2 SHA256H: `V[d] = SHA256hash(V[d], V[n], V[m], TRUE)`.
pub fn sha256h(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    check_sha256(cpu)?;
    let result = sha256_hash(vreg(cpu, i.rd()), vreg(cpu, i.rn()), vreg(cpu, i.rm()), true);
    set_vreg(cpu, i.rd(), result);
    Ok(())
}

/// Arm ARM C7.2 SHA256H2: `V[d] = SHA256hash(V[n], V[d], V[m], FALSE)`.
pub fn sha256h2(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    check_sha256(cpu)?;
    let result = sha256_hash(vreg(cpu, i.rn()), vreg(cpu, i.rd()), vreg(cpu, i.rm()), false);
    set_vreg(cpu, i.rd(), result);
    Ok(())
}

/// Arm ARM C7.2 SHA256SU0: `T = V[n]<31:0> : V[d]<127:32>`;
/// `result<e> = sigma0(T<e>) + V[d]<e>`.
pub fn sha256su0(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    check_sha256(cpu)?;
    let (op1, op2) = (vreg(cpu, i.rd()), vreg(cpu, i.rn()));
    let t = (op2 << 96) | (op1 >> 32);
    let mut result = 0u128;
    for e in 0..4 {
        result = set_word(result, e, ssig0(word(t, e)).wrapping_add(word(op1, e)));
    }
    set_vreg(cpu, i.rd(), result);
    Ok(())
}

/// Arm ARM C7.2 SHA256SU1: `T0 = V[m]<31:0> : V[n]<127:32>`; words 0, 1 use
/// `sigma1(V[m]<e+2>)`, words 2, 3 use `sigma1` of the result words 0, 1; each adds
/// `V[d]<e> + T0<e>`.
pub fn sha256su1(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    check_sha256(cpu)?;
    let (op1, op2, op3) = (vreg(cpu, i.rd()), vreg(cpu, i.rn()), vreg(cpu, i.rm()));
    let t0 = (op3 << 96) | (op2 >> 32);
    let mut result = 0u128;
    for e in 0..4 {
        let src = if e < 2 { word(op3, e + 2) } else { word(result, e - 2) };
        let elt = ssig1(src).wrapping_add(word(op1, e)).wrapping_add(word(t0, e));
        result = set_word(result, e, elt);
    }
    set_vreg(cpu, i.rd(), result);
    Ok(())
}
