//! FP/SIMD test helpers: a register block for one-instruction tests, the
//! [`vop!`] macro that wraps an instruction sequence into an [`OpFn`], FPCR
//! constants and an integer hash for checksums.
//!
//! The firmware is built without auto-vectorisation, so FP/SIMD instructions
//! only appear where a test writes them with inline asm. Results are printed
//! as raw bits (no float formatting).

/// FPCR.RMode = round to nearest, ties to even (Arm ARM C5.2.8).
pub const RN: u64 = 0;
/// FPCR.RMode = round towards plus infinity.
pub const RP: u64 = 1 << 22;
/// FPCR.RMode = round towards minus infinity.
pub const RM: u64 = 2 << 22;
/// FPCR.RMode = round towards zero.
pub const RZ: u64 = 3 << 22;
/// FPCR.FZ: flush denormals to zero.
pub const FZ: u64 = 1 << 24;
/// FPCR.DN: default NaN.
pub const DN: u64 = 1 << 25;
/// FPCR.AHP: alternative half-precision format.
pub const AHP: u64 = 1 << 26;

/// FPSR cumulative flags (Arm ARM C5.2.9).
pub mod fpsr {
    /// Invalid operation.
    pub const IOC: u64 = 1 << 0;
    /// Divide by zero.
    pub const DZC: u64 = 1 << 1;
    /// Overflow.
    pub const OFC: u64 = 1 << 2;
    /// Underflow.
    pub const UFC: u64 = 1 << 3;
    /// Inexact.
    pub const IXC: u64 = 1 << 4;
    /// Input denormal.
    pub const IDC: u64 = 1 << 7;
    /// Saturation (AdvSIMD).
    pub const QC: u64 = 1 << 27;
}

/// Operands of one [`vop!`] test: `v[i]` is loaded into Vi (i = 0..3)
/// before the instruction runs; V0 is stored into `out` afterwards.
#[repr(C, align(16))]
#[derive(Clone, Copy, Default)]
pub struct Regs {
    /// Initial V0..V3.
    pub v: [u128; 4],
    /// Final V0.
    pub out: u128,
}

/// A wrapped instruction sequence: runs with the given FPCR (FPSR cleared
/// first) and returns the final FPSR. FPCR is reset to 0 afterwards.
pub type OpFn = fn(&mut Regs, u64) -> u64;

/// Wraps an instruction sequence (one string literal, lines separated by
/// `\n`) into an [`OpFn`]. The sequence may use V0-V7, X12 and X13 freely;
/// its result must be left in V0.
#[macro_export]
macro_rules! vop {
    ($ins:literal) => {{
        fn op(r: &mut $crate::fpsimd::Regs, fpcr: u64) -> u64 {
            let fpsr: u64;
            // SAFETY: the sequence reads and writes only `*r` (through `p`),
            // V0-V7, X12, X13, NZCV and FPCR/FPSR, all declared clobbered
            // (FPCR is restored to 0, the value Rust code runs with).
            unsafe {
                core::arch::asm!(
                    "ldp q0, q1, [{p}]",
                    "ldp q2, q3, [{p}, #32]",
                    "msr fpcr, {fpcr}",
                    "msr fpsr, xzr",
                    $ins,
                    "mrs {fpsr}, fpsr",
                    "msr fpcr, xzr",
                    "str q0, [{p}, #64]",
                    p = in(reg) r as *mut $crate::fpsimd::Regs,
                    fpcr = in(reg) fpcr,
                    fpsr = out(reg) fpsr,
                    out("x12") _, out("x13") _,
                    out("v0") _, out("v1") _, out("v2") _, out("v3") _,
                    out("v4") _, out("v5") _, out("v6") _, out("v7") _,
                    options(nostack),
                )
            };
            fpsr
        }
        op as $crate::fpsimd::OpFn
    }};
}

/// Runs `f` on V0..V3 = `v` under `fpcr`; returns (V0, FPSR).
pub fn run(f: OpFn, v: [u128; 4], fpcr: u64) -> (u128, u64) {
    let mut r = Regs { v, out: 0 };
    let s = f(&mut r, fpcr);
    (r.out, s)
}

/// Mixes `v` into the running hash `h` (integer only, reproducible).
#[inline]
pub fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(7) ^ v).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// Mixes a 128-bit value.
#[inline]
pub fn mix128(h: u64, v: u128) -> u64 {
    mix(mix(h, v as u64), (v >> 64) as u64)
}

/// Software carry-less multiply (reference for PMULL).
pub fn clmul64(a: u64, b: u64) -> u128 {
    let mut r = 0u128;
    for i in 0..64 {
        if (b >> i) & 1 != 0 {
            r ^= (a as u128) << i;
        }
    }
    r
}

/// AES-128 round keys of FIPS-197 appendix C.1 (key 000102..0f), each as
/// the little-endian value of its 16 bytes (the layout `ldr q` gives).
pub const AES128_FIPS197_RK: [u128; 11] = [
    0x0f0e0d0c0b0a09080706050403020100,
    0xfe76abd6f178a6dafa72afd2fd74aad6,
    0xfeb3306800c59bbef1bd3d640bcf92b6,
    0x41bf6904bf0c596cbfc9c2d24e74ffb6,
    0xfd8d05fdbc326cf9033e3595bcf7f747,
    0xaa22f6ad57aff350eb9d9fa9e8a3aa3c,
    0x6b1fa30ac13d55a79692a6f77d0f395e,
    0x26c0a94e4ddf0a448ce25fe31a70f914,
    0xd27abfaef4ba16e0b9651ca435874347,
    0x4e972cbe9ced9310685785f0d1329954,
    0xc5302b4d8ba707f3174a94e37f1d1113,
];
