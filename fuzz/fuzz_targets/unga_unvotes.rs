//! UN votes, the unvotes package's CSV (ISO2, yes/no/abstain), raw bytes.
#![no_main]
#[path = "common.rs"]
mod common;
libfuzzer_sys::fuzz_target!(|bytes: &[u8]| common::relations(bytes, "unga_unvotes.csv"));
