//! Decode table of the simd_fp encoding group (to be filled).

use super::Encoding;

/// The table.
pub static TABLE: &[Encoding] = &[];
