//! The grammar of a value as a publisher writes it (see [`super`]): placeholders, marks,
//! signs and thousands separators, for the fields that are not a plain number.

use super::{Commas, Estimate, NotANumber, Value};

/// A value as a publisher writes it: placeholders, marks, signs and thousands separators.
pub(super) fn parse_written(text: &str, commas: Commas) -> Result<Option<Value>, NotANumber> {
    let text = text.trim();
    if is_placeholder(text) {
        return Ok(None);
    }
    let (body, estimate) = strip_marks(text);
    if body.chars().next_back().is_some_and(char::is_alphabetic)
        && body.chars().any(|c| c.is_ascii_digit())
    {
        return Err(NotANumber::UnknownMark);
    }
    let (negative, body) = strip_sign(body)?;
    let digits = ungroup(body, commas)?;
    let value: f64 = digits.parse().map_err(|_| NotANumber::Text)?;
    if !value.is_finite() {
        return Err(NotANumber::OutOfRange);
    }
    Ok(Some(Value {
        value: if negative { -value } else { value },
        estimate,
    }))
}

/// Whether a trimmed field stands for "no value".
fn is_placeholder(text: &str) -> bool {
    const WORDS: [&str; 9] = ["na", "n/a", "n.a.", "n.a", "no data", "x", "c", ":", "--"];
    matches!(
        text,
        "" | "." | ".." | "..." | "\u{2026}" | "-" | "\u{2013}" | "\u{2014}" | "\u{2212}"
    ) || WORDS.iter().any(|word| text.eq_ignore_ascii_case(word))
}

/// What a mark after a value says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// Not final: flagged.
    NotFinal(Estimate),
    /// Revised, or a footnote: the value is kept unflagged.
    Note,
}

/// The mark a character after a value is, if it is one.
fn mark_of(c: char) -> Option<Mark> {
    match c {
        'e' | 'E' | '\u{1D49}' => Some(Mark::NotFinal(Estimate::Estimated)),
        'p' | 'P' | '\u{1D56}' => Some(Mark::NotFinal(Estimate::Provisional)),
        'r'
        | 'R'
        | '\u{02B3}'
        | '*'
        | '\u{2020}'
        | '\u{2021}'
        | '\u{00B9}'
        | '\u{00B2}'
        | '\u{00B3}'
        | '\u{2070}'
        | '\u{2074}'..='\u{2079}'
        | '\u{1D43}'
        | '\u{1D47}'
        | '\u{1D9C}'
        | '\u{1D48}' => Some(Mark::Note),
        _ => None,
    }
}

/// `text` without the marks after its value, and the strongest "not final" mark among them.
/// A letter counts as a mark only after a character that is not a letter, so the end of a
/// word (`rep`, `bn`) is never taken apart into marks.
fn strip_marks(text: &str) -> (&str, Option<Estimate>) {
    let mut rest = text;
    let mut estimate: Option<Estimate> = None;
    loop {
        rest = rest.trim_end();
        let (mark, cut) = if let Some(mark) = bracketed_mark(rest) {
            (mark, 3)
        } else {
            let mut chars = rest.chars().rev();
            let Some(last) = chars.next() else { break };
            let Some(mark) = mark_of(last) else { break };
            if last.is_alphabetic() && chars.next().is_none_or(char::is_alphabetic) {
                break;
            }
            (mark, last.len_utf8())
        };
        rest = &rest[..rest.len() - cut];
        if let Mark::NotFinal(found) = mark {
            estimate = Some(estimate.map_or(found, |known| known.min(found)));
        }
    }
    (rest, estimate)
}

/// The mark `text` ends with in brackets: `(e)`, `[p]`, `(r)`.
fn bracketed_mark(text: &str) -> Option<Mark> {
    let bytes = text.as_bytes();
    let [.., open, letter, close] = bytes else {
        return None;
    };
    let bracketed = matches!((open, close), (b'(', b')') | (b'[', b']'));
    (bracketed && letter.is_ascii_alphabetic())
        .then(|| mark_of(char::from(*letter)))
        .flatten()
}

/// Whether the value is negative, and its digits without the sign or parentheses.
fn strip_sign(text: &str) -> Result<(bool, &str), NotANumber> {
    if let Some(inner) = text.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        let inner = inner.trim();
        return if inner.starts_with(is_sign) {
            Err(NotANumber::Text)
        } else {
            Ok((true, inner))
        };
    }
    let mut chars = text.chars();
    match chars.next() {
        Some('+') => Ok((false, chars.as_str())),
        Some('-' | '\u{2212}' | '\u{2013}') => Ok((true, chars.as_str())),
        _ => Ok((false, text)),
    }
}

/// Whether `c` is a sign a value may start with.
fn is_sign(c: char) -> bool {
    matches!(c, '+' | '-' | '\u{2212}' | '\u{2013}')
}

/// Whether `c` separates thousands as a space does.
fn is_space_separator(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\u{2007}')
}

/// The digits of `text` as Rust reads them (`1118.84`), its thousands separators checked and
/// taken out; an exponent (`1.5E+09`) is kept when there are no separators.
fn ungroup(text: &str, commas: Commas) -> Result<String, NotANumber> {
    let has_comma = text.contains(',');
    if has_comma && commas == Commas::Refused {
        return Err(NotANumber::CommaInSemicolonTable);
    }
    let (integer, fraction) = match text.split_once('.') {
        Some((integer, fraction)) => (integer, Some(fraction)),
        None => (text, None),
    };
    if let Some(fraction) = fraction {
        if fraction.contains('.') {
            let whole = text.split(',').next().unwrap_or_default();
            let dot_groups = whole.split('.').enumerate().all(|(index, group)| {
                group.bytes().all(|b| b.is_ascii_digit())
                    && if index == 0 {
                        (1..=3).contains(&group.len())
                    } else {
                        group.len() == 3
                    }
            });
            return Err(if dot_groups {
                NotANumber::DotGroups
            } else {
                NotANumber::Text
            });
        }
        if fraction.contains(',') {
            return Err(NotANumber::DecimalComma);
        }
        if fraction.contains(is_space_separator) {
            return Err(NotANumber::Grouping);
        }
    }
    let has_space = integer.contains(is_space_separator);
    if !has_comma && !has_space {
        return if text.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
            Ok(text.to_owned())
        } else {
            Err(NotANumber::Text)
        };
    }
    let groups: Vec<&str> = integer
        .split(|c: char| c == ',' || is_space_separator(c))
        .collect();
    let fraction_digits = fraction.unwrap_or("");
    if !groups
        .iter()
        .chain(std::iter::once(&fraction_digits))
        .all(|group| group.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(NotANumber::Text);
    }
    let last_comma_group = integer.rsplit(',').next().unwrap_or_default();
    if has_comma && has_space {
        let decimal_comma =
            !last_comma_group.contains(is_space_separator) && last_comma_group.len() != 3;
        return Err(if decimal_comma {
            NotANumber::DecimalComma
        } else {
            NotANumber::Grouping
        });
    }
    let valid = groups.iter().enumerate().all(|(index, group)| {
        if index == 0 {
            (1..=3).contains(&group.len()) && !group.starts_with('0')
        } else {
            group.len() == 3
        }
    });
    if !valid {
        return Err(if has_comma {
            NotANumber::DecimalComma
        } else {
            NotANumber::Grouping
        });
    }
    let mut digits = groups.concat();
    if let Some(fraction) = fraction {
        digits.push('.');
        digits.push_str(fraction);
    }
    Ok(digits)
}

#[cfg(test)]
mod tests {
    use super::super::{Commas, Estimate, NotANumber, Value, parse_value, parse_value_with};

    fn value(text: &str) -> Result<Option<Value>, NotANumber> {
        parse_value(text.as_bytes())
    }

    /// The value `text` reads as, or a panic naming the text.
    fn read(text: &str) -> (f64, Option<Estimate>) {
        match value(text) {
            Ok(Some(found)) => (found.value, found.estimate),
            other => panic!("`{text}` read as {other:?}"),
        }
    }

    #[test]
    fn plain_and_padded_values() {
        assert_eq!(read("         343907.65"), (343_907.65, None));
        assert_eq!(read("-5580845339"), (-5_580_845_339.0, None));
        assert_eq!(read("1.5E+09"), (1.5e9, None));
        assert_eq!(read(".5"), (0.5, None));
        assert_eq!(read("\u{a0}343907.65\u{a0}\t"), (343_907.65, None));
        assert_eq!(read("\u{202f}12\u{2009}"), (12.0, None));
    }

    #[test]
    fn thousands_separators_in_groups_of_three() {
        assert_eq!(read("1,118.84"), (1_118.84, None));
        assert_eq!(read("1,118"), (1_118.0, None));
        assert_eq!(read("12,345,678.9"), (12_345_678.9, None));
        assert_eq!(read("1 118.84"), (1_118.84, None));
        assert_eq!(read("1\u{a0}118.84"), (1_118.84, None));
        assert_eq!(read("1\u{202f}118\u{202f}000"), (1_118_000.0, None));
        assert_eq!(read("1\u{2009}118"), (1_118.0, None));
        // Windows-1252 text: byte A0 is a no-break space.
        assert_eq!(
            parse_value(b"1\xA0118.84").map(|v| v.map(|v| v.value)),
            Ok(Some(1_118.84))
        );
    }

    /// `n` with `separator` between groups of three digits.
    fn grouped(n: u64, separator: &str) -> String {
        let digits = n.to_string();
        let mut out = String::new();
        for (index, digit) in digits.chars().enumerate() {
            if index > 0 && (digits.len() - index).is_multiple_of(3) {
                out.push_str(separator);
            }
            out.push(digit);
        }
        out
    }

    /// The thousands separators the properties below write.
    const SEPARATORS: [&str; 5] = [",", " ", "\u{a0}", "\u{202f}", "\u{2009}"];
    /// The marks the properties below write, with the flag each gives.
    const MARKS: [(&str, Option<Estimate>); 6] = [
        ("", None),
        (" e", Some(Estimate::Estimated)),
        ("e", Some(Estimate::Estimated)),
        (" p", Some(Estimate::Provisional)),
        (" r", None),
        ("*", None),
    ];

    #[test]
    fn edge_numbers_written_with_separators_read_back() {
        for n in [0, 7, 999, 1_000, 100_001, 9_007_199_254_740_991] {
            for separator in SEPARATORS {
                let text = grouped(n, separator);
                let expected: f64 = n.to_string().parse().expect("a number");
                assert_eq!(read(&text), (expected, None), "{text:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn a_number_with_separators_and_a_mark_reads_as_its_plain_digits(
            whole in 0_u64..10_000_000_000_000,
            decimals in proptest::option::of("[0-9]{1,4}"),
            separator in 0..SEPARATORS.len(),
            mark in 0..MARKS.len(),
            negative: bool,
        ) {
            let fraction = decimals.map(|d| format!(".{d}")).unwrap_or_default();
            let (mark, flag) = MARKS[mark];
            let sign = if negative { "-" } else { "" };
            let text = format!("{sign}{}{fraction}{mark}", grouped(whole, SEPARATORS[separator]));
            let expected: f64 = format!("{sign}{whole}{fraction}").parse().expect("a number");
            proptest::prop_assert_eq!(value(&text), Ok(Some(Value { value: expected, estimate: flag })), "{:?}", text);
        }

        #[test]
        fn a_comma_not_before_three_digits_is_never_read(
            before in 1_u32..1000,
            after in "[0-9]{1,2}|[0-9]{4,6}",
            decimals in proptest::option::of("[0-9]{1,3}"),
        ) {
            let fraction = decimals.map(|d| format!(".{d}")).unwrap_or_default();
            let text = format!("{before},{after}{fraction}");
            proptest::prop_assert_eq!(value(&text), Err(NotANumber::DecimalComma), "{:?}", text);
        }

        #[test]
        fn any_text_is_read_or_refused_without_a_panic(text in "\\PC{0,24}", bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..24)) {
            let _ = value(&text);
            let _ = parse_value(&bytes);
            let _ = parse_value_with(&bytes, Commas::Refused);
        }
    }

    #[test]
    fn negatives_with_a_minus_a_dash_or_parentheses() {
        assert_eq!(read("(1,118.84)"), (-1_118.84, None));
        assert_eq!(read("( 12.5 ) e"), (-12.5, Some(Estimate::Estimated)));
        assert_eq!(read("\u{2212}1 118"), (-1_118.0, None));
        assert_eq!(read("\u{2013}2.9"), (-2.9, None));
        assert_eq!(
            read("-1,118.84 p"),
            (-1_118.84, Some(Estimate::Provisional))
        );
        assert_eq!(read("+1,118"), (1_118.0, None));
    }

    #[test]
    fn estimate_and_provisional_marks_flag_the_value() {
        let estimated = Some(Estimate::Estimated);
        let provisional = Some(Estimate::Provisional);
        assert_eq!(read("256.26 e"), (256.26, estimated));
        assert_eq!(read("1,118.84 e"), (1_118.84, estimated));
        assert_eq!(read("1,118.84e"), (1_118.84, estimated));
        assert_eq!(read("1,118.84 E"), (1_118.84, estimated));
        assert_eq!(read("1\u{a0}118.84\u{a0}e"), (1_118.84, estimated));
        assert_eq!(read("12.5 (e)"), (12.5, estimated));
        assert_eq!(read("12.5\u{1D49}"), (12.5, estimated));
        assert_eq!(read("12.5 p"), (12.5, provisional));
        assert_eq!(read("12.5P"), (12.5, provisional));
        assert_eq!(read("12.5 [p]"), (12.5, provisional));
        // An estimate among the marks wins over provisional, in either order.
        assert_eq!(read("12.5 p e"), (12.5, estimated));
        assert_eq!(read("12.5 e p"), (12.5, estimated));
        assert_eq!(read("12.5 e*"), (12.5, estimated));
        assert_eq!(read("12.5* e"), (12.5, estimated));
        assert_eq!(read("12.5 e r"), (12.5, estimated));
    }

    #[test]
    fn revised_and_footnote_marks_keep_the_value_unflagged() {
        for text in [
            "12.5 r",
            "12.5R",
            "12.5 (r)",
            "12.5*",
            "12.5 **",
            "12.5\u{2020}",
            "12.5\u{2021}",
            "12.5\u{00B9}",
            "12.5\u{2074}",
            "12.5\u{1D43}",
        ] {
            assert_eq!(read(text), (12.5, None), "{text}");
        }
        // Windows-1252 text: byte 86 is a dagger.
        assert_eq!(
            parse_value(b"1,118.84\x86").map(|v| v.map(|v| (v.value, v.estimate))),
            Ok(Some((1_118.84, None)))
        );
    }

    #[test]
    fn placeholders_are_no_value_never_zero() {
        for missing in [
            "", "  ", ".", "..", "...", "\u{2026}", "-", "--", "\u{2013}", "\u{2014}", "NA", "na",
            "N/A", "n.a.", "no data", "x", "X", "c", ":", "\u{a0}",
        ] {
            assert_eq!(value(missing), Ok(None), "{missing:?}");
        }
        // Windows-1252 text: byte 96 is an en dash.
        assert_eq!(parse_value(b" \x96 "), Ok(None));
    }

    #[test]
    fn ambiguous_or_wrong_numbers_are_refused_with_the_reason() {
        let cases = [
            ("1,5", NotANumber::DecimalComma),
            ("12,34", NotANumber::DecimalComma),
            ("0,123", NotANumber::DecimalComma),
            ("1,2345", NotANumber::DecimalComma),
            ("1.234,56", NotANumber::DecimalComma),
            ("1 118,84", NotANumber::DecimalComma),
            ("1,118,", NotANumber::DecimalComma),
            ("1 23", NotANumber::Grouping),
            ("12 3456", NotANumber::Grouping),
            ("0 123", NotANumber::Grouping),
            ("1,234 567", NotANumber::Grouping),
            ("1.234.567", NotANumber::DotGroups),
            ("1.234.567,89", NotANumber::DotGroups),
            ("1.2.3", NotANumber::Text),
            ("1.5 2", NotANumber::Grouping),
            ("12a", NotANumber::UnknownMark),
            ("12 b", NotANumber::UnknownMark),
            ("3.36bn", NotANumber::UnknownMark),
            ("12 rep", NotANumber::UnknownMark),
            ("abc", NotANumber::Text),
            ("inf", NotANumber::Text),
            ("NaN", NotANumber::Text),
            ("x1", NotANumber::Text),
            ("e", NotANumber::Text),
            ("(e)", NotANumber::Text),
            ("$1,234", NotANumber::Text),
            ("(-5)", NotANumber::Text),
            ("+-5", NotANumber::Text),
            ("1,234.5e3", NotANumber::Text),
            ("1e999", NotANumber::OutOfRange),
        ];
        for (text, why) in cases {
            assert_eq!(value(text), Err(why), "{text}");
        }
    }

    #[test]
    fn a_table_separated_by_semicolons_refuses_commas_in_values() {
        let refused = |text: &str| parse_value_with(text.as_bytes(), Commas::Refused);
        assert_eq!(refused("1,118"), Err(NotANumber::CommaInSemicolonTable));
        assert_eq!(
            refused("1,118.84 e"),
            Err(NotANumber::CommaInSemicolonTable)
        );
        assert_eq!(
            refused("1 118.84 e").map(|v| v.map(|v| (v.value, v.estimate))),
            Ok(Some((1_118.84, Some(Estimate::Estimated))))
        );
    }
}
