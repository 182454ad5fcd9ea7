//! Every source of the dataset with its full citation and what cites it.

use eframe::egui::{self, RichText, Ui};

use crate::data::Dataset;

/// How many records of each kind cite `source_id`.
fn citing_counts(dataset: &Dataset, source_id: &str) -> (usize, usize, usize) {
    let cites = |sources: &[String]| sources.iter().any(|s| s == source_id);
    let points = dataset
        .series
        .iter()
        .flat_map(|s| &s.points)
        .filter(|p| cites(&p.sources))
        .count();
    let events = dataset.events.iter().filter(|e| cites(&e.sources)).count()
        + dataset
            .standing_facts
            .iter()
            .filter(|f| cites(&f.sources))
            .count();
    let places = dataset.places.iter().filter(|p| cites(&p.sources)).count()
        + dataset
            .corridors
            .iter()
            .filter(|c| cites(&c.sources))
            .count()
        + dataset.areas.iter().filter(|a| cites(&a.sources)).count();
    (points, events, places)
}

/// Shows the sources view.
pub fn ui(ui: &mut Ui, dataset: &Dataset) {
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
                    let (points, events, places) = citing_counts(dataset, &source.id);
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
