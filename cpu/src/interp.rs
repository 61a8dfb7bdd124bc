//! The interpreter: the reference engine (Arm ARM D1.x for the execution model).
//!
//! Each step fetches the word at PC, finds its handler in a direct-mapped decode cache
//! indexed by PC and tagged by the instruction word itself (a hit means the slot's
//! handler is `decode(word)`, so self-modifying code needs no invalidation; indexing by
//! PC keeps a hot loop's slots contiguous and lets the slot load start before the word
//! is fetched), runs it, and retires it. Interrupts are checked before each instruction while a line
//! is raised. Virtual time advances by one tick per retired instruction.

use el2emu_mmu::{GuestRam, Tlb};

use crate::decode;
use crate::exception::{self, Exception, ExceptionType, Trap};
use crate::exec::ExecFn;
use crate::insn::Insn;
use crate::mem::FastTlb;
use crate::platform::Platform;
use crate::state::{daif, lines, CpuState};
use crate::sysreg::id::CpuModel;
use crate::sysreg::{hcr, Slot};

/// Observer of what the PE does: `-d int`, `-d in_asm`, `-d exec`, timelines.
pub trait Tracer {
    /// An exception is about to be taken; `s` is the state before entry.
    fn exception(&mut self, cpu: u32, s: &CpuState, e: &Exception);
    /// Called before each instruction when [`Tracer::wants_insns`] is true.
    fn insn(&mut self, _cpu: u32, _s: &CpuState, _insn: u32) {}
    /// Whether [`Tracer::insn`] should be called (costs speed).
    fn wants_insns(&self) -> bool {
        false
    }
}

/// Why [`Cpu::run`] returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitReason {
    /// The virtual-time budget is used up.
    Budget,
    /// WFI with nothing pending: the PE sleeps until an interrupt.
    Wfi,
    /// The machine stops (PSCI SYSTEM_OFF/RESET).
    Stop,
    /// This PE powered off.
    CpuOff,
    /// A timer or GIC register changed: the board re-evaluates deadlines and lines.
    Reschedule,
    /// WFE: the PE yields the rest of its quantum.
    Yield,
}

#[derive(Clone, Copy)]
struct DecodeSlot {
    insn: u32,
    exec: ExecFn,
}

const DECODE_SLOTS: usize = 1 << 16;

/// One PE: architectural state plus the emulator's caches.
pub struct Cpu {
    /// Architectural state (what generated code addresses).
    pub s: Box<CpuState>,
    /// PE index (MPIDR Aff0).
    pub id: u32,
    /// Guest RAM.
    pub ram: GuestRam,
    /// The TLB, tagged by regime, VMID and ASID.
    pub tlb: Tlb,
    /// The modelled CPU (ID registers).
    pub model: CpuModel,
    /// EL2 is implemented (`virtualization=on`); without it EL2 registers are UNDEFINED
    /// and HVC is the firmware conduit.
    pub has_el2: bool,
    /// Observer, if tracing.
    pub tracer: Option<Box<dyn Tracer>>,
    /// Address of the instruction after the current one; branch handlers overwrite it.
    pub next_pc: u64,
    /// A device register was written: leave the run loop after this instruction so the
    /// board sees the device's new interrupt outputs at once.
    pub(crate) exit_request: bool,
    /// Fast-cache tag of the code page fetched last, and its offset in RAM.
    pub(crate) fetch_tag: u64,
    pub(crate) fetch_off: usize,
    pub(crate) fast: Box<FastTlb>,
    decode_cache: Box<[DecodeSlot; DECODE_SLOTS]>,
}

impl Cpu {
    /// A PE at reset in `el`, with ID registers of `model`.
    pub fn new(id: u32, ram: GuestRam, model: CpuModel, el: u32) -> Self {
        let mut s = CpuState::new(el);
        model.apply(&mut s, id);
        if el != 2 {
            // virtualization=off: EL2 not implemented (ID_AA64PFR0_EL1.EL2 = 0).
            s.sys[Slot::ID_AA64PFR0_EL1 as usize] &= !(0xf << 8);
        }
        let fill = DecodeSlot { insn: 0, exec: decode_exec(0) };
        Cpu {
            s,
            id,
            ram,
            tlb: Tlb::new(),
            model,
            has_el2: el == 2,
            tracer: None,
            next_pc: 0,
            exit_request: false,
            fetch_tag: 0,
            fetch_off: 0,
            fast: FastTlb::new(),
            decode_cache: vec![fill; DECODE_SLOTS].into_boxed_slice().try_into().unwrap_or_else(|_| unreachable!()),
        }
    }

    /// The handler for `insn` fetched at `pc`, through the decode cache. The slot is
    /// chosen by PC but only trusted when it holds the same word, so the result is
    /// always `decode(insn)`.
    #[inline(always)]
    fn lookup(&mut self, pc: u64, insn: u32) -> ExecFn {
        let i = ((pc >> 2) as usize) & (DECODE_SLOTS - 1);
        let slot = self.decode_cache[i];
        if slot.insn == insn {
            return slot.exec;
        }
        self.lookup_miss(i, insn)
    }

    #[inline(never)]
    fn lookup_miss(&mut self, i: usize, insn: u32) -> ExecFn {
        let exec = decode_exec(insn);
        self.decode_cache[i] = DecodeSlot { insn, exec };
        exec
    }

    /// Take an exception, telling the tracer first.
    pub fn take_exception(&mut self, e: &Exception) {
        if let Some(t) = self.tracer.as_mut() {
            t.exception(self.id, &self.s, e);
        }
        exception::take(&mut self.s, e);
    }

    /// The highest-priority interrupt that should be taken now, if any
    /// (Arm ARM D1.13.3 routing and masking; no EL3).
    pub fn pending_interrupt(&self) -> Option<Exception> {
        let s = &self.s;
        let h = s.sys[Slot::HCR_EL2 as usize];
        let tge = h & hcr::TGE != 0;
        let l = s.lines;
        // (line pending, routed-to-EL2 bit, mask bit, type)
        let phys = [
            (l & lines::SERROR != 0, hcr::AMO, daif::A, ExceptionType::SError),
            (l & lines::FIQ != 0, hcr::FMO, daif::F, ExceptionType::Fiq),
            (l & lines::IRQ != 0, hcr::IMO, daif::I, ExceptionType::Irq),
        ];
        for (pending, route, mask, kind) in phys {
            if !pending {
                continue;
            }
            let target = if h & route != 0 || tge { 2 } else { 1 };
            let taken = if target > s.el {
                true
            } else if target == s.el {
                s.daif & mask == 0
            } else {
                false
            };
            if taken {
                return Some(self.interrupt(kind, target));
            }
        }
        // Virtual interrupts exist only at EL0/EL1 with the physical one routed to EL2.
        if s.el < 2 && !tge {
            let virt = [
                (h & hcr::VSE != 0, hcr::AMO, daif::A, ExceptionType::SError),
                (h & hcr::VF != 0 || l & lines::VFIQ != 0, hcr::FMO, daif::F, ExceptionType::Fiq),
                (h & hcr::VI != 0 || l & lines::VIRQ != 0, hcr::IMO, daif::I, ExceptionType::Irq),
            ];
            for (pending, route, mask, kind) in virt {
                if pending && h & route != 0 && s.daif & mask == 0 {
                    return Some(self.interrupt(kind, 1));
                }
            }
        }
        None
    }

    fn interrupt(&self, kind: ExceptionType, target_el: u32) -> Exception {
        Exception {
            kind,
            target_el,
            ec: if kind == ExceptionType::SError { crate::ec::SERROR } else { 0 },
            iss: 0,
            far: None,
            ipa: None,
            return_pc: self.s.pc,
        }
    }

    /// Is any interrupt pending that would wake a WFI (masked or not, Arm ARM D1.16.2)?
    pub fn wakeup_pending(&self) -> bool {
        let h = self.s.sys[Slot::HCR_EL2 as usize];
        self.s.lines != 0 || (self.s.el < 2 && h & (hcr::VI | hcr::VF | hcr::VSE) != 0)
    }

    /// Execute one instruction (or take one pending interrupt). `Ok` means the PE can
    /// go on; `Err` is a reason to leave the run loop.
    #[inline(always)]
    pub fn step(&mut self, plat: &mut dyn Platform) -> Result<(), ExitReason> {
        self.step_with::<true>(plat)
    }

    /// [`Cpu::step`], with the per-instruction tracer call compiled out when `TRACE`
    /// is false (the run loop picks that variant when no tracer is installed; handlers
    /// never install one).
    #[inline(always)]
    fn step_with<const TRACE: bool>(&mut self, plat: &mut dyn Platform) -> Result<(), ExitReason> {
        let h = self.s.sys[Slot::HCR_EL2 as usize];
        if self.s.lines != 0 || h & (hcr::VI | hcr::VF | hcr::VSE) != 0 {
            if let Some(e) = self.pending_interrupt() {
                if e.kind == ExceptionType::SError && e.target_el == 1 && h & hcr::VSE != 0 && self.s.el < 2 {
                    // Taking a virtual SError clears HCR_EL2.VSE (Arm ARM D1.14.x).
                    self.s.sys[Slot::HCR_EL2 as usize] &= !hcr::VSE;
                }
                self.take_exception(&e);
                return Ok(());
            }
        }
        let insn = match self.fetch(plat) {
            Ok(w) => w,
            Err(t) => return self.finish(Err(t)),
        };
        if !TRACE {
        } else if let Some(t) = self.tracer.as_mut() {
            if t.wants_insns() {
                t.insn(self.id, &self.s, insn);
            }
        }
        let pc = self.s.pc;
        let exec = self.lookup(pc, insn);
        self.next_pc = pc.wrapping_add(4);
        let r = exec(self, plat, Insn(insn));
        self.finish(r)
    }

    #[inline(always)]
    fn finish(&mut self, r: Result<(), Trap>) -> Result<(), ExitReason> {
        self.s.vtime += 1;
        match r {
            Ok(()) => {
                self.s.pc = self.next_pc;
                self.s.icount += 1;
                if self.exit_request {
                    self.exit_request = false;
                    return Err(ExitReason::Reschedule);
                }
                Ok(())
            }
            Err(Trap::Exception(e)) => {
                self.take_exception(&e);
                Ok(())
            }
            Err(other) => {
                self.s.icount += 1;
                self.s.pc = self.next_pc;
                Err(match other {
                    Trap::Wfi => ExitReason::Wfi,
                    Trap::Stop => ExitReason::Stop,
                    Trap::CpuOff => ExitReason::CpuOff,
                    Trap::Reschedule | Trap::Exception(_) => ExitReason::Reschedule,
                    Trap::Yield => ExitReason::Yield,
                })
            }
        }
    }

    /// Run until virtual time reaches `until` or the PE has a reason to stop.
    pub fn run(&mut self, plat: &mut dyn Platform, until: u64) -> ExitReason {
        if self.tracer.is_some() {
            while self.s.vtime < until {
                if let Err(e) = self.step_with::<true>(plat) {
                    return e;
                }
            }
        } else {
            while self.s.vtime < until {
                if let Err(e) = self.step_with::<false>(plat) {
                    return e;
                }
            }
        }
        ExitReason::Budget
    }
}

/// Decode `insn` to its handler; UNDEFINED encodings get the UNDEFINED handler.
fn decode_exec(insn: u32) -> ExecFn {
    match decode::decode(insn) {
        Some(e) => e.exec,
        None => crate::exec::undefined,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::NullPlatform;

    #[test]
    fn undefined_word_takes_ec0_to_el1() {
        let ram = GuestRam::new(0x4000_0000, 0x10000).unwrap();
        let mut cpu = Cpu::new(0, ram.clone(), crate::sysreg::id::MAX, 1);
        cpu.s.pc = 0x4000_0000;
        cpu.s.sys[Slot::VBAR_EL1 as usize] = 0x4000_8000;
        ram.load(0x4000_0000, &0u32.to_le_bytes()); // UDF #0
        let mut p = NullPlatform;
        cpu.step(&mut p).unwrap();
        assert_eq!(cpu.s.pc, 0x4000_8200);
        assert_eq!(cpu.s.sys[Slot::ESR_EL1 as usize] >> 26, 0);
        assert_eq!(cpu.s.sys[Slot::ELR_EL1 as usize], 0x4000_0000);
    }
}
