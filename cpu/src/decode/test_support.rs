//! Shared checks of the decode-table tests: every line reachable, no two lines of a
//! table overlapping.

use super::{decode, Encoding};

/// Each line's base word with all fields zero, and with all fields ones, decodes
/// through the full decoder to that very line.
pub fn assert_every_line_decodes_to_itself(table: &'static [Encoding]) {
    for e in table {
        for w in [e.value, e.value | !e.mask] {
            let hit = decode(w).expect("decodes");
            assert!(std::ptr::eq(hit, e), "{} ({w:#010x}) decodes to {}", e.name, hit.name);
        }
    }
}

/// `a` and `b` match a common word.
pub fn overlap(a: &Encoding, b: &Encoding) -> bool {
    (a.value ^ b.value) & a.mask & b.mask == 0
}

/// The lines of `table` are pairwise disjoint, so their order does not matter and none
/// is shadowed.
pub fn assert_lines_disjoint(table: &[Encoding]) {
    for (k, a) in table.iter().enumerate() {
        for b in &table[k + 1..] {
            assert!(!overlap(a, b), "{} ({}) overlaps {} ({})", a.name, a.pattern, b.name, b.pattern);
        }
    }
}

/// Every line of `table` is what `lookup` finds for its own all-fields-zero word and,
/// for 64 random field values (xorshift64 from `seed`), at least sometimes wins over
/// the lines searched before it.
pub fn assert_every_line_wins(
    table: &'static [Encoding],
    seed: u64,
    lookup: impl Fn(u32) -> Option<&'static Encoding>,
) {
    let mut x = seed;
    for e in table {
        assert!(std::ptr::eq(lookup(e.value).unwrap(), e), "{} shadowed at {:#x}", e.name, e.value);
        let mut own = 0;
        for _ in 0..64 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let w = e.value | (x as u32 & !e.mask);
            own += lookup(w).is_some_and(|d| std::ptr::eq(d, e)) as u32;
        }
        assert!(own > 0, "{} never wins", e.name);
    }
}
