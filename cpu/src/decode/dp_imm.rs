//! Decode table of the dp_imm encoding group (to be filled).

use super::Encoding;

/// The table.
pub static TABLE: &[Encoding] = &[];
