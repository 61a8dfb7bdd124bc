//! Runs every bare-metal test firmware image (firmware/src/bin/*) under
//! qemu-system-aarch64 (`-M virt,virtualization=on,gic-version=3 -cpu max`)
//! and checks that all of its self-checks passed, plus a few lines whose
//! values the Arm architecture fixes (EC/ISS/DFSC/INTID/...).
//!
//! Needs qemu-system-aarch64 (Debian package `qemu-system-arm`); fails with
//! install instructions when it is missing.

#[path = "firmware_support.rs"]
mod support;

/// Runs `name` under QEMU, asserts PASS and that each marker line appears.
fn check(name: &str, markers: &[&str]) {
    let r = support::run_qemu(name);
    support::assert_passed("qemu", name, &r);
    for m in markers {
        assert!(r.stdout.contains(m), "qemu {name}: missing `{m}` in output:\n{}", r.stdout);
    }
}

#[test]
fn exceptions() {
    check(
        "exceptions",
        &[
            "svc #0x11 (EL1): EL1 EC=0x15 ISS=0x0000011 ELR=label+4",
            "hvc #0x22 (EL1): EL2 EC=0x16 ISS=0x0000022 ELR=label+4",
            "udf #0 (EL1): EL1 EC=0x00 ISS=0x0000000 ELR=label+0",
            "brk #0x33 (EL1): EL1 EC=0x3c ISS=0x0000033 ELR=label+0",
            "ldxr misaligned (EL1): EL1 EC=0x25 ISS=0x0000021 ELR=label+0",
            "wfi trapped by TWI: EL2 EC=0x01 ISS=0x1e00000 ELR=label+0",
            "msr sctlr_el1 trapped by TVM: EL2 EC=0x18 ISS=0x0300440 ELR=label+0",
            "svc #0x44 (EL0): EL1 EC=0x15 ISS=0x0000044 ELR=label+4",
            "mrs sctlr_el1 (EL0): EL1 EC=0x00 ISS=0x0000000 ELR=label+0",
        ],
    );
}

#[test]
fn stage1() {
    check(
        "stage1",
        &[
            "load from unmapped page: EC=0x25 DFSC=0x07 WnR=0 FAR=0x48002010",
            "store to read-only page: EC=0x25 DFSC=0x0f WnR=1 FAR=0x48003008",
            "load from invalid level-1 entry: EC=0x25 DFSC=0x05 WnR=0 FAR=0x80000040",
            "AT S1E1R remapped: F=0 PA=0x48005000 ATTR=0xff",
            "AT S1E1W read-only: F=1 FST=0x0f",
        ],
    );
}

#[test]
fn stage2() {
    check(
        "stage2",
        &[
            "EL2: data abort EC=0x24 DFSC=0x07 WnR=0 ISV=1 SAS=2 SRT=3 SF=0 FAR=0x48002010",
            "EL2: HPFAR=0x480020 (IPA page 0x48002000)",
            "EL2: data abort EC=0x24 DFSC=0x0f WnR=1 ISV=1 SAS=3 SRT=5 SF=1 FAR=0x48003008",
            "EL2: data abort EC=0x24 DFSC=0x05 WnR=0 ISV=1 SAS=2 SRT=3 SF=0 FAR=0x100000040",
        ],
    );
}

#[test]
fn vhe() {
    check("vhe", &["svc #0x55 (EL0, TGE=1): EL2 EC=0x15 ISS=0x55 ELR=label+4"]);
}

#[test]
fn gic_timer() {
    check(
        "gic_timer",
        &[
            "EL2 physical timer IRQ at EL2: INTID 26",
            "EL1 virtual timer IRQ #3: INTID 27",
            "EL1 physical timer IRQ at EL1: INTID 30",
            "SGI to self at EL1: INTID 5",
        ],
    );
}

#[test]
fn psci_smp() {
    check(
        "psci_smp",
        &[
            "secondaries started: 3",
            "PE 1: MPIDR_EL1=0x80000001 CurrentEL=2",
            "PE 3: MPIDR_EL1=0x80000003 CurrentEL=2",
            "CPU_ON(1) again: -4",
        ],
    );
}

#[test]
fn bench_int() {
    check("bench_int", &["crc32     = 0x92969616", "checksum  = 0xef248af6d2b634b8"]);
}

#[test]
fn fp_simd() {
    check(
        "fp_simd",
        &[
            "  fadd d: 1.0 + 2.0: 0x4008000000000000 PASS",
            "  fdiv d: 0/0 (DN) = default NaN: 0x7ff8000000000000 PASS",
            "  AES-128 ct = 69c4e0d86a7b0430d8cdb78070b4c55a",
            "  SHA-1(abc) = a9993e364706816aba3e25717850c26c9cd0d89d",
            "  SHA-256(abc) = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        ],
    );
}

#[test]
fn fp_traps() {
    check(
        "fp_traps",
        &[
            "EL2 fadd, CPTR_EL2.TFP=1: EL2 EC=0x07 ISS=0x1e00000 ELR=label+0 (x1)",
            "EL1 fadd, FPEN=00: EL1 EC=0x07 ISS=0x1e00000 ELR=label+0 (x1)",
            "EL1 fadd, FPEN=01: no trap",
            "EL1 mrs fpcr, TFP=1: EL2 EC=0x07 ISS=0x1e00000 ELR=label+0 (x1)",
            "EL1 ldr q, TFP=1: EL2 EC=0x07 ISS=0x1e00000 ELR=label+0 (x1)",
            "E2H=1 EL1 fadd, CPTR_EL2.FPEN=00: EL2 EC=0x07 ISS=0x1e00000 ELR=label+0 (x1)",
            "EL0 fadd, FPEN=01: EL1 EC=0x07 ISS=0x1e00000 ELR=label+0 (x1)",
        ],
    );
}

#[test]
fn bench_fp() {
    check("bench_fp", &["memcpy/memset = 0x9710087dd7b90ce6", "aes-ctr       = 0x0d9e23a2fdd22002"]);
}
