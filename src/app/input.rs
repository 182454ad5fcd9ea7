//! Keys and dropped files, turned into commands.

use eframe::egui;

use crate::command::{Command, PRESENTER_KEYS};

/// The commands the keyboard and dropped files ask for this frame. In presenter mode the
/// presenter keys come first (Escape leaves presenter mode rather than dismissing). An open
/// popup (a country picker's list, a menu) keeps Escape to close itself; with the import
/// dialog open, Escape closes the dialog.
pub(super) fn commands_from_input(
    ctx: &egui::Context,
    presenting: bool,
    import_dialog_open: bool,
) -> Vec<Command> {
    let mut commands = Vec::new();
    if presenting {
        for (keys, command, _) in &PRESENTER_KEYS {
            for key in *keys {
                if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, *key)) {
                    commands.push(command.clone());
                }
            }
        }
    }
    let popup_open = egui::Popup::is_any_open(ctx);
    commands.extend(
        Command::with_shortcuts()
            .into_iter()
            .filter(|command| !(popup_open && *command == Command::DismissMessage))
            .filter(|command| {
                command
                    .shortcut()
                    .is_some_and(|shortcut| ctx.input_mut(|i| i.consume_shortcut(&shortcut)))
            })
            .map(|command| match command {
                Command::DismissMessage if import_dialog_open => Command::CloseImportDialog,
                other => other,
            }),
    );
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
