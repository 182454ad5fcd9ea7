//! Reading the numbers and periods trade files write: values as publishers write them
//! (`1,118.84 e`, `343 907.65`, `(12.5)`, `...`), periods such as `2020`, `2020Q3`, `2020M01`.
//!
//! A value is read the same way from a CSV field and from a spreadsheet's text cell:
//!
//! - Padding, ASCII or Unicode (no-break U+00A0, narrow no-break U+202F, thin U+2009,
//!   figure U+2007 spaces), is trimmed.
//! - `.` is the decimal point. A comma is read only as a thousands separator, and only when
//!   the groups are valid: one to three digits, not starting with 0, then groups of exactly
//!   three (`1,118.84`, `1,118`, `12,345,678`). `1,5`, `12,34` or `0,123` are refused, never
//!   read as 15, 1234 or 123: they are decimal commas, which Bilateral does not guess at. A
//!   text table whose fields are separated by `;` (as spreadsheets set to decimal commas
//!   write) refuses every comma in a value. Spaces of any of the kinds above are thousands
//!   separators under the same rule (`1 118.84`); one value may not mix commas and spaces.
//! - A minus (`-`, `−` U+2212, or the en dash `–` the IMF typesets as one) or parentheses,
//!   `(1,118.84)`, make a value negative.
//! - Marks after the value, with or without a space, in any order: `e` (estimate) and `p`
//!   (provisional, preliminary) flag the value as not final, an estimate winning over
//!   provisional; `r` (revised) and the footnote marks `*`, `†`, `‡` and superscript digits
//!   and letters keep the value unflagged, as a footnote says nothing about the number
//!   itself. `(e)`, `(p)`, `[e]` are the same marks in brackets. Any other letter after a
//!   number (`12a`, `3.36bn`) is refused: it may be a unit.
//!   An `e` followed by digits is an exponent, as spreadsheets write large numbers (`1.5E+09`).
//! - Placeholders mean "no value", never zero: empty, `.`, `..`, `...`, `…`, `-`, `--`,
//!   `–`, `—`, `NA`, `N/A`, `n.a.`, `no data`, `x` and `c` (confidential), `:`. The IMF's dash
//!   stands for "zero or less than half the last digit shown, or the item does not exist":
//!   since it cannot say which, it stays a gap.

use super::decode::lenient_text;

mod written;

use written::parse_written;

/// How a value is marked as not final; the chart shows such values as approximate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Estimate {
    /// `e`: an estimate.
    Estimated,
    /// `p`: provisional or preliminary, to be revised.
    Provisional,
}

impl Estimate {
    /// Why the value is approximate, as the point's note says it.
    pub(crate) fn reason(self) -> &'static str {
        match self {
            Self::Estimated => "an estimate (marked `e` in the file)",
            Self::Provisional => "a provisional figure (marked `p` in the file)",
        }
    }

    /// Why the value is approximate, for the IMF's files.
    pub(crate) fn imf_reason(self) -> &'static str {
        match self {
            Self::Estimated => "an IMF estimate (marked `e` in the file)",
            Self::Provisional => "an IMF provisional figure (marked `p` in the file)",
        }
    }
}

/// A value read from a field.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Value {
    /// The number.
    pub(crate) value: f64,
    /// How the field marks it as not final (`256.26 e`, `1,118 p`), if it does.
    pub(crate) estimate: Option<Estimate>,
}

/// Why a field that should hold a number does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotANumber {
    /// Not written as a number at all (`abc`, `x1`).
    Text,
    /// A comma that does not separate groups of three digits (`1,5`, `12,34`, `0,123`).
    DecimalComma,
    /// A comma in a value of a table whose fields are separated by `;`.
    CommaInSemicolonTable,
    /// Thousands separators not in groups of three, or of two kinds (`1 23`, `1,234 567`).
    Grouping,
    /// Dots between groups of three digits (`1.234.567`), as decimal-comma tables write.
    DotGroups,
    /// A letter after the number that is not a mark Bilateral reads (`12a`, `3.36bn`).
    UnknownMark,
    /// Too large to hold.
    OutOfRange,
}

impl NotANumber {
    /// What to add to "`…` is not a number": empty, or a space and a hint in parentheses.
    pub(crate) fn hint(self) -> &'static str {
        match self {
            Self::Text => "",
            Self::DecimalComma => {
                " (a decimal comma? Bilateral reads `.` as the decimal point and a comma only between groups of three digits, as in 1,118.84)"
            }
            Self::CommaInSemicolonTable => {
                " (the file separates its fields with `;`, as spreadsheets that write decimal commas do, so a comma in a value is not read as a thousands separator; save the file with `.` as the decimal point)"
            }
            Self::Grouping => {
                " (thousands separators are read between groups of exactly three digits, the same separator throughout, as in 1,118,000 or 1 118 000)"
            }
            Self::UnknownMark => {
                " (after a number Bilateral reads the marks e (estimate), p (provisional), r (revised) and the footnote marks * † ‡; units such as `bn` or `m` are not read)"
            }
            Self::DotGroups => {
                " (dots between groups of three digits? Bilateral reads `.` only as the decimal point)"
            }
            Self::OutOfRange => " (too large)",
        }
    }
}

/// What a comma in a value can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Commas {
    /// A thousands separator, where the groups are valid.
    Thousands,
    /// Nothing Bilateral reads: the table's convention may make it a decimal comma.
    Refused,
}

/// The field's value; `Ok(None)` for an empty field or a placeholder (`...`, `NA`, `-`);
/// `Err` when it is not a number. Commas are thousands separators (see the module's doc).
pub(crate) fn parse_value(bytes: &[u8]) -> Result<Option<Value>, NotANumber> {
    parse_value_with(bytes, Commas::Thousands)
}

/// The field's value, with commas read as `commas` says.
pub(crate) fn parse_value_with(bytes: &[u8], commas: Commas) -> Result<Option<Value>, NotANumber> {
    let plain = bytes.trim_ascii();
    if let Some(value) = plain_number(plain) {
        return Ok(Some(Value {
            value,
            estimate: None,
        }));
    }
    parse_written(&lenient_text(plain), commas)
}

/// A number as Rust writes one (`343907.65`, `-5580845339`, `1.5E+09`): the fast path for
/// the millions of plain fields of a bulk file.
#[inline]
fn plain_number(text: &[u8]) -> Option<f64> {
    let first = *text.first()?;
    if !(first.is_ascii_digit() || matches!(first, b'-' | b'+' | b'.')) {
        return None;
    }
    let value: f64 = std::str::from_utf8(text).ok()?.parse().ok()?;
    value.is_finite().then_some(value)
}

/// A whole non-negative number of ASCII digits, such as a country code or a year.
#[inline]
pub(crate) fn parse_digits(bytes: &[u8]) -> Option<u32> {
    let bytes = bytes.trim_ascii();
    if bytes.is_empty() || bytes.len() > 9 {
        return None;
    }
    let mut n: u32 = 0;
    for b in bytes {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u32::from(b - b'0');
    }
    Some(n)
}

/// The period an observation covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Period {
    /// A calendar year.
    Year(i32),
    /// A quarter, 1 to 4.
    Quarter(i32, u8),
    /// A month, 1 to 12.
    Month(i32, u8),
}

impl Period {
    /// The year the period falls in.
    pub(crate) fn year(self) -> i32 {
        match self {
            Self::Year(year) | Self::Quarter(year, _) | Self::Month(year, _) => year,
        }
    }
}

/// Reads `2020`, `2020.0` (a spreadsheet number), `2020Q3`, `2020-Q3`, `2020M01`, `2020M1`,
/// `2020-M01`, `2020-01` or Comtrade's `202001`.
pub(crate) fn parse_period(bytes: &[u8]) -> Option<Period> {
    let text = bytes.trim_ascii();
    let text = text.strip_suffix(b".0").unwrap_or(text);
    if text.len() < 4 || text.len() > 8 {
        return None;
    }
    let year = parse_digits(&text[..4])
        .and_then(|y| i32::try_from(y).ok())
        .filter(|y| (1800..=2200).contains(y))?;
    let rest = &text[4..];
    if rest.is_empty() {
        return Some(Period::Year(year));
    }
    if rest.len() == 2 && rest.iter().all(u8::is_ascii_digit) {
        return month_period(year, parse_digits(rest)?);
    }
    let rest = rest.strip_prefix(b"-").unwrap_or(rest);
    match rest.first()?.to_ascii_uppercase() {
        b'Q' => {
            let quarter = u8::try_from(parse_digits(&rest[1..])?).ok()?;
            (1..=4)
                .contains(&quarter)
                .then_some(Period::Quarter(year, quarter))
        }
        b'M' => month_period(year, parse_digits(&rest[1..])?),
        b'0'..=b'9' if rest.len() == 2 && text[4] == b'-' => {
            month_period(year, parse_digits(rest)?)
        }
        _ => None,
    }
}

fn month_period(year: i32, month: u32) -> Option<Period> {
    let month = u8::try_from(month).ok()?;
    (1..=12)
        .contains(&month)
        .then_some(Period::Month(year, month))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_of_every_publisher() {
        assert_eq!(parse_period(b"1948"), Some(Period::Year(1948)));
        assert_eq!(parse_period(b"2014.0"), Some(Period::Year(2014)));
        assert_eq!(parse_period(b"2020Q3"), Some(Period::Quarter(2020, 3)));
        assert_eq!(parse_period(b"2020M01"), Some(Period::Month(2020, 1)));
        assert_eq!(parse_period(b"2024M2"), Some(Period::Month(2024, 2)));
        assert_eq!(parse_period(b"202312"), Some(Period::Month(2023, 12)));
        assert_eq!(parse_period(b"2020-07"), Some(Period::Month(2020, 7)));
        assert_eq!(parse_period(b"2023-Q1"), Some(Period::Quarter(2023, 1)));
        assert_eq!(parse_period(b"2023-M11"), Some(Period::Month(2023, 11)));
        for bad in ["20", "2020Q5", "2020M13", "year", "12345"] {
            assert_eq!(parse_period(bad.as_bytes()), None, "{bad}");
        }
    }
}
