//! World Bank WITS: the trade summary (indicators down, years across) and the partner
//! tables (long, with a `Year` column, or wide, with years across).
//!
//! Countries are names (`Russian Federation`, `Iran, Islamic Rep.`, ` World` with a leading
//! space). The unit is only in the indicator's or column's name: `US$ Mil`, `US$ Thousand`.

use crate::data::country::CountryId;

use super::collect::Collector;
use super::detect::{Format, Header};
use super::error::{ImportError, ImportErrorKind};
use super::imf_dots::scale_in;
use super::numbers::{Estimate, Value, parse_period};
use super::observation::{Flow, Observation, Valuation};
use super::resolve::Resolver;
use super::table::Rows;

/// Pushes `value` (in US dollars), flagged when the field marks it.
fn push(
    collector: &mut Collector,
    period: super::numbers::Period,
    (reporter, partner): (CountryId, CountryId),
    flow: Flow,
    value: Value,
) {
    collector.push(&Observation {
        period,
        reporter,
        partner,
        flow,
        value_usd: value.value,
        valuation: match flow {
            Flow::Exports => Valuation::Fob,
            Flow::Imports => Valuation::Cif,
        },
        estimate: value.estimate.map(Estimate::reason),
        product: None,
        reconciled: false,
    });
}

/// The flow and scale of a WITS value indicator (`Exports (in US$ Mil)`, `Import (US$
/// Thousand)`, `Trade (US$ Mil)-Top 5 Export Partner`), or `None` for other indicators.
fn value_indicator(indicator_type: &str, indicator: &str) -> Option<(Flow, f64)> {
    let lower = indicator.trim().to_ascii_lowercase();
    if lower.contains('%') || !lower.contains("us$") {
        return None;
    }
    let scale = scale_in(&lower).unwrap_or(1.0);
    let kind = indicator_type.trim().to_ascii_lowercase();
    let flow = if lower.starts_with("export") || (lower.starts_with("trade") && kind == "export") {
        Flow::Exports
    } else if lower.starts_with("import") || (lower.starts_with("trade") && kind == "import") {
        Flow::Imports
    } else {
        return None;
    };
    Some((flow, scale))
}

fn all_products(text: &str) -> bool {
    let text = text.trim();
    text.is_empty() || text == "..." || text.eq_ignore_ascii_case("all products")
}

/// The trade summary.
pub(crate) fn read_summary(
    rows: &mut Rows<'_, '_>,
    header: &Header,
    collector: &mut Collector,
) -> Result<(), ImportError> {
    let format = Format::WitsSummary;
    let [reporter_column, partner_column, product, kind, indicator] = rows.columns(
        header,
        format,
        [
            "Reporter",
            "Partner",
            "Product categories",
            "Indicator Type",
            "Indicator",
        ],
    )?;
    let periods = header.period_columns();
    let mut names = Resolver::names();
    while rows.next_row()? {
        rows.tick()?;
        rows.check_width(header)?;
        let Some((flow, scale)) = value_indicator(&rows.text(kind)?, &rows.text(indicator)?) else {
            collector.skip("indicators other than export and import values");
            continue;
        };
        if !all_products(&rows.text(product)?) {
            collector.skip("product groups other than All Products");
            continue;
        }
        let (Some(reporter), Some(partner)) = (
            names.resolve(rows.field(reporter_column)),
            names.resolve(rows.field(partner_column)),
        ) else {
            super::comtrade_plus::unknown(
                rows,
                &mut names,
                collector,
                reporter_column,
                partner_column,
            )?;
            continue;
        };
        for (column, name) in &periods {
            let (Some(period), Some(value)) = (
                parse_period(name.as_bytes()),
                rows.value_in(*column, name, scale)?,
            ) else {
                continue;
            };
            push(collector, period, (reporter, partner), flow, value);
        }
    }
    Ok(())
}

/// A partner table, long (`Year`, `Export (US$ Thousand)`, `Import (US$ Thousand)`) or
/// wide (`Indicator`, years across).
pub(crate) fn read_partner(
    rows: &mut Rows<'_, '_>,
    header: &Header,
    collector: &mut Collector,
) -> Result<(), ImportError> {
    let format = Format::WitsPartner;
    let [reporter_column, partner_column] =
        rows.columns(header, format, ["Reporter Name", "Partner Name"])?;
    let product = header.find("Product Group");
    let year = header.find("Year");
    let indicator = header.find("Indicator");
    let periods = header.period_columns();
    let value_columns: Vec<(usize, Flow, f64)> = header
        .names
        .iter()
        .enumerate()
        .filter_map(|(index, name)| {
            value_indicator("", name).map(|(flow, scale)| (index, flow, scale))
        })
        .collect();
    if (year.is_some() && value_columns.is_empty())
        || (year.is_none() && (indicator.is_none() || periods.is_empty()))
    {
        return Err(rows.error_at(
            None,
            ImportErrorKind::MissingColumn {
                format: format.label(),
                column: "Export (US$ Thousand) or Import (US$ Thousand), or Indicator with years across",
            },
        ));
    }
    let mut names = Resolver::names();
    while rows.next_row()? {
        rows.tick()?;
        rows.check_width(header)?;
        if let Some(column) = product
            && !all_products(&rows.text(column)?)
        {
            collector.skip("product groups other than All Products");
            continue;
        }
        let (Some(reporter), Some(partner)) = (
            names.resolve(rows.field(reporter_column)),
            names.resolve(rows.field(partner_column)),
        ) else {
            super::comtrade_plus::unknown(
                rows,
                &mut names,
                collector,
                reporter_column,
                partner_column,
            )?;
            continue;
        };
        if let Some(year) = year {
            let period = rows.period(year, "Year")?;
            for (column, flow, scale) in &value_columns {
                if let Some(value) = rows.value_in(*column, &header.names[*column], *scale)? {
                    push(collector, period, (reporter, partner), *flow, value);
                }
            }
        } else if let Some(indicator) = indicator {
            let Some((flow, scale)) = value_indicator("", &rows.text(indicator)?) else {
                collector.skip("indicators other than export and import values");
                continue;
            };
            for (column, name) in &periods {
                let (Some(period), Some(value)) = (
                    parse_period(name.as_bytes()),
                    rows.value_in(*column, name, scale)?,
                ) else {
                    continue;
                };
                push(collector, period, (reporter, partner), flow, value);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_indicators_carry_flow_and_unit() {
        assert_eq!(
            value_indicator("Export", "Exports (in US$ Mil)"),
            Some((Flow::Exports, 1e6))
        );
        assert_eq!(
            value_indicator("Export", "Trade (US$ Mil)-Top 5 Export Partner"),
            Some((Flow::Exports, 1e6))
        );
        assert_eq!(
            value_indicator("", "Import (US$ Thousand)"),
            Some((Flow::Imports, 1e3))
        );
        assert_eq!(value_indicator("Export", "Export Partner Share (%)"), None);
        assert_eq!(
            value_indicator("Development", "GDP (current US$ Mil)"),
            None
        );
    }
}
