//! Reading watched files again when they change on disk (see [`super::watch`]): the opened
//! dataset file and each imported trade file, one at a time, on a background thread. A
//! version that reads replaces what it made; one that does not leaves the data as it was,
//! and the banner says why.

#![allow(
    clippy::result_large_err,
    reason = "an import error carries its file, place and message; it ends the job, so its size costs nothing"
)]

use std::path::PathBuf;

use eframe::egui;

use super::background::{Answer, Job};
use super::{BilateralApp, DataOrigin, ImportRecord, Message};
use crate::data::{Dataset, LoadErrors};
use crate::import::{ImportError, ImportErrorKind, ImportOptions, Imported, import};
use crate::io::load_dataset_file;

/// A file being read again.
pub(super) enum Reloading {
    /// The opened dataset file.
    Dataset(PathBuf, Job<Result<Dataset, LoadErrors>>),
    /// An imported trade file, for the same pair.
    Trade(ImportRecord, Job<Result<Imported, ImportError>>),
}

impl BilateralApp {
    /// Watches the files the data came from; reads again those that changed.
    pub(super) fn reload_changed_files(&mut self, ctx: &egui::Context) {
        let mut files = Vec::new();
        if let DataOrigin::File(path) = &self.origin {
            files.push(path.clone());
        }
        files.extend(self.imports.iter().map(|record| record.path.clone()));
        self.watch.watch_only(&files);
        for path in self.watch.due(ctx) {
            if !self.reload_queue.contains(&path) {
                self.reload_queue.push_back(path);
            }
        }
        self.poll_reload(ctx);
        if self.reloading.is_none()
            && let Some(path) = self.reload_queue.pop_front()
        {
            self.start_reload(ctx, path);
        }
    }

    fn start_reload(&mut self, ctx: &egui::Context, path: PathBuf) {
        if self.origin == DataOrigin::File(path.clone()) {
            let file = path.clone();
            match Job::start("reload dataset", ctx, move |_, _| load_dataset_file(&file)) {
                Ok(job) => self.reloading = Some(Reloading::Dataset(path, job)),
                Err(error) => log::warn!("could not read {} again: {error}", path.display()),
            }
        } else if let Some(record) = self.imports.iter().find(|r| r.path == path).cloned() {
            let options = ImportOptions::new(record.pair);
            let file = path.clone();
            match Job::start("reload trade file", ctx, move |progress, cancel| {
                import(&file, &options, progress, cancel)
            }) {
                Ok(job) => self.reloading = Some(Reloading::Trade(record, job)),
                Err(error) => log::warn!("could not read {} again: {error}", path.display()),
            }
        }
    }

    fn poll_reload(&mut self, ctx: &egui::Context) {
        let Some(reloading) = self.reloading.take() else {
            return;
        };
        match reloading {
            Reloading::Dataset(path, job) => match job.poll() {
                Answer::Running => {
                    ctx.request_repaint_after(super::watch::QUIET_FOR);
                    self.reloading = Some(Reloading::Dataset(path, job));
                }
                Answer::Done(result) => self.dataset_read_again(path, result),
                Answer::Lost => log::warn!("reading {} again stopped", path.display()),
            },
            Reloading::Trade(record, job) => match job.poll() {
                Answer::Running => {
                    ctx.request_repaint_after(super::watch::QUIET_FOR);
                    self.reloading = Some(Reloading::Trade(record, job));
                }
                Answer::Done(result) => self.trade_file_read_again(&record, result),
                Answer::Lost => log::warn!("reading {} again stopped", record.path.display()),
            },
        }
    }

    fn dataset_read_again(&mut self, path: PathBuf, result: Result<Dataset, LoadErrors>) {
        let Ok(dataset) = result else {
            // The banner says why; the data stays as it was.
            self.accept(result, DataOrigin::File(path));
            return;
        };
        let imported = self.imports.clone();
        self.accept(Ok(dataset), DataOrigin::File(path.clone()));
        let mut text = format!("{} changed on disk and was read again.", path.display());
        if !imported.is_empty() {
            text.push_str(" The trade files imported into it are being imported again.");
            self.imports = imported;
            for record in &self.imports {
                self.reload_queue.push_back(record.path.clone());
            }
        }
        self.message = Some(Message::Notice(text));
    }

    fn trade_file_read_again(
        &mut self,
        record: &ImportRecord,
        result: Result<Imported, ImportError>,
    ) {
        match result {
            Ok(imported) => {
                let new_relationship = self.origin == DataOrigin::Imported(record.path.clone());
                self.apply_import(&record.path, record.pair, new_relationship, imported);
                self.message = Some(Message::Notice(format!(
                    "{} changed on disk and was imported again for {}.",
                    record.path.display(),
                    record.pair
                )));
            }
            Err(error) if error.kind == ImportErrorKind::Cancelled => {}
            Err(error) => {
                log::warn!("{error}");
                self.message = Some(Message::Notice(format!(
                    "{} changed on disk but the new version does not read, so the data on screen is as it was: {error}",
                    record.path.display()
                )));
            }
        }
    }
}
