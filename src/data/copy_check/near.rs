//! Finding what a text repeats of the articles, given their [`Fingerprint`]: exact runs of
//! eight words, and near copies.
//!
//! A **near copy** is found from the pairs of blocks (two 2-word blocks with at most two
//! words between them) that the text shares with the articles. Shared pairs that overlap in
//! two or more words are joined into one stretch: a sentence repeated with a word swapped,
//! added or dropped every few words stays one stretch, because each edit falls in the gap
//! of a pair that spans it. A stretch is weighed by its words, leaving out stopwords at
//! its ends and counting each name or figure as one word however long ("the Northern Grain
//! Exchange", "7,200"), so that names and numbers, which any paraphrase keeps, do not make
//! a copy. A stretch that weighs [`NEAR_COPY_WEIGHT`] or more is a near copy.

use std::collections::BTreeMap;

use super::fingerprint::{Fingerprint, Positions, RUN_WORDS, pairs, run_hashes};
use super::words::{Word, in_names, is_stopword, tokens, words};

/// The weight from which a stretch is a near copy: the eight words of the exact rule, with a
/// name or figure of several words counting as one.
pub(crate) const NEAR_COPY_WEIGHT: usize = 8;

/// The heaviest stretch of a text that the articles' pairs cover.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stretch {
    /// Its weight.
    pub(crate) weight: usize,
    /// Its words, those not shared in brackets: "a [b] c".
    pub(crate) words: String,
}

/// The longest stretches of `text` whose every run of [`RUN_WORDS`] words is the articles'.
pub(crate) fn exact_runs(text: &str, fingerprint: &Fingerprint) -> Vec<String> {
    let words = words(text);
    let mut stretches = Vec::new();
    let mut current: Option<(usize, usize)> = None;
    for (start, hash) in run_hashes(&words).enumerate() {
        if fingerprint.contains(hash) {
            let first = current.map_or(start, |(first, _)| first);
            current = Some((first, start + RUN_WORDS));
        } else if let Some((first, end)) = current.take() {
            stretches.push(words[first..end].join(" "));
        }
    }
    if let Some((first, end)) = current {
        stretches.push(words[first..end].join(" "));
    }
    stretches
}

/// The heaviest stretch of `text` made of pairs the articles share, if any pair is shared.
pub(crate) fn heaviest_stretch(text: &str, fingerprint: &Fingerprint) -> Option<Stretch> {
    let tokens = tokens(text);
    let plain: Vec<String> = tokens.iter().map(|word| word.text.clone()).collect();
    let shared: Vec<Positions> = pairs(&plain)
        .into_iter()
        .filter(|pair| fingerprint.contains(pair.hash))
        .map(|pair| pair.positions)
        .collect();
    let names = in_names(&tokens);
    joined(&shared)
        .into_iter()
        .filter_map(|positions| trimmed(&positions, &tokens))
        .map(|positions| Stretch {
            weight: weight(&positions, &names),
            words: shown(&positions, &tokens),
        })
        .max_by_key(|stretch| stretch.weight)
}

/// The word positions of each group of `pairs` joined by overlaps of two words or more,
/// sorted.
fn joined(pairs: &[Positions]) -> Vec<Vec<usize>> {
    let mut group: Vec<usize> = (0..pairs.len()).collect();
    for one in 0..pairs.len() {
        for two in one + 1..pairs.len() {
            let common = pairs[one]
                .iter()
                .filter(|position| pairs[two].contains(position))
                .count();
            if common >= 2 {
                let (a, b) = (root(&mut group, one), root(&mut group, two));
                group[a] = b;
            }
        }
    }
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (index, pair) in pairs.iter().enumerate() {
        members
            .entry(root(&mut group, index))
            .or_default()
            .extend(pair);
    }
    members
        .into_values()
        .map(|mut positions| {
            positions.sort_unstable();
            positions.dedup();
            positions
        })
        .collect()
}

/// The first member of the group of `at`, shortening the paths on the way (union-find).
fn root(group: &mut [usize], mut at: usize) -> usize {
    while group[at] != at {
        group[at] = group[group[at]];
        at = group[at];
    }
    at
}

/// `positions` without the stopwords at either end; `None` if nothing is left.
fn trimmed(positions: &[usize], tokens: &[Word]) -> Option<Vec<usize>> {
    let kept = |position: &usize| !is_stopword(&tokens[*position].text);
    let first = positions.iter().position(kept)?;
    let last = positions.iter().rposition(kept)?;
    Some(positions[first..=last].to_vec())
}

/// The weight of `positions`: one for each word, a run of name words counting once.
fn weight(positions: &[usize], names: &[bool]) -> usize {
    let mut weight = 0;
    let mut previous: Option<usize> = None;
    for &position in positions {
        let same_name = names[position]
            && previous.is_some_and(|previous| previous + 1 == position && names[previous]);
        if !same_name {
            weight += 1;
        }
        previous = Some(position);
    }
    weight
}

/// The words from the first of `positions` to the last, those not in it in brackets.
fn shown(positions: &[usize], tokens: &[Word]) -> String {
    let (Some(&first), Some(&last)) = (positions.first(), positions.last()) else {
        return String::new();
    };
    (first..=last)
        .map(|position| {
            let word = &tokens[position].text;
            if positions.contains(&position) {
                word.clone()
            } else {
                format!("[{word}]")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
