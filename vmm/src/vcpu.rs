//! The vCPU run loop: KVM_RUN with the VMM's own FP/SIMD state live across it, and exit
//! decoding. MMIO exits are completed against the MMIO bus here; other exits go to the
//! caller.
//!
//! KVM on arm64 switches FP/SIMD state lazily: after a guest ran, the guest's V registers may
//! still be in the hardware when KVM_RUN returns, and the kernel must restore the VMM's
//! (user) state before it runs user code again. To check that it does, every KVM_RUN is
//! issued from inline assembly that first loads V0-V31 with a pattern chosen by the VMM
//! (different on every call), makes the ioctl syscall directly, and stores V0-V31 right
//! after it returns; `HostFpCheck` compares the two.

use std::io;
use std::os::fd::AsRawFd;

use kvm_bindings::{KVM_EXIT_FAIL_ENTRY, KVM_EXIT_INTERNAL_ERROR, KVM_EXIT_MMIO, KVM_EXIT_SYSTEM_EVENT};
use kvm_ioctls::VcpuFd;

use crate::mmio::{Access, MmioBus};

/// V0-V31 as (low, high) 64-bit halves.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(C, align(16))]
pub struct FpRegs(pub [[u64; 2]; 32]);

impl FpRegs {
    /// A pattern unique to `seed` in every half of every register.
    pub fn pattern(seed: u64) -> Self {
        let mut r = [[0u64; 2]; 32];
        for (i, v) in r.iter_mut().enumerate() {
            let base = 0x4854_5650_0000_0000u64 // "HTVP": host pattern
                ^ seed.wrapping_mul(0x9e37_79b9_7f4a_7c15)
                ^ ((i as u64) << 8);
            *v = [base, !base.rotate_left(17)];
        }
        FpRegs(r)
    }
}

/// _IO(KVMIO, 0x80)
const KVM_RUN: u64 = 0xae80;
/// __NR_ioctl on arm64 (asm-generic unistd).
const NR_IOCTL: u64 = 29;

/// Issues KVM_RUN on `fd` with V0-V31 = `before`; returns the syscall result and V0-V31 as
/// they were right after the syscall returned.
fn kvm_run_with_fp(fd: i32, before: &FpRegs) -> (i64, FpRegs) {
    let mut after = FpRegs([[0; 2]; 32]);
    let ret: i64;
    // SAFETY: the asm makes the ioctl(fd, KVM_RUN, 0) syscall, which only touches the
    // vCPU's kvm_run mapping (owned by the VcpuFd that `fd` belongs to, alive for the call)
    // and guest memory; it reads 512 bytes from `before` and writes 512 bytes to `after`,
    // both valid, 16-byte aligned FpRegs. All V registers it changes are declared clobbered,
    // x0 is the declared output; the syscall preserves all other general registers.
    unsafe {
        std::arch::asm!(
            "ldp q0, q1, [{b}, #0]",
            "ldp q2, q3, [{b}, #32]",
            "ldp q4, q5, [{b}, #64]",
            "ldp q6, q7, [{b}, #96]",
            "ldp q8, q9, [{b}, #128]",
            "ldp q10, q11, [{b}, #160]",
            "ldp q12, q13, [{b}, #192]",
            "ldp q14, q15, [{b}, #224]",
            "ldp q16, q17, [{b}, #256]",
            "ldp q18, q19, [{b}, #288]",
            "ldp q20, q21, [{b}, #320]",
            "ldp q22, q23, [{b}, #352]",
            "ldp q24, q25, [{b}, #384]",
            "ldp q26, q27, [{b}, #416]",
            "ldp q28, q29, [{b}, #448]",
            "ldp q30, q31, [{b}, #480]",
            "svc #0",
            "stp q0, q1, [{a}, #0]",
            "stp q2, q3, [{a}, #32]",
            "stp q4, q5, [{a}, #64]",
            "stp q6, q7, [{a}, #96]",
            "stp q8, q9, [{a}, #128]",
            "stp q10, q11, [{a}, #160]",
            "stp q12, q13, [{a}, #192]",
            "stp q14, q15, [{a}, #224]",
            "stp q16, q17, [{a}, #256]",
            "stp q18, q19, [{a}, #288]",
            "stp q20, q21, [{a}, #320]",
            "stp q22, q23, [{a}, #352]",
            "stp q24, q25, [{a}, #384]",
            "stp q26, q27, [{a}, #416]",
            "stp q28, q29, [{a}, #448]",
            "stp q30, q31, [{a}, #480]",
            b = in(reg) before.0.as_ptr(),
            a = in(reg) after.0.as_mut_ptr(),
            inlateout("x0") i64::from(fd) => ret,
            in("x1") KVM_RUN,
            in("x2") 0u64,
            in("x8") NR_IOCTL,
            out("v0") _, out("v1") _, out("v2") _, out("v3") _,
            out("v4") _, out("v5") _, out("v6") _, out("v7") _,
            out("v8") _, out("v9") _, out("v10") _, out("v11") _,
            out("v12") _, out("v13") _, out("v14") _, out("v15") _,
            out("v16") _, out("v17") _, out("v18") _, out("v19") _,
            out("v20") _, out("v21") _, out("v22") _, out("v23") _,
            out("v24") _, out("v25") _, out("v26") _, out("v27") _,
            out("v28") _, out("v29") _, out("v30") _, out("v31") _,
            options(nostack),
        );
    }
    (ret, after)
}

/// Record of host FP/SIMD state checks across KVM_RUN.
#[derive(Default, Debug)]
pub struct HostFpCheck {
    pub runs: u64,
    pub corrupted: u64,
    /// First corruption: (run number, register, expected, found).
    pub first: Option<(u64, usize, [u64; 2], [u64; 2])>,
}

/// Exits the caller has to handle (MMIO is completed inside `Vcpu::run`).
#[derive(Debug, PartialEq, Eq)]
pub enum Exit {
    /// An MMIO access the bus handled (or dropped, if `mapped` is false).
    Mmio { addr: u64, write: bool, mapped: bool },
    /// KVM_EXIT_SYSTEM_EVENT: type (KVM_SYSTEM_EVENT_SHUTDOWN, _RESET, ...).
    SystemEvent(u32),
    /// KVM_RUN was interrupted by a signal (EINTR); just run again.
    Interrupted,
    /// Any other exit reason, with a reason-specific detail word.
    Other { reason: u32, detail: u64 },
}

pub struct Vcpu {
    fd: VcpuFd,
    pub fp: HostFpCheck,
}

impl Vcpu {
    pub fn new(fd: VcpuFd) -> Self {
        Vcpu { fd, fp: HostFpCheck::default() }
    }

    pub fn fd(&self) -> &VcpuFd {
        &self.fd
    }

    /// Runs the vCPU until the next exit; completes MMIO accesses through `bus`.
    pub fn run(&mut self, bus: &mut MmioBus) -> io::Result<Exit> {
        self.fp.runs += 1;
        let before = FpRegs::pattern(self.fp.runs);
        let (ret, after) = kvm_run_with_fp(self.fd.as_raw_fd(), &before);
        if after != before {
            self.fp.corrupted += 1;
            if self.fp.first.is_none() {
                let reg = (0..32).find(|&i| after.0[i] != before.0[i]).unwrap_or(0);
                self.fp.first = Some((self.fp.runs, reg, before.0[reg], after.0[reg]));
            }
        }
        if ret < 0 {
            let err = io::Error::from_raw_os_error(-ret as i32);
            if err.kind() == io::ErrorKind::Interrupted {
                return Ok(Exit::Interrupted);
            }
            return Err(io::Error::new(err.kind(), format!("KVM_RUN: {err}")));
        }
        let run = self.fd.get_kvm_run();
        match run.exit_reason {
            KVM_EXIT_MMIO => {
                // SAFETY: exit_reason KVM_EXIT_MMIO says the kernel filled the `mmio` member
                // of the union.
                let mmio = unsafe { &mut run.__bindgen_anon_1.mmio };
                let len = (mmio.len as usize).min(mmio.data.len());
                let addr = mmio.phys_addr;
                let write = mmio.is_write != 0;
                let access = if write {
                    bus.write(addr, &mmio.data[..len])
                } else {
                    // The kernel copies mmio.data into the destination register on the
                    // next KVM_RUN.
                    bus.read(addr, &mut mmio.data[..len])
                };
                Ok(Exit::Mmio { addr, write, mapped: access == Access::Handled })
            }
            KVM_EXIT_SYSTEM_EVENT => {
                // SAFETY: exit_reason KVM_EXIT_SYSTEM_EVENT says the `system_event` member
                // is the valid one.
                let ev = unsafe { run.__bindgen_anon_1.system_event };
                Ok(Exit::SystemEvent(ev.type_))
            }
            KVM_EXIT_FAIL_ENTRY => {
                // SAFETY: KVM_EXIT_FAIL_ENTRY selects the `fail_entry` member.
                let f = unsafe { run.__bindgen_anon_1.fail_entry };
                Ok(Exit::Other { reason: KVM_EXIT_FAIL_ENTRY, detail: f.hardware_entry_failure_reason })
            }
            KVM_EXIT_INTERNAL_ERROR => {
                // SAFETY: KVM_EXIT_INTERNAL_ERROR selects the `internal` member.
                let i = unsafe { run.__bindgen_anon_1.internal };
                Ok(Exit::Other { reason: KVM_EXIT_INTERNAL_ERROR, detail: u64::from(i.suberror) })
            }
            reason => Ok(Exit::Other { reason, detail: 0 }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_differ_per_run_and_register() {
        let a = FpRegs::pattern(1);
        let b = FpRegs::pattern(2);
        assert_ne!(a, b);
        for i in 0..32 {
            for j in 0..32 {
                if i != j {
                    assert_ne!(a.0[i], a.0[j]);
                }
            }
        }
    }

    #[test]
    fn fp_state_survives_a_plain_syscall() {
        // The same asm around a syscall that is not KVM_RUN: ioctl on fd -1 fails with
        // EBADF (ENOSYS under QEMU user mode), and V0-V31 must come back unchanged: this
        // checks the asm itself, not KVM.
        let before = FpRegs::pattern(7);
        let (ret, after) = kvm_run_with_fp(-1, &before);
        assert!(ret == -9 || ret == -38, "{ret}");
        assert_eq!(after, before);
    }
}
