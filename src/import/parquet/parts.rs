//! A folder of Parquet part files read as one trade table: Spark's output folder
//! (`part-….parquet` files beside `_SUCCESS` and `.crc` files), and the Hive-partitioned
//! folders that DuckDB's `COPY … TO 'folder' (FORMAT parquet, PARTITION_BY (…))` and polars'
//! `write_parquet(…, partition_by=…)` write, whose partition columns are in the folders'
//! names (`year=2020/`) and not in the files.
//!
//! The parts are read in the order of their paths. Every part must have the columns of the
//! first (in any order) and the same partition columns. Each part's footer is checked as a
//! single file's is, and its row groups are passed over by their statistics in the same way.
//! An error inside a part names that part's file, with its row and row group.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use parquet::file::metadata::ParquetMetaData;

use crate::data::country::Pair;
use crate::io::file_state::open_regular;

use super::super::collect::{Collector, ProductChoice};
use super::super::detect::{Format, Header, detect};
use super::super::error::{ImportError, ImportErrorKind, Position};
use super::super::progress::{Progress, Ticker};
use super::super::read::Pass;
use super::super::table::RecordSource;
use super::{GroupRows, Groups, give_header, metadata, plain_columns, trade_groups, values};

/// The most part files read from one folder (Spark writes one per task; a few thousand is
/// already a lot).
const PARTS_LIMIT: usize = 100_000;
/// The deepest folder read below the one named (one level per partition column).
const DEPTH_LIMIT: usize = 16;
/// The value Hive (and Spark) write for a partition whose value is null.
const HIVE_NULL: &str = "__HIVE_DEFAULT_PARTITION__";

/// One Parquet file of a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Part {
    /// Its path.
    pub(crate) path: PathBuf,
    /// The partition columns its folders name (`year=2020/` gives `year` and `2020`),
    /// outermost first.
    pub(crate) partitions: Vec<(String, String)>,
}

/// The Parquet files in `folder` and the folders below it, by path. Names starting with `_`
/// or `.` (`_SUCCESS`, `.part-0.crc`, `_delta_log/`) are passed over, symbolic links are not
/// followed, and a file counts only if it starts with Parquet's magic. `Ok(None)` when
/// there is none; an error when there are more than [`PARTS_LIMIT`].
pub(crate) fn parts_of(folder: &Path) -> Result<Option<Vec<Part>>, ImportError> {
    let name = folder.display().to_string();
    let walk = walkdir::WalkDir::new(folder)
        .max_depth(DEPTH_LIMIT)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            entry.depth() == 0
                || !entry
                    .file_name()
                    .to_str()
                    .is_some_and(|n| n.starts_with('_') || n.starts_with('.'))
        });
    let mut parts = Vec::new();
    for entry in walk {
        let entry = entry
            .map_err(|error| ImportError::whole(&name, ImportErrorKind::Io(error.to_string())))?;
        if !entry.file_type().is_file() || !super::is_parquet_file(entry.path()) {
            continue;
        }
        if parts.len() == PARTS_LIMIT {
            return Err(ImportError::whole(
                &name,
                ImportErrorKind::TooLarge {
                    what: "the Parquet files of the folder".to_owned(),
                    limit: format!("{PARTS_LIMIT} part files"),
                    advice: ": have the engine write fewer (Spark: `.coalesce(n)`)",
                },
            ));
        }
        let partitions = entry
            .path()
            .strip_prefix(folder)
            .ok()
            .and_then(Path::parent)
            .map(|below| {
                below
                    .components()
                    .filter_map(|c| c.as_os_str().to_str())
                    .filter_map(partition_of)
                    .collect()
            })
            .unwrap_or_default();
        parts.push(Part {
            path: entry.into_path(),
            partitions,
        });
    }
    Ok((!parts.is_empty()).then_some(parts))
}

/// The column and value a Hive partition folder's name gives (`year=2020`), with Hive's
/// `%XX` escapes undone; a null partition is an empty value.
fn partition_of(folder_name: &str) -> Option<(String, String)> {
    let (column, value) = folder_name.split_once('=')?;
    if column.is_empty() {
        return None;
    }
    let value = if value == HIVE_NULL {
        String::new()
    } else {
        unescape(value)
    };
    Some((unescape(column), value))
}

/// `text` with each `%XX` (two hexadecimal digits) replaced by its byte.
fn unescape(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let escaped = (bytes[at] == b'%')
            .then(|| bytes.get(at + 1..at + 3))
            .flatten()
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        if let Some(byte) = escaped {
            out.push(byte);
            at += 3;
        } else {
            out.push(bytes[at]);
            at += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A part's footer and what is read of it.
struct Footer {
    metadata: ParquetMetaData,
    groups: Groups,
    /// For each column of the table (the folder's header), the part's column that holds it,
    /// or the partition value that stands for it.
    fields: Vec<Field>,
}

/// Where a column of the table comes from in one part.
#[derive(Clone)]
enum Field {
    /// The part's column at this index (among its plain columns, in order).
    Column(usize),
    /// A partition column: the value its folder names.
    Partition(String),
}

/// The parts as rows of text for [`super::super::table::Rows`]: the folder's header, then each part's rows.
struct PartRecords {
    names: Vec<String>,
    header_given: bool,
    parts: std::vec::IntoIter<(Part, Footer)>,
    /// The part being read: its file's name, how its fields map, and its rows.
    current: Option<(String, Vec<Field>, GroupRows)>,
    bytes: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl PartRecords {
    /// Opens the next part with a row group to read; false when none is left.
    fn open_next(&mut self) -> Result<bool, ImportError> {
        for (part, footer) in self.parts.by_ref() {
            let file = part.path.display().to_string();
            if footer.groups.kept_count() == 0 {
                self.bytes
                    .fetch_add(footer.groups.skipped_bytes, Ordering::Relaxed);
                continue;
            }
            let (opened, _) = open_regular(&part.path)
                .map_err(|message| ImportError::whole(&file, ImportErrorKind::Io(message)))?;
            let (_, projection) = plain_columns(&footer.metadata);
            let rows = GroupRows::open(
                opened,
                &file,
                &footer.metadata,
                footer.groups,
                projection,
                std::sync::Arc::clone(&self.bytes),
            )?;
            self.current = Some((file, footer.fields, rows));
            return Ok(true);
        }
        Ok(false)
    }
}

impl RecordSource for PartRecords {
    fn next_record(&mut self, record: &mut csv::ByteRecord) -> Result<bool, ImportError> {
        record.clear();
        if give_header(&mut self.header_given, &self.names, record) {
            return Ok(true);
        }
        loop {
            if self.current.is_none() && !self.open_next()? {
                return Ok(false);
            }
            let Some((file, fields, rows)) = &mut self.current else {
                return Ok(false);
            };
            let Some(row) = rows.next_row(file)? else {
                self.current = None;
                continue;
            };
            let columns: Vec<_> = row.get_column_iter().map(|(_, field)| field).collect();
            let mut text = Vec::new();
            for field in fields.iter() {
                text.clear();
                match field {
                    Field::Column(index) => {
                        if let Some(value) = columns.get(*index) {
                            values::write_text(value, &mut text);
                        }
                    }
                    Field::Partition(value) => text.extend_from_slice(value.as_bytes()),
                }
                record.push_field(&text);
            }
            return Ok(true);
        }
    }

    fn position(&self, index: usize) -> Position {
        let column = self.names.get(index).cloned().unwrap_or_default();
        match &self.current {
            Some((_, _, rows)) if self.header_given => rows.position(column),
            _ => Position::Row {
                group: 1,
                row: 0,
                column,
            },
        }
    }

    fn file(&self) -> Option<String> {
        self.current.as_ref().map(|(file, _, _)| file.clone())
    }
}

/// How each column of the table (`names`: the first part's columns, then the partition
/// columns the files lack) is found in a part with the plain columns `columns`; an error
/// names what differs from the first part.
fn fields_of(
    names: &[String],
    columns: &[String],
    part: &Part,
    first: &str,
) -> Result<Vec<Field>, ImportError> {
    let file = part.path.display().to_string();
    let differs = |difference: String| {
        ImportError::whole(
            &file,
            ImportErrorKind::PartColumns {
                first: first.to_owned(),
                difference,
            },
        )
    };
    let mut fields = Vec::with_capacity(names.len());
    for name in names {
        if let Some(index) = columns.iter().position(|c| c == name) {
            fields.push(Field::Column(index));
        } else if let Some((_, value)) = part.partitions.iter().find(|(key, _)| key == name) {
            fields.push(Field::Partition(value.clone()));
        } else {
            return Err(differs(format!("it has no column `{name}`")));
        }
    }
    if let Some(extra) = columns.iter().find(|c| !names.contains(c)) {
        return Err(differs(format!(
            "it has a column `{extra}` that the first lacks"
        )));
    }
    if let Some((extra, _)) = part.partitions.iter().find(|(key, _)| !names.contains(key)) {
        return Err(differs(format!(
            "its folder names a partition `{extra}` that the first's do not"
        )));
    }
    Ok(fields)
}

/// Reads the trade table that the Parquet files `parts` of `folder` make together, as
/// [`super::read_trade`] reads one file.
pub(crate) fn read_trade_parts(
    folder: &Path,
    parts: Vec<Part>,
    (pair, pass_over): (Option<Pair>, bool),
    product: Option<&str>,
    progress: &mut dyn FnMut(&Progress),
    cancel: &AtomicBool,
) -> Result<Pass, ImportError> {
    let file = folder.display().to_string();
    let Some(first) = parts.first() else {
        return Err(ImportError::whole(
            &file,
            ImportErrorKind::Empty("no Parquet file in the folder"),
        ));
    };
    let first_file = first.path.display().to_string();
    let mut footers = Vec::with_capacity(parts.len());
    let mut bytes_total = 0_u64;
    let mut names: Vec<String> = Vec::new();
    let mut format: Option<Format> = None;
    for part in &parts {
        if cancel.load(Ordering::Relaxed) {
            return Err(ImportError::whole(&file, ImportErrorKind::Cancelled));
        }
        let part_file = part.path.display().to_string();
        let (opened, on_disk) = open_regular(&part.path)
            .map_err(|message| ImportError::whole(&part_file, ImportErrorKind::Io(message)))?;
        bytes_total = bytes_total.saturating_add(on_disk.len());
        let footer = metadata(&opened, &part_file)?;
        let (columns, _) = plain_columns(&footer);
        if names.is_empty() {
            names.clone_from(&columns);
            names.extend(
                part.partitions
                    .iter()
                    .filter(|(key, _)| !columns.contains(key))
                    .map(|(key, _)| key.clone()),
            );
            format = detect(&Header::new(names.clone()), false);
        }
        let fields = fields_of(&names, &columns, part, &first_file)?;
        let groups = trade_groups(&footer, &Header::new(columns), format, (pair, pass_over));
        footers.push(Footer {
            metadata: footer,
            groups,
            fields,
        });
    }
    let (skipped, total, skipped_rows) = footers.iter().fold((0, 0, 0), |(s, t, r), f| {
        (
            s + f.groups.skipped,
            t + f.groups.total,
            r + f.groups.skipped_rows,
        )
    });
    let mut ticker = Ticker::new(progress, cancel, Some(bytes_total));
    ticker.add_rows(skipped_rows);
    let mut collector = Collector::new(pair).with_product(ProductChoice::new(product));
    if skipped > 0 {
        collector.warn(format!(
            "{skipped} of {total} row groups ({skipped_rows} rows) passed over unread: their statistics show no row of the pair"
        ));
    }
    let source = PartRecords {
        names,
        header_given: false,
        parts: parts
            .into_iter()
            .zip(footers)
            .collect::<Vec<_>>()
            .into_iter(),
        current: None,
        bytes: ticker.byte_counter(),
    };
    super::read_records(&file, Box::new(source), pair, collector, &mut ticker)
}

#[cfg(test)]
mod tests;
