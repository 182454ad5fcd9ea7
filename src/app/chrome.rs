//! What the window draws around the view: tabs, the message banner, the status bar, the
//! About and shortcut windows, the drop overlay, the title and the theme.

use eframe::egui::{self, RichText, Ui};

use super::{BilateralApp, DataOrigin, Message};
use crate::app::command::{Command, PRESENTER_KEYS};
use crate::data::Dataset;
use crate::data::summary::DatasetSummary;
use crate::document::Document;
use crate::settings::{ThemeChoice, WindowGeometry};
use crate::views::ViewKind;
use crate::views::theme;

/// How many lines of a load error the banner lists before pointing to `bilateral check`.
const BANNER_LINES: usize = 8;

/// One tab per view, then the dataset's title.
pub(super) fn tabs_ui(
    ui: &mut Ui,
    current: ViewKind,
    dataset: &Dataset,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        for view in ViewKind::ALL {
            let command = Command::ShowView(view);
            let shortcut = command
                .shortcut()
                .map(|s| ui.ctx().format_shortcut(&s))
                .unwrap_or_default();
            if ui
                .selectable_label(current == view, RichText::new(command.label()).heading())
                .on_hover_text(format!("{} ({shortcut})", command.description()))
                .clicked()
            {
                commands.push(command);
            }
        }
        ui.separator();
        ui.label(RichText::new(&dataset.metadata.title).heading().strong());
    });
}

/// The banner above the view: a load error with where it is, or a notice.
pub(super) fn message_ui(
    ui: &mut Ui,
    message: &Message,
    origin: &DataOrigin,
    commands: &mut Vec<Command>,
) {
    let (background, headline, details): (egui::Color32, String, Vec<String>) = match message {
        Message::LoadFailed { errors } => {
            let file = errors.first().map(|e| e.file.clone()).unwrap_or_default();
            (
                theme::ERROR_BACKGROUND,
                format!(
                    "Could not open {file}. The data on screen is unchanged ({}).",
                    origin.label()
                ),
                errors.0.iter().map(ToString::to_string).collect(),
            )
        }
        Message::Notice(text) => (theme::NOTICE_BACKGROUND, text.clone(), Vec::new()),
        Message::Recovery { written_at, what } => (
            theme::NOTICE_BACKGROUND,
            format!(
                "Bilateral did not close normally last time. Unsaved changes to {what} were kept at {written_at}."
            ),
            Vec::new(),
        ),
        Message::ChangedOnDisk(path) => (
            theme::NOTICE_BACKGROUND,
            format!(
                "{} changed on disk, and the data on screen has unsaved changes. Read the file again (losing them), or keep working and save over it?",
                path.display()
            ),
            Vec::new(),
        ),
    };
    let choices: Vec<Command> = match message {
        Message::Recovery { .. } => vec![Command::RestoreRecovery, Command::DiscardRecovery],
        Message::ChangedOnDisk(path) => vec![Command::ReloadFromDisk(path.clone())],
        Message::LoadFailed { .. } | Message::Notice(_) => Vec::new(),
    };
    egui::Frame::new()
        .fill(background)
        .inner_margin(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            // Wrapped: a long headline (a crash note, a deep path) keeps Dismiss in the window.
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(headline).color(theme::BANNER_TEXT).strong());
                for choice in &choices {
                    super::menu::command_button(ui, choice, commands);
                }
                let dismiss = if matches!(message, Message::ChangedOnDisk(_)) {
                    "Keep my changes"
                } else {
                    "Dismiss"
                };
                if matches!(message, Message::Recovery { .. }) {
                    // Discard is the way to dismiss it: the copy is then removed.
                } else if ui.button(dismiss).clicked() {
                    commands.push(Command::DismissMessage);
                }
            });
            for detail in details.iter().take(BANNER_LINES) {
                ui.label(RichText::new(detail).color(theme::BANNER_TEXT).monospace());
            }
            if details.len() > BANNER_LINES {
                ui.label(
                    RichText::new(format!(
                        "…and {} more (run `bilateral check FILE` to list them all)",
                        details.len() - BANNER_LINES
                    ))
                    .color(theme::BANNER_TEXT),
                );
            }
        });
}

/// `• Russia–Iran (pair.json) — Bilateral`: a mark while there are unsaved changes, the
/// dataset's title, where it came from.
pub(super) fn window_title(document: &Document) -> String {
    format!(
        "{}{} ({}) — Bilateral",
        if document.has_unsaved_changes() {
            "• "
        } else {
            ""
        },
        document.dataset().metadata.title,
        document.origin().label()
    )
}

/// Where the data came from, whether it has unsaved changes, and what it holds.
pub(super) fn status_ui(ui: &mut Ui, document: &Document) {
    ui.horizontal(|ui| {
        let unsaved = if document.has_unsaved_changes() {
            " · unsaved changes"
        } else {
            ""
        };
        ui.label(format!(
            "{}{unsaved} · {}",
            document.origin().label(),
            DatasetSummary::of(document.dataset())
        ))
        .on_hover_text(document.origin().full_label());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(RichText::new("Drop a dataset or trade file here to open it").weak());
        });
    });
}

/// Sets the theme the user chose, with egui's own dark look (undoing presenter mode's high contrast).
pub(super) fn apply_theme(ctx: &egui::Context, theme: ThemeChoice) {
    ctx.set_visuals_of(egui::Theme::Dark, egui::Visuals::dark());
    ctx.set_visuals_of(egui::Theme::Light, egui::Visuals::light());
    ctx.set_theme(match theme {
        ThemeChoice::System => egui::ThemePreference::System,
        ThemeChoice::Light => egui::ThemePreference::Light,
        ThemeChoice::Dark => egui::ThemePreference::Dark,
    });
}

pub(super) fn about_window(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new(Command::ShowAbout.label())
        .open(open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.label(format!("Bilateral {}", env!("CARGO_PKG_VERSION")));
            ui.label("A desktop atlas of the relationship between two countries.");
            ui.label("The built-in Russia–Iran dataset was compiled by hand from four articles; every figure cites its source (see the Sources view).");
            ui.label("Basemap: Natural Earth 1:50m countries (public domain) via world-atlas 2.0.2 (ISC licence).");
            ui.label("Bilateral makes no network requests.");
        });
}

/// Every shortcut and presenter key, each with what its command does.
pub(super) fn shortcuts_window(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new(Command::ShowShortcuts.label())
        .open(open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            egui::Grid::new("shortcuts")
                .num_columns(2)
                .striped(true)
                .show(ui, |ui| {
                    for command in Command::with_shortcuts() {
                        if let Some(shortcut) = command.shortcut() {
                            ui.label(RichText::new(ctx.format_shortcut(&shortcut)).monospace());
                            ui.label(command.description());
                            ui.end_row();
                        }
                    }
                    for (keys, _, word) in &PRESENTER_KEYS {
                        let names: Vec<&str> = keys.iter().map(|key| key.name()).collect();
                        ui.label(RichText::new(names.join(", ")).monospace());
                        ui.label(format!("{word} (presenter mode)"));
                        ui.end_row();
                    }
                    ui.label(RichText::new("Drag, scroll, pinch").monospace());
                    ui.label("Pan and zoom the map and the timeline");
                    ui.end_row();
                });
        });
}

/// Darkens the window while files are dragged over it.
pub(super) fn drop_overlay(ctx: &egui::Context) {
    let hovering = ctx.input(|i| !i.raw.hovered_files.is_empty());
    if !hovering {
        return;
    }
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop_overlay"),
    ));
    let screen = ctx.content_rect();
    painter.rect_filled(screen, 0.0, theme::DROP_OVERLAY);
    painter.text(
        screen.center(),
        egui::Align2::CENTER_CENTER,
        "Drop to open or import this file",
        egui::FontId::proportional(32.0),
        theme::BANNER_TEXT,
    );
}

impl BilateralApp {
    /// Keeps the window's place and size for the next start (saved on exit).
    pub(super) fn remember_window(&mut self, ctx: &egui::Context) {
        let geometry = ctx.input(|i| {
            let viewport = i.viewport();
            let inner = viewport.inner_rect?;
            let outer = viewport.outer_rect.unwrap_or(inner);
            Some(WindowGeometry {
                x: outer.min.x,
                y: outer.min.y,
                width: inner.width(),
                height: inner.height(),
            })
        });
        if geometry.is_some() {
            self.settings.window = geometry;
        }
    }

    /// The window title names the dataset and where it came from, with a mark while it has
    /// unsaved changes.
    pub(super) fn update_title(&mut self, ctx: &egui::Context) {
        let title = window_title(&self.document);
        if title != self.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }
}
