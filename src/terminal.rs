//! The host terminal in raw mode while a guest owns the console, as QEMU's `-nographic`:
//! keystrokes (Ctrl-C included) go to the guest one by one, unechoed; Ctrl-A x quits
//! el2emu. Nothing happens when standard input is not a terminal (pipes, CI).

/// Ctrl-A, the escape key of QEMU's `-nographic` console.
pub const ESCAPE: u8 = 0x01;

/// The terminal settings from before raw mode, to put back at exit.
static SAVED: std::sync::Mutex<Option<libc::termios>> = std::sync::Mutex::new(None);

/// Put the terminal on standard input in raw mode until [`restore`]; `false` if stdin is
/// not a terminal or the terminal refuses.
pub fn enable_raw() -> bool {
    // SAFETY: isatty only inspects the descriptor number.
    if unsafe { libc::isatty(0) } != 1 {
        return false;
    }
    // SAFETY: termios is plain old data; tcgetattr fills it completely on success.
    let mut saved: libc::termios = unsafe { std::mem::zeroed() };
    // SAFETY: fd 0 is a terminal (checked above) and `saved` is a valid out pointer.
    if unsafe { libc::tcgetattr(0, &mut saved) } != 0 {
        return false;
    }
    let mut raw = saved;
    // SAFETY: cfmakeraw only edits the struct it is given.
    unsafe { libc::cfmakeraw(&mut raw) };
    // Keep output post-processing so the host's "\n" still returns the carriage.
    raw.c_oflag |= libc::OPOST;
    // SAFETY: valid terminal descriptor and a fully initialised termios.
    if unsafe { libc::tcsetattr(0, libc::TCSANOW, &raw) } != 0 {
        return false;
    }
    if let Ok(mut g) = SAVED.lock() {
        *g = Some(saved);
    }
    true
}

/// Put the terminal back as it was before [`enable_raw`] (no-op if it was not raw).
pub fn restore() {
    if let Ok(mut g) = SAVED.lock() {
        if let Some(saved) = g.take() {
            // SAFETY: `saved` came from tcgetattr on the same descriptor.
            unsafe { libc::tcsetattr(0, libc::TCSANOW, &saved) };
        }
    }
}

/// Tracks the Ctrl-A escape in the input stream: `feed` says whether a byte goes to the
/// guest, or the user asked to quit (Ctrl-A x); Ctrl-A Ctrl-A sends one Ctrl-A.
#[derive(Default)]
pub struct Escape {
    pending: bool,
}

/// What to do with one input byte.
#[derive(Debug, PartialEq, Eq)]
pub enum Key {
    /// Send this byte to the guest.
    Guest(u8),
    /// Swallowed (the first half of an escape sequence, or an unknown sequence).
    Nothing,
    /// Ctrl-A x: quit.
    Quit,
}

impl Escape {
    /// Interpret the next byte.
    pub fn feed(&mut self, b: u8) -> Key {
        if self.pending {
            self.pending = false;
            return match b {
                b'x' | b'X' => Key::Quit,
                ESCAPE => Key::Guest(ESCAPE),
                _ => Key::Nothing,
            };
        }
        if b == ESCAPE {
            self.pending = true;
            return Key::Nothing;
        }
        Key::Guest(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ctrl_a_x_quits_and_ctrl_a_ctrl_a_sends_one() {
        let mut e = Escape::default();
        assert_eq!(e.feed(b'l'), Key::Guest(b'l'));
        assert_eq!(e.feed(0x03), Key::Guest(0x03), "Ctrl-C goes to the guest");
        assert_eq!(e.feed(ESCAPE), Key::Nothing);
        assert_eq!(e.feed(ESCAPE), Key::Guest(ESCAPE));
        assert_eq!(e.feed(ESCAPE), Key::Nothing);
        assert_eq!(e.feed(b'x'), Key::Quit);
    }
}
