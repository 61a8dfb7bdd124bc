//! Shared plumbing of the SIMD and floating-point instructions (Arm ARM C4.1, "Data
//! Processing -- Scalar Floating-Point and Advanced SIMD"): the FP/SIMD enable check,
//! the `V[]` register accessors with their zero-extension rule, and vector element
//! helpers. The instruction groups live in their own files (`fp_move`, `simd_copy`,
//! `simd_modimm`, `simd_logic`, ...).
//!
//! Ordering (Arm ARM: decode pseudocode runs before the execute pseudocode that calls
//! `CheckFPAdvSIMDEnabled64()`): a handler first does its decode-time UNDEFINED checks
//! (reserved field values, which are unallocated encodings), then [`check_fp_enabled`],
//! then reads or writes registers.

use crate::exception::{self, Trap};
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::platform::Platform;

/// `CheckFPAdvSIMDEnabled64()` (Arm ARM shared pseudocode; D1 "Configurable instruction
/// controls"): CPACR_EL1.FPEN, CPTR_EL2.TFP (or CPTR_EL2.FPEN with E2H) trap the access
/// with EC 0x07 and ISS 0x1E00000 (CV = 1, COND = 0b1110, as ESR_ELx reports traps from
/// AArch64). Loads and stores of SIMD&FP registers call this too.
#[inline(always)]
pub fn check_fp_enabled(cpu: &Cpu) -> Result<(), Trap> {
    match crate::sysreg::traps::fp_trap(&cpu.s) {
        None => Ok(()),
        Some(t) => Err(exception::sync_to(&cpu.s, t.el, crate::ec::FP_ACCESS, 0x01e0_0000)),
    }
}

/// A table line for an allocated SIMD&FP encoding this model does not implement yet:
/// the FP/SIMD trap (which the architecture takes for any allocated encoding) wins,
/// otherwise UNDEFINED.
pub fn unimplemented(cpu: &mut Cpu, _: &mut dyn Platform, _: Insn) -> Result<(), Trap> {
    check_fp_enabled(cpu)?;
    Err(exception::undefined(&cpu.s))
}

/// Read all 128 bits of V`n` (`V[n]` with width 128).
#[inline(always)]
pub fn vreg(cpu: &Cpu, n: u32) -> u128 {
    let [lo, hi] = cpu.s.v[(n & 31) as usize];
    (lo as u128) | ((hi as u128) << 64)
}

/// Write all 128 bits of V`n`.
#[inline(always)]
pub fn set_vreg(cpu: &mut Cpu, n: u32, value: u128) {
    cpu.s.v[(n & 31) as usize] = [value as u64, (value >> 64) as u64];
}

/// `V[n] = value` for a `width`-bit value (8, 16, 32, 64 or 128): in AArch64 the bits
/// above `width` are cleared (Arm ARM shared pseudocode, `V[]` assignment form; the "upper bits of
/// the SIMD&FP register are set to zero" rule of every scalar or 64-bit vector write).
#[inline(always)]
pub fn set_vreg_width(cpu: &mut Cpu, n: u32, value: u128, width: u32) {
    set_vreg(cpu, n, value & ones128(width));
}

/// Read the low 64 bits of V`n` (`D[n]`; narrower scalars truncate this).
#[inline(always)]
pub fn dreg(cpu: &Cpu, n: u32) -> u64 {
    cpu.s.v[(n & 31) as usize][0]
}

/// A mask of the low `width` bits (width 0..=128).
#[inline(always)]
pub const fn ones128(width: u32) -> u128 {
    if width >= 128 {
        u128::MAX
    } else {
        (1u128 << width) - 1
    }
}

/// A mask of the low `width` bits (width 0..=64).
#[inline(always)]
pub const fn ones64(width: u32) -> u64 {
    if width >= 64 {
        u64::MAX
    } else {
        (1u64 << width) - 1
    }
}

/// `Elem[vector, e, esize]`: element `e` of `esize` bits (8..=64), zero-extended.
#[inline(always)]
pub fn elem(vector: u128, e: u32, esize: u32) -> u64 {
    let shift = e.wrapping_mul(esize);
    if shift >= 128 {
        return 0;
    }
    ((vector >> shift) as u64) & ones64(esize)
}

/// `Elem[vector, e, esize] = value`: the other bits of `vector` are kept.
#[inline(always)]
pub fn set_elem(vector: u128, e: u32, esize: u32, value: u64) -> u128 {
    let shift = e.wrapping_mul(esize);
    if shift >= 128 {
        return vector;
    }
    let m = (ones64(esize) as u128) << shift;
    (vector & !m) | (((value & ones64(esize)) as u128) << shift)
}

/// `Replicate(value<esize-1:0>, datasize / esize)`: the element repeated over
/// `datasize` (64 or 128) bits.
#[inline(always)]
pub fn replicate(value: u64, esize: u32, datasize: u32) -> u128 {
    let v = value & ones64(esize);
    let mut r = 0u128;
    let mut pos = 0;
    while pos < datasize && esize > 0 {
        r |= (v as u128) << pos;
        pos += esize;
    }
    r
}

/// Sign-extend the low `bits` bits of `v` to 64 bits (1..=64).
#[inline(always)]
pub const fn sign_extend(v: u64, bits: u32) -> u64 {
    if bits == 0 || bits >= 64 {
        return v;
    }
    let s = 64 - bits;
    (((v << s) as i64) >> s) as u64
}

/// `LowestSetBit(imm5)` as the element-size selector of the copy and
/// element instructions: `Some(size)` for size 0..=3 (B, H, S, D), `None` when
/// imm5<3:0> is zero (the reserved `x0000` pattern: UNDEFINED).
#[inline(always)]
pub fn imm5_size(i: Insn) -> Option<u32> {
    let imm5 = i.bits(20, 16);
    let low = imm5 & 0xf;
    if low == 0 {
        None
    } else {
        Some(low.trailing_zeros())
    }
}

#[cfg(test)]
#[path = "simd_fp_tests.rs"]
mod tests;
