//! The encoding layer: detection (UTF-8 with or without a BOM, Windows-1252, UTF-16)
//! and decoding to the end; UTF-16 must come out as UTF-8.
#![no_main]
use std::io::Read;

use bilateral::import::decode::{TextEncoding, lenient_text, read_error, text_reader};

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let Ok((mut reader, encoding)) = text_reader(Box::new(std::io::Cursor::new(bytes))) else {
        return;
    };
    let mut text = Vec::new();
    if let Err(error) = reader.read_to_end(&mut text) {
        let _ = read_error(&error);
        return;
    }
    if matches!(encoding, TextEncoding::Utf16Le | TextEncoding::Utf16Be) {
        assert!(
            std::str::from_utf8(&text).is_ok(),
            "UTF-16 decoded to bytes that are not UTF-8"
        );
    }
    let _ = lenient_text(&text);
});
