//! The fields of each kind of record, in the order a person fills them.

use eframe::egui::{self, RichText, Ui};

use super::fields::{
    basis_field, caption, date_field, domains_field, id_list_field, long_text_field,
    optional_text_field, problems_ui, stance_field, text_field, years_field,
};
use super::form::{BasisForm, RecordForm, YearsText, fit_segments};
use crate::data::country::countries;
use crate::data::records::FieldProblem;
use crate::data::{Area, Corridor, Dataset, Place, PlaceKind, SegmentStatus};
use crate::views::dialogs::country_picker::country_picker;

/// Every place kind, in the order offered.
const PLACE_KINDS: [PlaceKind; 9] = [
    PlaceKind::City,
    PlaceKind::Port,
    PlaceKind::AirBase,
    PlaceKind::NavalBase,
    PlaceKind::NuclearFacility,
    PlaceKind::Facility,
    PlaceKind::BorderCrossing,
    PlaceKind::Region,
    PlaceKind::Sea,
];

/// Every segment status, in the order offered.
const SEGMENT_STATUSES: [SegmentStatus; 4] = [
    SegmentStatus::Operating,
    SegmentStatus::UnderConstruction,
    SegmentStatus::MissingLink,
    SegmentStatus::Planned,
];

/// What the kind's fields need besides the form.
pub(crate) struct FieldsContext<'a> {
    /// The data on screen (places to choose, records to refer to).
    pub(crate) dataset: &'a Dataset,
    /// The problems to show beside the fields.
    pub(crate) problems: &'a [FieldProblem],
    /// Map clicks add points to the shape being drawn.
    pub(crate) drawing: &'a mut bool,
    /// The editor has just opened: the first field takes the keyboard.
    pub(crate) focus_first: bool,
}

/// The fields of the record in `form`, the sources excepted (they come last, for every kind).
pub(crate) fn kind_fields_ui(ui: &mut Ui, form: &mut RecordForm, cx: &mut FieldsContext<'_>) {
    let problems = cx.problems;
    let focus = cx.focus_first;
    match form {
        RecordForm::Event {
            event,
            date,
            end_date,
        } => {
            text_field(ui, "Title", &mut event.title, problems, "title").focus_if(focus);
            date_field(ui, "Date", date, problems, "date");
            date_field(
                ui,
                "Until (for a range; empty if a single date)",
                end_date,
                problems,
                "end_date",
            );
            domains_field(ui, &mut event.domains, problems);
            stance_field(ui, &mut event.stance);
            long_text_field(ui, "Summary", &mut event.summary, problems, "summary");
            let places = place_choices(cx.dataset);
            id_list_field(
                ui,
                "editor_event_places",
                "Places",
                &mut event.places,
                &places,
                problems,
                "places",
            );
        }
        RecordForm::Place {
            place,
            years,
            basis,
        } => place_fields_ui(ui, place, years, basis, cx),
        RecordForm::Area { area, years, basis } => area_fields_ui(ui, area, years, basis, cx),
        RecordForm::Corridor {
            corridor,
            years,
            basis,
            segment_bases,
        } => corridor_fields_ui(ui, corridor, years, basis, segment_bases, cx),
        RecordForm::StandingFact { fact, as_of } => {
            text_field(ui, "Theme", &mut fact.theme, problems, "theme").focus_if(focus);
            long_text_field(ui, "Statement", &mut fact.statement, problems, "statement");
            date_field(
                ui,
                "As of (the date the source describes)",
                as_of,
                problems,
                "as_of",
            );
            domains_field(ui, &mut fact.domains, problems);
            stance_field(ui, &mut fact.stance);
            let places = place_choices(cx.dataset);
            id_list_field(
                ui,
                "editor_fact_places",
                "Places",
                &mut fact.places,
                &places,
                problems,
                "places",
            );
            let records = see_also_choices(cx.dataset, &fact.id);
            id_list_field(
                ui,
                "editor_fact_see_also",
                "See also",
                &mut fact.see_also,
                &records,
                problems,
                "see_also",
            );
        }
        RecordForm::Source { source, date } => {
            source_fields_ui(ui, source, date, problems, focus);
        }
    }
}

/// Every place of the dataset as (id, name).
fn place_choices(dataset: &Dataset) -> Vec<(String, String)> {
    dataset
        .places
        .iter()
        .map(|p| (p.id.clone(), p.name.clone()))
        .collect()
}

fn place_fields_ui(
    ui: &mut Ui,
    place: &mut Place,
    years: &mut YearsText,
    basis: &mut BasisForm,
    cx: &mut FieldsContext<'_>,
) {
    let problems = cx.problems;
    text_field(ui, "Name", &mut place.name, problems, "name").focus_if(cx.focus_first);
    ui.horizontal(|ui| {
        ui.label("Kind");
        egui::ComboBox::from_id_salt("editor_place_kind")
            .selected_text(place.kind.label())
            .show_ui(ui, |ui| {
                for kind in PLACE_KINDS {
                    ui.selectable_value(&mut place.kind, kind, kind.label());
                }
            });
    });
    caption(ui, "Where (drag the place on the map to move it)");
    ui.horizontal(|ui| {
        ui.label("lon");
        ui.add(
            egui::DragValue::new(&mut place.lon)
                .speed(0.05)
                .range(-180.0..=180.0)
                .max_decimals(4),
        );
        ui.label("lat");
        ui.add(
            egui::DragValue::new(&mut place.lat)
                .speed(0.05)
                .range(-90.0..=90.0)
                .max_decimals(4),
        );
        ui.toggle_value(cx.drawing, "Pick on map")
            .on_hover_text("Click the map to put the place there");
    });
    problems_ui(ui, problems, "lon");
    problems_ui(ui, problems, "lat");
    domains_field(ui, &mut place.domains, problems);
    stance_field(ui, &mut place.stance);
    years_field(ui, years, problems);
    basis_field(ui, "editor_place_basis", "Years known from", basis);
    long_text_field(ui, "Summary", &mut place.summary, problems, "summary");
}

fn area_fields_ui(
    ui: &mut Ui,
    area: &mut Area,
    years: &mut YearsText,
    basis: &mut BasisForm,
    cx: &mut FieldsContext<'_>,
) {
    let problems = cx.problems;
    text_field(ui, "Name", &mut area.name, problems, "name").focus_if(cx.focus_first);
    caption(ui, "Whole countries");
    let table = countries();
    let mut remove = None;
    for (index, code) in area.countries.iter().enumerate() {
        ui.horizontal(|ui| {
            if ui.small_button("×").clicked() {
                remove = Some(index);
            }
            let name = table
                .lookup(code)
                .map_or_else(|| code.clone(), crate::data::country::Country::label);
            ui.label(name);
        });
    }
    if let Some(index) = remove {
        area.countries.remove(index);
    }
    let mut picked = None;
    if country_picker(ui, "editor_area_country", &mut picked).changed()
        && let Some(code) = picked
            .and_then(|id| table.get(id))
            .and_then(|c| c.m49)
            .map(|m49| format!("{m49:03}"))
        && !area.countries.contains(&code)
    {
        area.countries.push(code);
    }
    problems_ui(ui, problems, "countries");
    caption(ui, "Or a region drawn on the map");
    ui.horizontal(|ui| {
        ui.label(format!("{} corners", area.outline.len()));
        ui.toggle_value(cx.drawing, "Draw on map")
            .on_hover_text("Each click on the map adds a corner");
        if ui.button("Remove last").clicked() {
            area.outline.pop();
        }
        if ui.button("Clear").clicked() {
            area.outline.clear();
        }
    });
    problems_ui(ui, problems, "outline");
    problems_ui(ui, problems, "");
    domains_field(ui, &mut area.domains, problems);
    stance_field(ui, &mut area.stance);
    years_field(ui, years, problems);
    basis_field(ui, "editor_area_basis", "Years known from", basis);
    long_text_field(ui, "Summary", &mut area.summary, problems, "summary");
}

fn corridor_fields_ui(
    ui: &mut Ui,
    corridor: &mut Corridor,
    years: &mut YearsText,
    basis: &mut BasisForm,
    segment_bases: &mut Vec<BasisForm>,
    cx: &mut FieldsContext<'_>,
) {
    let problems = cx.problems;
    text_field(ui, "Name", &mut corridor.name, problems, "name").focus_if(cx.focus_first);
    caption(ui, "Route, point by point");
    ui.horizontal(|ui| {
        ui.toggle_value(cx.drawing, "Draw on map")
            .on_hover_text("Each click on the map adds the next point");
        if ui.button("Remove last").clicked() {
            corridor.waypoints.pop();
            fit_segments(corridor, segment_bases);
        }
    });
    for (index, waypoint) in corridor.waypoints.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            ui.label(format!("{}.", index + 1));
            ui.add(egui::TextEdit::singleline(&mut waypoint.name).desired_width(110.0));
            ui.label(
                RichText::new(format!("{:.2}, {:.2}", waypoint.lon, waypoint.lat))
                    .weak()
                    .small(),
            );
        });
        if let (Some(segment), Some(basis)) = (
            corridor.segments.get_mut(index),
            segment_bases.get_mut(index),
        ) {
            ui.indent(("segment", index), |ui| {
                ui.horizontal(|ui| {
                    ui.label(format!("then segment {}", index + 1));
                    egui::ComboBox::from_id_salt(("editor_segment_status", index))
                        .selected_text(segment.status.label())
                        .show_ui(ui, |ui| {
                            for status in SEGMENT_STATUSES {
                                ui.selectable_value(&mut segment.status, status, status.label());
                            }
                        });
                });
                basis_field(
                    ui,
                    &format!("editor_segment_basis_{index}"),
                    "status known from",
                    basis,
                );
                ui.add(
                    egui::TextEdit::singleline(&mut segment.note)
                        .hint_text("note on this segment (optional)")
                        .desired_width(f32::INFINITY),
                );
            });
        }
    }
    problems_ui(ui, problems, "waypoints");
    problems_ui(ui, problems, "segments");
    domains_field(ui, &mut corridor.domains, problems);
    stance_field(ui, &mut corridor.stance);
    years_field(ui, years, problems);
    basis_field(ui, "editor_corridor_basis", "Years known from", basis);
    long_text_field(ui, "Summary", &mut corridor.summary, problems, "summary");
}

/// The fields of a source (the editor's and the inline "New source" form's).
pub(crate) fn source_fields_ui(
    ui: &mut Ui,
    source: &mut crate::data::Source,
    date: &mut super::form::DateText,
    problems: &[FieldProblem],
    focus: bool,
) {
    text_field(ui, "Title", &mut source.title, problems, "title").focus_if(focus);
    optional_text_field(ui, "Author", &mut source.author, problems, "author");
    optional_text_field(
        ui,
        "Publisher",
        &mut source.publisher,
        problems,
        "publisher",
    );
    date_field(ui, "Date", date, problems, "date");
    optional_text_field(ui, "URL", &mut source.url, problems, "url");
    optional_text_field(ui, "File", &mut source.file, problems, "file");
    long_text_field(ui, "Note", &mut source.note, problems, "note");
}

/// Every record a standing fact may refer to, as (`list/id`, "kind: name").
fn see_also_choices(dataset: &Dataset, own_id: &str) -> Vec<(String, String)> {
    let mut choices = Vec::new();
    choices.extend(
        dataset
            .events
            .iter()
            .map(|r| (format!("events/{}", r.id), format!("event: {}", r.title))),
    );
    choices.extend(
        dataset
            .standing_facts
            .iter()
            .filter(|r| r.id != own_id)
            .map(|r| {
                (
                    format!("standing_facts/{}", r.id),
                    format!("fact: {}", r.theme),
                )
            }),
    );
    choices.extend(
        dataset
            .series
            .iter()
            .map(|r| (format!("series/{}", r.id), format!("series: {}", r.label))),
    );
    choices.extend(
        dataset
            .places
            .iter()
            .map(|r| (format!("places/{}", r.id), format!("place: {}", r.name))),
    );
    choices.extend(
        dataset
            .corridors
            .iter()
            .map(|r| (format!("corridors/{}", r.id), format!("route: {}", r.name))),
    );
    choices.extend(
        dataset
            .areas
            .iter()
            .map(|r| (format!("areas/{}", r.id), format!("area: {}", r.name))),
    );
    choices
}

/// Gives a field the keyboard when the editor has just opened.
trait FocusIf {
    /// Takes the keyboard when `first` is true.
    fn focus_if(self, first: bool);
}

impl FocusIf for egui::Response {
    fn focus_if(self, first: bool) {
        if first {
            self.request_focus();
        }
    }
}
