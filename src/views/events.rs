//! The dated events as a searchable table, oldest first. Only the cards in sight are laid
//! out, so a dataset with thousands of events costs no more per frame than one with dozens.

use std::collections::HashMap;

use eframe::egui::{self, Rect, RichText, Ui, UiBuilder};

use crate::app::command::Command;
use crate::data::Event;
use crate::data::records::{RecordKind, RecordRef};
use crate::views::ViewContext;
use crate::views::editor::Seed;
use crate::views::theme;
use crate::views::widgets::{CitationStyle, citations_ui};

/// What the events view remembers between frames.
#[derive(Debug, Clone, Default)]
pub(crate) struct EventsViewState {
    /// Text typed into the filter box.
    pub(crate) filter: String,
    /// Heights of the rows already drawn, at `measured_width`; rows not yet drawn are
    /// reckoned at [`ESTIMATED_ROW_HEIGHT`].
    row_heights: HashMap<RowKey, f32>,
    /// The width the heights were measured at; another width measures again.
    measured_width: f32,
}

/// A row of the list: the standing facts at the top, then one card per event, named by
/// its index in the dataset's events (a height remembered for another dataset's event is
/// corrected the first time the card is drawn).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum RowKey {
    StandingFacts,
    Event(usize),
}

/// How tall a row is reckoned before it has been drawn once.
const ESTIMATED_ROW_HEIGHT: f32 = 90.0;

/// Whether `event`, whose title and summary lowercased are `text`, matches `filter`
/// (already trimmed and lowercased).
fn matches(event: &Event, text: &str, filter: &str) -> bool {
    filter.is_empty()
        || text.contains(filter)
        || event.date.to_string().contains(filter)
        || event.domains.iter().any(|d| d.label().contains(filter))
        || event.stance.label().contains(filter)
}

/// Shows the events view; its Edit and New buttons ask the app for the editor.
pub(crate) fn ui(
    ui: &mut Ui,
    cx: &ViewContext<'_>,
    state: &mut EventsViewState,
    commands: &mut Vec<Command>,
) {
    let dataset = cx.dataset;
    egui::CentralPanel::default().show(ui, |ui| {
        let filter = state.filter.trim().to_lowercase();
        let mut events: Vec<(usize, &Event)> = dataset
            .events
            .iter()
            .enumerate()
            .filter(|(index, event)| matches(event, cx.caches.event_text(*index), &filter))
            .collect();
        events.sort_by_key(|(_, event)| event.date);
        ui.horizontal(|ui| {
            ui.heading("Events");
            ui.label(format!("{} of {}", events.len(), dataset.events.len()));
            ui.separator();
            ui.label("Filter:");
            ui.add(
                egui::TextEdit::singleline(&mut state.filter)
                    .hint_text("title, summary, year, domain or stance"),
            );
            ui.separator();
            for kind in [RecordKind::Event, RecordKind::StandingFact] {
                let new = Command::NewRecord(kind, Seed::default());
                if ui.button(new.label()).clicked() {
                    commands.push(new);
                }
            }
        });
        if dataset.events.is_empty() && dataset.standing_facts.is_empty() {
            ui.label(
                RichText::new(
                    "No events yet. Add one with New event (Ctrl+Shift+E) or by double-clicking the timeline, \
                     or import a chronology, a SIPRI register or UN votes with File › Import.",
                )
                .weak(),
            );
        }
        ui.separator();
        let rows: Vec<RowKey> = std::iter::once(RowKey::StandingFacts)
            .chain(events.iter().map(|(index, _)| RowKey::Event(*index)))
            .collect();
        egui::ScrollArea::vertical().show_viewport(ui, |ui, viewport| {
            rows_in_sight_ui(ui, viewport, state, &rows, |ui, row| match row {
                RowKey::StandingFacts => {
                    super::standing::standing_facts_ui(ui, dataset, commands);
                }
                RowKey::Event(index) => {
                    if let Some(event) = dataset.events.get(*index) {
                        event_card_ui(ui, cx, event, commands);
                    }
                }
            });
        });
    });
}

/// Lays out only the rows of `rows` that meet `viewport`, each at the height it had when last
/// drawn (or an estimate), and gives the scroll area the whole list's height.
fn rows_in_sight_ui(
    ui: &mut Ui,
    viewport: Rect,
    state: &mut EventsViewState,
    rows: &[RowKey],
    mut row_ui: impl FnMut(&mut Ui, &RowKey),
) {
    let width = ui.available_width();
    if (width - state.measured_width).abs() > 0.5 {
        state.row_heights.clear();
        state.measured_width = width;
    }
    let spacing = ui.spacing().item_spacing.y;
    let top = ui.max_rect().top();
    let mut y = 0.0;
    let mut remeasured = false;
    for row in rows {
        let known = state.row_heights.get(row).copied();
        let height = known.unwrap_or(ESTIMATED_ROW_HEIGHT);
        if y + height >= viewport.min.y && y <= viewport.max.y {
            let rect = Rect::from_min_size(
                egui::pos2(ui.max_rect().left(), top + y),
                egui::vec2(width, height),
            );
            let drawn = ui
                .scope_builder(UiBuilder::new().max_rect(rect).id_salt(row), |ui| {
                    row_ui(ui, row);
                })
                .response
                .rect
                .height();
            if known.is_none_or(|known| (known - drawn).abs() > 0.5) {
                state.row_heights.insert(*row, drawn);
                remeasured = true;
            }
            y += drawn + spacing;
        } else {
            y += height + spacing;
        }
    }
    ui.set_min_height((y - spacing).max(0.0));
    if remeasured {
        // The rows below moved; one more frame puts them where they now belong.
        ui.ctx().request_repaint();
    }
}

/// One event: date, title, stance and domains, its summary and its sources.
fn event_card_ui(ui: &mut Ui, cx: &ViewContext<'_>, event: &Event, commands: &mut Vec<Command>) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            if ui
                .small_button("Edit")
                .on_hover_text(format!("Edit “{}”", event.title))
                .clicked()
            {
                commands.push(Command::EditRecord(RecordRef::new(
                    RecordKind::Event,
                    event.id.clone(),
                )));
            }
            ui.label(RichText::new(event.when()).monospace().strong());
            ui.label(RichText::new(&event.title).strong());
            ui.label(RichText::new(event.stance.label()).color(theme::stance_color(event.stance)));
            let domains: Vec<&str> = event.domains.iter().map(|d| d.label()).collect();
            ui.label(RichText::new(domains.join(", ")).weak());
        });
        ui.label(&event.summary);
        citations_ui(ui, cx.dataset, &event.sources, CitationStyle::Faint);
    });
}
