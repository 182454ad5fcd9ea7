//! The cooperation map: countries, the dataset's places, corridors and areas, and
//! GeoJSON layers, for the year of the time cursor, with filters, hover and selection.
//!
//! Rooms: [`state`] (what the map remembers), [`controls`] (filters, layers, the year
//! bar), [`projector`] (screen geometry), [`layers`] (one [`layers::MapLayer`] per kind of
//! thing, each painting itself and hit-testing), [`legend`] and [`details`]; `retained`
//! keeps the still parts' triangles from frame to frame and [`crate::views::paint::flat_mesh`] draws them.

mod controls;
mod details;
pub(crate) mod layers;
mod legend;
pub(crate) mod projector;
mod retained;
pub(crate) mod state;

use std::time::Instant;

use eframe::egui::{self, Sense, Stroke, Ui};

use crate::app::command::Command;
use crate::geo::filter::year_range;
use crate::geo::projection::MapView;
use crate::geo::world::WorldMap;
use crate::views::theme;
use crate::views::widgets::zoom_gesture;
use crate::views::{Chrome, ViewContext};
use layers::{HIT_ORDER, MapScene, PAINT_ORDER};
use projector::Projector;
pub use state::{MapItem, MapViewState};

/// Shows the map view; what the user asks of the app goes into `commands`.
pub fn ui(
    ui: &mut Ui,
    cx: &ViewContext<'_>,
    state: &mut MapViewState,
    commands: &mut Vec<Command>,
) {
    let (first_year, last_year) = year_range(cx.dataset);
    let year = cx.cursor.year.clamp(first_year, last_year);

    if cx.chrome.is_full() {
        egui::Panel::right("map_details")
            .resizable(true)
            .default_size(320.0)
            .show(ui, |ui| details::details_ui(ui, cx, state));
        egui::Panel::top("map_filters").show(ui, |ui| {
            controls::filters_ui(ui, state);
            controls::layers_ui(ui, cx.layers, commands);
        });
    }
    if cx.chrome.is_interactive() {
        egui::Panel::bottom("map_time").show(ui, |ui| {
            controls::time_ui(
                ui,
                cx.chrome,
                year,
                (first_year, last_year),
                state,
                commands,
            );
        });
    }
    egui::CentralPanel::default()
        .frame(egui::Frame::new())
        .show(ui, |ui| match cx.caches.world_map(cx.dataset) {
            Ok(world) => canvas_ui(ui, cx, world, year, state),
            Err(reason) => {
                ui.label(format!("The basemap could not be prepared: {reason}"));
            }
        });
}

fn canvas_ui(
    ui: &mut Ui,
    cx: &ViewContext<'_>,
    world: &WorldMap,
    year: i32,
    state: &mut MapViewState,
) {
    let started = Instant::now();
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    let size = [rect.width(), rect.height()];
    let rect_min = [rect.min.x, rect.min.y];
    if state.framed_for.as_ref() != Some(&world.setup) {
        state.view = None;
        state.framed_for = Some(world.setup.clone());
    }
    let key = legend::KeyContents::of(cx.dataset, &state.filter, year);
    let presenting = cx.chrome == Chrome::Presenting;
    let mut key_folded = if presenting {
        !state.key_unfolded_presenting
    } else {
        state.key_folded
    };
    let view = state.view.get_or_insert_with(|| {
        let inset = if world.setup.frame_given {
            0.0
        } else {
            legend::key_height_points(&key, key_folded)
        };
        MapView::fitting_above(world.setup.frame_km, size, inset)
    });
    if response.dragged() {
        let delta = response.drag_delta();
        view.pan_by_points([delta.x, delta.y]);
    }
    if let Some((factor, pointer)) = zoom_gesture(ui, &response) {
        view.zoom_around(factor, [pointer.x, pointer.y], rect_min, size);
    }
    controls::zoom_buttons_ui(ui, rect, view);

    let projector = Projector::new(*view, rect, world.projection());
    state.place_positions =
        layers::place_positions(&cx.dataset.places, &projector, &state.filter, year);
    let scene = MapScene {
        dataset: cx.dataset,
        layers: cx.layers,
        world,
        projector: &projector,
        filter: &state.filter,
        year,
        colors: theme::map_colors(ui.visuals().dark_mode),
        place_positions: &state.place_positions,
        still_key: retained::StillKey::new(
            cx.caches.generation(),
            &projector.view,
            rect,
            ui.ctx().pixels_per_point(),
            year,
            &state.filter,
            ui.visuals().dark_mode,
        ),
    };
    let painter = ui.painter_at(rect);
    for layer in PAINT_ORDER {
        layer.paint(&painter, &scene);
    }
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, describe_scene(&scene)));

    let hovered = response.hover_pos().and_then(|pointer| {
        HIT_ORDER
            .iter()
            .find_map(|layer| layer.hit_test(&scene, pointer))
    });
    let event_places: &[String] = cx.selected_event().map_or(&[], |e| e.places.as_slice());
    for (id, position) in scene.place_positions {
        if event_places.contains(id) {
            painter.circle_stroke(*position, 15.0, Stroke::new(3.0, theme::SELECTION_RING));
        }
    }
    for item in [&hovered, &state.selected].into_iter().flatten() {
        highlight(&painter, &scene, item);
    }
    let list_domains = !cx.chrome.is_full();
    key_ui(
        ui,
        &painter,
        rect,
        scene.colors,
        &key,
        list_domains,
        &mut key_folded,
    );
    if presenting {
        state.key_unfolded_presenting = !key_folded;
    } else {
        state.key_folded = key_folded;
    }
    legend::paint_credit(&painter, rect, scene.colors, world.projection());

    let response = if let Some(item) = &hovered {
        response.on_hover_ui_at_pointer(|ui| details::tooltip_ui(ui, cx, item))
    } else {
        response
    };
    if response.clicked() {
        state.selected.clone_from(&hovered);
    }
    state.hovered = hovered;
    state.last_frame_ms = started.elapsed().as_secs_f32() * 1000.0;
}

/// The key in the map's corner; a click on it folds it to its title or unfolds it.
fn key_ui(
    ui: &Ui,
    painter: &egui::Painter,
    rect: egui::Rect,
    colors: theme::MapColors,
    key: &legend::KeyContents,
    list_domains: bool,
    folded: &mut bool,
) {
    let Some(key_rect) = legend::paint_legend(painter, rect, colors, key, list_domains, *folded)
    else {
        return;
    };
    let response = ui
        .interact(
            key_rect,
            egui::Id::unique("bilateral_map_key"),
            Sense::click(),
        )
        .on_hover_cursor(egui::CursorIcon::PointingHand);
    response.widget_info(|| {
        let action = if *folded { "show" } else { "hide" };
        egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Map key: {action}"))
    });
    if response.clicked() {
        *folded = !*folded;
    }
}

/// What a screen reader hears: the year and how much is shown.
fn describe_scene(scene: &MapScene<'_>) -> String {
    let dataset = scene.dataset;
    let routes = dataset
        .corridors
        .iter()
        .filter(|c| scene.shows(&c.domains, c.stance, c.years))
        .count();
    let areas = dataset
        .areas
        .iter()
        .filter(|a| scene.shows(&a.domains, a.stance, a.years))
        .count();
    format!(
        "Map of {}: {} places, {routes} routes and {areas} areas shown",
        scene.year,
        scene.place_positions.len()
    )
}

/// A ring around a hovered or selected place, a glow along a route.
fn highlight(painter: &egui::Painter, scene: &MapScene<'_>, item: &MapItem) {
    match item {
        MapItem::Place(id) => {
            if let Some((_, pos)) = scene.place_positions.iter().find(|(place, _)| place == id) {
                painter.circle_stroke(*pos, 12.0, Stroke::new(2.5, theme::SELECTION_RING));
            }
        }
        MapItem::Corridor(id) => {
            if let Some(corridor) = scene.dataset.corridor(id) {
                painter.add(egui::Shape::line(
                    layers::corridor_path(scene, corridor),
                    Stroke::new(7.0, theme::SELECTION_RING.gamma_multiply(0.35)),
                ));
            }
        }
        MapItem::Area(_) | MapItem::Feature { .. } => {}
    }
}
