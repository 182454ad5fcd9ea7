//! Native file dialogs (rfd) that do not block the window: the answer arrives on a
//! channel and becomes a command.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use eframe::egui;

use super::{BilateralApp, Message};
use crate::app::command::{Command, ExportKind};
use crate::io::OPENABLE_TYPES;

/// What a native file dialog is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DialogPurpose {
    /// Pick a file to open.
    Open,
    /// Pick a trade file to import.
    Import,
    /// Pick a folder of event files to import as one.
    ImportFolder,
    /// Pick where to write an export.
    Save(ExportKind),
    /// Pick where to save the dataset (Save As).
    SaveDataset,
}

/// A dialog on screen, and where its answer will arrive.
pub(super) struct PendingDialog {
    purpose: DialogPurpose,
    answer: mpsc::Receiver<Option<PathBuf>>,
}

impl BilateralApp {
    /// Shows a native open or save dialog without blocking the window; its answer
    /// arrives in [`Self::poll_file_dialog`] and becomes a command.
    pub(super) fn show_file_dialog(&mut self, ctx: &egui::Context, purpose: DialogPurpose) {
        if self.file_dialog.is_some() {
            return;
        }
        if let Some(reason) = native_dialog_unavailable() {
            let advice = match purpose {
                DialogPurpose::Open | DialogPurpose::Import | DialogPurpose::ImportFolder => {
                    "Drag the file onto the window instead, or pass it on the command line: bilateral FILE"
                }
                DialogPurpose::Save(_) | DialogPurpose::SaveDataset => {
                    "Use the command line instead: bilateral export --help"
                }
            };
            self.message = Some(Message::Notice(format!(
                "No file dialog can be shown here ({reason}). {advice}"
            )));
            return;
        }
        let start_folder = self
            .settings
            .recent_files
            .first()
            .and_then(|path| path.parent())
            .map(Path::to_owned);
        let suggested_name = match purpose {
            DialogPurpose::Open | DialogPurpose::Import | DialogPurpose::ImportFolder => {
                String::new()
            }
            DialogPurpose::Save(kind @ ExportKind::StoryPdf) => format!(
                "{}-story.{}",
                self.document
                    .dataset()
                    .metadata
                    .title
                    .to_lowercase()
                    .replace(' ', "-"),
                kind.extension()
            ),
            DialogPurpose::Save(kind) => format!(
                "{}-{}.{}",
                self.document
                    .dataset()
                    .metadata
                    .title
                    .to_lowercase()
                    .replace(' ', "-"),
                self.view.label().to_lowercase(),
                kind.extension()
            ),
            DialogPurpose::SaveDataset => format!(
                "{}.json",
                self.document
                    .dataset()
                    .metadata
                    .title
                    .to_lowercase()
                    .replace(' ', "-")
            ),
        };
        // One answer, one slot.
        let (sender, answer) = mpsc::sync_channel(1);
        let repaint = ctx.clone();
        let pick = move || {
            let picked = pick_path(purpose, start_folder, &suggested_name);
            // The receiver is gone only if the app closed meanwhile.
            let _ = sender.send(picked);
            repaint.request_repaint();
        };
        if cfg!(target_os = "macos") {
            // macOS dialogs must run on the main thread; they are modal there anyway.
            pick();
        } else if let Err(error) = std::thread::Builder::new()
            .name("file dialog".to_owned())
            .spawn(pick)
        {
            self.message = Some(Message::Notice(format!(
                "Could not show the file dialog: {error}"
            )));
            return;
        }
        self.file_dialog = Some(PendingDialog { purpose, answer });
    }

    /// The command the dialog's answer asks for, once it has one.
    pub(super) fn poll_file_dialog(&mut self) -> Vec<Command> {
        let Some(pending) = &self.file_dialog else {
            return Vec::new();
        };
        match pending.answer.try_recv() {
            Ok(Some(path)) => {
                let command = match pending.purpose {
                    DialogPurpose::Open => Command::OpenPath(path),
                    DialogPurpose::Import | DialogPurpose::ImportFolder => {
                        Command::OpenTradeFile(path)
                    }
                    DialogPurpose::Save(kind) => Command::Export(kind, path),
                    DialogPurpose::SaveDataset => Command::SaveAs(path),
                };
                self.file_dialog = None;
                vec![command]
            }
            Ok(None) | Err(mpsc::TryRecvError::Disconnected) => {
                if pending.purpose == DialogPurpose::SaveDataset {
                    // Save As was cancelled: what waited for the save does not happen.
                    self.saving.forget_what_waits();
                }
                self.file_dialog = None;
                Vec::new()
            }
            Err(mpsc::TryRecvError::Empty) => Vec::new(),
        }
    }
}

/// Trade files, for file dialogs (the layout is told by content; these are the usual names).
const TRADE_FILES: (&str, &[&str]) = (
    "Data file (trade, SIPRI arms transfers, UN votes, GDELT or ICEWS events, chronology of events, Parquet)",
    &[
        "csv", "tsv", "tab", "txt", "gz", "zip", "xlsx", "xls", "xlsb", "ods", "xml", "parquet",
    ],
);

/// Runs the dialog itself (blocking the thread it runs on).
fn pick_path(
    purpose: DialogPurpose,
    start_folder: Option<PathBuf>,
    suggested_name: &str,
) -> Option<PathBuf> {
    let mut dialog = rfd::FileDialog::new();
    if let Some(folder) = start_folder {
        dialog = dialog.set_directory(folder);
    }
    match purpose {
        DialogPurpose::Open => {
            dialog = dialog.set_title("Open a Bilateral dataset or GeoJSON layer");
            for (name, extensions) in OPENABLE_TYPES {
                dialog = dialog.add_filter(*name, extensions);
            }
            dialog
                .add_filter(TRADE_FILES.0, TRADE_FILES.1)
                .add_filter("All files", &["*"])
                .pick_file()
        }
        DialogPurpose::Import => dialog
            .set_title("Import a trade file")
            .add_filter(TRADE_FILES.0, TRADE_FILES.1)
            .add_filter("All files", &["*"])
            .pick_file(),
        DialogPurpose::ImportFolder => dialog
            .set_title("Import a folder of event files or Parquet part files")
            .pick_folder(),
        DialogPurpose::Save(ExportKind::StoryPngs) => dialog
            .set_title("Choose a folder for the story's PNG pages")
            .pick_folder(),
        DialogPurpose::Save(kind) => dialog
            .set_title(kind.label().trim_end_matches('…'))
            .add_filter(kind.file_type(), &[kind.extension()])
            .set_file_name(suggested_name)
            .save_file(),
        DialogPurpose::SaveDataset => dialog
            .set_title("Save the dataset as")
            .add_filter("Bilateral dataset (JSON)", &["json"])
            .set_file_name(suggested_name)
            .save_file(),
    }
}

/// Why no native file dialog can be shown, if that is known before trying.
fn native_dialog_unavailable() -> Option<&'static str> {
    if !cfg!(target_os = "linux") {
        return None;
    }
    let has_portal_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some();
    let has_zenity = std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|folder| folder.join("zenity").is_file())
    });
    (!has_portal_bus && !has_zenity)
        .then_some("this Linux desktop has neither an XDG desktop portal nor zenity")
}
