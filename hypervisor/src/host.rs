//! The host task's own FP/SIMD use: it has live state in V0-V31/FPCR/FPSR
//! that guests borrow the registers from, and checks it survives.

use crate::fpsimd::{self, FpOwner, HostFp};
use crate::vcpu::FpState;

const HOST_BASE: u64 = 0xc0de_0000_0000_0000;
/// FPCR.DN (bit 25) and FPCR.FZ (bit 24).
const HOST_FPCR: u64 = (1 << 25) | (1 << 24);
/// FPSR.DZC (bit 1).
const HOST_FPSR: u64 = 1 << 1;
/// New value the host puts into V7[127:64] while it runs (live only in the register).
const HOST_V7_HI: u64 = 0xc0de_7777_7777_7777;

fn word(k: u64) -> u64 {
    HOST_BASE + (k << 16) + k
}

/// The host task starts using FP/SIMD: loads its values into the registers,
/// then changes V7 in the register only, so its memory copy is stale and
/// just the lazy save can preserve the change.
pub fn host_fp_init(fp: &mut HostFp) {
    for n in 0..32 {
        let v = ((word(2 * n as u64 + 1) as u128) << 64) | word(2 * n as u64) as u128;
        fp.task_state.v[n] = v;
        fp.task_expected.v[n] = v;
    }
    fp.task_state.fpcr = HOST_FPCR;
    fp.task_state.fpsr = HOST_FPSR;
    fp.task_expected.fpcr = HOST_FPCR;
    fp.task_expected.fpsr = HOST_FPSR;
    fpsimd::fpsimd_load_regs(&fp.task_state);
    fpsimd::fpsimd_bind_state_to_cpu(fp, FpOwner::Host);

    // SAFETY: the host owns the FP/SIMD registers (bound above) and CPTR_EL2.TFP is clear.
    unsafe {
        core::arch::asm!(".arch_extension simd", "mov v7.d[1], {}", in(reg) HOST_V7_HI,
                         options(nomem, nostack, preserves_flags));
    }
    fp.task_expected.v[7] = ((HOST_V7_HI as u128) << 64) | (fp.task_expected.v[7] & u64::MAX as u128);
    println!("hyp: host task FP/SIMD state live in V0-V31 (FPCR={:#x}, FPSR={:#x})", HOST_FPCR, HOST_FPSR);
}

/// The host task needs its FP/SIMD state again: reload it lazily if someone
/// else had the registers, then verify it. Returns true if intact.
pub fn host_fp_check(fp: &mut HostFp) -> bool {
    let reloaded = fp.owner != FpOwner::Host;
    fpsimd::fpsimd_restore_current_state(fp);
    let mut now = FpState::zeroed();
    fpsimd::fpsimd_save_regs(&mut now);
    let mut ok = now.fpcr == fp.task_expected.fpcr && now.fpsr == fp.task_expected.fpsr;
    for n in 0..32 {
        ok &= now.v[n] == fp.task_expected.v[n];
    }
    println!(
        "hyp: host task uses FP/SIMD: {}, V0-V31/FPCR/FPSR {}",
        if reloaded { "its state reloaded lazily" } else { "its state still live" },
        if ok { "intact: PASS" } else { "CORRUPTED: FAIL" }
    );
    ok
}
