//! The compression layer: raw bytes that start as gzip or zip (the seeds do), through
//! container detection, decompression and the tables inside.
#![no_main]
#[path = "common.rs"]
mod common;
libfuzzer_sys::fuzz_target!(|bytes: &[u8]| common::trade(bytes, "download.gz"));
