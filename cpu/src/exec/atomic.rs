//! FEAT_LSE atomics (Arm ARM C4.1.66 "Atomic memory operations", "Compare and swap",
//! "Compare and swap pair"): LD<op>, ST<op> (aliases with Rt = 31), SWP, CAS, CASP
//! with their A/L and B/H forms. UNDEFINED when the model lacks FEAT_LSE.
//!
//! Every atomic is a read-modify-write of a naturally aligned location: alignment is
//! checked first, then write permission (an atomic that cannot write must not read
//! either, as the architecture treats it as a write for permission checks), then the
//! read and the write. A CAS that compares unequal still reads and does not write.
//! The PEs run one at a time, so the sequence is atomic and acquire/release ordering
//! needs no extra work.

use el2emu_mmu::AccessKind;

use super::ldst::{base, check_alignment};
use crate::exception::{self, Trap};
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::mem::AccessInfo;
use crate::platform::Platform;

type R = Result<(), Trap>;

fn require_lse(cpu: &Cpu) -> R {
    if cpu.model.has_lse() {
        Ok(())
    } else {
        Err(exception::undefined(&cpu.s))
    }
}

/// The aligned, write-checked location of an atomic of `bytes` at `[Xn|SP]`.
fn location(cpu: &mut Cpu, n: u32, bytes: u32) -> Result<(u64, AccessInfo), Trap> {
    let addr = base(cpu, n)?;
    let info = AccessInfo::plain(AccessKind::Write, bytes.min(8)).aligned();
    check_alignment(cpu, addr, bytes as u64, &info)?;
    cpu.probe_write(addr, &info)?;
    Ok((addr, info))
}

/// Read-modify-write of `bytes` (1, 2, 4, 8) at `[Xn|SP]`: returns the old value.
fn rmw(
    cpu: &mut Cpu,
    plat: &mut dyn Platform,
    n: u32,
    bytes: u32,
    op: impl FnOnce(u64) -> Option<u64>,
) -> Result<u64, Trap> {
    let (addr, winfo) = location(cpu, n, bytes)?;
    let old = cpu.read(plat, addr, AccessInfo { kind: AccessKind::Read, ..winfo })?;
    if let Some(new) = op(old) {
        cpu.write(plat, addr, new, winfo)?;
    }
    Ok(old)
}

/// Sign-extend a `bytes`-wide value to compare it as signed.
fn sext(v: u64, bytes: u32) -> i64 {
    let sh = 64 - 8 * bytes;
    ((v << sh) as i64) >> sh
}

fn mask(bytes: u32) -> u64 {
    u64::MAX >> (64 - 8 * bytes)
}

/// LDADD, LDCLR, LDEOR, LDSET, LDSMAX, LDSMIN, LDUMAX, LDUMIN and their A/L/AL and
/// B/H forms (Arm ARM C6.2 "LDADD, LDADDA, LDADDAL, LDADDL" ...): `data = Mem[X[n]]; Mem[X[n]] = op(data,
/// X[s]); X[t] = ZeroExtend(data)`. The operation is `opc` (bits 14:12).
pub fn ld_op(cpu: &mut Cpu, plat: &mut dyn Platform, i: Insn) -> R {
    require_lse(cpu)?;
    let bytes = 1u32 << i.bits(31, 30);
    let m = mask(bytes);
    let s = cpu.s.xr(i.rm()) & m;
    let opc = i.bits(14, 12);
    let old = rmw(cpu, plat, i.rn(), bytes, |d| {
        let r = match opc {
            0b000 => d.wrapping_add(s),
            0b001 => d & !s,
            0b010 => d ^ s,
            0b011 => d | s,
            0b100 => {
                if sext(d, bytes) >= sext(s, bytes) {
                    d
                } else {
                    s
                }
            }
            0b101 => {
                if sext(d, bytes) <= sext(s, bytes) {
                    d
                } else {
                    s
                }
            }
            0b110 => d.max(s),
            _ => d.min(s),
        };
        Some(r & m)
    })?;
    cpu.s.set_xr(i.rt(), old);
    Ok(())
}

/// SWP, SWPA, SWPAL, SWPL and B/H forms (Arm ARM C6.2 "SWP"): `X[t] = Mem[X[n]];
/// Mem[X[n]] = X[s]` (X[s] is read before X[t] is written).
pub fn swp(cpu: &mut Cpu, plat: &mut dyn Platform, i: Insn) -> R {
    require_lse(cpu)?;
    let bytes = 1u32 << i.bits(31, 30);
    let s = cpu.s.xr(i.rm()) & mask(bytes);
    let old = rmw(cpu, plat, i.rn(), bytes, |_| Some(s))?;
    cpu.s.set_xr(i.rt(), old);
    Ok(())
}

/// CAS, CASA, CASL, CASAL and B/H forms (Arm ARM C6.2 "CAS"): `data = Mem[X[n]]; if data
/// == X[s] then Mem[X[n]] = X[t]; X[s] = ZeroExtend(data)`.
pub fn cas(cpu: &mut Cpu, plat: &mut dyn Platform, i: Insn) -> R {
    require_lse(cpu)?;
    let bytes = 1u32 << i.bits(31, 30);
    let m = mask(bytes);
    let cmp = cpu.s.xr(i.rm()) & m;
    let new = cpu.s.xr(i.rt()) & m;
    let old = rmw(cpu, plat, i.rn(), bytes, |d| (d == cmp).then_some(new))?;
    cpu.s.set_xr(i.rm(), old);
    Ok(())
}

/// CASP, CASPA, CASPL, CASPAL (Arm ARM C6.2 "CASP"): compare the pair `X[s+1]:X[s]`
/// (W or X registers, Rs and Rt even, else UNDEFINED) with one access of twice the
/// register size; on a match store `X[t+1]:X[t]`; the old pair goes to `X[s]`,
/// `X[s+1]`. The first register of a pair is at the lower address.
pub fn casp(cpu: &mut Cpu, plat: &mut dyn Platform, i: Insn) -> R {
    require_lse(cpu)?;
    let (s, t, n) = (i.rm(), i.rt(), i.rn());
    if s & 1 != 0 || t & 1 != 0 {
        return Err(exception::undefined(&cpu.s));
    }
    let st = &cpu.s;
    let (c0, c1, n0, n1) = (st.xr(s), st.xr(s + 1), st.xr(t), st.xr(t + 1));
    let (lo, hi) = if i.bit(30) {
        let (addr, winfo) = location(cpu, n, 16)?;
        let old = cpu.read_u128(plat, addr, AccessInfo { kind: AccessKind::Read, size: 16, ..winfo })?;
        if old == [c0, c1] {
            cpu.write_u128(plat, addr, [n0, n1], AccessInfo { size: 16, ..winfo })?;
        }
        (old[0], old[1])
    } else {
        let pack = |a: u64, b: u64| (a & 0xffff_ffff) | (b << 32);
        let (cmp, new) = (pack(c0, c1), pack(n0, n1));
        let old = rmw(cpu, plat, n, 8, |d| (d == cmp).then_some(new))?;
        (old & 0xffff_ffff, old >> 32)
    };
    cpu.s.set_xr(s, lo);
    cpu.s.set_xr(s + 1, hi);
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::testutil::{cpu_with_code, run, run_code, End, DATA};

    /// Run one atomic `word` (Rs = X2, Rt = X3, Rn = X1) on `mem` with X2 = `s`.
    fn atomic(word: u32, mem: u64, s: u64) -> (u64, u64) {
        let code = [word.to_le_bytes(), 0xd420_0000u32.to_le_bytes()].concat();
        let (cpu, end) = run_code(&code, |c| {
            c.s.x[1] = DATA;
            c.s.x[2] = s;
            c.s.x[3] = 0xdead;
            c.ram.load(DATA, &mem.to_le_bytes());
        });
        assert_eq!(end, End::Brk(0), "{word:#x}");
        (cpu.s.x[3], cpu.ram.read_u64(DATA).unwrap())
    }

    /// size 111 0 00 A R 1 Rs o3 opc 00 Rn Rt with Rs=2, Rn=1, Rt=3.
    fn ld_word(size: u32, o3opc: u32) -> u32 {
        (size << 30) | 0x3820_0000 | (2 << 16) | (o3opc << 12) | (1 << 5) | 3
    }

    #[test]
    fn ld_ops_64() {
        let m = 0x8000_0000_0000_00f0u64;
        let s = 0x0000_0000_0000_0f0fu64;
        let cases = [
            (0b0000, m.wrapping_add(s)), // LDADD
            (0b0001, m & !s),            // LDCLR: 0x8000_0000_0000_00f0
            (0b0010, m ^ s),             // LDEOR
            (0b0011, m | s),             // LDSET
            (0b0100, s),                 // LDSMAX: m is negative
            (0b0101, m),                 // LDSMIN
            (0b0110, m),                 // LDUMAX
            (0b0111, s),                 // LDUMIN
            (0b1000, s),                 // SWP
        ];
        for (op, want) in cases {
            assert_eq!(atomic(ld_word(3, op), m, s), (m, want), "op {op:#b}");
        }
    }

    #[test]
    fn ld_ops_narrow_sizes() {
        // LDSMAXB: 0x80 (-128) vs 0x7f: 0x7f; other bytes of memory untouched.
        let (old, mem) = atomic(ld_word(0, 0b0100), 0x1122_3344_5566_7780, 0x7f);
        assert_eq!((old, mem), (0x80, 0x1122_3344_5566_777f));
        // LDUMINH: 0x8000 vs 0x17fff (Rs truncated to 0x7fff).
        let (old, mem) = atomic(ld_word(1, 0b0111), 0xaaaa_8000, 0x1_7fff);
        assert_eq!((old, mem), (0x8000, 0xaaaa_7fff));
        // LDADD W wraps at 32 bits and zero-extends the old value.
        let (old, mem) = atomic(ld_word(2, 0b0000), 0x5555_5555_ffff_ffff, 2);
        assert_eq!((old, mem), (0xffff_ffff, 0x5555_5555_0000_0001));
        // LDSMIN W: -1 vs 5 -> -1 stays.
        let (old, mem) = atomic(ld_word(2, 0b0101), 0xffff_ffff, 5);
        assert_eq!((old, mem), (0xffff_ffff, 0xffff_ffff));
        // SWPH.
        let (old, mem) = atomic(ld_word(1, 0b1000), 0x1234_5678, 0xabcd);
        assert_eq!((old, mem), (0x5678, 0x1234_abcd));
    }

    #[test]
    fn st_alias_discards_the_old_value() {
        let code = crate::a64!(; stadd x2, [x1] ; steorl w2, [x4] ; ldaddal x2, xzr, [x1] ; brk 0);
        let (cpu, end) = run_code(&code, |c| {
            c.s.x[1] = DATA;
            c.s.x[4] = DATA + 8;
            c.s.x[2] = 5;
            c.ram.load(DATA, &10u64.to_le_bytes());
            c.ram.load(DATA + 8, &3u64.to_le_bytes());
        });
        assert_eq!(end, End::Brk(0));
        assert_eq!(cpu.ram.read_u64(DATA), Some(20));
        assert_eq!(cpu.ram.read_u64(DATA + 8), Some(6));
    }

    #[test]
    fn cas_equal_and_unequal() {
        let code = crate::a64!(
            ; cas x2, x3, [x1]      // equal: stores x3, x2 = old
            ; casal w4, w5, [x1]    // unequal (w4 = 7): no store, w4 = old low word
            ; casb w6, w7, [x8]
            ; brk 0
        );
        let (cpu, end) = run_code(&code, |c| {
            c.s.x[1] = DATA;
            c.s.x[8] = DATA + 16;
            c.s.x[2] = 0x1_0000_0001;
            c.s.x[3] = 0x2_0000_0002;
            c.s.x[4] = 7;
            c.s.x[5] = 8;
            c.s.x[6] = 0x1ab; // compares as 0xab
            c.s.x[7] = 0xcd;
            c.ram.load(DATA, &0x1_0000_0001u64.to_le_bytes());
            c.ram.load(DATA + 16, &0x99abu64.to_le_bytes());
        });
        assert_eq!(end, End::Brk(0));
        assert_eq!(cpu.s.x[2], 0x1_0000_0001);
        assert_eq!(cpu.ram.read_u64(DATA), Some(0x2_0000_0002));
        assert_eq!(cpu.s.x[4], 2);
        assert_eq!(cpu.s.x[6], 0xab);
        assert_eq!(cpu.ram.read_u64(DATA + 16), Some(0x99cd));
    }

    #[test]
    fn casp_pairs() {
        let code = crate::a64!(
            ; casp x2, x3, x4, x5, [x1]
            ; caspal w6, w7, w8, w9, [x10]
            ; brk 0
        );
        let (cpu, end) = run_code(&code, |c| {
            c.s.x[1] = DATA;
            c.s.x[10] = DATA + 16;
            c.s.x[2] = 1;
            c.s.x[3] = 2;
            c.s.x[4] = 3;
            c.s.x[5] = 4;
            c.s.x[6] = 5; // mismatch: memory holds 6:5 swapped
            c.s.x[7] = 6;
            c.ram.load(DATA, &[1u64.to_le_bytes(), 2u64.to_le_bytes()].concat());
            c.ram.load(DATA + 16, &0x0000_0005_0000_0006u64.to_le_bytes());
        });
        assert_eq!(end, End::Brk(0));
        assert_eq!((cpu.ram.read_u64(DATA), cpu.ram.read_u64(DATA + 8)), (Some(3), Some(4)));
        assert_eq!((cpu.s.x[2], cpu.s.x[3]), (1, 2));
        assert_eq!((cpu.s.x[6], cpu.s.x[7]), (6, 5));
        assert_eq!(cpu.ram.read_u64(DATA + 16), Some(0x0000_0005_0000_0006));
    }

    #[test]
    fn casp_odd_registers_and_no_lse_are_undefined() {
        // CASP X3, X4, X4, X5, [X1] (Rs = 3).
        let w: u32 = 0x4820_7c00 | (3 << 16) | (1 << 5) | 4;
        let mut cpu = cpu_with_code(&w.to_le_bytes(), 1);
        assert_eq!(run(&mut cpu, 10), End::Exception { el: 1, esr: 1 << 25 });
        let code = crate::a64!(; ldadd x2, x3, [x1] ; brk 0);
        let mut cpu = cpu_with_code(&code, 1);
        cpu.model = crate::sysreg::id::CORTEX_A57;
        cpu.s.x[1] = DATA;
        assert_eq!(run(&mut cpu, 10), End::Exception { el: 1, esr: 1 << 25 });
    }

    #[test]
    fn misaligned_atomic_faults_without_effect() {
        let code = crate::a64!(; swp w2, w3, [x1] ; brk 0);
        let (cpu, end) = run_code(&code, |c| {
            c.s.x[1] = DATA + 2;
            c.s.x[3] = 9;
        });
        // Alignment fault, reported as a write (WnR).
        assert_eq!(end, End::Exception { el: 1, esr: (0x25 << 26) | (1 << 25) | (1 << 6) | 0x21 });
        assert_eq!(cpu.s.x[3], 9);
    }
}
