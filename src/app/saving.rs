//! Keeping the user's work: Save and Save As (on a background thread, reporting back as a
//! command), “Save the changes?” before the document is replaced or the app closes, and
//! the recovery copy of unsaved changes ([`crate::document::recovery`]).

use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use eframe::egui;

use super::background::{Answer, Job};
use super::dialogs::DialogPurpose;
use super::{BilateralApp, Message};
use crate::app::command::{Command, Delivered, Finished, UnsavedAnswer};
use crate::data::Dataset;
use crate::document::recovery::{LeftBehind, RECOVERY_INTERVAL, RecoveryWriter};
use crate::document::save::{SaveError, Saved, save_dataset};
use crate::document::{DataOrigin, Document, file_name};

type SaveJob = Job<(Arc<Dataset>, Result<Saved, SaveError>)>;

/// Saving in progress, the question asked about unsaved changes, the recovery copy.
pub(super) struct SavingState {
    recovery: RecoveryWriter,
    /// A copy a previous run left, offered in the banner until restored or discarded.
    offered: Option<LeftBehind>,
    /// The generation of the document last handed to the recovery writer, and when.
    recovery_written: Option<(u64, Instant)>,
    /// A save running.
    job: Option<SaveJob>,
    /// What to do once the running (or asked-for) save succeeds.
    then: Option<Command>,
    /// The command waiting for an answer to “Save the changes?”.
    asking: Option<Command>,
    /// The next command may leave the document without asking (the user answered).
    answered: bool,
}

impl SavingState {
    pub(super) fn new(recovery: RecoveryWriter) -> Self {
        Self {
            recovery,
            offered: None,
            recovery_written: None,
            job: None,
            then: None,
            asking: None,
            answered: false,
        }
    }

    /// Forgets the command that waited for a save that will not happen.
    pub(super) fn forget_what_waits(&mut self) {
        self.then = None;
    }

    /// Whether “Save the changes?” is on screen.
    pub(super) fn asking(&self) -> bool {
        self.asking.is_some()
    }

    /// The app closes normally: its recovery copy goes (what was unsaved was saved or
    /// discarded by the user's answer).
    pub(super) fn close_normally(&mut self) {
        std::mem::replace(&mut self.recovery, RecoveryWriter::inactive()).close();
    }
}

impl BilateralApp {
    /// Whether `command` may run now. A command that leaves a document with unsaved changes
    /// waits for an answer to “Save the changes?” instead.
    pub(super) fn may_leave_the_document(&mut self, command: &Command) -> bool {
        if !command.leaves_the_document(crate::io::is_dataset_file) {
            return true;
        }
        // An answer counts for the one command it was given for.
        let answered = std::mem::take(&mut self.saving.answered);
        if answered || !self.document.has_unsaved_changes() {
            return true;
        }
        self.saving.asking = Some(command.clone());
        false
    }

    /// Runs the user's answer to “Save the changes?”.
    pub(super) fn answer_unsaved(&mut self, ctx: &egui::Context, answer: UnsavedAnswer) {
        let Some(waiting) = self.saving.asking.take() else {
            return;
        };
        match answer {
            UnsavedAnswer::Save => self.save(ctx, Some(waiting)),
            UnsavedAnswer::Discard => {
                self.saving.answered = true;
                self.run(ctx, waiting);
            }
            UnsavedAnswer::Cancel => {}
        }
    }

    /// Saves to the document's file, or asks where when it has none; `then` runs once the
    /// save succeeded.
    pub(super) fn save(&mut self, ctx: &egui::Context, then: Option<Command>) {
        if let Some(path) = self.document.origin().file().map(std::path::Path::to_owned) {
            self.start_save(ctx, path, then);
        } else {
            self.saving.then = then;
            self.show_file_dialog(ctx, DialogPurpose::SaveDataset);
        }
    }

    /// Writes the dataset to `path` on a background thread.
    pub(super) fn start_save(&mut self, ctx: &egui::Context, path: PathBuf, then: Option<Command>) {
        if self.saving.job.is_some() {
            self.message = Some(Message::Notice(
                "A save is still running; try again in a moment.".to_owned(),
            ));
            return;
        }
        let dataset = self.document.shared_dataset();
        match Job::start("save dataset", ctx, move |_, _| {
            let result = save_dataset(&dataset, &path);
            (dataset, result)
        }) {
            Ok(job) => {
                self.saving.job = Some(job);
                if then.is_some() {
                    self.saving.then = then;
                }
            }
            Err(error) => {
                self.message = Some(Message::Notice(format!("Could not start saving: {error}")));
            }
        }
    }

    /// The command a finished save reports, once it has.
    pub(super) fn poll_save(&mut self) -> Option<Command> {
        let job = self.saving.job.as_ref()?;
        let answer = match job.poll() {
            Answer::Running => return None,
            Answer::Done(answer) => answer,
            Answer::Lost => (
                self.document.shared_dataset(),
                Err(SaveError {
                    path: self
                        .document
                        .origin()
                        .file()
                        .map_or_else(PathBuf::new, std::path::Path::to_owned),
                    message: "the save stopped unexpectedly; the file is as it was".to_owned(),
                }),
            ),
        };
        self.saving.job = None;
        Some(Command::Finished(Finished::Save(Delivered::new(answer))))
    }

    /// A save finished: the document is saved as long as its data is what was written.
    pub(super) fn save_finished(
        &mut self,
        ctx: &egui::Context,
        dataset: &Arc<Dataset>,
        result: Result<Saved, SaveError>,
    ) {
        let then = self.saving.then.take();
        match result {
            Ok(saved) => {
                self.settings.remember_recent(&saved.path);
                let mut text = format!(
                    "Saved {} ({} KB).",
                    saved.path.display(),
                    saved.bytes.div_ceil(1024)
                );
                if let Some(backup) = &saved.backup {
                    let _ = write!(
                        text,
                        " The previous version is kept as {}.",
                        file_name(backup)
                    );
                }
                self.message = Some(Message::Notice(text));
                self.document.saved_as(dataset, saved.path);
                if let Some(then) = then {
                    self.saving.answered = true;
                    self.run(ctx, then);
                }
            }
            Err(error) => {
                log::warn!("{error}");
                self.message = Some(Message::Notice(format!(
                    "{error}. Nothing was changed on disk; the data on screen keeps its changes."
                )));
            }
        }
    }

    /// The window's close button: with unsaved changes, the window stays and asks.
    pub(super) fn close_requested(&mut self, ctx: &egui::Context) -> Option<Command> {
        let requested = ctx.input(|i| i.viewport().close_requested());
        if !requested || !self.document.has_unsaved_changes() || self.saving.answered {
            return None;
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        Some(Command::Quit)
    }

    /// Closes the window (the question about unsaved changes, if any, was answered).
    pub(super) fn quit(&mut self, ctx: &egui::Context) {
        // The close request this sends comes back next frame: it must not ask again.
        self.saving.answered = true;
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }

    /// “Save the changes?”, while a command waits for the answer.
    pub(super) fn unsaved_prompt(&self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let Some(waiting) = &self.saving.asking else {
            return;
        };
        let what = match waiting {
            Command::Quit => "before closing",
            Command::OpenPath(_) => "before opening another file",
            Command::RestoreRecovery => "before restoring the changes kept after a crash",
            _ => "before starting another relationship",
        };
        let modal = egui::Modal::new(egui::Id::unique("unsaved_changes")).show(ctx, |ui| {
            ui.set_max_width(460.0);
            ui.heading(format!(
                "Save the changes to “{}” {what}?",
                self.document.dataset().metadata.title
            ));
            ui.label(unsaved_detail(&self.document));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                for answer in [
                    UnsavedAnswer::Save,
                    UnsavedAnswer::Discard,
                    UnsavedAnswer::Cancel,
                ] {
                    super::menu::command_button(ui, &Command::AnswerUnsaved(answer), commands);
                }
            });
        });
        if modal.should_close() {
            commands.push(Command::AnswerUnsaved(UnsavedAnswer::Cancel));
        }
    }

    /// Offers the copy a previous run left, in the banner.
    pub(super) fn offer_recovery(&mut self, left: Option<LeftBehind>) {
        let Some(left) = left else {
            return;
        };
        self.message = Some(Message::Recovery {
            written_at: left.copy.written_at(),
            what: format!(
                "“{}” ({})",
                left.copy.dataset.metadata.title,
                left.copy.origin.label()
            ),
        });
        self.saving.offered = Some(left);
    }

    /// Puts back the offered copy's data, with its unsaved changes.
    pub(super) fn restore_recovery(&mut self) {
        let Some(left) = self.saving.offered.take() else {
            return;
        };
        let copy = left.copy.clone();
        left.forget();
        let what = copy.dataset.metadata.title.clone();
        let written_at = copy.written_at();
        self.document = Document::recovered(copy.dataset, copy.origin, self.document.generation());
        self.message = Some(Message::Notice(format!(
            "Restored the unsaved changes to “{what}” kept at {written_at}. Save them with File › Save."
        )));
    }

    /// Forgets the offered copy.
    pub(super) fn discard_recovery(&mut self) {
        if let Some(left) = self.saving.offered.take() {
            left.forget();
        }
        self.message = None;
    }

    /// Hands the document to the recovery writer after each change while it has unsaved
    /// changes (and again every [`RECOVERY_INTERVAL`] when a write failed); removes the copy
    /// once there are none.
    pub(super) fn keep_recovery_copy(&mut self, ctx: &egui::Context) {
        for failure in self.saving.recovery.failures() {
            log::warn!("recovery copy not written: {failure}");
            self.saving.recovery_written = self
                .saving
                .recovery_written
                .map(|(generation, at)| (generation.wrapping_sub(1), at));
        }
        if !self.document.has_unsaved_changes() {
            if self.saving.recovery_written.take().is_some() {
                self.saving.recovery.remove();
            }
            return;
        }
        let generation = self.document.generation();
        let due = match self.saving.recovery_written {
            None => true,
            Some((written, _)) if written != generation => true,
            Some((_, at)) => at.elapsed() >= RECOVERY_INTERVAL,
        };
        if due {
            self.saving.recovery.write(
                self.document.shared_dataset(),
                self.document.origin().clone(),
            );
            self.saving.recovery_written = Some((generation, Instant::now()));
        }
        ctx.request_repaint_after(RECOVERY_INTERVAL);
    }
}

/// What saving would keep, in a sentence: where it goes.
fn unsaved_detail(document: &Document) -> String {
    match document.origin() {
        DataOrigin::File(path) => format!(
            "Save writes them to {} (the previous version is kept as a backup). Don't save loses them.",
            path.display()
        ),
        DataOrigin::BuiltIn | DataOrigin::New | DataOrigin::Imported(_) => {
            "This relationship has not been saved to a file yet: Save asks where. Don't save loses the changes.".to_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::builtin::builtin_dataset;

    #[test]
    fn the_question_says_where_the_changes_would_go() {
        let document = Document::new(
            builtin_dataset().expect("built-in"),
            DataOrigin::File("/data/pair.json".into()),
        );
        assert!(unsaved_detail(&document).contains("/data/pair.json"));
        let new = Document::new(builtin_dataset().expect("built-in"), DataOrigin::New);
        assert!(unsaved_detail(&new).contains("asks where"));
    }
}
