//! Trade files in the window: the import dialog, its progress bar and Cancel, the list of
//! imports, and the mirror view. Part of `app_test` (one test binary).

use std::path::{Path, PathBuf};
use std::time::Duration;

use bilateral::app::command::Command;
use bilateral::app::{BilateralApp, DataOrigin, Message};
use bilateral::data::country::Pair;
use bilateral::views::dialogs::import_dialog::DIALOG_TITLE;
use bilateral::views::trade::MIRROR_TOGGLE;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use crate::common::trade_fixture::trade_fixture;
use crate::common::{new_harness, run, run_until};

mod chronology;
mod events;
mod parquet;
mod relations;

fn scanned(harness: &Harness<'static, BilateralApp>) -> bool {
    harness.query_by_label("Layout").is_some()
        || harness
            .query_by_label_contains("cannot be imported")
            .is_some()
}

/// Picks a country in the picker now showing `current` by typing `typed` and Enter.
pub(super) fn pick_country(
    harness: &mut Harness<'static, BilateralApp>,
    current: &str,
    typed: &str,
) {
    harness.get_by_label(current).click();
    harness.run_steps(2);
    harness
        .get_by_role(egui::accesskit::Role::TextInput)
        .type_text(typed);
    harness.run_steps(2);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
}

fn series_points(app: &BilateralApp, id: &str) -> Vec<(i32, f64)> {
    app.document()
        .dataset()
        .series
        .iter()
        .find(|s| s.id == id)
        .map(|s| {
            s.points
                .iter()
                .filter_map(|p| p.value.map(|v| (p.year, v)))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_import_dialog_preselects_the_pair_previews_it_and_imports_by_label() {
    // WITS's trade summary for Russia: Russia's own reports of its trade with 13 partners.
    let wits = trade_fixture("wits/en_RUS_AllYears_WITS_Trade_Summary.CSV");
    let mut harness = new_harness();
    let builtin_series = harness.state().document().dataset().series.len();
    // Opening a trade file (File ▸ Open, a recent file, a drop) opens the import dialog.
    run(&mut harness, Command::OpenPath(wits.clone()));
    harness.get_by_label(DIALOG_TITLE);
    run_until(&mut harness, "the scan", scanned);
    harness.get_by_label_contains("WITS trade summary");
    // The open dataset's pair is preselected; the file has no Iran, and says so.
    harness.get_by_label("Russia (RUS)");
    harness.get_by_label("Iran (IRN)");
    harness.get_by_label_contains("The file has no rows of Russia–Iran");
    assert!(
        harness
            .get_by_label("Import")
            .accesskit_node()
            .is_disabled(),
        "nothing to import for a pair the file does not hold"
    );

    // Choose China instead: the preview shows Russia's rows with China before importing.
    pick_country(&mut harness, "Iran (IRN)", "china");
    harness.get_by_label("China (CHN)");
    harness.get_by_label_contains("Rows of Russia–China: 28");
    // Russia's own reports, each direction with its years and rows.
    harness.get_by_label("exports to China");
    harness.get_by_label("imports from China");
    harness.get_by_label("Start a new relationship").click();
    run_until(&mut harness, "the import", |h| {
        !h.state().import_dialog_open()
    });
    let app = harness.state();
    assert_eq!(*app.document().origin(), DataOrigin::Imported(wits.clone()));
    let parties: Vec<&str> = app
        .document()
        .dataset()
        .metadata
        .parties
        .iter()
        .map(|p| p.iso_alpha3.as_str())
        .collect();
    assert_eq!(parties, ["RUS", "CHN"]);
    // Values as the file holds them (US$ thousand, shown in USD bn).
    let exports = series_points(app, "trade-rus-to-chn-reported-by-rus");
    assert!(exports.contains(&(2003, 8.2576)), "{exports:?}");
    assert_eq!(exports.first(), Some(&(1996, 4.75037)));
    let imports = series_points(app, "trade-chn-to-rus-reported-by-rus");
    assert_eq!(imports.first(), Some(&(2002, 2.40113)));
    let points_after_first: usize = app
        .document()
        .dataset()
        .series
        .iter()
        .map(|s| s.points.len())
        .sum();
    let series_after_first = app.document().dataset().series.len();
    assert_ne!(series_after_first, builtin_series);
    assert!(matches!(&app.message(), Some(Message::Notice(text)) if text.contains("Imported")));

    // The same file again: now the dataset's pair is Russia–China and Import merges into
    // it, replacing the earlier import instead of doubling it.
    run(&mut harness, Command::OpenPath(wits.clone()));
    run_until(&mut harness, "the second scan", scanned);
    harness.get_by_label("Russia (RUS)");
    harness.get_by_label("China (CHN)");
    harness.get_by_label("Import").click();
    run_until(&mut harness, "the second import", |h| {
        !h.state().import_dialog_open()
    });
    let app = harness.state();
    let points_after_second: usize = app
        .document()
        .dataset()
        .series
        .iter()
        .map(|s| s.points.len())
        .sum();
    assert_eq!(app.document().dataset().series.len(), series_after_first);
    assert_eq!(points_after_second, points_after_first);
    assert_eq!(app.document().imports().len(), 1);

    // File ▸ Imports… lists it; Remove takes its points out; Revert still works.
    run(&mut harness, Command::ShowImports);
    harness.get_by_label(
        "WITS trade summary: en_RUS_AllYears_WITS_Trade_Summary.CSV (Russia's reports)",
    );
    harness.get_by_label_contains("import-en-rus-allyears-wits-trade-summary-csv · ");
    harness.get_by_label("Remove").click();
    harness.run_steps(3);
    let app = harness.state();
    assert!(series_points(app, "trade-rus-to-chn-reported-by-rus").is_empty());
    assert!(app.document().imports().is_empty());
    run(&mut harness, Command::RevertToBuiltin);
    assert_eq!(*harness.state().document().origin(), DataOrigin::BuiltIn);
    assert_eq!(
        harness.state().document().dataset().series.len(),
        builtin_series
    );
}

/// A tidy table of Russia–Iran rows, large enough that importing it takes a while.
fn write_large_tidy_table(folder: &Path, rows: usize) -> PathBuf {
    use std::io::Write;
    let path = folder.join("large-russia-iran.csv");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).expect("create"));
    writeln!(file, "year,reporter,partner,flow,value,unit").expect("write");
    for row in 0..rows {
        let year = 1992 + (row % 32);
        writeln!(file, "{year},RUS,IRN,exports,{}.5,USD", row % 1000).expect("write");
    }
    file.flush().expect("flush");
    path
}

#[test]
fn the_progress_bar_shows_rows_and_cancel_leaves_the_data_as_it_was() {
    let folder = tempfile::tempdir().expect("temp dir");
    let large = write_large_tidy_table(folder.path(), 3_000_000);
    let mut harness = new_harness();
    let before = harness.state().document().dataset().clone();
    let pair = Pair::parse("RUS,IRN").expect("pair");
    run(
        &mut harness,
        Command::ImportTradeFile {
            path: large.clone(),
            pair,
            new_relationship: false,
        },
    );
    // The window keeps drawing while the import runs on its thread: the bar counts rows.
    harness.get_by_label_contains("Importing the figures of Russia–Iran");
    run_until(&mut harness, "a progress report", |h| {
        h.query_by_label_contains("rows/s").is_some()
    });
    harness.get_by_label_contains(" MB of ");
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert!(!harness.state().import_dialog_open());
    // Whatever the stopped thread still does, the data on screen stays as it was.
    std::thread::sleep(Duration::from_millis(300));
    harness.run_steps(3);
    let app = harness.state();
    assert_eq!(*app.document().dataset(), before);
    assert!(app.document().imports().is_empty());
    assert!(
        matches!(&app.message(), Some(Message::Notice(text)) if text.contains("cancelled")),
        "{:?}",
        app.message()
    );
}

#[test]
fn a_file_that_does_not_read_shows_where_and_keeps_the_data() {
    let folder = tempfile::tempdir().expect("temp dir");
    let bad = folder.path().join("bad.csv");
    std::fs::write(
        &bad,
        "year,reporter,partner,flow,value,unit\n2010,RUS,IRN,exports,3.36,USD bn\n2011,RUS,IRN,exports,many,USD bn\n",
    )
    .expect("write");
    let mut harness = new_harness();
    let before = harness.state().document().dataset().clone();
    run(&mut harness, Command::OpenPath(bad.clone()));
    run_until(&mut harness, "the scan", scanned);
    harness.get_by_label_contains("bad.csv:3:");
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert!(!harness.state().import_dialog_open());
    assert_eq!(*harness.state().document().dataset(), before);
}

#[test]
fn the_mirror_view_shows_both_reports_their_gap_and_one_sided_years() {
    // Both governments' figures for 2010 as the issue quotes them, and a year only one
    // side reported each way.
    let folder = tempfile::tempdir().expect("temp dir");
    let table = folder.path().join("mirror.csv");
    std::fs::write(
        &table,
        "year,reporter,partner,flow,value,unit,valuation\n\
         2010,RUS,IRN,exports,3.36,USD bn,FOB\n\
         2010,IRN,RUS,imports,1.15,USD bn,CIF\n\
         2011,RUS,IRN,exports,3.0,USD bn,FOB\n\
         2022,IRN,RUS,imports,2.0,USD bn,CIF\n",
    )
    .expect("write");
    let mut harness = new_harness();
    run(
        &mut harness,
        Command::ImportTradeFile {
            path: table,
            pair: Pair::parse("RUS,IRN").expect("pair"),
            new_relationship: false,
        },
    );
    run_until(&mut harness, "the import", |h| {
        !h.state().import_dialog_open()
    });
    harness.get_by_label(MIRROR_TOGGLE).click();
    harness.run_steps(3);
    assert!(harness.state().views().trade.mirror.shown);
    harness.get_by_label("Russia's report (exports, FOB), USD bn");
    harness.get_by_label("Iran's report (imports, CIF), USD bn");
    harness.get_by_label("3.36");
    harness.get_by_label("1.15");
    harness.get_by_label("×0.34");
    harness.get_by_label("only Russia reported");
    harness.get_by_label("only Iran reported");
    harness.get_by_label_contains("Reported by one side only: 2011, 2022");
    harness
        .get_by_label("Gap as a difference (importer − exporter)")
        .click();
    harness.run_steps(3);
    harness.get_by_label("-2.21 USD bn");
}

#[test]
fn a_changed_dataset_file_is_read_again_and_a_broken_version_leaves_the_data() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = crate::write_valid_dataset(folder.path());
    let mut harness = new_harness();
    run(&mut harness, Command::OpenPath(path.clone()));
    assert_eq!(
        harness.state().document().dataset().metadata.title,
        "Edited pair"
    );

    let mut changed = harness.state().document().dataset().clone();
    changed.metadata.title = "Edited on disk".to_owned();
    std::fs::write(&path, bilateral::data::json::to_json(&changed)).expect("write");
    run_until(&mut harness, "the dataset read again", |h| {
        h.state().document().dataset().metadata.title == "Edited on disk"
    });
    harness.get_by_label_contains("changed on disk and was read again");

    std::fs::write(&path, "{\n  \"metadata\": {\n    \"title\": 3,\n").expect("write");
    run_until(&mut harness, "the broken version refused", |h| {
        matches!(h.state().message(), Some(Message::LoadFailed { .. }))
    });
    assert_eq!(*harness.state().document().dataset(), changed);
    harness.get_by_label_contains("The data on screen is unchanged");
}

#[test]
fn a_changed_trade_file_is_imported_again_and_a_broken_version_leaves_the_data() {
    let folder = tempfile::tempdir().expect("temp dir");
    let table = folder.path().join("figures.csv");
    let header = "year,reporter,partner,flow,value,unit\n";
    std::fs::write(
        &table,
        format!("{header}2010,RUS,IRN,exports,3.36,USD bn\n"),
    )
    .expect("write");
    let mut harness = new_harness();
    run(
        &mut harness,
        Command::ImportTradeFile {
            path: table.clone(),
            pair: Pair::parse("RUS,IRN").expect("pair"),
            new_relationship: false,
        },
    );
    run_until(&mut harness, "the import", |h| {
        !h.state().import_dialog_open()
    });
    let id = "trade-rus-to-irn-reported-by-rus";
    assert_eq!(series_points(harness.state(), id), [(2010, 3.36)]);

    std::fs::write(&table, format!("{header}2010,RUS,IRN,exports,3.5,USD bn\n")).expect("write");
    run_until(&mut harness, "the file imported again", |h| {
        series_points(h.state(), id) == [(2010, 3.5)]
    });

    std::fs::write(
        &table,
        format!("{header}2010,RUS,IRN,exports,lots,USD bn\n"),
    )
    .expect("write");
    run_until(
        &mut harness,
        "the broken version refused",
        |h| matches!(&h.state().message(), Some(Message::Notice(text)) if text.contains("does not read")),
    );
    harness.get_by_label_contains("figures.csv:2:");
    assert_eq!(series_points(harness.state(), id), [(2010, 3.5)]);
}

#[test]
fn a_file_holding_only_another_pair_offers_a_new_relationship_instead_of_mixing_it_in() {
    // A legacy Comtrade download: the EU's exports of sorghum (HS 1007) to Ukraine.
    let legacy = trade_fixture("comtrade_legacy/comtrade_EU28_UKR_X_1007.csv");
    let mut harness = new_harness();
    let before = harness.state().document().dataset().clone();
    run(&mut harness, Command::OpenPath(legacy.clone()));
    run_until(&mut harness, "the scan", scanned);
    // The file's only pair is chosen, not the dataset's, and the dialog says why.
    harness.get_by_label("European Union (EUU)");
    harness.get_by_label("Ukraine (UKR)");
    harness.get_by_label_contains("This file holds only European Union–Ukraine");
    assert!(
        harness.query_by_label("Import").is_none(),
        "no merge is offered"
    );
    assert_eq!(
        *harness.state().document().dataset(),
        before,
        "nothing changes before the click"
    );
    harness.get_by_label("Start a new relationship").click();
    run_until(&mut harness, "the import", |h| {
        !h.state().import_dialog_open()
    });
    let app = harness.state();
    assert_eq!(*app.document().origin(), DataOrigin::Imported(legacy));
    let parties: Vec<&str> = app
        .document()
        .dataset()
        .metadata
        .parties
        .iter()
        .map(|p| p.iso_alpha3.as_str())
        .collect();
    assert_eq!(parties, ["EUU", "UKR"]);
    let exports = series_points(app, "trade-euu-to-ukr-reported-by-euu-product-1007");
    assert_eq!(exports.first(), Some(&(2000, 2.8171e-05)));
    assert!(
        app.document()
            .dataset()
            .series
            .iter()
            .all(|s| s.id.contains("-euu-")),
        "only the new pair's series: nothing of Russia–Iran is mixed in"
    );
}

#[test]
fn escape_closes_the_country_list_first_then_the_import_dialog() {
    let wits = trade_fixture("wits/en_RUS_AllYears_WITS_Trade_Summary.CSV");
    let mut harness = new_harness();
    run(&mut harness, Command::OpenPath(wits));
    run_until(&mut harness, "the scan", scanned);
    harness.get_by_label("Iran (IRN)").click();
    harness.run_steps(2);
    harness.get_by_role(egui::accesskit::Role::TextInput);
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert!(
        harness
            .query_by_role(egui::accesskit::Role::TextInput)
            .is_none(),
        "the list closed"
    );
    assert!(harness.state().import_dialog_open(), "the dialog stays");
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert!(!harness.state().import_dialog_open());
}

#[test]
fn after_a_new_relationship_an_import_brings_the_time_cursor_to_its_years() {
    let legacy = trade_fixture("comtrade_legacy/comtrade_EU28_UKR_X_1007.csv");
    let mut harness = new_harness();
    let pair = Pair::parse("EUU,UKR").expect("pair");
    run(&mut harness, Command::NewRelationship(pair));
    let empty_at = harness.state().cursor().year;
    assert!(
        empty_at > 2020,
        "an empty relationship sits at its own date: {empty_at}"
    );
    run(
        &mut harness,
        Command::ImportTradeFile {
            path: legacy,
            pair,
            new_relationship: false,
        },
    );
    run_until(&mut harness, "the import", |h| {
        !h.state().document().dataset().series.is_empty()
    });
    // The file's sorghum exports run 2000–2020: the cursor goes to its latest year.
    assert_eq!(harness.state().cursor().year, 2020);
}
