//! Decode table of the dp_reg encoding group (to be filled).

use super::Encoding;

/// The table.
pub static TABLE: &[Encoding] = &[];
