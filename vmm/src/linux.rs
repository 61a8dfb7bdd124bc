//! `el2emu-vmm linux`: boots an arm64 Linux kernel as an L2 guest on one vCPU with the
//! in-kernel GICv3 and timer, PSCI 0.2 from KVM, and a PL011 console emulated here.
//!
//! Guest-physical layout (like QEMU's virt): GICD 0x0800_0000, GICR 0x080a_0000,
//! PL011 0x0900_0000 (SPI 1), RAM at 0x4000_0000. In RAM: the kernel at the base
//! (+ text_offset), the DTB in the top 2 MiB, the initrd just below it.

use std::cell::Cell;
use std::io;
use std::rc::Rc;

use kvm_bindings::{KVM_SYSTEM_EVENT_RESET, KVM_SYSTEM_EVENT_SHUTDOWN};

use crate::dtb::{self, DtbConfig};
use crate::image::{self, GuestWrite};
use crate::kvm::{self, reg_x, REG_PC};
use crate::memory::GuestRam;
use crate::mmio::MmioBus;
use crate::pl011::{self, Pl011};
use crate::vcpu::{Exit, Vcpu};

const RAM_BASE: u64 = 0x4000_0000;
const UART_BASE: u64 = 0x0900_0000;
const UART_SPI: u32 = 1;
const MIB: u64 = 1 << 20;

pub struct Options {
    pub kernel: String,
    pub initrd: Option<String>,
    pub append: String,
    pub mem_mib: u64,
}

/// Boots the guest; returns Ok(true) when it powered off via PSCI SYSTEM_OFF.
pub fn run(opts: &Options) -> io::Result<bool> {
    if opts.mem_mib < 32 {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "--mem must be at least 32 MiB"));
    }
    let mem_size = opts.mem_mib * MIB;
    let (_kvm, vm) = kvm::create_vm()?;
    let vm = Rc::new(vm);
    let ram = GuestRam::new(&vm, 0, RAM_BASE, mem_size as usize)?;
    let mut vcpu = Vcpu::new(kvm::create_vcpu(&vm, 0, true)?);
    let _gic = kvm::create_gicv3(&vm)?;

    let mut mem: &GuestRam = &ram;
    let kernel = image::load_kernel(&mut mem, &mut image::open_kernel(&opts.kernel)?, RAM_BASE)?;

    let dtb_addr = ram.end() - 2 * MIB;
    let initrd = match &opts.initrd {
        Some(path) => {
            let data = image::read_file(path)?;
            let start = (dtb_addr - data.len() as u64) & !0xfff;
            if start < kernel.end {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!(
                        "kernel (up to {:#x}) and initrd ({} bytes) do not fit in {} MiB",
                        kernel.end,
                        data.len(),
                        opts.mem_mib
                    ),
                ));
            }
            mem.write_at(start, &data)?;
            Some((start, start + data.len() as u64))
        }
        None => None,
    };
    if kernel.end > dtb_addr {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "kernel overlaps the DTB"));
    }
    let blob = dtb::build(&DtbConfig {
        mem_base: RAM_BASE,
        mem_size: ram.size(),
        num_cpus: 1,
        uart_base: UART_BASE,
        uart_size: pl011::SIZE,
        uart_spi: UART_SPI,
        bootargs: &opts.append,
        initrd,
    })
    .map_err(|e| io::Error::other(format!("building the DTB: {e}")))?;
    ram.write(dtb_addr, &blob)?;

    // Boot protocol: x0 = DTB, x1-x3 = 0, PC = image start, EL1h with DAIF masked and the
    // MMU off (KVM_ARM_VCPU_INIT's reset state).
    kvm::set_reg(vcpu.fd(), reg_x(0), dtb_addr)?;
    for n in 1..4 {
        kvm::set_reg(vcpu.fd(), reg_x(n), 0)?;
    }
    kvm::set_reg(vcpu.fd(), REG_PC, kernel.entry)?;

    let mut bus = MmioBus::new();
    let irq_vm = vm.clone();
    let irq_err = Rc::new(Cell::new(false));
    let irq_err2 = irq_err.clone();
    let uart = Pl011::new(
        Box::new(io::stdout()),
        Box::new(move |level| {
            if irq_vm.set_irq_line(kvm::spi_irq_line(UART_SPI), level).is_err() {
                irq_err2.set(true);
            }
        }),
    );
    bus.insert(UART_BASE, pl011::SIZE, Box::new(uart));

    let mut unmapped = 0u64;
    let result = loop {
        match vcpu.run(&mut bus)? {
            Exit::Mmio { mapped: true, .. } | Exit::Interrupted => {}
            Exit::Mmio { addr, write, mapped: false } => {
                // Linux probes a few absent devices; log the first ones only.
                unmapped += 1;
                if unmapped <= 8 {
                    eprintln!("el2emu-vmm: unhandled MMIO {} at {addr:#x}", if write { "write" } else { "read" });
                }
            }
            Exit::SystemEvent(t) if t == KVM_SYSTEM_EVENT_SHUTDOWN => break true,
            Exit::SystemEvent(t) if t == KVM_SYSTEM_EVENT_RESET => {
                eprintln!("el2emu-vmm: guest requested a reset; stopping");
                break false;
            }
            other => {
                let pc = kvm::get_reg(vcpu.fd(), REG_PC).unwrap_or(0);
                eprintln!("el2emu-vmm: unexpected exit {other:?} at pc {pc:#x}");
                break false;
            }
        }
        if irq_err.get() {
            return Err(io::Error::other("KVM_IRQ_LINE failed for the UART interrupt"));
        }
    };
    drop(bus);
    if vcpu.fp.corrupted != 0 {
        eprintln!(
            "el2emu-vmm: VMM FP/SIMD state changed across KVM_RUN in {} of {} runs",
            vcpu.fp.corrupted, vcpu.fp.runs
        );
        return Ok(false);
    }
    Ok(result)
}
