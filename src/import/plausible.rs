//! Values no trade flow can have: read, but counted and named in the report's notes
//! (negative values, and values above [`MOST_PLAUSIBLE_USD`]); and sums that overflow,
//! which are an error rather than a value written as `null`.

use crate::data::country::{CountryId, countries};

use super::collect::CollectedValues;
use super::error::ImportErrorKind;
use super::observation::Observation;

/// Above any country's yearly trade with one partner (world trade is about 3·10¹³ USD a
/// year): a value over this is read but named in a note.
pub(crate) const MOST_PLAUSIBLE_USD: f64 = 1e15;

/// Counts of values outside what a trade flow can be, with the first of each kind.
#[derive(Debug, Default, Clone)]
pub(crate) struct Implausible {
    negative: Tally,
    too_large: Tally,
}

#[derive(Debug, Default, Clone)]
struct Tally {
    count: u64,
    first: Option<(f64, CountryId, CountryId, i32)>,
}

impl Tally {
    fn add(&mut self, observation: &Observation<'_>) {
        self.count += 1;
        self.first.get_or_insert((
            observation.value_usd,
            observation.reporter,
            observation.partner,
            observation.period.year(),
        ));
    }

    fn merge(&mut self, later: &Self) {
        self.count += later.count;
        if self.first.is_none() {
            self.first = later.first;
        }
    }

    fn note(&self, what: &str) -> Option<String> {
        let (value, reporter, partner, year) = self.first?;
        let table = countries();
        let name = |id| table.get(id).map_or("?", |c| c.name.as_str());
        Some(format!(
            "{what}: {} (the first: {value:e} USD, {} with {}, {year}), read as written: check the file",
            self.count,
            name(reporter),
            name(partner),
        ))
    }
}

impl Implausible {
    /// Counts `observation` if its value is negative or above [`MOST_PLAUSIBLE_USD`].
    #[inline]
    pub(crate) fn check(&mut self, observation: &Observation<'_>) {
        if observation.value_usd < 0.0 {
            self.negative.add(observation);
        } else if observation.value_usd > MOST_PLAUSIBLE_USD {
            self.too_large.add(observation);
        }
    }

    /// Adds the counts of rows read after these.
    pub(crate) fn merge(&mut self, later: &Self) {
        self.negative.merge(&later.negative);
        self.too_large.merge(&later.too_large);
    }

    /// The report's note, when any value was out of range.
    pub(crate) fn note(&self) -> Option<String> {
        let notes: Vec<String> = [
            self.negative
                .note("negative values, which no trade flow has"),
            self.too_large.note(
                "values above 1e15 USD, more than any country's yearly trade with one partner",
            ),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!notes.is_empty()).then(|| notes.join("; "))
    }
}

/// An error when a yearly value (or a conflicting one) is not a finite number: values that
/// add up past the largest number (twelve months, a BACI pair's products).
pub(crate) fn check_finite(values: &CollectedValues) -> Result<(), ImportErrorKind> {
    let table = countries();
    let name = |id| table.get(id).map_or("?", |c| c.name.as_str());
    for (key, years) in values {
        for (year, value) in years {
            let sums = std::iter::once(value.value_usd).chain(value.conflicting_usd);
            if let Some(sum) = sums.into_iter().find(|v| !v.is_finite()) {
                return Err(ImportErrorKind::Overflow {
                    what: format!(
                        "the values of {} to {} in {year}",
                        name(key.from),
                        name(key.to)
                    ),
                    sum,
                });
            }
        }
    }
    Ok(())
}
