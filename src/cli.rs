//! The command line: open the window, or check and convert files without one.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use crate::data::builtin::builtin_dataset;
use crate::data::json::to_json;
use crate::data::merge::merge_into;
use crate::data::summary::DatasetSummary;
use crate::data::{Dataset, LoadError, LoadErrorKind, LoadErrors};
use crate::io::{OpenedFile, load_dataset_file, open_file};

/// Bilateral: a desktop atlas of the relationship between two countries.
#[derive(Debug, Parser)]
#[command(
    name = "bilateral",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// What to do; without one, the window opens.
    #[command(subcommand)]
    pub command: Option<CliCommand>,
    /// A dataset to open in the window instead of the built-in data.
    pub file: Option<PathBuf>,
}

/// Commands that run without a window.
#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// Check dataset or GeoJSON files and print a summary of each, or every error as file:line:column: message.
    Check {
        /// Files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Write the dataset (the built-in one, or FILEs merged in order) as normalized JSON.
    Convert {
        /// Files to merge; none means the built-in dataset.
        files: Vec<PathBuf>,
        /// Where to write; standard output when absent.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

/// Runs `bilateral check`; returns the process exit code (0 all valid, 1 any error).
pub fn run_check(files: &[PathBuf], out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let mut failed = false;
    for path in files {
        match open_file(path) {
            Ok(OpenedFile::Dataset(dataset)) => {
                let _ = writeln!(
                    out,
                    "{}: ok: {}",
                    path.display(),
                    DatasetSummary::of(&dataset)
                );
            }
            Ok(OpenedFile::Layer(layer)) => {
                let _ = writeln!(
                    out,
                    "{}: ok: GeoJSON layer, {} features",
                    path.display(),
                    layer.features.len()
                );
            }
            Err(errors) => {
                failed = true;
                let _ = writeln!(err, "{errors}");
            }
        }
    }
    u8::from(failed)
}

/// Runs `bilateral convert`; returns the process exit code.
pub fn run_convert(
    files: &[PathBuf],
    output: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let dataset = match load_merged(files) {
        Ok(dataset) => dataset,
        Err(errors) => {
            let _ = writeln!(err, "{errors}");
            return 1;
        }
    };
    let text = to_json(&dataset);
    let written = match output {
        Some(path) => crate::io::write_atomically(path, text.as_bytes())
            .map_err(|e| format!("{}: could not write: {e}", path.display())),
        None => out
            .write_all(text.as_bytes())
            .map_err(|e| format!("could not write to standard output: {e}")),
    };
    match written {
        Ok(()) => 0,
        Err(message) => {
            let _ = writeln!(err, "{message}");
            1
        }
    }
}

/// The built-in dataset when `files` is empty, else the files merged in order.
pub fn load_merged(files: &[PathBuf]) -> Result<Dataset, LoadErrors> {
    let Some((first, rest)) = files.split_first() else {
        return builtin_dataset();
    };
    let mut dataset = load_dataset_file(first)?;
    let mut errors = Vec::new();
    for path in rest {
        match load_dataset_file(path) {
            Ok(other) => {
                errors.extend(merge_into(&mut dataset, other).into_iter().map(|problem| {
                    LoadError {
                        file: path.display().to_string(),
                        position: None,
                        kind: LoadErrorKind::Invalid(problem),
                    }
                }));
            }
            Err(LoadErrors(more)) => errors.extend(more),
        }
    }
    if errors.is_empty() {
        Ok(dataset)
    } else {
        Err(LoadErrors(errors))
    }
}
