//! Trade files on the command line: `check` lists what they hold, `convert` and `export`
//! import them for a pair, alone as a new dataset or merged after a dataset file.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use clap::Args;

use crate::data::Dataset;
use crate::data::builtin::builtin_dataset;
use crate::data::country::Pair;
use crate::import::events::{
    self,
    build::{EventOptions, EventPeriod},
};
use crate::import::{
    Format, ImportOptions, import, import_events, merge_import, scan_with_columns,
};
use crate::io::{is_dataset_file, load_dataset_file};

/// Options for trade files given to `convert` and `export`.
#[derive(Debug, Clone, Default, Args)]
pub struct TradeArgs {
    /// The pair to take from trade files, such as RUS,IRN (codes or names). Without it:
    /// the dataset's two parties, or the only pair a trade file holds.
    #[arg(long, value_name = "ISO3,ISO3")]
    pub(crate) pair: Option<String>,
    /// A product code to take from trade files that hold several products and no total.
    #[arg(long, value_name = "CODE")]
    pub(crate) product: Option<String>,
    /// For GDELT and ICEWS event files: the period of each point of the event series
    /// (default: month).
    #[arg(long, value_enum, value_name = "PERIOD")]
    pub(crate) period: Option<PeriodArg>,
    /// For GDELT and ICEWS event files: how many of the most covered events become
    /// timeline events (default: 20).
    #[arg(long, value_name = "N")]
    pub(crate) top_events: Option<usize>,
    /// For a chronology: the column of a role, such as `title="Chinese Entity"`; roles
    /// are `date`, `end_date`, `month`, `title`, `summary`, `source`, `domain`, `stance`,
    /// `place`, `country`; also `day_order=dmy|mdy`, `default_domain=…`, `default_stance=…`,
    /// `other_columns=no`. Without it, the columns are guessed from the header.
    #[arg(long = "column", value_name = "ROLE=COLUMN")]
    pub(crate) columns: Vec<String>,
}

/// The period of event series, as `--period` takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum PeriodArg {
    /// Calendar months.
    Month,
    /// Calendar quarters.
    Quarter,
    /// Calendar years.
    Year,
}

impl TradeArgs {
    /// What event files make, as the options say.
    fn event_options(&self) -> EventOptions {
        let defaults = EventOptions::default();
        EventOptions {
            period: match self.period {
                None | Some(PeriodArg::Month) => EventPeriod::Month,
                Some(PeriodArg::Quarter) => EventPeriod::Quarter,
                Some(PeriodArg::Year) => EventPeriod::Year,
            },
            top_events: self.top_events.unwrap_or(defaults.top_events),
        }
    }
}

/// The files of a command line, with consecutive event files (GDELT, ICEWS) taken
/// together as one import.
fn grouped(files: &[PathBuf]) -> Vec<Vec<PathBuf>> {
    let mut groups: Vec<Vec<PathBuf>> = Vec::new();
    let mut in_events = false;
    for path in files {
        let is_events = !is_dataset_file(path) && events::sniff(path).is_some();
        match groups.last_mut() {
            Some(group) if is_events && in_events => group.push(path.clone()),
            _ => groups.push(vec![path.clone()]),
        }
        in_events = is_events;
    }
    groups
}

/// Checks one trade file and prints what it holds; returns true when it failed.
pub(crate) fn check_trade_file(
    path: &Path,
    columns: &[String],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> bool {
    let cancel = AtomicBool::new(false);
    match scan_with_columns(path, columns, &mut |_| {}, &cancel) {
        Ok(report) => {
            let _ = writeln!(out, "{report}");
            if report.format == Format::Chronology {
                // A chronology names no pair: `convert --pair` chooses it.
            } else if let Some(pair) = report.only_pair() {
                let _ = writeln!(out, "  pair: {pair} ({})", pair.codes());
            } else {
                let pairs: Vec<String> = report
                    .pairs()
                    .iter()
                    .take(5)
                    .map(|(pair, rows)| format!("{} ({rows})", pair.codes()))
                    .collect();
                let _ = writeln!(out, "  pairs: {}", pairs.join(", "));
            }
            false
        }
        Err(error) => {
            let _ = writeln!(err, "{error}");
            true
        }
    }
}

/// The built-in dataset when `files` is empty, else the files merged in order: dataset
/// files as they are, trade files imported for the pair. Errors are whole messages, each
/// with its file and place.
pub(crate) fn load_files(files: &[PathBuf], trade: &TradeArgs) -> Result<Dataset, Vec<String>> {
    let asked = match &trade.pair {
        Some(text) => Some(Pair::parse(text).map_err(|e| vec![format!("--pair: {e}")])?),
        None => None,
    };
    let groups = grouped(files);
    let Some((first_group, rest)) = groups.split_first() else {
        return builtin_dataset().map_err(|errors| vec![errors.to_string()]);
    };
    let first = &first_group[0];
    let mut errors = Vec::new();
    let mut dataset = if is_dataset_file(first) {
        let dataset = load_dataset_file(first).map_err(|errors| vec![errors.to_string()])?;
        if let (Some(asked), Some(parties)) = (asked, Pair::of_parties(&dataset.metadata.parties))
            && asked != parties
        {
            return Err(vec![format!(
                "--pair {} is not the pair of {} ({}): import the trade files alone to make a dataset for that pair",
                asked.codes(),
                first.display(),
                parties.codes()
            )]);
        }
        dataset
    } else {
        import_trade(first_group, asked, None, trade)
            .map_err(|message| vec![message])?
            .ok_or_else(|| vec![format!("{}: nothing imported", first.display())])?
    };
    for group in rest {
        let path = &group[0];
        if is_dataset_file(path) {
            match load_dataset_file(path) {
                Ok(other) => errors.extend(
                    crate::data::merge::merge_into(&mut dataset, other)
                        .into_iter()
                        .map(|problem| format!("{}: {problem}", path.display())),
                ),
                Err(more) => errors.push(more.to_string()),
            }
            continue;
        }
        let pair = asked.or_else(|| Pair::of_parties(&dataset.metadata.parties));
        if let Err(message) = import_trade(group, pair, Some(&mut dataset), trade) {
            errors.push(message);
        }
    }
    if errors.is_empty() {
        Ok(dataset)
    } else {
        Err(errors)
    }
}

/// Imports `paths` (one trade file, or event files read together) for `pair` (or the
/// file's only pair); merged into `into` when given, else returned as a new dataset.
fn import_trade(
    paths: &[PathBuf],
    pair: Option<Pair>,
    into: Option<&mut Dataset>,
    trade: &TradeArgs,
) -> Result<Option<Dataset>, String> {
    let cancel = AtomicBool::new(false);
    let path = paths
        .first()
        .map_or_else(|| Path::new(""), PathBuf::as_path);
    let pair = if let Some(pair) = pair {
        pair
    } else {
        let report = scan_with_columns(path, &trade.columns, &mut |_| {}, &cancel)
            .map_err(|e| e.to_string())?;
        if report.format == Format::Chronology {
            return Err(format!(
                "{}: a chronology does not say which pair it is of: choose one with --pair",
                path.display()
            ));
        }
        report.only_pair().ok_or_else(|| {
            let pairs: Vec<String> = report
                .pairs()
                .iter()
                .take(8)
                .map(|(pair, rows)| format!("{} ({rows} rows)", pair.codes()))
                .collect();
            format!(
                "{}: the file holds several pairs; choose one with --pair (found: {})",
                path.display(),
                pairs.join(", ")
            )
        })?
    };
    let options = ImportOptions {
        product: trade.product.clone(),
        events: trade.event_options(),
        column_choices: trade.columns.clone(),
        ..ImportOptions::new(pair)
    };
    let imported = if paths.len() > 1 {
        // Several event files: one import, named after their folder.
        let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
        import_events(
            paths,
            folder.unwrap_or(path),
            &options,
            &mut |_| {},
            &cancel,
        )
    } else {
        import(path, &options, &mut |_| {}, &cancel)
    }
    .map_err(|e| e.to_string())?;
    match into {
        Some(base) => {
            let conflicts = merge_import(base, imported);
            if let Some(problem) = conflicts.first() {
                return Err(format!("{}: {problem}", path.display()));
            }
            Ok(None)
        }
        None => Ok(Some(imported.dataset)),
    }
}
