//! What the trade-file targets share: one pass that lists what the bytes hold, then, for
//! the first pair found, an import whose dataset must hold together and survive its own
//! JSON; and the wrappers that put fuzzed text into a gzip, a zip or a workbook, whose
//! checksums the fuzzer could not keep right by itself.

#![allow(dead_code, reason = "each target uses some of these")]

use std::io::{Cursor, Write};
use std::sync::atomic::AtomicBool;

use bilateral::data::json::{parse_dataset, to_json};
use bilateral::data::validate::validate;
use bilateral::data::{Dataset, PartialDate};
use bilateral::import::build::{FileFacts, build_dataset};
use bilateral::import::read::{Source, read_source};
use bilateral::data::country::Pair;
use bilateral::import::chronology;
use bilateral::import::chronology::dates::{DayOrder, parse_date};
use bilateral::import::relations;
use bilateral::import::{Format, ValueUnit, scan_bytes};

/// Lets a panic raised inside calamine unwind instead of aborting at once, as libfuzzer-sys's
/// panic hook makes every panic do. The importer runs calamine under `catch_unwind` and
/// refuses the workbook with a typed error (calamine 0.38 overflows on a cell reference
/// such as `A99999999999`; `import/read.rs`), which is what the app does with such a file.
/// A calamine panic the importer does not catch still reaches libfuzzer-sys's own
/// `catch_unwind` around the target, which aborts: a crash, as it should be. Any other
/// panic goes to libfuzzer-sys's hook as before.
fn let_the_importer_catch_calamine_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let abort = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // The parquet crate's panics on corrupt pages are caught by the importer too
            // (`import/parquet/mod.rs`, `guarded`).
            let in_calamine = info.location().is_some_and(|place| {
                place.file().contains("/calamine-") || place.file().contains("/parquet-")
            });
            if !in_calamine {
                abort(info);
            }
        }));
    });
}

/// Scans `bytes` as a trade file named `name`; imports the first pair found.
pub fn trade(bytes: &[u8], name: &str) {
    let_the_importer_catch_calamine_panics();
    let cancel = AtomicBool::new(false);
    let Ok(report) = scan_bytes(bytes, name, &mut |_| {}, &cancel) else {
        return;
    };
    let Some(&(pair, _)) = report.pairs().first() else {
        return;
    };
    let source = Source {
        file: name,
        bytes: bytes.len() as u64,
        beside: None,
    };
    let Ok(pass) = read_source(
        Cursor::new(bytes),
        &source,
        Some(pair),
        None,
        &mut |_| {},
        &cancel,
    ) else {
        return;
    };
    if pass.collected.values.is_empty() {
        return;
    }
    let facts = facts(name, pass.report.format);
    let dataset = build_dataset(pair, &pass.collected.values, &facts, ValueUnit::default());
    holds_together(&dataset);
}

/// What an import of a file named `name` in `format` cites.
fn facts(name: &str, format: Format) -> FileFacts {
    FileFacts {
        file_name: name.to_owned(),
        file_date: None,
        imported_on: PartialDate::year(2026),
        format,
    }
}

/// Panics unless `dataset` passes `validate` and loads again from its own JSON.
fn holds_together(dataset: &Dataset) {
    let problems = validate(dataset);
    assert!(
        problems.is_empty(),
        "an import made a dataset that does not hold together: {problems:?}"
    );
    let json = to_json(dataset);
    if let Err(errors) = parse_dataset(json.as_bytes(), "imported.json") {
        panic!("an imported dataset does not load from its own JSON: {errors}");
    }
}

/// Scans `bytes` as a SIPRI or UN votes file named `name`; imports the first pair found,
/// whose dataset must hold together and survive its own JSON, as for trade files.
pub fn relations(bytes: &[u8], name: &str) {
    let cancel = AtomicBool::new(false);
    let Ok(report) = scan_bytes(bytes, name, &mut |_| {}, &cancel) else {
        return;
    };
    let Some(&(pair, _)) = report.pairs().first() else {
        return;
    };
    let Ok(pass) = relations::read_bytes(bytes, name, Some(pair)) else {
        return;
    };
    let Ok(dataset) = relations::build(&pass, pair, &facts(name, pass.report.format)) else {
        return;
    };
    holds_together(&dataset);
}

/// Scans `bytes` as a GDELT or ICEWS event file named `name`; imports the first pair
/// found, whose dataset must hold together and survive its own JSON.
pub fn events(bytes: &[u8], name: &str) {
    let Ok(scanned) = bilateral::import::events::read_bytes(bytes, name, None, 0) else {
        return;
    };
    let Some(&(pair, _)) = scanned.report.pairs().first() else {
        return;
    };
    let Ok(pass) = bilateral::import::events::read_bytes(bytes, name, Some(pair), 5) else {
        return;
    };
    let options = bilateral::import::events::build::EventOptions::default();
    let facts = facts(name, pass.report.format);
    let Ok(dataset) = bilateral::import::events::build::build(&pass, pair, &facts, options) else {
        return;
    };
    holds_together(&dataset);
}

/// Reads `bytes` as a Parquet file: as a trade table ([`trade`]), and as GDELT events
/// (the first pair found imported, its dataset holding together).
pub fn parquet(bytes: &[u8]) {
    trade(bytes, "fuzz.parquet");
    let read = bilateral::import::events::read_parquet_bytes;
    let Ok(scanned) = read(bytes, "fuzz.parquet", None, 0) else {
        return;
    };
    let Some(&(pair, _)) = scanned.report.pairs().first() else {
        return;
    };
    let Ok(pass) = read(bytes, "fuzz.parquet", Some(pair), 5) else {
        return;
    };
    let options = bilateral::import::events::build::EventOptions::default();
    let facts = facts("fuzz.parquet", pass.report.format);
    if let Ok(dataset) = bilateral::import::events::build::build(&pass, pair, &facts, options) {
        holds_together(&dataset);
    }
}

/// Reads `bytes` as a chronology named `name` and imports it for Russia and Ukraine (any
/// pair: rows without a country column are all taken), whose dataset must hold together
/// and survive its own JSON; and reads the bytes as a date typed in a cell, both orders.
pub fn chronology(bytes: &[u8], name: &str) {
    if let Ok(text) = std::str::from_utf8(bytes) {
        for order in [DayOrder::DayFirst, DayOrder::MonthFirst] {
            if let Ok(span) = parse_date(text, order) {
                assert!(span.end.is_none_or(|end| end.year >= span.start.year));
            }
        }
    }
    let Ok(pair) = Pair::parse("RUS,UKR") else {
        return;
    };
    if let Ok(Some(dataset)) = chronology::import_bytes(bytes, name, pair, &facts(name, Format::Chronology)) {
        holds_together(&dataset);
    }
}

/// `bytes` gzip-compressed.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).expect("writing to memory");
    encoder.finish().expect("writing to memory")
}

/// A zip of `entries` (name, bytes), stored without compression.
pub fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in entries {
        writer
            .start_file(*name, options)
            .expect("writing to memory");
        writer.write_all(bytes).expect("writing to memory");
    }
    writer.finish().expect("writing to memory").into_inner()
}

/// A one-sheet `.xlsx` (sheet `Exports`) whose worksheet XML is `sheet`.
pub fn xlsx(sheet: &[u8]) -> Vec<u8> {
    xlsx_with_strings(sheet, None)
}

/// A one-sheet `.xlsx` whose worksheet XML is `sheet` and whose shared-string table, when
/// given, is `strings`.
pub fn xlsx_with_strings(sheet: &[u8], strings: Option<&[u8]>) -> Vec<u8> {
    const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const PACKAGE: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
    let types = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>";
    let rels = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"{PACKAGE}\"><Relationship Id=\"rId1\" Type=\"{REL}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
    );
    let workbook = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{MAIN}\" xmlns:r=\"{REL}\"><sheets><sheet name=\"Exports\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
    );
    let shared = if strings.is_some() {
        format!("<Relationship Id=\"rId2\" Type=\"{REL}/sharedStrings\" Target=\"sharedStrings.xml\"/>")
    } else {
        String::new()
    };
    let workbook_rels = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"{PACKAGE}\"><Relationship Id=\"rId1\" Type=\"{REL}/worksheet\" Target=\"worksheets/sheet1.xml\"/>{shared}</Relationships>"
    );
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", types.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("xl/workbook.xml", workbook.as_bytes()),
        ("xl/_rels/workbook.xml.rels", workbook_rels.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    if let Some(strings) = strings {
        parts.push(("xl/sharedStrings.xml", strings));
    }
    zip(&parts)
}

/// An `.xls`: an OLE compound file whose `Workbook` stream is `stream` (BIFF records).
pub fn xls_with_stream(stream: &[u8]) -> Vec<u8> {
    use std::io::Write as _;
    let Ok(mut file) = cfb::CompoundFile::create(Cursor::new(Vec::new())) else {
        return Vec::new();
    };
    if let Ok(mut workbook) = file.create_stream("/Workbook") {
        let _ = workbook.write_all(stream);
    }
    file.into_inner().into_inner()
}

/// A one-sheet `.xlsb` (Excel's binary workbook) whose worksheet records are `sheet`.
pub fn xlsb_with_sheet(sheet: &[u8]) -> Vec<u8> {
    const PACKAGE: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
    const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    // BrtBeginBook, BrtBundleSh (visible, tab 1, `rId1`, "Exports"), BrtEndBundleShs,
    // BrtEndBook: each a type, a size and a body (MS-XLSB).
    let mut bundle = vec![0, 0, 0, 0, 1, 0, 0, 0];
    for text in ["rId1", "Exports"] {
        let units: Vec<u16> = text.encode_utf16().collect();
        bundle.extend_from_slice(&(units.len() as u32).to_le_bytes());
        for unit in units {
            bundle.extend_from_slice(&unit.to_le_bytes());
        }
    }
    let mut workbook = vec![0x83, 0x01, 0x00, 0x9C, 0x01, bundle.len() as u8];
    workbook.extend_from_slice(&bundle);
    workbook.extend_from_slice(&[0x90, 0x01, 0x00, 0x84, 0x01, 0x00]);
    let workbook_rels = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"{PACKAGE}\"><Relationship Id=\"rId1\" Type=\"{REL}/worksheet\" Target=\"worksheets/sheet1.bin\"/></Relationships>"
    );
    zip(&[
        ("xl/workbook.bin", &workbook),
        ("xl/_rels/workbook.bin.rels", workbook_rels.as_bytes()),
        ("xl/worksheets/sheet1.bin", sheet),
    ])
}
