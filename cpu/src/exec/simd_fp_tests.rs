//! Tests of the FP/SIMD register moves (values worked out by hand from the Arm ARM
//! pseudocode) and of the FP/SIMD enable trap.

use super::*;
use crate::sysreg::Slot;
use crate::testutil::{cpu_with_code, run, run_el1, End};

fn v(cpu: &Cpu, n: usize) -> u128 {
    vreg(cpu, n as u32)
}

#[test]
fn element_helpers() {
    let x: u128 = 0x0f0e_0d0c_0b0a_0908_0706_0504_0302_0100;
    assert_eq!(elem(x, 3, 8), 3);
    assert_eq!(elem(x, 1, 64), 0x0f0e_0d0c_0b0a_0908);
    assert_eq!(elem(x, 16, 8), 0);
    assert_eq!(set_elem(x, 1, 32, 0xdead_beef), 0x0f0e_0d0c_0b0a_0908_dead_beef_0302_0100);
    assert_eq!(replicate(0x1234, 16, 64), 0x1234_1234_1234_1234);
    assert_eq!(sign_extend(0x80, 8), 0xffff_ffff_ffff_ff80);
}

#[test]
fn fmov_scalar_immediate() {
    let code = crate::a64!(
        ; movi v0.d2, 0xffffffffffffffff
        ; movi v1.d2, 0xffffffffffffffff
        ; fmov d0, 1.0
        ; fmov s1, -2.0
        ; brk 0
    );
    let cpu = run_el1(&code);
    // VFPExpandImm(0x70, 64) = 0x3ff0..., upper 64 bits cleared.
    assert_eq!(v(&cpu, 0), 0x3ff0_0000_0000_0000);
    assert_eq!(v(&cpu, 1), 0xc000_0000);
}

#[test]
fn fmov_general_and_register() {
    let code = crate::a64!(
        ; movi v2.d2, 0xffffffffffffffff
        ; movi v3.d2, 0xffffffffffffffff
        ; fmov d2, x1          // D2 = X1, upper half cleared
        ; fmov s3, w1          // S3 = W1
        ; fmov v3.d[1], x4     // top half only
        ; fmov x5, d2
        ; fmov w6, s2          // low 32 bits, zero-extended
        ; fmov x7, v3.d[1]
        ; fmov d8, d3          // copies D3, clears upper
        ; fmov s9, s2
        ; brk 0
    );
    let mut cpu = cpu_with_code(&code, 1);
    cpu.s.x[1] = 0x1122_3344_5566_7788;
    cpu.s.x[4] = 0xaaaa_bbbb_cccc_dddd;
    cpu.s.x[6] = u64::MAX;
    assert_eq!(run(&mut cpu, 100), End::Brk(0));
    assert_eq!(v(&cpu, 2), 0x1122_3344_5566_7788);
    assert_eq!(v(&cpu, 3), 0xaaaa_bbbb_cccc_dddd_0000_0000_5566_7788);
    assert_eq!(cpu.s.x[5], 0x1122_3344_5566_7788);
    assert_eq!(cpu.s.x[6], 0x5566_7788);
    assert_eq!(cpu.s.x[7], 0xaaaa_bbbb_cccc_dddd);
    assert_eq!(v(&cpu, 8), 0x5566_7788);
    assert_eq!(v(&cpu, 9), 0x5566_7788);
}

#[test]
fn movi_mvni_orr_bic_immediate() {
    let code = crate::a64!(
        ; movi v0.d2, 0xff00ff00ff00ff00
        ; movi d1, 0x00000000000000ff
        ; movi v2.b16, 0x55
        ; movi v3.s4, 0xab, lsl 8
        ; mvni v4.h8, 0x12
        ; movi v5.s4, 0xab, msl 16
        ; movi v6.d2, 0xffffffffffffffff
        ; bic v6.s4, 0xff, lsl 24
        ; movi v7.b8, 0x01              // 64-bit vector: upper half cleared
        ; orr v7.h4, 0x80, lsl 8
        ; fmov v8.s4, 1.0
        ; fmov v9.d2, -2.0
        ; brk 0
    );
    let cpu = run_el1(&code);
    assert_eq!(v(&cpu, 0), 0xff00_ff00_ff00_ff00_ff00_ff00_ff00_ff00);
    assert_eq!(v(&cpu, 1), 0xff);
    assert_eq!(v(&cpu, 2), 0x5555_5555_5555_5555_5555_5555_5555_5555);
    assert_eq!(v(&cpu, 3), 0x0000_ab00_0000_ab00_0000_ab00_0000_ab00);
    assert_eq!(v(&cpu, 4), 0xffed_ffed_ffed_ffed_ffed_ffed_ffed_ffed);
    assert_eq!(v(&cpu, 5), 0x00ab_ffff_00ab_ffff_00ab_ffff_00ab_ffff);
    assert_eq!(v(&cpu, 6), 0x00ff_ffff_00ff_ffff_00ff_ffff_00ff_ffff);
    assert_eq!(v(&cpu, 7), 0x8101_8101_8101_8101);
    assert_eq!(v(&cpu, 8), 0x3f80_0000_3f80_0000_3f80_0000_3f80_0000);
    assert_eq!(v(&cpu, 9), 0xc000_0000_0000_0000_c000_0000_0000_0000);
}

#[test]
fn dup_ins_umov_smov() {
    let code = crate::a64!(
        ; dup v1.s4, w0
        ; dup v2.b8, w0              // 64-bit vector
        ; dup v3.h8, v10.h[5]
        ; dup v4.d2, v10.d[1]
        ; ins v10.s[1], w0           // keeps the other lanes
        ; ins v11.b[15], v12.b[0]
        ; umov w5, v12.b[1]
        ; umov x6, v12.d[1]
        ; smov x7, v12.b[1]
        ; smov w8, v12.h[2]
        ; smov x9, v12.s[3]
        ; umov w13, v12.h[2]
        ; mov b14, v12.b[1]          // DUP (element), scalar
        ; brk 0
    );
    let mut cpu = cpu_with_code(&code, 1);
    cpu.s.x[0] = 0x1234_5678_9abc_def0;
    cpu.s.x[8] = u64::MAX;
    cpu.s.v[10] = [0x0706_0504_0302_0100, 0x0f0e_0d0c_0b0a_0908];
    cpu.s.v[11] = [0x1111_1111_1111_1111, 0x2222_2222_2222_2222];
    cpu.s.v[12] = [0x0000_8081_0000_80ee, 0x8000_0000_0000_0042];
    cpu.s.v[14] = [u64::MAX, u64::MAX];
    assert_eq!(run(&mut cpu, 100), End::Brk(0));
    assert_eq!(v(&cpu, 1), 0x9abc_def0_9abc_def0_9abc_def0_9abc_def0);
    assert_eq!(v(&cpu, 2), 0xf0f0_f0f0_f0f0_f0f0);
    assert_eq!(v(&cpu, 3), 0x0b0a_0b0a_0b0a_0b0a_0b0a_0b0a_0b0a_0b0a);
    assert_eq!(v(&cpu, 4), 0x0f0e_0d0c_0b0a_0908_0f0e_0d0c_0b0a_0908);
    assert_eq!(v(&cpu, 10), 0x0f0e_0d0c_0b0a_0908_9abc_def0_0302_0100);
    assert_eq!(v(&cpu, 11), 0xee22_2222_2222_2222_1111_1111_1111_1111);
    assert_eq!(cpu.s.x[5], 0x80);
    assert_eq!(cpu.s.x[6], 0x8000_0000_0000_0042);
    assert_eq!(cpu.s.x[7], 0xffff_ffff_ffff_ff80);
    // SMOV to W: sign-extended to 32 bits, the upper 32 bits of X8 zero.
    assert_eq!(cpu.s.x[8], 0x0000_0000_ffff_8081);
    assert_eq!(cpu.s.x[9], 0xffff_ffff_8000_0000);
    assert_eq!(cpu.s.x[13], 0x8081);
    assert_eq!(v(&cpu, 14), 0x80);
}

#[test]
fn vector_logical_register() {
    let code = crate::a64!(
        ; mov v2.b16, v0.b16         // ORR with Rm == Rn
        ; and v3.b16, v0.b16, v1.b16
        ; bic v4.b16, v0.b16, v1.b16
        ; orn v5.b8, v0.b8, v1.b8    // 64-bit: upper half cleared
        ; eor v6.b16, v0.b16, v1.b16
        ; bsl v7.b16, v0.b16, v1.b16
        ; bit v8.b16, v0.b16, v1.b16
        ; bif v9.b16, v0.b16, v1.b16
        ; brk 0
    );
    let mut cpu = cpu_with_code(&code, 1);
    let a: u128 = 0xff00_ff00_f0f0_f0f0_1234_5678_9abc_def0;
    let b: u128 = 0x0ff0_0ff0_cccc_cccc_ffff_0000_ffff_0000;
    let sel: u128 = 0xffff_0000_ffff_0000_00ff_00ff_00ff_00ff;
    set_vreg(&mut cpu, 0, a);
    set_vreg(&mut cpu, 1, b);
    for r in 7..=9 {
        set_vreg(&mut cpu, r, sel);
    }
    assert_eq!(run(&mut cpu, 100), End::Brk(0));
    assert_eq!(v(&cpu, 2), a);
    assert_eq!(v(&cpu, 3), a & b);
    assert_eq!(v(&cpu, 4), a & !b);
    assert_eq!(v(&cpu, 5), (a | !b) & ones128(64));
    assert_eq!(v(&cpu, 6), a ^ b);
    assert_eq!(v(&cpu, 7), (a & sel) | (b & !sel));
    assert_eq!(v(&cpu, 8), (a & b) | (sel & !b));
    assert_eq!(v(&cpu, 9), (sel & b) | (a & !b));
}

#[test]
fn reserved_encodings_are_undefined() {
    // DUP (general) with imm5 = 0b10000 (size > 3): UNDEFINED even with FP trapped.
    let dup_bad: u32 = 0x4e10_0c20;
    // UMOV Wd with a D element (Q = 0, imm5 = x1000): UNDEFINED.
    let umov_bad: u32 = 0x0e08_3c20;
    for word in [dup_bad, umov_bad] {
        let mut code = word.to_le_bytes().to_vec();
        code.extend_from_slice(&0xd420_0000u32.to_le_bytes());
        let mut cpu = cpu_with_code(&code, 1);
        cpu.s.sys[Slot::CPACR_EL1 as usize] = 0;
        assert_eq!(run(&mut cpu, 10), End::Exception { el: 1, esr: 1 << 25 }, "{word:#x}");
    }
}

#[test]
fn fp_disabled_by_cpacr_traps_to_el1() {
    let code = crate::a64!(; fmov d0, 1.0 ; brk 0);
    let mut cpu = cpu_with_code(&code, 1);
    cpu.s.sys[Slot::CPACR_EL1 as usize] = 0;
    // EC 0x07, IL = 1, ISS = CV:COND = 1:1110.
    assert_eq!(run(&mut cpu, 10), End::Exception { el: 1, esr: (0x07 << 26) | (1 << 25) | 0x01e0_0000 });
    assert_eq!(cpu.s.sys[Slot::ELR_EL1 as usize], crate::testutil::CODE);
    assert_eq!(v(&cpu, 0), 0);
}

#[test]
fn fp_trapped_by_cptr_el2_goes_to_el2() {
    // An unimplemented allocated encoding (FADD d0, d1, d2) traps too, before UNDEFINED.
    let code = crate::a64!(; umov w0, v1.s[0] ; brk 0);
    for word in [u32::from_le_bytes([code[0], code[1], code[2], code[3]]), 0x1e62_2820] {
        let mut cpu = cpu_with_code(&word.to_le_bytes(), 2);
        cpu.s.el = 1;
        cpu.s.sys[Slot::HCR_EL2 as usize] = crate::sysreg::hcr::RW;
        cpu.s.sys[Slot::CPTR_EL2 as usize] |= crate::sysreg::cptr::TFP;
        cpu.s.x[0] = 7;
        assert_eq!(run(&mut cpu, 10), End::Exception { el: 2, esr: (0x07 << 26) | (1 << 25) | 0x01e0_0000 });
        assert_eq!(cpu.s.x[0], 7);
        assert_eq!(cpu.s.sys[Slot::ELR_EL2 as usize], crate::testutil::CODE);
    }
}

#[test]
fn fp_enabled_at_el0_with_fpen_01_traps_only_el0() {
    let code = crate::a64!(; dup v0.s4, w1 ; brk 0);
    let mut cpu = cpu_with_code(&code, 1);
    cpu.s.sys[Slot::CPACR_EL1 as usize] = 1 << 20;
    assert_eq!(run(&mut cpu, 10), End::Brk(0));
    let mut cpu = cpu_with_code(&code, 1);
    cpu.s.sys[Slot::CPACR_EL1 as usize] = 1 << 20;
    cpu.s.el = 0;
    cpu.s.spsel = 0;
    assert_eq!(run(&mut cpu, 10), End::Exception { el: 1, esr: (0x07 << 26) | (1 << 25) | 0x01e0_0000 });
}
