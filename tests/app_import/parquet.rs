//! A Parquet file in the window: the import dialog previews a tidy table that polars wrote
//! as it does a CSV, and imports it.

use bilateral::app::command::Command;
use bilateral::views::dialogs::import_dialog::DIALOG_TITLE;
use eframe::egui::accesskit::Toggled;
use egui_kittest::kittest::{NodeT, Queryable};

use super::{pick_country, run, run_until, scanned, series_points};
use crate::common::new_harness;

#[test]
fn a_parquet_tidy_table_is_previewed_and_imported_like_a_csv() {
    let parquet = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/parquet/tidy_trade_tha_8542.polars.parquet");
    let mut harness = new_harness();
    run(&mut harness, Command::OpenPath(parquet));
    harness.get_by_label(DIALOG_TITLE);
    run_until(&mut harness, "the scan", scanned);
    harness.get_by_label_contains("tidy trade table");
    // Russia–Thailand: Thailand's reports of its imports from Russia, one row a year in
    // 2014 and 2016–2024. The file has no Russia–Iran, which is preselected once the
    // built-in data is on screen (else the file's first pair, the World and Thailand).
    if harness.query_by_label("Iran (IRN)").is_some() {
        pick_country(&mut harness, "Iran (IRN)", "thailand");
    } else {
        pick_country(&mut harness, "World (WLD)", "russia");
    }
    harness.get_by_label_contains("Rows of Russia–Thailand: 10");
    harness.get_by_label("imports from Russia");
    harness.get_by_label("Start a new relationship").click();
    run_until(&mut harness, "the import", |h| {
        !h.state().import_dialog_open()
    });
    let imports = series_points(
        harness.state(),
        "trade-rus-to-tha-reported-by-tha-product-8542",
    );
    // 49,909.144 US$ in 2022, as the Comtrade download writes it, in USD bn.
    assert!(imports.contains(&(2022, 49_909.144e-9)), "{imports:?}");
}

#[test]
fn the_dialog_offers_the_period_and_the_most_covered_events_for_gdelt_parquet() {
    let parquet = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/parquet/gdelt2_20180326044500_excerpt.polars.parquet");
    let mut harness = new_harness();
    run(&mut harness, Command::OpenPath(parquet));
    run_until(&mut harness, "the scan", scanned);
    harness.get_by_label_contains("GDELT 2.0 event export");
    // Russia and the United States: the built-in pair is preselected once the built-in data
    // is on screen (else the file's largest pair, Russia and the United States).
    if harness.query_by_label("Iran (IRN)").is_some() {
        pick_country(&mut harness, "Iran (IRN)", "united states");
    }
    harness.get_by_label("Russia (RUS)");
    harness.get_by_label("United States (USA)");
    harness.get_by_label("Most covered events on the timeline:");
    let toggled = |harness: &egui_kittest::Harness<'static, bilateral::app::BilateralApp>,
                   label: &str| {
        harness.get_by_label(label).accesskit_node().toggled()
    };
    assert_eq!(toggled(&harness, "month"), Some(Toggled::True));
    harness.get_by_label("quarter").click();
    harness.run_steps(2);
    assert_eq!(toggled(&harness, "quarter"), Some(Toggled::True));
    assert_eq!(toggled(&harness, "month"), Some(Toggled::False));

    // Imported by quarter: United States → Russia, three `173` events (741918440–442),
    // material conflict, in the first quarter of 2018, as from the CSV export.
    harness.get_by_label("Start a new relationship").click();
    run_until(&mut harness, "the import", |h| {
        !h.state().import_dialog_open()
    });
    let quarters: Vec<_> = harness
        .state()
        .document()
        .dataset()
        .series
        .iter()
        .find(|s| s.id == "gdelt-usa-rus-material-conflict")
        .map(|s| {
            s.points
                .iter()
                .map(|p| (p.year, p.period, p.value))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        quarters,
        [(2018, Some(bilateral::data::SubYear::Quarter(1)), Some(3.0))]
    );
}
