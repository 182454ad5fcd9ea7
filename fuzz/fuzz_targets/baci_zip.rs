//! A CEPII BACI release: the fuzzed bytes are the year table inside a `.zip` that also
//! holds a country list, as CEPII ships it.
#![no_main]
#[path = "common.rs"]
mod common;

/// A few rows of a `country_codes_V*.csv` (CEPII numbers and ISO codes).
const COUNTRY_CODES: &[u8] = b"country_code,country_name,country_iso2,country_iso3\n36,Australia,AU,AUS\n156,China,CN,CHN\n364,Iran,IR,IRN\n410,Rep. of Korea,KR,KOR\n643,Russian Federation,RU,RUS\n842,USA,US,USA\n";

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let archive = common::zip(&[
        ("country_codes_V202501.csv", COUNTRY_CODES),
        ("BACI_HS22_Y2023_V202501.csv", bytes),
    ]);
    common::trade(&archive, "BACI_HS22_V202501.zip");
});
