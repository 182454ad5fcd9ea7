//! The mirror view, inside the trade view: one flow of goods as the exporter reports it and
//! as the importer reports it, side by side, with the gap between them as a ratio or a
//! difference. Nothing is averaged; years only one side reported are marked; every point
//! names its source when hovered.

use eframe::egui::{self, RichText, Ui};
use egui_plot::{Line, MarkerShape, Plot, Points};

use crate::data::Dataset;
use crate::data::country::{CodeScheme, countries};
use crate::data::mirror::{Coverage, Mirror, MirrorYear, Report, party_mirrors};
use crate::display::format::{format_value, source_citation};
use crate::views::theme;

/// How the gap between the two reports is shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum GapMode {
    /// The importer's figure divided by the exporter's.
    #[default]
    Ratio,
    /// The importer's figure minus the exporter's.
    Difference,
}

/// What the mirror view remembers: whether it is shown, which flow, how the gap reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MirrorState {
    /// The mirror view replaces the chart.
    pub shown: bool,
    /// Which direction between the two parties (0: first to second).
    pub(crate) flow: usize,
    /// Ratio or difference.
    pub(crate) gap: GapMode,
}

/// The name of a country by its ISO alpha-3 code, or the code.
fn name_of(iso3: &str) -> String {
    countries()
        .by_code(CodeScheme::Iso3, iso3)
        .map_or_else(|| iso3.to_owned(), |c| c.name.clone())
}

/// `FOB`, `CIF` or nothing, from the notes of one side's points (imports name it there).
fn valuation(reports: &[&Report]) -> Option<&'static str> {
    ["FOB", "CIF"]
        .into_iter()
        .find(|v| !reports.is_empty() && reports.iter().all(|r| r.note.contains(v)))
}

/// The two sides' names with their valuations: `Russia's report (exports, FOB)`.
fn side_titles(mirror: &Mirror) -> (String, String) {
    let exporter_reports: Vec<&Report> = mirror.years.iter().flat_map(|y| &y.exporter).collect();
    let importer_reports: Vec<&Report> = mirror.years.iter().flat_map(|y| &y.importer).collect();
    let with = |v: Option<&str>| v.map_or_else(String::new, |v| format!(", {v}"));
    (
        format!(
            "{}'s report (exports{})",
            name_of(&mirror.exporter),
            with(valuation(&exporter_reports))
        ),
        format!(
            "{}'s report (imports{})",
            name_of(&mirror.importer),
            with(valuation(&importer_reports))
        ),
    )
}

impl GapMode {
    fn of(self, year: &MirrorYear) -> Option<f64> {
        match self {
            Self::Ratio => year.ratio(),
            Self::Difference => year.difference(),
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::Ratio => "Gap as a ratio (importer ÷ exporter)",
            Self::Difference => "Gap as a difference (importer − exporter)",
        }
    }

    fn text(self, value: f64, unit: &str) -> String {
        match self {
            Self::Ratio => format!("×{value:.2}"),
            Self::Difference if value > 0.0 => format!("+{} {unit}", format_value(value)),
            Self::Difference => format!("{} {unit}", format_value(value)),
        }
    }
}

/// What a side says for a year: `3.36` or `3.36 / 3.4` (several reports, kept apart).
fn reports_text(reports: &[Report]) -> String {
    reports
        .iter()
        .map(|r| {
            let value = format_value(r.value);
            if r.approximate {
                format!("about {value}")
            } else {
                value
            }
        })
        .collect::<Vec<_>>()
        .join(" / ")
}

/// The hover text of one side's report: value, flags, note and every source cited.
fn report_hover(dataset: &Dataset, side: &str, year: i32, unit: &str, report: &Report) -> String {
    let mut text = format!("{side}, {year}: {} {unit}", format_value(report.value));
    if report.approximate {
        text.push_str("\nApproximate (an estimate in the source)");
    }
    if !report.note.is_empty() {
        text.push('\n');
        text.push_str(&report.note);
    }
    for source in &report.sources {
        text.push_str("\nSource: ");
        text.push_str(&source_citation(dataset, source));
    }
    text
}

/// Draws the mirror of the dataset's two parties in `unit`.
pub(crate) fn ui(ui: &mut Ui, dataset: &Dataset, unit: &str, state: &mut MirrorState) {
    let mirrors = party_mirrors(dataset, unit);
    if mirrors.is_empty() {
        ui.heading("Both sides of the mirror");
        ui.label(format!(
            "This dataset has no series of one country's exports or imports as each side reports them, in {unit}. Import a trade file (File › Import file…) with each country's own reports to compare them here."
        ));
        return;
    }
    state.flow = state.flow.min(mirrors.len() - 1);
    ui.horizontal_wrapped(|ui| {
        ui.label("Flow:");
        for (index, mirror) in mirrors.iter().enumerate() {
            let label = format!(
                "{} to {}",
                name_of(&mirror.exporter),
                name_of(&mirror.importer)
            );
            ui.selectable_value(&mut state.flow, index, label);
        }
        ui.separator();
        for mode in [GapMode::Ratio, GapMode::Difference] {
            ui.radio_value(&mut state.gap, mode, mode.label());
        }
    });
    let mirror = &mirrors[state.flow];
    let (exporter_title, importer_title) = side_titles(mirror);
    ui.label(
        RichText::new(format!(
            "{exporter_title} beside {importer_title}. Imports are usually valued CIF (with freight and insurance) and exports FOB, so the importer's figure is expected to be a little higher. The reports are never averaged."
        ))
        .small()
        .weak(),
    );
    let one_sided = mirror.one_sided_years();
    if !one_sided.is_empty() {
        ui.label(
            RichText::new(format!(
                "Reported by one side only: {}",
                crate::import::report::year_ranges(&one_sided)
            ))
            .color(theme::WARNING_TEXT),
        );
    }
    let table_height = (ui.available_height() * 0.4).max(120.0);
    egui::Panel::bottom("mirror_table")
        .resizable(true)
        .default_size(table_height)
        .show(ui, |ui| {
            table_ui(
                ui,
                dataset,
                mirror,
                state.gap,
                (&exporter_title, &importer_title),
            );
        });
    plots_ui(
        ui,
        dataset,
        mirror,
        state.gap,
        (&exporter_title, &importer_title),
    );
}

/// What the two plots draw, and the hover text of each of their points.
struct PlotData<'m> {
    dataset: &'m Dataset,
    mirror: &'m Mirror,
    gap: GapMode,
    exporter_title: &'m str,
    importer_title: &'m str,
    exporter: Vec<(i32, &'m Report)>,
    importer: Vec<(i32, &'m Report)>,
    gaps: Vec<(i32, f64)>,
}

impl<'m> PlotData<'m> {
    fn new(
        dataset: &'m Dataset,
        mirror: &'m Mirror,
        gap: GapMode,
        (exporter_title, importer_title): (&'m str, &'m str),
    ) -> Self {
        let side = |exporter_side: bool| -> Vec<(i32, &'m Report)> {
            mirror
                .years
                .iter()
                .flat_map(|y| {
                    let reports = if exporter_side {
                        &y.exporter
                    } else {
                        &y.importer
                    };
                    reports.iter().map(move |r| (y.year, r))
                })
                .collect()
        };
        Self {
            dataset,
            mirror,
            gap,
            exporter_title,
            importer_title,
            exporter: side(true),
            importer: side(false),
            gaps: mirror
                .years
                .iter()
                .filter_map(|y| gap.of(y).map(|g| (y.year, g)))
                .collect(),
        }
    }

    fn gap_name(&self) -> &'static str {
        match self.gap {
            GapMode::Ratio => "Ratio importer ÷ exporter",
            GapMode::Difference => "Difference importer − exporter",
        }
    }

    /// The value, note and sources of the point under the pointer.
    fn hover(&self, position: &egui_plot::HoverPosition<'_>) -> Option<String> {
        let egui_plot::HoverPosition::NearDataPoint {
            plot_name, index, ..
        } = position
        else {
            return None;
        };
        let unit = self.mirror.unit.as_str();
        let side = |reports: &[(i32, &Report)], title: &str| {
            let (year, report) = reports.get(*index)?;
            Some(report_hover(self.dataset, title, *year, unit, report))
        };
        if *plot_name == self.exporter_title {
            side(&self.exporter, self.exporter_title)
        } else if *plot_name == self.importer_title {
            side(&self.importer, self.importer_title)
        } else if *plot_name == self.gap_name() {
            let (year, value) = self.gaps.get(*index)?;
            Some(format!("{year}: {}", self.gap.text(*value, unit)))
        } else {
            None
        }
    }
}

/// The two reports over the years and, below, the gap; their year axes move together.
fn plots_ui(ui: &mut Ui, dataset: &Dataset, mirror: &Mirror, gap: GapMode, titles: (&str, &str)) {
    let data = PlotData::new(dataset, mirror, gap, titles);
    let link = ui.make_persistent_id("mirror_years_link");
    values_plot_ui(ui, &data, link);
    gap_plot_ui(ui, &data, link);
}

fn values_plot_ui(ui: &mut Ui, data: &PlotData<'_>, link: egui::Id) {
    let mirror = data.mirror;
    Plot::new(("mirror_values", &mirror.exporter, &mirror.importer))
        .height(ui.available_height() * 0.62)
        .legend(egui_plot::Legend::default())
        .y_axis_label(mirror.unit.clone())
        .include_y(0.0)
        .link_axis(link, [true, false])
        .label_formatter(|position| data.hover(position))
        .show(ui, |plot_ui| {
            for (points, title, color) in [
                (&data.exporter, data.exporter_title, theme::MIRROR_EXPORTER),
                (&data.importer, data.importer_title, theme::MIRROR_IMPORTER),
            ] {
                for segment in consecutive_runs(points.iter().map(|(y, r)| (*y, r.value))) {
                    plot_ui.line(
                        Line::new(title, segment)
                            .color(color)
                            .width(2.0)
                            .allow_hover(false),
                    );
                }
                plot_ui.points(
                    Points::new(
                        title,
                        points
                            .iter()
                            .map(|(year, r)| [f64::from(*year), r.value])
                            .collect::<Vec<_>>(),
                    )
                    .color(color)
                    .radius(4.5)
                    .filled(true)
                    .shape(MarkerShape::Circle),
                );
            }
            for year in mirror
                .years
                .iter()
                .filter(|y| y.coverage() != Coverage::Both)
            {
                plot_ui.vline(
                    egui_plot::VLine::new("Reported by one side only", f64::from(year.year))
                        .color(theme::WARNING_TEXT.gamma_multiply(0.5))
                        .style(egui_plot::LineStyle::dotted_dense())
                        .allow_hover(false),
                );
            }
        });
}

fn gap_plot_ui(ui: &mut Ui, data: &PlotData<'_>, link: egui::Id) {
    let mirror = data.mirror;
    let gap_name = data.gap_name();
    let (axis, baseline) = match data.gap {
        GapMode::Ratio => ("ratio".to_owned(), 1.0),
        GapMode::Difference => (mirror.unit.clone(), 0.0),
    };
    Plot::new(("mirror_gap", &mirror.exporter, &mirror.importer))
        .height(ui.available_height())
        .y_axis_label(axis)
        .link_axis(link, [true, false])
        .label_formatter(|position| data.hover(position))
        .show(ui, |plot_ui| {
            plot_ui.hline(
                egui_plot::HLine::new("no gap", baseline)
                    .color(theme::MIRROR_GAP.gamma_multiply(0.4))
                    .allow_hover(false),
            );
            for segment in consecutive_runs(data.gaps.iter().copied()) {
                plot_ui.line(
                    Line::new(gap_name, segment)
                        .color(theme::MIRROR_GAP)
                        .allow_hover(false),
                );
            }
            plot_ui.points(
                Points::new(
                    gap_name,
                    data.gaps
                        .iter()
                        .map(|(year, g)| [f64::from(*year), *g])
                        .collect::<Vec<_>>(),
                )
                .color(theme::MIRROR_GAP)
                .radius(4.0)
                .shape(MarkerShape::Diamond),
            );
        });
}

/// Splits year values into runs of consecutive years, so a missing year stays a gap.
fn consecutive_runs(points: impl Iterator<Item = (i32, f64)>) -> Vec<Vec<[f64; 2]>> {
    let mut runs: Vec<Vec<[f64; 2]>> = Vec::new();
    let mut last_year: Option<i32> = None;
    for (year, value) in points {
        match (last_year, runs.last_mut()) {
            (Some(last), Some(run)) if year == last + 1 => run.push([f64::from(year), value]),
            (Some(last), Some(run)) if year == last => run.push([f64::from(year), value]),
            _ => runs.push(vec![[f64::from(year), value]]),
        }
        last_year = Some(year);
    }
    runs
}

/// Year by year: each side's report, the gap, and which side alone reported.
fn table_ui(
    ui: &mut Ui,
    dataset: &Dataset,
    mirror: &Mirror,
    gap: GapMode,
    (exporter_title, importer_title): (&str, &str),
) {
    let unit = mirror.unit.as_str();
    egui::ScrollArea::vertical().show(ui, |ui| {
        egui::Grid::new("mirror_years")
            .num_columns(5)
            .striped(true)
            .spacing([18.0, 3.0])
            .show(ui, |ui| {
                ui.label(RichText::new("Year").strong());
                ui.label(RichText::new(format!("{exporter_title}, {unit}")).strong());
                ui.label(RichText::new(format!("{importer_title}, {unit}")).strong());
                ui.label(RichText::new("Gap").strong());
                ui.label("");
                ui.end_row();
                for year in mirror.years.iter().rev() {
                    ui.label(year.year.to_string());
                    for (reports, title) in
                        [(&year.exporter, exporter_title), (&year.importer, importer_title)]
                    {
                        if reports.is_empty() {
                            ui.label(RichText::new("not reported").weak());
                        } else {
                            let hover: Vec<String> = reports
                                .iter()
                                .map(|r| report_hover(dataset, title, year.year, unit, r))
                                .collect();
                            ui.label(reports_text(reports))
                                .on_hover_text(hover.join("\n\n"));
                        }
                    }
                    match gap.of(year) {
                        Some(value) => ui.label(gap.text(value, unit)),
                        None if year.coverage() == Coverage::Both => ui
                            .label(RichText::new("several reports").weak())
                            .on_hover_text("One side gives more than one figure; they are kept apart, so there is no single gap."),
                        None => ui.label(""),
                    };
                    match year.coverage() {
                        Coverage::Both => ui.label(""),
                        Coverage::ExporterOnly => ui.label(
                            RichText::new(format!("only {} reported", name_of(&mirror.exporter)))
                                .color(theme::WARNING_TEXT),
                        ),
                        Coverage::ImporterOnly => ui.label(
                            RichText::new(format!("only {} reported", name_of(&mirror.importer)))
                                .color(theme::WARNING_TEXT),
                        ),
                    };
                    ui.end_row();
                }
            });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_year_breaks_the_line() {
        let runs = consecutive_runs([(2010, 1.0), (2011, 2.0), (2013, 3.0)].into_iter());
        assert_eq!(
            runs,
            vec![vec![[2010.0, 1.0], [2011.0, 2.0]], vec![[2013.0, 3.0]]]
        );
    }

    #[test]
    fn gaps_read_as_a_ratio_or_a_signed_difference() {
        assert_eq!(GapMode::Ratio.text(0.342, "USD bn"), "×0.34");
        assert!(GapMode::Difference.text(-2.21, "USD bn").starts_with('-'));
    }
}
