//! The date parser: a date that parses writes EDTF that parses back to the same date.
#![no_main]
use bilateral::data::PartialDate;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let Ok(date) = PartialDate::parse(text) else {
        return;
    };
    let edtf = date.to_edtf();
    assert_eq!(
        PartialDate::parse(&edtf),
        Ok(date),
        "{text:?} wrote {edtf:?}"
    );
});
