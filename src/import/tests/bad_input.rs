//! Bad input: every kind of error says where, and nothing panics.

use std::fmt::Write as _;

use super::*;
use crate::data::country::CodeScheme;

#[test]
fn a_wrong_encoding_says_where() {
    let error = error_of(
        "bom.csv",
        b"\xEF\xBB\xBFyear,reporter,partner,flow,value,unit\n2010,RUS,Cura\xE7ao,exports,1,USD\n",
    );
    assert!(
        matches!(error.kind, ImportErrorKind::WrongEncoding(_)),
        "{error}"
    );
    assert!(error.to_string().contains("bom.csv:2:10:"), "{error}");
    let error = error_of(
        "binary.csv",
        b"\x00\x01\x02\x03\x00\x00\x07\x00\x00\x00\x00\x01",
    );
    assert!(
        matches!(error.kind, ImportErrorKind::WrongEncoding(_)),
        "{error}"
    );
}

#[test]
fn a_ragged_row_says_its_line() {
    let error = error_of(
        "ragged.csv",
        b"t,i,j,k,v,q\n2023,410,842,852352,1.5,2\n2023,410,842\n",
    );
    assert_eq!(
        error.kind,
        ImportErrorKind::RaggedRow {
            expected: 6,
            found: 3
        }
    );
    assert!(
        error.to_string().starts_with(&format!("{}:3:", error.file)),
        "{error}"
    );
}

#[test]
fn a_number_that_is_not_one_says_line_and_column() {
    let error = error_of("nan.csv", b"t,i,j,k,v,q\n2023,410,842,852352,12a,2\n");
    assert!(
        matches!(error.kind, ImportErrorKind::NotANumber { .. }),
        "{error}"
    );
    assert!(
        error
            .to_string()
            .contains("nan.csv:2:21: `v`: `12a` is not a number"),
        "{error}"
    );
}

#[test]
fn an_unknown_layout_lists_the_known_ones() {
    let error = error_of("other.csv", b"name,age\nAnn,3\n");
    assert!(
        matches!(error.kind, ImportErrorKind::UnknownLayout { .. }),
        "{error}"
    );
    let message = error.to_string();
    assert!(
        message.contains("UN Comtrade Plus download") && message.contains("CEPII BACI"),
        "{message}"
    );
    assert!(message.contains("name,age"), "{message}");
}

#[test]
fn an_empty_file_is_an_error() {
    assert_eq!(
        error_of("empty.csv", b"").kind,
        ImportErrorKind::Empty("0 bytes")
    );
    assert_eq!(
        error_of("blank.csv", b"\n\n").kind,
        ImportErrorKind::Empty("no rows at all")
    );
    let header_only = error_of("header.csv", b"t,i,j,k,v,q\n");
    assert!(
        matches!(header_only.kind, ImportErrorKind::Empty(_)),
        "{header_only}"
    );
}

#[test]
fn a_zip_without_a_table_lists_what_it_holds() {
    let error = error_of(
        "nothing.zip",
        &zip_of(&[("Readme.txt", b"hello"), ("logo.png", b"\x89PNG")]),
    );
    assert!(
        matches!(error.kind, ImportErrorKind::NoTableInZip { .. }),
        "{error}"
    );
    assert!(
        error.to_string().contains("Readme.txt, logo.png"),
        "{error}"
    );
}

#[test]
fn corrupt_gz_zip_and_xlsx_are_errors() {
    let mut gz = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3];
    gz.extend_from_slice(b"this is not deflate data at all");
    let error = error_of("broken.csv.gz", &gz);
    assert!(
        matches!(error.kind, ImportErrorKind::Corrupt { .. }),
        "{error}"
    );
    let error = error_of("broken.zip", b"PK\x03\x04 then nothing of a zip");
    assert!(
        matches!(error.kind, ImportErrorKind::Corrupt { what: ".zip", .. }),
        "{error}"
    );
    let mut workbook = xlsx("Sheet1", &[&["year"]]);
    let middle = workbook.len() / 2;
    workbook.truncate(middle);
    let error = error_of("broken.xlsx", &workbook);
    assert!(
        matches!(
            error.kind,
            ImportErrorKind::Corrupt { .. } | ImportErrorKind::Spreadsheet(_)
        ),
        "{error}"
    );
}

#[test]
fn a_formula_error_cell_is_named_by_sheet_and_cell() {
    let error = error_of(
        "formula.xlsx",
        &xlsx(
            "Data",
            &[
                &["Year", "Reporter", "Partner", "Flow", "Value", "Unit"],
                &["2010", "RUS", "IRN", "X", "#DIV/0!", "USD bn"],
            ],
        ),
    );
    assert!(
        matches!(error.kind, ImportErrorKind::FormulaError(_)),
        "{error}"
    );
    assert!(
        error.to_string().contains("formula.xlsx:Data!E2: "),
        "{error}"
    );
}

#[test]
fn cancel_stops_a_long_import_promptly() {
    let folder = tempfile::tempdir().expect("temp dir");
    let mut text = String::from("t,i,j,k,v,q\n");
    for n in 0..50_000 {
        let _ = writeln!(text, "2023,643,364,{n:06},1.0,NA");
    }
    let path = temp_file(&folder, "long.csv", text.as_bytes());
    let cancelled = AtomicBool::new(true);
    let error = scan(&path, &mut |_| {}, &cancelled).expect_err("cancelled");
    assert_eq!(error.kind, ImportErrorKind::Cancelled);
    let finished = scan(&path, &mut |_| {}, &AtomicBool::new(false)).expect("scans");
    assert_eq!(finished.rows_read, 50_000);
    assert_eq!(finished.rows_for(pair("RUS,IRN")), 50_000);
    let russia = crate::data::country::countries()
        .by_code(CodeScheme::Iso3, "RUS")
        .expect("Russia");
    assert_eq!(finished.reporters()[0].0, russia.id);
}

#[test]
fn a_file_that_changes_or_vanishes_during_an_import_says_so() {
    let folder = tempfile::tempdir().expect("temp dir");
    let rows = "2010,RUS,IRN,exports,3.36,USD bn,\n".repeat(100);
    let path = tidy_file(&folder, "growing.csv", &rows);
    let mut appended = false;
    let mut append = |_: &Progress| {
        if !appended {
            appended = true;
            let mut more = std::fs::OpenOptions::new()
                .append(true)
                .open(&path)
                .expect("open to append");
            more.write_all(b"2011,RUS,IRN,exports,1,USD bn,\n")
                .expect("another program appends");
        }
    };
    let error = scan(&path, &mut append, &AtomicBool::new(false)).expect_err("changed");
    assert_eq!(
        error.kind,
        ImportErrorKind::Io(crate::io::file_state::CHANGED.to_owned())
    );
    let mut delete = |_: &Progress| {
        let _ = std::fs::remove_file(&path);
    };
    let error = scan(&path, &mut delete, &AtomicBool::new(false)).expect_err("vanished");
    assert_eq!(
        error.kind,
        ImportErrorKind::Io(crate::io::file_state::VANISHED.to_owned())
    );
    assert!(error.to_string().starts_with(&error.file), "{error}");
    let error = run_scan(&path).expect_err("gone");
    assert!(
        error
            .to_string()
            .ends_with("there is no such file (was it moved or deleted?)"),
        "{error}"
    );
}

#[test]
fn a_cell_reference_beyond_any_row_is_refused_not_a_crash() {
    // Found by fuzzing (dots_excel): calamine overflows on this row number.
    let workbook = xlsx_of_rows(
        "Data",
        r#"<row r="1"><c r="A1" t="inlineStr"><is><t>Year</t></is></c></row><row r="2"><c r="A99999999999"><v>2010</v></c></row>"#,
    );
    let error = error_of("huge-row.xlsx", &workbook);
    assert!(
        matches!(error.kind, ImportErrorKind::Spreadsheet(_)),
        "{error}"
    );
    assert!(
        error
            .to_string()
            .contains("huge-row.xlsx: the spreadsheet does not open"),
        "{error}"
    );
}

#[test]
fn a_sheet_dimension_beyond_any_row_is_refused_not_a_crash() {
    // Found by fuzzing (dots_excel, second run): the same overflow in calamine, reached
    // through the sheet's `<dimension>` rather than a cell.
    // Then in the CI smoke run: a dimension that ends before it starts underflows.
    for dimension in ["A1:C37134999999", "C9:A1"] {
        let workbook = xlsx_of_worksheet(
            "Data",
            &format!(
                r#"<dimension ref="{dimension}"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Year</t></is></c></row></sheetData>"#
            ),
        );
        let error = error_of("bad-dimension.xlsx", &workbook);
        assert!(
            matches!(error.kind, ImportErrorKind::Spreadsheet(_)),
            "{dimension}: {error}"
        );
    }
}

#[test]
fn a_sheet_whose_cells_span_too_many_rows_and_columns_is_refused_not_an_abort() {
    // Found by fuzzing (dots_excel, third run): a used cell far from the others made calamine
    // allocate a grid of 483 GB, and the failed allocation aborted the program.
    let workbook = xlsx_of_worksheet(
        "Data",
        r#"<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Year</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>"#,
    );
    let error = error_of("far-cells.xlsx", &workbook);
    assert!(
        matches!(&error.kind, ImportErrorKind::Spreadsheet(message) if message.contains("1048576 rows by 16384 columns")),
        "{error}"
    );
}
