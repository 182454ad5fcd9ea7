//! IMF Direction of Trade Statistics: the time-series CSV, the panel CSV and the Excel tables.
//!
//! Countries are IMF numbers (Russia 922, Iran 429). Exports are `TXG_FOB_USD`, imports
//! `TMG_CIF_USD`; the IMF's FOB conversion of imports (`TMG_FOB_USD`) and the balance
//! (`TBG_USD`) are left out. A value written as `256.26 e` or `1,118.84 e` (the Excel
//! tables write estimates as text so) is kept and flagged as an IMF estimate, `… p` as
//! provisional; in the time-series CSV, so is a value whose `Status` is `e`.

use std::collections::HashSet;

use crate::data::country::{CodeScheme, CountryId, countries};

use super::collect::Collector;
use super::detect::{Format, Header};
use super::error::{ImportError, ImportErrorKind};
use super::numbers::{Estimate, Period, parse_period};
use super::observation::{Flow, Observation, Valuation};
use super::resolve::Resolver;
use super::table::Rows;

/// What an IMF indicator code means: a flow and its valuation, or why it is left out.
pub(crate) fn indicator(code: &str) -> Result<(Flow, Valuation), &'static str> {
    let code = code.trim().to_ascii_uppercase();
    let code = code
        .strip_prefix('T')
        .filter(|c| c.len() > 3 && c.as_bytes()[1] == b'G')
        .unwrap_or(&code);
    match code {
        "XG_FOB_USD" => Ok((Flow::Exports, Valuation::Fob)),
        "MG_CIF_USD" => Ok((Flow::Imports, Valuation::Cif)),
        "MG_FOB_USD" => Err("imports valued FOB (the IMF's conversion; imports CIF are read)"),
        "BG_USD" => Err("trade balance"),
        _ => Err("indicators other than exports FOB and imports CIF"),
    }
}

/// The scale a name states: `Millions` 1e6, `Thousands` 1e3, `Billions` 1e9, else 1.
pub(crate) fn scale_in(text: &str) -> Option<f64> {
    let lower = text.to_ascii_lowercase();
    if lower.contains("billion") || lower.contains(" bil") {
        Some(1e9)
    } else if lower.contains("million") || lower.contains(" mil") {
        Some(1e6)
    } else if lower.contains("thousand") {
        Some(1e3)
    } else {
        None
    }
}

/// Why a value is an estimate when its `Status` row says `e`.
const STATUS_ESTIMATE: &str = "an IMF estimate (Status `e` in the file)";

/// The time-series CSV: one row per country, indicator, counterpart and attribute. A
/// `Status` row gives the status of each value of the `Value` row with the same country,
/// indicator and counterpart, before or after it: `e` flags the value as an IMF estimate;
/// other statuses (`r`, empty) are not shown.
pub(crate) fn read_time_series(
    rows: &mut Rows<'_, '_>,
    header: &Header,
    collector: &mut Collector,
) -> Result<(), ImportError> {
    let format = Format::ImfDotsTimeSeries;
    let [country, counterpart, indicator_column, attribute] = rows.columns(
        header,
        format,
        [
            "Country Code",
            "Counterpart Country Code",
            "Indicator Code",
            "Attribute",
        ],
    )?;
    let indicator_name = header.find("Indicator Name");
    let periods = header.period_columns();
    let mut resolver = Resolver::codes(CodeScheme::Imf);
    // Estimates of the pair whose `Status` row came before the `Value` row.
    let mut estimates_ahead: HashSet<(CountryId, CountryId, Flow, Period)> = HashSet::new();
    while rows.next_row()? {
        rows.tick()?;
        rows.check_width(header)?;
        let kind = rows.field(attribute).trim_ascii();
        if !kind.eq_ignore_ascii_case(b"Value") {
            collector.skip("status rows");
            if kind.eq_ignore_ascii_case(b"Status") && collector.pair().is_some() {
                let columns = StatusColumns {
                    country,
                    counterpart,
                    indicator: indicator_column,
                    periods: &periods,
                };
                flag_estimates(
                    rows,
                    &columns,
                    &mut resolver,
                    collector,
                    &mut estimates_ahead,
                )?;
            }
            continue;
        }
        let (flow, valuation) = match indicator(&rows.text(indicator_column)?) {
            Ok(found) => found,
            Err(reason) => {
                collector.skip(reason);
                continue;
            }
        };
        let (Some(reporter), Some(partner)) = (
            resolver.resolve(rows.field(country)),
            resolver.resolve(rows.field(counterpart)),
        ) else {
            super::comtrade_plus::unknown(rows, &mut resolver, collector, country, counterpart)?;
            continue;
        };
        let scale = match indicator_name {
            Some(c) => scale_in(&rows.text(c)?).unwrap_or(1.0),
            None => 1.0,
        };
        for (column, name) in &periods {
            let Some(period) = parse_period(name.as_bytes()) else {
                continue;
            };
            let Some(value) = rows.value_in(*column, name, scale)? else {
                continue;
            };
            let estimate = if let Some(mark) = value.estimate {
                Some(mark.imf_reason())
            } else if !estimates_ahead.is_empty()
                && estimates_ahead.remove(&(reporter, partner, flow, period))
            {
                Some(STATUS_ESTIMATE)
            } else {
                None
            };
            collector.push(&Observation {
                period,
                reporter,
                partner,
                flow,
                value_usd: value.value,
                valuation,
                estimate,
                product: None,
                reconciled: false,
            });
        }
    }
    Ok(())
}

/// The columns of a time-series CSV a `Status` row is read by.
struct StatusColumns<'p> {
    country: usize,
    counterpart: usize,
    indicator: usize,
    periods: &'p [(usize, String)],
}

/// Flags the pair's values that the `Status` row in `rows` marks `e`, or remembers them in
/// `ahead` when their `Value` row comes later. Rows of other pairs and indicators not read
/// are passed over silently: the `Status` row was counted already.
fn flag_estimates(
    rows: &Rows<'_, '_>,
    columns: &StatusColumns<'_>,
    resolver: &mut Resolver,
    collector: &mut Collector,
    ahead: &mut HashSet<(CountryId, CountryId, Flow, Period)>,
) -> Result<(), ImportError> {
    let Ok((flow, valuation)) = indicator(&rows.text(columns.indicator)?) else {
        return Ok(());
    };
    let (Some(reporter), Some(partner)) = (
        resolver.resolve(rows.field(columns.country)),
        resolver.resolve(rows.field(columns.counterpart)),
    ) else {
        return Ok(());
    };
    if !collector.wants(reporter, partner) {
        return Ok(());
    }
    for (column, name) in columns.periods {
        let Some(period) = parse_period(name.as_bytes()) else {
            continue;
        };
        if !is_estimate(rows.field(*column)) {
            continue;
        }
        let observation = Observation {
            period,
            reporter,
            partner,
            flow,
            value_usd: 0.0,
            valuation,
            estimate: None,
            product: None,
            reconciled: false,
        };
        if !collector.flag_estimate(&observation, STATUS_ESTIMATE) {
            ahead.insert((reporter, partner, flow, period));
        }
    }
    Ok(())
}

/// Whether a `Status` cell marks an estimate: `e` among its letters (`e`, `E`, `e r`).
fn is_estimate(status: &[u8]) -> bool {
    status
        .split(|b| !b.is_ascii_alphabetic())
        .any(|mark| mark.eq_ignore_ascii_case(b"e"))
}

/// Pushes the value in `column` for the period `name`, when there is one.
fn push_cell(
    rows: &Rows<'_, '_>,
    collector: &mut Collector,
    column: usize,
    name: &str,
    (reporter, partner): (CountryId, CountryId),
    (flow, valuation): (Flow, Valuation),
    scale: f64,
) -> Result<(), ImportError> {
    let Some(period) = parse_period(name.as_bytes()) else {
        return Ok(());
    };
    let Some(value) = rows.value_in(column, name, scale)? else {
        return Ok(());
    };
    collector.push(&Observation {
        period,
        reporter,
        partner,
        flow,
        value_usd: value.value,
        valuation,
        estimate: value.estimate.map(Estimate::imf_reason),
        product: None,
        reconciled: false,
    });
    Ok(())
}

/// The panel CSV: one row per country, counterpart and period, indicators across.
pub(crate) fn read_panel(
    rows: &mut Rows<'_, '_>,
    header: &Header,
    collector: &mut Collector,
) -> Result<(), ImportError> {
    let format = Format::ImfDotsPanel;
    let [country, counterpart, period_column] = rows.columns(
        header,
        format,
        ["Country Code", "Counterpart Country Code", "Time Period"],
    )?;
    let values: Vec<(usize, Flow, Valuation, f64)> = header
        .names
        .iter()
        .enumerate()
        .filter_map(|(index, name)| {
            let upper = name.to_ascii_uppercase();
            let code = ["TXG_FOB_USD", "TMG_CIF_USD"]
                .into_iter()
                .find(|code| upper.contains(code))?;
            let (flow, valuation) = indicator(code).ok()?;
            Some((index, flow, valuation, scale_in(name).unwrap_or(1.0)))
        })
        .collect();
    if values.is_empty() {
        return Err(rows.error_at(
            None,
            ImportErrorKind::MissingColumn {
                format: format.label(),
                column: "… (TXG_FOB_USD) or … (TMG_CIF_USD)",
            },
        ));
    }
    let mut resolver = Resolver::codes(CodeScheme::Imf);
    while rows.next_row()? {
        rows.tick()?;
        rows.check_width(header)?;
        let (Some(reporter), Some(partner)) = (
            resolver.resolve(rows.field(country)),
            resolver.resolve(rows.field(counterpart)),
        ) else {
            super::comtrade_plus::unknown(rows, &mut resolver, collector, country, counterpart)?;
            continue;
        };
        let period = rows.text(period_column)?.into_owned();
        if parse_period(period.as_bytes()).is_none() {
            return Err(rows.error(
                period_column,
                ImportErrorKind::NotAPeriod {
                    column: "Time Period".into(),
                    text: period,
                },
            ));
        }
        for (column, flow, valuation, scale) in &values {
            push_cell(
                rows,
                collector,
                *column,
                &period,
                (reporter, partner),
                (*flow, *valuation),
                *scale,
            )?;
        }
    }
    Ok(())
}

/// An Excel table: counterparts down, periods across; the flow in the sheet's name
/// (`Exports, FOB`, `Imports, CIF`); the reporter and unit in the title rows.
pub(crate) fn read_table(
    rows: &mut Rows<'_, '_>,
    header: &Header,
    collector: &mut Collector,
) -> Result<(), ImportError> {
    let sheet = rows.sheet_name().unwrap_or_default().to_ascii_lowercase();
    let titles = rows.preamble.join(" ").to_ascii_lowercase();
    let (flow, valuation) = if sheet.contains("export") || titles.contains("exports") {
        (Flow::Exports, Valuation::Fob)
    } else if sheet.contains("import") || titles.contains("imports") {
        let cif = sheet.contains("cif") || titles.contains("cif") || !sheet.contains("fob");
        (
            Flow::Imports,
            if cif { Valuation::Cif } else { Valuation::Fob },
        )
    } else {
        return Err(rows.error_at(
            None,
            ImportErrorKind::UnknownFlow {
                column: "sheet name".into(),
                text: rows.sheet_name().unwrap_or_default().to_owned(),
                expected: "a sheet named Exports or Imports (such as `Exports, FOB`)",
            },
        ));
    };
    let table = countries();
    let reporter = rows
        .preamble
        .iter()
        .flat_map(|line| line.split(','))
        .chain(rows.preamble.iter().map(String::as_str))
        .filter_map(|cell| table.by_name(cell.trim().trim_end_matches(':')))
        .map(|country| country.id)
        .next();
    let reporter = if let Some(id) = reporter {
        id
    } else {
        collector.warn(format!(
            "sheet `{}` names no reporter in its title rows; its rows are read as the World's trade (the IMF's \"by Areas and Countries\" table)",
            rows.sheet_name().unwrap_or_default()
        ));
        table
            .by_code(CodeScheme::Iso3, "WLD")
            .map(|c| c.id)
            .ok_or_else(|| rows.error_at(None, ImportErrorKind::Empty("no country table")))?
    };
    let scale = scale_in(&titles).unwrap_or_else(|| {
        collector.warn("the unit is not stated; values read as US$ millions, the unit of the IMF's DOTS tables".into());
        1e6
    });
    let periods = header.period_columns();
    while rows.next_row()? {
        rows.tick()?;
        let name = rows.text(0)?.into_owned();
        let Some(partner) = table.by_name(&name).map(|c| c.id) else {
            collector.unknown_code("counterpart", &name);
            collector.skip("areas and names not in Bilateral's country table");
            continue;
        };
        for (column, period) in &periods {
            push_cell(
                rows,
                collector,
                *column,
                period,
                (reporter, partner),
                (flow, valuation),
                scale,
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indicators_of_dots_and_imts() {
        assert_eq!(
            indicator("TXG_FOB_USD"),
            Ok((Flow::Exports, Valuation::Fob))
        );
        assert_eq!(indicator("XG_FOB_USD"), Ok((Flow::Exports, Valuation::Fob)));
        assert_eq!(
            indicator("TMG_CIF_USD"),
            Ok((Flow::Imports, Valuation::Cif))
        );
        assert_eq!(indicator("MG_CIF_USD"), Ok((Flow::Imports, Valuation::Cif)));
        assert!(indicator("TMG_FOB_USD").is_err());
        assert!(indicator("TBG_USD").is_err());
        assert_eq!(scale_in("Exports (in US$ Mil)"), Some(1e6));
        assert_eq!(scale_in("Export (US$ Thousand)"), Some(1e3));
        assert_eq!(scale_in("Goods, US Dollars"), None);
    }
}
