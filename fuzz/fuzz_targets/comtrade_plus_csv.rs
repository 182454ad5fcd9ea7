//! A UN Comtrade Plus download (CSV), raw bytes.
#![no_main]
#[path = "common.rs"]
mod common;
libfuzzer_sys::fuzz_target!(|bytes: &[u8]| common::trade(bytes, "TradeData.csv"));
