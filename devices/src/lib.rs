//! Devices of the `virt` board, each an offset-addressed state machine: the board maps
//! guest physical addresses to `(device, offset)` and calls `read`/`write`; devices
//! report to the board through return values and small event traits, never by printing.
//!
//! - [`pl011`]: the PL011 UART (Arm DDI 0183);
//! - [`gic`]: GICv3 distributor, redistributors, CPU interface (ICC_*), virtual CPU
//!   interface (ICH_*/ICV_*), maintenance interrupt (Arm IHI 0069);
//! - [`timer`]: the generic timers' interrupt outputs and deadlines (Arm ARM D11);
//! - [`psci`]: PSCI 1.0 firmware services (Arm DEN 0022).

pub mod gic;
pub mod pl011;
pub mod psci;
pub mod timer;
