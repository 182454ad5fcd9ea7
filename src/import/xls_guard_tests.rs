//! Workbooks written here record by record (BIFF8 in an OLE compound file made with the
//! `cfb` crate): one calamine reads, to show the writer makes real `.xls` files, and the
//! small files that would make calamine reserve or build gigabytes.

use std::io::{Cursor, Write as _};

use calamine::{Reader as _, Xls, open_workbook_from_rs};

use super::*;

/// A BIFF record: type, length, data.
fn record(kind: u16, data: &[u8]) -> Vec<u8> {
    let mut bytes = kind.to_le_bytes().to_vec();
    bytes.extend(
        u16::try_from(data.len())
            .expect("short record")
            .to_le_bytes(),
    );
    bytes.extend(data);
    bytes
}

/// The start of a substream: BIFF8, of the given type (5 workbook globals, 0x10 a sheet).
fn start(substream: u16) -> Vec<u8> {
    let mut data = vec![0_u8; 16];
    data[0..2].copy_from_slice(&0x0600_u16.to_le_bytes());
    data[2..4].copy_from_slice(&substream.to_le_bytes());
    record(START, &data)
}

fn number(row: u16, column: u16, value: f64) -> Vec<u8> {
    let mut data = Vec::new();
    data.extend(row.to_le_bytes());
    data.extend(column.to_le_bytes());
    data.extend(0_u16.to_le_bytes());
    data.extend(value.to_le_bytes());
    record(NUMBER, &data)
}

/// A BIFF8 `Dimensions` record: first row, the row after the last, first column, the
/// column after the last.
fn dimensions(first_row: u32, row_after: u32, first_column: u16, column_after: u16) -> Vec<u8> {
    let mut data = Vec::new();
    data.extend(first_row.to_le_bytes());
    data.extend(row_after.to_le_bytes());
    data.extend(first_column.to_le_bytes());
    data.extend(column_after.to_le_bytes());
    data.extend(0_u16.to_le_bytes());
    record(DIMENSIONS, &data)
}

/// A workbook stream: the globals listing `listed` sheets (each entry the index, in
/// `sheets`, of the sheet it points at), then the sheets' substreams.
fn workbook_stream(sheets: &[Vec<Vec<u8>>], listed: &[usize]) -> Vec<u8> {
    let bound_sheet_bytes = 4 + 4 + 2 + 2 + 2; // header, position, state and type, length and flags, name
    let globals_bytes = start(5).len() + listed.len() * bound_sheet_bytes + 4;
    let mut substreams = Vec::new();
    let mut positions = Vec::new();
    for records in sheets {
        positions.push(globals_bytes + substreams.len());
        substreams.extend(start(0x10));
        for one in records {
            substreams.extend(one);
        }
        substreams.extend(record(END_OF_FILE, &[]));
    }
    let mut stream = start(5);
    for (index, &sheet) in listed.iter().enumerate() {
        let mut data = u32::try_from(positions[sheet])
            .expect("small")
            .to_le_bytes()
            .to_vec();
        data.extend([0, 0]);
        let name = format!("S{index:02}");
        data.extend([2, 0]);
        data.extend(&name.as_bytes()[..2]);
        assert_eq!(data.len() + 4, bound_sheet_bytes);
        stream.extend(record(BOUND_SHEET, &data));
    }
    stream.extend(record(END_OF_FILE, &[]));
    assert_eq!(stream.len(), globals_bytes);
    stream.extend(substreams);
    stream
}

/// An `.xls` file holding `stream` as its `Workbook`.
fn xls_file(stream: &[u8]) -> Vec<u8> {
    let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).expect("create");
    file.create_stream("/Workbook")
        .expect("stream")
        .write_all(stream)
        .expect("write");
    file.into_inner().into_inner()
}

#[test]
fn a_workbook_written_here_is_read_by_calamine_and_passes() {
    let sheet = vec![number(0, 0, 1.5), number(2, 1, 42.0)];
    let bytes = xls_file(&workbook_stream(&[sheet], &[0]));
    assert_eq!(check_xls(Cursor::new(&bytes)), Ok(()));
    let mut workbook: Xls<_> =
        open_workbook_from_rs(Cursor::new(&bytes)).expect("calamine opens it");
    let range = workbook.worksheet_range("S0").expect("the sheet");
    assert_eq!(range.get_size(), (3, 2));
    assert_eq!(
        range.get_value((2, 1)).and_then(calamine::DataType::as_f64),
        Some(42.0)
    );
}

#[test]
fn a_dimensions_record_whose_rows_wrap_round_is_refused() {
    // First row 10, last row 0: calamine counts 2^32 - 9 rows and reserves room for them
    // times 256 columns, which no allocator gives (the process aborted).
    let sheet = vec![dimensions(10, 1, 0, 256), number(0, 0, 1.0)];
    let refused =
        check_xls(Cursor::new(xls_file(&workbook_stream(&[sheet], &[0])))).expect_err("refused");
    assert!(
        refused.starts_with("one of its sheets spans 1099511625473 cells"),
        "{refused}"
    );
    // The same record with its rows the right way round is an ordinary sheet.
    let sheet = vec![dimensions(0, 3, 0, 2), number(0, 0, 1.0), number(2, 1, 2.0)];
    assert_eq!(
        check_xls(Cursor::new(xls_file(&workbook_stream(&[sheet], &[0])))),
        Ok(())
    );
}

#[test]
fn a_sheet_spanning_a1_to_iv65536_is_refused() {
    let sheet = vec![number(0, 0, 1.0), number(65_535, 255, 2.0)];
    let refused =
        check_xls(Cursor::new(xls_file(&workbook_stream(&[sheet], &[0])))).expect_err("refused");
    assert!(
        refused.starts_with("one of its sheets spans 16777216 cells"),
        "{refused}"
    );
}

#[test]
fn one_sheet_listed_again_and_again_counts_each_time() {
    // 2,000 rows by 256 columns: 512,000 cells, which calamine builds once per listing.
    let sheet = vec![number(0, 0, 1.0), number(1_999, 255, 2.0)];
    let once = workbook_stream(std::slice::from_ref(&sheet), &[0]);
    assert_eq!(check_workbook_stream(&once), Ok(()));
    let twenty = workbook_stream(&[sheet], &[0; 20]);
    let refused = check_workbook_stream(&twenty).expect_err("refused");
    assert!(
        refused.starts_with("its sheets together span more than"),
        "{refused}"
    );
}

#[test]
fn formulas_make_a_grid_of_their_own() {
    // A formula record: row, column, format, the cached value, flags, the formula's bytes.
    let formula = |row: u16, column: u16| {
        let mut data = Vec::new();
        data.extend(row.to_le_bytes());
        data.extend(column.to_le_bytes());
        data.extend([0_u8; 16]);
        record(FORMULA, &data)
    };
    // The values grid spans 4,096 × 256 = 1,048,576 cells and the formulas' grid the same
    // again: 2,097,152 per listing, with one copy of the values read: 7,340,032 cells when
    // listed 3 times, within the limit; 9,437,184 at 4, over it.
    let sheet = vec![formula(0, 0), formula(4_095, 255)];
    let three = workbook_stream(std::slice::from_ref(&sheet), &[0; 3]);
    assert_eq!(check_workbook_stream(&three), Ok(()));
    let stream = workbook_stream(&[sheet], &[0; 4]);
    let refused = check_workbook_stream(&stream).expect_err("refused");
    assert!(refused.starts_with("its sheets together span"), "{refused}");
}

#[test]
fn what_is_not_a_compound_file_is_refused_with_why() {
    let refused = check_xls(Cursor::new(b"not an xls file at all".to_vec())).expect_err("refused");
    assert!(
        refused.starts_with("its structure (an OLE compound file) cannot be read"),
        "{refused}"
    );
}
