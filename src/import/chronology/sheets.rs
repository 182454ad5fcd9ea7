//! A chronology kept in a spreadsheet (xlsx, xls, xlsb, ODS): the first sheet whose header
//! is a chronology's, its date cells written `YYYY-MM-DD` (or with the time of day when
//! they have one), guarded against hostile workbooks as the trade reader is.

use std::io::{Read, Seek, SeekFrom};

use calamine::{Data, Range, Reader, Sheets, open_workbook_from_rs};

use crate::import::detect::Header;
use crate::import::error::{ImportError, ImportErrorKind, Position};
use crate::import::progress::Ticker;
use crate::import::sheet_range::sheet_range;
use crate::import::workbook_guard::{check_ods_content, check_shared_strings};

use super::{HEADER_SEARCH_ROWS, RowAt, Table, keep, recognise};

enum Kind {
    Xls,
    Xlsx,
    Xlsb,
    Ods,
}

/// Reads the first sheet of the workbook in `reader` whose header is a chronology's.
pub(super) fn read_workbook<R: Read + Seek>(
    mut reader: R,
    file: &str,
    ticker: &mut Ticker<'_>,
) -> Result<Option<Table>, ImportError> {
    let spreadsheet =
        |message: String| ImportError::whole(file, ImportErrorKind::Spreadsheet(message));
    reader
        .seek(SeekFrom::Start(0))
        .map_err(|e| spreadsheet(e.to_string()))?;
    let mut head = [0_u8; 4];
    let is_zip = reader.read_exact(&mut head).is_ok() && head.starts_with(b"PK");
    reader
        .seek(SeekFrom::Start(0))
        .map_err(|e| spreadsheet(e.to_string()))?;
    let kind = if is_zip {
        let mut archive =
            zip::ZipArchive::new(&mut reader).map_err(|e| spreadsheet(e.to_string()))?;
        let names = crate::import::workbook_guard::entry_names(&mut archive);
        let has = |wanted: &str| names.iter().any(|n| n == wanted);
        let kind = if has("xl/workbook.xml") {
            check_shared_strings(&mut archive, &names).map_err(spreadsheet)?;
            Kind::Xlsx
        } else if has("xl/workbook.bin") {
            Kind::Xlsb
        } else if has("content.xml") {
            check_ods_content(&mut archive).map_err(spreadsheet)?;
            Kind::Ods
        } else {
            return Ok(None);
        };
        drop(archive);
        reader
            .seek(SeekFrom::Start(0))
            .map_err(|e| spreadsheet(e.to_string()))?;
        kind
    } else {
        crate::import::xls_guard::check_xls(&mut reader).map_err(spreadsheet)?;
        reader
            .seek(SeekFrom::Start(0))
            .map_err(|e| spreadsheet(e.to_string()))?;
        Kind::Xls
    };
    // calamine panics on some malformed parts (see the trade reader): a refusal, not a crash.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        let text = |e: &dyn std::fmt::Display| spreadsheet(e.to_string());
        let workbook: Sheets<R> = match kind {
            Kind::Xls => Sheets::Xls(
                open_workbook_from_rs(reader).map_err(|e: calamine::XlsError| text(&e))?,
            ),
            Kind::Xlsx => Sheets::Xlsx(
                open_workbook_from_rs(reader).map_err(|e: calamine::XlsxError| text(&e))?,
            ),
            Kind::Xlsb => Sheets::Xlsb(
                open_workbook_from_rs(reader).map_err(|e: calamine::XlsbError| text(&e))?,
            ),
            Kind::Ods => Sheets::Ods(
                open_workbook_from_rs(reader).map_err(|e: calamine::OdsError| text(&e))?,
            ),
        };
        first_chronology_sheet(workbook, file, ticker)
    }))
    .unwrap_or_else(|_| {
        Err(spreadsheet(
            "the spreadsheet reader failed on a malformed part of the workbook".to_owned(),
        ))
    })
}

fn first_chronology_sheet<R: Read + Seek>(
    mut workbook: Sheets<R>,
    file: &str,
    ticker: &mut Ticker<'_>,
) -> Result<Option<Table>, ImportError> {
    for name in workbook.sheet_names() {
        let range = sheet_range(&mut workbook, &name).map_err(|e| {
            ImportError::whole(
                file,
                ImportErrorKind::Spreadsheet(format!("sheet “{name}”: {e}")),
            )
        })?;
        if let Some(table) = read_sheet(&range, &name, file, ticker)? {
            return Ok(Some(table));
        }
    }
    Ok(None)
}

/// The sheet as a chronology, when one of its first rows is a chronology's header.
fn read_sheet(
    range: &Range<Data>,
    name: &str,
    file: &str,
    ticker: &mut Ticker<'_>,
) -> Result<Option<Table>, ImportError> {
    let (start_row, start_column) = range.start().unwrap_or((0, 0));
    let (height, width) = range.get_size();
    // The cells left of the first are padded in; a grid no reader checked (`.xls`) must not
    // make that room past a sheet's columns.
    if start_column >= crate::import::sheet_range::SHEET_COLUMNS {
        return Err(ImportError::whole(
            file,
            ImportErrorKind::Spreadsheet(format!(
                "sheet “{name}”: {}",
                crate::import::sheet_range::SheetError::OutsideSheet {
                    row: start_row,
                    column: start_column
                }
            )),
        ));
    }
    let mut table: Option<Table> = None;
    let mut searched = 0;
    for row in 0..height {
        let sheet_row = start_row + u32::try_from(row).unwrap_or(u32::MAX);
        let mut cells = Vec::with_capacity(width + start_column as usize);
        cells.resize(start_column as usize, String::new());
        for column in 0..width {
            let cell = range.get((row, column)).unwrap_or(&Data::Empty);
            let at = || Position::Cell {
                sheet: name.to_owned(),
                row: sheet_row,
                column: start_column + u32::try_from(column).unwrap_or(0),
            };
            cells.push(cell_text(cell).map_err(|kind| ImportError {
                file: file.to_owned(),
                position: Some(at()),
                kind,
            })?);
        }
        if cells.iter().all(String::is_empty) {
            continue;
        }
        if let Some(table) = &mut table {
            ticker
                .row()
                .map_err(|kind| ImportError::whole(file, kind))?;
            keep(table, RowAt::SheetRow(sheet_row), cells)?;
            continue;
        }
        searched += 1;
        if searched > HEADER_SEARCH_ROWS {
            return Ok(None);
        }
        let header = Header::new(cells);
        if recognise(&header, true).is_some() {
            table = Some(Table {
                file: file.to_owned(),
                sheet: Some(name.to_owned()),
                encoding: None,
                header: header.names,
                rows: Vec::new(),
                text_bytes: 0,
            });
        }
    }
    Ok(table)
}

/// A cell as text: a date cell as `YYYY-MM-DD` (and its time when it has one), a whole
/// number without `.0`.
fn cell_text(cell: &Data) -> Result<String, ImportErrorKind> {
    Ok(match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.trim().to_owned(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) if d.is_datetime() => {
            let (year, month, day, hour, minute, second, _) = d.to_ymd_hms_milli();
            if (hour, minute, second) == (0, 0, 0) {
                format!("{year:04}-{month:02}-{day:02}")
            } else {
                format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}:{second:02}")
            }
        }
        Data::DateTime(d) => d.as_f64().to_string(),
        Data::Error(error) => return Err(ImportErrorKind::FormulaError(format!("{error}"))),
    })
}
