//! ICEWS event file as published (tab-separated, names with spaces, `NA`), raw bytes.
#![no_main]
#[path = "common.rs"]
mod common;
libfuzzer_sys::fuzz_target!(|bytes: &[u8]| common::events(bytes, "events.2015.tab"));
