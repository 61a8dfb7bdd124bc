//! Decode table: Advanced SIMD integer arithmetic (three same, three different, two-register misc, across lanes, shift by immediate, vector x indexed element; vector and scalar forms) (Arm ARM C4.1.x).
//!
//! Searched before `simd_fp`, whose class-wide `unimplemented` lines catch what no
//! line here names yet.

use super::Encoding;

/// The table.
pub static TABLE: &[Encoding] = &[];
