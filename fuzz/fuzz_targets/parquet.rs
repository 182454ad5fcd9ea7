//! A Parquet file (a tidy trade table, GDELT events), raw bytes: footer, pages, statistics.
#![no_main]
#[path = "common.rs"]
mod common;
libfuzzer_sys::fuzz_target!(|bytes: &[u8]| common::parquet(bytes));
