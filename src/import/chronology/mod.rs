//! The analyst's own chronology: a CSV or a spreadsheet (xlsx, xls, ODS) of events, with
//! whatever headers its author used. Its columns are mapped to roles ([`columns`]) —
//! guessed from the header's words, confirmed or changed in the import dialog or with
//! `--column ROLE=HEADER`, remembered per header row — and each row becomes an event
//! ([`rows`], [`events`]) whose dates keep the precision they were typed with
//! ([`dates`]). Rows that cannot be read are listed with their place and the rest are
//! imported.
//!
//! A file is read as a chronology when no trade or relations layout knows its header and
//! the header names a date and a title, summary or month. Reading streams the rows with
//! progress and cancel like the other importers and keeps their cells (a chronology is a
//! list people keep by hand; [`MAX_ROWS`] bounds it), so the dialog can show what each
//! choice of columns makes before anything is imported.

pub mod columns;
pub mod dates;
pub(crate) mod events;
pub(crate) mod rows;
mod sheets;
mod words;

use std::io::{BufRead, BufReader, Read, Seek};
use std::path::Path;
use std::sync::atomic::AtomicBool;

use super::decode::{BUFFER_BYTES, Container, CountingReader, container_of, text_reader};
use super::detect::Header;
use super::error::{ImportError, ImportErrorKind, Position};
use super::progress::{Progress, Ticker};
use super::table::Rows;

pub use columns::{Columns, Role};
pub use dates::DayOrder;

/// The most rows a chronology may hold (a hand-kept list has hundreds or thousands).
pub(crate) const MAX_ROWS: usize = 1_000_000;

/// The most text a chronology's cells may hold in all (the rows are kept for the dialog).
pub(crate) const MAX_TEXT_BYTES: usize = 256 * 1024 * 1024;

/// Rows read at the top of a table before giving up on finding its header.
const HEADER_SEARCH_ROWS: usize = 15;

/// Where a row is in its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RowAt {
    /// A line of a text table, from 1 (where the row starts).
    Line(u64),
    /// A row of the sheet, from 0.
    SheetRow(u32),
}

/// One row of a chronology: its place and its cells' text, trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Where it is.
    pub at: RowAt,
    /// Its cells, as text (a spreadsheet's date cells as `YYYY-MM-DD`).
    pub cells: Vec<String>,
}

/// A chronology as read: its header and its rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The file as the user named it.
    pub file: String,
    /// The sheet read, in a spreadsheet.
    pub sheet: Option<String>,
    /// The text encoding, for a text table.
    pub encoding: Option<&'static str>,
    /// The header's names.
    pub header: Vec<String>,
    /// The data rows.
    pub rows: Vec<Row>,
    /// The bytes of text the rows hold.
    text_bytes: usize,
}

impl Table {
    /// The columns guessed from the header and the first rows.
    pub fn guess(&self) -> Columns {
        let first: Vec<Vec<String>> = self.rows.iter().take(5).map(|r| r.cells.clone()).collect();
        Columns::guess(&self.header, &first)
    }

    /// The place of cell `column` of `row`: `file:line:column` in a text table (the
    /// column counted in characters from the cells' lengths), `file:Sheet!C7` in a sheet.
    pub(crate) fn position(&self, row: &Row, column: usize) -> Position {
        match (row.at, &self.sheet) {
            (RowAt::SheetRow(index), Some(sheet)) => Position::Cell {
                sheet: sheet.clone(),
                row: index,
                column: u32::try_from(column).unwrap_or(u32::MAX),
            },
            (RowAt::Line(_), _) | (RowAt::SheetRow(_), None) => {
                let line = match row.at {
                    RowAt::Line(line) => line,
                    RowAt::SheetRow(index) => u64::from(index) + 1,
                };
                let before: usize = row
                    .cells
                    .iter()
                    .take(column)
                    .map(|cell| cell.chars().count() + 1)
                    .sum();
                Position::Text {
                    line,
                    column: 1 + before as u64,
                }
            }
        }
    }

    /// Where `row` is, for people: `line 12` or `Sheet1 row 7`.
    pub fn place(&self, row: &Row) -> String {
        match (row.at, &self.sheet) {
            (RowAt::Line(line), _) => format!("line {line}"),
            (RowAt::SheetRow(index), Some(sheet)) => format!("{sheet} row {}", index + 1),
            (RowAt::SheetRow(index), None) => format!("row {}", index + 1),
        }
    }
}

/// Whether `header` is a chronology's: no other layout knows it, and it names a date and
/// a title, summary or month.
fn recognise(header: &Header, in_sheet: bool) -> Option<()> {
    if super::detect::detect(header, in_sheet).is_some()
        || super::relations::detect(header).is_some()
    {
        return None;
    }
    Columns::guess(&header.names, &[])
        .looks_like_chronology()
        .then_some(())
}

/// Reads the chronology at `path`; `None` when its header is not a chronology's (the
/// caller then reports the trade reader's error).
pub(crate) fn read_path(
    path: &Path,
    progress: &mut dyn FnMut(&Progress),
    cancel: &AtomicBool,
) -> Result<Option<Table>, ImportError> {
    let file = path.display().to_string();
    let io = |message: String| ImportError::whole(&file, ImportErrorKind::Io(message));
    let (opened, metadata) = crate::io::file_state::open_regular(path).map_err(io)?;
    read_source(opened, &file, metadata.len(), progress, cancel)
}

/// Reads a chronology held in memory (for tests and fuzzing).
pub fn read_bytes(bytes: &[u8], name: &str) -> Result<Option<Table>, ImportError> {
    let cancel = AtomicBool::new(false);
    read_source(
        std::io::Cursor::new(bytes),
        name,
        bytes.len() as u64,
        &mut |_| {},
        &cancel,
    )
}

/// The events a chronology held in memory makes for `pair` with the columns guessed from
/// its header; `None` when it is not a chronology (for fuzzing).
pub fn import_bytes(
    bytes: &[u8],
    name: &str,
    pair: crate::data::country::Pair,
    facts: &super::FileFacts,
) -> Result<Option<crate::data::Dataset>, ImportError> {
    let Some(table) = read_bytes(bytes, name)? else {
        return Ok(None);
    };
    let columns = table.guess();
    let evaluation = rows::evaluate(&table, &columns, Some(pair), &[]);
    events::build(&table, &evaluation, &columns, pair, facts, None)
        .map(Some)
        .map_err(|kind| ImportError::whole(name, kind))
}

/// Reads a chronology from `reader` (`bytes` long, named `file`).
pub(crate) fn read_source<R: Read + Seek>(
    reader: R,
    file: &str,
    bytes: u64,
    progress: &mut dyn FnMut(&Progress),
    cancel: &AtomicBool,
) -> Result<Option<Table>, ImportError> {
    if bytes == 0 {
        return Err(ImportError::whole(file, ImportErrorKind::Empty("0 bytes")));
    }
    let mut ticker = Ticker::new(progress, cancel, Some(bytes));
    let counted = CountingReader::new(reader, ticker.byte_counter());
    let mut buffered = BufReader::with_capacity(BUFFER_BYTES, counted);
    let head = buffered
        .fill_buf()
        .map_err(|e| ImportError::whole(file, super::decode::read_error(&e)))?;
    let table = match container_of(head) {
        Container::Plain => read_text(buffered, file, &mut ticker)?,
        Container::Zip | Container::Ole => {
            sheets::read_workbook(buffered.into_inner(), file, &mut ticker)?
        }
        Container::Gzip => None,
    };
    ticker.finish();
    Ok(table)
}

fn read_text<R: Read>(
    reader: BufReader<CountingReader<R>>,
    file: &str,
    ticker: &mut Ticker<'_>,
) -> Result<Option<Table>, ImportError> {
    let (text, encoding) =
        text_reader(Box::new(reader)).map_err(|kind| ImportError::whole(file, kind))?;
    let mut rows = Rows::from_text(file, None, text, encoding, ticker)?;
    let header = match rows.find_header(|header| recognise(header, false)) {
        Ok((header, ())) => header,
        Err(error) if matches!(error.kind, ImportErrorKind::UnknownLayout { .. }) => {
            return Ok(None);
        }
        Err(error) => return Err(error),
    };
    let mut table = Table {
        file: file.to_owned(),
        sheet: None,
        encoding: Some(encoding.label()),
        header: header.names.clone(),
        rows: Vec::new(),
        text_bytes: 0,
    };
    while rows.next_row()? {
        rows.tick()?;
        let cells = (0..rows.record().len())
            .map(|index| rows.text(index).map(std::borrow::Cow::into_owned))
            .collect::<Result<Vec<String>, ImportError>>()?;
        if cells.iter().all(String::is_empty) {
            continue;
        }
        keep(&mut table, RowAt::Line(rows.line()), cells)?;
    }
    Ok(Some(table))
}

/// Adds a row to `table`, refusing a table longer than [`MAX_ROWS`] or holding more than
/// [`MAX_TEXT_BYTES`] of text.
fn keep(table: &mut Table, at: RowAt, cells: Vec<String>) -> Result<(), ImportError> {
    table.text_bytes += cells.iter().map(String::len).sum::<usize>();
    let limit = if table.rows.len() >= MAX_ROWS {
        Some(format!("{MAX_ROWS} rows"))
    } else if table.text_bytes > MAX_TEXT_BYTES {
        Some(format!("{} MiB of text", MAX_TEXT_BYTES >> 20))
    } else {
        None
    };
    if let Some(limit) = limit {
        return Err(ImportError::whole(
            &table.file,
            ImportErrorKind::TooLarge {
                what: "the chronology".to_owned(),
                limit,
                advice: ": is it a chronology?",
            },
        ));
    }
    table.rows.push(Row { at, cells });
    Ok(())
}

#[cfg(test)]
mod tests;
