//! What each row of a chronology says under a choice of columns: its dates, title,
//! summary, source, domains, stance and places, or why it cannot be read. The import
//! dialog shows this for every choice before anything is imported, and the import makes
//! its events from it, so the two never differ.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::data::country::{CountryId, Pair, countries};
use crate::data::{Domain, Stance};

use super::super::error::{ImportError, ImportErrorKind};
use super::columns::{Columns, Role};
use super::dates::{DateSpan, DayOrder, order_evidence, parse_date};
use super::words::{domains_in, month_number, split_values, stance_of};
use super::{Row, Table};

/// The longest title made from a summary, in characters.
const TITLE_FROM_SUMMARY_CHARS: usize = 100;

/// A place of the dataset, to match a place column against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownPlace {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
}

/// What one row says.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// The row's index in the table.
    pub row: usize,
    /// When.
    pub span: DateSpan,
    /// The title.
    pub title: String,
    /// The summary, with what the other columns hold.
    pub summary: String,
    /// The row's own source (a URL or a citation), if it names one.
    pub source: Option<String>,
    /// Its domains (the default one when none is given or known).
    pub domains: Vec<Domain>,
    /// Its stance (the default one when none is given or known).
    pub stance: Stance,
    /// The ids of the dataset's places it names.
    pub places: Vec<String>,
}

/// How the order of day and month was settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderTold {
    /// Chosen by the user.
    Chosen,
    /// Told from the column: rows whose numbers settle it, all the same way.
    Detected(u64),
    /// Rows say both orders: the more common one is used, and the others may be wrong.
    Conflicting {
        /// Rows where only day first reads.
        day_first: u64,
        /// Rows where only month first reads.
        month_first: u64,
    },
    /// Nothing in the column settles it (or no date uses numbers only): day first.
    Assumed,
}

/// What the rows of a table make under a choice of columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// The rows read, in the table's order.
    pub readings: Vec<Reading>,
    /// Rows that cannot be read, each with its place and why.
    pub problems: Vec<ImportError>,
    /// The order of day and month used.
    pub order: DayOrder,
    /// How it was settled.
    pub order_told: OrderTold,
    /// Domain values that are none of Bilateral's, with their rows.
    pub unknown_domains: BTreeMap<String, u64>,
    /// Stance values that are none of Bilateral's, with their rows.
    pub unknown_stances: BTreeMap<String, u64>,
    /// Places not among the dataset's, with their rows (kept in the summary).
    pub unmatched_places: BTreeMap<String, u64>,
    /// Rows left out because their country column names only other countries, by value.
    pub other_countries: BTreeMap<String, u64>,
    /// Countries the country column names, with their rows (for choosing the pair).
    pub countries: BTreeMap<CountryId, u64>,
}

/// Reads every row of `table` with `columns`; with `pair`, rows whose country column names
/// neither of its countries are left out (and counted).
pub fn evaluate(
    table: &Table,
    columns: &Columns,
    pair: Option<Pair>,
    places: &[KnownPlace],
) -> Evaluation {
    let (order, order_told) = day_order(table, columns);
    let mut evaluation = Evaluation {
        readings: Vec::new(),
        problems: Vec::new(),
        order,
        order_told,
        unknown_domains: BTreeMap::new(),
        unknown_stances: BTreeMap::new(),
        unmatched_places: BTreeMap::new(),
        other_countries: BTreeMap::new(),
        countries: BTreeMap::new(),
    };
    for (index, row) in table.rows.iter().enumerate() {
        if !concerns(row, columns, pair, &mut evaluation) {
            continue;
        }
        match read_row(table, index, columns, order, places, &mut evaluation) {
            Ok(reading) => evaluation.readings.push(reading),
            Err(problem) => evaluation.problems.push(problem),
        }
    }
    evaluation
}

/// The order of day and month: the one chosen, or the one the date columns settle.
fn day_order(table: &Table, columns: &Columns) -> (DayOrder, OrderTold) {
    if let Some(order) = columns.day_order {
        return (order, OrderTold::Chosen);
    }
    let (mut day_first, mut month_first) = (0, 0);
    for role in [Role::Date, Role::EndDate] {
        let Some(column) = columns.get(role) else {
            continue;
        };
        for row in &table.rows {
            match row.cells.get(column).and_then(|cell| order_evidence(cell)) {
                Some(DayOrder::DayFirst) => day_first += 1,
                Some(DayOrder::MonthFirst) => month_first += 1,
                None => {}
            }
        }
    }
    match (day_first, month_first) {
        (0, 0) => (DayOrder::DayFirst, OrderTold::Assumed),
        (n, 0) => (DayOrder::DayFirst, OrderTold::Detected(n)),
        (0, n) => (DayOrder::MonthFirst, OrderTold::Detected(n)),
        (d, m) => (
            if m > d {
                DayOrder::MonthFirst
            } else {
                DayOrder::DayFirst
            },
            OrderTold::Conflicting {
                day_first: d,
                month_first: m,
            },
        ),
    }
}

/// Whether `row` is of `pair` by its country column (always, without a pair, a country
/// column or a country in the cell); counts the countries named.
fn concerns(row: &Row, columns: &Columns, pair: Option<Pair>, evaluation: &mut Evaluation) -> bool {
    let Some(cell) = columns.get(Role::Country).and_then(|c| row.cells.get(c)) else {
        return true;
    };
    let named = countries_in(cell);
    for id in &named {
        *evaluation.countries.entry(*id).or_insert(0) += 1;
    }
    let Some(pair) = pair else {
        return true;
    };
    if cell.is_empty() || named.iter().any(|id| pair.contains(*id)) {
        return true;
    }
    *evaluation.other_countries.entry(cell.clone()).or_insert(0) += 1;
    false
}

/// The countries a cell names: the whole cell (`Korea, Republic of`), or each of its
/// values (`Russia; Ukraine`).
pub(crate) fn countries_in(cell: &str) -> Vec<CountryId> {
    let table = countries();
    if let Some(country) = table.lookup(cell) {
        return vec![country.id];
    }
    split_values(cell)
        .filter_map(|part| table.lookup(part).map(|c| c.id))
        .collect()
}

fn read_row(
    table: &Table,
    index: usize,
    columns: &Columns,
    order: DayOrder,
    places: &[KnownPlace],
    evaluation: &mut Evaluation,
) -> Result<Reading, ImportError> {
    let row = &table.rows[index];
    let cell = |role: Role| -> &str {
        columns
            .get(role)
            .and_then(|c| row.cells.get(c))
            .map_or("", String::as_str)
    };
    let problem = |role: Role, message: String| ImportError {
        file: table.file.clone(),
        position: Some(table.position(row, columns.get(role).unwrap_or(0))),
        kind: ImportErrorKind::RowLeftOut(message),
    };
    let header_name = |role: Role| {
        columns
            .get(role)
            .and_then(|c| table.header.get(c))
            .map_or_else(|| role.label().to_owned(), Clone::clone)
    };
    let not_a_date = |role: Role, why: String| {
        let text = crate::import::table::shorten(cell(role), 40);
        let name = header_name(role);
        problem(role, format!("`{name}`: `{text}` is not a date: {why}"))
    };
    let mut span = read_span(cell(Role::Date), cell(Role::Month), order)
        .map_err(|why| not_a_date(Role::Date, why))?;
    if !cell(Role::EndDate).is_empty() {
        let end =
            parse_date(cell(Role::EndDate), order).map_err(|why| not_a_date(Role::EndDate, why))?;
        let end = end.end.unwrap_or(end.start);
        if end.year < span.start.year {
            let start = span.start;
            return Err(problem(
                Role::EndDate,
                format!("it ends ({end}) before it starts ({start})"),
            ));
        }
        span.end = Some(end).filter(|end| *end != span.start);
    }
    let mut summary = cell(Role::Summary).to_owned();
    let mut title = cell(Role::Title).to_owned();
    if title.is_empty() {
        title = shortened(&summary);
    }
    if title.is_empty() {
        return Err(problem(
            Role::Title,
            "it has neither a title nor a summary".to_owned(),
        ));
    }
    let mut notes: Vec<String> = Vec::new();
    let (mut domains, unknown) = domains_in(cell(Role::Domain));
    for value in &unknown {
        *evaluation.unknown_domains.entry(value.clone()).or_insert(0) += 1;
        notes.push(format!("{}: {value}", header_name(Role::Domain)));
    }
    if domains.is_empty() {
        domains.push(columns.default_domain);
    }
    let stance_text = cell(Role::Stance);
    let stance = if stance_text.is_empty() {
        columns.default_stance
    } else if let Some(stance) = stance_of(stance_text) {
        stance
    } else {
        *evaluation
            .unknown_stances
            .entry(stance_text.to_owned())
            .or_insert(0) += 1;
        notes.push(format!("{}: {stance_text}", header_name(Role::Stance)));
        columns.default_stance
    };
    let matched = match_place(cell(Role::Place), places, evaluation);
    if matched.is_empty() && !cell(Role::Place).is_empty() {
        notes.push(format!(
            "{}: {}",
            header_name(Role::Place),
            cell(Role::Place)
        ));
    }
    if columns.other_columns {
        notes.extend(other_columns(table, row, columns));
    }
    append_notes(&mut summary, &notes);
    let source = Some(cell(Role::Source).to_owned()).filter(|s| !s.is_empty());
    Ok(Reading {
        row: index,
        span,
        title,
        summary,
        source,
        domains,
        stance,
        places: matched,
    })
}

/// `summary` with `notes` after it, as a sentence of `Header: value` parts.
fn append_notes(summary: &mut String, notes: &[String]) {
    if notes.is_empty() {
        return;
    }
    if !summary.is_empty() && !summary.ends_with(['.', '!', '?']) {
        summary.push('.');
    }
    if !summary.is_empty() {
        summary.push(' ');
    }
    let _ = write!(summary, "{}.", notes.join("; "));
}

/// The dataset's place named `text` (ignoring case and accents), counted as unmatched when
/// there is none.
fn match_place(text: &str, places: &[KnownPlace], evaluation: &mut Evaluation) -> Vec<String> {
    if text.is_empty() {
        return Vec::new();
    }
    let key = crate::data::country::name_key(text);
    if let Some(place) = places
        .iter()
        .find(|p| crate::data::country::name_key(&p.name) == key)
    {
        return vec![place.id.clone()];
    }
    *evaluation
        .unmatched_places
        .entry(text.to_owned())
        .or_insert(0) += 1;
    Vec::new()
}

/// `Header: value` for each cell of a column with no role.
fn other_columns<'t>(
    table: &'t Table,
    row: &'t Row,
    columns: &'t Columns,
) -> impl Iterator<Item = String> + 't {
    table
        .header
        .iter()
        .enumerate()
        .filter_map(move |(column, name)| {
            let value = row.cells.get(column).map_or("", String::as_str);
            (columns.role_of(column).is_none() && !value.is_empty()).then(|| {
                let name = if name.is_empty() { "column" } else { name };
                format!("{name}: {value}")
            })
        })
}

/// The date of a row: its date cell, with the month cell when the date is a year alone.
fn read_span(date: &str, month: &str, order: DayOrder) -> Result<DateSpan, String> {
    let mut span = parse_date(date, order)?;
    if month.is_empty() {
        return Ok(span);
    }
    let number = month
        .parse::<u8>()
        .ok()
        .filter(|m| (1..=12).contains(m))
        .or_else(|| month_number(month))
        .ok_or_else(|| format!("the month `{month}` is not a month"))?;
    if span.start.month.is_some() || span.end.is_some() {
        return Err(format!(
            "the date already has a month or is a range, and the month column says `{month}`"
        ));
    }
    span.start.month = Some(number);
    Ok(span)
}

/// A title made from a summary: its first sentence, cut at a word to at most
/// [`TITLE_FROM_SUMMARY_CHARS`] characters.
fn shortened(summary: &str) -> String {
    let first = summary
        .split_once(". ")
        .map_or(summary, |(sentence, _)| sentence);
    if first.chars().count() <= TITLE_FROM_SUMMARY_CHARS {
        return first.trim().to_owned();
    }
    let mut cut: String = first.chars().take(TITLE_FROM_SUMMARY_CHARS).collect();
    if let Some(space) = cut.rfind(' ') {
        cut.truncate(space);
    }
    format!("{}…", cut.trim_end())
}
