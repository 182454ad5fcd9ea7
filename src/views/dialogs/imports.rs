//! File › Imports: the trade files imported into a dataset ([`imports_of`]), each with a
//! Remove button.

use eframe::egui::{self, RichText, Ui};

use crate::app::command::Command;
use crate::data::Dataset;
use crate::document::imports_of;

/// Lists the imports of `dataset`; Remove asks the app to take one out.
pub(crate) fn imports_ui(ui: &mut Ui, dataset: &Dataset, commands: &mut Vec<Command>) {
    let imports = imports_of(dataset);
    if imports.is_empty() {
        ui.label("No file has been imported into this dataset.");
        ui.label(
            RichText::new("File › Import file…, or drop a file on the window: Comtrade, IMF, WITS or BACI trade, a SIPRI register or TIV table, UN votes, or your own chronology of events (CSV, xlsx, ODS).")
                .weak(),
        );
        return;
    }
    egui::Grid::new("imports_list")
        .num_columns(2)
        .striped(true)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            for entry in &imports {
                ui.vertical(|ui| {
                    for title in &entry.titles {
                        ui.label(title);
                    }
                    ui.label(
                        RichText::new(if entry.events == 0 {
                            format!("{} · {} points", entry.id, entry.points)
                        } else {
                            format!(
                                "{} · {} points · {} events",
                                entry.id, entry.points, entry.events
                            )
                        })
                        .small()
                        .weak(),
                    );
                });
                let remove = Command::RemoveImport(entry.id.clone());
                if ui
                    .button(remove.label())
                    .on_hover_text(remove.description())
                    .clicked()
                {
                    commands.push(remove);
                }
                ui.end_row();
            }
        });
}
