//! Running commands: the one place where the document, the time cursor, the view and the
//! settings change. Background work reports back here too ([`Command::Finished`]).

use std::sync::Arc;

use eframe::egui;

use super::{BilateralApp, Message, dialogs::DialogPurpose};
use crate::app::command::{Command, Finished};
use crate::data::LoadErrors;
use crate::data::builtin::builtin_dataset;
use crate::data::geojson::GeoLayer;
use crate::document::DataOrigin;
use crate::io::{OpenedFile, is_dataset_file, open_file};
use crate::views::ViewKind;

impl BilateralApp {
    /// Runs one command. Menus, shortcuts, views, drag and drop, the command line, the
    /// work done in the background and tests all come here.
    #[expect(
        clippy::too_many_lines,
        reason = "one arm per command: the list of what the app can be asked, in one place"
    )]
    pub fn run(&mut self, ctx: &egui::Context, command: Command) {
        if !self.may_leave_the_document(&command) {
            return;
        }
        match command {
            Command::ShowOpenDialog => self.show_file_dialog(ctx, DialogPurpose::Open),
            Command::ShowExportDialog(kind) => {
                self.show_file_dialog(ctx, DialogPurpose::Save(kind));
            }
            Command::Export(kind, path) => self.export(ctx, kind, &path),
            Command::CopyViewImage
            | Command::CopyViewSvg
            | Command::EditStory(_)
            | Command::ShowStorySlide(_)
            | Command::Present(_) => {
                self.run_deck_command(ctx, command);
            }
            Command::OpenPath(path) if !is_dataset_file(&path) => self.open_trade_file(ctx, path),
            Command::OpenPath(path) => self.open_path(path),
            Command::ShowImportDialog => self.show_file_dialog(ctx, DialogPurpose::Import),
            Command::ShowImportFolderDialog => {
                self.show_file_dialog(ctx, DialogPurpose::ImportFolder);
            }
            Command::OpenTradeFile(path) => self.open_trade_file(ctx, path),
            Command::ImportTradeFile {
                path,
                pair,
                new_relationship,
            } => self.start_import(ctx, &path, pair, new_relationship),
            Command::CancelImport => self.cancel_import(),
            Command::CloseImportDialog => self.close_import_dialog(),
            Command::ShowImports => self.windows.imports = true,
            Command::ShowNewRelationship => {
                let pair = crate::data::country::Pair::of_parties(
                    &self.document.dataset().metadata.parties,
                );
                self.windows.new_relationship = Some(
                    crate::views::dialogs::new_relationship::NewRelationshipForm {
                        first: pair.map(|pair| pair.first),
                        second: pair.map(|pair| pair.second),
                    },
                );
            }
            Command::NewRelationship(pair) => self.new_relationship(pair),
            Command::RemoveImport(id) => self.remove_import(&id),
            Command::RemoveLayer(index) => self.remove_layer(index),
            Command::RevertToBuiltin => match builtin_dataset() {
                Ok(dataset) => {
                    self.document.replace(
                        "Revert to built-in data",
                        dataset,
                        DataOrigin::BuiltIn,
                        true,
                    );
                    self.message = None;
                }
                Err(errors) => self.message = Some(Message::LoadFailed { errors }),
            },
            Command::Undo => self.undo_or_redo(true),
            Command::Redo => self.undo_or_redo(false),
            Command::Save => self.save(ctx, None),
            Command::ShowSaveAsDialog => self.show_file_dialog(ctx, DialogPurpose::SaveDataset),
            Command::SaveAs(path) => self.start_save(ctx, path, None),
            Command::AnswerUnsaved(answer) => self.answer_unsaved(ctx, answer),
            Command::RestoreRecovery => self.restore_recovery(),
            Command::DiscardRecovery => self.discard_recovery(),
            Command::ReloadFromDisk(path) => {
                self.message = None;
                self.start_reload(ctx, path, true);
            }
            Command::ToggleCommandPalette => {
                self.windows.palette = match self.windows.palette {
                    Some(_) => None,
                    None => Some(super::palette::PaletteState::default()),
                };
            }
            Command::Finished(finished) => self.finished(ctx, finished),
            Command::ClearRecentFiles => self.settings.recent_files.clear(),
            Command::ShowView(view) => self.view = view,
            Command::SetYear { year, from } => {
                self.cursor.year = year;
                if from != ViewKind::Timeline {
                    self.views.timeline.centre_on(year);
                }
            }
            Command::SelectEvent(id) => self.cursor.selected_event = id,
            Command::SetTheme(theme) => {
                self.settings.theme = theme;
                self.apply_look(ctx);
            }
            Command::DismissMessage => self.message = None,
            Command::ShowAbout => self.windows.about = true,
            Command::ShowShortcuts => self.windows.shortcuts = !self.windows.shortcuts,
            Command::TogglePresenter => self.toggle_presenter(ctx),
            Command::NextSlide => self.step_slide(1),
            Command::PreviousSlide => self.step_slide(-1),
            Command::SetPresenterScale(scale) => {
                self.settings.presenter_scale = scale;
                if self.presenter.is_some() {
                    ctx.set_zoom_factor(scale);
                }
            }
            Command::SetHighContrast(on) => {
                self.settings.presenter_high_contrast = on;
                if self.presenter.is_some() {
                    self.apply_look(ctx);
                }
            }
            Command::Quit => self.quit(ctx),
            Command::EditRecord(_)
            | Command::NewRecord(..)
            | Command::SaveRecord(_)
            | Command::SaveEditor
            | Command::CloseEditor
            | Command::DuplicateRecord(_)
            | Command::AskDeleteRecord(_)
            | Command::DeleteRecord(_)
            | Command::CloseDeleteQuestion
            | Command::EditSelection
            | Command::DeleteSelection
            | Command::MovePlace { .. }
            | Command::AddDrawnPoint(_) => {
                self.run_editing(&command);
            }
        }
    }

    /// Work done in the background came back.
    fn finished(&mut self, ctx: &egui::Context, finished: Finished) {
        match finished {
            Finished::Scan(answer) => {
                if let Some(result) = answer.take() {
                    self.scan_finished(result);
                }
            }
            Finished::Import(answer) => {
                if let Some(result) = answer.take() {
                    self.finish_import(result);
                }
            }
            Finished::DatasetReread(path, answer) => {
                if let Some(result) = answer.take() {
                    self.dataset_read_again(path, result);
                }
            }
            Finished::TradeFileReread(path, answer) => {
                if let Some(result) = answer.take() {
                    self.trade_file_read_again(&path, result);
                }
            }
            Finished::Save(answer) => {
                if let Some((dataset, result)) = answer.take() {
                    self.save_finished(ctx, &dataset, result);
                }
            }
        }
    }

    fn undo_or_redo(&mut self, undo: bool) {
        let done = if undo {
            self.document.undo()
        } else {
            self.document.redo()
        };
        self.message = Some(Message::Notice(match (done, undo) {
            (Some(change), true) => format!("Undone: {change}. Redo with Ctrl+Shift+Z."),
            (Some(change), false) => format!("Redone: {change}."),
            (None, true) => "Nothing to undo.".to_owned(),
            (None, false) => "Nothing to redo.".to_owned(),
        }));
    }

    fn new_relationship(&mut self, pair: crate::data::country::Pair) {
        let today = crate::import::date_of(std::time::SystemTime::now())
            .unwrap_or_else(|| crate::data::PartialDate::year(2026));
        match crate::data::new_relationship::new_relationship(pair, today) {
            Some(dataset) => {
                self.document.replace(
                    format!("New relationship {pair}"),
                    dataset,
                    DataOrigin::New,
                    true,
                );
                self.message = Some(Message::Notice(format!(
                    "A new relationship: {pair}. Fill it from files with File › Import file… (trade, arms transfers, UN votes, event data, chronologies) or record events, places and sources with Edit › New…; Undo goes back to the data before."
                )));
            }
            None => {
                self.message = Some(Message::Notice(format!(
                    "The country table does not name both of {pair}."
                )));
            }
        }
    }

    fn open_path(&mut self, path: std::path::PathBuf) {
        match open_file(&path) {
            Ok(opened) => {
                self.settings.remember_recent(&path);
                match opened {
                    OpenedFile::Dataset(dataset) => {
                        self.document.open(*dataset, DataOrigin::File(path));
                        self.message = None;
                    }
                    OpenedFile::Layer(layer) => self.add_layer(layer),
                }
            }
            Err(errors) => self.load_failed(errors),
        }
    }

    /// A file did not load: the data stays as it was and the banner says why.
    pub(super) fn load_failed(&mut self, errors: LoadErrors) {
        log::warn!("{errors}");
        self.message = Some(Message::LoadFailed { errors });
    }

    fn add_layer(&mut self, layer: GeoLayer) {
        self.message = Some(Message::Notice(format!(
            "Added the map layer “{}” ({} features). Remove it from the Layers list on the map.",
            layer.name,
            layer.features.len()
        )));
        let label = format!("Add map layer {}", layer.name);
        self.document.change(label, |content| {
            Arc::make_mut(&mut content.layers).push(layer);
        });
        self.view = ViewKind::Map;
    }

    fn remove_layer(&mut self, index: usize) {
        let Some(layer) = self.document.layers().get(index) else {
            return;
        };
        let label = format!("Remove map layer {}", layer.name);
        self.document.change(label, |content| {
            Arc::make_mut(&mut content.layers).remove(index);
        });
    }
}
