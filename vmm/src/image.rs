//! Guest images: the arm64 Linux `Image` (raw or gzip-compressed, as in Debian's vmlinuz)
//! and the initrd, placed in guest RAM following Documentation/arch/arm64/booting.rst.

use std::fs::File;
use std::io::{self, BufReader, Read};

use flate2::read::GzDecoder;

/// Where guest RAM can be written (GuestRam, or a plain buffer in tests).
pub trait GuestWrite {
    fn write_at(&mut self, gpa: u64, data: &[u8]) -> io::Result<()>;
}

impl GuestWrite for &crate::memory::GuestRam {
    fn write_at(&mut self, gpa: u64, data: &[u8]) -> io::Result<()> {
        self.write(gpa, data)
    }
}

/// The fields of the 64-byte arm64 Image header the loader needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageHeader {
    /// Offset from a 2 MiB-aligned base at which the image must be placed.
    pub text_offset: u64,
    /// Bytes from the image start the kernel uses, including BSS (0: unknown, old kernels).
    pub image_size: u64,
}

const HEADER_LEN: usize = 64;
const ARM64_MAGIC: u32 = 0x644d_5241; // "ARM\x64" at offset 56

pub fn parse_header(h: &[u8; HEADER_LEN]) -> io::Result<ImageHeader> {
    let u64_at = |o: usize| u64::from_le_bytes(h[o..o + 8].try_into().expect("8 bytes"));
    let magic = u32::from_le_bytes(h[56..60].try_into().expect("4 bytes"));
    if magic != ARM64_MAGIC {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("not an arm64 Linux Image (magic {magic:#x} at offset 56)"),
        ));
    }
    let flags = u64_at(24);
    if flags & 1 != 0 {
        return Err(io::Error::new(io::ErrorKind::InvalidData, "big-endian kernel image"));
    }
    let (text_offset, image_size) = (u64_at(8), u64_at(16));
    Ok(ImageHeader { text_offset, image_size })
}

/// Opens a kernel file, transparently decompressing gzip (magic 1f 8b).
pub fn open_kernel(path: &str) -> io::Result<Box<dyn Read>> {
    let mut f = BufReader::new(File::open(path).map_err(|e| with_path(e, path))?);
    let mut magic = [0u8; 2];
    f.read_exact(&mut magic).map_err(|e| with_path(e, path))?;
    let head = io::Cursor::new(magic).chain(f);
    if magic == [0x1f, 0x8b] {
        Ok(Box::new(GzDecoder::new(head)))
    } else {
        Ok(Box::new(head))
    }
}

/// A kernel placed in guest RAM.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadedKernel {
    pub entry: u64,
    /// First byte above the kernel's memory footprint (image_size, or the file if larger).
    pub end: u64,
}

/// Copies the Image from `reader` into guest RAM at `ram_base` + text_offset (`ram_base`
/// must be 2 MiB aligned).
pub fn load_kernel(mem: &mut dyn GuestWrite, reader: &mut dyn Read, ram_base: u64) -> io::Result<LoadedKernel> {
    assert_eq!(ram_base % (2 << 20), 0, "kernel base must be 2 MiB aligned");
    let mut header = [0u8; HEADER_LEN];
    reader.read_exact(&mut header)?;
    let h = parse_header(&header)?;
    let entry = ram_base + h.text_offset;
    mem.write_at(entry, &header)?;
    let mut at = entry + HEADER_LEN as u64;
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        mem.write_at(at, &buf[..n])?;
        at += n as u64;
    }
    Ok(LoadedKernel { entry, end: at.max(entry + h.image_size) })
}

/// Reads a whole file (the initrd).
pub fn read_file(path: &str) -> io::Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| with_path(e, path))
}

fn with_path(e: io::Error, path: &str) -> io::Error {
    io::Error::new(e.kind(), format!("{path}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    struct Buf {
        base: u64,
        data: Vec<u8>,
    }
    impl GuestWrite for Buf {
        fn write_at(&mut self, gpa: u64, d: &[u8]) -> io::Result<()> {
            let off = (gpa - self.base) as usize;
            if off + d.len() > self.data.len() {
                return Err(io::Error::other("beyond RAM"));
            }
            self.data[off..off + d.len()].copy_from_slice(d);
            Ok(())
        }
    }

    fn fake_image(text_offset: u64, image_size: u64, body: usize) -> Vec<u8> {
        let mut v = vec![0u8; HEADER_LEN];
        v[0..4].copy_from_slice(&0x1400_0010u32.to_le_bytes()); // b +0x40
        v[8..16].copy_from_slice(&text_offset.to_le_bytes());
        v[16..24].copy_from_slice(&image_size.to_le_bytes());
        v[24..32].copy_from_slice(&0xau64.to_le_bytes());
        v[56..60].copy_from_slice(b"ARM\x64");
        v.extend((0..body).map(|i| (i * 7) as u8));
        v
    }

    fn tmpfile(name: &str, data: &[u8]) -> String {
        let p = std::env::temp_dir().join(format!("el2emu-vmm-test-{}-{name}", std::process::id()));
        std::fs::File::create(&p).unwrap().write_all(data).unwrap();
        p.to_string_lossy().into_owned()
    }

    #[test]
    fn loads_raw_image_at_text_offset() {
        let img = fake_image(0x8_0000, 0x40_0000, 3 << 20);
        let path = tmpfile("raw", &img);
        let mut mem = Buf { base: 0x4000_0000, data: vec![0; 8 << 20] };
        let k = load_kernel(&mut mem, &mut open_kernel(&path).unwrap(), 0x4000_0000).unwrap();
        std::fs::remove_file(&path).unwrap();
        assert_eq!(k.entry, 0x4008_0000);
        assert_eq!(k.end, 0x4008_0000 + 0x40_0000, "image_size covers the file");
        assert_eq!(&mem.data[0x8_0000..0x8_0000 + img.len()], &img[..]);
    }

    #[test]
    fn decompresses_gzip_image() {
        let img = fake_image(0, 0x80_0000, 100_000);
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(&img).unwrap();
        let path = tmpfile("gz", &enc.finish().unwrap());
        let mut mem = Buf { base: 0x4000_0000, data: vec![0; 1 << 20] };
        let k = load_kernel(&mut mem, &mut open_kernel(&path).unwrap(), 0x4000_0000).unwrap();
        std::fs::remove_file(&path).unwrap();
        assert_eq!(k, LoadedKernel { entry: 0x4000_0000, end: 0x4080_0000 });
        assert_eq!(&mem.data[..img.len()], &img[..]);
    }

    #[test]
    fn rejects_non_images() {
        let path = tmpfile("bad", &[0u8; 128]);
        let mut mem = Buf { base: 0, data: vec![0; 4096] };
        let err = load_kernel(&mut mem, &mut open_kernel(&path).unwrap(), 0).unwrap_err();
        std::fs::remove_file(&path).unwrap();
        assert!(err.to_string().contains("not an arm64"), "{err}");
    }
}
