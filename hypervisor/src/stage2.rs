//! Stage-2 translation: each guest sees RAM at IPA 0x4000_0000, backed by its
//! own physical window; the console page has no mapping, so guest accesses
//! to it fault to EL2 (ESR_EL2.EC 0x24) and are emulated.

use crate::sysreg::{dsb_ish, isb};

/// Guest RAM: IPA base and size (one 2MB block per guest).
pub const GUEST_RAM_IPA: u64 = 0x4000_0000;
pub const GUEST_RAM_SIZE: u64 = 2 << 20;
/// Physical windows backing each guest's RAM (inside the board's 512MB).
pub const GUEST_RAM_PA: [u64; 2] = [0x4400_0000, 0x4600_0000];

// VTCR_EL2 fields (Arm ARM, register description "VTCR_EL2").
/// T0SZ [5:0]: IPA size = 64 - T0SZ = 40 bits.
const VTCR_T0SZ_40: u64 = 64 - 40;
/// SL0 [7:6] = 0b01 with a 4KB granule: the walk starts at level 1. A 40-bit
/// IPA needs 10 index bits at level 1, so the level-1 table is two
/// concatenated 4KB tables, 8KB-aligned (Arm ARM, "Concatenated translation
/// tables for the initial stage 2 lookup", chapter D8 The AArch64 Virtual Memory System Architecture).
const VTCR_SL0_L1: u64 = 1 << 6;
/// IRGN0 [9:8], ORGN0 [11:10] = 0b01: walks are write-back write-allocate.
const VTCR_IRGN0_WBWA: u64 = 1 << 8;
const VTCR_ORGN0_WBWA: u64 = 1 << 10;
/// SH0 [13:12] = 0b11: inner shareable walks.
const VTCR_SH0_INNER: u64 = 3 << 12;
/// TG0 [15:14] = 0b00: 4KB granule.
const VTCR_TG0_4K: u64 = 0 << 14;
/// PS [18:16] = 0b010: 40-bit output (physical) addresses.
const VTCR_PS_40: u64 = 2 << 16;
/// Bit 31 is RES1.
const VTCR_RES1: u64 = 1 << 31;
const VTCR: u64 = VTCR_RES1
    | VTCR_PS_40
    | VTCR_TG0_4K
    | VTCR_SH0_INNER
    | VTCR_ORGN0_WBWA
    | VTCR_IRGN0_WBWA
    | VTCR_SL0_L1
    | VTCR_T0SZ_40;

// Stage-2 descriptors (Arm ARM chapter D8, "Translation table descriptor formats").
/// Table descriptor at level 0-2: bits [1:0] = 0b11.
const DESC_TABLE: u64 = 0b11;
/// Block descriptor at level 1-2: bits [1:0] = 0b01.
const DESC_BLOCK: u64 = 0b01;
/// MemAttr [5:2] = 0b1111: Normal, outer and inner write-back cacheable
/// (Arm ARM chapter D8, "Stage 2 memory type and Cacheability attributes").
const S2_MEMATTR_NORMAL_WB: u64 = 0b1111 << 2;
/// S2AP [7:6] = 0b11: read/write at EL1&0 (Arm ARM chapter D8, "Stage 2 data access permissions").
const S2_AP_RW: u64 = 0b11 << 6;
/// SH [9:8] = 0b11: inner shareable.
const S2_SH_INNER: u64 = 0b11 << 8;
/// AF [10]: access flag set (no access-flag faults).
const S2_AF: u64 = 1 << 10;
const S2_RAM_BLOCK: u64 = DESC_BLOCK | S2_MEMATTR_NORMAL_WB | S2_AP_RW | S2_SH_INNER | S2_AF;

/// Two concatenated level-1 tables: 1024 entries, each mapping 1GB.
#[repr(C, align(8192))]
struct RootTable([u64; 1024]);
/// A level-2 table: 512 entries, each mapping 2MB.
#[repr(C, align(4096))]
struct Table([u64; 512]);

static mut ROOT: [RootTable; 2] = [RootTable([0; 1024]), RootTable([0; 1024])];
static mut LEVEL2: [Table; 2] = [Table([0; 512]), Table([0; 512])];

/// Builds both guests' stage-2 tables and programs VTCR_EL2. Returns the
/// VTTBR_EL2 value of each guest (VMID = guest number + 1).
pub fn init() -> [u64; 2] {
    let mut vttbr = [0u64; 2];
    for (g, v) in vttbr.iter_mut().enumerate() {
        let root = (&raw mut ROOT).cast::<RootTable>().wrapping_add(g).cast::<u64>();
        let l2 = (&raw mut LEVEL2).cast::<Table>().wrapping_add(g).cast::<u64>();
        let l1_index = (GUEST_RAM_IPA >> 30) as usize; // IPA bits [39:30] index the concatenated level-1 table
        let l2_index = ((GUEST_RAM_IPA >> 21) & 0x1ff) as usize; // IPA bits [29:21] index the level-2 table
                                                                 // SAFETY: g < 2 and the indexes are within the 1024- and 512-entry tables; the
                                                                 // tables are only written here, once, at boot, on the one CPU, before
                                                                 // any guest runs, and no reference to them exists.
        unsafe {
            root.add(l1_index).write_volatile(l2 as u64 | DESC_TABLE);
            // One 2MB block of RAM.
            l2.add(l2_index).write_volatile(GUEST_RAM_PA[g] | S2_RAM_BLOCK);
        }
        // Everything else, including the console page, stays invalid (0).
        let vmid = g as u64 + 1;
        // VTTBR_EL2: VMID [55:48], BADDR [47:1] (Arm ARM, register description "VTTBR_EL2", 8-bit VMID).
        *v = (vmid << 48) | root as u64;
    }
    dsb_ish(); // table writes complete before any walk can use them
    write_sysreg!(vtcr_el2, VTCR);
    isb();
    // SAFETY: invalidates all stage 1&2 EL1&0 TLB entries, for any VMID;
    // affects no memory.
    unsafe { core::arch::asm!("tlbi alle1is", "dsb ish", "isb", options(nostack, preserves_flags)) };
    println!("hyp: stage 2: VTCR_EL2={:#x} (40-bit IPA, 4K granule, start level 1, 2 concatenated tables)", VTCR);
    for (g, pa) in GUEST_RAM_PA.iter().enumerate() {
        println!(
            "hyp: stage 2: vcpu{} VMID {}: IPA {:#x}..{:#x} -> PA {:#x}; console IPA {:#x} unmapped",
            g,
            g + 1,
            GUEST_RAM_IPA,
            GUEST_RAM_IPA + GUEST_RAM_SIZE,
            pa,
            crate::console::CONSOLE_IPA
        );
    }
    vttbr
}
