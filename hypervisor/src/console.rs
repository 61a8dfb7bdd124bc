//! The emulated console device each guest sees at IPA 0x0B00_0000 (a page
//! with no stage-2 mapping, so every access is an MMIO exit):
//! - 0x0 DATA   (write): one byte of output; a line is printed at '\n'.
//! - 0x4 STATUS (read):  1 = ready.

pub const CONSOLE_IPA: u64 = 0x0b00_0000;
pub const REG_DATA: u64 = 0x0;
pub const REG_STATUS: u64 = 0x4;
const STATUS_READY: u64 = 1;

/// Longest line kept (a longer line is printed in pieces).
pub const LINE_MAX: usize = 64;

/// A line being assembled, kept as four 128-bit words (16-byte aligned, so
/// the host can copy it with NEON, and built with plain integer operations).
pub struct Line {
    pub words: [u128; 4],
    pub len: usize,
}

impl Line {
    const fn new() -> Self {
        Line { words: [0; 4], len: 0 }
    }

    fn push(&mut self, b: u8) {
        self.words[self.len / 16] |= (b as u128) << (8 * (self.len % 16));
        self.len += 1;
    }

    /// Byte `i` of the line.
    pub fn byte(words: &[u128; 4], i: usize) -> u8 {
        (words[i / 16] >> (8 * (i % 16))) as u8
    }
}

/// One console per guest.
pub struct Console {
    lines: [Line; 2],
}

impl Console {
    pub const fn new() -> Self {
        Console { lines: [Line::new(), Line::new()] }
    }

    /// A byte written to DATA by guest `g`. Returns the line to print when it
    /// is complete (the newline is not included).
    pub fn write(&mut self, g: usize, offset: u64, value: u64) -> Option<Line> {
        if offset != REG_DATA {
            return None; // writes to other registers are ignored
        }
        let b = value as u8;
        let line = &mut self.lines[g];
        if b != b'\n' {
            line.push(b);
        }
        if b == b'\n' || line.len == LINE_MAX {
            return Some(core::mem::replace(line, Line::new()));
        }
        None
    }

    /// A read by a guest.
    pub fn read(&self, offset: u64) -> u64 {
        match offset {
            REG_STATUS => STATUS_READY,
            _ => 0,
        }
    }
}
