//! Robustness of the decoder and interpreter: random instruction words, and words drawn
//! from every decode table line, executed on PEs at EL0, EL1 and EL2 with random
//! register contents and random-ish system state (MMU off; some runs with HCR_EL2 trap
//! bits set). Every word must come back from `Cpu::step` as an architectural outcome:
//! no panic, no hang. A panic is reported with the instruction word, the table line it
//! decodes to and the PC; a watchdog aborts the process (printing the word) if one step
//! does not return.
//!
//! Uses only the public API of el2emu-cpu. Deterministic: fixed seeds, SplitMix64.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Once, OnceLock};
use std::time::{Duration, Instant};

use el2emu_cpu::decode;
use el2emu_cpu::sysreg::{hcr, id, Slot};
use el2emu_cpu::{Cpu, CpuState, NullPlatform};
use el2emu_mmu::GuestRam;

mod support;
use support::{Random, SplitMix64 as Rng};

const RAM_BASE: u64 = 0x4000_0000;
const RAM_SIZE: u64 = 0x10_0000;
/// Vector table for EL1 and EL2 (inside RAM, so a taken exception executes more of the
/// random RAM contents on the following steps).
const VBAR: u64 = RAM_BASE + 0x8_0000;
/// Steps run per word: the word itself, then whatever it led to.
const STEPS_PER_WORD: usize = 3;
/// Words per PE configuration before a fresh `Cpu` is built.
const BATCH: usize = 512;

// ---- panic capture -------------------------------------------------------------------

thread_local! {
    static CAPTURING: RefCell<bool> = const { RefCell::new(false) };
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Route panics raised while [`CAPTURING`] into [`LAST_PANIC`] (with their location);
/// other panics (test assertions) go to the default hook.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    type Hook = Box<dyn Fn(&panic::PanicHookInfo<'_>) + Sync + Send + 'static>;
    static DEFAULT: OnceLock<Hook> = OnceLock::new();
    ONCE.call_once(|| {
        let _ = DEFAULT.set(panic::take_hook());
        panic::set_hook(Box::new(|info| {
            if CAPTURING.with(|c| *c.borrow()) {
                let msg = if let Some(s) = info.payload().downcast_ref::<&str>() {
                    (*s).to_string()
                } else if let Some(s) = info.payload().downcast_ref::<String>() {
                    s.clone()
                } else {
                    "<non-string panic>".to_string()
                };
                let loc = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
                LAST_PANIC.with(|p| *p.borrow_mut() = Some(format!("{msg} at {loc}")));
            } else if let Some(h) = DEFAULT.get() {
                h(info);
            }
        }));
    });
}

// ---- watchdog ------------------------------------------------------------------------

/// Aborts the process, naming the word, if no step completes for `limit`.
struct Watchdog {
    progress: Arc<AtomicU64>,
    word: Arc<AtomicU32>,
    done: Arc<AtomicBool>,
}

impl Watchdog {
    fn start(test: &'static str, limit: Duration) -> Self {
        let progress = Arc::new(AtomicU64::new(0));
        let word = Arc::new(AtomicU32::new(0));
        let done = Arc::new(AtomicBool::new(false));
        let (p, w, d) = (progress.clone(), word.clone(), done.clone());
        std::thread::spawn(move || {
            let mut last = u64::MAX;
            let mut since = Instant::now();
            while !d.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(200));
                let now = p.load(Ordering::Relaxed);
                if now != last {
                    last = now;
                    since = Instant::now();
                } else if since.elapsed() > limit {
                    let insn = w.load(Ordering::Relaxed);
                    let line = decode::decode(insn).map_or("<no line: UNDEFINED>", |e| e.name);
                    eprintln!("{test}: HANG: step did not return for {limit:?}: word {insn:#010x} line {line}");
                    std::process::abort();
                }
            }
        });
        Watchdog { progress, word, done }
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        self.done.store(true, Ordering::Relaxed);
    }
}

// ---- PE setup ------------------------------------------------------------------------

/// A random PE configuration: a fresh `Cpu` and the state every word starts from.
fn random_pe(ram: &GuestRam, rng: &mut Rng) -> (Cpu, Box<CpuState>) {
    let el = rng.below(3) as u32;
    let with_el2 = el == 2 || !rng.chance(4);
    let mut cpu = Cpu::new(0, ram.clone(), id::MAX, if with_el2 { 2 } else { el });
    let s = &mut cpu.s;
    s.el = el;
    s.spsel = if el == 0 { 0 } else { rng.below(2) as u32 };
    s.daif = (rng.below(16) as u32) << 6;
    s.sys[Slot::VBAR_EL1 as usize] = VBAR;
    s.sys[Slot::VBAR_EL2 as usize] = VBAR;
    // FP/SIMD mostly enabled, sometimes trapped at EL1 or EL2.
    s.sys[Slot::CPACR_EL1 as usize] = if rng.chance(4) { rng.below(4) << 20 } else { 3 << 20 };
    let mut cptr = 0x33ff;
    if rng.chance(4) {
        cptr |= 1 << 10;
    }
    if rng.chance(8) {
        cptr |= 1 << 31;
    }
    s.sys[Slot::CPTR_EL2 as usize] = cptr;
    // SCTLR: MMU off; random alignment check, EL0 cache/DAIF/CTR enables, WFI/WFE traps.
    let sctlr_bits: u64 =
        (1 << 1) | (1 << 3) | (1 << 4) | (1 << 9) | (1 << 14) | (1 << 15) | (1 << 16) | (1 << 18) | (1 << 26);
    let sctlr1 = s.sys[Slot::SCTLR_EL1 as usize];
    s.sys[Slot::SCTLR_EL1 as usize] = ((sctlr1 & !sctlr_bits) | (rng.next() & sctlr_bits)) & !1;
    let sctlr2 = s.sys[Slot::SCTLR_EL2 as usize];
    s.sys[Slot::SCTLR_EL2 as usize] = ((sctlr2 & !(1 << 1)) | (rng.next() & (1 << 1))) & !1;
    if with_el2 {
        let mut h = hcr::RW;
        if rng.chance(2) {
            // Trap and routing controls (never VM or DC: stage 2 stays off).
            let traps = hcr::SWIO
                | hcr::FMO
                | hcr::IMO
                | hcr::AMO
                | hcr::TWI
                | hcr::TWE
                | hcr::TID0
                | hcr::TID1
                | hcr::TID2
                | hcr::TID3
                | hcr::TSC
                | hcr::TIDCP
                | hcr::TACR
                | hcr::TSW
                | hcr::TPCP
                | hcr::TPU
                | hcr::TTLB
                | hcr::TVM
                | hcr::TDZ
                | hcr::TRVM
                | hcr::TLOR
                | hcr::TERR
                | hcr::TEA;
            h |= rng.next() & traps;
            if rng.chance(4) {
                h |= hcr::TGE;
            }
            if rng.chance(3) {
                h |= hcr::E2H;
            }
            if rng.chance(8) {
                h |= rng.next() & (hcr::VI | hcr::VF | hcr::VSE);
            }
        }
        s.sys[Slot::HCR_EL2 as usize] = h;
        s.sys[Slot::MDCR_EL2 as usize] = rng.next() & 0xfe0;
    }
    let template = Box::new((*cpu.s).clone());
    (cpu, template)
}

/// A register value: random, small, negative, or a pointer into RAM.
fn random_value(rng: &mut Rng) -> u64 {
    match rng.below(8) {
        0 | 1 => rng.next(),
        2 => rng.below(64),
        3 => (rng.below(4096) as i64 - 2048) as u64,
        4 => RAM_BASE + (rng.below(RAM_SIZE) & !7),
        5 => RAM_BASE + rng.below(RAM_SIZE),
        6 => RAM_BASE + RAM_SIZE - rng.below(64),
        _ => 1u64 << rng.below(64),
    }
}

/// Start state of one word: registers random, PC somewhere in RAM holding `word`.
fn prepare(cpu: &mut Cpu, template: &CpuState, ram: &GuestRam, rng: &mut Rng, word: u32) {
    (*cpu.s).clone_from(template);
    let s = &mut cpu.s;
    for x in s.x.iter_mut() {
        *x = random_value(rng);
    }
    for sp in s.sp_el.iter_mut() {
        *sp = random_value(rng);
    }
    for v in s.v.iter_mut() {
        *v = [random_value(rng), random_value(rng)];
    }
    s.nzcv = (rng.below(16) as u32) << 28;
    s.fpcr = (rng.next() as u32) & 0x07ff_9f00;
    // Random return state, so ERET explores legal and illegal exception returns.
    for (spsr, elr) in [(Slot::SPSR_EL1, Slot::ELR_EL1), (Slot::SPSR_EL2, Slot::ELR_EL2)] {
        s.sys[spsr as usize] = if rng.chance(2) { rng.next() & 0xf040_03ff } else { rng.below(16) };
        s.sys[elr as usize] = random_value(rng);
    }
    s.pc = RAM_BASE + (rng.below(RAM_SIZE / 4) << 2);
    ram.load(s.pc, &word.to_le_bytes());
}

/// How the first step ended: retired, or the class of the exception it took.
fn outcome(s: &CpuState) -> &'static str {
    if s.pc & !0x7ff != VBAR {
        return "retired";
    }
    let esr = if s.el == 2 { s.sys[Slot::ESR_EL2 as usize] } else { s.sys[Slot::ESR_EL1 as usize] };
    match esr >> 26 {
        0x00 => "UNDEFINED",
        0x01 => "WFx trap",
        0x07 => "FP trap",
        0x0e => "illegal state",
        0x15..=0x17 => "SVC/HVC/SMC",
        0x18 => "sysreg trap",
        0x20 | 0x21 => "instruction abort",
        0x22 => "PC alignment",
        0x24 | 0x25 => "data abort",
        0x26 => "SP alignment",
        0x3c => "BRK",
        _ => "other exception",
    }
}

/// One panic found.
struct Finding {
    word: u32,
    pc: u64,
    el: u32,
    drawn_from: String,
    message: String,
    count: usize,
}

/// Runs words, catching panics.
struct Harness {
    ram: GuestRam,
    rng: Rng,
    cpu: Option<(Cpu, Box<CpuState>)>,
    used: usize,
    findings: BTreeMap<(String, String), Finding>,
    /// First-step outcomes: "retired" or the exception class taken.
    outcomes: BTreeMap<&'static str, usize>,
    dog: Watchdog,
    plat: NullPlatform,
}

impl Harness {
    fn new(test: &'static str, seed: u64) -> Self {
        install_panic_hook();
        let ram = GuestRam::new(RAM_BASE, RAM_SIZE).expect("ram");
        let mut rng = Rng(seed);
        // RAM full of random words: what the PE runs after a branch or an exception.
        let mut bytes = vec![0u8; RAM_SIZE as usize];
        for c in bytes.chunks_mut(8) {
            c.copy_from_slice(&rng.next().to_le_bytes());
        }
        assert!(ram.load(RAM_BASE, &bytes));
        let dog = Watchdog::start(test, Duration::from_secs(30));
        Harness {
            ram,
            rng,
            cpu: None,
            used: 0,
            findings: BTreeMap::new(),
            outcomes: BTreeMap::new(),
            dog,
            plat: NullPlatform,
        }
    }

    /// Execute `word` (and the steps after it) on the current PE configuration.
    fn run_word(&mut self, word: u32, drawn_from: &str) {
        if self.cpu.is_none() || self.used >= BATCH {
            self.cpu = Some(random_pe(&self.ram, &mut self.rng));
            self.used = 0;
        }
        self.used += 1;
        let Some((cpu, template)) = self.cpu.as_mut() else { return };
        prepare(cpu, template, &self.ram, &mut self.rng, word);
        let (pc, el) = (cpu.s.pc, cpu.s.el);
        self.dog.word.store(word, Ordering::Relaxed);
        CAPTURING.with(|c| *c.borrow_mut() = true);
        let plat = &mut self.plat;
        let outcomes = &mut self.outcomes;
        let r = panic::catch_unwind(AssertUnwindSafe(|| {
            let _ = cpu.step(plat);
            *outcomes.entry(outcome(&cpu.s)).or_insert(0) += 1;
            for _ in 1..STEPS_PER_WORD {
                let _ = cpu.step(plat);
            }
        }));
        CAPTURING.with(|c| *c.borrow_mut() = false);
        self.dog.progress.fetch_add(1, Ordering::Relaxed);
        if r.is_err() {
            let message = LAST_PANIC.with(|p| p.borrow_mut().take()).unwrap_or_default();
            // The panic may come from a later step: name the line of the first word, the
            // message says where it was raised.
            let line = decode::decode(word).map_or("<no line>", |e| e.name).to_string();
            let f = self.findings.entry((line, message.clone())).or_insert(Finding {
                word,
                pc,
                el,
                drawn_from: drawn_from.to_string(),
                message,
                count: 0,
            });
            f.count += 1;
            // The PE may be in any state after a panic: start a fresh one.
            self.cpu = None;
        }
    }

    /// Print the outcome histogram; fail the test listing every distinct panic.
    fn report(self, test: &str) {
        let total: usize = self.outcomes.values().sum();
        let hist: Vec<String> =
            self.outcomes.iter().map(|(k, v)| format!("{k} {:.1}%", 100.0 * *v as f64 / total.max(1) as f64)).collect();
        eprintln!("{test}: first-step outcomes: {}", hist.join(", "));
        if self.findings.is_empty() {
            return;
        }
        let mut out = format!("{test}: {} distinct panic(s):\n", self.findings.len());
        for ((line, _), f) in &self.findings {
            out += &format!(
                "  word {:#010x} line {line} (drawn from {}) pc {:#x} EL{} x{}: {}\n",
                f.word, f.drawn_from, f.pc, f.el, f.count, f.message
            );
        }
        panic!("{out}");
    }
}

#[test]
fn one_million_random_words() {
    let mut h = Harness::new("random_words", 0x5eed_0001_2345_6789);
    let start = Instant::now();
    // Runtime guard: ~2 s in release; a pathological slowdown stops the run early
    // (reported, not failed) instead of stalling CI.
    let deadline = Duration::from_secs(120);
    let mut n = 0;
    while n < 1_000_000 {
        let word = h.rng.next() as u32;
        h.run_word(word, "random");
        n += 1;
        if n % 65_536 == 0 && start.elapsed() > deadline {
            eprintln!("random_words: WARNING: stopped after {n} words at the {deadline:?} guard");
            break;
        }
    }
    eprintln!("random_words: {n} words in {:?}", start.elapsed());
    h.report("random_words");
}

#[test]
fn words_from_every_table_line() {
    let mut h = Harness::new("table_lines", 0x7ab1_e5ee_d000_0042);
    let per_line = 4_000;
    let start = Instant::now();
    let mut lines = 0;
    for (class, table) in decode::all_tables() {
        for e in table {
            lines += 1;
            let from = format!("{class}/{}", e.name);
            for _ in 0..per_line {
                let word = e.value | (h.rng.next() as u32 & !e.mask);
                h.run_word(word, &from);
            }
        }
    }
    eprintln!("table_lines: {lines} lines x {per_line} words in {:?}", start.elapsed());
    h.report("table_lines");
}
