//! Parquet files, as DuckDB, polars or Spark write the result of a query: a tidy trade table
//! (or any trade layout's columns) read as the CSV of the same columns would be, and GDELT
//! events ([`events`]) read as a GDELT export's rows.
//!
//! A Parquet file is told by its `PAR1` magic, at its start and its end. Its footer (the
//! schema and the row groups' statistics) is checked against limits before the `parquet`
//! crate decodes it, and row groups whose statistics show that they hold no row of the pair
//! are passed over unread ([`skip`]). The rest is read row group by row group with the
//! crate's record reader; each value becomes the text a CSV would hold (dates as
//! `2018-03-26`, numbers in their shortest exact form, a null or NaN as an empty field), so
//! the layouts' readers, their checks and their errors are the CSV ones, with the place of a
//! value given as its row, row group and column.

pub(crate) mod events;
pub(crate) mod pages;
pub(crate) mod parts;
pub(crate) mod skip;
pub(crate) mod values;

use std::path::Path;
use std::sync::atomic::AtomicBool;

use parquet::file::metadata::{ParquetMetaData, ParquetMetaDataReader};
use parquet::file::reader::{ChunkReader, FileReader};
use parquet::file::serialized_reader::{ReadOptionsBuilder, SerializedFileReader};
use parquet::record::reader::RowIter;
use parquet::schema::types::Type;

use crate::data::country::Pair;

use super::collect::{Collector, ProductChoice};
use super::detect::{Header, detect};
use super::error::{ImportError, ImportErrorKind, Position};
use super::progress::{Progress, Ticker};
use super::read::Pass;
use super::resolve::Resolver;
use super::table::{RecordSource, Rows};

/// The four bytes a Parquet file starts and ends with.
pub(crate) const MAGIC: &[u8; 4] = b"PAR1";
/// The largest footer (schema, row groups, statistics) read: a query's result has a few
/// kB of it; a larger one is more likely a corrupt length than a real file.
const FOOTER_LIMIT_BYTES: u64 = 16 << 20;
/// The most columns read.
const COLUMNS_LIMIT: usize = 4_096;
/// The most row groups read.
const ROW_GROUPS_LIMIT: usize = 1_000_000;
/// The largest row group (uncompressed, as its metadata says): engines write 128 MB–1 GB.
const ROW_GROUP_LIMIT_BYTES: i64 = 4 << 30;
/// The most rows a file may say it holds: far beyond any real file, and counts stay far
/// from overflowing.
const ROWS_LIMIT: i64 = 1 << 40;

/// Whether `head` (a file's first bytes) starts a Parquet file.
pub(crate) fn is_parquet(head: &[u8]) -> bool {
    head.starts_with(MAGIC)
}

/// Whether the file at `path` is a Parquet file, by its first four bytes.
pub(crate) fn is_parquet_file(path: &Path) -> bool {
    use std::io::Read as _;
    let Ok((mut opened, _)) = crate::io::file_state::open_regular(path) else {
        return false;
    };
    let mut head = [0_u8; 4];
    opened.read_exact(&mut head).is_ok() && is_parquet(&head)
}

fn corrupt(file: &str, message: impl std::fmt::Display) -> ImportError {
    ImportError::whole(
        file,
        ImportErrorKind::Corrupt {
            what: ".parquet",
            message: message.to_string(),
        },
    )
}

/// The file's footer, checked against the limits before it is decoded.
pub(crate) fn metadata<C: ChunkReader>(
    chunks: &C,
    file: &str,
) -> Result<ParquetMetaData, ImportError> {
    let length = chunks.len();
    if length < 12 {
        return Err(corrupt(
            file,
            "shorter than a Parquet file's magic and footer",
        ));
    }
    let tail = chunks
        .get_bytes(length - 8, 8)
        .map_err(|e| corrupt(file, e))?;
    if &tail[4..] != MAGIC {
        return Err(corrupt(
            file,
            "no `PAR1` at its end: a file cut short, or an encrypted one",
        ));
    }
    let footer = u64::from(u32::from_le_bytes([tail[0], tail[1], tail[2], tail[3]]));
    if footer > FOOTER_LIMIT_BYTES {
        return Err(ImportError::whole(
            file,
            ImportErrorKind::TooLarge {
                what: format!("a footer of {footer} bytes"),
                limit: format!("{} MiB", FOOTER_LIMIT_BYTES >> 20),
                advice: ": is the file corrupt?",
            },
        ));
    }
    if footer + 12 > length {
        return Err(corrupt(
            file,
            format!("its footer says {footer} bytes, more than the file holds"),
        ));
    }
    let decoded = guarded(file, || {
        ParquetMetaDataReader::new()
            .parse_and_finish(chunks)
            .map_err(|e| corrupt(file, e))
    })?;
    let columns = decoded.file_metadata().schema_descr().num_columns();
    if columns > COLUMNS_LIMIT {
        return Err(ImportError::whole(
            file,
            ImportErrorKind::TooLarge {
                what: format!("{columns} columns"),
                limit: COLUMNS_LIMIT.to_string(),
                advice: "",
            },
        ));
    }
    if decoded.num_row_groups() > ROW_GROUPS_LIMIT {
        return Err(ImportError::whole(
            file,
            ImportErrorKind::TooLarge {
                what: format!("{} row groups", decoded.num_row_groups()),
                limit: ROW_GROUPS_LIMIT.to_string(),
                advice: "",
            },
        ));
    }
    let mut rows_total = 0_i64;
    for (index, group) in decoded.row_groups().iter().enumerate() {
        rows_total = rows_total.saturating_add(group.num_rows().max(0));
        if rows_total > ROWS_LIMIT {
            return Err(ImportError::whole(
                file,
                ImportErrorKind::TooLarge {
                    what: format!("the rows the footer counts up to row group {}", index + 1),
                    limit: format!("{ROWS_LIMIT} rows"),
                    advice: ": is the file corrupt?",
                },
            ));
        }
        if group.total_byte_size() > ROW_GROUP_LIMIT_BYTES || group.num_rows() < 0 {
            return Err(ImportError::whole(
                file,
                ImportErrorKind::TooLarge {
                    what: format!(
                        "row group {} ({} bytes, {} rows)",
                        index + 1,
                        group.total_byte_size(),
                        group.num_rows()
                    ),
                    limit: format!("{} GiB in one row group", ROW_GROUP_LIMIT_BYTES >> 30),
                    advice: ": is the file corrupt?",
                },
            ));
        }
    }
    Ok(decoded)
}

/// Runs `read`, turning a panic of the `parquet` crate on a corrupt file into an error: the
/// last resort, after the limits above.
pub(crate) fn guarded<T>(
    file: &str,
    read: impl FnOnce() -> Result<T, ImportError>,
) -> Result<T, ImportError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)).unwrap_or_else(|_| {
        Err(corrupt(
            file,
            "the Parquet reader stopped on it (a corrupt page or footer)",
        ))
    })
}

/// The names of the file's top-level columns of plain values (nested ones are not read),
/// and the projection that reads only them.
pub(crate) fn plain_columns(metadata: &ParquetMetaData) -> (Vec<String>, Option<Type>) {
    let root = metadata.file_metadata().schema();
    let fields: Vec<_> = root
        .get_fields()
        .iter()
        .filter(|field| field.is_primitive())
        .cloned()
        .collect();
    let names = fields.iter().map(|f| f.name().to_owned()).collect();
    let projection = Type::group_type_builder(root.name())
        .with_fields(fields)
        .build()
        .ok();
    (names, projection)
}

/// The row groups kept: for each, its index, its first row in the file (from 0) and its
/// rows.
#[derive(Debug, Clone, Default)]
pub(crate) struct Groups {
    kept: Vec<(usize, u64, u64)>,
    /// Rows of the row groups passed over.
    pub(crate) skipped_rows: u64,
    /// Row groups passed over.
    pub(crate) skipped: usize,
    /// Compressed bytes of the row groups passed over.
    pub(crate) skipped_bytes: u64,
    /// Row groups in the file.
    pub(crate) total: usize,
}

impl Groups {
    /// The groups of `metadata` for which `keep` says true.
    pub(crate) fn of(metadata: &ParquetMetaData, mut keep: impl FnMut(usize) -> bool) -> Self {
        let mut groups = Self {
            total: metadata.num_row_groups(),
            ..Self::default()
        };
        let mut first = 0_u64;
        for (index, group) in metadata.row_groups().iter().enumerate() {
            let rows = u64::try_from(group.num_rows()).unwrap_or(0);
            if keep(index) {
                groups.kept.push((index, first, rows));
            } else {
                groups.skipped += 1;
                groups.skipped_rows += rows;
                groups.skipped_bytes = groups
                    .skipped_bytes
                    .saturating_add(u64::try_from(group.compressed_size()).unwrap_or(0));
            }
            first += rows;
        }
        groups
    }

    /// How many are read.
    pub(crate) fn kept_count(&self) -> usize {
        self.kept.len()
    }

    /// A note for the report when some were passed over.
    pub(crate) fn note(&self) -> Option<String> {
        (self.skipped > 0).then(|| {
            format!(
                "{} of {} row groups ({} rows) passed over unread: their statistics show no row of the pair",
                self.skipped, self.total, self.skipped_rows
            )
        })
    }
}

/// The rows of the kept row groups, with the place of each.
pub(crate) struct GroupRows {
    rows: RowIter<'static>,
    groups: Groups,
    /// The kept group being read (index into `groups.kept`) and the rows read of it.
    at: (usize, u64),
    /// The compressed sizes of the kept groups, added to the byte counter as each starts.
    sizes: Vec<u64>,
    bytes: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl GroupRows {
    /// Opens `chunks` again for reading the kept groups' `projection`.
    pub(crate) fn open<C: ChunkReader + 'static>(
        chunks: C,
        file: &str,
        metadata: &ParquetMetaData,
        groups: Groups,
        projection: Option<Type>,
        bytes: std::sync::Arc<std::sync::atomic::AtomicU64>,
    ) -> Result<Self, ImportError> {
        let wanted: Vec<bool> = (0..metadata.num_row_groups())
            .map(|index| groups.kept.iter().any(|(kept, _, _)| *kept == index))
            .collect();
        let sizes = groups
            .kept
            .iter()
            .map(|(index, _, _)| {
                u64::try_from(metadata.row_group(*index).compressed_size()).unwrap_or(0)
            })
            .collect();
        let kept = groups.kept.iter().map(|(index, _, _)| *index);
        pages::check_pages(&chunks, metadata, kept, pages::PAGE_LIMIT_BYTES)
            .map_err(|why| corrupt(file, why))?;
        let options = ReadOptionsBuilder::new()
            .with_predicate(Box::new(move |_, index| {
                wanted.get(index).copied().unwrap_or(false)
            }))
            .build();
        let reader = guarded(file, || {
            SerializedFileReader::new_with_options(chunks, options).map_err(|e| corrupt(file, e))
        })?;
        let rows = guarded(file, || {
            RowIter::from_file_into(Box::new(reader) as Box<dyn FileReader>)
                .project(projection)
                .map_err(|e| corrupt(file, e))
        })?;
        bytes.fetch_add(groups.skipped_bytes, std::sync::atomic::Ordering::Relaxed);
        Ok(Self {
            rows,
            groups,
            at: (0, 0),
            sizes,
            bytes,
        })
    }

    /// The next row, or `None` at the end; a row the crate cannot decode is an error at
    /// its row.
    pub(crate) fn next_row(
        &mut self,
        file: &str,
    ) -> Result<Option<parquet::record::Row>, ImportError> {
        let next = guarded(file, || Ok(self.rows.next()))?;
        match next {
            None => Ok(None),
            Some(Ok(row)) => {
                self.advance();
                Ok(Some(row))
            }
            Some(Err(error)) => {
                self.advance();
                Err(ImportError {
                    file: file.to_owned(),
                    position: Some(self.position(String::new())),
                    kind: ImportErrorKind::Corrupt {
                        what: ".parquet",
                        message: error.to_string(),
                    },
                })
            }
        }
    }

    fn advance(&mut self) {
        let (mut kept, mut read) = self.at;
        while let Some((_, _, rows)) = self.groups.kept.get(kept)
            && read >= *rows
            && kept + 1 < self.groups.kept.len()
        {
            kept += 1;
            read = 0;
        }
        if read == 0
            && let Some(size) = self.sizes.get(kept)
        {
            self.bytes
                .fetch_add(*size, std::sync::atomic::Ordering::Relaxed);
        }
        self.at = (kept, read + 1);
    }

    /// The place of `column` in the row last read.
    pub(crate) fn position(&self, column: String) -> Position {
        let (kept, read) = self.at;
        let (group, first) = self
            .groups
            .kept
            .get(kept)
            .map_or((0, 0), |(index, first, _)| (*index, *first));
        Position::Row {
            group: group + 1,
            row: first + read.max(1),
            column,
        }
    }
}

/// A trade table in a Parquet file as rows of text for [`Rows`]: the header, then each row.
struct TradeRecords {
    file: String,
    names: Vec<String>,
    header_given: bool,
    rows: GroupRows,
}

/// Fills `record` with the header `names` when it has not been given yet (`given`), which
/// a table's reader expects first; whether it did.
pub(crate) fn give_header(
    given: &mut bool,
    names: &[String],
    record: &mut csv::ByteRecord,
) -> bool {
    if *given {
        return false;
    }
    *given = true;
    for name in names {
        record.push_field(name.as_bytes());
    }
    true
}

/// The row groups of `metadata` to read: with `pass_over` and a pair, only those whose
/// statistics in the file's own columns (`header`) may hold a row of the pair.
pub(crate) fn trade_groups(
    metadata: &ParquetMetaData,
    header: &Header,
    format: Option<super::detect::Format>,
    (pair, pass_over): (Option<Pair>, bool),
) -> Groups {
    match (pair, format) {
        (Some(pair), Some(format)) if pass_over => {
            let filter = skip::TradeFilter::new(pair, format, header);
            Groups::of(metadata, |index| {
                filter
                    .as_ref()
                    .is_none_or(|f| f.may_hold(metadata.row_group(index)))
            })
        }
        _ => Groups::of(metadata, |_| true),
    }
}

impl RecordSource for TradeRecords {
    fn next_record(&mut self, record: &mut csv::ByteRecord) -> Result<bool, ImportError> {
        record.clear();
        if give_header(&mut self.header_given, &self.names, record) {
            return Ok(true);
        }
        let Some(row) = self.rows.next_row(&self.file)? else {
            return Ok(false);
        };
        let mut text = Vec::new();
        for (_, field) in row.get_column_iter() {
            text.clear();
            values::write_text(field, &mut text);
            record.push_field(&text);
        }
        Ok(true)
    }

    fn position(&self, index: usize) -> Position {
        if !self.header_given {
            return Position::Row {
                group: 1,
                row: 0,
                column: String::new(),
            };
        }
        self.rows
            .position(self.names.get(index).cloned().unwrap_or_default())
    }
}

/// Reads a trade table from the Parquet file in `chunks` (named `file`), keeping the values
/// of `pair` (none: only counting); with `pass_over` (and a pair), row groups whose
/// statistics exclude the pair are not read.
pub(crate) fn read_trade<C: ChunkReader + 'static>(
    chunks: C,
    file: &str,
    (pair, pass_over): (Option<Pair>, bool),
    product: Option<&str>,
    progress: &mut dyn FnMut(&Progress),
    cancel: &AtomicBool,
) -> Result<Pass, ImportError> {
    let metadata = metadata(&chunks, file)?;
    let (names, projection) = plain_columns(&metadata);
    let header = Header::new(names.clone());
    let format = detect(&header, false);
    let groups = trade_groups(&metadata, &header, format, (pair, pass_over));
    let note = groups.note();
    let skipped_rows = groups.skipped_rows;
    let mut ticker = Ticker::new(progress, cancel, Some(chunks.len()));
    let rows = GroupRows::open(
        chunks,
        file,
        &metadata,
        groups,
        projection,
        ticker.byte_counter(),
    )?;
    ticker.add_rows(skipped_rows);
    let mut collector = Collector::new(pair).with_product(ProductChoice::new(product));
    if let Some(note) = note {
        collector.warn(note);
    }
    let source = TradeRecords {
        file: file.to_owned(),
        names,
        header_given: false,
        rows,
    };
    read_records(file, Box::new(source), pair, collector, &mut ticker)
}

/// Reads the trade table whose rows `source` gives (named `file`) into `collector`, as its
/// layout's reader reads the CSV of the same columns.
pub(crate) fn read_records(
    file: &str,
    source: Box<dyn RecordSource + '_>,
    pair: Option<Pair>,
    mut collector: Collector,
    ticker: &mut Ticker<'_>,
) -> Result<Pass, ImportError> {
    let format = {
        let mut rows = Rows::from_records(file, source, ticker);
        let (header, format) = rows.find_trade_header()?;
        super::read::dispatch(
            &mut rows,
            &header,
            format,
            &mut Resolver::codes(crate::data::country::CodeScheme::Baci),
            &mut collector,
        )?;
        format
    };
    super::read::finish_pass(file, format, Some("Parquet"), pair, collector, ticker)
}

/// Reads the Parquet file at `path` as [`read_trade`] does.
pub(crate) fn read_trade_file(
    opened: std::fs::File,
    file: &str,
    pair: (Option<Pair>, bool),
    product: Option<&str>,
    progress: &mut dyn FnMut(&Progress),
    cancel: &AtomicBool,
) -> Result<Pass, ImportError> {
    read_trade(opened, file, pair, product, progress, cancel)
}

#[cfg(test)]
mod tests;
