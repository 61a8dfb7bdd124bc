//! PL011 UART output (QEMU `virt`: 0x0900_0000). Transmit only.

use core::fmt;

const PL011_BASE: usize = 0x0900_0000;
/// UARTDR, data register (PrimeCell UART PL011 TRM, UARTDR).
const UARTDR: usize = 0x000;
/// UARTFR, flag register (PL011 TRM, UARTFR); bit 5 TXFF = transmit FIFO full.
const UARTFR: usize = 0x018;
const FR_TXFF: u32 = 1 << 5;

/// The real console of the board.
pub struct Uart;

impl Uart {
    /// Transmits one byte, waiting while the transmit FIFO is full.
    pub fn putb(b: u8) {
        loop {
            // SAFETY: MMIO read of the PL011 flag register, a device mapped at this
            // fixed physical address on the `virt` board; EL2 runs with the MMU off.
            let fr = unsafe { core::ptr::read_volatile((PL011_BASE + UARTFR) as *const u32) };
            if fr & FR_TXFF == 0 {
                break;
            }
        }
        // SAFETY: MMIO write of the PL011 data register (see above).
        unsafe { core::ptr::write_volatile((PL011_BASE + UARTDR) as *mut u32, b as u32) };
    }
}

impl fmt::Write for Uart {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for b in s.bytes() {
            if b == b'\n' {
                Uart::putb(b'\r');
            }
            Uart::putb(b);
        }
        Ok(())
    }
}

/// Prints to the PL011 console.
macro_rules! print {
    ($($arg:tt)*) => {{
        use core::fmt::Write as _;
        let _ = write!($crate::uart::Uart, $($arg)*);
    }};
}

/// Prints a line to the PL011 console.
macro_rules! println {
    ($($arg:tt)*) => {{
        use core::fmt::Write as _;
        let _ = writeln!($crate::uart::Uart, $($arg)*);
    }};
}
