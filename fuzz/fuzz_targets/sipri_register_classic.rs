//! SIPRI trade register, classic layout (Latin-1, title lines, split comments), raw bytes.
#![no_main]
#[path = "common.rs"]
mod common;
libfuzzer_sys::fuzz_target!(|bytes: &[u8]| common::relations(bytes, "sipri_register_classic.csv"));
