//! Decode table: Cryptographic extension (AES, SHA1, SHA256) and PMULL/PMULL2 of 64-bit lanes (Arm ARM C4.1.x).
//!
//! Searched before `simd_fp`, whose class-wide `unimplemented` lines catch what no
//! line here names yet.

use super::Encoding;

/// The table.
pub static TABLE: &[Encoding] = &[];
