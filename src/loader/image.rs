//! The Linux arm64 `Image` format (Linux `Documentation/arm64/booting.rst`, "Call the
//! kernel image"), plain or gzip-compressed (Debian's `vmlinuz`).
//!
//! The 64-byte header, little-endian:
//!
//! ```text
//! 0   code0        executable code (usually a branch)
//! 4   code1
//! 8   text_offset  image load offset from a 2 MiB aligned base
//! 16  image_size   effective image size (including BSS); 0 before Linux 3.17
//! 24  flags        bit 0: big-endian; bits 1-2: page size; bit 3: placement
//! 32  res2..res4
//! 56  magic        "ARM\x64"
//! 60  res5         PE/COFF header offset (EFI stub)
//! ```

use std::io::Read;

use anyhow::{bail, Context, Result};
use flate2::read::GzDecoder;

/// Header length.
pub const HEADER_LEN: usize = 64;
/// The magic at offset 56, "ARM\x64" as a little-endian u32.
pub const MAGIC: u32 = 0x644d_5241;
/// The two bytes that open a gzip member (RFC 1952, 2.3.1: ID1, ID2).
pub const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];
/// `text_offset` to assume when `image_size` is 0 (booting.rst: kernels before 3.17).
pub const LEGACY_TEXT_OFFSET: u64 = 0x8_0000;
/// The kernel must be placed `text_offset` bytes above a base aligned to this.
pub const BASE_ALIGN: u64 = 2 << 20;

/// The parts of the header the loader uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImageHeader {
    /// Load offset from the 2 MiB aligned base (already defaulted for old kernels).
    pub text_offset: u64,
    /// Bytes the kernel occupies from its load address, including BSS (never less than
    /// the file itself).
    pub image_size: u64,
    /// The `flags` field.
    pub flags: u64,
}

fn le64(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().expect("8-byte slice"))
}

/// Whether `data` starts like an arm64 Image.
pub fn is_image(data: &[u8]) -> bool {
    data.len() >= HEADER_LEN && u32::from_le_bytes(data[56..60].try_into().expect("4 bytes")) == MAGIC
}

/// Whether `data` is gzip-compressed.
pub fn is_gzip(data: &[u8]) -> bool {
    data.starts_with(&GZIP_MAGIC)
}

/// Parse and check the header of `data`.
pub fn parse_header(data: &[u8]) -> Result<ImageHeader> {
    if !is_image(data) {
        bail!("not an arm64 Image: no \"ARM\\x64\" magic at offset 56");
    }
    let text_offset = le64(data, 8);
    let image_size = le64(data, 16);
    let flags = le64(data, 24);
    if flags & 1 != 0 {
        bail!("the kernel is big-endian (Image flags bit 0); el2emu runs little-endian guests only");
    }
    let (text_offset, image_size) = if image_size == 0 {
        (LEGACY_TEXT_OFFSET, data.len() as u64)
    } else {
        (text_offset, image_size.max(data.len() as u64))
    };
    if !text_offset.is_multiple_of(4096) || text_offset >= BASE_ALIGN {
        bail!("Image text_offset {text_offset:#x} is not a page-aligned offset below 2 MiB");
    }
    Ok(ImageHeader { text_offset, image_size, flags })
}

/// Decompress a gzip member, refusing output larger than `limit` bytes (it could not
/// fit in guest RAM anyway, and a hostile file must not exhaust host memory).
pub fn gunzip(data: &[u8], limit: u64) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    GzDecoder::new(data).take(limit + 1).read_to_end(&mut out).context("decompressing the gzip-compressed kernel")?;
    if out.len() as u64 > limit {
        bail!("the decompressed kernel is larger than guest RAM ({limit} bytes)");
    }
    Ok(out)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A minimal Image: a header with `text_offset`/`image_size`, then `body`.
    pub(crate) fn image(text_offset: u64, image_size: u64, body: &[u8]) -> Vec<u8> {
        let mut v = vec![0u8; HEADER_LEN];
        v[0..4].copy_from_slice(&0x1400_0010u32.to_le_bytes()); // b +0x40
        v[8..16].copy_from_slice(&text_offset.to_le_bytes());
        v[16..24].copy_from_slice(&image_size.to_le_bytes());
        v[24..32].copy_from_slice(&0xau64.to_le_bytes()); // LE, 4K pages, anywhere
        v[56..60].copy_from_slice(&MAGIC.to_le_bytes());
        v.extend_from_slice(body);
        v
    }

    pub(crate) fn gzip(data: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn parses_a_modern_header() {
        let h = parse_header(&image(0, 0x20_0000, &[0; 16])).unwrap();
        assert_eq!(h, ImageHeader { text_offset: 0, image_size: 0x20_0000, flags: 0xa });
    }

    #[test]
    fn zero_image_size_means_legacy_text_offset() {
        let data = image(0x1234_0000, 0, &[0; 100]);
        let h = parse_header(&data).unwrap();
        assert_eq!(h.text_offset, LEGACY_TEXT_OFFSET);
        assert_eq!(h.image_size, data.len() as u64);
    }

    #[test]
    fn image_size_is_at_least_the_file() {
        let data = image(0, 16, &[0; 1000]);
        assert_eq!(parse_header(&data).unwrap().image_size, data.len() as u64);
    }

    #[test]
    fn rejects_bad_headers() {
        assert!(parse_header(b"short").is_err());
        assert!(parse_header(&[0u8; 64]).is_err());
        let mut be = image(0, 0x1000, &[]);
        be[24] = 1;
        assert!(parse_header(&be).unwrap_err().to_string().contains("big-endian"));
        assert!(parse_header(&image(0x123, 0x1000, &[])).is_err());
        assert!(parse_header(&image(4 << 20, 0x1000, &[])).is_err());
    }

    #[test]
    fn gzip_roundtrip_and_limit() {
        let data = image(0, 0x1000, &[7; 5000]);
        let z = gzip(&data);
        assert!(is_gzip(&z) && !is_gzip(&data));
        assert_eq!(gunzip(&z, 1 << 20).unwrap(), data);
        assert!(gunzip(&z, 100).unwrap_err().to_string().contains("larger than guest RAM"));
        assert!(gunzip(&[0x1f, 0x8b, 8, 0, 1, 2], 1 << 20).is_err());
    }
}
