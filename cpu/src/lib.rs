//! The AArch64 PE of el2emu: architectural state, the A64 decoder as tables, the
//! interpreter (the readable reference engine), system registers, exceptions and trap
//! routing.
//!
//! Pipeline: [`interp::run`] fetches through [`mem`] (stage 1/2 via `el2emu-mmu`),
//! looks the word up in the decode cache, else [`decode::decode`]s it from the class
//! tables, and calls the line's handler in [`exec`]. A handler either completes (and the
//! PC advances) or returns a [`Trap`]; exceptions are taken by [`exception::take`].

pub mod decode;
pub mod ec;
pub mod exception;
pub mod exec;
pub mod fp;
pub mod insn;
pub mod interp;
pub mod mem;
pub mod platform;
pub mod state;
pub mod sysreg;
#[cfg(test)]
#[macro_use]
pub mod testutil;

pub use exception::{Exception, ExceptionType, Trap};
pub use insn::Insn;
pub use interp::{Cpu, ExitReason, Tracer};
pub use platform::{ExtReg, FirmwareOutcome, NullPlatform, Platform};
pub use state::CpuState;
pub use sysreg::id::CpuModel;
