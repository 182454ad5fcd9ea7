//! The import dialog's step for a chronology: which column holds what (a combo box per
//! role, guessed from the header or remembered for this header row), how dates written
//! with numbers only are read, what rows without a domain or stance get, and what that
//! makes: the first events, the rows that cannot be read with their place, the values
//! Bilateral does not know. Every choice is shown at once, from the rows the scan kept.

use std::fmt::Write as _;
use std::sync::Arc;

use eframe::egui::{self, RichText, Ui};

use crate::data::country::Pair;
use crate::data::{Domain, Stance};
use crate::import::chronology::rows::{Evaluation, KnownPlace, evaluate};
use crate::import::chronology::{Columns, DayOrder, Role, Table};
use crate::import::error::{ImportError, Position, column_letters};
use crate::views::theme;

/// Events shown in the preview.
const PREVIEW_EVENTS: usize = 6;

/// Rows that cannot be read, listed before "and N more".
const PROBLEMS_LISTED: usize = 200;

/// The dialog's choices for a chronology, and what they make.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ChronologyChoice {
    /// Which column holds what.
    pub(crate) columns: Columns,
    /// Whether the columns were remembered for this header row (not guessed).
    pub(crate) remembered: bool,
    /// What `columns` make for the pair chosen, derived and kept while they stay the same.
    preview: Preview,
}

impl ChronologyChoice {
    /// The choice that starts from `columns`.
    pub(crate) fn new(columns: Columns, remembered: bool) -> Self {
        Self {
            columns,
            remembered,
            preview: Preview::default(),
        }
    }

    /// What the columns make of `table` for `pair`, evaluated again only when they change.
    pub(crate) fn evaluation(
        &mut self,
        table: &Table,
        pair: Option<Pair>,
        places: &[KnownPlace],
    ) -> Arc<Evaluation> {
        if let Some((columns, for_pair, evaluation)) = &self.preview.0
            && *columns == self.columns
            && *for_pair == pair
        {
            return Arc::clone(evaluation);
        }
        let evaluation = Arc::new(evaluate(table, &self.columns, pair, places));
        self.preview.0 = Some((self.columns.clone(), pair, Arc::clone(&evaluation)));
        evaluation
    }
}

/// A derived preview: never part of what makes two choices differ.
#[derive(Debug, Clone, Default)]
struct Preview(Option<(Columns, Option<Pair>, Arc<Evaluation>)>);

impl PartialEq for Preview {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Preview {}

/// The column choices and what they make for `pair`; returns the number of events an
/// import would make.
pub(crate) fn chronology_ui(
    ui: &mut Ui,
    table: &Table,
    choice: &mut ChronologyChoice,
    pair: Option<Pair>,
    places: &[KnownPlace],
) -> usize {
    let mut layout = "Chronology of events".to_owned();
    if let Some(sheet) = &table.sheet {
        let _ = write!(layout, ", sheet “{sheet}”");
    }
    if let Some(encoding) = table.encoding {
        let _ = write!(layout, " ({encoding})");
    }
    egui::Grid::new("chronology_report")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            ui.label("Layout");
            ui.label(RichText::new(layout).strong());
            ui.end_row();
            ui.label("Rows");
            ui.label(format!("{} rows under the header", table.rows.len()));
            ui.end_row();
        });
    ui.label(if choice.remembered {
        "Columns as you chose them for this header before; change any of them:"
    } else {
        "Columns guessed from the header; check and change any of them:"
    });
    columns_grid(ui, table, &mut choice.columns);
    options_ui(ui, &mut choice.columns);
    let evaluation = choice.evaluation(table, pair, places);
    ui.separator();
    outcome_ui(ui, &evaluation, pair);
    evaluation.readings.len()
}

/// One row per role: its column (a combo box) and the first value found there.
fn columns_grid(ui: &mut Ui, table: &Table, columns: &mut Columns) {
    let name = |index: usize| {
        let header = table.header.get(index).map_or("", String::as_str);
        let letter = column_letters(u32::try_from(index).unwrap_or(u32::MAX));
        format!("{letter} · {header}")
    };
    egui::Grid::new("chronology_columns")
        .num_columns(3)
        .spacing([12.0, 4.0])
        .striped(true)
        .show(ui, |ui| {
            for heading in ["Role", "Column", "First value"] {
                ui.label(RichText::new(heading).weak());
            }
            ui.end_row();
            for role in Role::ALL {
                ui.label(role.label());
                let mut chosen = columns.get(role);
                let shown = chosen.map_or_else(|| "(none)".to_owned(), name);
                egui::ComboBox::from_id_salt(("chronology column", role.key()))
                    .selected_text(shown)
                    .width(200.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut chosen, None, "(none)");
                        for index in 0..table.header.len() {
                            ui.selectable_value(&mut chosen, Some(index), name(index));
                        }
                    });
                if chosen != columns.get(role) {
                    columns.set(role, chosen);
                }
                let example = chosen
                    .and_then(|c| {
                        table
                            .rows
                            .iter()
                            .find_map(|r| r.cells.get(c).filter(|v| !v.is_empty()))
                    })
                    .map_or_else(String::new, |v| crate::display::safe_text::quote(v, 48));
                ui.label(RichText::new(example).weak());
                ui.end_row();
            }
        });
}

/// The order of day and month, the defaults, and the other columns.
fn options_ui(ui: &mut Ui, columns: &mut Columns) {
    ui.horizontal(|ui| {
        ui.label("Dates like 02/06/2022:");
        let text = |order: Option<DayOrder>| match order {
            None => "told from the column".to_owned(),
            Some(order) => order.label().to_owned(),
        };
        egui::ComboBox::from_id_salt("chronology day order")
            .selected_text(text(columns.day_order))
            .show_ui(ui, |ui| {
                for order in [None, Some(DayOrder::DayFirst), Some(DayOrder::MonthFirst)] {
                    ui.selectable_value(&mut columns.day_order, order, text(order));
                }
            });
    });
    ui.horizontal(|ui| {
        ui.label("Rows with no known domain:");
        egui::ComboBox::from_id_salt("chronology default domain")
            .selected_text(columns.default_domain.label())
            .show_ui(ui, |ui| {
                for domain in Domain::ALL {
                    ui.selectable_value(&mut columns.default_domain, domain, domain.label());
                }
            });
        ui.label("stance:");
        egui::ComboBox::from_id_salt("chronology default stance")
            .selected_text(columns.default_stance.label())
            .show_ui(ui, |ui| {
                for stance in Stance::ALL {
                    ui.selectable_value(&mut columns.default_stance, stance, stance.label());
                }
            });
    });
    ui.checkbox(
        &mut columns.other_columns,
        "Keep the other columns in the summary (“Header: value”)",
    );
}

/// What the choices make: counts, the first events, the rows left out and the values not
/// understood.
fn outcome_ui(ui: &mut Ui, evaluation: &Evaluation, pair: Option<Pair>) {
    let others: u64 = evaluation.other_countries.values().sum();
    let mut line = format!("{} rows make events", evaluation.readings.len());
    if !evaluation.problems.is_empty() {
        let _ = write!(line, "; {} cannot be read", evaluation.problems.len());
    }
    if let (Some(pair), true) = (pair, others > 0) {
        let _ = write!(line, "; {others} name countries other than {pair}");
    }
    ui.label(RichText::new(line).strong());
    ui.label(RichText::new(crate::import::chronology::events::order_words(evaluation)).weak());
    egui::Grid::new("chronology_preview")
        .num_columns(3)
        .striped(true)
        .spacing([12.0, 2.0])
        .show(ui, |ui| {
            for heading in ["When", "Title", "Domain"] {
                ui.label(RichText::new(heading).weak());
            }
            ui.end_row();
            for reading in evaluation.readings.iter().take(PREVIEW_EVENTS) {
                let when = match reading.span.end {
                    Some(end) => format!("{} – {end}", reading.span.start),
                    None => reading.span.start.to_string(),
                };
                ui.label(when);
                ui.label(crate::display::safe_text::quote(&reading.title, 60));
                let domains: Vec<&str> = reading.domains.iter().map(|d| d.label()).collect();
                ui.label(domains.join(", "));
                ui.end_row();
            }
        });
    if !evaluation.problems.is_empty() {
        egui::CollapsingHeader::new(
            RichText::new(format!(
                "Rows that cannot be read ({}), left out",
                evaluation.problems.len()
            ))
            .color(theme::WARNING_TEXT),
        )
        .id_salt("chronology problems")
        .default_open(true)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .max_height(120.0)
                .id_salt("chronology problems scroll")
                .show(ui, |ui| {
                    for problem in evaluation.problems.iter().take(PROBLEMS_LISTED) {
                        ui.label(RichText::new(problem_text(problem)).monospace());
                    }
                    if evaluation.problems.len() > PROBLEMS_LISTED {
                        ui.label(format!(
                            "and {} more",
                            evaluation.problems.len() - PROBLEMS_LISTED
                        ));
                    }
                });
        });
    }
    unknown_values_ui(ui, evaluation);
}

/// A row that cannot be read, where it is first: `line 12, column 8: …` in a text file,
/// `Sheet1!B63: …` in a workbook.
fn problem_text(problem: &ImportError) -> String {
    let place = match &problem.position {
        Some(Position::Text { line, column } | Position::ZipEntry { line, column, .. }) => {
            format!("line {line}, column {column}")
        }
        Some(Position::Cell { sheet, row, column }) => {
            format!("{sheet}!{}{}", column_letters(*column), row + 1)
        }
        Some(Position::Row { row, column, .. }) => format!("row {row}, column `{column}`"),
        None => problem.file.clone(),
    };
    crate::display::safe_text::quote(&format!("{place}: {}", problem.kind), 300)
}

/// Domain, stance and place values Bilateral does not know, each with its rows.
fn unknown_values_ui(ui: &mut Ui, evaluation: &Evaluation) {
    let groups = [
        (
            "Domain values that are none of Bilateral's (kept in the summary)",
            &evaluation.unknown_domains,
        ),
        (
            "Stance values that are none of Bilateral's (kept in the summary)",
            &evaluation.unknown_stances,
        ),
        (
            "Places not among the dataset's (kept in the summary)",
            &evaluation.unmatched_places,
        ),
        (
            "Countries other than the pair's (rows left out)",
            &evaluation.other_countries,
        ),
    ];
    for (title, values) in groups {
        if values.is_empty() {
            continue;
        }
        egui::CollapsingHeader::new(format!("{title}: {}", values.len()))
            .id_salt(title)
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    for (value, rows) in values.iter().take(100) {
                        ui.label(format!(
                            "“{}” ({rows})",
                            crate::display::safe_text::quote(value, 40)
                        ));
                    }
                });
            });
    }
}
