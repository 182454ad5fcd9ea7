//! The bad-input corpus (tests/fixtures/bad-input/, written by scripts/make-bad-input.py):
//! every file goes through the loader that takes it, which must refuse it with the typed
//! error and the place that `expected.tsv` lists, and never panic.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use crate::data::LoadErrors;
use crate::data::country::Pair;
use crate::import::error::Position;
use crate::import::{ImportError, ImportOptions, import, scan};

/// What a loader said about one file: the error's kind (its variant, with the problem's
/// variant for a dataset that does not hold together) and its place (`line:column`,
/// `Sheet!A1`, `entry:line:column`, or `file` for the whole file), and the message.
#[derive(Debug, PartialEq)]
struct Refusal {
    kind: String,
    place: String,
    message: String,
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad-input")
}

/// `Invalid(CoordinateOutOfRange { … })` → `Invalid(CoordinateOutOfRange`; `Empty("…")` → `Empty`.
fn variant(debug: &str) -> String {
    debug
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '(')
        .collect::<String>()
        .trim_end_matches('(')
        .to_owned()
}

fn dataset_refusal(errors: &LoadErrors) -> Refusal {
    let first = errors.first().expect("a refusal lists at least one error");
    Refusal {
        kind: variant(&format!("{:?}", first.kind)),
        place: first
            .position
            .map_or_else(|| "file".to_owned(), |p| format!("{}:{}", p.line, p.column)),
        message: errors.to_string(),
    }
}

fn import_refusal(error: &ImportError) -> Refusal {
    let place = match &error.position {
        None => "file".to_owned(),
        Some(Position::Text { line, column }) => format!("{line}:{column}"),
        Some(Position::Cell { sheet, row, column }) => format!(
            "{sheet}!{}{}",
            crate::import::error::column_letters(*column),
            row + 1
        ),
        Some(Position::ZipEntry {
            entry,
            line,
            column,
        }) => format!("{entry}:{line}:{column}"),
        Some(Position::Row { group, row, column }) => format!("row {row} (group {group}) {column}"),
    };
    Refusal {
        kind: variant(&format!("{:?}", error.kind)),
        place,
        message: error.to_string(),
    }
}

/// Runs `path` through its loader: datasets and GeoJSON through [`crate::io::open_file`],
/// trade files through [`scan`], or [`import`] when a pair is given. `None` if it loaded.
fn refusal_of(path: &Path, pair: Option<Pair>) -> Option<Refusal> {
    let folder = path
        .parent()
        .and_then(Path::file_name)
        .and_then(|n| n.to_str());
    if matches!(folder, Some("dataset" | "geojson")) {
        return crate::io::open_file(path)
            .err()
            .map(|errors| dataset_refusal(&errors));
    }
    let cancel = AtomicBool::new(false);
    let result = match pair {
        None => scan(path, &mut |_| {}, &cancel).map(|_| ()),
        Some(pair) => import(path, &ImportOptions::new(pair), &mut |_| {}, &cancel).map(|_| ()),
    };
    result.err().map(|error| import_refusal(&error))
}

/// Every file under the corpus, as paths relative to it, sorted.
fn corpus_files(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    for folder in ["dataset", "geojson", "trade"] {
        let entries = std::fs::read_dir(dir.join(folder)).expect("a corpus folder");
        for entry in entries {
            let name = entry.expect("an entry").file_name();
            files.push(format!("{folder}/{}", name.to_string_lossy()));
        }
    }
    files.sort();
    files
}

#[test]
fn every_malformed_file_is_refused_with_its_kind_and_place() {
    let dir = corpus_dir();
    let listed = std::fs::read_to_string(dir.join("expected.tsv")).expect("expected.tsv");
    let mut expected = Vec::new();
    for line in listed
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 4, "expected.tsv: `{line}` needs 4 fields");
        expected.push((fields[0], fields[1], fields[2], fields[3]));
    }
    let files = corpus_files(&dir);
    let mut failures = String::new();
    for file in &files {
        if !expected.iter().any(|(name, ..)| name == file) {
            let _ = writeln!(failures, "{file}: not in expected.tsv");
        }
    }
    for (file, pair, kind, place) in &expected {
        if !files.iter().any(|name| name == file) {
            let _ = writeln!(failures, "{file}: listed but not in the corpus");
            continue;
        }
        let pair = (*pair != "-").then(|| Pair::parse(pair).expect("a pair in expected.tsv"));
        let path = dir.join(file);
        let outcome = std::panic::catch_unwind(|| refusal_of(&path, pair));
        match outcome {
            Err(_) => {
                let _ = writeln!(failures, "{file}: panicked");
            }
            Ok(None) => {
                let _ = writeln!(failures, "{file}: loaded, but must be refused");
            }
            Ok(Some(refusal)) => {
                let path_text = path.display().to_string();
                let named = refusal.message.starts_with(&path_text);
                if refusal.kind != *kind || refusal.place != *place || !named {
                    let _ = writeln!(
                        failures,
                        "{file}: expected {kind} at {place}, got\n{file}\t-\t{}\t{}\t({})",
                        refusal.kind, refusal.place, refusal.message
                    );
                }
            }
        }
    }
    println!("bad-input corpus: {} files", files.len());
    assert!(failures.is_empty(), "{failures}");
}
