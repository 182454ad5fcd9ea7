//! What the trade view says about a point, an event mark and the sources: the hover
//! details and the sources panel.

use eframe::egui::{self, Color32, RichText, Ui};

use crate::chart::{EventMark, Marker, MarkerRole};
use crate::data::Dataset;
use crate::display::format::format_value;
use crate::views::theme;
use crate::views::widgets::{CitationStyle, citations_ui};

use super::TradeViewState;

/// The tooltip of a marker: what, when, how much, how sure, and from whom.
pub(super) fn marker_details_ui(ui: &mut Ui, dataset: &Dataset, unit: &str, marker: &Marker) {
    let Some((series, point)) = marker.point.resolve(dataset) else {
        return;
    };
    ui.set_max_width(420.0);
    ui.strong(&series.label);
    ui.label(format!("When: {}", point.when()));
    match marker.role {
        MarkerRole::Computed => {
            let previous = marker
                .previous
                .as_ref()
                .and_then(|previous| previous.resolve(dataset));
            ui.label(format!("Change: {:+.1}%", marker.value));
            if let Some((_, previous)) = previous {
                ui.label(format!(
                    "Computed by Bilateral from {} {unit} in {} and {} {unit} in {}",
                    format_value(previous.value.unwrap_or_default()),
                    previous.when(),
                    format_value(point.value.unwrap_or_default()),
                    point.when()
                ));
            }
        }
        MarkerRole::RangeLow | MarkerRole::RangeHigh => {
            if let Some(range) = point.range() {
                ui.label(format!(
                    "Range: {}–{} {}",
                    format_value(range.low),
                    format_value(range.high),
                    series.unit
                ));
            }
            ui.label(RichText::new("Reported as a range").italics());
        }
        MarkerRole::Value => {
            let about = if point.approximate { "about " } else { "" };
            ui.label(format!(
                "Value: {about}{} {}",
                format_value(marker.value),
                series.unit
            ));
        }
    }
    if marker.approximate {
        ui.label(
            RichText::new("Approximate: an estimate, a provisional or an \"about\" figure (the note says which)")
                .italics(),
        );
    }
    if !point.note.is_empty() {
        ui.label(RichText::new(&point.note).weak());
    }
    ui.separator();
    ui.label(RichText::new("Sources").strong());
    citations_ui(ui, dataset, &marker.sources(dataset), CitationStyle::Full);
}

pub(super) fn event_tooltip_ui(ui: &mut Ui, dataset: &Dataset, event: &EventMark) {
    ui.set_max_width(420.0);
    ui.strong(format!("{} — {}", event.date, event.title));
    if let Some(full) = dataset.event(&event.id) {
        ui.label(&full.summary);
        ui.label(RichText::new(format!("Stance: {}", full.stance.label())).weak());
        citations_ui(ui, dataset, &full.sources, CitationStyle::Small);
    }
}

pub(super) fn sources_panel_ui(ui: &mut Ui, dataset: &Dataset, state: &mut TradeViewState) {
    ui.heading("Sources");
    let cited = state.selected_sources(dataset);
    if let Some((series, point)) = state
        .selected
        .as_ref()
        .and_then(|selected| selected.resolve(dataset))
    {
        ui.label(format!("Selected: {} in {}", series.label, point.when()));
        if ui.button("Clear selection").clicked() {
            state.selected = None;
        }
    } else {
        ui.label(
            RichText::new(
                "Click a point to highlight its source; click a source to mark its points.",
            )
            .weak(),
        );
    }
    ui.separator();
    egui::ScrollArea::vertical().show(ui, |ui| {
        for source in &dataset.sources {
            let is_cited = cited.contains(&source.id.as_str());
            let is_chosen = state.selected_source.as_deref() == Some(source.id.as_str());
            let frame = egui::Frame::group(ui.style()).fill(if is_cited || is_chosen {
                theme::SELECTION_HIGHLIGHT
            } else {
                Color32::TRANSPARENT
            });
            frame.show(ui, |ui| {
                ui.set_width(ui.available_width());
                let title = if is_cited {
                    RichText::new(format!("» {}", source.citation())).strong()
                } else {
                    RichText::new(source.citation())
                };
                let response = ui.add(egui::Label::new(title).sense(egui::Sense::click()));
                if !source.note.is_empty() {
                    ui.label(RichText::new(&source.note).small().weak());
                }
                ui.label(
                    RichText::new(format!("id: {}", source.id))
                        .small()
                        .monospace()
                        .weak(),
                );
                if response.clicked() {
                    state.selected_source = if is_chosen {
                        None
                    } else {
                        Some(source.id.clone())
                    };
                }
            });
        }
    });
}
