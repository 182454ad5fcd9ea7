//! The record editor: a side panel where one event, place, area, route, standing fact or
//! source is made or changed. It checks the record with the loader's own validation as it
//! is typed, shows each problem beside its field, and hands the finished record to the app
//! as one command ([`Command::SaveRecord`]), so every edit is one undoable step.
//!
//! Rooms: [`form`] (the record and the text typed into it), [`fields`] (one widget per
//! part of a record), [`kinds`] (each kind's fields).

mod fields;
pub(crate) mod form;
mod kinds;

use eframe::egui::{self, RichText, Ui};

use crate::app::command::Command;
use crate::data::records::{FieldProblem, Record, RecordKind, RecordRef, fresh_id, problems_with};
use crate::data::{Dataset, Source};
use fields::{id_list_field, problems_ui, source_choices};
pub use form::Seed;
use form::{DateText, RecordForm};

/// A finished record on its way into the dataset, with the sources made for it inline.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordChange {
    /// The record, with its id.
    pub record: Record,
    /// The record it replaces, when it was edited rather than made.
    pub replacing: Option<RecordRef>,
    /// Sources made in the editor, added with it.
    pub new_sources: Vec<Source>,
}

/// The "New source" form inside the editor.
#[derive(Debug, Clone, PartialEq)]
struct InlineSource {
    source: Source,
    date: DateText,
    /// Opened in the last frame: its title takes the keyboard.
    just_opened: bool,
}

/// What the editor holds while it is open.
#[derive(Debug, Clone)]
pub struct EditorState {
    /// The record being changed; none for a new one.
    replacing: Option<RecordRef>,
    /// The record as typed so far.
    form: RecordForm,
    /// Sources made here, cited by the record, added when it is saved.
    new_sources: Vec<Source>,
    /// The "New source" form, while open.
    inline_source: Option<InlineSource>,
    /// Clicks on the map add points to the shape (or move the place).
    drawing: bool,
    /// The editor opened in the last frame: its first field takes the keyboard.
    just_opened: bool,
    /// What was last checked (form, new sources, dataset generation), and the problems
    /// found: checked again only when one of them changes.
    checked: Option<(RecordForm, usize, u64)>,
    problems: Vec<FieldProblem>,
}

impl EditorState {
    /// The editor on an existing record.
    pub fn editing(record: Record) -> Self {
        Self::open(Some(record.reference()), RecordForm::of(record))
    }

    /// The editor on a new record of `kind`, started where `seed` says.
    pub fn new_record(kind: RecordKind, seed: Seed) -> Self {
        let mut state = Self::open(None, RecordForm::blank(kind, seed));
        state.drawing = seed.lon_lat.is_some() && kind != RecordKind::Place;
        state
    }

    /// The editor on a copy of a record, saved as a new one under a fresh id.
    pub fn copy_of(record: Record) -> Self {
        Self::open(None, RecordForm::of(record))
    }

    fn open(replacing: Option<RecordRef>, form: RecordForm) -> Self {
        Self {
            replacing,
            form,
            new_sources: Vec::new(),
            inline_source: None,
            drawing: false,
            just_opened: true,
            checked: None,
            problems: Vec::new(),
        }
    }

    /// The record being changed, when it is an existing one.
    pub fn replacing(&self) -> Option<&RecordRef> {
        self.replacing.as_ref()
    }

    /// The kind of record in the editor.
    pub fn kind(&self) -> RecordKind {
        self.form.kind()
    }

    /// The points of the shape drawn on the map while drawing is on (a place: its one point).
    pub fn drawing(&self) -> Option<Vec<[f64; 2]>> {
        if !self.drawing {
            return None;
        }
        match &self.form {
            RecordForm::Place { place, .. } => Some(vec![[place.lon, place.lat]]),
            RecordForm::Area { area, .. } if area.outline.len() >= 3 => {
                // An outline is drawn closed, as it will be filled.
                let mut ring = area.outline.clone();
                ring.extend(area.outline.first().copied());
                Some(ring)
            }
            form => form.drawn_points(),
        }
    }

    /// A point clicked on the map while drawing.
    pub fn add_drawn_point(&mut self, lon_lat: [f64; 2]) {
        self.form.add_drawn_point(lon_lat);
        if self.kind() == RecordKind::Place {
            self.drawing = false;
        }
    }

    /// The problems the record has now, checked against `dataset` (seen at `generation`).
    pub fn problems(&mut self, dataset: &Dataset, generation: u64) -> &[FieldProblem] {
        let key = (self.form.clone(), self.new_sources.len(), generation);
        if self.checked.as_ref() != Some(&key) {
            let (record, mut problems) = self.record_with_id(dataset);
            problems.extend(problems_with(
                dataset,
                &record,
                self.replacing.as_ref(),
                &self.new_sources,
            ));
            self.problems = problems;
            self.checked = Some(key);
        }
        &self.problems
    }

    /// The record as it stands, a new one given a fresh id from its name.
    fn record_with_id(&self, dataset: &Dataset) -> (Record, Vec<FieldProblem>) {
        let (mut record, problems) = self.form.record();
        if self.replacing.is_none() {
            let taken: Vec<String> = self.new_sources.iter().map(|s| s.id.clone()).collect();
            let id = fresh_id(dataset, record.kind(), record.name(), &taken);
            record.set_id(id);
        }
        (record, problems)
    }

    /// The change to save, when the record has no problem.
    pub fn change_to_save(&mut self, dataset: &Dataset, generation: u64) -> Option<RecordChange> {
        if !self.problems(dataset, generation).is_empty() {
            return None;
        }
        let (record, _) = self.record_with_id(dataset);
        Some(RecordChange {
            record,
            replacing: self.replacing.clone(),
            new_sources: self.new_sources.clone(),
        })
    }
}

/// The editor panel's contents; what the user asks of the app goes into `commands`.
pub fn editor_ui(
    ui: &mut Ui,
    dataset: &Dataset,
    generation: u64,
    state: &mut EditorState,
    commands: &mut Vec<Command>,
) {
    let kind = state.kind();
    let heading = match &state.replacing {
        None => format!("New {}", kind.noun()),
        Some(_) => format!("Edit {}", kind.noun()),
    };
    ui.horizontal(|ui| {
        ui.heading(heading);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button("×")
                .on_hover_text("Close without saving (Esc)")
                .clicked()
            {
                commands.push(Command::CloseEditor);
            }
        });
    });
    if let Some(reference) = &state.replacing {
        ui.label(RichText::new(format!("id {}", reference.id)).weak().small());
    }
    ui.separator();
    let problems = state.problems(dataset, generation).to_vec();
    let focus_first = std::mem::take(&mut state.just_opened);
    egui::ScrollArea::vertical()
        .max_height(ui.available_height() - 70.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            let mut cx = kinds::FieldsContext {
                dataset,
                problems: &problems,
                drawing: &mut state.drawing,
                focus_first,
            };
            kinds::kind_fields_ui(ui, &mut state.form, &mut cx);
            if state.form.kind() != RecordKind::Source {
                ui.separator();
                sources_ui(ui, dataset, state, &problems);
            }
            problems_ui(ui, &problems, "id");
        });
    ui.separator();
    buttons_ui(ui, dataset, generation, state, commands);
}

/// The sources the record cites, a box to cite another, and the "New source" form.
fn sources_ui(ui: &mut Ui, dataset: &Dataset, state: &mut EditorState, problems: &[FieldProblem]) {
    let choices = source_choices(dataset, &state.new_sources);
    if let Some(sources) = state.form.sources_mut() {
        id_list_field(
            ui,
            "editor_sources",
            "Sources",
            sources,
            &choices,
            problems,
            "sources",
        );
    }
    match &mut state.inline_source {
        None => {
            if ui
                .button("New source…")
                .on_hover_text("Make a source here and cite it")
                .clicked()
            {
                state.inline_source = Some(InlineSource {
                    source: Source {
                        id: String::new(),
                        author: None,
                        title: String::new(),
                        publisher: None,
                        date: None,
                        url: None,
                        file: None,
                        note: String::new(),
                    },
                    date: DateText::default(),
                    just_opened: true,
                });
            }
        }
        Some(inline) => {
            let mut done = None;
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.strong("New source");
                let date = inline.date.read();
                let title_missing = inline.source.title.trim().is_empty();
                let mut inline_problems = Vec::new();
                if let Err(message) = &date {
                    inline_problems.push(FieldProblem {
                        field: "date".to_owned(),
                        message: message.clone(),
                    });
                }
                kinds::source_fields_ui(
                    ui,
                    &mut inline.source,
                    &mut inline.date,
                    &inline_problems,
                    std::mem::take(&mut inline.just_opened),
                );
                ui.horizontal(|ui| {
                    let add = ui.add_enabled(
                        !title_missing && date.is_ok(),
                        egui::Button::new("Add and cite"),
                    );
                    if add.clicked() {
                        done = Some(true);
                    }
                    if ui.button("Cancel").clicked() {
                        done = Some(false);
                    }
                });
            });
            match done {
                Some(true) => {
                    if let Some(mut inline) = state.inline_source.take() {
                        let taken: Vec<String> =
                            state.new_sources.iter().map(|s| s.id.clone()).collect();
                        inline.source.id =
                            fresh_id(dataset, RecordKind::Source, &inline.source.title, &taken);
                        inline.source.date = inline.date.read().ok().flatten();
                        if let Some(sources) = state.form.sources_mut() {
                            sources.push(inline.source.id.clone());
                        }
                        state.new_sources.push(inline.source);
                    }
                }
                Some(false) => state.inline_source = None,
                None => {}
            }
        }
    }
}

/// Save, Cancel, and for an existing record Duplicate and Delete.
fn buttons_ui(
    ui: &mut Ui,
    dataset: &Dataset,
    generation: u64,
    state: &mut EditorState,
    commands: &mut Vec<Command>,
) {
    let problem_count = state.problems(dataset, generation).len();
    ui.horizontal_wrapped(|ui| {
        let save = ui
            .add_enabled(problem_count == 0, egui::Button::new("Save record"))
            .on_hover_text("Put the record in the dataset (Ctrl+Enter); Undo takes it back")
            .on_disabled_hover_text("Fix the problems shown in red first");
        if save.clicked()
            && let Some(change) = state.change_to_save(dataset, generation)
        {
            commands.push(Command::SaveRecord(Box::new(change)));
        }
        if ui.button("Cancel").on_hover_text("Esc").clicked() {
            commands.push(Command::CloseEditor);
        }
        if let Some(reference) = &state.replacing {
            if ui
                .button("Duplicate")
                .on_hover_text("Make a copy under a new id and edit it")
                .clicked()
            {
                commands.push(Command::DuplicateRecord(reference.clone()));
            }
            if ui.button("Delete…").on_hover_text("Delete").clicked() {
                commands.push(Command::AskDeleteRecord(reference.clone()));
            }
        }
    });
    if problem_count > 0 {
        ui.label(
            RichText::new(format!(
                "{problem_count} problem{} to fix before saving",
                if problem_count == 1 { "" } else { "s" }
            ))
            .weak()
            .small(),
        );
    }
}
