//! Gathering a file's observations: counts for the pair dialog, and, for the chosen pair,
//! one value per flow, reporter and year.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};

use crate::data::country::{CountryId, Pair, countries};

use super::error::ImportErrorKind;
use super::numbers::Period;
use super::observation::{Flow, Observation, ReportedBy, Valuation};
use super::plausible::{Implausible, check_finite};
use super::report::{FlowCount, estimates_note};

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
pub(crate) struct PairValues(BTreeMap<SeriesKey, BTreeMap<Period, Cell>>);

impl From<BTreeMap<SeriesKey, BTreeMap<Period, Cell>>> for PairValues {
    fn from(values: BTreeMap<SeriesKey, BTreeMap<Period, Cell>>) -> Self {
        Self(values)
    }
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
    additive_products: bool,
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
        }
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
        let (from, to, by) = observation.direction();
        let key = SeriesKey {
            from,
            to,
            by,
            product: observation.product.map(Box::from),
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
        let (from, to, by) = observation.direction();
        let key = SeriesKey {
            from,
            to,
            by,
            product: observation.product.map(Box::from),
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
        self.merge_values(later.values);
    }

    /// Takes out the pair's values collected so far, leaving the counts.
    pub(crate) fn take_values(&mut self) -> PairValues {
        PairValues(std::mem::take(&mut self.values))
    }

    /// Adds pair values collected from rows after those already here, as if read in order:
    /// a value for a period already known is a duplicate, a conflict, or (for products that
    /// add up) added.
    pub(crate) fn merge_values(&mut self, later: impl Into<PairValues>) {
        for (key, cells) in later.into().0 {
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
    pub(crate) fn finish(mut self, product: Option<&str>) -> Result<Collected, ImportErrorKind> {
        let values = if self.pair.is_some() {
            let chosen = self.choose_product(product)?;
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

    /// Keeps the series of one product (or the totals) and returns them by key.
    fn choose_product(
        &mut self,
        product: Option<&str>,
    ) -> Result<BTreeMap<SeriesKey, BTreeMap<Period, Cell>>, ImportErrorKind> {
        let all = std::mem::take(&mut self.values);
        let products: BTreeSet<Option<Box<str>>> =
            all.keys().map(|key| key.product.clone()).collect();
        let wanted: Option<Option<Box<str>>> = match product {
            Some(code)
                if code.eq_ignore_ascii_case("total") || code.eq_ignore_ascii_case("all") =>
            {
                Some(None)
            }
            Some(code) => Some(Some(Box::from(code))),
            None => None,
        };
        if let Some(wanted) = wanted {
            if self.additive_products && wanted.is_none() {
                return Ok(sum_products(all));
            }
            if !products.contains(&wanted) {
                return Err(ImportErrorKind::NoSuchProduct(
                    product.unwrap_or_default().to_owned(),
                ));
            }
            return Ok(all
                .into_iter()
                .filter(|(k, _)| k.product == wanted)
                .collect());
        }
        if self.additive_products {
            return Ok(sum_products(all));
        }
        if products.contains(&None) || products.len() <= 1 {
            let keep = if products.contains(&None) {
                None
            } else {
                products.into_iter().next().flatten()
            };
            return Ok(all.into_iter().filter(|(k, _)| k.product == keep).collect());
        }
        let examples: Vec<String> = products
            .iter()
            .flatten()
            .take(5)
            .map(ToString::to_string)
            .collect();
        Err(ImportErrorKind::ChooseProduct {
            count: products.len(),
            examples: examples.join(", "),
        })
    }

    /// One value per year: the yearly value, or twelve months or four quarters added up.
    fn yearly(&mut self, chosen: BTreeMap<SeriesKey, BTreeMap<Period, Cell>>) -> CollectedValues {
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

fn sum_products(
    all: BTreeMap<SeriesKey, BTreeMap<Period, Cell>>,
) -> BTreeMap<SeriesKey, BTreeMap<Period, Cell>> {
    let mut summed: BTreeMap<SeriesKey, BTreeMap<Period, Cell>> = BTreeMap::new();
    for (key, cells) in all {
        let total = summed
            .entry(SeriesKey {
                product: None,
                ..key
            })
            .or_default();
        for (period, cell) in cells {
            total
                .entry(period)
                .and_modify(|sum| {
                    sum.value_usd += cell.value_usd;
                    sum.estimate = sum.estimate.or(cell.estimate);
                })
                .or_insert(cell);
        }
    }
    summed
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
mod tests {
    use super::*;
    use crate::import::observation::Flow;

    fn id(code: &str) -> CountryId {
        countries().lookup(code).expect("known").id
    }

    #[test]
    fn each_reporter_partner_and_flow_keeps_its_rows_and_first_and_last_year() {
        let mut early = Collector::new(None);
        early.count(id("RUS"), id("IRN"), Flow::Exports, 2014);
        early.count(id("IRN"), id("RUS"), Flow::Imports, 2012);
        early.count(id("IRN"), id("RUS"), Flow::Exports, 2015);
        let mut late = Collector::new(None);
        late.count(id("RUS"), id("IRN"), Flow::Exports, 2010);
        late.count(id("RUS"), id("IRN"), Flow::Exports, 2019);
        early.merge(late);
        let collected = early.finish(None).expect("counts");
        let span = |reporter, partner, flow| {
            collected
                .flows
                .iter()
                .find(|f| f.reporter == id(reporter) && f.partner == id(partner) && f.flow == flow)
                .map(|f| (f.rows, f.years))
        };
        assert_eq!(
            span("RUS", "IRN", Flow::Exports),
            Some((3, Some((2010, 2019))))
        );
        assert_eq!(span("RUS", "IRN", Flow::Imports), None);
        assert_eq!(
            span("IRN", "RUS", Flow::Imports),
            Some((1, Some((2012, 2012))))
        );
        assert_eq!(
            span("IRN", "RUS", Flow::Exports),
            Some((1, Some((2015, 2015))))
        );
    }

    fn observation(period: Period, value: f64, product: Option<&str>) -> Observation<'_> {
        Observation {
            period,
            reporter: id("RUS"),
            partner: id("IRN"),
            flow: Flow::Exports,
            value_usd: value,
            valuation: Valuation::Fob,
            estimate: None,
            product,
            reconciled: false,
        }
    }

    fn pair() -> Option<Pair> {
        Pair::new(id("RUS"), id("IRN"))
    }

    #[test]
    fn twelve_months_make_a_year_and_fewer_do_not() {
        let mut collector = Collector::new(pair());
        for month in 1..=12 {
            collector.push(&observation(Period::Month(2020, month), 1.0, None));
        }
        collector.push(&observation(Period::Month(2021, 1), 5.0, None));
        let collected = collector.finish(None).expect("finishes");
        let years = collected.values.values().next().expect("a series");
        assert_eq!(years.keys().copied().collect::<Vec<_>>(), vec![2020]);
        assert_eq!(years[&2020].value_usd, 12.0);
        assert!(
            collected.warnings[0].contains("2021"),
            "{:?}",
            collected.warnings
        );
    }

    #[test]
    fn several_products_without_a_total_ask_for_a_choice() {
        let mut collector = Collector::new(pair());
        collector.push(&observation(Period::Year(2020), 1.0, Some("27")));
        collector.push(&observation(Period::Year(2020), 2.0, Some("85")));
        let error = Collector::finish(collector, None).err();
        assert!(matches!(
            error,
            Some(ImportErrorKind::ChooseProduct { count: 2, .. })
        ));
        let mut collector = Collector::new(pair());
        collector.push(&observation(Period::Year(2020), 2.0, Some("85")));
        let values = collector.finish(Some("85")).expect("chosen").values;
        assert_eq!(values.len(), 1);
    }

    #[test]
    fn additive_products_are_summed_and_other_pairs_only_counted() {
        let mut collector = Collector::new(pair());
        collector.set_additive_products();
        collector.push(&observation(Period::Year(2020), 1.5, Some("010101")));
        collector.push(&observation(Period::Year(2020), 2.0, Some("020202")));
        let mut other = observation(Period::Year(2020), 9.0, None);
        other.partner = id("CHN");
        collector.push(&other);
        let collected = collector.finish(None).expect("finishes");
        let years = collected.values.values().next().expect("a series");
        assert_eq!(years[&2020].value_usd, 3.5);
        assert_eq!(collected.flows.len(), 2);
        assert_eq!(collected.pair_rows, 2);
    }

    #[test]
    fn a_different_value_for_the_same_year_is_kept_visible() {
        let mut collector = Collector::new(pair());
        collector.push(&observation(Period::Year(2020), 1.0, None));
        collector.push(&observation(Period::Year(2020), 1.0, None));
        collector.push(&observation(Period::Year(2020), 4.0, None));
        let collected = collector.finish(None).expect("finishes");
        let value = &collected.values.values().next().expect("series")[&2020];
        assert_eq!((value.value_usd, value.conflicting_usd), (1.0, Some(4.0)));
        assert!(
            collected
                .skipped
                .iter()
                .any(|(r, n)| r == "duplicate row" && *n == 1)
        );
    }
}
