/work/main/vmm/target/aarch64-unknown-linux-musl/release/deps/el2emu_vmm-c237f908e1787ce9.d: src/main.rs

/work/main/vmm/target/aarch64-unknown-linux-musl/release/deps/el2emu_vmm-c237f908e1787ce9: src/main.rs

src/main.rs:
