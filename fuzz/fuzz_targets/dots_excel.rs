//! An IMF DOTS table in Excel: the fuzzed bytes are the worksheet XML of a one-sheet
//! `.xlsx` built around them (zip checksums stay right, so calamine parses every mutation).
#![no_main]
#[path = "common.rs"]
mod common;
libfuzzer_sys::fuzz_target!(|bytes: &[u8]| common::trade(&common::xlsx(bytes), "DOTS.xlsx"));
