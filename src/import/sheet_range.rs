//! A worksheet's cells as a grid, refused when the grid would be too large to hold.
//!
//! calamine's `worksheet_range` makes a dense grid from the first used cell to the last: a
//! cell at A1 and one at XFD1048576 make a grid of 17 billion cells, and the allocation
//! aborts the program, which no `catch_unwind` can stop (found by fuzzing `dots_excel`).
//! `.xlsx` and `.xlsb` sheets are therefore read cell by cell here and their extent checked
//! before the grid is made. `.ods` is checked before calamine opens it
//! (`workbook_guard::check_ods_content`); `.xls` still goes through calamine, which builds
//! every sheet's grid while it opens the file (BIFF8 caps a sheet at 65,536 by 256 cells).

use std::io::{Read, Seek};

use calamine::{Cell, Data, DataRef, Range, Reader, Sheets, Xlsb, XlsbError, Xlsx, XlsxError};

/// The next cell of a sheet, as calamine's cell readers give them.
type NextCell<'a> = Result<Option<Cell<DataRef<'a>>>, SheetError>;

/// The first and the last (row, column) of the used cells.
type Corners = ((u32, u32), (u32, u32));

/// The most cells a sheet's grid may span: 8,388,608 (about 270 MB of cells). A DOTS table
/// spans a few ten thousand, a 100,000-row Comtrade download saved from Excel 4.7 million.
pub(crate) const MAX_SHEET_CELLS: u64 = 1 << 23;

/// The rows and columns a sheet has (Excel's, from `A1` to `XFD1048576`): a cell the file
/// places further out is refused, since readers of the grid make room for the columns left of
/// its first cell (a cell at column 1,072,693,000, found by fuzzing `xlsb_sheet`, asked for 25
/// GB).
pub(crate) const SHEET_ROWS: u32 = 1 << 20;
/// See [`SHEET_ROWS`].
pub(crate) const SHEET_COLUMNS: u32 = 1 << 14;

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
    /// A cell lies outside the rows and columns a sheet has ([`SHEET_ROWS`], [`SHEET_COLUMNS`]).
    OutsideSheet {
        /// Its row, from 0.
        row: u32,
        /// Its column, from 0.
        column: u32,
    },
}

impl std::fmt::Display for SheetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SheetError::Reader(message) => f.write_str(message),
            SheetError::TooManyCells => f.write_str(
                "it writes more cells than its rows and columns have places: the same cells again and again (a damaged or hostile workbook)",
            ),
            SheetError::OutsideSheet { row, column } => write!(
                f,
                "it places a cell at row {}, column {}, outside the {SHEET_ROWS} rows and {SHEET_COLUMNS} columns a sheet has (a damaged or hostile workbook)",
                u64::from(*row) + 1,
                u64::from(*column) + 1
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
        Sheets::Xlsb(xlsb) => xlsb_range(xlsb, name),
        other => other
            .worksheet_range(name)
            .map_err(|e| SheetError::Reader(e.to_string())),
    }
}

/// An `.xlsx` sheet read cell by cell, as calamine's `worksheet_range` would with its default
/// options (empty cells left out), in two passes: [`count_cells`], then [`fill_grid`].
fn xlsx_range<R: Read + Seek>(xlsx: &mut Xlsx<R>, name: &str) -> Result<Range<Data>, SheetError> {
    let reader_error = |e: XlsxError| SheetError::Reader(e.to_string());
    let corners = match xlsx.worksheet_cells_reader(name) {
        Ok(mut reader) => count_cells(|| reader.next_cell().map_err(reader_error))?,
        Err(XlsxError::NotAWorksheet(_)) => return Ok(Range::default()),
        Err(e) => return Err(reader_error(e)),
    };
    let Some(corners) = corners else {
        return Ok(Range::default());
    };
    let mut reader = xlsx.worksheet_cells_reader(name).map_err(reader_error)?;
    fill_grid(|| reader.next_cell().map_err(reader_error), corners)
}

/// An `.xlsb` sheet read cell by cell, as [`xlsx_range`] reads an `.xlsx` one.
fn xlsb_range<R: Read + Seek>(xlsb: &mut Xlsb<R>, name: &str) -> Result<Range<Data>, SheetError> {
    let reader_error = |e: XlsbError| SheetError::Reader(e.to_string());
    let mut reader = xlsb.worksheet_cells_reader(name).map_err(reader_error)?;
    let corners = count_cells(|| reader.next_cell().map_err(reader_error))?;
    drop(reader);
    let Some(corners) = corners else {
        return Ok(Range::default());
    };
    let mut reader = xlsb.worksheet_cells_reader(name).map_err(reader_error)?;
    fill_grid(|| reader.next_cell().map_err(reader_error), corners)
}

/// The first pass: counts the used cells, their text and their extent, refusing what passes
/// a limit before anything is kept; gives the corners of the used cells (none: no cell).
fn count_cells<'a>(
    mut next_cell: impl FnMut() -> NextCell<'a>,
) -> Result<Option<Corners>, SheetError> {
    let mut extent = Extent::default();
    let mut count = 0_u64;
    let mut text_bytes = 0_u64;
    while let Some(cell) = next_cell()? {
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
        count += 1;
        // More cells than places in their span: the sheet writes cells again and again.
        if count > area {
            return Err(SheetError::TooManyCells);
        }
    }
    Ok(extent.corners)
}

/// The second pass: a grid of the extent the first found, filled with the used cells, the
/// only copy of them held.
fn fill_grid<'a>(
    mut next_cell: impl FnMut() -> NextCell<'a>,
    (start, end): Corners,
) -> Result<Range<Data>, SheetError> {
    let mut range = Range::new(start, end);
    while let Some(cell) = next_cell()? {
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
    corners: Option<Corners>,
}

impl Extent {
    /// Adds a used cell at (`row`, `column`); refuses it when the span grows too large, else
    /// returns the cells the span holds.
    fn take(&mut self, (row, column): (u32, u32)) -> Result<u64, SheetError> {
        if row >= SHEET_ROWS || column >= SHEET_COLUMNS {
            return Err(SheetError::OutsideSheet { row, column });
        }
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
        assert_eq!(
            Extent::default().take((0, 1_072_693_000)),
            Err(SheetError::OutsideSheet {
                row: 0,
                column: 1_072_693_000
            })
        );
        assert_eq!(
            Extent::default().take((SHEET_ROWS, 0)),
            Err(SheetError::OutsideSheet {
                row: SHEET_ROWS,
                column: 0
            })
        );
        Extent::default()
            .take((SHEET_ROWS - 1, SHEET_COLUMNS - 1))
            .expect("XFD1048576, the last cell of a sheet");
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
