//! The flattened device tree handed to the L2 Linux kernel, modelled on QEMU's `virt`:
//! one CPU with PSCI over HVC (KVM's in-kernel PSCI), the in-kernel GICv3, the architected
//! timer, a PL011 console and /chosen.

use vm_fdt::{Error, FdtWriter};

use crate::kvm::{GICD_BASE, GICD_SIZE, GICR_BASE, GICR_SIZE_PER_CPU};

pub struct DtbConfig<'a> {
    pub mem_base: u64,
    pub mem_size: u64,
    pub num_cpus: u32,
    pub uart_base: u64,
    pub uart_size: u64,
    /// SPI number of the UART interrupt (GIC INTID 32 + spi).
    pub uart_spi: u32,
    pub bootargs: &'a str,
    /// [start, end) of the initrd in guest-physical memory.
    pub initrd: Option<(u64, u64)>,
}

const PHANDLE_GIC: u32 = 1;
const PHANDLE_CLK: u32 = 2;

// Interrupt specifier cells for arm,gic-v3: type, number, flags.
const GIC_SPI: u32 = 0;
const GIC_PPI: u32 = 1;
const IRQ_TYPE_LEVEL_HIGH: u32 = 4;

pub fn build(cfg: &DtbConfig) -> Result<Vec<u8>, Error> {
    let mut fdt = FdtWriter::new()?;
    let root = fdt.begin_node("")?;
    fdt.property_string("compatible", "linux,dummy-virt")?;
    fdt.property_u32("#address-cells", 2)?;
    fdt.property_u32("#size-cells", 2)?;
    fdt.property_u32("interrupt-parent", PHANDLE_GIC)?;
    fdt.property_string("model", "el2emu-vmm nested guest")?;

    let chosen = fdt.begin_node("chosen")?;
    fdt.property_string("bootargs", cfg.bootargs)?;
    fdt.property_string("stdout-path", &format!("/pl011@{:x}", cfg.uart_base))?;
    if let Some((start, end)) = cfg.initrd {
        fdt.property_u64("linux,initrd-start", start)?;
        fdt.property_u64("linux,initrd-end", end)?;
    }
    fdt.end_node(chosen)?;

    let memory = fdt.begin_node(&format!("memory@{:x}", cfg.mem_base))?;
    fdt.property_string("device_type", "memory")?;
    fdt.property_array_u64("reg", &[cfg.mem_base, cfg.mem_size])?;
    fdt.end_node(memory)?;

    let cpus = fdt.begin_node("cpus")?;
    fdt.property_u32("#address-cells", 1)?;
    fdt.property_u32("#size-cells", 0)?;
    for id in 0..cfg.num_cpus {
        // KVM gives vCPU n the MPIDR affinity n (Aff0 = n % 16 ...): fine below 16 CPUs.
        let cpu = fdt.begin_node(&format!("cpu@{id}"))?;
        fdt.property_string("device_type", "cpu")?;
        fdt.property_string("compatible", "arm,arm-v8")?;
        fdt.property_string("enable-method", "psci")?;
        fdt.property_u32("reg", id)?;
        fdt.end_node(cpu)?;
    }
    fdt.end_node(cpus)?;

    let psci = fdt.begin_node("psci")?;
    fdt.property_string_list("compatible", vec!["arm,psci-1.0".into(), "arm,psci-0.2".into(), "arm,psci".into()])?;
    fdt.property_string("method", "hvc")?;
    fdt.end_node(psci)?;

    let gic = fdt.begin_node(&format!("intc@{GICD_BASE:x}"))?;
    fdt.property_string("compatible", "arm,gic-v3")?;
    fdt.property_u32("#interrupt-cells", 3)?;
    fdt.property_null("interrupt-controller")?;
    fdt.property_u32("#redistributor-regions", 1)?;
    fdt.property_array_u64("reg", &[GICD_BASE, GICD_SIZE, GICR_BASE, GICR_SIZE_PER_CPU * u64::from(cfg.num_cpus)])?;
    // Maintenance interrupt (PPI 9): unused by an EL1 guest, present as in QEMU's tree.
    fdt.property_array_u32("interrupts", &[GIC_PPI, 9, IRQ_TYPE_LEVEL_HIGH])?;
    fdt.property_phandle(PHANDLE_GIC)?;
    fdt.end_node(gic)?;

    let timer = fdt.begin_node("timer")?;
    fdt.property_string("compatible", "arm,armv8-timer")?;
    // Secure phys (PPI 13), non-secure phys (14), virtual (11), hypervisor (10); level
    // high, as QEMU's virt describes them.
    let mut irqs = Vec::new();
    for ppi in [13, 14, 11, 10] {
        irqs.extend([GIC_PPI, ppi, IRQ_TYPE_LEVEL_HIGH]);
    }
    fdt.property_array_u32("interrupts", &irqs)?;
    fdt.property_null("always-on")?;
    fdt.end_node(timer)?;

    let clk = fdt.begin_node("apb-pclk")?;
    fdt.property_string("compatible", "fixed-clock")?;
    fdt.property_u32("#clock-cells", 0)?;
    fdt.property_u32("clock-frequency", 24_000_000)?;
    fdt.property_string("clock-output-names", "clk24mhz")?;
    fdt.property_phandle(PHANDLE_CLK)?;
    fdt.end_node(clk)?;

    let uart = fdt.begin_node(&format!("pl011@{:x}", cfg.uart_base))?;
    fdt.property_string_list("compatible", vec!["arm,pl011".into(), "arm,primecell".into()])?;
    fdt.property_array_u64("reg", &[cfg.uart_base, cfg.uart_size])?;
    fdt.property_array_u32("interrupts", &[GIC_SPI, cfg.uart_spi, IRQ_TYPE_LEVEL_HIGH])?;
    fdt.property_array_u32("clocks", &[PHANDLE_CLK, PHANDLE_CLK])?;
    fdt.property_string_list("clock-names", vec!["uartclk".into(), "apb_pclk".into()])?;
    fdt.end_node(uart)?;

    fdt.end_node(root)?;
    fdt.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg() -> DtbConfig<'static> {
        DtbConfig {
            mem_base: 0x4000_0000,
            mem_size: 256 << 20,
            num_cpus: 1,
            uart_base: 0x0900_0000,
            uart_size: 0x1000,
            uart_spi: 1,
            bootargs: "console=ttyAMA0 rdinit=/init",
            initrd: Some((0x4f00_0000, 0x4f10_0000)),
        }
    }

    fn contains(hay: &[u8], needle: &[u8]) -> bool {
        hay.windows(needle.len()).any(|w| w == needle)
    }

    #[test]
    fn builds_a_valid_blob() {
        let blob = build(&cfg()).unwrap();
        assert_eq!(&blob[..4], &[0xd0, 0x0d, 0xfe, 0xed], "FDT magic");
        let total = u32::from_be_bytes(blob[4..8].try_into().unwrap()) as usize;
        assert_eq!(total, blob.len());
        assert!(blob.len() < 2 << 20);
        for s in [
            &b"console=ttyAMA0 rdinit=/init\0"[..],
            b"arm,gic-v3\0",
            b"arm,psci-0.2\0",
            b"hvc\0",
            b"/pl011@9000000\0",
            b"linux,initrd-start\0",
            b"arm,armv8-timer\0",
        ] {
            assert!(contains(&blob, s), "missing {:?}", String::from_utf8_lossy(s));
        }
        // reg of the memory node: base and size as two 64-bit big-endian cells.
        let mut reg = Vec::new();
        reg.extend(0x4000_0000u64.to_be_bytes());
        reg.extend((256u64 << 20).to_be_bytes());
        assert!(contains(&blob, &reg));
    }

    #[test]
    fn no_initrd_no_initrd_properties() {
        let mut c = cfg();
        c.initrd = None;
        let blob = build(&c).unwrap();
        assert!(!contains(&blob, b"linux,initrd-start"));
    }
}
