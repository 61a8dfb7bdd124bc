//! PL011 UART (Arm DDI 0183). API SKELETON — being implemented.

/// Where transmitted bytes go.
pub trait SerialSink {
    /// One byte written to UARTDR.
    fn tx(&mut self, byte: u8);
}

/// The UART.
pub struct Pl011 {}

impl Pl011 {
    /// A UART at reset.
    pub fn new() -> Self {
        Pl011 {}
    }
    /// MMIO read at `offset` (0..0x1000) of `size` bytes.
    pub fn read(&mut self, offset: u64, size: u32) -> u64 {
        let _ = (offset, size);
        todo!()
    }
    /// MMIO write.
    pub fn write(&mut self, offset: u64, size: u32, value: u64, sink: &mut dyn SerialSink) {
        let _ = (offset, size, value, sink);
        todo!()
    }
    /// Queue a received byte (from stdin or a replay log).
    pub fn push_rx(&mut self, byte: u8) {
        let _ = byte;
        todo!()
    }
    /// Level of the combined interrupt output (UARTINTR), SPI 1 = INTID 33.
    pub fn irq_level(&self) -> bool {
        todo!()
    }
}

impl Default for Pl011 {
    fn default() -> Self {
        Self::new()
    }
}
