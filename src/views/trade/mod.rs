//! The trade chart: every series of one unit over the years, with the source of each point.

use eframe::egui::{self, Pos2, RichText, Ui};

use crate::app::command::Command;
use crate::chart::{
    ChartMode, ChartModel, ChartOptions, ChartSeries, DRAWN_MARKERS_LIMIT, MarkerRole, PointRef,
};
use crate::data::Dataset;
use crate::views::theme;
mod details;
pub(crate) mod legend;
pub(crate) mod mirror;
mod plot;

use self::details::sources_panel_ui;
use self::legend::legend_entry;
use self::mirror::MirrorState;
use self::plot::plot_ui;
use crate::views::ViewContext;

/// How close, in points, the pointer must be to a marker to hover it.
const HOVER_RADIUS: f32 = 12.0;
/// The button that shows the mirror view in place of the chart.
pub const MIRROR_TOGGLE: &str = "Mirror: both reports";
/// Marker radius in points.
const MARKER_RADIUS: f32 = 5.0;
/// Past this many series the legend gets a filter and scrolls, so it never covers the plot.
const LEGEND_FILTER_FROM: usize = 12;
/// The most legend entries laid out in a frame: the rest are found with the filter.
const LEGEND_ENTRIES_SHOWN: usize = 300;

/// What the trade view remembers between frames. It holds no data, only choices.
#[derive(Debug, Clone, Default)]
pub struct TradeViewState {
    /// Unit, series toggles, gaps, log scale, mode.
    pub options: ChartOptions,
    /// Draw a rule at each event's date.
    pub(crate) show_events: bool,
    /// The point the user clicked.
    pub selected: Option<PointRef>,
    /// The source the user picked in the sources panel.
    pub(crate) selected_source: Option<String>,
    /// The marker under the pointer in the last frame.
    pub hovered: Option<(PointRef, MarkerRole)>,
    /// Where each visible marker was drawn in the last frame, in screen points.
    pub marker_positions: Vec<(PointRef, MarkerRole, Pos2)>,
    /// The mirror view: one flow as each side reports it, in place of the chart.
    pub mirror: MirrorState,
    /// The text the legend's series are filtered by, when there are many.
    pub(crate) legend_filter: String,
}

impl TradeViewState {
    /// Forgets selections that may not exist in a new dataset.
    pub(crate) fn on_dataset_changed(&mut self) {
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
pub(crate) fn ui(
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
        let undrawn = model.undrawn_series();
        let caption = if undrawn > 0 {
            let count = |n: usize| {
                crate::display::format::format_value(f64::from(u32::try_from(n).unwrap_or(u32::MAX)))
            };
            format!(
                "{} of the series shown are not drawn: more than {} points at once. Hide some series (the legend's filter finds them) to draw the rest.",
                count(undrawn),
                count(DRAWN_MARKERS_LIMIT)
            )
        } else if model.hidden_on_log_scale > 0 {
            format!(
                "{} value(s) of zero or less cannot be shown on a log scale and are hidden.",
                model.hidden_on_log_scale
            )
        } else {
            format!(
                "Hover a point for its value and source; click it to highlight its source. Hollow markers are approximate; breaks in a line are {} without data.",
                model.gap_name()
            )
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
    if model.series.len() > LEGEND_FILTER_FROM {
        many_series_legend_ui(ui, model, state);
    } else {
        ui.horizontal_wrapped(|ui| legend_entries_ui(ui, model.series.iter(), state));
    }
    ui.label(
        RichText::new(
            "filled marker = reported value · hollow = approximate (\"about\") · bar = reported as a range · red diamond = selected · click a series name to show or hide it",
        )
        .small()
        .weak(),
    );
}

/// One entry per series of `series`, each a toggle.
fn legend_entries_ui<'m>(
    ui: &mut Ui,
    series: impl Iterator<Item = &'m ChartSeries>,
    state: &mut TradeViewState,
) {
    for series in series {
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
}

/// The legend of a chart with many series: a filter, Show and Hide for the series it
/// matches, and the matching entries in a box that scrolls, at most a fifth of the window
/// high; past [`LEGEND_ENTRIES_SHOWN`] entries it says how many more the filter would find.
fn many_series_legend_ui(ui: &mut Ui, model: &ChartModel, state: &mut TradeViewState) {
    let needle = state.legend_filter.trim().to_lowercase();
    let matching: Vec<&ChartSeries> = model
        .series
        .iter()
        .filter(|series| needle.is_empty() || series.label.to_lowercase().contains(&needle))
        .collect();
    ui.horizontal(|ui| {
        ui.label(format!(
            "{} series, {} shown",
            model.series.len(),
            model.series.iter().filter(|s| s.visible).count()
        ));
        ui.add(
            egui::TextEdit::singleline(&mut state.legend_filter)
                .hint_text("Filter series by name")
                .desired_width(220.0),
        );
        let which = if needle.is_empty() { "all" } else { "matching" };
        for (verb, shown) in [("Show", true), ("Hide", false)] {
            let hint = format!("{verb} the {} series listed", matching.len());
            if ui
                .button(format!("{verb} {which}"))
                .on_hover_text(hint)
                .clicked()
            {
                for series in &matching {
                    state.options.series_shown.insert(series.id.clone(), shown);
                }
            }
        }
    });
    let max_height = (ui.ctx().content_rect().height() * 0.2).max(60.0);
    egui::ScrollArea::vertical()
        .id_salt("trade_legend")
        .max_height(max_height)
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                legend_entries_ui(
                    ui,
                    matching.iter().copied().take(LEGEND_ENTRIES_SHOWN),
                    state,
                );
            });
            if matching.len() > LEGEND_ENTRIES_SHOWN {
                ui.label(
                    RichText::new(format!(
                        "and {} more: filter by name to find them",
                        matching.len() - LEGEND_ENTRIES_SHOWN
                    ))
                    .weak(),
                );
            }
        });
}
