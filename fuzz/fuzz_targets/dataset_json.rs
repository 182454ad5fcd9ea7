//! The dataset JSON loader; a dataset that loads must load again, equal, from the JSON it
//! writes.
#![no_main]
use bilateral::data::json::{parse_dataset, to_json};

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    if let Ok(dataset) = parse_dataset(bytes, "fuzz.json") {
        match parse_dataset(to_json(&dataset).as_bytes(), "again.json") {
            Ok(again) => assert_eq!(
                again, dataset,
                "the JSON written does not read back the same"
            ),
            Err(errors) => panic!("a loaded dataset does not load from its own JSON: {errors}"),
        }
    }
});
