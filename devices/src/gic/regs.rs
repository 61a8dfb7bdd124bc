//! Register offsets and fixed field values of the GICv3 memory-mapped frames
//! (Arm IHI 0069, chapter 12.9 "The GIC Distributor register descriptions" and 12.10/12.11
//! "The GIC Redistributor register descriptions").

/// GICD_CTLR, Distributor Control Register (IHI 0069 12.9.4).
pub const GICD_CTLR: u64 = 0x0000;
/// GICD_TYPER, Interrupt Controller Type Register (12.9.38).
pub const GICD_TYPER: u64 = 0x0004;
/// GICD_IIDR, Distributor Implementer Identification Register (12.9.24).
pub const GICD_IIDR: u64 = 0x0008;
/// GICD_TYPER2 (GICv3.1; RES0 here).
pub const GICD_TYPER2: u64 = 0x000C;
/// GICD_STATUSR, Error Reporting Status Register (optional; RAZ here).
pub const GICD_STATUSR: u64 = 0x0010;
/// `GICD_IGROUPR<n>`, Interrupt Group Registers (12.9.12).
pub const GICD_IGROUPR: u64 = 0x0080;
/// `GICD_ISENABLER<n>`, Interrupt Set-Enable Registers (12.9.16).
pub const GICD_ISENABLER: u64 = 0x0100;
/// `GICD_ICENABLER<n>`, Interrupt Clear-Enable Registers (12.9.7).
pub const GICD_ICENABLER: u64 = 0x0180;
/// `GICD_ISPENDR<n>`, Interrupt Set-Pending Registers (12.9.18).
pub const GICD_ISPENDR: u64 = 0x0200;
/// `GICD_ICPENDR<n>`, Interrupt Clear-Pending Registers (12.9.9).
pub const GICD_ICPENDR: u64 = 0x0280;
/// `GICD_ISACTIVER<n>`, Interrupt Set-Active Registers (12.9.14).
pub const GICD_ISACTIVER: u64 = 0x0300;
/// `GICD_ICACTIVER<n>`, Interrupt Clear-Active Registers (12.9.5).
pub const GICD_ICACTIVER: u64 = 0x0380;
/// `GICD_IPRIORITYR<n>`, Interrupt Priority Registers, byte-accessible (12.9.22).
pub const GICD_IPRIORITYR: u64 = 0x0400;
/// `GICD_ITARGETSR<n>` (RAZ/WI: affinity routing is always enabled).
pub const GICD_ITARGETSR: u64 = 0x0800;
/// `GICD_ICFGR<n>`, Interrupt Configuration Registers (12.9.10).
pub const GICD_ICFGR: u64 = 0x0C00;
/// `GICD_IGRPMODR<n>`, Interrupt Group Modifier Registers (12.9.15): RAZ/WI when DS=1.
pub const GICD_IGRPMODR: u64 = 0x0D00;
/// `GICD_IROUTER<n>`, Interrupt Routing Registers, 64-bit, n = 32..1019 (12.9.23).
pub const GICD_IROUTER: u64 = 0x6000;
/// GICD_PIDR2 / GICR_PIDR2, Peripheral ID2 Register: ArchRev in bits 7:4 (12.9.31).
pub const PIDR2: u64 = 0xFFE8;
/// First of the CoreSight-style ID registers (PIDR4 at 0xFFD0 .. CIDR3 at 0xFFFC).
pub const ID_REGS_START: u64 = 0xFFD0;

/// GICD_CTLR.EnableGrp0 (DS=1 view).
pub const CTLR_ENABLE_GRP0: u32 = 1 << 0;
/// GICD_CTLR.EnableGrp1 (DS=1 view).
pub const CTLR_ENABLE_GRP1: u32 = 1 << 1;
/// GICD_CTLR.ARE: affinity routing, RAO/WI in this model.
pub const CTLR_ARE: u32 = 1 << 4;
/// GICD_CTLR.DS: single security state, RAO/WI in this model.
pub const CTLR_DS: u32 = 1 << 6;

/// Implementer Arm (0x43B), product 0, revision 0: the value QEMU's GICv3 reports.
pub const IIDR: u32 = 0x0000_043B;

/// GICD_IROUTER writable bits: Aff3 (39:32), IRM (31), Aff2..Aff0 (23:0).
pub const IROUTER_MASK: u64 = 0x0000_00FF_80FF_FFFF;
/// GICD_IROUTER.Interrupt_Routing_Mode: 1 of N.
pub const IROUTER_IRM: u64 = 1 << 31;

/// GICR_CTLR, Redistributor Control Register (12.11.2): RAZ/WI (no LPIs).
pub const GICR_CTLR: u64 = 0x0000;
/// GICR_IIDR, Redistributor Implementer Identification Register (12.11.16).
pub const GICR_IIDR: u64 = 0x0004;
/// GICR_TYPER, Redistributor Type Register, 64-bit (12.11.37).
pub const GICR_TYPER: u64 = 0x0008;
/// GICR_TYPER upper word (Affinity_Value).
pub const GICR_TYPER_HI: u64 = 0x000C;
/// GICR_WAKER, Redistributor Wake Register (12.11.39).
pub const GICR_WAKER: u64 = 0x0014;
/// GICR_TYPER.Last: this is the last redistributor of the region.
pub const GICR_TYPER_LAST: u32 = 1 << 4;
/// GICR_WAKER.ProcessorSleep.
pub const WAKER_PROCESSOR_SLEEP: u32 = 1 << 1;
/// GICR_WAKER.ChildrenAsleep (read-only).
pub const WAKER_CHILDREN_ASLEEP: u32 = 1 << 2;
/// Offset of the SGI_base frame inside one redistributor.
pub const SGI_BASE: u64 = 0x1_0000;

/// ID register block 0xFFD0..0x10000 of the distributor (PIDR4..PIDR7, PIDR0..PIDR3,
/// CIDR0..CIDR3), the values QEMU's GICv3 uses; PIDR2 = 0x3B: ArchRev 3.
pub const GICD_ID_REGS: [u32; 12] = [0x44, 0, 0, 0, 0x92, 0xB4, 0x3B, 0, 0x0D, 0xF0, 0x05, 0xB1];
/// The same for a redistributor's RD_base frame.
pub const GICR_ID_REGS: [u32; 12] = [0x44, 0, 0, 0, 0x93, 0xB4, 0x3B, 0, 0x0D, 0xF0, 0x05, 0xB1];

/// Read one of the ID registers at `off` (inside 0xFFD0..0x10000) from `table`.
pub fn id_reg(table: &[u32; 12], off: u64) -> u32 {
    let i = (off.wrapping_sub(ID_REGS_START) / 4) as usize;
    table.get(i).copied().unwrap_or(0)
}

/// Number of implemented priority bits (ICC_CTLR_EL1.PRIbits + 1, ICH_VTR_EL2.PRIbits + 1).
pub const PRI_BITS: u32 = 5;
/// Mask of the implemented priority bits in an 8-bit priority field.
pub const PRI_MASK: u8 = !((1u8 << (8 - PRI_BITS)) - 1);
/// Minimum binary point for group 0 (7 - preemption bits).
pub const MIN_BPR0: u8 = (8 - PRI_BITS) as u8 - 1;
/// Minimum binary point for group 1 (one more than group 0 in a single security state).
pub const MIN_BPR1: u8 = MIN_BPR0 + 1;
/// The spurious INTID returned when no interrupt can be acknowledged.
pub const INTID_SPURIOUS: u32 = 1023;
/// First special INTID (1020..1023).
pub const INTID_SPECIAL: u32 = 1020;
/// Maintenance interrupt of the virtual CPU interface on the `virt` board (PPI 9).
pub const MAINTENANCE_PPI: u32 = 25;
