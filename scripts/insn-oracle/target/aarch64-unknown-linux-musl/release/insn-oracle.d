/work/main/scripts/insn-oracle/target/aarch64-unknown-linux-musl/release/insn-oracle: /work/main/scripts/insn-oracle/src/main.rs
