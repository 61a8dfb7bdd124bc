//! Lazy FP/SIMD context switching, after Linux/KVM (arch/arm64/kvm/fpsimd.c and
//! the hyp FP trap in arch/arm64/kvm/hyp/include/hyp/switch.h, 2018 design).
//!
//! The FP/SIMD register file has one owner at a time ([`FpOwner`]). Entering a
//! guest that does not own it sets CPTR_EL2.TFP, so the guest's first FP/SIMD
//! instruction traps to EL2 (ESR_EL2.EC 0x07). Only that trap moves state:
//! [`hyp_switch_fpsimd`] saves the current owner's registers (the host's, or
//! another vCPU's), loads the guest's, clears the trap and returns straight to
//! the guest. On exit the guest's state stays in the registers; it is saved only
//! when someone else needs them (another guest's trap, a host kernel-mode NEON
//! user, or `vcpu_put`).
//!
//! Here the "host" is the EL2 code itself, which plays both KVM's host kernel
//! (the `vcpu_*_fp` hooks, kernel-mode NEON) and the host task whose FP/SIMD
//! state is borrowed while guests run. Unlike KVM, where each vCPU is its own
//! host thread and `vcpu_put` runs on every host context switch, the two vCPUs
//! here share one host task and are switched at EL2 without a put, so a trap
//! may find another vCPU's state live and save that instead of the host's.

use crate::switch;
use crate::vcpu::{FpState, Vcpu};

/// Whose state the FP/SIMD registers currently hold (Linux: the per-CPU
/// `fpsimd_last_state` binding together with the current task's
/// TIF_FOREIGN_FPSTATE flag).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum FpOwner {
    /// Nobody's: the state was saved and the binding flushed; contents are junk.
    Nobody,
    /// The host task's state.
    Host,
    /// vCPU n's state.
    Guest(usize),
}

/// Counters for the summary.
#[derive(Default)]
pub struct FpStats {
    /// FP/SIMD traps from guests resolved at EL2 (no full exit).
    pub traps: u64,
    /// Register file written to memory (an owner's state saved).
    pub saves: u64,
    /// Register file loaded from memory (an owner's state restored).
    pub restores: u64,
}

/// The host side of FP/SIMD ownership on this (only) CPU.
pub struct HostFp {
    /// The host task's FP/SIMD state while not live in the registers
    /// (Linux: `current->thread.uw.fpsimd_state`).
    pub task_state: FpState,
    /// What the host expects its own state to be (for the demo's checks).
    pub task_expected: FpState,
    /// Current owner of the registers (the per-CPU binding).
    pub owner: FpOwner,
    pub stats: FpStats,
}

impl HostFp {
    pub const fn new() -> Self {
        HostFp {
            task_state: FpState::zeroed(),
            task_expected: FpState::zeroed(),
            owner: FpOwner::Host,
            stats: FpStats { traps: 0, saves: 0, restores: 0 },
        }
    }
}

// ---------------------------------------------------------------------------
// Register file transfer (the only FP/SIMD code in the hypervisor's Rust).
// ---------------------------------------------------------------------------

/// Saves Q0..Q31, FPSR and FPCR into `st` (STP Q / MRS).
pub fn fpsimd_save_regs(st: &mut FpState) {
    // SAFETY: stores 528 bytes into `st`, a valid, 16-byte-aligned FpState
    // (the layout is asserted in vcpu.rs). The caller owns the FP/SIMD
    // registers with CPTR_EL2.TFP clear. Rust code here never keeps values
    // in FP/SIMD registers (built with -neon), so nothing else is clobbered.
    unsafe {
        core::arch::asm!(
            ".arch_extension fp",
            ".arch_extension simd",
            "stp q0, q1, [{p}, #0]",
            "stp q2, q3, [{p}, #32]",
            "stp q4, q5, [{p}, #64]",
            "stp q6, q7, [{p}, #96]",
            "stp q8, q9, [{p}, #128]",
            "stp q10, q11, [{p}, #160]",
            "stp q12, q13, [{p}, #192]",
            "stp q14, q15, [{p}, #224]",
            "stp q16, q17, [{p}, #256]",
            "stp q18, q19, [{p}, #288]",
            "stp q20, q21, [{p}, #320]",
            "stp q22, q23, [{p}, #352]",
            "stp q24, q25, [{p}, #384]",
            "stp q26, q27, [{p}, #416]",
            "stp q28, q29, [{p}, #448]",
            "stp q30, q31, [{p}, #480]",
            "mrs {t}, fpsr",
            "str {t}, [{p}, #512]",
            "mrs {t}, fpcr",
            "str {t}, [{p}, #520]",
            p = in(reg) st as *mut FpState,
            t = out(reg) _,
            options(nostack, preserves_flags),
        );
    }
}

/// Loads Q0..Q31, FPSR and FPCR from `st` (LDP Q / MSR).
pub fn fpsimd_load_regs(st: &FpState) {
    // SAFETY: reads 528 bytes from `st`, a valid, aligned FpState, into the
    // FP/SIMD registers, which the caller owns with CPTR_EL2.TFP clear.
    unsafe {
        core::arch::asm!(
            ".arch_extension fp",
            ".arch_extension simd",
            "ldp q0, q1, [{p}, #0]",
            "ldp q2, q3, [{p}, #32]",
            "ldp q4, q5, [{p}, #64]",
            "ldp q6, q7, [{p}, #96]",
            "ldp q8, q9, [{p}, #128]",
            "ldp q10, q11, [{p}, #160]",
            "ldp q12, q13, [{p}, #192]",
            "ldp q14, q15, [{p}, #224]",
            "ldp q16, q17, [{p}, #256]",
            "ldp q18, q19, [{p}, #288]",
            "ldp q20, q21, [{p}, #320]",
            "ldp q22, q23, [{p}, #352]",
            "ldp q24, q25, [{p}, #384]",
            "ldp q26, q27, [{p}, #416]",
            "ldp q28, q29, [{p}, #448]",
            "ldp q30, q31, [{p}, #480]",
            "ldr {t}, [{p}, #512]",
            "msr fpsr, {t}",
            "ldr {t}, [{p}, #520]",
            "msr fpcr, {t}",
            p = in(reg) st as *const FpState,
            t = out(reg) _,
            options(nostack, preserves_flags, readonly),
        );
    }
}

/// Where the live state of `owner` is kept when it is not in the registers.
fn save_area<'a>(owner: FpOwner, host: &'a mut FpState, vcpus: &'a mut [Vcpu]) -> Option<&'a mut FpState> {
    match owner {
        FpOwner::Nobody => None,
        FpOwner::Host => Some(host),
        FpOwner::Guest(n) => Some(&mut vcpus[n].fp),
    }
}

// ---------------------------------------------------------------------------
// Host-side FP/SIMD bookkeeping (Linux arch/arm64/kernel/fpsimd.c roles).
// ---------------------------------------------------------------------------

/// `fpsimd_bind_state_to_cpu`: record that the registers now hold `owner`'s
/// live state, so whoever next needs them saves it to `owner`'s save area.
pub fn fpsimd_bind_state_to_cpu(fp: &mut HostFp, owner: FpOwner) {
    fp.owner = owner;
}

/// `task_fpsimd_save`: if the registers hold someone's live state, write it
/// back to that owner's save area. Returns the owner whose state was saved.
pub fn task_fpsimd_save(fp: &mut HostFp, vcpus: &mut [Vcpu]) -> FpOwner {
    let owner = fp.owner;
    if let Some(area) = save_area(owner, &mut fp.task_state, vcpus) {
        fpsimd_save_regs(area);
        fp.stats.saves += 1;
    }
    owner
}

/// `fpsimd_flush_state`: forget the binding; the registers hold nobody's
/// state, so the next user loads its own from memory.
pub fn fpsimd_flush_state(fp: &mut HostFp) {
    fp.owner = FpOwner::Nobody;
}

/// `fpsimd_restore_current_state`: the host task reloads its own state
/// lazily, when it next needs it (Linux: on return to user space when
/// TIF_FOREIGN_FPSTATE is set).
pub fn fpsimd_restore_current_state(fp: &mut HostFp) {
    if fp.owner != FpOwner::Host {
        fpsimd_load_regs(&fp.task_state);
        fp.stats.restores += 1;
        fpsimd_bind_state_to_cpu(fp, FpOwner::Host);
    }
}

/// Proof that the host may use the FP/SIMD registers (between
/// [`kernel_neon_begin`] and [`kernel_neon_end`]).
pub struct KernelNeon(());

/// `kernel_neon_begin`: a host kernel-mode NEON user takes the registers.
/// Whatever live state they hold (thanks to `vcpu_ctxsync_fp`, a guest's
/// state is bound to the CPU, so it goes into the vCPU, not the host task) is
/// saved first and the binding flushed. Returns the guard and the previous owner.
pub fn kernel_neon_begin(fp: &mut HostFp, vcpus: &mut [Vcpu]) -> (KernelNeon, FpOwner) {
    let saved = task_fpsimd_save(fp, vcpus);
    fpsimd_flush_state(fp);
    (KernelNeon(()), saved)
}

/// `kernel_neon_end`: the registers now hold junk; the binding stays flushed,
/// so every owner reloads its state lazily.
pub fn kernel_neon_end(neon: KernelNeon) {
    let KernelNeon(()) = neon;
}

/// A kernel-mode NEON user: copies 64 bytes through Q0..Q3.
pub fn neon_copy_64(_neon: &KernelNeon, dst: &mut [u128; 4], src: &[u128; 4]) {
    // SAFETY: 16-byte-aligned 64-byte source and destination; the registers
    // were taken with kernel_neon_begin (their owner's state is saved).
    unsafe {
        core::arch::asm!(
            ".arch_extension simd",
            "ldp q0, q1, [{s}]",
            "ldp q2, q3, [{s}, #32]",
            "stp q0, q1, [{d}]",
            "stp q2, q3, [{d}, #32]",
            s = in(reg) src as *const [u128; 4],
            d = in(reg) dst as *mut [u128; 4],
            options(nostack, preserves_flags),
        );
    }
}

// ---------------------------------------------------------------------------
// KVM's vCPU hooks.
// ---------------------------------------------------------------------------

/// `kvm_arch_vcpu_run_map_fp`: on the first run of a vCPU, or when the task
/// running it changes, make the host task's FP/SIMD save area reachable from
/// EL2, so the trap handler can save the host's state there. KVM maps the
/// task's `thread_info`/`fpsimd_state` into the hyp address space; this EL2
/// runs with its MMU off (flat physical addressing), so recording that the
/// mapping exists is all there is to do.
pub fn vcpu_run_map_fp(vcpu: &mut Vcpu) {
    vcpu.host_fp_mapped = true;
}

/// `kvm_arch_vcpu_load_fp`: when the host loads a vCPU onto the CPU, the
/// registers belong to the host (its task may have live FP/SIMD state): the
/// guest's state is not live (`fp_enabled` clear) and the first guest
/// FP/SIMD trap must save the host's state (`fp_host` set).
pub fn vcpu_load_fp(vcpu: &mut Vcpu) {
    vcpu.fp_enabled = false;
    vcpu.fp_host = true;
}

/// KVM's `update_fp_enabled` (hyp side, on every guest entry): drop flags the
/// registers no longer justify — `fp_host` if the host's state is not live
/// (TIF_FOREIGN_FPSTATE), `fp_enabled` if someone else took the registers.
/// Returns whether the guest may run with FP/SIMD untrapped.
pub fn update_fp_enabled(vcpu: &mut Vcpu, owner: FpOwner) -> bool {
    if owner != FpOwner::Host {
        vcpu.fp_host = false;
    }
    if owner != FpOwner::Guest(vcpu.id) {
        vcpu.fp_enabled = false;
    }
    vcpu.fp_enabled
}

/// `kvm_arch_vcpu_ctxsync_fp`: after every exit, before interrupts (and so
/// any other host FP/SIMD user) can run: if the guest's state is live in the
/// registers, bind it to the CPU (`fpsimd_bind_state_to_cpu`). A host user
/// of FP/SIMD then saves the guest's registers into the vCPU, not over the
/// host task's state.
pub fn vcpu_ctxsync_fp(fp: &mut HostFp, vcpu: &Vcpu) {
    if vcpu.fp_enabled {
        fpsimd_bind_state_to_cpu(fp, FpOwner::Guest(vcpu.id));
    }
}

/// `kvm_arch_vcpu_put_fp`: when the host puts the vCPU, save the guest's
/// state if it is live (`task_fpsimd_save`) and invalidate the CPU's binding
/// (`fpsimd_flush_state`); the host then reloads its own state lazily
/// ([`fpsimd_restore_current_state`]). Returns whether a save happened.
pub fn vcpu_put_fp(fp: &mut HostFp, vcpus: &mut [Vcpu], n: usize) -> bool {
    let live = vcpus[n].fp_enabled && fp.owner == FpOwner::Guest(n);
    if live {
        task_fpsimd_save(fp, vcpus);
        fpsimd_flush_state(fp);
    }
    vcpus[n].fp_enabled = false;
    live
}

// ---------------------------------------------------------------------------
// The EL2 trap handler.
// ---------------------------------------------------------------------------

/// `__hyp_switch_fpsimd`: the guest's first FP/SIMD access since entry trapped
/// to EL2 (ESR_EL2.EC 0x07, CPTR_EL2.TFP). Clear the trap, save the current
/// owner's state — the host's if the host still owns the registers
/// (`fp_host`), or another vCPU's — load this guest's, and return `true`:
/// the caller ERETs back to the same instruction without a full exit.
pub fn hyp_switch_fpsimd(vcpus: &mut [Vcpu], cur: usize, fp: &mut HostFp) -> bool {
    // CPTR_EL2.TFP=0: FP/SIMD no longer trapped, for EL2 as well (Arm ARM, "CPTR_EL2".TFP).
    switch::cptr_el2_set_tfp(false);
    fp.stats.traps += 1;

    let vcpu_host = vcpus[cur].fp_host;
    if !vcpus[cur].host_fp_mapped {
        println!("hyp: vcpu{} FP trap before vcpu_run_map_fp", cur);
        crate::psci::fail("host FP state not mapped at EL2");
    }
    let saved = if vcpu_host {
        // The host's state is live: save it into the host task.
        fpsimd_save_regs(&mut fp.task_state);
        fp.stats.saves += 1;
        vcpus[cur].fp_host = false;
        FpOwner::Host
    } else {
        match fp.owner {
            // Another vCPU's state, bound to the CPU by its vcpu_ctxsync_fp.
            // (If it is this vCPU's own, saving it first keeps it as well.)
            FpOwner::Guest(other) => {
                fpsimd_save_regs(&mut vcpus[other].fp);
                fp.stats.saves += 1;
                FpOwner::Guest(other)
            }
            _ => FpOwner::Nobody,
        }
    };

    fpsimd_load_regs(&vcpus[cur].fp);
    fp.stats.restores += 1;
    vcpus[cur].fp_enabled = true;

    match saved {
        FpOwner::Host => {
            println!("hyp: vcpu{} FP trap #{}: host state saved, vcpu{} state loaded", cur, fp.stats.traps, cur)
        }
        FpOwner::Guest(o) => println!(
            "hyp: vcpu{} FP trap #{}: vcpu{} state saved (owner was vcpu{}), vcpu{} state loaded",
            cur, fp.stats.traps, o, o, cur
        ),
        FpOwner::Nobody => println!(
            "hyp: vcpu{} FP trap #{}: registers hold no live state, vcpu{} state loaded",
            cur, fp.stats.traps, cur
        ),
    }
    true
}
