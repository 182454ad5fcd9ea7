//! SIPRI and UN votes files in the window: the same import dialog as trade files shows
//! their layout and the pair's rows, and Import adds their events and series.

use bilateral::app::DataOrigin;
use bilateral::app::command::Command;
use bilateral::views::dialogs::import_dialog::DIALOG_TITLE;
use egui_kittest::kittest::Queryable;

use super::{run, run_until, scanned};
use crate::common::new_harness;
use crate::common::trade_fixture::relations_fixture;

#[test]
fn a_sipri_register_imports_its_deals_and_tiv_into_the_open_pair() {
    let register = relations_fixture("sipri/trade-register-new_excerpt.csv");
    let mut harness = new_harness();
    let builtin_events = harness.state().document().dataset().events.len();
    run(&mut harness, Command::OpenPath(register.clone()));
    harness.get_by_label(DIALOG_TITLE);
    run_until(&mut harness, "the scan", scanned);
    harness.get_by_label_contains("SIPRI trade register (new layout)");
    // The built-in pair is preselected and previewed: each supplier's rows.
    harness.get_by_label_contains("Rows of Russia–Iran: 154");
    harness.get_by_label("exports to Iran");
    harness.get_by_label("exports to Russia");
    harness.get_by_label("Import").click();
    run_until(&mut harness, "the import", |h| {
        !h.state().import_dialog_open()
    });
    let app = harness.state();
    assert_eq!(
        *app.document().origin(),
        DataOrigin::BuiltIn,
        "merged into the open relationship"
    );
    assert_eq!(app.document().dataset().events.len(), builtin_events + 31);
    let tiv = app
        .document()
        .dataset()
        .series
        .iter()
        .find(|s| s.id == "arms-tiv-rus-irn")
        .expect("TIV series");
    assert_eq!(tiv.unit, "SIPRI TIV mn");
    assert!(
        tiv.points
            .iter()
            .any(|p| p.year == 2016 && p.value == Some(413.0))
    );
}

#[test]
fn ideal_points_offer_every_pair_that_voted_in_the_same_sessions() {
    let points = relations_fixture("unga/idealpoints_excerpt.csv");
    let mut harness = new_harness();
    run(&mut harness, Command::OpenPath(points));
    run_until(&mut harness, "the scan", scanned);
    harness.get_by_label_contains("UN ideal-point estimates");
    // Russia (from session 47) and Iran (every session but the 19th) share 31 sessions.
    harness.get_by_label_contains("Rows of Russia–Iran: 31");
    harness.get_by_label_contains("voted alongside");
}
