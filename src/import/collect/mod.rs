//! Gathering a file's observations: counts for the pair dialog, and, for the chosen pair,
//! one value per flow, reporter and year.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};

use crate::data::country::{CountryId, Pair, countries};

use super::error::ImportErrorKind;
use super::numbers::Period;
use super::observation::{Flow, Observation, ReportedBy, Valuation};
use super::plausible::{Implausible, check_finite};
use super::report::{FlowCount, estimates_note};

mod product;
mod yearly;

use product::Kept;
pub(crate) use product::ProductChoice;
pub(crate) use yearly::distinct;

/// Distinct warnings listed in a report; more are counted.
const MAX_WARNINGS: usize = 200;
/// Distinct unknown codes listed in a report; rows with more are counted together.
pub(crate) const MAX_UNKNOWN_CODES: usize = 10_000;

/// Years the counts cover.
const FIRST_YEAR: i32 = 1800;
const YEAR_SLOTS: usize = 448;

/// One series found for the pair: a flow, who reports it, and a product (`None`: all).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SeriesKey {
    /// The exporting country.
    pub(crate) from: CountryId,
    /// The importing country.
    pub(crate) to: CountryId,
    /// Whose report.
    pub(crate) by: ReportedBy,
    /// The product code, `None` for all products.
    pub(crate) product: Option<Box<str>>,
}

/// A value for one period, as collected.
#[derive(Debug, Clone, PartialEq)]
struct Cell {
    value_usd: f64,
    valuation: Valuation,
    estimate: Option<&'static str>,
    conflicting: Option<f64>,
    /// The source the row names (a tidy table's `source` column).
    source: Option<Box<str>>,
}

/// A yearly value made from the file.
#[derive(Debug, Clone, PartialEq)]
pub struct YearValue {
    /// The value in US dollars.
    pub(crate) value_usd: f64,
    /// FOB, CIF or unstated.
    pub(crate) valuation: Valuation,
    /// Why it is an estimate, when the file says it is.
    pub(crate) estimate: Option<&'static str>,
    /// How it was made from months or quarters, when it was.
    pub(crate) made_from: Option<&'static str>,
    /// A different value the same file gives for the same flow and year, kept visible.
    pub(crate) conflicting_usd: Option<f64>,
    /// The sources the file's rows name for it (a tidy table's `source` column), distinct,
    /// in the order met; empty when the rows name none.
    pub(crate) row_sources: Vec<Box<str>>,
}

/// The pair's values of some rows, by series and period, before they are made yearly.
#[derive(Debug, Default)]
pub(crate) struct PairValues {
    values: BTreeMap<SeriesKey, BTreeMap<Period, Cell>>,
    /// Whether the rows' products add up: a block's values of one period are then added to
    /// those of the blocks before it (each block holds its own sum).
    additive_products: bool,
}

/// What the collector found, by series and year.
pub(crate) type CollectedValues = BTreeMap<SeriesKey, BTreeMap<i32, YearValue>>;

/// Counts rows by reporter and partner and keeps the values of one pair.
#[derive(Debug)]
pub(crate) struct Collector {
    pair: Option<Pair>,
    country_count: usize,
    /// Rows by reporter, partner and flow; empty until the first row is counted, so a file
    /// (or a fuzzed input) with no row costs no country-by-country table.
    counts: Vec<u64>,
    /// The first and last year slot seen in each cell of `counts` (`u16::MAX, 0` when none).
    year_spans: Vec<(u16, u16)>,
    years: [bool; YEAR_SLOTS],
    observations: u64,
    pair_rows: u64,
    skipped: BTreeMap<&'static str, u64>,
    unknown: HashMap<String, u64>,
    /// Rows with an unknown code beyond [`MAX_UNKNOWN_CODES`] distinct ones.
    unknown_unlisted: u64,
    warnings: Vec<String>,
    /// A hash of every distinct warning met, listed or not.
    warnings_seen: HashSet<u64>,
    /// Distinct warnings beyond [`MAX_WARNINGS`].
    warnings_unlisted: u64,
    /// Values outside what a trade flow can be: negative, and above [`super::plausible::MOST_PLAUSIBLE_USD`].
    implausible: Implausible,
    /// Values the file marks as not final, by reason: every pair's when only counting,
    /// the pair's when keeping values.
    estimates: BTreeMap<&'static str, u64>,
    values: BTreeMap<SeriesKey, BTreeMap<Period, Cell>>,
    /// Rows of different products add up to the total.
    additive_products: bool,
    /// The product whose series are kept.
    product: ProductChoice,
}

impl Collector {
    /// A collector keeping the values of `pair`, or only counting when `None`.
    pub(crate) fn new(pair: Option<Pair>) -> Self {
        let country_count = countries().all().len().max(1);
        Self {
            pair,
            country_count,
            counts: Vec::new(),
            year_spans: Vec::new(),
            years: [false; YEAR_SLOTS],
            observations: 0,
            pair_rows: 0,
            skipped: BTreeMap::new(),
            unknown: HashMap::new(),
            unknown_unlisted: 0,
            warnings: Vec::new(),
            warnings_seen: HashSet::new(),
            warnings_unlisted: 0,
            implausible: Implausible::default(),
            estimates: BTreeMap::new(),
            values: BTreeMap::new(),
            additive_products: false,
            product: ProductChoice::Unstated,
        }
    }

    /// This collector, keeping the series of `product` (see [`ProductChoice::new`]).
    pub(crate) fn with_product(mut self, product: ProductChoice) -> Self {
        self.product = product;
        self
    }

    /// The product whose series are kept.
    pub(crate) fn product(&self) -> &ProductChoice {
        &self.product
    }

    /// The pair whose values are kept.
    pub(crate) fn pair(&self) -> Option<Pair> {
        self.pair
    }

    /// Says that rows for different products add up to the total (BACI: one row per HS6 product).
    pub(crate) fn set_additive_products(&mut self) {
        self.additive_products = true;
    }

    /// Counts a row left out, with the reason.
    #[inline]
    pub(crate) fn skip(&mut self, reason: &'static str) {
        *self.skipped.entry(reason).or_insert(0) += 1;
    }

    /// Counts a row left out because a country code is unknown.
    /// Distinct codes are kept up to [`MAX_UNKNOWN_CODES`], each cut to 40 characters; rows
    /// with others are counted together, so a file of millions of made-up codes costs no
    /// more memory than one of a few.
    pub(crate) fn unknown_code(&mut self, column: &str, code: &str) {
        let key = format!("{column} {}", super::table::shorten(code, 40));
        if let Some(rows) = self.unknown.get_mut(&key) {
            *rows += 1;
        } else if self.unknown.len() < MAX_UNKNOWN_CODES {
            self.unknown.insert(key, 1);
        } else {
            self.unknown_unlisted += 1;
        }
    }

    /// Adds a warning for the report, once; past [`MAX_WARNINGS`] distinct ones the rest
    /// are only counted.
    pub(crate) fn warn(&mut self, warning: String) {
        let hash = BuildHasherDefault::<DefaultHasher>::default().hash_one(&warning);
        if !self.warnings_seen.insert(hash) {
            return;
        }
        if self.warnings.len() < MAX_WARNINGS {
            self.warnings.push(warning);
        } else {
            self.warnings_unlisted += 1;
        }
    }

    /// Whether the row of `reporter` and `partner` belongs to the pair (always true without one).
    #[inline]
    pub(crate) fn wants(&self, reporter: CountryId, partner: CountryId) -> bool {
        self.pair.is_none_or(|pair| pair.is(reporter, partner))
    }

    /// Counts a row of `reporter`'s `flow` with `partner` in `year` that is not kept
    /// (another pair).
    #[inline]
    pub(crate) fn count(&mut self, reporter: CountryId, partner: CountryId, flow: Flow, year: i32) {
        self.observations += 1;
        let cell = (usize::from(reporter.0) * self.country_count + usize::from(partner.0)) * 2
            + usize::from(flow == Flow::Imports);
        if self.counts.is_empty() {
            let cells = self.country_count * self.country_count * 2;
            self.counts = vec![0; cells];
            self.year_spans = vec![(u16::MAX, 0); cells];
        }
        if let Some(count) = self.counts.get_mut(cell) {
            *count += 1;
        }
        if let Ok(slot) = usize::try_from(year - FIRST_YEAR)
            && let Some(seen) = self.years.get_mut(slot)
        {
            *seen = true;
            if let (Some(span), Ok(slot)) = (self.year_spans.get_mut(cell), u16::try_from(slot)) {
                span.0 = span.0.min(slot);
                span.1 = span.1.max(slot);
            }
        }
    }

    /// Takes one observation.
    #[inline]
    pub(crate) fn push(&mut self, observation: &Observation<'_>) {
        self.push_cited(observation, None);
    }

    /// Takes one observation whose row names its source (`None`: the row names none).
    pub(crate) fn push_cited(&mut self, observation: &Observation<'_>, source: Option<&str>) {
        self.implausible.check(observation);
        self.count(
            observation.reporter,
            observation.partner,
            observation.flow,
            observation.period.year(),
        );
        let Some(pair) = self.pair else {
            self.count_estimate(observation.estimate);
            return;
        };
        if !pair.is(observation.reporter, observation.partner) {
            return;
        }
        self.pair_rows += 1;
        self.count_estimate(observation.estimate);
        let Kept::Under(product) = self
            .product
            .keeps(observation.product, self.additive_products)
        else {
            return;
        };
        let (from, to, by) = observation.direction();
        let key = SeriesKey {
            from,
            to,
            by,
            product,
        };
        let cells = self.values.entry(key).or_default();
        match cells.get_mut(&observation.period) {
            None => {
                cells.insert(
                    observation.period,
                    Cell {
                        value_usd: observation.value_usd,
                        valuation: observation.valuation,
                        estimate: observation.estimate,
                        conflicting: None,
                        source: source.map(Box::from),
                    },
                );
            }
            Some(cell) if self.additive_products => {
                cell.value_usd += observation.value_usd;
                cell.estimate = cell.estimate.or(observation.estimate);
            }
            Some(cell) if cell.value_usd == observation.value_usd => {
                *self.skipped.entry("duplicate row").or_insert(0) += 1;
            }
            Some(cell) => {
                cell.conflicting.get_or_insert(observation.value_usd);
            }
        }
    }

    /// Flags the pair's value that `observation` names (its value aside) as an estimate,
    /// for files that say so in a row of its own (IMF DOTS `Status`); false when no such
    /// value has been taken yet.
    pub(crate) fn flag_estimate(
        &mut self,
        observation: &Observation<'_>,
        reason: &'static str,
    ) -> bool {
        let Kept::Under(product) = self
            .product
            .keeps(observation.product, self.additive_products)
        else {
            return false;
        };
        let (from, to, by) = observation.direction();
        let key = SeriesKey {
            from,
            to,
            by,
            product,
        };
        match self
            .values
            .get_mut(&key)
            .and_then(|cells| cells.get_mut(&observation.period))
        {
            Some(cell) => {
                if cell.estimate.is_none() {
                    cell.estimate = Some(reason);
                    *self.estimates.entry(reason).or_insert(0) += 1;
                }
                true
            }
            None => false,
        }
    }

    /// Counts a value the file marks as not final, for the report's note.
    fn count_estimate(&mut self, estimate: Option<&'static str>) {
        if let Some(reason) = estimate {
            *self.estimates.entry(reason).or_insert(0) += 1;
        }
    }

    /// Adds what `later` collected from the rows after this collector's rows (a block of
    /// the same file read on another thread), as if one collector had read them all.
    pub(crate) fn merge(&mut self, later: Self) {
        if self.counts.is_empty() {
            self.counts = vec![0; later.counts.len()];
            self.year_spans = vec![(u16::MAX, 0); later.year_spans.len()];
        }
        for (count, more) in self.counts.iter_mut().zip(later.counts) {
            *count += more;
        }
        for (span, more) in self.year_spans.iter_mut().zip(later.year_spans) {
            span.0 = span.0.min(more.0);
            span.1 = span.1.max(more.1);
        }
        for (seen, more) in self.years.iter_mut().zip(later.years) {
            *seen |= more;
        }
        self.observations += later.observations;
        self.pair_rows += later.pair_rows;
        for (reason, rows) in later.skipped {
            *self.skipped.entry(reason).or_insert(0) += rows;
        }
        for (code, rows) in later.unknown {
            if let Some(known) = self.unknown.get_mut(&code) {
                *known += rows;
            } else if self.unknown.len() < MAX_UNKNOWN_CODES {
                self.unknown.insert(code, rows);
            } else {
                self.unknown_unlisted += rows;
            }
        }
        self.unknown_unlisted += later.unknown_unlisted;
        for warning in later.warnings {
            self.warn(warning);
        }
        self.warnings_unlisted += later.warnings_unlisted;
        self.implausible.merge(&later.implausible);
        for (reason, values) in later.estimates {
            *self.estimates.entry(reason).or_insert(0) += values;
        }
        self.additive_products |= later.additive_products;
        self.merge_values(PairValues {
            values: later.values,
            additive_products: later.additive_products,
        });
    }

    /// Takes out the pair's values collected so far, leaving the counts.
    pub(crate) fn take_values(&mut self) -> PairValues {
        PairValues {
            values: std::mem::take(&mut self.values),
            additive_products: self.additive_products,
        }
    }

    /// Adds pair values collected from rows after those already here, as if read in order:
    /// a value for a period already known is a duplicate, a conflict, or (for products that
    /// add up) added.
    pub(crate) fn merge_values(&mut self, later: PairValues) {
        self.additive_products |= later.additive_products;
        for (key, cells) in later.values {
            let known = self.values.entry(key).or_default();
            for (period, cell) in cells {
                match known.get_mut(&period) {
                    None => {
                        known.insert(period, cell);
                    }
                    Some(first) if self.additive_products => {
                        first.value_usd += cell.value_usd;
                        first.estimate = first.estimate.or(cell.estimate);
                    }
                    Some(first) if first.value_usd == cell.value_usd => {
                        *self.skipped.entry("duplicate row").or_insert(0) += 1;
                    }
                    Some(first) => {
                        first.conflicting.get_or_insert(cell.value_usd);
                    }
                }
            }
        }
    }

    /// The counts and warnings, and the pair's yearly values for the product asked for.
    pub(crate) fn finish(mut self) -> Result<Collected, ImportErrorKind> {
        let values = if self.pair.is_some() {
            let chosen = self.choose_product()?;
            self.yearly(chosen)
        } else {
            CollectedValues::new()
        };
        let mut flows = Vec::new();
        for (index, rows) in self.counts.iter().enumerate() {
            if *rows > 0 {
                let id = |i: usize| CountryId(u16::try_from(i).unwrap_or(u16::MAX));
                let years = self
                    .year_spans
                    .get(index)
                    .filter(|(first, last)| first <= last)
                    .map(|(first, last)| {
                        (
                            FIRST_YEAR + i32::from(*first),
                            FIRST_YEAR + i32::from(*last),
                        )
                    });
                let (cell, flow) = (index / 2, index % 2);
                flows.push(FlowCount {
                    reporter: id(cell / self.country_count),
                    partner: id(cell % self.country_count),
                    flow: if flow == 0 {
                        Flow::Exports
                    } else {
                        Flow::Imports
                    },
                    rows: *rows,
                    years,
                });
            }
        }
        flows.sort_by(|a, b| b.rows.cmp(&a.rows).then(a.reporter.cmp(&b.reporter)));
        let years = (0..YEAR_SLOTS)
            .filter(|slot| self.years[*slot])
            .filter_map(|slot| i32::try_from(slot).ok())
            .map(|slot| slot + FIRST_YEAR)
            .collect();
        if let Some(note) = estimates_note(&self.estimates) {
            self.warn(note);
        }
        if let Some(note) = self.implausible.note() {
            self.warn(note);
        }
        if self.warnings_unlisted > 0 {
            self.warnings.push(format!(
                "and {} more notes, not listed",
                self.warnings_unlisted
            ));
        }
        check_finite(&values)?;
        let mut unknown: Vec<(String, u64)> = self.unknown.into_iter().collect();
        unknown.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        if self.unknown_unlisted > 0 {
            unknown.push((
                format!("other codes (more than {MAX_UNKNOWN_CODES} distinct)"),
                self.unknown_unlisted,
            ));
        }
        Ok(Collected {
            flows,
            years,
            observations: self.observations,
            pair_rows: self.pair_rows,
            skipped: self
                .skipped
                .into_iter()
                .map(|(reason, rows)| (reason.to_owned(), rows))
                .collect(),
            unknown_codes: unknown,
            warnings: self.warnings,
            values,
        })
    }
}

/// Everything a pass over a file found.
#[derive(Debug, Clone, PartialEq)]
pub struct Collected {
    /// Rows by reporter and partner, most first.
    pub(crate) flows: Vec<FlowCount>,
    /// Every year seen.
    pub(crate) years: Vec<i32>,
    /// Rows that became observations.
    pub(crate) observations: u64,
    /// Observations of the pair.
    pub(crate) pair_rows: u64,
    /// Rows left out, by reason.
    pub(crate) skipped: Vec<(String, u64)>,
    /// Country codes not in the table, with their rows.
    pub(crate) unknown_codes: Vec<(String, u64)>,
    /// Things the user should know.
    pub(crate) warnings: Vec<String>,
    /// The pair's yearly values.
    pub values: CollectedValues,
}

#[cfg(test)]
mod tests;
