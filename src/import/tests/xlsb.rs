//! `.xlsb` workbooks (Excel's binary format), written here record by record (MS-XLSB): their
//! sheets are read cell by cell and counted, as `.xlsx` sheets are.

use super::*;

/// One record: its type and size, each in 7-bit groups, then its body.
fn record(kind: u16, body: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::new();
    if kind < 0x80 {
        bytes.push(u8::try_from(kind).expect("small"));
    } else {
        bytes.push(u8::try_from(kind & 0x7F).expect("seven bits") | 0x80);
        bytes.push(u8::try_from(kind >> 7).expect("seven bits"));
    }
    let mut size = body.len();
    loop {
        let low = u8::try_from(size & 0x7F).expect("seven bits");
        size >>= 7;
        if size == 0 {
            bytes.push(low);
            break;
        }
        bytes.push(low | 0x80);
    }
    bytes.extend_from_slice(body);
    bytes
}

/// A string as XLSB writes one: its length in UTF-16 units, then the units.
fn wide(text: &str) -> Vec<u8> {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut bytes = u32::try_from(units.len())
        .expect("short")
        .to_le_bytes()
        .to_vec();
    for unit in units {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    bytes
}

/// A cell in a sheet.
enum Value<'t> {
    Number(f64),
    Text(&'t str),
}

/// An `.xlsb` of one sheet "Data" holding `cells` (row, column, value), written in order.
fn xlsb_of(cells: &[(u32, u32, Value<'_>)]) -> Vec<u8> {
    let mut sheet_entry = vec![0, 0, 0, 0, 1, 0, 0, 0];
    sheet_entry.extend(wide("rId1"));
    sheet_entry.extend(wide("Data"));
    let workbook = [
        record(0x0083, &[]),
        record(0x009C, &sheet_entry),
        record(0x0090, &[]),
        record(0x0084, &[]),
    ]
    .concat();
    let mut sheet = [
        record(0x0081, &[]),
        record(0x0094, &[0; 16]),
        record(0x0091, &[]),
    ]
    .concat();
    let mut row = None;
    for (r, column, value) in cells {
        if row != Some(*r) {
            sheet.extend(record(0x0000, &r.to_le_bytes()));
            row = Some(*r);
        }
        let mut body = column.to_le_bytes().to_vec();
        body.extend_from_slice(&[0; 4]);
        match value {
            Value::Number(number) => {
                body.extend_from_slice(&number.to_le_bytes());
                sheet.extend(record(0x0005, &body));
            }
            Value::Text(text) => {
                body.extend(wide(text));
                sheet.extend(record(0x0006, &body));
            }
        }
    }
    sheet.extend(record(0x0092, &[]));
    let relationships = br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.bin"/></Relationships>"#;
    zip_of(&[
        ("xl/workbook.bin", &workbook),
        ("xl/_rels/workbook.bin.rels", relationships),
        ("xl/worksheets/sheet1.bin", &sheet),
    ])
}

/// A tidy table of a header and `rows`, from row `top` and column `left`.
fn table(top: u32, left: u32, rows: &[[&'static str; 6]]) -> Vec<(u32, u32, Value<'static>)> {
    let header = ["year", "reporter", "partner", "flow", "value", "unit"];
    let mut cells = Vec::new();
    for (r, row) in std::iter::once(&header).chain(rows).enumerate() {
        for (c, text) in row.iter().enumerate() {
            let at = (
                top + u32::try_from(r).expect("few"),
                left + u32::try_from(c).expect("few"),
            );
            let value = match text.parse::<f64>() {
                Ok(number) if r > 0 => Value::Number(number),
                _ => Value::Text(text),
            };
            cells.push((at.0, at.1, value));
        }
    }
    cells
}

#[test]
fn an_xlsb_sheet_is_read_through_the_two_passes() {
    let cells = table(
        1,
        1,
        &[
            ["2020", "RUS", "IRN", "exports", "1.5", "USD bn"],
            ["2021", "IRN", "RUS", "imports", "2", "USD bn"],
        ],
    );
    let folder = tempfile::tempdir().expect("temp dir");
    let path = temp_file(&folder, "table.xlsb", &xlsb_of(&cells));
    let report = run_scan(&path).expect("read");
    assert_eq!((report.rows_read, report.rows_used), (2, 2));
    let imported = run_import(&path, "RUS,IRN").expect("imports");
    close(
        value(&imported, "RUS", "IRN", ReportedBy::Exporter, None, 2020),
        1.5e9,
    );
}

#[test]
fn an_xlsb_sheet_writing_one_cell_again_and_again_is_refused() {
    let mut cells = table(0, 0, &[["2020", "RUS", "IRN", "exports", "1.5", "USD bn"]]);
    cells.extend((0..3).map(|_| (1, 5, Value::Text("USD bn"))));
    let error = error_of("again.xlsb", &xlsb_of(&cells));
    assert!(error.to_string().contains("again and again"), "{error}");
}

#[test]
fn an_xlsb_cell_past_the_last_column_a_sheet_has_is_refused() {
    // Found by fuzzing `xlsb_sheet`: a lone cell at column 1,072,693,000 made the chronology
    // reader ask for 25 GB for the empty columns left of it, and the program abort.
    let cells = [(0, 1_072_693_000, Value::Text("Date"))];
    let error = error_of("far.xlsb", &xlsb_of(&cells));
    assert!(
        error
            .to_string()
            .contains("row 1, column 1072693001, outside the 1048576 rows and 16384 columns"),
        "{error}"
    );
}

#[test]
fn an_xlsb_sheet_spanning_more_than_the_sheet_limit_is_refused_before_its_grid_is_made() {
    let mut cells = table(0, 0, &[["2020", "RUS", "IRN", "exports", "1.5", "USD bn"]]);
    cells.push((1_048_575, 16_383, Value::Number(1.0)));
    let error = error_of("span.xlsb", &xlsb_of(&cells));
    assert!(
        error
            .to_string()
            .contains("1048576 rows by 16384 columns, more than the 8388608 cells"),
        "{error}"
    );
}
