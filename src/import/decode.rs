//! Turning a file's bytes into text rows: counting bytes for progress, undoing gzip,
//! and detecting the encoding (UTF-8 with or without a BOM, Windows-1252, UTF-16).

use std::borrow::Cow;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use encoding_rs::{Decoder, UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::error::ImportErrorKind;

/// Buffer size of every reader in the chain.
pub(crate) const BUFFER_BYTES: usize = 256 * 1024;

/// A reader that counts the bytes it hands out, so progress can be shown against the file's size.
pub(crate) struct CountingReader<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R> CountingReader<R> {
    /// Wraps `inner`; `count` grows as bytes are read.
    pub(crate) fn new(inner: R, count: Arc<AtomicU64>) -> Self {
        Self { inner, count }
    }
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.count.fetch_add(read as u64, Ordering::Relaxed);
        Ok(read)
    }
}

impl<R: Seek> Seek for CountingReader<R> {
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        let at = self.inner.seek(pos)?;
        self.count.store(at, Ordering::Relaxed);
        Ok(at)
    }
}

/// Bytes read ahead on a named thread, so that reading and decompressing the file overlap
/// with parsing it. At most [`READ_AHEAD_CHUNKS`] chunks of [`BUFFER_BYTES`] wait in memory.
pub(crate) struct ReadAhead {
    chunks: std::sync::mpsc::Receiver<io::Result<Vec<u8>>>,
    spent: std::sync::mpsc::SyncSender<Vec<u8>>,
    current: Vec<u8>,
    at: usize,
}

/// Chunks that may wait between the reading thread and the parser.
pub(crate) const READ_AHEAD_CHUNKS: usize = 4;

impl ReadAhead {
    /// Starts a thread named `bilateral-read-ahead` in `scope` that opens a reader with
    /// `open` and reads it to the end; the thread stops when the `ReadAhead` is dropped.
    pub(crate) fn spawn<'scope, F, R>(
        scope: &'scope std::thread::Scope<'scope, '_>,
        open: F,
    ) -> io::Result<Self>
    where
        F: FnOnce() -> io::Result<R> + Send + 'scope,
        R: Read,
    {
        let (sender, chunks) = std::sync::mpsc::sync_channel(READ_AHEAD_CHUNKS);
        // Spent chunks come back for reuse; when the slots are full one is simply dropped.
        let (spent, reusable) = std::sync::mpsc::sync_channel::<Vec<u8>>(READ_AHEAD_CHUNKS + 1);
        std::thread::Builder::new()
            .name("bilateral-read-ahead".into())
            .spawn_scoped(scope, move || {
                let reader = match open() {
                    Ok(reader) => reader,
                    Err(error) => {
                        let _ = sender.send(Err(error));
                        return;
                    }
                };
                let mut reader = reader.take(0);
                loop {
                    let mut chunk = reusable.try_recv().unwrap_or_default();
                    chunk.clear();
                    // Up to a chunk's worth, into the chunk's spare room without zeroing it
                    // first; a small file gets a small chunk.
                    reader.set_limit(BUFFER_BYTES as u64);
                    match reader.read_to_end(&mut chunk) {
                        Ok(0) => return,
                        Ok(_) => {
                            if sender.send(Ok(chunk)).is_err() {
                                return;
                            }
                        }
                        Err(error) => {
                            let _ = sender.send(Err(error));
                            return;
                        }
                    }
                }
            })?;
        Ok(Self {
            chunks,
            spent,
            current: Vec::new(),
            at: 0,
        })
    }
}

impl Read for ReadAhead {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        while self.at >= self.current.len() {
            match self.chunks.recv() {
                Ok(Ok(chunk)) => {
                    let spent = std::mem::replace(&mut self.current, chunk);
                    let _ = self.spent.try_send(spent);
                    self.at = 0;
                }
                Ok(Err(error)) => return Err(error),
                Err(_) => return Ok(0),
            }
        }
        let available = &self.current[self.at..];
        let n = available.len().min(out.len());
        out[..n].copy_from_slice(&available[..n]);
        self.at += n;
        Ok(n)
    }
}

/// What a file is, from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Container {
    /// Text, maybe a table.
    Plain,
    /// gzip-compressed.
    Gzip,
    /// A zip archive: `.zip`, `.xlsx` or `.ods`.
    Zip,
    /// An OLE compound file: a legacy `.xls`.
    Ole,
}

/// The container `head` (the file's first bytes) starts.
pub(crate) fn container_of(head: &[u8]) -> Container {
    if head.starts_with(&[0x1f, 0x8b]) {
        Container::Gzip
    } else if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        Container::Zip
    } else if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Container::Ole
    } else {
        Container::Plain
    }
}

/// The encoding of a text table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8 announced by a byte-order mark: bytes that are not UTF-8 are an error.
    Utf8Bom,
    /// No mark: each field is UTF-8 when it is valid UTF-8, else Windows-1252 (what
    /// Comtrade, WITS and Excel on Windows write).
    Utf8OrWindows1252,
    /// UTF-16, little-endian (Excel's "Unicode text"), decoded to UTF-8 on the fly.
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
}

impl TextEncoding {
    /// A name for reports.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Self::Utf8Bom => "UTF-8 with BOM",
            Self::Utf8OrWindows1252 => "UTF-8/Windows-1252",
            Self::Utf16Le => "UTF-16LE",
            Self::Utf16Be => "UTF-16BE",
        }
    }
}

/// Detects the encoding from the first bytes and returns a reader of UTF-8 (or, without a
/// BOM, possibly Windows-1252) bytes, with any byte-order mark removed.
pub fn text_reader<'r>(
    reader: Box<dyn Read + 'r>,
) -> Result<(Box<dyn BufRead + 'r>, TextEncoding), ImportErrorKind> {
    let mut buffered = BufReader::with_capacity(BUFFER_BYTES, reader);
    let head = fill_head(&mut buffered)?;
    let encoding = sniff_encoding(&head)?;
    match encoding {
        TextEncoding::Utf8Bom => {
            buffered.consume(3);
            Ok((Box::new(buffered), encoding))
        }
        TextEncoding::Utf8OrWindows1252 => Ok((Box::new(buffered), encoding)),
        TextEncoding::Utf16Le | TextEncoding::Utf16Be => {
            let table = if encoding == TextEncoding::Utf16Le {
                UTF_16LE
            } else {
                UTF_16BE
            };
            let decoder = Utf16Reader {
                inner: buffered,
                decoder: table.new_decoder_with_bom_removal(),
                finished: false,
            };
            Ok((
                Box::new(BufReader::with_capacity(BUFFER_BYTES, decoder)),
                encoding,
            ))
        }
    }
}

/// Up to 64 KiB of the start of `reader`, without consuming it.
fn fill_head<R: Read>(reader: &mut BufReader<R>) -> Result<Vec<u8>, ImportErrorKind> {
    let head = reader.fill_buf().map_err(|e| read_error(&e))?;
    Ok(head[..head.len().min(64 * 1024)].to_vec())
}

/// What a read failure means to a user: corrupt compressed data, bad UTF-16, or I/O.
pub fn read_error(error: &io::Error) -> ImportErrorKind {
    let message = error.to_string();
    match error.kind() {
        io::ErrorKind::InvalidData if message.contains("UTF-16") => {
            ImportErrorKind::WrongEncoding(message)
        }
        io::ErrorKind::InvalidData | io::ErrorKind::InvalidInput | io::ErrorKind::UnexpectedEof => {
            ImportErrorKind::Corrupt {
                what: "compressed data",
                message,
            }
        }
        _ => ImportErrorKind::Io(message),
    }
}

fn sniff_encoding(head: &[u8]) -> Result<TextEncoding, ImportErrorKind> {
    if head.starts_with(b"\xEF\xBB\xBF") {
        return Ok(TextEncoding::Utf8Bom);
    }
    if head.starts_with(b"\xFF\xFE") {
        return Ok(TextEncoding::Utf16Le);
    }
    if head.starts_with(b"\xFE\xFF") {
        return Ok(TextEncoding::Utf16Be);
    }
    let Some(first_nul) = memchr::memchr(0, head) else {
        return Ok(TextEncoding::Utf8OrWindows1252);
    };
    let sample = &head[..head.len().min(4096)];
    let nul_at = |parity: usize| {
        sample
            .iter()
            .enumerate()
            .filter(|(i, b)| i % 2 == parity && **b == 0)
            .count()
    };
    let half = sample.len() / 2;
    if nul_at(1) * 10 >= half * 4 && nul_at(0) * 10 < half {
        Ok(TextEncoding::Utf16Le)
    } else if nul_at(0) * 10 >= half * 4 && nul_at(1) * 10 < half {
        Ok(TextEncoding::Utf16Be)
    } else {
        Err(ImportErrorKind::WrongEncoding(format!(
            "a NUL byte at byte {first_nul}: this is binary data, not a text table in UTF-8, Windows-1252 or UTF-16"
        )))
    }
}

/// Decodes UTF-16 to UTF-8 as it is read; a malformed sequence is an `InvalidData` error.
struct Utf16Reader<R> {
    inner: R,
    decoder: Decoder,
    finished: bool,
}

impl<R: BufRead> Read for Utf16Reader<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if out.len() < 4 {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "buffer too small for UTF-8",
            ));
        }
        loop {
            if self.finished {
                return Ok(0);
            }
            let input = self.inner.fill_buf()?;
            let last = input.is_empty();
            let (result, read, written) = self
                .decoder
                .decode_to_utf8_without_replacement(input, out, last);
            self.inner.consume(read);
            if matches!(result, encoding_rs::DecoderResult::Malformed(_, _)) {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    "invalid UTF-16: an unpaired surrogate or an odd number of bytes",
                ));
            }
            if last {
                self.finished = true;
            }
            if written > 0 || last {
                return Ok(written);
            }
        }
    }
}

/// The text of a field: UTF-8 when the bytes are valid UTF-8, else Windows-1252.
pub fn lenient_text(bytes: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => WINDOWS_1252.decode_without_bom_handling(bytes).0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8]) -> Result<(String, TextEncoding), ImportErrorKind> {
        let (mut reader, encoding) = text_reader(Box::new(io::Cursor::new(bytes.to_vec())))?;
        let mut text = Vec::new();
        reader.read_to_end(&mut text).map_err(|e| read_error(&e))?;
        Ok((lenient_text(&text).into_owned(), encoding))
    }

    #[test]
    fn utf8_with_and_without_bom_and_windows_1252_are_read() {
        let (text, encoding) = decode(b"\xEF\xBB\xBFa,b\n").expect("bom");
        assert_eq!((text.as_str(), encoding), ("a,b\n", TextEncoding::Utf8Bom));
        let (text, _) = decode("Türkiye\n".as_bytes()).expect("utf-8");
        assert_eq!(text, "Türkiye\n");
        let (text, encoding) = decode(b"Cura\xE7ao\n").expect("cp1252");
        assert_eq!(text, "Curaçao\n");
        assert_eq!(encoding, TextEncoding::Utf8OrWindows1252);
    }

    #[test]
    fn utf16_is_detected_with_or_without_a_mark() {
        let units: Vec<u8> = "year,value\n2020,1.5\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let mut marked = vec![0xFF, 0xFE];
        marked.extend(&units);
        for bytes in [marked, units] {
            let (text, encoding) = decode(&bytes).expect("utf-16");
            assert_eq!(text, "year,value\n2020,1.5\n");
            assert_eq!(encoding, TextEncoding::Utf16Le);
        }
    }

    #[test]
    fn binary_data_and_broken_utf16_are_wrong_encodings() {
        assert!(matches!(
            decode(b"abc\0\x01\x02\0\0\0xyz\x7f\0\0\0\0\0"),
            Err(ImportErrorKind::WrongEncoding(_))
        ));
        let broken = [0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b', 0];
        assert!(matches!(
            decode(&broken),
            Err(ImportErrorKind::WrongEncoding(_))
        ));
    }

    #[test]
    fn read_ahead_hands_on_every_byte_and_the_error_at_the_end() {
        let bytes: Vec<u8> = (0..3 * BUFFER_BYTES + 17)
            .map(|i| u8::try_from(i % 251).expect("below 251"))
            .collect();
        let copy = bytes.clone();
        let read = std::thread::scope(|scope| {
            let mut ahead = ReadAhead::spawn(scope, move || Ok(io::Cursor::new(copy)))?;
            let mut all = Vec::new();
            ahead.read_to_end(&mut all).map(|_| all)
        });
        assert_eq!(read.expect("reads"), bytes);
        let failed = std::thread::scope(|scope| {
            let mut ahead = ReadAhead::spawn(scope, || {
                Err::<io::Empty, _>(io::Error::new(io::ErrorKind::InvalidData, "corrupt"))
            })?;
            ahead.read_to_end(&mut Vec::new())
        });
        assert_eq!(
            failed.map_err(|e| e.kind()),
            Err(io::ErrorKind::InvalidData)
        );
    }

    #[test]
    fn containers_are_told_by_their_magic_bytes() {
        assert_eq!(container_of(&[0x1f, 0x8b, 8]), Container::Gzip);
        assert_eq!(container_of(b"PK\x03\x04rest"), Container::Zip);
        assert_eq!(container_of(b"year,value"), Container::Plain);
    }
}
