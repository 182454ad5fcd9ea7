//! Keys and dropped files, turned into commands.

use eframe::egui::{self, KeyboardShortcut};

use crate::app::command::{Command, PRESENTER_KEYS, UnsavedAnswer};

/// What decides what a key means this frame.
#[derive(Debug, Clone, Copy)]
pub(super) struct InputState {
    /// Presenter mode is on.
    pub(crate) presenting: bool,
    /// What has the keyboard.
    pub(crate) focus: KeyboardFocus,
}

/// What Escape and the shortcuts go to, the first that is open of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum KeyboardFocus {
    /// “Save the changes?”: Escape cancels and no other shortcut runs.
    Question,
    /// The command palette: Escape closes it.
    Palette,
    /// The import dialog: Escape closes it.
    ImportDialog,
    /// “Delete this record?”: Escape cancels.
    DeleteQuestion,
    /// The record editor: Escape closes it without saving.
    Editor,
    /// The window.
    Window,
}

/// The commands the keyboard and dropped files ask for this frame.
///
/// In presenter mode the presenter keys come first (Escape leaves presenter mode rather
/// than dismissing). An open popup (a country picker's list, a menu) keeps Escape to close
/// itself; with the import dialog or the palette open, Escape closes it; while “Save the
/// changes?” is asked, Escape cancels and no other shortcut runs. While a text field has
/// the keyboard, keys without Ctrl (⌘) and Undo/Redo are the text field's.
pub(super) fn commands_from_input(ctx: &egui::Context, state: InputState) -> Vec<Command> {
    let mut commands = Vec::new();
    if state.focus == KeyboardFocus::Question {
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
            commands.push(Command::AnswerUnsaved(UnsavedAnswer::Cancel));
        }
        return commands;
    }
    if state.presenting {
        for (keys, command, _) in &PRESENTER_KEYS {
            for key in *keys {
                if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, *key)) {
                    commands.push(command.clone());
                }
            }
        }
    }
    let popup_open = egui::Popup::is_any_open(ctx);
    let typing = ctx.egui_wants_keyboard_input();
    for (command, shortcut) in shortcuts_most_modifiers_first() {
        if popup_open && command == Command::DismissMessage {
            continue;
        }
        let needs_the_text_field =
            !shortcut.modifiers.command || matches!(command, Command::Undo | Command::Redo);
        if typing && needs_the_text_field && command != Command::DismissMessage {
            continue;
        }
        if !ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
            continue;
        }
        commands.push(match command {
            Command::DismissMessage if state.focus == KeyboardFocus::Palette => {
                Command::ToggleCommandPalette
            }
            Command::DismissMessage if state.focus == KeyboardFocus::ImportDialog => {
                Command::CloseImportDialog
            }
            Command::DismissMessage if state.focus == KeyboardFocus::DeleteQuestion => {
                Command::CloseDeleteQuestion
            }
            Command::DismissMessage if state.focus == KeyboardFocus::Editor => Command::CloseEditor,
            other => other,
        });
    }
    commands.extend(ctx.input(|input| {
        input
            .raw
            .dropped_files
            .iter()
            .map(|file| Command::OpenPath(file.path().to_owned()))
            .collect::<Vec<_>>()
    }));
    commands
}

/// Every shortcut with its command, those with more modifiers first: egui matches Ctrl+Z
/// also when Shift is held, so Ctrl+Shift+Z (Redo) must be looked for before it.
fn shortcuts_most_modifiers_first() -> Vec<(Command, KeyboardShortcut)> {
    let mut all: Vec<(Command, KeyboardShortcut)> = Command::with_shortcuts()
        .into_iter()
        .flat_map(|command| {
            command
                .shortcuts()
                .into_iter()
                .map(move |shortcut| (command.clone(), shortcut))
        })
        .collect();
    let modifier_count = |shortcut: &KeyboardShortcut| {
        let m = shortcut.modifiers;
        [m.alt, m.ctrl, m.shift, m.mac_cmd, m.command]
            .into_iter()
            .filter(|on| *on)
            .count()
    };
    all.sort_by_key(|(_, shortcut)| std::cmp::Reverse(modifier_count(shortcut)));
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redo_is_looked_for_before_undo() {
        let order = shortcuts_most_modifiers_first();
        let position = |wanted: &Command| {
            order
                .iter()
                .position(|(command, shortcut)| {
                    command == wanted && shortcut.logical_key == egui::Key::Z
                })
                .expect("listed")
        };
        assert!(position(&Command::Redo) < position(&Command::Undo));
    }
}
