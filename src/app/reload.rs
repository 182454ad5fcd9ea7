//! Reading watched files again when they change on disk (see [`super::watch`]): the opened
//! dataset file and each imported trade file, one at a time, on a background thread that
//! reports back as a command. A version that reads replaces what it made, as an undoable
//! change; one that does not leaves the data as it was, and the banner says why. The
//! dataset file is never read again over unsaved changes without asking.

#![allow(
    clippy::result_large_err,
    reason = "an import error carries its file, place and message; it ends the job, so its size costs nothing"
)]

use std::path::{Path, PathBuf};

use eframe::egui;

use super::background::{Answer, Job};
use super::{BilateralApp, Message};
use crate::app::command::{Command, Delivered, Finished};
use crate::data::country::Pair;
use crate::data::{Dataset, LoadErrors};
use crate::document::{DataOrigin, file_name};
use crate::import::{ImportError, ImportErrorKind, ImportOptions, Imported, import};
use crate::io::load_dataset_file;

/// A file being read again.
pub(super) enum Reloading {
    /// The opened dataset file.
    Dataset(PathBuf, Job<Result<Dataset, LoadErrors>>),
    /// An imported trade file, for the dataset's pair.
    Trade(PathBuf, Job<Result<Imported, ImportError>>),
}

impl BilateralApp {
    /// Watches the files the data came from; reads again those that changed. Returns the
    /// command a finished read reports.
    pub(super) fn reload_changed_files(&mut self, ctx: &egui::Context) -> Option<Command> {
        // The files to watch change only with the document: not looked for every frame.
        let generation = self.document.generation();
        if self.watched_generation != Some(generation) {
            self.watched_generation = Some(generation);
            let mut files: Vec<PathBuf> = self
                .document
                .origin()
                .file()
                .map(Path::to_owned)
                .into_iter()
                .collect();
            files.extend(
                self.document
                    .imports()
                    .into_iter()
                    .filter_map(|record| record.file),
            );
            self.watch.watch_only(&files);
        }
        for path in self.watch.due(ctx) {
            if !self.reload_queue.contains(&path) {
                self.reload_queue.push_back(path);
            }
        }
        let finished = self.poll_reload(ctx);
        if self.reloading.is_none()
            && let Some(path) = self.reload_queue.pop_front()
        {
            self.start_reload(ctx, path, false);
        }
        finished
    }

    /// Reads `path` again. The dataset file is read over unsaved changes only when the
    /// user said so (`over_unsaved_changes`); otherwise the banner asks.
    pub(super) fn start_reload(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        over_unsaved_changes: bool,
    ) {
        if self.document.origin().file() == Some(path.as_path()) {
            if self.document.has_unsaved_changes() && !over_unsaved_changes {
                self.message = Some(Message::ChangedOnDisk(path));
                return;
            }
            let file = path.clone();
            match Job::start("reload dataset", ctx, move |_, _| load_dataset_file(&file)) {
                Ok(job) => self.reloading = Some(Reloading::Dataset(path, job)),
                Err(error) => log::warn!("could not read {} again: {error}", path.display()),
            }
        } else if let Some(pair) = Pair::of_parties(&self.document.dataset().metadata.parties)
            && self
                .document
                .imports()
                .iter()
                .any(|record| record.file.as_deref() == Some(path.as_path()))
        {
            let options = ImportOptions {
                layouts: self.settings.chronology_columns.clone(),
                places: super::import::known_places(self.document.dataset()),
                events: self.event_choices.get(&path).copied().unwrap_or_default(),
                ..ImportOptions::new(pair)
            };
            let file = path.clone();
            match Job::start("reload trade file", ctx, move |progress, cancel| {
                import(&file, &options, progress, cancel)
            }) {
                Ok(job) => self.reloading = Some(Reloading::Trade(path, job)),
                Err(error) => log::warn!("could not read {} again: {error}", path.display()),
            }
        }
    }

    fn poll_reload(&mut self, ctx: &egui::Context) -> Option<Command> {
        let reloading = self.reloading.take()?;
        let finished = match reloading {
            Reloading::Dataset(path, job) => match job.poll() {
                Answer::Running => {
                    self.reloading = Some(Reloading::Dataset(path, job));
                    None
                }
                Answer::Done(result) => Some(Finished::DatasetReread(path, Delivered::new(result))),
                Answer::Lost => {
                    log::warn!("reading {} again stopped", path.display());
                    None
                }
            },
            Reloading::Trade(path, job) => match job.poll() {
                Answer::Running => {
                    self.reloading = Some(Reloading::Trade(path, job));
                    None
                }
                Answer::Done(result) => {
                    Some(Finished::TradeFileReread(path, Delivered::new(result)))
                }
                Answer::Lost => {
                    log::warn!("reading {} again stopped", path.display());
                    None
                }
            },
        };
        if self.reloading.is_some() {
            ctx.request_repaint_after(super::watch::QUIET_FOR);
        }
        finished.map(Command::Finished)
    }

    /// The dataset file as it is now on disk: it replaces the data (an undoable change),
    /// unless it is what is on screen already (the app's own save).
    pub(super) fn dataset_read_again(
        &mut self,
        path: PathBuf,
        result: Result<Dataset, LoadErrors>,
    ) {
        match result {
            Ok(dataset) if dataset == *self.document.dataset() => {}
            Ok(dataset) => {
                let text = format!(
                    "{} changed on disk and was read again; Undo goes back to the data before.",
                    path.display()
                );
                self.document.replace(
                    format!("Read {} again", file_name(&path)),
                    dataset,
                    DataOrigin::File(path),
                    true,
                );
                self.message = Some(Message::Notice(text));
            }
            Err(errors) => self.load_failed(errors),
        }
    }

    /// An imported trade file as it is now: imported again (an undoable change).
    pub(super) fn trade_file_read_again(
        &mut self,
        path: &Path,
        result: Result<Imported, ImportError>,
    ) {
        let Some(pair) = Pair::of_parties(&self.document.dataset().metadata.parties) else {
            return;
        };
        match result {
            Ok(imported) => {
                let new_relationship =
                    *self.document.origin() == DataOrigin::Imported(path.to_owned());
                self.apply_import(path, pair, new_relationship, imported);
                self.message = Some(Message::Notice(format!(
                    "{} changed on disk and was imported again for {pair}; Undo goes back to the figures before.",
                    path.display(),
                )));
            }
            Err(error) if error.kind == ImportErrorKind::Cancelled => {}
            Err(error) => {
                log::warn!("{error}");
                self.message = Some(Message::Notice(format!(
                    "{} changed on disk but the new version does not read, so the data on screen is as it was: {error}",
                    path.display()
                )));
            }
        }
    }
}
