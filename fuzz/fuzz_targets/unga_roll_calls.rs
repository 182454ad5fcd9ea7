//! UN roll-call descriptions (Voeten's or unvotes' roll_calls.csv), raw bytes.
#![no_main]
#[path = "common.rs"]
mod common;
libfuzzer_sys::fuzz_target!(|bytes: &[u8]| common::relations(bytes, "unga_roll_calls.csv"));
