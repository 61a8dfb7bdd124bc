//! Semantics of the simd_fp encoding group (to be filled).
