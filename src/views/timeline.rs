//! The timeline: every event on a time axis that zooms from centuries to months, in lanes
//! by domain, with stance by colour and shape, hover, selection, filters and search.

use std::collections::BTreeSet;

use eframe::egui::{self, Align2, Color32, FontId, Rect, RichText, Sense, Stroke, Ui, pos2, vec2};

use crate::command::Command;
use crate::data::{Dataset, DatePrecision, Domain, Event, PartialDate, Stance};
use crate::format::source_citation;
use crate::theme;
use crate::views::{Shared, ViewKind, color_swatch};

/// Width of the lane labels on the left, in points.
const LANE_LABEL_WIDTH: f32 = 96.0;
/// Height of the axis at the top, in points.
const AXIS_HEIGHT: f32 = 28.0;
/// Narrowest span the timeline shows, in years (about two weeks).
const MIN_SPAN_YEARS: f64 = 0.04;
/// The span the timeline narrows to when it centres on a year chosen elsewhere.
pub const FOCUS_SPAN_YEARS: f64 = 30.0;
/// Widest span, in years: room for the built-in data's late 16th century to today.
const MAX_SPAN_YEARS: f64 = 500.0;

/// What the timeline remembers between frames.
#[derive(Debug, Clone)]
pub struct TimelineViewState {
    /// First year shown (fractional).
    pub start: f64,
    /// Last year shown (fractional).
    pub end: f64,
    /// Domains shown.
    pub domains: BTreeSet<Domain>,
    /// Stances shown.
    pub stances: BTreeSet<Stance>,
    /// Text that titles or summaries must contain.
    pub search: String,
    /// Where each event was drawn in the last frame (its rectangle on screen).
    pub event_rects: Vec<(String, Rect)>,
    /// The shared year the last frame saw, to centre on it when another view moves it.
    last_seen_year: Option<i32>,
}

impl Default for TimelineViewState {
    fn default() -> Self {
        Self {
            start: 1800.0,
            end: 2026.0,
            domains: Domain::ALL.into_iter().collect(),
            stances: Stance::ALL.into_iter().collect(),
            search: String::new(),
            event_rects: Vec::new(),
            last_seen_year: None,
        }
    }
}

impl TimelineViewState {
    /// Shows `start..end`, clamped to sane spans.
    pub fn show_range(&mut self, start: f64, end: f64) {
        let span = (end - start).clamp(MIN_SPAN_YEARS, MAX_SPAN_YEARS);
        let middle = (start + end) / 2.0;
        self.start = middle - span / 2.0;
        self.end = middle + span / 2.0;
    }

    /// Puts `year` (its middle) in the centre, keeping the span unless it is wider than
    /// [`FOCUS_SPAN_YEARS`] twice over, when it narrows to that: a year chosen elsewhere
    /// is shown with its surroundings, not lost in two centuries.
    pub fn centre_on(&mut self, year: i32) {
        let mut span = self.end - self.start;
        if span > 2.0 * FOCUS_SPAN_YEARS {
            span = FOCUS_SPAN_YEARS;
        }
        let middle = f64::from(year) + 0.5;
        self.show_range(middle - span / 2.0, middle + span / 2.0);
    }

    /// Shows every event of `dataset`, with a little room either side.
    pub fn show_all(&mut self, dataset: &Dataset) {
        let (first, last) = events_span(dataset);
        let margin = ((last - first) * 0.03).max(0.5);
        self.show_range(first - margin, last + margin);
    }

    /// Shows the last `years` years of `dataset`'s events.
    pub fn show_last_years(&mut self, dataset: &Dataset, years: f64) {
        let (_, last) = events_span(dataset);
        self.show_range(last - years, last + 0.2);
    }

    /// Takes `year` as already seen, so that only later changes move the timeline.
    pub fn remember_year(&mut self, year: i32) {
        self.last_seen_year = Some(year);
    }

    /// Whether an event passes the filters and the search.
    pub fn shows(&self, event: &Event) -> bool {
        let search = self.search.trim().to_lowercase();
        self.stances.contains(&event.stance)
            && event.domains.iter().any(|d| self.domains.contains(d))
            && (search.is_empty()
                || event.title.to_lowercase().contains(&search)
                || event.summary.to_lowercase().contains(&search))
    }
}

/// From the start of the earliest event to the end of the latest, in fractional years;
/// the last two centuries when there are no events.
pub fn events_span(dataset: &Dataset) -> (f64, f64) {
    let spans = dataset.events.iter().map(event_span);
    let first = spans
        .clone()
        .map(|(start, _)| start)
        .fold(f64::INFINITY, f64::min);
    let last = spans.map(|(_, end)| end).fold(f64::NEG_INFINITY, f64::max);
    if first.is_finite() && last.is_finite() {
        (first, last)
    } else {
        (1826.0, 2026.0)
    }
}

/// The start and end, in fractional years, of the period a date stands for: a whole year
/// for a year, a month for a month, a day for a day.
pub fn period(date: PartialDate) -> (f64, f64) {
    let start = date.start_as_year_fraction();
    let length = match date.precision() {
        DatePrecision::Year => 1.0,
        DatePrecision::Month => 1.0 / 12.0,
        DatePrecision::Day => 1.0 / 365.0,
    };
    (start, start + length)
}

/// The span an event covers on the axis: its own period, or through the end of its end date's period.
pub fn event_span(event: &Event) -> (f64, f64) {
    let (start, own_end) = period(event.date);
    let end = event.end_date.map_or(own_end, |end| period(end).1);
    (start, end.max(own_end))
}

/// Length, in points, of the dotted whiskers either side of a roughly dated event.
const ROUGH_WHISKER: f32 = 14.0;

/// The lane an event is drawn in: the first of its domains that has a lane shown.
fn lane_of(event: &Event, lanes: &[Domain]) -> Option<usize> {
    event
        .domains
        .iter()
        .find_map(|domain| lanes.iter().position(|lane| lane == domain))
}

/// Tick step in years for a span, and whether ticks are months.
fn tick_step(span_years: f64, width_points: f32) -> f64 {
    let wanted_ticks = f64::from((width_points / 90.0).max(2.0));
    let raw = span_years / wanted_ticks;
    let steps = [
        1.0 / 12.0,
        0.25,
        0.5,
        1.0,
        2.0,
        5.0,
        10.0,
        20.0,
        25.0,
        50.0,
        100.0,
    ];
    steps.into_iter().find(|step| *step >= raw).unwrap_or(100.0)
}

/// The label of a tick at `year`: the year, or below a year's step the month (the year
/// itself at January). Counted in whole months, so that 2017.99999 is 2018, not December.
fn tick_label(year: f64, step: f64) -> String {
    #[expect(clippy::cast_possible_truncation, reason = "years on the axis")]
    let months = (year * 12.0).round() as i64;
    let (whole, month) = (months.div_euclid(12), months.rem_euclid(12));
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match MONTHS.get(usize::try_from(month).unwrap_or_default()) {
        Some(name) if step < 1.0 && month != 0 => (*name).to_owned(),
        _ => whole.to_string(),
    }
}

/// The ticks from `start` to `end` at `step`, each a whole multiple of the step (no drift).
fn ticks(start: f64, end: f64, step: f64) -> impl Iterator<Item = f64> {
    #[expect(clippy::cast_possible_truncation, reason = "tick indices on the axis")]
    let first = (start / step).ceil() as i64;
    #[expect(clippy::cast_precision_loss, reason = "tick indices on the axis")]
    (first..)
        .map(move |index| index as f64 * step)
        .take_while(move |tick| *tick <= end)
}

/// Shows the timeline; returns what the user asked of the app.
pub fn ui(
    ui: &mut Ui,
    dataset: &Dataset,
    state: &mut TimelineViewState,
    shared: &mut Shared,
) -> Vec<Command> {
    let mut commands = Vec::new();
    if state.last_seen_year != Some(shared.year) {
        state.centre_on(shared.year);
        state.last_seen_year = Some(shared.year);
    }
    if !shared.presenting {
        egui::Panel::right("timeline_details")
            .resizable(true)
            .default_size(320.0)
            .show(ui, |ui| details_ui(ui, dataset, shared, &mut commands));
        egui::Panel::top("timeline_filters").show(ui, |ui| filters_ui(ui, dataset, state));
    }
    egui::CentralPanel::default()
        .frame(egui::Frame::new())
        .show(ui, |ui| canvas_ui(ui, dataset, state, shared));
    commands
}

fn filters_ui(ui: &mut Ui, dataset: &Dataset, state: &mut TimelineViewState) {
    ui.horizontal_wrapped(|ui| crate::views::domain_toggles_ui(ui, &mut state.domains));
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Stances").strong());
        for stance in Stance::ALL {
            let mut on = state.stances.contains(&stance);
            color_swatch(
                ui,
                theme::stance_color(stance),
                stance != Stance::Divergence,
            );
            if ui.checkbox(&mut on, stance.label()).changed() {
                crate::views::toggle(&mut state.stances, stance, on);
            }
        }
        ui.separator();
        let search_label = ui.label("Search");
        ui.add(
            egui::TextEdit::singleline(&mut state.search)
                .hint_text("titles and summaries")
                .desired_width(220.0),
        )
        .labelled_by(search_label.id);
        let shown = dataset.events.iter().filter(|e| state.shows(e)).count();
        ui.label(format!("{shown} of {} events", dataset.events.len()));
    });
    ui.horizontal(|ui| {
        ui.label("Show:");
        if ui.button("All").clicked() {
            state.show_all(dataset);
        }
        if ui.button("Last 50 years").clicked() {
            state.show_last_years(dataset, 50.0);
        }
        if ui.button("Last 10 years").clicked() {
            state.show_last_years(dataset, 10.0);
        }
        ui.label(RichText::new("Scroll to zoom around the pointer, drag to pan; click an event to select it, click the axis to set the year.").weak().small());
    });
}

/// An event given its row in its lane and its horizontal extent for one frame.
struct PlacedEvent<'a> {
    event: &'a Event,
    lane: usize,
    row: usize,
    left: f32,
    right: f32,
    as_marker: bool,
    label_on_left: bool,
}

/// Screen geometry of the timeline for one frame.
struct Axis {
    rect: Rect,
    start: f64,
    end: f64,
}

impl Axis {
    fn x_of(&self, year: f64) -> f32 {
        let left = self.rect.left() + LANE_LABEL_WIDTH;
        let width = f64::from(self.rect.width() - LANE_LABEL_WIDTH);
        #[expect(
            clippy::cast_possible_truncation,
            reason = "screen coordinates fit in f32"
        )]
        let x = left + ((year - self.start) / (self.end - self.start) * width) as f32;
        x
    }

    fn year_at(&self, x: f32) -> f64 {
        let left = self.rect.left() + LANE_LABEL_WIDTH;
        let width = f64::from(self.rect.width() - LANE_LABEL_WIDTH);
        self.start + f64::from(x - left) / width * (self.end - self.start)
    }
}

fn canvas_ui(ui: &mut Ui, dataset: &Dataset, state: &mut TimelineViewState, shared: &mut Shared) {
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    let visuals = ui.visuals().clone();
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, visuals.extreme_bg_color);

    // Zoom around the pointer, pan by dragging.
    if let Some((factor, pointer)) = crate::views::zoom_gesture(ui, &response) {
        let axis = Axis {
            rect,
            start: state.start,
            end: state.end,
        };
        let anchor = axis.year_at(pointer.x);
        state.show_range(
            anchor - (anchor - state.start) / factor,
            anchor + (state.end - anchor) / factor,
        );
    }
    if response.dragged() {
        let width = f64::from((rect.width() - LANE_LABEL_WIDTH).max(1.0));
        let shift = -f64::from(response.drag_delta().x) / width * (state.end - state.start);
        state.start += shift;
        state.end += shift;
    }
    let axis = Axis {
        rect,
        start: state.start,
        end: state.end,
    };
    let text_color = visuals.text_color();
    let weak = visuals.weak_text_color();

    // Lanes, one per domain shown; each as tall as the rows its events need.
    let lanes: Vec<Domain> = Domain::ALL
        .into_iter()
        .filter(|d| state.domains.contains(d))
        .collect();
    // Events, packed into rows within their lane so that none hides another; with room for
    // their titles where the rows can be tall enough to show them, else as markers only.
    let pointer = response.hover_pos();
    let mut hovered = None;
    let mut event_rects = Vec::new();
    let mut visible: Vec<&Event> = dataset
        .events
        .iter()
        .filter(|e| state.shows(e))
        .filter(|e| {
            let (start, end) = event_span(e);
            end >= state.start && start <= state.end
        })
        .collect();
    visible.sort_by(|a, b| event_span(a).0.total_cmp(&event_span(b).0));
    let lane_area_height = rect.height() - AXIS_HEIGHT;
    let (mut placed, mut rows_per_lane) = pack_events(&visible, &lanes, &axis, true);
    let titles_fit = row_height_for(&rows_per_lane, lane_area_height) >= TITLE_ROW_HEIGHT;
    if !titles_fit {
        (placed, rows_per_lane) = pack_events(&visible, &lanes, &axis, false);
    }
    let shown_count = placed.len();
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Image,
            true,
            format!(
                "Timeline from {:.0} to {:.0}, {shown_count} events shown; current year {}",
                state.start.floor(),
                state.end.floor(),
                shared.year
            ),
        )
    });
    let row_height = row_height_for(&rows_per_lane, lane_area_height);
    let mut lane_tops = Vec::with_capacity(lanes.len());
    let mut top = rect.top() + AXIS_HEIGHT;
    for (index, domain) in lanes.iter().enumerate() {
        let height = (row_height * lane_rows(rows_per_lane[index])).max(16.0);
        let band = Rect::from_min_size(pos2(rect.left(), top), vec2(rect.width(), height));
        if index % 2 == 1 {
            painter.rect_filled(band, 0.0, visuals.faint_bg_color);
        }
        painter.text(
            pos2(rect.left() + 6.0, top + height / 2.0),
            Align2::LEFT_CENTER,
            domain.label(),
            FontId::proportional(13.0),
            theme::domain_color(*domain),
        );
        lane_tops.push(top);
        top += height;
    }

    // Axis with ticks that follow the zoom.
    let step = tick_step(state.end - state.start, rect.width() - LANE_LABEL_WIDTH);
    for tick in ticks(state.start, state.end, step) {
        let x = axis.x_of(tick);
        painter.line_segment(
            [
                pos2(x, rect.top() + AXIS_HEIGHT - 6.0),
                pos2(x, rect.bottom()),
            ],
            Stroke::new(0.5, weak.gamma_multiply(0.4)),
        );
        painter.text(
            pos2(x, rect.top() + 4.0),
            Align2::CENTER_TOP,
            tick_label(tick, step),
            FontId::proportional(12.0),
            weak,
        );
    }

    // The shared year.
    let (year_start, year_end) = (f64::from(shared.year), f64::from(shared.year) + 1.0);
    let cursor_rect = Rect::from_x_y_ranges(
        axis.x_of(year_start)..=axis.x_of(year_end).max(axis.x_of(year_start) + 2.0),
        rect.top() + AXIS_HEIGHT..=rect.bottom(),
    );
    painter.rect_filled(cursor_rect, 0.0, theme::TIME_CURSOR.gamma_multiply(0.18));
    // The year itself, as a tag on the axis above the band.
    let year_text = painter.layout_no_wrap(
        shared.year.to_string(),
        FontId::proportional(12.0),
        theme::TIME_CURSOR_TEXT,
    );
    let tag_size = year_text.size() + vec2(10.0, 4.0);
    let tag_x = cursor_rect.center().x.clamp(
        rect.left() + LANE_LABEL_WIDTH + tag_size.x / 2.0,
        rect.right() - tag_size.x / 2.0,
    );
    let tag = Rect::from_center_size(pos2(tag_x, rect.top() + AXIS_HEIGHT / 2.0), tag_size);
    painter.rect_filled(tag, 4.0, theme::TIME_CURSOR);
    painter.galley(
        tag.center() - year_text.size() / 2.0,
        year_text,
        theme::TIME_CURSOR_TEXT,
    );

    for PlacedEvent {
        event,
        lane,
        row,
        left,
        right,
        as_marker,
        label_on_left,
    } in placed
    {
        #[expect(clippy::cast_precision_loss, reason = "a handful of rows")]
        let middle_y = lane_tops[lane] + row_height * (row as f32 + 0.5);
        let half_height = (row_height * 0.32).clamp(3.0, 10.0);
        let color = theme::stance_color(event.stance);
        let selected = shared.selected_event.as_deref() == Some(event.id.as_str());
        let shape_rect = if as_marker {
            Rect::from_center_size(
                pos2((left + right) / 2.0, middle_y),
                vec2(half_height * 2.0, half_height * 2.0),
            )
        } else {
            Rect::from_x_y_ranges(
                left..=right,
                middle_y - half_height..=middle_y + half_height,
            )
        };
        paint_event(&painter, event, shape_rect, as_marker, color);
        let whisker = if event.dated_roughly() {
            paint_whiskers(&painter, shape_rect, color);
            ROUGH_WHISKER
        } else {
            0.0
        };
        if selected {
            painter.rect_stroke(
                shape_rect.expand(3.0),
                3.0,
                Stroke::new(2.5, theme::SELECTION_RING),
                egui::StrokeKind::Outside,
            );
        }
        if titles_fit && shape_rect.width() < 400.0 {
            let (anchor, align) = if label_on_left {
                (
                    pos2(shape_rect.left() - whisker - 4.0, middle_y),
                    Align2::RIGHT_CENTER,
                )
            } else {
                (
                    pos2(shape_rect.right() + whisker + 4.0, middle_y),
                    Align2::LEFT_CENTER,
                )
            };
            painter.text(
                anchor,
                align,
                event_label(event),
                FontId::proportional(11.0),
                text_color.gamma_multiply(0.85),
            );
        }
        if pointer.is_some_and(|p| shape_rect.expand(2.0).contains(p)) {
            hovered = Some(event);
        }
        event_rects.push((event.id.clone(), shape_rect));
    }
    state.event_rects = event_rects;

    let response = if let Some(event) = hovered {
        response.on_hover_ui_at_pointer(|ui| event_tooltip_ui(ui, dataset, event))
    } else {
        response
    };
    if response.clicked() {
        if let Some(event) = hovered {
            shared.selected_event = Some(event.id.clone());
            shared.year = event.date.year;
        } else if let Some(pointer) = response.interact_pointer_pos() {
            let year = axis.year_at(pointer.x).floor();
            #[expect(clippy::cast_possible_truncation, reason = "a year on the axis")]
            let year = year as i32;
            shared.year = year;
        }
        state.last_seen_year = Some(shared.year);
    }
}

/// Rows at least this tall show event titles.
const TITLE_ROW_HEIGHT: f32 = 22.0;

/// Packs events (sorted by start) into rows within their lanes so that none overlaps
/// another; with `with_titles`, each also keeps room for its title (before the shape when
/// it would run off the right edge). Returns the events placed and the rows in each lane.
fn pack_events<'a>(
    events: &[&'a Event],
    lanes: &[Domain],
    axis: &Axis,
    with_titles: bool,
) -> (Vec<PlacedEvent<'a>>, Vec<usize>) {
    let mut placed = Vec::new();
    let mut row_ends = vec![Vec::<f32>::new(); lanes.len()];
    for &event in events {
        let Some(lane) = lane_of(event, lanes) else {
            continue;
        };
        let (start, end) = event_span(event);
        let (x0, x1) = (axis.x_of(start), axis.x_of(end));
        let as_marker = (event.end_date.is_none() && event.date.precision() == DatePrecision::Day)
            || x1 - x0 < 6.0;
        let (left, right) = if as_marker {
            let middle = (x0 + x1) / 2.0;
            (middle - 7.0, middle + 7.0)
        } else {
            (x0, x1)
        };
        let whisker = if event.dated_roughly() {
            ROUGH_WHISKER
        } else {
            0.0
        };
        #[expect(clippy::cast_precision_loss, reason = "title lengths are small")]
        let title_width = if with_titles {
            (event_label(event).chars().count() as f32 * 5.6).min(260.0) + 8.0
        } else {
            0.0
        };
        let label_on_left = with_titles
            && right + whisker + title_width > axis.rect.right()
            && left - whisker - title_width > axis.rect.left() + LANE_LABEL_WIDTH;
        let (occupied_from, occupied_to) = if label_on_left {
            (left - whisker - title_width, right + whisker)
        } else {
            (left - whisker, right + whisker + title_width)
        };
        let rows = &mut row_ends[lane];
        let row = rows
            .iter()
            .position(|row_end| *row_end + 3.0 < occupied_from)
            .unwrap_or(rows.len());
        if row == rows.len() {
            rows.push(occupied_to);
        } else {
            rows[row] = occupied_to;
        }
        placed.push(PlacedEvent {
            event,
            lane,
            row,
            left,
            right,
            as_marker,
            label_on_left,
        });
    }
    (placed, row_ends.iter().map(Vec::len).collect())
}

/// The height a lane takes, in rows: its rows, or half a row for its name when empty.
#[expect(clippy::cast_precision_loss, reason = "a few rows per lane")]
fn lane_rows(rows: usize) -> f32 {
    if rows == 0 { 0.5 } else { rows as f32 }
}

/// The height of one row when lanes with these rows share `height` points.
fn row_height_for(rows_per_lane: &[usize], height: f32) -> f32 {
    let total = rows_per_lane
        .iter()
        .copied()
        .map(lane_rows)
        .sum::<f32>()
        .max(1.0);
    (height / total).clamp(12.0, 64.0)
}

/// Draws an event: a bar over its period, or a marker for a single day; colour is the
/// stance, and so is the fill (cooperation filled, divergence hollow, mixed half, context grey).
fn paint_event(
    painter: &egui::Painter,
    event: &Event,
    rect: Rect,
    as_marker: bool,
    color: Color32,
) {
    let stroke = Stroke::new(1.8, color);
    let fill = match event.stance {
        Stance::Cooperation | Stance::Context => color,
        Stance::Divergence => Color32::TRANSPARENT,
        Stance::Mixed => color.gamma_multiply(0.45),
    };
    if as_marker {
        let c = rect.center();
        let r = rect.width() / 2.0;
        let points = vec![
            c + vec2(0.0, -r),
            c + vec2(r, 0.0),
            c + vec2(0.0, r),
            c + vec2(-r, 0.0),
        ];
        painter.add(egui::Shape::convex_polygon(points, fill, stroke));
    } else {
        painter.rect(rect, 3.0, fill, stroke, egui::StrokeKind::Inside);
    }
}

/// Dotted lines either side of a shape: the sources give the date only roughly.
fn paint_whiskers(painter: &egui::Painter, rect: Rect, color: Color32) {
    let y = rect.center().y;
    for (from, to) in [
        (rect.left() - ROUGH_WHISKER, rect.left()),
        (rect.right(), rect.right() + ROUGH_WHISKER),
    ] {
        painter.extend(egui::Shape::dotted_line(
            &[pos2(from, y), pos2(to, y)],
            color,
            4.0,
            1.2,
        ));
    }
}

/// The title as drawn beside the event: `c.` in front when it is dated roughly.
fn event_label(event: &Event) -> String {
    if event.dated_roughly() {
        format!("c. {}", event.title)
    } else {
        event.title.clone()
    }
}

fn event_tooltip_ui(ui: &mut Ui, dataset: &Dataset, event: &Event) {
    ui.set_max_width(400.0);
    ui.strong(&event.title);
    ui.label(format!("{} · {}", event.when(), event.stance.label()));
    if event.dated_roughly() {
        ui.label(RichText::new("The sources give this date only roughly.").italics());
    }
    ui.label(&event.summary);
    for source in &event.sources {
        ui.label(
            RichText::new(source_citation(dataset, source))
                .small()
                .weak(),
        );
    }
}

fn details_ui(ui: &mut Ui, dataset: &Dataset, shared: &mut Shared, commands: &mut Vec<Command>) {
    ui.heading("Event");
    let Some(event) = shared
        .selected_event
        .as_ref()
        .and_then(|id| dataset.events.iter().find(|e| &e.id == id))
    else {
        ui.label(RichText::new("Click an event for its summary, places and sources. Its year becomes the year of every view.").weak());
        return;
    };
    if ui.button("Clear selection").clicked() {
        shared.selected_event = None;
        return;
    }
    ui.separator();
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.label(RichText::new(&event.title).heading());
        ui.label(format!("{} · {}", event.when(), event.stance.label()));
        let domains: Vec<&str> = event.domains.iter().map(|d| d.label()).collect();
        ui.label(RichText::new(domains.join(", ")).weak());
        ui.label(&event.summary);
        if !event.places.is_empty() {
            ui.separator();
            ui.strong("Places");
            for id in &event.places {
                let name = dataset
                    .places
                    .iter()
                    .find(|p| &p.id == id)
                    .map_or(id.as_str(), |p| p.name.as_str());
                ui.label(name);
            }
            if ui.button("Show on the map").clicked() {
                commands.push(Command::ShowView(ViewKind::Map));
            }
        }
        ui.separator();
        ui.strong("Sources");
        for source in &event.sources {
            ui.label(source_citation(dataset, source));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> PartialDate {
        PartialDate::parse(text).expect("valid date")
    }

    #[test]
    fn a_year_covers_the_year_and_a_month_only_the_month() {
        assert_eq!(period(date("2016")), (2016.0, 2017.0));
        let (start, end) = period(date("2016-08"));
        assert!((start - (2016.0 + 7.0 / 12.0)).abs() < 1e-9);
        assert!((end - start - 1.0 / 12.0).abs() < 1e-9);
        let (start, end) = period(date("2024-01-24"));
        assert!(end - start < 0.01);
    }

    #[test]
    fn ranges_run_to_the_end_of_their_end_period() {
        let event = Event {
            id: "e".into(),
            date: date("1980"),
            end_date: Some(date("1988")),
            title: "T".into(),
            summary: "S".into(),
            domains: vec![Domain::Military],
            stance: Stance::Divergence,
            places: Vec::new(),
            sources: vec!["s".into()],
        };
        assert_eq!(event_span(&event), (1980.0, 1989.0));
    }

    #[test]
    fn ticks_follow_the_zoom_from_centuries_to_months() {
        assert!(tick_step(226.0, 1200.0) >= 10.0);
        assert_eq!(tick_step(10.0, 1200.0), 1.0);
        assert!(tick_step(1.0, 1200.0) < 1.0);
        assert_eq!(tick_label(2016.0 + 7.0 / 12.0, 1.0 / 12.0), "Aug");
        assert_eq!(tick_label(2016.0, 1.0 / 12.0), "2016");
    }

    #[test]
    fn search_and_filters_hide_events() {
        let mut state = TimelineViewState::default();
        let event = Event {
            id: "e".into(),
            date: date("2016-08"),
            end_date: None,
            title: "Russian bombers at Hamadan".into(),
            summary: "Air base".into(),
            domains: vec![Domain::Military],
            stance: Stance::Cooperation,
            places: Vec::new(),
            sources: vec!["s".into()],
        };
        assert!(state.shows(&event));
        state.search = "hamadan".into();
        assert!(state.shows(&event));
        state.search = "treaty".into();
        assert!(!state.shows(&event));
        state.search.clear();
        state.stances.remove(&Stance::Cooperation);
        assert!(!state.shows(&event));
    }

    fn event_in(id: &str, year: &str, domain: Domain) -> Event {
        Event {
            id: id.into(),
            date: date(year),
            end_date: None,
            title: format!("A fairly long title for event {id}"),
            summary: "S".into(),
            domains: vec![domain],
            stance: Stance::Cooperation,
            places: Vec::new(),
            sources: vec!["s".into()],
        }
    }

    #[test]
    fn events_pack_tighter_without_room_for_titles_and_never_overlap() {
        let axis = Axis {
            rect: Rect::from_min_size(pos2(0.0, 0.0), vec2(1000.0, 600.0)),
            start: 1800.0,
            end: 2026.0,
        };
        let events: Vec<Event> = (2000..2010)
            .map(|year| event_in(&year.to_string(), &year.to_string(), Domain::Trade))
            .chain([event_in("gulistan", "1813", Domain::Military)])
            .collect();
        let refs: Vec<&Event> = events.iter().collect();
        let lanes = [Domain::Military, Domain::Trade];
        let (with_titles, rows_with_titles) = pack_events(&refs, &lanes, &axis, true);
        let (markers, rows_without) = pack_events(&refs, &lanes, &axis, false);
        assert_eq!(with_titles.len(), events.len());
        assert_eq!(rows_with_titles[0], 1, "one military event, one row");
        assert!(
            rows_without[1] < rows_with_titles[1],
            "{rows_without:?} vs {rows_with_titles:?}"
        );
        for placed in [&with_titles, &markers] {
            for (i, a) in placed.iter().enumerate() {
                for b in &placed[i + 1..] {
                    let same_row = a.lane == b.lane && a.row == b.row;
                    assert!(
                        !same_row || a.right < b.left || b.right < a.left,
                        "{} and {} overlap",
                        a.event.id,
                        b.event.id
                    );
                }
            }
        }
    }

    #[test]
    fn empty_lanes_take_half_a_row_and_rows_stay_readable() {
        assert!((row_height_for(&[0, 2], 100.0) - 40.0).abs() < 1e-4);
        assert!((row_height_for(&[40], 100.0) - 12.0).abs() < 1e-4);
        assert!((row_height_for(&[1], 1000.0) - 64.0).abs() < 1e-4);
    }

    #[test]
    fn year_ticks_at_month_zoom_are_years_however_far_they_are_counted() {
        let labels: Vec<String> = ticks(2015.0, 2019.0, 1.0 / 12.0)
            .map(|tick| tick_label(tick, 1.0 / 12.0))
            .collect();
        assert_eq!(labels.len(), 49);
        for (index, label) in labels.iter().enumerate().step_by(12) {
            assert_eq!(*label, (2015 + index / 12).to_string());
        }
        assert_eq!(labels[7], "Aug");
        assert_eq!(tick_label(2_017.999_999_9, 1.0 / 12.0), "2018");
    }

    #[test]
    fn an_event_of_several_domains_stays_when_its_first_lane_is_hidden() {
        let mut treaty = event_in("treaty", "1828", Domain::Military);
        treaty.domains.push(Domain::Diplomacy);
        assert_eq!(
            lane_of(&treaty, &[Domain::Military, Domain::Diplomacy]),
            Some(0)
        );
        assert_eq!(
            lane_of(&treaty, &[Domain::Trade, Domain::Diplomacy]),
            Some(1)
        );
        assert_eq!(lane_of(&treaty, &[Domain::Trade]), None);
    }

    #[test]
    fn the_whole_range_comes_from_the_dataset() {
        let dataset = crate::data::builtin::builtin_dataset().expect("built-in loads");
        let (first, last) = events_span(&dataset);
        assert!((first - 1575.0).abs() < 1e-9, "{first}");
        assert!((2024.0..=2025.0).contains(&last), "{last}");
        let mut state = TimelineViewState::default();
        state.show_all(&dataset);
        assert!(state.start < 1575.0 && state.end > last);
        state.show_last_years(&dataset, 10.0);
        assert!((state.start - (last - 10.0)).abs() < 1e-9);
    }

    #[test]
    fn centring_keeps_the_span() {
        let mut state = TimelineViewState::default();
        state.show_range(2010.0, 2020.0);
        state.centre_on(1990);
        assert!((state.end - state.start - 10.0).abs() < 1e-9);
        assert!(((state.start + state.end) / 2.0 - 1990.5).abs() < 1e-9);
    }
}
