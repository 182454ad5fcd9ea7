//! Running commands: the one place where the data, the time cursor, the view and the
//! settings change.

use eframe::egui;

use super::{BilateralApp, DataOrigin, Message, dialogs::DialogPurpose};
use crate::command::Command;
use crate::data::builtin::builtin_dataset;
use crate::data::geojson::GeoLayer;
use crate::data::{Dataset, LoadErrors};
use crate::geo::filter::year_range;
use crate::io::{OpenedFile, is_dataset_file, open_file};
use crate::views::{TimeCursor, ViewKind};

impl BilateralApp {
    /// Runs one command. Menus, shortcuts, views, drag and drop, the command line and
    /// tests all come here.
    pub fn run(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::ShowOpenDialog => self.show_file_dialog(ctx, DialogPurpose::Open),
            Command::ShowExportDialog(kind) => {
                self.show_file_dialog(ctx, DialogPurpose::Save(kind));
            }
            Command::Export(kind, path) => self.export(ctx, kind, &path),
            Command::OpenPath(path) if !is_dataset_file(&path) => self.open_trade_file(ctx, path),
            Command::OpenPath(path) => self.open_path(path),
            Command::ShowImportDialog => self.show_file_dialog(ctx, DialogPurpose::Import),
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
                let pair = crate::data::country::Pair::of_parties(&self.dataset.metadata.parties);
                self.windows.new_relationship =
                    Some(crate::views::new_relationship::NewRelationshipForm {
                        first: pair.map(|pair| pair.first),
                        second: pair.map(|pair| pair.second),
                    });
            }
            Command::NewRelationship(pair) => {
                let today = crate::import::date_of(std::time::SystemTime::now())
                    .unwrap_or_else(|| crate::data::PartialDate::year(2026));
                match crate::data::new_relationship::new_relationship(pair, today) {
                    Some(dataset) => {
                        self.accept(Ok(dataset), DataOrigin::New);
                        self.message = Some(Message::Notice(format!(
                            "A new relationship: {pair}. Import trade files into it with File › Import trade file…"
                        )));
                    }
                    None => {
                        self.message = Some(Message::Notice(format!(
                            "The country table does not name both of {pair}."
                        )));
                    }
                }
            }
            Command::RemoveImport(id) => self.remove_import(&id),
            Command::RemoveLayer(index) => {
                if index < self.layers.len() {
                    self.layers.remove(index);
                    self.views.map.forget_selection();
                }
            }
            Command::RevertToBuiltin => self.accept(builtin_dataset(), DataOrigin::BuiltIn),
            Command::ClearRecentFiles => {
                self.settings.recent_files.clear();
                self.persistence.changed();
            }
            Command::ShowView(view) => {
                self.view = view;
                self.settings.last_view = view;
                self.persistence.changed();
            }
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
                self.persistence.changed();
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
                self.persistence.changed();
            }
            Command::SetHighContrast(on) => {
                self.settings.presenter_high_contrast = on;
                if self.presenter.is_some() {
                    self.apply_look(ctx);
                }
                self.persistence.changed();
            }
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    fn open_path(&mut self, path: std::path::PathBuf) {
        match open_file(&path) {
            Ok(opened) => {
                self.settings.remember_recent(&path);
                self.persistence.changed();
                match opened {
                    OpenedFile::Dataset(dataset) => {
                        self.accept(Ok(*dataset), DataOrigin::File(path));
                    }
                    OpenedFile::Layer(layer) => self.add_layer(layer),
                }
            }
            Err(errors) => self.accept(Err(errors), DataOrigin::File(path)),
        }
    }

    /// Replaces the data on success; on failure keeps it and shows why.
    pub(super) fn accept(&mut self, result: Result<Dataset, LoadErrors>, origin: DataOrigin) {
        match result {
            Ok(dataset) => {
                self.dataset = dataset;
                self.data_generation += 1;
                self.imports.clear();
                self.origin = origin;
                self.message = None;
                self.cursor = TimeCursor::at(year_range(&self.dataset).1);
                self.views.on_dataset_changed(&self.dataset);
            }
            Err(errors) => {
                log::warn!("{errors}");
                self.message = Some(Message::LoadFailed { errors });
            }
        }
    }

    /// Marks the data as changed in place (an import merged or removed): caches rebuild,
    /// selections that may point at removed points are forgotten.
    pub(super) fn data_changed(&mut self) {
        self.data_generation += 1;
        self.views.trade.on_dataset_changed();
        self.views.map.on_dataset_changed();
    }

    fn add_layer(&mut self, layer: GeoLayer) {
        self.message = Some(Message::Notice(format!(
            "Added the map layer “{}” ({} features). Remove it from the Layers list on the map.",
            layer.name,
            layer.features.len()
        )));
        self.layers.push(layer);
        self.views.map.forget_selection();
        self.view = ViewKind::Map;
    }
}
