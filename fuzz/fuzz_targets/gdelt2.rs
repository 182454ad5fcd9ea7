//! GDELT 2.0 event export (61 tab-separated columns, no header), raw bytes.
#![no_main]
#[path = "common.rs"]
mod common;
libfuzzer_sys::fuzz_target!(|bytes: &[u8]| common::events(bytes, "20180326044500.export.CSV"));
