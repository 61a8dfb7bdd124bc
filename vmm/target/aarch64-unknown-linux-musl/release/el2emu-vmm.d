/work/main/vmm/target/aarch64-unknown-linux-musl/release/el2emu-vmm: /work/main/vmm/src/main.rs
