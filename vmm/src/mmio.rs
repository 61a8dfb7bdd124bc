//! The MMIO bus: guest-physical ranges not backed by RAM, dispatched to device models on
//! KVM_EXIT_MMIO.

/// A device model behind an MMIO range. Offsets are relative to the range's base.
pub trait MmioDevice {
    fn read(&mut self, offset: u64, data: &mut [u8]);
    fn write(&mut self, offset: u64, data: &[u8]);
}

struct Range {
    base: u64,
    size: u64,
    dev: Box<dyn MmioDevice>,
}

/// What the bus did with an access.
#[derive(Debug, PartialEq, Eq)]
pub enum Access {
    Handled,
    /// No device at that address (reads return zero, writes are dropped).
    Unmapped,
}

#[derive(Default)]
pub struct MmioBus {
    ranges: Vec<Range>,
}

impl MmioBus {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `dev` at [base, base + size). Panics on overlap: a layout bug in the VMM.
    pub fn insert(&mut self, base: u64, size: u64, dev: Box<dyn MmioDevice>) {
        assert!(
            self.ranges.iter().all(|r| base + size <= r.base || r.base + r.size <= base),
            "MMIO range {base:#x}+{size:#x} overlaps another device"
        );
        self.ranges.push(Range { base, size, dev });
    }

    fn find(&mut self, addr: u64, len: usize) -> Option<(&mut Range, u64)> {
        self.ranges.iter_mut().find(|r| addr >= r.base && addr + len as u64 <= r.base + r.size).map(|r| {
            let off = addr - r.base;
            (r, off)
        })
    }

    pub fn read(&mut self, addr: u64, data: &mut [u8]) -> Access {
        match self.find(addr, data.len()) {
            Some((r, off)) => {
                r.dev.read(off, data);
                Access::Handled
            }
            None => {
                data.fill(0);
                Access::Unmapped
            }
        }
    }

    pub fn write(&mut self, addr: u64, data: &[u8]) -> Access {
        match self.find(addr, data.len()) {
            Some((r, off)) => {
                r.dev.write(off, data);
                Access::Handled
            }
            None => Access::Unmapped,
        }
    }
}

/// Little-endian value of an MMIO access of 1, 2, 4 or 8 bytes.
pub fn le_value(data: &[u8]) -> u64 {
    let mut b = [0u8; 8];
    let n = data.len().min(8);
    b[..n].copy_from_slice(&data[..n]);
    u64::from_le_bytes(b)
}

/// Stores `value` little-endian into an MMIO read buffer (truncated to its length).
pub fn put_le(data: &mut [u8], value: u64) {
    let b = value.to_le_bytes();
    let n = data.len().min(8);
    data[..n].copy_from_slice(&b[..n]);
    data[n..].fill(0);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::rc::Rc;

    struct Probe(Rc<RefCell<Vec<(u64, u64)>>>);
    impl MmioDevice for Probe {
        fn read(&mut self, offset: u64, data: &mut [u8]) {
            put_le(data, 0x1122_3344_5566_7788 ^ offset);
        }
        fn write(&mut self, offset: u64, data: &[u8]) {
            self.0.borrow_mut().push((offset, le_value(data)));
        }
    }

    #[test]
    fn dispatches_by_range() {
        let log = Rc::new(RefCell::new(Vec::new()));
        let mut bus = MmioBus::new();
        bus.insert(0x1000, 0x100, Box::new(Probe(log.clone())));
        assert_eq!(bus.write(0x1010, &[1, 0, 0, 0]), Access::Handled);
        assert_eq!(bus.write(0x2000, &[1]), Access::Unmapped);
        let mut d = [0u8; 4];
        assert_eq!(bus.read(0x1008, &mut d), Access::Handled);
        assert_eq!(u32::from_le_bytes(d), 0x5566_7780);
        assert_eq!(bus.read(0x10fe, &mut d), Access::Unmapped, "straddles the end");
        assert_eq!(d, [0; 4]);
        assert_eq!(*log.borrow(), vec![(0x10, 1)]);
    }

    #[test]
    #[should_panic]
    fn overlap_is_a_bug() {
        let mut bus = MmioBus::new();
        let log = Rc::new(RefCell::new(Vec::new()));
        bus.insert(0x1000, 0x100, Box::new(Probe(log.clone())));
        bus.insert(0x10f0, 0x100, Box::new(Probe(log)));
    }
}
