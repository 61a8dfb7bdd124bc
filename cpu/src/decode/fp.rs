//! Decode table: Scalar floating-point and Advanced SIMD floating-point arithmetic (Arm ARM C4.1.x).
//!
//! Searched before `simd_fp`, whose class-wide `unimplemented` lines catch what no
//! line here names yet.

use super::Encoding;

/// The table.
pub static TABLE: &[Encoding] = &[];
