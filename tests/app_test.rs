//! The whole app driven through `egui_kittest`: what a person sees and clicks.

#![allow(
    clippy::expect_used,
    reason = "a failed expectation is a failed test, with its message"
)]

mod app_deck;
mod app_document;
mod app_editing;
mod app_import;
mod common;

use bilateral::app::command::Command;
use bilateral::app::{AppOptions, DataOrigin, Message};
use bilateral::chart::{self, MarkerRole};
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
    "Edited pair".clone_into(&mut dataset.metadata.title);
    let path = folder.join("edited.json");
    std::fs::write(&path, to_json(&dataset)).expect("write");
    path
}

fn turnover_id(app: &bilateral::app::BilateralApp) -> String {
    app.document()
        .dataset()
        .series
        .iter()
        .find(|s| s.kind == SeriesKind::TradeTurnover)
        .map(|s| s.id.clone())
        .expect("a turnover series")
}

/// The legend's name of the series `series_id`.
fn series_label(app: &bilateral::app::BilateralApp, series_id: &str) -> String {
    app.document()
        .dataset()
        .series_by_id(series_id)
        .expect("the series exists")
        .label
        .clone()
}

#[test]
fn starts_on_the_built_in_data_with_the_seed_turnover_points_drawn() {
    let harness = new_harness();
    let app = harness.state();
    assert_eq!(*app.document().origin(), DataOrigin::BuiltIn);
    assert_eq!(app.view(), ViewKind::Trade);
    let turnover = turnover_id(app);
    let model = chart::build(app.document().dataset(), &app.views().trade.options);
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
        .views()
        .trade
        .marker_positions
        .iter()
        .filter(|(point, _, _)| *point.series_id == *turnover)
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
            .views()
            .trade
            .marker_positions
            .iter()
            .find(|(point, role, _)| {
                *point.series_id == *turnover
                    && *role == MarkerRole::Value
                    && app
                        .document()
                        .dataset()
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
        harness
            .state()
            .views()
            .trade
            .hovered
            .as_ref()
            .map(|(p, _)| p),
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
        .views()
        .trade
        .marker_positions
        .iter()
        .rev()
        .find(|(point, _, _)| *point.series_id == *turnover)
        .map(|(point, _, position)| (point.clone(), *position))
        .expect("a turnover marker");
    harness.hover_at(position);
    harness.run_steps(2);
    common::click_at(&harness, position);
    harness.run_steps(3);
    let app = harness.state();
    assert_eq!(app.views().trade.selected.as_ref(), Some(&point));
    let cited = app.views().trade.selected_sources(app.document().dataset());
    assert!(!cited.is_empty());
    harness.get_by_label_contains("» ");
    harness.get_by_label("Clear selection").click();
    harness.run_steps(2);
    assert!(harness.state().views().trade.selected.is_none());
}

#[test]
fn views_switch_by_tab_and_by_shortcut() {
    let mut harness = new_harness();
    harness.get_by_label("Events").click();
    harness.run_steps(2);
    assert_eq!(harness.state().view(), ViewKind::Events);
    harness.get_by_label_contains("Treaty of Gulistan");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num5);
    harness.run_steps(2);
    assert_eq!(harness.state().view(), ViewKind::Sources);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num1);
    harness.run_steps(2);
    assert_eq!(harness.state().view(), ViewKind::Trade);
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
    assert_eq!(app.document().dataset().metadata.title, "Edited pair");
    assert_eq!(*app.document().origin(), DataOrigin::File(path.clone()));
    assert_eq!(app.settings().recent_files.first(), Some(&path));
    assert!(app.message().is_none());
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
    assert_eq!(app.document().dataset().metadata.title, "Edited pair");
    assert_eq!(*app.document().origin(), DataOrigin::File(good));
    let Some(Message::LoadFailed { errors }) = &app.message() else {
        panic!("expected a load error, got {:?}", app.message());
    };
    let error = errors.first().expect("one error");
    assert!(matches!(error.kind, LoadErrorKind::Syntax(_)));
    assert_eq!(error.position.map(|p| p.line), Some(4));
    harness.get_by_label_contains("The data on screen is unchanged");
    harness.get_by_label_contains(&format!("{}:4:", bad.display()));
    harness.get_by_label("Dismiss").click();
    harness.run_steps(2);
    assert!(harness.state().message().is_none());
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
    assert_eq!(*harness.state().document().origin(), DataOrigin::File(path));
}

#[test]
fn revert_from_the_file_menu_brings_back_the_built_in_data() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = write_valid_dataset(folder.path());
    let mut harness = harness_with(AppOptions::load(SettingsStore::in_memory(), Some(path)));
    assert_eq!(
        harness.state().document().dataset().metadata.title,
        "Edited pair"
    );
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Revert to built-in data").click();
    harness.run_steps(2);
    assert_eq!(*harness.state().document().origin(), DataOrigin::BuiltIn);
    assert_eq!(
        *harness.state().document().dataset(),
        builtin_dataset().expect("built-in loads")
    );
}

#[test]
fn chart_options_are_switched_by_their_labels() {
    let mut harness = new_harness();
    harness.get_by_label("Log scale").click();
    harness.run_steps(2);
    assert!(harness.state().views().trade.options.log_scale);
    harness.get_by_label("Connect gaps").click();
    harness.run_steps(2);
    assert!(harness.state().views().trade.options.connect_gaps);
    harness.get_by_label("Year-over-year change").click();
    harness.run_steps(2);
    assert_eq!(
        harness.state().views().trade.options.mode,
        bilateral::chart::ChartMode::YearOverYear
    );
}

#[test]
fn the_chart_lines_are_built_once_and_again_only_when_the_chart_changes() {
    use bilateral::views::paint::plot_lines::last_drawn;
    let mut harness = new_harness();
    harness.run_steps(2);
    let first = last_drawn(&harness.ctx).expect("the lines are drawn");
    assert!(!first.vertices.is_empty());
    // The pointer moving over the chart changes nothing the lines depend on.
    let plot = harness
        .state()
        .views()
        .trade
        .marker_positions
        .first()
        .map(|(_, _, position)| *position)
        .expect("a marker on screen");
    for offset in [0.0, 7.0, 15.0] {
        harness.hover_at(plot + egui::vec2(offset, offset));
        harness.run_steps(1);
    }
    let after_hover = last_drawn(&harness.ctx).expect("still drawn");
    assert!(
        std::sync::Arc::ptr_eq(&first, &after_hover),
        "hovering reuses the triangles"
    );
    // Hiding a series changes the chart: the lines are built again, without it.
    let turnover = turnover_id(harness.state());
    let label = series_label(harness.state(), &turnover);
    harness.get_by_label(&label).click();
    harness.run_steps(2);
    let after_hiding = last_drawn(&harness.ctx).expect("the other lines are drawn");
    assert!(!std::sync::Arc::ptr_eq(&first, &after_hiding));
    assert!(
        after_hiding.vertices.len() < first.vertices.len(),
        "the hidden series' line is gone"
    );
}

#[test]
fn a_legend_entry_hides_and_shows_its_series_by_its_label() {
    let mut harness = new_harness();
    harness.run_steps(2);
    let turnover = turnover_id(harness.state());
    let label = series_label(harness.state(), &turnover);
    let drawn = |harness: &egui_kittest::Harness<'_, bilateral::app::BilateralApp>| {
        harness
            .state()
            .views()
            .trade
            .marker_positions
            .iter()
            .filter(|(point, _, _)| *point.series_id == *turnover)
            .count()
    };
    assert!(drawn(&harness) > 0, "the turnover's points are drawn");
    harness.get_by_label(&label).click();
    harness.run_steps(2);
    assert_eq!(
        harness
            .state()
            .views()
            .trade
            .options
            .series_shown
            .get(&turnover),
        Some(&false)
    );
    assert_eq!(drawn(&harness), 0, "a hidden series draws no point");
    harness.get_by_label(&label).click();
    harness.run_steps(2);
    assert!(drawn(&harness) > 0, "a second click shows it again");
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
    assert_eq!(harness.state().view(), ViewKind::Events);
    assert_eq!(harness.state().settings().recent_files, vec![dataset_path]);
}

#[test]
fn a_corrupt_settings_file_gives_defaults_and_a_visible_warning() {
    let folder = tempfile::tempdir().expect("temp dir");
    let settings_path = folder.path().join("settings.json");
    std::fs::write(&settings_path, "{{{").expect("write");
    let harness = harness_with(AppOptions::load(SettingsStore::at(settings_path), None));
    assert_eq!(harness.state().view(), ViewKind::Trade);
    harness.get_by_label_contains("settings file");
}

/// The trade view as rendered (wgpu on Mesa's software renderer), compared with the
/// committed image in `tests/snapshots/`.
#[test]
#[ignore = "renders with wgpu (Mesa's lavapipe in CI): cargo test -- --ignored snapshot"]
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
    let ctx = harness.ctx.clone();
    harness.state_mut().run(
        &ctx,
        Command::SetYear {
            year,
            from: ViewKind::Map,
        },
    );
    harness.run_steps(2);
    harness
}

fn place_drawn(
    harness: &egui_kittest::Harness<'static, bilateral::app::BilateralApp>,
    id: &str,
) -> Option<egui::Pos2> {
    harness
        .state()
        .views()
        .map
        .place_positions
        .iter()
        .find(|(place, _)| place == id)
        .map(|(_, position)| *position)
}

#[test]
fn the_map_of_2016_and_the_map_of_2023_differ() {
    let harness = map_at_year(2016);
    assert_eq!(harness.state().view(), ViewKind::Map);
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
        harness.state().views().map.hovered,
        Some(bilateral::views::map::MapItem::Place(
            "shahid-nojeh-air-base".into()
        ))
    );
    harness.get_by_label_contains("Click for details");
    common::click_at(&harness, position);
    harness.remove_cursor();
    harness.run_steps(3);
    assert_eq!(
        harness.state().views().map.selected,
        Some(bilateral::views::map::MapItem::Place(
            "shahid-nojeh-air-base".into()
        ))
    );
    harness.get_by_label("Events here");
    // The event listed under the place, not a summary that names it.
    harness.get_by_label_contains("2016-08 — Russian bombers fly from Shahid Nojeh");
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
    assert_eq!(harness.state().view(), ViewKind::Map);
    assert_eq!(harness.state().document().layers().len(), 1);
    harness.get_by_label_contains("route (1 features)");
    harness
        .state_mut()
        .run(&ctx, Command::OpenPath(bad.clone()));
    harness.run_steps(2);
    assert_eq!(harness.state().document().layers().len(), 1);
    assert!(matches!(
        harness.state().message(),
        Some(Message::LoadFailed { .. })
    ));
    harness.get_by_label_contains(&format!("{}:1:", bad.display()));
    harness.get_by_label("Remove").click();
    harness.run_steps(2);
    assert!(harness.state().document().layers().is_empty());
}

/// The map of 2016 as rendered, compared with `tests/snapshots/map_2016.png`.
#[test]
#[ignore = "renders with wgpu (Mesa's lavapipe in CI): cargo test -- --ignored snapshot"]
fn snapshot_map_2016() {
    let mut harness = map_at_year(2016);
    // The frame-time readout differs from run to run; the picture must not.
    harness.state_mut().views_mut().map.show_frame_time = false;
    harness.run_steps(2);
    harness.snapshot("map_2016");
}

/// The map's sea, land and borders drawn by the map's own pipeline (which the window uses:
/// the app is started with a wgpu renderer, as in the window) are the pixels egui draws
/// for the same mesh (a harness that has no renderer when the app starts, as the PNG export).
#[test]
#[ignore = "renders with wgpu (Mesa's lavapipe in CI): cargo test -- --ignored snapshot"]
fn snapshot_map_own_pipeline_draws_the_pixels_egui_draws() {
    use eframe::egui::Shape;
    let render = |renderer_at_start: bool| {
        let mut options = AppOptions::load(SettingsStore::in_memory(), None);
        options.settings.last_view = ViewKind::Map;
        let builder = egui_kittest::Harness::builder().with_size(common::WINDOW_SIZE);
        let builder = if renderer_at_start {
            builder.wgpu()
        } else {
            builder
        };
        let mut harness = builder
            .build_eframe(move |creation| bilateral::app::BilateralApp::new(creation, options));
        harness.state_mut().views_mut().map.show_frame_time = false;
        harness.run_steps(3);
        let drawn_by_callback = harness
            .output()
            .shapes
            .iter()
            .any(|clipped| matches!(clipped.shape, Shape::Callback(_)));
        (
            drawn_by_callback,
            harness.render().expect("the map renders"),
        )
    };
    let (own_pipeline_used, own) = render(true);
    let (egui_pipeline_used_a_callback, egui) = render(false);
    assert!(
        own_pipeline_used,
        "the window's map draws through its pipeline"
    );
    assert!(
        !egui_pipeline_used_a_callback,
        "without a renderer at start: egui shapes"
    );
    assert_eq!(own.dimensions(), egui.dimensions());
    let differing = own
        .pixels()
        .zip(egui.pixels())
        .filter(|(a, b)| a.0.iter().zip(b.0).any(|(x, y)| x.abs_diff(y) > 2))
        .count();
    assert_eq!(differing, 0, "pixels that differ by more than 2 levels");
}

#[test]
fn selecting_an_event_on_the_timeline_sets_the_year_and_highlights_it_elsewhere() {
    let mut harness = new_harness();
    harness.get_by_label("Timeline").click();
    harness.run_steps(2);
    harness
        .state_mut()
        .views_mut()
        .timeline
        .show_range(2015.0, 2018.0);
    harness.run_steps(2);
    let rect = harness
        .state()
        .views()
        .timeline
        .event_rects
        .iter()
        .find(|(id, _)| id == "hamadan-air-base-use")
        .map(|(_, rect)| *rect)
        .expect("the Hamadan event is drawn");
    harness.hover_at(rect.center());
    harness.run_steps(2);
    common::click_at(&harness, rect.center());
    harness.run_steps(2);
    assert_eq!(
        harness.state().cursor().selected_event.as_deref(),
        Some("hamadan-air-base-use")
    );
    assert_eq!(harness.state().cursor().year, 2016);
    harness.get_by_label("Show on the map").click();
    harness.run_steps(3);
    let app = harness.state();
    assert_eq!(app.view(), ViewKind::Map);
    assert_eq!(app.cursor().year, 2016, "the map shows the cursor's year");
    assert!(
        app.views()
            .map
            .place_positions
            .iter()
            .any(|(id, _)| id == "shahid-nojeh-air-base"),
        "the event's place is on the map of its year"
    );
}

#[test]
fn moving_the_year_on_the_map_moves_the_timeline() {
    let mut harness = new_harness();
    harness.get_by_label("Map").click();
    harness.run_steps(2);
    let start = harness.state().cursor().year;
    harness
        .get_by_role_and_label(egui::accesskit::Role::Slider, "Year")
        .focus();
    harness.run_steps(1);
    harness.key_press(egui::Key::ArrowLeft);
    harness.run_steps(2);
    assert_eq!(harness.state().cursor().year, start - 1);
    harness.get_by_label("Timeline").click();
    harness.run_steps(2);
    let timeline = &harness.state().views().timeline;
    let centre = f64::midpoint(timeline.start, timeline.end);
    assert!(
        (centre - (f64::from(start - 1) + 0.5)).abs() < 1e-6,
        "centred on {centre}"
    );
}

#[test]
fn screen_readers_hear_what_the_map_and_the_timeline_show() {
    let mut harness = map_at_year(2016);
    let places = harness.state().views().map.place_positions.len();
    assert!(places > 0, "the map of 2016 has places");
    harness.get_by_label_contains(&format!("Map of 2016: {places} places"));
    let ctx = harness.ctx.clone();
    harness.state_mut().run(
        &ctx,
        Command::SetYear {
            year: 1946,
            from: ViewKind::Map,
        },
    );
    harness.run_steps(2);
    let places_1946 = harness.state().views().map.place_positions.len();
    assert_ne!(places_1946, places, "another year shows other places");
    harness.get_by_label_contains(&format!("Map of 1946: {places_1946} places"));
    harness.get_by_label("Timeline").click();
    harness.run_steps(2);
    let shown = harness.state().views().timeline.event_rects.len();
    harness.get_by_label_contains(&format!("{shown} events shown; current year 1946"));
}

#[test]
fn presenter_mode_walks_the_built_in_story_with_clicker_keys() {
    let mut harness = new_harness();
    harness
        .state_mut()
        .views_mut()
        .timeline
        .domains
        .remove(&bilateral::data::Domain::Trade);
    let domains_before = harness.state().views().timeline.domains.clone();
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .run(&ctx, Command::SetHighContrast(true));
    harness.key_press(egui::Key::F5);
    harness.run_steps(2);
    let panel_fill = |ctx: &egui::Context| ctx.style_of(egui::Theme::Dark).visuals.panel_fill;
    assert_eq!(panel_fill(&ctx), egui::Color32::BLACK, "high contrast");
    let story = harness.state().document().dataset().stories[0]
        .slides
        .clone();
    assert!(harness.state().presenter().is_some());
    assert_eq!(harness.state().view(), ViewKind::Timeline);
    let span = story[0].span.expect("the first slide has a span");
    let timeline = &harness.state().views().timeline;
    let centre = f64::midpoint(timeline.start, timeline.end);
    let slide_centre = f64::midpoint(
        f64::from(span.from),
        f64::from(span.to.unwrap_or(span.from)) + 1.0,
    );
    assert!(
        (centre - slide_centre).abs() < 1e-6,
        "the timeline shows the slide's span, centred on {slide_centre}, not {centre}"
    );
    harness.get_by_label(&story[0].title);
    assert!(harness.query_by_label("File").is_none(), "menus are hidden");
    harness.key_press(egui::Key::PageDown);
    harness.run_steps(2);
    assert_eq!(harness.state().view(), ViewKind::Trade);
    assert_eq!(Some(harness.state().cursor().year), story[1].year);
    harness.key_press(egui::Key::ArrowRight);
    harness.key_press(egui::Key::Space);
    harness.run_steps(2);
    assert_eq!(harness.state().presenter().map(|p| p.slide), Some(3));
    assert_eq!(harness.state().view(), ViewKind::Map);
    assert_eq!(harness.state().cursor().selected_event, story[3].select);
    harness.key_press(egui::Key::PageUp);
    harness.run_steps(2);
    assert_eq!(harness.state().presenter().map(|p| p.slide), Some(2));
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert!(harness.state().presenter().is_none());
    harness.get_by_label("File");
    assert_eq!(
        harness.state().views().timeline.domains,
        domains_before,
        "the filters from before presenting are back"
    );
    assert_eq!(
        panel_fill(&ctx),
        egui::Visuals::dark().panel_fill,
        "high contrast ends with presenting"
    );
}

#[test]
fn the_shortcut_list_opens_with_the_question_mark() {
    let mut harness = new_harness();
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::Questionmark);
    harness.run_steps(2);
    assert!(
        harness.query_all_by_label("Keyboard shortcuts").count() >= 2,
        "the window's title and its own entry"
    );
    harness.get_by_label("Presenter mode");
    harness.get_by_label("next slide (presenter mode)");
}

#[test]
fn new_relationship_starts_an_empty_dataset_for_two_countries_picked_by_typing() {
    let mut harness = new_harness();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    harness.run_steps(2);
    let table = bilateral::data::country::countries();
    let label = |code: &str| table.lookup(code).expect(code).label();
    // The pickers start on the open dataset's pair; the first becomes India.
    app_import::pick_country(&mut harness, &label("RUS"), "India");
    harness.get_by_label("Start the relationship").click();
    harness.run_steps(3);
    let app = harness.state();
    assert_eq!(*app.document().origin(), DataOrigin::New);
    let [india, iran] = &app.document().dataset().metadata.parties;
    assert_eq!(
        (india.iso_alpha3.as_str(), iran.iso_alpha3.as_str()),
        ("IND", "IRN")
    );
    assert!(
        app.document().dataset().series.is_empty() && app.document().dataset().places.is_empty()
    );
    assert!(
        app.document().dataset().metadata.title.contains("India"),
        "{}",
        app.document().dataset().metadata.title
    );
    assert!(
        harness.query_by_label("Start the relationship").is_none(),
        "the window closed"
    );
}

#[test]
fn the_file_menu_offers_every_export() {
    let mut harness = new_harness();
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Export").click();
    harness.run_steps(2);
    for kind in bilateral::app::command::ExportKind::ALL {
        harness.get_by_label_contains(kind.label());
    }
}

/// The timeline over 2015–2024 as rendered, compared with `tests/snapshots/timeline_recent.png`.
#[test]
#[ignore = "renders with wgpu (Mesa's lavapipe in CI): cargo test -- --ignored snapshot"]
fn snapshot_timeline_recent() {
    let mut harness = new_harness();
    harness.get_by_label("Timeline").click();
    harness.run_steps(2);
    harness
        .state_mut()
        .views_mut()
        .timeline
        .show_range(2014.8, 2025.2);
    harness.run_steps(2);
    harness.snapshot("timeline_recent");
}

#[test]
fn file_export_writes_the_chart_as_svg_and_its_data_as_csv() {
    let folder = tempfile::tempdir().expect("temp dir");
    let mut harness = new_harness();
    let ctx = harness.ctx.clone();
    let svg = folder.path().join("chart.svg");
    let shown = folder.path().join("shown.csv");
    let all = folder.path().join("all.csv");
    for (kind, path) in [
        (bilateral::app::command::ExportKind::ChartSvg, &svg),
        (bilateral::app::command::ExportKind::ChartCsv, &shown),
        (bilateral::app::command::ExportKind::DataCsv, &all),
    ] {
        harness
            .state_mut()
            .run(&ctx, Command::Export(kind, path.clone()));
    }
    harness.run_steps(2);
    let svg_text = std::fs::read_to_string(&svg).expect("svg written");
    for year in [2010, 2011, 2015, 2022, 2023] {
        assert!(
            svg_text.contains(&format!("data-year=\"{year}\"")),
            "{year} in the SVG"
        );
    }
    let app = harness.state();
    let model = chart::build(app.document().dataset(), &app.views().trade.options);
    let shown_rows = std::fs::read_to_string(&shown)
        .expect("csv written")
        .lines()
        .count();
    assert_eq!(
        shown_rows,
        model.visible_markers().count() + 1,
        "header + markers"
    );
    let all_rows = std::fs::read_to_string(&all)
        .expect("csv written")
        .lines()
        .count();
    let points: usize = app
        .document()
        .dataset()
        .series
        .iter()
        .map(|s| s.points.len())
        .sum();
    assert_eq!(all_rows, points + 1);
    harness.get_by_label_contains("Exported");
}

#[test]
fn file_export_writes_the_map_as_svg_vectors_with_its_labels_as_text() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("map.svg");
    let mut harness = map_at_year(2016);
    let ctx = harness.ctx.clone();
    harness.state_mut().run(
        &ctx,
        Command::Export(bilateral::app::command::ExportKind::ViewSvg, path.clone()),
    );
    let svg = std::fs::read_to_string(&path).expect("an SVG was written");
    assert!(!svg.contains("<image"), "vectors, not a picture");
    assert!(svg.contains(">IRAN</text>"), "the party's label as text");
    assert!(svg.contains(">Russia and Iran — Map, 2016</text>"));
}

/// Needs a wgpu adapter (Mesa's lavapipe in CI), as the snapshots do.
#[test]
#[ignore = "renders with wgpu (Mesa's lavapipe in CI): cargo test -- --ignored snapshot"]
fn snapshot_export_png_is_the_view_at_twice_its_pixels() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("map.png");
    let mut harness = map_at_year(2016);
    let ctx = harness.ctx.clone();
    harness.state_mut().run(
        &ctx,
        Command::Export(bilateral::app::command::ExportKind::ViewPng, path.clone()),
    );
    let image = image::open(&path).expect("a PNG was written");
    let size = harness.state().view_size();
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "pixel sizes"
    )]
    let expected = ((size.x * 2.0).round() as u32, (size.y * 2.0).round() as u32);
    assert_eq!((image.width(), image.height()), expected);
    image
        .save(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/target/export-check.png"
        ))
        .expect("saved for a look");
}

/// The app started on `view` with `file` open, rendered by wgpu from the start as in the
/// window, so the map's own pipeline runs (a harness without a renderer draws egui shapes).
fn harness_in_window(
    file: &std::path::Path,
    view: ViewKind,
) -> egui_kittest::Harness<'static, bilateral::app::BilateralApp> {
    let mut options = AppOptions::load(SettingsStore::in_memory(), Some(file.to_owned()));
    options.settings.last_view = view;
    let mut harness = egui_kittest::Harness::builder()
        .with_size(common::WINDOW_SIZE)
        .wgpu()
        .build_eframe(move |creation| bilateral::app::BilateralApp::new(creation, options));
    harness.state_mut().views_mut().map.show_frame_time = false;
    harness.run_steps(3);
    harness
}

/// A new relationship's map (no places, areas or routes: the layer that once handed wgpu
/// an empty buffer and crashed the window) drawn by the window's own pipeline.
#[test]
#[ignore = "renders with wgpu (Mesa's lavapipe in CI): cargo test -- --ignored snapshot"]
fn snapshot_map_of_a_new_relationship_through_the_window_s_pipeline() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("new.json");
    let pair = bilateral::data::country::Pair::parse("USA,IRN").expect("a pair");
    let dataset = bilateral::data::new_relationship::new_relationship(
        pair,
        bilateral::data::PartialDate::year(2026),
    )
    .expect("made");
    std::fs::write(&path, to_json(&dataset)).expect("write");
    let mut harness = harness_in_window(&path, ViewKind::Map);
    assert_eq!(harness.state().view(), ViewKind::Map);
    assert!(
        harness
            .output()
            .shapes
            .iter()
            .any(|clipped| matches!(clipped.shape, egui::Shape::Callback(_))),
        "the basemap went through the map's own pipeline"
    );
    assert!(
        harness.query_by_label_contains("Map key").is_none(),
        "nothing on the map to explain"
    );
    harness.snapshot("map_new_relationship");
}

/// One point and one event, framed over a few years rather than a century, drawn as in
/// the window.
#[test]
#[ignore = "renders with wgpu (Mesa's lavapipe in CI): cargo test -- --ignored snapshot"]
fn snapshot_trade_of_a_single_point() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/dataset/single-point.json");
    let mut harness = harness_in_window(&path, ViewKind::Trade);
    assert_eq!(harness.state().document().dataset().series.len(), 1);
    harness.snapshot("trade_single_point");
    for view in [ViewKind::Map, ViewKind::Timeline] {
        let ctx = harness.ctx.clone();
        harness.state_mut().run(&ctx, Command::ShowView(view));
        harness.run_steps(2);
        harness.render().expect("every view renders");
    }
}

#[test]
fn after_a_crash_the_app_opens_on_the_trade_view_and_says_so() {
    let mut options = AppOptions::load(SettingsStore::in_memory(), None);
    options.settings.last_view = ViewKind::Map;
    options.previous_crash = Some(bilateral::app::crash_note::CrashNote {
        unix_seconds: 1_796_597_400,
        view: ViewKind::Map,
        message: "buffer slice can not be empty".to_owned(),
    });
    let harness = harness_with(options);
    assert_eq!(harness.state().view(), ViewKind::Trade);
    harness.get_by_label_contains("Bilateral stopped unexpectedly last time");
    harness.get_by_label_contains("rather than the Map view");
}

#[test]
fn after_a_crash_with_a_file_to_open_the_app_opens_it_on_the_trade_view_and_says_so() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/dataset/single-point.json");
    let mut options = AppOptions::load(SettingsStore::in_memory(), Some(path));
    options.settings.last_view = ViewKind::Map;
    options.previous_crash = Some(bilateral::app::crash_note::CrashNote {
        unix_seconds: 1_796_597_400,
        view: ViewKind::Map,
        message: "buffer slice can not be empty".to_owned(),
    });
    let harness = harness_with(options);
    assert_eq!(harness.state().view(), ViewKind::Trade);
    assert_eq!(
        harness.state().document().dataset().series.len(),
        1,
        "the file opened"
    );
    harness.get_by_label_contains("Bilateral stopped unexpectedly last time");
}

#[test]
fn without_a_crash_the_app_opens_on_the_last_view() {
    let mut options = AppOptions::load(SettingsStore::in_memory(), None);
    options.settings.last_view = ViewKind::Map;
    let harness = harness_with(options);
    assert_eq!(harness.state().view(), ViewKind::Map);
    assert!(
        harness
            .query_by_label_contains("stopped unexpectedly")
            .is_none()
    );
}

#[test]
fn the_map_key_folds_away_and_back_when_clicked() {
    let mut harness = map_at_year(2016);
    harness.get_by_label("Map key: hide").click();
    harness.run_steps(2);
    assert!(harness.state().views().map.key_folded);
    assert!(harness.query_by_label("Map key: hide").is_none());
    harness.get_by_label("Map key: show").click();
    harness.run_steps(2);
    assert!(!harness.state().views().map.key_folded);
}
