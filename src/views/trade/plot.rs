//! The chart itself: the series' lines and markers, the year rule, the events' marks, the
//! hovered and selected points, and the log-scale badge.

use std::collections::HashMap;

use eframe::egui::{self, Pos2, Ui};
use egui_plot::{Line, LineStyle, MarkerShape, Plot, PlotPoint, PlotPoints, Points, VLine};

use crate::app::command::Command;
use crate::chart::{self, ChartModel, MarkerRole, PointRef};
use crate::data::{Dataset, Point};
use crate::display::format::format_value;
use crate::views::cache::{ChartLine, ViewCaches};
use crate::views::paint::plot_lines::PlotLines;
use crate::views::paint::plot_markers::PlotMarkers;
use crate::views::theme;
use crate::views::{ViewContext, ViewKind};

use super::details::{event_tooltip_ui, marker_details_ui};
use super::{HOVER_RADIUS, MARKER_RADIUS, TradeViewState};

pub(super) fn plot_ui(
    ui: &mut Ui,
    cx: &ViewContext<'_>,
    model: &ChartModel,
    state: &mut TradeViewState,
    commands: &mut Vec<Command>,
) {
    let dataset = cx.dataset;
    let current_year = f64::from(cx.cursor.year);
    let selected_event_x = cx
        .selected_event()
        .map(|e| (e.title.clone(), e.date.start_as_year_fraction()));
    let events = if state.show_events {
        chart::event_marks(dataset)
    } else {
        Vec::new()
    };
    let log_scale = model.log_scale;
    let plot_id = format!(
        "trade_plot_{}_{:?}_{}",
        model.unit, state.options.mode, log_scale
    );
    let highlighted_source = state.selected_source.clone();
    let selected = state.selected.clone();
    let pointer = ui.ctx().pointer_hover_pos();

    let plot = chart_plot(plot_id, model);
    let positions = &mut state.marker_positions;
    let line_scale = cx.chrome.line_scale();
    let response = plot.show(ui, |plot_ui| {
        year_lines(
            plot_ui,
            current_year,
            selected_event_x.as_ref(),
            &events,
            line_scale,
        );
        series_ui(
            plot_ui,
            dataset,
            cx.caches,
            model,
            (selected.as_ref(), highlighted_source.as_ref()),
            line_scale,
        );
        record_marker_positions(plot_ui, model, positions);
        let event_positions: Vec<f32> = events
            .iter()
            .map(|e| plot_ui.screen_from_plot(PlotPoint::new(e.x, 0.0)).x)
            .collect();
        (event_positions, plot_ui.pointer_coordinate())
    });

    let (event_positions, pointer_in_plot) = response.inner;
    let plot_rect = response.response.rect;
    let hovered_marker = pointer
        .filter(|p| plot_rect.contains(*p))
        .and_then(|pointer| nearest(&state.marker_positions, pointer));
    state.hovered = hovered_marker.map(|(point, role, _)| (point.clone(), role));

    let hovered_event = if hovered_marker.is_none() {
        pointer
            .filter(|p| plot_rect.contains(*p))
            .and_then(|pointer| {
                events
                    .iter()
                    .zip(&event_positions)
                    .filter(|(_, x)| (pointer.x - **x).abs() < 4.0)
                    .map(|(event, _)| event)
                    .next()
            })
    } else {
        None
    };

    if log_scale {
        badge_ui(ui, plot_rect);
    }

    let mut plot_response = response.response;
    if let Some((point, role)) = state.hovered.clone() {
        let marker = model
            .visible_markers()
            .map(|(_, m)| m)
            .find(|m| m.point == point && m.role == role)
            .cloned();
        if let Some(marker) = marker {
            plot_response = plot_response
                .on_hover_ui_at_pointer(|ui| marker_details_ui(ui, dataset, &model.unit, &marker));
        }
    } else if let Some(event) = hovered_event {
        let event = event.clone();
        plot_response =
            plot_response.on_hover_ui_at_pointer(|ui| event_tooltip_ui(ui, dataset, &event));
    }
    if plot_response.clicked() {
        state.selected = state.hovered.as_ref().map(|(point, _)| point.clone());
        state.selected_source = None;
        let clicked_year = match &state.selected {
            Some(point) => point.resolve(dataset).map(|(_, p)| p.year),
            // A click beside the points picks the year under the pointer.
            #[expect(clippy::cast_possible_truncation, reason = "a year on the axis")]
            None => pointer_in_plot.map(|p| p.x.round() as i32),
        };
        if let Some(year) = clicked_year {
            commands.push(Command::SetYear {
                year,
                from: ViewKind::Trade,
            });
        }
    }
}

/// Fills `positions` with where each visible marker of `model` is drawn, in screen points.
/// Refilled in place: `clone_from` reuses last frame's series id strings (the same markers in
/// the same order while nothing changes), so a frame allocates nothing here.
fn record_marker_positions(
    plot_ui: &egui_plot::PlotUi<'_>,
    model: &ChartModel,
    positions: &mut Vec<(PointRef, MarkerRole, Pos2)>,
) {
    let mut markers = model.drawn_markers().map(|(_, m)| m);
    let mut filled = 0;
    for (slot, marker) in positions.iter_mut().zip(markers.by_ref()) {
        slot.0.series_id.clone_from(&marker.point.series_id);
        slot.0.index = marker.point.index;
        slot.1 = marker.role;
        slot.2 = plot_ui.screen_from_plot(PlotPoint::new(marker.x, marker.y));
        filled += 1;
    }
    positions.truncate(filled);
    positions.extend(markers.map(|m| {
        (
            m.point.clone(),
            m.role,
            plot_ui.screen_from_plot(PlotPoint::new(m.x, m.y)),
        )
    }));
}

/// The plot with its axes: years on x, the model's unit (linear or logarithmic) on y.
fn chart_plot(plot_id: String, model: &ChartModel) -> Plot<'static> {
    let log_scale = model.log_scale;
    let plot = Plot::new(plot_id)
        .x_axis_label("Year")
        .y_axis_label(model.y_label.clone())
        .show_x(false)
        .show_y(false)
        .allow_double_click_reset(true)
        .x_grid_spacer(egui_plot::uniform_grid_spacer(|input| {
            crate::display::ticks::year_grid_steps(input.base_step_size)
        }))
        .x_axis_formatter(|mark, _range| {
            let year = mark.value.round();
            if (mark.value - year).abs() < 1e-6 {
                format!("{year:.0}")
            } else {
                String::new()
            }
        })
        .y_axis_formatter(move |mark, _range| {
            if log_scale {
                format_value(10_f64.powf(mark.value))
            } else {
                format_value(mark.value)
            }
        });
    let plot = if log_scale { plot } else { plot.include_y(0.0) };
    // A short or flat series is framed with room around it (chart::frame).
    let reach = model.frame_reach();
    let plot = match reach.x {
        Some([first, last]) => plot.include_x(first).include_x(last),
        None => plot,
    };
    match reach.y {
        Some([low, high]) => plot.include_y(low).include_y(high),
        None => plot,
    }
}

/// The time cursor, the selected event and, when shown, every event as vertical lines.
fn year_lines(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    current_year: f64,
    selected_event_x: Option<&(String, f64)>,
    events: &[chart::EventMark],
    line_scale: f32,
) {
    plot_ui.vline(
        VLine::new(format!("current year {current_year}"), current_year)
            .color(theme::TIME_CURSOR)
            .width(2.0 * line_scale)
            .allow_hover(false),
    );
    if let Some((title, x)) = selected_event_x {
        plot_ui.vline(
            VLine::new(title.clone(), *x)
                .color(theme::SELECTION_RING)
                .width(2.0 * line_scale)
                .style(LineStyle::dashed_loose())
                .allow_hover(false),
        );
    }
    for event in events {
        plot_ui.vline(
            VLine::new(event.title.clone(), event.x)
                .color(theme::stance_color(event.stance).gamma_multiply(0.5))
                .style(LineStyle::dotted_dense())
                .allow_hover(false),
        );
    }
}

/// The drawn series ([`ChartModel::drawn_series`]): all their lines as one item, then each series' markers, `line_scale`
/// times as thick as in the window; markers on the selected point and on the points of
/// the highlighted source.
fn series_ui<'m>(
    plot_ui: &mut egui_plot::PlotUi<'m>,
    dataset: &Dataset,
    caches: &'m ViewCaches,
    model: &'m ChartModel,
    (selected, highlighted_source): (Option<&PointRef>, Option<&String>),
    line_scale: f32,
) {
    let lines = model
        .drawn_series()
        .flat_map(|(index, series)| series_lines(series, caches.chart_lines(index), line_scale))
        .collect();
    // The lines' triangles are kept while the chart and their width stay the same.
    let content_key = caches.chart_revision() ^ u64::from(line_scale.to_bits()).rotate_left(32);
    plot_ui.add(PlotLines::new(lines, content_key));
    // The points a highlighted source is looked for in, by series (the chart keeps no copy).
    let points_of: HashMap<&str, &[Point]> = if highlighted_source.is_some() {
        dataset
            .series
            .iter()
            .map(|s| (s.id.as_str(), s.points.as_slice()))
            .collect()
    } else {
        HashMap::new()
    };
    for (_, series) in model.drawn_series() {
        let points = points_of.get(series.id.as_str()).copied().unwrap_or(&[]);
        series_markers_ui(
            plot_ui,
            series,
            points,
            (selected, highlighted_source),
            MARKER_RADIUS * line_scale.sqrt(),
        );
    }
}

/// One series' lines (dashed across a gap) and range bars, for [`PlotLines`].
fn series_lines<'m>(
    series: &'m chart::ChartSeries,
    lines: &'m [ChartLine],
    line_scale: f32,
) -> impl Iterator<Item = Line<'m>> {
    let color = theme::series_color(series.palette_index);
    let polylines = lines.iter().map(move |(points, across_gap)| {
        let style = if *across_gap {
            LineStyle::dashed_loose()
        } else {
            LineStyle::Solid
        };
        Line::new(series.label.as_str(), PlotPoints::Borrowed(points))
            .color(color)
            .width(2.0 * line_scale)
            .style(style)
            .allow_hover(false)
    });
    let range_bars = series.range_bars.iter().map(move |&(x, low, high)| {
        Line::new(series.label.as_str(), vec![[x, low], [x, high]])
            .color(color)
            .width(4.0 * line_scale)
            .allow_hover(false)
    });
    polylines.chain(range_bars)
}

/// One series' filled and hollow markers, and diamonds on the selected point and on the
/// points of the highlighted source.
fn series_markers_ui<'m>(
    plot_ui: &mut egui_plot::PlotUi<'m>,
    series: &'m chart::ChartSeries,
    points: &[Point],
    (selected, highlighted_source): (Option<&PointRef>, Option<&String>),
    radius: f32,
) {
    let color = theme::series_color(series.palette_index);
    plot_ui.add(PlotMarkers::new(
        series.label.clone(),
        &series.markers,
        color,
        radius,
    ));
    let emphasised: Vec<[f64; 2]> = series
        .markers
        .iter()
        .filter(|m| {
            selected == Some(&m.point)
                || highlighted_source.is_some_and(|source| m.cites(points, source))
        })
        .map(|m| [m.x, m.y])
        .collect();
    if !emphasised.is_empty() {
        plot_ui.points(
            Points::new("selection", emphasised)
                .color(theme::SELECTION_RING)
                .filled(false)
                .radius(radius + 4.0)
                .shape(MarkerShape::Diamond)
                .allow_hover(false),
        );
    }
}

fn nearest(
    positions: &[(PointRef, MarkerRole, Pos2)],
    pointer: Pos2,
) -> Option<(&PointRef, MarkerRole, f32)> {
    positions
        .iter()
        .map(|(point, role, pos)| (point, *role, pos.distance(pointer)))
        .filter(|(_, _, distance)| *distance <= HOVER_RADIUS)
        .min_by(|a, b| a.2.total_cmp(&b.2))
}

fn badge_ui(ui: &Ui, plot_rect: egui::Rect) {
    let painter = ui.painter_at(plot_rect);
    let text = "LOG SCALE";
    let font = egui::FontId::proportional(14.0);
    let galley = painter.layout_no_wrap(text.to_owned(), font, theme::LOG_BADGE_TEXT);
    let origin = plot_rect.left_top() + egui::vec2(64.0, 10.0);
    let rect = egui::Rect::from_min_size(origin, galley.size()).expand(4.0);
    painter.rect_filled(rect, 4.0, theme::LOG_BADGE);
    painter.galley(origin, galley, theme::LOG_BADGE_TEXT);
}
