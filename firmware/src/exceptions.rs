//! Exception vector table and dispatch (Arm ARM D1.10 "Exception entry").
//!
//! One table (`fw_vectors`, 2 KiB aligned) serves EL1 and EL2. Each entry
//! saves x0-x30 plus ELR/SPSR/ESR/FAR of the current EL into a [`Frame`] on
//! the current stack and calls [`fw_exception`]; on return ELR/SPSR are
//! reloaded from the frame (so a handler can skip an instruction with
//! `frame.elr += 4`) and the frame is popped before ERET.
//!
//! Handlers are installed per EL with [`set_handler`]. Every synchronous
//! exception is recorded (ESR/ELR/FAR, and HPFAR at EL2) and can be read back
//! with [`last`]. SVC/HVC with immediate `0xF0FF` means "finish": print the
//! summary and power off.

use core::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

/// Saved context; layout shared with the assembly below.
#[repr(C)]
pub struct Frame {
    /// x0..x30.
    pub x: [u64; 31],
    /// Preferred return address (written back on return).
    pub elr: u64,
    /// Saved PSTATE (written back on return).
    pub spsr: u64,
    /// Syndrome (ESR_ELx).
    pub esr: u64,
    /// Fault address (FAR_ELx).
    pub far: u64,
    _pad: u64,
}

/// Which vector was taken.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// Synchronous exception.
    Sync,
    /// IRQ.
    Irq,
    /// FIQ.
    Fiq,
    /// SError.
    SError,
}

/// Exception handler: returns normally to ERET with the (possibly modified) frame.
pub type Handler = fn(&mut Frame, Kind);

core::arch::global_asm!(
    r#"
    .equ FRAME_SIZE, 288
    .macro VENTRY idx
    .balign 0x80
    sub     sp, sp, #FRAME_SIZE
    stp     x0, x1, [sp, #0]
    mov     x0, #\idx
    b       fw_exc_common
    .endm

    .section .text.vectors, "ax"
    .balign 2048
    .global fw_vectors
fw_vectors:
    VENTRY 0
    VENTRY 1
    VENTRY 2
    VENTRY 3
    VENTRY 4
    VENTRY 5
    VENTRY 6
    VENTRY 7
    VENTRY 8
    VENTRY 9
    VENTRY 10
    VENTRY 11
    VENTRY 12
    VENTRY 13
    VENTRY 14
    VENTRY 15

fw_exc_common:
    stp     x2, x3, [sp, #16]
    stp     x4, x5, [sp, #32]
    stp     x6, x7, [sp, #48]
    stp     x8, x9, [sp, #64]
    stp     x10, x11, [sp, #80]
    stp     x12, x13, [sp, #96]
    stp     x14, x15, [sp, #112]
    stp     x16, x17, [sp, #128]
    stp     x18, x19, [sp, #144]
    stp     x20, x21, [sp, #160]
    stp     x22, x23, [sp, #176]
    stp     x24, x25, [sp, #192]
    stp     x26, x27, [sp, #208]
    stp     x28, x29, [sp, #224]
    str     x30, [sp, #240]
    mrs     x9, CurrentEL
    cmp     x9, #8
    b.ne    1f
    mrs     x10, elr_el2
    mrs     x11, spsr_el2
    mrs     x12, esr_el2
    mrs     x13, far_el2
    b       2f
1:  mrs     x10, elr_el1
    mrs     x11, spsr_el1
    mrs     x12, esr_el1
    mrs     x13, far_el1
2:  stp     x10, x11, [sp, #248]
    stp     x12, x13, [sp, #264]
    mov     x1, x0
    mov     x0, sp
    bl      fw_exception
    ldp     x10, x11, [sp, #248]
    mrs     x9, CurrentEL
    cmp     x9, #8
    b.ne    3f
    msr     elr_el2, x10
    msr     spsr_el2, x11
    b       4f
3:  msr     elr_el1, x10
    msr     spsr_el1, x11
4:  ldp     x0, x1, [sp, #0]
    ldp     x2, x3, [sp, #16]
    ldp     x4, x5, [sp, #32]
    ldp     x6, x7, [sp, #48]
    ldp     x8, x9, [sp, #64]
    ldp     x10, x11, [sp, #80]
    ldp     x12, x13, [sp, #96]
    ldp     x14, x15, [sp, #112]
    ldp     x16, x17, [sp, #128]
    ldp     x18, x19, [sp, #144]
    ldp     x20, x21, [sp, #160]
    ldp     x22, x23, [sp, #176]
    ldp     x24, x25, [sp, #192]
    ldp     x26, x27, [sp, #208]
    ldp     x28, x29, [sp, #224]
    ldr     x30, [sp, #240]
    add     sp, sp, #FRAME_SIZE
    eret
"#
);

/// Exception classes (ESR_ELx.EC, Arm ARM D17.2.37).
pub mod ec {
    /// Unknown reason (e.g. UDF).
    pub const UNKNOWN: u64 = 0x00;
    /// Trapped WFI/WFE.
    pub const WFX: u64 = 0x01;
    /// SVC from AArch64.
    pub const SVC64: u64 = 0x15;
    /// HVC from AArch64.
    pub const HVC64: u64 = 0x16;
    /// SMC from AArch64.
    pub const SMC64: u64 = 0x17;
    /// Trapped MSR/MRS/system instruction.
    pub const SYS64: u64 = 0x18;
    /// Instruction abort from a lower EL.
    pub const IABT_LOW: u64 = 0x20;
    /// Instruction abort from the current EL.
    pub const IABT_CUR: u64 = 0x21;
    /// Data abort from a lower EL.
    pub const DABT_LOW: u64 = 0x24;
    /// Data abort from the current EL.
    pub const DABT_CUR: u64 = 0x25;
    /// BRK instruction.
    pub const BRK64: u64 = 0x3C;
}

/// The last synchronous exception taken to one EL.
#[derive(Clone, Copy, Debug, Default)]
pub struct Record {
    /// Number of synchronous exceptions taken to this EL so far.
    pub count: u64,
    /// ESR_ELx.
    pub esr: u64,
    /// ELR_ELx at entry.
    pub elr: u64,
    /// FAR_ELx (meaningful for aborts only).
    pub far: u64,
    /// HPFAR_EL2 (EL2 only).
    pub hpfar: u64,
    /// SPSR_ELx at entry.
    pub spsr: u64,
}

impl Record {
    /// ESR.EC.
    pub fn ec(&self) -> u64 {
        (self.esr >> 26) & 0x3f
    }
    /// ESR.ISS.
    pub fn iss(&self) -> u64 {
        self.esr & 0x1ff_ffff
    }
}

struct Slot {
    count: AtomicU64,
    esr: AtomicU64,
    elr: AtomicU64,
    far: AtomicU64,
    hpfar: AtomicU64,
    spsr: AtomicU64,
    handler: AtomicUsize,
}

impl Slot {
    const fn new() -> Self {
        Slot {
            count: AtomicU64::new(0),
            esr: AtomicU64::new(0),
            elr: AtomicU64::new(0),
            far: AtomicU64::new(0),
            hpfar: AtomicU64::new(0),
            spsr: AtomicU64::new(0),
            handler: AtomicUsize::new(0),
        }
    }
}

static SLOTS: [Slot; 3] = [Slot::new(), Slot::new(), Slot::new()];

/// Installs `h` for exceptions taken to `el` (1 or 2).
pub fn set_handler(el: usize, h: Handler) {
    SLOTS[el].handler.store(h as usize, Ordering::Release);
}

/// The last synchronous exception recorded at `el` (1 or 2).
pub fn last(el: usize) -> Record {
    let s = &SLOTS[el];
    Record {
        count: s.count.load(Ordering::Acquire),
        esr: s.esr.load(Ordering::Relaxed),
        elr: s.elr.load(Ordering::Relaxed),
        far: s.far.load(Ordering::Relaxed),
        hpfar: s.hpfar.load(Ordering::Relaxed),
        spsr: s.spsr.load(Ordering::Relaxed),
    }
}

/// Number of synchronous exceptions taken to `el` so far.
pub fn count(el: usize) -> u64 {
    SLOTS[el].count.load(Ordering::Acquire)
}

#[no_mangle]
extern "C" fn fw_exception(frame: &mut Frame, idx: u64) {
    let el = crate::sysreg::current_el() as usize;
    let kind = match idx & 3 {
        0 => Kind::Sync,
        1 => Kind::Irq,
        2 => Kind::Fiq,
        _ => Kind::SError,
    };
    if kind == Kind::Sync {
        let ec = (frame.esr >> 26) & 0x3f;
        if (ec == ec::SVC64 || ec == ec::HVC64) && frame.esr & 0xffff == crate::psci::FINISH_IMM {
            crate::check::finish();
        }
        let s = &SLOTS[el];
        s.esr.store(frame.esr, Ordering::Relaxed);
        s.elr.store(frame.elr, Ordering::Relaxed);
        s.far.store(frame.far, Ordering::Relaxed);
        s.spsr.store(frame.spsr, Ordering::Relaxed);
        let hpfar = if el == 2 { read_sysreg!(hpfar_el2) } else { 0 };
        s.hpfar.store(hpfar, Ordering::Relaxed);
        s.count.store(s.count.load(Ordering::Relaxed) + 1, Ordering::Release);
    }
    let h = SLOTS[el].handler.load(Ordering::Acquire);
    if h == 0 {
        println!(
            "unexpected exception at EL{} vector {} esr=0x{:x} elr=0x{:x} far=0x{:x}",
            el, idx, frame.esr, frame.elr, frame.far
        );
        crate::check::fail("unexpected exception");
        crate::check::finish();
    }
    // SAFETY: the only non-zero values stored in `handler` are `Handler`
    // function pointers cast to usize in `set_handler`.
    let h: Handler = unsafe { core::mem::transmute::<usize, Handler>(h) };
    h(frame, kind);
}
