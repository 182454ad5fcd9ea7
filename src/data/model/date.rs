//! Calendar dates known to the year, the month or the day, and perhaps only roughly.

use std::fmt;
use std::fmt::Write as _;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A calendar date known to the year, the month or the day, and perhaps only roughly.
///
/// Written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with a trailing `~` when the sources give it
/// only approximately (`2000~` for "the early 2000s"), as ISO 8601-2 (EDTF) does. Shown to
/// people as `c. 2000`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    /// Year (proleptic Gregorian).
    pub year: i32,
    /// Month 1–12, when known.
    pub month: Option<u8>,
    /// Day 1–31, when known (only with a month).
    pub day: Option<u8>,
    /// Only approximately this date.
    pub approximate: bool,
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePrecision {
    /// Only the year.
    Year,
    /// The year and the month.
    Month,
    /// The exact day.
    Day,
}

impl PartialDate {
    /// A date known only to the year.
    pub fn year(year: i32) -> Self {
        Self {
            year,
            month: None,
            day: None,
            approximate: false,
        }
    }

    /// The date as written in a dataset file: `2016-08`, or `2000~` when approximate.
    pub fn to_edtf(&self) -> String {
        let mut text = format!("{:04}", self.year);
        if let Some(month) = self.month {
            let _ = write!(text, "-{month:02}");
            if let Some(day) = self.day {
                let _ = write!(text, "-{day:02}");
            }
        }
        if self.approximate {
            text.push('~');
        }
        text
    }

    /// How precisely the date is known.
    pub fn precision(&self) -> DatePrecision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => DatePrecision::Day,
            (Some(_), None) => DatePrecision::Month,
            _ => DatePrecision::Year,
        }
    }

    /// The date as a fractional year at the start of its period (2016-07 → 2016.5).
    pub fn start_as_year_fraction(&self) -> f64 {
        let month_index = f64::from(self.month.unwrap_or(1).saturating_sub(1));
        let day_index = f64::from(self.day.unwrap_or(1).saturating_sub(1));
        f64::from(self.year) + month_index / 12.0 + day_index / 365.0
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, each with an optional trailing `~`.
    pub fn parse(text: &str) -> Result<Self, DateParseError> {
        let (exact, approximate) = match text.strip_suffix('~') {
            Some(exact) => (exact, true),
            None => (text, false),
        };
        let mut parts = exact.split('-');
        let year_text = parts.next().unwrap_or_default();
        if year_text.len() != 4 || !year_text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(DateParseError(text.to_owned()));
        }
        let year: i32 = year_text
            .parse()
            .map_err(|_| DateParseError(text.to_owned()))?;
        let month = parts
            .next()
            .map(|m| parse_two_digits(m, 1, 12, text))
            .transpose()?;
        let day = parts
            .next()
            .map(|d| parse_two_digits(d, 1, days_in_month(year, month.unwrap_or(1)), text))
            .transpose()?;
        if parts.next().is_some() {
            return Err(DateParseError(text.to_owned()));
        }
        Ok(Self {
            year,
            month,
            day,
            approximate,
        })
    }
}

fn parse_two_digits(part: &str, min: u8, max: u8, whole: &str) -> Result<u8, DateParseError> {
    if part.len() != 2 || !part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateParseError(whole.to_owned()));
    }
    let value: u8 = part.parse().map_err(|_| DateParseError(whole.to_owned()))?;
    if (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(DateParseError(whole.to_owned()))
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A date string that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{0}` is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD, with `~` after it if approximate"
)]
pub struct DateParseError(pub String);

/// For people: `2016-08`, or `c. 2000` when approximate. Files use [`PartialDate::to_edtf`].
impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.approximate {
            write!(f, "c. ")?;
        }
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
            if let Some(day) = self.day {
                write!(f, "-{day:02}")?;
            }
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_edtf())
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for PartialDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PartialDate".into()
    }

    fn json_schema(_generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A date known to the year, the month or the day: YYYY, YYYY-MM or YYYY-MM-DD; a trailing ~ marks it approximate (ISO 8601-2), as in 2000~ for the early 2000s.",
            "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?~?$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_date_parses_each_precision_and_prints_it_back() {
        for text in ["1813", "2016-08", "2024-01-24"] {
            let date = PartialDate::parse(text).expect("valid date");
            assert_eq!(date.to_string(), text);
        }
        assert_eq!(
            PartialDate::parse("2016-08").map(|d| d.precision()),
            Ok(DatePrecision::Month)
        );
    }

    #[test]
    fn an_approximate_date_keeps_its_mark_in_files_and_reads_as_circa() {
        let date = PartialDate::parse("2000~").expect("valid approximate date");
        assert!(date.approximate);
        assert_eq!(date.precision(), DatePrecision::Year);
        assert_eq!(date.to_edtf(), "2000~");
        assert_eq!(date.to_string(), "c. 2000");
        assert_eq!(
            serde_json::to_string(&date).expect("serializes"),
            "\"2000~\""
        );
        assert!(!PartialDate::parse("2016-08").expect("valid").approximate);
        for text in ["~2000", "2000~~", "2000-~"] {
            assert!(
                PartialDate::parse(text).is_err(),
                "{text} should be refused"
            );
        }
    }

    #[test]
    fn partial_date_rejects_impossible_dates() {
        for text in [
            "",
            "16",
            "2016-13",
            "2016-00",
            "2023-02-29",
            "2016-8",
            "2016-08-01-01",
        ] {
            assert!(
                PartialDate::parse(text).is_err(),
                "{text} should be refused"
            );
        }
        assert!(PartialDate::parse("2024-02-29").is_ok());
    }
}
