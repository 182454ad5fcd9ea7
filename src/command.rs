//! Everything the user can ask of the app. Views and menus emit these; only the app runs them.

use std::path::PathBuf;

use eframe::egui::{Key, KeyboardShortcut, Modifiers};

use crate::settings::ThemeChoice;
use crate::views::ViewKind;

/// What File ▸ Export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// The current view as a PNG image at twice its pixels, with title and sources.
    ViewPng,
    /// The trade chart as SVG, drawn from its data.
    ChartSvg,
    /// The values the trade chart shows, as CSV with sources.
    ChartCsv,
    /// Every point of every series, as CSV with sources.
    DataCsv,
}

impl ExportKind {
    /// Every kind, in menu order.
    pub const ALL: [Self; 4] = [Self::ViewPng, Self::ChartSvg, Self::ChartCsv, Self::DataCsv];

    /// Menu label.
    pub fn label(self) -> &'static str {
        match self {
            Self::ViewPng => "Current view as PNG (2×)…",
            Self::ChartSvg => "Trade chart as SVG…",
            Self::ChartCsv => "Trade chart data as CSV (as shown)…",
            Self::DataCsv => "All series as CSV…",
        }
    }

    /// File name extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::ViewPng => "png",
            Self::ChartSvg => "svg",
            Self::ChartCsv | Self::DataCsv => "csv",
        }
    }

    /// Name of the file type, for the save dialog.
    pub fn file_type(self) -> &'static str {
        match self {
            Self::ViewPng => "PNG image",
            Self::ChartSvg => "SVG drawing",
            Self::ChartCsv | Self::DataCsv => "CSV table",
        }
    }
}

/// A request from the UI to the app shell.
#[must_use]
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Show the native file picker.
    ShowOpenDialog,
    /// Ask where to save an export.
    ShowExportDialog(ExportKind),
    /// Write an export to this path (menu, tests).
    Export(ExportKind, PathBuf),
    /// Load the dataset at this path (menu, recent files, drag and drop, command line).
    OpenPath(PathBuf),
    /// Remove the GeoJSON layer at this index.
    RemoveLayer(usize),
    /// Go back to the data that ships with the app.
    RevertToBuiltin,
    /// Forget the recent files.
    ClearRecentFiles,
    /// Show another view.
    ShowView(ViewKind),
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
    /// Close the window.
    Quit,
}

impl Command {
    /// The keyboard shortcut, where the command has one.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        let command = |key| Some(KeyboardShortcut::new(Modifiers::COMMAND, key));
        match self {
            Self::ShowOpenDialog => command(Key::O),
            Self::ShowExportDialog(ExportKind::ViewPng) => command(Key::E),
            Self::Quit => command(Key::Q),
            Self::ShowView(view) => command(view.shortcut_key()),
            Self::DismissMessage => Some(KeyboardShortcut::new(Modifiers::NONE, Key::Escape)),
            Self::TogglePresenter => Some(KeyboardShortcut::new(Modifiers::NONE, Key::F5)),
            Self::ShowShortcuts => Some(KeyboardShortcut::new(Modifiers::SHIFT, Key::Questionmark)),
            _ => None,
        }
    }

    /// Keys that move through the slides in presenter mode (what presentation clickers send).
    pub fn presenter_key(key: Key) -> Option<Self> {
        match key {
            Key::ArrowRight | Key::PageDown | Key::Space => Some(Self::NextSlide),
            Key::ArrowLeft | Key::PageUp => Some(Self::PreviousSlide),
            Key::Escape => Some(Self::TogglePresenter),
            _ => None,
        }
    }

    /// What the command does, for menus and the shortcut list.
    pub fn label(&self) -> String {
        match self {
            Self::ShowOpenDialog => "Open a dataset or GeoJSON layer".to_owned(),
            Self::OpenPath(path) => format!("Open {}", path.display()),
            Self::ShowExportDialog(kind) => format!("Export {}", kind.label()),
            Self::Export(kind, path) => format!("Export {} to {}", kind.label(), path.display()),
            Self::RemoveLayer(index) => format!("Remove layer {}", index + 1),
            Self::RevertToBuiltin => "Revert to built-in data".to_owned(),
            Self::ClearRecentFiles => "Clear recent files".to_owned(),
            Self::ShowView(view) => format!("Show the {} view", view.label()),
            Self::SetTheme(theme) => format!("Theme: {}", theme.label()),
            Self::DismissMessage => "Dismiss the message".to_owned(),
            Self::TogglePresenter => "Presenter mode".to_owned(),
            Self::NextSlide => "Next slide".to_owned(),
            Self::PreviousSlide => "Previous slide".to_owned(),
            Self::SetPresenterScale(scale) => format!("Presenter type ×{scale}"),
            Self::SetHighContrast(on) => {
                format!("High contrast {}", if *on { "on" } else { "off" })
            }
            Self::ShowShortcuts => "Keyboard shortcuts".to_owned(),
            Self::ShowAbout => "About Bilateral".to_owned(),
            Self::Quit => "Quit".to_owned(),
        }
    }

    /// Commands that have shortcuts and need no argument, checked every frame.
    pub fn with_shortcuts() -> Vec<Self> {
        let mut commands = vec![
            Self::ShowOpenDialog,
            Self::ShowExportDialog(ExportKind::ViewPng),
            Self::Quit,
            Self::DismissMessage,
            Self::TogglePresenter,
            Self::ShowShortcuts,
        ];
        commands.extend(ViewKind::ALL.into_iter().map(Self::ShowView));
        commands
    }
}
