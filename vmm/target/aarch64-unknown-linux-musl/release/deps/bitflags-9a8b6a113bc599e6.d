/work/main/vmm/target/aarch64-unknown-linux-musl/release/deps/bitflags-9a8b6a113bc599e6.d: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/bitflags-1.3.2/src/lib.rs

/work/main/vmm/target/aarch64-unknown-linux-musl/release/deps/libbitflags-9a8b6a113bc599e6.rlib: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/bitflags-1.3.2/src/lib.rs

/work/main/vmm/target/aarch64-unknown-linux-musl/release/deps/libbitflags-9a8b6a113bc599e6.rmeta: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/bitflags-1.3.2/src/lib.rs

/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/bitflags-1.3.2/src/lib.rs:
