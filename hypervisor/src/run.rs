//! The host side: creates the guests, schedules the vCPUs round-robin on
//! HVC yield, models the MMIO console (like a VMM handling KVM_EXIT_MMIO),
//! and prints the summary.

use crate::console::{Console, Line, CONSOLE_IPA, LINE_MAX};
use crate::fpsimd::{self, FpOwner, HostFp};
use crate::trap::{self, Action};
use crate::vcpu::Vcpu;
use crate::{guest, host, psci, stage2, switch};

pub const NR_VCPUS: usize = 2;
/// Checks each guest performs (guest.S).
const CHECKS_PER_GUEST: u64 = 4;

#[derive(Default)]
pub struct Stats {
    pub exits: u64,
    pub mmio: u64,
    pub hvc: u64,
    pub wfi: u64,
    pub host_neon: u64,
    pub failures: u64,
}

/// Everything the hypervisor knows; owned by [`run`], lent to EL2 exception
/// handling through `__guest_enter`.
pub struct Hyp {
    pub vcpus: [Vcpu; NR_VCPUS],
    /// The vCPU currently (or last) running.
    pub current: usize,
    pub fp: HostFp,
    pub console: Console,
    pub stats: Stats,
    mmio_traced: [bool; NR_VCPUS],
}

fn owner_name(o: FpOwner) -> &'static str {
    match o {
        FpOwner::Nobody => "no live state",
        FpOwner::Host => "host task's state",
        FpOwner::Guest(0) => "vcpu0's state",
        FpOwner::Guest(_) => "vcpu1's state",
    }
}

/// Boots the guests and runs them to completion.
pub fn run() -> ! {
    println!("el2emu-hyp: EL2 hypervisor, {} EL1 guests, lazy FP/SIMD switching (KVM style)", NR_VCPUS);
    switch::init_host_traps();
    let vttbr = stage2::init();
    for g in 0..NR_VCPUS {
        guest::install(g);
    }
    let mut hyp = Hyp {
        vcpus: [
            Vcpu::new(0, guest::GUEST_ENTRY, guest::GUEST_SP, vttbr[0]),
            Vcpu::new(1, guest::GUEST_ENTRY, guest::GUEST_SP, vttbr[1]),
        ],
        current: 0,
        fp: HostFp::new(),
        console: Console::new(),
        stats: Stats::default(),
        mmio_traced: [false; NR_VCPUS],
    };
    host::host_fp_init(&mut hyp.fp);

    // First KVM_RUN of each vCPU from this task, then vcpu load.
    for v in hyp.vcpus.iter_mut() {
        fpsimd::vcpu_run_map_fp(v);
        fpsimd::vcpu_load_fp(v);
    }
    println!("hyp: vcpu_run_map_fp, vcpu_load_fp (vcpu0, vcpu1): host owns the FP/SIMD registers");

    // Round robin over the vCPUs that have not finished.
    while let Some(next) = (0..NR_VCPUS).map(|i| (hyp.current + i) % NR_VCPUS).find(|&i| !hyp.vcpus[i].done) {
        hyp.current = next;
        let owner = hyp.fp.owner;
        let untrapped = fpsimd::update_fp_enabled(&mut hyp.vcpus[next], owner);
        println!("hyp: vcpu{} entry (CPTR_EL2.TFP={})", next, (!untrapped) as u8);
        run_until_yield(&mut hyp);
        if !hyp.vcpus[next].done {
            hyp.current = (next + 1) % NR_VCPUS;
        }
    }

    // The VMM is done with its vCPUs: put them; the host gets its state back.
    for n in 0..NR_VCPUS {
        if fpsimd::vcpu_put_fp(&mut hyp.fp, &mut hyp.vcpus, n) {
            println!("hyp: vcpu_put_fp(vcpu{}): its live state saved into vcpu{}, binding flushed", n, n);
        }
    }
    if !host::host_fp_check(&mut hyp.fp) {
        hyp.stats.failures += 1;
    }
    summary(&hyp)
}

/// Runs the current vCPU until it yields or finishes (KVM_RUN loop).
fn run_until_yield(hyp: &mut Hyp) {
    let cur = hyp.current;
    loop {
        let code = switch::vcpu_run(hyp);
        hyp.stats.exits += 1;
        // Before anything else on the host can use FP/SIMD.
        fpsimd::vcpu_ctxsync_fp(&mut hyp.fp, &hyp.vcpus[cur]);

        match trap::handle_exit(&mut hyp.vcpus[cur], code) {
            Action::Resume => {}
            Action::Yield => {
                hyp.stats.hvc += 1;
                println!("hyp: exit vcpu{} HVC #1 (yield)", cur);
                return;
            }
            Action::Idle => {
                hyp.stats.wfi += 1;
                vcpu_idle(hyp);
            }
            Action::MmioWrite { ipa, size, value, srt } => {
                hyp.stats.mmio += 1;
                mmio_write(hyp, ipa, size, value, srt);
            }
            Action::MmioRead { ipa, size, srt, sign_extend, sf } => {
                hyp.stats.mmio += 1;
                let mut v = hyp.console.read(ipa - CONSOLE_IPA);
                let bits = 8 * size as u32;
                if sign_extend && bits < 64 {
                    v = (((v << (64 - bits)) as i64) >> (64 - bits)) as u64;
                }
                if !sf {
                    v &= u32::MAX as u64; // a W register destination
                }
                hyp.vcpus[cur].regs.set(srt, v);
            }
            Action::Print(n) => {
                hyp.stats.hvc += 1;
                println!("hyp: exit vcpu{} HVC #2 (print): {:#018x}", cur, n);
            }
            Action::Report { check, result } => {
                hyp.stats.hvc += 1;
                if result == 0 {
                    println!("hyp: exit vcpu{} HVC #3: check {}: V0-V31/FPCR/FPSR PASS", cur, check);
                } else {
                    println!(
                        "hyp: exit vcpu{} HVC #3: check {}: FAIL (first bad 64-bit word {})",
                        cur,
                        check,
                        result - 1
                    );
                }
            }
            Action::Done => {
                hyp.stats.hvc += 1;
                let v = &mut hyp.vcpus[cur];
                v.done = true;
                println!("hyp: exit vcpu{} HVC #4 (done): {} checks, {} failed", cur, v.checks, v.fails);
                return;
            }
            Action::GuestException { esr, elr, vector } => {
                println!(
                    "hyp: vcpu{} took an exception at EL1: vector {}, ESR_EL1 {:#x}, ELR_EL1 {:#x}",
                    cur, vector, esr, elr
                );
                psci::fail("guest exception");
            }
        }
    }
}

/// Trapped WFI: the vCPU has nothing to run, so the host task is scheduled
/// (KVM: kvm_vcpu_block -> schedule -> vcpu_put ... vcpu_load).
fn vcpu_idle(hyp: &mut Hyp) {
    let cur = hyp.current;
    println!("hyp: exit vcpu{} WFI (trapped by HCR_EL2.TWI): vCPU idle, host task runs", cur);
    for n in 0..NR_VCPUS {
        if fpsimd::vcpu_put_fp(&mut hyp.fp, &mut hyp.vcpus, n) {
            println!("hyp: vcpu_put_fp(vcpu{}): its live state saved into vcpu{}, binding flushed", n, n);
        }
    }
    if !host::host_fp_check(&mut hyp.fp) {
        hyp.stats.failures += 1;
    }
    for v in hyp.vcpus.iter_mut() {
        fpsimd::vcpu_load_fp(v);
    }
    println!("hyp: vcpu{} wakes up: vcpu_load_fp: host owns the FP/SIMD registers", cur);
}

/// A guest store to the console (KVM_EXIT_MMIO handled by the VMM).
fn mmio_write(hyp: &mut Hyp, ipa: u64, size: u64, value: u64, srt: usize) {
    let cur = hyp.current;
    if !hyp.mmio_traced[cur] {
        hyp.mmio_traced[cur] = true;
        let c = value as u8;
        let shown = if (0x20..0x7f).contains(&c) { c as char } else { '?' };
        println!(
            "hyp: MMIO write '{}' to console (vcpu{}: stage-2 fault, IPA {:#x}, {} byte(s) from x{})",
            shown, cur, ipa, size, srt
        );
    }
    let Some(line) = hyp.console.write(cur, ipa - CONSOLE_IPA, value) else {
        return;
    };
    // The host copies the line out with NEON: a kernel-mode NEON user.
    let (neon, saved) = fpsimd::kernel_neon_begin(&mut hyp.fp, &mut hyp.vcpus);
    let mut out = [0u128; 4];
    fpsimd::neon_copy_64(&neon, &mut out, &line.words);
    fpsimd::kernel_neon_end(neon);
    hyp.stats.host_neon += 1;
    println!("hyp: host kernel-mode NEON (console line copy): {} saved first", owner_name(saved));
    print!("[vcpu{} console] ", cur);
    for i in 0..line.len.min(LINE_MAX) {
        print!("{}", Line::byte(&out, i) as char);
    }
    println!();
}

fn summary(hyp: &Hyp) -> ! {
    let s = &hyp.stats;
    let f = &hyp.fp.stats;
    println!(
        "hyp: summary: {} full exits ({} MMIO, {} HVC, {} WFI), {} FP/SIMD traps handled at EL2 without a full exit",
        s.exits, s.mmio, s.hvc, s.wfi, f.traps
    );
    // Eager switching: every entry saves the host's state and loads the
    // guest's; every exit saves the guest's and loads the host's.
    let eager = 2 * s.exits;
    println!(
        "hyp: FP/SIMD state: {} saves + {} restores (lazy) vs {} + {} (eager): {} saves and {} restores avoided",
        f.saves,
        f.restores,
        eager,
        eager,
        eager.saturating_sub(f.saves),
        eager.saturating_sub(f.restores)
    );
    let mut ok = s.failures == 0;
    for v in hyp.vcpus.iter() {
        ok &= v.done && v.fails == 0 && v.checks == CHECKS_PER_GUEST;
    }
    if ok {
        println!("demo: ALL PASS");
        psci::system_off()
    } else {
        psci::fail("guest or host FP/SIMD check failed")
    }
}
