//! The command palette (Ctrl+Shift+P or Ctrl+K, as in rerun and code editors): every
//! command of the menus by name, with its shortcut, filtered as one types. It lists
//! [`menu::menu_commands`], so a command added to a menu is in the palette too, and
//! *Present “name”* for each of the dataset's stories.

use eframe::egui::{self, RichText};

use super::menu::{self, MenuState};
use crate::app::command::{Command, PresenterAction};

/// What is typed in the palette and which line is chosen.
#[derive(Debug, Clone, Default)]
pub(crate) struct PaletteState {
    /// The text typed.
    pub(crate) query: String,
    /// The chosen line among those that match.
    pub(crate) chosen: usize,
}

/// The commands whose name or description has, for every word typed, a word starting
/// with it (“sav as” finds Save as…): those found by their name first, then those found by
/// their description, each in menu order.
pub(crate) fn matching(query: &str, state: &MenuState<'_>) -> Vec<Command> {
    let typed: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    let finds = |text: &str| {
        let text = text.to_lowercase();
        let words: Vec<&str> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .collect();
        typed
            .iter()
            .all(|part| words.iter().any(|word| word.starts_with(part.as_str())))
    };
    let stories = (0..state.stories.len())
        .map(|index| Command::Present(PresenterAction::PresentStory(index)));
    let (by_name, others): (Vec<Command>, Vec<Command>) = menu::menu_commands()
        .into_iter()
        .chain(stories)
        .partition(|command| finds(&state.label(command)));
    by_name
        .into_iter()
        .chain(others.into_iter().filter(|command| {
            finds(&format!(
                "{} {}",
                state.label(command),
                command.description()
            ))
        }))
        .collect()
}

/// Draws the palette; the command picked (and the palette closing) go into `commands`.
pub(super) fn palette_window(
    ctx: &egui::Context,
    palette: &mut PaletteState,
    state: &MenuState<'_>,
    commands: &mut Vec<Command>,
) {
    let found = matching(&palette.query, state);
    let (down, up) = ctx.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
            i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
        )
    });
    if down {
        palette.chosen = (palette.chosen + 1).min(found.len().saturating_sub(1));
    }
    if up {
        palette.chosen = palette.chosen.saturating_sub(1);
    }
    palette.chosen = palette.chosen.min(found.len().saturating_sub(1));
    let mut picked = None;
    egui::Window::new("Command palette")
        .title_bar(false)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 60.0))
        .fixed_size(egui::vec2(520.0, 0.0))
        .show(ctx, |ui| {
            let typed = ui.add(
                egui::TextEdit::singleline(&mut palette.query)
                    .hint_text("Type a command…")
                    .desired_width(f32::INFINITY),
            );
            if !typed.has_focus() && !typed.lost_focus() {
                typed.request_focus();
            }
            if typed.changed() {
                palette.chosen = 0;
            }
            if typed.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                picked = found.get(palette.chosen).cloned();
            }
            ui.separator();
            if found.is_empty() {
                ui.label(RichText::new("No command matches.").weak());
            }
            egui::ScrollArea::vertical()
                .max_height(360.0)
                .show(ui, |ui| {
                    for (index, command) in found.iter().enumerate() {
                        let enabled = state.enabled(command);
                        let shortcut = command
                            .shortcut()
                            .map(|s| ctx.format_shortcut(&s))
                            .unwrap_or_default();
                        let line = ui
                            .add_enabled(
                                enabled,
                                egui::Button::selectable(
                                    index == palette.chosen,
                                    state.label(command),
                                )
                                .shortcut_text(shortcut)
                                .min_size(egui::vec2(ui.available_width(), 0.0)),
                            )
                            .on_hover_text(command.description());
                        if index == palette.chosen && (down || up) {
                            line.scroll_to_me(None);
                        }
                        if line.clicked() {
                            picked = Some(command.clone());
                        }
                    }
                });
        });
    if let Some(command) = picked
        && state.enabled(&command)
    {
        commands.push(Command::ToggleCommandPalette);
        commands.push(command);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Settings;

    #[test]
    fn typing_narrows_the_list_by_every_word() {
        let settings = Settings::default();
        let state = MenuState {
            settings: &settings,
            undo: Some("Import a.csv"),
            redo: None,
            has_selection: false,
            editing: false,
            stories: &[],
        };
        let all = matching("", &state);
        assert_eq!(all.len(), menu::menu_commands().len());
        assert_eq!(matching("sav as", &state), vec![Command::ShowSaveAsDialog]);
        assert!(matching("undo import", &state).contains(&Command::Undo));
        assert!(matching("no such command", &state).is_empty());
        let import = matching("import fil", &state);
        assert_eq!(
            import.first(),
            Some(&Command::ShowImportDialog),
            "a name found comes before a description found: {import:?}"
        );
    }

    #[test]
    fn each_story_can_be_presented_by_its_name() {
        let settings = Settings::default();
        let story = |name: &str| crate::data::Story {
            name: name.to_owned(),
            slides: Vec::new(),
        };
        let stories = [story("Overview"), story("Sanctions years")];
        let state = MenuState {
            settings: &settings,
            undo: None,
            redo: None,
            has_selection: false,
            editing: false,
            stories: &stories,
        };
        let found = matching("present sanc", &state);
        assert_eq!(
            found,
            vec![Command::Present(PresenterAction::PresentStory(1))]
        );
        assert_eq!(state.label(&found[0]), "Present “Sanctions years”");
        assert_eq!(matching("", &state).len(), menu::menu_commands().len() + 2);
    }
}
