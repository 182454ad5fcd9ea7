//! What a chronology makes for a pair: one event per row read, each citing the file (a
//! source record naming it, with its path) and, when the row names one, its own source
//! (a URL or a citation, one record per distinct text); and the report of what was read,
//! left out and not understood.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::data::country::Pair;
use crate::data::new_relationship::new_relationship;
use crate::data::{Dataset, Event, Source};

use super::super::build::{FileFacts, import_id};
use super::super::error::ImportErrorKind;
use super::super::report::FileReport;
use super::columns::Columns;
use super::rows::{Evaluation, OrderTold};
use super::{RowAt, Table};

/// Problems named one by one in a report; the rest are counted.
const PROBLEMS_LISTED: usize = 50;

/// The id of the source record of the chronology file itself.
fn file_source_id(import: &str) -> String {
    format!("{import}--chronology")
}

/// The events of `evaluation` for `pair`, with their sources; `path` is the file's path,
/// which its source record names.
pub(crate) fn build(
    table: &Table,
    evaluation: &Evaluation,
    columns: &Columns,
    pair: Pair,
    facts: &FileFacts,
    path: Option<&Path>,
) -> Result<Dataset, ImportErrorKind> {
    if evaluation.readings.is_empty() {
        return Err(ImportErrorKind::NothingForPair(nothing_read(
            table, evaluation,
        )));
    }
    let mut dataset = new_relationship(pair, facts.imported_on).ok_or_else(|| {
        ImportErrorKind::NothingForPair("a country of the pair is not in Bilateral's table".into())
    })?;
    dataset.metadata.description = format!(
        "Events imported from the chronology {}: one event per row, each citing the file and the source its row names.",
        facts.file_name
    );
    let import = import_id(&facts.file_name);
    let file_source = file_source_id(&import);
    let mut cited: BTreeMap<&str, (String, u64)> = BTreeMap::new();
    for reading in &evaluation.readings {
        let Some(text) = reading.source.as_deref() else {
            continue;
        };
        let next = cited.len() + 1;
        cited
            .entry(text)
            .or_insert_with(|| (format!("{import}--cited-{next}"), 0))
            .1 += 1;
    }
    dataset.sources.push(Source {
        id: file_source.clone(),
        author: None,
        title: match &table.sheet {
            Some(sheet) => format!("Chronology: {} (sheet {sheet})", facts.file_name),
            None => format!("Chronology: {}", facts.file_name),
        },
        publisher: None,
        date: facts.file_date,
        url: None,
        file: path.map(|p| p.display().to_string()),
        note: file_note(table, evaluation, columns, facts),
    });
    let mut sources: Vec<Source> = cited
        .iter()
        .map(|(text, (id, rows))| cited_source(text, id, *rows, &facts.file_name))
        .collect();
    sources.sort_by_key(|s| {
        s.id.trim_start_matches(&format!("{import}--cited-"))
            .parse::<u64>()
            .unwrap_or(0)
    });
    dataset.sources.extend(sources);
    let mut keys = std::collections::HashSet::new();
    for reading in &evaluation.readings {
        let row = &table.rows[reading.row];
        let mut sources = Vec::new();
        if let Some((id, _)) = reading.source.as_deref().and_then(|text| cited.get(text)) {
            sources.push(id.clone());
        }
        sources.push(file_source.clone());
        let base = match row.at {
            RowAt::Line(line) => format!("line-{line}"),
            RowAt::SheetRow(index) => format!("row-{}", index + 1),
        };
        // Two rows can start on one line (a lone `\r` ends a row but not a line; found by
        // fuzzing): the second is `line-33-2`.
        let mut key = base.clone();
        let mut again = 1;
        while !keys.insert(key.clone()) {
            again += 1;
            key = format!("{base}-{again}");
        }
        dataset.events.push(Event {
            id: format!("{import}--{key}"),
            date: reading.span.start,
            end_date: reading.span.end,
            title: reading.title.clone(),
            summary: reading.summary.clone(),
            domains: reading.domains.clone(),
            stance: reading.stance,
            places: reading.places.clone(),
            sources,
            machine_coded: false,
            ongoing: false,
        });
    }
    Ok(dataset)
}

/// A row's own source: a URL as a link, anything else as a citation.
fn cited_source(text: &str, id: &str, rows: u64, file_name: &str) -> Source {
    let lower = text.to_ascii_lowercase();
    let is_url = !text.contains(char::is_whitespace)
        && (lower.starts_with("http://")
            || lower.starts_with("https://")
            || lower.starts_with("www."));
    let rows_text = if rows == 1 {
        "one row".to_owned()
    } else {
        format!("{rows} rows")
    };
    let note = format!(
        "Cited by {rows_text} of the chronology {file_name}, as the source of the events they record; Bilateral has not read it."
    );
    if is_url {
        // `twitter.com/…` reads better than `https://twitter.com/…`; a link that is only a
        // scheme (`https://`, found by fuzzing) keeps its text, as a title cannot be empty.
        let title = text
            .split_once("://")
            .map(|(_, rest)| rest.trim_end_matches('/'))
            .filter(|rest| !rest.is_empty())
            .unwrap_or(text)
            .to_owned();
        let url = if lower.starts_with("www.") {
            format!("https://{text}")
        } else {
            text.to_owned()
        };
        Source {
            id: id.to_owned(),
            author: None,
            title,
            publisher: None,
            date: None,
            url: Some(url),
            file: None,
            note,
        }
    } else {
        Source {
            id: id.to_owned(),
            author: None,
            title: text.to_owned(),
            publisher: None,
            date: None,
            url: None,
            file: None,
            note,
        }
    }
}

/// How the file was read, for its source record.
fn file_note(
    table: &Table,
    evaluation: &Evaluation,
    columns: &Columns,
    facts: &FileFacts,
) -> String {
    let mut note = format!(
        "Imported by Bilateral on {} from the chronology {}. Columns: {}.",
        facts.imported_on,
        facts.file_name,
        columns.describe(&table.header)
    );
    let _ = write!(note, " {}", order_words(evaluation));
    if !evaluation.problems.is_empty() {
        let _ = write!(
            note,
            " {} rows could not be read and are not imported.",
            evaluation.problems.len()
        );
    }
    note
}

/// How the order of day and month was settled, in a sentence.
pub(crate) fn order_words(evaluation: &Evaluation) -> String {
    let order = evaluation.order.label();
    match evaluation.order_told {
        OrderTold::Chosen => format!("Dates written with numbers only read as {order}, as chosen."),
        OrderTold::Detected(rows) => format!(
            "Dates written with numbers only read as {order}, as {rows} of them can only be read so."
        ),
        OrderTold::Conflicting {
            day_first,
            month_first,
        } => format!(
            "Dates written with numbers only read as {order}; but {day_first} can only be day first and {month_first} only month first: check them."
        ),
        OrderTold::Assumed => format!(
            "Dates written with numbers only (if any) read as {order}: nothing in the file settles the order."
        ),
    }
}

/// Why nothing was read, in words.
fn nothing_read(table: &Table, evaluation: &Evaluation) -> String {
    let mut why = format!(
        "none of the {} rows of {} makes an event",
        table.rows.len(),
        table.file
    );
    if !evaluation.other_countries.is_empty() {
        let listed: Vec<String> = evaluation
            .other_countries
            .iter()
            .take(5)
            .map(|(name, rows)| format!("{name} ({rows})"))
            .collect();
        let _ = write!(why, "; rows of other countries: {}", listed.join(", "));
    }
    if let Some(first) = evaluation.problems.first() {
        let _ = write!(
            why,
            "; {} rows cannot be read, the first: {first}",
            evaluation.problems.len()
        );
    }
    why
}

/// What the file holds under these columns, for the dialog and `bilateral check`.
pub(crate) fn report(table: &Table, evaluation: &Evaluation, columns: &Columns) -> FileReport {
    let mut years: Vec<i32> = evaluation
        .readings
        .iter()
        .flat_map(|r| [Some(r.span.start.year), r.span.end.map(|e| e.year)])
        .flatten()
        .collect();
    years.sort_unstable();
    years.dedup();
    let mut skipped = Vec::new();
    if !evaluation.problems.is_empty() {
        skipped.push((
            "rows that cannot be read".to_owned(),
            evaluation.problems.len() as u64,
        ));
    }
    let others: u64 = evaluation.other_countries.values().sum();
    if others > 0 {
        skipped.push(("rows of other countries".to_owned(), others));
    }
    let mut warnings = vec![
        format!("columns: {}", columns.describe(&table.header)),
        order_words(evaluation),
    ];
    if !evaluation.countries.is_empty() {
        let mut named: Vec<(crate::data::country::CountryId, u64)> = evaluation
            .countries
            .iter()
            .map(|(id, rows)| (*id, *rows))
            .collect();
        named.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        warnings.push(format!(
            "countries the country column names: {}",
            super::super::report::list_countries(&named, 8)
        ));
    }
    let listed = |values: &BTreeMap<String, u64>| {
        values
            .iter()
            .take(10)
            .map(|(value, rows)| format!("“{value}” ({rows})"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !evaluation.unknown_domains.is_empty() {
        warnings.push(format!(
            "domain values that are none of Bilateral's, imported as {} and kept in the summary: {}",
            columns.default_domain.label(),
            listed(&evaluation.unknown_domains)
        ));
    }
    if !evaluation.unknown_stances.is_empty() {
        warnings.push(format!(
            "stance values that are none of Bilateral's, imported as {} and kept in the summary: {}",
            columns.default_stance.label(),
            listed(&evaluation.unknown_stances)
        ));
    }
    if !evaluation.unmatched_places.is_empty() {
        warnings.push(format!(
            "places not among the dataset's, kept in the summary: {}",
            listed(&evaluation.unmatched_places)
        ));
    }
    for problem in evaluation.problems.iter().take(PROBLEMS_LISTED) {
        warnings.push(problem.to_string());
    }
    if evaluation.problems.len() > PROBLEMS_LISTED {
        warnings.push(format!(
            "and {} more rows that cannot be read",
            evaluation.problems.len() - PROBLEMS_LISTED
        ));
    }
    FileReport {
        file: table.file.clone(),
        format: super::super::Format::Chronology,
        encoding: table.encoding,
        rows_read: table.rows.len() as u64,
        rows_used: evaluation.readings.len() as u64,
        flows: Vec::new(),
        years,
        skipped,
        unknown_codes: Vec::new(),
        warnings,
        chronology: None,
    }
}
