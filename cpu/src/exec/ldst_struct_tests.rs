//! Tests of the structure loads and stores ([`super`]), values worked out by hand from
//! the Arm ARM pseudocode. MMU off: data is Device memory, so an element that is not
//! aligned to its size faults.

use crate::sysreg::Slot;
use crate::testutil::{self, End, CODE, DATA};
use crate::Cpu;

const UNDEF: u64 = 1 << 25;

/// Memory from DATA: the byte at DATA + d is d + 1; every V register all ones.
fn pattern(c: &mut Cpu) {
    let bytes: Vec<u8> = (1..=0xc0).collect();
    c.ram.load(DATA, &bytes);
    for v in c.s.v.iter_mut() {
        *v = [!0, !0];
    }
}

/// [`testutil::run_code`] on the [`pattern`] memory and registers.
fn run_code(code: &[u8], setup: impl FnOnce(&mut Cpu)) -> (Cpu, End) {
    testutil::run_code(code, |c| {
        pattern(c);
        setup(c)
    })
}

fn bytes16(b: [u8; 16]) -> [u64; 2] {
    let v = u128::from_le_bytes(b);
    [v as u64, (v >> 64) as u64]
}

/// `[first, first+1, ...]`: 16 consecutive byte values.
fn run16(first: u8) -> [u64; 2] {
    bytes16(core::array::from_fn(|k| first + k as u8))
}

#[test]
fn multiple_structures_deinterleave() {
    let code = crate::a64!(
        ; ld1 {v0.b16, v1.b16}, [x0], #32
        ; ld2 {v2.h8, v3.h8}, [x1]
        ; ld3 {v4.s2, v5.s2, v6.s2}, [x1]
        ; ld4 {v7.b8, v8.b8, v9.b8, v10.b8}, [x1], x2
        ; ld1 {v29.d2, v30.d2, v31.d2}, [x3]
        ; brk 0
    );
    let (cpu, end) = run_code(&code, |c| {
        c.s.x[0] = DATA;
        c.s.x[1] = DATA;
        c.s.x[2] = 0x123;
        c.s.x[3] = DATA + 0x40;
    });
    assert_eq!(end, End::Brk(0));
    assert_eq!(cpu.s.v[0], run16(1));
    assert_eq!(cpu.s.v[1], run16(17));
    assert_eq!(cpu.s.x[0], DATA + 32);
    // Even and odd halfwords of DATA..DATA+32.
    assert_eq!(cpu.s.v[2], [0x0e0d_0a09_0605_0201, 0x1e1d_1a19_1615_1211]);
    assert_eq!(cpu.s.v[3], [0x100f_0c0b_0807_0403, 0x201f_1c1b_1817_1413]);
    // Words w0..w5; 64-bit arrangement clears the upper half.
    assert_eq!(cpu.s.v[4], [0x100f_0e0d_0403_0201, 0]);
    assert_eq!(cpu.s.v[5], [0x1413_1211_0807_0605, 0]);
    assert_eq!(cpu.s.v[6], [0x1817_1615_0c0b_0a09, 0]);
    assert_eq!(cpu.s.v[7], [u64::from_le_bytes([1, 5, 9, 13, 17, 21, 25, 29]), 0]);
    assert_eq!(cpu.s.v[10], [u64::from_le_bytes([4, 8, 12, 16, 20, 24, 28, 32]), 0]);
    assert_eq!(cpu.s.x[1], DATA + 0x123);
    assert_eq!(cpu.s.v[29], run16(0x41));
    assert_eq!(cpu.s.v[30], run16(0x51));
    assert_eq!(cpu.s.v[31], run16(0x61));
}

#[test]
fn ld1_four_registers_wrap_around_v31() {
    // LD1 {v30.2d, v31.2d, v0.2d, v1.2d}, [x1]
    let code = [0x4c40_2c3eu32.to_le_bytes(), 0xd420_0000u32.to_le_bytes()].concat();
    let (cpu, end) = run_code(&code, |c| c.s.x[1] = DATA);
    assert_eq!(end, End::Brk(0));
    assert_eq!(cpu.s.v[30], run16(1));
    assert_eq!(cpu.s.v[31], run16(17));
    assert_eq!(cpu.s.v[0], run16(33));
    assert_eq!(cpu.s.v[1], run16(49));
}

#[test]
fn multiple_structures_interleave_on_store() {
    let code = crate::a64!(
        ; st2 {v0.s4, v1.s4}, [x0], #32
        ; st4 {v4.h4, v5.h4, v6.h4, v7.h4}, [x0]
        ; st1 {v8.b8}, [x1], x2
        ; st3 {v9.d2, v10.d2, v11.d2}, [x3]
        ; brk 0
    );
    let (cpu, end) = run_code(&code, |c| {
        c.s.x[0] = DATA;
        c.s.x[1] = DATA + 0x60;
        c.s.x[2] = (-8i64) as u64;
        c.s.x[3] = DATA + 0x70;
        c.s.v[0] = [0x0000_00a1_0000_00a0, 0x0000_00a3_0000_00a2];
        c.s.v[1] = [0x0000_00b1_0000_00b0, 0x0000_00b3_0000_00b2];
        for k in 0..4 {
            // h[e] = (0x10 + e) << 8 | 0x10 * (k + 1)
            c.s.v[4 + k] = [0x1300_1200_1100_1000 + 0x0010_0010_0010_0010 * (k as u64 + 1), !0];
        }
        c.s.v[8] = [0x8877_6655_4433_2211, 0x99];
        c.s.v[9] = [0x90, 0x91];
        c.s.v[10] = [0xa0, 0xa1];
        c.s.v[11] = [0xb0, 0xb1];
    });
    assert_eq!(end, End::Brk(0));
    assert_eq!(cpu.ram.read_u64(DATA), Some(0x0000_00b0_0000_00a0));
    assert_eq!(cpu.ram.read_u64(DATA + 24), Some(0x0000_00b3_0000_00a3));
    assert_eq!(cpu.s.x[0], DATA + 32);
    // ST4 .4h: structure e is v4.h[e], v5.h[e], v6.h[e], v7.h[e].
    assert_eq!(cpu.ram.read_u64(DATA + 32), Some(0x1040_1030_1020_1010));
    assert_eq!(cpu.ram.read_u64(DATA + 56), Some(0x1340_1330_1320_1310));
    assert_eq!(cpu.ram.read_u64(DATA + 64), Some(0x4847_4645_4443_4241));
    assert_eq!(cpu.ram.read_u64(DATA + 0x60), Some(0x8877_6655_4433_2211));
    assert_eq!(cpu.s.x[1], DATA + 0x58);
    let d: Vec<u64> = (0..6).map(|k| cpu.ram.read_u64(DATA + 0x70 + 8 * k).unwrap()).collect();
    assert_eq!(d, [0x90, 0xa0, 0xb0, 0x91, 0xa1, 0xb1]);
}

#[test]
fn single_structure_lanes_and_replicate() {
    let code = crate::a64!(
        ; ld1 {v11.s}[1], [x1]
        ; ld3 {v12.h, v13.h, v14.h}[5], [x1], #6
        ; ld4r {v16.h4, v17.h4, v18.h4, v19.h4}, [x2]
        ; ld1r {v20.d1}, [x2]
        ; ld2r {v21.b16, v22.b16}, [x2], x3
        ; ld2 {v23.d, v24.d}[1], [x4]
        ; brk 0
    );
    let (cpu, end) = run_code(&code, |c| {
        c.s.x[1] = DATA;
        c.s.x[2] = DATA;
        c.s.x[3] = 0x100;
        c.s.x[4] = DATA + 16;
    });
    assert_eq!(end, End::Brk(0));
    // One lane replaced, the rest (including the upper half) kept.
    assert_eq!(cpu.s.v[11], [0x0403_0201_ffff_ffff, !0]);
    assert_eq!(cpu.s.v[12], [!0, 0xffff_ffff_0201_ffff]);
    assert_eq!(cpu.s.v[13], [!0, 0xffff_ffff_0403_ffff]);
    assert_eq!(cpu.s.v[14], [!0, 0xffff_ffff_0605_ffff]);
    assert_eq!(cpu.s.x[1], DATA + 6);
    assert_eq!(cpu.s.v[16], [0x0201_0201_0201_0201, 0]);
    assert_eq!(cpu.s.v[19], [0x0807_0807_0807_0807, 0]);
    assert_eq!(cpu.s.v[20], [0x0807_0605_0403_0201, 0]);
    assert_eq!(cpu.s.v[21], [0x0101_0101_0101_0101; 2]);
    assert_eq!(cpu.s.v[22], [0x0202_0202_0202_0202; 2]);
    assert_eq!(cpu.s.x[2], DATA + 0x100);
    assert_eq!(cpu.s.v[23], [!0, 0x1817_1615_1413_1211]);
    assert_eq!(cpu.s.v[24], [!0, 0x201f_1e1d_1c1b_1a19]);
}

#[test]
fn single_structure_stores() {
    let code = crate::a64!(
        ; st4 {v0.b, v1.b, v2.b, v3.b}[15], [x0], x2
        ; st1 {v4.d}[1], [x1], #8
        ; st2 {v5.s, v6.s}[2], [x1]
        ; brk 0
    );
    let (cpu, end) = run_code(&code, |c| {
        c.s.x[0] = DATA;
        c.s.x[1] = DATA + 8;
        c.s.x[2] = 3;
        for k in 0..4 {
            c.s.v[k] = [0, (0xa0 + k as u64) << 56];
        }
        c.s.v[4] = [1, 0x1122_3344_5566_7788];
        c.s.v[5] = [0, 0x5555_5555];
        c.s.v[6] = [0, 0x6666_6666];
    });
    assert_eq!(end, End::Brk(0));
    assert_eq!(cpu.ram.read_u64(DATA), Some(0x0807_0605_a3a2_a1a0));
    assert_eq!(cpu.s.x[0], DATA + 3);
    assert_eq!(cpu.ram.read_u64(DATA + 8), Some(0x1122_3344_5566_7788));
    assert_eq!(cpu.ram.read_u64(DATA + 16), Some(0x6666_6666_5555_5555));
    assert_eq!(cpu.s.x[1], DATA + 16);
}

#[test]
fn a_fault_on_the_second_register_changes_nothing() {
    // The last 16 bytes of RAM, then unmapped physical memory (External abort).
    let end_of_ram = CODE + 0x10_0000 - 16;
    let code = crate::a64!(
        ; ld1 {v0.b16, v1.b16}, [x0], #32
        ; brk 0
    );
    let (cpu, end) = run_code(&code, |c| c.s.x[0] = end_of_ram);
    assert!(matches!(end, End::Exception { el: 1, esr } if esr >> 26 == 0x25), "{end:?}");
    assert_eq!(cpu.s.sys[Slot::FAR_EL1 as usize], end_of_ram + 16);
    assert_eq!((cpu.s.v[0], cpu.s.v[1]), ([!0, !0], [!0, !0]));
    assert_eq!(cpu.s.x[0], end_of_ram);

    let code = crate::a64!(
        ; st2 {v0.d2, v1.d2}, [x0], #32
        ; brk 0
    );
    let (cpu, end) = run_code(&code, |c| {
        c.s.x[0] = end_of_ram;
        c.ram.load(end_of_ram, &[0x5a; 16]);
        c.s.v[0] = [1, 2];
        c.s.v[1] = [3, 4];
    });
    assert!(matches!(end, End::Exception { el: 1, esr } if esr >> 26 == 0x25), "{end:?}");
    assert_eq!(cpu.ram.dump(end_of_ram, 16), Some(vec![0x5a; 16]));
    assert_eq!(cpu.s.x[0], end_of_ram);
}

#[test]
fn elements_must_be_aligned_on_device_memory() {
    let code = crate::a64!(
        ; ld1 {v0.b16}, [x0]       // bytes: any address
        ; ld1 {v1.s4}, [x1]        // words at DATA + 4: aligned
        ; ld1 {v2.s4}, [x2]        // words at DATA + 2: alignment fault
        ; brk 0
    );
    let (cpu, end) = run_code(&code, |c| {
        c.s.x[0] = DATA + 1;
        c.s.x[1] = DATA + 4;
        c.s.x[2] = DATA + 2;
    });
    assert_eq!(end, End::Exception { el: 1, esr: (0x25 << 26) | (1 << 25) | 0x21 });
    assert_eq!(cpu.s.v[0], run16(2));
    assert_eq!(cpu.s.v[1], run16(5));
    assert_eq!(cpu.s.v[2], [!0, !0]);
}

#[test]
fn reserved_encodings_are_undefined() {
    // LD2 {v0.1d, v1.1d}, [x0] (size:Q = 110); LD1 multiple opcode 0001; LD1 single H
    // with size<0> = 1; LD1 single D with S = 1; ST1R (L = 0, opcode 110);
    // LD1R with S = 1; LD1 single S with size = 10.
    for w in [0x0c40_8c00u32, 0x4c40_1000, 0x4d40_4400, 0x4d40_9400, 0x4d00_c000, 0x4d40_d000, 0x4d40_8800] {
        let (_, end) = run_code(&w.to_le_bytes(), |_| {});
        assert_eq!(end, End::Exception { el: 1, esr: UNDEF }, "{w:#010x}");
    }
}

#[test]
fn fp_trap_comes_before_the_sp_alignment_check() {
    // LD1 {v0.16b}, [sp] with SP misaligned and SCTLR_EL1.SA set, FP disabled.
    let code = crate::a64!(; ld1 {v0.b16}, [sp] ; brk 0);
    let (_, end) = run_code(&code, |c| {
        c.s.sp_el[1] = DATA + 8;
        c.s.sys[Slot::SCTLR_EL1 as usize] |= crate::sysreg::sctlr::SA;
        c.s.sys[Slot::CPACR_EL1 as usize] = 0;
    });
    assert_eq!(end, End::Exception { el: 1, esr: (0x07 << 26) | (1 << 25) | 0x01e0_0000 });
    let (_, end) = run_code(&code, |c| {
        c.s.sp_el[1] = DATA + 8;
        c.s.sys[Slot::SCTLR_EL1 as usize] |= crate::sysreg::sctlr::SA;
    });
    assert_eq!(end, End::Exception { el: 1, esr: (0x26 << 26) | (1 << 25) });
}

/// 100k random words of every structure line (`STRUCT_FUZZ_PER_LINE` overrides).
#[test]
fn random_words_of_every_structure_line() {
    let per_line = std::env::var("STRUCT_FUZZ_PER_LINE").ok().and_then(|v| v.parse().ok()).unwrap_or(100_000);
    let lines: Vec<_> = crate::decode::ldst::TABLE.iter().filter(|e| e.pattern.starts_with("0q 00110")).collect();
    assert_eq!(lines.len(), 100);
    for e in lines {
        crate::exec::simd_fuzz::fuzz_table(std::slice::from_ref(e), per_line, 0x5eed_0002 ^ e.value as u64);
    }
}
