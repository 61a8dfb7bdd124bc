//! Tests of the SIMD&FP register loads and stores ([`super`]). MMU off: data is Device
//! memory, so misaligned accesses fault.

// Data directives (.u32, .u64, .align) in a64! need the assembler API trait.
use dynasmrt::DynasmApi as _;

use crate::sysreg::Slot;
use crate::testutil::{cpu_with_code, run, run_code, End, DATA};
use crate::Cpu;

const UNDEF: u64 = 1 << 25;

/// Memory from DATA: byte at DATA + d is d + 1.
fn pattern(c: &mut Cpu) {
    let bytes: Vec<u8> = (1..=0x80).collect();
    c.ram.load(DATA, &bytes);
    for v in c.s.v.iter_mut() {
        *v = [!0, !0];
    }
}

#[test]
fn loads_of_each_size_zero_the_rest() {
    let code = crate::a64!(
        ; ldr b0, [x1, #2]
        ; ldr h1, [x1, #2]
        ; ldr s2, [x1, #4]
        ; ldr d3, [x1, #8]
        ; ldr q4, [x1, #16]
        ; ldur s5, [x1, #-4]
        ; ldr d6, [x1, x2, lsl #3]     // DATA + 16
        ; ldr q7, [x1, w3, sxtw #4]    // DATA + 16
        ; brk 0
    );
    let (cpu, end) = run_code(&code, |c| {
        pattern(c);
        c.s.x[1] = DATA + 32;
        c.s.x[2] = (-2i64) as u64;
        c.s.x[3] = 0xffff_ffff; // -1: DATA + 16
    });
    assert_eq!(end, End::Brk(0));
    // x1 = DATA + 32: byte at x1 + k is 33 + k.
    assert_eq!(cpu.s.v[0], [35, 0]);
    assert_eq!(cpu.s.v[1], [0x2423, 0]);
    assert_eq!(cpu.s.v[2], [0x2827_2625, 0]);
    assert_eq!(cpu.s.v[3], [0x302f_2e2d_2c2b_2a29, 0]);
    assert_eq!(cpu.s.v[4], [0x3837_3635_3433_3231, 0x403f_3e3d_3c3b_3a39]);
    assert_eq!(cpu.s.v[5], [0x201f_1e1d, 0]);
    assert_eq!(cpu.s.v[6], [0x1817_1615_1413_1211, 0]);
    assert_eq!(cpu.s.v[7], [0x1817_1615_1413_1211, 0x201f_1e1d_1c1b_1a19]);
}

#[test]
fn stores_and_index_forms() {
    let code = crate::a64!(
        ; str q0, [x1, #-16]!       // x1 = DATA + 16, stores at DATA + 16
        ; str d1, [x1], #16         // stores at DATA + 16, x1 = DATA + 32
        ; str s2, [x1, #4]
        ; str h3, [x1, #8]
        ; str b4, [x1, #10]
        ; stur q5, [x1, #16]
        ; ldr q6, [x1, #-16]!       // reads DATA + 16, x1 = DATA + 16
        ; ldr s7, [x1], #-16        // x1 = DATA
        ; brk 0
    );
    let (cpu, end) = run_code(&code, |c| {
        c.s.x[1] = DATA + 32;
        c.s.v[0] = [0x1111_1111_1111_1111, 0x2222_2222_2222_2222];
        c.s.v[1] = [0x3333_3333_3333_3333, 0x4444_4444_4444_4444];
        c.s.v[2] = [0x5555_5555_aaaa_aaaa, 7];
        c.s.v[3] = [0xbbbb, 7];
        c.s.v[4] = [0xcc, 7];
        c.s.v[5] = [1, 2];
        c.s.v[7] = [!0, !0];
    });
    assert_eq!(end, End::Brk(0));
    assert_eq!(cpu.ram.read_u64(DATA + 16), Some(0x3333_3333_3333_3333));
    assert_eq!(cpu.ram.read_u64(DATA + 24), Some(0x2222_2222_2222_2222));
    assert_eq!(cpu.ram.read_u64(DATA + 32), Some(0xaaaa_aaaa_0000_0000));
    assert_eq!(cpu.ram.read_u64(DATA + 40), Some(0x0000_0000_00cc_bbbb));
    assert_eq!((cpu.ram.read_u64(DATA + 48), cpu.ram.read_u64(DATA + 56)), (Some(1), Some(2)));
    assert_eq!(cpu.s.v[6], [0x3333_3333_3333_3333, 0x2222_2222_2222_2222]);
    assert_eq!(cpu.s.v[7], [0x3333_3333, 0]);
    assert_eq!(cpu.s.x[1], DATA);
}

#[test]
fn literal_forms() {
    let code = crate::a64!(
        ; ldr s0, >lit
        ; ldr d1, >lit
        ; ldr q2, >lit
        ; brk 0
        ; .align 16
        ; lit:
        ; .u64 0x8877_6655_4433_2211
        ; .u64 0x0102_0304_0506_0708
    );
    let (cpu, end) = run_code(&code, pattern);
    assert_eq!(end, End::Brk(0));
    assert_eq!(cpu.s.v[0], [0x4433_2211, 0]);
    assert_eq!(cpu.s.v[1], [0x8877_6655_4433_2211, 0]);
    assert_eq!(cpu.s.v[2], [0x8877_6655_4433_2211, 0x0102_0304_0506_0708]);
}

#[test]
fn pairs_of_s_d_q() {
    let code = crate::a64!(
        ; ldp s0, s1, [x1]
        ; ldp d2, d3, [x1, #16]!     // x1 = DATA + 16
        ; ldnp q4, q5, [x1]          // DATA + 16, DATA + 32
        ; stp q5, q4, [x1, #64]      // DATA + 80: q5, DATA + 96: q4
        ; stnp d0, d1, [x1, #-16]    // DATA
        ; stp s2, s3, [x1], #-16     // DATA + 16, x1 = DATA
        ; brk 0
    );
    let (cpu, end) = run_code(&code, |c| {
        pattern(c);
        c.s.x[1] = DATA;
    });
    assert_eq!(end, End::Brk(0));
    assert_eq!(cpu.s.v[0], [0x0403_0201, 0]);
    assert_eq!(cpu.s.v[1], [0x0807_0605, 0]);
    assert_eq!(cpu.s.v[2], [0x1817_1615_1413_1211, 0]);
    assert_eq!(cpu.s.v[3], [0x201f_1e1d_1c1b_1a19, 0]);
    assert_eq!(cpu.s.v[4], [0x1817_1615_1413_1211, 0x201f_1e1d_1c1b_1a19]);
    assert_eq!(cpu.s.v[5], [0x2827_2625_2423_2221, 0x302f_2e2d_2c2b_2a29]);
    assert_eq!(cpu.ram.read_u64(DATA + 80), Some(0x2827_2625_2423_2221));
    assert_eq!(cpu.ram.read_u64(DATA + 104), Some(0x201f_1e1d_1c1b_1a19));
    assert_eq!(cpu.ram.read_u64(DATA), Some(0x0403_0201));
    assert_eq!(cpu.ram.read_u64(DATA + 8), Some(0x0807_0605));
    assert_eq!(cpu.ram.read_u64(DATA + 16), Some(0x1c1b_1a19_1413_1211));
    assert_eq!(cpu.s.x[1], DATA);
}

#[test]
fn fp_access_trap_comes_before_the_access() {
    let code = crate::a64!(; ldr q0, [x1], #16 ; brk 0);
    let (cpu, end) = run_code(&code, |c| {
        c.s.x[1] = DATA;
        c.s.sys[Slot::CPACR_EL1 as usize] = 0;
    });
    assert_eq!(end, End::Exception { el: 1, esr: (0x07 << 26) | (1 << 25) | 0x01e0_0000 });
    assert_eq!(cpu.s.x[1], DATA);
    // CPTR_EL2.TFP traps to EL2.
    let code = crate::a64!(; stp d0, d1, [x1] ; brk 0);
    let mut cpu = cpu_with_code(&code, 1);
    cpu.s.x[1] = DATA;
    cpu.s.sys[Slot::CPTR_EL2 as usize] |= 1 << 10;
    assert_eq!(run(&mut cpu, 10), End::Exception { el: 2, esr: (0x07 << 26) | (1 << 25) | 0x01e0_0000 });
}

#[test]
fn q_alignment_on_device_memory() {
    let code = crate::a64!(; ldr q0, [x1] ; brk 0);
    let (cpu, end) = run_code(&code, |c| {
        c.s.x[1] = DATA + 8;
        c.s.v[0] = [5, 6];
    });
    assert_eq!(end, End::Exception { el: 1, esr: (0x25 << 26) | (1 << 25) | 0x21 });
    assert_eq!(cpu.s.v[0], [5, 6]);
    let code = crate::a64!(; str s0, [x1] ; brk 0);
    let (_, end) = run_code(&code, |c| c.s.x[1] = DATA + 2);
    assert_eq!(end, End::Exception { el: 1, esr: (0x25 << 26) | (1 << 25) | (1 << 6) | 0x21 });
}

#[test]
fn unallocated_forms_are_undefined_even_when_fp_traps() {
    // LDR (uimm, SIMD&FP) with size=01, opc=11; LDP (SIMD&FP) opc=11; LDP Q0, Q0.
    let words = [0x7dc0_0020u32, 0xed40_0020, 0xad40_0020];
    for w in words {
        let mut cpu = cpu_with_code(&w.to_le_bytes(), 1);
        cpu.s.x[1] = DATA;
        cpu.s.sys[Slot::CPACR_EL1 as usize] = 0;
        assert_eq!(run(&mut cpu, 10), End::Exception { el: 1, esr: UNDEF }, "{w:#x}");
    }
}
