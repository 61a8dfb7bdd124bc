//! PL011 UART (Arm DDI 0183G) as an offset-addressed state machine.
//!
//! Transmission is instantaneous: the TX FIFO is always empty, bytes go straight to a
//! [`SerialSink`]. Received bytes queue in a 32-entry FIFO (1 entry with FIFOs
//! disabled). Interrupts follow QEMU's model: the receive interrupt is raised when a
//! byte arrives and drops when the FIFO drains (or by UARTICR); the receive timeout
//! interrupt is asserted while the FIFO holds data (the timeout elapses at once in
//! this time-free model); the transmit interrupt is asserted while the UART and its
//! transmitter are enabled, since the TX FIFO is always empty.

pub mod regs;
#[cfg(test)]
mod tests;

use regs::*;

/// Where transmitted bytes go.
pub trait SerialSink {
    /// One byte written to UARTDR.
    fn tx(&mut self, byte: u8);
}

/// The UART.
#[derive(Clone, Debug)]
pub struct Pl011 {
    rx: [u8; FIFO_DEPTH],
    rx_head: usize,
    rx_count: usize,
    rsr: u32,
    ilpr: u32,
    ibrd: u32,
    fbrd: u32,
    lcr_h: u32,
    cr: u32,
    ifls: u32,
    imsc: u32,
    /// Latched raw interrupt bits (RX, error bits); TX and RT are computed.
    ris: u32,
    dmacr: u32,
}

impl Pl011 {
    /// A UART at reset.
    pub fn new() -> Self {
        Pl011 {
            rx: [0; FIFO_DEPTH],
            rx_head: 0,
            rx_count: 0,
            rsr: 0,
            ilpr: 0,
            ibrd: 0,
            fbrd: 0,
            lcr_h: 0,
            cr: CR_RESET,
            ifls: IFLS_RESET,
            imsc: 0,
            ris: 0,
            dmacr: 0,
        }
    }

    fn depth(&self) -> usize {
        if self.lcr_h & LCR_H_FEN != 0 {
            FIFO_DEPTH
        } else {
            1
        }
    }

    /// UARTRIS.
    fn raw_status(&self) -> u32 {
        let mut r = self.ris;
        if self.rx_count > 0 {
            r |= INT_RT;
        }
        if self.cr & (CR_UARTEN | CR_TXE) == CR_UARTEN | CR_TXE {
            r |= INT_TX;
        }
        r
    }

    fn flags(&self) -> u32 {
        let mut f = FR_TXFE;
        if self.rx_count == 0 {
            f |= FR_RXFE;
        }
        if self.rx_count >= self.depth() {
            f |= FR_RXFF;
        }
        f
    }

    fn pop_rx(&mut self) -> u32 {
        if self.rx_count == 0 {
            return 0;
        }
        let b = self.rx[self.rx_head];
        self.rx_head = (self.rx_head + 1) % FIFO_DEPTH;
        self.rx_count -= 1;
        if self.rx_count == 0 {
            self.ris &= !INT_RX;
        }
        b as u32
    }

    fn reset_rx(&mut self) {
        self.rx_head = 0;
        self.rx_count = 0;
        self.ris &= !INT_RX;
    }

    /// The receiver can take another byte without overrun (the board keeps further
    /// input queued until then).
    pub fn rx_ready(&self) -> bool {
        self.rx_count < self.depth()
    }

    fn read_reg(&mut self, off: u64) -> u32 {
        match off {
            UARTDR => self.pop_rx(),
            UARTRSR => self.rsr,
            UARTFR => self.flags(),
            UARTILPR => self.ilpr,
            UARTIBRD => self.ibrd,
            UARTFBRD => self.fbrd,
            UARTLCR_H => self.lcr_h,
            UARTCR => self.cr,
            UARTIFLS => self.ifls,
            UARTIMSC => self.imsc,
            UARTRIS => self.raw_status(),
            UARTMIS => self.raw_status() & self.imsc,
            UARTDMACR => self.dmacr,
            UARTPERIPHID0..=0xFFC => ID_REGS[((off - UARTPERIPHID0) / 4) as usize],
            _ => 0, // UARTICR is write-only; reserved offsets read as zero
        }
    }

    fn write_reg(&mut self, off: u64, v: u32, sink: &mut dyn SerialSink) {
        match off {
            UARTDR => {
                let byte = v as u8;
                if self.cr & CR_LBE != 0 {
                    self.push_rx(byte);
                } else {
                    sink.tx(byte);
                }
            }
            UARTRSR => self.rsr = 0, // UARTECR: any write clears the errors
            UARTILPR => self.ilpr = v & 0xFF,
            UARTIBRD => self.ibrd = v & 0xFFFF,
            UARTFBRD => self.fbrd = v & 0x3F,
            UARTLCR_H => {
                let v = v & 0xFF;
                if (self.lcr_h ^ v) & LCR_H_FEN != 0 {
                    self.reset_rx();
                }
                self.lcr_h = v;
            }
            UARTCR => self.cr = v & 0xFF87,
            UARTIFLS => self.ifls = v & 0x3F,
            UARTIMSC => self.imsc = v & INT_ALL,
            UARTICR => self.ris &= !(v & INT_ALL),
            UARTDMACR => self.dmacr = v & 0x7,
            _ => {} // read-only and reserved offsets ignore writes
        }
    }

    /// MMIO read at `offset` (0..0x1000) of `size` bytes. Registers are 32-bit and
    /// word-aligned; other offsets read as zero.
    pub fn read(&mut self, offset: u64, size: u32) -> u64 {
        if !offset.is_multiple_of(4) || offset >= 0x1000 || !matches!(size, 1 | 2 | 4 | 8) {
            return 0;
        }
        let v = self.read_reg(offset) as u64;
        if size >= 4 {
            v
        } else {
            v & ((1 << (size * 8)) - 1)
        }
    }

    /// MMIO write.
    pub fn write(&mut self, offset: u64, size: u32, value: u64, sink: &mut dyn SerialSink) {
        if !offset.is_multiple_of(4) || offset >= 0x1000 || !matches!(size, 1 | 2 | 4 | 8) {
            return;
        }
        let v = if size >= 4 { value as u32 } else { value as u32 & ((1 << (size * 8)) - 1) };
        self.write_reg(offset, v, sink);
    }

    /// Queue a received byte (from stdin or a replay log). A full FIFO drops it and
    /// flags an overrun (UARTRSR.OE, UARTRIS.OEIS); check [`Pl011::rx_ready`] first.
    pub fn push_rx(&mut self, byte: u8) {
        if !self.rx_ready() {
            self.rsr |= RSR_OE;
            self.ris |= INT_OE;
            return;
        }
        let tail = (self.rx_head + self.rx_count) % FIFO_DEPTH;
        self.rx[tail] = byte;
        self.rx_count += 1;
        self.ris |= INT_RX;
    }

    /// Level of the combined interrupt output (UARTINTR), SPI 1 = INTID 33.
    pub fn irq_level(&self) -> bool {
        self.raw_status() & self.imsc != 0
    }
}

impl Default for Pl011 {
    fn default() -> Self {
        Self::new()
    }
}
