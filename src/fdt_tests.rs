//! DTB content checks with a minimal FDT reader (Devicetree Specification v0.4, ch. 5).

use std::collections::BTreeMap;

use super::*;

/// Path -> property name -> raw value.
type Tree = BTreeMap<String, BTreeMap<String, Vec<u8>>>;

fn be32(b: &[u8], at: usize) -> u32 {
    u32::from_be_bytes(b[at..at + 4].try_into().unwrap())
}

fn cstr(b: &[u8], at: usize) -> String {
    let end = b[at..].iter().position(|&c| c == 0).unwrap();
    String::from_utf8(b[at..at + end].to_vec()).unwrap()
}

/// Decode the structure block into a path-indexed map.
fn parse(dtb: &[u8]) -> Tree {
    assert_eq!(be32(dtb, 0), 0xd00d_feed, "FDT magic");
    assert_eq!(be32(dtb, 4) as usize, dtb.len(), "totalsize");
    let off_struct = be32(dtb, 8) as usize;
    let off_strings = be32(dtb, 12) as usize;
    let mut tree = Tree::new();
    let mut path: Vec<String> = Vec::new();
    let mut p = off_struct;
    let join = |path: &[String]| if path.len() <= 1 { "/".to_string() } else { path.join("/") };
    loop {
        let tok = be32(dtb, p);
        p += 4;
        match tok {
            1 => {
                let name = cstr(dtb, p);
                p += (name.len() + 1 + 3) & !3;
                path.push(name);
                tree.entry(join(&path)).or_default();
            }
            2 => {
                path.pop();
            }
            3 => {
                let len = be32(dtb, p) as usize;
                let name = cstr(dtb, off_strings + be32(dtb, p + 4) as usize);
                let val = dtb[p + 8..p + 8 + len].to_vec();
                p += 8 + ((len + 3) & !3);
                tree.get_mut(&join(&path)).unwrap().insert(name, val);
            }
            4 => {}
            9 => break,
            t => panic!("bad FDT token {t}"),
        }
    }
    tree
}

fn cells(v: &[u8]) -> Vec<u32> {
    v.chunks(4).map(|c| u32::from_be_bytes(c.try_into().unwrap())).collect()
}

fn strs(v: &[u8]) -> Vec<String> {
    v.split(|&c| c == 0).filter(|s| !s.is_empty()).map(|s| String::from_utf8(s.to_vec()).unwrap()).collect()
}

fn config() -> DtConfig {
    DtConfig {
        cpus: 2,
        ram_size: 512 << 20,
        cpu_compatible: "arm,cortex-a57",
        el2: true,
        bootargs: Some("console=ttyAMA0".into()),
        initrd: Some(Region::new(0x4800_0000, 0x1234)),
    }
}

#[test]
fn root_and_memory() {
    let t = parse(&build(&config()).unwrap());
    let root = &t["/"];
    assert_eq!(cells(&root["#address-cells"]), [2]);
    assert_eq!(cells(&root["#size-cells"]), [2]);
    assert_eq!(strs(&root["compatible"]), ["linux,dummy-virt"]);
    assert_eq!(cells(&root["interrupt-parent"]), [PHANDLE_GIC]);
    let mem = &t["/memory@40000000"];
    assert_eq!(cells(&mem["reg"]), [0, 0x4000_0000, 0, 0x2000_0000]);
    assert_eq!(strs(&mem["device_type"]), ["memory"]);
}

#[test]
fn psci_method_follows_the_boot_el() {
    let t = parse(&build(&config()).unwrap());
    assert_eq!(strs(&t["/psci"]["method"]), ["smc"]);
    assert_eq!(strs(&t["/psci"]["compatible"]), ["arm,psci-1.0", "arm,psci-0.2", "arm,psci"]);
    assert_eq!(cells(&t["/psci"]["cpu_on"]), [0xc400_0003]);
    assert_eq!(cells(&t["/psci"]["cpu_off"]), [0x8400_0002]);
    let t = parse(&build(&DtConfig { el2: false, ..config() }).unwrap());
    assert_eq!(strs(&t["/psci"]["method"]), ["hvc"]);
}

#[test]
fn cpus_timer_gic() {
    let t = parse(&build(&config()).unwrap());
    for i in 0..2 {
        let c = &t[&format!("/cpus/cpu@{i}")];
        assert_eq!(cells(&c["reg"]), [i]);
        assert_eq!(strs(&c["enable-method"]), ["psci"]);
        assert_eq!(strs(&c["device_type"]), ["cpu"]);
    }
    assert!(!t.contains_key("/cpus/cpu@2"));
    let timer = &t["/timer"];
    assert_eq!(cells(&timer["interrupts"]), [1, 13, 4, 1, 14, 4, 1, 11, 4, 1, 10, 4]);
    assert_eq!(strs(&timer["compatible"])[0], "arm,armv8-timer");
    let gic = &t["/intc@8000000"];
    assert_eq!(strs(&gic["compatible"]), ["arm,gic-v3"]);
    assert_eq!(cells(&gic["#interrupt-cells"]), [3]);
    assert!(gic.contains_key("interrupt-controller"));
    assert_eq!(cells(&gic["reg"]), [0, 0x0800_0000, 0, 0x1_0000, 0, 0x080a_0000, 0, 0x4_0000]);
    assert_eq!(cells(&gic["interrupts"]), [1, 9, 4]);
    assert_eq!(cells(&gic["phandle"]), [PHANDLE_GIC]);
    assert!(!t.contains_key("/pmu"));
}

#[test]
fn uart_clock_chosen_virtio() {
    let t = parse(&build(&config()).unwrap());
    let uart = &t["/pl011@9000000"];
    assert_eq!(strs(&uart["compatible"]), ["arm,pl011", "arm,primecell"]);
    assert_eq!(cells(&uart["interrupts"]), [0, 1, 4]);
    assert_eq!(cells(&uart["reg"]), [0, 0x0900_0000, 0, 0x1000]);
    assert_eq!(cells(&uart["clocks"]), [PHANDLE_APB_PCLK, PHANDLE_APB_PCLK]);
    let clk = &t["/apb-pclk"];
    assert_eq!(cells(&clk["clock-frequency"]), [24_000_000]);
    assert_eq!(cells(&clk["phandle"]), [PHANDLE_APB_PCLK]);
    let chosen = &t["/chosen"];
    assert_eq!(strs(&chosen["stdout-path"]), ["/pl011@9000000"]);
    assert_eq!(strs(&chosen["bootargs"]), ["console=ttyAMA0"]);
    assert_eq!(cells(&chosen["linux,initrd-start"]), [0, 0x4800_0000]);
    assert_eq!(cells(&chosen["linux,initrd-end"]), [0, 0x4800_1234]);
    let virtio: Vec<_> = t.keys().filter(|k| k.starts_with("/virtio_mmio@")).collect();
    assert_eq!(virtio.len(), 32);
    let last = &t["/virtio_mmio@a003e00"];
    assert_eq!(cells(&last["interrupts"]), [0, 47, 1]);
    assert_eq!(cells(&last["reg"]), [0, 0x0a00_3e00, 0, 0x200]);
}

#[test]
fn no_initrd_no_bootargs() {
    let t = parse(&build(&DtConfig { bootargs: None, initrd: None, ..config() }).unwrap());
    assert!(!t["/chosen"].contains_key("bootargs"));
    assert!(!t["/chosen"].contains_key("linux,initrd-start"));
}

#[test]
fn nul_in_bootargs_is_an_error_not_a_panic() {
    assert!(build(&DtConfig { bootargs: Some("a\0b".into()), ..config() }).is_err());
}

/// When `dtc` is installed, it must accept the blob without warnings about structure.
#[test]
fn dtc_decompiles_it() {
    let dir = std::env::temp_dir().join(format!("el2emu-fdt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("virt.dtb");
    std::fs::write(&path, build(&config()).unwrap()).unwrap();
    let out = std::process::Command::new("dtc").args(["-I", "dtb", "-O", "dts"]).arg(&path).output();
    std::fs::remove_dir_all(&dir).ok();
    let Ok(out) = out else { return }; // dtc not installed
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let dts = String::from_utf8_lossy(&out.stdout);
    assert!(dts.contains("compatible = \"arm,gic-v3\";"));
}
