/work/main/vmm/target/aarch64-unknown-linux-musl/release/deps/kvm_bindings-6d2b8f0062db8b82.d: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/kvm-bindings-0.14.2/src/lib.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/kvm-bindings-0.14.2/src/arm64/mod.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/kvm-bindings-0.14.2/src/arm64/bindings.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/kvm-bindings-0.14.2/src/arm64/fam_wrappers.rs

/work/main/vmm/target/aarch64-unknown-linux-musl/release/deps/libkvm_bindings-6d2b8f0062db8b82.rlib: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/kvm-bindings-0.14.2/src/lib.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/kvm-bindings-0.14.2/src/arm64/mod.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/kvm-bindings-0.14.2/src/arm64/bindings.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/kvm-bindings-0.14.2/src/arm64/fam_wrappers.rs

/work/main/vmm/target/aarch64-unknown-linux-musl/release/deps/libkvm_bindings-6d2b8f0062db8b82.rmeta: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/kvm-bindings-0.14.2/src/lib.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/kvm-bindings-0.14.2/src/arm64/mod.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/kvm-bindings-0.14.2/src/arm64/bindings.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/kvm-bindings-0.14.2/src/arm64/fam_wrappers.rs

/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/kvm-bindings-0.14.2/src/lib.rs:
/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/kvm-bindings-0.14.2/src/arm64/mod.rs:
/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/kvm-bindings-0.14.2/src/arm64/bindings.rs:
/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/kvm-bindings-0.14.2/src/arm64/fam_wrappers.rs:
