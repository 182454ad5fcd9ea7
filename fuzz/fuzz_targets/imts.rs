//! IMF IMTS: SDMX-ML 3.0 XML, SDMX-CSV or the portal CSV, raw bytes.
#![no_main]
#[path = "common.rs"]
mod common;
libfuzzer_sys::fuzz_target!(|bytes: &[u8]| common::trade(bytes, "IMTS.xml"));
