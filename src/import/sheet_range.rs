//! A worksheet's cells as a grid, refused when the grid would be too large to hold.
//!
//! calamine's `worksheet_range` makes a dense grid from the first used cell to the last: a
//! cell at A1 and one at XFD1048576 make a grid of 17 billion cells, and the allocation
//! aborts the program, which no `catch_unwind` can stop (found by fuzzing `dots_excel`).
//! `.xlsx` sheets are therefore read cell by cell here and their extent checked before the
//! grid is made; the other spreadsheet kinds go through calamine as before.

use std::io::{Read, Seek};

use calamine::{Data, DataRef, Range, Reader, Sheets, Xlsx, XlsxError};

/// The most cells a sheet's grid may span: 8,388,608 (about 270 MB of cells). A DOTS table
/// spans a few ten thousand, a 100,000-row Comtrade download saved from Excel 4.7 million.
pub(crate) const MAX_SHEET_CELLS: u64 = 1 << 23;

/// The most text a sheet's cells may hold in all, counted as the cells are read: a shared
/// string is copied into every cell that cites it, so one long string cited by many cells
/// would otherwise take gigabytes.
pub(crate) const MAX_SHEET_TEXT_BYTES: u64 = 128 * 1024 * 1024;

/// Why a sheet could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SheetError {
    /// The spreadsheet reader's own error.
    Reader(String),
    /// The used cells span more than [`MAX_SHEET_CELLS`].
    TooLarge {
        /// Rows from the first used cell to the last.
        rows: u64,
        /// Columns from the first used cell to the last.
        columns: u64,
    },
    /// More cells were read than the places their rows and columns span: the sheet writes
    /// the same cells again and again.
    TooManyCells,
    /// The cells hold more than [`MAX_SHEET_TEXT_BYTES`] of text.
    TooMuchText,
}

impl std::fmt::Display for SheetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SheetError::Reader(message) => f.write_str(message),
            SheetError::TooManyCells => f.write_str(
                "it writes more cells than its rows and columns have places: the same cells again and again (a damaged or hostile workbook)",
            ),
            SheetError::TooMuchText => write!(
                f,
                "its cells hold more than the {} MiB of text Bilateral reads from one sheet (save the sheet as CSV)",
                MAX_SHEET_TEXT_BYTES >> 20
            ),
            SheetError::TooLarge { rows, columns } => write!(
                f,
                "its used cells span {rows} rows by {columns} columns, more than the \
                 {MAX_SHEET_CELLS} cells Bilateral reads from one sheet (save the sheet as CSV)"
            ),
        }
    }
}

/// The cells of sheet `name` of `workbook`, as calamine's `worksheet_range` gives them.
pub(crate) fn sheet_range<R: Read + Seek>(
    workbook: &mut Sheets<R>,
    name: &str,
) -> Result<Range<Data>, SheetError> {
    match workbook {
        Sheets::Xlsx(xlsx) => xlsx_range(xlsx, name),
        other => other
            .worksheet_range(name)
            .map_err(|e| SheetError::Reader(e.to_string())),
    }
}

/// An `.xlsx` sheet read cell by cell, as calamine's `worksheet_range` would with its default
/// options (empty cells left out), in two passes: the first counts the cells, their text and
/// their extent, refusing what passes a limit before anything is kept; the second fills a
/// grid of that extent, the only copy of the cells held.
fn xlsx_range<R: Read + Seek>(xlsx: &mut Xlsx<R>, name: &str) -> Result<Range<Data>, SheetError> {
    let reader_error = |e: XlsxError| SheetError::Reader(e.to_string());
    let mut reader = match xlsx.worksheet_cells_reader(name) {
        Ok(reader) => reader,
        Err(XlsxError::NotAWorksheet(_)) => return Ok(Range::default()),
        Err(e) => return Err(reader_error(e)),
    };
    let mut extent = Extent::default();
    let mut cells = 0_u64;
    let mut text_bytes = 0_u64;
    while let Some(cell) = reader.next_cell().map_err(reader_error)? {
        let text = match cell.get_value() {
            DataRef::Empty => continue,
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.len(),
            DataRef::SharedString(s) => s.len(),
            _ => 0,
        };
        text_bytes += text as u64;
        if text_bytes > MAX_SHEET_TEXT_BYTES {
            return Err(SheetError::TooMuchText);
        }
        let area = extent.take(cell.get_position())?;
        cells += 1;
        // More cells than places in their span: the sheet writes cells again and again.
        if cells > area {
            return Err(SheetError::TooManyCells);
        }
    }
    drop(reader);
    let Some((start, end)) = extent.corners else {
        return Ok(Range::default());
    };
    let mut range = Range::new(start, end);
    let mut reader = xlsx.worksheet_cells_reader(name).map_err(reader_error)?;
    while let Some(cell) = reader.next_cell().map_err(reader_error)? {
        if matches!(cell.get_value(), DataRef::Empty) {
            continue;
        }
        let (row, column) = cell.get_position();
        if (start.0..=end.0).contains(&row) && (start.1..=end.1).contains(&column) {
            range.set_value((row, column), Data::from(cell.get_value().clone()));
        }
    }
    Ok(range)
}

/// The rows and columns the used cells span so far.
#[derive(Debug, Default)]
struct Extent {
    corners: Option<((u32, u32), (u32, u32))>,
}

impl Extent {
    /// Adds a used cell at (`row`, `column`); refuses it when the span grows too large, else
    /// returns the cells the span holds.
    fn take(&mut self, (row, column): (u32, u32)) -> Result<u64, SheetError> {
        let ((top, left), (bottom, right)) = match self.corners {
            None => ((row, column), (row, column)),
            Some(((top, left), (bottom, right))) => (
                (top.min(row), left.min(column)),
                (bottom.max(row), right.max(column)),
            ),
        };
        self.corners = Some(((top, left), (bottom, right)));
        let rows = u64::from(bottom - top) + 1;
        let columns = u64::from(right - left) + 1;
        if rows * columns > MAX_SHEET_CELLS {
            return Err(SheetError::TooLarge { rows, columns });
        }
        Ok(rows * columns)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extent_grows_with_the_cells_and_refuses_a_grid_too_large() {
        let mut extent = Extent::default();
        extent.take((0, 0)).expect("one cell");
        extent
            .take((99_999, 46))
            .expect("a 100,000-row Comtrade table");
        assert_eq!(
            extent.take((1_048_575, 16_383)),
            Err(SheetError::TooLarge {
                rows: 1_048_576,
                columns: 16_384
            })
        );
        let message = SheetError::TooLarge {
            rows: 1_048_576,
            columns: 16_384,
        }
        .to_string();
        assert!(
            message.contains("1048576 rows by 16384 columns"),
            "{message}"
        );
    }
}
