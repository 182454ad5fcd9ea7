//! The cooperation map: countries, the dataset's places, corridors and areas, and
//! GeoJSON layers, for one year at a time, with filters, hover and selection.

use std::time::Instant;

use eframe::egui::{
    self, Color32, Mesh, Pos2, Rect, RichText, Sense, Shape, Stroke, Ui, epaint::Vertex, pos2, vec2,
};

use crate::command::Command;
use crate::data::geojson::{GeoLayer, GeoShape};
use crate::data::{Corridor, Dataset, Domain, Place, PlaceKind, SegmentStatus, Stance};
use crate::format::source_citation;
use crate::geo::filter::{MapFilter, year_range};
use crate::geo::mesh::CountryMesh;
use crate::geo::mesh::{points_to_screen, transform_to_screen};
use crate::geo::projection::{MapView, ScreenTransform};
use crate::geo::region::{RegionMap, region_map};
use crate::theme::{self, MapColors};
use crate::views::Shared;

/// Points within which the pointer hovers a symbol or a line.
const HOVER_POINTS: f32 = 9.0;
/// Outline points closer than this to the previous one are skipped.
const MIN_STEP_POINTS: f32 = 1.5;
/// Seconds per year while playing.
const SECONDS_PER_YEAR: f32 = 0.8;

/// Something on the map that can be hovered and selected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MapItem {
    /// A place of the dataset, by id.
    Place(String),
    /// A corridor of the dataset, by id.
    Corridor(String),
    /// An area of the dataset, by id.
    Area(String),
    /// A feature of a GeoJSON layer.
    Feature {
        /// Index of the layer.
        layer: usize,
        /// Index of the feature in it.
        feature: usize,
    },
}

/// What the map remembers between frames: the view, the year and filters, the selection.
#[derive(Debug, Clone)]
pub struct MapViewState {
    /// Centre and zoom; set on the first frame from the screen size.
    pub view: Option<MapView>,
    /// Year and filters; set on the first frame from the dataset.
    pub filter: Option<MapFilter>,
    /// The year advances by itself.
    pub playing: bool,
    play_elapsed: f32,
    /// Under the pointer in the last frame.
    pub hovered: Option<MapItem>,
    /// Clicked.
    pub selected: Option<MapItem>,
    /// Where each place's symbol was drawn in the last frame.
    pub place_positions: Vec<(String, Pos2)>,
    /// CPU time of the last map frame (layout and shapes), in milliseconds.
    pub last_frame_ms: f32,
    /// Show [`Self::last_frame_ms`] beside the year slider.
    pub show_frame_time: bool,
}

impl Default for MapViewState {
    fn default() -> Self {
        Self {
            view: None,
            filter: None,
            playing: false,
            play_elapsed: 0.0,
            hovered: None,
            selected: None,
            place_positions: Vec::new(),
            last_frame_ms: 0.0,
            show_frame_time: true,
        }
    }
}

impl MapViewState {
    /// Forgets what may not exist in a new dataset; keeps the view.
    pub fn on_dataset_changed(&mut self) {
        self.filter = None;
        self.hovered = None;
        self.selected = None;
        self.playing = false;
    }

    /// The filter, created at the dataset's last year on first use.
    pub fn filter_mut(&mut self, dataset: &Dataset) -> &mut MapFilter {
        self.filter
            .get_or_insert_with(|| MapFilter::all_at(year_range(dataset).1))
    }
}

/// Shows the map view; returns what the user asked of the app.
pub fn ui(
    ui: &mut Ui,
    dataset: &Dataset,
    layers: &[GeoLayer],
    state: &mut MapViewState,
    shared: &mut Shared,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let (first_year, last_year) = year_range(dataset);
    state.filter_mut(dataset).year = shared.year.clamp(first_year, last_year);

    if !shared.presenting {
        egui::Panel::right("map_details")
            .resizable(true)
            .default_size(320.0)
            .show(ui, |ui| details_ui(ui, dataset, layers, state));
        egui::Panel::top("map_filters").show(ui, |ui| {
            filters_ui(ui, dataset, state);
            layers_ui(ui, layers, &mut commands);
        });
    }
    if !shared.exporting {
        egui::Panel::bottom("map_time").show(ui, |ui| {
            time_ui(ui, first_year, last_year, state, shared.presenting);
        });
    }
    if let Some(filter) = &state.filter
        && filter.year != shared.year.clamp(first_year, last_year)
    {
        shared.year = filter.year;
    }
    let event_places: &[String] = shared
        .selected_event
        .as_ref()
        .and_then(|id| dataset.events.iter().find(|e| &e.id == id))
        .map_or(&[], |e| e.places.as_slice());
    egui::CentralPanel::default()
        .frame(egui::Frame::new())
        .show(ui, |ui| match region_map() {
            Ok(region) => canvas_ui(
                ui,
                dataset,
                layers,
                region,
                state,
                event_places,
                shared.presenting,
            ),
            Err(reason) => {
                ui.label(format!("The basemap could not be prepared: {reason}"));
            }
        });
    commands
}

fn layers_ui(ui: &mut Ui, layers: &[GeoLayer], commands: &mut Vec<Command>) {
    if layers.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Layers").strong());
        for (index, layer) in layers.iter().enumerate() {
            ui.label(format!(
                "{} ({} features)",
                layer.name,
                layer.features.len()
            ));
            if ui.small_button("Remove").clicked() {
                commands.push(Command::RemoveLayer(index));
            }
        }
    });
}

fn filters_ui(ui: &mut Ui, dataset: &Dataset, state: &mut MapViewState) {
    let filter = state.filter_mut(dataset);
    ui.horizontal_wrapped(|ui| crate::views::domain_toggles_ui(ui, &mut filter.domains));
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Stances").strong());
        for stance in Stance::ALL {
            let mut on = filter.stances.contains(&stance);
            if ui.checkbox(&mut on, stance_legend_text(stance)).changed() {
                crate::views::toggle(&mut filter.stances, stance, on);
            }
        }
    });
}

fn stance_legend_text(stance: Stance) -> String {
    match stance {
        Stance::Cooperation => "cooperation (filled, solid edge)".to_owned(),
        Stance::Divergence => "divergence (hollow, dashed edge)".to_owned(),
        Stance::Mixed => "mixed (half-filled, dotted edge)".to_owned(),
        Stance::Context => "context (grey)".to_owned(),
    }
}

fn time_ui(
    ui: &mut Ui,
    first_year: i32,
    last_year: i32,
    state: &mut MapViewState,
    presenting: bool,
) {
    let Some(filter) = state.filter.as_mut() else {
        return;
    };
    ui.horizontal(|ui| {
        let play_label = if state.playing { "Pause" } else { "Play" };
        if ui.button(play_label).clicked() {
            if !state.playing && filter.year >= last_year {
                filter.year = first_year;
            }
            state.playing = !state.playing;
            state.play_elapsed = 0.0;
        }
        ui.spacing_mut().slider_width = (ui.available_width() - 400.0).max(120.0);
        ui.add(
            egui::Slider::new(&mut filter.year, first_year..=last_year)
                .step_by(1.0)
                .text("Year"),
        );
        if presenting {
            return;
        }
        if ui.button("Reset view").clicked() {
            state.view = None;
        }
        ui.checkbox(&mut state.show_frame_time, "Frame time")
            .on_hover_text("CPU time to lay out and tessellate the last map frame");
        if state.show_frame_time {
            ui.label(
                RichText::new(format!("{:.2} ms", state.last_frame_ms))
                    .monospace()
                    .weak(),
            );
        }
    });
    if state.playing {
        state.play_elapsed += ui.input(|i| i.stable_dt).min(0.1);
        if state.play_elapsed >= SECONDS_PER_YEAR {
            state.play_elapsed = 0.0;
            if filter.year >= last_year {
                state.playing = false;
            } else {
                filter.year += 1;
            }
        }
        ui.ctx().request_repaint();
    }
}

/// Screen geometry of one frame: where projected kilometres land.
struct Frame<'a> {
    view: &'a MapView,
    transform: ScreenTransform,
    rect: Rect,
}

impl<'a> Frame<'a> {
    fn new(view: &'a MapView, rect: Rect) -> Self {
        Self {
            view,
            transform: view
                .screen_transform([rect.min.x, rect.min.y], [rect.width(), rect.height()]),
            rect,
        }
    }

    fn to_screen(&self, xy_km: [f64; 2]) -> Pos2 {
        let [x, y] = self.transform.apply(xy_km);
        pos2(x, y)
    }

    fn lon_lat_to_screen(&self, region: &RegionMap, lon_lat: [f64; 2]) -> Pos2 {
        self.to_screen(region.projection.project(lon_lat))
    }

    fn screen_to_km(&self, pos: Pos2) -> [f64; 2] {
        self.view.from_screen(
            [pos.x, pos.y],
            [self.rect.min.x, self.rect.min.y],
            [self.rect.width(), self.rect.height()],
        )
    }

    /// Whether a box in projected km meets the screen rectangle.
    fn sees(&self, (min, max): ([f32; 2], [f32; 2])) -> bool {
        let a = self.to_screen([f64::from(min[0]), f64::from(min[1])]);
        let b = self.to_screen([f64::from(max[0]), f64::from(max[1])]);
        Rect::from_two_pos(a, b).intersects(self.rect)
    }

    fn rect_min(&self) -> [f32; 2] {
        [self.rect.min.x, self.rect.min.y]
    }

    fn size(&self) -> [f32; 2] {
        [self.rect.width(), self.rect.height()]
    }
}

fn canvas_ui(
    ui: &mut Ui,
    dataset: &Dataset,
    layers: &[GeoLayer],
    region: &RegionMap,
    state: &mut MapViewState,
    event_places: &[String],
    toggles_hidden: bool,
) {
    let started = Instant::now();
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    let size = [rect.width(), rect.height()];
    let rect_min = [rect.min.x, rect.min.y];
    let view = state.view.get_or_insert_with(|| MapView::default_for(size));

    if response.dragged() {
        let delta = response.drag_delta();
        view.pan_by_points([delta.x, delta.y]);
    }
    if let Some((factor, pointer)) = crate::views::zoom_gesture(ui, &response) {
        view.zoom_around(factor, [pointer.x, pointer.y], rect_min, size);
    }
    zoom_buttons_ui(ui, rect, view);
    let view = *view;

    let colors = theme::map_colors(ui.visuals().dark_mode);
    let frame = Frame::new(&view, rect);
    let Some(filter) = state.filter.clone() else {
        return;
    };
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, colors.water);
    paint_countries(&painter, dataset, region, &frame, &filter, colors);
    paint_labels(&painter, region, &frame, colors);
    paint_area_outlines(&painter, dataset, region, &frame, &filter);
    let corridors: Vec<_> = dataset
        .corridors
        .iter()
        .filter(|c| filter.shows(&c.domains, c.stance, c.years))
        .collect();
    for corridor in &corridors {
        paint_corridor(&painter, region, &frame, corridor);
    }
    for layer in layers {
        paint_layer(&painter, region, &frame, layer, &filter);
    }
    state.place_positions.clear();
    for place in dataset
        .places
        .iter()
        .filter(|p| filter.shows(&p.domains, p.stance, p.years))
    {
        let center = frame.lon_lat_to_screen(region, [place.lon, place.lat]);
        paint_place(&painter, place, center, 1.0);
        state.place_positions.push((place.id.clone(), center));
    }

    let areas_shown = dataset
        .areas
        .iter()
        .filter(|a| filter.shows(&a.domains, a.stance, a.years))
        .count();
    let description = format!(
        "Map of {}: {} places, {} routes and {} areas shown",
        filter.year,
        state.place_positions.len(),
        corridors.len(),
        areas_shown
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &description));

    let pointer = response.hover_pos();
    state.hovered = pointer.and_then(|pointer| {
        hit_test(
            dataset,
            layers,
            region,
            &frame,
            &filter,
            &state.place_positions,
            pointer,
        )
    });
    for (id, position) in &state.place_positions {
        if event_places.contains(id) {
            painter.circle_stroke(*position, 15.0, Stroke::new(3.0, theme::SELECTION_RING));
        }
    }
    for item in [&state.hovered, &state.selected].into_iter().flatten() {
        highlight(
            &painter,
            dataset,
            region,
            &frame,
            item,
            &state.place_positions,
        );
    }
    let domain_key: Option<Vec<Domain>> = toggles_hidden.then(|| {
        Domain::ALL
            .into_iter()
            .filter(|domain| filter.domains.contains(domain))
            .collect()
    });
    paint_legend(&painter, rect, colors, domain_key.as_deref());
    paint_credit(&painter, rect, colors);

    let response = if let Some(item) = state.hovered.clone() {
        response.on_hover_ui_at_pointer(|ui| tooltip_ui(ui, dataset, layers, &item))
    } else {
        response
    };
    if response.clicked() {
        state.selected = state.hovered.clone();
    }
    state.last_frame_ms = started.elapsed().as_secs_f32() * 1000.0;
}

fn zoom_buttons_ui(ui: &mut Ui, rect: Rect, view: &mut MapView) {
    let size = [rect.width(), rect.height()];
    let center = [rect.center().x, rect.center().y];
    let buttons = Rect::from_min_size(rect.right_top() + vec2(-44.0, 10.0), vec2(34.0, 72.0));
    ui.scope_builder(egui::UiBuilder::new().max_rect(buttons), |ui| {
        if ui
            .button(RichText::new("+").heading())
            .on_hover_text("Zoom in")
            .clicked()
        {
            view.zoom_around(1.5, center, [rect.min.x, rect.min.y], size);
        }
        if ui
            .button(RichText::new("−").heading())
            .on_hover_text("Zoom out")
            .clicked()
        {
            view.zoom_around(1.0 / 1.5, center, [rect.min.x, rect.min.y], size);
        }
    });
}

/// The stance of the area that covers each country this year, if any.
fn area_stance_by_country<'d>(
    dataset: &'d Dataset,
    filter: &MapFilter,
) -> Vec<(&'d str, Stance, Domain)> {
    dataset
        .areas
        .iter()
        .filter(|a| filter.shows(&a.domains, a.stance, a.years))
        .flat_map(|area| {
            let domain = area.domains.first().copied().unwrap_or(Domain::Diplomacy);
            area.countries
                .iter()
                .map(move |code| (code.as_str(), area.stance, domain))
        })
        .collect()
}

fn paint_countries(
    painter: &egui::Painter,
    dataset: &Dataset,
    region: &RegionMap,
    frame: &Frame<'_>,
    filter: &MapFilter,
    colors: MapColors,
) {
    let parties: Vec<&str> = dataset
        .metadata
        .parties
        .iter()
        .map(|p| p.iso_numeric.as_str())
        .collect();
    let areas = area_stance_by_country(dataset, filter);
    let mut mesh = Mesh::default();
    let mut screen = Vec::new();
    mesh.reserve_vertices(
        region
            .meshes_for(frame.view.km_per_point)
            .iter()
            .map(|m| m.vertices_km.len())
            .sum(),
    );
    mesh.reserve_triangles(
        region
            .meshes_for(frame.view.km_per_point)
            .iter()
            .map(|m| m.indices.len() / 3)
            .sum(),
    );
    let visible: Vec<&CountryMesh> = region
        .meshes_for(frame.view.km_per_point)
        .iter()
        .filter(|mesh| frame.sees(mesh.bounds_km))
        .collect();
    for &country in &visible {
        let base = if parties.contains(&country.iso_numeric.as_str()) {
            colors.party
        } else {
            colors.land
        };
        let color = match areas
            .iter()
            .find(|(code, _, _)| *code == country.iso_numeric)
        {
            Some((_, stance, domain)) => {
                blend(base, theme::domain_color(*domain), area_strength(*stance))
            }
            None => base,
        };
        transform_to_screen(
            country,
            frame.view,
            frame.rect_min(),
            frame.size(),
            &mut screen,
        );
        let offset = u32::try_from(mesh.vertices.len()).unwrap_or(u32::MAX);
        mesh.vertices.extend(screen.iter().map(|&[x, y]| Vertex {
            pos: pos2(x, y),
            uv: egui::epaint::WHITE_UV,
            color,
        }));
        mesh.indices
            .extend(country.indices.iter().map(|index| index + offset));
    }
    painter.add(Shape::mesh(mesh));
    let border = Stroke::new(0.6, colors.border);
    for country in visible {
        for ring in &country.outlines_km {
            let path = ring_to_screen(frame, ring, &mut screen);
            for run in visible_runs(&path, frame.rect) {
                painter.add(Shape::line(run, border));
            }
        }
    }
}

/// A ring on screen, without the points closer than [`MIN_STEP_POINTS`] to the last one
/// kept: at regional zoom most of a 1:50m coastline falls within a pixel.
fn ring_to_screen(
    frame: &Frame<'_>,
    ring_km: &[[f32; 2]],
    scratch: &mut Vec<[f32; 2]>,
) -> Vec<Pos2> {
    points_to_screen(ring_km, frame.view, frame.rect_min(), frame.size(), scratch);
    let mut path: Vec<Pos2> = Vec::with_capacity(scratch.len());
    for &[x, y] in scratch.iter() {
        let point = pos2(x, y);
        if path
            .last()
            .is_none_or(|last| last.distance_sq(point) >= MIN_STEP_POINTS * MIN_STEP_POINTS)
        {
            path.push(point);
        }
    }
    if let (Some(first), Some(last)) = (scratch.first(), path.last_mut()) {
        *last = pos2(first[0], first[1]);
    }
    path
}

/// The stretches of `path` with a segment on screen, so that the parts of long coasts far
/// outside the view are not tessellated.
fn visible_runs(path: &[Pos2], rect: Rect) -> Vec<Vec<Pos2>> {
    let rect = rect.expand(2.0);
    let mut runs = Vec::new();
    let mut run: Vec<Pos2> = Vec::new();
    for pair in path.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if Rect::from_two_pos(a, b).intersects(rect) {
            if run.is_empty() {
                run.push(a);
            }
            run.push(b);
        } else if !run.is_empty() {
            runs.push(std::mem::take(&mut run));
        }
    }
    if run.len() >= 2 {
        runs.push(run);
    }
    runs
}

fn area_strength(stance: Stance) -> f32 {
    match stance {
        Stance::Cooperation => 0.45,
        Stance::Mixed => 0.32,
        Stance::Divergence => 0.25,
        Stance::Context => 0.12,
    }
}

fn blend(base: Color32, tint: Color32, amount: f32) -> Color32 {
    let mix = |a: u8, b: u8| {
        let value = f32::from(a) * (1.0 - amount) + f32::from(b) * amount;
        // Rounded channel values stay within 0..=255.
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "clamped to u8"
        )]
        let channel = value.round().clamp(0.0, 255.0) as u8;
        channel
    };
    Color32::from_rgb(
        mix(base.r(), tint.r()),
        mix(base.g(), tint.g()),
        mix(base.b(), tint.b()),
    )
}

fn paint_labels(painter: &egui::Painter, region: &RegionMap, frame: &Frame<'_>, colors: MapColors) {
    let font = egui::FontId::proportional(12.0);
    for label in region.labels.iter().filter(|label| !label.name.is_empty()) {
        // Approximate width of the name: about 6.5 points a character at this size.
        #[expect(clippy::cast_precision_loss, reason = "name lengths are small")]
        let text_width = label.name.chars().count() as f64 * 6.5;
        if label.width_km / frame.view.km_per_point < text_width {
            continue;
        }
        let pos = frame.to_screen(label.anchor_km);
        if frame.rect.contains(pos) {
            painter.text(
                pos,
                egui::Align2::CENTER_CENTER,
                &label.name,
                font.clone(),
                colors.label,
            );
        }
    }
}

/// Dashes or dots along a closed or open path, by stance, so stance reads without colour.
fn stance_path(path: &[Pos2], stance: Stance, color: Color32, width: f32) -> Vec<Shape> {
    match stance {
        Stance::Cooperation => vec![Shape::line(path.to_vec(), Stroke::new(width, color))],
        Stance::Divergence => Shape::dashed_line(path, Stroke::new(width, color), 8.0, 5.0),
        Stance::Mixed => Shape::dotted_line(path, color, 6.0, width * 0.8),
        Stance::Context => Shape::dashed_line(path, Stroke::new(width * 0.6, color), 3.0, 6.0),
    }
}

fn paint_area_outlines(
    painter: &egui::Painter,
    dataset: &Dataset,
    region: &RegionMap,
    frame: &Frame<'_>,
    filter: &MapFilter,
) {
    for area in dataset
        .areas
        .iter()
        .filter(|a| filter.shows(&a.domains, a.stance, a.years))
    {
        let color = theme::domain_color(area.domains.first().copied().unwrap_or(Domain::Diplomacy));
        for mesh in region
            .meshes_for(frame.view.km_per_point)
            .iter()
            .filter(|m| area.countries.contains(&m.iso_numeric))
        {
            let mut scratch = Vec::new();
            for ring in &mesh.outlines_km {
                let path = ring_to_screen(frame, ring, &mut scratch);
                for run in visible_runs(&path, frame.rect) {
                    painter.extend(stance_path(&run, area.stance, color, 2.0));
                }
            }
        }
        if area.outline.len() >= 3 {
            let mut path: Vec<Pos2> = area
                .outline
                .iter()
                .map(|&lon_lat| frame.lon_lat_to_screen(region, lon_lat))
                .collect();
            if let Some(first) = path.first().copied() {
                path.push(first);
            }
            painter.extend(stance_path(&path, area.stance, color, 2.5));
            let center = centroid(&path);
            painter.text(
                center,
                egui::Align2::CENTER_CENTER,
                &area.name,
                egui::FontId::proportional(12.0),
                color,
            );
        }
    }
}

fn centroid(points: &[Pos2]) -> Pos2 {
    let count = points.len().max(1);
    #[expect(clippy::cast_precision_loss, reason = "few points")]
    let count = count as f32;
    let sum = points
        .iter()
        .fold(vec2(0.0, 0.0), |sum, p| sum + p.to_vec2());
    (sum / count).to_pos2()
}

fn status_shapes(path: &[Pos2], status: SegmentStatus, color: Color32) -> Vec<Shape> {
    match status {
        SegmentStatus::Operating => vec![Shape::line(path.to_vec(), Stroke::new(3.0, color))],
        SegmentStatus::UnderConstruction => {
            Shape::dashed_line(path, Stroke::new(3.0, color), 10.0, 5.0)
        }
        SegmentStatus::Planned => Shape::dashed_line(path, Stroke::new(1.5, color), 4.0, 6.0),
        SegmentStatus::MissingLink => {
            let gap = theme::MISSING_LINK;
            let mut shapes = Shape::dotted_line(path, gap, 7.0, 2.5);
            if let [a, .., b] = path {
                let middle = a.lerp(*b, 0.5);
                shapes.push(Shape::circle_filled(middle, 7.0, gap));
            }
            shapes
        }
    }
}

fn paint_corridor(
    painter: &egui::Painter,
    region: &RegionMap,
    frame: &Frame<'_>,
    corridor: &Corridor,
) {
    let color = theme::domain_color(
        corridor
            .domains
            .first()
            .copied()
            .unwrap_or(Domain::Transport),
    );
    let points: Vec<Pos2> = corridor
        .waypoints
        .iter()
        .map(|w| frame.lon_lat_to_screen(region, [w.lon, w.lat]))
        .collect();
    for (pair, segment) in points.windows(2).zip(&corridor.segments) {
        painter.extend(status_shapes(pair, segment.status, color));
        if segment.status == SegmentStatus::MissingLink {
            painter.text(
                pair[0].lerp(pair[1], 0.5),
                egui::Align2::CENTER_CENTER,
                "!",
                egui::FontId::proportional(11.0),
                Color32::WHITE,
            );
        }
    }
    for point in &points {
        painter.circle_filled(*point, 2.5, color);
    }
}

fn paint_layer(
    painter: &egui::Painter,
    region: &RegionMap,
    frame: &Frame<'_>,
    layer: &GeoLayer,
    filter: &MapFilter,
) {
    for feature in layer
        .features
        .iter()
        .filter(|f| filter.shows_optional(f.domain, f.stance, f.years))
    {
        let color = feature
            .domain
            .map_or(theme::LAYER_WITHOUT_DOMAIN, theme::domain_color);
        let stance = feature.stance.unwrap_or(Stance::Cooperation);
        for shape in &feature.shapes {
            match shape {
                GeoShape::Point(lon_lat) => {
                    let center = frame.lon_lat_to_screen(region, *lon_lat);
                    painter.circle(
                        center,
                        4.5,
                        color.gamma_multiply(0.8),
                        Stroke::new(1.5, Color32::BLACK),
                    );
                }
                GeoShape::Line(line) => {
                    let path: Vec<Pos2> = line
                        .iter()
                        .map(|p| frame.lon_lat_to_screen(region, *p))
                        .collect();
                    painter.extend(stance_path(&path, stance, color, 2.0));
                }
                GeoShape::Polygon { exterior, holes } => {
                    for ring in std::iter::once(exterior).chain(holes) {
                        let path: Vec<Pos2> = ring
                            .iter()
                            .map(|p| frame.lon_lat_to_screen(region, *p))
                            .collect();
                        painter.extend(stance_path(&path, stance, color, 1.8));
                    }
                }
            }
        }
    }
}

/// Draws a place's symbol: shape by kind, colour by domain, fill by stance.
fn paint_place(painter: &egui::Painter, place: &Place, center: Pos2, scale: f32) {
    let color = theme::domain_color(place.domains.first().copied().unwrap_or(Domain::Diplomacy));
    let outline = Stroke::new(1.6 * scale, theme::SYMBOL_OUTLINE);
    let (fill, stroke) = match place.stance {
        Stance::Cooperation => (color, outline),
        Stance::Divergence => (Color32::TRANSPARENT, Stroke::new(2.6 * scale, color)),
        Stance::Mixed => (color.gamma_multiply(0.45), Stroke::new(2.0 * scale, color)),
        Stance::Context => (
            theme::stance_color(Stance::Context),
            Stroke::new(1.0 * scale, theme::SYMBOL_OUTLINE),
        ),
    };
    let r = 6.5 * scale;
    let polygon = |points: Vec<Pos2>| Shape::convex_polygon(points, fill, stroke);
    let shape = match place.kind {
        PlaceKind::AirBase => polygon(vec![
            center + vec2(0.0, -r * 1.2),
            center + vec2(r, r * 0.8),
            center + vec2(-r, r * 0.8),
        ]),
        PlaceKind::NuclearFacility => polygon(vec![
            center + vec2(0.0, -r * 1.2),
            center + vec2(r * 1.2, 0.0),
            center + vec2(0.0, r * 1.2),
            center + vec2(-r * 1.2, 0.0),
        ]),
        PlaceKind::Port | PlaceKind::NavalBase => polygon(vec![
            center + vec2(-r, -r),
            center + vec2(r, -r),
            center + vec2(r, r),
            center + vec2(-r, r),
        ]),
        PlaceKind::BorderCrossing => polygon(vec![
            center + vec2(-r * 0.5, -r),
            center + vec2(r * 0.5, -r),
            center + vec2(r, 0.0),
            center + vec2(r * 0.5, r),
            center + vec2(-r * 0.5, r),
            center + vec2(-r, 0.0),
        ]),
        PlaceKind::City | PlaceKind::Facility | PlaceKind::Region | PlaceKind::Sea => {
            Shape::Circle(egui::epaint::CircleShape {
                center,
                radius: r * 0.85,
                fill,
                stroke,
            })
        }
    };
    painter.add(shape);
    if place.kind == PlaceKind::NavalBase {
        painter.line_segment(
            [center + vec2(0.0, -r * 0.6), center + vec2(0.0, r * 0.6)],
            Stroke::new(1.5, theme::SYMBOL_OUTLINE),
        );
    }
}

fn distance_to_segment(point: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let length_sq = ab.length_sq();
    if length_sq <= f32::EPSILON {
        return point.distance(a);
    }
    let t = ((point - a).dot(ab) / length_sq).clamp(0.0, 1.0);
    point.distance(a + ab * t)
}

fn hit_test(
    dataset: &Dataset,
    layers: &[GeoLayer],
    region: &RegionMap,
    frame: &Frame<'_>,
    filter: &MapFilter,
    place_positions: &[(String, Pos2)],
    pointer: Pos2,
) -> Option<MapItem> {
    if let Some((id, _)) = place_positions
        .iter()
        .map(|(id, pos)| (id, pos.distance(pointer)))
        .filter(|(_, d)| *d <= HOVER_POINTS)
        .min_by(|a, b| a.1.total_cmp(&b.1))
    {
        return Some(MapItem::Place(id.clone()));
    }
    for (layer_index, layer) in layers.iter().enumerate() {
        for (feature_index, feature) in layer.features.iter().enumerate() {
            if !filter.shows_optional(feature.domain, feature.stance, feature.years) {
                continue;
            }
            let near = feature.shapes.iter().any(|shape| match shape {
                GeoShape::Point(p) => {
                    frame.lon_lat_to_screen(region, *p).distance(pointer) <= HOVER_POINTS
                }
                GeoShape::Line(line) => near_path(region, frame, line, pointer),
                GeoShape::Polygon { exterior, .. } => near_path(region, frame, exterior, pointer),
            });
            if near {
                return Some(MapItem::Feature {
                    layer: layer_index,
                    feature: feature_index,
                });
            }
        }
    }
    for corridor in dataset
        .corridors
        .iter()
        .filter(|c| filter.shows(&c.domains, c.stance, c.years))
    {
        let waypoints: Vec<[f64; 2]> = corridor.waypoints.iter().map(|w| [w.lon, w.lat]).collect();
        if near_path(region, frame, &waypoints, pointer) {
            return Some(MapItem::Corridor(corridor.id.clone()));
        }
    }
    let xy_km = frame.screen_to_km(pointer);
    let lon_lat = region.projection.unproject(xy_km);
    let country = region.mesh_at(xy_km).map(|mesh| mesh.iso_numeric.clone());
    dataset
        .areas
        .iter()
        .filter(|a| filter.shows(&a.domains, a.stance, a.years))
        .find(|area| {
            country
                .as_ref()
                .is_some_and(|code| !code.is_empty() && area.countries.contains(code))
                || (area.outline.len() >= 3 && point_in_ring(lon_lat, &area.outline))
        })
        .map(|area| MapItem::Area(area.id.clone()))
}

fn near_path(region: &RegionMap, frame: &Frame<'_>, line: &[[f64; 2]], pointer: Pos2) -> bool {
    let points: Vec<Pos2> = line
        .iter()
        .map(|p| frame.lon_lat_to_screen(region, *p))
        .collect();
    points
        .windows(2)
        .any(|pair| distance_to_segment(pointer, pair[0], pair[1]) <= HOVER_POINTS * 0.7)
}

/// Even-odd test of a `[lon, lat]` point against a ring.
fn point_in_ring(point: [f64; 2], ring: &[[f64; 2]]) -> bool {
    let mut inside = false;
    let mut previous = ring.len() - 1;
    for (index, current) in ring.iter().enumerate() {
        let other = ring[previous];
        if (current[1] > point[1]) != (other[1] > point[1])
            && point[0]
                < (other[0] - current[0]) * (point[1] - current[1]) / (other[1] - current[1])
                    + current[0]
        {
            inside = !inside;
        }
        previous = index;
    }
    inside
}

fn highlight(
    painter: &egui::Painter,
    dataset: &Dataset,
    region: &RegionMap,
    frame: &Frame<'_>,
    item: &MapItem,
    place_positions: &[(String, Pos2)],
) {
    let ring = Stroke::new(2.5, theme::SELECTION_RING);
    match item {
        MapItem::Place(id) => {
            if let Some((_, pos)) = place_positions.iter().find(|(place, _)| place == id) {
                painter.circle_stroke(*pos, 12.0, ring);
            }
        }
        MapItem::Corridor(id) => {
            if let Some(corridor) = dataset.corridors.iter().find(|c| &c.id == id) {
                let path: Vec<Pos2> = corridor
                    .waypoints
                    .iter()
                    .map(|w| frame.lon_lat_to_screen(region, [w.lon, w.lat]))
                    .collect();
                painter.add(Shape::line(
                    path,
                    Stroke::new(7.0, theme::SELECTION_RING.gamma_multiply(0.35)),
                ));
            }
        }
        MapItem::Area(_) | MapItem::Feature { .. } => {}
    }
}

/// The key in the map's bottom-left corner, sized to its text. Where the domain toggles
/// are hidden (presenting, exporting), `domain_key` lists the domains to show with their
/// colours; otherwise the key points to the toggles.
fn paint_legend(
    painter: &egui::Painter,
    rect: Rect,
    colors: MapColors,
    domain_key: Option<&[Domain]>,
) {
    const LINE_HEIGHT: f32 = 16.0;
    const PADDING: f32 = 6.0;
    let font = egui::FontId::proportional(12.0);
    let colour_line = if domain_key.is_some() {
        "colour = domain:"
    } else {
        "colour = domain (see the toggles above)"
    };
    let lines = [
        (
            "triangle = air base · diamond = nuclear · square = port or base · hexagon = crossing · circle = city or region",
            colors.label,
        ),
        (
            "filled = cooperation · hollow = divergence · half = mixed",
            colors.label,
        ),
        (
            "areas: solid edge = cooperation · dashed = divergence · dotted = mixed",
            colors.label,
        ),
        (
            "routes: solid = operating · long dash = under construction",
            colors.label,
        ),
        (
            "short dash = planned · orange dots with ! = missing link",
            theme::MISSING_LINK,
        ),
        (colour_line, colors.label),
    ];
    let galleys: Vec<_> = lines
        .iter()
        .map(|(text, color)| painter.layout_no_wrap((*text).to_owned(), font.clone(), *color))
        .collect();
    let mut width = galleys.iter().map(|g| g.size().x).fold(0.0, f32::max);
    // The domain key: a swatch and a name each, after "colour = domain:", wrapping rows.
    let max_width = (rect.width() - 4.0 * PADDING).max(width);
    let mut key = Vec::new();
    let mut x = galleys.last().map_or(0.0, |g| g.size().x) + 8.0;
    let mut row = galleys.len() - 1;
    for domain in domain_key.unwrap_or_default() {
        let name = painter.layout_no_wrap(domain.label().to_owned(), font.clone(), colors.label);
        let item_width = 14.0 + name.size().x + 10.0;
        if x + item_width > max_width {
            row += 1;
            x = 0.0;
        }
        key.push((x, row, theme::domain_color(*domain), name));
        x += item_width;
        width = width.max(x);
    }
    let rows = row + 1;
    #[expect(clippy::cast_precision_loss, reason = "a handful of rows")]
    let height = rows as f32 * LINE_HEIGHT;
    let origin = rect.left_bottom() + vec2(2.0 * PADDING, -2.0 * PADDING - height);
    let background = Rect::from_min_size(origin, vec2(width, height)).expand(PADDING);
    painter.rect_filled(background, 4.0, colors.water.gamma_multiply(0.85));
    for (index, galley) in galleys.into_iter().enumerate() {
        #[expect(clippy::cast_precision_loss, reason = "six lines")]
        let y = index as f32 * LINE_HEIGHT;
        painter.galley(origin + vec2(0.0, y), galley, colors.label);
    }
    for (x, row, color, name) in key {
        #[expect(clippy::cast_precision_loss, reason = "a handful of rows")]
        let top_left = origin + vec2(x, row as f32 * LINE_HEIGHT);
        painter.circle_filled(top_left + vec2(5.0, LINE_HEIGHT / 2.0 - 1.0), 5.0, color);
        painter.galley(top_left + vec2(14.0, 0.0), name, colors.label);
    }
}

fn paint_credit(painter: &egui::Painter, rect: Rect, colors: MapColors) {
    painter.text(
        rect.right_bottom() + vec2(-8.0, -6.0),
        egui::Align2::RIGHT_BOTTOM,
        "Basemap: Natural Earth via world-atlas 2.0.2 · Albers equal-area conic",
        egui::FontId::proportional(11.0),
        colors.label,
    );
}

/// What the tooltip and the details panel say about a map item.
struct Details {
    name: String,
    /// Kind, stance and years, then any per-segment lines.
    facts: Vec<String>,
    summary: String,
    /// Source ids of the dataset.
    sources: Vec<String>,
    /// A GeoJSON feature's own `source` text.
    source_text: Option<String>,
    /// For places: the id, to list the events that name it.
    place_id: Option<String>,
}

fn describe(item: &MapItem, dataset: &Dataset, layers: &[GeoLayer]) -> Option<Details> {
    let details = |name: &str, facts: Vec<String>, summary: &str, sources: &[String]| Details {
        name: name.to_owned(),
        facts,
        summary: summary.to_owned(),
        sources: sources.to_vec(),
        source_text: None,
        place_id: None,
    };
    match item {
        MapItem::Place(id) => {
            let p = dataset.places.iter().find(|p| &p.id == id)?;
            let facts = vec![format!(
                "{} · {} · {}",
                p.kind.label(),
                p.stance.label(),
                p.years
            )];
            Some(Details {
                place_id: Some(p.id.clone()),
                ..details(&p.name, facts, &p.summary, &p.sources)
            })
        }
        MapItem::Corridor(id) => {
            let c = dataset.corridors.iter().find(|c| &c.id == id)?;
            let mut facts = vec![format!("route · {} · {}", c.stance.label(), c.years)];
            facts.extend(
                c.waypoints
                    .windows(2)
                    .zip(&c.segments)
                    .map(|(pair, segment)| {
                        let note = if segment.note.is_empty() {
                            String::new()
                        } else {
                            format!(" ({})", segment.note)
                        };
                        format!(
                            "{} – {}: {}{note}",
                            pair[0].name,
                            pair[1].name,
                            segment.status.label()
                        )
                    }),
            );
            Some(details(&c.name, facts, &c.summary, &c.sources))
        }
        MapItem::Area(id) => {
            let a = dataset.areas.iter().find(|a| &a.id == id)?;
            let facts = vec![format!("area · {} · {}", a.stance.label(), a.years)];
            Some(details(&a.name, facts, &a.summary, &a.sources))
        }
        MapItem::Feature { layer, feature } => {
            let layer = layers.get(*layer)?;
            let f = layer.features.get(*feature)?;
            let mut facts = vec![format!("feature of the layer {}", layer.name)];
            facts.extend(
                f.other_properties
                    .iter()
                    .map(|(key, value)| format!("{key}: {value}")),
            );
            Some(Details {
                source_text: f.source.clone(),
                ..details(
                    f.name.as_deref().unwrap_or("(unnamed feature)"),
                    facts,
                    "",
                    &[],
                )
            })
        }
    }
}

fn tooltip_ui(ui: &mut Ui, dataset: &Dataset, layers: &[GeoLayer], item: &MapItem) {
    let Some(details) = describe(item, dataset, layers) else {
        return;
    };
    ui.set_max_width(380.0);
    ui.strong(&details.name);
    if let Some(first) = details.facts.first() {
        ui.label(first);
    }
    if !details.summary.is_empty() {
        ui.label(&details.summary);
    }
    ui.label(
        RichText::new("Click for details and sources")
            .small()
            .weak(),
    );
}

fn details_ui(ui: &mut Ui, dataset: &Dataset, layers: &[GeoLayer], state: &mut MapViewState) {
    ui.heading("Details");
    let Some(details) = state
        .selected
        .as_ref()
        .and_then(|item| describe(item, dataset, layers))
    else {
        ui.label(
            RichText::new(
                "Click a place, route or highlighted country for what happened there and the sources.",
            )
            .weak(),
        );
        return;
    };
    if ui.button("Clear selection").clicked() {
        state.selected = None;
    }
    ui.separator();
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.label(RichText::new(&details.name).heading());
        for fact in &details.facts {
            ui.label(fact);
        }
        if !details.summary.is_empty() {
            ui.label(&details.summary);
        }
        if let Some(id) = &details.place_id {
            let events: Vec<_> = dataset
                .events
                .iter()
                .filter(|e| e.places.contains(id))
                .collect();
            if !events.is_empty() {
                ui.separator();
                ui.strong("Events here");
                for event in events {
                    ui.label(format!("{} — {}", event.date, event.title));
                    ui.label(RichText::new(&event.summary).small());
                }
            }
        }
        if !details.sources.is_empty() || details.source_text.is_some() {
            ui.separator();
            ui.strong("Sources");
            for source in &details.sources {
                ui.label(source_citation(dataset, source));
            }
            if let Some(text) = &details.source_text {
                ui.label(text);
            }
        }
    });
}
