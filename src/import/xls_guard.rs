//! A look at an `.xls`'s records before calamine opens it.
//!
//! calamine (0.38, `xls.rs`) parses every sheet while it opens the file, before Bilateral
//! sees a cell: for each sheet the workbook lists (`BoundSheet8`) it reserves room for as
//! many cells as the sheet's `Dimensions` record claims, then builds a dense grid spanning
//! its cells, and a second one spanning its formulas. So a few kilobytes could ask for
//! gigabytes: a `Dimensions` whose first row is after its last (the count wraps round to four
//! billion rows, and the reservation aborts the process, which no `catch_unwind` stops), a
//! sheet with one cell at A1 and one at IV65536 (16.8 million cells), or many sheets, or many
//! `BoundSheet8` records pointing at the same sheet, each of which is built again.
//!
//! Here the `Workbook` stream is read once and its records walked as calamine walks them:
//! every sheet calamine would build is measured (the reservation and both grids, and the copy
//! of the values made when a sheet is read), and the workbook is refused when one sheet or all
//! of them together pass [`super::sheet_range::MAX_SHEET_CELLS`]. A sheet's records are
//! walked once however many times the list points at it.

use std::collections::HashMap;
use std::io::{Read, Seek};

use super::sheet_range::MAX_SHEET_CELLS;

/// The most bytes a `Workbook` stream may hold: calamine reads it whole into memory.
pub(crate) const MAX_WORKBOOK_STREAM_BYTES: u64 = 256 * 1024 * 1024;

/// Checks the `.xls` in `reader` before calamine opens it; why it is refused, in words.
pub(crate) fn check_xls<R: Read + Seek>(reader: R) -> Result<(), String> {
    // The compound-file reader is not expected to panic on a malformed file; if it did, the
    // file is refused, not the window lost.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check_compound_file(reader)))
        .unwrap_or_else(|_| {
            Err("its structure (an OLE compound file) is malformed and cannot be read".to_owned())
        })
}

fn check_compound_file<R: Read + Seek>(reader: R) -> Result<(), String> {
    let file = cfb::CompoundFile::open(reader)
        .map_err(|error| format!("its structure (an OLE compound file) cannot be read: {error}"))?;
    // calamine takes the first stream with either name, anywhere in the file; each is
    // checked, so whichever it takes is bounded.
    let streams: Vec<(std::path::PathBuf, u64)> = file
        .walk()
        .filter(|entry| {
            entry.is_stream()
                && (entry.name().eq_ignore_ascii_case("Workbook")
                    || entry.name().eq_ignore_ascii_case("Book"))
        })
        .map(|entry| (entry.path().to_path_buf(), entry.len()))
        .collect();
    let mut file = file;
    for (path, bytes) in streams {
        if bytes > MAX_WORKBOOK_STREAM_BYTES {
            return Err(format!(
                "its workbook stream holds {} MiB, more than the {} MiB Bilateral reads (save the sheet as CSV)",
                bytes >> 20,
                MAX_WORKBOOK_STREAM_BYTES >> 20
            ));
        }
        let mut stream = Vec::new();
        file.open_stream(&path)
            .and_then(|opened| {
                opened
                    .take(MAX_WORKBOOK_STREAM_BYTES)
                    .read_to_end(&mut stream)
            })
            .map_err(|error| format!("its workbook stream cannot be read: {error}"))?;
        check_workbook_stream(&stream)?;
    }
    Ok(())
}

/// Checks one `Workbook` stream's records (see the module's documentation). What calamine
/// holds at once is every sheet's cells, and a copy of the values of the sheet being read
/// (`worksheet_range` clones them), so the largest sheet's values count twice.
pub(crate) fn check_workbook_stream(stream: &[u8]) -> Result<(), String> {
    let mut measured: HashMap<usize, SheetCells> = HashMap::new();
    let mut total_cells = 0_u64;
    let mut largest_values = 0_u64;
    for position in sheet_positions(stream) {
        let sheet = *measured.entry(position).or_insert_with(|| {
            stream
                .get(position..)
                .map_or_else(SheetCells::default, sheet_cells)
        });
        let alone = sheet.held.saturating_add(sheet.values);
        if alone > MAX_SHEET_CELLS {
            return Err(format!(
                "one of its sheets spans {} cells, more than the {MAX_SHEET_CELLS} cells Bilateral reads from one sheet (save the sheet as CSV)",
                sheet.held
            ));
        }
        total_cells = total_cells.saturating_add(sheet.held);
        largest_values = largest_values.max(sheet.values);
        if total_cells.saturating_add(largest_values) > MAX_SHEET_CELLS {
            return Err(format!(
                "its sheets together span more than the {MAX_SHEET_CELLS} cells Bilateral reads from one workbook; the .xls reader builds every sheet at once (save the sheet you need as CSV or .xlsx)"
            ));
        }
    }
    Ok(())
}

/// What calamine makes of one sheet, in cells.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct SheetCells {
    /// Held while the workbook is open: the reservation, the values' grid, the formulas'.
    held: u64,
    /// The values' grid alone (copied again when the sheet is read).
    values: u64,
}

/// The positions of the sheets the workbook lists, in the order it lists them, up to the
/// globals' end.
fn sheet_positions(stream: &[u8]) -> Vec<usize> {
    let mut positions = Vec::new();
    for record in Records::new(stream) {
        match record.kind {
            BOUND_SHEET if record.data.len() >= 6 => {
                positions.push(read_u32(record.data, 0) as usize);
            }
            END_OF_FILE => break,
            _ => {}
        }
    }
    positions
}

/// What calamine sets aside and builds for the sheet whose records start `sheet`, in cells:
/// the reservation its `Dimensions` asks for, the span of its cells and that of its formulas.
fn sheet_cells(sheet: &[u8]) -> SheetCells {
    let mut reserved = 0_u64;
    let mut cells = Span::default();
    let mut formulas = Span::default();
    let mut formula_at = (0_u32, 0_u32);
    let mut seen_sheet_start = false;
    let mut nested = 0_usize;
    for record in Records::new(sheet) {
        if nested > 0 {
            match record.kind {
                START => nested += 1,
                END_OF_FILE => nested -= 1,
                _ => {}
            }
            continue;
        }
        let data = record.data;
        match record.kind {
            START if seen_sheet_start => nested += 1,
            START => seen_sheet_start = true,
            DIMENSIONS => reserved = reserved.saturating_add(dimensions_cells(data)),
            NUMBER | LABEL | RICH_STRING | BOOL_OR_ERROR | RK | LABEL_SST if data.len() >= 4 => {
                cells.add(u32::from(read_u16(data, 0)), u32::from(read_u16(data, 2)));
            }
            FORMULA_STRING => cells.add(formula_at.0, formula_at.1),
            MULTIPLE_RK if data.len() >= 6 => {
                let row = u32::from(read_u16(data, 0));
                cells.add(row, u32::from(read_u16(data, 2)));
                cells.add(row, u32::from(read_u16(data, data.len() - 2)));
            }
            FORMULA if data.len() >= 20 => {
                formula_at = (u32::from(read_u16(data, 0)), u32::from(read_u16(data, 2)));
                cells.add(formula_at.0, formula_at.1);
                formulas.add(formula_at.0, formula_at.1);
            }
            END_OF_FILE => break,
            _ => {}
        }
    }
    SheetCells {
        held: reserved
            .saturating_add(cells.cells())
            .saturating_add(formulas.cells()),
        values: cells.cells(),
    }
}

/// The cells calamine reserves for a `Dimensions` record, computed as it computes them
/// (`parse_dimensions`, then rows × columns in 32-bit arithmetic that wraps).
fn dimensions_cells(data: &[u8]) -> u64 {
    let (first_row, row_after, mut first_column, column_after) = match data.len() {
        10 => (
            u32::from(read_u16(data, 0)),
            u32::from(read_u16(data, 2)),
            u32::from(read_u16(data, 4)),
            u32::from(read_u16(data, 6)),
        ),
        14 | 16 => (
            read_u32(data, 0),
            read_u32(data, 4),
            u32::from(read_u16(data, 8)),
            u32::from(read_u16(data, 10)),
        ),
        // calamine refuses the record.
        _ => return 0,
    };
    if first_column > 0xFF || column_after < first_column {
        first_column = 0;
    }
    let (last_row, last_column) = if row_after >= 1 && column_after >= 1 {
        (row_after - 1, column_after - 1)
    } else {
        (first_row, first_column)
    };
    let rows = u64::from(last_row.wrapping_sub(first_row).wrapping_add(1));
    let columns = u64::from(last_column.wrapping_sub(first_column).wrapping_add(1));
    rows.saturating_mul(columns)
}

/// The rectangle spanning some cells, as `Range::from_sparse` makes it.
#[derive(Default)]
struct Span {
    corners: Option<((u32, u32), (u32, u32))>,
}

impl Span {
    fn add(&mut self, row: u32, column: u32) {
        self.corners = Some(match self.corners {
            None => ((row, column), (row, column)),
            Some((start, end)) => (
                (start.0.min(row), start.1.min(column)),
                (end.0.max(row), end.1.max(column)),
            ),
        });
    }

    fn cells(&self) -> u64 {
        self.corners.map_or(0, |(start, end)| {
            u64::from(end.0 - start.0 + 1) * u64::from(end.1 - start.1 + 1)
        })
    }
}

const START: u16 = 0x0809;
const END_OF_FILE: u16 = 0x000A;
const BOUND_SHEET: u16 = 0x0085;
const DIMENSIONS: u16 = 0x0200;
const NUMBER: u16 = 0x0203;
const LABEL: u16 = 0x0204;
const BOOL_OR_ERROR: u16 = 0x0205;
const FORMULA_STRING: u16 = 0x0207;
const RK: u16 = 0x027E;
const RICH_STRING: u16 = 0x00D6;
const LABEL_SST: u16 = 0x00FD;
const MULTIPLE_RK: u16 = 0x00BD;
const FORMULA: u16 = 0x0006;
const CONTINUE: u16 = 0x003C;

/// One BIFF record: its type and its data (without the `Continue` records that follow it,
/// which hold no cell positions).
struct Record<'a> {
    kind: u16,
    data: &'a [u8],
}

/// The records of a stream, in order, ending where a record runs past the stream's end
/// (where calamine stops with an error).
struct Records<'a> {
    rest: &'a [u8],
}

impl<'a> Records<'a> {
    fn new(stream: &'a [u8]) -> Self {
        Self { rest: stream }
    }
}

impl<'a> Iterator for Records<'a> {
    type Item = Record<'a>;

    fn next(&mut self) -> Option<Record<'a>> {
        loop {
            if self.rest.len() < 4 {
                return None;
            }
            let kind = read_u16(self.rest, 0);
            let length = usize::from(read_u16(self.rest, 2));
            let data = self.rest.get(4..4 + length)?;
            self.rest = &self.rest[4 + length..];
            if kind != CONTINUE {
                return Some(Record { kind, data });
            }
        }
    }
}

fn read_u16(data: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([data[at], data[at + 1]])
}

fn read_u32(data: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([data[at], data[at + 1], data[at + 2], data[at + 3]])
}

#[cfg(test)]
#[path = "xls_guard_tests.rs"]
mod tests;
