//! The whole app driven through egui_kittest: what a person sees and clicks.

#![allow(
    clippy::expect_used,
    reason = "a failed expectation is a failed test, with its message"
)]

mod common;

use bilateral::app::{AppOptions, DataOrigin, Message};
use bilateral::chart::{self, MarkerRole};
use bilateral::command::Command;
use bilateral::data::builtin::builtin_dataset;
use bilateral::data::json::to_json;
use bilateral::data::{LoadErrorKind, SeriesKind};
use bilateral::settings::SettingsStore;
use bilateral::views::ViewKind;
use common::{harness_with, new_harness};
use eframe::egui;
use egui_kittest::kittest::Queryable;

/// A file dropped from the desktop, as winit hands it over.
#[derive(Debug)]
struct FileOnDisk(std::path::PathBuf);

impl egui::DroppedFile for FileOnDisk {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// A valid dataset file: the built-in one under another title.
fn write_valid_dataset(folder: &std::path::Path) -> std::path::PathBuf {
    let mut dataset = builtin_dataset().expect("built-in loads");
    dataset.metadata.title = "Edited pair".to_owned();
    let path = folder.join("edited.json");
    std::fs::write(&path, to_json(&dataset)).expect("write");
    path
}

fn turnover_id(app: &bilateral::app::BilateralApp) -> String {
    app.dataset
        .series
        .iter()
        .find(|s| s.kind == SeriesKind::TradeTurnover)
        .map(|s| s.id.clone())
        .expect("a turnover series")
}

#[test]
fn starts_on_the_built_in_data_with_the_seed_turnover_points_drawn() {
    let harness = new_harness();
    let app = harness.state();
    assert_eq!(app.origin, DataOrigin::BuiltIn);
    assert_eq!(app.view, ViewKind::Trade);
    let turnover = turnover_id(app);
    let model = chart::build(&app.dataset, &app.trade.options);
    let drawn: Vec<(f64, f64)> = model
        .visible_markers()
        .filter(|(series, _)| series.id == turnover)
        .map(|(_, marker)| (marker.x, marker.value))
        .collect();
    for seed in [
        (2010.0, 3.5),
        (2011.0, 3.5),
        (2015.0, 1.2),
        (2022.0, 5.0),
        (2023.0, 4.0),
    ] {
        assert!(drawn.contains(&seed), "{seed:?} missing from {drawn:?}");
    }
    let on_screen = app
        .trade
        .marker_positions
        .iter()
        .filter(|(point, _, _)| point.series_id == turnover)
        .count();
    assert_eq!(on_screen, drawn.len(), "every turnover marker is drawn");
    harness.get_by_label("Russia and Iran");
}

#[test]
fn hovering_a_point_shows_its_value_flags_and_full_citation() {
    let mut harness = new_harness();
    let turnover = turnover_id(harness.state());
    let (point, position) = {
        let app = harness.state();
        let (point, _, position) = app
            .trade
            .marker_positions
            .iter()
            .find(|(point, role, _)| {
                point.series_id == turnover
                    && *role == MarkerRole::Value
                    && app
                        .dataset
                        .series
                        .iter()
                        .any(|s| s.id == turnover && s.points[point.index].year == 2015)
            })
            .cloned()
            .expect("2015 is drawn");
        (point, position)
    };
    let citations_before = harness.query_all_by_label_contains("Dmitri Trenin").count();
    harness.hover_at(position);
    // Tooltips appear once the pointer has rested for a moment.
    harness.run_steps(60);
    assert_eq!(
        harness.state().trade.hovered.as_ref().map(|(p, _)| p),
        Some(&point)
    );
    harness.get_by_label_contains("Value: about 1.2 USD bn");
    harness.get_by_label_contains("Approximate");
    assert_eq!(
        harness.query_all_by_label_contains("Dmitri Trenin").count(),
        citations_before + 1,
        "the tooltip adds the full citation beside the sources panel's"
    );
}

#[test]
fn clicking_a_point_selects_it_and_highlights_its_source() {
    let mut harness = new_harness();
    let turnover = turnover_id(harness.state());
    let (point, position) = harness
        .state()
        .trade
        .marker_positions
        .iter()
        .rev()
        .find(|(point, _, _)| point.series_id == turnover)
        .map(|(point, _, position)| (point.clone(), *position))
        .expect("a turnover marker");
    harness.hover_at(position);
    harness.run_steps(2);
    common::click_at(&harness, position);
    harness.run_steps(3);
    let app = harness.state();
    assert_eq!(app.trade.selected.as_ref(), Some(&point));
    let cited = app.trade.selected_sources(&app.dataset);
    assert!(!cited.is_empty());
    harness.get_by_label_contains("» ");
    harness.get_by_label("Clear selection").click();
    harness.run_steps(2);
    assert!(harness.state().trade.selected.is_none());
}

#[test]
fn views_switch_by_tab_and_by_shortcut() {
    let mut harness = new_harness();
    harness.get_by_label("Events").click();
    harness.run_steps(2);
    assert_eq!(harness.state().view, ViewKind::Events);
    harness.get_by_label_contains("Treaty of Gulistan");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num4);
    harness.run_steps(2);
    assert_eq!(harness.state().view, ViewKind::Sources);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num1);
    harness.run_steps(2);
    assert_eq!(harness.state().view, ViewKind::Trade);
}

#[test]
fn opening_a_valid_file_replaces_the_data_and_remembers_it() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = write_valid_dataset(folder.path());
    let mut harness = new_harness();
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .run(&ctx, Command::OpenPath(path.clone()));
    harness.run_steps(2);
    let app = harness.state();
    assert_eq!(app.dataset.metadata.title, "Edited pair");
    assert_eq!(app.origin, DataOrigin::File(path.clone()));
    assert_eq!(app.settings.recent_files.first(), Some(&path));
    assert!(app.message.is_none());
    harness.get_by_label("Edited pair");
}

#[test]
fn a_bad_file_after_a_good_one_shows_where_it_is_wrong_and_keeps_the_good_data() {
    let folder = tempfile::tempdir().expect("temp dir");
    let good = write_valid_dataset(folder.path());
    let bad = folder.path().join("bad.json");
    std::fs::write(&bad, "{\n  \"metadata\": {\n    \"title\": 3,\n").expect("write");
    let mut harness = new_harness();
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .run(&ctx, Command::OpenPath(good.clone()));
    harness
        .state_mut()
        .run(&ctx, Command::OpenPath(bad.clone()));
    harness.run_steps(2);
    let app = harness.state();
    assert_eq!(app.dataset.metadata.title, "Edited pair");
    assert_eq!(app.origin, DataOrigin::File(good));
    let Some(Message::LoadFailed { errors }) = &app.message else {
        panic!("expected a load error, got {:?}", app.message);
    };
    let error = errors.first().expect("one error");
    assert!(matches!(error.kind, LoadErrorKind::Syntax(_)));
    assert_eq!(error.position.map(|p| p.line), Some(4));
    harness.get_by_label_contains("The data on screen is unchanged");
    harness.get_by_label_contains(&format!("{}:4:", bad.display()));
    harness.get_by_label("Dismiss").click();
    harness.run_steps(2);
    assert!(harness.state().message.is_none());
    harness.get_by_label("Edited pair");
}

#[test]
fn a_dropped_file_opens_through_the_same_path() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = write_valid_dataset(folder.path());
    let mut harness = new_harness();
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(FileOnDisk(path.clone())));
    harness.run_steps(2);
    assert_eq!(harness.state().origin, DataOrigin::File(path));
}

#[test]
fn revert_from_the_file_menu_brings_back_the_built_in_data() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = write_valid_dataset(folder.path());
    let mut harness = harness_with(AppOptions::load(SettingsStore::in_memory(), Some(path)));
    assert_eq!(harness.state().dataset.metadata.title, "Edited pair");
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Revert to built-in data").click();
    harness.run_steps(2);
    assert_eq!(harness.state().origin, DataOrigin::BuiltIn);
    assert_eq!(
        harness.state().dataset,
        builtin_dataset().expect("built-in loads")
    );
}

#[test]
fn chart_options_are_switched_by_their_labels() {
    let mut harness = new_harness();
    harness.get_by_label("Log scale").click();
    harness.run_steps(2);
    assert!(harness.state().trade.options.log_scale);
    harness.get_by_label("Connect gaps").click();
    harness.run_steps(2);
    assert!(harness.state().trade.options.connect_gaps);
    harness.get_by_label("Year-over-year change").click();
    harness.run_steps(2);
    assert_eq!(
        harness.state().trade.options.mode,
        bilateral::chart::ChartMode::YearOverYear
    );
}

#[test]
fn the_last_view_and_recent_files_survive_a_restart() {
    let folder = tempfile::tempdir().expect("temp dir");
    let settings_path = folder.path().join("config/settings.json");
    let dataset_path = write_valid_dataset(folder.path());
    {
        let mut harness = harness_with(AppOptions::load(
            SettingsStore::at(settings_path.clone()),
            Some(dataset_path.clone()),
        ));
        harness.get_by_label("Events").click();
        harness.run_steps(2);
    }
    let harness = harness_with(AppOptions::load(SettingsStore::at(settings_path), None));
    assert_eq!(harness.state().view, ViewKind::Events);
    assert_eq!(harness.state().settings.recent_files, vec![dataset_path]);
}

#[test]
fn a_corrupt_settings_file_gives_defaults_and_a_visible_warning() {
    let folder = tempfile::tempdir().expect("temp dir");
    let settings_path = folder.path().join("settings.json");
    std::fs::write(&settings_path, "{{{").expect("write");
    let harness = harness_with(AppOptions::load(SettingsStore::at(settings_path), None));
    assert_eq!(harness.state().view, ViewKind::Trade);
    harness.get_by_label_contains("settings file");
}

/// The trade view as rendered (wgpu on Mesa's software renderer), compared with the
/// committed image in `tests/snapshots/`.
#[cfg(feature = "snapshots")]
#[test]
fn snapshot_trade_default() {
    let mut harness = new_harness();
    harness.run_steps(2);
    harness.snapshot("trade_default");
}

/// Opens the map and sets its year, as the slider does.
fn map_at_year(year: i32) -> egui_kittest::Harness<'static, bilateral::app::BilateralApp> {
    let mut harness = new_harness();
    harness.get_by_label("Map").click();
    harness.run_steps(2);
    let app = harness.state_mut();
    let dataset = app.dataset.clone();
    app.map.filter_mut(&dataset).year = year;
    harness.run_steps(2);
    harness
}

fn place_drawn(
    harness: &egui_kittest::Harness<'static, bilateral::app::BilateralApp>,
    id: &str,
) -> Option<egui::Pos2> {
    harness
        .state()
        .map
        .place_positions
        .iter()
        .find(|(place, _)| place == id)
        .map(|(_, position)| *position)
}

#[test]
fn the_map_of_2016_and_the_map_of_2023_differ() {
    let harness = map_at_year(2016);
    assert_eq!(harness.state().view, ViewKind::Map);
    assert!(place_drawn(&harness, "shahid-nojeh-air-base").is_some());
    assert!(place_drawn(&harness, "incheh-boroun").is_none());
    let harness = map_at_year(2023);
    assert!(place_drawn(&harness, "shahid-nojeh-air-base").is_none());
    assert!(place_drawn(&harness, "incheh-boroun").is_some());
}

#[test]
fn hovering_a_place_names_it_and_clicking_opens_its_events_and_sources() {
    let mut harness = map_at_year(2016);
    let position = place_drawn(&harness, "shahid-nojeh-air-base").expect("Hamadan drawn in 2016");
    harness.hover_at(position);
    harness.run_steps(60);
    assert_eq!(
        harness.state().map.hovered,
        Some(bilateral::views::map::MapItem::Place(
            "shahid-nojeh-air-base".into()
        ))
    );
    harness.get_by_label_contains("Click for details");
    common::click_at(&harness, position);
    harness.remove_cursor();
    harness.run_steps(3);
    assert_eq!(
        harness.state().map.selected,
        Some(bilateral::views::map::MapItem::Place(
            "shahid-nojeh-air-base".into()
        ))
    );
    harness.get_by_label("Events here");
    harness.get_by_label_contains("Russian bombers fly from Shahid Nojeh");
    harness.get_by_label_contains("Foreign Affairs, 2016");
}

#[test]
fn switching_a_domain_off_hides_its_places() {
    let mut harness = map_at_year(2016);
    assert!(place_drawn(&harness, "shahid-nojeh-air-base").is_some());
    harness.get_by_label("military").click();
    harness.run_steps(2);
    assert!(place_drawn(&harness, "shahid-nojeh-air-base").is_none());
    assert!(place_drawn(&harness, "bushehr-nuclear-plant").is_some());
}

#[test]
fn a_geojson_file_adds_a_layer_and_a_bad_one_leaves_the_map_as_it_was() {
    let folder = tempfile::tempdir().expect("temp dir");
    let good = folder.path().join("route.geojson");
    std::fs::write(
        &good,
        r#"{"type": "FeatureCollection", "features": [{"type": "Feature",
            "properties": {"name": "Test route", "domain": "transport", "stance": "cooperation"},
            "geometry": {"type": "LineString", "coordinates": [[47.5, 42.9], [51.4, 35.7]]}}]}"#,
    )
    .expect("write");
    let bad = folder.path().join("broken.geojson");
    std::fs::write(
        &bad,
        r#"{"type": "LineString", "coordinates": [[47.5, 42.9]]}"#,
    )
    .expect("write");
    let mut harness = new_harness();
    let ctx = harness.ctx.clone();
    harness.state_mut().run(&ctx, Command::OpenPath(good));
    harness.run_steps(2);
    assert_eq!(harness.state().view, ViewKind::Map);
    assert_eq!(harness.state().layers.len(), 1);
    harness.get_by_label_contains("route (1 features)");
    harness
        .state_mut()
        .run(&ctx, Command::OpenPath(bad.clone()));
    harness.run_steps(2);
    assert_eq!(harness.state().layers.len(), 1);
    assert!(matches!(
        harness.state().message,
        Some(Message::LoadFailed { .. })
    ));
    harness.get_by_label_contains(&format!("{}:1:", bad.display()));
    harness.get_by_label("Remove").click();
    harness.run_steps(2);
    assert!(harness.state().layers.is_empty());
}

/// The map of 2016 as rendered, compared with `tests/snapshots/map_2016.png`.
#[cfg(feature = "snapshots")]
#[test]
fn snapshot_map_2016() {
    let mut harness = map_at_year(2016);
    harness.run_steps(2);
    harness.snapshot("map_2016");
}
