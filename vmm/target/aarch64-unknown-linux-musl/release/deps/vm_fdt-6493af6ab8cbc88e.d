/work/main/vmm/target/aarch64-unknown-linux-musl/release/deps/vm_fdt-6493af6ab8cbc88e.d: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/vm-fdt-0.3.0/src/lib.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/vm-fdt-0.3.0/src/writer.rs

/work/main/vmm/target/aarch64-unknown-linux-musl/release/deps/libvm_fdt-6493af6ab8cbc88e.rlib: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/vm-fdt-0.3.0/src/lib.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/vm-fdt-0.3.0/src/writer.rs

/work/main/vmm/target/aarch64-unknown-linux-musl/release/deps/libvm_fdt-6493af6ab8cbc88e.rmeta: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/vm-fdt-0.3.0/src/lib.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/vm-fdt-0.3.0/src/writer.rs

/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/vm-fdt-0.3.0/src/lib.rs:
/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/vm-fdt-0.3.0/src/writer.rs:
