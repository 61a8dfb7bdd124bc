//! The flattened device tree handed to the kernel in X0 (Linux
//! `Documentation/arm64/booting.rst`, "Setup the device tree"; Devicetree Specification
//! v0.4).
//!
//! Node names, property names and values follow what QEMU 7.2 generates for
//! `-M virt,gic-version=3` (`dumpdtb=`), so a kernel sees the same board on both. One
//! function per node. Differences from QEMU, and why:
//! - no flash, PL031, PL061/gpio-keys, fw_cfg, PCIe, ITS or PMU nodes: el2emu does not
//!   model those devices, and a node for an absent device would make drivers probe it;
//! - the GICR `reg` covers exactly one redistributor per PE instead of QEMU's whole
//!   0xF60000 window (both are valid: Linux walks frames until GICR_TYPER.Last);
//! - no `kaslr-seed`, and a fixed `rng-seed`: the boot must be deterministic.

use anyhow::{Context, Result};
use vm_fdt::FdtWriter;

use crate::board::{self, Region};

type FdtResult<T> = std::result::Result<T, vm_fdt::Error>;

/// Phandle of the GIC (the root's `interrupt-parent`), as QEMU numbers it.
const PHANDLE_GIC: u32 = 0x8003;
/// Phandle of the fixed 24 MHz APB clock.
const PHANDLE_APB_PCLK: u32 = 0x8000;

/// `interrupts` cell 0: SPI (GIC DT binding, arm,gic-v3.yaml).
const GIC_SPI: u32 = 0;
/// `interrupts` cell 0: PPI.
const GIC_PPI: u32 = 1;
/// Trigger type: edge rising.
const IRQ_EDGE_RISING: u32 = 1;
/// Trigger type: level high. GICv3 bindings carry no CPU mask in the PPI flags.
const IRQ_LEVEL_HIGH: u32 = 4;

/// PSCI function IDs QEMU advertises for PSCI 0.1 compatibility (DEN 0022, 5.1).
const PSCI_CPU_SUSPEND: u32 = 0xc400_0001;
const PSCI_CPU_OFF: u32 = 0x8400_0002;
const PSCI_CPU_ON: u32 = 0xc400_0003;
const PSCI_MIGRATE: u32 = 0xc400_0005;

/// A fixed seed for the kernel's RNG: early boot then does not wait for entropy, and
/// every run sees the same bytes.
const RNG_SEED: [u32; 8] =
    [0x656c_3265, 0x6d75_2d64, 0x6574_6572, 0x6d69_6e69, 0x7374_6963, 0x2d73_6565, 0x6430_0001, 0x0000_0002];

/// What the device tree describes beyond the fixed board.
#[derive(Clone, Debug, Default)]
pub struct DtConfig {
    /// Number of PEs.
    pub cpus: u32,
    /// RAM size in bytes.
    pub ram_size: u64,
    /// Compatible string of the CPU nodes.
    pub cpu_compatible: &'static str,
    /// The PEs start at EL2 (`virtualization=on`): PSCI conduit SMC, else HVC.
    pub el2: bool,
    /// Kernel command line (`/chosen/bootargs`), if any.
    pub bootargs: Option<String>,
    /// Initrd physical range, if any.
    pub initrd: Option<Region>,
}

/// Build the DTB.
pub fn build(cfg: &DtConfig) -> Result<Vec<u8>> {
    build_fdt(cfg).context("building the device tree")
}

fn build_fdt(cfg: &DtConfig) -> FdtResult<Vec<u8>> {
    let mut f = FdtWriter::new()?;
    let root = f.begin_node("")?;
    f.property_u32("interrupt-parent", PHANDLE_GIC)?;
    f.property_string("model", "linux,dummy-virt")?;
    f.property_u32("#size-cells", 2)?;
    f.property_u32("#address-cells", 2)?;
    f.property_string("compatible", "linux,dummy-virt")?;
    psci_node(&mut f, cfg)?;
    memory_node(&mut f, cfg)?;
    for i in (0..board::VIRTIO_COUNT).rev() {
        virtio_node(&mut f, i)?;
    }
    uart_node(&mut f)?;
    gic_node(&mut f, cfg)?;
    cpus_node(&mut f, cfg)?;
    timer_node(&mut f)?;
    apb_pclk_node(&mut f)?;
    chosen_node(&mut f, cfg)?;
    f.end_node(root)?;
    f.finish()
}

/// `/psci`: DEN 0022 binding `arm,psci`; 0.1-style function IDs as QEMU adds them.
fn psci_node(f: &mut FdtWriter, cfg: &DtConfig) -> FdtResult<()> {
    let n = f.begin_node("psci")?;
    f.property_u32("migrate", PSCI_MIGRATE)?;
    f.property_u32("cpu_on", PSCI_CPU_ON)?;
    f.property_u32("cpu_off", PSCI_CPU_OFF)?;
    f.property_u32("cpu_suspend", PSCI_CPU_SUSPEND)?;
    // Without EL3 the firmware answers the conduit of the highest implemented EL.
    f.property_string("method", if cfg.el2 { "smc" } else { "hvc" })?;
    f.property_string_list("compatible", strings(&["arm,psci-1.0", "arm,psci-0.2", "arm,psci"]))?;
    f.end_node(n)
}

/// `/memory@40000000`.
fn memory_node(f: &mut FdtWriter, cfg: &DtConfig) -> FdtResult<()> {
    let n = f.begin_node(&format!("memory@{:x}", board::RAM_BASE))?;
    f.property_array_u64("reg", &[board::RAM_BASE, cfg.ram_size])?;
    f.property_string("device_type", "memory")?;
    f.end_node(n)
}

/// `/virtio_mmio@...`: transport `i`, edge-triggered SPI 16 + i (QEMU's choice).
fn virtio_node(f: &mut FdtWriter, i: u64) -> FdtResult<()> {
    let base = board::VIRTIO_BASE + i * board::VIRTIO_STRIDE;
    let n = f.begin_node(&format!("virtio_mmio@{base:x}"))?;
    f.property_null("dma-coherent")?;
    f.property_array_u32("interrupts", &[GIC_SPI, board::VIRTIO_SPI + i as u32, IRQ_EDGE_RISING])?;
    f.property_array_u64("reg", &[base, board::VIRTIO_STRIDE])?;
    f.property_string("compatible", "virtio,mmio")?;
    f.end_node(n)
}

/// `/pl011@9000000`: AMBA PrimeCell binding, both clocks from the APB clock.
fn uart_node(f: &mut FdtWriter) -> FdtResult<()> {
    let n = f.begin_node(&uart_node_name())?;
    f.property_string_list("clock-names", strings(&["uartclk", "apb_pclk"]))?;
    f.property_array_u32("clocks", &[PHANDLE_APB_PCLK, PHANDLE_APB_PCLK])?;
    f.property_array_u32("interrupts", &[GIC_SPI, board::UART_SPI, IRQ_LEVEL_HIGH])?;
    f.property_array_u64("reg", &[board::UART.base, board::UART.size])?;
    f.property_string_list("compatible", strings(&["arm,pl011", "arm,primecell"]))?;
    f.end_node(n)
}

/// The UART node's name, which `/chosen/stdout-path` refers to.
pub fn uart_node_name() -> String {
    format!("pl011@{:x}", board::UART.base)
}

/// `/intc@8000000`: binding `arm,gic-v3`, one redistributor region.
fn gic_node(f: &mut FdtWriter, cfg: &DtConfig) -> FdtResult<()> {
    let gicr = board::gicr(cfg.cpus);
    let n = f.begin_node(&format!("intc@{:x}", board::GICD.base))?;
    f.property_phandle(PHANDLE_GIC)?;
    f.property_array_u32("interrupts", &[GIC_PPI, board::GIC_MAINT_PPI, IRQ_LEVEL_HIGH])?;
    f.property_array_u64("reg", &[board::GICD.base, board::GICD.size, gicr.base, gicr.size])?;
    f.property_u32("#redistributor-regions", 1)?;
    f.property_string("compatible", "arm,gic-v3")?;
    f.property_null("ranges")?;
    f.property_u32("#size-cells", 2)?;
    f.property_u32("#address-cells", 2)?;
    f.property_null("interrupt-controller")?;
    f.property_u32("#interrupt-cells", 3)?;
    f.end_node(n)
}

/// `/cpus`: one `cpu@N` per PE, `reg` = MPIDR affinity (Aff0 = N), started by PSCI.
fn cpus_node(f: &mut FdtWriter, cfg: &DtConfig) -> FdtResult<()> {
    let n = f.begin_node("cpus")?;
    f.property_u32("#size-cells", 0)?;
    f.property_u32("#address-cells", 1)?;
    for i in (0..cfg.cpus).rev() {
        let c = f.begin_node(&format!("cpu@{i}"))?;
        f.property_u32("reg", i)?;
        f.property_string("enable-method", "psci")?;
        f.property_string("compatible", cfg.cpu_compatible)?;
        f.property_string("device_type", "cpu")?;
        f.end_node(c)?;
    }
    f.end_node(n)
}

/// `/timer`: binding `arm,armv8-timer`; the four PPIs in binding order, level high.
fn timer_node(f: &mut FdtWriter) -> FdtResult<()> {
    let n = f.begin_node("timer")?;
    let cells: Vec<u32> = board::TIMER_PPIS.iter().flat_map(|&p| [GIC_PPI, p, IRQ_LEVEL_HIGH]).collect();
    f.property_array_u32("interrupts", &cells)?;
    f.property_null("always-on")?;
    f.property_string_list("compatible", strings(&["arm,armv8-timer", "arm,armv7-timer"]))?;
    f.end_node(n)
}

/// `/apb-pclk`: the 24 MHz fixed clock of the PrimeCell devices.
fn apb_pclk_node(f: &mut FdtWriter) -> FdtResult<()> {
    let n = f.begin_node("apb-pclk")?;
    f.property_phandle(PHANDLE_APB_PCLK)?;
    f.property_string("clock-output-names", "clk24mhz")?;
    f.property_u32("clock-frequency", 24_000_000)?;
    f.property_u32("#clock-cells", 0)?;
    f.property_string("compatible", "fixed-clock")?;
    f.end_node(n)
}

/// `/chosen`: console, command line, initrd (booting.rst: `linux,initrd-start/end`,
/// 64-bit here as the root has #address-cells = 2).
fn chosen_node(f: &mut FdtWriter, cfg: &DtConfig) -> FdtResult<()> {
    let n = f.begin_node("chosen")?;
    f.property_string("stdout-path", &format!("/{}", uart_node_name()))?;
    f.property_array_u32("rng-seed", &RNG_SEED)?;
    if let Some(args) = &cfg.bootargs {
        f.property_string("bootargs", args)?;
    }
    if let Some(r) = cfg.initrd {
        f.property_u64("linux,initrd-start", r.base)?;
        f.property_u64("linux,initrd-end", r.end())?;
    }
    f.end_node(n)
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[cfg(test)]
#[path = "fdt_tests.rs"]
mod tests;
