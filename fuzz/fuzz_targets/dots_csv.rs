//! An IMF DOTS CSV (time series or panel), raw bytes.
#![no_main]
#[path = "common.rs"]
mod common;
libfuzzer_sys::fuzz_target!(|bytes: &[u8]| common::trade(bytes, "DOTS.csv"));
