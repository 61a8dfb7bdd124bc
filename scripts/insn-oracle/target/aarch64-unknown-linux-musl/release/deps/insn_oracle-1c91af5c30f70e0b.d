/work/main/scripts/insn-oracle/target/aarch64-unknown-linux-musl/release/deps/insn_oracle-1c91af5c30f70e0b.d: src/main.rs

/work/main/scripts/insn-oracle/target/aarch64-unknown-linux-musl/release/deps/insn_oracle-1c91af5c30f70e0b: src/main.rs

src/main.rs:
