//! The copying check: no text in the built-in dataset shares a run of eight or more
//! words with any of the articles it was compiled from, once case, punctuation and
//! British or American spelling are set aside.
//!
//! The articles stay outside the product: they are read from `../shared/seeds/` beside
//! the crate. Under CI (`CI` set) a missing folder fails the test; elsewhere the test
//! says it skipped and why.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::builtin::builtin_json;

/// The shortest run of shared words that counts as copying.
const RUN_WORDS: usize = 8;

/// Where the articles are, relative to the crate root.
const SEEDS_DIR: &str = "../shared/seeds";

/// British spellings (and a few variants) mapped to the American ones; everything else
/// ending in -ise/-ised/-ises/-ising/-isation is mapped to -iz- by rule.
const SPELLING: &[(&str, &str)] = &[
    ("neighbour", "neighbor"),
    ("neighbours", "neighbors"),
    ("neighbouring", "neighboring"),
    ("defence", "defense"),
    ("offence", "offense"),
    ("licence", "license"),
    ("programme", "program"),
    ("programmes", "programs"),
    ("favour", "favor"),
    ("favoured", "favored"),
    ("favourable", "favorable"),
    ("honour", "honor"),
    ("labour", "labor"),
    ("colour", "color"),
    ("colourful", "colorful"),
    ("behaviour", "behavior"),
    ("endeavour", "endeavor"),
    ("harbour", "harbor"),
    ("armour", "armor"),
    ("rumour", "rumor"),
    ("vigour", "vigor"),
    ("centre", "center"),
    ("centres", "centers"),
    ("metre", "meter"),
    ("kilometre", "kilometer"),
    ("kilometres", "kilometers"),
    ("theatre", "theater"),
    ("travelled", "traveled"),
    ("travelling", "traveling"),
    ("cancelled", "canceled"),
    ("fuelled", "fueled"),
    ("labelled", "labeled"),
    ("modelled", "modeled"),
    ("signalled", "signaled"),
    ("levelled", "leveled"),
    ("channelled", "channeled"),
    ("totalled", "totaled"),
    ("totalling", "totaling"),
    ("counselling", "counseling"),
    ("analyse", "analyze"),
    ("analysed", "analyzed"),
    ("paralyse", "paralyze"),
    ("manoeuvre", "maneuver"),
    ("manoeuvring", "maneuvering"),
    ("sceptical", "skeptical"),
    ("judgement", "judgment"),
    ("towards", "toward"),
    ("afterwards", "afterward"),
    ("grey", "gray"),
    ("catalogue", "catalog"),
];

/// The words of `text`, lower-case, without punctuation, in American spelling.
/// Dashes and slashes split words, apostrophes do not, and "U.S." is one word.
fn words(text: &str) -> Vec<String> {
    let lower = text
        .to_lowercase()
        .replace(['\u{2019}', '\u{2018}', '\u{02bc}'], "'")
        .replace("u.s.", "us")
        .replace("u.k.", "uk")
        .replace("per cent", "percent");
    lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|word| word.replace('\'', ""))
        .filter(|word| !word.is_empty())
        .map(|word| american(&word))
        .collect()
}

fn american(word: &str) -> String {
    if let Some((_, us)) = SPELLING.iter().find(|(uk, _)| *uk == word) {
        return (*us).to_owned();
    }
    for (uk, us) in [
        ("isations", "izations"),
        ("isation", "ization"),
        ("ising", "izing"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ise", "ize"),
    ] {
        if let Some(stem) = word.strip_suffix(uk)
            && stem.len() >= 3
        {
            return format!("{stem}{us}");
        }
    }
    word.to_owned()
}

/// Every run of `RUN_WORDS` consecutive words in the articles.
fn article_runs(articles: &[String]) -> HashSet<Vec<String>> {
    articles
        .iter()
        .flat_map(|article| {
            let words = words(article);
            words
                .windows(RUN_WORDS)
                .map(<[String]>::to_vec)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The longest stretches of `text` whose every run of `RUN_WORDS` words is in `runs`.
fn copied_stretches(text: &str, runs: &HashSet<Vec<String>>) -> Vec<String> {
    let words = words(text);
    let mut stretches = Vec::new();
    let mut current: Option<(usize, usize)> = None;
    for (start, window) in words.windows(RUN_WORDS).enumerate() {
        if runs.contains(window) {
            current = match current {
                Some((first, _)) => Some((first, start + RUN_WORDS)),
                None => Some((start, start + RUN_WORDS)),
            };
        } else if let Some((first, end)) = current.take() {
            stretches.push(words[first..end].join(" "));
        }
    }
    if let Some((first, end)) = current {
        stretches.push(words[first..end].join(" "));
    }
    stretches
}

/// Every string value in a JSON document with its path, such as `events[3].summary`.
fn strings_with_paths(value: &serde_json::Value, path: &str, out: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::String(text) => out.push((path.to_owned(), text.clone())),
        serde_json::Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                strings_with_paths(item, &format!("{path}[{index}]"), out);
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

/// The articles' texts, or why they could not be read.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_set_aside_case_punctuation_and_british_spelling() {
        assert_eq!(
            words("The U.S. Defence programme—a good Neighbour’s centre, organised!"),
            [
                "the",
                "us",
                "defense",
                "program",
                "a",
                "good",
                "neighbors",
                "center",
                "organized"
            ]
        );
        assert_eq!(words("Organisation"), words("organization"));
        assert_eq!(words("17 per cent"), words("17 percent"));
    }

    #[test]
    fn eight_shared_words_are_caught_and_seven_are_not() {
        let article = "In it, he declared that Iran will be a good neighbor to the Soviet Union \
                       and warned that communism would collapse."
            .to_owned();
        let runs = article_runs(&[article]);
        let copied = copied_stretches(
            "Khomeini promised that Iran would be a good neighbour to the Soviet Union, he said.",
            &runs,
        );
        assert_eq!(copied, ["be a good neighbor to the soviet union"]);
        let seven = copied_stretches("Iran would be a good neighbour to the Soviets.", &runs);
        assert!(seven.is_empty(), "{seven:?}");
    }

    /// The built-in dataset paraphrases: no string shares eight words in a row with an article.
    #[test]
    fn the_builtin_dataset_copies_no_run_of_eight_words_from_the_articles() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(SEEDS_DIR);
        if !dir.is_dir() {
            let message = format!(
                "the copying check needs the source articles in {}, which is missing",
                dir.display()
            );
            assert!(std::env::var_os("CI").is_none(), "{message}");
            eprintln!("SKIPPED: {message}; the built-in dataset was not checked for copying");
            return;
        }
        let articles = read_articles(&dir).unwrap_or_else(|error| panic!("{error}"));
        assert!(
            !articles.is_empty(),
            "no .txt articles in {}: nothing to check against",
            dir.display()
        );
        let runs = article_runs(&articles);
        let document: serde_json::Value =
            serde_json::from_slice(&builtin_json().expect("inflates"))
                .expect("the built-in dataset is JSON");
        let mut strings = Vec::new();
        strings_with_paths(&document, "", &mut strings);
        assert!(strings.len() > 100, "only {} strings found", strings.len());
        let copied: Vec<String> = strings
            .iter()
            .flat_map(|(path, text)| {
                copied_stretches(text, &runs)
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
}
