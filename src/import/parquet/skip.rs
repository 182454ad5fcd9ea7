//! Passing over row groups by their statistics: a row group whose reporter (or partner)
//! column's minimum and maximum leave out every way the layout writes either country of
//! the pair holds no row of the pair, and is not read.
//!
//! Numbers (Comtrade's and BACI's codes, a tidy table's M49 numbers) are compared as
//! numbers. Text is compared byte by byte, as Parquet orders it, against each spelling of
//! the two countries the country table holds (ISO codes, numbers, every name), as written
//! there, in upper case and in lower case; a row group is read whenever any spelling falls
//! inside its range, or its statistics are missing or of the old, unordered kind.

use parquet::file::metadata::RowGroupMetaData;
use parquet::file::statistics::Statistics;

use crate::data::country::{CodeScheme, Country, Pair, countries};

use super::super::detect::{Format, Header};

/// How the two columns that name the countries are checked.
pub(crate) struct TradeFilter {
    /// The reporter's and partner's column names, as the file writes them.
    columns: [String; 2],
    /// The numbers the pair has in the layout's scheme.
    numbers: Vec<i64>,
    /// The texts the pair may be written as.
    texts: Vec<Vec<u8>>,
}

impl TradeFilter {
    /// The filter of `format`'s reporter and partner columns in `header` (the file's leaf
    /// columns, in order), for `pair`; `None` for a layout without such columns.
    pub(crate) fn new(pair: Pair, format: Format, header: &Header) -> Option<Self> {
        let (names, scheme) = match format {
            Format::Tidy => (["reporter", "partner"], None),
            Format::ComtradePlus | Format::ComtradePlusBulk => {
                (["reporterCode", "partnerCode"], Some(CodeScheme::M49))
            }
            Format::ComtradeLegacy => (["Reporter Code", "Partner Code"], Some(CodeScheme::M49)),
            Format::Baci => (["i", "j"], Some(CodeScheme::Baci)),
            _ => return None,
        };
        let name = |wanted: &str| {
            header
                .find(wanted)
                .and_then(|i| header.names.get(i).cloned())
        };
        let columns = [name(names[0])?, name(names[1])?];
        let table = countries();
        let both: Vec<&Country> = pair
            .countries()
            .iter()
            .filter_map(|id| table.get(*id))
            .collect();
        let mut numbers = Vec::new();
        let mut texts = Vec::new();
        for country in both {
            let mut codes: Vec<u16> = match scheme {
                Some(CodeScheme::Baci) => country.baci.clone(),
                Some(_) => country
                    .comtrade
                    .iter()
                    .copied()
                    .chain(country.m49)
                    .collect(),
                // A tidy table's number may be an M49, an IMF or a BACI number.
                None => country
                    .comtrade
                    .iter()
                    .copied()
                    .chain(country.m49)
                    .chain(country.imf)
                    .chain(country.baci.iter().copied())
                    .collect(),
            };
            codes.sort_unstable();
            codes.dedup();
            numbers.extend(codes.iter().map(|n| i64::from(*n)));
            let spelled = codes
                .iter()
                .flat_map(|n| [n.to_string(), format!("{n:03}")])
                .chain([country.iso3.clone()])
                .chain(country.iso2.clone())
                .chain([country.name.clone()])
                .chain(country.other_names.iter().cloned());
            for text in spelled {
                texts.push(text.to_uppercase().into_bytes());
                texts.push(text.to_lowercase().into_bytes());
                texts.push(text.into_bytes());
            }
        }
        Some(Self {
            columns,
            numbers,
            texts,
        })
    }

    /// Whether `group` may hold a row of the pair.
    pub(crate) fn may_hold(&self, group: &RowGroupMetaData) -> bool {
        self.columns.iter().all(|column| {
            let Some(statistics) = group
                .columns()
                .iter()
                .find(|chunk| chunk.column_path().parts() == [column.as_str()])
                .and_then(|chunk| chunk.statistics())
            else {
                return true;
            };
            self.in_range(statistics)
        })
    }

    fn in_range(&self, statistics: &Statistics) -> bool {
        let numbers = |min: Option<i64>, max: Option<i64>| match (min, max) {
            (Some(min), Some(max)) => self.numbers.iter().any(|n| (min..=max).contains(n)),
            _ => true,
        };
        match statistics {
            Statistics::Int32(s) => numbers(
                s.min_opt().map(|n| i64::from(*n)),
                s.max_opt().map(|n| i64::from(*n)),
            ),
            Statistics::Int64(s) => numbers(s.min_opt().copied(), s.max_opt().copied()),
            Statistics::ByteArray(s) if !statistics.is_min_max_deprecated() => {
                match (s.min_opt(), s.max_opt()) {
                    (Some(min), Some(max)) => text_in_range(&self.texts, min.data(), max.data()),
                    _ => true,
                }
            }
            _ => true,
        }
    }
}

/// Whether any of `texts` lies between `min` and `max`, byte by byte.
pub(crate) fn text_in_range(texts: &[Vec<u8>], min: &[u8], max: &[u8]) -> bool {
    texts
        .iter()
        .any(|text| min <= text.as_slice() && text.as_slice() <= max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_of_codes_holds_a_country_or_not() {
        let header = Header::new(
            ["year", "reporter", "partner", "flow", "value", "unit"]
                .map(String::from)
                .to_vec(),
        );
        let pair = Pair::parse("THA,RUS").expect("pair");
        let filter = TradeFilter::new(pair, Format::Tidy, &header).expect("tidy columns");
        assert_eq!(filter.columns, ["reporter", "partner"]);
        assert!(text_in_range(&filter.texts, b"PAN", b"S19"), "RUS");
        assert!(text_in_range(&filter.texts, b"SWE", b"UKR"), "THA");
        assert!(!text_in_range(&filter.texts, b"ABW", b"BHR"));
        assert!(!text_in_range(&filter.texts, b"UKR", b"_X "));
        assert!(filter.numbers.contains(&643) && filter.numbers.contains(&764));
    }
}
