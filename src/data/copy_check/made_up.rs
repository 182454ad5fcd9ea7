//! The check calibrated on a made-up article (no source article's text is in the
//! repository): near copies of its sentences with one word swapped, two words swapped or a
//! clause dropped are caught; a paraphrase and the names and figures any retelling keeps
//! are not.

use super::fingerprint::Fingerprint;
use super::near::{NEAR_COPY_WEIGHT, exact_runs, heaviest_stretch};

/// An article written for these tests, about a port that does not exist.
const ARTICLE: &str = "The river port at Varnholm was rebuilt in 1987, after a long quarrel \
    between the two provinces over who would pay for the new cranes. Engineers from the coastal \
    authority argued that the old quays could not bear modern barges, and the provincial \
    council finally agreed to share the cost with the national treasury. The cranes, which had \
    been ordered from a distant shipyard, arrived two years late and cost twice the first \
    estimate. Within a decade the port handled more grain than any other harbour on the upper \
    river, although small farmers complained that the new tariffs favoured the large \
    cooperatives. The Northern Grain Exchange of Varnholm, which is the oldest market on the \
    river, still publishes its prices every Thursday morning.";

/// The made-up article's fingerprint.
fn fingerprint() -> Fingerprint {
    Fingerprint::of_articles(&[ARTICLE.to_owned()])
}

/// The weight of `text`'s heaviest stretch against the made-up article (0 if none).
fn weight(text: &str) -> usize {
    heaviest_stretch(text, &fingerprint()).map_or(0, |stretch| stretch.weight)
}

/// Asserts that `text` is a near copy and repeats no eight words in a row, so that only the
/// near-copy rule can catch it.
fn assert_near_copy_only(text: &str) {
    assert!(
        exact_runs(text, &fingerprint()).is_empty(),
        "{text}: has a run of eight, not a test of the near rule"
    );
    let stretch = heaviest_stretch(text, &fingerprint());
    assert!(
        stretch
            .as_ref()
            .is_some_and(|stretch| stretch.weight >= NEAR_COPY_WEIGHT),
        "{text}: not caught ({stretch:?})"
    );
}

#[test]
fn eight_words_in_a_row_are_caught_and_seven_are_not() {
    let runs = exact_runs(
        "It was rebuilt in 1987 after a long quarrel between the two provinces over money.",
        &fingerprint(),
    );
    assert_eq!(
        runs,
        ["was rebuilt in 1987 after a long quarrel between the two provinces over"]
    );
    let seven = "They met after a long quarrel between the two sides.";
    assert!(exact_runs(seven, &fingerprint()).is_empty());
    assert!(weight(seven) < NEAR_COPY_WEIGHT, "{}", weight(seven));
}

#[test]
fn a_sentence_with_one_word_swapped_is_a_near_copy() {
    assert_near_copy_only(
        "The coastal authority argued that the ageing quays could not bear modern barges.",
    );
    assert_near_copy_only(
        "The provincial council finally agreed to split the cost with the national treasury.",
    );
}

#[test]
fn a_sentence_with_two_words_swapped_is_a_near_copy() {
    assert_near_copy_only(
        "Within a decade the port shipped more grain than any other dock on the upper river.",
    );
}

#[test]
fn a_sentence_with_a_clause_dropped_is_a_near_copy() {
    assert_near_copy_only(
        "The Northern Grain Exchange of Varnholm, the oldest market on the river, still posts \
         its prices every Thursday morning.",
    );
    assert_near_copy_only("The cranes arrived two years late and cost double the first estimate.");
}

#[test]
fn a_paraphrase_is_not_a_near_copy() {
    let paraphrase = "Modern barges were too heavy for the old quays at Varnholm, engineers \
                      said, so the council and the treasury split the bill.";
    assert!(
        weight(paraphrase) < NEAR_COPY_WEIGHT,
        "{}",
        weight(paraphrase)
    );
}

#[test]
fn names_and_figures_a_retelling_keeps_are_not_a_near_copy() {
    let names = "In 1987 the Northern Grain Exchange of Varnholm and the coastal authority met \
                 every Thursday morning on the upper river.";
    assert!(weight(names) < NEAR_COPY_WEIGHT, "{}", weight(names));
}

#[test]
fn the_stretch_shows_the_words_that_differ() {
    let stretch = heaviest_stretch(
        "Within a decade the port shipped more grain than any other dock on the upper river.",
        &fingerprint(),
    );
    assert_eq!(
        stretch.map(|stretch| stretch.words),
        Some(
            "within a decade the port [shipped] more grain than any other [dock] on the upper river"
                .to_owned()
        )
    );
}
