//! Bilateral's tidy table, for figures typed by hand or exported from any tool:
//! `year, reporter, partner, flow, value, unit` and optional `valuation`, `estimate`,
//! `product`, `source` (each distinct text a source record its values cite). See
//! docs/trade-import-format.md.

use super::collect::Collector;
use super::detect::{Format, Header};
use super::error::{ImportError, ImportErrorKind};
use super::numbers::{Estimate, NotANumber};
use super::observation::{Flow, Observation, Valuation};
use super::resolve::Resolver;
use super::table::Rows;

/// US dollars per unit, for the units the tidy format takes.
pub(crate) fn unit_scale(unit: &str) -> Option<f64> {
    let unit = unit
        .trim()
        .to_ascii_lowercase()
        .replace("us$", "usd")
        .replace(' ', "");
    match unit.as_str() {
        "usd" | "$" => Some(1.0),
        "usdthousand" | "usdthousands" | "usdk" | "usd1000" => Some(1e3),
        "usdmn" | "usdm" | "usdmillion" | "usdmillions" | "usdmil" => Some(1e6),
        "usdbn" | "usdb" | "usdbillion" | "usdbillions" => Some(1e9),
        _ => None,
    }
}

/// Why a value is approximate when the `estimate` column says `yes`.
const COLUMN_ESTIMATE: &str = "an estimate, as the file marks it";

/// Why a value is approximate when the `estimate` column says `p`.
const COLUMN_PROVISIONAL: &str = "a provisional figure, as the file marks it";

/// Reads every row of a tidy table.
pub(crate) fn read(
    rows: &mut Rows<'_, '_>,
    header: &Header,
    collector: &mut Collector,
) -> Result<(), ImportError> {
    let format = Format::Tidy;
    let [
        year,
        reporter_column,
        partner_column,
        flow_column,
        value_column,
        unit_column,
    ] = rows.columns(
        header,
        format,
        ["year", "reporter", "partner", "flow", "value", "unit"],
    )?;
    let valuation_column = header.find("valuation");
    let estimate_column = header.find("estimate");
    let product_column = header.find("product");
    let source_column = header.find("source");
    let mut countries = Resolver::names();
    while rows.next_row()? {
        rows.tick()?;
        rows.check_width(header)?;
        let flow = match rows.text(flow_column)?.to_ascii_lowercase().as_str() {
            "exports" | "export" | "x" => Flow::Exports,
            "imports" | "import" | "m" => Flow::Imports,
            other => {
                let text = other.to_owned();
                return Err(rows.error(
                    flow_column,
                    ImportErrorKind::UnknownFlow {
                        column: "flow".into(),
                        text,
                        expected: "exports or imports (X, M)",
                    },
                ));
            }
        };
        let unit = rows.text(unit_column)?.into_owned();
        let Some(scale) = unit_scale(&unit) else {
            return Err(rows.error(
                unit_column,
                ImportErrorKind::NotANumber {
                    column: "unit (USD, USD thousand, USD mn or USD bn)".into(),
                    text: unit,
                    why: NotANumber::Text,
                },
            ));
        };
        let (Some(reporter), Some(partner)) = (
            countries.resolve(rows.field(reporter_column)),
            countries.resolve(rows.field(partner_column)),
        ) else {
            super::comtrade_plus::unknown(
                rows,
                &mut countries,
                collector,
                reporter_column,
                partner_column,
            )?;
            continue;
        };
        let period = rows.period(year, "year")?;
        let Some(value) = rows.value_in(value_column, "value", scale)? else {
            collector.skip("no value");
            continue;
        };
        let valuation =
            match valuation_column.map(|c| rows.field(c).trim_ascii().to_ascii_uppercase()) {
                Some(v) if v == b"CIF" => Valuation::Cif,
                Some(v) if v == b"FOB" => Valuation::Fob,
                _ => Valuation::Unstated,
            };
        let column_says = estimate_column.and_then(|c| {
            match rows.field(c).trim_ascii().to_ascii_lowercase().as_slice() {
                b"true" | b"yes" | b"1" | b"e" => Some(COLUMN_ESTIMATE),
                b"p" | b"provisional" => Some(COLUMN_PROVISIONAL),
                _ => None,
            }
        });
        let estimate = value.estimate.map(Estimate::reason).or(column_says);
        let product = product_column
            .map(|c| rows.field(c).trim_ascii())
            .filter(|p| !p.is_empty() && !p.eq_ignore_ascii_case(b"total"))
            .and_then(|p| std::str::from_utf8(p).ok());
        let source = source_column.map(|c| rows.text(c)).transpose()?;
        let observation = Observation {
            period,
            reporter,
            partner,
            flow,
            value_usd: value.value,
            valuation,
            estimate,
            product,
            reconciled: false,
        };
        collector.push_cited(&observation, source.as_deref().filter(|s| !s.is_empty()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_in_the_ways_people_write_them() {
        assert_eq!(unit_scale("USD"), Some(1.0));
        assert_eq!(unit_scale("US$ thousand"), Some(1e3));
        assert_eq!(unit_scale("USD mn"), Some(1e6));
        assert_eq!(unit_scale("USD bn"), Some(1e9));
        assert_eq!(unit_scale("EUR bn"), None);
    }
}
