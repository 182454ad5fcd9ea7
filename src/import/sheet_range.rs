//! A worksheet's cells as a grid, refused when the grid would be too large to hold.
//!
//! calamine's `worksheet_range` makes a dense grid from the first used cell to the last: a
//! cell at A1 and one at XFD1048576 make a grid of 17 billion cells, and the allocation
//! aborts the program, which no `catch_unwind` can stop (found by fuzzing `dots_excel`).
//! `.xlsx` sheets are therefore read cell by cell here and their extent checked before the
//! grid is made; the other spreadsheet kinds go through calamine as before.

use std::io::{Read, Seek};

use calamine::{Cell, Data, DataRef, Range, Reader, Sheets, Xlsx, XlsxError};

/// The most cells a sheet's grid may span: 16,777,216 (about 400 MB of cells). A DOTS table
/// spans a few ten thousand, a 100,000-row Comtrade download saved from Excel a few million.
pub const MAX_SHEET_CELLS: u64 = 1 << 24;

/// The most text a sheet's cells may hold in all, counted as the cells are read: a shared
/// string is copied into every cell that cites it, so one long string cited by many cells
/// would otherwise take gigabytes.
pub const MAX_SHEET_TEXT_BYTES: u64 = 128 * 1024 * 1024;

/// Why a sheet could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetError {
    /// The spreadsheet reader's own error.
    Reader(String),
    /// The used cells span more than [`MAX_SHEET_CELLS`].
    TooLarge {
        /// Rows from the first used cell to the last.
        rows: u64,
        /// Columns from the first used cell to the last.
        columns: u64,
    },
    /// More cells were read than [`MAX_SHEET_CELLS`] (however few places they fill: a
    /// sheet may write the same cell again and again).
    TooManyCells,
    /// The cells hold more than [`MAX_SHEET_TEXT_BYTES`] of text.
    TooMuchText,
}

impl std::fmt::Display for SheetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SheetError::Reader(message) => f.write_str(message),
            SheetError::TooManyCells => write!(
                f,
                "it writes more than the {MAX_SHEET_CELLS} cells Bilateral reads from one sheet (save the sheet as CSV)"
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
pub fn sheet_range<R: Read + Seek>(
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
/// options (empty cells left out), checking the extent as it goes.
fn xlsx_range<R: Read + Seek>(xlsx: &mut Xlsx<R>, name: &str) -> Result<Range<Data>, SheetError> {
    let mut reader = match xlsx.worksheet_cells_reader(name) {
        Ok(reader) => reader,
        Err(XlsxError::NotAWorksheet(_)) => return Ok(Range::default()),
        Err(e) => return Err(SheetError::Reader(e.to_string())),
    };
    let mut cells = Vec::new();
    let mut extent = Extent::default();
    let mut text_bytes = 0_u64;
    while let Some(cell) = reader
        .next_cell()
        .map_err(|e| SheetError::Reader(e.to_string()))?
    {
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
        if cells.len() as u64 >= MAX_SHEET_CELLS {
            return Err(SheetError::TooManyCells);
        }
        let position = cell.get_position();
        extent.take(position)?;
        cells.push(Cell::new(position, Data::from(cell.get_value().clone())));
    }
    Ok(Range::from_sparse(cells))
}

/// The rows and columns the used cells span so far.
#[derive(Debug, Default)]
struct Extent {
    corners: Option<((u32, u32), (u32, u32))>,
}

impl Extent {
    /// Adds a used cell at (`row`, `column`); refuses it when the span grows too large.
    fn take(&mut self, (row, column): (u32, u32)) -> Result<(), SheetError> {
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
        Ok(())
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
