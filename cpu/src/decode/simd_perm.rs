//! Decode table: Advanced SIMD permutes, extract and table lookup (ZIP, UZP, TRN, EXT, TBL, TBX) (Arm ARM C4.1.x).
//!
//! Searched before `simd_fp`, whose class-wide `unimplemented` lines catch what no
//! line here names yet.

use super::Encoding;

/// The table.
pub static TABLE: &[Encoding] = &[];
