//! What the map says about an item: a short tooltip on hover, and the details panel
//! with the events there and full citations on click.

use eframe::egui::{self, RichText, Ui};

use super::state::{MapItem, MapViewState};
use crate::app::command::Command;
use crate::data::Dataset;
use crate::data::geojson::GeoLayer;
use crate::data::records::{RecordKind, RecordRef};
use crate::views::ViewContext;
use crate::views::widgets::{CitationStyle, citations_ui};

/// What the tooltip and the details panel say about a map item.
struct Details {
    name: String,
    /// Kind, stance and years, then any per-segment lines.
    facts: Vec<String>,
    summary: String,
    /// Source ids of the dataset.
    sources: Vec<String>,
    /// A GeoJSON feature's own `source` text.
    source_text: Option<String>,
    /// For places: the id, to list the events that name it.
    place_id: Option<String>,
}

fn describe(item: &MapItem, dataset: &Dataset, layers: &[GeoLayer]) -> Option<Details> {
    let details = |name: &str, facts: Vec<String>, summary: &str, sources: &[String]| Details {
        name: name.to_owned(),
        facts,
        summary: summary.to_owned(),
        sources: sources.to_vec(),
        source_text: None,
        place_id: None,
    };
    match item {
        MapItem::Place(id) => {
            let p = dataset.place(id)?;
            let facts = vec![format!(
                "{} · {} · {}",
                p.kind.label(),
                p.stance.label(),
                p.years
            )];
            Some(Details {
                place_id: Some(p.id.clone()),
                ..details(&p.name, facts, &p.summary, &p.sources)
            })
        }
        MapItem::Corridor(id) => {
            let c = dataset.corridor(id)?;
            let mut facts = vec![format!("route · {} · {}", c.stance.label(), c.years)];
            facts.extend(
                c.waypoints
                    .windows(2)
                    .zip(&c.segments)
                    .map(|(pair, segment)| {
                        let note = if segment.note.is_empty() {
                            String::new()
                        } else {
                            format!(" ({})", segment.note)
                        };
                        format!(
                            "{} – {}: {}{note}",
                            pair[0].name,
                            pair[1].name,
                            segment.status.label()
                        )
                    }),
            );
            Some(details(&c.name, facts, &c.summary, &c.sources))
        }
        MapItem::Area(id) => {
            let a = dataset.area(id)?;
            let facts = vec![format!("area · {} · {}", a.stance.label(), a.years)];
            Some(details(&a.name, facts, &a.summary, &a.sources))
        }
        MapItem::Feature { layer, feature } => {
            let layer = layers.get(*layer)?;
            let f = layer.features.get(*feature)?;
            let mut facts = vec![format!("feature of the layer {}", layer.name)];
            facts.extend(
                f.other_properties
                    .iter()
                    .map(|(key, value)| format!("{key}: {value}")),
            );
            Some(Details {
                source_text: f.source.clone(),
                ..details(
                    f.name.as_deref().unwrap_or("(unnamed feature)"),
                    facts,
                    "",
                    &[],
                )
            })
        }
    }
}

/// The dataset's record a map item is, if it is one (a GeoJSON feature is not).
fn record_of(item: &MapItem) -> Option<RecordRef> {
    match item {
        MapItem::Place(id) => Some(RecordRef::new(RecordKind::Place, id)),
        MapItem::Corridor(id) => Some(RecordRef::new(RecordKind::Corridor, id)),
        MapItem::Area(id) => Some(RecordRef::new(RecordKind::Area, id)),
        MapItem::Feature { .. } => None,
    }
}

/// The short description under the pointer.
pub(super) fn tooltip_ui(ui: &mut Ui, cx: &ViewContext<'_>, item: &MapItem) {
    let Some(details) = describe(item, cx.dataset, cx.layers) else {
        return;
    };
    ui.set_max_width(380.0);
    ui.strong(&details.name);
    if let Some(first) = details.facts.first() {
        ui.label(first);
    }
    if !details.summary.is_empty() {
        ui.label(&details.summary);
    }
    ui.label(
        RichText::new("Click for details and sources")
            .small()
            .weak(),
    );
}

/// The details panel: the selected item in full, the events there, the sources.
pub(super) fn details_ui(
    ui: &mut Ui,
    cx: &ViewContext<'_>,
    state: &mut MapViewState,
    commands: &mut Vec<Command>,
) {
    let dataset = cx.dataset;
    ui.heading("Details");
    let Some(details) = state
        .selected
        .as_ref()
        .and_then(|item| describe(item, dataset, cx.layers))
    else {
        ui.label(
            RichText::new(
                "Click a place, route or highlighted country for what happened there and the sources.",
            )
            .weak(),
        );
        ui.label(
            RichText::new(
                "Right-click the map to add a place, an area or a route there; drag a place to move it.",
            )
            .weak(),
        );
        return;
    };
    ui.horizontal_wrapped(|ui| {
        if ui.button("Clear selection").clicked() {
            state.selected = None;
        }
        if let Some(record) = state.selected.as_ref().and_then(record_of) {
            if ui.button("Edit…").on_hover_text("F2").clicked() {
                commands.push(Command::EditRecord(record.clone()));
            }
            if ui.button("Delete…").on_hover_text("Delete").clicked() {
                commands.push(Command::AskDeleteRecord(record));
            }
        }
    });
    ui.separator();
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.label(RichText::new(&details.name).heading());
        for fact in &details.facts {
            ui.label(fact);
        }
        if !details.summary.is_empty() {
            ui.label(&details.summary);
        }
        if let Some(id) = &details.place_id {
            let events: Vec<_> = dataset
                .events
                .iter()
                .filter(|e| e.places.contains(id))
                .collect();
            if !events.is_empty() {
                ui.separator();
                ui.strong("Events here");
                for event in events {
                    ui.label(format!("{} — {}", event.date, event.title));
                    ui.label(RichText::new(&event.summary).small());
                }
            }
        }
        if !details.sources.is_empty() || details.source_text.is_some() {
            ui.separator();
            ui.strong("Sources");
            citations_ui(ui, dataset, &details.sources, CitationStyle::Full);
            if let Some(text) = &details.source_text {
                ui.label(text);
            }
        }
    });
}
