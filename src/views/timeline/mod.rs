//! The timeline: every event on a time axis that zooms from centuries to months, in lanes
//! by domain, with stance by colour and shape, hover, selection, filters and search.
//!
//! Rooms: [`state`] (span, filters, search), [`axis`] (years on screen, periods, ticks),
//! [`layout`] (lanes and rows), [`paint`] (drawing and pointer).

mod axis;
mod layout;
mod paint;
pub(crate) mod state;

use eframe::egui::{self, RichText, Ui};

use crate::app::command::Command;
use crate::data::records::{RecordKind, RecordRef};
use crate::data::{Dataset, Event};
use crate::views::widgets::{CitationStyle, citations_ui, domain_toggles_ui, stance_toggles_ui};
use crate::views::{ViewContext, ViewKind};
pub(crate) use state::TimelineViewState;

/// Shows the timeline; what the user asks of the app goes into `commands`.
pub(crate) fn ui(
    ui: &mut Ui,
    cx: &ViewContext<'_>,
    state: &mut TimelineViewState,
    commands: &mut Vec<Command>,
) {
    if cx.shows_details_panel() {
        egui::Panel::right("timeline_details")
            .resizable(true)
            .default_size(320.0)
            .show(ui, |ui| details_ui(ui, cx, commands));
    }
    if cx.chrome.is_full() {
        egui::Panel::top("timeline_filters").show(ui, |ui| filters_ui(ui, cx, state));
    }
    egui::CentralPanel::default()
        .frame(egui::Frame::new())
        .show(ui, |ui| paint::canvas_ui(ui, cx, state, commands));
}

fn filters_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut TimelineViewState) {
    let dataset = cx.dataset;
    ui.horizontal_wrapped(|ui| domain_toggles_ui(ui, &mut state.domains));
    ui.horizontal_wrapped(|ui| {
        stance_toggles_ui(ui, &mut state.stances, |s| s.label().to_owned(), true);
        ui.separator();
        let search_label = ui.label("Search");
        ui.add(
            egui::TextEdit::singleline(&mut state.search)
                .hint_text("titles and summaries")
                .desired_width(220.0),
        )
        .labelled_by(search_label.id);
        let matcher = state.matcher();
        let shown = dataset
            .events
            .iter()
            .enumerate()
            .filter(|(index, event)| matcher.matches(event, cx.caches.event_text(*index)))
            .count();
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

/// The hover card of an event.
fn event_tooltip_ui(ui: &mut Ui, dataset: &Dataset, event: &Event) {
    ui.set_max_width(400.0);
    ui.strong(&event.title);
    ui.label(format!("{} · {}", event.when(), event.stance.label()));
    if event.dated_roughly() {
        ui.label(RichText::new("The sources give this date only roughly.").italics());
    }
    ui.label(&event.summary);
    citations_ui(ui, dataset, &event.sources, CitationStyle::Faint);
}

/// The side panel: the selected event in full.
fn details_ui(ui: &mut Ui, cx: &ViewContext<'_>, commands: &mut Vec<Command>) {
    let dataset = cx.dataset;
    ui.heading("Event");
    let Some(event) = cx.selected_event() else {
        ui.label(RichText::new("Click an event for its summary, places and sources. Its year becomes the year of every view.").weak());
        ui.label(RichText::new("Double-click the timeline at a date to add an event there; double-click an event to edit it.").weak());
        return;
    };
    let mut cleared = false;
    ui.horizontal_wrapped(|ui| {
        let clear = Command::SelectEvent(None);
        if ui.button(clear.label()).clicked() {
            commands.push(clear);
            cleared = true;
        }
        let record = RecordRef::new(RecordKind::Event, event.id.clone());
        if ui.button("Edit…").on_hover_text("F2").clicked() {
            commands.push(Command::EditRecord(record.clone()));
        }
        if ui.button("Delete…").on_hover_text("Delete").clicked() {
            commands.push(Command::AskDeleteRecord(record));
        }
    });
    if cleared {
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
                let name = dataset.place(id).map_or(id.as_str(), |p| p.name.as_str());
                ui.label(name);
            }
            if ui.button("Show on the map").clicked() {
                commands.push(Command::ShowView(ViewKind::Map));
            }
        }
        ui.separator();
        ui.strong("Sources");
        citations_ui(ui, dataset, &event.sources, CitationStyle::Full);
    });
}
