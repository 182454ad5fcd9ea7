//! Importing the trade files analysts download: UN Comtrade (Plus, bulk, legacy), IMF DOTS
//! and IMTS, World Bank WITS, CEPII BACI, and a documented tidy table.
//!
//! The layout is told by content, never by the file's name. Files stream through a
//! buffered, decompressing, decoding reader, so memory stays bounded whatever their size.
//! Nothing here knows about egui, and no thread is started: the caller runs [`import`] on
//! a thread of its own, passing a progress callback and a cancel flag.
//!
//! - [`scan`] lists the pairs, reporters, partners and years a file holds, for the pair dialog.
//! - [`import`] reads the values of one [`Pair`] into a [`Dataset`] of cited series.
//! - [`merge_import`] puts an import into an open dataset, replacing an earlier import of
//!   the same file; [`remove_import_id`] takes it out again.

#![allow(
    clippy::result_large_err,
    reason = "an import error carries its file, place and message; errors end a pass, so their size costs nothing"
)]

pub(crate) mod baci;
pub mod build;
pub mod chronology;
pub(crate) mod collect;
pub(crate) mod comtrade_legacy;
pub(crate) mod comtrade_plus;
pub mod decode;
pub(crate) mod detect;
pub(crate) mod error;
pub mod events;
pub(crate) mod imf_dots;
pub(crate) mod imf_imts;
pub(crate) mod numbers;
pub(crate) mod observation;
pub(crate) mod parallel;
pub(crate) mod parquet;
pub(crate) mod plausible;
pub(crate) mod prefilter;
pub(crate) mod progress;
pub mod read;
pub mod relations;
pub(crate) mod report;
pub(crate) mod resolve;
pub(crate) mod row_bound;
pub(crate) mod row_sources;
pub(crate) mod sheet_range;
pub(crate) mod table;
pub(crate) mod tidy;
pub(crate) mod wits;
pub(crate) mod workbook_guard;
pub(crate) mod xls_guard;

use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::SystemTime;

use crate::data::country::{Pair, countries};
use crate::data::merge::merge_into;
use crate::data::{Dataset, PartialDate, Problem};

pub use build::{FileFacts, ValueUnit, import_id, remove_import_id};
pub use detect::Format;
pub(crate) use error::{ImportError, ImportErrorKind};
pub(crate) use progress::Progress;
pub(crate) use report::FileReport;

/// What to import from a file.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ImportOptions {
    /// The pair whose rows are taken.
    pub(crate) pair: Pair,
    /// A product code to take; `None` takes the totals (or the file's only product).
    pub(crate) product: Option<String>,
    /// The unit of the series made.
    pub(crate) unit: ValueUnit,
    /// The day of the import; `None` for today.
    pub(crate) imported_on: Option<PartialDate>,
    /// What event files (GDELT, ICEWS) make: the period of the series, the events kept.
    pub(crate) events: events::build::EventOptions,
    /// For a chronology: which column holds what; `None` for the guess from its header.
    pub(crate) columns: Option<chronology::Columns>,
    /// For a chronology: the dataset's places, which a place column is matched against.
    pub(crate) places: Vec<chronology::rows::KnownPlace>,
    /// For a chronology: choices applied to the columns (`title=Event`, see
    /// [`chronology::Columns::with_choices`]), as the command line gives them.
    pub(crate) column_choices: Vec<String>,
    /// For a chronology without `columns`: the columns remembered per header row, used
    /// before the guess (a file read again after it changed).
    pub(crate) layouts: crate::settings::column_layouts::ColumnLayouts,
}

impl ImportOptions {
    /// Totals of `pair`, in USD bn, imported today.
    pub(crate) fn new(pair: Pair) -> Self {
        Self {
            pair,
            product: None,
            unit: ValueUnit::default(),
            imported_on: None,
            events: events::build::EventOptions::default(),
            columns: None,
            places: Vec::new(),
            column_choices: Vec::new(),
            layouts: crate::settings::column_layouts::ColumnLayouts::default(),
        }
    }
}

/// What an import made.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// What the file held.
    pub(crate) report: FileReport,
    /// A dataset for the pair with the imported series and their sources; alone it is a
    /// new dataset, or it is merged into the open one with [`merge_import`].
    pub(crate) dataset: Dataset,
    /// The file's name, which identifies the import (see [`import_id`]).
    pub(crate) file_name: String,
}

/// Lists what `path` holds, reading it once without keeping values.
pub(crate) fn scan(
    path: &Path,
    progress: &mut dyn FnMut(&Progress),
    cancel: &AtomicBool,
) -> Result<FileReport, ImportError> {
    scan_with_columns(path, &[], progress, cancel)
}

/// [`scan`], with `choices` applied to a chronology's columns (`title=Event`).
pub(crate) fn scan_with_columns(
    path: &Path,
    choices: &[String],
    progress: &mut dyn FnMut(&Progress),
    cancel: &AtomicBool,
) -> Result<FileReport, ImportError> {
    if events::sniff(path).is_some() {
        let name = path.display().to_string();
        return events::read_files(&events::files_of(path), &name, None, 0, progress, cancel)
            .map(|pass| pass.report);
    }
    if relations::sniff(path).is_some() {
        return relations::read_path(path, None, progress, cancel).map(|pass| pass.report);
    }
    match read::read_file(path, None, None, progress, cancel) {
        Err(error) if is_unknown_layout(&error) => {
            match chronology::read_path(path, progress, cancel)? {
                Some(table) => {
                    let columns = chosen_columns(&table, None, choices)?;
                    Ok(chronology_report(table, Some(&columns)))
                }
                None => Err(error),
            }
        }
        other => other.map(|pass| pass.report),
    }
}

/// The columns of `table`: `columns` (the guess when `None`) with `choices` applied.
fn chosen_columns(
    table: &chronology::Table,
    columns: Option<&chronology::Columns>,
    choices: &[String],
) -> Result<chronology::Columns, ImportError> {
    columns
        .cloned()
        .unwrap_or_else(|| table.guess())
        .with_choices(&table.header, choices)
        .map_err(|message| {
            ImportError::whole(&table.file, ImportErrorKind::NothingForPair(message))
        })
}

/// Whether the trade reader found no layout it knows: the file may be a chronology.
fn is_unknown_layout(error: &ImportError) -> bool {
    // A Parquet file's columns are no chronology's: its error is its own.
    matches!(error.kind, ImportErrorKind::UnknownLayout { .. })
        && !matches!(error.position, Some(error::Position::Row { .. }))
}

/// What a chronology holds under `columns` (the guess when `None`), with its rows for the
/// dialog.
fn chronology_report(
    table: chronology::Table,
    columns: Option<&chronology::Columns>,
) -> FileReport {
    let columns = columns.cloned().unwrap_or_else(|| table.guess());
    let evaluation = chronology::rows::evaluate(&table, &columns, None, &[]);
    let mut report = chronology::events::report(&table, &evaluation, &columns);
    report.chronology = Some(std::sync::Arc::new(table));
    report
}

/// Lists what `bytes` hold, as [`scan`] does for a file named `name` (a BACI table in
/// memory has no folder to find its country list in). For fuzzing and embedding.
pub fn scan_bytes(
    bytes: &[u8],
    name: &str,
    progress: &mut dyn FnMut(&Progress),
    cancel: &AtomicBool,
) -> Result<FileReport, ImportError> {
    if parquet::is_parquet(bytes) && parquet::events::sniff_bytes(bytes).is_some() {
        return events::read_parquet_bytes(bytes, name, None, 0).map(|pass| pass.report);
    }
    if events::sniff_bytes(bytes).is_some() {
        return events::read_bytes(bytes, name, None, 0).map(|pass| pass.report);
    }
    if relations::sniff_bytes(bytes).is_some() {
        return relations::read_source(
            std::io::Cursor::new(bytes),
            name,
            bytes.len() as u64,
            None,
            None,
            progress,
            cancel,
        )
        .map(|pass| pass.report);
    }
    let source = read::Source {
        file: name,
        bytes: bytes.len() as u64,
        beside: None,
    };
    match read::read_source(
        std::io::Cursor::new(bytes),
        &source,
        None,
        None,
        progress,
        cancel,
    ) {
        Err(error) if is_unknown_layout(&error) => {
            match chronology::read_source(
                std::io::Cursor::new(bytes),
                name,
                bytes.len() as u64,
                progress,
                cancel,
            )? {
                Some(table) => Ok(chronology_report(table, None)),
                None => Err(error),
            }
        }
        other => other.map(|pass| pass.report),
    }
}

/// Reads the rows of `options.pair` from `path` into a dataset of cited series.
///
/// Fails, saying what the file holds instead, when the file has neither country, only
/// another pair, or no row with both.
pub(crate) fn import(
    path: &Path,
    options: &ImportOptions,
    progress: &mut dyn FnMut(&Progress),
    cancel: &AtomicBool,
) -> Result<Imported, ImportError> {
    if events::sniff(path).is_some() {
        return import_events(&events::files_of(path), path, options, progress, cancel);
    }
    if relations::sniff(path).is_some() {
        return import_relations(path, options, progress, cancel);
    }
    let pass = match read::read_file(
        path,
        Some(options.pair),
        options.product.as_deref(),
        progress,
        cancel,
    ) {
        Err(error) if is_unknown_layout(&error) => {
            return match chronology::read_path(path, progress, cancel)? {
                Some(table) => import_chronology(path, &table, options),
                None => Err(error),
            };
        }
        other => other?,
    };
    let file = pass.report.file.clone();
    if pass.collected.values.is_empty() {
        // The read passed over other pairs' rows; what the file holds instead is told from
        // a read of every row.
        let whole = read::read_file_every_row(
            path,
            Some(options.pair),
            options.product.as_deref(),
            progress,
            cancel,
        )?;
        return Err(ImportError::whole(
            &file,
            missing_pair(&whole.report, options.pair),
        ));
    }
    let facts = file_facts(path, &file, options, pass.report.format);
    let file_name = facts.file_name.clone();
    let dataset = build::build_dataset(options.pair, &pass.collected.values, &facts, options.unit);
    Ok(Imported {
        report: pass.report,
        dataset,
        file_name,
    })
}

/// What the source records of an import of `path` (named `file` in errors) need.
fn file_facts(path: &Path, file: &str, options: &ImportOptions, format: Format) -> FileFacts {
    FileFacts {
        file_name: path
            .file_name()
            .map_or_else(|| file.to_owned(), |n| n.to_string_lossy().into_owned()),
        file_date: std::fs::metadata(path)
            .and_then(|m| m.modified())
            .ok()
            .and_then(date_of),
        imported_on: options
            .imported_on
            .or_else(|| date_of(SystemTime::now()))
            .unwrap_or_else(|| PartialDate::year(1970)),
        format,
    }
}

/// [`import`] of a SIPRI or UN votes file: events and series in their own units.
fn import_relations(
    path: &Path,
    options: &ImportOptions,
    progress: &mut dyn FnMut(&Progress),
    cancel: &AtomicBool,
) -> Result<Imported, ImportError> {
    let pass = relations::read_path(path, Some(options.pair), progress, cancel)?;
    let file = pass.report.file.clone();
    let facts = file_facts(path, &file, options, pass.report.format);
    let file_name = facts.file_name.clone();
    let dataset = relations::build(&pass, options.pair, &facts)
        .map_err(|kind| ImportError::whole(&file, kind))?;
    Ok(Imported {
        report: pass.report,
        dataset,
        file_name,
    })
}

/// [`import`] of GDELT or ICEWS event files (`paths`, the files of `named`, a folder or a
/// file, or the first of several files): series of the pair's events and the most covered
/// events.
pub(crate) fn import_events(
    paths: &[std::path::PathBuf],
    named: &Path,
    options: &ImportOptions,
    progress: &mut dyn FnMut(&Progress),
    cancel: &AtomicBool,
) -> Result<Imported, ImportError> {
    let name = named.display().to_string();
    let pass = events::read_files(
        paths,
        &name,
        Some(options.pair),
        options.events.top_events,
        progress,
        cancel,
    )?;
    let format = pass.formats.first().copied().unwrap_or(Format::Gdelt2);
    let facts = file_facts(named, &name, options, format);
    let file_name = facts.file_name.clone();
    let mut dataset = events::build::build(&pass, options.pair, &facts, options.events)
        .map_err(|kind| ImportError::whole(&name, kind))?;
    for source in &mut dataset.sources {
        if source.file.is_none() && source.url.is_none() {
            source.file = Some(name.clone());
        }
    }
    Ok(Imported {
        report: pass.report,
        dataset,
        file_name,
    })
}

/// [`import`] of a chronology: one event per row read, for `options.pair`.
fn import_chronology(
    path: &Path,
    table: &chronology::Table,
    options: &ImportOptions,
) -> Result<Imported, ImportError> {
    let remembered = options.layouts.find(&table.header).and_then(|layout| {
        chronology::Columns::from_names(&table.header, &layout.roles)
            .with_choices(&table.header, &layout.options)
            .ok()
    });
    let columns = chosen_columns(
        table,
        options.columns.as_ref().or(remembered.as_ref()),
        &options.column_choices,
    )?;
    let evaluation =
        chronology::rows::evaluate(table, &columns, Some(options.pair), &options.places);
    let facts = file_facts(path, &table.file, options, Format::Chronology);
    let file_name = facts.file_name.clone();
    let dataset = chronology::events::build(
        table,
        &evaluation,
        &columns,
        options.pair,
        &facts,
        Some(path),
    )
    .map_err(|kind| ImportError::whole(&table.file, kind))?;
    let report = chronology::events::report(table, &evaluation, &columns);
    Ok(Imported {
        report,
        dataset,
        file_name,
    })
}

/// Why there is nothing to import for `pair`, in the words of the error.
fn missing_pair(report: &FileReport, pair: Pair) -> ImportErrorKind {
    let wanted = pair.to_string();
    let pairs = report.pairs();
    let listed: Vec<String> = pairs
        .iter()
        .take(5)
        .map(|(p, rows)| format!("{p} ({}, {rows} rows)", p.codes()))
        .collect();
    let found = if listed.is_empty() {
        "no trade rows".to_owned()
    } else if pairs.len() > 5 {
        format!("{} and {} more pairs", listed.join(", "), pairs.len() - 5)
    } else {
        listed.join(", ")
    };
    if let Some(only) = report.only_pair()
        && only != pair
        && report.rows_for(pair) == 0
    {
        return ImportErrorKind::OtherPair {
            wanted,
            found: only.to_string(),
            codes: only.codes(),
        };
    }
    let [a, b] = pair.countries();
    let present = |id| {
        report
            .flows
            .iter()
            .any(|f| f.reporter == id || f.partner == id)
    };
    let table = countries();
    let name = |id| in_a_sentence(table.get(id).map_or("?", |c| c.name.as_str()));
    if !present(a) && !present(b) {
        return ImportErrorKind::PairNotInFile {
            wanted: format!("{} nor {}", name(a), name(b)),
            found,
        };
    }
    let rows = report.rows_for(pair);
    if rows > 0 {
        return ImportErrorKind::NoYearlyValuesForPair {
            between: format!("{} and {}", name(a), name(b)),
            rows,
            why: report.warnings.first().map_or_else(
                || "they cover less than a whole year".to_owned(),
                Clone::clone,
            ),
        };
    }
    let mut found = found;
    if let Some(warning) = report.warnings.first() {
        found.push_str("; ");
        found.push_str(warning);
    }
    ImportErrorKind::NoRowsForPair {
        between: format!("{} and {}", name(a), name(b)),
        found,
    }
}

/// A country's name as it reads inside a sentence: `the United States`, `the Netherlands`,
/// `Germany`.
fn in_a_sentence(name: &str) -> String {
    const WITH_THE: [&str; 9] = [
        "Bahamas",
        "Comoros",
        "Gambia",
        "Maldives",
        "Netherlands",
        "Philippines",
        "Seychelles",
        "World",
        "European Union",
    ];
    let takes_the = name.starts_with("United ")
        || name.contains("Republic")
        || name.ends_with("Islands")
        || WITH_THE.contains(&name);
    if takes_the {
        format!("the {name}")
    } else {
        name.to_owned()
    }
}

/// Merges an import into `base`, first removing any earlier import of the same file, so
/// importing a file again replaces its figures instead of doubling them.
pub(crate) fn merge_import(base: &mut Dataset, imported: Imported) -> Vec<Problem> {
    build::remove_import(base, &imported.file_name);
    merge_into(base, imported.dataset)
}

#[cfg(test)]
/// Takes an import of `file_name` out of `dataset` again; returns the points removed.
pub(crate) fn remove_import(dataset: &mut Dataset, file_name: &str) -> usize {
    build::remove_import(dataset, file_name)
}

/// The calendar day of `time` (UTC).
pub(crate) fn date_of(time: SystemTime) -> Option<PartialDate> {
    let seconds = time.duration_since(SystemTime::UNIX_EPOCH).ok()?.as_secs();
    let days = i64::try_from(seconds / 86_400).ok()?;
    let (year, month, day) = civil_from_days(days);
    Some(PartialDate {
        year,
        month: Some(month),
        day: Some(day),
        approximate: false,
    })
}

/// Howard Hinnant's days-to-civil algorithm: days since 1970-01-01 to (year, month, day).
pub(crate) fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (
        i32::try_from(year).unwrap_or(i32::MAX),
        u8::try_from(month).unwrap_or(1),
        u8::try_from(day).unwrap_or(1),
    )
}

#[cfg(test)]
mod tests;
