/work/main/scripts/insn-oracle/target/aarch64-unknown-linux-musl/release/deps/insn_oracle-0f4e81b00a46b82a.d: src/main.rs

/work/main/scripts/insn-oracle/target/aarch64-unknown-linux-musl/release/deps/insn_oracle-0f4e81b00a46b82a: src/main.rs

src/main.rs:
