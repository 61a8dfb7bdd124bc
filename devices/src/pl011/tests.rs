//! PL011 register semantics and interrupts, expected values from DDI 0183G chapter 3.

use super::*;

#[derive(Default)]
struct Out(Vec<u8>);

impl SerialSink for Out {
    fn tx(&mut self, byte: u8) {
        self.0.push(byte);
    }
}

fn uart() -> (Pl011, Out) {
    (Pl011::new(), Out::default())
}

#[test]
fn reset_values_and_ids() {
    let (mut u, _) = uart();
    assert_eq!(u.read(UARTFR, 4), 0x90, "TXFE | RXFE");
    assert_eq!(u.read(UARTCR, 4), 0x300);
    assert_eq!(u.read(UARTIFLS, 4), 0x12);
    assert_eq!(u.read(UARTIMSC, 4), 0);
    assert_eq!(u.read(UARTRIS, 4), 0);
    let ids: Vec<u64> = (0..8).map(|i| u.read(0xFE0 + 4 * i, 4)).collect();
    assert_eq!(ids, vec![0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1]);
    assert!(!u.irq_level());
}

#[test]
fn transmit_goes_to_sink() {
    let (mut u, mut out) = uart();
    u.write(UARTDR, 4, 0x141, &mut out); // only the low byte is data
    u.write(UARTDR, 1, b'i' as u64, &mut out);
    assert_eq!(out.0, b"Ai");
    assert_eq!(u.read(UARTFR, 4) & 0xA8, 0x80, "TXFE=1, TXFF=0, BUSY=0");
}

#[test]
fn receive_fifo() {
    let (mut u, mut out) = uart();
    u.write(UARTLCR_H, 4, 0x70, &mut out); // FEN | WLEN=8
    for b in 0..32u8 {
        assert!(u.rx_ready());
        u.push_rx(b);
    }
    assert!(!u.rx_ready());
    assert_eq!(u.read(UARTFR, 4) & 0x50, 0x40, "RXFF=1, RXFE=0");
    u.push_rx(99); // overrun: dropped, OE flagged
    assert_eq!(u.read(UARTRSR, 4), 0x8);
    assert_eq!(u.read(UARTRIS, 4) as u32 & INT_OE, INT_OE);
    for b in 0..32u64 {
        assert_eq!(u.read(UARTDR, 4), b);
    }
    assert_eq!(u.read(UARTFR, 4) & 0x50, 0x10, "RXFE=1");
    assert_eq!(u.read(UARTDR, 4), 0, "empty FIFO reads 0");
    u.write(UARTRSR, 4, 0, &mut out); // UARTECR clears errors
    assert_eq!(u.read(UARTRSR, 4), 0);
}

#[test]
fn fifo_disabled_holds_one_byte() {
    let (mut u, _) = uart();
    u.push_rx(1);
    assert_eq!(u.read(UARTFR, 4) as u32 & FR_RXFF, FR_RXFF);
    u.push_rx(2);
    assert_eq!(u.read(UARTRSR, 4), RSR_OE as u64);
    assert_eq!(u.read(UARTDR, 4), 1);
}

#[test]
fn rx_interrupts() {
    let (mut u, mut out) = uart();
    u.write(UARTIMSC, 4, (INT_RX | INT_RT) as u64, &mut out);
    u.write(UARTLCR_H, 4, 0x70, &mut out);
    assert!(!u.irq_level());
    u.push_rx(b'a');
    u.push_rx(b'b');
    assert_eq!(u.read(UARTRIS, 4), (INT_RX | INT_RT) as u64);
    assert_eq!(u.read(UARTMIS, 4), (INT_RX | INT_RT) as u64);
    assert!(u.irq_level());
    // ICR clears the latched RX bit; RT stays while data is waiting.
    u.write(UARTICR, 4, INT_ALL as u64, &mut out);
    assert_eq!(u.read(UARTRIS, 4), INT_RT as u64);
    assert!(u.irq_level());
    u.read(UARTDR, 4);
    u.read(UARTDR, 4);
    assert_eq!(u.read(UARTRIS, 4), 0);
    assert!(!u.irq_level());
    // Masked: raw status set, no output.
    u.write(UARTIMSC, 4, 0, &mut out);
    u.push_rx(b'c');
    assert_ne!(u.read(UARTRIS, 4), 0);
    assert_eq!(u.read(UARTMIS, 4), 0);
    assert!(!u.irq_level());
}

#[test]
fn tx_interrupt_while_enabled() {
    let (mut u, mut out) = uart();
    u.write(UARTIMSC, 4, INT_TX as u64, &mut out);
    assert!(!u.irq_level(), "UARTEN clear at reset");
    u.write(UARTCR, 4, 0x301, &mut out);
    assert_eq!(u.read(UARTRIS, 4), INT_TX as u64);
    assert!(u.irq_level());
    u.write(UARTCR, 4, 0x201, &mut out); // TXE off
    assert!(!u.irq_level());
}

#[test]
fn loopback() {
    let (mut u, mut out) = uart();
    u.write(UARTCR, 4, 0x381, &mut out);
    u.write(UARTDR, 4, b'z' as u64, &mut out);
    assert!(out.0.is_empty());
    assert_eq!(u.read(UARTDR, 4), b'z' as u64);
}

#[test]
fn control_registers_and_masks() {
    let (mut u, mut out) = uart();
    u.write(UARTIBRD, 4, 0x1_0027, &mut out);
    u.write(UARTFBRD, 4, 0xFF, &mut out);
    u.write(UARTIFLS, 4, 0xFF, &mut out);
    u.write(UARTDMACR, 4, 0xFF, &mut out);
    u.write(UARTIMSC, 4, 0xFFFF, &mut out);
    assert_eq!(u.read(UARTIBRD, 4), 0x27);
    assert_eq!(u.read(UARTFBRD, 4), 0x3F);
    assert_eq!(u.read(UARTIFLS, 4), 0x3F);
    assert_eq!(u.read(UARTDMACR, 4), 0x7);
    assert_eq!(u.read(UARTIMSC, 4), 0x7FF);
    // Writes to read-only and reserved registers, odd offsets and sizes are ignored.
    u.write(UARTFR, 4, 0, &mut out);
    u.write(UARTRIS, 4, 0xFFFF, &mut out);
    u.write(0x100, 4, 1, &mut out);
    u.write(UARTCR + 1, 1, 0, &mut out);
    u.write(UARTCR, 3, 0, &mut out);
    assert_eq!(u.read(UARTFR, 4), 0x90);
    assert_eq!(u.read(UARTCR, 4), 0x300);
    assert_eq!(u.read(UARTCR, 1), 0x00, "byte read of the low byte");
    assert_eq!(u.read(UARTCR, 2), 0x300);
    assert_eq!(u.read(0x1000, 4), 0);
    assert_eq!(u.read(UARTFR + 2, 2), 0);
    assert_eq!(u.read(0x44, 4), 0, "ICR is write-only");
    assert!(out.0.is_empty());
}

#[test]
fn fen_toggle_flushes_rx() {
    let (mut u, mut out) = uart();
    u.write(UARTLCR_H, 4, 0x10, &mut out);
    u.push_rx(1);
    u.write(UARTLCR_H, 4, 0x00, &mut out);
    assert_eq!(u.read(UARTFR, 4) as u32 & FR_RXFE, FR_RXFE);
}
