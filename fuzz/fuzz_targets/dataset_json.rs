//! The dataset JSON loader; a dataset that loads must load again, equal, from the JSON it
//! writes, and read as a stream it must be the same dataset (and what does not load must
//! not be taken as it streams).
#![no_main]
use bilateral::data::json::{parse_dataset, read_valid_dataset, to_json};

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let streamed = read_valid_dataset(bytes);
    match parse_dataset(bytes, "fuzz.json") {
        Ok(dataset) => {
            assert_eq!(
                streamed.as_ref(),
                Some(&dataset),
                "read as a stream, the dataset differs from the one read from its text"
            );
            match parse_dataset(to_json(&dataset).as_bytes(), "again.json") {
                Ok(again) => assert_eq!(
                    again, dataset,
                    "the JSON written does not read back the same"
                ),
                Err(errors) => panic!("a loaded dataset does not load from its own JSON: {errors}"),
            }
        }
        Err(errors) => assert!(
            streamed.is_none(),
            "taken as it streams, refused from its text: {errors}"
        ),
    }
});
