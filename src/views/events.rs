//! The dated events as a searchable table, oldest first.

use eframe::egui::{self, RichText, Ui};

use crate::data::{Dataset, Event};
use crate::format::source_citation;
use crate::theme;

/// What the events view remembers between frames.
#[derive(Debug, Clone, Default)]
pub struct EventsViewState {
    /// Text typed into the filter box.
    pub filter: String,
}

fn matches(event: &Event, filter: &str) -> bool {
    let filter = filter.trim().to_lowercase();
    filter.is_empty()
        || event.title.to_lowercase().contains(&filter)
        || event.summary.to_lowercase().contains(&filter)
        || event.date.to_string().contains(&filter)
        || event.domains.iter().any(|d| d.label().contains(&filter))
        || event.stance.label().contains(&filter)
}

/// Shows the events view.
pub fn ui(ui: &mut Ui, dataset: &Dataset, state: &mut EventsViewState) {
    egui::CentralPanel::default().show(ui, |ui| {
        let mut events: Vec<&Event> = dataset
            .events
            .iter()
            .filter(|event| matches(event, &state.filter))
            .collect();
        events.sort_by_key(|event| event.date);
        ui.horizontal(|ui| {
            ui.heading("Events");
            ui.label(format!("{} of {}", events.len(), dataset.events.len()));
            ui.separator();
            ui.label("Filter:");
            ui.add(
                egui::TextEdit::singleline(&mut state.filter)
                    .hint_text("title, summary, year, domain or stance"),
            );
        });
        ui.separator();
        egui::ScrollArea::vertical().show(ui, |ui| {
            super::standing::standing_facts_ui(ui, dataset);
            for event in events {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new(event.when()).monospace().strong());
                        ui.label(RichText::new(&event.title).strong());
                        ui.label(
                            RichText::new(event.stance.label())
                                .color(theme::stance_color(event.stance)),
                        );
                        let domains: Vec<&str> = event.domains.iter().map(|d| d.label()).collect();
                        ui.label(RichText::new(domains.join(", ")).weak());
                    });
                    ui.label(&event.summary);
                    for source_id in &event.sources {
                        ui.label(
                            RichText::new(source_citation(dataset, source_id))
                                .small()
                                .weak(),
                        );
                    }
                });
            }
        });
    });
}
