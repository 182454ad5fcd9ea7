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
pub(crate) mod slide_frame;
pub(crate) mod state;

use std::time::Instant;

use eframe::egui::{self, RichText, Sense, Stroke, Ui};

use crate::app::command::Command;
use crate::data::records::{RecordKind, RecordRef};
use crate::geo::filter::year_range;
use crate::geo::projection::MapView;
use crate::geo::world::WorldMap;
use crate::views::ViewContext;
use crate::views::editor::Seed;
use crate::views::theme;
use crate::views::widgets::zoom_gesture;
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

    if cx.shows_details_panel() {
        egui::Panel::right("map_details")
            .resizable(true)
            .default_size(320.0)
            .show(ui, |ui| details::details_ui(ui, cx, state, commands));
    }
    if cx.chrome.is_full() {
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
            Ok(world) => canvas_ui(ui, cx, world, year, state, commands),
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
    commands: &mut Vec<Command>,
) {
    let started = Instant::now();
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    let size = [rect.width(), rect.height()];
    let rect_min = [rect.min.x, rect.min.y];
    slide_frame::reframe(state, world, size);
    let key = legend::KeyContents::of(cx.dataset, &state.filter, year);
    let mut key_folded = state.key_folded_in(cx.chrome);
    let view = state.view.get_or_insert_with(|| {
        let inset = if world.setup.frame_given {
            0.0
        } else {
            legend::key_height_points(&key, key_folded)
        };
        MapView::fitting_above(world.setup.frame_km, size, inset)
    });
    let editable = cx.chrome.is_full();
    if editable
        && response.drag_started()
        && let Some(MapItem::Place(id)) = &state.hovered
    {
        state.dragged_place = Some(id.clone());
    }
    if response.dragged() && state.dragged_place.is_none() {
        let delta = response.drag_delta();
        view.pan_by_points([delta.x, delta.y]);
    }
    if let Some((factor, pointer)) = zoom_gesture(ui, &response) {
        view.zoom_around(factor, [pointer.x, pointer.y], rect_min, size);
    }
    controls::zoom_buttons_ui(ui, rect, view);

    state.shown_frame = Some(slide_frame::shown(view, world.projection(), size));
    let projector = Projector::new(*view, rect, world.projection());
    state.place_positions =
        layers::place_positions(&cx.dataset.places, &projector, &state.filter, year);
    drag_place(&response, &projector, state, commands);
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
            (rect, ui.ctx().pixels_per_point(), cx.chrome.line_scale()),
            year,
            &state.filter,
            ui.visuals().dark_mode,
        ),
        line_scale: cx.chrome.line_scale(),
        label_scale: cx.chrome.label_scale(),
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
    highlight_all(cx, &painter, &scene, [&hovered, &state.selected]);
    // The key lists the domains' colours where the filters that show them are hidden.
    key_ui(
        ui,
        &painter,
        rect,
        scene.colors,
        &key,
        !cx.chrome.is_full(),
        &mut key_folded,
    );
    legend::paint_credit(&painter, rect, scene.colors, world.projection());
    state.set_key_folded_in(cx.chrome, key_folded);

    let response = if let Some(item) = &hovered {
        response.on_hover_ui_at_pointer(|ui| details::tooltip_ui(ui, cx, item))
    } else {
        response
    };
    editing_ui(
        ui,
        cx,
        &EditingFrame {
            painter: &painter,
            projector: &projector,
            rect,
            year,
        },
        &response,
        hovered.as_ref(),
        state,
        commands,
    );
    state.hovered = hovered;
    state.last_frame_ms = started.elapsed().as_secs_f32() * 1000.0;
}

/// A place dragged to a new position: drawn under the pointer while dragged, moved (one
/// undoable command) when let go.
fn drag_place(
    response: &egui::Response,
    projector: &Projector<'_>,
    state: &mut MapViewState,
    commands: &mut Vec<Command>,
) {
    if let Some(id) = state.dragged_place.clone() {
        let pointer = response.interact_pointer_pos();
        if let Some(pointer) = pointer
            && let Some((_, position)) = state.place_positions.iter_mut().find(|(p, _)| *p == id)
        {
            *position = pointer;
        }
        if response.drag_stopped() {
            state.dragged_place = None;
            if let Some(pointer) = pointer {
                let [lon, lat] = projector.screen_to_lon_lat(pointer);
                commands.push(Command::MovePlace {
                    id,
                    lon_lat: [round_degrees(lon), round_degrees(lat)],
                });
            }
        }
    }
}

/// What the map draws and where, for [`editing_ui`].
struct EditingFrame<'a> {
    painter: &'a egui::Painter,
    projector: &'a Projector<'a>,
    rect: egui::Rect,
    year: i32,
}

/// Editing on the map: the shape being drawn and its clicks, the right-click menu, a
/// double-click to edit, a click to select; and a guide on a map with nothing on it.
fn editing_ui(
    ui: &Ui,
    cx: &ViewContext<'_>,
    frame: &EditingFrame<'_>,
    response: &egui::Response,
    hovered: Option<&MapItem>,
    state: &mut MapViewState,
    commands: &mut Vec<Command>,
) {
    let EditingFrame {
        painter,
        projector,
        rect,
        year,
    } = *frame;
    let editable = cx.chrome.is_full();
    if let Some(points) = cx.drawing {
        paint_drawing(painter, projector, points);
    }
    let nothing_drawn = cx.dataset.places.is_empty()
        && cx.dataset.areas.is_empty()
        && cx.dataset.corridors.is_empty();
    if nothing_drawn && cx.chrome.is_full() {
        let galley = painter.layout_no_wrap(
            "No places, areas or routes yet: right-click the map to add one there.".to_owned(),
            egui::FontId::proportional(16.0),
            ui.visuals().strong_text_color(),
        );
        let at = rect.center_top() + egui::vec2(-galley.size().x / 2.0, 24.0);
        let backing = egui::Rect::from_min_size(at, galley.size()).expand(8.0);
        painter.rect_filled(backing, 6.0, ui.visuals().window_fill);
        painter.galley(at, galley, ui.visuals().strong_text_color());
    }
    if response.secondary_clicked() {
        state.right_clicked_at = response
            .interact_pointer_pos()
            .map(|pointer| projector.screen_to_lon_lat(pointer))
            .map(|[lon, lat]| [round_degrees(lon), round_degrees(lat)]);
    }
    if editable {
        response.context_menu(|ui| new_here_menu_ui(ui, state.right_clicked_at, year, commands));
    }
    if response.clicked() {
        match (cx.drawing, response.interact_pointer_pos()) {
            (Some(_), Some(pointer)) => {
                let [lon, lat] = projector.screen_to_lon_lat(pointer);
                commands.push(Command::AddDrawnPoint([
                    round_degrees(lon),
                    round_degrees(lat),
                ]));
            }
            _ => state.selected = hovered.cloned(),
        }
    }
    if response.double_clicked()
        && editable
        && let Some(item) = hovered.and_then(record_of_item)
    {
        commands.push(Command::EditRecord(item));
    }
}

/// Four decimals of a degree: about 10 m, finer than any place on the map needs.
fn round_degrees(degrees: f64) -> f64 {
    (degrees * 10_000.0).round() / 10_000.0
}

/// The dataset's record a map item is.
fn record_of_item(item: &MapItem) -> Option<RecordRef> {
    match item {
        MapItem::Place(id) => Some(RecordRef::new(RecordKind::Place, id)),
        MapItem::Corridor(id) => Some(RecordRef::new(RecordKind::Corridor, id)),
        MapItem::Area(id) => Some(RecordRef::new(RecordKind::Area, id)),
        MapItem::Feature { .. } => None,
    }
}

/// The right-click menu: a new place, area or route starting where the map was clicked.
fn new_here_menu_ui(ui: &mut Ui, at: Option<[f64; 2]>, year: i32, commands: &mut Vec<Command>) {
    let Some(lon_lat) = at else {
        ui.close();
        return;
    };
    let [lon, lat] = lon_lat;
    let north_south = if lat >= 0.0 { 'N' } else { 'S' };
    let east_west = if lon >= 0.0 { 'E' } else { 'W' };
    ui.label(
        RichText::new(format!(
            "{:.2}° {north_south}, {:.2}° {east_west}",
            lat.abs(),
            lon.abs()
        ))
        .weak()
        .small(),
    );
    let seed = Seed {
        date: None,
        lon_lat: Some(lon_lat),
        year: Some(year),
    };
    for (kind, text) in [
        (RecordKind::Place, "New place here…"),
        (RecordKind::Area, "New area from here (click its corners)…"),
        (
            RecordKind::Corridor,
            "New route from here (click its points)…",
        ),
    ] {
        if ui.button(text).clicked() {
            commands.push(Command::NewRecord(kind, seed));
            ui.close();
        }
    }
}

/// The shape the editor is drawing: its points joined, each marked.
fn paint_drawing(painter: &egui::Painter, projector: &Projector<'_>, points: &[[f64; 2]]) {
    let screen = projector.path_to_screen(points);
    let stroke = Stroke::new(2.5, theme::SELECTION_RING);
    if screen.len() > 1 {
        painter.add(egui::Shape::line(screen.clone(), stroke));
    }
    for position in &screen {
        painter.circle(*position, 4.0, egui::Color32::WHITE, stroke);
    }
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

/// Rings around the selected event's places, and the hovered and selected items.
fn highlight_all(
    cx: &ViewContext<'_>,
    painter: &egui::Painter,
    scene: &MapScene<'_>,
    items: [&Option<MapItem>; 2],
) {
    let event_places: &[String] = cx.selected_event().map_or(&[], |e| e.places.as_slice());
    for (id, position) in scene.place_positions {
        if event_places.contains(id) {
            painter.circle_stroke(*position, 15.0, Stroke::new(3.0, theme::SELECTION_RING));
        }
    }
    for item in items.into_iter().flatten() {
        highlight(painter, scene, item);
    }
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
