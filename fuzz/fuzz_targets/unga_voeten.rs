//! UN votes, Voeten, Bailey and Strezhnev (COW codes, 1/2/3/8/9), raw bytes.
#![no_main]
#[path = "common.rs"]
mod common;
libfuzzer_sys::fuzz_target!(|bytes: &[u8]| common::relations(bytes, "unga_voeten.csv"));
