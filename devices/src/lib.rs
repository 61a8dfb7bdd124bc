//! Devices of the `virt` board (to be filled).
