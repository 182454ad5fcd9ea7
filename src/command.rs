//! Everything the user can ask of the app. Views and menus emit these; only the app runs them.

use std::path::PathBuf;

use eframe::egui::{Key, KeyboardShortcut, Modifiers};

use crate::settings::ThemeChoice;
use crate::views::ViewKind;

/// A request from the UI to the app shell.
#[must_use]
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Show the native file picker.
    ShowOpenDialog,
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
            Self::Quit => command(Key::Q),
            Self::ShowView(view) => command(view.shortcut_key()),
            Self::DismissMessage => Some(KeyboardShortcut::new(Modifiers::NONE, Key::Escape)),
            _ => None,
        }
    }

    /// Commands that have shortcuts and need no argument, checked every frame.
    pub fn with_shortcuts() -> Vec<Self> {
        let mut commands = vec![Self::ShowOpenDialog, Self::Quit, Self::DismissMessage];
        commands.extend(ViewKind::ALL.into_iter().map(Self::ShowView));
        commands
    }
}
