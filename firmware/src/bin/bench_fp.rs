//! FP/SIMD benchmark (~0.3 G instructions), at EL2 with the EL2 stage 1 MMU
//! on (identity map, Normal write-back RAM):
//!
//! - NEON memset/memcpy (LDP/STP Q, 64 bytes per iteration) over 256 KiB;
//! - AES-128-CTR (AESE/AESMC) over a 64 KiB buffer, many passes;
//! - a 64x64 double-precision matrix multiply with FMLA (by element);
//! - a degree-10 single-precision Horner polynomial with FMUL/FADD .4s
//!   over 16 Ki floats, plus a scalar double Horner with FMADD.
//!
//! Prints each kernel's checksum (integer hashes of raw bits). The integer
//! and crypto checksums are exactly reproducible and compared with values
//! computed on the host (script: see the comment at `REF_MEMCPY`); the FP
//! checksums are compared with QEMU's output by the differential test.
#![no_std]
#![no_main]

use core::arch::asm;
use fw::bench::xorshift;
use fw::fpsimd::{mix, AES128_FIPS197_RK};
use fw::mmu::{self, Table, AP_EL0};
use fw::{check, println, sysreg};

fw::entry!(main);

/// Scratch RAM (inside the 128 MiB `el2emu bench` default and QEMU's RAM).
const WORK: u64 = 0x4400_0000;
/// memcpy buffers A and B.
const MC_A: u64 = WORK;
const MC_B: u64 = WORK + 0x8_0000;
const MC_LEN: u64 = 256 * 1024;
const MC_REPS: u64 = 400;
/// AES-CTR buffer.
const AES_BUF: u64 = WORK + 0x10_0000;
const AES_BLOCKS: u64 = 4096;
const AES_PASSES: u64 = 800;
/// Matrices (64x64 f64 each): A, B, C.
const MM_N: usize = 64;
const MM_A: u64 = WORK + 0x20_0000;
const MM_B: u64 = MM_A + 0x8000;
const MM_C: u64 = MM_B + 0x8000;
const MM_REPS: u64 = 240;
/// Horner: X and Y arrays of f32.
const HN_X: u64 = WORK + 0x30_0000;
const HN_Y: u64 = HN_X + 0x1_0000;
const HN_N: u64 = 16 * 1024;
const HN_PASSES: u64 = 400;
/// Scalar Horner: elements and passes.
const SH_N: u64 = 4096;
const SH_PASSES: u64 = 60;

// Host reference values (exactly reproducible: integer and AES only),
// computed by this Python 3 script (needs the `cryptography` package):
// # Host reference for bench_fp's exactly reproducible checksums.
// from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
// M = (1 << 64) - 1
// def xs(s):
//     s ^= (s << 13) & M; s ^= s >> 7; s ^= (s << 17) & M; return s
// def fill(n, seed):
//     out = []
//     for _ in range(n // 8):
//         seed = xs(seed); out.append(seed)
//     return out, seed
// def mix(h, v):
//     h = ((h << 7) | (h >> 57)) & M
//     return ((h ^ v) * 0x9E3779B97F4A7C15) & M
// def rotl(x, r): return ((x << r) | (x >> (64 - r))) & M
// # memcpy/memset
// L = 256 * 1024
// A, _ = fill(L, 0x0BAD5EED12345678)
// for r in range(400):
//     B = list(A)
//     off = (r * 4096) % L
//     pat = ((0x0101010101010101 * (r & 0xff)) & M) ^ r
//     for i in range(off // 8, (off + 2048) // 8): B[i] = pat
//     A = B
// s0 = sum(A[0::2]) & M; s1 = sum(A[1::2]) & M
// x0 = 0; x1 = 0
// for i in range(0, len(A), 2):
//     x0 ^= A[i + 1]; x1 ^= A[i]
// print("REF_MEMCPY = 0x%016x" % (s0 ^ rotl(s1, 17) ^ rotl(x0, 31) ^ rotl(x1, 47)))
// # AES-CTR
// NB, P = 4096, 800
// buf, _ = fill(NB * 16, 0xAE5AE5AE5AE5AE5A)
// data = b"".join(w.to_bytes(8, "little") for w in buf)
// enc = Cipher(algorithms.AES(bytes(range(16))), modes.ECB()).encryptor()
// ks = enc.update(b"".join(c.to_bytes(8, "little") + bytes(8) for c in range(NB * P)))
// acc = int.from_bytes(data, "little")
// for p in range(P):
//     acc ^= int.from_bytes(ks[p * NB * 16:(p + 1) * NB * 16], "little")
// data = acc.to_bytes(NB * 16, "little")
// h = 0
// for i in range(0, len(data), 8):
//     h = mix(h, int.from_bytes(data[i:i + 8], "little"))
// print("REF_AES = 0x%016x" % h)
const REF_MEMCPY: u64 = 0x9710_087d_d7b9_0ce6;
const REF_AES: u64 = 0x0d9e_23a2_fdd2_2002;

static L1: Table = Table::new();
static L2: Table = Table::new();

/// Writes `len` bytes (multiple of 64) of the 64-bit pattern `v` at `dst`.
fn memset_neon(dst: u64, len: u64, v: u64) {
    // SAFETY: `dst..dst+len` is scratch RAM owned by this benchmark
    // (identity mapped, used by nothing else); only V0, the two pointer
    // registers and flags are modified.
    unsafe {
        asm!(
            "dup v0.2d, {v}",
            "1: stp q0, q0, [{d}], #32",
            "stp q0, q0, [{d}], #32",
            "subs {n}, {n}, #64",
            "b.ne 1b",
            v = in(reg) v, d = inout(reg) dst => _, n = inout(reg) len => _,
            out("v0") _, options(nostack),
        )
    };
}

/// Copies `len` bytes (multiple of 64) from `src` to `dst`.
fn memcpy_neon(dst: u64, src: u64, len: u64) {
    // SAFETY: both ranges are scratch RAM owned by this benchmark; V0-V3,
    // the pointers and flags are modified.
    unsafe {
        asm!(
            "1: ldp q0, q1, [{s}], #32",
            "ldp q2, q3, [{s}], #32",
            "stp q0, q1, [{d}], #32",
            "stp q2, q3, [{d}], #32",
            "subs {n}, {n}, #64",
            "b.ne 1b",
            s = inout(reg) src => _, d = inout(reg) dst => _, n = inout(reg) len => _,
            out("v0") _, out("v1") _, out("v2") _, out("v3") _, options(nostack),
        )
    };
}

/// NEON checksum of `len` bytes (multiple of 16): per-lane wrapping sums
/// and XORs of the swapped halves, folded into one u64.
fn checksum_neon(p: u64, len: u64) -> u64 {
    let (s0, s1, x0, x1): (u64, u64, u64, u64);
    // SAFETY: reads `p..p+len` (scratch RAM); V0-V2 and flags are modified.
    unsafe {
        asm!(
            "movi v1.2d, #0",
            "movi v2.2d, #0",
            "1: ld1 {{v0.2d}}, [{p}], #16",
            "add v1.2d, v1.2d, v0.2d",
            "ext v0.16b, v0.16b, v0.16b, #8",
            "eor v2.16b, v2.16b, v0.16b",
            "subs {n}, {n}, #16",
            "b.ne 1b",
            "mov {s0}, v1.d[0]",
            "mov {s1}, v1.d[1]",
            "mov {x0}, v2.d[0]",
            "mov {x1}, v2.d[1]",
            p = inout(reg) p => _, n = inout(reg) len => _,
            s0 = out(reg) s0, s1 = out(reg) s1, x0 = out(reg) x0, x1 = out(reg) x1,
            out("v0") _, out("v1") _, out("v2") _, options(nostack),
        )
    };
    s0 ^ s1.rotate_left(17) ^ x0.rotate_left(31) ^ x1.rotate_left(47)
}

/// Fills `len` bytes at `p` with xorshift64 output (little-endian words).
fn fill_random(p: u64, len: u64, seed: &mut u64) {
    for i in 0..len / 8 {
        let v = xorshift(seed);
        // SAFETY: `p..p+len` is scratch RAM owned by this benchmark.
        unsafe { core::ptr::write_volatile((p + 8 * i) as *mut u64, v) };
    }
}

fn bench_memcpy() -> u64 {
    let mut seed = 0x0BAD_5EED_1234_5678u64;
    fill_random(MC_A, MC_LEN, &mut seed);
    for r in 0..MC_REPS {
        memcpy_neon(MC_B, MC_A, MC_LEN);
        let off = (r * 4096) % MC_LEN;
        memset_neon(MC_B + off, 2048, 0x0101_0101_0101_0101u64.wrapping_mul(r & 0xff) ^ r);
        memcpy_neon(MC_A, MC_B, MC_LEN);
    }
    checksum_neon(MC_A, MC_LEN)
}

/// AES-128-CTR over `nblocks` 16-byte blocks at `buf`: block j is XORed
/// with AES(K, ctr + j) where the counter block is the 64-bit little-endian
/// counter followed by 8 zero bytes. Returns the next counter.
fn aes_ctr(buf: u64, nblocks: u64, ctr: u64) -> u64 {
    let rk = AES128_FIPS197_RK;
    let next: u64;
    // SAFETY: reads the 11 round keys from `rk` (176 bytes on the stack) and
    // rewrites `buf..buf+16*nblocks` (scratch RAM); V0, V1, V16-V26 and the
    // pointer/counter registers are modified.
    unsafe {
        asm!(
            ".arch_extension aes",
            "ld1 {{v16.16b, v17.16b, v18.16b, v19.16b}}, [{k}], #64",
            "ld1 {{v20.16b, v21.16b, v22.16b, v23.16b}}, [{k}], #64",
            "ld1 {{v24.16b, v25.16b, v26.16b}}, [{k}]",
            "1: fmov d0, {c}",
            "aese v0.16b, v16.16b",
            "aesmc v0.16b, v0.16b",
            "aese v0.16b, v17.16b",
            "aesmc v0.16b, v0.16b",
            "aese v0.16b, v18.16b",
            "aesmc v0.16b, v0.16b",
            "aese v0.16b, v19.16b",
            "aesmc v0.16b, v0.16b",
            "aese v0.16b, v20.16b",
            "aesmc v0.16b, v0.16b",
            "aese v0.16b, v21.16b",
            "aesmc v0.16b, v0.16b",
            "aese v0.16b, v22.16b",
            "aesmc v0.16b, v0.16b",
            "aese v0.16b, v23.16b",
            "aesmc v0.16b, v0.16b",
            "aese v0.16b, v24.16b",
            "aesmc v0.16b, v0.16b",
            "aese v0.16b, v25.16b",
            "eor v0.16b, v0.16b, v26.16b",
            "ld1 {{v1.16b}}, [{b}]",
            "eor v1.16b, v1.16b, v0.16b",
            "st1 {{v1.16b}}, [{b}], #16",
            "add {c}, {c}, #1",
            "subs {n}, {n}, #1",
            "b.ne 1b",
            k = inout(reg) rk.as_ptr() => _, b = inout(reg) buf => _, n = inout(reg) nblocks => _,
            c = inout(reg) ctr => next,
            out("v0") _, out("v1") _,
            out("v16") _, out("v17") _, out("v18") _, out("v19") _, out("v20") _, out("v21") _,
            out("v22") _, out("v23") _, out("v24") _, out("v25") _, out("v26") _,
            options(nostack),
        )
    };
    next
}

fn hash_words(p: u64, len: u64) -> u64 {
    let mut h = 0u64;
    for i in 0..len / 8 {
        // SAFETY: reads scratch RAM owned by this benchmark.
        h = mix(h, unsafe { core::ptr::read_volatile((p + 8 * i) as *const u64) });
    }
    h
}

fn bench_aes() -> u64 {
    let mut seed = 0xAE5A_E5AE_5AE5_AE5Au64;
    fill_random(AES_BUF, AES_BLOCKS * 16, &mut seed);
    let mut ctr = 0u64;
    for _ in 0..AES_PASSES {
        ctr = aes_ctr(AES_BUF, AES_BLOCKS, ctr);
    }
    hash_words(AES_BUF, AES_BLOCKS * 16)
}

/// Random double in [0.5, 1) as raw bits.
fn unit_f64(seed: &mut u64) -> u64 {
    (0x3FE << 52) | (xorshift(seed) >> 12)
}

/// C[i][:] += A[i][k] * B[k][:] for every k (one row of C), 8 doubles per
/// inner iteration with FMLA by element.
fn dgemm_row(c: u64, a: u64, b: u64) {
    // SAFETY: reads row `a` (64 doubles) and all of `b` (64x64), updates row
    // `c` (64 doubles); all scratch RAM. V0-V7, V31, pointers and flags are
    // modified.
    unsafe {
        asm!(
            "mov {k}, #64",
            "2: ld1r {{v31.2d}}, [{a}], #8",
            "mov {cc}, {c}",
            "mov {j}, #8",
            "1: ld1 {{v0.2d, v1.2d, v2.2d, v3.2d}}, [{cc}]",
            "ld1 {{v4.2d, v5.2d, v6.2d, v7.2d}}, [{b}], #64",
            "fmla v0.2d, v4.2d, v31.d[0]",
            "fmla v1.2d, v5.2d, v31.d[1]",
            "fmla v2.2d, v6.2d, v31.2d",
            "fmla v3.2d, v7.2d, v31.2d",
            "st1 {{v0.2d, v1.2d, v2.2d, v3.2d}}, [{cc}], #64",
            "subs {j}, {j}, #1",
            "b.ne 1b",
            "subs {k}, {k}, #1",
            "b.ne 2b",
            a = inout(reg) a => _, b = inout(reg) b => _, c = in(reg) c,
            cc = out(reg) _, j = out(reg) _, k = out(reg) _,
            out("v0") _, out("v1") _, out("v2") _, out("v3") _, out("v4") _, out("v5") _,
            out("v6") _, out("v7") _, out("v31") _,
            options(nostack),
        )
    };
}

fn bench_dgemm() -> u64 {
    let mut seed = 0xD6E3_3D6E_3D6E_3D6Eu64;
    let n = (MM_N * MM_N) as u64;
    for i in 0..n {
        // SAFETY: the three matrices are scratch RAM owned by this benchmark.
        unsafe {
            core::ptr::write_volatile((MM_A + 8 * i) as *mut u64, unit_f64(&mut seed));
            core::ptr::write_volatile((MM_B + 8 * i) as *mut u64, unit_f64(&mut seed));
            core::ptr::write_volatile((MM_C + 8 * i) as *mut u64, 0);
        }
    }
    let row = (MM_N * 8) as u64;
    for _ in 0..MM_REPS {
        for i in 0..MM_N as u64 {
            dgemm_row(MM_C + i * row, MM_A + i * row, MM_B);
        }
    }
    hash_words(MM_C, n * 8)
}

/// Degree-10 coefficients (f32 bits) of the Horner polynomial.
const HN_COEF: [u32; 11] = [
    0x3F80_0000,
    0xBF00_0000,
    0x3E2A_AAAB,
    0xBD2A_AAAB,
    0x3C08_8889,
    0xBAB6_0B61,
    0x3950_0D01,
    0xB7D0_0D01,
    0x3638_EF1D,
    0xB493_F27E,
    0x32D7_322B,
];

/// Y[i] = p(X[i]) for `n` floats (multiple of 4); returns the raw bits of
/// the four lane sums of Y.
fn horner_vec(x: u64, y: u64, n: u64) -> u128 {
    let mut sum = 0u128;
    // SAFETY: reads X, writes Y (scratch RAM) and reads the coefficient
    // table; V0-V3, V16-V26, pointers and flags are modified.
    unsafe {
        asm!(
            "ld1r {{v16.4s}}, [{c}], #4",
            "ld1r {{v17.4s}}, [{c}], #4",
            "ld1r {{v18.4s}}, [{c}], #4",
            "ld1r {{v19.4s}}, [{c}], #4",
            "ld1r {{v20.4s}}, [{c}], #4",
            "ld1r {{v21.4s}}, [{c}], #4",
            "ld1r {{v22.4s}}, [{c}], #4",
            "ld1r {{v23.4s}}, [{c}], #4",
            "ld1r {{v24.4s}}, [{c}], #4",
            "ld1r {{v25.4s}}, [{c}], #4",
            "ld1r {{v26.4s}}, [{c}]",
            "movi v3.4s, #0",
            "1: ld1 {{v0.4s}}, [{x}], #16",
            "fmul v1.4s, v26.4s, v0.4s",
            "fadd v1.4s, v1.4s, v25.4s",
            "fmul v1.4s, v1.4s, v0.4s",
            "fadd v1.4s, v1.4s, v24.4s",
            "fmul v1.4s, v1.4s, v0.4s",
            "fadd v1.4s, v1.4s, v23.4s",
            "fmul v1.4s, v1.4s, v0.4s",
            "fadd v1.4s, v1.4s, v22.4s",
            "fmul v1.4s, v1.4s, v0.4s",
            "fadd v1.4s, v1.4s, v21.4s",
            "fmul v1.4s, v1.4s, v0.4s",
            "fadd v1.4s, v1.4s, v20.4s",
            "mov v2.16b, v19.16b",
            "fmla v2.4s, v1.4s, v0.4s",
            "mov v1.16b, v18.16b",
            "fmla v1.4s, v2.4s, v0.4s",
            "mov v2.16b, v17.16b",
            "fmla v2.4s, v1.4s, v0.4s",
            "mov v1.16b, v16.16b",
            "fmla v1.4s, v2.4s, v0.4s",
            "st1 {{v1.4s}}, [{y}], #16",
            "fadd v3.4s, v3.4s, v1.4s",
            "subs {n}, {n}, #4",
            "b.ne 1b",
            "str q3, [{s}]",
            c = inout(reg) HN_COEF.as_ptr() => _, x = inout(reg) x => _, y = inout(reg) y => _,
            n = inout(reg) n => _, s = in(reg) &mut sum as *mut u128,
            out("v0") _, out("v1") _, out("v2") _, out("v3") _,
            out("v16") _, out("v17") _, out("v18") _, out("v19") _, out("v20") _, out("v21") _,
            out("v22") _, out("v23") _, out("v24") _, out("v25") _, out("v26") _,
            options(nostack),
        )
    };
    sum
}

/// Scalar double Horner with FMADD over the first `n` X values (widened
/// with FCVT); returns the raw bits of the sum.
fn horner_scalar(x: u64, n: u64) -> u64 {
    let sum: u64;
    // SAFETY: reads X (scratch RAM) and the coefficient table; V0-V3,
    // V16-V18, pointers and flags are modified.
    unsafe {
        asm!(
            "fmov d16, #0.5",
            "fmov d17, #-1.25",
            "fmov d18, #3.0",
            "movi d3, #0",
            "1: ldr s0, [{x}], #4",
            "fcvt d0, s0",
            "fmov d1, #1.0",
            "fmadd d1, d1, d0, d16",
            "fmadd d1, d1, d0, d17",
            "fmadd d1, d1, d0, d18",
            "fmadd d1, d1, d0, d16",
            "fmadd d1, d1, d0, d17",
            "fmadd d1, d1, d0, d18",
            "fmadd d1, d1, d0, d16",
            "fmadd d1, d1, d0, d17",
            "fdiv d2, d1, d18",
            "fsqrt d2, d2",
            "fnmsub d3, d2, d0, d3",
            "fadd d3, d3, d1",
            "subs {n}, {n}, #1",
            "b.ne 1b",
            "fmov {s}, d3",
            x = inout(reg) x => _, n = inout(reg) n => _, s = out(reg) sum,
            out("v0") _, out("v1") _, out("v2") _, out("v3") _, out("v16") _, out("v17") _, out("v18") _,
            options(nostack),
        )
    };
    sum
}

fn bench_horner() -> (u64, u64, u64) {
    let mut seed = 0x4E4E_0123_4567_89ABu64;
    for i in 0..HN_N {
        // Random float in (-1, 1): sign, exponent 0x7E (0.5..1) or below.
        let r = xorshift(&mut seed);
        let bits = ((r & 1) << 31) as u32 | (0x3E80_0000 + ((r >> 8) as u32 & 0x00FF_FFFF));
        // SAFETY: X is scratch RAM owned by this benchmark.
        unsafe { core::ptr::write_volatile((HN_X + 4 * i) as *mut u32, bits) };
    }
    let mut h = 0u64;
    for _ in 0..HN_PASSES {
        let s = horner_vec(HN_X, HN_Y, HN_N);
        h = mix(mix(h, s as u64), (s >> 64) as u64);
    }
    let y = hash_words(HN_Y, HN_N * 4);
    let mut hs = 0u64;
    for _ in 0..SH_PASSES {
        hs = mix(hs, horner_scalar(HN_X, SH_N));
    }
    (h, y, hs)
}

fn main() -> ! {
    println!("bench_fp: start");
    check::eq("boot CurrentEL", sysreg::current_el(), 2);
    mmu::s1_identity(&L1, &L2, AP_EL0);
    mmu::enable_el2(&L1);
    check::eq("SCTLR_EL2.M", fw::read_sysreg!(sctlr_el2) & 1, 1);

    let mc = bench_memcpy();
    println!("memcpy/memset = 0x{:016x}", mc);
    let aes = bench_aes();
    println!("aes-ctr       = 0x{:016x}", aes);
    let mm = bench_dgemm();
    println!("dgemm         = 0x{:016x}", mm);
    let (hv, hy, hs) = bench_horner();
    println!("horner sums   = 0x{:016x}", hv);
    println!("horner y      = 0x{:016x}", hy);
    println!("horner scalar = 0x{:016x}", hs);
    let total =
        mc ^ aes.rotate_left(8) ^ mm.rotate_left(16) ^ hv.rotate_left(24) ^ hy.rotate_left(32) ^ hs.rotate_left(40);
    println!("checksum      = 0x{:016x}", total);
    check::eq("memcpy/memset (host reference)", mc, REF_MEMCPY);
    check::eq("aes-ctr (host reference)", aes, REF_AES);
    check::finish()
}
