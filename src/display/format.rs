//! Formatting numbers and citations for people.

use crate::data::Dataset;

/// Values smaller than this are written with significant digits rather than three decimals.
const SMALL_VALUE: f64 = 0.001;
/// Values smaller than this are 0.
const ZERO_BELOW: f64 = 1e-12;

/// A value with as many decimals as it needs (at most three) and thousands separated:
/// `3.5`, `2.76`, `7,200`, `-17`. A value under 0.001 keeps three significant digits
/// (`0.000000467`: thousands of dollars in USD bn) rather than reading 0; below 10⁻¹² (a
/// rounding error beside a tick at zero) it is 0.
pub(crate) fn format_value(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    if value.abs() < SMALL_VALUE && value.abs() >= ZERO_BELOW {
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "between 3 and 14 decimals: |value| lies in [1e-12, 1e-3)"
        )]
        let decimals = (2.0 - value.abs().log10().floor()) as usize;
        let text = format!("{value:.decimals$}");
        return text.trim_end_matches('0').to_owned();
    }
    let rounded = (value * 1000.0).round() / 1000.0;
    let text = format!("{rounded:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let mut grouped = String::new();
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let sign = if grouped == "0" && fraction.is_empty() {
        ""
    } else {
        sign
    };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{fraction}")
    }
}

/// An amount of US dollars as an analyst writes it, in the unit that suits its size and
/// rounded to it: `USD 3.42 bn`, `USD 412.3 mn`, `USD 53.1 thousand`, `USD 870`.
pub(crate) fn format_usd(usd: f64) -> String {
    let size = usd.abs();
    let (scaled, decimals, unit) = if size >= 1e9 {
        (usd / 1e9, 2, " bn")
    } else if size >= 1e6 {
        (usd / 1e6, 1, " mn")
    } else if size >= 1e3 {
        (usd / 1e3, 1, " thousand")
    } else {
        (usd, 0, "")
    };
    let factor = 10f64.powi(decimals);
    format!(
        "USD {}{unit}",
        format_value((scaled * factor).round() / factor)
    )
}

/// The full citation of the source with `id`, or a plain statement that it is missing.
pub(crate) fn source_citation(dataset: &Dataset, id: &str) -> String {
    dataset.source(id).map_or_else(
        || format!("(unknown source `{id}`)"),
        crate::data::Source::citation,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_keep_needed_decimals_and_group_thousands() {
        assert_eq!(format_value(3.5), "3.5");
        assert_eq!(format_value(2.76), "2.76");
        assert_eq!(format_value(7200.0), "7,200");
        assert_eq!(format_value(-17.0), "-17");
        assert_eq!(format_value(1_234_567.891), "1,234,567.891");
        assert_eq!(format_value(0.125), "0.125");
        assert_eq!(format_value(0.0), "0");
    }

    #[test]
    fn values_under_a_thousandth_keep_three_significant_digits() {
        // Thailand's 467 USD of imports from Russia in 2014, in USD bn (the Comtrade fixture).
        assert_eq!(format_value(4.67e-7), "0.000000467");
        assert_eq!(format_value(-0.0001), "-0.0001");
        assert_eq!(format_value(0.000_999_4), "0.000999");
        assert_eq!(format_value(0.000_012_345), "0.0000123");
        // A rounding error beside a tick at zero is zero.
        assert_eq!(format_value(5.5e-17), "0");
        assert_eq!(format_value(-5.5e-17), "0");
    }

    #[test]
    fn dollars_in_the_unit_that_suits_them() {
        assert_eq!(format_usd(3_421_987_654.3), "USD 3.42 bn");
        assert_eq!(format_usd(1_234_567_000_000.0), "USD 1,234.57 bn");
        assert_eq!(format_usd(412_345_678.0), "USD 412.3 mn");
        assert_eq!(format_usd(-53_140.0), "USD -53.1 thousand");
        assert_eq!(format_usd(870.4), "USD 870");
    }
}
