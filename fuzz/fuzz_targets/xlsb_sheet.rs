//! The worksheet records (`xl/worksheets/sheet1.bin`) of a one-sheet `.xlsb` that the target
//! builds around them: calamine's reading of the records and the importer's count of the
//! cells before a grid is made (`import/sheet_range.rs`).
#![no_main]
#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| common::trade(
    &common::xlsb_with_sheet(bytes),
    "sheet.xlsb"
));
