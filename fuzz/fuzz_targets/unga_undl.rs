//! UN votes, the UN Digital Library's bulk CSV (ISO3, Y/N/A/X), raw bytes.
#![no_main]
#[path = "common.rs"]
mod common;
libfuzzer_sys::fuzz_target!(|bytes: &[u8]| common::relations(bytes, "unga_undl.csv"));
