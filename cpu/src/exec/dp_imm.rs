//! Semantics of the dp_imm encoding group (to be filled).
