//! File ▸ New relationship…: two searchable country pickers and a button that starts an
//! empty dataset for the pair (its parties, title and codes from the country table), into
//! which trade files can then be imported.

use eframe::egui::{self, RichText};

use crate::app::command::Command;
use crate::data::country::{CountryId, Pair};
use crate::views::dialogs::country_picker::country_picker;

/// The two countries chosen so far, while the window is open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct NewRelationshipForm {
    /// The first party.
    pub(crate) first: Option<CountryId>,
    /// The second party.
    pub(crate) second: Option<CountryId>,
}

impl NewRelationshipForm {
    /// The pair, once two different countries are chosen.
    pub(crate) fn pair(self) -> Option<Pair> {
        Pair::new(self.first?, self.second?)
    }
}

/// Draws the window while `form` is `Some`; closing it (or starting the relationship)
/// sets `form` to `None`. Starting pushes [`Command::NewRelationship`].
pub(crate) fn new_relationship_window(
    ctx: &egui::Context,
    form: &mut Option<NewRelationshipForm>,
    commands: &mut Vec<Command>,
) {
    let Some(chosen) = form.as_mut() else {
        return;
    };
    let mut open = true;
    let mut done = false;
    egui::Window::new("New relationship")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.label("Choose the two countries. The new dataset starts empty; fill it from the files you have, or record events, places and sources by hand (Edit › New event…).");
            ui.label(
                RichText::new(
                    "Files it reads: UN Comtrade, IMF DOTS, WITS, BACI and tidy trade tables; \
                     SIPRI arms registers and TIV tables; UN General Assembly votes.",
                )
                .weak(),
            );
            ui.add_space(6.0);
            egui::Grid::new("new_relationship_parties")
                .num_columns(2)
                .spacing([12.0, 8.0])
                .show(ui, |ui| {
                    ui.label("First party");
                    country_picker(ui, "new_relationship_first", &mut chosen.first);
                    ui.end_row();
                    ui.label("Second party");
                    country_picker(ui, "new_relationship_second", &mut chosen.second);
                    ui.end_row();
                });
            ui.add_space(6.0);
            let pair = chosen.pair();
            if chosen.first.is_some() && chosen.first == chosen.second {
                ui.label(RichText::new("Choose two different countries.").weak());
            }
            ui.horizontal(|ui| {
                let start = ui.add_enabled(
                    pair.is_some(),
                    egui::Button::new("Start the relationship"),
                );
                if let Some(pair) = pair {
                    let command = Command::NewRelationship(pair);
                    let start = start.on_hover_text(command.description());
                    if start.clicked() {
                        commands.push(command);
                        done = true;
                    }
                }
                let start_and_import = ui.add_enabled(
                    pair.is_some(),
                    egui::Button::new("Start and import a file…"),
                );
                if let Some(pair) = pair
                    && start_and_import
                        .on_hover_text("Start the relationship, then choose a file to fill it from")
                        .clicked()
                {
                    commands.push(Command::NewRelationship(pair));
                    commands.push(Command::ShowImportDialog);
                    done = true;
                }
                if ui.button("Cancel").clicked() {
                    done = true;
                }
            });
        });
    if done || !open {
        *form = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::country::countries;

    #[test]
    fn a_pair_needs_two_different_countries() {
        let table = countries();
        let id = |code: &str| table.lookup(code).map(|c| c.id);
        let mut form = NewRelationshipForm::default();
        assert_eq!(form.pair(), None);
        form.first = id("BRA");
        assert_eq!(form.pair(), None);
        form.second = id("BRA");
        assert_eq!(form.pair(), None);
        form.second = id("ARG");
        assert_eq!(
            form.pair().map(crate::data::country::Pair::codes),
            Some("BRA,ARG".to_owned())
        );
    }
}
