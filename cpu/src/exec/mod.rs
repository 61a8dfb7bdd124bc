//! Instruction semantics, one file per Arm ARM encoding group. Every handler has the
//! same shape, [`ExecFn`], so the interpreter calls it through the decode tables and the
//! JIT can call it as a helper for anything it does not translate inline.
//!
//! Conventions: the PC of the instruction is `cpu.s.pc`; a handler that branches writes
//! `cpu.next_pc`; a handler that raises an exception returns `Err(Trap::Exception)`
//! with the return address set (usually `cpu.s.pc`) and must not have changed
//! architectural state.

use crate::exception::{self, Trap};
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::platform::Platform;

pub mod atomic;
pub mod branch;
pub mod cond;
pub mod crc32;
pub mod crypto_aes;
pub mod crypto_pmull;
pub mod crypto_sha1;
pub mod crypto_sha256;
pub mod dp_1src;
pub mod dp_2src;
pub mod dp_3src;
pub mod dp_bitfield;
pub mod dp_imm;
pub mod dp_logical_imm;
pub mod dp_logical_reg;
pub mod dp_reg;
pub mod fp_compare;
pub mod fp_convert_fixed;
pub mod fp_convert_int;
pub mod fp_csel;
pub mod fp_dp1;
pub mod fp_dp2;
pub mod fp_dp3;
pub mod fp_move;
pub mod fp_scalar;
pub mod fp_scalar_elt;
pub mod fp_scalar_simd;
pub mod ldst;
pub mod ldst_exclusive;
pub mod ldst_pair;
pub mod ldst_simd;
pub mod ldst_struct;
pub mod simd_across;
pub mod simd_copy;
pub mod simd_fp;
pub mod simd_fp_lanes;
pub mod simd_fp_vec_across;
pub mod simd_fp_vec_fixed;
pub mod simd_fp_vec_indexed;
pub mod simd_fp_vec_misc;
pub mod simd_fp_vec_three_same;
#[cfg(test)]
pub mod simd_fuzz;
pub mod simd_indexed;
pub mod simd_lanes;
pub mod simd_logic;
pub mod simd_modimm;
pub mod simd_permute;
pub mod simd_shift_imm;
pub mod simd_table;
pub mod simd_three_diff;
pub mod simd_three_same;
pub mod simd_two_misc;
pub mod sys_ops;
pub mod system;

/// The signature of every instruction handler.
pub type ExecFn = fn(&mut Cpu, &mut dyn Platform, Insn) -> Result<(), Trap>;

/// No table line matches: UNDEFINED by the architecture (EC 0x00).
pub fn undefined(cpu: &mut Cpu, _: &mut dyn Platform, _: Insn) -> Result<(), Trap> {
    Err(exception::undefined(&cpu.s))
}

/// A table line for an encoding the architecture defines but this model does not
/// implement: UNDEFINED to the guest too, but distinguishable in the tables and in
/// `-d unimp` traces.
pub fn unimplemented(cpu: &mut Cpu, _: &mut dyn Platform, _: Insn) -> Result<(), Trap> {
    Err(exception::undefined(&cpu.s))
}

/// AddWithCarry (Arm ARM J1.1.3 shared pseudocode): result and NZCV flags, for
/// `datasize` 32 or 64.
#[inline(always)]
pub fn add_with_carry(x: u64, y: u64, carry: bool, sf: bool) -> (u64, u32) {
    if sf {
        let (r1, c1) = x.overflowing_add(y);
        let (r, c2) = r1.overflowing_add(carry as u64);
        let c = c1 || c2;
        let v = ((x ^ r) & (y ^ r)) >> 63 != 0;
        let n = r >> 63 != 0;
        (r, nzcv(n, r == 0, c, v))
    } else {
        let (x, y) = (x as u32, y as u32);
        let (r1, c1) = x.overflowing_add(y);
        let (r, c2) = r1.overflowing_add(carry as u32);
        let c = c1 || c2;
        let v = ((x ^ r) & (y ^ r)) >> 31 != 0;
        let n = r >> 31 != 0;
        (r as u64, nzcv(n, r == 0, c, v))
    }
}

/// Pack N, Z, C, V into PSTATE layout.
#[inline(always)]
pub fn nzcv(n: bool, z: bool, c: bool, v: bool) -> u32 {
    ((n as u32) << 31) | ((z as u32) << 30) | ((c as u32) << 29) | ((v as u32) << 28)
}

/// Truncate to the operation size.
#[inline(always)]
pub fn trunc(v: u64, sf: bool) -> u64 {
    if sf {
        v
    } else {
        v as u32 as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_with_carry_flags() {
        // 0x7fffffff + 1 (32-bit): N=1, V=1.
        assert_eq!(add_with_carry(0x7fff_ffff, 1, false, false), (0x8000_0000, nzcv(true, false, false, true)));
        // SUBS 0 - 0 = ADD 0 + !0 + 1: Z=1, C=1.
        assert_eq!(add_with_carry(0, !0, true, true), (0, nzcv(false, true, true, false)));
        // 1 - 2: N=1, C=0.
        assert_eq!(add_with_carry(1, !2, true, true).1, nzcv(true, false, false, false));
    }
}
