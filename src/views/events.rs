//! The dated events as a searchable table, oldest first.

use eframe::egui::{self, RichText, Ui};

use crate::command::Command;
use crate::data::Event;
use crate::theme;
use crate::views::ViewContext;
use crate::views::widgets::{CitationStyle, citations_ui};

/// What the events view remembers between frames.
#[derive(Debug, Clone, Default)]
pub struct EventsViewState {
    /// Text typed into the filter box.
    pub filter: String,
}

/// Whether `event`, whose title and summary lowercased are `text`, matches `filter`
/// (already trimmed and lowercased).
fn matches(event: &Event, text: &str, filter: &str) -> bool {
    filter.is_empty()
        || text.contains(filter)
        || event.date.to_string().contains(filter)
        || event.domains.iter().any(|d| d.label().contains(filter))
        || event.stance.label().contains(filter)
}

/// Shows the events view. It asks nothing of the app yet; `_commands` keeps the views alike.
pub fn ui(
    ui: &mut Ui,
    cx: &ViewContext<'_>,
    state: &mut EventsViewState,
    _commands: &mut Vec<Command>,
) {
    let dataset = cx.dataset;
    egui::CentralPanel::default().show(ui, |ui| {
        let filter = state.filter.trim().to_lowercase();
        let mut events: Vec<&Event> = dataset
            .events
            .iter()
            .enumerate()
            .filter(|(index, event)| matches(event, cx.caches.event_text(*index), &filter))
            .map(|(_, event)| event)
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
                    citations_ui(ui, dataset, &event.sources, CitationStyle::Faint);
                });
            }
        });
    });
}
