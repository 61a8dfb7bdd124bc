//! `el2emu-vmm baremetal`: a tiny guest (src/guest/baremetal_code.rs) that keeps V0-V31
//! loaded while it makes N MMIO exits, re-checking them after every exit, while the VMM
//! runs each KVM_RUN with its own V0-V31 pattern live (see vcpu.rs). Both sides' FP/SIMD
//! state has to survive KVM's lazy FP switching for the test to pass.

use std::cell::RefCell;
use std::io;
use std::rc::Rc;
use std::time::Instant;

use crate::guest::{baremetal_code, expected_vregs};
use crate::kvm::{self, reg_x, REG_PC};
use crate::memory::GuestRam;
use crate::mmio::{le_value, put_le, MmioBus, MmioDevice};
use crate::vcpu::{Exit, Vcpu};

const RAM_BASE: u64 = 0x4000_0000;
const RAM_SIZE: usize = 2 << 20;
const VECTORS: u64 = RAM_BASE + 0x800;
const TABLE: u64 = RAM_BASE + 0x1000;

/// The test device: outside every memslot, so each access is a KVM_EXIT_MMIO.
const DEV_BASE: u64 = 0x0a00_0000;
const DEV_SIZE: u64 = 0x1000;
/// Register offsets (see vmm/guest/gen_baremetal.py).
const REG_COUNTER: u64 = 0x00; // W: iteration counter, one write per loop iteration
const REG_FAIL: u64 = 0x08; // W: failure (value = iteration), after DETAIL/ACTUAL/EXPECTED
const REG_DONE: u64 = 0x10; // W: done (value = iterations completed)
const REG_DETAIL: u64 = 0x18; // W: byte offset of the mismatching half in the table, or -1
const REG_ACTUAL: u64 = 0x20;
const REG_EXPECTED: u64 = 0x28;
const REG_EXC_ESR: u64 = 0x30; // W: the guest took an exception (ESR_EL1), after EXC_ELR
const REG_ID: u64 = 0x38; // R: identification value
const REG_EXC_ELR: u64 = 0x40;
const DEV_ID: u64 = 0x454c_3245; // "EL2E"

#[derive(Default, Debug)]
struct TestState {
    counter_writes: u64,
    counter_errors: u64,
    id_reads: u64,
    done: Option<u64>,
    fail: Option<u64>,
    detail: u64,
    actual: u64,
    expected: u64,
    exception: Option<(u64, u64)>,
    elr: u64,
    unknown: Vec<(u64, bool)>,
}

impl TestState {
    fn finished(&self) -> bool {
        self.done.is_some() || self.fail.is_some() || self.exception.is_some()
    }
}

struct TestDevice(Rc<RefCell<TestState>>);

impl MmioDevice for TestDevice {
    fn read(&mut self, offset: u64, data: &mut [u8]) {
        let mut st = self.0.borrow_mut();
        if offset == REG_ID {
            st.id_reads += 1;
            put_le(data, DEV_ID);
        } else {
            st.unknown.push((offset, false));
            put_le(data, 0);
        }
    }

    fn write(&mut self, offset: u64, data: &[u8]) {
        let v = le_value(data);
        let mut st = self.0.borrow_mut();
        match offset {
            REG_COUNTER => {
                if v != st.counter_writes {
                    st.counter_errors += 1;
                }
                st.counter_writes += 1;
            }
            REG_FAIL => st.fail = Some(v),
            REG_DONE => st.done = Some(v),
            REG_DETAIL => st.detail = v,
            REG_ACTUAL => st.actual = v,
            REG_EXPECTED => st.expected = v,
            REG_EXC_ELR => st.elr = v,
            REG_EXC_ESR => st.exception = Some((v, st.elr)),
            _ => st.unknown.push((offset, true)),
        }
    }
}

pub struct Options {
    pub exits: u64,
    pub timing: bool,
}

/// Runs the test; prints the marker line. Returns whether it passed.
pub fn run(opts: &Options) -> io::Result<bool> {
    let (_kvm, vm) = kvm::create_vm()?;
    let ram = GuestRam::new(&vm, 0, RAM_BASE, RAM_SIZE)?;
    let mut vcpu = Vcpu::new(kvm::create_vcpu(&vm, 0, false)?);

    ram.write(RAM_BASE, &words(&baremetal_code::MAIN))?;
    for slot in 0..16 {
        ram.write(VECTORS + slot * 0x80, &words(&baremetal_code::VECTOR_ENTRY))?;
    }
    let table: Vec<u8> = expected_vregs().iter().flatten().flat_map(|h| h.to_le_bytes()).collect();
    ram.write(TABLE, &table)?;

    kvm::set_reg(vcpu.fd(), REG_PC, RAM_BASE)?;
    kvm::set_reg(vcpu.fd(), reg_x(0), opts.exits)?;
    kvm::set_reg(vcpu.fd(), reg_x(1), TABLE)?;
    kvm::set_reg(vcpu.fd(), reg_x(2), DEV_BASE)?;

    let state = Rc::new(RefCell::new(TestState::default()));
    let mut bus = MmioBus::new();
    bus.insert(DEV_BASE, DEV_SIZE, Box::new(TestDevice(state.clone())));

    // The guest makes one ID read, N counter writes and one done (or fail) write.
    let limit = opts.exits + 16;
    let mut exits = 0u64;
    let mut problems = Vec::new();
    let start = Instant::now();
    while !state.borrow().finished() {
        match vcpu.run(&mut bus)? {
            Exit::Mmio { mapped: true, .. } => exits += 1,
            Exit::Mmio { addr, write, mapped: false } => {
                problems.push(format!("access to unmapped {addr:#x} (write={write})"));
                break;
            }
            Exit::Interrupted => continue,
            other => {
                problems.push(format!("unexpected exit {other:?}"));
                break;
            }
        }
        if exits > limit {
            problems.push(format!("more than {limit} exits"));
            break;
        }
    }
    let elapsed = start.elapsed();

    let st = state.borrow();
    if st.id_reads != 1 {
        problems.push(format!("{} ID reads, expected 1", st.id_reads));
    }
    if let Some(it) = st.fail {
        if st.detail == u64::MAX {
            problems.push(format!("guest read ID {:#x}, expected {:#x}", st.actual, st.expected));
        } else {
            problems.push(format!(
                "guest saw V{}.d[{}] = {:#018x}, expected {:#018x}, after exit {}",
                st.detail / 16,
                st.detail / 8 % 2,
                st.actual,
                st.expected,
                it
            ));
        }
    }
    if let Some((esr, elr)) = st.exception {
        problems.push(format!("guest exception ESR_EL1={esr:#x} ELR_EL1={elr:#x}"));
    }
    match st.done {
        Some(n) if n == opts.exits && st.counter_writes == opts.exits => {}
        Some(n) => problems.push(format!(
            "guest reported {n} iterations, VMM counted {} counter writes, expected {}",
            st.counter_writes, opts.exits
        )),
        None => {}
    }
    if st.counter_errors != 0 {
        problems.push(format!("{} out-of-sequence counter values", st.counter_errors));
    }
    if !st.unknown.is_empty() {
        problems.push(format!("accesses to unknown test registers: {:?}", st.unknown));
    }
    if vcpu.fp.corrupted != 0 {
        let (run, reg, want, got) = vcpu.fp.first.expect("recorded with the count");
        problems.push(format!(
            "VMM FP/SIMD state changed across KVM_RUN in {} of {} runs; first: run {run} V{reg} \
             {:#018x}_{:016x} became {:#018x}_{:016x}",
            vcpu.fp.corrupted, vcpu.fp.runs, want[1], want[0], got[1], got[0]
        ));
    }
    // The guest's registers as KVM saved them, read back from the host side.
    if st.done.is_some() {
        let expected = expected_vregs();
        for (n, want) in expected.iter().enumerate() {
            let got = kvm::get_vreg(vcpu.fd(), n as u64)?;
            if got != *want {
                problems.push(format!(
                    "KVM_GET_ONE_REG V{n} = {:#018x}_{:016x}, expected {:#018x}_{:016x}",
                    got[1], got[0], want[1], want[0]
                ));
            }
        }
    }
    let pass = problems.is_empty() && st.done.is_some();
    if pass {
        println!("nested-baremetal: {} exits, FP state intact: PASS", st.counter_writes);
    } else {
        println!("nested-baremetal: {} exits, FP state intact: FAIL", st.counter_writes);
        for p in &problems {
            println!("nested-baremetal:   {p}");
        }
    }
    if opts.timing {
        let secs = elapsed.as_secs_f64();
        println!(
            "nested-baremetal: timing: {exits} MMIO exits ({} KVM_RUN calls) in {secs:.3} s = {:.0} exits/s",
            vcpu.fp.runs,
            exits as f64 / secs.max(1e-9)
        );
    }
    Ok(pass)
}

fn words(code: &[u32]) -> Vec<u8> {
    code.iter().flat_map(|w| w.to_le_bytes()).collect()
}
