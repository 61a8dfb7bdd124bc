//! PL011 register offsets and bits (Arm DDI 0183G, 3.2 "Summary of registers" and 3.3
//! "Register descriptions").

/// UARTDR, Data Register (3.3.1).
pub const UARTDR: u64 = 0x000;
/// UARTRSR (read) / UARTECR (write), Receive Status / Error Clear Register (3.3.2).
pub const UARTRSR: u64 = 0x004;
/// UARTFR, Flag Register (3.3.3).
pub const UARTFR: u64 = 0x018;
/// UARTILPR, IrDA Low-Power Counter Register (3.3.4).
pub const UARTILPR: u64 = 0x020;
/// UARTIBRD, Integer Baud Rate Register (3.3.5).
pub const UARTIBRD: u64 = 0x024;
/// UARTFBRD, Fractional Baud Rate Register (3.3.6).
pub const UARTFBRD: u64 = 0x028;
/// UARTLCR_H, Line Control Register (3.3.7).
pub const UARTLCR_H: u64 = 0x02C;
/// UARTCR, Control Register (3.3.8).
pub const UARTCR: u64 = 0x030;
/// UARTIFLS, Interrupt FIFO Level Select Register (3.3.9).
pub const UARTIFLS: u64 = 0x034;
/// UARTIMSC, Interrupt Mask Set/Clear Register (3.3.10).
pub const UARTIMSC: u64 = 0x038;
/// UARTRIS, Raw Interrupt Status Register (3.3.11).
pub const UARTRIS: u64 = 0x03C;
/// UARTMIS, Masked Interrupt Status Register (3.3.12).
pub const UARTMIS: u64 = 0x040;
/// UARTICR, Interrupt Clear Register (3.3.13).
pub const UARTICR: u64 = 0x044;
/// UARTDMACR, DMA Control Register (3.3.14).
pub const UARTDMACR: u64 = 0x048;
/// UARTPeriphID0 (3.3.15); PeriphID0..3 and PCellID0..3 follow at 4-byte steps.
pub const UARTPERIPHID0: u64 = 0xFE0;

/// PeriphID0..3, PCellID0..3 values (3.3.15, 3.3.16).
pub const ID_REGS: [u32; 8] = [0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1];

/// UARTRSR.OE: overrun error.
pub const RSR_OE: u32 = 1 << 3;

/// UARTFR.BUSY.
pub const FR_BUSY: u32 = 1 << 3;
/// UARTFR.RXFE: receive FIFO empty.
pub const FR_RXFE: u32 = 1 << 4;
/// UARTFR.TXFF: transmit FIFO full.
pub const FR_TXFF: u32 = 1 << 5;
/// UARTFR.RXFF: receive FIFO full.
pub const FR_RXFF: u32 = 1 << 6;
/// UARTFR.TXFE: transmit FIFO empty.
pub const FR_TXFE: u32 = 1 << 7;

/// UARTLCR_H.FEN: FIFOs enabled.
pub const LCR_H_FEN: u32 = 1 << 4;

/// UARTCR.UARTEN.
pub const CR_UARTEN: u32 = 1 << 0;
/// UARTCR.LBE: loopback.
pub const CR_LBE: u32 = 1 << 7;
/// UARTCR.TXE.
pub const CR_TXE: u32 = 1 << 8;
/// UARTCR.RXE.
pub const CR_RXE: u32 = 1 << 9;
/// UARTCR reset value: TXE | RXE.
pub const CR_RESET: u32 = CR_TXE | CR_RXE;
/// UARTIFLS reset value: both FIFOs at 1/2.
pub const IFLS_RESET: u32 = 0x12;

/// Interrupt bits of UARTIMSC/RIS/MIS/ICR: receive.
pub const INT_RX: u32 = 1 << 4;
/// Transmit.
pub const INT_TX: u32 = 1 << 5;
/// Receive timeout.
pub const INT_RT: u32 = 1 << 6;
/// Overrun error.
pub const INT_OE: u32 = 1 << 10;
/// All eleven interrupt bits.
pub const INT_ALL: u32 = 0x7FF;

/// Receive FIFO depth with FIFOs enabled (one holding register otherwise).
pub const FIFO_DEPTH: usize = 32;
