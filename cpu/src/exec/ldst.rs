//! Semantics of the ldst encoding group (to be filled).
