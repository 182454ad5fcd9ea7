//! An `.xlsx` whose shared-string table is the fuzzed bytes, cited by a DOTS-like sheet: the
//! importer's look at the table before calamine reads it (`import/workbook_guard.rs`: claimed
//! counts, string lengths, inflated size) and calamine's own reading of it.
#![no_main]
#[path = "common.rs"]
mod common;

const SHEET: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1"><v>2019</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c><c r="C2"><v>1.5</v></c></row></sheetData></worksheet>"#;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| common::trade(
    &common::xlsx_with_strings(SHEET, Some(bytes)),
    "strings.xlsx"
));
