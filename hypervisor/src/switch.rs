//! World switch: configure EL2 traps and stage 2 for a guest, switch the EL1
//! context, enter the guest, and fix up at EL2 the exits that need no host.

use crate::fpsimd;
use crate::run::Hyp;
use crate::sysreg::isb;
use crate::vcpu::{El1Regs, Fault};

// HCR_EL2 bits (Arm ARM, register description "HCR_EL2").
/// VM: enable stage 2 for the EL1&0 regime.
const HCR_VM: u64 = 1 << 0;
/// SWIO: set/way invalidation treated as clean+invalidate.
const HCR_SWIO: u64 = 1 << 1;
/// FMO/IMO/AMO: physical FIQ/IRQ/SError route to EL2 while a guest runs.
const HCR_FMO: u64 = 1 << 3;
const HCR_IMO: u64 = 1 << 4;
const HCR_AMO: u64 = 1 << 5;
/// TWI: trap EL0/EL1 WFI to EL2 (ESR EC 0x01).
const HCR_TWI: u64 = 1 << 13;
/// TSC: trap EL1 SMC to EL2 (EC 0x17), so guests cannot reach PSCI.
const HCR_TSC: u64 = 1 << 19;
/// RW: EL1 is AArch64.
const HCR_RW: u64 = 1 << 31;

/// HCR_EL2 while a guest runs.
const HCR_GUEST: u64 = HCR_VM | HCR_SWIO | HCR_FMO | HCR_IMO | HCR_AMO | HCR_TWI | HCR_TSC | HCR_RW;
/// HCR_EL2 while the host (this EL2 code) runs: stage 2 off, nothing routed.
const HCR_HOST: u64 = HCR_RW;

// CPTR_EL2 when HCR_EL2.E2H=0 (Arm ARM, register description "CPTR_EL2").
/// RES1 bits [13:12], [9:0]; this sets TZ (bit 8, trap SVE) and TSM (bit 12,
/// trap SME) too: guests get plain FP/SIMD only.
const CPTR_EL2_RES1: u64 = 0x33ff;
/// TFP, bit 10: trap FP/SIMD accesses (and FPCR/FPSR) from EL0, EL1 and EL2
/// to EL2, reported with ESR_EL2.EC 0x07.
const CPTR_EL2_TFP: u64 = 1 << 10;

/// Sets or clears CPTR_EL2.TFP (all other trap bits at their defaults).
pub fn cptr_el2_set_tfp(trap: bool) {
    let tfp = if trap { CPTR_EL2_TFP } else { 0 };
    write_sysreg!(cptr_el2, CPTR_EL2_RES1 | tfp);
    isb(); // the trap control must take effect before the next FP/SIMD access
}

/// Sets the EL2 controls for the host at boot.
pub fn init_host_traps() {
    write_sysreg!(hcr_el2, HCR_HOST);
    cptr_el2_set_tfp(false);
}

/// `__activate_traps` + stage 2: HCR_EL2, VTTBR_EL2, and CPTR_EL2.TFP set
/// unless the guest's FP/SIMD state is already live in the registers.
fn activate_traps(vttbr: u64, fp_enabled: bool) {
    write_sysreg!(vttbr_el2, vttbr);
    write_sysreg!(hcr_el2, HCR_GUEST);
    cptr_el2_set_tfp(!fp_enabled);
}

/// `__deactivate_traps`: back to the host's controls (FP/SIMD untrapped at EL2).
fn deactivate_traps() {
    write_sysreg!(hcr_el2, HCR_HOST);
    cptr_el2_set_tfp(false);
}

fn restore_el1(r: &El1Regs) {
    write_sysreg!(sctlr_el1, r.sctlr);
    write_sysreg!(cpacr_el1, r.cpacr);
    write_sysreg!(ttbr0_el1, r.ttbr0);
    write_sysreg!(ttbr1_el1, r.ttbr1);
    write_sysreg!(tcr_el1, r.tcr);
    write_sysreg!(mair_el1, r.mair);
    write_sysreg!(vbar_el1, r.vbar);
    write_sysreg!(contextidr_el1, r.contextidr);
    write_sysreg!(tpidr_el1, r.tpidr_el1);
    write_sysreg!(tpidr_el0, r.tpidr_el0);
    write_sysreg!(tpidrro_el0, r.tpidrro_el0);
    write_sysreg!(sp_el0, r.sp_el0);
    write_sysreg!(sp_el1, r.sp_el1);
    write_sysreg!(elr_el1, r.elr_el1);
    write_sysreg!(spsr_el1, r.spsr_el1);
    write_sysreg!(esr_el1, r.esr_el1);
    write_sysreg!(far_el1, r.far_el1);
    write_sysreg!(cntkctl_el1, r.cntkctl);
}

fn save_el1(r: &mut El1Regs) {
    r.sctlr = read_sysreg!(sctlr_el1);
    r.cpacr = read_sysreg!(cpacr_el1);
    r.ttbr0 = read_sysreg!(ttbr0_el1);
    r.ttbr1 = read_sysreg!(ttbr1_el1);
    r.tcr = read_sysreg!(tcr_el1);
    r.mair = read_sysreg!(mair_el1);
    r.vbar = read_sysreg!(vbar_el1);
    r.contextidr = read_sysreg!(contextidr_el1);
    r.tpidr_el1 = read_sysreg!(tpidr_el1);
    r.tpidr_el0 = read_sysreg!(tpidr_el0);
    r.tpidrro_el0 = read_sysreg!(tpidrro_el0);
    r.sp_el0 = read_sysreg!(sp_el0);
    r.sp_el1 = read_sysreg!(sp_el1);
    r.elr_el1 = read_sysreg!(elr_el1);
    r.spsr_el1 = read_sysreg!(spsr_el1);
    r.esr_el1 = read_sysreg!(esr_el1);
    r.far_el1 = read_sysreg!(far_el1);
    r.cntkctl = read_sysreg!(cntkctl_el1);
}

/// Exit codes returned by [`vcpu_run`] (src/vectors.S: 1 + vector kind).
pub const EXIT_SYNC: u64 = 1;

/// `__kvm_vcpu_run`: runs the current vCPU until an exit the host must handle.
/// Exits fixed up at EL2 (the lazy FP/SIMD trap) resume the guest directly.
pub fn vcpu_run(hyp: &mut Hyp) -> u64 {
    let cur = hyp.current;
    let owner = hyp.fp.owner;
    let fp_enabled = fpsimd::update_fp_enabled(&mut hyp.vcpus[cur], owner);
    restore_el1(&hyp.vcpus[cur].el1);
    activate_traps(hyp.vcpus[cur].vttbr, fp_enabled);

    let hp: *mut Hyp = hyp;
    // SAFETY: `hp` comes from the exclusive `hyp` borrow, which is not used
    // until __guest_enter returns; the frame pointer is derived from it. The
    // asm saves/restores the AAPCS64 callee-saved registers and returns with
    // SP unchanged; meanwhile only hyp_dispatch touches `*hp`, through `hp`.
    let code = unsafe {
        let frame = core::ptr::addr_of_mut!((*hp).vcpus[cur].regs);
        crate::vectors::__guest_enter(frame, hp)
    };

    deactivate_traps();
    save_el1(&mut hyp.vcpus[cur].el1);
    code
}

/// Called by src/vectors.S on every exception from a guest, with the guest's
/// registers saved in its frame. Returns 0 to resume the guest, or the exit
/// code (1 + vector kind) to return to the host.
#[no_mangle]
extern "C" fn hyp_dispatch(hyp: *mut Hyp, kind: u64) -> u64 {
    // SAFETY: `hyp` is the pointer vcpu_run passed to __guest_enter; the host
    // does not use its borrow while the guest runs (see vcpu_run).
    let hyp = unsafe { &mut *hyp };
    let cur = hyp.current;
    hyp.vcpus[cur].fault =
        Fault { esr: read_sysreg!(esr_el2), far: read_sysreg!(far_el2), hpfar: read_sysreg!(hpfar_el2) };
    if kind == 0 && fixup_guest_exit(hyp) {
        return 0;
    }
    EXIT_SYNC + kind
}

/// `fixup_guest_exit`: handle at EL2 what needs no host involvement.
fn fixup_guest_exit(hyp: &mut Hyp) -> bool {
    let cur = hyp.current;
    let ec = crate::trap::esr_ec(hyp.vcpus[cur].fault.esr);
    if ec == crate::trap::EC_FP_ASIMD {
        return fpsimd::hyp_switch_fpsimd(&mut hyp.vcpus, cur, &mut hyp.fp);
    }
    false
}
