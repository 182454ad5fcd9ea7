//! The trade files imported into a dataset, read from its sources (every import's sources
//! have ids `import-<file>--<reporter>`), each with a Remove button.

use std::collections::BTreeMap;

use eframe::egui::{self, RichText, Ui};

use crate::command::Command;
use crate::data::Dataset;

/// One import found in a dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportEntry {
    /// The import's id (`import-<file name slug>`), which removes it.
    pub id: String,
    /// The titles of its sources (layout, file, whose report).
    pub titles: Vec<String>,
    /// Points citing it.
    pub points: usize,
}

/// The imports in `dataset`, in the order of their ids.
#[must_use]
pub fn imports_in(dataset: &Dataset) -> Vec<ImportEntry> {
    let mut found: BTreeMap<&str, ImportEntry> = BTreeMap::new();
    for source in &dataset.sources {
        let Some((id, _reporter)) = source.id.split_once("--") else {
            continue;
        };
        if !id.starts_with("import-") {
            continue;
        }
        found
            .entry(id)
            .or_insert_with(|| ImportEntry {
                id: id.to_owned(),
                titles: Vec::new(),
                points: 0,
            })
            .titles
            .push(source.title.clone());
    }
    for point in dataset.series.iter().flat_map(|s| &s.points) {
        for entry in found.values_mut() {
            let prefix = format!("{}--", entry.id);
            if point.sources.iter().any(|s| s.starts_with(&prefix)) {
                entry.points += 1;
            }
        }
    }
    found.into_values().collect()
}

/// Lists the imports of `dataset`; Remove asks the app to take one out.
pub fn imports_ui(ui: &mut Ui, dataset: &Dataset, commands: &mut Vec<Command>) {
    let imports = imports_in(dataset);
    if imports.is_empty() {
        ui.label("No trade file has been imported into this dataset.");
        ui.label(
            RichText::new("File › Import trade file…, or drop a Comtrade, IMF, WITS or BACI file on the window.")
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
                        RichText::new(format!("{} · {} points", entry.id, entry.points))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::builtin::builtin_dataset;
    use crate::data::{Point, Series, SeriesKind, Source};

    #[test]
    fn imports_are_grouped_by_file_with_their_points() {
        let mut dataset = builtin_dataset().expect("built-in");
        let before = imports_in(&dataset);
        assert!(before.is_empty(), "{before:?}");
        for reporter in ["rus", "irn"] {
            dataset.sources.push(Source {
                id: format!("import-a-csv--{reporter}"),
                author: None,
                title: format!("A file ({reporter})"),
                publisher: None,
                date: None,
                url: None,
                note: String::new(),
            });
        }
        dataset.series.push(Series {
            id: "trade-rus-to-irn-reported-by-rus".into(),
            label: String::new(),
            unit: "USD bn".into(),
            kind: SeriesKind::Exports,
            note: String::new(),
            points: vec![Point {
                year: 2010,
                value: Some(3.36),
                range: None,
                approximate: false,
                sources: vec!["import-a-csv--rus".into()],
                note: String::new(),
            }],
        });
        let found = imports_in(&dataset);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].id, "import-a-csv");
        assert_eq!(found[0].titles.len(), 2);
        assert_eq!(found[0].points, 1);
    }
}
