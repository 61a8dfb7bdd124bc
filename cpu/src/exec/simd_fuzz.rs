//! Test helper: random instances of every line of a decode table executed on
//! randomised state (general-purpose registers often usable addresses, random V
//! registers, FP trap on or off, EL0/EL1, `max` or `cortex-a57`, exclusive monitor
//! armed or not). The emulator must not
//! panic, and when the instruction does not retire (an exception was taken) the
//! general-purpose, SIMD&FP and stack registers must be unchanged.

use crate::decode::Encoding;
use crate::platform::NullPlatform;
use crate::sysreg::{sctlr, Slot};
use crate::testutil::{cpu_with_code, CODE, DATA};

/// xorshift64*: deterministic test randomness.
pub struct Rng(pub u64);

impl Rng {
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A register value that is often a usable address (or a small post-index
    /// register), sometimes the edge of RAM or anything at all.
    pub fn value(&mut self) -> u64 {
        let r = self.next_u64();
        match r % 7 {
            0 => DATA.wrapping_add((r >> 8) % 0x2000).wrapping_sub(0x1000),
            1 => DATA + ((r >> 8) % 0x100) * 16,
            2 => CODE + 0x10_0000 - (r >> 8) % 128,
            3 => self.next_u64(),
            4 => (r >> 8) % 256,
            5 => 0u64.wrapping_sub((r >> 8) % 256),
            _ => CODE + (r >> 8) % 0x100,
        }
    }
}

/// Run `per_line` random words of every line of `table` (fields random, fixed bits as
/// the line says); `seed` picks the sequence.
pub fn fuzz_table(table: &[Encoding], per_line: usize, seed: u64) {
    let mut rng = Rng(seed);
    let mut plat = NullPlatform;
    for e in table {
        let mut cpu = cpu_with_code(&[0; 4], 1);
        let template = cpu.s.clone();
        for _ in 0..per_line {
            let w = (rng.next_u64() as u32 & !e.mask) | e.value;
            cpu.s.clone_from(&template);
            for k in 0..31 {
                cpu.s.x[k] = rng.value();
            }
            for k in 0..3 {
                cpu.s.sp_el[k] = rng.value();
            }
            for v in cpu.s.v.iter_mut() {
                *v = [rng.next_u64(), rng.next_u64()];
            }
            let r = rng.next_u64();
            cpu.s.el = (r & 1) as u32;
            cpu.s.spsel = ((r >> 1) & 1) as u32 & cpu.s.el;
            cpu.s.sys[Slot::SCTLR_EL1 as usize] |= (r >> 2) & (sctlr::SA | sctlr::SA0 | sctlr::A);
            // FPEN = 0b11 three times in four.
            let fpen = if (r >> 8) & 3 == 0 { (r >> 10) & 1 } else { 3 };
            cpu.s.sys[Slot::CPACR_EL1 as usize] = fpen << 20;
            cpu.model = if r >> 12 & 1 != 0 { crate::sysreg::id::MAX } else { crate::sysreg::id::CORTEX_A57 };
            // An exclusive monitor armed at the Rn address half the time.
            if r >> 13 & 1 != 0 {
                cpu.s.excl_addr = cpu.s.xsp((w >> 5) & 31);
                cpu.s.excl_size = 1 << ((r >> 14) % 5);
            }
            assert!(cpu.ram.load(CODE, &w.to_le_bytes()));
            cpu.s.pc = CODE;
            let before = cpu.s.clone();
            let _ = cpu.step(&mut plat);
            if cpu.s.pc != CODE + 4 {
                assert_eq!(cpu.s.x, before.x, "{} {w:#010x}: X changed by a fault", e.name);
                assert_eq!(cpu.s.v, before.v, "{} {w:#010x}: V changed by a fault", e.name);
                assert_eq!(cpu.s.sp_el, before.sp_el, "{} {w:#010x}: SP changed by a fault", e.name);
            }
        }
    }
}
