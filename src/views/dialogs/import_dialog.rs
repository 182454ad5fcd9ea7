//! The import dialog: what a trade file holds, the pair to take from it (two country
//! pickers, the open dataset's pair preselected), a preview of that pair's rows, then
//! Import (or Start a new relationship), with a progress bar and Cancel while it runs. For
//! a chronology, the pair and then its columns ([`super::chronology_columns`]).
//!
//! The app shell scans and imports on a background thread and hands the dialog what it
//! knows in an [`ImportDialogInfo`]; the dialog keeps only the countries chosen and asks
//! for everything with commands.

use std::path::Path;
use std::time::Duration;

use eframe::egui::{self, RichText, Ui};

use crate::app::command::Command;
use crate::data::country::{CountryId, Pair, countries};
use crate::import::chronology::Table;
use crate::import::chronology::rows::KnownPlace;
use crate::import::report::year_ranges;
use crate::import::{FileReport, Format, Progress};
use crate::views::dialogs::chronology_columns::{ChronologyChoice, chronology_ui};
use crate::views::dialogs::country_picker::country_picker;
use crate::views::theme;

/// The window's title.
pub const DIALOG_TITLE: &str = "Import a file";

/// Pairs listed under "Pairs in the file" before "and N more".
const PAIRS_LISTED: usize = 8;

/// What the dialog shows, as the app knows it this frame.
pub(crate) struct ImportDialogInfo<'a> {
    /// The trade file.
    pub(crate) path: &'a Path,
    /// What it is, as found when the dialog opened (`None` when that could not be told).
    pub(crate) kind: Option<PathKind>,
    /// The open dataset's pair, when its parties are in the country table.
    pub(crate) dataset_pair: Option<Pair>,
    /// The open dataset's title.
    pub(crate) dataset_title: &'a str,
    /// What is happening.
    pub(crate) status: ImportStatus<'a>,
    /// How the last import ended, when it did not succeed.
    pub(crate) last_outcome: Option<&'a ImportOutcome>,
    /// The open dataset's places, which a chronology's place column is matched against.
    pub(crate) places: &'a [KnownPlace],
}

/// What the path a dialog opened on is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PathKind {
    /// A folder: its own size says nothing of the files in it (the report counts them).
    Folder,
    /// A file of this many bytes.
    File {
        /// Its size.
        bytes: u64,
    },
}

/// How an import that changed nothing ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ImportOutcome {
    /// The user stopped it.
    Cancelled,
    /// It failed: the error, with where.
    Failed(String),
}

/// Where the dialog's work stands.
pub(crate) enum ImportStatus<'a> {
    /// Reading the file to see what it holds.
    Scanning(Option<Progress>),
    /// The file could not be read: the error, with where.
    ScanFailed(&'a str),
    /// What the file holds; the user chooses the pair.
    Scanned(&'a FileReport),
    /// Importing `pair`; the file's report when it was scanned first.
    Importing {
        /// The pair being imported.
        pair: Pair,
        /// How far it has come.
        progress: Option<Progress>,
    },
}

/// The dialog's own choices.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ImportDialogState {
    /// The first country of the pair.
    pub(crate) first: Option<CountryId>,
    /// The second country of the pair.
    pub(crate) second: Option<CountryId>,
    /// Whether the pair was preselected from the dataset and the file.
    pub(crate) preselected: bool,
    /// For a chronology: its columns, and what they make.
    pub(crate) chronology: Option<ChronologyChoice>,
    /// For GDELT or ICEWS events: the period of the series, the events kept.
    pub(crate) events: crate::import::events::build::EventOptions,
}

impl ImportDialogState {
    /// The pair chosen, when two different countries are.
    #[must_use]
    pub(crate) fn pair(&self) -> Option<Pair> {
        Pair::new(self.first?, self.second?)
    }

    /// Chooses `pair`, keeping a country already chosen in its place (clicking `CHN,RUS`
    /// with Russia first gives Russia–China).
    fn choose(&mut self, pair: Pair) {
        let in_order = self.first == Some(pair.first) || self.second == Some(pair.second);
        let swapped = self.first == Some(pair.second) || self.second == Some(pair.first);
        let (first, second) = if swapped && !in_order {
            (pair.second, pair.first)
        } else {
            (pair.first, pair.second)
        };
        self.first = Some(first);
        self.second = Some(second);
    }

    /// Chooses the dataset's pair, or the file's only pair when it holds nothing of the
    /// dataset's, or the file's largest pair when there is no dataset pair.
    fn preselect(&mut self, report: &FileReport, dataset_pair: Option<Pair>) {
        let pair = match dataset_pair {
            Some(pair) if report.rows_to_import(pair) > 0 => Some(pair),
            Some(pair) => Some(report.only_pair().unwrap_or(pair)),
            None => report.pairs().first().map(|(pair, _)| *pair),
        };
        if let Some(pair) = pair {
            self.first = Some(pair.first);
            self.second = Some(pair.second);
        }
        self.preselected = true;
    }
}

/// Draws the dialog; what the user asks for goes into `commands`.
pub(crate) fn import_dialog_ui(
    ctx: &egui::Context,
    info: &ImportDialogInfo<'_>,
    state: &mut ImportDialogState,
    commands: &mut Vec<Command>,
) {
    egui::Window::new(DIALOG_TITLE)
        .collapsible(false)
        .resizable(true)
        .default_width(620.0)
        // The top stays put while the content changes (scan, choose, progress).
        .pivot(egui::Align2::CENTER_TOP)
        .default_pos(ctx.content_rect().center_top() + egui::vec2(0.0, 120.0))
        .show(ctx, |ui| {
            file_line_ui(ui, info.path, info.kind);
            ui.separator();
            match &info.status {
                ImportStatus::Scanning(progress) => {
                    ui.label("Reading the file to see which countries and years it holds…");
                    progress_ui(ui, progress.as_ref(), commands);
                }
                ImportStatus::ScanFailed(error) => {
                    error_ui(
                        ui,
                        "This file cannot be imported; the data on screen is unchanged.",
                        error,
                    );
                    ui.add_space(6.0);
                    close_button(ui, commands);
                }
                ImportStatus::Scanned(report) => {
                    if !state.preselected {
                        state.preselect(report, info.dataset_pair);
                    }
                    scanned_ui(ui, info, report, state, commands);
                }
                ImportStatus::Importing { pair, progress } => {
                    ui.label(format!("Importing the figures of {pair}…"));
                    progress_ui(ui, progress.as_ref(), commands);
                }
            }
        });
}

fn file_line_ui(ui: &mut Ui, path: &Path, kind: Option<PathKind>) {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let size = kind.map(|kind| match kind {
        PathKind::Folder => "folder".to_owned(),
        PathKind::File { bytes } => bytes_text(bytes),
    });
    ui.horizontal(|ui| {
        ui.label(RichText::new(name).strong())
            .on_hover_text(path.display().to_string());
        if let Some(size) = size {
            ui.label(RichText::new(size).weak());
        }
    });
}

/// The report, the pickers, the preview and the buttons.
fn scanned_ui(
    ui: &mut Ui,
    info: &ImportDialogInfo<'_>,
    report: &FileReport,
    state: &mut ImportDialogState,
    commands: &mut Vec<Command>,
) {
    if let (Some(table), Some(choice)) = (&report.chronology, &mut state.chronology) {
        let table = std::sync::Arc::clone(table);
        let mut choice = choice.clone();
        chronology_scanned_ui(ui, info, &table, &mut choice, state, commands);
        state.chronology = Some(choice);
        return;
    }
    let layout = match report.encoding {
        Some(encoding) => format!("{} ({encoding})", report.format.label()),
        None => report.format.label().to_owned(),
    };
    egui::Grid::new("import_report")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            ui.label("Layout");
            ui.label(RichText::new(layout).strong());
            ui.end_row();
            ui.label("Rows");
            ui.label(format!(
                "{} rows read, {} values with two known countries",
                group_digits(report.rows_read),
                group_digits(report.rows_used)
            ));
            ui.end_row();
            ui.label("Years");
            ui.label(year_ranges(&report.years));
            ui.end_row();
            ui.label("Pairs");
            ui.vertical(|ui| pairs_ui(ui, report, state));
            ui.end_row();
        });
    notes_ui(ui, report);
    ui.separator();

    ui.horizontal(|ui| {
        ui.label("Pair:");
        country_picker(ui, "import first country", &mut state.first);
        ui.label("and");
        country_picker(ui, "import second country", &mut state.second);
    });
    let Some(pair) = state.pair() else {
        ui.label(RichText::new("Choose two different countries.").color(theme::WARNING_TEXT));
        ui.add_space(6.0);
        close_button(ui, commands);
        return;
    };
    preview_ui(ui, report, pair);
    if super::event_options::is_events(report.format) {
        super::event_options::event_options_ui(ui, &mut state.events);
    }
    outcome_ui(ui, info.last_outcome);
    ui.add_space(6.0);
    let rows = report.rows_to_import(pair);
    let same_pair = info.dataset_pair == Some(pair);
    if !same_pair && let Some(only) = report.only_pair().filter(|only| *only == pair) {
        ui.label(format!(
            "This file holds only {only}, not the pair of “{}”. Its figures are not mixed in: a new relationship is made for {only}.",
            info.dataset_title
        ));
    } else if !same_pair {
        ui.label(format!(
            "{pair} is not the pair of “{}”: importing it starts a new relationship for {pair} (File › Revert to built-in data brings the built-in data back).",
            info.dataset_title
        ));
    } else {
        ui.label(format!(
            "The figures are added to “{}”, each point citing this file; an earlier import of the same file is replaced.",
            info.dataset_title
        ));
    }
    let why_not = format!("The file has no rows of {pair}");
    import_buttons(
        ui,
        info,
        pair,
        (rows > 0).then_some(()).ok_or(&why_not),
        commands,
    );
}

/// A chronology: the pair, its columns and what they make, and Import.
fn chronology_scanned_ui(
    ui: &mut Ui,
    info: &ImportDialogInfo<'_>,
    table: &Table,
    choice: &mut ChronologyChoice,
    state: &mut ImportDialogState,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        ui.label("Events of:");
        country_picker(ui, "import first country", &mut state.first);
        ui.label("and");
        country_picker(ui, "import second country", &mut state.second);
    });
    let pair = state.pair();
    let events = egui::ScrollArea::vertical()
        .max_height(ui.ctx().content_rect().height() * 0.6)
        .id_salt("chronology dialog scroll")
        .show(ui, |ui| chronology_ui(ui, table, choice, pair, info.places))
        .inner;
    ui.separator();
    let Some(pair) = pair else {
        ui.label(RichText::new("Choose two different countries.").color(theme::WARNING_TEXT));
        ui.add_space(6.0);
        close_button(ui, commands);
        return;
    };
    outcome_ui(ui, info.last_outcome);
    let same_pair = info.dataset_pair == Some(pair);
    if same_pair {
        ui.label(format!(
            "The events are added to “{}”, each citing this file; an earlier import of the same file is replaced.",
            info.dataset_title
        ));
    } else {
        ui.label(format!(
            "{pair} is not the pair of “{}”: importing starts a new relationship for {pair}.",
            info.dataset_title
        ));
    }
    ui.label(
        RichText::new("The columns chosen are remembered for files with this header row.").weak(),
    );
    let why_not = "No row makes an event with these columns".to_owned();
    import_buttons(
        ui,
        info,
        pair,
        (events > 0).then_some(()).ok_or(&why_not),
        commands,
    );
}

/// Import (or Start a new relationship, for a pair that is not the dataset's) and Cancel;
/// Import is disabled, saying why, when `ready` is an error.
fn import_buttons(
    ui: &mut Ui,
    info: &ImportDialogInfo<'_>,
    pair: Pair,
    ready: Result<(), &String>,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        let command = Command::ImportTradeFile {
            path: info.path.to_owned(),
            pair,
            new_relationship: info.dataset_pair != Some(pair),
        };
        let button = ui
            .add_enabled(
                ready.is_ok(),
                egui::Button::new(RichText::new(command.label()).strong()),
            )
            .on_hover_text(command.description());
        let button = match ready {
            Ok(()) => button,
            Err(why) => button.on_disabled_hover_text(why.as_str()),
        };
        if button.clicked() {
            commands.push(command);
        }
        close_button(ui, commands);
    });
}

/// How the last import ended, when it changed nothing.
fn outcome_ui(ui: &mut Ui, outcome: Option<&ImportOutcome>) {
    match outcome {
        Some(ImportOutcome::Failed(error)) => error_ui(
            ui,
            "The import failed; the data on screen is unchanged.",
            error,
        ),
        Some(ImportOutcome::Cancelled) => {
            ui.label(RichText::new("Import cancelled: nothing was imported.").weak());
        }
        None => {}
    }
}

/// The file's pairs, most rows first; clicking one chooses it.
fn pairs_ui(ui: &mut Ui, report: &FileReport, state: &mut ImportDialogState) {
    let pairs = report.pairs();
    if pairs.is_empty() {
        ui.label(RichText::new("No rows with two known countries.").color(theme::WARNING_TEXT));
        return;
    }
    ui.horizontal_wrapped(|ui| {
        for (pair, rows) in pairs.iter().take(PAIRS_LISTED) {
            let chosen = state.pair().is_some_and(|p| p.is(pair.first, pair.second));
            if ui
                .selectable_label(chosen, format!("{} ({rows})", pair.codes()))
                .on_hover_text(format!("{pair}: {rows} rows. Click to choose it."))
                .clicked()
            {
                state.choose(*pair);
            }
        }
        if pairs.len() > PAIRS_LISTED {
            ui.label(RichText::new(format!("and {} more", pairs.len() - PAIRS_LISTED)).weak());
        }
    });
}

/// Rows left out, unknown codes and notes, folded away.
fn notes_ui(ui: &mut Ui, report: &FileReport) {
    if report.skipped.is_empty() && report.unknown_codes.is_empty() && report.warnings.is_empty() {
        return;
    }
    egui::CollapsingHeader::new("Rows left out and notes")
        .id_salt("import_notes")
        .show(ui, |ui| {
            for (reason, rows) in &report.skipped {
                ui.label(format!("Left out: {reason} ({rows})"));
            }
            for (code, rows) in report.unknown_codes.iter().take(8) {
                ui.label(format!("Unknown code: {code} ({rows})"));
            }
            for warning in &report.warnings {
                ui.label(format!("Note: {warning}"));
            }
        });
}

/// What the file holds for `pair`: each reporter and direction with its years and rows.
fn preview_ui(ui: &mut Ui, report: &FileReport, pair: Pair) {
    let flows = report.flows_to_import(pair);
    let table = countries();
    let name = |id: CountryId| table.get(id).map_or("?", |c| c.name.as_str());
    if flows.is_empty() {
        ui.label(
            RichText::new(format!("The file has no rows of {pair}.")).color(theme::WARNING_TEXT),
        );
        return;
    }
    let total: u64 = flows.iter().map(|f| f.rows).sum();
    ui.label(RichText::new(format!("Rows of {pair}: {}", group_digits(total))).strong());
    let mut flows = flows.clone();
    flows.sort_by_key(|f| (name(f.reporter), f.flow));
    egui::Grid::new("import_preview")
        .num_columns(4)
        .striped(true)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            let by = match report.format {
                Format::SipriRegisterClassic | Format::SipriRegisterNew => "Supplier",
                format if format.is_votes() || format == Format::SipriTiv => "Country",
                _ => "Reported by",
            };
            for heading in [by, "Flow", "Years", "Rows"] {
                ui.label(RichText::new(heading).weak());
            }
            ui.end_row();
            for flow in &flows {
                ui.label(name(flow.reporter));
                ui.label(report.flow_words(flow));
                ui.label(flow.years.map_or_else(String::new, |(first, last)| {
                    if first == last {
                        first.to_string()
                    } else {
                        format!("{first}–{last}")
                    }
                }));
                ui.label(group_digits(flow.rows));
                ui.end_row();
            }
        });
}

/// The progress bar (bytes, rows, rows per second, time left) and Cancel.
fn progress_ui(ui: &mut Ui, progress: Option<&Progress>, commands: &mut Vec<Command>) {
    let fraction = progress.and_then(Progress::fraction).unwrap_or(0.0);
    let text = progress.map_or_else(|| "Starting…".to_owned(), progress_text);
    #[expect(clippy::cast_possible_truncation, reason = "a share from 0 to 1")]
    ui.add(
        egui::ProgressBar::new(fraction as f32)
            .text(text)
            .animate(progress.is_none()),
    );
    ui.add_space(4.0);
    let cancel = Command::CancelImport;
    if ui
        .button(cancel.label())
        .on_hover_text(cancel.description())
        .clicked()
    {
        commands.push(cancel);
    }
}

/// `12.3 MB of 45.6 MB · 1,234,567 rows · 456,789 rows/s · about 12 s left`.
#[must_use]
pub(crate) fn progress_text(progress: &Progress) -> String {
    let mut parts = vec![match progress.bytes_total {
        Some(total) => format!(
            "{} of {}",
            bytes_text(progress.bytes_read),
            bytes_text(total)
        ),
        None => bytes_text(progress.bytes_read),
    }];
    parts.push(format!("{} rows", group_digits(progress.rows)));
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a rate shown to the row, never negative"
    )]
    let rate = progress.rows_per_second().round() as u64;
    parts.push(format!("{} rows/s", group_digits(rate)));
    if let Some(left) = progress
        .time_left()
        .filter(|_| progress.elapsed > Duration::from_millis(300))
    {
        parts.push(format!("about {} left", duration_text(left)));
    }
    parts.join(" · ")
}

/// `950 B`, `12.3 kB`, `45.6 MB`, `1.2 GB` (powers of 1000).
#[must_use]
pub(crate) fn bytes_text(bytes: u64) -> String {
    #[expect(clippy::cast_precision_loss, reason = "shown to three digits")]
    let value = bytes as f64;
    match bytes {
        0..1_000 => format!("{bytes} B"),
        1_000..1_000_000 => format!("{:.1} kB", value / 1e3),
        1_000_000..1_000_000_000 => format!("{:.1} MB", value / 1e6),
        _ => format!("{:.2} GB", value / 1e9),
    }
}

/// `1,234,567`.
#[must_use]
pub(crate) fn group_digits(number: u64) -> String {
    let digits = number.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// `12 s`, `2 min 5 s`, `1 h 3 min`.
fn duration_text(duration: Duration) -> String {
    let seconds = duration.as_secs();
    match seconds {
        0..60 => format!("{seconds} s"),
        60..3600 => format!("{} min {} s", seconds / 60, seconds % 60),
        _ => format!("{} h {} min", seconds / 3600, (seconds % 3600) / 60),
    }
}

fn error_ui(ui: &mut Ui, headline: &str, error: &str) {
    egui::Frame::new()
        .fill(theme::ERROR_BACKGROUND)
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(headline).color(theme::BANNER_TEXT).strong());
            ui.label(RichText::new(error).color(theme::BANNER_TEXT).monospace());
        });
}

fn close_button(ui: &mut Ui, commands: &mut Vec<Command>) {
    let close = Command::CloseImportDialog;
    if ui
        .button(close.label())
        .on_hover_text(close.description())
        .clicked()
    {
        commands.push(close);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_clicked_keeps_the_country_already_chosen_in_its_place() {
        let id = |code| countries().lookup(code).expect("known").id;
        let mut state = ImportDialogState {
            first: Some(id("RUS")),
            second: Some(id("IRN")),
            preselected: true,
            chronology: None,
            events: crate::import::events::build::EventOptions::default(),
        };
        state.choose(Pair::new(id("CHN"), id("RUS")).expect("pair"));
        assert_eq!(
            (state.first, state.second),
            (Some(id("RUS")), Some(id("CHN")))
        );
        state.choose(Pair::new(id("DEU"), id("FRA")).expect("pair"));
        assert_eq!(
            (state.first, state.second),
            (Some(id("DEU")), Some(id("FRA")))
        );
    }

    #[test]
    fn figures_read_as_people_write_them() {
        assert_eq!(group_digits(0), "0");
        assert_eq!(group_digits(999), "999");
        assert_eq!(group_digits(1_234_567), "1,234,567");
        assert_eq!(bytes_text(950), "950 B");
        assert_eq!(bytes_text(45_600_000), "45.6 MB");
        assert_eq!(duration_text(Duration::from_secs(125)), "2 min 5 s");
    }

    #[test]
    fn the_progress_line_names_bytes_rows_rate_and_time_left() {
        let progress = Progress {
            bytes_read: 25_000_000,
            bytes_total: Some(100_000_000),
            rows: 1_000_000,
            elapsed: Duration::from_secs(2),
            done: false,
        };
        assert_eq!(
            progress_text(&progress),
            "25.0 MB of 100.0 MB · 1,000,000 rows · 500,000 rows/s · about 6 s left"
        );
    }
}
