//! A transmit-only ARM PL011 UART (PrimeCell r1p5), enough for Linux's amba-pl011 driver and
//! its console: characters written to UARTDR go to an output sink immediately, so the
//! transmit FIFO always reads as empty; the receive FIFO is always empty.
//!
//! Interrupts follow QEMU's model (hw/char/pl011.c): every UARTDR write raises the TX
//! interrupt status (TXRIS), UARTICR clears status bits, and the level of the interrupt line
//! is (RIS & IMSC) != 0. Linux's pl011_start_tx writes characters, then unmasks TXIM and
//! expects an interrupt to continue, so the model has to raise it.

use std::io::Write;

use crate::mmio::{le_value, put_le, MmioDevice};

const DR: u64 = 0x00;
const RSR_ECR: u64 = 0x04;
const FR: u64 = 0x18;
const ILPR: u64 = 0x20;
const IBRD: u64 = 0x24;
const FBRD: u64 = 0x28;
const LCR_H: u64 = 0x2c;
const CR: u64 = 0x30;
const IFLS: u64 = 0x34;
const IMSC: u64 = 0x38;
const RIS: u64 = 0x3c;
const MIS: u64 = 0x40;
const ICR: u64 = 0x44;
const DMACR: u64 = 0x48;

/// UARTFR: transmit FIFO empty, receive FIFO empty.
const FR_TXFE: u32 = 1 << 7;
const FR_RXFE: u32 = 1 << 4;
/// Interrupt bit of the transmitter.
pub const INT_TX: u32 = 1 << 5;

/// UARTPeriphID0-3 and UARTPCellID0-3 at 0xfe0..0xffc.
const ID: [u32; 8] = [0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1];

/// Size of the PL011's MMIO window.
pub const SIZE: u64 = 0x1000;

pub struct Pl011 {
    out: Box<dyn Write>,
    irq: Box<dyn FnMut(bool)>,
    irq_level: bool,
    ris: u32,
    imsc: u32,
    cr: u32,
    lcr_h: u32,
    ibrd: u32,
    fbrd: u32,
    ifls: u32,
    ilpr: u32,
    dmacr: u32,
}

impl Pl011 {
    /// `out` receives transmitted bytes; `irq` is called whenever the interrupt line level
    /// changes.
    pub fn new(out: Box<dyn Write>, irq: Box<dyn FnMut(bool)>) -> Self {
        Pl011 {
            out,
            irq,
            irq_level: false,
            ris: 0,
            imsc: 0,
            cr: 0x300,
            lcr_h: 0,
            ibrd: 0,
            fbrd: 0,
            ifls: 0x12,
            ilpr: 0,
            dmacr: 0,
        }
    }

    fn update_irq(&mut self) {
        let level = self.ris & self.imsc != 0;
        if level != self.irq_level {
            self.irq_level = level;
            (self.irq)(level);
        }
    }

    fn read_reg(&mut self, offset: u64) -> u32 {
        match offset {
            DR => 0,
            RSR_ECR => 0,
            FR => FR_TXFE | FR_RXFE,
            ILPR => self.ilpr,
            IBRD => self.ibrd,
            FBRD => self.fbrd,
            LCR_H => self.lcr_h,
            CR => self.cr,
            IFLS => self.ifls,
            IMSC => self.imsc,
            RIS => self.ris,
            MIS => self.ris & self.imsc,
            DMACR => self.dmacr,
            0xfe0..=0xffc => ID[((offset - 0xfe0) / 4) as usize],
            _ => 0,
        }
    }

    fn write_reg(&mut self, offset: u64, value: u32) {
        match offset {
            DR => {
                let _ = self.out.write_all(&[value as u8]);
                if value as u8 == b'\n' {
                    let _ = self.out.flush();
                }
                self.ris |= INT_TX;
            }
            RSR_ECR => {}
            ILPR => self.ilpr = value,
            IBRD => self.ibrd = value,
            FBRD => self.fbrd = value,
            LCR_H => self.lcr_h = value,
            CR => self.cr = value,
            IFLS => self.ifls = value,
            IMSC => self.imsc = value & 0x7ff,
            ICR => self.ris &= !value,
            DMACR => self.dmacr = value,
            _ => {}
        }
        self.update_irq();
    }

    pub fn flush(&mut self) {
        let _ = self.out.flush();
    }
}

impl MmioDevice for Pl011 {
    fn read(&mut self, offset: u64, data: &mut [u8]) {
        let v = self.read_reg(offset & !3);
        put_le(data, u64::from(v));
    }

    fn write(&mut self, offset: u64, data: &[u8]) {
        self.write_reg(offset & !3, le_value(data) as u32);
    }
}

impl Drop for Pl011 {
    fn drop(&mut self) {
        self.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::rc::Rc;

    #[derive(Clone, Default)]
    struct Sink(Rc<RefCell<Vec<u8>>>);
    impl Write for Sink {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn uart() -> (Pl011, Sink, Rc<RefCell<Vec<bool>>>) {
        let sink = Sink::default();
        let irqs = Rc::new(RefCell::new(Vec::new()));
        let i2 = irqs.clone();
        let u = Pl011::new(Box::new(sink.clone()), Box::new(move |l| i2.borrow_mut().push(l)));
        (u, sink, irqs)
    }

    fn rd(u: &mut Pl011, off: u64) -> u32 {
        let mut d = [0u8; 4];
        u.read(off, &mut d);
        u32::from_le_bytes(d)
    }

    #[test]
    fn transmits_and_reports_empty_fifos() {
        let (mut u, sink, _) = uart();
        for b in b"hi\n" {
            u.write(DR, &[*b, 0, 0, 0]);
        }
        assert_eq!(&*sink.0.borrow(), b"hi\n");
        assert_eq!(rd(&mut u, FR), FR_TXFE | FR_RXFE);
    }

    #[test]
    fn primecell_id() {
        let (mut u, _, _) = uart();
        let ids: Vec<u32> = (0..8).map(|i| rd(&mut u, 0xfe0 + 4 * i)).collect();
        assert_eq!(ids, ID);
    }

    #[test]
    fn tx_interrupt_follows_mask_and_clear() {
        let (mut u, _, irqs) = uart();
        u.write(DR, &[b'a', 0, 0, 0]);
        assert!(irqs.borrow().is_empty(), "masked");
        assert_eq!(rd(&mut u, RIS), INT_TX);
        u.write(IMSC, &INT_TX.to_le_bytes());
        assert_eq!(*irqs.borrow(), vec![true]);
        assert_eq!(rd(&mut u, MIS), INT_TX);
        u.write(ICR, &INT_TX.to_le_bytes());
        assert_eq!(*irqs.borrow(), vec![true, false]);
        u.write(DR, &[b'b', 0, 0, 0]);
        assert_eq!(*irqs.borrow(), vec![true, false, true]);
        u.write(IMSC, &0u32.to_le_bytes());
        assert_eq!(*irqs.borrow(), vec![true, false, true, false]);
    }
}
