//! A deflated `.zip` entry inflated whole into memory, in one call, instead of through a
//! stream of small reads: the size the archive declares is the buffer's, the CRC-32 it
//! declares is checked. GDELT 2.0 exports are a few MB each, so a month of them is read
//! this way; larger entries (a GDELT 1.0 daily file, an ICEWS year) are streamed.
//!
//! Inflating is most of the time of reading zipped events (docs/benchmarks.md, "Event
//! files"). On Linux libdeflate inflates (about 1.5 times zlib-rs' speed on GDELT
//! exports, measured there); it is C, which a macOS or Windows build made on Linux cannot
//! compile, so elsewhere zlib-rs does (through `flate2`, already in the build).

use std::io::{Read, Seek};

/// The largest entry inflated whole (declared size, inflated or compressed); larger ones
/// are streamed. Two readers at this size stay inside the import's 64 MB.
pub(crate) const WHOLE_ENTRY_BYTES: u64 = 8 << 20;

/// What one reader keeps from entry to entry.
#[derive(Default)]
pub(crate) struct EntryBuffers {
    /// The compressed bytes.
    raw: Vec<u8>,
    /// The inflated bytes.
    inflated: Vec<u8>,
    inflater: Inflater,
}

/// Entry `index` of `archive` inflated whole into `buffers`, if it is deflated, not
/// encrypted and at most [`WHOLE_ENTRY_BYTES`]; `None` for any other (to be streamed).
///
/// # Errors
/// Why the entry cannot be read: a read error, data that do not inflate to the declared
/// size, or a CRC-32 that differs from the declared one.
pub(crate) fn inflate_entry<'b, R: Read + Seek>(
    archive: &mut zip::ZipArchive<R>,
    index: usize,
    buffers: &'b mut EntryBuffers,
) -> Result<Option<&'b [u8]>, String> {
    let mut entry = archive.by_index_raw(index).map_err(|e| e.to_string())?;
    if entry.compression() != zip::CompressionMethod::Deflated
        || entry.encrypted()
        || entry.size() > WHOLE_ENTRY_BYTES
        || entry.compressed_size() > WHOLE_ENTRY_BYTES
    {
        return Ok(None);
    }
    let (size, crc) = (entry.size(), entry.crc32());
    buffers.raw.clear();
    entry
        .read_to_end(&mut buffers.raw)
        .map_err(|e| e.to_string())?;
    let size = usize::try_from(size).map_err(|e| e.to_string())?;
    buffers.inflated.resize(size, 0);
    buffers
        .inflater
        .inflate(&buffers.raw, &mut buffers.inflated)?;
    if crc32fast::hash(&buffers.inflated) != crc {
        return Err("invalid checksum (CRC-32) of the inflated entry".into());
    }
    Ok(Some(&buffers.inflated))
}

/// Inflates raw deflate data whole with libdeflate.
#[cfg(target_os = "linux")]
struct Inflater(libdeflater::Decompressor);

#[cfg(target_os = "linux")]
impl Default for Inflater {
    fn default() -> Self {
        Self(libdeflater::Decompressor::new())
    }
}

#[cfg(target_os = "linux")]
impl Inflater {
    /// Inflates `raw` into `out`, which it must fill exactly.
    fn inflate(&mut self, raw: &[u8], out: &mut [u8]) -> Result<(), String> {
        match self.0.deflate_decompress(raw, out) {
            Ok(n) if n == out.len() => Ok(()),
            Ok(n) => Err(short(n, out.len())),
            Err(e) => Err(format!("the entry does not inflate: {e}")),
        }
    }
}

/// Inflates raw deflate data whole with zlib-rs.
#[cfg(not(target_os = "linux"))]
#[derive(Default)]
struct Inflater;

#[cfg(not(target_os = "linux"))]
impl Inflater {
    /// Inflates `raw` into `out`, which it must fill exactly.
    #[expect(clippy::unused_self, reason = "the same call as libdeflate's on Linux")]
    fn inflate(&mut self, raw: &[u8], out: &mut [u8]) -> Result<(), String> {
        let mut inflater = flate2::Decompress::new(false);
        let status = inflater
            .decompress(raw, out, flate2::FlushDecompress::Finish)
            .map_err(|e| format!("the entry does not inflate: {e}"))?;
        let n = usize::try_from(inflater.total_out()).unwrap_or(usize::MAX);
        if status != flate2::Status::StreamEnd {
            return Err("the entry inflates to more than its declared size".into());
        }
        if n != out.len() {
            return Err(short(n, out.len()));
        }
        Ok(())
    }
}

fn short(inflated: usize, declared: usize) -> String {
    format!("the entry inflates to {inflated} bytes, not the {declared} it declares")
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::*;

    fn archive_of(bytes: &[u8], method: zip::CompressionMethod) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default().compression_method(method);
        writer.start_file("a.CSV", options).expect("entry");
        writer.write_all(bytes).expect("write");
        writer.finish().expect("finish").into_inner()
    }

    #[test]
    fn a_deflated_entry_inflates_to_its_bytes_and_a_stored_one_is_left_to_the_stream() {
        let text: Vec<u8> = (0..50_000_u32)
            .flat_map(|n| format!("{n}\tRUS\tIRN\n").into_bytes())
            .collect();
        let zipped = archive_of(&text, zip::CompressionMethod::Deflated);
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zipped)).expect("zip");
        let mut buffers = EntryBuffers::default();
        let inflated = inflate_entry(&mut archive, 0, &mut buffers).expect("inflates");
        assert_eq!(inflated, Some(&text[..]));
        let stored = archive_of(&text, zip::CompressionMethod::Stored);
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(stored)).expect("zip");
        assert_eq!(inflate_entry(&mut archive, 0, &mut buffers), Ok(None));
    }

    #[test]
    fn a_wrong_checksum_or_size_is_an_error() {
        let text = b"1\t20180326\tRUS\n".repeat(1000);
        let zipped = archive_of(&text, zip::CompressionMethod::Deflated);
        // The CRC-32 of the entry in the central directory (offset 16 of its record).
        let central = zipped
            .windows(4)
            .position(|w| w == b"PK\x01\x02")
            .expect("central directory");
        let mut bad_crc = zipped.clone();
        bad_crc[central + 16] ^= 1;
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bad_crc)).expect("zip");
        let error = inflate_entry(&mut archive, 0, &mut EntryBuffers::default())
            .expect_err("a wrong checksum");
        assert!(error.contains("CRC-32"), "{error}");
        // The declared uncompressed size (offset 24), one byte less than the truth.
        let mut bad_size = zipped;
        let size = u32::from_le_bytes(
            bad_size[central + 24..central + 28]
                .try_into()
                .expect("4 bytes"),
        );
        bad_size[central + 24..central + 28].copy_from_slice(&(size - 1).to_le_bytes());
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bad_size)).expect("zip");
        let error =
            inflate_entry(&mut archive, 0, &mut EntryBuffers::default()).expect_err("a wrong size");
        assert!(error.contains("inflate"), "{error}");
    }
}
