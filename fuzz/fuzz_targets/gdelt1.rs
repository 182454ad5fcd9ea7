//! GDELT 1.0 daily or historical event file (57 or 58 columns, no header), raw bytes.
#![no_main]
#[path = "common.rs"]
mod common;
libfuzzer_sys::fuzz_target!(|bytes: &[u8]| common::events(bytes, "20130401.export.CSV"));
