//! Drawing the timeline and answering the pointer: lanes, ticks, the time cursor, the
//! events, hover and clicks.

use eframe::egui::{self, Align2, Color32, FontId, Rect, Sense, Stroke, Ui, pos2, vec2};

use super::axis::{AXIS_HEIGHT, Axis, LANE_LABEL_WIDTH, event_span};
use super::layout::{
    PackKey, Packed, PlacedEvent, ROUGH_WHISKER, TITLE_ROW_HEIGHT, event_label, lane_rows,
    lanes_shown, pack_events, row_height_for,
};
use super::state::TimelineViewState;
use crate::app::command::Command;
use crate::data::PartialDate;
use crate::data::records::{RecordKind, RecordRef};
use crate::data::{Domain, Event};
use crate::display::ticks::CalendarStep;
use crate::views::editor::Seed;
use crate::views::paint::sprites::{SpriteLayer, SpriteShape, SpriteSheet};
use crate::views::theme;
use crate::views::widgets::zoom_gesture;
use crate::views::{ViewContext, ViewKind};

/// The lanes, the axis, the cursor and the events; a click selects an event or sets the year.
pub(super) fn canvas_ui(
    ui: &mut Ui,
    cx: &ViewContext<'_>,
    state: &mut TimelineViewState,
    commands: &mut Vec<Command>,
) {
    let year = cx.cursor.year;
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    let visuals = ui.visuals().clone();
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, visuals.extreme_bg_color);

    pan_and_zoom(ui, &response, rect, state);
    let axis = Axis {
        rect,
        start: state.start,
        end: state.end,
    };

    // Events, packed into rows within their lane so that none hides another; with room for
    // their titles where the rows can be tall enough to show them, else as markers only.
    // Packed again only when the data, the span, the canvas or the filters change.
    let lane_area_height = rect.height() - AXIS_HEIGHT;
    let key = PackKey {
        generation: cx.caches.generation(),
        start: state.start,
        end: state.end,
        rect,
        filters: (
            state.domains.iter().copied().collect(),
            state.stances.iter().copied().collect(),
            state.search.clone(),
        ),
        // On a slide or in a picture, only the lanes with events in the span.
        only_lanes_with_events: !cx.chrome.is_full(),
    };
    let packed = match state.packed.take() {
        Some(packed) if packed.key == key => packed,
        _ => {
            let visible = visible_events(cx, state);
            // Lanes, one per domain shown; each as tall as the rows its events need.
            let lanes = lanes_shown(&visible, &state.domains, key.only_lanes_with_events);
            let (mut placed, mut rows_per_lane) = pack_events(&visible, &lanes, &axis, true);
            let titles_fit = row_height_for(&rows_per_lane, lane_area_height) >= TITLE_ROW_HEIGHT;
            if !titles_fit {
                (placed, rows_per_lane) = pack_events(&visible, &lanes, &axis, false);
            }
            Packed {
                key,
                lanes,
                placed,
                rows_per_lane,
                titles_fit,
            }
        }
    };
    let Packed {
        lanes,
        placed,
        rows_per_lane,
        titles_fit,
        ..
    } = &packed;
    let titles_fit = *titles_fit;
    let shown_count = placed.len();
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Image,
            true,
            format!(
                "Timeline from {:.0} to {:.0}, {shown_count} events shown; current year {}",
                state.start.floor(),
                state.end.floor(),
                year
            ),
        )
    });
    let row_height = row_height_for(rows_per_lane, lane_area_height);
    // Presenting's own sizes: bigger text, thicker outlines ([`EventLook::new`]).
    let label_scale = cx.chrome.label_scale();
    let (lane_tops, lane_names) = paint_lanes(
        &painter,
        (&visuals, label_scale),
        rect,
        lanes,
        rows_per_lane,
        row_height,
    );

    paint_ticks(&painter, &axis, visuals.weak_text_color(), label_scale);
    paint_cursor(&painter, &axis, year, label_scale);

    let look = EventLook::new(ui.ctx(), &visuals, row_height, titles_fit, cx.chrome);
    let (hovered, event_rects) = paint_events(
        &painter,
        cx,
        placed,
        &lane_tops,
        &look,
        response.hover_pos(),
    );
    // The lanes' names over the events, which may run beneath them.
    painter.extend(lane_names);
    state.event_rects = event_rects;
    state.packed = Some(packed);

    let response = if let Some(event) = hovered {
        response.on_hover_ui_at_pointer(|ui| super::event_tooltip_ui(ui, cx.dataset, event))
    } else {
        response
    };
    if cx.dataset.events.is_empty() {
        paint_empty_guide(&painter, rect, &visuals);
    }
    commands.extend(pointer_commands(cx, &response, &axis, hovered));
}

/// What a click (select, set the year) or a double-click (edit, new event) asks for.
fn pointer_commands(
    cx: &ViewContext<'_>,
    response: &egui::Response,
    axis: &Axis,
    hovered: Option<&Event>,
) -> Vec<Command> {
    if response.double_clicked() && cx.chrome.is_full() {
        double_click_commands(response, axis, hovered)
    } else if response.clicked() {
        click_commands(response, axis, hovered)
    } else {
        Vec::new()
    }
}

/// What an empty timeline says instead of showing empty lanes alone.
fn paint_empty_guide(painter: &egui::Painter, rect: Rect, visuals: &egui::Visuals) {
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        "No events yet.\nDouble-click the timeline at a date to add one there, or press Ctrl+Shift+E.\nFile › Import reads SIPRI registers, UN votes and chronologies into events.",
        egui::FontId::proportional(16.0),
        visuals.text_color(),
    );
}

/// A double-click on an event opens it in the editor; elsewhere it starts a new event at
/// the date under the pointer, as precise as the zoom allows (a year, a month, a day).
fn double_click_commands(
    response: &egui::Response,
    axis: &Axis,
    hovered: Option<&Event>,
) -> Vec<Command> {
    if let Some(event) = hovered {
        return vec![Command::EditRecord(RecordRef::new(
            RecordKind::Event,
            event.id.clone(),
        ))];
    }
    let Some(pointer) = response.interact_pointer_pos() else {
        return Vec::new();
    };
    let date = date_at(axis.year_at(pointer.x), axis.end - axis.start);
    vec![Command::NewRecord(
        RecordKind::Event,
        Seed {
            date: Some(date),
            lon_lat: None,
            year: Some(date.year),
        },
    )]
}

/// The date at `year` on the axis, to the year when decades are shown, to the month when a
/// few years are, to the day when months are.
fn date_at(year: f64, years_shown: f64) -> PartialDate {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a year on the axis; month and day clamped to their ranges"
    )]
    {
        let whole = year.floor();
        let fraction = year - whole;
        let mut date = PartialDate::year(whole as i32);
        if years_shown <= 6.0 {
            let month = (fraction * 12.0).floor().clamp(0.0, 11.0);
            date.month = Some(month as u8 + 1);
            if years_shown <= 0.5 {
                let day = ((fraction * 12.0 - month) * 30.0).floor().clamp(0.0, 27.0);
                date.day = Some(day as u8 + 1);
            }
        }
        date
    }
}

/// Zoom around the pointer, pan by dragging.
fn pan_and_zoom(ui: &Ui, response: &egui::Response, rect: Rect, state: &mut TimelineViewState) {
    if let Some((factor, pointer)) = zoom_gesture(ui, response) {
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
}

/// The events that match the search and filters and fall in the span shown, earliest
/// first, with their index in the dataset.
fn visible_events<'a>(cx: &ViewContext<'a>, state: &TimelineViewState) -> Vec<(usize, &'a Event)> {
    let matcher = state.matcher();
    let mut visible: Vec<(usize, &Event)> = cx
        .dataset
        .events
        .iter()
        .enumerate()
        .filter(|(index, e)| matcher.matches(e, cx.caches.event_text(*index)))
        .filter(|(_, e)| {
            let (start, end) = event_span(e);
            end >= state.start && start <= state.end
        })
        .collect();
    visible.sort_by(|(_, a), (_, b)| event_span(a).0.total_cmp(&event_span(b).0));
    visible
}

/// The lane bands and their names; returns the top of each lane and, when presenting
/// (`label_scale` above 1), the names to paint over the events instead.
fn paint_lanes(
    painter: &egui::Painter,
    (visuals, label_scale): (&egui::Visuals, f32),
    rect: Rect,
    lanes: &[Domain],
    rows_per_lane: &[usize],
    row_height: f32,
) -> (Vec<f32>, Vec<egui::Shape>) {
    let mut lane_tops = Vec::with_capacity(lanes.len());
    let mut names = Vec::with_capacity(lanes.len() * 2);
    let mut top = rect.top() + AXIS_HEIGHT;
    for (index, domain) in lanes.iter().enumerate() {
        let height = (row_height * lane_rows(rows_per_lane[index])).max(16.0);
        let band = Rect::from_min_size(pos2(rect.left(), top), vec2(rect.width(), height));
        if index % 2 == 1 {
            painter.rect_filled(band, 0.0, visuals.faint_bg_color);
        }
        let name = painter.layout_no_wrap(
            domain.label().to_owned(),
            FontId::proportional(13.0 * label_scale),
            theme::domain_color(*domain),
        );
        let name_rect = Align2::LEFT_CENTER
            .anchor_size(pos2(rect.left() + 6.0, top + height / 2.0), name.size());
        let color = theme::domain_color(*domain);
        if label_scale > 1.0 {
            // Presenting's bigger names would be crossed by the bars beneath them: they go
            // over the events, on a backing of their own.
            names.push(egui::Shape::rect_filled(
                name_rect.expand(2.0),
                3.0,
                visuals.extreme_bg_color,
            ));
            names.push(egui::Shape::galley(name_rect.min, name, color));
        } else {
            painter.galley(name_rect.min, name, color);
        }
        lane_tops.push(top);
        top += height;
    }
    (lane_tops, names)
}

/// Every placed event, single-day ones' diamonds in one mesh beneath titles and rings.
/// Returns the event under `pointer` and where each event was drawn.
fn paint_events<'d>(
    painter: &egui::Painter,
    cx: &ViewContext<'d>,
    placed: &[PlacedEvent],
    lane_tops: &[f32],
    look: &EventLook,
    pointer: Option<egui::Pos2>,
) -> (Option<&'d Event>, Vec<(String, Rect)>) {
    let mut hovered = None;
    let mut event_rects = Vec::with_capacity(placed.len());
    let diamonds_slot = painter.add(egui::Shape::Noop);
    let mut diamond_mesh = look.diamonds.mesh(placed.len());
    for placed_event in placed {
        let Some(event) = cx.dataset.events.get(placed_event.index) else {
            continue;
        };
        let selected = cx.cursor.selected_event.as_deref() == Some(event.id.as_str());
        let top = lane_tops[placed_event.lane];
        let shape_rect = paint_placed_event(
            painter,
            &mut diamond_mesh,
            event,
            placed_event,
            top,
            selected,
            look,
        );
        if pointer.is_some_and(|p| shape_rect.expand(2.0).contains(p)) {
            hovered = Some(event);
        }
        event_rects.push((event.id.clone(), shape_rect));
    }
    painter.set(diamonds_slot, egui::Shape::mesh(diamond_mesh));
    (hovered, event_rects)
}

/// The width of an event's outline in the window, in points.
const EVENT_OUTLINE_WIDTH: f32 = 1.8;

/// The size of an event's title in the window, in points.
const EVENT_TITLE_SIZE: f32 = 11.0;

/// Half the height of an event's bar or marker in rows `row_height` tall.
fn event_half_height(row_height: f32) -> f32 {
    (row_height * 0.32).clamp(3.0, 10.0)
}

/// What every event on the canvas shares this frame.
struct EventLook {
    row_height: f32,
    half_height: f32,
    titles_fit: bool,
    text_color: Color32,
    /// The width of the events' outlines and selection rings' base, in points.
    outline_width: f32,
    /// The size of the events' titles, in points.
    title_size: f32,
    /// The diamond single-day events are drawn with.
    diamonds: SpriteSheet,
}

impl EventLook {
    /// The look of events in rows `row_height` tall, with their titles when they fit, at
    /// the sizes of `chrome` (presenting's own: thicker outlines, bigger titles).
    fn new(
        ctx: &egui::Context,
        visuals: &egui::Visuals,
        row_height: f32,
        titles_fit: bool,
        chrome: crate::views::Chrome,
    ) -> Self {
        let half_height = event_half_height(row_height);
        let outline_width = EVENT_OUTLINE_WIDTH * chrome.line_scale();
        Self {
            row_height,
            half_height,
            titles_fit,
            text_color: visuals.text_color(),
            outline_width,
            title_size: EVENT_TITLE_SIZE * chrome.label_scale(),
            diamonds: SpriteSheet::get(ctx, SpriteShape::Diamond, half_height, outline_width),
        }
    }
}

/// One event in its row: bar or marker, whiskers when dated roughly, the selection ring and
/// its title when there is room. Returns the rectangle that answers the pointer.
fn paint_placed_event(
    painter: &egui::Painter,
    diamond_mesh: &mut egui::Mesh,
    event: &Event,
    placed: &PlacedEvent,
    lane_top: f32,
    selected: bool,
    look: &EventLook,
) -> Rect {
    let PlacedEvent {
        row,
        left,
        right,
        as_marker,
        label_on_left,
        ..
    } = *placed;
    #[expect(clippy::cast_precision_loss, reason = "a handful of rows")]
    let middle_y = lane_top + look.row_height * (row as f32 + 0.5);
    let half_height = look.half_height;
    let color = theme::stance_color(event.stance);
    let shape_rect = if as_marker {
        Rect::from_center_size(
            pos2(f32::midpoint(left, right), middle_y),
            vec2(half_height * 2.0, half_height * 2.0),
        )
    } else {
        Rect::from_x_y_ranges(
            left..=right,
            middle_y - half_height..=middle_y + half_height,
        )
    };
    paint_event(
        painter,
        diamond_mesh,
        look,
        event,
        shape_rect,
        as_marker,
        color,
    );
    let whisker = if event.dated_roughly() {
        paint_whiskers(painter, shape_rect, color);
        ROUGH_WHISKER
    } else {
        0.0
    };
    if selected {
        painter.rect_stroke(
            shape_rect.expand(3.0),
            3.0,
            Stroke::new(
                2.5 / EVENT_OUTLINE_WIDTH * look.outline_width,
                theme::SELECTION_RING,
            ),
            egui::StrokeKind::Outside,
        );
    }
    if look.titles_fit && shape_rect.width() < 400.0 {
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
            FontId::proportional(look.title_size),
            look.text_color.gamma_multiply(0.85),
        );
    }
    shape_rect
}

/// A click on an event selects it and moves the cursor to its year; elsewhere it moves the
/// cursor to the year clicked.
fn click_commands(response: &egui::Response, axis: &Axis, hovered: Option<&Event>) -> Vec<Command> {
    if let Some(event) = hovered {
        vec![
            Command::SelectEvent(Some(event.id.clone())),
            Command::SetYear {
                year: event.date.year,
                from: ViewKind::Timeline,
            },
        ]
    } else if let Some(pointer) = response.interact_pointer_pos() {
        #[expect(clippy::cast_possible_truncation, reason = "a year on the axis")]
        let year = axis.year_at(pointer.x).floor() as i32;
        vec![Command::SetYear {
            year,
            from: ViewKind::Timeline,
        }]
    } else {
        Vec::new()
    }
}

/// Tick lines and labels (`label_scale` times the window's size) that follow the zoom.
fn paint_ticks(painter: &egui::Painter, axis: &Axis, weak: Color32, label_scale: f32) {
    let rect = axis.rect;
    let step = CalendarStep::for_room(
        axis.end - axis.start,
        f64::from(rect.width() - LANE_LABEL_WIDTH),
        90.0,
    );
    for tick in step.ticks(axis.start, axis.end) {
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
            step.label(tick),
            FontId::proportional(12.0 * label_scale),
            weak,
        );
    }
}

/// The time cursor: a band over its year and the year as a tag on the axis (`label_scale`
/// times the window's size).
fn paint_cursor(painter: &egui::Painter, axis: &Axis, year: i32, label_scale: f32) {
    let rect = axis.rect;
    let (year_start, year_end) = (f64::from(year), f64::from(year) + 1.0);
    let cursor_rect = Rect::from_x_y_ranges(
        axis.x_of(year_start)..=axis.x_of(year_end).max(axis.x_of(year_start) + 2.0),
        rect.top() + AXIS_HEIGHT..=rect.bottom(),
    );
    painter.rect_filled(cursor_rect, 0.0, theme::TIME_CURSOR.gamma_multiply(0.18));
    // The year itself, as a tag on the axis above the band.
    let year_text = painter.layout_no_wrap(
        year.to_string(),
        FontId::proportional(12.0 * label_scale),
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
}

/// Draws an event: a bar over its period, or a diamond for a single day (added to
/// `diamond_mesh`); colour is the stance, and so is the fill (cooperation filled, divergence
/// hollow, mixed half, context grey).
fn paint_event(
    painter: &egui::Painter,
    diamond_mesh: &mut egui::Mesh,
    look: &EventLook,
    event: &Event,
    rect: Rect,
    as_marker: bool,
    color: Color32,
) {
    // Context events keep their own grey: the stance colour is the colour here.
    let fill = theme::stance_fill(event.stance, color);
    if as_marker {
        let centre = rect.center();
        if fill != Color32::TRANSPARENT {
            look.diamonds
                .add(diamond_mesh, centre, SpriteLayer::Fill, fill);
        }
        look.diamonds
            .add(diamond_mesh, centre, SpriteLayer::Stroke, color);
    } else {
        let stroke = Stroke::new(look.outline_width, color);
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
