//! KVM setup: the VM, its vCPU and the in-kernel GICv3.

use std::io;

use kvm_bindings::{
    kvm_create_device, kvm_device_attr, kvm_device_type_KVM_DEV_TYPE_ARM_VGIC_V3, kvm_vcpu_init, KVM_ARM_VCPU_PSCI_0_2,
    KVM_DEV_ARM_VGIC_CTRL_INIT, KVM_DEV_ARM_VGIC_GRP_ADDR, KVM_DEV_ARM_VGIC_GRP_CTRL, KVM_DEV_ARM_VGIC_GRP_NR_IRQS,
    KVM_REG_ARM64, KVM_REG_ARM_CORE, KVM_REG_SIZE_U64, KVM_VGIC_V3_ADDR_TYPE_DIST, KVM_VGIC_V3_ADDR_TYPE_REDIST,
};
use kvm_ioctls::{DeviceFd, Kvm, VcpuFd, VmFd};

/// Opens /dev/kvm and creates a VM with the default IPA size (machine type 0: 40 bits).
pub fn create_vm() -> io::Result<(Kvm, VmFd)> {
    let kvm = Kvm::new().map_err(|e| ctx(e, "open /dev/kvm"))?;
    let api = kvm.get_api_version();
    if api != 12 {
        return Err(io::Error::other(format!("unexpected KVM API version {api}")));
    }
    let vm = kvm.create_vm_with_type(0).map_err(|e| ctx(e, "KVM_CREATE_VM"))?;
    Ok((kvm, vm))
}

/// Creates vCPU `id` and initialises it with the host's preferred target
/// (KVM_ARM_PREFERRED_TARGET + KVM_ARM_VCPU_INIT), optionally with PSCI 0.2.
pub fn create_vcpu(vm: &VmFd, id: u64, psci: bool) -> io::Result<VcpuFd> {
    let vcpu = vm.create_vcpu(id).map_err(|e| ctx(e, "KVM_CREATE_VCPU"))?;
    let mut kvi = kvm_vcpu_init::default();
    vm.get_preferred_target(&mut kvi).map_err(|e| ctx(e, "KVM_ARM_PREFERRED_TARGET"))?;
    if psci {
        kvi.features[0] |= 1 << KVM_ARM_VCPU_PSCI_0_2;
    }
    vcpu.vcpu_init(&kvi).map_err(|e| ctx(e, "KVM_ARM_VCPU_INIT"))?;
    Ok(vcpu)
}

/// KVM_REG_ARM_CORE register id of the 64-bit field at byte `offset` in `struct kvm_regs`
/// (which starts with `struct user_pt_regs { regs[31], sp, pc, pstate }`).
const fn core_reg(offset: u64) -> u64 {
    KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE as u64 | (offset / 4)
}

/// Register id of general-purpose register Xn (n < 31).
pub const fn reg_x(n: u64) -> u64 {
    core_reg(n * 8)
}

/// Register id of the PC.
pub const REG_PC: u64 = core_reg(32 * 8);

/// Register id of the 128-bit FP/SIMD register Vn (`kvm_regs.fp_regs.vregs[n]`).
pub const fn reg_v(n: u64) -> u64 {
    let off = (std::mem::offset_of!(kvm_bindings::kvm_regs, fp_regs)
        + std::mem::offset_of!(kvm_bindings::user_fpsimd_state, vregs)) as u64
        + 16 * n;
    KVM_REG_ARM64 | kvm_bindings::KVM_REG_SIZE_U128 | KVM_REG_ARM_CORE as u64 | (off / 4)
}

/// Reads Vn of a stopped vCPU as (low, high) halves.
pub fn get_vreg(vcpu: &VcpuFd, n: u64) -> io::Result<[u64; 2]> {
    let mut b = [0u8; 16];
    vcpu.get_one_reg(reg_v(n), &mut b).map_err(|e| ctx(e, &format!("KVM_GET_ONE_REG V{n}")))?;
    let lo = u64::from_le_bytes(b[..8].try_into().expect("8 bytes"));
    let hi = u64::from_le_bytes(b[8..].try_into().expect("8 bytes"));
    Ok([lo, hi])
}

pub fn set_reg(vcpu: &VcpuFd, id: u64, value: u64) -> io::Result<()> {
    vcpu.set_one_reg(id, &value.to_le_bytes()).map(|_| ()).map_err(|e| ctx(e, &format!("KVM_SET_ONE_REG {id:#x}")))
}

pub fn get_reg(vcpu: &VcpuFd, id: u64) -> io::Result<u64> {
    let mut b = [0u8; 8];
    vcpu.get_one_reg(id, &mut b).map_err(|e| ctx(e, &format!("KVM_GET_ONE_REG {id:#x}")))?;
    Ok(u64::from_le_bytes(b))
}

/// Guest-physical layout of the in-kernel GICv3 (same addresses as QEMU's `virt`).
pub const GICD_BASE: u64 = 0x0800_0000;
pub const GICD_SIZE: u64 = 0x1_0000;
pub const GICR_BASE: u64 = 0x080a_0000;
/// Per-vCPU redistributor frames (RD_base + SGI_base).
pub const GICR_SIZE_PER_CPU: u64 = 0x2_0000;
/// Interrupt IDs the VGIC supports (SGIs + PPIs + 96 SPIs).
pub const GIC_NR_IRQS: u32 = 128;

/// Creates the in-kernel GICv3 (KVM_CREATE_DEVICE), places its distributor and
/// redistributors, and initialises it. Call after all vCPUs are created and initialised.
pub fn create_gicv3(vm: &VmFd) -> io::Result<DeviceFd> {
    let mut dev = kvm_create_device { type_: kvm_device_type_KVM_DEV_TYPE_ARM_VGIC_V3, fd: 0, flags: 0 };
    let gic = vm.create_device(&mut dev).map_err(|e| ctx(e, "KVM_CREATE_DEVICE(VGIC_V3)"))?;
    for (kind, addr) in [(KVM_VGIC_V3_ADDR_TYPE_DIST, GICD_BASE), (KVM_VGIC_V3_ADDR_TYPE_REDIST, GICR_BASE)] {
        let attr = kvm_device_attr {
            flags: 0,
            group: KVM_DEV_ARM_VGIC_GRP_ADDR,
            attr: u64::from(kind),
            addr: &addr as *const u64 as u64,
        };
        gic.set_device_attr(&attr).map_err(|e| ctx(e, "VGIC address"))?;
    }
    let nr_irqs = GIC_NR_IRQS;
    let attr =
        kvm_device_attr { flags: 0, group: KVM_DEV_ARM_VGIC_GRP_NR_IRQS, attr: 0, addr: &nr_irqs as *const u32 as u64 };
    gic.set_device_attr(&attr).map_err(|e| ctx(e, "VGIC nr_irqs"))?;
    let attr = kvm_device_attr {
        flags: 0,
        group: KVM_DEV_ARM_VGIC_GRP_CTRL,
        attr: u64::from(KVM_DEV_ARM_VGIC_CTRL_INIT),
        addr: 0,
    };
    gic.set_device_attr(&attr).map_err(|e| ctx(e, "VGIC CTRL_INIT"))?;
    Ok(gic)
}

/// KVM_IRQ_LINE number of shared peripheral interrupt `spi` (GIC INTID 32 + spi) on vCPU 0.
pub const fn spi_irq_line(spi: u32) -> u32 {
    (kvm_bindings::KVM_ARM_IRQ_TYPE_SPI << kvm_bindings::KVM_ARM_IRQ_TYPE_SHIFT) | (32 + spi)
}

fn ctx(e: kvm_ioctls::Error, what: &str) -> io::Error {
    io::Error::new(io::Error::from(e).kind(), format!("{what}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_register_ids_match_the_kernel_abi() {
        // Values from arch/arm64/include/uapi/asm/kvm.h: KVM_REG_ARM64 | U64 | CORE | off/4.
        assert_eq!(reg_x(0), 0x6030_0000_0010_0000);
        assert_eq!(reg_x(1), 0x6030_0000_0010_0002);
        assert_eq!(REG_PC, 0x6030_0000_0010_0040);
        // vregs start at byte 336 of kvm_regs (KVM_REG_ARM_FP_REGS = 0x54 words).
        assert_eq!(reg_v(0), 0x6040_0000_0010_0054);
        assert_eq!(reg_v(1), 0x6040_0000_0010_0058);
    }

    #[test]
    fn spi_line_encoding() {
        assert_eq!(spi_irq_line(1), 0x0100_0021);
    }
}
