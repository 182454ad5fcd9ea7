//! The menu bar as data: what each menu holds, drawn by [`menu_bar_ui`] and checked by
//! tests (every command with a shortcut has a menu entry). The entries' texts and
//! shortcuts come from [`Command`].

use eframe::egui::{self, RichText, Ui};

use crate::app::command::{Command, ExportKind, PresenterAction};
use crate::data::records::RecordKind;
use crate::settings::{PRESENTER_SCALES, Settings, ThemeChoice};
use crate::views::ViewKind;
use crate::views::editor::Seed;

/// What the menus show that depends on the moment: the settings (recent files, theme) and
/// the names of the changes Undo and Redo would take back or do again.
#[derive(Debug, Clone, Copy)]
pub(crate) struct MenuState<'a> {
    /// The settings.
    pub(crate) settings: &'a Settings,
    /// What Undo takes back, when there is something.
    pub(crate) undo: Option<&'a str>,
    /// What Redo does again, when there is something.
    pub(crate) redo: Option<&'a str>,
    /// A record is selected, to edit or delete.
    pub(crate) has_selection: bool,
    /// The record editor is open, with a record to save.
    pub(crate) editing: bool,
    /// The dataset's stories, which the palette offers to present by name.
    pub(crate) stories: &'a [crate::data::Story],
}

impl MenuState<'_> {
    /// The text of a command's entry: Undo and Redo name the change (“Undo Import a.csv”).
    pub(crate) fn label(&self, command: &Command) -> String {
        match (command, self.undo, self.redo) {
            (Command::Undo, Some(change), _) => format!("Undo {change}"),
            (Command::Redo, _, Some(change)) => format!("Redo {change}"),
            (Command::Present(PresenterAction::PresentStory(index)), _, _) => {
                self.stories.get(*index).map_or_else(
                    || command.label(),
                    |story| format!("Present “{}”", story.name),
                )
            }
            _ => command.label(),
        }
    }

    /// Whether the command can run now (nothing to undo greys out Undo).
    pub(crate) fn enabled(&self, command: &Command) -> bool {
        match command {
            Command::Undo => self.undo.is_some(),
            Command::Redo => self.redo.is_some(),
            Command::EditSelection | Command::DeleteSelection => self.has_selection,
            Command::SaveEditor => self.editing,
            _ => true,
        }
    }
}

/// One entry of a menu.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum MenuEntry {
    /// A button that runs a command, with its shortcut beside it.
    Command(Command),
    /// A line between groups.
    Separator,
    /// A menu inside the menu.
    Submenu(&'static str, Vec<MenuEntry>),
    /// The recent files, then *Clear recent files*.
    RecentFiles,
    /// The presenter type scales, one radio button each.
    PresenterScales,
    /// The high-contrast checkbox.
    HighContrast,
    /// The colour themes, one radio button each.
    Themes,
}

/// The menus, left to right, with their titles.
pub(crate) fn menus() -> Vec<(&'static str, Vec<MenuEntry>)> {
    use MenuEntry::{Command as Run, Separator, Submenu};
    let file = vec![
        Run(Command::ShowNewRelationship),
        Run(Command::ShowOpenDialog),
        Submenu("Open recent", vec![MenuEntry::RecentFiles]),
        Separator,
        Run(Command::Save),
        Run(Command::ShowSaveAsDialog),
        Separator,
        Run(Command::ShowImportDialog),
        Run(Command::ShowImportFolderDialog),
        Run(Command::ShowImports),
        Run(Command::RevertToBuiltin),
        Separator,
        Submenu(
            "Export",
            ExportKind::ALL
                .into_iter()
                .map(|kind| Run(Command::ShowExportDialog(kind)))
                .collect(),
        ),
        Separator,
        Run(Command::Quit),
    ];
    let mut edit = vec![
        Run(Command::Undo),
        Run(Command::Redo),
        Separator,
        Run(Command::CopyViewImage),
        Run(Command::CopyViewSvg),
        Separator,
        Run(Command::EditSelection),
        Run(Command::DeleteSelection),
        Run(Command::SaveEditor),
        Separator,
    ];
    edit.extend(
        RecordKind::ALL
            .into_iter()
            .map(|kind| Run(Command::NewRecord(kind, Seed::default()))),
    );
    let mut view: Vec<MenuEntry> = ViewKind::ALL
        .into_iter()
        .map(|kind| Run(Command::ShowView(kind)))
        .collect();
    view.extend([
        Separator,
        Run(Command::TogglePresenter),
        Run(Command::ShowStorySlide(Some(0))),
        Submenu("Presenter type size", vec![MenuEntry::PresenterScales]),
        MenuEntry::HighContrast,
        Separator,
        Submenu("Theme", vec![MenuEntry::Themes]),
        Separator,
        Run(Command::DismissMessage),
    ]);
    let help = vec![
        Run(Command::ToggleCommandPalette),
        Run(Command::ShowShortcuts),
        Run(Command::ShowAbout),
    ];
    vec![
        ("File", file),
        ("Edit", edit),
        ("View", view),
        ("Help", help),
    ]
}

/// Every command the menus hold, in menu order, each once: what the command palette lists.
pub(crate) fn menu_commands() -> Vec<Command> {
    fn collect(entries: &[MenuEntry], found: &mut Vec<Command>) {
        for entry in entries {
            match entry {
                MenuEntry::Command(command) if !found.contains(command) => {
                    found.push(command.clone());
                }
                MenuEntry::Submenu(_, inner) => collect(inner, found),
                MenuEntry::RecentFiles => found.push(Command::ClearRecentFiles),
                _ => {}
            }
        }
    }
    let mut found = Vec::new();
    for (_, entries) in menus() {
        collect(&entries, &mut found);
    }
    found
}

/// Draws the menu bar; what is picked goes into `commands`.
pub(crate) fn menu_bar_ui(ui: &mut Ui, state: &MenuState<'_>, commands: &mut Vec<Command>) {
    egui::MenuBar::new().ui(ui, |ui| {
        for (title, entries) in menus() {
            ui.menu_button(title, |ui| entries_ui(ui, &entries, state, commands));
        }
    });
}

fn entries_ui(
    ui: &mut Ui,
    entries: &[MenuEntry],
    state: &MenuState<'_>,
    commands: &mut Vec<Command>,
) {
    let settings = state.settings;
    for entry in entries {
        match entry {
            MenuEntry::Command(command) => {
                ui.add_enabled_ui(state.enabled(command), |ui| {
                    labelled_command_button(ui, command, &state.label(command), commands);
                });
            }
            MenuEntry::Separator => {
                ui.separator();
            }
            MenuEntry::Submenu(title, inner) => {
                ui.menu_button(*title, |ui| entries_ui(ui, inner, state, commands));
            }
            MenuEntry::RecentFiles => {
                if settings.recent_files.is_empty() {
                    ui.label(RichText::new("No recent files").weak());
                }
                for path in &settings.recent_files {
                    command_button(ui, &Command::OpenPath(path.clone()), commands);
                }
                ui.separator();
                command_button(ui, &Command::ClearRecentFiles, commands);
            }
            MenuEntry::PresenterScales => {
                for scale in PRESENTER_SCALES {
                    let command = Command::SetPresenterScale(scale);
                    let chosen = (settings.presenter_scale - scale).abs() < 1e-3;
                    if ui.radio(chosen, command.label()).clicked() {
                        commands.push(command);
                    }
                }
            }
            MenuEntry::HighContrast => {
                let mut on = settings.presenter_high_contrast;
                let label = Command::SetHighContrast(on).label();
                if ui.checkbox(&mut on, label).changed() {
                    commands.push(Command::SetHighContrast(on));
                }
            }
            MenuEntry::Themes => {
                for choice in ThemeChoice::ALL {
                    let command = Command::SetTheme(choice);
                    if ui
                        .radio(settings.theme == choice, command.label())
                        .clicked()
                    {
                        commands.push(command);
                    }
                }
            }
        }
    }
}

/// A button with the command's label, shortcut and description.
pub(crate) fn command_button(ui: &mut Ui, command: &Command, commands: &mut Vec<Command>) {
    labelled_command_button(ui, command, &command.label(), commands);
}

/// A button with `label`, the command's shortcut and description.
fn labelled_command_button(
    ui: &mut Ui,
    command: &Command,
    label: &str,
    commands: &mut Vec<Command>,
) {
    let mut button = egui::Button::new(label);
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    if ui
        .add(button)
        .on_hover_text(command.description())
        .clicked()
    {
        commands.push(command.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commands_in(entries: &[MenuEntry], found: &mut Vec<Command>) {
        for entry in entries {
            match entry {
                MenuEntry::Command(command) => found.push(command.clone()),
                MenuEntry::Submenu(_, inner) => commands_in(inner, found),
                MenuEntry::RecentFiles => found.push(Command::ClearRecentFiles),
                _ => {}
            }
        }
    }

    #[test]
    fn every_shortcut_has_a_menu_entry() {
        let mut in_menus = Vec::new();
        for (_, entries) in menus() {
            commands_in(&entries, &mut in_menus);
        }
        assert_eq!(
            menu_commands().len(),
            in_menus.len(),
            "the palette lists each menu command once"
        );
        for command in Command::with_shortcuts() {
            assert!(
                in_menus.contains(&command),
                "{command:?} has a shortcut but no menu entry"
            );
        }
    }

    #[test]
    fn undo_and_redo_name_the_change() {
        let settings = Settings::default();
        let state = MenuState {
            settings: &settings,
            undo: Some("Import a.csv"),
            redo: None,
            has_selection: false,
            editing: false,
            stories: &[],
        };
        assert_eq!(state.label(&Command::Undo), "Undo Import a.csv");
        assert_eq!(state.label(&Command::Redo), "Redo");
        assert!(!state.enabled(&Command::Redo));
    }
}
