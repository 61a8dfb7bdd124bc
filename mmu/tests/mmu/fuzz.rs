//! Property test: random page tables and random translation controls never panic the
//! walker, and whatever it returns is well formed. A small deterministic PRNG
//! (xorshift64*) keeps runs reproducible without extra crates.

use el2emu_mmu::perms::check_access;
use el2emu_mmu::regime::RegimeKind;
use el2emu_mmu::stage1::{translate, translate_stage1};
use el2emu_mmu::{AccessKind, Fault, Regime, Stage1Config, Stage2Config, Tlb, TlbiOp, Translation};

use super::common::*;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, num: u64, den: u64) -> bool {
        self.below(den) < num
    }
}

/// Size of the region filled with random descriptors.
const REGION: u64 = 1 << 20;

/// A descriptor that is usually walkable: points into the region, mostly valid types.
fn random_desc(rng: &mut Rng) -> u64 {
    if rng.chance(1, 16) {
        return rng.next();
    }
    let target = RAM_BASE + (rng.below(REGION >> 12) << 12);
    let ty = [0b11, 0b11, 0b11, 0b01, 0b00, 0b10][rng.below(6) as usize];
    let mut d = target | ty | (rng.next() & 0xffc) | (rng.next() & 0xfff0_0000_0000_0000);
    if rng.chance(3, 4) {
        d |= AF;
    }
    if rng.chance(1, 16) {
        d |= (rng.below(0xff) + 1) << 40;
    }
    d
}

/// A random value for a TxSZ-like 6-bit field, usually in range.
fn random_sz(rng: &mut Rng) -> u64 {
    if rng.chance(1, 8) {
        rng.below(64)
    } else {
        16 + rng.below(24)
    }
}

fn random_regime(rng: &mut Rng) -> Regime {
    let kind = [RegimeKind::El10, RegimeKind::El2, RegimeKind::El20][rng.below(3) as usize];
    let mut tcr = rng.next() & !0x3f_003f;
    tcr |= random_sz(rng) | (random_sz(rng) << 16);
    if rng.chance(3, 4) {
        tcr &= !((1 << 7) | (1 << 23)); // EPD clear most of the time
    }
    let ttbr = |rng: &mut Rng| {
        if rng.chance(1, 8) {
            rng.next()
        } else {
            (RAM_BASE + rng.below(REGION)) | (rng.next() & 0xffff_0000_0000_0000)
        }
    };
    let s2 = rng.chance(1, 2).then(|| {
        let vtcr = (rng.next() & !0x3f) | random_sz(rng);
        Stage2Config { vtcr, vttbr: ttbr(rng) }
    });
    Regime {
        kind,
        s1: Stage1Config {
            enabled: rng.chance(7, 8),
            wxn: rng.chance(1, 4),
            tcr,
            ttbr0: ttbr(rng),
            ttbr1: ttbr(rng),
            mair: rng.next(),
            flat_normal: rng.chance(1, 8),
        },
        s2: if kind == RegimeKind::El10 { s2 } else { None },
        unprivileged: rng.chance(1, 3),
        pan: rng.chance(1, 3),
        vmid: rng.next() as u16,
    }
}

fn random_va(rng: &mut Rng) -> u64 {
    let low = rng.next() & 0x0000_ffff_ffff_ffff;
    match rng.below(4) {
        0 => low,
        1 => low | 0xffff_0000_0000_0000,
        2 => low & 0x7f_ffff_ffff,
        _ => rng.next(),
    }
}

fn check_ok(t: &Translation, r: &Regime, va: u64, access: AccessKind) {
    assert!(t.page_size.is_power_of_two() && t.page_size >= 0x1000 && t.page_size <= 1 << 30, "{t:?}");
    assert_eq!(t.pa_page % t.page_size, 0, "{t:?}");
    assert_eq!(t.ipa_page % t.page_size, 0, "{t:?}");
    assert!(t.pa_page < 1 << 48 && t.ipa_page < 1 << 48, "{t:?}");
    assert!((0..=3).contains(&t.level) && (0..=3).contains(&t.s2_level), "{t:?}");
    assert_eq!(check_access(t, r, access, va), Ok(()), "a granted access re-checks as granted");
}

fn check_err(f: &Fault) {
    assert!((0..=3).contains(&f.level), "{f:?}");
    if !f.stage2 {
        assert!(!f.s1ptw && f.ipa == 0, "{f:?}");
    }
    assert!(f.fsc() < 0b110000, "{f:?}");
    let _ = f.describe();
}

#[test]
fn random_tables_never_panic() {
    let mut rng = Rng(0x0123_4567_89ab_cdef);
    let (mut oks, mut errs) = (0u32, 0u32);
    let mut tlb = Tlb::new();
    for _world in 0..12 {
        let pt = Pt::new();
        for off in (0..REGION).step_by(8) {
            pt.set(RAM_BASE + off, random_desc(&mut rng));
        }
        let mut ram = pt.ram.clone();
        for _ in 0..3000 {
            let r = random_regime(&mut rng);
            let va = random_va(&mut rng);
            let access = [AccessKind::Read, AccessKind::Write, AccessKind::Exec][rng.below(3) as usize];
            match translate(&r, va, access, &mut ram) {
                Ok(t) => {
                    check_ok(&t, &r, va, access);
                    tlb.insert(r.kind, r.vmid, va, t);
                    oks += 1;
                }
                Err(f) => {
                    check_err(&f);
                    errs += 1;
                }
            }
            match translate_stage1(&r, va, access, &mut ram) {
                Ok(t) => assert!(t.page_size.is_power_of_two() && t.pa_page % t.page_size == 0),
                Err(f) => check_err(&f),
            }
            if rng.chance(1, 50) {
                tlb.invalidate(TlbiOp::Va { kind: r.kind, vmid: r.vmid, asid: 0, va, last_level: false });
            }
        }
    }
    eprintln!("fuzz: {oks} translations, {errs} faults");
    // The generator must actually reach both outcomes, or the test proves little.
    assert!(oks > 100 && errs > 100, "oks={oks} errs={errs}");
}
