//! Making the pair's values yearly: a yearly value as it is, twelve months or four quarters
//! added up, anything less left out with a note.

use std::collections::BTreeMap;

use crate::data::country::countries;

use super::super::numbers::Period;
use super::super::observation::Valuation;
use super::{Cell, CollectedValues, Collector, SeriesKey, YearValue};

impl Collector {
    /// One value per year: the yearly value, or twelve months or four quarters added up.
    pub(super) fn yearly(
        &mut self,
        chosen: BTreeMap<SeriesKey, BTreeMap<Period, Cell>>,
    ) -> CollectedValues {
        let mut result = CollectedValues::new();
        let table = countries();
        let name = |id| table.get(id).map_or("?", |c| c.name.as_str());
        for (key, cells) in chosen {
            let mut years: BTreeMap<i32, YearValue> = BTreeMap::new();
            let mut partial: BTreeMap<i32, (Vec<&Cell>, u32, u32)> = BTreeMap::new();
            for (period, cell) in &cells {
                match period {
                    Period::Year(year) => {
                        years.insert(
                            *year,
                            YearValue {
                                value_usd: cell.value_usd,
                                valuation: cell.valuation,
                                estimate: cell.estimate,
                                made_from: None,
                                conflicting_usd: cell.conflicting,
                                row_sources: cell.source.iter().cloned().collect(),
                            },
                        );
                    }
                    Period::Month(year, _) => {
                        let entry = partial.entry(*year).or_default();
                        entry.0.push(cell);
                        entry.1 += 1;
                    }
                    Period::Quarter(year, _) => {
                        let entry = partial.entry(*year).or_default();
                        entry.0.push(cell);
                        entry.2 += 1;
                    }
                }
            }
            for (year, (cells, months, quarters)) in partial {
                if years.contains_key(&year) {
                    continue;
                }
                let complete = match (months, quarters) {
                    (12, 0) => Some("the sum of 12 monthly values"),
                    (0, 4) => Some("the sum of 4 quarterly values"),
                    _ => None,
                };
                let Some(made_from) = complete else {
                    self.warn(format!(
                        "{year}: {} to {}: only {months} month(s) and {quarters} quarter(s); not made into a yearly value",
                        name(key.from),
                        name(key.to)
                    ));
                    continue;
                };
                years.insert(
                    year,
                    YearValue {
                        value_usd: cells.iter().map(|c| c.value_usd).sum(),
                        valuation: cells.first().map_or(Valuation::Unstated, |c| c.valuation),
                        estimate: cells.iter().find_map(|c| c.estimate),
                        made_from: Some(made_from),
                        conflicting_usd: None,
                        row_sources: distinct(cells.iter().filter_map(|c| c.source.as_ref())),
                    },
                );
            }
            if !years.is_empty() {
                result.insert(key, years);
            }
        }
        result
    }
}

/// Each source once, in the order met.
pub(crate) fn distinct<'s>(sources: impl Iterator<Item = &'s Box<str>>) -> Vec<Box<str>> {
    let mut found: Vec<Box<str>> = Vec::new();
    for source in sources {
        if !found.contains(source) {
            found.push(source.clone());
        }
    }
    found
}
