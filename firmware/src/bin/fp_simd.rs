//! ARMv8.0 FP and AdvSIMD instructions with fixed inputs, at EL1 with FP
//! enabled (CPACR_EL1.FPEN=0b11, CPTR_EL2.TFP=0) and the EL1 MMU on
//! (identity map, Normal RAM, so unaligned FP loads/stores are allowed).
//!
//! Each instruction (wrapped by `fw::vop!`) runs over a fixed set of inputs
//! (ordinary values and specials: ±0, ±inf, quiet/signalling NaNs with
//! payloads, denormals, values that round differently per mode) and FPCR
//! modes; the output is one line per instruction (and per FPCR mode for the
//! scalar groups) with an integer hash of every result and FPSR, the OR of
//! the FPSR values, and the raw result of the first input. Everything is
//! printed as raw bits. Values fixed by the architecture (IEEE 754 results,
//! default NaN, FIPS-197 AES, SHA-1/SHA-256("abc"), carry-less products)
//! are self-checked with PASS/FAIL lines. Build with `FP_SIMD_VERBOSE=1` in
//! the environment to print every single result (for narrowing down a
//! difference).
#![no_std]
#![no_main]

use core::arch::asm;
use core::sync::atomic::{AtomicU64, Ordering};
use fw::exceptions::{self, Frame, Kind};
use fw::fpsimd::{self, fpsr, mix, mix128, run, OpFn, AHP, DN, FZ, RM, RN, RP, RZ};
use fw::mmu::{self, Table};
use fw::{check, el, print, println, sysreg, vop};

fw::entry!(main);

const VERBOSE: bool = option_env!("FP_SIMD_VERBOSE").is_some();

fn main() -> ! {
    println!("fp_simd: start");
    check::eq("boot CurrentEL", sysreg::current_el(), 2);
    exceptions::set_handler(1, el1_handler);
    el::enter_el1(el1_main)
}

static L1: Table = Table::new();
static L2: Table = Table::new();

/// Number of UNDEFINED instructions met (none expected: a missing
/// instruction is reported on its line and by a final check, and skipped so
/// the rest still runs).
static UNDEF: AtomicU64 = AtomicU64::new(0);

fn undef_count() -> u64 {
    UNDEF.load(Ordering::Relaxed)
}

fn el1_handler(f: &mut Frame, kind: Kind) {
    if kind == Kind::Sync && (f.esr >> 26) & 0x3f == exceptions::ec::UNKNOWN {
        UNDEF.store(UNDEF.load(Ordering::Relaxed) + 1, Ordering::Relaxed);
        f.elr += 4;
        return;
    }
    println!("unexpected exception at EL1 esr=0x{:x} elr=0x{:x}", f.esr, f.elr);
    check::fail("unexpected exception");
    check::finish();
}

extern "C" fn el1_main() -> ! {
    check::eq("EL1 CurrentEL", sysreg::current_el(), 1);
    check::eq("CPACR_EL1.FPEN", (fw::read_sysreg!(cpacr_el1) >> 20) & 3, 3);
    // Normal memory (MMU on), so the unaligned FP loads/stores are permitted.
    mmu::s1_identity(&L1, &L2, 0);
    mmu::enable_el1(&L1);
    check::eq("SCTLR_EL1.M", fw::read_sysreg!(sctlr_el1) & 1, 1);
    fixed_checks();
    scalar_fp();
    conversions();
    compares();
    vector_fp();
    integer_simd();
    permutes();
    loads_stores();
    crypto();
    check::eq("UNDEFINED instructions met", undef_count(), 0);
    check::finish()
}

// ---------------------------------------------------------------------------
// Inputs

/// Double-precision inputs.
const D_VALS: [u64; 16] = [
    0x0000_0000_0000_0000, // +0
    0x8000_0000_0000_0000, // -0
    0x3FF0_0000_0000_0000, // 1.0
    0x4000_0000_0000_0000, // 2.0
    0xBFF8_0000_0000_0000, // -1.5
    0x3FD5_5555_5555_5555, // ~1/3
    0x3CA0_0000_0000_0001, // 2^-53 (1 + ulp): rounding-sensitive against 1.0
    0x7FEF_FFFF_FFFF_FFFF, // max normal
    0x0010_0000_0000_0000, // min normal
    0x000F_FFFF_FFFF_FFFF, // max denormal
    0x8000_0000_0000_0001, // -min denormal
    0x7FF0_0000_0000_0000, // +inf
    0xFFF0_0000_0000_0000, // -inf
    0x7FF8_0000_0000_0123, // qNaN with payload
    0x7FF4_0000_0000_0456, // sNaN with payload
    0xFFF8_0000_0000_00AB, // -qNaN with payload
];

/// Single-precision inputs (same roles as `D_VALS`).
const S_VALS: [u64; 16] = [
    0x0000_0000,
    0x8000_0000,
    0x3F80_0000,
    0x4000_0000,
    0xBFC0_0000,
    0x3EAA_AAAB,
    0x3380_0001,
    0x7F7F_FFFF,
    0x0080_0000,
    0x007F_FFFF,
    0x8000_0001,
    0x7F80_0000,
    0xFF80_0000,
    0x7FC0_0123,
    0x7FA0_0456,
    0xFFC0_00AB,
];

/// Half-precision inputs (conversion sources).
const H_VALS: [u64; 16] = [
    0x0000, 0x8000, 0x3C00, 0x7BFF, 0x7C00, 0xFC00, 0x7E01, 0x7D01, 0x0001, 0x03FF, 0x0400, 0xC500, 0x3555, 0xFBFF,
    0x7FFF, 0x8001,
];

/// Extra double inputs for conversions to integer / half.
const D_CVT: [u64; 16] = [
    0x43E0_0000_0000_0000, // 2^63
    0xC3E0_0000_0000_0000, // -2^63
    0x41DF_FFFF_FFE0_0000, // 2^31 - 0.5
    0x4004_0000_0000_0000, // 2.5
    0xC004_0000_0000_0000, // -2.5
    0x3FE0_0000_0000_0000, // 0.5
    0x40EF_FC00_0000_0000, // 65504
    0x40EF_FE00_0000_0000, // 65520
    0x3EE4_F8B5_88E3_68F1, // 1e-5
    0x3E70_0000_0000_0000, // 2^-24
    0x40FF_FC00_0000_0000, // 131008
    0x7E37_E43C_8800_759C, // 1e300
    0xBFEF_FFFF_FFFF_FFFF, // -(1 - 2^-53)
    0x41F0_0000_0000_0000, // 2^32
    0x4330_0000_0000_0001, // 2^52 + 1
    0xC1E0_0000_0020_0000, // -(2^31 + 1/1024)
];

/// Integer inputs (int -> FP conversions).
const I_VALS: [u64; 16] = [
    0,
    1,
    u64::MAX,
    0x7FFF_FFFF_FFFF_FFFF,
    0x8000_0000_0000_0000,
    0x7FFF_FFFF,
    0x8000_0000,
    0xFFFF_FFFF,
    0x001F_FFFF_FFFF_FFFF,
    0x0020_0000_0000_0001,
    0x0123_4567_89AB_CDEF,
    0x0100_0001,
    3,
    0x8000_0000_0000_0001,
    0xFFFF_FFFF_8000_0001,
    0x0000_0000_0100_0003,
];

/// NZCV inputs for FCCMP/FCSEL.
const NZCV_VALS: [u64; 4] = [0, 0x6000_0000, 0x8000_0000, 0x1000_0000];

/// The 16 scalar FPCR modes: RMode x FZ x DN.
const MODES16: [u64; 16] = {
    let mut m = [0u64; 16];
    let mut i = 0;
    while i < 16 {
        m[i] = ((i as u64 & 3) << 22) | (((i as u64 >> 2) & 1) * FZ) | (((i as u64 >> 3) & 1) * DN);
        i += 1;
    }
    m
};

/// The 32 conversion FPCR modes: MODES16 x AHP.
const MODES32: [u64; 32] = {
    let mut m = [0u64; 32];
    let mut i = 0;
    while i < 32 {
        m[i] = MODES16[i & 15] | (((i as u64 >> 4) & 1) * AHP);
        i += 1;
    }
    m
};

/// Four modes for vector FP.
const MODES4: [u64; 4] = [RN, RZ | FZ, RP | DN, RM | FZ | DN];

/// xorshift64 (same generator as the integer benchmark).
fn rng(s: &mut u64) -> u64 {
    fw::bench::xorshift(s)
}

// ---------------------------------------------------------------------------
// Drivers

/// Per-op statistics.
struct Acc {
    h: u64,
    or: u64,
    first: u128,
    first_s: u64,
    n: u32,
    undef0: u64,
}

impl Acc {
    fn new() -> Self {
        Acc { h: 0x5555, or: 0, first: 0, first_s: 0, n: 0, undef0: undef_count() }
    }
    fn add(&mut self, name: &str, v: &[u128; 4], fpcr: u64, r: u128, s: u64) {
        if self.n == 0 {
            self.first = r;
            self.first_s = s;
        }
        self.n += 1;
        self.h = mix(mix128(self.h, r), s);
        self.or |= s;
        if VERBOSE {
            println!(
                "    {} fpcr=0x{:x} in=[{:x} {:x} {:x} {:x}] -> 0x{:x} fpsr=0x{:x}",
                name, fpcr, v[0], v[1], v[2], v[3], r, s
            );
        }
    }
    fn print(&self, name: &str, mode: Option<u64>) {
        match mode {
            Some(m) => print!("  {:<14} m={:02x}", name, m >> 22),
            None => print!("  {:<22}", name),
        }
        print!(" h={:016x} fpsr|={:08x} r0={:x} s0={:x}", self.h, self.or, self.first, self.first_s);
        let u = undef_count() - self.undef0;
        if u != 0 {
            print!(" UNDEFINED x{}", u);
        }
        println!();
    }
}

/// Hash of everything printed by a group.
static mut GROUP: u64 = 0;

fn group_add(a: &Acc) {
    // SAFETY: single PE, no interrupts: plain accesses to a private static.
    unsafe {
        let g = &mut *core::ptr::addr_of_mut!(GROUP);
        *g = mix(mix(*g, a.h), a.or);
    }
}

fn group_start(name: &str) {
    println!("{}:", name);
    // SAFETY: as in `group_add`.
    unsafe { *core::ptr::addr_of_mut!(GROUP) = 0 };
}

fn group_end(name: &str) {
    // SAFETY: as in `group_add`.
    let g = unsafe { *core::ptr::addr_of!(GROUP) };
    println!("{} checksum: {:016x}", name, g);
}

/// Operand shapes of the scalar tables.
#[derive(Clone, Copy)]
enum Shape {
    /// a, b from the list.
    Two,
    /// a from the list.
    One,
    /// a, b from the list, c from a 6-value subset.
    Three,
    /// a, b from the list, c = NZCV.
    Cmp,
}

/// Runs a scalar table: inputs in the low bits of V1..V3, one line per mode.
fn scalar_table(ops: &[(&str, OpFn)], vals: &[u64; 16], shape: Shape, modes: &[u64]) {
    for &(name, f) in ops {
        for &m in modes {
            let mut a = Acc::new();
            let nb = match shape {
                Shape::One => 1,
                _ => 16,
            };
            let cs: &[u64] = match shape {
                Shape::Three => &[vals[0], vals[1], vals[2], vals[6], vals[11], vals[13]],
                Shape::Cmp => &NZCV_VALS,
                _ => &[0],
            };
            for &x in vals.iter() {
                for &y in vals[..nb].iter() {
                    for &c in cs {
                        let v = [0x1111_2222_3333_4444_5555_6666_7777_8888, x as u128, y as u128, c as u128];
                        let (r, s) = run(f, v, m);
                        a.add(name, &v, m, r, s);
                    }
                }
            }
            a.print(name, Some(m));
            group_add(&a);
        }
    }
}

/// Runs a vector table over `sets` (V0..V3 each) and `modes`.
fn vector_table(ops: &[(&str, OpFn)], sets: &[[u128; 4]], modes: &[u64]) {
    for &(name, f) in ops {
        let mut a = Acc::new();
        for &m in modes {
            for v in sets {
                let (r, s) = run(f, *v, m);
                a.add(name, v, m, r, s);
            }
        }
        a.print(name, None);
        group_add(&a);
    }
}

// ---------------------------------------------------------------------------
// Fixed (architecturally defined) results

fn d(f: OpFn, a: u64, b: u64, fpcr: u64) -> (u64, u64) {
    let (r, s) = run(f, [0, a as u128, b as u128, 0], fpcr);
    (r as u64, s)
}

fn fixed_checks() {
    println!("fixed results:");
    let fadd_d = vop!("fadd d0, d1, d2");
    let fadd_s = vop!("fadd s0, s1, s2");
    let fdiv_d = vop!("fdiv d0, d1, d2");
    let fsqrt_d = vop!("fsqrt d0, d1");
    let fmul_d = vop!("fmul d0, d1, d2");
    let fcvtzs_x = vop!("fcvtzs x12, d1\n fmov d0, x12");
    let fcmp_d = vop!("fcmp d1, d2\n mrs x12, nzcv\n fmov d0, x12");
    let sqadd_b = vop!("sqadd v0.16b, v1.16b, v2.16b");
    let cnt = vop!("cnt v0.16b, v1.16b");
    let tbl = vop!("tbl v0.16b, {{v1.16b}}, v2.16b");
    let fmadd_d = vop!("fmadd d0, d1, d2, d3");
    let one = 0x3FF0_0000_0000_0000u64;
    let two = 0x4000_0000_0000_0000u64;
    let dnan = 0x7FF8_0000_0000_0000u64;

    check::eq("fadd d: 1.0 + 2.0", d(fadd_d, one, two, RN).0, 0x4008_0000_0000_0000);
    check::eq("fadd s: 1.0 + 2.0", d(fadd_s, 0x3F80_0000, 0x4000_0000, RN).0, 0x4040_0000);
    let (r, s) = d(fdiv_d, 0, 0, DN);
    check::eq("fdiv d: 0/0 (DN) = default NaN", r, dnan);
    check::eq("  FPSR = IOC", s, fpsr::IOC);
    let (r, s) = d(fdiv_d, one, 0, RN);
    check::eq("fdiv d: 1/0 = +inf", r, 0x7FF0_0000_0000_0000);
    check::eq("  FPSR = DZC", s, fpsr::DZC);
    let (r, s) = d(fadd_d, 0x7FF4_0000_0000_0456, one, RN);
    check::eq("fadd d: sNaN + 1 = quieted sNaN", r, 0x7FFC_0000_0000_0456);
    check::eq("  FPSR = IOC", s, fpsr::IOC);
    check::eq("fadd d: sNaN + 1 (DN) = default NaN", d(fadd_d, 0x7FF4_0000_0000_0456, one, DN).0, dnan);
    check::eq(
        "fadd d: qNaN1 + qNaN2 = qNaN1",
        d(fadd_d, 0x7FF8_0000_0000_0123, 0xFFF8_0000_0000_00AB, RN).0,
        0x7FF8_0000_0000_0123,
    );
    check::eq(
        "fadd d: qNaN + sNaN = quieted sNaN",
        d(fadd_d, 0x7FF8_0000_0000_0123, 0x7FF4_0000_0000_0456, RN).0,
        0x7FFC_0000_0000_0456,
    );
    let (r, s) = d(fsqrt_d, 0xBFF0_0000_0000_0000, 0, RN);
    check::eq("fsqrt d: sqrt(-1) = default NaN", r, dnan);
    check::eq("  FPSR = IOC", s, fpsr::IOC);
    check::eq("fsqrt d: sqrt(-0) = -0", d(fsqrt_d, 0x8000_0000_0000_0000, 0, RN).0, 0x8000_0000_0000_0000);
    let (r, s) = d(fadd_d, 0x0000_0000_0000_0001, 0, FZ);
    check::eq("fadd d (FZ): denormal + 0 = +0", r, 0);
    check::eq("  FPSR = IDC", s, fpsr::IDC);
    let (r, s) = d(fmul_d, 0x7FEF_FFFF_FFFF_FFFF, two, RN);
    check::eq("fmul d (RN): max * 2 = +inf", r, 0x7FF0_0000_0000_0000);
    check::eq("  FPSR = OFC|IXC", s, fpsr::OFC | fpsr::IXC);
    check::eq("fmul d (RZ): max * 2 = max", d(fmul_d, 0x7FEF_FFFF_FFFF_FFFF, two, RZ).0, 0x7FEF_FFFF_FFFF_FFFF);
    check::eq("fmul d (RM): -max * 2 = -inf", d(fmul_d, 0xFFEF_FFFF_FFFF_FFFF, two, RM).0, 0xFFF0_0000_0000_0000);
    check::eq("fadd d (RP): 1 + 2^-60 = 1 + ulp", d(fadd_d, one, 0x3C30_0000_0000_0000, RP).0, one + 1);
    check::eq("fadd d (RN): 1 + 2^-60 = 1", d(fadd_d, one, 0x3C30_0000_0000_0000, RN).0, one);
    let (r, s) = d(fmul_d, 0x0010_0000_0000_0000, 0x3FE0_0000_0000_0000, RN);
    check::eq("fmul d: min normal * 0.5 = denormal", r, 0x0008_0000_0000_0000);
    check::eq("  FPSR = 0 (exact)", s, 0);
    let (r, s) = d(fmul_d, 0x0010_0000_0000_0001, 0x3FE0_0000_0000_0000, RN);
    check::eq("fmul d: inexact denormal result", r, 0x0008_0000_0000_0000);
    check::eq("  FPSR = UFC|IXC", s, fpsr::UFC | fpsr::IXC);
    let (r, s) = run(fmadd_d, [0, 0x3FF0_0000_0000_0001, 0x3FF0_0000_0000_0001, 0xBFF0_0000_0000_0002], RN);
    check::eq("fmadd d: fused (1+u)^2 - (1+2u) = u^2 (u=2^-52)", r as u64, 0x3970_0000_0000_0000);
    check::eq("  FPSR = 0", s, 0);
    let (r, s) = d(fcvtzs_x, 0x7E37_E43C_8800_759C, 0, RN);
    check::eq("fcvtzs x: 1e300 saturates", r, 0x7FFF_FFFF_FFFF_FFFF);
    check::eq("  FPSR = IOC", s, fpsr::IOC);
    check::eq("fcvtzs x: -2.5 = -2", d(fcvtzs_x, 0xC004_0000_0000_0000, 0, RN).0, (-2i64) as u64);
    check::eq("fcmp d: 1.0 vs qNaN -> NZCV=0011", d(fcmp_d, one, 0x7FF8_0000_0000_0123, RN).0, 0x3000_0000);
    check::eq("fcmp d: 1.0 vs 2.0 -> NZCV=1000", d(fcmp_d, one, two, RN).0, 0x8000_0000);
    check::eq("fcmp d: +0 vs -0 -> NZCV=0110", d(fcmp_d, 0, 0x8000_0000_0000_0000, RN).0, 0x6000_0000);
    let (r, s) = run(sqadd_b, [0, 0x7F, 0x01, 0], RN);
    check::eq("sqadd b: 0x7f + 1 = 0x7f", r as u64, 0x7F);
    check::eq("  FPSR = QC", s, fpsr::QC);
    check::eq("cnt: all ones = 8 per byte", run(cnt, [0, u128::MAX, 0, 0], RN).0 as u64, 0x0808_0808_0808_0808);
    let idx = 0x0F_40_01_10_00u128; // bytes 00, 10 (out of range), 01, 40, 0f
    let tab = 0x0F0E_0D0C_0B0A_0908_0706_0504_0302_0100u128 + 0x1010_1010_1010_1010_1010_1010_1010_1010;
    check::eq("tbl: out-of-range index = 0", run(tbl, [0, tab, idx, 0], RN).0 as u64, 0x1010_101F_0011_0010);
}

// ---------------------------------------------------------------------------
// Scalar FP arithmetic

fn scalar_fp() {
    group_start("scalar FP arithmetic");
    let d2: &[(&str, OpFn)] = &[
        ("fadd.d", vop!("fadd d0, d1, d2")),
        ("fsub.d", vop!("fsub d0, d1, d2")),
        ("fmul.d", vop!("fmul d0, d1, d2")),
        ("fdiv.d", vop!("fdiv d0, d1, d2")),
        ("fmax.d", vop!("fmax d0, d1, d2")),
        ("fmin.d", vop!("fmin d0, d1, d2")),
        ("fmaxnm.d", vop!("fmaxnm d0, d1, d2")),
        ("fminnm.d", vop!("fminnm d0, d1, d2")),
        ("fnmul.d", vop!("fnmul d0, d1, d2")),
        ("fabd.d", vop!("fabd d0, d1, d2")),
        ("fmulx.d", vop!("fmulx d0, d1, d2")),
        ("frecps.d", vop!("frecps d0, d1, d2")),
        ("frsqrts.d", vop!("frsqrts d0, d1, d2")),
    ];
    let s2: &[(&str, OpFn)] = &[
        ("fadd.s", vop!("fadd s0, s1, s2")),
        ("fsub.s", vop!("fsub s0, s1, s2")),
        ("fmul.s", vop!("fmul s0, s1, s2")),
        ("fdiv.s", vop!("fdiv s0, s1, s2")),
        ("fmax.s", vop!("fmax s0, s1, s2")),
        ("fmin.s", vop!("fmin s0, s1, s2")),
        ("fmaxnm.s", vop!("fmaxnm s0, s1, s2")),
        ("fminnm.s", vop!("fminnm s0, s1, s2")),
        ("fnmul.s", vop!("fnmul s0, s1, s2")),
        ("fabd.s", vop!("fabd s0, s1, s2")),
        ("fmulx.s", vop!("fmulx s0, s1, s2")),
        ("frecps.s", vop!("frecps s0, s1, s2")),
        ("frsqrts.s", vop!("frsqrts s0, s1, s2")),
    ];
    let d1: &[(&str, OpFn)] = &[
        ("fsqrt.d", vop!("fsqrt d0, d1")),
        ("fabs.d", vop!("fabs d0, d1")),
        ("fneg.d", vop!("fneg d0, d1")),
        ("fmov.d", vop!("fmov d0, d1")),
        ("frecpe.d", vop!("frecpe d0, d1")),
        ("frsqrte.d", vop!("frsqrte d0, d1")),
        ("frecpx.d", vop!("frecpx d0, d1")),
    ];
    let s1: &[(&str, OpFn)] = &[
        ("fsqrt.s", vop!("fsqrt s0, s1")),
        ("fabs.s", vop!("fabs s0, s1")),
        ("fneg.s", vop!("fneg s0, s1")),
        ("frecpe.s", vop!("frecpe s0, s1")),
        ("frsqrte.s", vop!("frsqrte s0, s1")),
        ("frecpx.s", vop!("frecpx s0, s1")),
    ];
    let d3: &[(&str, OpFn)] = &[
        ("fmadd.d", vop!("fmadd d0, d1, d2, d3")),
        ("fmsub.d", vop!("fmsub d0, d1, d2, d3")),
        ("fnmadd.d", vop!("fnmadd d0, d1, d2, d3")),
        ("fnmsub.d", vop!("fnmsub d0, d1, d2, d3")),
    ];
    let s3: &[(&str, OpFn)] = &[
        ("fmadd.s", vop!("fmadd s0, s1, s2, s3")),
        ("fmsub.s", vop!("fmsub s0, s1, s2, s3")),
        ("fnmadd.s", vop!("fnmadd s0, s1, s2, s3")),
        ("fnmsub.s", vop!("fnmsub s0, s1, s2, s3")),
    ];
    scalar_table(d2, &D_VALS, Shape::Two, &MODES16);
    scalar_table(s2, &S_VALS, Shape::Two, &MODES16);
    scalar_table(d1, &D_VALS, Shape::One, &MODES16);
    scalar_table(s1, &S_VALS, Shape::One, &MODES16);
    scalar_table(d3, &D_VALS, Shape::Three, &MODES16);
    scalar_table(s3, &S_VALS, Shape::Three, &MODES16);
    group_end("scalar FP arithmetic");
}

// ---------------------------------------------------------------------------
// Conversions and rounding

fn conversions() {
    group_start("conversions");
    // FP -> FP (precision changes, with AHP for half).
    let from_d: &[(&str, OpFn)] = &[
        ("fcvt s<-d", vop!("fcvt s0, d1")),
        ("fcvt h<-d", vop!("fcvt h0, d1")),
        ("fcvtzs w<-d", vop!("fcvtzs w12, d1\n fmov d0, x12")),
        ("fcvtzs x<-d", vop!("fcvtzs x12, d1\n fmov d0, x12")),
        ("fcvtzu w<-d", vop!("fcvtzu w12, d1\n fmov d0, x12")),
        ("fcvtzu x<-d", vop!("fcvtzu x12, d1\n fmov d0, x12")),
        ("fcvtns x<-d", vop!("fcvtns x12, d1\n fmov d0, x12")),
        ("fcvtnu w<-d", vop!("fcvtnu w12, d1\n fmov d0, x12")),
        ("fcvtps x<-d", vop!("fcvtps x12, d1\n fmov d0, x12")),
        ("fcvtpu w<-d", vop!("fcvtpu w12, d1\n fmov d0, x12")),
        ("fcvtms w<-d", vop!("fcvtms w12, d1\n fmov d0, x12")),
        ("fcvtmu x<-d", vop!("fcvtmu x12, d1\n fmov d0, x12")),
        ("fcvtas x<-d", vop!("fcvtas x12, d1\n fmov d0, x12")),
        ("fcvtau w<-d", vop!("fcvtau w12, d1\n fmov d0, x12")),
        ("fcvtzs x<-d #10", vop!("fcvtzs x12, d1, #10\n fmov d0, x12")),
        ("fcvtzu w<-d #31", vop!("fcvtzu w12, d1, #31\n fmov d0, x12")),
        ("fcvtzs d<-d (simd)", vop!("fcvtzs d0, d1")),
        ("fcvtns d<-d (simd)", vop!("fcvtns d0, d1")),
        ("frintn.d", vop!("frintn d0, d1")),
        ("frintp.d", vop!("frintp d0, d1")),
        ("frintm.d", vop!("frintm d0, d1")),
        ("frintz.d", vop!("frintz d0, d1")),
        ("frinta.d", vop!("frinta d0, d1")),
        ("frintx.d", vop!("frintx d0, d1")),
        ("frinti.d", vop!("frinti d0, d1")),
    ];
    let from_s: &[(&str, OpFn)] = &[
        ("fcvt d<-s", vop!("fcvt d0, s1")),
        ("fcvt h<-s", vop!("fcvt h0, s1")),
        ("fcvtzs w<-s", vop!("fcvtzs w12, s1\n fmov d0, x12")),
        ("fcvtzu x<-s", vop!("fcvtzu x12, s1\n fmov d0, x12")),
        ("fcvtns w<-s", vop!("fcvtns w12, s1\n fmov d0, x12")),
        ("fcvtas w<-s", vop!("fcvtas w12, s1\n fmov d0, x12")),
        ("fcvtzs w<-s #5", vop!("fcvtzs w12, s1, #5\n fmov d0, x12")),
        ("frintn.s", vop!("frintn s0, s1")),
        ("frinta.s", vop!("frinta s0, s1")),
        ("frintx.s", vop!("frintx s0, s1")),
        ("frinti.s", vop!("frinti s0, s1")),
        ("frintm.s", vop!("frintm s0, s1")),
    ];
    let from_h: &[(&str, OpFn)] = &[("fcvt s<-h", vop!("fcvt s0, h1")), ("fcvt d<-h", vop!("fcvt d0, h1"))];
    let from_i: &[(&str, OpFn)] = &[
        ("scvtf d<-x", vop!("fmov x12, d1\n scvtf d0, x12")),
        ("scvtf s<-x", vop!("fmov x12, d1\n scvtf s0, x12")),
        ("scvtf d<-w", vop!("fmov x12, d1\n scvtf d0, w12")),
        ("scvtf s<-w", vop!("fmov x12, d1\n scvtf s0, w12")),
        ("ucvtf d<-x", vop!("fmov x12, d1\n ucvtf d0, x12")),
        ("ucvtf s<-x", vop!("fmov x12, d1\n ucvtf s0, x12")),
        ("ucvtf s<-w", vop!("fmov x12, d1\n ucvtf s0, w12")),
        ("scvtf d<-x #16", vop!("fmov x12, d1\n scvtf d0, x12, #16")),
        ("ucvtf s<-x #64", vop!("fmov x12, d1\n ucvtf s0, x12, #64")),
        ("scvtf s<-w #1", vop!("fmov x12, d1\n scvtf s0, w12, #1")),
        ("scvtf d<-d (simd)", vop!("scvtf d0, d1")),
        ("ucvtf s<-s (simd) #8", vop!("ucvtf s0, s1, #8")),
    ];
    let mut dv = [0u64; 32];
    dv[..16].copy_from_slice(&D_VALS);
    dv[16..].copy_from_slice(&D_CVT);
    for half in [&dv[..16], &dv[16..]] {
        let mut l = [0u64; 16];
        l.copy_from_slice(half);
        scalar_table(from_d, &l, Shape::One, &MODES32);
    }
    scalar_table(from_s, &S_VALS, Shape::One, &MODES32);
    scalar_table(from_h, &H_VALS, Shape::One, &MODES32);
    scalar_table(from_i, &I_VALS, Shape::One, &MODES16);
    group_end("conversions");
}

// ---------------------------------------------------------------------------
// Compares

fn compares() {
    group_start("compares");
    let dc: &[(&str, OpFn)] = &[
        ("fcmp.d", vop!("fcmp d1, d2\n mrs x12, nzcv\n fmov d0, x12")),
        ("fcmpe.d", vop!("fcmpe d1, d2\n mrs x12, nzcv\n fmov d0, x12")),
        ("fcmp.d #0", vop!("fcmp d1, #0.0\n mrs x12, nzcv\n fmov d0, x12")),
        ("fccmp.d eq", vop!("fmov x13, d3\n msr nzcv, x13\n fccmp d1, d2, #5, eq\n mrs x12, nzcv\n fmov d0, x12")),
        ("fccmpe.d lt", vop!("fmov x13, d3\n msr nzcv, x13\n fccmpe d1, d2, #10, lt\n mrs x12, nzcv\n fmov d0, x12")),
        ("fcsel.d gt", vop!("fmov x13, d3\n msr nzcv, x13\n fcsel d0, d1, d2, gt")),
        ("fcmeq.d", vop!("fcmeq d0, d1, d2")),
        ("fcmge.d", vop!("fcmge d0, d1, d2")),
        ("fcmgt.d", vop!("fcmgt d0, d1, d2")),
        ("facge.d", vop!("facge d0, d1, d2")),
        ("facgt.d", vop!("facgt d0, d1, d2")),
        ("fcmle.d #0", vop!("fcmle d0, d1, #0.0")),
    ];
    let sc: &[(&str, OpFn)] = &[
        ("fcmp.s", vop!("fcmp s1, s2\n mrs x12, nzcv\n fmov d0, x12")),
        ("fcmpe.s #0", vop!("fcmpe s1, #0.0\n mrs x12, nzcv\n fmov d0, x12")),
        ("fccmpe.s ne", vop!("fmov x13, d3\n msr nzcv, x13\n fccmpe s1, s2, #2, ne\n mrs x12, nzcv\n fmov d0, x12")),
        ("fcsel.s vs", vop!("fmov x13, d3\n msr nzcv, x13\n fcsel s0, s1, s2, vs")),
        ("fcmgt.s", vop!("fcmgt s0, s1, s2")),
        ("fcmlt.s #0", vop!("fcmlt s0, s1, #0.0")),
    ];
    scalar_table(dc, &D_VALS, Shape::Cmp, &[RN, FZ]);
    scalar_table(sc, &S_VALS, Shape::Cmp, &[RN, FZ]);
    group_end("compares");
}

// ---------------------------------------------------------------------------
// Vector FP

fn fp_sets() -> [[u128; 4]; 48] {
    let mut seed = 0x0123_4567_89AB_CDEFu64;
    let mut sets = [[0u128; 4]; 48];
    for (k, set) in sets.iter_mut().enumerate() {
        for v in set.iter_mut() {
            let mut x = 0u128;
            if k < 24 {
                for lane in 0..4 {
                    let r = rng(&mut seed);
                    let e =
                        if r & 3 == 0 { (r >> 8) & 0x3FFF_FFFF | 0x3F00_0000 } else { S_VALS[(r >> 4) as usize & 15] };
                    x |= (e as u128) << (32 * lane);
                }
            } else {
                for lane in 0..2 {
                    let r = rng(&mut seed);
                    let e = if r & 3 == 0 {
                        (r >> 8) & 0x3FFF_FFFF_FFFF | 0x3FE0_0000_0000_0000
                    } else {
                        D_VALS[(r >> 4) as usize & 15]
                    };
                    x |= (e as u128) << (64 * lane);
                }
            }
            *v = x;
        }
    }
    sets
}

fn vector_fp() {
    group_start("vector FP");
    let ops: &[(&str, OpFn)] = &[
        ("fadd.4s", vop!("fadd v0.4s, v1.4s, v2.4s")),
        ("fadd.2d", vop!("fadd v0.2d, v1.2d, v2.2d")),
        ("fsub.2s", vop!("fsub v0.2s, v1.2s, v2.2s")),
        ("fmul.4s", vop!("fmul v0.4s, v1.4s, v2.4s")),
        ("fmul.2d", vop!("fmul v0.2d, v1.2d, v2.2d")),
        ("fdiv.4s", vop!("fdiv v0.4s, v1.4s, v2.4s")),
        ("fdiv.2d", vop!("fdiv v0.2d, v1.2d, v2.2d")),
        ("fmla.4s", vop!("fmla v0.4s, v1.4s, v2.4s")),
        ("fmla.2d", vop!("fmla v0.2d, v1.2d, v2.2d")),
        ("fmls.4s", vop!("fmls v0.4s, v1.4s, v2.4s")),
        ("fmla.4s [3]", vop!("fmla v0.4s, v1.4s, v2.s[3]")),
        ("fmls.2d [1]", vop!("fmls v0.2d, v1.2d, v2.d[1]")),
        ("fmul.4s [1]", vop!("fmul v0.4s, v1.4s, v2.s[1]")),
        ("fmulx.2d [0]", vop!("fmulx v0.2d, v1.2d, v2.d[0]")),
        ("fmulx.4s", vop!("fmulx v0.4s, v1.4s, v2.4s")),
        ("fmax.4s", vop!("fmax v0.4s, v1.4s, v2.4s")),
        ("fmin.2d", vop!("fmin v0.2d, v1.2d, v2.2d")),
        ("fmaxnm.4s", vop!("fmaxnm v0.4s, v1.4s, v2.4s")),
        ("fminnm.2d", vop!("fminnm v0.2d, v1.2d, v2.2d")),
        ("fmaxnmp.4s", vop!("fmaxnmp v0.4s, v1.4s, v2.4s")),
        ("fminnmp.2d", vop!("fminnmp v0.2d, v1.2d, v2.2d")),
        ("fmaxp.4s", vop!("fmaxp v0.4s, v1.4s, v2.4s")),
        ("fminp.2s", vop!("fminp v0.2s, v1.2s, v2.2s")),
        ("faddp.4s", vop!("faddp v0.4s, v1.4s, v2.4s")),
        ("faddp.2d (scalar)", vop!("faddp d0, v1.2d")),
        ("fmaxnmp.2s (scalar)", vop!("fmaxnmp s0, v1.2s")),
        ("fmaxnmv.4s", vop!("fmaxnmv s0, v1.4s")),
        ("fminnmv.4s", vop!("fminnmv s0, v1.4s")),
        ("fmaxv.4s", vop!("fmaxv s0, v1.4s")),
        ("fminv.4s", vop!("fminv s0, v1.4s")),
        ("fabd.4s", vop!("fabd v0.4s, v1.4s, v2.4s")),
        ("fabs.2d", vop!("fabs v0.2d, v1.2d")),
        ("fneg.4s", vop!("fneg v0.4s, v1.4s")),
        ("fsqrt.4s", vop!("fsqrt v0.4s, v1.4s")),
        ("fsqrt.2d", vop!("fsqrt v0.2d, v1.2d")),
        ("frecpe.4s", vop!("frecpe v0.4s, v1.4s")),
        ("frecpe.2d", vop!("frecpe v0.2d, v1.2d")),
        ("frsqrte.4s", vop!("frsqrte v0.4s, v1.4s")),
        ("frsqrte.2d", vop!("frsqrte v0.2d, v1.2d")),
        ("frecps.4s", vop!("frecps v0.4s, v1.4s, v2.4s")),
        ("frsqrts.2d", vop!("frsqrts v0.2d, v1.2d, v2.2d")),
        ("urecpe.4s", vop!("urecpe v0.4s, v1.4s")),
        ("ursqrte.4s", vop!("ursqrte v0.4s, v1.4s")),
        ("fcvtn.4h", vop!("fcvtn v0.4h, v1.4s")),
        ("fcvtn2.8h", vop!("fcvtn2 v0.8h, v1.4s")),
        ("fcvtn.2s", vop!("fcvtn v0.2s, v1.2d")),
        ("fcvtn2.4s", vop!("fcvtn2 v0.4s, v1.2d")),
        ("fcvtxn.2s", vop!("fcvtxn v0.2s, v1.2d")),
        ("fcvtxn2.4s", vop!("fcvtxn2 v0.4s, v1.2d")),
        ("fcvtl.4s", vop!("fcvtl v0.4s, v1.4h")),
        ("fcvtl2.4s", vop!("fcvtl2 v0.4s, v1.8h")),
        ("fcvtl.2d", vop!("fcvtl v0.2d, v1.2s")),
        ("fcvtl2.2d", vop!("fcvtl2 v0.2d, v1.4s")),
        ("fcvtzs.4s", vop!("fcvtzs v0.4s, v1.4s")),
        ("fcvtzu.2d", vop!("fcvtzu v0.2d, v1.2d")),
        ("fcvtns.4s", vop!("fcvtns v0.4s, v1.4s")),
        ("fcvtau.4s", vop!("fcvtau v0.4s, v1.4s")),
        ("fcvtms.2d", vop!("fcvtms v0.2d, v1.2d")),
        ("fcvtzs.4s #12", vop!("fcvtzs v0.4s, v1.4s, #12")),
        ("fcvtzu.2d #40", vop!("fcvtzu v0.2d, v1.2d, #40")),
        ("scvtf.4s", vop!("scvtf v0.4s, v1.4s")),
        ("ucvtf.2d", vop!("ucvtf v0.2d, v1.2d")),
        ("scvtf.4s #7", vop!("scvtf v0.4s, v1.4s, #7")),
        ("ucvtf.2d #3", vop!("ucvtf v0.2d, v1.2d, #3")),
        ("frintn.4s", vop!("frintn v0.4s, v1.4s")),
        ("frinta.2d", vop!("frinta v0.2d, v1.2d")),
        ("frintx.4s", vop!("frintx v0.4s, v1.4s")),
        ("frinti.2d", vop!("frinti v0.2d, v1.2d")),
        ("frintz.4s", vop!("frintz v0.4s, v1.4s")),
        ("fcmeq.4s", vop!("fcmeq v0.4s, v1.4s, v2.4s")),
        ("fcmge.2d", vop!("fcmge v0.2d, v1.2d, v2.2d")),
        ("fcmgt.4s", vop!("fcmgt v0.4s, v1.4s, v2.4s")),
        ("facgt.4s", vop!("facgt v0.4s, v1.4s, v2.4s")),
        ("fcmlt.4s #0", vop!("fcmlt v0.4s, v1.4s, #0.0")),
        ("fcmeq.2d #0", vop!("fcmeq v0.2d, v1.2d, #0.0")),
        ("fmov.4s #imm", vop!("fmov v0.4s, #-1.25")),
        ("fmov.2d #imm", vop!("fmov v0.2d, #31.0")),
    ];
    let sets = fp_sets();
    vector_table(ops, &sets, &MODES4);
    group_end("vector FP");
}

// ---------------------------------------------------------------------------
// Integer SIMD

const EDGE_BYTES: [u8; 8] = [0x00, 0x01, 0x7F, 0x80, 0xFF, 0xFE, 0x81, 0x40];

fn int_sets() -> [[u128; 4]; 48] {
    let mut seed = 0xDEAD_BEEF_CAFE_F00Du64;
    let mut sets = [[0u128; 4]; 48];
    for (k, set) in sets.iter_mut().enumerate() {
        for v in set.iter_mut() {
            let mut x = (rng(&mut seed) as u128) | ((rng(&mut seed) as u128) << 64);
            if k % 3 != 0 {
                // Replace some bytes by edge values (saturation boundaries).
                let r = rng(&mut seed);
                for b in 0..16 {
                    if (r >> (b * 2)) & 3 == 0 {
                        let e = EDGE_BYTES[((r >> (b + 32)) & 7) as usize] as u128;
                        x = (x & !(0xFFu128 << (8 * b))) | (e << (8 * b));
                    }
                }
            }
            if k % 4 == 1 {
                // Small shift counts in the low bytes of every element.
                x &= 0x8F8F_8F8F_8F8F_8F8F_8F8F_8F8F_8F8F_8F8F;
            }
            *v = x;
        }
    }
    sets
}

fn integer_simd() {
    group_start("integer SIMD");
    let ops: &[(&str, OpFn)] = &[
        ("add.16b", vop!("add v0.16b, v1.16b, v2.16b")),
        ("add.2d", vop!("add v0.2d, v1.2d, v2.2d")),
        ("sub.8h", vop!("sub v0.8h, v1.8h, v2.8h")),
        ("add d (scalar)", vop!("add d0, d1, d2")),
        ("mul.8h", vop!("mul v0.8h, v1.8h, v2.8h")),
        ("mul.4s [2]", vop!("mul v0.4s, v1.4s, v2.s[2]")),
        ("mla.4s", vop!("mla v0.4s, v1.4s, v2.4s")),
        ("mls.16b", vop!("mls v0.16b, v1.16b, v2.16b")),
        ("sqadd.16b", vop!("sqadd v0.16b, v1.16b, v2.16b")),
        ("sqadd.4s", vop!("sqadd v0.4s, v1.4s, v2.4s")),
        ("uqadd.8h", vop!("uqadd v0.8h, v1.8h, v2.8h")),
        ("sqsub.2d", vop!("sqsub v0.2d, v1.2d, v2.2d")),
        ("uqsub.4s", vop!("uqsub v0.4s, v1.4s, v2.4s")),
        ("sqadd b (scalar)", vop!("sqadd b0, b1, b2")),
        ("suqadd.16b", vop!("suqadd v0.16b, v1.16b")),
        ("usqadd.8h", vop!("usqadd v0.8h, v1.8h")),
        ("sqdmulh.8h", vop!("sqdmulh v0.8h, v1.8h, v2.8h")),
        ("sqrdmulh.8h", vop!("sqrdmulh v0.8h, v1.8h, v2.8h")),
        ("sqrdmulh.4s", vop!("sqrdmulh v0.4s, v1.4s, v2.4s")),
        ("sqrdmulh.4s [1]", vop!("sqrdmulh v0.4s, v1.4s, v2.s[1]")),
        ("sqdmull.4s", vop!("sqdmull v0.4s, v1.4h, v2.4h")),
        ("sqdmlal2.2d", vop!("sqdmlal2 v0.2d, v1.4s, v2.4s")),
        ("sqdmlsl.4s [5]", vop!("sqdmlsl v0.4s, v1.4h, v2.h[5]")),
        ("shl.8h #5", vop!("shl v0.8h, v1.8h, #5")),
        ("ushr.16b #3", vop!("ushr v0.16b, v1.16b, #3")),
        ("sshr.2d #63", vop!("sshr v0.2d, v1.2d, #63")),
        ("srshr.4s #7", vop!("srshr v0.4s, v1.4s, #7")),
        ("ursra.8h #16", vop!("ursra v0.8h, v1.8h, #16")),
        ("ssra.16b #1", vop!("ssra v0.16b, v1.16b, #1")),
        ("sshl.8h", vop!("sshl v0.8h, v1.8h, v2.8h")),
        ("ushl.4s", vop!("ushl v0.4s, v1.4s, v2.4s")),
        ("srshl.16b", vop!("srshl v0.16b, v1.16b, v2.16b")),
        ("urshl.2d", vop!("urshl v0.2d, v1.2d, v2.2d")),
        ("sqshl.16b", vop!("sqshl v0.16b, v1.16b, v2.16b")),
        ("uqshl.8h", vop!("uqshl v0.8h, v1.8h, v2.8h")),
        ("sqrshl.4s", vop!("sqrshl v0.4s, v1.4s, v2.4s")),
        ("uqrshl.16b", vop!("uqrshl v0.16b, v1.16b, v2.16b")),
        ("sqshl.4s #9", vop!("sqshl v0.4s, v1.4s, #9")),
        ("uqshl.16b #3", vop!("uqshl v0.16b, v1.16b, #3")),
        ("sqshlu.8h #4", vop!("sqshlu v0.8h, v1.8h, #4")),
        ("shrn.8b #3", vop!("shrn v0.8b, v1.8h, #3")),
        ("rshrn2.8h #9", vop!("rshrn2 v0.8h, v1.4s, #9")),
        ("sqshrn.4h #4", vop!("sqshrn v0.4h, v1.4s, #4")),
        ("sqrshrn2.16b #2", vop!("sqrshrn2 v0.16b, v1.8h, #2")),
        ("uqshrn.2s #1", vop!("uqshrn v0.2s, v1.2d, #1")),
        ("uqrshrn.8b #8", vop!("uqrshrn v0.8b, v1.8h, #8")),
        ("sqshrun.4h #3", vop!("sqshrun v0.4h, v1.4s, #3")),
        ("sqrshrun2.4s #17", vop!("sqrshrun2 v0.4s, v1.2d, #17")),
        ("xtn.8b", vop!("xtn v0.8b, v1.8h")),
        ("xtn2.4s", vop!("xtn2 v0.4s, v1.2d")),
        ("sqxtn.4h", vop!("sqxtn v0.4h, v1.4s")),
        ("uqxtn2.16b", vop!("uqxtn2 v0.16b, v1.8h")),
        ("sqxtun.2s", vop!("sqxtun v0.2s, v1.2d")),
        ("sqxtn h (scalar)", vop!("sqxtn h0, s1")),
        ("sshll.8h #3", vop!("sshll v0.8h, v1.8b, #3")),
        ("ushll2.2d #0", vop!("ushll2 v0.2d, v1.4s, #0")),
        ("saddl.8h", vop!("saddl v0.8h, v1.8b, v2.8b")),
        ("uaddw2.4s", vop!("uaddw2 v0.4s, v1.4s, v2.8h")),
        ("ssubl2.2d", vop!("ssubl2 v0.2d, v1.4s, v2.4s")),
        ("umull.8h", vop!("umull v0.8h, v1.8b, v2.8b")),
        ("smull2.4s", vop!("smull2 v0.4s, v1.8h, v2.8h")),
        ("smlal2.2d", vop!("smlal2 v0.2d, v1.4s, v2.4s")),
        ("umlsl.4s [7]", vop!("umlsl v0.4s, v1.4h, v2.h[7]")),
        ("sabal.8h", vop!("sabal v0.8h, v1.8b, v2.8b")),
        ("uabdl2.4s", vop!("uabdl2 v0.4s, v1.8h, v2.8h")),
        ("uabd.16b", vop!("uabd v0.16b, v1.16b, v2.16b")),
        ("saba.4s", vop!("saba v0.4s, v1.4s, v2.4s")),
        ("addhn.8b", vop!("addhn v0.8b, v1.8h, v2.8h")),
        ("raddhn2.8h", vop!("raddhn2 v0.8h, v1.4s, v2.4s")),
        ("rsubhn.2s", vop!("rsubhn v0.2s, v1.2d, v2.2d")),
        ("cmeq.16b", vop!("cmeq v0.16b, v1.16b, v2.16b")),
        ("cmhi.8h", vop!("cmhi v0.8h, v1.8h, v2.8h")),
        ("cmge.4s", vop!("cmge v0.4s, v1.4s, v2.4s")),
        ("cmtst.2d", vop!("cmtst v0.2d, v1.2d, v2.2d")),
        ("cmlt.16b #0", vop!("cmlt v0.16b, v1.16b, #0")),
        ("cmgt d (scalar)", vop!("cmgt d0, d1, d2")),
        ("abs.8h", vop!("abs v0.8h, v1.8h")),
        ("neg.2d", vop!("neg v0.2d, v1.2d")),
        ("sqabs.16b", vop!("sqabs v0.16b, v1.16b")),
        ("sqneg.4s", vop!("sqneg v0.4s, v1.4s")),
        ("cls.8h", vop!("cls v0.8h, v1.8h")),
        ("clz.4s", vop!("clz v0.4s, v1.4s")),
        ("cnt.16b", vop!("cnt v0.16b, v1.16b")),
        ("rbit.16b", vop!("rbit v0.16b, v1.16b")),
        ("rev16.16b", vop!("rev16 v0.16b, v1.16b")),
        ("rev32.8h", vop!("rev32 v0.8h, v1.8h")),
        ("rev64.4s", vop!("rev64 v0.4s, v1.4s")),
        ("not.16b", vop!("not v0.16b, v1.16b")),
        ("and/orr/eor", vop!("and v4.16b, v1.16b, v2.16b\n orr v5.16b, v1.16b, v3.16b\n eor v0.16b, v4.16b, v5.16b")),
        ("bic/orn", vop!("bic v4.16b, v1.16b, v2.16b\n orn v0.16b, v4.16b, v3.16b")),
        ("bsl", vop!("bsl v0.16b, v1.16b, v2.16b")),
        ("bit", vop!("bit v0.16b, v1.16b, v2.16b")),
        ("bif", vop!("bif v0.16b, v1.16b, v2.16b")),
        ("addp.8h", vop!("addp v0.8h, v1.8h, v2.8h")),
        ("addp d (scalar)", vop!("addp d0, v1.2d")),
        ("saddlp.4s", vop!("saddlp v0.4s, v1.8h")),
        ("uadalp.2d", vop!("uadalp v0.2d, v1.4s")),
        ("addv.16b", vop!("addv b0, v1.16b")),
        ("umaxv.8h", vop!("umaxv h0, v1.8h")),
        ("sminv.4s", vop!("sminv s0, v1.4s")),
        ("saddlv.16b", vop!("saddlv h0, v1.16b")),
        ("uaddlv.4s", vop!("uaddlv d0, v1.4s")),
        ("umax.16b", vop!("umax v0.16b, v1.16b, v2.16b")),
        ("smin.8h", vop!("smin v0.8h, v1.8h, v2.8h")),
        ("umaxp.4s", vop!("umaxp v0.4s, v1.4s, v2.4s")),
        ("shadd.16b", vop!("shadd v0.16b, v1.16b, v2.16b")),
        ("urhadd.8h", vop!("urhadd v0.8h, v1.8h, v2.8h")),
        ("uhsub.4s", vop!("uhsub v0.4s, v1.4s, v2.4s")),
        ("sri.8h #5", vop!("sri v0.8h, v1.8h, #5")),
        ("sli.2d #33", vop!("sli v0.2d, v1.2d, #33")),
        ("pmul.16b", vop!("pmul v0.16b, v1.16b, v2.16b")),
        ("pmull.8h", vop!("pmull v0.8h, v1.8b, v2.8b")),
        ("pmull2.8h", vop!("pmull2 v0.8h, v1.16b, v2.16b")),
        ("ins/dup/umov", vop!("ins v0.s[1], v1.s[3]\n dup v4.8h, v2.h[5]\n umov w12, v4.h[0]\n ins v0.h[7], w12\n ins v0.b[0], v3.b[9]")),
        ("smov/dup gpr", vop!("smov x12, v1.b[6]\n dup v0.4s, w12\n smov w13, v2.h[3]\n ins v0.s[2], w13")),
        ("movi/mvni", vop!("movi v0.4s, #0xab, lsl #16\n mvni v4.8h, #0x12, lsl #8\n orr v0.8h, #0x34\n bic v4.4s, #0x56, lsl #8\n eor v0.16b, v0.16b, v4.16b")),
        ("movi.2d", vop!("movi v0.2d, #0xff00ff0000ffff00")),
    ];
    let sets = int_sets();
    vector_table(ops, &sets, &[0]);
    group_end("integer SIMD");
}

// ---------------------------------------------------------------------------
// Permutes

fn permutes() {
    group_start("permutes");
    let ops: &[(&str, OpFn)] = &[
        ("zip1.16b", vop!("zip1 v0.16b, v1.16b, v2.16b")),
        ("zip2.8h", vop!("zip2 v0.8h, v1.8h, v2.8h")),
        ("zip1.2s", vop!("zip1 v0.2s, v1.2s, v2.2s")),
        ("uzp1.4s", vop!("uzp1 v0.4s, v1.4s, v2.4s")),
        ("uzp2.16b", vop!("uzp2 v0.16b, v1.16b, v2.16b")),
        ("uzp2.2d", vop!("uzp2 v0.2d, v1.2d, v2.2d")),
        ("trn1.8h", vop!("trn1 v0.8h, v1.8h, v2.8h")),
        ("trn2.8b", vop!("trn2 v0.8b, v1.8b, v2.8b")),
        ("trn2.4s", vop!("trn2 v0.4s, v1.4s, v2.4s")),
        ("ext #3", vop!("ext v0.16b, v1.16b, v2.16b, #3")),
        ("ext #13", vop!("ext v0.16b, v1.16b, v2.16b, #13")),
        ("ext.8b #5", vop!("ext v0.8b, v1.8b, v2.8b, #5")),
        ("tbl 1", vop!("movi v7.16b, #0x4f\n and v7.16b, v3.16b, v7.16b\n tbl v0.16b, {{v1.16b}}, v7.16b")),
        ("tbl 2", vop!("movi v7.16b, #0x3f\n and v7.16b, v3.16b, v7.16b\n tbl v0.16b, {{v1.16b, v2.16b}}, v7.16b")),
        ("tbl 3 (8b)", vop!("mov v4.16b, v1.16b\n mov v5.16b, v2.16b\n mov v6.16b, v3.16b\n movi v7.16b, #0x3f\n and v7.16b, v0.16b, v7.16b\n tbl v0.8b, {{v4.16b, v5.16b, v6.16b}}, v7.8b")),
        ("tbl 4", vop!("mov v4.16b, v1.16b\n mov v5.16b, v2.16b\n mov v6.16b, v3.16b\n mov v7.16b, v0.16b\n movi v0.16b, #0x7f\n and v0.16b, v3.16b, v0.16b\n tbl v0.16b, {{v4.16b, v5.16b, v6.16b, v7.16b}}, v0.16b")),
        ("tbx 1", vop!("movi v7.16b, #0x4f\n and v7.16b, v3.16b, v7.16b\n tbx v0.16b, {{v1.16b}}, v7.16b")),
        ("tbx 2 (8b)", vop!("movi v7.16b, #0x3f\n and v7.16b, v3.16b, v7.16b\n tbx v0.8b, {{v1.16b, v2.16b}}, v7.8b")),
        ("tbx 4", vop!("mov v4.16b, v1.16b\n mov v5.16b, v2.16b\n mov v6.16b, v3.16b\n mov v7.16b, v1.16b\n movi v3.16b, #0x7f\n and v3.16b, v6.16b, v3.16b\n tbx v0.16b, {{v4.16b, v5.16b, v6.16b, v7.16b}}, v3.16b")),
        ("dup.16b [9]", vop!("dup v0.16b, v1.b[9]")),
        ("dup d (scalar) [1]", vop!("dup d0, v1.d[1]")),
        ("mov ins.d", vop!("mov v0.d[1], v2.d[0]")),
    ];
    let sets = int_sets();
    vector_table(ops, &sets, &[0]);
    group_end("permutes");
}

// ---------------------------------------------------------------------------
// Loads and stores

/// Buffers of one load/store test: V0-V7 initial and final values, a source
/// and a destination area, and the final offsets of the base registers.
#[repr(C, align(16))]
struct LsBuf {
    regs: [u128; 8],
    src: [u8; 256],
    dst: [u8; 256],
}

type LsFn = fn(&mut LsBuf) -> (u64, u64);

/// Wraps a load/store sequence: X9 = src, X10 = dst, X11 = 48 (a register
/// post-index), V0-V7 from `regs`; V0-V7 are stored back into `regs`; returns
/// the offsets by which X9 and X10 moved.
macro_rules! lsop {
    ($ins:literal) => {{
        fn op(b: &mut LsBuf) -> (u64, u64) {
            let p = b as *mut LsBuf as u64;
            let (x9, x10): (u64, u64);
            // SAFETY: the sequence accesses only `*b` (src/dst areas, at most
            // 64 bytes past each base, well inside the 256-byte areas) and
            // V0-V7/X9-X11, all declared clobbered.
            unsafe {
                asm!(
                    "ldp q0, q1, [{p}]",
                    "ldp q2, q3, [{p}, #32]",
                    "ldp q4, q5, [{p}, #64]",
                    "ldp q6, q7, [{p}, #96]",
                    "add x9, {p}, #128",
                    "add x10, {p}, #384",
                    "mov x11, #48",
                    $ins,
                    "stp q0, q1, [{p}]",
                    "stp q2, q3, [{p}, #32]",
                    "stp q4, q5, [{p}, #64]",
                    "stp q6, q7, [{p}, #96]",
                    p = in(reg) p,
                    out("x9") x9, out("x10") x10, out("x11") _,
                    out("v0") _, out("v1") _, out("v2") _, out("v3") _,
                    out("v4") _, out("v5") _, out("v6") _, out("v7") _,
                    options(nostack),
                )
            };
            (x9.wrapping_sub(p + 128), x10.wrapping_sub(p + 384))
        }
        op as LsFn
    }};
}

fn loads_stores() {
    group_start("loads/stores");
    let ops: &[(&str, LsFn)] = &[
        ("ld1 {1x16b}", lsop!("ld1 {{v0.16b}}, [x9]")),
        ("ld1 {2x8h} post #32", lsop!("ld1 {{v0.8h, v1.8h}}, [x9], #32")),
        ("ld1 {3x4s}", lsop!("ld1 {{v1.4s, v2.4s, v3.4s}}, [x9]")),
        ("ld1 {4x2d} post x11", lsop!("ld1 {{v4.2d, v5.2d, v6.2d, v7.2d}}, [x9], x11")),
        ("ld1 {2x8b}", lsop!("ld1 {{v0.8b, v1.8b}}, [x9]")),
        ("ld2 {8h}", lsop!("ld2 {{v0.8h, v1.8h}}, [x9]")),
        ("ld2 {4s} post x11", lsop!("ld2 {{v2.4s, v3.4s}}, [x9], x11")),
        ("ld2 {8b} post #16", lsop!("ld2 {{v6.8b, v7.8b}}, [x9], #16")),
        ("ld3 {16b}", lsop!("ld3 {{v0.16b, v1.16b, v2.16b}}, [x9]")),
        ("ld3 {2s} post #24", lsop!("ld3 {{v3.2s, v4.2s, v5.2s}}, [x9], #24")),
        ("ld3 {2d}", lsop!("ld3 {{v5.2d, v6.2d, v7.2d}}, [x9]")),
        ("ld4 {4h}", lsop!("ld4 {{v0.4h, v1.4h, v2.4h, v3.4h}}, [x9]")),
        ("ld4 {4s} post #64", lsop!("ld4 {{v4.4s, v5.4s, v6.4s, v7.4s}}, [x9], #64")),
        ("ld1 {s}[3]", lsop!("ld1 {{v0.s}}[3], [x9]")),
        ("ld1 {b}[9] post #1", lsop!("ld1 {{v1.b}}[9], [x9], #1")),
        ("ld2 {h}[5]", lsop!("ld2 {{v0.h, v1.h}}[5], [x9]")),
        ("ld3 {b}[15] post #3", lsop!("ld3 {{v0.b, v1.b, v2.b}}[15], [x9], #3")),
        ("ld3 {s}[1] post x11", lsop!("ld3 {{v4.s, v5.s, v6.s}}[1], [x9], x11")),
        ("ld4 {d}[1]", lsop!("ld4 {{v0.d, v1.d, v2.d, v3.d}}[1], [x9]")),
        ("ld1r {8h}", lsop!("ld1r {{v0.8h}}, [x9]")),
        ("ld1r {1d} post #8", lsop!("ld1r {{v3.1d}}, [x9], #8")),
        ("ld2r {4s}", lsop!("ld2r {{v0.4s, v1.4s}}, [x9]")),
        ("ld3r {16b} post #3", lsop!("ld3r {{v0.16b, v1.16b, v2.16b}}, [x9], #3")),
        ("ld4r {2d} post x11", lsop!("ld4r {{v0.2d, v1.2d, v2.2d, v3.2d}}, [x9], x11")),
        ("st1 {1x16b}", lsop!("st1 {{v1.16b}}, [x10]")),
        ("st1 {4x4s} post #64", lsop!("st1 {{v0.4s, v1.4s, v2.4s, v3.4s}}, [x10], #64")),
        ("st1 {3x1d}", lsop!("st1 {{v5.1d, v6.1d, v7.1d}}, [x10]")),
        ("st2 {8h} post x11", lsop!("st2 {{v0.8h, v1.8h}}, [x10], x11")),
        ("st2 {2s}", lsop!("st2 {{v2.2s, v3.2s}}, [x10]")),
        ("st3 {16b}", lsop!("st3 {{v0.16b, v1.16b, v2.16b}}, [x10]")),
        ("st3 {4h} post #24", lsop!("st3 {{v4.4h, v5.4h, v6.4h}}, [x10], #24")),
        ("st4 {4s}", lsop!("st4 {{v0.4s, v1.4s, v2.4s, v3.4s}}, [x10]")),
        ("st4 {8b} post #32", lsop!("st4 {{v4.8b, v5.8b, v6.8b, v7.8b}}, [x10], #32")),
        ("st1 {h}[6] post #2", lsop!("st1 {{v1.h}}[6], [x10], #2")),
        ("st2 {d}[1]", lsop!("st2 {{v2.d, v3.d}}[1], [x10]")),
        ("st3 {s}[2] post x11", lsop!("st3 {{v0.s, v1.s, v2.s}}[2], [x10], x11")),
        ("st4 {b}[13]", lsop!("st4 {{v4.b, v5.b, v6.b, v7.b}}[13], [x10]")),
        (
            "st4/ld4 round trip",
            lsop!("st4 {{v0.8h, v1.8h, v2.8h, v3.8h}}, [x10]\n ld4 {{v4.8h, v5.8h, v6.8h, v7.8h}}, [x10]"),
        ),
        (
            "ldr b/h/s/d/q",
            lsop!("ldr b0, [x9, #1]\n ldr h1, [x9, #2]\n ldr s2, [x9, #4]\n ldr d3, [x9, #8]\n ldr q4, [x9, #16]"),
        ),
        ("ldur q / ldr q pre", lsop!("ldur q0, [x9, #3]\n ldr q1, [x9, #32]!\n ldr d2, [x9], #-8")),
        ("ldp q / ldp s post", lsop!("ldp q0, q1, [x9, #16]\n ldp s2, s3, [x9], #8")),
        ("ldr q [reg, lsl]", lsop!("mov x11, #2\n ldr q5, [x9, x11, lsl #4]\n ldr s6, [x9, x11, lsl #2]")),
        (
            "str b/h/s/d/q",
            lsop!("str b1, [x10, #1]\n str h2, [x10, #2]\n str s3, [x10, #4]\n str d4, [x10, #8]\n str q5, [x10, #16]"),
        ),
        ("stp q pre / stur d", lsop!("stp q6, q7, [x10, #32]!\n stur d0, [x10, #-5]\n stp d1, d2, [x10], #16")),
    ];
    let mut seed = 0x1357_9BDF_2468_ACE0u64;
    let mut all = 0u64;
    for &(name, f) in ops {
        let mut b = LsBuf { regs: [0; 8], src: [0; 256], dst: [0; 256] };
        for r in b.regs.iter_mut() {
            *r = (rng(&mut seed) as u128) | ((rng(&mut seed) as u128) << 64);
        }
        for (i, x) in b.src.iter_mut().enumerate() {
            *x = (i as u8).wrapping_mul(7).wrapping_add(0x11);
        }
        let u0 = undef_count();
        let (d9, d10) = f(&mut b);
        let mut h = mix(mix(0, d9), d10);
        for r in b.regs.iter() {
            h = mix128(h, *r);
        }
        for c in b.dst.chunks(8) {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = mix(h, u64::from_le_bytes(w));
        }
        print!("  {:<22} h={:016x} x9+={} x10+={} v0={:032x}", name, h, d9 as i64, d10 as i64, b.regs[0]);
        if undef_count() != u0 {
            print!(" UNDEFINED x{}", undef_count() - u0);
        }
        println!();
        all = mix(all, h);
    }
    println!("loads/stores checksum: {:016x}", all);

    // st4 then ld4 over the same layout must give back the registers.
    let rt = lsop!("st4 {{v0.4s, v1.4s, v2.4s, v3.4s}}, [x10]\n ld4 {{v4.4s, v5.4s, v6.4s, v7.4s}}, [x10]");
    let mut b = LsBuf { regs: [0; 8], src: [0; 256], dst: [0; 256] };
    for (i, r) in b.regs.iter_mut().enumerate().take(4) {
        *r = 0x0F0E_0D0C_0B0A_0908_0706_0504_0302_0100u128.wrapping_mul(i as u128 + 3);
    }
    rt(&mut b);
    check::ok(
        "st4/ld4 round trip",
        b.regs[0] == b.regs[4] && b.regs[1] == b.regs[5] && b.regs[2] == b.regs[6] && b.regs[3] == b.regs[7],
    );
    // st1 of one lane: interleave layout fixed by the architecture.
    let st2 = lsop!("st2 {{v0.4s, v1.4s}}, [x10]");
    let mut b = LsBuf { regs: [0; 8], src: [0; 256], dst: [0; 256] };
    b.regs[0] = 0x0000_0004_0000_0003_0000_0002_0000_0001;
    b.regs[1] = 0x0000_0008_0000_0007_0000_0006_0000_0005;
    st2(&mut b);
    let mut w = [0u8; 8];
    w.copy_from_slice(&b.dst[8..16]);
    check::eq("st2 {4s}: second pair = (2, 6)", u64::from_le_bytes(w), 0x0000_0006_0000_0002);
}

// ---------------------------------------------------------------------------
// Crypto

fn v(f: OpFn, a: u128, b: u128, c: u128) -> u128 {
    run(f, [a, b, c, 0], 0).0
}

fn lanes(w: &[u32]) -> u128 {
    let mut x = 0u128;
    for (i, &e) in w.iter().enumerate() {
        x |= (e as u128) << (32 * i);
    }
    x
}

const AES_RK: [u128; 11] = fpsimd::AES128_FIPS197_RK;

/// "abc" padded to one 512-bit block, as big-endian words.
const ABC_BLOCK: [u32; 16] = [0x6162_6380, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x18];

const SHA256_K: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
    0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
    0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
    0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2,
];

fn add4s(a: u128, b: u128) -> u128 {
    let mut r = 0u128;
    for i in 0..4 {
        let x = ((a >> (32 * i)) as u32).wrapping_add((b >> (32 * i)) as u32);
        r |= (x as u128) << (32 * i);
    }
    r
}

fn crypto() {
    group_start("crypto");
    let aese = vop!(".arch_extension aes\n aese v0.16b, v1.16b");
    let aesd = vop!(".arch_extension aes\n aesd v0.16b, v1.16b");
    let aesmc = vop!(".arch_extension aes\n aesmc v0.16b, v1.16b");
    let aesimc = vop!(".arch_extension aes\n aesimc v0.16b, v1.16b");
    let pmull = vop!(".arch_extension aes\n pmull v0.1q, v1.1d, v2.1d");
    let pmull2 = vop!(".arch_extension aes\n pmull2 v0.1q, v1.2d, v2.2d");
    let sha1c = vop!(".arch_extension sha2\n sha1c q0, s1, v2.4s");
    let sha1p = vop!(".arch_extension sha2\n sha1p q0, s1, v2.4s");
    let sha1m = vop!(".arch_extension sha2\n sha1m q0, s1, v2.4s");
    let sha1h = vop!(".arch_extension sha2\n sha1h s0, s1");
    let sha1su0 = vop!(".arch_extension sha2\n sha1su0 v0.4s, v1.4s, v2.4s");
    let sha1su1 = vop!(".arch_extension sha2\n sha1su1 v0.4s, v1.4s");
    let sha256h = vop!(".arch_extension sha2\n sha256h q0, q1, v2.4s");
    let sha256h2 = vop!(".arch_extension sha2\n sha256h2 q0, q1, v2.4s");
    let sha256su0 = vop!(".arch_extension sha2\n sha256su0 v0.4s, v1.4s");
    let sha256su1 = vop!(".arch_extension sha2\n sha256su1 v0.4s, v1.4s, v2.4s");

    // Raw: every instruction over the integer input sets.
    let ops: &[(&str, OpFn)] = &[
        ("aese", aese),
        ("aesd", aesd),
        ("aesmc", aesmc),
        ("aesimc", aesimc),
        ("pmull.1q", pmull),
        ("pmull2.1q", pmull2),
        ("sha1c", sha1c),
        ("sha1p", sha1p),
        ("sha1m", sha1m),
        ("sha1h", sha1h),
        ("sha1su0", sha1su0),
        ("sha1su1", sha1su1),
        ("sha256h", sha256h),
        ("sha256h2", sha256h2),
        ("sha256su0", sha256su0),
        ("sha256su1", sha256su1),
    ];
    let sets = int_sets();
    vector_table(ops, &sets, &[0]);

    // AES-128, FIPS-197 appendix C.1.
    let pt = u128::from_le_bytes([
        0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff,
    ]);
    let ct_want = u128::from_le_bytes([
        0x69, 0xc4, 0xe0, 0xd8, 0x6a, 0x7b, 0x04, 0x30, 0xd8, 0xcd, 0xb7, 0x80, 0x70, 0xb4, 0xc5, 0x5a,
    ]);
    let mut s = pt;
    for rk in AES_RK.iter().take(9) {
        s = v(aesmc, 0, v(aese, s, *rk, 0), 0);
    }
    s = v(aese, s, AES_RK[9], 0) ^ AES_RK[10];
    print!("  AES-128 ct = ");
    for b in s.to_le_bytes() {
        print!("{:02x}", b);
    }
    println!();
    check::ok("AES-128 encrypt (FIPS-197 C.1)", s == ct_want);
    let mut s = v(aesd, ct_want, AES_RK[10], 0);
    for r in (1..10).rev() {
        s = v(aesd, v(aesimc, 0, s, 0), v(aesimc, 0, AES_RK[r], 0), 0);
    }
    s ^= AES_RK[0];
    check::ok("AES-128 decrypt (FIPS-197 C.1)", s == pt);

    // SHA-1("abc").
    let h0 = [0x6745_2301u32, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0];
    let mut w = [0u128; 20];
    for i in 0..4 {
        w[i] = lanes(&ABC_BLOCK[4 * i..4 * i + 4]);
    }
    for i in 4..20 {
        let t = v(sha1su0, w[i - 4], w[i - 3], w[i - 2]);
        w[i] = v(sha1su1, t, w[i - 1], 0);
    }
    let mut abcd = lanes(&h0[..4]);
    let mut e = h0[4] as u128;
    for (i, wi) in w.iter().enumerate() {
        let k = [0x5A82_7999u32, 0x6ED9_EBA1, 0x8F1B_BCDC, 0xCA62_C1D6][i / 5];
        let wk = add4s(*wi, lanes(&[k; 4]));
        let e_next = v(sha1h, 0, abcd, 0) & 0xFFFF_FFFF;
        let f = match i / 5 {
            0 => sha1c,
            2 => sha1m,
            _ => sha1p,
        };
        abcd = v(f, abcd, e, wk);
        e = e_next;
    }
    let abcd = add4s(abcd, lanes(&h0[..4]));
    let e = (e as u32).wrapping_add(h0[4]);
    let got = [abcd as u32, (abcd >> 32) as u32, (abcd >> 64) as u32, (abcd >> 96) as u32, e];
    println!("  SHA-1(abc) = {:08x}{:08x}{:08x}{:08x}{:08x}", got[0], got[1], got[2], got[3], got[4]);
    check::ok("SHA-1(\"abc\")", got == [0xa999_3e36, 0x4706_816a, 0xba3e_2571, 0x7850_c26c, 0x9cd0_d89d]);

    // SHA-256("abc").
    let h0 = [0x6a09e667u32, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    let mut w = [0u128; 16];
    for i in 0..4 {
        w[i] = lanes(&ABC_BLOCK[4 * i..4 * i + 4]);
    }
    for i in 4..16 {
        let t = v(sha256su0, w[i - 4], w[i - 3], 0);
        w[i] = v(sha256su1, t, w[i - 2], w[i - 1]);
    }
    let mut abcd = lanes(&h0[..4]);
    let mut efgh = lanes(&h0[4..]);
    for (i, wi) in w.iter().enumerate() {
        let wk = add4s(*wi, lanes(&SHA256_K[4 * i..4 * i + 4]));
        let old = abcd;
        abcd = v(sha256h, abcd, efgh, wk);
        efgh = v(sha256h2, efgh, old, wk);
    }
    let abcd = add4s(abcd, lanes(&h0[..4]));
    let efgh = add4s(efgh, lanes(&h0[4..]));
    print!("  SHA-256(abc) = ");
    for x in [abcd, efgh] {
        for i in 0..4 {
            print!("{:08x}", (x >> (32 * i)) as u32);
        }
    }
    println!();
    check::ok(
        "SHA-256(\"abc\")",
        abcd == lanes(&[0xba7816bf, 0x8f01cfea, 0x414140de, 0x5dae2223])
            && efgh == lanes(&[0xb00361a3, 0x96177a9c, 0xb410ff61, 0xf20015ad]),
    );

    // PMULL / PMULL2 against a software carry-less multiply.
    let mut seed = 0xA5A5_5A5A_0F0F_F0F0u64;
    let mut good = true;
    for _ in 0..16 {
        let (a, b, c, d) = (rng(&mut seed), rng(&mut seed), rng(&mut seed), rng(&mut seed));
        let x = (a as u128) | ((b as u128) << 64);
        let y = (c as u128) | ((d as u128) << 64);
        good &= v(pmull, 0, x, y) == fpsimd::clmul64(a, c);
        good &= v(pmull2, 0, x, y) == fpsimd::clmul64(b, d);
    }
    check::ok("PMULL/PMULL2 = carry-less product", good);
    let p8 = vop!("pmull v0.8h, v1.8b, v2.8b");
    check::eq("pmull.8h: 0xff * 0xff = 0x5555", v(p8, 0, 0xFF, 0xFF) as u64, 0x5555);
    group_end("crypto");
}
