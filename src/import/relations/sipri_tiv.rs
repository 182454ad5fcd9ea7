//! SIPRI TIV tables: the volume of major arms each country exported or imported, by year,
//! in millions of SIPRI trend-indicator values (`Exports by` or `Recipient` / `Imports by`
//! down, years across, then the period's total and shares). SIPRI's older exports are such
//! CSV text under a `.xls` name; the layout is told by content, so they read the same.
//!
//! A `0` means deliveries between 0 and 0.5 million TIV; an empty cell means no
//! deliveries identified.

use std::collections::BTreeMap;

use crate::data::country::{CountryId, Pair, countries};

use super::super::detect::Header;
use super::super::error::{ImportError, ImportErrorKind};
use super::super::numbers::{Period, parse_period};
use super::super::observation::Flow;
use super::super::table::Rows;
use super::super::table::shorten;
use super::counts::Counts;
use super::sipri_register::country_named;

/// One country's row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TivRow {
    /// The country.
    pub(crate) country: CountryId,
    /// The file line.
    pub(crate) line: u64,
    /// TIV (millions) by year, as the table gives them; years left empty are absent.
    pub(crate) by_year: BTreeMap<i32, f64>,
    /// The total of the table's period, and its header (`1990-2023`), when given.
    pub(crate) total: Option<(String, f64)>,
}

/// The pair's rows of a TIV table.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TivTable {
    /// Exports (`Exports by`, suppliers) or imports (`Recipient`, `Imports by`).
    pub(crate) flow: Flow,
    /// The rows of the pair's countries.
    pub(crate) rows: Vec<TivRow>,
}

/// Reads a TIV table, keeping the rows of `pair`'s two countries (none: only counting).
pub(crate) fn read(
    rows: &mut Rows<'_, '_>,
    header: &Header,
    pair: Option<Pair>,
    counts: &mut Counts,
) -> Result<TivTable, ImportError> {
    let first = header
        .names
        .first()
        .map(|n| n.trim().to_lowercase())
        .unwrap_or_default();
    let flow = if first == "exports by" || first == "supplier" {
        Flow::Exports
    } else {
        Flow::Imports
    };
    let years: Vec<(usize, i32)> = header
        .period_columns()
        .into_iter()
        .filter_map(|(index, text)| match parse_period(text.as_bytes()) {
            Some(Period::Year(year)) => Some((index, year)),
            _ => None,
        })
        .collect();
    let total = header
        .names
        .iter()
        .position(|name| {
            let mut parts = name.trim().split('-');
            parts
                .next()
                .is_some_and(|a| a.len() == 4 && a.bytes().all(|b| b.is_ascii_digit()))
                && parts
                    .next()
                    .is_some_and(|b| b.len() == 4 && b.bytes().all(|b| b.is_ascii_digit()))
        })
        .map(|index| (index, header.names[index].trim().to_owned()));
    let world = countries().lookup("WLD").map(|c| c.id);
    let mut kept = Vec::new();
    while rows.next_row()? {
        rows.tick()?;
        let name = rows.text(0)?.into_owned();
        if name.is_empty() {
            continue;
        }
        if name.to_lowercase().starts_with("total world") {
            counts.skip("the world total row");
            continue;
        }
        rows.check_width(header)?;
        let Some(country) = country_named(&name) else {
            counts.unknown(
                if flow == Flow::Exports {
                    "supplier"
                } else {
                    "recipient"
                },
                &name,
            );
            continue;
        };
        let mut by_year = BTreeMap::new();
        for (index, year) in &years {
            let column = header.names[*index].clone();
            if let Some(value) = rows.value(*index, &column)? {
                if value.value < 0.0 {
                    return Err(rows.error(
                        *index,
                        ImportErrorKind::NotANumber {
                            column,
                            text: shorten(&rows.text(*index)?, 40),
                            why: super::super::numbers::NotANumber::Text,
                        },
                    ));
                }
                by_year.insert(*year, value.value);
                counts.year(*year);
            }
        }
        let total = match &total {
            Some((index, label)) => rows.value(*index, label)?.map(|v| (label.clone(), v.value)),
            None => None,
        };
        if let Some(world) = world {
            let (from, to) = match flow {
                Flow::Exports => (country, world),
                Flow::Imports => (world, country),
            };
            counts.pair(from, to, by_year.keys().next().copied(), 1);
            counts.pair(from, to, by_year.keys().next_back().copied(), 0);
        }
        if pair.is_some_and(|p| p.contains(country)) {
            kept.push(TivRow {
                country,
                line: rows.line(),
                by_year,
                total,
            });
        }
    }
    Ok(TivTable { flow, rows: kept })
}
