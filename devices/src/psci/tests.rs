//! PSCI calls, expected values from DEN 0022D chapter 5.

use super::*;

fn call_with(id: u64, args: [u64; 3], power: &[PowerState]) -> (u64, PsciAction) {
    let mut s = CpuState::new(2);
    s.x[0] = id;
    s.x[1..4].copy_from_slice(&args);
    let a = call(0, &mut s, power);
    (s.x[0], a)
}

const ALL_OFF: [PowerState; 4] = [PowerState::On, PowerState::Off, PowerState::Off, PowerState::Off];

#[test]
fn version() {
    assert_eq!(call_with(0x8400_0000, [0; 3], &ALL_OFF), (0x0001_0001, PsciAction::None));
}

#[test]
fn features() {
    for id in [
        0x8400_0000u64,
        0x8400_0001,
        0xC400_0001,
        0x8400_0002,
        0x8400_0003,
        0xC400_0003,
        0x8400_0004,
        0xC400_0004,
        0x8400_0006,
        0x8400_0008,
        0x8400_0009,
        0x8400_000A,
    ] {
        assert_eq!(call_with(0x8400_000A, [id, 0, 0], &ALL_OFF).0, 0, "{id:#x}");
    }
    // MIGRATE, SYSTEM_SUSPEND, SMCCC_VERSION: not supported. SMC32 result is 32-bit.
    for id in [0x8400_0005u64, 0xC400_000E, 0x8000_0000] {
        assert_eq!(call_with(0x8400_000A, [id, 0, 0], &ALL_OFF).0, 0xFFFF_FFFF, "{id:#x}");
    }
}

#[test]
fn cpu_on() {
    let (x0, a) = call_with(0xC400_0003, [2, 0x4008_0000, 0x1234_5678_9abc], &ALL_OFF);
    assert_eq!(x0, 0);
    assert_eq!(a, PsciAction::CpuOn { target: 2, entry: 0x4008_0000, context_id: 0x1234_5678_9abc });
    // SMC32: arguments truncated to 32 bits.
    let (_, a) = call_with(0x8400_0003, [0x1_0000_0001, 0xFFFF_FFFF_4000_0000, 0x1_0000_0007], &ALL_OFF);
    assert_eq!(a, PsciAction::CpuOn { target: 1, entry: 0x4000_0000, context_id: 7 });
    // Already on (the caller itself), on-pending, nonexistent, bad affinity bits.
    let power = [PowerState::On, PowerState::OnPending];
    assert_eq!(call_with(0xC400_0003, [0, 0, 0], &power), ((-4i64) as u64, PsciAction::None));
    assert_eq!(call_with(0xC400_0003, [1, 0, 0], &power), ((-5i64) as u64, PsciAction::None));
    assert_eq!(call_with(0xC400_0003, [2, 0, 0], &power), ((-2i64) as u64, PsciAction::None));
    assert_eq!(call_with(0xC400_0003, [0x100, 0, 0], &ALL_OFF), ((-2i64) as u64, PsciAction::None));
    assert_eq!(call_with(0x8400_0003, [9, 0, 0], &ALL_OFF), (0xFFFF_FFFE, PsciAction::None));
}

#[test]
fn cpu_off_and_system() {
    assert_eq!(call_with(0x8400_0002, [0; 3], &ALL_OFF).1, PsciAction::CpuOff);
    assert_eq!(call_with(0x8400_0008, [0; 3], &ALL_OFF).1, PsciAction::SystemOff);
    assert_eq!(call_with(0x8400_0009, [0; 3], &ALL_OFF).1, PsciAction::SystemReset);
}

#[test]
fn affinity_info() {
    let power = [PowerState::On, PowerState::Off, PowerState::OnPending];
    assert_eq!(call_with(0xC400_0004, [0, 0, 0], &power).0, 0);
    assert_eq!(call_with(0xC400_0004, [1, 0, 0], &power).0, 1);
    assert_eq!(call_with(0x8400_0004, [2, 0, 0], &power).0, 2);
    assert_eq!(call_with(0xC400_0004, [3, 0, 0], &power).0, (-2i64) as u64);
    assert_eq!(call_with(0xC400_0004, [0, 1, 0], &power).0, (-2i64) as u64, "only level 0");
}

#[test]
fn migrate_info_type_and_suspend() {
    assert_eq!(call_with(0x8400_0006, [0; 3], &ALL_OFF), (2, PsciAction::None));
    assert_eq!(call_with(0xC400_0001, [0, 0x4000_0000, 0], &ALL_OFF), (0, PsciAction::None));
    assert_eq!(call_with(0x8400_0001, [0, 0, 0], &ALL_OFF), (0, PsciAction::None));
}

#[test]
fn unknown_ids() {
    // In the standard service range but not implemented: NOT_SUPPORTED.
    assert_eq!(call_with(0x8400_0005, [0; 3], &ALL_OFF), (0xFFFF_FFFF, PsciAction::None));
    assert_eq!(call_with(0xC400_0012, [0; 3], &ALL_OFF), (u64::MAX, PsciAction::None));
    // Only W0 carries the function ID.
    assert_eq!(call_with(0xFFFF_FFFF_8400_0000, [0; 3], &ALL_OFF).0, 0x0001_0001);
    // Outside it: not PSCI, X0 untouched.
    for id in [0x8000_0000u64, 0x8600_0000, 0x0400_0000, 0xC500_0001] {
        assert_eq!(call_with(id, [0; 3], &ALL_OFF), (id, PsciAction::NotPsci), "{id:#x}");
    }
}
