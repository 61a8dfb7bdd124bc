//! Semantics of the dp_reg encoding group (to be filled).
