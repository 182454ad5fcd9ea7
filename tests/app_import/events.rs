//! GDELT events in the window: what the import dialog chose holds when the file changes.

use bilateral::app::BilateralApp;
use bilateral::app::command::Command;
use bilateral::data::SubYear;
use egui_kittest::kittest::Queryable;

use super::{pick_country, run, run_until, scanned};
use crate::common::new_harness;

/// The points of series `id`: year, part of the year, value.
fn periodic_points(app: &BilateralApp, id: &str) -> Vec<(i32, Option<SubYear>, f64)> {
    app.document()
        .dataset()
        .series
        .iter()
        .find(|s| s.id == id)
        .map(|s| {
            s.points
                .iter()
                .filter_map(|p| p.value.map(|v| (p.year, p.period, v)))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_changed_gdelt_file_is_read_again_with_the_period_the_dialog_chose() {
    let export = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/relations/events/gdelt2_20180326044500_excerpt.export.CSV");
    let text = std::fs::read_to_string(export).expect("fixture");
    let folder = tempfile::tempdir().expect("temp dir");
    let copy = folder.path().join("20180326044500.export.CSV");
    std::fs::write(&copy, &text).expect("copy");
    let mut harness = new_harness();
    run(&mut harness, Command::OpenPath(copy.clone()));
    run_until(&mut harness, "the scan", scanned);
    if harness.query_by_label("Iran (IRN)").is_some() {
        pick_country(&mut harness, "Iran (IRN)", "united states");
    }
    harness.get_by_label("quarter").click();
    harness.run_steps(2);
    harness.get_by_label("Start a new relationship").click();
    run_until(&mut harness, "the import", |h| {
        !h.state().import_dialog_open()
    });
    // United States → Russia: three `173` events (741918440–442), material conflict, in
    // the first quarter of 2018.
    let id = "gdelt-usa-rus-material-conflict";
    let q1 = Some(SubYear::Quarter(1));
    assert_eq!(periodic_points(harness.state(), id), [(2018, q1, 3.0)]);

    // 741918440 (line 18) leaves the file: read again, still by quarter.
    let changed: Vec<&str> = text
        .lines()
        .filter(|line| !line.starts_with("741918440\t"))
        .collect();
    assert_eq!(changed.len(), 27);
    std::fs::write(&copy, changed.join("\n") + "\n").expect("write");
    run_until(&mut harness, "the file read again", |h| {
        periodic_points(h.state(), id) != [(2018, q1, 3.0)]
    });
    assert_eq!(periodic_points(harness.state(), id), [(2018, q1, 2.0)]);
}
