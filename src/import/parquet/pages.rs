//! The sizes a Parquet file's pages state, checked before the `parquet` crate reads them.
//!
//! The crate makes room for as many bytes as a page's header says the page holds once
//! decompressed (up to 2 GiB) before it decompresses it, so a corrupt or hostile header
//! would have it reserve that much. Before a row group is read, the headers of its column
//! chunks' pages are walked here (Thrift's compact protocol, the little of it a header
//! needs: each field passed over by its type) and a page that states more than
//! [`PAGE_LIMIT_BYTES`] decompressed, or more compressed bytes than its column chunk has
//! left, is refused with its row group, column and page.

use std::io::Read;

use parquet::file::metadata::ParquetMetaData;
use parquet::file::reader::ChunkReader;

/// The most bytes one page may hold decompressed: writers make pages of about 1 MiB
/// (dictionary pages too), so this is far above any real page.
pub(crate) const PAGE_LIMIT_BYTES: u64 = 256 << 20;
/// The most bytes one page header may take (its statistics hold the page's smallest and
/// largest value, which a writer cuts short).
const HEADER_LIMIT_BYTES: u64 = 16 << 20;
/// How deep the structures inside a header may nest.
const DEPTH_LIMIT: u32 = 16;

/// What a page's header states about its size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PageSizes {
    header: u64,
    compressed: u64,
    uncompressed: u64,
}

/// Checks the page headers of every column chunk of the row groups `groups` (indices) of
/// the file `chunks`, against `page_limit` bytes decompressed, and counts the pages; on a
/// page over it, or one that runs past its column chunk, says which, in words.
pub(crate) fn check_pages<C: ChunkReader>(
    chunks: &C,
    metadata: &ParquetMetaData,
    groups: impl IntoIterator<Item = usize>,
    page_limit: u64,
) -> Result<u64, String> {
    let mut pages = 0;
    for group_index in groups {
        let Some(group) = metadata.row_groups().get(group_index) else {
            continue;
        };
        for column in group.columns() {
            let place = || {
                format!(
                    "row group {}, column `{}`",
                    group_index + 1,
                    column.column_path()
                )
            };
            let start = column
                .dictionary_page_offset()
                .unwrap_or_else(|| column.data_page_offset());
            let (Ok(start), Ok(length)) = (
                u64::try_from(start),
                u64::try_from(column.compressed_size()),
            ) else {
                return Err(format!("{}: a negative offset or size", place()));
            };
            let end = start.saturating_add(length);
            if end > chunks.len() {
                return Err(format!("{}: runs past the end of the file", place()));
            }
            let mut at = start;
            let mut page = 0_u64;
            while at < end {
                page += 1;
                let sizes = chunks
                    .get_read(at)
                    .map_err(|e| e.to_string())
                    .and_then(read_page_sizes)
                    .map_err(|why| format!("{}, page {page}: {why}", place()))?;
                if sizes.uncompressed > page_limit {
                    return Err(format!(
                        "{}, page {page}: says it holds {} bytes, more than the {} MiB in one page Bilateral reads",
                        place(),
                        sizes.uncompressed,
                        page_limit >> 20
                    ));
                }
                let next = at
                    .saturating_add(sizes.header)
                    .saturating_add(sizes.compressed);
                if next > end {
                    return Err(format!(
                        "{}, page {page}: its {} bytes run past the end of its column chunk",
                        place(),
                        sizes.compressed
                    ));
                }
                at = next;
            }
            pages += page;
        }
    }
    Ok(pages)
}

/// The sizes in the page header at the start of `reader`, and the header's own length.
fn read_page_sizes(reader: impl Read) -> Result<PageSizes, String> {
    let mut input = Compact {
        reader: reader.take(HEADER_LIMIT_BYTES),
        read: 0,
    };
    let mut sizes = (None, None);
    let mut field = 0_i16;
    while let Some((id, kind)) = input.field_header(&mut field)? {
        match (id, kind) {
            (2 | 3, I32) => {
                let value = u64::try_from(input.i32()?)
                    .map_err(|_| "a page header states a negative size".to_owned())?;
                if id == 2 {
                    sizes.0 = Some(value);
                } else {
                    sizes.1 = Some(value);
                }
            }
            _ => input.skip(kind, 0)?,
        }
    }
    match sizes {
        (Some(uncompressed), Some(compressed)) => Ok(PageSizes {
            header: input.read,
            compressed,
            uncompressed,
        }),
        _ => Err("a page header without its sizes".to_owned()),
    }
}

const BOOL_TRUE: u8 = 1;
const BOOL_FALSE: u8 = 2;
const BYTE: u8 = 3;
const I16: u8 = 4;
const I32: u8 = 5;
const I64: u8 = 6;
const DOUBLE: u8 = 7;
const BINARY: u8 = 8;
const LIST: u8 = 9;
const SET: u8 = 10;
const MAP: u8 = 11;
const STRUCT: u8 = 12;
const UUID: u8 = 13;

/// Thrift's compact protocol, read from `reader`, counting the bytes read.
struct Compact<R> {
    reader: R,
    read: u64,
}

impl<R: Read> Compact<R> {
    fn byte(&mut self) -> Result<u8, String> {
        let mut one = [0_u8; 1];
        self.reader
            .read_exact(&mut one)
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::UnexpectedEof => {
                    "a page header cut short, or longer than 16 MiB".to_owned()
                }
                _ => e.to_string(),
            })?;
        self.read += 1;
        Ok(one[0])
    }

    fn varint(&mut self) -> Result<u64, String> {
        let mut value = 0_u64;
        for shift in (0..70).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f).checked_shl(shift).unwrap_or(0);
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err("a number in a page header runs on".to_owned())
    }

    fn i32(&mut self) -> Result<i64, String> {
        let raw = self.varint()?;
        let value =
            i64::try_from(raw >> 1).unwrap_or(i64::MAX) ^ -i64::try_from(raw & 1).unwrap_or(0);
        Ok(value)
    }

    fn pass_over(&mut self, bytes: u64) -> Result<(), String> {
        let copied = std::io::copy(&mut (&mut self.reader).take(bytes), &mut std::io::sink())
            .map_err(|e| e.to_string())?;
        self.read += copied;
        if copied == bytes {
            Ok(())
        } else {
            Err("a page header cut short, or longer than 16 MiB".to_owned())
        }
    }

    /// The next field's id and type, or `None` at the end of the structure; `last` is the
    /// id of the field before, which a short header adds to.
    fn field_header(&mut self, last: &mut i16) -> Result<Option<(i16, u8)>, String> {
        let byte = self.byte()?;
        let kind = byte & 0x0f;
        if kind == 0 {
            return Ok(None);
        }
        let delta = byte >> 4;
        let id = if delta == 0 {
            i16::try_from(self.i32()?).map_err(|_| "a field id out of range".to_owned())?
        } else {
            last.saturating_add(i16::from(delta))
        };
        *last = id;
        Ok(Some((id, kind)))
    }

    /// Passes over one value of type `kind`, `depth` structures deep.
    fn skip(&mut self, kind: u8, depth: u32) -> Result<(), String> {
        if depth > DEPTH_LIMIT {
            return Err("a page header nests too deep".to_owned());
        }
        match kind {
            BOOL_TRUE | BOOL_FALSE => Ok(()),
            BYTE => self.byte().map(|_| ()),
            I16 | I32 | I64 => self.varint().map(|_| ()),
            DOUBLE => self.pass_over(8),
            UUID => self.pass_over(16),
            BINARY => {
                let length = self.varint()?;
                self.pass_over(length)
            }
            LIST | SET => {
                let header = self.byte()?;
                let element = header & 0x0f;
                let count = match header >> 4 {
                    15 => self.varint()?,
                    short => u64::from(short),
                };
                self.skip_items(count, &[element], depth)
            }
            MAP => {
                let count = self.varint()?;
                if count == 0 {
                    return Ok(());
                }
                let kinds = self.byte()?;
                self.skip_items(count, &[kinds >> 4, kinds & 0x0f], depth)
            }
            STRUCT => {
                let mut field = 0_i16;
                while let Some((_, inner)) = self.field_header(&mut field)? {
                    self.skip(inner, depth + 1)?;
                }
                Ok(())
            }
            other => Err(format!(
                "a page header holds a value of unknown type {other}"
            )),
        }
    }

    /// Passes over `count` items, each one value of each of `kinds` (a list's element, a
    /// map's key and value); a boolean inside a list takes a byte.
    fn skip_items(&mut self, count: u64, kinds: &[u8], depth: u32) -> Result<(), String> {
        for _ in 0..count {
            for &kind in kinds {
                match kind {
                    BOOL_TRUE | BOOL_FALSE => self.byte().map(|_| ())?,
                    _ => self.skip(kind, depth + 1)?,
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parquet::file::reader::{FileReader, SerializedFileReader};

    const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/parquet/");

    fn fixture(name: &str) -> bytes::Bytes {
        bytes::Bytes::from(std::fs::read(format!("{FIXTURES}{name}")).expect("fixture"))
    }

    /// The pages of every column chunk, as the crate's own page reader counts them.
    fn pages_the_crate_reads(chunks: &bytes::Bytes) -> (u64, u64) {
        let reader = SerializedFileReader::new(chunks.clone()).expect("opens");
        let mut pages = 0;
        let mut largest = 0;
        for group in 0..reader.num_row_groups() {
            let group = reader.get_row_group(group).expect("row group");
            for column in 0..group.num_columns() {
                for page in group.get_column_page_reader(column).expect("pages") {
                    let page = page.expect("page");
                    pages += 1;
                    largest = largest.max(page.buffer().len() as u64);
                }
            }
        }
        (pages, largest)
    }

    /// The pages `check_pages` walks in every row group.
    fn pages_walked(chunks: &bytes::Bytes) -> u64 {
        let metadata = parquet::file::metadata::ParquetMetaDataReader::new()
            .parse_and_finish(chunks)
            .expect("footer");
        check_pages(
            chunks,
            &metadata,
            0..metadata.num_row_groups(),
            PAGE_LIMIT_BYTES,
        )
        .expect("every page within the limit")
    }

    #[test]
    fn the_pages_of_files_polars_duckdb_and_spark_wrote_are_walked_as_the_crate_reads_them() {
        let mut names: Vec<String> = [
            "tidy_trade_tha_8542.polars.parquet",
            "tidy_trade_tha_8542.duckdb.parquet",
            "gdelt2_20180326044500_excerpt.all_columns.polars.parquet",
            "gdelt2_20180326044500_excerpt.duckdb.parquet",
        ]
        .map(String::from)
        .into();
        // Spark's part files, as it left them in its output folders.
        for folder in [
            "tidy_trade_tha_8542.spark",
            "gdelt2_20180326044500_excerpt.spark",
        ] {
            let entries = std::fs::read_dir(format!("{FIXTURES}{folder}")).expect("folder");
            for entry in entries {
                let name = entry
                    .expect("entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned();
                if name.starts_with("part-") && name.ends_with(".parquet") {
                    names.push(format!("{folder}/{name}"));
                }
            }
        }
        assert!(names.len() > 5, "Spark's part files are found");
        for name in &names {
            let chunks = fixture(name);
            let (pages, _) = pages_the_crate_reads(&chunks);
            assert!(pages > 0, "{name}");
            assert_eq!(pages_walked(&chunks), pages, "{name}");
        }
    }

    #[test]
    fn a_page_over_the_limit_is_refused_with_its_place() {
        let chunks = fixture("tidy_trade_tha_8542.polars.parquet");
        let metadata = parquet::file::metadata::ParquetMetaDataReader::new()
            .parse_and_finish(&chunks)
            .expect("footer");
        let (_, largest) = pages_the_crate_reads(&chunks);
        let error = check_pages(&chunks, &metadata, [0], 8).expect_err("refused");
        assert!(error.starts_with("row group 1, column `"), "{error}");
        assert!(error.contains("page 1: says it holds"), "{error}");
        assert!(largest > 8);
    }

    #[test]
    fn a_header_cut_short_or_nonsense_is_an_error_not_a_wait() {
        // Field 1 (type), then field 2 (uncompressed size) and the end of the bytes.
        assert!(read_page_sizes(&[0x15, 0x00, 0x15][..]).is_err());
        // A field of an unknown type.
        assert!(read_page_sizes(&[0x1e][..]).is_err());
        // A list that says it holds a huge number of structures, then ends.
        assert!(read_page_sizes(&[0x19, 0xfc, 0xff, 0xff, 0xff, 0x0f][..]).is_err());
        // Type, sizes 1,000 and 10, the end: read.
        let sizes = read_page_sizes(&[0x15, 0x00, 0x15, 0xd0, 0x0f, 0x15, 0x14, 0x00][..]);
        assert_eq!(
            sizes,
            Ok(PageSizes {
                header: 8,
                compressed: 10,
                uncompressed: 1000
            })
        );
    }
}
