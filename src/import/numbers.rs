//! Reading the numbers and periods trade files write: space-padded values, `...` and `NA`
//! placeholders, IMF estimates such as `256.26 e`, periods such as `2020`, `2020Q3`, `2020M01`.

/// A value read from a field.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Value {
    /// The number.
    pub value: f64,
    /// True when the field marks it as an estimate (`256.26 e`).
    pub estimate: bool,
}

/// A field that should hold a number and does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotANumber;

/// The field's value; `Ok(None)` for an empty field or a placeholder (`...`, `NA`, `-`);
/// `Err(NotANumber)` when it is not a number.
pub fn parse_value(bytes: &[u8]) -> Result<Option<Value>, NotANumber> {
    let text = bytes.trim_ascii();
    if is_placeholder(text) {
        return Ok(None);
    }
    let (digits, estimate) = match text {
        [rest @ .., b' ', b'e' | b'E'] => (rest.trim_ascii_end(), true),
        _ => (text, false),
    };
    let first = digits.first().copied().ok_or(NotANumber)?;
    if !(first.is_ascii_digit() || matches!(first, b'-' | b'+' | b'.')) {
        return Err(NotANumber);
    }
    let value = std::str::from_utf8(digits)
        .map_err(|_| NotANumber)?
        .parse::<f64>()
        .map_err(|_| NotANumber)?;
    if value.is_finite() {
        Ok(Some(Value { value, estimate }))
    } else {
        Err(NotANumber)
    }
}

/// Whether a trimmed field stands for "no value".
pub fn is_placeholder(text: &[u8]) -> bool {
    matches!(
        text,
        b"" | b"..." | b".." | b"." | b"-" | b"NA" | b"na" | b"N/A" | b"n.a." | b"\xE2\x80\xA6"
    )
}

/// A whole non-negative number of ASCII digits, such as a country code or a year.
#[inline]
pub fn parse_digits(bytes: &[u8]) -> Option<u32> {
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
pub enum Period {
    /// A calendar year.
    Year(i32),
    /// A quarter, 1 to 4.
    Quarter(i32, u8),
    /// A month, 1 to 12.
    Month(i32, u8),
}

impl Period {
    /// The year the period falls in.
    pub fn year(self) -> i32 {
        match self {
            Self::Year(year) | Self::Quarter(year, _) | Self::Month(year, _) => year,
        }
    }
}

/// Reads `2020`, `2020.0` (a spreadsheet number), `2020Q3`, `2020-Q3`, `2020M01`, `2020M1`,
/// `2020-M01`, `2020-01` or Comtrade's `202001`.
pub fn parse_period(bytes: &[u8]) -> Option<Period> {
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

    fn value(text: &str) -> Result<Option<Value>, NotANumber> {
        parse_value(text.as_bytes())
    }

    #[test]
    fn values_padded_placeholders_and_estimates() {
        assert_eq!(
            value("         343907.65"),
            Ok(Some(Value {
                value: 343_907.65,
                estimate: false
            }))
        );
        assert_eq!(
            value("256.26 e"),
            Ok(Some(Value {
                value: 256.26,
                estimate: true
            }))
        );
        assert_eq!(
            value("-5580845339").map(|v| v.map(|v| v.value)),
            Ok(Some(-5_580_845_339.0))
        );
        for missing in ["", "...", "NA", "  ", "-"] {
            assert_eq!(value(missing), Ok(None), "{missing}");
        }
        for bad in ["12a", "abc", "inf", "NaN", "1,5"] {
            assert_eq!(value(bad), Err(NotANumber), "{bad}");
        }
    }

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
