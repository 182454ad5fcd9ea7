//! The map's controls: domain and stance toggles, the GeoJSON layer list, the year bar
//! with Play, and the zoom buttons.

use eframe::egui::{self, Rect, RichText, Ui, vec2};

use super::state::MapViewState;
use crate::app::command::Command;
use crate::data::Stance;
use crate::data::geojson::GeoLayer;
use crate::geo::projection::MapView;
use crate::views::widgets::{domain_toggles_ui, stance_toggles_ui};
use crate::views::{Chrome, ViewKind};

/// Seconds per year while playing.
const SECONDS_PER_YEAR: f32 = 0.8;

/// The domain and stance toggles.
pub(super) fn filters_ui(ui: &mut Ui, state: &mut MapViewState) {
    ui.horizontal_wrapped(|ui| domain_toggles_ui(ui, &mut state.filter.domains));
    ui.horizontal_wrapped(|ui| {
        stance_toggles_ui(ui, &mut state.filter.stances, stance_legend_text, false);
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

/// The GeoJSON layers opened, each with a button to remove it.
pub(super) fn layers_ui(ui: &mut Ui, layers: &[GeoLayer], commands: &mut Vec<Command>) {
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
            let command = Command::RemoveLayer(index);
            if ui
                .small_button(command.label())
                .on_hover_text(command.description())
                .clicked()
            {
                commands.push(command);
            }
        }
    });
}

/// The year bar: Play, the year slider, and (outside presenter mode) Reset view and the
/// frame-time readout. The year is the app's; moving it sends `Command::SetYear`.
pub(super) fn time_ui(
    ui: &mut Ui,
    chrome: Chrome,
    year: i32,
    (first_year, last_year): (i32, i32),
    state: &mut MapViewState,
    commands: &mut Vec<Command>,
) {
    let mut set_year = |year| {
        commands.push(Command::SetYear {
            year,
            from: ViewKind::Map,
        });
    };
    ui.horizontal(|ui| {
        let play_label = if state.playing { "Pause" } else { "Play" };
        if ui.button(play_label).clicked() {
            if !state.playing && year >= last_year {
                set_year(first_year);
            }
            state.playing = !state.playing;
            state.play_elapsed = 0.0;
        }
        ui.spacing_mut().slider_width = (ui.available_width() - 400.0).max(120.0);
        let mut slider_year = year;
        if ui
            .add(
                egui::Slider::new(&mut slider_year, first_year..=last_year)
                    .step_by(1.0)
                    .text("Year"),
            )
            .changed()
        {
            set_year(slider_year);
        }
        if !chrome.is_full() {
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
            if year >= last_year {
                state.playing = false;
            } else {
                set_year(year + 1);
            }
        }
        ui.ctx().request_repaint();
    }
}

/// The + and − buttons in the map's top-right corner.
pub(super) fn zoom_buttons_ui(ui: &mut Ui, rect: Rect, view: &mut MapView) {
    let size = [rect.width(), rect.height()];
    let center = [rect.center().x, rect.center().y];
    let buttons = Rect::from_min_size(rect.right_top() + vec2(-44.0, 10.0), vec2(34.0, 72.0));
    ui.scope_builder(egui::UiBuilder::new().max_rect(buttons), |ui| {
        for (text, hover, factor) in [("+", "Zoom in", 1.5), ("−", "Zoom out", 1.0 / 1.5)] {
            if ui
                .button(RichText::new(text).heading())
                .on_hover_text(hover)
                .clicked()
            {
                view.zoom_around(factor, center, [rect.min.x, rect.min.y], size);
            }
        }
    });
}
