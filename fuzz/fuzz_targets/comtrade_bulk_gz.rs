//! A UN Comtrade Plus bulk file (TSV): the fuzzed text, gzip-compressed as the portal
//! serves it, so the decompressing reader hands the parser every mutation.
#![no_main]
#[path = "common.rs"]
mod common;
libfuzzer_sys::fuzz_target!(|bytes: &[u8]| common::trade(&common::gzip(bytes), "bulk.txt.gz"));
