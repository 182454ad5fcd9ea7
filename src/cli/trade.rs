//! Trade files on the command line: `check` lists what they hold, `convert` and `export`
//! import them for a pair, alone as a new dataset or merged after a dataset file.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use clap::Args;

use crate::data::Dataset;
use crate::data::builtin::builtin_dataset;
use crate::data::country::Pair;
use crate::import::{Format, ImportOptions, import, merge_import, scan_with_columns};
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
    /// For a chronology: the column of a role, such as `title="Chinese Entity"`; roles
    /// are `date`, `end_date`, `month`, `title`, `summary`, `source`, `domain`, `stance`,
    /// `place`, `country`; also `day_order=dmy|mdy`, `default_domain=…`, `default_stance=…`,
    /// `other_columns=no`. Without it, the columns are guessed from the header.
    #[arg(long = "column", value_name = "ROLE=COLUMN")]
    pub(crate) columns: Vec<String>,
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
    let Some((first, rest)) = files.split_first() else {
        return builtin_dataset().map_err(|errors| vec![errors.to_string()]);
    };
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
        import_trade(first, asked, None, trade)
            .map_err(|message| vec![message])?
            .ok_or_else(|| vec![format!("{}: nothing imported", first.display())])?
    };
    for path in rest {
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
        if let Err(message) = import_trade(path, pair, Some(&mut dataset), trade) {
            errors.push(message);
        }
    }
    if errors.is_empty() {
        Ok(dataset)
    } else {
        Err(errors)
    }
}

/// Imports `path` for `pair` (or the file's only pair); merged into `into` when given,
/// else returned as a new dataset.
fn import_trade(
    path: &Path,
    pair: Option<Pair>,
    into: Option<&mut Dataset>,
    trade: &TradeArgs,
) -> Result<Option<Dataset>, String> {
    let cancel = AtomicBool::new(false);
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
        column_choices: trade.columns.clone(),
        ..ImportOptions::new(pair)
    };
    let imported = import(path, &options, &mut |_| {}, &cancel).map_err(|e| e.to_string())?;
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
