//! The A64 decoder as data (Arm ARM C4.1: the top-level encoding groups).
//!
//! Each encoding class is a table of [`Encoding`]s in its own file, one line per
//! encoding: a name spelled as everywhere else (`ADD_imm`), the 32-bit pattern with
//! fields written as letters (dynarmic's convention: `0`/`1` fixed, anything else a
//! field or don't-care), and the handler. Mask and value are computed from the pattern
//! at compile time. The interpreter, the future JIT and the trace disassembly check all
//! read these tables; the first matching line wins, so more specific lines go first.
//! Encodings known but not implemented stay in the table with [`crate::exec::unimplemented`]
//! so the table is also the coverage map, and "UNDEFINED by the architecture" (no line
//! matches) stays distinguishable from "not implemented here".

use crate::exec::ExecFn;

pub mod branch_sys;
pub mod crypto;
pub mod dp_imm;
pub mod dp_reg;
pub mod fp;
pub mod fp_vec;
pub mod ldst;
pub mod simd_fp;
pub mod simd_int;
pub mod simd_perm;
#[cfg(test)]
pub(crate) mod test_support;

/// One encoding of one instruction.
pub struct Encoding {
    /// Name, as the Arm ARM heading with the form suffixed: `ADD_imm`, `LDR_post`.
    pub name: &'static str,
    /// The pattern, most significant bit first.
    pub pattern: &'static str,
    /// Bits fixed by the pattern.
    pub mask: u32,
    /// Their values.
    pub value: u32,
    /// Semantics.
    pub exec: ExecFn,
}

impl Encoding {
    /// Does `insn` match this line?
    #[inline(always)]
    pub const fn matches(&self, insn: u32) -> bool {
        insn & self.mask == self.value
    }
}

/// Mask of the fixed bits of a 32-character pattern (spaces and `_` are ignored).
pub const fn pattern_mask(p: &str) -> u32 {
    pattern_bits(p, false)
}

/// Values of the fixed bits of a pattern.
pub const fn pattern_value(p: &str) -> u32 {
    pattern_bits(p, true)
}

const fn pattern_bits(p: &str, want_value: bool) -> u32 {
    let b = p.as_bytes();
    let mut i = 0;
    let mut n = 0;
    let mut mask = 0u32;
    let mut value = 0u32;
    while i < b.len() {
        let c = b[i];
        i += 1;
        if c == b' ' || c == b'_' {
            continue;
        }
        assert!(n < 32, "pattern longer than 32 bits");
        let bit = 31 - n;
        n += 1;
        if c == b'0' {
            mask |= 1 << bit;
        } else if c == b'1' {
            mask |= 1 << bit;
            value |= 1 << bit;
        }
    }
    assert!(n == 32, "pattern shorter than 32 bits");
    if want_value {
        value
    } else {
        mask
    }
}

/// One table line: `enc!(ADD_imm, "z0010001 0s iiiiiiiiiiii nnnnn ddddd", exec::dp_imm::add_imm)`.
#[macro_export]
macro_rules! enc {
    ($name:ident, $pat:literal, $exec:path) => {
        $crate::decode::Encoding {
            name: stringify!($name),
            pattern: $pat,
            mask: $crate::decode::pattern_mask($pat),
            value: $crate::decode::pattern_value($pat),
            exec: $exec,
        }
    };
}

/// The SIMD&FP group is split into several tables (one per family of instructions,
/// each owned by one file); they are searched in this order, and `simd_fp` last, since
/// its class-wide lines name what is not implemented yet.
/// (References to the statics themselves, so a line keeps one address everywhere.)
static SIMD_FP: [&&[Encoding]; 6] =
    [&simd_int::TABLE, &simd_perm::TABLE, &crypto::TABLE, &fp::TABLE, &fp_vec::TABLE, &simd_fp::TABLE];

/// The class tables by op0 = bits 28:25 (Arm ARM C4.1, "A64 instruction set encoding").
fn class_tables(insn: u32) -> &'static [&'static &'static [Encoding]] {
    static DP_IMM: [&&[Encoding]; 1] = [&dp_imm::TABLE];
    static BRANCH_SYS: [&&[Encoding]; 1] = [&branch_sys::TABLE];
    static LDST: [&&[Encoding]; 1] = [&ldst::TABLE];
    static DP_REG: [&&[Encoding]; 1] = [&dp_reg::TABLE];
    match (insn >> 25) & 0xf {
        0b1000 | 0b1001 => &DP_IMM,
        0b1010 | 0b1011 => &BRANCH_SYS,
        0b0100 | 0b0110 | 0b1100 | 0b1110 => &LDST,
        0b0101 | 0b1101 => &DP_REG,
        0b0111 | 0b1111 => &SIMD_FP,
        // 0000 reserved (UDF), 0001 unallocated, 0010 SVE, 0011 unallocated
        _ => &[],
    }
}

/// Decode `insn`: the matching table line, or `None` when the architecture leaves the
/// encoding UNDEFINED.
pub fn decode(insn: u32) -> Option<&'static Encoding> {
    class_tables(insn).iter().flat_map(|t| t.iter()).find(|e| e.matches(insn))
}

/// Every table, for tests and for the fuzzer that draws instructions from them.
pub fn all_tables() -> [(&'static str, &'static [Encoding]); 10] {
    [
        ("dp_imm", dp_imm::TABLE),
        ("branch_sys", branch_sys::TABLE),
        ("ldst", ldst::TABLE),
        ("dp_reg", dp_reg::TABLE),
        ("simd_int", simd_int::TABLE),
        ("simd_perm", simd_perm::TABLE),
        ("crypto", crypto::TABLE),
        ("fp", fp::TABLE),
        ("fp_vec", fp_vec::TABLE),
        ("simd_fp", simd_fp::TABLE),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pattern_compiles_to_mask_and_value() {
        assert_eq!(pattern_mask("z0010001ssiiiiiiiiiiiinnnnnddddd"), 0x7f00_0000);
        assert_eq!(pattern_value("z0010001ssiiiiiiiiiiiinnnnnddddd"), 0x1100_0000);
        assert_eq!(pattern_mask("1101 0101 0000 0011 0010 0000 0001 1111"), u32::MAX);
    }

    #[test]
    fn every_line_is_reachable_from_its_class() {
        // A line whose fixed bits put it in another op0 class can never match.
        for (class, table) in all_tables() {
            for e in table {
                let ts = class_tables(e.value);
                assert!(
                    ts.iter().any(|t| std::ptr::eq(**t, table)),
                    "{class}: {} ({}) is not in the op0 group its pattern names",
                    e.name,
                    e.pattern
                );
                assert!(e.value & !e.mask == 0, "{}: value outside mask", e.name);
            }
        }
    }

    #[test]
    fn names_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for (_, table) in all_tables() {
            for e in table {
                assert!(seen.insert(e.name), "duplicate encoding name {}", e.name);
            }
        }
    }
}
