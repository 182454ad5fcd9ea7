//! What a pass over a trade file found: its format, its rows, the countries and years in
//! it. The pair dialog and `bilateral check` show this.

use std::collections::BTreeMap;
use std::fmt;

use crate::data::country::{CountryId, Pair, countries};

use super::detect::Format;
use super::observation::Flow;

/// Rows of one reporter's exports to, or imports from, one partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FlowCount {
    /// The reporting country (the exporter, for reconciled data such as BACI).
    pub(crate) reporter: CountryId,
    /// The partner.
    pub(crate) partner: CountryId,
    /// Exports or imports, from the reporter's side.
    pub(crate) flow: Flow,
    /// Rows found.
    pub(crate) rows: u64,
    /// The first and last year of those rows, when they had years.
    pub(crate) years: Option<(i32, i32)>,
}

/// What a file holds.
#[derive(Debug, Clone, PartialEq)]
pub struct FileReport {
    /// The file as the user named it.
    pub(crate) file: String,
    /// The layout detected.
    pub format: Format,
    /// The text encoding detected, for text tables.
    pub(crate) encoding: Option<&'static str>,
    /// Data rows read.
    pub(crate) rows_read: u64,
    /// Rows that became values: of the pair when importing, of any pair when scanning.
    pub(crate) rows_used: u64,
    /// Rows by reporter and partner, most first.
    pub(crate) flows: Vec<FlowCount>,
    /// Years found.
    pub(crate) years: Vec<i32>,
    /// Rows left out, by reason (breakdown rows, re-exports, status rows, …).
    pub(crate) skipped: Vec<(String, u64)>,
    /// Country codes not in Bilateral's table, with their rows.
    pub(crate) unknown_codes: Vec<(String, u64)>,
    /// Things the user should know (partial years, reporters assumed, history).
    pub(crate) warnings: Vec<String>,
    /// For a chronology, its header and rows, from which the import dialog shows what
    /// each choice of columns makes.
    pub(crate) chronology: Option<std::sync::Arc<crate::import::chronology::Table>>,
}

impl FileReport {
    /// Reporting countries with their rows, most first.
    pub(crate) fn reporters(&self) -> Vec<(CountryId, u64)> {
        tally(self.flows.iter().map(|f| (f.reporter, f.rows)))
    }

    /// Partner countries with their rows, most first.
    pub(crate) fn partners(&self) -> Vec<(CountryId, u64)> {
        tally(self.flows.iter().map(|f| (f.partner, f.rows)))
    }

    /// Pairs (either order) with their rows, most first: what the pair dialog lists.
    pub fn pairs(&self) -> Vec<(Pair, u64)> {
        let mut rows: BTreeMap<(CountryId, CountryId), u64> = BTreeMap::new();
        for flow in &self.flows {
            let key = if flow.reporter <= flow.partner {
                (flow.reporter, flow.partner)
            } else {
                (flow.partner, flow.reporter)
            };
            *rows.entry(key).or_insert(0) += flow.rows;
        }
        let mut pairs: Vec<(Pair, u64)> = rows
            .into_iter()
            .filter_map(|((a, b), n)| Pair::new(a, b).map(|pair| (pair, n)))
            .collect();
        pairs.sort_by_key(|pair| std::cmp::Reverse(pair.1));
        pairs
    }

    /// Rows of `pair`, in either direction.
    pub(crate) fn rows_for(&self, pair: Pair) -> u64 {
        self.flows
            .iter()
            .filter(|f| pair.is(f.reporter, f.partner))
            .map(|f| f.rows)
            .sum()
    }

    /// The rows of `pair`, each direction and reporter apart, most first.
    pub(crate) fn flows_of(&self, pair: Pair) -> Vec<FlowCount> {
        self.flows
            .iter()
            .filter(|f| pair.is(f.reporter, f.partner))
            .copied()
            .collect()
    }

    /// The rows an import of `pair` takes: the pair's own, or, in a SIPRI TIV table (each
    /// country with all partners), those of either country of the pair.
    pub(crate) fn rows_to_import(&self, pair: Pair) -> u64 {
        self.flows_to_import(pair).iter().map(|f| f.rows).sum()
    }

    /// The rows of [`Self::rows_to_import`], each direction and reporter apart.
    pub(crate) fn flows_to_import(&self, pair: Pair) -> Vec<FlowCount> {
        if self.format != Format::SipriTiv {
            return self.flows_of(pair);
        }
        self.flows
            .iter()
            .filter(|f| pair.contains(f.reporter) || pair.contains(f.partner))
            .copied()
            .collect()
    }

    /// What a row count is of, in words: `exports to Iran`, `voted alongside Iran`,
    /// `events acting on Iran`.
    pub(crate) fn flow_words(&self, flow: &FlowCount) -> String {
        let table = countries();
        let partner = table.get(flow.partner).map_or("?", |c| c.name.as_str());
        if self.format.is_votes() {
            return format!("voted alongside {partner}");
        }
        if self.format.is_events() {
            return format!("events acting on {partner}");
        }
        match flow.flow {
            Flow::Exports => format!("exports to {partner}"),
            Flow::Imports => format!("imports from {partner}"),
        }
    }

    /// The single pair in the file, when there is exactly one.
    pub(crate) fn only_pair(&self) -> Option<Pair> {
        match self.pairs().as_slice() {
            [(pair, _)] => Some(*pair),
            _ => None,
        }
    }
}

fn tally(items: impl Iterator<Item = (CountryId, u64)>) -> Vec<(CountryId, u64)> {
    let mut rows: BTreeMap<CountryId, u64> = BTreeMap::new();
    for (id, n) in items {
        *rows.entry(id).or_insert(0) += n;
    }
    let mut list: Vec<(CountryId, u64)> = rows.into_iter().collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    list
}

/// `Russia (RUS) 12, Iran (IRN) 3, … and 40 more`.
pub(crate) fn list_countries(items: &[(CountryId, u64)], at_most: usize) -> String {
    let table = countries();
    let mut parts: Vec<String> = items
        .iter()
        .take(at_most)
        .map(|(id, rows)| {
            let code = table.get(*id).map_or("?", |c| c.iso3.as_str());
            format!("{code} ({rows})")
        })
        .collect();
    if items.len() > at_most {
        parts.push(format!("and {} more", items.len() - at_most));
    }
    parts.join(", ")
}

/// The note saying how many values the file marks as not final, by reason (`None` when it
/// marks none): "3 values kept and flagged approximate, as the file marks them: 2 an IMF
/// estimate (marked `e` in the file); 1 …".
pub(crate) fn estimates_note(estimates: &BTreeMap<&'static str, u64>) -> Option<String> {
    let total: u64 = estimates.values().sum();
    if total == 0 {
        return None;
    }
    let reasons: Vec<String> = estimates
        .iter()
        .map(|(reason, values)| format!("{values} {reason}"))
        .collect();
    let (values, them) = if total == 1 {
        ("value", "it")
    } else {
        ("values", "them")
    };
    Some(format!(
        "{total} {values} kept and flagged approximate, as the file marks {them}: {}",
        reasons.join("; ")
    ))
}

/// `2014–2024` or `2014, 2016–2018`.
pub(crate) fn year_ranges(years: &[i32]) -> String {
    let mut parts = Vec::new();
    let mut iter = years.iter().copied().peekable();
    while let Some(start) = iter.next() {
        let mut end = start;
        while iter.peek() == Some(&(end + 1)) {
            end += 1;
            iter.next();
        }
        parts.push(if start == end {
            start.to_string()
        } else {
            format!("{start}–{end}")
        });
    }
    parts.join(", ")
}

impl fmt::Display for FileReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::display::safe_text::write_safe(f, format_args!("{}", Unchecked(self)))
    }
}

/// The report as written before [`crate::display::safe_text`] makes it safe to show.
struct Unchecked<'r>(&'r FileReport);

impl fmt::Display for Unchecked<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Unchecked(report) = self;
        write!(f, "{}: ok: {}", report.file, report.format.label())?;
        if let Some(encoding) = report.encoding {
            write!(f, " ({encoding})")?;
        }
        writeln!(
            f,
            ", {} rows read, {} used",
            report.rows_read, report.rows_used
        )?;
        if report.format != Format::Chronology {
            writeln!(f, "  reporters: {}", list_countries(&report.reporters(), 8))?;
            writeln!(f, "  partners: {}", list_countries(&report.partners(), 8))?;
        }
        write!(f, "  years: {}", year_ranges(&report.years))?;
        if !report.skipped.is_empty() {
            let skipped: Vec<String> = report
                .skipped
                .iter()
                .map(|(reason, rows)| format!("{reason} ({rows})"))
                .collect();
            write!(f, "\n  left out: {}", skipped.join(", "))?;
        }
        if !report.unknown_codes.is_empty() {
            let unknown: Vec<String> = report
                .unknown_codes
                .iter()
                .take(8)
                .map(|(code, rows)| format!("{code} ({rows})"))
                .collect();
            write!(f, "\n  unknown codes: {}", unknown.join(", "))?;
        }
        for warning in &report.warnings {
            write!(f, "\n  note: {warning}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_estimates_note_counts_each_reason() {
        let mut estimates = BTreeMap::new();
        assert_eq!(estimates_note(&estimates), None);
        estimates.insert("an estimate (marked `e` in the file)", 1);
        assert_eq!(
            estimates_note(&estimates).as_deref(),
            Some(
                "1 value kept and flagged approximate, as the file marks it: 1 an estimate (marked `e` in the file)"
            )
        );
        estimates.insert("a provisional figure (marked `p` in the file)", 2);
        assert_eq!(
            estimates_note(&estimates).as_deref(),
            Some(
                "3 values kept and flagged approximate, as the file marks them: 2 a provisional figure (marked `p` in the file); 1 an estimate (marked `e` in the file)"
            )
        );
    }

    #[test]
    fn year_ranges_join_runs() {
        assert_eq!(year_ranges(&[2014, 2016, 2017, 2018]), "2014, 2016–2018");
        assert_eq!(year_ranges(&[]), "");
    }
}
