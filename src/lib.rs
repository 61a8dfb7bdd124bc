//! el2emu, the board: the QEMU-compatible `virt` machine around the AArch64 PEs of
//! `el2emu-cpu` and the devices of `el2emu-devices`, its loaders, device tree, command
//! line and tracing. `src/main.rs` is a thin binary over this library, so integration
//! tests can build and run a [`machine::Machine`] directly.
//!
//! - [`board`]: the memory map; [`virtio`]: empty virtio-mmio transports;
//! - [`machine`]: RAM + PEs + devices, the `Platform` implementation, the scheduler;
//! - [`loader`]: ELF / Image / gzip Image, initrd, DTB placement; [`fdt`]: the DTB;
//! - [`images`]: the bare-metal images built into el2emu (firmware engineer's);
//! - [`cli`]: argument parsing; [`app`]: the subcommands; [`bench`]: `el2emu bench`;
//! - [`trace`] and [`iss`]: `-d` logging.

pub mod app;
pub mod bench;
pub mod board;
pub mod cli;
pub mod fdt;
pub mod images;
pub mod iss;
pub mod loader;
pub mod machine;
pub mod terminal;
pub mod trace;
pub mod virtio;
