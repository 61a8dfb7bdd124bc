//! Shared plumbing of the scalar floating-point instructions (Arm ARM C4.1.x, "Data
//! Processing -- Scalar Floating-Point and Advanced SIMD": the `ftype` scalar classes and
//! the Advanced SIMD scalar FP forms): operand size from `ftype`/`sz`, scalar register
//! reads and writes, and the handler-writing macro.
//!
//! Every handler does its decode-time UNDEFINED checks first, then
//! `CheckFPAdvSIMDEnabled64()` ([`check_fp_enabled`]), then reads its operands in full
//! (so `Vd` may alias a source), computes with the bit-exact core in [`crate::fp`] under
//! FPCR, ORs the cumulative exception bits into FPSR and writes the result. FP exceptions
//! are never trapped, so an instruction that passed the enable check always retires.

pub use super::simd_fp::check_fp_enabled;
use super::simd_fp::{dreg, set_vreg_width};
pub use super::simd_fp_lanes::{fpcr, undef, with_fp, R};
use crate::fp::{FpFlags, FpSize, Fpcr};
use crate::insn::Insn;
use crate::interp::Cpu;

/// A two-operand operation: `(size, op1, op2, fpcr, flags) -> result`.
pub type Bin = fn(FpSize, u64, u64, Fpcr, &mut FpFlags) -> u64;

/// A one-operand operation: `(size, op, fpcr, flags) -> result`.
pub type Un = fn(FpSize, u64, Fpcr, &mut FpFlags) -> u64;

/// A three-operand operation: `(size, acc, op1, op2, fpcr, flags) -> result`.
pub type Tern = fn(FpSize, u64, u64, u64, Fpcr, &mut FpFlags) -> u64;

/// The size of the `ftype` scalar forms whose table lines fix `ftype<1>` = 0: bit 22
/// (`ftype` = 00 single, 01 double). Also `sz` (bit 22) of the Advanced SIMD scalar FP
/// forms (`esize = 32 << sz`).
#[inline(always)]
pub const fn size_bit22(i: Insn) -> FpSize {
    if i.bit(22) {
        FpSize::D
    } else {
        FpSize::S
    }
}

/// `V[n]<size-1:0>`: the scalar operand of `size` in the low bits of V`n`.
#[inline(always)]
pub fn read(cpu: &Cpu, n: u32, size: FpSize) -> u64 {
    dreg(cpu, n) & size.mask()
}

/// `V[d] = value` for a `size`-bit scalar: bits 127:size of V`d` are cleared.
#[inline(always)]
pub fn write(cpu: &mut Cpu, d: u32, size: FpSize, value: u64) {
    set_vreg_width(cpu, d, u128::from(value & size.mask()), size.width());
}

/// `V[d] = value` for a `bits`-bit (32 or 64) integer result of the same-register forms.
#[inline(always)]
pub fn write_bits(cpu: &mut Cpu, d: u32, bits: u32, value: u64) {
    set_vreg_width(cpu, d, u128::from(value), bits);
}

/// `FPZero('0')` of `size`: the second operand of the compare-with-zero forms.
#[inline(always)]
pub const fn zero(size: FpSize) -> u64 {
    size.zero(false)
}

/// Test harness of the scalar FP instruction tests.
#[cfg(test)]
pub mod testing {
    use crate::interp::Cpu;
    use crate::testutil::{cpu_with_code, run, End};

    /// What every V register holds before a test sets its operands: the scalar writes
    /// must clear the upper bits of this.
    pub const JUNK: [u64; 2] = [0xdead_beef_dead_beef, 0x0123_4567_89ab_cdef];

    /// Runs `code` (ending in `BRK #0`) at EL1 with V`n` = `v`, X`n` = `x`, the FPCR and
    /// NZCV given and FPSR clear; returns the PE.
    pub fn run_fp(code: &[u8], v: &[(usize, [u64; 2])], x: &[(usize, u64)], fpcr: u32, nzcv: u32) -> Cpu {
        let mut cpu = cpu_with_code(code, 1);
        cpu.s.v = [JUNK; 32];
        for &(n, val) in v {
            cpu.s.v[n] = val;
        }
        for &(n, val) in x {
            cpu.s.x[n] = val;
        }
        cpu.s.fpcr = fpcr;
        cpu.s.fpsr = 0;
        cpu.s.nzcv = nzcv;
        assert_eq!(run(&mut cpu, 100), End::Brk(0), "test code did not reach BRK #0");
        cpu
    }

    /// A scalar operand: `value` in the low bits, junk above.
    pub const fn s(value: u32) -> [u64; 2] {
        [(JUNK[0] & !0xffff_ffff) | value as u64, JUNK[1]]
    }

    /// A double operand (V`n`<127:64> junk).
    pub const fn d(value: u64) -> [u64; 2] {
        [value, JUNK[1]]
    }

    /// FPCR.RMode values (bits 23:22).
    pub const RP: u32 = 1 << 22;
    /// Round towards minus infinity.
    pub const RM: u32 = 2 << 22;
    /// Round towards zero.
    pub const RZ: u32 = 3 << 22;
    /// FPCR.AHP.
    pub const AHP: u32 = 1 << 26;
}
