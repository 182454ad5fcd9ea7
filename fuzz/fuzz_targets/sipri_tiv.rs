//! SIPRI TIV table (exporters or importers by year), raw bytes.
#![no_main]
#[path = "common.rs"]
mod common;
libfuzzer_sys::fuzz_target!(|bytes: &[u8]| common::relations(bytes, "sipri_tiv.csv"));
