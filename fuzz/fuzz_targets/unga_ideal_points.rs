//! UN ideal-point estimates (ccode, session, IdealPointAll), raw bytes.
#![no_main]
#[path = "common.rs"]
mod common;
libfuzzer_sys::fuzz_target!(|bytes: &[u8]| common::relations(bytes, "unga_ideal_points.csv"));
