//! Differential fuzzing of single A64 instructions: el2emu's interpreter against QEMU
//! user mode (`qemu-aarch64`), an oracle nobody here wrote (dynarmic's
//! `fuzz_with_unicorn` idea).
//!
//! Instruction words are drawn from every line of `el2emu_cpu::decode::all_tables()`
//! (`value | (random & !mask)`) plus plain random words. Each word runs once on a real
//! instruction stream under QEMU (the oracle program `scripts/insn-oracle`, a static
//! aarch64-unknown-linux-musl binary) and once on el2emu's `Cpu` at EL0, from the same
//! registers: X0-X30 and SP with weighted special values (0, -1, small, sign
//! boundaries, pointers into the scratch area; the register named by the Rn field
//! points into the scratch area most of the time so loads and stores work), NZCV,
//! FPCR (random RMode/FZ/DN/AHP), FPSR, and V0-V31 with FP specials (±0, ±inf, quiet
//! and signalling NaNs with payloads, denormals, extreme and rounding-sensitive
//! values) as H, S and D lanes. Compared: the outcome (completed, UNDEFINED = SIGILL,
//! alignment fault = SIGBUS, other data abort = SIGSEGV, with the fault address),
//! X0-X30, SP, NZCV, FPCR, FPSR, V0-V31 and every changed 8-byte word of the scratch area.
//!
//! The address space is the same on both sides: the code page at [`CODE`] (the word,
//! then the oracle's `b` back), 64 KiB of scratch data at [`SCRATCH`] filled with
//! SplitMix64 words, nothing else near. el2emu runs with the MMU on: an identity map
//! of those pages as Normal write-back memory, EL0 read/write/execute, TBI0 set and
//! no alignment or SP alignment checking, like Linux user space under QEMU.
//!
//! CPU models: QEMU's `-cpu cortex-a57` is ARMv8.0 with AES/PMULL/SHA1/SHA2/CRC32, which
//! is el2emu's `max` model minus FEAT_LSE. Words that decode to a FEAT_LSE line
//! (CAS*, LD<op>, SWP*) go to a second oracle process under `-cpu max` (whose extra
//! features cannot change those words' behaviour, except that FEAT_LSE2 relaxes their
//! alignment checks: such cases are counted, not compared). Everything else runs under
//! `cortex-a57`, so a word el2emu treats as UNDEFINED while QEMU executes it is a real
//! difference -- unless its line is `exec::unimplemented` (not implemented yet): those
//! are counted and printed, not failed.
//!
//! Not compared (see [`SKIPPED_CLASSES`] and [`skip_reason`]): branches,
//! exception-generating and system instructions (their results depend on the PC
//! after the jump, the exception level, the kernel or the emulator's system state),
//! except hints, CLREX, barriers and MRS/MSR of NZCV, FPCR and FPSR.
//! Exclusives are compared: the oracle clears the monitor before every instruction and
//! el2emu starts every word with an open monitor, so store-exclusives fail on both.
//!
//! `EL2EMU_DIFF_N` sets the number of words (default 120,000, about 10 s; e.g. 1000000
//! for a long run), `EL2EMU_DIFF_SEED` the seed, `EL2EMU_DIFF_VERBOSE=1` prints per-line
//! counts. Needs `qemu-aarch64` (Debian `qemu-user`) and
//! the `aarch64-unknown-linux-musl` Rust target. Run:
//! `cargo test --release -p el2emu-cpu --test qemu_user_diff -- --nocapture`.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

use el2emu_cpu::decode::{self, Encoding};
use el2emu_cpu::sysreg::{id, sctlr, Slot};
use el2emu_cpu::{Cpu, CpuState, NullPlatform};
use el2emu_mmu::GuestRam;

mod support;
use support::{build_oracle, qemu_present, run_qemu, Random, SplitMix64 as Rng};

/// The code page (keep in sync with scripts/insn-oracle).
const CODE: u64 = 0x1000_0000;
/// The scratch data area and its size.
const SCRATCH: u64 = 0x1001_0000;
const SCRATCH_SIZE: usize = 0x1_0000;
/// Seed of the scratch contents (SplitMix64 words, as the oracle fills them).
const SCRATCH_SEED: u64 = 0x5c4a_7c40_0000_0001;
/// el2emu's stage-1 translation tables: in RAM but not mapped in the VA space.
const TABLES: u64 = 0x1008_0000;
/// el2emu's RAM: code page, scratch and tables.
const RAM_SIZE: u64 = 0x10_0000;
/// Offset base of code-page words in memory differences (as the oracle reports them).
const CODE_DIFF: u64 = 1 << 32;
/// The oracle's output header magic.
const MAGIC: u32 = 0x4f52_4341;
/// Size of the register block in oracle records.
const CTX_SIZE: usize = 800;
/// Words per oracle invocation (bounds memory for long runs).
const BATCH: usize = 40_000;

/// Encoding classes not compared (except the lines [`compared_in_skipped_class`]
/// accepts), with the reason.
const SKIPPED_CLASSES: &[(&str, &str)] = &[(
    "branch_sys",
    "branches (the result is the PC after the jump, which leaves the code page), \
     exception generation (SVC/HVC/SMC/BRK/HLT: handled by the kernel or QEMU), \
     MSR (immediate) and SYS/SYSL (DC/IC/AT/TLBI: results depend on EL and the kernel's \
     configuration), and MRS/MSR of registers other than NZCV, FPCR and FPSR (their \
     values depend on the kernel, the CPU model or time)",
)];

/// System registers compared through MRS/MSR: NZCV, FPCR, FPSR (op0:op1:CRn:CRm:op2).
const PSTATE_SYSREGS: [(u32, u32, u32, u32, u32); 3] = [(3, 3, 4, 2, 0), (3, 3, 4, 4, 0), (3, 3, 4, 4, 1)];

/// Lines of a skipped class that are compared anyway: hints (NOP, YIELD, WFE, WFI,
/// SEV, SEVL and the unallocated hints all retire at EL0 here and in QEMU user mode),
/// CLREX, barriers, and MRS/MSR of NZCV, FPCR and FPSR.
fn compared_in_skipped_class(line: &str, word: u32) -> bool {
    match line {
        "HINT" | "CLREX" | "DSB" | "DMB" | "ISB" => true,
        "MRS" | "MSR_reg" => PSTATE_SYSREGS
            .iter()
            .any(|&(a, b, c, d, e)| (word >> 5) & 0xffff == el2emu_cpu::sysreg::key(a, b, c, d, e) as u32),
        _ => false,
    }
}

/// A known difference, reported to the owner of the code, so CI stays green: words of
/// line `line` (a table line name, `"<none>"` for words no line matches, or a prefix
/// ending in `*`) with `word & mask == value`.
struct Known {
    line: &'static str,
    mask: u32,
    value: u32,
    /// Skip the words entirely, or only tolerate a different fault address.
    kind: KnownKind,
    /// The observed difference.
    note: &'static str,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum KnownKind {
    /// Not run at all.
    Skip,
    /// Run and compared, but a fault address that differs is tolerated (counted).
    FaultAddress,
}

/// Known differences (see [`Known`]), each with the observed difference.
const KNOWN_MISMATCHES: &[Known] = &[Known {
    line: "STP_*",
    mask: 0,
    value: 0,
    kind: KnownKind::FaultAddress,
    note: "STP of Q registers whose parts run past the end of the test's RAM: in el2emu the \
           page after the scratch area is translated but has no RAM (a synchronous external \
           abort), and the store writes its non-RAM parts first so that a fault leaves RAM \
           unchanged, so the abort is reported at the first non-RAM part in that order; \
           under QEMU the page is unmapped (SIGSEGV at the page's first byte). e.g. \
           0xaca62eba STP q26, q11, [x21], #-0x340 with X21=0x1001fff4: el2emu FAR 0x10020004, \
           QEMU 0x10020000.",
}];

fn known_mismatch(line: &str, word: u32) -> Option<&'static Known> {
    KNOWN_MISMATCHES.iter().find(|k| {
        let line_matches = match k.line.strip_suffix('*') {
            Some(prefix) => line.starts_with(prefix),
            None => k.line == line,
        };
        line_matches && word & k.mask == k.value
    })
}

/// CONSTRAINED UNPREDICTABLE register overlaps (Arm ARM K1.2.x): the architecture
/// permits several behaviours (UNDEFINED, NOP, UNKNOWN values...), and el2emu's
/// choice may differ from QEMU's. Such words are run and compared, but a difference
/// is counted under the reason instead of failing.
fn constrained_unpredictable(line: &str, word: u32) -> Option<&'static str> {
    let (rt, rn, rt2, rs) = (word & 31, (word >> 5) & 31, (word >> 10) & 31, (word >> 16) & 31);
    let pair = ["LDP", "LDNP", "LDXP", "LDAXP", "LDPSW"].iter().any(|p| line.starts_with(p));
    if pair && rt == rt2 {
        return Some("load pair with Rt == Rt2");
    }
    let simd_struct = line.contains("mult")
        || line.contains("single")
        || line.starts_with("LD1R")
        || line.starts_with("LD2R")
        || line.starts_with("LD3R")
        || line.starts_with("LD4R");
    let writeback = line.contains("_pre") || line.contains("_post");
    let int_pair = line.starts_with("LDP") || line.starts_with("STP");
    if writeback && !simd_struct && !line.ends_with("_fp") && rn != 31 && (rn == rt || (int_pair && rn == rt2)) {
        return Some("load/store with writeback and Rn == Rt");
    }
    if (line.starts_with("STXR") || line.starts_with("STLXR")) && (rs == rt || (rs == rn && rn != 31)) {
        return Some("store-exclusive with Rs == Rt or Rn");
    }
    if (line == "STXP" || line == "STLXP") && (rs == rt || rs == rt2 || (rs == rn && rn != 31)) {
        return Some("store-exclusive pair with Rs == Rt, Rt2 or Rn");
    }
    None
}

/// Known ways QEMU departs from the Arm ARM (counted, not failed): the reason, if
/// el2emu's result `e` and QEMU's `q` differ in one of them.
fn qemu_deviation(line: &str, e: &Outcomes, q: &Outcomes) -> Option<&'static str> {
    let store_excl = line.starts_with("STXR") || line.starts_with("STLXR") || line == "STXP" || line == "STLXP";
    if store_excl && matches!(e.outcome, Outcome::Alignment(_)) && q.outcome == Outcome::Completed {
        // AArch64.ExclusiveMonitorsPass() takes the alignment fault before it looks at
        // the monitor; QEMU only checks the address against the monitor and fails the
        // store without accessing memory.
        return Some("store-exclusive to an unaligned address: QEMU fails it, Arm faults (alignment)");
    }
    None
}

/// Why a word must not be compared, if it must not.
fn skip_reason(class: &str, line: &str, word: u32) -> Option<&'static str> {
    if compared_in_skipped_class(line, word) {
        return None;
    }
    SKIPPED_CLASSES.iter().find(|(c, _)| *c == class).map(|(_, r)| *r)
}

/// FEAT_LSE lines, run under QEMU `-cpu max`.
fn is_lse(name: &str) -> bool {
    const OPS: [&str; 8] = ["ADD", "CLR", "EOR", "SET", "SMAX", "SMIN", "UMAX", "UMIN"];
    name.starts_with("CAS")
        || name.starts_with("SWP")
        || OPS.iter().any(|op| name.strip_prefix("LD").is_some_and(|r| r.trim_end_matches(['B', 'H']) == *op))
}

/// The class table a line comes from and the line itself, for a word.
fn line_of(word: u32) -> Option<(&'static str, &'static Encoding)> {
    let e = decode::decode(word)?;
    decode::all_tables().into_iter().find(|(_, t)| t.iter().any(|l| std::ptr::eq(l, e))).map(|(c, _)| (c, e))
}

/// Is the line mapped to one of the "not implemented yet" handlers?
fn is_unimplemented(e: &Encoding) -> bool {
    let u: [el2emu_cpu::exec::ExecFn; 2] = [el2emu_cpu::exec::unimplemented, el2emu_cpu::exec::simd_fp::unimplemented];
    u.iter().any(|&u| e.exec as usize == u as usize)
}

// ---- random values ---------------------------------------------------------------------

/// An address in the scratch area: mostly in its first half (so scaled immediate
/// offsets stay inside), often aligned, sometimes near either end.
fn scratch_ptr(rng: &mut Rng) -> u64 {
    let off = match rng.below(8) {
        0..=3 => rng.below(0x8000) & !15,
        4 | 5 => rng.below(0x8000),
        6 => rng.below(0x1_0000) & !7,
        _ => {
            if rng.chance(2) {
                rng.below(64)
            } else {
                SCRATCH_SIZE as u64 - rng.below(64)
            }
        }
    };
    SCRATCH + off
}

/// A general-purpose register value.
fn gpr_value(rng: &mut Rng) -> u64 {
    const SPECIAL: &[u64] = &[
        0,
        1,
        2,
        u64::MAX,
        u64::MAX - 1,
        0x7fff_ffff,
        0x8000_0000,
        0xffff_ffff,
        0x1_0000_0000,
        0xffff_ffff_8000_0000,
        0x7fff_ffff_ffff_ffff,
        0x8000_0000_0000_0000,
        0x8000_0000_0000_0001,
        0x0000_ffff_0000_ffff,
        0x5555_5555_5555_5555,
        0xaaaa_aaaa_aaaa_aaaa,
        0x00ff_00ff_00ff_00ff,
        0x7f,
        0x80,
        0xff,
        0x7fff,
        0x8000,
        0xffff,
    ];
    match rng.below(10) {
        0..=2 => rng.next(),
        3 => rng.pick(SPECIAL),
        4 => rng.below(64),
        5 => (rng.below(512) as i64 - 256) as u64,
        6 => rng.next() as u32 as u64,
        7 => 1u64 << rng.below(64),
        8 => scratch_ptr(rng),
        _ => (rng.next() as u32 as i32) as i64 as u64,
    }
}

const F64_SPECIAL: &[u64] = &[
    0,
    0x8000_0000_0000_0000,
    0x7ff0_0000_0000_0000,
    0xfff0_0000_0000_0000,
    0x7ff8_0000_0000_0000,
    0xfff8_0000_0000_0001,
    0x7ff0_0000_0000_0001,
    0x7ff4_0000_dead_beef,
    0xfff7_ffff_ffff_ffff,
    0x0000_0000_0000_0001,
    0x800f_ffff_ffff_ffff,
    0x0010_0000_0000_0000,
    0x8010_0000_0000_0000,
    0x3ff0_0000_0000_0000,
    0xbff0_0000_0000_0000,
    0x7fef_ffff_ffff_ffff,
    0xffef_ffff_ffff_ffff,
    0x3fe0_0000_0000_0000,
    0x3ff8_0000_0000_0000,
    0x4004_0000_0000_0000,
    0xc004_0000_0000_0000,
    0x41e0_0000_0000_0000,
    0x41df_ffff_ffc0_0000,
    0xc1e0_0000_0000_0000,
    0x43e0_0000_0000_0000,
    0xc3e0_0000_0000_0000,
    0x43f0_0000_0000_0000,
    0x3690_0000_0000_0000,
    0x47f0_0000_0000_0000,
];

const F32_SPECIAL: &[u32] = &[
    0,
    0x8000_0000,
    0x7f80_0000,
    0xff80_0000,
    0x7fc0_0000,
    0xffc0_0001,
    0x7f80_0001,
    0x7fa0_beef,
    0x0000_0001,
    0x807f_ffff,
    0x0080_0000,
    0x3f80_0000,
    0xbf80_0000,
    0x7f7f_ffff,
    0xff7f_ffff,
    0x3f00_0000,
    0x3fc0_0000,
    0x4020_0000,
    0xc020_0000,
    0x4f00_0000,
    0xcf00_0000,
    0x4eff_ffff,
    0x5f00_0000,
    0xdf00_0000,
    0x5f80_0000,
    0x3380_0000,
    0x477f_f000,
    0x4780_0000,
];

const F16_SPECIAL: &[u16] = &[
    0, 0x8000, 0x7c00, 0xfc00, 0x7e00, 0xfe01, 0x7c01, 0x7d55, 0x0001, 0x83ff, 0x0400, 0x3c00, 0xbc00, 0x7bff, 0xfbff,
    0x3800, 0x3e00, 0x4100,
];

/// A random finite value of `bits` (16/32/64) with an exponent near the bias.
fn fp_moderate(rng: &mut Rng, bits: u32) -> u64 {
    let (ebits, mbits) = match bits {
        16 => (5, 10),
        32 => (8, 23),
        _ => (11, 52),
    };
    let bias = (1u64 << (ebits - 1)) - 1;
    let spread = (bias / 2).min(40);
    let e = bias + rng.below(2 * spread + 1) - spread;
    let m = rng.next() & ((1u64 << mbits) - 1);
    let m = if rng.chance(3) { m & !((1u64 << (mbits / 2)) - 1) } else { m };
    ((rng.next() & 1) << (bits - 1)) | (e << mbits) | m
}

/// One 64-bit half of a V register, as lanes of one size.
fn v_half(rng: &mut Rng) -> u64 {
    match rng.below(8) {
        0 => rng.next(),
        1 => {
            if rng.chance(2) {
                rng.pick(F64_SPECIAL)
            } else {
                fp_moderate(rng, 64)
            }
        }
        2 | 3 => {
            let mut h = 0;
            for i in 0..2 {
                let l = if rng.chance(2) { rng.pick(F32_SPECIAL) as u64 } else { fp_moderate(rng, 32) };
                h |= l << (32 * i);
            }
            h
        }
        4 => {
            let mut h = 0;
            for i in 0..4 {
                let l = if rng.chance(2) { rng.pick(F16_SPECIAL) as u64 } else { fp_moderate(rng, 16) };
                h |= l << (16 * i);
            }
            h
        }
        5 => gpr_value(rng),
        6 => {
            // Small lanes of a random size.
            let size = 8 << rng.below(4);
            let mut h = 0;
            for i in 0..64 / size {
                let l = match rng.below(4) {
                    0 => 0,
                    1 => u64::MAX,
                    2 => 1u64 << (size - 1),
                    _ => rng.below(8),
                };
                h |= (l & (u64::MAX >> (64 - size))) << (size * i);
            }
            h
        }
        _ => rng.pick(&[0, u64::MAX, 0x8000_0000_8000_0000, 0x7fff_ffff_7fff_ffff]),
    }
}

// ---- cases ----------------------------------------------------------------------------

/// Registers of one case.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Regs {
    x: [u64; 31],
    sp: u64,
    nzcv: u32,
    fpcr: u32,
    fpsr: u32,
    v: [[u64; 2]; 32],
}

/// Which QEMU CPU runs a case.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Oracle {
    A57,
    Max,
}

/// One instruction and its initial registers.
struct Case {
    word: u32,
    /// The table line the word decodes to ("<none>": UNDEFINED for el2emu).
    line: &'static str,
    unimplemented: bool,
    oracle: Oracle,
    regs: Regs,
}

fn random_regs(rng: &mut Rng, word: u32, class: &str) -> Regs {
    let mut x = [0u64; 31];
    for r in x.iter_mut() {
        *r = gpr_value(rng);
    }
    let sp = if rng.chance(4) { gpr_value(rng) } else { scratch_ptr(rng) };
    let rn = ((word >> 5) & 31) as usize;
    let is_mem = class == "ldst";
    if rn < 31 && (if is_mem { !rng.chance(16) } else { rng.chance(4) }) {
        x[rn] = scratch_ptr(rng);
    }
    let rm = ((word >> 16) & 31) as usize;
    if is_mem && rm < 31 && rm != rn && rng.chance(2) {
        x[rm] = (rng.below(256) as i64 - 64) as u64;
    }
    let mut v = [[0u64; 2]; 32];
    for r in v.iter_mut() {
        *r = [v_half(rng), v_half(rng)];
    }
    let nzcv = (rng.below(16) as u32) << 28;
    // RMode (23:22), FZ (24), DN (25), AHP (26).
    let fpcr = if rng.chance(4) { 0 } else { (rng.below(32) as u32) << 22 };
    // Cumulative flags IOC..IXC (4:0), IDC (7), QC (27).
    let fpsr = if rng.chance(4) { (rng.next() as u32) & 0x0800_009f } else { 0 };
    Regs { x, sp, nzcv, fpcr, fpsr, v }
}

/// Classifies a word: `None` if it must not be compared, else the case without registers.
fn make_case(rng: &mut Rng, word: u32) -> Option<Case> {
    let (class, line, unimplemented, oracle) = match line_of(word) {
        Some((class, e)) => {
            skip_reason(class, e.name, word).map_or(Some(()), |_| None)?;
            let oracle = if is_lse(e.name) { Oracle::Max } else { Oracle::A57 };
            (class, e.name, is_unimplemented(e), oracle)
        }
        None => ("", "<none>", false, Oracle::A57),
    };
    if known_mismatch(line, word).is_some_and(|k| k.kind == KnownKind::Skip) {
        return None;
    }
    let regs = random_regs(rng, word, class);
    Some(Case { word, line, unimplemented, oracle, regs })
}

// ---- results --------------------------------------------------------------------------

/// How an instruction ended.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Outcome {
    Completed,
    /// SIGILL / exception class 0.
    Undefined,
    /// SIGBUS / data abort with an alignment fault, at this address.
    Alignment(u64),
    /// SIGSEGV / any other data abort, at this address.
    Fault(u64),
    /// Anything else (described).
    Other(String),
}

/// Registers and memory after a case.
#[derive(Clone, Debug)]
struct Outcomes {
    outcome: Outcome,
    regs: Regs,
    /// Changed aligned 8-byte scratch words (offset from SCRATCH, new value), then
    /// changed 4-byte words of the code page after the instruction (CODE_DIFF + offset
    /// from CODE, new value).
    mem: Vec<(u64, u64)>,
}

fn scratch_contents() -> Vec<u64> {
    let mut r = Rng(SCRATCH_SEED);
    (0..SCRATCH_SIZE / 8).map(|_| r.next()).collect()
}

// ---- the oracle ------------------------------------------------------------------------

/// Little-endian reader over the oracle's output.
struct Le<'a>(&'a [u8]);

impl Le<'_> {
    fn u32(&mut self) -> u32 {
        let (h, t) = self.0.split_at(4);
        self.0 = t;
        u32::from_le_bytes(h.try_into().expect("4 bytes"))
    }
    fn u64(&mut self) -> u64 {
        let (h, t) = self.0.split_at(8);
        self.0 = t;
        u64::from_le_bytes(h.try_into().expect("8 bytes"))
    }
}

/// Runs `cases` under `qemu-aarch64 -cpu <cpu>`: the `b` word of the code page and
/// one result per case.
fn run_oracle(bin: &PathBuf, cpu: &str, cases: &[&Case]) -> (u32, Vec<Outcomes>) {
    let mut input = Vec::with_capacity(cases.len() * (8 + CTX_SIZE));
    for c in cases {
        let r = &c.regs;
        input.extend_from_slice(&c.word.to_le_bytes());
        input.extend_from_slice(&0u32.to_le_bytes());
        for x in r.x {
            input.extend_from_slice(&x.to_le_bytes());
        }
        for w in [r.sp, r.nzcv as u64, r.fpcr as u64, r.fpsr as u64, 0] {
            input.extend_from_slice(&w.to_le_bytes());
        }
        for v in r.v {
            input.extend_from_slice(&v[0].to_le_bytes());
            input.extend_from_slice(&v[1].to_le_bytes());
        }
    }
    let output = run_qemu(cpu, bin, input);
    let mut rd = Le(&output);
    assert_eq!(rd.u32(), MAGIC, "oracle output header");
    let back = rd.u32();
    let mut res = Vec::with_capacity(cases.len());
    for _ in cases {
        assert!(rd.0.len() >= 16 + CTX_SIZE + 8, "short oracle output");
        let signo = rd.u32();
        let code = rd.u32() as i32;
        let addr = rd.u64();
        let mut x = [0u64; 31];
        for r in x.iter_mut() {
            *r = rd.u64();
        }
        let sp = rd.u64();
        let nzcv = rd.u64() as u32;
        let fpcr = rd.u64() as u32;
        let fpsr = rd.u64() as u32;
        let _ = rd.u64();
        let mut v = [[0u64; 2]; 32];
        for r in v.iter_mut() {
            *r = [rd.u64(), rd.u64()];
        }
        let n = rd.u32();
        let _ = rd.u32();
        let mem = (0..n).map(|_| (rd.u64(), rd.u64())).collect();
        let outcome = match signo {
            0 => Outcome::Completed,
            4 => Outcome::Undefined,
            7 => Outcome::Alignment(addr),
            11 => Outcome::Fault(addr),
            s => Outcome::Other(format!("signal {s} code {code} addr {addr:#x}")),
        };
        res.push(Outcomes { outcome, regs: Regs { x, sp, nzcv, fpcr, fpsr, v }, mem });
    }
    (back, res)
}

// ---- el2emu -----------------------------------------------------------------------------

/// el2emu's PE with the same address space as the oracle.
struct Emu {
    cpu: Cpu,
    template: Box<CpuState>,
    pristine: Vec<u64>,
    plat: NullPlatform,
    back: u32,
}

/// Stage-1 page descriptor: Normal (AttrIndx 0), EL0 read/write (AP = 01), inner
/// shareable, AF, PXN.
fn page_desc(pa: u64) -> u64 {
    pa | 0b11 | (0b01 << 6) | (0b11 << 8) | (1 << 10) | (1 << 53)
}

impl Emu {
    fn new(back: u32, pristine: Vec<u64>) -> Self {
        let ram = GuestRam::new(CODE, RAM_SIZE).expect("guest RAM");
        // Tables: L0 at TABLES, L1, L2, L3 in the following pages; one L3 table maps
        // the 2 MiB around CODE.
        let (l0, l1, l2, l3) = (TABLES, TABLES + 0x1000, TABLES + 0x2000, TABLES + 0x3000);
        let put = |a: u64, v: u64| assert!(ram.write(a, v.to_le_bytes()));
        put(l0 + 8 * ((CODE >> 39) & 511), l1 | 0b11);
        put(l1 + 8 * ((CODE >> 30) & 511), l2 | 0b11);
        put(l2 + 8 * ((CODE >> 21) & 511), l3 | 0b11);
        put(l3 + 8 * ((CODE >> 12) & 511), page_desc(CODE));
        for p in (SCRATCH..SCRATCH + SCRATCH_SIZE as u64).step_by(0x1000) {
            put(l3 + 8 * ((p >> 12) & 511), page_desc(p));
        }
        assert!(ram.write(CODE + 4, back.to_le_bytes()));
        let bytes: Vec<u8> = pristine.iter().flat_map(|w| w.to_le_bytes()).collect();
        assert!(ram.load(SCRATCH, &bytes));

        let mut cpu = Cpu::new(0, ram, id::MAX, 1);
        let s = &mut cpu.s;
        s.sys[Slot::MAIR_EL1 as usize] = 0xff;
        // T0SZ 16, IRGN0/ORGN0 write-back, SH0 inner, TG0 4K, EPD1, IPS 48 bits, TBI0.
        s.sys[Slot::TCR_EL1 as usize] = 16 | (1 << 8) | (1 << 10) | (3 << 12) | (1 << 23) | (5 << 32) | (1 << 37);
        s.sys[Slot::TTBR0_EL1 as usize] = l0;
        s.sys[Slot::VBAR_EL1 as usize] = 0xffff_0000_0000_0000;
        let sc = s.sys[Slot::SCTLR_EL1 as usize];
        s.sys[Slot::SCTLR_EL1 as usize] = (sc & !(sctlr::A | sctlr::SA | sctlr::SA0 | sctlr::WXN))
            | sctlr::M
            | sctlr::C
            | sctlr::I
            | sctlr::DZE
            | sctlr::UCT
            | sctlr::UCI
            | sctlr::NTWI
            | sctlr::NTWE;
        s.sys[Slot::CPACR_EL1 as usize] = 3 << 20;
        s.el = 0;
        s.spsel = 0;
        s.daif = 0;
        let template = Box::new((*cpu.s).clone());
        Emu { cpu, template, pristine, plat: NullPlatform, back }
    }

    fn run(&mut self, c: &Case) -> Outcomes {
        let cpu = &mut self.cpu;
        (*cpu.s).clone_from(&self.template);
        let r = &c.regs;
        let s = &mut cpu.s;
        s.x = r.x;
        s.sp_el[0] = r.sp;
        s.nzcv = r.nzcv;
        s.fpcr = r.fpcr;
        s.fpsr = r.fpsr;
        s.v = r.v;
        s.pc = CODE;
        assert!(cpu.ram.write(CODE, c.word.to_le_bytes()));
        let _ = cpu.step(&mut self.plat);
        let s = &cpu.s;
        let outcome = if s.el == 0 && s.pc == CODE + 4 {
            Outcome::Completed
        } else if s.el == 1 {
            let esr = s.sys[Slot::ESR_EL1 as usize];
            let far = s.sys[Slot::FAR_EL1 as usize];
            match (esr >> 26, esr & 0x3f) {
                (0, _) => Outcome::Undefined,
                (0x24, 0x21) => Outcome::Alignment(far),
                (0x24, _) => Outcome::Fault(far),
                (ec, _) => Outcome::Other(format!("exception EC {ec:#x} ESR {esr:#x} FAR {far:#x}")),
            }
        } else {
            Outcome::Other(format!("EL{} PC {:#x}", s.el, s.pc))
        };
        let regs = Regs { x: s.x, sp: s.sp_el[0], nzcv: s.nzcv, fpcr: s.fpcr, fpsr: s.fpsr, v: s.v };
        let mut mem = Vec::new();
        let now = cpu.ram.dump(SCRATCH, SCRATCH_SIZE).expect("scratch");
        for (i, (w, p)) in now.chunks_exact(8).zip(&self.pristine).enumerate() {
            let w = u64::from_le_bytes(w.try_into().expect("8 bytes"));
            if w != *p {
                mem.push(((i * 8) as u64, w));
                assert!(cpu.ram.write(SCRATCH + (i * 8) as u64, p.to_le_bytes()));
            }
        }
        let code = cpu.ram.dump(CODE, 0x1000).expect("code page");
        for (i, w) in code.chunks_exact(4).enumerate().skip(1) {
            let w = u32::from_le_bytes(w.try_into().expect("4 bytes"));
            let want = if i == 1 { self.back } else { 0 };
            if w != want {
                mem.push((CODE_DIFF + 4 * i as u64, w as u64));
                assert!(cpu.ram.write(CODE + 4 * i as u64, want.to_le_bytes()));
            }
        }
        Outcomes { outcome, regs, mem }
    }
}

// ---- comparison -------------------------------------------------------------------------

/// Fault addresses as Linux reports them: without the tag byte (TBI0); QEMU reports
/// 0 for addresses outside its guest address space (47 bits on an x86-64 host).
fn same_fault_address(e: u64, q: u64) -> bool {
    let (e, q) = (e & 0x00ff_ffff_ffff_ffff, q & 0x00ff_ffff_ffff_ffff);
    e == q || (q == 0 && e >> 47 != 0)
}

/// The differences between el2emu's result `e` and QEMU's `q`, one line each. After a
/// fault, the registers a load was writing and the memory a store was writing are
/// UNKNOWN (Arm ARM: partial loads and stores are permitted): V registers and memory
/// are not compared then.
fn differences(e: &Outcomes, q: &Outcomes) -> Vec<String> {
    let mut d = Vec::new();
    let faulted = match (&e.outcome, &q.outcome) {
        (Outcome::Alignment(a), Outcome::Alignment(b)) | (Outcome::Fault(a), Outcome::Fault(b)) => {
            if !same_fault_address(*a, *b) {
                d.push(format!("fault address: el2emu {a:#x}, qemu {b:#x}"));
            }
            true
        }
        (a, b) if a == b => false,
        (a, b) => {
            d.push(format!("outcome: el2emu {a:x?}, qemu {b:x?}"));
            return d;
        }
    };
    for i in 0..31 {
        if e.regs.x[i] != q.regs.x[i] {
            d.push(format!("X{i}: el2emu {:#018x}, qemu {:#018x}", e.regs.x[i], q.regs.x[i]));
        }
    }
    if e.regs.sp != q.regs.sp {
        d.push(format!("SP: el2emu {:#018x}, qemu {:#018x}", e.regs.sp, q.regs.sp));
    }
    if e.regs.nzcv != q.regs.nzcv {
        d.push(format!("NZCV: el2emu {:#x}, qemu {:#x}", e.regs.nzcv >> 28, q.regs.nzcv >> 28));
    }
    // FPCR.Stride (21:20) and Len (18:16) only exist to hold AArch32 FPSCR state:
    // cortex-a57 has AArch32 EL0 so QEMU keeps them writable, el2emu's AArch64-only
    // model makes them RES0. Not compared.
    const FPCR_AARCH32: u32 = 0x003f_0000;
    if (e.regs.fpcr ^ q.regs.fpcr) & !FPCR_AARCH32 != 0 {
        d.push(format!("FPCR: el2emu {:#x}, qemu {:#x}", e.regs.fpcr, q.regs.fpcr));
    }
    if e.regs.fpsr != q.regs.fpsr {
        d.push(format!("FPSR: el2emu {:#x}, qemu {:#x}", e.regs.fpsr, q.regs.fpsr));
    }
    if faulted {
        return d;
    }
    for i in 0..32 {
        if e.regs.v[i] != q.regs.v[i] {
            let [el, eh] = e.regs.v[i];
            let [ql, qh] = q.regs.v[i];
            d.push(format!("V{i}: el2emu {eh:016x}_{el:016x}, qemu {qh:016x}_{ql:016x}"));
        }
    }
    if e.mem != q.mem {
        let fmt = |m: &[(u64, u64)]| {
            m.iter()
                .map(|&(o, v)| {
                    if o >= CODE_DIFF {
                        format!("[{:#x}]={v:#010x}", CODE + o - CODE_DIFF)
                    } else {
                        format!("[{:#x}]={v:#018x}", SCRATCH + o)
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        d.push(format!("memory: el2emu {{{}}}, qemu {{{}}}", fmt(&e.mem), fmt(&q.mem)));
    }
    d
}

/// Tallies of one run.
#[derive(Default)]
struct Tally {
    compared: usize,
    /// el2emu UNDEFINED on an `unimplemented` line, QEMU executed it: per line.
    unimplemented: BTreeMap<&'static str, usize>,
    /// LSE words under -cpu max where FEAT_LSE2 allowed an access el2emu (v8.0) faults.
    lse2_alignment: usize,
    /// Mismatches per line: count and the first few descriptions.
    mismatches: BTreeMap<&'static str, (usize, Vec<String>)>,
    outcomes: BTreeMap<&'static str, usize>,
    /// Differences in CONSTRAINED UNPREDICTABLE cases, per reason.
    constrained: BTreeMap<&'static str, usize>,
    /// Per line: words compared and how many of them QEMU completed.
    per_line: BTreeMap<&'static str, (usize, usize)>,
    /// Tolerated known differences (KnownKind::FaultAddress), per note.
    known: BTreeMap<&'static str, usize>,
    /// Differences where QEMU departs from the Arm ARM, per reason.
    qemu_deviations: BTreeMap<&'static str, usize>,
}

fn check(t: &mut Tally, c: &Case, e: &Outcomes, q: &Outcomes) {
    if c.unimplemented && e.outcome == Outcome::Undefined {
        if q.outcome != Outcome::Undefined {
            *t.unimplemented.entry(c.line).or_default() += 1;
        }
        return;
    }
    if c.oracle == Oracle::Max && matches!(e.outcome, Outcome::Alignment(_)) && q.outcome == Outcome::Completed {
        t.lse2_alignment += 1;
        return;
    }
    t.compared += 1;
    let kind = match q.outcome {
        Outcome::Completed => "completed",
        Outcome::Undefined => "UNDEFINED",
        Outcome::Alignment(_) => "alignment fault",
        Outcome::Fault(_) => "other fault",
        Outcome::Other(_) => "other",
    };
    *t.outcomes.entry(kind).or_default() += 1;
    let pl = t.per_line.entry(c.line).or_default();
    pl.0 += 1;
    pl.1 += (q.outcome == Outcome::Completed) as usize;
    let d = differences(e, q);
    if d.is_empty() {
        return;
    }
    if let Some(r) = constrained_unpredictable(c.line, c.word) {
        *t.constrained.entry(r).or_default() += 1;
        return;
    }
    if let Some(r) = qemu_deviation(c.line, e, q) {
        *t.qemu_deviations.entry(r).or_default() += 1;
        return;
    }
    if let Some(k) = known_mismatch(c.line, c.word) {
        if k.kind == KnownKind::FaultAddress && d.iter().all(|l| l.starts_with("fault address")) {
            *t.known.entry(k.note).or_default() += 1;
            return;
        }
    }
    let entry = t.mismatches.entry(c.line).or_default();
    entry.0 += 1;
    if entry.1.len() < 3 {
        let r = &c.regs;
        let mut s = format!(
            "  word {:#010x} line {} (qemu -cpu {}) FPCR {:#x} NZCV {:#x} FPSR {:#x}\n",
            c.word,
            c.line,
            if c.oracle == Oracle::Max { "max" } else { "cortex-a57" },
            r.fpcr,
            r.nzcv >> 28,
            r.fpsr
        );
        let used: Vec<String> = (0..31)
            .filter(|&i| [c.word & 31, (c.word >> 5) & 31, (c.word >> 10) & 31, (c.word >> 16) & 31].contains(&i))
            .map(|i| {
                format!("X{i}={:#x} V{i}={:016x}_{:016x}", r.x[i as usize], r.v[i as usize][1], r.v[i as usize][0])
            })
            .collect();
        s += &format!("    inputs: SP={:#x} {}\n", r.sp, used.join(" "));
        for line in d {
            s += &format!("    {line}\n");
        }
        entry.1.push(s);
    }
}

// ---- the test ---------------------------------------------------------------------------

/// The words of one run: every table line in turn (`per_line` words each), then plain
/// random words up to `n`.
fn generate(rng: &mut Rng, n: usize) -> impl Iterator<Item = Case> + '_ {
    let lines: Vec<&'static Encoding> = decode::all_tables()
        .into_iter()
        .flat_map(|(class, t)| t.iter().map(move |e| (class, e)))
        .filter(|(class, e)| skip_reason(class, e.name, e.value).is_none() || matches!(e.name, "MRS" | "MSR_reg"))
        .map(|(_, e)| e)
        .collect();
    // 7/8 of the words come from the tables, the rest are plain random words.
    let per_line = (n * 7 / 8 / lines.len().max(1)).max(1);
    let mut produced = 0;
    let mut li = 0;
    let mut k = 0;
    std::iter::from_fn(move || {
        while produced < n {
            let word = if li < lines.len() {
                let e = lines[li];
                k += 1;
                if k >= per_line {
                    k = 0;
                    li += 1;
                }
                let word = e.value | (rng.next() as u32 & !e.mask);
                if matches!(e.name, "MRS" | "MSR_reg") {
                    let (a, b, c, d, f) = PSTATE_SYSREGS[rng.below(3) as usize];
                    (word & !(0xffff << 5)) | ((el2emu_cpu::sysreg::key(a, b, c, d, f) as u32) << 5)
                } else {
                    word
                }
            } else {
                rng.next() as u32
            };
            if let Some(c) = make_case(rng, word) {
                produced += 1;
                return Some(c);
            }
        }
        None
    })
}

#[test]
fn single_instructions_match_qemu_user() {
    assert!(qemu_present(), "qemu-aarch64 not found: install Debian's qemu-user package to run this test");
    let bin = build_oracle("insn-oracle", "insn-oracle");
    let n: usize = std::env::var("EL2EMU_DIFF_N").ok().and_then(|s| s.parse().ok()).unwrap_or(120_000);
    let seed: u64 = std::env::var("EL2EMU_DIFF_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x00d1_ff00_5eed);
    let start = Instant::now();
    let mut rng = Rng(seed);
    let pristine = scratch_contents();
    let mut emu: Option<Emu> = None;
    let mut tally = Tally::default();
    let mut gen = generate(&mut rng, n);
    let mut total = 0;
    loop {
        let batch: Vec<Case> = gen.by_ref().take(BATCH).collect();
        if batch.is_empty() {
            break;
        }
        total += batch.len();
        let a57: Vec<&Case> = batch.iter().filter(|c| c.oracle == Oracle::A57).collect();
        let max: Vec<&Case> = batch.iter().filter(|c| c.oracle == Oracle::Max).collect();
        let (ra, rm) = std::thread::scope(|sc| {
            let hm = sc.spawn(|| run_oracle(&bin, "max", &max));
            let ra = run_oracle(&bin, "cortex-a57", &a57);
            (ra, hm.join().expect("oracle thread"))
        });
        assert_eq!(ra.0, rm.0, "code page branch word");
        let emu = emu.get_or_insert_with(|| Emu::new(ra.0, pristine.clone()));
        for (cases, res) in [(&a57, &ra.1), (&max, &rm.1)] {
            for (c, q) in cases.iter().zip(res) {
                let e = emu.run(c);
                check(&mut tally, c, &e, q);
            }
        }
    }
    let unimpl: usize = tally.unimplemented.values().sum();
    eprintln!(
        "qemu_user_diff: {total} words in {:?}: {} compared, {} on unimplemented lines \
         ({} lines) skipped, {} LSE2-relaxed alignment cases skipped",
        start.elapsed(),
        tally.compared,
        unimpl,
        tally.unimplemented.len(),
        tally.lse2_alignment
    );
    eprintln!("qemu_user_diff: QEMU outcomes: {:?}", tally.outcomes);
    if std::env::var_os("EL2EMU_DIFF_VERBOSE").is_some() {
        for (line, (n, done)) in &tally.per_line {
            eprintln!("qemu_user_diff: {line}: {n} compared, {done} completed");
        }
    }
    if !tally.unimplemented.is_empty() {
        let l: Vec<String> = tally.unimplemented.iter().map(|(k, v)| format!("{k} ({v})")).collect();
        eprintln!("qemu_user_diff: unimplemented lines QEMU executes: {}", l.join(", "));
    }
    for (what, m) in [
        ("CONSTRAINED UNPREDICTABLE differences", &tally.constrained),
        ("QEMU deviations from the Arm ARM", &tally.qemu_deviations),
        ("known differences (KNOWN_MISMATCHES)", &tally.known),
    ] {
        if !m.is_empty() {
            let l: Vec<String> = m.iter().map(|(k, v)| format!("{k} ({v})")).collect();
            eprintln!("qemu_user_diff: {what} (not failed): {}", l.join("; "));
        }
    }
    if tally.mismatches.is_empty() {
        return;
    }
    let mut out = format!("qemu_user_diff: mismatches on {} line(s):\n", tally.mismatches.len());
    for (line, (count, examples)) in &tally.mismatches {
        out += &format!("{line}: {count} mismatch(es)\n");
        for e in examples {
            out += e;
        }
    }
    panic!("{out}");
}
