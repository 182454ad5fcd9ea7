//! Properties that hold for any dataset, not only the ones written by hand: the built-in
//! dataset with its values, texts, flags and coordinates replaced by generated ones.
//!
//! - `convert` then `check` then `convert` is stable: the JSON a dataset writes loads
//!   (checks included) to the same dataset, which writes the same JSON.
//! - Merging a dataset into itself changes nothing and reports no conflict.
//! - The CSV export reads back to the same series, years, values, flags, sources and notes.
//! - The date parser and its EDTF output round-trip.

use proptest::prelude::*;

use crate::data::builtin::builtin_dataset;
use crate::data::json::{parse_dataset, to_json};
use crate::data::merge::merge_into;
use crate::data::validate::validate;
use crate::data::{Dataset, PartialDate};
use crate::export::csv::{dataset_csv, parse_dataset_csv};

/// What replaces the built-in dataset's own values, cycled over its records.
#[derive(Debug, Clone)]
struct Variation {
    values: Vec<f64>,
    flags: Vec<bool>,
    texts: Vec<String>,
    coordinates: Vec<(f64, f64)>,
}

/// Any text that is not blank: every character, quotes, separators and line ends included.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..24)
        .prop_map(|chars| format!("x{}", chars.into_iter().collect::<String>()))
}

fn variation() -> impl Strategy<Value = Variation> {
    let value = prop_oneof![
        prop::num::f64::NORMAL | prop::num::f64::ZERO | prop::num::f64::SUBNORMAL,
        -1.0e6..1.0e6_f64,
    ];
    (
        prop::collection::vec(value, 1..64),
        prop::collection::vec(any::<bool>(), 1..64),
        prop::collection::vec(text(), 1..32),
        prop::collection::vec((-180.0..=180.0_f64, -90.0..=90.0_f64), 1..16),
    )
        .prop_map(|(values, flags, texts, coordinates)| Variation {
            values,
            flags,
            texts,
            coordinates,
        })
}

/// The built-in dataset with `variation` applied; it must still hold together.
fn varied(variation: &Variation) -> Dataset {
    let mut dataset = builtin_dataset().expect("the built-in dataset loads");
    let points = dataset.series.iter_mut().flat_map(|s| s.points.iter_mut());
    for (index, point) in points.enumerate() {
        if point.value.is_some() {
            point.value = Some(variation.values[index % variation.values.len()]);
        }
        point.approximate = variation.flags[index % variation.flags.len()];
        point.note = variation.texts[index % variation.texts.len()].clone();
    }
    for (index, event) in dataset.events.iter_mut().enumerate() {
        event.title = variation.texts[index % variation.texts.len()].clone();
        event.summary = variation.texts[(index + 1) % variation.texts.len()].clone();
    }
    for (index, place) in dataset.places.iter_mut().enumerate() {
        let (lon, lat) = variation.coordinates[index % variation.coordinates.len()];
        place.lon = lon;
        place.lat = lat;
        place.name = variation.texts[index % variation.texts.len()].clone();
    }
    dataset
}

/// The first line where `before` and `after` differ, both ways, for a readable failure.
fn first_difference(before: &str, after: &str) -> String {
    before
        .lines()
        .zip(after.lines())
        .enumerate()
        .find(|(_, (a, b))| a != b)
        .map_or_else(
            || "one is longer".to_owned(),
            |(line, (a, b))| format!("line {}: {a:?} became {b:?}", line + 1),
        )
}

fn date() -> impl Strategy<Value = PartialDate> {
    (
        0..=9999_i32,
        prop::option::of(1..=12_u8),
        1..=31_u8,
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(year, month, day, with_day, approximate)| {
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            let last = match month {
                Some(2) if leap => 29,
                Some(2) => 28,
                Some(4 | 6 | 9 | 11) => 30,
                _ => 31,
            };
            PartialDate {
                year,
                month,
                day: (month.is_some() && with_day).then_some(day.min(last)),
                approximate,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn convert_check_convert_is_stable(variation in variation()) {
        let dataset = varied(&variation);
        prop_assert_eq!(validate(&dataset), Vec::new());
        let written = to_json(&dataset);
        let checked = parse_dataset(written.as_bytes(), "converted.json");
        prop_assert!(checked.is_ok(), "{:?}", checked.err().map(|e| e.to_string()));
        let checked = checked.expect("checked above");
        let again = to_json(&checked);
        prop_assert!(again == written, "the JSON changed: {}", first_difference(&written, &again));
        prop_assert_eq!(checked, dataset);
    }

    #[test]
    fn merging_a_dataset_into_itself_changes_nothing(variation in variation()) {
        let dataset = varied(&variation);
        let mut merged = dataset.clone();
        let conflicts = merge_into(&mut merged, dataset.clone());
        prop_assert_eq!(conflicts, Vec::new());
        prop_assert_eq!(merged, dataset);
    }

    #[test]
    fn csv_export_reads_back_to_the_same_values(variation in variation()) {
        let dataset = varied(&variation);
        let read = parse_dataset_csv(&dataset_csv(&dataset));
        prop_assert!(read.is_ok(), "{:?}", read.as_ref().err());
        let read = read.expect("checked above");
        let points: Vec<_> = dataset
            .series
            .iter()
            .flat_map(|s| s.points.iter().map(move |p| (s, p)))
            .collect();
        prop_assert_eq!(read.len(), points.len());
        for (row, (series, point)) in read.iter().zip(points) {
            prop_assert_eq!(&row.series_id, &series.id);
            prop_assert_eq!(&row.series_label, &series.label);
            prop_assert_eq!(&row.unit, &series.unit);
            prop_assert_eq!(row.kind, series.kind);
            prop_assert_eq!(row.year, point.year);
            prop_assert_eq!(row.value, point.value);
            prop_assert_eq!(row.range, point.range());
            prop_assert_eq!(row.approximate, point.approximate);
            prop_assert_eq!(&row.sources, &point.sources);
            prop_assert_eq!(&row.note, &point.note);
        }
    }

    #[test]
    fn a_date_round_trips_through_its_edtf(date in date()) {
        let text = date.to_edtf();
        prop_assert_eq!(PartialDate::parse(&text), Ok(date));
    }

    #[test]
    fn edtf_text_that_parses_is_written_back_unchanged(
        text in "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?~?"
    ) {
        if let Ok(date) = PartialDate::parse(&text) {
            prop_assert_eq!(date.to_edtf(), text);
        }
    }
}
