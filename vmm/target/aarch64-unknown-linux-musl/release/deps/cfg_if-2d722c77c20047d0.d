/work/main/vmm/target/aarch64-unknown-linux-musl/release/deps/cfg_if-2d722c77c20047d0.d: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/cfg-if-1.0.5/src/lib.rs

/work/main/vmm/target/aarch64-unknown-linux-musl/release/deps/libcfg_if-2d722c77c20047d0.rlib: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/cfg-if-1.0.5/src/lib.rs

/work/main/vmm/target/aarch64-unknown-linux-musl/release/deps/libcfg_if-2d722c77c20047d0.rmeta: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/cfg-if-1.0.5/src/lib.rs

/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/cfg-if-1.0.5/src/lib.rs:
