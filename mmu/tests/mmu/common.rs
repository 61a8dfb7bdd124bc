//! Page-table building helpers for the walker tests.

use el2emu_mmu::granule::Granule;
use el2emu_mmu::regime::RegimeKind;
use el2emu_mmu::{GuestRam, Regime, Stage1Config, Stage2Config};

/// RAM base used by every test.
pub const RAM_BASE: u64 = 0x4000_0000;
/// RAM size: 64 MiB.
pub const RAM_SIZE: u64 = 64 << 20;

/// Leaf attribute bits used by most tests: AF set, AttrIndx given, nG clear.
pub const AF: u64 = 1 << 10;
pub const NG: u64 = 1 << 11;
pub const PXN: u64 = 1 << 53;
pub const UXN: u64 = 1 << 54;
pub const PAGE: u64 = 0b11;
pub const BLOCK: u64 = 0b01;
pub const TABLE: u64 = 0b11;

/// AP[2:1] field value.
pub fn ap(v: u64) -> u64 {
    (v & 3) << 6
}

/// AttrIndx field value.
pub fn attr(i: u64) -> u64 {
    (i & 7) << 2
}

/// TCR_EL1 for 4K granules on both ranges, 48-bit IPS, given T0SZ/T1SZ.
pub fn tcr_4k(t0sz: u64, t1sz: u64) -> u64 {
    t0sz | (t1sz << 16) | (0b10 << 30) | (0b101 << 32)
}

/// MAIR with Attr0 = Device-nGnRnE, Attr1 = Normal WB, Attr2 = Normal NC, Attr3 = Device-nGnRE.
pub const MAIR: u64 = 0x04_44_ff_00;

/// A guest RAM plus a bump allocator for translation tables.
pub struct Pt {
    pub ram: GuestRam,
    next: u64,
}

impl Pt {
    pub fn new() -> Self {
        Pt { ram: GuestRam::new(RAM_BASE, RAM_SIZE).unwrap(), next: RAM_BASE }
    }

    /// Allocate `size` zeroed bytes aligned to `size`.
    pub fn alloc(&mut self, size: u64) -> u64 {
        let a = (self.next + size - 1) & !(size - 1);
        self.next = a + size;
        assert!(self.next <= RAM_BASE + RAM_SIZE, "test RAM exhausted");
        a
    }

    pub fn set(&self, pa: u64, desc: u64) {
        assert!(self.ram.write::<8>(pa, desc.to_le_bytes()), "descriptor outside RAM");
    }

    pub fn get(&self, pa: u64) -> u64 {
        self.ram.read_u64(pa).unwrap()
    }

    /// Allocate a starting table for an `ia_bits` input with granule `g` starting at
    /// `level` (concatenated when the index is wider than one table).
    pub fn root(&mut self, g: Granule, ia_bits: u32, level: i8) -> u64 {
        let bits = ia_bits - g.level_lsb(level);
        self.alloc((8u64 << bits).max(g.page_size()))
    }

    /// Install `leaf` for `ia` at `leaf_level`, creating tables below `root` (a
    /// starting table for `geo`) as needed. Tables are addressed by their PA.
    pub fn map(&mut self, geo: Geo, root: u64, ia: u64, leaf_level: i8, leaf: u64) {
        let Geo(g, ia_bits, start) = geo;
        let mut table = root;
        let mut bits = ia_bits - g.level_lsb(start);
        for level in start..=3 {
            let lsb = g.level_lsb(level);
            let idx = (ia >> lsb) & ((1u64 << bits) - 1);
            let slot = table + idx * 8;
            if level == leaf_level {
                self.set(slot, leaf);
                return;
            }
            let d = self.get(slot);
            table = if d & 3 == 3 {
                d & 0x0000_ffff_ffff_f000 & !(g.page_size() - 1)
            } else {
                let t = self.alloc(g.page_size());
                self.set(slot, t | TABLE);
                t
            };
            bits = g.stride();
        }
        panic!("leaf level {leaf_level} not reached");
    }
}

/// Table geometry: granule, input address bits, starting level.
#[derive(Clone, Copy)]
pub struct Geo(pub Granule, pub u32, pub i8);

/// An EL1&0 regime with stage 1 on and no stage 2.
pub fn el10(tcr: u64, ttbr0: u64, ttbr1: u64) -> Regime {
    Regime {
        kind: RegimeKind::El10,
        s1: Stage1Config { enabled: true, wxn: false, tcr, ttbr0, ttbr1, mair: MAIR, flat_normal: false },
        s2: None,
        unprivileged: false,
        pan: false,
        vmid: 0,
    }
}

/// VTCR_EL2 for `t0sz`, `sl0`, TG0 `tg0`, PS 48 bits, 16-bit VMID.
pub fn vtcr(t0sz: u64, sl0: u64, tg0: u64) -> u64 {
    t0sz | (sl0 << 6) | (tg0 << 14) | (0b101 << 16) | (1 << 19)
}

/// Stage-2 configuration with `vtcr`, table at `base` and `vmid`.
pub fn s2(vtcr: u64, base: u64, vmid: u16) -> Option<Stage2Config> {
    Some(Stage2Config { vtcr, vttbr: base | ((vmid as u64) << 48) })
}

/// Stage-2 leaf attributes: AF, S2AP = `s2ap` (bit 0 read, bit 1 write), MemAttr Normal WB.
pub fn s2_attrs(s2ap: u64) -> u64 {
    AF | ((s2ap & 3) << 6) | (0xf << 2)
}
