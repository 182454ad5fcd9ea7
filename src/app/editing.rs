//! Editing records: the editor panel beside the view, the commands that make, change, copy,
//! move and delete records (each one undoable step of the document), and “Delete this
//! record?”, which says first what refers to it.

use eframe::egui::{self, RichText};

use super::{BilateralApp, Message};
use crate::app::command::Command;
use crate::data::records::{self, Record, RecordKind, RecordRef};
use crate::views::ViewKind;
use crate::views::editor::{EditorState, RecordChange, Seed};
use crate::views::map::MapItem;

impl BilateralApp {
    /// The record the editor works on, or else the one selected in the view on screen: the
    /// place, area or route on the map, or the event on any view.
    pub(super) fn selected_record(&self) -> Option<RecordRef> {
        if let Some(editing) = self.editor.as_ref().and_then(EditorState::replacing) {
            return Some(editing.clone());
        }
        let on_map = (self.view == ViewKind::Map)
            .then_some(self.views.map.selected.as_ref())
            .flatten()
            .and_then(|item| match item {
                MapItem::Place(id) => Some(RecordRef::new(RecordKind::Place, id)),
                MapItem::Corridor(id) => Some(RecordRef::new(RecordKind::Corridor, id)),
                MapItem::Area(id) => Some(RecordRef::new(RecordKind::Area, id)),
                MapItem::Feature { .. } => None,
            });
        on_map.or_else(|| {
            self.cursor
                .selected_event
                .as_ref()
                .map(|id| RecordRef::new(RecordKind::Event, id))
        })
    }

    /// Runs the commands of editing; false when `command` is not one of them.
    pub(super) fn run_editing(&mut self, command: &Command) -> bool {
        match command {
            Command::EditRecord(reference) => self.open_editor(reference),
            Command::NewRecord(kind, seed) => {
                let seed = Seed {
                    year: seed.year.or(Some(self.cursor.year)),
                    ..*seed
                };
                self.editor = Some(EditorState::new_record(*kind, seed));
            }
            Command::SaveRecord(change) => self.save_record((**change).clone()),
            Command::SaveEditor => {
                let generation = self.document.generation();
                let dataset = self.document.shared_dataset();
                let change = self
                    .editor
                    .as_mut()
                    .map(|editor| editor.change_to_save(&dataset, generation));
                match change {
                    Some(Some(change)) => self.save_record(change),
                    Some(None) => {
                        self.message = Some(Message::Notice(
                            "The record has problems, shown in red beside their fields: fix them, then save.".to_owned(),
                        ));
                    }
                    None => {}
                }
            }
            Command::CloseEditor => self.editor = None,
            Command::DuplicateRecord(reference) => {
                if let Some(mut record) = records::record(self.document.dataset(), reference) {
                    record.set_id(String::new());
                    rename_as_copy(&mut record);
                    self.editor = Some(EditorState::copy_of(record));
                }
            }
            Command::AskDeleteRecord(reference) => {
                self.windows.delete_question = Some(reference.clone());
            }
            Command::CloseDeleteQuestion => self.windows.delete_question = None,
            Command::DeleteRecord(reference) => self.delete_record(reference),
            Command::EditSelection => {
                if let Some(reference) = self.selected_record() {
                    self.open_editor(&reference);
                }
            }
            Command::DeleteSelection => {
                self.windows.delete_question = self.selected_record();
            }
            Command::MovePlace { id, lon_lat } => self.move_place(id, *lon_lat),
            Command::AddDrawnPoint(lon_lat) => {
                if let Some(editor) = &mut self.editor {
                    editor.add_drawn_point(*lon_lat);
                }
            }
            _ => return false,
        }
        true
    }

    fn open_editor(&mut self, reference: &RecordRef) {
        match records::record(self.document.dataset(), reference) {
            Some(record) => {
                self.select(&record);
                self.editor = Some(EditorState::editing(record));
            }
            None => {
                self.message = Some(Message::Notice(format!(
                    "There is no {} `{}` in the dataset.",
                    reference.kind.noun(),
                    reference.id
                )));
            }
        }
    }

    /// Shows `record` as the selection of the views that show its kind.
    fn select(&mut self, record: &Record) {
        match record {
            Record::Event(event) => {
                self.cursor.selected_event = Some(event.id.clone());
                self.cursor.year = event.date.year;
                self.views.timeline.centre_on(event.date.year);
            }
            Record::Place(place) => {
                self.views.map.selected = Some(MapItem::Place(place.id.clone()));
            }
            Record::Area(area) => self.views.map.selected = Some(MapItem::Area(area.id.clone())),
            Record::Corridor(route) => {
                self.views.map.selected = Some(MapItem::Corridor(route.id.clone()));
            }
            Record::StandingFact(_) | Record::Source(_) => {}
        }
    }

    /// Puts a finished record in the dataset, with the sources made for it, as one undoable
    /// step; refuses it, saying why, when the loader would not open the result.
    fn save_record(&mut self, change: RecordChange) {
        let RecordChange {
            record,
            replacing,
            new_sources,
        } = change;
        let problems = records::problems_with(
            self.document.dataset(),
            &record,
            replacing.as_ref(),
            &new_sources,
        );
        if let Some(problem) = problems.first() {
            self.message = Some(Message::Notice(format!(
                "The {} was not saved: {}",
                record.kind().noun(),
                problem.message
            )));
            return;
        }
        let verb = if replacing.is_some() { "Edit" } else { "Add" };
        let label = format!("{verb} {} “{}”", record.kind().noun(), record.name());
        let kept = record.clone();
        self.document.change_dataset(label, |dataset| {
            dataset.sources.extend(new_sources);
            if let Some(old) = &replacing
                && old.id != record.id()
            {
                records::rename_references(dataset, old.kind, &old.id, record.id());
            }
            records::put(dataset, record, replacing.as_ref());
        });
        self.editor = None;
        self.select(&kept);
    }

    fn delete_record(&mut self, reference: &RecordRef) {
        self.windows.delete_question = None;
        let Some(record) = records::record(self.document.dataset(), reference) else {
            return;
        };
        if !records::can_delete(self.document.dataset(), reference) {
            return;
        }
        let label = format!("Delete {} “{}”", reference.kind.noun(), record.name());
        self.document
            .change_dataset(label, |dataset| records::delete(dataset, reference));
        if self.editor.as_ref().and_then(EditorState::replacing) == Some(reference) {
            self.editor = None;
        }
    }

    fn move_place(&mut self, id: &str, [lon, lat]: [f64; 2]) {
        let Some(place) = self.document.dataset().place(id) else {
            return;
        };
        let label = format!("Move place “{}”", place.name);
        self.document.change_dataset(label, |dataset| {
            if let Some(place) = dataset.places.iter_mut().find(|p| p.id == id) {
                place.lon = lon;
                place.lat = lat;
            }
        });
    }

    /// The editor panel beside the view, while a record is edited.
    pub(super) fn editor_panel_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let Some(editor) = self.editor.as_mut() else {
            return;
        };
        let generation = self.document.generation();
        let dataset = self.document.dataset();
        egui::Panel::right("record_editor")
            .resizable(true)
            .default_size(400.0)
            .size_range(320.0..=640.0)
            .show(ui, |ui| {
                crate::views::editor::editor_ui(ui, dataset, generation, editor, commands);
            });
    }

    /// “Delete this record?”, with what refers to it.
    pub(super) fn delete_question_ui(&self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let Some(reference) = &self.windows.delete_question else {
            return;
        };
        let dataset = self.document.dataset();
        let Some(record) = records::record(dataset, reference) else {
            commands.push(Command::CloseDeleteQuestion);
            return;
        };
        let referrers = records::referrers(dataset, reference);
        let blocked = referrers.iter().any(|r| r.would_lose_its_last_source);
        egui::Modal::new(egui::Id::unique("delete_record_question")).show(ctx, |ui| {
            ui.set_max_width(460.0);
            ui.heading(format!(
                "Delete the {} “{}”?",
                reference.kind.noun(),
                record.name()
            ));
            if referrers.is_empty() {
                ui.label("Nothing else refers to it. Undo brings it back.");
            } else if blocked {
                ui.label("It cannot be deleted: it is the only source of records that must cite one. Cite another source in them first.");
            } else {
                ui.label("These refer to it; the references are taken away with it (Undo brings all back):");
            }
            for referrer in referrers.iter().take(12) {
                let text = if referrer.would_lose_its_last_source {
                    RichText::new(format!("• {} (its only source)", referrer.description)).strong()
                } else {
                    RichText::new(format!("• {}", referrer.description))
                };
                ui.label(text);
            }
            if referrers.len() > 12 {
                ui.label(format!("… and {} more", referrers.len() - 12));
            }
            ui.separator();
            ui.horizontal(|ui| {
                if !blocked && ui.button("Delete").clicked() {
                    commands.push(Command::DeleteRecord(reference.clone()));
                }
                if ui.button("Cancel").on_hover_text("Esc").clicked() {
                    commands.push(Command::CloseDeleteQuestion);
                }
            });
        });
    }
}

/// "Name" → "Name (copy)", so the copy is told apart and gets its own id.
fn rename_as_copy(record: &mut Record) {
    let name = match record {
        Record::Event(r) => &mut r.title,
        Record::Place(r) => &mut r.name,
        Record::Area(r) => &mut r.name,
        Record::Corridor(r) => &mut r.name,
        Record::StandingFact(r) => &mut r.theme,
        Record::Source(r) => &mut r.title,
    };
    name.push_str(" (copy)");
}
