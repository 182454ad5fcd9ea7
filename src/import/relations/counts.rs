//! Counting what a relations file holds, by pair and year, into a [`FileReport`].

use std::collections::{BTreeMap, BTreeSet};

use crate::data::country::CountryId;

use super::super::detect::Format;
use super::super::observation::Flow;
use super::super::report::{FileReport, FlowCount};

/// Rows by pair and year, rows left out and unknown names, as a file is read.
#[derive(Debug, Default)]
pub(crate) struct Counts {
    flows: BTreeMap<(CountryId, CountryId), (u64, i32, i32)>,
    years: BTreeSet<i32>,
    used: u64,
    skipped: BTreeMap<String, u64>,
    unknown: BTreeMap<String, u64>,
    warnings: Vec<String>,
}

impl Counts {
    /// Counts `rows` between `from` and `to` (supplier and recipient; two voters) in `year`.
    pub(crate) fn pair(&mut self, from: CountryId, to: CountryId, year: Option<i32>, rows: u64) {
        let entry = self
            .flows
            .entry((from, to))
            .or_insert((0, i32::MAX, i32::MIN));
        entry.0 += rows;
        if let Some(year) = year {
            entry.1 = entry.1.min(year);
            entry.2 = entry.2.max(year);
        }
        self.used += rows;
    }

    /// Sets the values used (votes cast, points read) where they are not the pair counts.
    pub(crate) fn set_used(&mut self, used: u64) {
        self.used = used;
    }

    /// Notes a year the file covers.
    pub(crate) fn year(&mut self, year: i32) {
        self.years.insert(year);
    }

    /// Counts a row left out, with the reason.
    pub(crate) fn skip(&mut self, reason: &str) {
        *self.skipped.entry(reason.to_owned()).or_insert(0) += 1;
    }

    /// Counts a row whose country Bilateral does not know.
    pub(crate) fn unknown(&mut self, column: &str, name: &str) {
        *self.unknown.entry(format!("{column} {name}")).or_insert(0) += 1;
    }

    /// Adds a note for the report, once.
    pub(crate) fn warn(&mut self, warning: String) {
        if !self.warnings.contains(&warning) {
            self.warnings.push(warning);
        }
    }

    /// Adds what `other` (another file of the same import) counted.
    pub(crate) fn merge(&mut self, other: Self) {
        for ((from, to), (rows, first, last)) in other.flows {
            let entry = self
                .flows
                .entry((from, to))
                .or_insert((0, i32::MAX, i32::MIN));
            entry.0 += rows;
            entry.1 = entry.1.min(first);
            entry.2 = entry.2.max(last);
        }
        self.years.extend(other.years);
        self.used += other.used;
        for (reason, rows) in other.skipped {
            *self.skipped.entry(reason).or_insert(0) += rows;
        }
        for (name, rows) in other.unknown {
            *self.unknown.entry(name).or_insert(0) += rows;
        }
        for warning in other.warnings {
            self.warn(warning);
        }
    }

    /// The report of a file of `format` with `rows_read` rows.
    pub(crate) fn finish(
        self,
        file: &str,
        format: Format,
        encoding: Option<&'static str>,
        rows_read: u64,
    ) -> FileReport {
        let mut flows: Vec<FlowCount> = self
            .flows
            .into_iter()
            .map(|((reporter, partner), (rows, first, last))| FlowCount {
                reporter,
                partner,
                flow: Flow::Exports,
                rows,
                years: (first <= last).then_some((first, last)),
            })
            .collect();
        flows.sort_by(|a, b| b.rows.cmp(&a.rows).then(a.reporter.cmp(&b.reporter)));
        let mut unknown: Vec<(String, u64)> = self.unknown.into_iter().collect();
        unknown.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        FileReport {
            file: file.to_owned(),
            format,
            encoding,
            rows_read,
            rows_used: self.used,
            flows,
            years: self.years.into_iter().collect(),
            skipped: self.skipped.into_iter().collect(),
            unknown_codes: unknown,
            warnings: self.warnings,
            chronology: None,
        }
    }
}
