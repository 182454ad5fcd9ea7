//! The `Workbook` stream (BIFF8 records) of an `.xls` that the target wraps in a compound
//! file: the look at its records before calamine opens it (`import/xls_guard.rs`), then
//! calamine's reading and the importer's.
#![no_main]
#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| common::trade(
    &common::xls_with_stream(bytes),
    "book.xls"
));
