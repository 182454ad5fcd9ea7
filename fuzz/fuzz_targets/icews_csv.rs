//! ICEWS events re-exported as CSV (underscored names, quoted sector lists), raw bytes.
#![no_main]
#[path = "common.rs"]
mod common;
libfuzzer_sys::fuzz_target!(|bytes: &[u8]| common::events(bytes, "icews.csv"));
