//! Tests of the importers on real downloads (values from the fixtures' README), on layouts
//! with no real download, of what an import makes, and on bad input; the helpers they share.

use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use super::*;
use crate::data::trade_flow::{FlowSeries, ReportedBy};

mod bad_input;
mod hostile;
mod layouts;
mod making;
mod real_downloads;
mod written_numbers;
mod xlsb;

/// A real download in tests/fixtures/trade (see its PROVENANCE.md); a missing file fails.
fn fixture(relative: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/trade")
        .join(relative);
    assert!(
        path.is_file(),
        "fixture {relative} is missing from tests/fixtures/trade/ (the real downloads are \
         committed there: see tests/fixtures/trade/PROVENANCE.md)"
    );
    path
}

fn pair(codes: &str) -> Pair {
    Pair::parse(codes).expect("a pair")
}

fn run_scan(path: &Path) -> Result<FileReport, ImportError> {
    scan(path, &mut |_| {}, &AtomicBool::new(false))
}

fn run_import(path: &Path, codes: &str) -> Result<Imported, ImportError> {
    let options = ImportOptions {
        unit: ValueUnit::Usd,
        imported_on: Some(PartialDate::year(2026)),
        ..ImportOptions::new(pair(codes))
    };
    import(path, &options, &mut |_| {}, &AtomicBool::new(false))
}

/// The value for `year` in the series of the flow `exporter`→`importer` reported by `by`.
fn value(
    imported: &Imported,
    exporter: &str,
    importer: &str,
    by: ReportedBy,
    product: Option<&str>,
    year: i32,
) -> Option<f64> {
    let id = FlowSeries {
        exporter: exporter.into(),
        importer: importer.into(),
        reported_by: by,
        product: product.map(str::to_owned),
    }
    .series_id();
    let series = imported.dataset.series.iter().find(|s| s.id == id)?;
    series.points.iter().find(|p| p.year == year)?.value
}

fn close(found: Option<f64>, expected: f64) {
    let found = found.unwrap_or(f64::NAN);
    assert!(
        (found - expected).abs() <= expected.abs() * 1e-12 + 1e-9,
        "found {found}, expected {expected}"
    );
}

fn temp_file(folder: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = folder.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

/// A zip holding `entries` (name, bytes).
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        writer
            .start_file(*name, zip::write::SimpleFileOptions::default())
            .expect("entry");
        writer.write_all(bytes).expect("write");
    }
    writer.finish().expect("finish").into_inner()
}

/// A minimal xlsx with one sheet; cells that parse as numbers are numbers, `#…` are
/// formula errors, everything else inline text.
fn xlsx(sheet: &str, rows: &[&[&str]]) -> Vec<u8> {
    let mut data = String::new();
    for (r, row) in rows.iter().enumerate() {
        let _ = write!(data, "<row r=\"{}\">", r + 1);
        for (c, cell) in row.iter().enumerate() {
            let reference = format!(
                "{}{}",
                error::column_letters(u32::try_from(c).expect("small")),
                r + 1
            );
            if cell.is_empty() {
                continue;
            }
            if cell.starts_with('#') {
                let _ = write!(data, "<c r=\"{reference}\" t=\"e\"><v>{cell}</v></c>");
            } else if cell.parse::<f64>().is_ok() {
                let _ = write!(data, "<c r=\"{reference}\"><v>{cell}</v></c>");
            } else {
                let _ = write!(
                    data,
                    "<c r=\"{reference}\" t=\"inlineStr\"><is><t>{cell}</t></is></c>"
                );
            }
        }
        data.push_str("</row>");
    }
    xlsx_of_rows(sheet, &data)
}

/// A minimal xlsx with one sheet whose `<sheetData>` holds `rows` (XML).
fn xlsx_of_rows(sheet: &str, data: &str) -> Vec<u8> {
    xlsx_of_worksheet(sheet, &format!("<sheetData>{data}</sheetData>"))
}

/// A minimal xlsx with one sheet whose `<worksheet>` element holds `body` (XML).
fn xlsx_of_worksheet(sheet: &str, body: &str) -> Vec<u8> {
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let package = "http://schemas.openxmlformats.org/package/2006/relationships";
    zip_of(&[
        (
            "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>".as_bytes(),
        ),
        (
            "_rels/.rels",
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"{package}\"><Relationship Id=\"rId1\" Type=\"{rel}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>").as_bytes(),
        ),
        (
            "xl/workbook.xml",
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{main}\" xmlns:r=\"{rel}\"><sheets><sheet name=\"{sheet}\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>").as_bytes(),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"{package}\"><Relationship Id=\"rId1\" Type=\"{rel}/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>").as_bytes(),
        ),
        (
            "xl/worksheets/sheet1.xml",
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{main}\">{body}</worksheet>").as_bytes(),
        ),
    ])
}

fn tidy_file(folder: &tempfile::TempDir, name: &str, rows: &str) -> PathBuf {
    temp_file(
        folder,
        name,
        format!("year,reporter,partner,flow,value,unit,estimate\n{rows}").as_bytes(),
    )
}

fn error_of(name: &str, bytes: &[u8]) -> ImportError {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = temp_file(&folder, name, bytes);
    let result = std::panic::catch_unwind(|| run_scan(&path));
    result.expect("no panic").expect_err("an error")
}
