//! The editor's fields: each draws one part of a record and, beneath it, the problems the
//! loader's validation finds there.

use eframe::egui::{self, RichText, Ui};

use super::form::{BasisForm, BasisKind, DateText, YearsText};
use crate::data::records::FieldProblem;
use crate::data::{Dataset, Domain, Stance};
use crate::views::theme;

/// Shows the problems of `field` in red, each on its line.
pub(crate) fn problems_ui(ui: &mut Ui, problems: &[FieldProblem], field: &str) {
    let color = ui.visuals().error_fg_color;
    for problem in problems.iter().filter(|p| p.field == field) {
        ui.label(RichText::new(problem.message.as_str()).color(color).small());
    }
}

/// A field's name above it, bold.
pub(crate) fn caption(ui: &mut Ui, text: &str) -> egui::Response {
    ui.label(RichText::new(text).strong())
}

/// A one-line text field under its name, with its problems.
pub(crate) fn text_field(
    ui: &mut Ui,
    name: &str,
    text: &mut String,
    problems: &[FieldProblem],
    field: &str,
) -> egui::Response {
    let label = caption(ui, name);
    let response = ui
        .add(egui::TextEdit::singleline(text).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    problems_ui(ui, problems, field);
    response
}

/// An optional one-line text: empty means none.
pub(crate) fn optional_text_field(
    ui: &mut Ui,
    name: &str,
    text: &mut Option<String>,
    problems: &[FieldProblem],
    field: &str,
) {
    let mut typed = text.clone().unwrap_or_default();
    if text_field(ui, name, &mut typed, problems, field).changed() {
        *text = (!typed.trim().is_empty()).then_some(typed);
    }
}

/// A text of several lines under its name, with its problems.
pub(crate) fn long_text_field(
    ui: &mut Ui,
    name: &str,
    text: &mut String,
    problems: &[FieldProblem],
    field: &str,
) {
    let label = caption(ui, name);
    ui.add(
        egui::TextEdit::multiline(text)
            .desired_rows(3)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
    problems_ui(ui, problems, field);
}

/// A date typed as `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (the precision is what is typed),
/// with its "approximate" box.
pub(crate) fn date_field(
    ui: &mut Ui,
    name: &str,
    date: &mut DateText,
    problems: &[FieldProblem],
    field: &str,
) {
    let label = caption(ui, name);
    ui.horizontal(|ui| {
        ui.add(
            egui::TextEdit::singleline(&mut date.text)
                .hint_text("YYYY, YYYY-MM or YYYY-MM-DD")
                .desired_width(150.0),
        )
        .labelled_by(label.id);
        ui.checkbox(&mut date.approximate, "approximate")
            .on_hover_text("The sources give this date only roughly; shown as “c.”");
        if let Ok(Some(read)) = date.read() {
            let precision = match read.precision() {
                crate::data::DatePrecision::Year => "to the year",
                crate::data::DatePrecision::Month => "to the month",
                crate::data::DatePrecision::Day => "to the day",
            };
            ui.label(RichText::new(precision).weak().small());
        }
    });
    problems_ui(ui, problems, field);
}

/// The years a place, area or route is active: from, to (empty: still), approximate.
pub(crate) fn years_field(ui: &mut Ui, years: &mut YearsText, problems: &[FieldProblem]) {
    let label = caption(ui, "Years active");
    ui.horizontal(|ui| {
        ui.add(egui::TextEdit::singleline(&mut years.from).desired_width(60.0))
            .labelled_by(label.id);
        ui.label("to");
        ui.add(
            egui::TextEdit::singleline(&mut years.to)
                .hint_text("still")
                .desired_width(60.0),
        );
        ui.checkbox(&mut years.approximate, "approximate");
    });
    problems_ui(ui, problems, "years");
    problems_ui(ui, problems, "years_basis");
}

/// Where rough or borrowed years (or a segment's status) come from.
pub(crate) fn basis_field(ui: &mut Ui, id_salt: &str, name: &str, basis: &mut BasisForm) {
    ui.horizontal(|ui| {
        ui.label(name);
        egui::ComboBox::from_id_salt(id_salt)
            .selected_text(basis.kind.label())
            .show_ui(ui, |ui| {
                for kind in BasisKind::ALL {
                    ui.selectable_value(&mut basis.kind, kind, kind.label());
                }
            });
    });
    if matches!(
        basis.kind,
        BasisKind::GeneralKnowledge | BasisKind::Inferred | BasisKind::OtherRelationship
    ) {
        ui.add(
            egui::TextEdit::singleline(&mut basis.text)
                .hint_text("say how it is known")
                .desired_width(f32::INFINITY),
        );
    }
}

/// The domains as checkboxes in their colours.
pub(crate) fn domains_field(ui: &mut Ui, domains: &mut Vec<Domain>, problems: &[FieldProblem]) {
    caption(ui, "Domains");
    ui.horizontal_wrapped(|ui| {
        for domain in Domain::ALL {
            let mut on = domains.contains(&domain);
            let text = RichText::new(domain.label()).color(theme::domain_color(domain));
            if ui.checkbox(&mut on, text).changed() {
                if on {
                    domains.push(domain);
                    domains.sort();
                } else {
                    domains.retain(|d| *d != domain);
                }
            }
        }
    });
    problems_ui(ui, problems, "domains");
}

/// The stance as radio buttons.
pub(crate) fn stance_field(ui: &mut Ui, stance: &mut Stance) {
    caption(ui, "Stance");
    ui.horizontal_wrapped(|ui| {
        for choice in Stance::ALL {
            ui.radio_value(stance, choice, choice.label());
        }
    });
}

/// A list of ids chosen from `choices` (id, name): each shown with a × to take it away, and
/// a box to add one more.
pub(crate) fn id_list_field(
    ui: &mut Ui,
    id_salt: &str,
    name: &str,
    ids: &mut Vec<String>,
    choices: &[(String, String)],
    problems: &[FieldProblem],
    field: &str,
) {
    caption(ui, name);
    let name_of = |id: &str| {
        choices
            .iter()
            .find(|(choice, _)| choice == id)
            .map_or_else(|| id.to_owned(), |(_, name)| name.clone())
    };
    let mut remove = None;
    for (index, id) in ids.iter().enumerate() {
        ui.horizontal(|ui| {
            if ui
                .small_button("×")
                .on_hover_text(format!("Take “{}” away", name_of(id)))
                .clicked()
            {
                remove = Some(index);
            }
            ui.label(name_of(id));
        });
    }
    if let Some(index) = remove {
        ids.remove(index);
    }
    let mut added = None;
    let add_text = format!("Add {}…", singular(name));
    ui.push_id(id_salt, |ui| {
        ui.menu_button(add_text, |ui| {
            egui::ScrollArea::vertical()
                .max_height(320.0)
                .show(ui, |ui| {
                    for (id, choice_name) in choices.iter().filter(|(id, _)| !ids.contains(id)) {
                        if ui.button(choice_name).clicked() {
                            added = Some(id.clone());
                            ui.close();
                        }
                    }
                });
        });
    });
    if let Some(id) = added {
        ids.push(id);
    }
    problems_ui(ui, problems, field);
}

/// "Sources" → "source", "Places" → "place", "See also" as it is.
fn singular(name: &str) -> String {
    let lower = name.to_lowercase();
    lower.strip_suffix('s').unwrap_or(&lower).to_owned()
}

/// Every source of the dataset and those made in the editor, as (id, citation).
pub(crate) fn source_choices(
    dataset: &Dataset,
    new_sources: &[crate::data::Source],
) -> Vec<(String, String)> {
    dataset
        .sources
        .iter()
        .chain(new_sources)
        .map(|s| (s.id.clone(), s.citation()))
        .collect()
}
