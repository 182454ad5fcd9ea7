//! A legacy comtrade.un.org CSV (35 columns), raw bytes.
#![no_main]
#[path = "common.rs"]
mod common;
libfuzzer_sys::fuzz_target!(|bytes: &[u8]| common::trade(bytes, "comtrade.csv"));
