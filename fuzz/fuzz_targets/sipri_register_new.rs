//! SIPRI trade register, new layout (one row per deal and delivery year), raw bytes.
#![no_main]
#[path = "common.rs"]
mod common;
libfuzzer_sys::fuzz_target!(|bytes: &[u8]| common::relations(bytes, "sipri_register_new.csv"));
