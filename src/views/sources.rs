//! Every source of the dataset with its full citation and what cites it.

use eframe::egui::{self, RichText, Ui};

use crate::app::command::Command;
use crate::data::records::{RecordKind, RecordRef};
use crate::views::ViewContext;
use crate::views::cache::CitationCounts;
use crate::views::editor::Seed;

/// Shows the sources view; its Edit and New buttons ask the app for the editor.
pub(crate) fn ui(ui: &mut Ui, cx: &ViewContext<'_>, commands: &mut Vec<Command>) {
    let dataset = cx.dataset;
    egui::CentralPanel::default().show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.heading(format!("Sources of “{}”", dataset.metadata.title));
            let new = Command::NewRecord(RecordKind::Source, Seed::default());
            if ui.button(new.label()).on_hover_text("Ctrl+Shift+R").clicked() {
                commands.push(new);
            }
        });
        if dataset.sources.is_empty() {
            ui.label(
                RichText::new(
                    "No sources yet. Every figure, event and place cites one: add it here, or make it \
                     inline while editing a record (New source…). Imports add their files as sources.",
                )
                .weak(),
            );
        }
        if !dataset.metadata.description.is_empty() {
            ui.label(&dataset.metadata.description);
        }
        ui.separator();
        egui::ScrollArea::vertical().show(ui, |ui| {
            for source in &dataset.sources {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.horizontal_wrapped(|ui| {
                        if ui.small_button("Edit").clicked() {
                            commands.push(Command::EditRecord(RecordRef::new(
                                RecordKind::Source,
                                source.id.clone(),
                            )));
                        }
                        ui.label(RichText::new(source.citation()).strong());
                    });
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
