//! Trade files in the window: the import dialog's scan and import run on named background
//! threads (see [`super::background`]) and report back as commands; the document changes
//! only when an import succeeds, as one undoable step. An import's sources name its file,
//! so the imports are listed, removed and read again from the dataset itself.

#![allow(
    clippy::result_large_err,
    reason = "an import error carries its file, place and message; it ends the job, so its size costs nothing"
)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use eframe::egui;

use super::background::{Answer, Job};
use super::{BilateralApp, DataOrigin, Message};
use crate::app::command::{Command, Delivered, Finished};
use crate::data::country::Pair;
use crate::document::{file_name, set_import_file};
use crate::import::chronology::Columns;
use crate::import::chronology::rows::KnownPlace;
use crate::import::{
    FileReport, ImportError, ImportErrorKind, ImportOptions, Imported, import, import_id,
    merge_import, remove_import_id, scan,
};
use crate::settings::column_layouts::ColumnLayout;
use crate::views::dialogs::chronology_columns::ChronologyChoice;
use crate::views::dialogs::import_dialog::{
    ImportDialogInfo, ImportDialogState, ImportOutcome, ImportStatus, PathKind, import_dialog_ui,
};
use crate::views::dialogs::imports::imports_ui;

/// The dataset's places, which a chronology's place column is matched against.
pub(super) fn known_places(dataset: &crate::data::Dataset) -> Vec<KnownPlace> {
    dataset
        .places
        .iter()
        .map(|place| KnownPlace {
            id: place.id.clone(),
            name: place.name.clone(),
        })
        .collect()
}

/// What the file system says `path` is, for the dialog's first line.
fn path_kind_of(path: &Path) -> Option<PathKind> {
    std::fs::metadata(path).ok().map(|metadata| {
        if metadata.is_dir() {
            PathKind::Folder
        } else {
            PathKind::File {
                bytes: metadata.len(),
            }
        }
    })
}

/// How often the window redraws while a job runs, so elapsed time and the bar move.
const RUNNING_REPAINT: std::time::Duration = std::time::Duration::from_millis(100);

/// The import dialog and the work it runs.
pub(super) struct ImportSession {
    path: PathBuf,
    /// What `path` is, found once when the dialog opens on it (not at every frame).
    path_kind: Option<PathKind>,
    phase: Phase,
    dialog: ImportDialogState,
    /// How the last import ended, when it changed nothing.
    last_outcome: Option<ImportOutcome>,
}

enum Phase {
    Scanning(Job<Result<FileReport, ImportError>>),
    ScanFailed(String),
    Scanned(FileReport),
    Importing {
        report: Option<FileReport>,
        pair: Pair,
        new_relationship: bool,
        job: Job<Result<Imported, ImportError>>,
    },
}

impl ImportSession {
    fn is_running(&self) -> bool {
        matches!(self.phase, Phase::Scanning(_) | Phase::Importing { .. })
    }
}

impl BilateralApp {
    /// Opens the import dialog on `path` and scans the file in the background.
    pub(super) fn open_trade_file(&mut self, ctx: &egui::Context, path: PathBuf) {
        self.settings.remember_recent(&path);
        let scanned = path.clone();
        let phase = match Job::start("scan trade file", ctx, move |progress, cancel| {
            scan(&scanned, progress, cancel)
        }) {
            Ok(job) => Phase::Scanning(job),
            Err(error) => Phase::ScanFailed(format!("could not start reading the file: {error}")),
        };
        self.import_session = Some(ImportSession {
            path_kind: path_kind_of(&path),
            path,
            phase,
            dialog: ImportDialogState::default(),
            last_outcome: None,
        });
    }

    /// Imports `pair` from `path` in the background; the dialog shows its progress.
    pub(super) fn start_import(
        &mut self,
        ctx: &egui::Context,
        path: &Path,
        pair: Pair,
        new_relationship: bool,
    ) {
        let mut session = self.import_session.take().unwrap_or_else(|| ImportSession {
            path: path.to_owned(),
            path_kind: path_kind_of(path),
            phase: Phase::ScanFailed(String::new()),
            dialog: ImportDialogState::default(),
            last_outcome: None,
        });
        let report = match std::mem::replace(&mut session.phase, Phase::ScanFailed(String::new())) {
            Phase::Scanned(report) if session.path == path => Some(report),
            Phase::Importing { report, .. } => report,
            _ => None,
        };
        if session.path != path {
            path.clone_into(&mut session.path);
            session.path_kind = path_kind_of(path);
        }
        session.last_outcome = None;
        let mut options = ImportOptions::new(pair);
        options.events = session.dialog.events;
        self.event_choices.insert(path.to_owned(), options.events);
        let table = report.as_ref().and_then(|r| r.chronology.as_ref());
        if let (Some(choice), Some(table)) = (&session.dialog.chronology, table) {
            options.columns = Some(choice.columns.clone());
            options.places = known_places(self.document.dataset());
            self.settings.chronology_columns.remember(ColumnLayout {
                header: table.header.clone(),
                roles: choice.columns.by_name(&table.header),
                options: choice.columns.options(),
            });
        }
        let imported_path = path.to_owned();
        session.phase = match Job::start("import trade file", ctx, move |progress, cancel| {
            import(&imported_path, &options, progress, cancel)
        }) {
            Ok(job) => Phase::Importing {
                report,
                pair,
                new_relationship,
                job,
            },
            Err(error) => Phase::ScanFailed(format!("could not start the import: {error}")),
        };
        self.import_session = Some(session);
    }

    /// Stops the running scan or import; the data stays as it was. A cancelled scan
    /// closes the dialog; a cancelled import goes back to choosing the pair.
    pub(super) fn cancel_import(&mut self) {
        let Some(mut session) = self.import_session.take() else {
            return;
        };
        match std::mem::replace(&mut session.phase, Phase::ScanFailed(String::new())) {
            Phase::Scanning(job) => {
                job.cancel();
                self.message = Some(Message::Notice(format!(
                    "Import of {} cancelled; the data on screen is unchanged.",
                    session.path.display()
                )));
            }
            Phase::Importing { report, job, .. } => {
                job.cancel();
                if let Some(report) = report {
                    session.last_outcome = Some(ImportOutcome::Cancelled);
                    session.phase = Phase::Scanned(report);
                    self.import_session = Some(session);
                } else {
                    self.message = Some(Message::Notice(format!(
                        "Import of {} cancelled; the data on screen is unchanged.",
                        session.path.display()
                    )));
                }
            }
            other => {
                session.phase = other;
                self.import_session = Some(session);
            }
        }
    }

    /// Closes the dialog, stopping what it runs.
    pub(super) fn close_import_dialog(&mut self) {
        if let Some(session) = &self.import_session
            && session.is_running()
        {
            self.cancel_import();
        }
        self.import_session = None;
    }

    /// The command the dialog's background work reports, once it has an answer.
    pub(super) fn poll_import(&mut self, ctx: &egui::Context) -> Option<Command> {
        let session = self.import_session.as_ref()?;
        let lost = || {
            ImportError::whole(
                &session.path.display().to_string(),
                ImportErrorKind::Io("reading the file stopped unexpectedly".to_owned()),
            )
        };
        match &session.phase {
            Phase::Scanning(job) => match job.poll() {
                Answer::Running => {
                    ctx.request_repaint_after(RUNNING_REPAINT);
                    None
                }
                Answer::Done(result) => Some(Finished::Scan(Delivered::new(result))),
                Answer::Lost => Some(Finished::Scan(Delivered::new(Err(lost())))),
            },
            Phase::Importing { job, .. } => match job.poll() {
                Answer::Running => {
                    ctx.request_repaint_after(RUNNING_REPAINT);
                    None
                }
                Answer::Done(result) => Some(Finished::Import(Delivered::new(result))),
                Answer::Lost => Some(Finished::Import(Delivered::new(Err(lost())))),
            },
            Phase::ScanFailed(_) | Phase::Scanned(_) => None,
        }
        .map(Command::Finished)
    }

    /// The scan's answer: the dialog offers the pairs found, or says why it could not; for
    /// a chronology, the columns remembered for its header row, or else the guess.
    pub(super) fn scan_finished(&mut self, result: Result<FileReport, ImportError>) {
        let Some(session) = &mut self.import_session else {
            return;
        };
        if let Ok(table) = result.as_ref().map(|r| r.chronology.as_ref()) {
            session.dialog.chronology =
                table.map(
                    |table| match self.settings.chronology_columns.find(&table.header) {
                        Some(layout) => ChronologyChoice::new(
                            Columns::from_names(&table.header, &layout.roles)
                                .with_choices(&table.header, &layout.options)
                                .unwrap_or_else(|_| table.guess()),
                            true,
                        ),
                        None => ChronologyChoice::new(table.guess(), false),
                    },
                );
        }
        if matches!(session.phase, Phase::Scanning(_)) {
            session.phase = match result {
                Ok(report) => Phase::Scanned(report),
                Err(error) => Phase::ScanFailed(error.to_string()),
            };
        }
    }

    /// Applies an import's answer: on success the data changes and the dialog closes; on
    /// failure the data stays and the dialog says why.
    pub(super) fn finish_import(&mut self, result: Result<Imported, ImportError>) {
        let Some(mut session) = self.import_session.take() else {
            return;
        };
        let Phase::Importing {
            report,
            pair,
            new_relationship,
            ..
        } = std::mem::replace(&mut session.phase, Phase::ScanFailed(String::new()))
        else {
            self.import_session = Some(session);
            return;
        };
        match result {
            Ok(imported) => self.apply_import(&session.path, pair, new_relationship, imported),
            Err(error) => {
                log::warn!("{error}");
                session.last_outcome = Some(ImportOutcome::Failed(error.to_string()));
                session.phase = match report {
                    Some(report) => Phase::Scanned(report),
                    None => Phase::ScanFailed(error.to_string()),
                };
                self.import_session = Some(session);
            }
        }
    }

    /// Puts a finished import on screen, as one undoable change: a new dataset for its
    /// pair, or merged into the open one (replacing an earlier import of the same file).
    pub(super) fn apply_import(
        &mut self,
        path: &Path,
        pair: Pair,
        new_relationship: bool,
        mut imported: Imported,
    ) {
        let series = imported.dataset.series.len();
        let points: usize = imported.dataset.series.iter().map(|s| s.points.len()).sum();
        let id = import_id(&imported.file_name);
        set_import_file(&mut imported.dataset, &id, path);
        let events = imported.dataset.events.len();
        let mut text = match (series, events) {
            (0, events) => format!(
                "Imported {events} events of {pair} from {}.",
                imported.file_name
            ),
            (_, 0) => format!(
                "Imported {series} series ({points} points) of {pair} from {}.",
                imported.file_name
            ),
            _ => format!(
                "Imported {series} series ({points} points) and {events} events of {pair} from {}.",
                imported.file_name
            ),
        };
        if imported.report.format == crate::import::Format::Chronology
            && !imported.report.skipped.is_empty()
        {
            let left_out: Vec<String> = imported
                .report
                .skipped
                .iter()
                .map(|(reason, rows)| format!("{rows} {reason}"))
                .collect();
            let _ = write!(text, " Left out: {}.", left_out.join(", "));
        }
        if new_relationship {
            self.document.replace(
                format!("New relationship from {}", file_name(path)),
                imported.dataset,
                DataOrigin::Imported(path.to_owned()),
                false,
            );
            text.push_str(" This is a new relationship; Undo goes back to the data before.");
        } else {
            let problems = self
                .document
                .change_dataset(format!("Import {}", file_name(path)), |dataset| {
                    merge_import(dataset, imported)
                });
            if !problems.is_empty() {
                let listed: Vec<String> =
                    problems.iter().take(3).map(ToString::to_string).collect();
                text.push_str(" Kept side by side, not merged: ");
                text.push_str(&listed.join("; "));
            }
        }
        self.message = Some(Message::Notice(text));
    }

    /// Takes an import out of the data again, as one undoable change.
    pub(super) fn remove_import(&mut self, id: &str) {
        let removed = self
            .document
            .change_dataset(format!("Remove import {id}"), |dataset| {
                remove_import_id(dataset, id)
            });
        self.message = Some(Message::Notice(format!(
            "Removed the import {id} ({removed} points). Undo brings it back."
        )));
    }

    /// Draws the import dialog when it is open.
    pub(super) fn import_dialog(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let dataset_pair = Pair::of_parties(&self.document.dataset().metadata.parties);
        let Some(session) = &mut self.import_session else {
            return;
        };
        let places = if session.dialog.chronology.is_some() {
            known_places(self.document.dataset())
        } else {
            Vec::new()
        };
        let status = match &session.phase {
            Phase::Scanning(job) => ImportStatus::Scanning(job.progress()),
            Phase::ScanFailed(error) => ImportStatus::ScanFailed(error),
            Phase::Scanned(report) => ImportStatus::Scanned(report),
            Phase::Importing { pair, job, .. } => ImportStatus::Importing {
                pair: *pair,
                progress: job.progress(),
            },
        };
        let info = ImportDialogInfo {
            path: &session.path,
            kind: session.path_kind,
            dataset_pair,
            dataset_title: &self.document.dataset().metadata.title,
            status,
            last_outcome: session.last_outcome.as_ref(),
            places: &places,
        };
        import_dialog_ui(ctx, &info, &mut session.dialog, commands);
    }

    /// Draws File › Imports… when open: every import of the dataset with a Remove button.
    pub(super) fn imports_window(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        egui::Window::new("Imports")
            .open(&mut self.windows.imports)
            .collapsible(false)
            .default_width(520.0)
            .show(ctx, |ui| imports_ui(ui, self.document.dataset(), commands));
    }

    /// Whether the import dialog is open.
    #[must_use]
    pub fn import_dialog_open(&self) -> bool {
        self.import_session.is_some()
    }
}
