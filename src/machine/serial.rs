//! The UART's two ends on the host: where transmitted bytes go ([`Console`]) and where
//! received bytes come from ([`SerialInput`]).
//!
//! Input is the only thing outside the guest image that changes what the guest sees, so
//! every delivered byte is stamped with the global virtual time at which the UART
//! received it ([`Delivered`]); replaying the same (time, byte) pairs into the same
//! image reproduces the run.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::{Read, Write};
use std::rc::Rc;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use el2emu_devices::pl011::SerialSink;

/// The host side of UART output.
pub struct Console {
    out: Box<dyn Write>,
    dirty: bool,
}

impl Console {
    /// Output to `out`.
    pub fn new(out: Box<dyn Write>) -> Self {
        Console { out, dirty: false }
    }

    /// Push buffered bytes to the host (called at quantum ends, so the terminal sees
    /// output promptly without a system call per byte).
    pub fn flush(&mut self) {
        if self.dirty {
            // A closed stdout (e.g. `| head`) must not stop or crash the emulator.
            let _ = self.out.flush();
            self.dirty = false;
        }
    }
}

impl SerialSink for Console {
    fn tx(&mut self, byte: u8) {
        let _ = self.out.write_all(&[byte]);
        self.dirty = true;
    }
}

/// A growable byte buffer that can be shared between a [`Console`] and a test.
#[derive(Clone, Default)]
pub struct SharedBuf(Rc<RefCell<Vec<u8>>>);

impl SharedBuf {
    /// A copy of what was written.
    pub fn contents(&self) -> Vec<u8> {
        self.0.borrow().clone()
    }
}

impl Write for SharedBuf {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// What an input source has right now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Poll {
    /// The next byte.
    Byte(u8),
    /// Nothing yet; more may come.
    Empty,
    /// Nothing will ever come again.
    Closed,
}

/// A source of bytes for the UART receiver.
pub trait SerialInput {
    /// The next byte, without waiting.
    fn poll(&mut self) -> Poll;
    /// Wait for the next byte (the machine is idle and only input can wake it);
    /// `None` when the source is closed.
    fn wait(&mut self) -> Option<u8>;
}

/// No input at all (tests, `bench`).
pub struct NoInput;

impl SerialInput for NoInput {
    fn poll(&mut self) -> Poll {
        Poll::Closed
    }
    fn wait(&mut self) -> Option<u8> {
        None
    }
}

/// Fixed bytes, one per [`SerialInput::poll`] (tests, replays).
pub struct ScriptedInput(pub VecDeque<u8>);

impl SerialInput for ScriptedInput {
    fn poll(&mut self) -> Poll {
        self.0.pop_front().map_or(Poll::Closed, Poll::Byte)
    }
    fn wait(&mut self) -> Option<u8> {
        self.0.pop_front()
    }
}

/// The host's standard input, read by a helper thread so the run loop never blocks on
/// it (except when the guest is idle and waiting for input anyway).
pub struct StdinInput {
    rx: Receiver<u8>,
}

impl StdinInput {
    /// Start reading stdin. The thread ends at end of file or on a read error; it is
    /// never joined (the process exits when the machine stops).
    pub fn spawn() -> Self {
        let (tx, rx) = mpsc::channel();
        // A terminal goes to raw mode for the run (restored by the process-exit paths
        // below or when the run loop's owner ends); Ctrl-A x quits, as in QEMU.
        let raw = crate::terminal::enable_raw();
        std::thread::spawn(move || {
            let mut stdin = std::io::stdin().lock();
            let mut buf = [0u8; 256];
            let mut esc = crate::terminal::Escape::default();
            loop {
                match stdin.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        for &b in &buf[..n] {
                            let byte = match (raw, esc.feed(b)) {
                                (false, _) => b,
                                (true, crate::terminal::Key::Guest(g)) => g,
                                (true, crate::terminal::Key::Nothing) => continue,
                                (true, crate::terminal::Key::Quit) => {
                                    crate::terminal::restore();
                                    eprintln!("\r\nel2emu: terminated (Ctrl-A x)");
                                    std::process::exit(0);
                                }
                            };
                            if tx.send(byte).is_err() {
                                return;
                            }
                        }
                    }
                }
            }
        });
        StdinInput { rx }
    }
}

impl SerialInput for StdinInput {
    fn poll(&mut self) -> Poll {
        match self.rx.try_recv() {
            Ok(b) => Poll::Byte(b),
            Err(TryRecvError::Empty) => Poll::Empty,
            Err(TryRecvError::Disconnected) => Poll::Closed,
        }
    }
    fn wait(&mut self) -> Option<u8> {
        self.rx.recv().ok()
    }
}

/// One received byte and the global virtual time at which the UART got it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Delivered {
    /// Global virtual time (ticks).
    pub vtime: u64,
    /// The byte.
    pub byte: u8,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn console_writes_through_to_a_shared_buffer() {
        let buf = SharedBuf::default();
        let mut c = Console::new(Box::new(buf.clone()));
        for &b in b"hi\n" {
            c.tx(b);
        }
        c.flush();
        assert_eq!(buf.contents(), b"hi\n");
    }

    #[test]
    fn scripted_input_then_closed() {
        let mut i = ScriptedInput(b"ab".iter().copied().collect());
        assert_eq!(i.poll(), Poll::Byte(b'a'));
        assert_eq!(i.wait(), Some(b'b'));
        assert_eq!(i.poll(), Poll::Closed);
        assert_eq!(NoInput.poll(), Poll::Closed);
    }
}
