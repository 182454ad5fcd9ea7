//! The standing facts: what the sources state without a date of their own, grouped by
//! theme, each "as of" its source's date, with its citations and the records it answers.

use eframe::egui::{self, RichText, Ui};

use crate::app::command::Command;
use crate::data::records::{RecordKind, RecordRef};
use crate::data::standing::by_theme;
use crate::data::{Dataset, StandingFact};
use crate::display::format::source_citation;
use crate::views::theme;

/// How a record that a fact points to (`list/id`) reads in a "see also" line.
fn reference_label(dataset: &Dataset, reference: &str) -> String {
    let (list, id) = reference.split_once('/').unwrap_or(("", reference));
    let found = match list {
        "events" => dataset
            .events
            .iter()
            .find(|e| e.id == id)
            .map(|event| format!("event “{}” ({})", event.title, event.when())),
        "standing_facts" => dataset
            .standing_facts
            .iter()
            .find(|f| f.id == id)
            .map(|fact| {
                let who: Vec<String> = fact
                    .sources
                    .iter()
                    .map(|source_id| short_source(dataset, source_id))
                    .collect();
                format!(
                    "{} on {} ({}, {})",
                    who.join(", "),
                    fact.theme,
                    fact.stance.label(),
                    fact.as_of_label()
                )
            }),
        "series" => dataset
            .series
            .iter()
            .find(|s| s.id == id)
            .map(|series| format!("series “{}”", series.label)),
        "places" => dataset
            .places
            .iter()
            .find(|p| p.id == id)
            .map(|place| format!("place “{}”", place.name)),
        "corridors" => dataset
            .corridors
            .iter()
            .find(|c| c.id == id)
            .map(|corridor| format!("route “{}”", corridor.name)),
        "areas" => dataset
            .areas
            .iter()
            .find(|a| a.id == id)
            .map(|area| format!("area “{}”", area.name)),
        _ => None,
    };
    found.unwrap_or_else(|| format!("`{reference}`"))
}

/// The author of a source, or its title when it names none.
fn short_source(dataset: &Dataset, id: &str) -> String {
    dataset
        .sources
        .iter()
        .find(|source| source.id == id)
        .map_or_else(
            || id.to_owned(),
            |source| {
                source
                    .author
                    .clone()
                    .unwrap_or_else(|| format!("“{}”", source.title))
            },
        )
}

fn fact_ui(ui: &mut Ui, dataset: &Dataset, fact: &StandingFact, commands: &mut Vec<Command>) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            if ui
                .small_button("Edit")
                .on_hover_text(format!("Edit the standing fact on {}", fact.theme))
                .clicked()
            {
                commands.push(Command::EditRecord(RecordRef::new(
                    RecordKind::StandingFact,
                    fact.id.clone(),
                )));
            }
            ui.label(RichText::new(fact.as_of_label()).monospace().strong());
            ui.label(RichText::new(fact.stance.label()).color(theme::stance_color(fact.stance)));
            let domains: Vec<&str> = fact.domains.iter().map(|d| d.label()).collect();
            ui.label(RichText::new(domains.join(", ")).weak());
            let places: Vec<&str> = fact
                .places
                .iter()
                .filter_map(|id| dataset.place(id))
                .map(|place| place.name.as_str())
                .collect();
            if !places.is_empty() {
                ui.label(RichText::new(format!("at {}", places.join(", "))).weak());
            }
        });
        ui.label(&fact.statement);
        if !fact.see_also.is_empty() {
            let references: Vec<String> = fact
                .see_also
                .iter()
                .map(|id| reference_label(dataset, id))
                .collect();
            ui.label(RichText::new(format!("See also: {}", references.join("; "))).italics());
        }
        for source_id in &fact.sources {
            ui.label(
                RichText::new(source_citation(dataset, source_id))
                    .small()
                    .weak(),
            );
        }
    });
}

/// The standing facts as a collapsible section, grouped by theme; nothing when there are none.
pub(crate) fn standing_facts_ui(ui: &mut egui::Ui, dataset: &Dataset, commands: &mut Vec<Command>) {
    if dataset.standing_facts.is_empty() {
        return;
    }
    let heading = format!(
        "Standing facts: stated without a date, as of each source ({})",
        dataset.standing_facts.len()
    );
    egui::CollapsingHeader::new(RichText::new(heading).strong())
        .id_salt("standing_facts")
        .show(ui, |ui| {
            for (theme_name, facts) in by_theme(&dataset.standing_facts) {
                ui.add_space(4.0);
                ui.label(RichText::new(theme_name).heading());
                for fact in facts {
                    fact_ui(ui, dataset, fact, commands);
                }
            }
        });
}
