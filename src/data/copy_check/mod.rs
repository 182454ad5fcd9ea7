//! The copy check: the built-in dataset paraphrases the four articles it was compiled from
//! and does not repeat them. Every string of `assets/russia-iran.json` is checked, except
//! the titles of the cited articles (`sources[…].title`, quoted on purpose), against two
//! rules, once case, punctuation and British or American spelling are set aside ([`words`]):
//!
//! - **no exact run**: no eight words in a row as in an article ([`near::exact_runs`]);
//! - **no near copy**: no stretch that repeats an article with a word swapped, added or
//!   dropped every few words and weighs eight words or more, a name or figure counting as
//!   one word ([`near`] says how).
//!
//! # The fingerprint
//!
//! The articles are not in the repository. The check reads their fingerprint,
//! `tests/fixtures/copy-check/articles.fingerprint`: the 32-bit hashes of their runs of eight
//! words and of their pairs of two-word blocks ([`fingerprint`]), one a line, with no word.
//! It is a test input only: nothing in the product reads it, no package ships it and
//! `Cargo.toml` keeps it out of the crate. Regenerate it whenever the articles or the way
//! words are read change, from the folder that holds the articles (`*.txt`), and commit it:
//!
//! ```text
//! BILATERAL_SEEDS_DIR=/path/to/shared/seeds cargo test --lib regenerate_copy_fingerprint -- --ignored
//! ```
//!
//! # What the fingerprint protects, and what it does not
//!
//! The text cannot be read from the file: each line is 32 bits of a hash of four or eight
//! words. But a phrase can be *tested* against it: whoever guesses four words can hash them
//! and look them up. Four words are few enough for a dictionary attack with a large list of
//! English word sequences, and the pairs found chain into longer text, each guess checked
//! by the next pair and by the runs of eight. Keeping 32 bits of each hash makes about one
//! wrong guess in 77,000 match as well (the file holds some 56,000 of the 2³² values), which
//! blurs single pairs but not a chain of them. So someone determined, with a large n-gram
//! corpus and time, could rebuild much of the articles' wording. A key would not change
//! that: kept in the repository it is public, and kept out of it the test could not run on
//! a fresh clone. What the file achieves is that the repository does not carry the
//! articles' text in a readable form; it is not a secret. (The articles are public web
//! pages; what must not happen is that this repository republishes them.)
//!
//! # Known near copies
//!
//! [`known`] can let a near copy through by name while it is reworded; any other near copy
//! fails the check, and so does a listed string that is no longer one, so that the list only
//! shrinks. It is empty: issue 25 rewrote the 13 strings the check first found (the facts
//! audit of 2026-12-06, §1b), and every string of the built-in dataset passes.

mod fingerprint;
mod known;
mod made_up;
mod near;
mod words;

use std::path::{Path, PathBuf};

use fingerprint::Fingerprint;
use near::{NEAR_COPY_WEIGHT, Stretch, exact_runs, heaviest_stretch};

use super::builtin::builtin_json;

/// The fingerprint of the articles, relative to the crate root.
const FINGERPRINT_FILE: &str = "tests/fixtures/copy-check/articles.fingerprint";

/// The variable that names the articles' folder when the fingerprint is regenerated.
const SEEDS_VARIABLE: &str = "BILATERAL_SEEDS_DIR";

/// What the fingerprint file says about itself, before the hashes.
const FINGERPRINT_HEADER: &str = "\
The copy check's fingerprint of the source articles (src/data/copy_check/mod.rs).
No words: each line is 32 bits of a hash of eight consecutive words or of two 2-word blocks.
A test input only; not shipped. Regenerate, do not edit:
BILATERAL_SEEDS_DIR=/path/to/shared/seeds cargo test --lib regenerate_copy_fingerprint -- --ignored";

/// The committed fingerprint; a missing or damaged file fails the test that asks for it.
fn committed_fingerprint() -> Fingerprint {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(FINGERPRINT_FILE);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!(
            "the copy check needs {} ({error}); it is committed with the repository",
            path.display()
        )
    });
    Fingerprint::parse(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// Every string the check reads in the built-in dataset, with its path.
fn checked_strings() -> Vec<(String, String)> {
    let json = builtin_json().unwrap_or_else(|errors| panic!("{errors:?}"));
    let document: serde_json::Value =
        serde_json::from_slice(&json).unwrap_or_else(|error| panic!("{error}"));
    let mut strings = Vec::new();
    strings_with_paths(&document, "", &mut strings);
    strings.retain(|(path, _)| !is_cited_title(path));
    strings
}

/// Every string value in a JSON document with its path, such as `events[soviet-collapse].summary`:
/// an array item with an `id` is named by it, any other by its index.
fn strings_with_paths(value: &serde_json::Value, path: &str, out: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::String(text) => out.push((path.to_owned(), text.clone())),
        serde_json::Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                let name = item
                    .get("id")
                    .and_then(serde_json::Value::as_str)
                    .map_or_else(|| index.to_string(), str::to_owned);
                strings_with_paths(item, &format!("{path}[{name}]"), out);
            }
        }
        serde_json::Value::Object(members) => {
            for (key, member) in members {
                let child = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                strings_with_paths(member, &child, out);
            }
        }
        _ => {}
    }
}

/// Whether `path` is the title of a cited article, which the dataset may quote.
fn is_cited_title(path: &str) -> bool {
    path.strip_prefix("sources[")
        .and_then(|rest| rest.strip_suffix("].title"))
        .is_some_and(|id| !id.contains(['[', ']', '.']))
}

/// The strings of the built-in dataset that are near copies, with their heaviest stretch.
fn near_copies(fingerprint: &Fingerprint) -> Vec<(String, Stretch)> {
    checked_strings()
        .into_iter()
        .filter_map(|(path, text)| {
            heaviest_stretch(&text, fingerprint)
                .filter(|stretch| stretch.weight >= NEAR_COPY_WEIGHT)
                .map(|stretch| (path, stretch))
        })
        .collect()
}

/// The articles' texts in the order of their file names, or why they could not be read.
fn read_articles(dir: &Path) -> Result<Vec<String>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display())))
        .collect()
}

/// The built-in dataset paraphrases: no string shares eight words in a row with an article.
#[test]
fn the_builtin_dataset_repeats_no_run_of_eight_words_from_the_articles() {
    let fingerprint = committed_fingerprint();
    let strings = checked_strings();
    assert!(strings.len() > 100, "only {} strings found", strings.len());
    let copied: Vec<String> = strings
        .iter()
        .flat_map(|(path, text)| {
            exact_runs(text, &fingerprint)
                .into_iter()
                .map(move |stretch| format!("{path}: “{stretch}”"))
        })
        .collect();
    assert!(
        copied.is_empty(),
        "the built-in dataset repeats the articles word for word:\n{}",
        copied.join("\n")
    );
}

/// No string is a near copy of an article, but those listed in `known.rs` (none today).
#[test]
fn the_builtin_dataset_has_no_near_copy_but_the_known_ones() {
    let new: Vec<String> = near_copies(&committed_fingerprint())
        .into_iter()
        .filter(|(path, _)| known::finding(path).is_none())
        .map(|(path, stretch)| format!("{path} (weight {}): “{}”", stretch.weight, stretch.words))
        .collect();
    assert!(
        new.is_empty(),
        "near copies of the articles (words in brackets differ; reword them, do not list them \
         in known.rs):\n{}",
        new.join("\n")
    );
}

/// The allow-list only shrinks: each entry names a string that is still a near copy.
#[test]
fn every_known_near_copy_is_still_one() {
    let flagged: Vec<String> = near_copies(&committed_fingerprint())
        .into_iter()
        .map(|(path, _)| path)
        .collect();
    let paths: Vec<String> = checked_strings()
        .into_iter()
        .map(|(path, _)| path)
        .collect();
    let stale: Vec<String> = known::KNOWN_NEAR_COPIES
        .iter()
        .filter(|known| !flagged.iter().any(|path| path == known.path))
        .map(|known| {
            let why = if paths.iter().any(|path| path == known.path) {
                "is no longer a near copy"
            } else {
                "is not in the dataset"
            };
            format!("{} ({}) {why}", known.path, known.finding)
        })
        .collect();
    assert!(
        stale.is_empty(),
        "remove these from KNOWN_NEAR_COPIES in src/data/copy_check/known.rs:\n{}",
        stale.join("\n")
    );
}

#[test]
fn paths_name_array_items_by_id_and_cited_titles_are_left_out() {
    let document = serde_json::json!({
        "sources": [{"id": "one", "title": "A title"}],
        "events": [{"id": "e", "summary": "s"}],
        "story": [{"caption": "c"}],
    });
    let mut strings = Vec::new();
    strings_with_paths(&document, "", &mut strings);
    let paths: Vec<&str> = strings.iter().map(|(path, _)| path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "events[e].id",
            "events[e].summary",
            "sources[one].id",
            "sources[one].title",
            "story[0].caption"
        ]
    );
    assert!(is_cited_title("sources[one].title"));
    assert!(!is_cited_title("sources[one].note"));
    assert!(!is_cited_title("events[e].sources[one].title"));
}

/// Rewrites the committed fingerprint from the articles in `$BILATERAL_SEEDS_DIR`.
#[test]
#[ignore = "run by hand with BILATERAL_SEEDS_DIR set to the articles' folder"]
fn regenerate_copy_fingerprint() {
    let dir = std::env::var_os(SEEDS_VARIABLE)
        .unwrap_or_else(|| panic!("set {SEEDS_VARIABLE} to the folder of the articles (*.txt)"));
    let articles = read_articles(Path::new(&dir)).unwrap_or_else(|error| panic!("{error}"));
    assert!(!articles.is_empty(), "no .txt articles in {dir:?}");
    let fingerprint = Fingerprint::of_articles(&articles);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(FINGERPRINT_FILE);
    let old = std::fs::read_to_string(&path).ok();
    let new = fingerprint.render(FINGERPRINT_HEADER);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|error| panic!("{error}"));
    }
    std::fs::write(&path, &new).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    eprintln!(
        "{}: {} hashes from {} articles ({})",
        path.display(),
        fingerprint.len(),
        articles.len(),
        if old.as_deref() == Some(new.as_str()) {
            "unchanged"
        } else {
            "changed: commit it"
        }
    );
}
