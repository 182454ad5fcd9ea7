//! Dates as people type them in a chronology: `2016-08-14`, `14/08/2016` (day or month
//! first), `Aug 2016`, `August 2016`, `14 August 2016`, `2016`, `c. 2000`, `1990s`, and
//! ranges such as `2014–2016`, `2014-2016` or `March–May 2019`. Each keeps the precision it
//! was written with (a year stays a year), as a [`PartialDate`].

use std::fmt::Write as _;

use crate::data::PartialDate;

use super::words::month_number;

/// Which comes first in a date written with numbers only, such as `02/06/2022`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DayOrder {
    /// Day, month, year (`02/06/2022` is 2 June 2022).
    DayFirst,
    /// Month, day, year (`06/02/2022` is 2 June 2022).
    MonthFirst,
}

impl DayOrder {
    /// For people: `day/month/year`.
    pub fn label(self) -> &'static str {
        match self {
            Self::DayFirst => "day/month/year",
            Self::MonthFirst => "month/day/year",
        }
    }

    /// The key used in `--column day_order=…` and in the settings: `dmy` or `mdy`.
    pub fn key(self) -> &'static str {
        match self {
            Self::DayFirst => "dmy",
            Self::MonthFirst => "mdy",
        }
    }

    /// The order named by `key` (`dmy`, `mdy`, `day-first`, `month-first`).
    pub fn from_key(key: &str) -> Option<Self> {
        match key.trim().to_ascii_lowercase().as_str() {
            "dmy" | "day-first" | "day_first" | "day" => Some(Self::DayFirst),
            "mdy" | "month-first" | "month_first" | "month" => Some(Self::MonthFirst),
            _ => None,
        }
    }
}

/// A date or a span of dates read from a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateSpan {
    /// When it started (or happened).
    pub start: PartialDate,
    /// When it ended, for a range.
    pub end: Option<PartialDate>,
}

/// What a date written with numbers says of the order of day and month: a first number
/// over 12 can only be a day, a second number over 12 only a day.
pub(crate) fn order_evidence(text: &str) -> Option<DayOrder> {
    let numbers = numeric_parts(strip_time(text.trim()))?;
    let [first, second, year] = numbers.as_slice() else {
        return None;
    };
    if year.len() != 4 || first.len() > 2 {
        return None;
    }
    let (a, b): (u32, u32) = (first.parse().ok()?, second.parse().ok()?);
    match (a > 12, b > 12) {
        (true, false) => Some(DayOrder::DayFirst),
        (false, true) => Some(DayOrder::MonthFirst),
        _ => None,
    }
}

/// Reads `text` as a date or a range; the error says why in a few words.
pub fn parse_date(text: &str, order: DayOrder) -> Result<DateSpan, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("no date".to_owned());
    }
    let (text, approximate) = strip_approximate(text);
    let mut span = parse_span(text, order)?;
    if approximate {
        span.start.approximate = true;
        if let Some(end) = &mut span.end {
            end.approximate = true;
        }
    }
    Ok(span)
}

/// The text without `c.`, `circa`, `ca.`, `about`, `~` before it or `?`, `~` after it;
/// true when one was there.
fn strip_approximate(text: &str) -> (&str, bool) {
    const BEFORE: [&str; 11] = [
        "circa ",
        "circa",
        "approximately ",
        "approx. ",
        "approx ",
        "about ",
        "around ",
        "ca. ",
        "ca ",
        "c. ",
        "c.",
    ];
    let lower = text.to_lowercase();
    let mut rest = text;
    let mut approximate = false;
    for prefix in BEFORE {
        if lower.starts_with(prefix) && text.is_char_boundary(prefix.len()) {
            rest = text[prefix.len()..].trim_start();
            approximate = true;
            break;
        }
    }
    if let Some(stripped) = rest.strip_prefix('~') {
        rest = stripped.trim_start();
        approximate = true;
    }
    while let Some(stripped) = rest.strip_suffix(['?', '~']) {
        rest = stripped.trim_end();
        approximate = true;
    }
    (rest, approximate)
}

fn parse_span(text: &str, order: DayOrder) -> Result<DateSpan, String> {
    if let Some(decade) = decade(text) {
        return Ok(decade);
    }
    if let Some((left, right)) = split_range(text) {
        let end = parse_single(right, order)?;
        // `March–May 2019`, `12–14 March 2019`: a start without a year of four digits takes
        // what the end says after its first word.
        let words: Vec<&str> = right.split_whitespace().collect();
        let completed = (!has_four_digit_year(left))
            .then(|| {
                (1..words.len()).find_map(|skip| {
                    parse_single(&format!("{left} {}", words[skip..].join(" ")), order).ok()
                })
            })
            .flatten();
        let start = match completed {
            Some(start) => start,
            None => parse_single(left, order)?,
        };
        if end < start && !(end.year == start.year && end.precision() != start.precision()) {
            return Err("the range ends before it starts".to_owned());
        }
        return Ok(DateSpan {
            start,
            end: Some(end),
        });
    }
    parse_single(text, order).map(|start| DateSpan { start, end: None })
}

/// Whether `text` holds a run of exactly four digits (a year).
fn has_four_digit_year(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit())
        .any(|run| run.len() == 4)
}

/// `1990s` (or `the 1990s`) as the years 1990 to 1999.
fn decade(text: &str) -> Option<DateSpan> {
    let text = text.strip_prefix("the ").unwrap_or(text);
    let body = text.strip_suffix('s')?;
    let digits = body.strip_suffix('\'').unwrap_or(body);
    if digits.len() != 4 || !digits.ends_with('0') || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = digits.parse().ok()?;
    Some(DateSpan {
        start: PartialDate::year(year),
        end: Some(PartialDate::year(year + 9)),
    })
}

/// The two sides of a range: split at an en or em dash, ` to `, ` - `, or the hyphen of
/// `2014-2016` (two years; `2014-05` is a month, not a range).
fn split_range(text: &str) -> Option<(&str, &str)> {
    for separator in ["–", "—", " to ", " - ", " until "] {
        if let Some((left, right)) = text.split_once(separator) {
            return Some((left.trim(), right.trim()));
        }
    }
    let (left, right) = text.split_once('-')?;
    let years = |s: &str| s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit());
    (years(left) && years(right)).then_some((left, right))
}

/// `2022-01-01T00:00:00` or `2022-01-01 00:00:00` without the time of day.
fn strip_time(text: &str) -> &str {
    let bytes = text.as_bytes();
    if bytes.len() > 10
        && (bytes[10] == b'T' || bytes[10] == b' ')
        && bytes[..4].iter().all(u8::is_ascii_digit)
        && text.is_char_boundary(10)
    {
        &text[..10]
    } else {
        text
    }
}

/// The numbers of `2016-08-14`, `14/08/2016`, `14.08.2016`, when the text is only numbers
/// and one kind of separator.
fn numeric_parts(text: &str) -> Option<Vec<&str>> {
    let separator = text.chars().find(|c| !c.is_ascii_digit())?;
    if !matches!(separator, '-' | '/' | '.') {
        return None;
    }
    let parts: Vec<&str> = text.split(separator).collect();
    let numbers = parts
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    (numbers && (2..=3).contains(&parts.len())).then_some(parts)
}

/// One date (not a range).
fn parse_single(text: &str, order: DayOrder) -> Result<PartialDate, String> {
    let text = strip_time(text.trim());
    if text.is_empty() {
        return Err("no date".to_owned());
    }
    if text.bytes().all(|b| b.is_ascii_digit()) {
        return match text.len() {
            1..=4 => text
                .parse()
                .map(PartialDate::year)
                .map_err(|_| "not a year".to_owned()),
            _ => Err("a number, not a date (a spreadsheet's day count?)".to_owned()),
        };
    }
    if let Some(parts) = numeric_parts(text) {
        return numeric_date(&parts, order);
    }
    worded_date(text)
}

/// `2016-08-14`, `2016/8/14`, `14/08/2016`, `08/2016`.
fn numeric_date(parts: &[&str], order: DayOrder) -> Result<PartialDate, String> {
    let number = |s: &str| s.parse::<u32>().map_err(|_| "not a date".to_owned());
    let two_digit_year =
        || Err("the year has two digits: write it with four (2016, not 16)".to_owned());
    match parts {
        [year, month] if year.len() == 4 => build(number(year)?, Some(number(month)?), None),
        [month, year] if year.len() == 4 => build(number(year)?, Some(number(month)?), None),
        [year, month, day] if year.len() == 4 => {
            build(number(year)?, Some(number(month)?), Some(number(day)?))
        }
        [first, second, year] if year.len() == 4 => {
            let (a, b) = (number(first)?, number(second)?);
            let (day, month) = match order {
                DayOrder::DayFirst if b > 12 && a <= 12 => (b, a),
                DayOrder::DayFirst => (a, b),
                DayOrder::MonthFirst if a > 12 && b <= 12 => (a, b),
                DayOrder::MonthFirst => (b, a),
            };
            build(number(year)?, Some(month), Some(day))
        }
        [_, _] | [_, _, _] => two_digit_year(),
        _ => Err("not a date".to_owned()),
    }
}

/// `Aug 2016`, `August 2016`, `14 August 2016`, `August 14, 2016`, `14-Aug-2016`,
/// `2016 August`, in English, French, German, Spanish or Russian month names.
fn worded_date(text: &str) -> Result<PartialDate, String> {
    let mut year = None;
    let mut month = None;
    let mut day = None;
    for word in text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '-' | '/'))
        .filter(|w| !w.is_empty())
    {
        let word = word.trim_end_matches('.');
        let lower = word.to_lowercase();
        if matches!(
            lower.as_str(),
            "of" | "de" | "the" | "le" | "der" | "den" | "del" | "г" | "года"
        ) {
            continue;
        }
        let digits = lower.trim_end_matches(|c: char| c.is_alphabetic());
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            let suffix = &lower[digits.len()..];
            if !matches!(suffix, "" | "st" | "nd" | "rd" | "th" | "er" | "e") {
                return Err(format!("`{word}` is not part of a date"));
            }
            let value: u32 = digits.parse().map_err(|_| "not a date".to_owned())?;
            if digits.len() == 4 && year.is_none() {
                year = Some(value);
            } else if digits.len() <= 2 && day.is_none() {
                day = Some(value);
            } else {
                return Err(format!("`{word}` is not part of a date"));
            }
        } else if let Some(number) = month_number(&lower).filter(|_| month.is_none()) {
            month = Some(u32::from(number));
        } else {
            return Err(format!("`{word}` is not part of a date"));
        }
    }
    match (year, month, day) {
        (Some(year), Some(month), day) => build(year, Some(month), day),
        (None, Some(_), _) => Err("a month without a year".to_owned()),
        (Some(_), None, Some(_)) => Err("a day without a month".to_owned()),
        _ => Err("not a date".to_owned()),
    }
}

/// The date of these numbers, checked by [`PartialDate::parse`].
fn build(year: u32, month: Option<u32>, day: Option<u32>) -> Result<PartialDate, String> {
    let mut text = format!("{year:04}");
    if let Some(month) = month {
        if !(1..=12).contains(&month) {
            return Err(format!("there is no month {month}"));
        }
        let _ = write!(text, "-{month:02}");
        if let Some(day) = day {
            let _ = write!(text, "-{day:02}");
        }
    }
    PartialDate::parse(&text).map_err(|_| format!("{text} is not a day of the calendar"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> String {
        read_in(text, DayOrder::DayFirst)
    }

    fn read_in(text: &str, order: DayOrder) -> String {
        match parse_date(text, order) {
            Ok(DateSpan { start, end: None }) => start.to_edtf(),
            Ok(DateSpan {
                start,
                end: Some(end),
            }) => format!("{}/{}", start.to_edtf(), end.to_edtf()),
            Err(why) => format!("error: {why}"),
        }
    }

    #[test]
    fn each_form_keeps_the_precision_it_was_written_with() {
        let cases = [
            ("2016", "2016"),
            ("2016-08", "2016-08"),
            ("2016-08-14", "2016-08-14"),
            ("2022-01-01T00:00:00", "2022-01-01"),
            ("2016/8/14", "2016-08-14"),
            ("Aug 2016", "2016-08"),
            ("August 2016", "2016-08"),
            ("aug. 2016", "2016-08"),
            ("Aug-16-2016", "2016-08-16"),
            ("14 August 2016", "2016-08-14"),
            ("August 14, 2016", "2016-08-14"),
            ("14th August 2016", "2016-08-14"),
            ("1-Aug-2016", "2016-08-01"),
            ("2016 August", "2016-08"),
            ("14 août 2016", "2016-08-14"),
            ("14. März 2016", "2016-03-14"),
            ("14 de marzo de 2016", "2016-03-14"),
            ("14 марта 2016", "2016-03-14"),
            ("08/2016", "2016-08"),
            ("c. 2000", "2000~"),
            ("circa 2000", "2000~"),
            ("ca. 1990", "1990~"),
            ("2000?", "2000~"),
            ("~1990", "1990~"),
            ("1990s", "1990/1999"),
            ("2014–2016", "2014/2016"),
            ("2014-2016", "2014/2016"),
            ("2014 - 2016", "2014/2016"),
            ("March–May 2019", "2019-03/2019-05"),
            ("12–14 March 2019", "2019-03-12/2019-03-14"),
            ("c. 2014–2016", "2014~/2016~"),
            ("2016-03-01 to 2016-04", "2016-03-01/2016-04"),
        ];
        for (text, expected) in cases {
            assert_eq!(read(text), expected, "{text}");
        }
    }

    #[test]
    fn numbers_only_follow_the_order_unless_a_value_over_twelve_settles_it() {
        assert_eq!(read_in("02/06/2022", DayOrder::DayFirst), "2022-06-02");
        assert_eq!(read_in("02/06/2022", DayOrder::MonthFirst), "2022-02-06");
        assert_eq!(read_in("25.12.2021", DayOrder::MonthFirst), "2021-12-25");
        assert_eq!(read_in("12/25/2021", DayOrder::DayFirst), "2021-12-25");
        assert_eq!(order_evidence("25/12/2021"), Some(DayOrder::DayFirst));
        assert_eq!(order_evidence("12/25/2021"), Some(DayOrder::MonthFirst));
        assert_eq!(order_evidence("02/06/2022"), None);
        assert_eq!(order_evidence("2022-06-25"), None);
    }

    #[test]
    fn what_is_not_a_date_says_why() {
        for (text, why) in [
            ("", "no date"),
            ("soon", "`soon` is not part of a date"),
            ("August", "a month without a year"),
            ("02/06/22", "two digits"),
            ("2016-13", "no month 13"),
            ("2023-02-29", "not a day of the calendar"),
            ("31/02/2020", "not a day of the calendar"),
            ("44562", "day count"),
            ("2016–2014", "ends before it starts"),
        ] {
            let read = read(text);
            assert!(read.contains(why), "{text}: {read}");
        }
    }
}
