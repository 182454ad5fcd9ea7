//! Everything the user can ask of the app. Views, menus, shortcuts and drag and drop emit
//! these; only the app shell runs them. Every text a person reads about a command (menu
//! entry, tooltip, shortcut list, presenter caption) comes from here.

use std::path::PathBuf;

use eframe::egui::{Key, KeyboardShortcut, Modifiers};

use crate::data::country::Pair;
use crate::data::records::{RecordKind, RecordRef};
use crate::settings::ThemeChoice;
use crate::settings::view_kind::ViewKind;
use crate::views::editor::{RecordChange, Seed};

pub use super::export_kind::ExportKind;
pub use super::finished::{Delivered, Finished};

/// The answer to “Save the changes?”, asked before the document is replaced or the app
/// closes with unsaved changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsavedAnswer {
    /// Save, then go on.
    Save,
    /// Go on without saving (the changes can still be undone until the app closes).
    Discard,
    /// Do not go on.
    Cancel,
}

/// A request from the UI to the app shell.
#[must_use]
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Show the native file picker.
    ShowOpenDialog,
    /// Ask for two countries to start a new relationship with.
    ShowNewRelationship,
    /// Replace the data on screen with an empty dataset for this pair.
    NewRelationship(Pair),
    /// Ask where to save an export.
    ShowExportDialog(ExportKind),
    /// Write an export to this path (menu, tests).
    Export(ExportKind, PathBuf),
    /// Put the current view on the clipboard as a picture, to paste into a slide deck.
    CopyViewImage,
    /// Put the current view on the clipboard as an SVG file, to paste as vectors.
    CopyViewSvg,
    /// Change the story: one undoable step, saved with the dataset.
    EditStory(crate::app::story::StoryEdit),
    /// Open the story editor on slide `index` and show that slide; `None` closes it.
    ShowStorySlide(Option<usize>),
    /// In presenter mode: black screen, a jump to a slide, the presenter's window.
    Present(PresenterAction),
    /// Load the dataset at this path (menu, recent files, drag and drop, command line).
    OpenPath(PathBuf),
    /// Ask for a trade file to import (Comtrade, IMF, WITS, BACI, a tidy table).
    ShowImportDialog,
    /// Ask for a folder of event files (GDELT, ICEWS) to import as one.
    ShowImportFolderDialog,
    /// Open the import dialog on this trade file: scan it, then choose the pair.
    OpenTradeFile(PathBuf),
    /// Import the rows of `pair` from the trade file at `path`, in the background.
    ImportTradeFile {
        /// The trade file.
        path: PathBuf,
        /// The two countries whose rows are taken.
        pair: Pair,
        /// Make a new dataset for the pair instead of merging into the open one.
        new_relationship: bool,
    },
    /// Stop the scan or import that is running; the data stays as it was.
    CancelImport,
    /// Close the import dialog (stopping what it runs).
    CloseImportDialog,
    /// Show the list of imports, each with a Remove button.
    ShowImports,
    /// Take the import with this id (`import-<file>`) out of the dataset.
    RemoveImport(String),
    /// Remove the GeoJSON layer at this index.
    RemoveLayer(usize),
    /// Go back to the data that ships with the app.
    RevertToBuiltin,
    /// Forget the recent files.
    ClearRecentFiles,
    /// Show another view.
    ShowView(ViewKind),
    /// Move the time cursor to `year`; `from` is the view that moved it, which keeps its
    /// own framing while the others follow.
    SetYear {
        /// The new year.
        year: i32,
        /// The view the user moved it in.
        from: ViewKind,
    },
    /// Select the event with this id, or clear the selection.
    SelectEvent(Option<String>),
    /// Change the colour theme.
    SetTheme(ThemeChoice),
    /// Hide the error or notice banner.
    DismissMessage,
    /// Enter or leave presenter mode.
    TogglePresenter,
    /// The next slide.
    NextSlide,
    /// The previous slide.
    PreviousSlide,
    /// Presenter type scale.
    SetPresenterScale(f32),
    /// Presenter mode in high contrast, or not.
    SetHighContrast(bool),
    /// Show the list of keyboard shortcuts.
    ShowShortcuts,
    /// Show the About window.
    ShowAbout,
    /// Take back the last change to the document.
    Undo,
    /// Do again the last change undone.
    Redo,
    /// Save the document to its file (asking where, the first time).
    Save,
    /// Ask where to save the document.
    ShowSaveAsDialog,
    /// Save the document to this file (the Save As dialog, tests).
    SaveAs(PathBuf),
    /// Answer “Save the changes?”.
    AnswerUnsaved(UnsavedAnswer),
    /// Put back the unsaved changes a previous run left when it did not close normally.
    RestoreRecovery,
    /// Forget the changes a previous run left.
    DiscardRecovery,
    /// Read the opened file again although the document has unsaved changes (they are lost).
    ReloadFromDisk(PathBuf),
    /// Show or hide the command palette.
    ToggleCommandPalette,
    /// Open the record editor on this record.
    EditRecord(RecordRef),
    /// Open the record editor on a new record of this kind, started where the seed says
    /// (a date double-clicked on the timeline, a point right-clicked on the map).
    NewRecord(RecordKind, Seed),
    /// Put a finished record in the dataset, as one undoable change.
    SaveRecord(Box<RecordChange>),
    /// Save the record in the editor, if it has no problem.
    SaveEditor,
    /// Close the record editor without saving.
    CloseEditor,
    /// Open the editor on a copy of this record, to be saved under a new id.
    DuplicateRecord(RecordRef),
    /// Ask whether to delete this record, saying what refers to it.
    AskDeleteRecord(RecordRef),
    /// Delete this record and every reference to it, as one undoable change.
    DeleteRecord(RecordRef),
    /// Close “Delete this record?” without deleting.
    CloseDeleteQuestion,
    /// Edit the selected record (the event, or the place, area or route on the map).
    EditSelection,
    /// Ask whether to delete the selected record.
    DeleteSelection,
    /// Move a place to this longitude and latitude (dragged on the map).
    MovePlace {
        /// The place's id.
        id: String,
        /// Where it goes.
        lon_lat: [f64; 2],
    },
    /// A point clicked on the map while the editor draws a shape.
    AddDrawnPoint([f64; 2]),
    /// Work on another thread finished.
    Finished(Finished),
    /// Close the window.
    Quit,
}

/// What a presenter asks for besides the next and previous slide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PresenterAction {
    /// Black the audience's screen, or bring the slide back.
    ToggleBlackScreen,
    /// Go to the slide at this index (typed as its number, then Enter).
    GoToSlide(usize),
    /// Open or close the presenter's window: current and next slide, notes, timer.
    TogglePresenterWindow,
    /// Choose the story at this index: the story editor edits it, presenter mode presents it.
    ChooseStory(usize),
    /// Present the story at this index, from its first slide.
    PresentStory(usize),
    /// Swap the audience's and the presenter's displays (with one display before, put the
    /// audience's view on a display connected since).
    SwapDisplays,
}

/// The keys that move through the slides in presenter mode (what presentation clickers
/// send), with the command each runs and the word the caption uses for it.
pub(crate) const PRESENTER_KEYS: [(&[Key], Command, &str); 5] = [
    (
        &[Key::ArrowRight, Key::PageDown, Key::Space],
        Command::NextSlide,
        "next slide",
    ),
    (
        &[Key::ArrowLeft, Key::PageUp],
        Command::PreviousSlide,
        "previous slide",
    ),
    (
        &[Key::B, Key::Period],
        Command::Present(PresenterAction::ToggleBlackScreen),
        "black screen",
    ),
    (
        &[Key::N],
        Command::Present(PresenterAction::TogglePresenterWindow),
        "presenter's window",
    ),
    (&[Key::Escape], Command::TogglePresenter, "leave"),
];

impl Command {
    /// The keyboard shortcut shown for the command, where it has one.
    pub(crate) fn shortcut(&self) -> Option<KeyboardShortcut> {
        self.shortcuts().first().copied()
    }

    /// Every keyboard shortcut of the command, the one shown first (⌘ on macOS stands for
    /// Ctrl).
    pub(crate) fn shortcuts(&self) -> Vec<KeyboardShortcut> {
        let command = |key| KeyboardShortcut::new(Modifiers::COMMAND, key);
        let command_shift = |key| KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, key);
        match self {
            Self::ShowOpenDialog => vec![command(Key::O)],
            Self::ShowNewRelationship => vec![command(Key::N)],
            Self::ShowExportDialog(ExportKind::ViewPng) => vec![command(Key::E)],
            Self::Save => vec![command(Key::S)],
            Self::ShowSaveAsDialog => vec![command_shift(Key::S)],
            Self::CopyViewImage => vec![command_shift(Key::C)],
            Self::CopyViewSvg => vec![KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT | Modifiers::ALT,
                Key::C,
            )],
            Self::Undo => vec![command(Key::Z)],
            Self::Redo => vec![command_shift(Key::Z), command(Key::Y)],
            Self::ToggleCommandPalette => vec![command_shift(Key::P), command(Key::K)],
            Self::Quit => vec![command(Key::Q)],
            Self::ShowView(view) => vec![command(view.shortcut_key())],
            Self::DismissMessage => vec![KeyboardShortcut::new(Modifiers::NONE, Key::Escape)],
            Self::TogglePresenter => vec![KeyboardShortcut::new(Modifiers::NONE, Key::F5)],
            Self::ShowShortcuts => vec![KeyboardShortcut::new(Modifiers::SHIFT, Key::Questionmark)],
            Self::NewRecord(RecordKind::Event, _) => vec![command_shift(Key::E)],
            Self::NewRecord(RecordKind::Place, _) => vec![command_shift(Key::L)],
            Self::NewRecord(RecordKind::Source, _) => vec![command_shift(Key::R)],
            Self::SaveEditor => vec![command(Key::Enter)],
            Self::EditSelection => vec![KeyboardShortcut::new(Modifiers::NONE, Key::F2)],
            Self::DeleteSelection => vec![KeyboardShortcut::new(Modifiers::NONE, Key::Delete)],
            _ => Vec::new(),
        }
    }

    /// Whether the command replaces the document or closes the app, so that unsaved changes
    /// must be saved or discarded first. Opening a file does when the file is a dataset
    /// (`opens_a_dataset`); a trade file opens the import dialog, a GeoJSON layer is added.
    pub(crate) fn leaves_the_document(
        &self,
        opens_a_dataset: impl FnOnce(&std::path::Path) -> bool,
    ) -> bool {
        match self {
            Self::Quit | Self::NewRelationship(_) | Self::RestoreRecovery => true,
            Self::ImportTradeFile {
                new_relationship, ..
            } => *new_relationship,
            Self::OpenPath(path) => {
                !path
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("geojson"))
                    && opens_a_dataset(path)
            }
            _ => false,
        }
    }

    /// The presenter's key help: `Right, PageDown or Space: next · … · Esc: leave`.
    pub(crate) fn presenter_key_help() -> String {
        PRESENTER_KEYS
            .iter()
            .map(|(keys, _, word)| format!("{}: {word}", key_names(keys)))
            .collect::<Vec<_>>()
            .join("   ·   ")
    }

    /// The text of the command's menu entry or button.
    pub(crate) fn label(&self) -> String {
        match self {
            Self::ShowOpenDialog => "Open…".to_owned(),
            Self::ShowNewRelationship => "New relationship…".to_owned(),
            Self::NewRelationship(pair) => format!("Start {pair}"),
            Self::ShowImportDialog => "Import file…".to_owned(),
            Self::ShowImportFolderDialog => "Import folder…".to_owned(),
            Self::OpenTradeFile(path) | Self::OpenPath(path) => path.display().to_string(),
            Self::ImportTradeFile {
                new_relationship, ..
            } => if *new_relationship {
                "Start a new relationship"
            } else {
                "Import"
            }
            .to_owned(),
            Self::CancelImport
            | Self::CloseImportDialog
            | Self::CloseDeleteQuestion
            | Self::AnswerUnsaved(UnsavedAnswer::Cancel) => "Cancel".to_owned(),
            Self::ShowImports => "Imports…".to_owned(),
            Self::RemoveImport(_) | Self::RemoveLayer(_) => "Remove".to_owned(),
            Self::ShowExportDialog(kind) => kind.label().to_owned(),
            Self::Export(kind, path) => format!("{} to {}", kind.label(), path.display()),
            Self::CopyViewImage => "Copy view as picture".to_owned(),
            Self::CopyViewSvg => "Copy view as SVG file".to_owned(),
            Self::EditStory(edit) => edit.label(),
            Self::ShowStorySlide(Some(_)) => "Story editor".to_owned(),
            Self::ShowStorySlide(None) => "Close story editor".to_owned(),
            Self::Present(PresenterAction::ToggleBlackScreen) => "Black screen".to_owned(),
            Self::Present(PresenterAction::GoToSlide(index)) => format!("Slide {}", index + 1),
            Self::Present(PresenterAction::ChooseStory(index)) => {
                format!("Story {}", index + 1)
            }
            Self::Present(PresenterAction::PresentStory(index)) => {
                format!("Present story {}", index + 1)
            }
            Self::Present(PresenterAction::TogglePresenterWindow) => {
                "Presenter's window".to_owned()
            }
            Self::Present(PresenterAction::SwapDisplays) => "Swap displays".to_owned(),
            Self::RevertToBuiltin => "Revert to built-in data".to_owned(),
            Self::ClearRecentFiles => "Clear recent files".to_owned(),
            Self::ShowView(view) => view.label().to_owned(),
            Self::SetYear { year, .. } => year.to_string(),
            Self::SelectEvent(Some(_)) => "Select".to_owned(),
            Self::SelectEvent(None) => "Clear selection".to_owned(),
            Self::SetTheme(theme) => theme.label().to_owned(),
            Self::DismissMessage => "Dismiss message".to_owned(),
            Self::TogglePresenter => "Presenter".to_owned(),
            Self::NextSlide => "Next slide".to_owned(),
            Self::PreviousSlide => "Previous slide".to_owned(),
            Self::SetPresenterScale(scale) => format!("×{scale}"),
            Self::SetHighContrast(_) => "High contrast when presenting".to_owned(),
            Self::ShowShortcuts => "Keyboard shortcuts".to_owned(),
            Self::ShowAbout => "About Bilateral".to_owned(),
            Self::Undo => "Undo".to_owned(),
            Self::Redo => "Redo".to_owned(),
            Self::Save | Self::AnswerUnsaved(UnsavedAnswer::Save) => "Save".to_owned(),
            Self::ShowSaveAsDialog => "Save as…".to_owned(),
            Self::SaveAs(path) => format!("Save as {}", path.display()),
            Self::AnswerUnsaved(UnsavedAnswer::Discard) => "Don't save".to_owned(),
            Self::RestoreRecovery => "Restore".to_owned(),
            Self::DiscardRecovery => "Discard".to_owned(),
            Self::ReloadFromDisk(_) => "Read it again".to_owned(),
            Self::ToggleCommandPalette => "Command palette…".to_owned(),
            Self::EditRecord(_) => "Edit…".to_owned(),
            Self::NewRecord(kind, _) => format!("New {}…", kind.noun()),
            Self::SaveRecord(_) | Self::SaveEditor => "Save record".to_owned(),
            Self::CloseEditor => "Close the editor".to_owned(),
            Self::DuplicateRecord(_) => "Duplicate".to_owned(),
            Self::AskDeleteRecord(_) => "Delete…".to_owned(),
            Self::DeleteRecord(_) => "Delete".to_owned(),
            Self::EditSelection => "Edit selected record".to_owned(),
            Self::DeleteSelection => "Delete selected record…".to_owned(),
            Self::MovePlace { .. } => "Move place".to_owned(),
            Self::AddDrawnPoint(_) => "Add point".to_owned(),
            Self::Finished(_) => "Finished".to_owned(),
            Self::Quit => "Quit".to_owned(),
        }
    }

    /// What the command does, in a sentence: tooltips and the shortcut list.
    pub(crate) fn description(&self) -> String {
        match self {
            Self::ShowOpenDialog => "Open a dataset or GeoJSON layer".to_owned(),
            Self::ShowNewRelationship => {
                "Start an empty dataset for any two countries, to fill from files or by hand"
                    .to_owned()
            }
            Self::NewRelationship(pair) => format!(
                "Replace the data on screen with an empty dataset for {pair} (File › Revert brings back the built-in data)"
            ),
            Self::ShowImportFolderDialog => {
                "Import a folder of GDELT or ICEWS event files (a month of GDELT 2.0 exports, say) as one import".to_owned()
            }
            Self::ShowImportDialog => {
                "Import a file: trade (UN Comtrade, IMF, WITS, BACI, a tidy table), SIPRI arms transfers, UN votes, GDELT or ICEWS events, your own chronology, or a Parquet file (a tidy trade table, GDELT events) from DuckDB, polars or Spark".to_owned()
            }
            Self::OpenTradeFile(path) => format!("Import from {}", path.display()),
            Self::ImportTradeFile {
                path,
                pair,
                new_relationship,
            } => {
                if *new_relationship {
                    format!(
                        "Make a new dataset for {pair} from {} (the data on screen is replaced; File › Revert brings back the built-in data)",
                        path.display()
                    )
                } else {
                    format!(
                        "Add the {pair} figures of {} to the dataset (an earlier import of the file is replaced)",
                        path.display()
                    )
                }
            }
            Self::CancelImport => "Stop the import; the data stays as it was".to_owned(),
            Self::CloseImportDialog => "Close the import dialog".to_owned(),
            Self::ShowImports => "List the trade files imported, to remove them".to_owned(),
            Self::RemoveImport(id) => format!("Take the import {id} out of the dataset"),
            Self::OpenPath(path) => format!("Open {}", path.display()),
            Self::ShowExportDialog(kind) => format!("Export {}", kind.label()),
            Self::Export(kind, path) => format!("Export {} to {}", kind.label(), path.display()),
            Self::CopyViewImage
            | Self::CopyViewSvg
            | Self::EditStory(_)
            | Self::ShowStorySlide(_)
            | Self::Present(_) => self.deck_description(),
            Self::RemoveLayer(index) => format!("Remove layer {}", index + 1),
            Self::RevertToBuiltin => "Revert to built-in data".to_owned(),
            Self::ClearRecentFiles => "Clear recent files".to_owned(),
            Self::ShowView(view) => format!("Show the {} view", view.label()),
            Self::SetYear { year, .. } => format!("Make {year} the year of every view"),
            Self::SelectEvent(Some(id)) => format!("Select the event {id}"),
            Self::SelectEvent(None) => "Clear the selected event".to_owned(),
            Self::SetTheme(theme) => format!("Theme: {}", theme.label()),
            Self::DismissMessage => "Dismiss the message".to_owned(),
            Self::TogglePresenter => "Presenter mode".to_owned(),
            Self::NextSlide => "Next slide (presenter mode)".to_owned(),
            Self::PreviousSlide => "Previous slide (presenter mode)".to_owned(),
            Self::SetPresenterScale(scale) => format!("Presenter type ×{scale}"),
            Self::SetHighContrast(on) => {
                format!("High contrast {}", if *on { "on" } else { "off" })
            }
            Self::ShowShortcuts => "Keyboard shortcuts".to_owned(),
            Self::ShowAbout => "About Bilateral".to_owned(),
            Self::Undo => "Take back the last change to the data".to_owned(),
            Self::Redo => "Do again the last change taken back".to_owned(),
            Self::Save => "Save the dataset to its file, in Bilateral's JSON format".to_owned(),
            Self::ShowSaveAsDialog => "Save the dataset to a new file".to_owned(),
            Self::SaveAs(path) => format!("Save the dataset to {}", path.display()),
            Self::AnswerUnsaved(UnsavedAnswer::Save) => "Save the changes, then go on".to_owned(),
            Self::AnswerUnsaved(UnsavedAnswer::Discard) => {
                "Go on without saving the changes".to_owned()
            }
            Self::AnswerUnsaved(UnsavedAnswer::Cancel) => "Stay with the changes".to_owned(),
            Self::RestoreRecovery => "Put back the unsaved changes the last run left".to_owned(),
            Self::DiscardRecovery => "Forget the unsaved changes the last run left".to_owned(),
            Self::ReloadFromDisk(path) => format!(
                "Read {} again as it is on disk; the unsaved changes are lost",
                path.display()
            ),
            Self::ToggleCommandPalette => "Find any command by name and run it".to_owned(),
            Self::EditRecord(_)
            | Self::NewRecord(..)
            | Self::SaveRecord(_)
            | Self::SaveEditor
            | Self::CloseEditor
            | Self::DuplicateRecord(_)
            | Self::AskDeleteRecord(_)
            | Self::DeleteRecord(_)
            | Self::CloseDeleteQuestion
            | Self::EditSelection
            | Self::DeleteSelection
            | Self::MovePlace { .. }
            | Self::AddDrawnPoint(_) => self.editing_description(),
            Self::Finished(_) => "Work in the background finished".to_owned(),
            Self::Quit => "Quit".to_owned(),
        }
    }

    /// What a command of the record editor does, in a sentence.
    fn editing_description(&self) -> String {
        match self {
            Self::EditRecord(record) => format!("Edit the {} {}", record.kind.noun(), record.id),
            Self::NewRecord(kind, _) => format!(
                "Make a new {} in the side panel, with its sources",
                kind.noun()
            ),
            Self::SaveRecord(_) | Self::SaveEditor => {
                "Put the record in the dataset (Undo takes it back)".to_owned()
            }
            Self::CloseEditor => "Close the editor; what was not saved is dropped".to_owned(),
            Self::DuplicateRecord(record) => {
                format!(
                    "Copy the {} {} under a new id",
                    record.kind.noun(),
                    record.id
                )
            }
            Self::AskDeleteRecord(record) | Self::DeleteRecord(record) => format!(
                "Delete the {} {} and every reference to it",
                record.kind.noun(),
                record.id
            ),
            Self::CloseDeleteQuestion => "Keep the record".to_owned(),
            Self::EditSelection => {
                "Edit the selected event, or the place, area or route selected on the map"
                    .to_owned()
            }
            Self::DeleteSelection => {
                "Delete the selected record, after saying what refers to it".to_owned()
            }
            Self::MovePlace { id, .. } => format!("Move the place {id}"),
            Self::AddDrawnPoint(_) => "Add a point to the shape being drawn".to_owned(),
            _ => String::new(),
        }
    }

    /// The description of a command of the presenter's deck.
    fn deck_description(&self) -> String {
        match self {
            Self::CopyViewImage => {
                "Copy the current view to the clipboard as a picture with its title and sources, to paste into PowerPoint, Keynote or Google Slides".to_owned()
            }
            Self::CopyViewSvg => {
                "Copy the current view to the clipboard as an SVG file (vectors, text as text), to paste where a copied file is taken".to_owned()
            }
            Self::EditStory(edit) => edit.label(),
            Self::ShowStorySlide(Some(index)) => format!(
                "Build the story: add slides of the screen, reorder them, write captions and notes (slide {})",
                index + 1
            ),
            Self::ShowStorySlide(None) => "Close the story editor".to_owned(),
            Self::Present(PresenterAction::ToggleBlackScreen) => {
                "Black the audience's screen, or bring the slide back (presenter mode)".to_owned()
            }
            Self::Present(PresenterAction::GoToSlide(index)) => {
                format!("Go to slide {} (presenter mode)", index + 1)
            }
            Self::Present(PresenterAction::ChooseStory(_)) => {
                "Choose the story the story editor edits and presenter mode presents".to_owned()
            }
            Self::Present(PresenterAction::PresentStory(_)) => {
                "Present this story from its first slide (presenter mode)".to_owned()
            }
            Self::Present(PresenterAction::TogglePresenterWindow) => {
                "Open or close the presenter's window: the current and next slide, the notes, the slide number and a timer".to_owned()
            }
            Self::Present(PresenterAction::SwapDisplays) => {
                "Put the audience's view on the presenter's display and the presenter's window on the audience's (presenter mode, two displays)".to_owned()
            }
            _ => String::new(),
        }
    }

    /// Commands that have shortcuts and need no argument, checked every frame.
    pub(crate) fn with_shortcuts() -> Vec<Self> {
        let mut commands = vec![
            Self::ShowOpenDialog,
            Self::ShowNewRelationship,
            Self::Save,
            Self::ShowSaveAsDialog,
            Self::Undo,
            Self::Redo,
            Self::ToggleCommandPalette,
            Self::ShowExportDialog(ExportKind::ViewPng),
            Self::CopyViewImage,
            Self::CopyViewSvg,
            Self::Quit,
            Self::DismissMessage,
            Self::TogglePresenter,
            Self::ShowShortcuts,
            Self::NewRecord(RecordKind::Event, Seed::default()),
            Self::NewRecord(RecordKind::Place, Seed::default()),
            Self::NewRecord(RecordKind::Source, Seed::default()),
            Self::SaveEditor,
            Self::EditSelection,
            Self::DeleteSelection,
        ];
        commands.extend(ViewKind::ALL.into_iter().map(Self::ShowView));
        commands
    }
}

/// Keys as the presenter's help names them: `Right, PageDown or Space`.
fn key_names(keys: &[Key]) -> String {
    let names: Vec<&str> = keys
        .iter()
        .map(|key| match key {
            Key::ArrowRight => "Right",
            Key::ArrowLeft => "Left",
            Key::Escape => "Esc",
            other => other.name(),
        })
        .collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => names.concat(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let commands = Command::with_shortcuts();
        let all: Vec<(Command, KeyboardShortcut)> = commands
            .iter()
            .flat_map(|command| {
                let shortcuts = command.shortcuts();
                assert!(
                    !shortcuts.is_empty(),
                    "{command:?} is listed without a shortcut"
                );
                shortcuts.into_iter().map(move |s| (command.clone(), s))
            })
            .collect();
        for (index, (command, shortcut)) in all.iter().enumerate() {
            for (other, other_shortcut) in &all[index + 1..] {
                assert_ne!(shortcut, other_shortcut, "{command:?} and {other:?}");
            }
        }
    }

    #[test]
    fn presenter_keys_each_run_one_command_and_the_help_names_them() {
        let mut seen = Vec::new();
        for (keys, _, _) in &PRESENTER_KEYS {
            for key in *keys {
                assert!(!seen.contains(key), "{key:?} is bound twice");
                seen.push(*key);
            }
        }
        assert_eq!(
            Command::presenter_key_help(),
            "Right, PageDown or Space: next slide   ·   Left or PageUp: previous slide   ·   B or Period: black screen   ·   N: presenter's window   ·   Esc: leave"
        );
    }
}
