//! PASS/FAIL reporting. Each check prints one line; [`finish`] prints the
//! summary (`RESULT: ALL PASS (n checks)` or `RESULT: FAIL (k of n)`) and
//! powers off. Counters use plain loads/stores (no exclusives), so only one
//! PE may report at a time.

use core::sync::atomic::{AtomicU32, Ordering};

static CHECKS: AtomicU32 = AtomicU32::new(0);
static FAILS: AtomicU32 = AtomicU32::new(0);
static FINISHED: AtomicU32 = AtomicU32::new(0);

fn count(ok: bool) {
    CHECKS.store(CHECKS.load(Ordering::Relaxed) + 1, Ordering::Relaxed);
    if !ok {
        FAILS.store(FAILS.load(Ordering::Relaxed) + 1, Ordering::Relaxed);
    }
}

/// Checks `got == want`, printing `name: 0x.. PASS` or the mismatch.
pub fn eq(name: &str, got: u64, want: u64) -> bool {
    let ok = got == want;
    count(ok);
    if ok {
        println!("  {}: 0x{:x} PASS", name, got);
    } else {
        println!("  {}: got 0x{:x} want 0x{:x} FAIL", name, got, want);
    }
    ok
}

/// Checks a condition, printing `name: PASS` / `name: FAIL`.
pub fn ok(name: &str, cond: bool) -> bool {
    count(cond);
    println!("  {}: {}", name, if cond { "PASS" } else { "FAIL" });
    cond
}

/// Records a failure with a message.
pub fn fail(msg: &str) {
    count(false);
    println!("  {}: FAIL", msg);
}

/// Prints the summary once and powers off (usable from EL2 and EL1).
pub fn finish() -> ! {
    if FINISHED.load(Ordering::Relaxed) == 0 {
        FINISHED.store(1, Ordering::Relaxed);
        let n = CHECKS.load(Ordering::Relaxed);
        let f = FAILS.load(Ordering::Relaxed);
        if f == 0 && n > 0 {
            println!("RESULT: ALL PASS ({} checks)", n);
        } else {
            println!("RESULT: FAIL ({} of {} checks failed)", f, n);
        }
    }
    crate::psci::system_off()
}
