//! ELF64 AArch64 executables (System V gABI; ELF for the Arm 64-bit Architecture,
//! `EM_AARCH64` = 183): every `PT_LOAD` segment is copied to its physical address
//! (`p_paddr`), the rest of `p_memsz` is zeroed, and the PE starts at `e_entry` — what
//! QEMU's `-kernel` does for an ELF file.

use anyhow::{bail, Context, Result};
use object::elf::{FileHeader64, ELFCLASS64, ELFDATA2LSB, EM_AARCH64, ET_DYN, ET_EXEC, PT_LOAD};
use object::read::elf::{FileHeader, ProgramHeader};
use object::LittleEndian as LE;

use crate::board::Region;

/// The `\x7fELF` identification bytes.
pub const MAGIC: [u8; 4] = *b"\x7fELF";

/// One loadable segment, bounds-checked against the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Physical load address.
    pub paddr: u64,
    /// Bytes from the file.
    pub data: Vec<u8>,
    /// Total size in memory (the part past `data` is zero: BSS).
    pub memsz: u64,
}

impl Segment {
    /// The physical range the segment occupies.
    pub fn region(&self) -> Region {
        Region::new(self.paddr, self.memsz)
    }
}

/// A parsed executable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ElfImage {
    /// `e_entry`.
    pub entry: u64,
    /// The `PT_LOAD` segments, in file order.
    pub segments: Vec<Segment>,
}

/// Whether `data` starts with the ELF magic.
pub fn is_elf(data: &[u8]) -> bool {
    data.starts_with(&MAGIC)
}

/// Parse an ELF64 little-endian AArch64 executable.
pub fn parse(data: &[u8]) -> Result<ElfImage> {
    if data.len() < 6 || !is_elf(data) {
        bail!("not an ELF file");
    }
    if data[4] != ELFCLASS64 || data[5] != ELFDATA2LSB {
        bail!("not a 64-bit little-endian ELF file (AArch64 executables are ELFCLASS64, ELFDATA2LSB)");
    }
    let hdr = FileHeader64::<LE>::parse(data).context("malformed ELF header")?;
    if hdr.e_machine(LE) != EM_AARCH64 {
        bail!("ELF file is for machine {}, not AArch64 (EM_AARCH64 = {EM_AARCH64})", hdr.e_machine(LE));
    }
    let kind = hdr.e_type(LE);
    if kind != ET_EXEC && kind != ET_DYN {
        bail!("ELF file is not an executable (e_type {kind})");
    }
    let mut segments = Vec::new();
    for ph in hdr.program_headers(LE, data).context("malformed ELF program headers")? {
        if ph.p_type(LE) != PT_LOAD || ph.p_memsz(LE) == 0 {
            continue;
        }
        let bytes = ph.data(LE, data).map_err(|_| anyhow::anyhow!("an ELF segment lies outside the file"))?;
        let memsz = ph.p_memsz(LE);
        if (bytes.len() as u64) > memsz {
            bail!("ELF segment at {:#x}: p_filesz is larger than p_memsz", ph.p_paddr(LE));
        }
        let paddr = ph.p_paddr(LE);
        if paddr.checked_add(memsz).is_none() {
            bail!("ELF segment at {paddr:#x} wraps the address space");
        }
        segments.push(Segment { paddr, data: bytes.to_vec(), memsz });
    }
    if segments.is_empty() {
        bail!("ELF file has no PT_LOAD segment");
    }
    Ok(ElfImage { entry: hdr.e_entry(LE), segments })
}

/// Build a minimal ELF64 AArch64 executable: one `PT_LOAD` segment of `code` at
/// `paddr` with `bss` extra zero bytes, entry at `paddr`. Used by tests and by
/// `el2emu bench` to hand QEMU the same program.
pub fn build(paddr: u64, code: &[u8], bss: u64) -> Vec<u8> {
    const EHDR: usize = 64;
    const PHDR: usize = 56;
    let off = (EHDR + PHDR) as u64;
    let mut v = Vec::with_capacity(EHDR + PHDR + code.len());
    // e_ident: magic, class 64, little-endian, version 1, System V ABI.
    v.extend_from_slice(&MAGIC);
    v.extend_from_slice(&[ELFCLASS64, ELFDATA2LSB, 1, 0]);
    v.extend_from_slice(&[0; 8]);
    v.extend_from_slice(&ET_EXEC.to_le_bytes());
    v.extend_from_slice(&EM_AARCH64.to_le_bytes());
    v.extend_from_slice(&1u32.to_le_bytes()); // e_version
    v.extend_from_slice(&paddr.to_le_bytes()); // e_entry
    v.extend_from_slice(&(EHDR as u64).to_le_bytes()); // e_phoff
    v.extend_from_slice(&0u64.to_le_bytes()); // e_shoff
    v.extend_from_slice(&0u32.to_le_bytes()); // e_flags
    for h in [EHDR as u16, PHDR as u16, 1, 64, 0, 0] {
        // e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx
        v.extend_from_slice(&h.to_le_bytes());
    }
    v.extend_from_slice(&PT_LOAD.to_le_bytes());
    v.extend_from_slice(&7u32.to_le_bytes()); // p_flags RWX
    for x in [off, paddr, paddr, code.len() as u64, code.len() as u64 + bss, 4096] {
        // p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_align
        v.extend_from_slice(&x.to_le_bytes());
    }
    v.extend_from_slice(code);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roundtrip_of_the_builder() {
        let e = parse(&build(0x4008_0000, &[1, 2, 3, 4], 12)).unwrap();
        assert_eq!(e.entry, 0x4008_0000);
        assert_eq!(e.segments, vec![Segment { paddr: 0x4008_0000, data: vec![1, 2, 3, 4], memsz: 16 }]);
    }

    #[test]
    fn parses_from_an_unaligned_buffer() {
        // Images embedded with include_bytes! have no alignment guarantee.
        let mut buf = vec![0u8];
        buf.extend(build(0x4000_0000, &[9; 8], 0));
        assert_eq!(parse(&buf[1..]).unwrap().entry, 0x4000_0000);
    }

    #[test]
    fn rejects_other_machines_and_garbage() {
        let mut x86 = build(0x4000_0000, &[0; 4], 0);
        x86[18] = 62; // EM_X86_64
        assert!(parse(&x86).unwrap_err().to_string().contains("not AArch64"));
        let mut elf32 = build(0x4000_0000, &[0; 4], 0);
        elf32[4] = 1;
        assert!(parse(&elf32).is_err());
        assert!(parse(b"\x7fELF").is_err());
        assert!(parse(b"\x7fELF\x02\x01garbage").is_err());
        let mut truncated = build(0x4000_0000, &[0; 64], 0);
        truncated.truncate(130);
        assert!(parse(&truncated).is_err());
    }

    #[test]
    fn filesz_larger_than_memsz_is_rejected() {
        let mut v = build(0x4000_0000, &[0; 8], 0);
        // p_memsz is the 6th u64 of the program header (offset 64 + 8 + 32).
        v[64 + 40..64 + 48].copy_from_slice(&4u64.to_le_bytes());
        assert!(parse(&v).is_err());
    }
}
