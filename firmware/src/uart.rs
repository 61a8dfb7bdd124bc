//! PL011 UART console at 0x0900_0000 (QEMU `virt` UART0).
//!
//! PL011 TRM (DDI 0183): UARTDR at 0x000, UARTFR at 0x018 (TXFF = bit 5),
//! UARTCR at 0x030 (UARTEN bit 0, TXE bit 8).

use core::fmt;

/// Base address of the console UART.
pub const UART_BASE: usize = 0x0900_0000;
const UARTDR: usize = 0x000;
const UARTFR: usize = 0x018;
const UARTCR: usize = 0x030;
const FR_TXFF: u32 = 1 << 5;

/// Enables the transmitter (UARTEN | TXE | RXE).
pub fn init() {
    // SAFETY: UART_BASE + UARTCR is the PL011 control register, identity
    // mapped as device memory in every translation regime this firmware uses.
    unsafe { core::ptr::write_volatile((UART_BASE + UARTCR) as *mut u32, 0x301) };
}

/// Writes one byte, waiting while the transmit FIFO is full.
pub fn putc(b: u8) {
    // SAFETY: PL011 flag and data registers (see `init`).
    unsafe {
        while core::ptr::read_volatile((UART_BASE + UARTFR) as *const u32) & FR_TXFF != 0 {}
        core::ptr::write_volatile((UART_BASE + UARTDR) as *mut u32, b as u32);
    }
}

/// `core::fmt` sink for the console.
pub struct Console;

impl fmt::Write for Console {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for b in s.bytes() {
            putc(b);
        }
        Ok(())
    }
}

#[doc(hidden)]
pub fn _print(args: fmt::Arguments) {
    use fmt::Write;
    let _ = Console.write_fmt(args);
}

/// Prints to the PL011 console.
#[macro_export]
macro_rules! print {
    ($($arg:tt)*) => { $crate::uart::_print(format_args!($($arg)*)) };
}

/// Prints to the PL011 console, with a trailing `\n`.
#[macro_export]
macro_rules! println {
    () => { $crate::uart::putc(b'\n') };
    ($($arg:tt)*) => {{ $crate::uart::_print(format_args!($($arg)*)); $crate::uart::putc(b'\n'); }};
}
