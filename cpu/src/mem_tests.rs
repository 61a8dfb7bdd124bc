//! The TLB tagged by ASID: switching TTBR0_EL1 to another ASID needs no TLBI, and each
//! ASID sees its own tables (Arm ARM D8.13), with stage 1 on at EL1.

use crate::sysreg::Slot;
use crate::testutil::{cpu_with_code, run, End, DATA};

/// 4K granule, T0SZ = 25 (39-bit VA, walks start at level 1), TTBR1 walks disabled
/// (EPD1), 16-bit ASIDs (AS) taken from TTBR0 (A1 = 0).
const TCR: u64 = 25 | (1 << 23) | (1 << 36);
const AF: u64 = 1 << 10;
/// Descriptor nG: the entry is tagged with the ASID (a global one would match every ASID).
const NG: u64 = 1 << 11;
/// The VA the test reads; each ASID's tables map it to a different page.
const VA: u64 = 0x1000_0000;

/// Tables at `base`: L1[0] -> L2, L2[0x80] -> L3, L3[0] -> non-global page `pa` (so VA maps
/// to `pa`),
/// and L1[1] a 1 GiB identity block over RAM for the code and the tables themselves.
fn tables(cpu: &mut crate::Cpu, base: u64, pa: u64) {
    let (l1, l2, l3) = (base, base + 0x1000, base + 0x2000);
    let put = |cpu: &mut crate::Cpu, at: u64, v: u64| assert!(cpu.ram.load(at, &v.to_le_bytes()));
    put(cpu, l1, l2 | 3);
    put(cpu, l1 + 8, 0x4000_0000 | AF | 1);
    put(cpu, l2 + 8 * 0x80, l3 | 3);
    put(cpu, l3, pa | NG | AF | 3);
}

#[test]
fn each_asid_sees_its_own_tables_without_tlbi() {
    // MSR TTBR0_EL1, Xt (op0=3, op1=0, CRn=2, CRm=0, op2=0) as a raw word.
    let msr_ttbr0 = |t: u32| (0xd518_2000u32 | t).to_le_bytes();
    let mut code = crate::a64!(; ldr x0, [x5]);
    code.extend(msr_ttbr0(7));
    code.extend(crate::a64!(; isb ; ldr x1, [x5]));
    code.extend(msr_ttbr0(6));
    code.extend(crate::a64!(; isb ; ldr x2, [x5] ; brk 0));
    let mut cpu = cpu_with_code(&code, 1);
    let (page_a, page_b) = (DATA + 0x8000, DATA + 0x9000);
    assert!(cpu.ram.load(page_a, &0xaaaa_u64.to_le_bytes()));
    assert!(cpu.ram.load(page_b, &0xbbbb_u64.to_le_bytes()));
    tables(&mut cpu, DATA + 0x1000, page_a);
    tables(&mut cpu, DATA + 0x4000, page_b);
    let ttbr_a = (DATA + 0x1000) | (1 << 48);
    let ttbr_b = (DATA + 0x4000) | (2 << 48);
    cpu.s.sys[Slot::TCR_EL1 as usize] = TCR;
    cpu.s.sys[Slot::MAIR_EL1 as usize] = 0xff;
    cpu.s.sys[Slot::TTBR0_EL1 as usize] = ttbr_a;
    cpu.s.sys[Slot::SCTLR_EL1 as usize] |= 1; // M
    cpu.s.x[5] = VA;
    cpu.s.x[6] = ttbr_a;
    cpu.s.x[7] = ttbr_b;
    assert_eq!(run(&mut cpu, 100), End::Brk(0));
    assert_eq!(cpu.s.x[0], 0xaaaa, "ASID 1 maps VA to page A");
    assert_eq!(cpu.s.x[1], 0xbbbb, "ASID 2 maps VA to page B, no TLBI needed");
    assert_eq!(cpu.s.x[2], 0xaaaa, "back to ASID 1: its cached entry, not ASID 2's");
    assert!(cpu.tlb.len() >= 2, "both ASIDs' translations are held in the TLB");
}
