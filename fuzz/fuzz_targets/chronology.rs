//! An analyst's chronology (CSV, any headers), raw bytes: read with the guessed columns,
//! its events for a pair must hold together; the bytes as a date typed in a cell too.
#![no_main]
#[path = "common.rs"]
mod common;
libfuzzer_sys::fuzz_target!(|bytes: &[u8]| common::chronology(bytes, "chronology.csv"));
