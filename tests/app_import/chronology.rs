//! A chronology in the window: the import dialog shows the columns it guessed, what they
//! make and the rows it cannot read, and Import adds one event per row read.

use bilateral::app::DataOrigin;
use bilateral::app::command::Command;
use bilateral::views::dialogs::import_dialog::DIALOG_TITLE;
use egui_kittest::kittest::Queryable;

use super::{pick_country, run, run_until, scanned};
use crate::common::new_harness;
use crate::common::trade_fixture::relations_fixture;

#[test]
fn a_chronology_shows_its_columns_and_unreadable_rows_and_imports_its_events() {
    let monitor = relations_fixture("chronology/cir_monitor_excerpt.csv");
    let mut harness = new_harness();
    let builtin_events = harness.state().document().dataset().events.len();
    run(&mut harness, Command::OpenPath(monitor));
    harness.get_by_label(DIALOG_TITLE);
    run_until(&mut harness, "the scan", scanned);
    harness.get_by_label_contains("Chronology of events");
    // The guess, one combo box per role, with each column's first value beside it.
    harness.get_by_label("Columns guessed from the header; check and change any of them:");
    harness.get_by_label("2022-01-01");
    harness.get_by_label("Russian military equipment moving in Belarus");
    harness.get_by_label("Petrishki");
    // Russia–Iran is preselected: the Russian rows and the two without a country make
    // events; the Belarusian and Ukrainian rows name neither country.
    harness.get_by_label("38 rows make events; 27 name countries other than Russia–Iran");
    // For Russia–Ukraine the four undated Ukrainian rows are listed with their place.
    pick_country(&mut harness, "Iran (IRN)", "ukraine");
    harness.get_by_label(
        "40 rows make events; 4 cannot be read; 21 name countries other than Russia–Ukraine",
    );
    harness
        .get_by_label("line 66, column 8: `date`: `` is not a date: no date; the row is left out");
    harness.get_by_label("Start a new relationship").click();
    run_until(&mut harness, "the import", |h| {
        !h.state().import_dialog_open()
    });
    let app = harness.state();
    assert_ne!(*app.document().origin(), DataOrigin::BuiltIn);
    let dataset = app.document().dataset();
    assert_eq!(dataset.metadata.title, "Russia and Ukraine");
    assert_eq!(dataset.events.len(), 40);
    assert!(builtin_events > 40);
    let event = dataset
        .events
        .iter()
        .find(|e| e.title == "02/01/2022 Russian military equipment on the road")
        .expect("the first Russian row");
    assert_eq!(event.date.to_string(), "2022-01-02");
    assert!(
        event
            .sources
            .iter()
            .any(|id| id == "import-cir-monitor-excerpt-csv--chronology")
    );
}
