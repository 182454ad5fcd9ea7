//! The trade chart: every series of one unit over the years, with the source of each point.

use eframe::egui::{self, Color32, Pos2, RichText, Ui};
use egui_plot::{Line, LineStyle, MarkerShape, Plot, PlotPoint, PlotPoints, Points, VLine};

use crate::chart::{
    self, ChartMode, ChartModel, ChartOptions, EventMark, Marker, MarkerRole, PointRef,
};
use crate::command::Command;
use crate::data::Dataset;
use crate::format::format_value;
use crate::theme;
use crate::views::cache::{ChartLine, ViewCaches};
use crate::views::legend::legend_entry;
use crate::views::mirror::{self, MirrorState};
use crate::views::plot_lines::PlotLines;
use crate::views::plot_markers::PlotMarkers;
use crate::views::widgets::{CitationStyle, citations_ui};
use crate::views::{ViewContext, ViewKind};

/// How close, in points, the pointer must be to a marker to hover it.
const HOVER_RADIUS: f32 = 12.0;
/// The button that shows the mirror view in place of the chart.
pub const MIRROR_TOGGLE: &str = "Mirror: both reports";
/// Marker radius in points.
const MARKER_RADIUS: f32 = 5.0;

/// What the trade view remembers between frames. It holds no data, only choices.
#[derive(Debug, Clone, Default)]
pub struct TradeViewState {
    /// Unit, series toggles, gaps, log scale, mode.
    pub options: ChartOptions,
    /// Draw a rule at each event's date.
    pub show_events: bool,
    /// The point the user clicked.
    pub selected: Option<PointRef>,
    /// The source the user picked in the sources panel.
    pub selected_source: Option<String>,
    /// The marker under the pointer in the last frame.
    pub hovered: Option<(PointRef, MarkerRole)>,
    /// Where each visible marker was drawn in the last frame, in screen points.
    pub marker_positions: Vec<(PointRef, MarkerRole, Pos2)>,
    /// The mirror view: one flow as each side reports it, in place of the chart.
    pub mirror: MirrorState,
}

impl TradeViewState {
    /// Forgets selections that may not exist in a new dataset.
    pub fn on_dataset_changed(&mut self) {
        self.selected = None;
        self.selected_source = None;
        self.hovered = None;
        self.marker_positions.clear();
    }

    /// Sources cited by the selected point, if any.
    pub fn selected_sources<'d>(&self, dataset: &'d Dataset) -> Vec<&'d str> {
        self.selected
            .as_ref()
            .and_then(|selected| selected.resolve(dataset))
            .map(|(_, point)| point.sources.iter().map(String::as_str).collect())
            .unwrap_or_default()
    }
}

/// Shows the trade view; what the user asks of the app goes into `commands`.
pub fn ui(
    ui: &mut Ui,
    cx: &ViewContext<'_>,
    state: &mut TradeViewState,
    commands: &mut Vec<Command>,
) {
    let dataset = cx.dataset;
    let model = cx.caches.chart();

    if cx.chrome.is_full() {
        egui::Panel::right("trade_sources")
            .resizable(true)
            .default_size(330.0)
            .show(ui, |ui| sources_panel_ui(ui, dataset, state));
    }

    egui::Panel::top("trade_controls").show(ui, |ui| {
        if cx.chrome.is_full() {
            controls_ui(ui, model, state);
        }
        legend_ui(ui, model, state);
    });

    egui::CentralPanel::default().show(ui, |ui| {
        if state.mirror.shown {
            mirror::ui(ui, dataset, &model.unit, &mut state.mirror);
            return;
        }
        let caption = if model.hidden_on_log_scale > 0 {
            format!(
                "{} value(s) of zero or less cannot be shown on a log scale and are hidden.",
                model.hidden_on_log_scale
            )
        } else {
            "Hover a point for its value and source; click it to highlight its source. Hollow markers are approximate; breaks in a line are years without data.".to_owned()
        };
        egui::Panel::bottom("trade_caption")
            .show_separator_line(false)
            .show(ui, |ui| {
                ui.label(RichText::new(caption).small().weak());
            });
        plot_ui(ui, cx, model, state, commands);
    });
}

fn controls_ui(ui: &mut Ui, model: &ChartModel, state: &mut TradeViewState) {
    ui.horizontal_wrapped(|ui| {
        let current = model.unit.clone();
        egui::ComboBox::from_label("Unit")
            .selected_text(&current)
            .show_ui(ui, |ui| {
                for unit in &model.units {
                    if ui.selectable_label(*unit == current, unit).clicked() {
                        state.options.unit = Some(unit.clone());
                        state.selected = None;
                    }
                }
            });
        ui.separator();
        ui.selectable_value(&mut state.options.mode, ChartMode::Values, "Values");
        ui.selectable_value(
            &mut state.options.mode,
            ChartMode::YearOverYear,
            "Year-over-year change",
        );
        ui.separator();
        ui.checkbox(&mut state.options.connect_gaps, "Connect gaps");
        ui.add_enabled(
            state.options.mode == ChartMode::Values,
            egui::Checkbox::new(&mut state.options.log_scale, "Log scale"),
        );
        ui.checkbox(&mut state.show_events, "Event markers");
        ui.separator();
        ui.toggle_value(&mut state.mirror.shown, MIRROR_TOGGLE)
            .on_hover_text("Both reports of one flow side by side, with the gap between them");
    });
}

fn legend_ui(ui: &mut Ui, model: &ChartModel, state: &mut TradeViewState) {
    if model.series.is_empty() {
        ui.label("This dataset has no series in this unit.");
    }
    ui.horizontal_wrapped(|ui| {
        for series in &model.series {
            let mut visible = series.visible;
            let entry = legend_entry(
                ui,
                &series.label,
                theme::series_color(series.palette_index),
                &mut visible,
            );
            if entry.changed() {
                state
                    .options
                    .series_shown
                    .insert(series.id.clone(), visible);
            }
            if entry.hovered() {
                entry.on_hover_text("Show or hide this series");
            }
        }
    });
    ui.label(
        RichText::new(
            "filled marker = reported value · hollow = approximate (\"about\") · bar = reported as a range · red diamond = selected · click a series name to show or hide it",
        )
        .small()
        .weak(),
    );
}

fn plot_ui(
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
    let response = plot.show(ui, |plot_ui| {
        year_lines(plot_ui, current_year, selected_event_x.as_ref(), &events);
        series_ui(
            plot_ui,
            cx.caches,
            model,
            selected.as_ref(),
            highlighted_source.as_ref(),
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
    let mut markers = model.visible_markers().map(|(_, m)| m);
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
            crate::ticks::year_grid_steps(input.base_step_size)
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
) {
    plot_ui.vline(
        VLine::new(format!("current year {current_year}"), current_year)
            .color(theme::TIME_CURSOR)
            .width(2.0)
            .allow_hover(false),
    );
    if let Some((title, x)) = selected_event_x {
        plot_ui.vline(
            VLine::new(title.clone(), *x)
                .color(theme::SELECTION_RING)
                .width(2.0)
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

/// The visible series: all their lines as one item, then each series' markers.
fn series_ui<'m>(
    plot_ui: &mut egui_plot::PlotUi<'m>,
    caches: &'m ViewCaches,
    model: &'m ChartModel,
    selected: Option<&PointRef>,
    highlighted_source: Option<&String>,
) {
    let visible_series = || {
        model
            .series
            .iter()
            .enumerate()
            .filter(|(_, series)| series.visible)
    };
    let lines = visible_series()
        .flat_map(|(index, series)| series_lines(series, caches.chart_lines(index)))
        .collect();
    plot_ui.add(PlotLines::new(lines, caches.chart_revision()));
    for (_, series) in visible_series() {
        series_markers_ui(plot_ui, series, selected, highlighted_source);
    }
}

/// One series' lines (dashed across a gap) and range bars, for [`PlotLines`].
fn series_lines<'m>(
    series: &'m chart::ChartSeries,
    lines: &'m [ChartLine],
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
            .width(2.0)
            .style(style)
            .allow_hover(false)
    });
    let range_bars = series.range_bars.iter().map(move |&(x, low, high)| {
        Line::new(series.label.as_str(), vec![[x, low], [x, high]])
            .color(color)
            .width(4.0)
            .allow_hover(false)
    });
    polylines.chain(range_bars)
}

/// One series' filled and hollow markers, and diamonds on the selected point and on the
/// points of the highlighted source.
fn series_markers_ui<'m>(
    plot_ui: &mut egui_plot::PlotUi<'m>,
    series: &'m chart::ChartSeries,
    selected: Option<&PointRef>,
    highlighted_source: Option<&String>,
) {
    let color = theme::series_color(series.palette_index);
    plot_ui.add(PlotMarkers::new(
        series.label.clone(),
        &series.markers,
        color,
        MARKER_RADIUS,
    ));
    let emphasised: Vec<[f64; 2]> = series
        .markers
        .iter()
        .filter(|m| {
            selected == Some(&m.point)
                || highlighted_source.is_some_and(|source| m.sources.contains(source))
        })
        .map(|m| [m.x, m.y])
        .collect();
    if !emphasised.is_empty() {
        plot_ui.points(
            Points::new("selection", emphasised)
                .color(theme::SELECTION_RING)
                .filled(false)
                .radius(MARKER_RADIUS + 4.0)
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

/// The tooltip of a marker: what, when, how much, how sure, and from whom.
fn marker_details_ui(ui: &mut Ui, dataset: &Dataset, unit: &str, marker: &Marker) {
    let Some((series, point)) = marker.point.resolve(dataset) else {
        return;
    };
    ui.set_max_width(420.0);
    ui.strong(&series.label);
    ui.label(format!("Year: {}", point.year));
    match marker.role {
        MarkerRole::Computed => {
            let previous = marker
                .previous
                .as_ref()
                .and_then(|previous| previous.resolve(dataset));
            ui.label(format!("Change: {:+.1}%", marker.value));
            if let Some((_, previous)) = previous {
                ui.label(format!(
                    "Computed by Bilateral from {} {unit} in {} and {} {unit} in {}",
                    format_value(previous.value.unwrap_or_default()),
                    previous.year,
                    format_value(point.value.unwrap_or_default()),
                    point.year
                ));
            }
        }
        MarkerRole::RangeLow | MarkerRole::RangeHigh => {
            if let Some(range) = point.range {
                ui.label(format!(
                    "Range: {}–{} {}",
                    format_value(range.low),
                    format_value(range.high),
                    series.unit
                ));
            }
            ui.label(RichText::new("Reported as a range").italics());
        }
        MarkerRole::Value => {
            let about = if point.approximate { "about " } else { "" };
            ui.label(format!(
                "Value: {about}{} {}",
                format_value(marker.value),
                series.unit
            ));
        }
    }
    if marker.approximate {
        ui.label(
            RichText::new("Approximate: an estimate, a provisional or an \"about\" figure (the note says which)")
                .italics(),
        );
    }
    if !point.note.is_empty() {
        ui.label(RichText::new(&point.note).weak());
    }
    ui.separator();
    ui.label(RichText::new("Sources").strong());
    citations_ui(ui, dataset, &marker.sources, CitationStyle::Full);
}

fn event_tooltip_ui(ui: &mut Ui, dataset: &Dataset, event: &EventMark) {
    ui.set_max_width(420.0);
    ui.strong(format!("{} — {}", event.date, event.title));
    if let Some(full) = dataset.event(&event.id) {
        ui.label(&full.summary);
        ui.label(RichText::new(format!("Stance: {}", full.stance.label())).weak());
        citations_ui(ui, dataset, &full.sources, CitationStyle::Small);
    }
}

fn sources_panel_ui(ui: &mut Ui, dataset: &Dataset, state: &mut TradeViewState) {
    ui.heading("Sources");
    let cited = state.selected_sources(dataset);
    if let Some((series, point)) = state
        .selected
        .as_ref()
        .and_then(|selected| selected.resolve(dataset))
    {
        ui.label(format!("Selected: {} in {}", series.label, point.year));
        if ui.button("Clear selection").clicked() {
            state.selected = None;
        }
    } else {
        ui.label(
            RichText::new(
                "Click a point to highlight its source; click a source to mark its points.",
            )
            .weak(),
        );
    }
    ui.separator();
    egui::ScrollArea::vertical().show(ui, |ui| {
        for source in &dataset.sources {
            let is_cited = cited.contains(&source.id.as_str());
            let is_chosen = state.selected_source.as_deref() == Some(source.id.as_str());
            let frame = egui::Frame::group(ui.style()).fill(if is_cited || is_chosen {
                theme::SELECTION_HIGHLIGHT
            } else {
                Color32::TRANSPARENT
            });
            frame.show(ui, |ui| {
                ui.set_width(ui.available_width());
                let title = if is_cited {
                    RichText::new(format!("» {}", source.citation())).strong()
                } else {
                    RichText::new(source.citation())
                };
                let response = ui.add(egui::Label::new(title).sense(egui::Sense::click()));
                if !source.note.is_empty() {
                    ui.label(RichText::new(&source.note).small().weak());
                }
                ui.label(
                    RichText::new(format!("id: {}", source.id))
                        .small()
                        .monospace()
                        .weak(),
                );
                if response.clicked() {
                    state.selected_source = if is_chosen {
                        None
                    } else {
                        Some(source.id.clone())
                    };
                }
            });
        }
    });
}
