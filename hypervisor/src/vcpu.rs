//! vCPU context: what the hypervisor saves and restores for each guest.

/// Guest general-purpose registers and return state: the trap frame that
/// src/vectors.S fills on every exit and restores on every entry.
#[repr(C)]
pub struct GuestRegs {
    /// X0..X30.
    pub x: [u64; 31],
    /// ELR_EL2: the guest PC to return to (Arm ARM, "Preferred exception return address").
    pub pc: u64,
    /// SPSR_EL2: the guest PSTATE to return with.
    pub pstate: u64,
}

// The asm addresses the frame with these offsets (src/vectors.S).
const _: () = assert!(core::mem::offset_of!(GuestRegs, pc) == 248);
const _: () = assert!(core::mem::offset_of!(GuestRegs, pstate) == 256);
const _: () = assert!(core::mem::offset_of!(Vcpu, regs) == 0);

impl GuestRegs {
    /// Reads Xn, where register 31 is XZR for the data-abort SRT field (ESR ISS).
    pub fn get(&self, n: usize) -> u64 {
        if n == 31 {
            0
        } else {
            self.x[n]
        }
    }

    /// Writes Xn; writes to XZR are discarded.
    pub fn set(&mut self, n: usize, v: u64) {
        if n != 31 {
            self.x[n] = v;
        }
    }
}

/// The EL1 system registers a guest owns. With HCR_EL2.E2H=0 these are
/// not used by the hypervisor itself, so they are switched on every entry/exit.
#[derive(Default)]
pub struct El1Regs {
    pub sctlr: u64,
    pub cpacr: u64,
    pub ttbr0: u64,
    pub ttbr1: u64,
    pub tcr: u64,
    pub mair: u64,
    pub vbar: u64,
    pub contextidr: u64,
    pub tpidr_el1: u64,
    pub tpidr_el0: u64,
    pub tpidrro_el0: u64,
    pub sp_el0: u64,
    pub sp_el1: u64,
    pub elr_el1: u64,
    pub spsr_el1: u64,
    pub esr_el1: u64,
    pub far_el1: u64,
    pub cntkctl: u64,
}

/// FP/SIMD register file: Q0..Q31, FPSR, FPCR. The layout is used by the
/// STP/LDP Q save/restore code in src/fpsimd.rs (FPSR at 512, FPCR at 520).
#[repr(C, align(16))]
pub struct FpState {
    pub v: [u128; 32],
    pub fpsr: u64,
    pub fpcr: u64,
}

const _: () = assert!(core::mem::offset_of!(FpState, fpsr) == 512);
const _: () = assert!(core::mem::offset_of!(FpState, fpcr) == 520);

impl FpState {
    pub const fn zeroed() -> Self {
        FpState { v: [0; 32], fpsr: 0, fpcr: 0 }
    }
}

/// Syndrome of the last exit, captured at EL2 before anything can clobber it.
#[derive(Default, Clone, Copy)]
pub struct Fault {
    pub esr: u64,
    pub far: u64,
    pub hpfar: u64,
}

/// One virtual CPU.
#[repr(C)]
pub struct Vcpu {
    /// Trap frame; must stay the first field (TPIDR_EL2 points here).
    pub regs: GuestRegs,
    pub el1: El1Regs,
    /// The guest's FP/SIMD state when it is not live in the registers.
    pub fp: FpState,
    pub fault: Fault,
    pub id: usize,
    /// VTTBR_EL2 value: this guest's stage-2 tables and VMID.
    pub vttbr: u64,
    /// KVM_ARM64_FP_ENABLED: the guest's FP/SIMD state is live in the
    /// registers, so it may run with CPTR_EL2.TFP clear.
    pub fp_enabled: bool,
    /// KVM_ARM64_FP_HOST: the registers hold the host's live FP/SIMD state,
    /// which EL2 must save before loading the guest's.
    pub fp_host: bool,
    /// Set by `vcpu_run_map_fp`: EL2 can reach the host's FP/SIMD save area.
    pub host_fp_mapped: bool,
    /// Guest-reported results.
    pub checks: u64,
    pub fails: u64,
    pub done: bool,
}

/// PSTATE for guest entry: EL1h (M[3:0]=0b0101), D, A, I, F masked (Arm ARM, register description "SPSR_EL2").
const SPSR_EL1H_DAIF: u64 = 0x3c5;
/// SCTLR_EL1 RES1 bits of Armv8.0 (11, 20, 22, 23, 28, 29); M=0 (stage-1 MMU off), little-endian.
const SCTLR_EL1_RES1: u64 = 0x30d0_0800;
/// CPACR_EL1.FPEN=0b11: EL1/EL0 FP/SIMD not trapped at EL1 (Arm ARM, register description "CPACR_EL1").
/// Only CPTR_EL2.TFP traps the guest, to EL2.
const CPACR_EL1_FPEN: u64 = 3 << 20;

impl Vcpu {
    /// A vCPU that starts at `entry` (IPA; the guest runs with its MMU off,
    /// so VA = IPA) in EL1h with stack `sp`, and receives its id in x0.
    pub fn new(id: usize, entry: u64, sp: u64, vttbr: u64) -> Self {
        let mut x = [0u64; 31];
        x[0] = id as u64;
        Vcpu {
            regs: GuestRegs { x, pc: entry, pstate: SPSR_EL1H_DAIF },
            el1: El1Regs { sctlr: SCTLR_EL1_RES1, cpacr: CPACR_EL1_FPEN, sp_el1: sp, ..El1Regs::default() },
            fp: FpState::zeroed(),
            fault: Fault::default(),
            id,
            vttbr,
            fp_enabled: false,
            fp_host: false,
            host_fp_mapped: false,
            checks: 0,
            fails: 0,
            done: false,
        }
    }
}
