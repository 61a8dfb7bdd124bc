//! Decode table of the ldst encoding group (to be filled).

use super::Encoding;

/// The table.
pub static TABLE: &[Encoding] = &[];
