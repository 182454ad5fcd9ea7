//! Every source of the dataset with its full citation and what cites it.

use eframe::egui::{self, RichText, Ui};

use crate::app::command::Command;
use crate::views::ViewContext;
use crate::views::cache::CitationCounts;

/// Shows the sources view. It asks nothing of the app yet; `_commands` keeps the views alike.
pub(crate) fn ui(ui: &mut Ui, cx: &ViewContext<'_>, _commands: &mut Vec<Command>) {
    let dataset = cx.dataset;
    egui::CentralPanel::default().show(ui, |ui| {
        ui.heading(format!("Sources of “{}”", dataset.metadata.title));
        if !dataset.metadata.description.is_empty() {
            ui.label(&dataset.metadata.description);
        }
        ui.separator();
        egui::ScrollArea::vertical().show(ui, |ui| {
            for source in &dataset.sources {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(RichText::new(source.citation()).strong());
                    if let Some(url) = &source.url {
                        ui.label(RichText::new(url).monospace());
                    }
                    if !source.note.is_empty() {
                        ui.label(&source.note);
                    }
                    let CitationCounts {
                        points,
                        events,
                        places,
                    } = cx.caches.citations_of(&source.id);
                    ui.label(
                        RichText::new(format!(
                            "id {} · cited by {points} data points, {events} events and standing facts, {places} places and routes",
                            source.id
                        ))
                        .small()
                        .weak(),
                    );
                });
            }
        });
    });
}
