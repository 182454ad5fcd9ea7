//! The command line: open the window, or check, convert and export files without one.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{ArgGroup, Args, Parser, Subcommand, ValueEnum};

use crate::chart::{self, ChartMode, ChartOptions};
use crate::data::json::to_json;
use crate::data::summary::DatasetSummary;
use crate::export::{SvgOptions, chart_csv, dataset_csv, trade_chart_svg};
use crate::io::{OpenedFile, is_dataset_file, open_file, write_atomically};

mod story;
mod trade;
pub(crate) use trade::{TradeArgs, check_trade_file, load_files};

/// What `bilateral --version` prints after the name: the version and the commit built from
/// (`commit` and 12 hex digits, or `unknown commit` when the build had no git; build.rs).
pub(crate) const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (",
    env!("BILATERAL_COMMIT"),
    ")"
);

/// Bilateral: a desktop atlas of the relationship between two countries.
#[derive(Debug, Parser)]
#[command(
    name = "bilateral",
    version = VERSION,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// What to do; without one, the window opens.
    #[command(subcommand)]
    pub command: Option<CliCommand>,
    /// A dataset to open in the window instead of the built-in data.
    pub file: Option<PathBuf>,
}

/// Commands that run without a window.
#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// Check dataset, GeoJSON or trade files (Comtrade, IMF, WITS, BACI, tidy) and print a
    /// summary of each, or every error with its place: file, line and column (file, sheet and cell in
    /// spreadsheets).
    Check {
        /// Files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// For a chronology: the column of a role, such as `title="Chinese Entity"`; roles
        /// are `date`, `end_date`, `month`, `title`, `summary`, `source`, `domain`, `stance`,
        /// `place`, `country`; also `day_order=dmy|mdy`, `default_domain=…`, `default_stance=…`,
        /// `other_columns=no`. Without it, the columns are guessed from the header.
        #[arg(long = "column", value_name = "ROLE=COLUMN")]
        columns: Vec<String>,
    },
    /// Write the dataset (the built-in one, or FILEs merged in order) as normalized JSON.
    Convert {
        /// Files to merge; none means the built-in dataset.
        files: Vec<PathBuf>,
        /// Where to write; standard output when absent.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// How trade files are imported.
        #[command(flatten)]
        trade: TradeArgs,
    },
    /// Write an empty dataset for a pair of countries (its parties, title and description
    /// filled in from the country table), to import trade files into or fill by hand.
    New {
        /// The two countries, such as CHN,RUS (codes or names).
        #[arg(long, value_name = "ISO3,ISO3")]
        pair: String,
        /// Where to write; standard output when absent.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Write a view as PNG and SVG (any view) and CSV (the trade chart), drawn from the data
    /// (the built-in dataset, or FILEs merged in order), without a window.
    Export(ExportArgs),
}

/// The view `bilateral export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ExportView {
    /// The trade chart.
    Trade,
    /// The map.
    Map,
    /// The timeline.
    Timeline,
}

impl From<ExportView> for crate::views::ViewKind {
    fn from(view: ExportView) -> Self {
        match view {
            ExportView::Trade => Self::Trade,
            ExportView::Map => Self::Map,
            ExportView::Timeline => Self::Timeline,
        }
    }
}

/// What the exported chart plots.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub(crate) enum ExportMode {
    /// The reported values.
    #[default]
    Values,
    /// Percent change from the previous year.
    Yoy,
}

impl From<ExportMode> for ChartMode {
    fn from(mode: ExportMode) -> Self {
        match mode {
            ExportMode::Values => Self::Values,
            ExportMode::Yoy => Self::YearOverYear,
        }
    }
}

/// The arguments of `bilateral export`.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("outputs").required(true).multiple(true).args(["svg", "csv", "png", "pdf", "png_dir"])))]
#[expect(
    clippy::struct_excessive_bools,
    reason = "each bool is an independent command-line flag"
)]
pub struct ExportArgs {
    /// Files to merge; none means the built-in dataset.
    pub(crate) files: Vec<PathBuf>,
    /// The view to export.
    #[arg(
        long,
        value_enum,
        required_unless_present = "story",
        conflicts_with = "story"
    )]
    pub(crate) view: Option<ExportView>,
    /// Export a story of the dataset with --pdf and --png-dir: the one named NAME, else the
    /// first (one slide per view when the dataset tells none).
    #[arg(long, value_name = "NAME", num_args = 0..=1, conflicts_with_all = ["svg", "csv", "png"])]
    #[expect(
        clippy::option_option,
        reason = "clap's way of a flag with an optional value: absent, `--story`, `--story NAME`"
    )]
    pub(crate) story: Option<Option<String>>,
    /// Write the story as a PDF, one 16:9 page per slide, its text searchable.
    #[arg(long, value_name = "OUT.pdf", requires = "story")]
    pub(crate) pdf: Option<PathBuf>,
    /// Write the story's pages as PNG pictures (slide-1.png, …) into this folder.
    #[arg(long, value_name = "DIR", requires = "story")]
    pub(crate) png_dir: Option<PathBuf>,
    /// The unit whose series the chart shows; the trade-turnover unit when absent.
    #[arg(long, value_name = "UNIT")]
    pub(crate) unit: Option<String>,
    /// Plot the values, or the change from the previous year.
    #[arg(long, value_enum, default_value_t = ExportMode::Values)]
    pub(crate) mode: ExportMode,
    /// Plot the values on a log scale (values mode only).
    #[arg(long)]
    pub(crate) log: bool,
    /// Draw dashed lines across years without data.
    #[arg(long)]
    pub(crate) connect_gaps: bool,
    /// Write the view as an SVG drawing to this file: the chart drawn from its data, the
    /// map and the timeline as they are drawn on screen, as vectors with their text as text.
    #[arg(long, value_name = "OUT.svg")]
    pub(crate) svg: Option<PathBuf>,
    /// Write the values the chart shows as CSV to this file.
    #[arg(long, value_name = "OUT.csv")]
    pub(crate) csv: Option<PathBuf>,
    /// Draw the view as a PNG picture (twice its size in pixels), as File ▸ Export does.
    #[arg(long, value_name = "OUT.png")]
    pub(crate) png: Option<PathBuf>,
    /// The year the view shows; the dataset's last year when absent.
    #[arg(long, value_name = "YEAR")]
    pub(crate) year: Option<i32>,
    /// The size of the view in the PNG (and in the map's or timeline's SVG), in points.
    #[arg(long, value_name = "WIDTHxHEIGHT", value_parser = parse_size, default_value = "1200x700")]
    pub(crate) size: [f32; 2],
    /// Draw the PNG in the dark theme.
    #[arg(long, requires = "png")]
    pub(crate) dark: bool,
    /// Make the CSV hold every point of every series, not only what the chart shows.
    #[arg(long, requires = "csv")]
    pub(crate) all_data: bool,
    /// How trade files are imported.
    #[command(flatten)]
    pub(crate) trade: TradeArgs,
}

/// Runs `bilateral check`; returns the process exit code (0 all valid, 1 any error).
pub fn run_check(
    files: &[PathBuf],
    columns: &[String],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let mut failed = false;
    for path in files {
        if !is_dataset_file(path) {
            failed |= check_trade_file(path, columns, out, err);
            continue;
        }
        match open_file(path) {
            Ok(OpenedFile::Dataset(dataset)) => {
                let _ = writeln!(
                    out,
                    "{}: ok: {}",
                    path.display(),
                    DatasetSummary::of(&dataset)
                );
            }
            Ok(OpenedFile::Layer(layer)) => {
                let _ = writeln!(
                    out,
                    "{}: ok: GeoJSON layer, {} features",
                    path.display(),
                    layer.features.len()
                );
            }
            Err(errors) => {
                failed = true;
                let _ = writeln!(err, "{errors}");
            }
        }
    }
    u8::from(failed)
}

/// Runs `bilateral convert`; returns the process exit code.
pub fn run_convert(
    files: &[PathBuf],
    output: Option<&Path>,
    trade: &TradeArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let dataset = match load_files(files, trade) {
        Ok(dataset) => dataset,
        Err(errors) => {
            let _ = writeln!(err, "{}", errors.join("\n"));
            return 1;
        }
    };
    write_dataset(&dataset, output, out, err)
}

/// Writes `dataset` as JSON to `output`, or to `out` when absent; returns the exit code.
fn write_dataset(
    dataset: &crate::data::Dataset,
    output: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let text = to_json(dataset);
    let written = match output {
        Some(path) => write_atomically(path, text.as_bytes())
            .map_err(|e| format!("{}: could not write: {e}", path.display())),
        None => out
            .write_all(text.as_bytes())
            .map_err(|e| format!("could not write to standard output: {e}")),
    };
    match written {
        Ok(()) => 0,
        Err(message) => {
            let _ = writeln!(err, "{message}");
            1
        }
    }
}

/// Runs `bilateral new`; returns the process exit code (2 for a pair it does not know).
pub fn run_new(pair: &str, output: Option<&Path>, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let pair = match crate::data::country::Pair::parse(pair) {
        Ok(pair) => pair,
        Err(error) => {
            let _ = writeln!(err, "bilateral new: {error}");
            return 2;
        }
    };
    let today = crate::import::date_of(std::time::SystemTime::now())
        .unwrap_or_else(|| crate::data::PartialDate::year(2026));
    let Some(dataset) = crate::data::new_relationship::new_relationship(pair, today) else {
        let _ = writeln!(err, "bilateral new: the country table does not name {pair}");
        return 2;
    };
    write_dataset(&dataset, output, out, err)
}

/// Runs `bilateral export`; returns the process exit code: 0 written, 1 a file could
/// not be read or written, 2 arguments the data cannot satisfy (as for clap's usage errors).
pub fn run_export(args: &ExportArgs, err: &mut dyn Write) -> u8 {
    if args.log && args.mode != ExportMode::Values {
        let _ = writeln!(
            err,
            "bilateral export: --log needs --mode values: changes in percent can be zero or negative"
        );
        return 2;
    }
    let dataset = match load_files(&args.files, &args.trade) {
        Ok(dataset) => dataset,
        Err(errors) => {
            let _ = writeln!(err, "{}", errors.join("\n"));
            return 1;
        }
    };
    let Some(view) = args.view else {
        return story::export_story(&dataset, args, err);
    };
    let units = chart::units(&dataset);
    if let Some(unit) = &args.unit
        && !units.contains(unit)
    {
        let _ = writeln!(
            err,
            "bilateral export: no series in unit `{unit}`; the units are: {}",
            units.join(", ")
        );
        return 2;
    }
    if view != ExportView::Trade && args.csv.is_some() {
        let _ = writeln!(
            err,
            "bilateral export: --csv is for --view trade; write the {} view with --svg or --png",
            crate::views::ViewKind::from(view).label().to_lowercase()
        );
        return 2;
    }
    let options = ChartOptions {
        unit: args.unit.clone(),
        connect_gaps: args.connect_gaps,
        log_scale: args.log,
        mode: args.mode.into(),
        ..ChartOptions::default()
    };
    let model = chart::build(&dataset, &options);
    let options_for_png = options.clone();
    if model.hidden_on_log_scale > 0 {
        let _ = writeln!(
            err,
            "bilateral export: {} value(s) of zero or less cannot be shown on a log scale and are left out",
            model.hidden_on_log_scale
        );
    }
    let mut outputs: Vec<(&Path, Result<Vec<u8>, String>)> = Vec::new();
    if let Some(path) = &args.svg {
        let svg = view_svg(&dataset, args, view, &model).map(String::into_bytes);
        outputs.push((path, svg));
    }
    if let Some(path) = &args.csv {
        let text = if args.all_data {
            dataset_csv(&dataset)
        } else {
            chart_csv(&dataset, &model)
        };
        outputs.push((path, Ok(text.into_bytes())));
    }
    if let Some(path) = &args.png {
        let png = with_view_picture(
            &dataset,
            args,
            view,
            options_for_png,
            crate::export::view_png::render_view_png,
        )
        .map_err(|error| format!("could not draw the picture: {error}"));
        outputs.push((path, png));
    }
    let mut failed = false;
    for (path, bytes) in outputs {
        let written = bytes.and_then(|bytes| {
            write_atomically(path, &bytes).map_err(|error| format!("could not write: {error}"))
        });
        if let Err(error) = written {
            failed = true;
            let _ = writeln!(err, "{}: {error}", path.display());
        }
    }
    u8::from(failed)
}

/// `WIDTHxHEIGHT` in points, each at least 100 and at most 8000.
fn parse_size(text: &str) -> Result<[f32; 2], String> {
    let (width, height) = text
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("`{text}` is not WIDTHxHEIGHT, such as 1200x700"))?;
    let number = |part: &str| -> Result<f32, String> {
        let value: u16 = part
            .trim()
            .parse()
            .map_err(|_| format!("`{part}` is not a whole number of points"))?;
        if (100..=8000).contains(&value) {
            Ok(f32::from(value))
        } else {
            Err(format!("{value} is outside 100..8000 points"))
        }
    };
    Ok([number(width)?, number(height)?])
}

/// The view of `args` as an SVG drawing: the chart drawn from `model`, any other view as
/// it is drawn on screen, as vectors.
fn view_svg(
    dataset: &crate::data::Dataset,
    args: &ExportArgs,
    view: ExportView,
    model: &crate::chart::ChartModel,
) -> Result<String, String> {
    if view == ExportView::Trade {
        return Ok(trade_chart_svg(dataset, model, &SvgOptions::default()));
    }
    with_view_picture(
        dataset,
        args,
        view,
        ChartOptions::default(),
        crate::export::view_svg::render_view_svg,
    )
    .map_err(|unwritable| format!("{unwritable}; write the view with --png"))
}

/// What `render` makes of the view of `args` drawn for `dataset`, as the window exports it.
fn with_view_picture<R>(
    dataset: &crate::data::Dataset,
    args: &ExportArgs,
    view: ExportView,
    options: ChartOptions,
    render: impl FnOnce(&crate::export::view_png::ViewPicture<'_>) -> R,
) -> R {
    use crate::views::{TimeCursor, ViewStates};
    let mut caches = crate::views::cache::ViewCaches::default();
    caches.refresh(dataset, 0, &options);
    let year = args
        .year
        .unwrap_or_else(|| crate::geo::filter::year_range(dataset).1);
    let cursor = TimeCursor::at(year);
    let mut states = ViewStates::default();
    states.on_dataset_changed(dataset);
    states.trade.options = options;
    render(&crate::export::view_png::ViewPicture {
        dataset,
        layers: &[],
        caches: &caches,
        view: view.into(),
        cursor: &cursor,
        states: &states,
        size_points: eframe::egui::vec2(args.size[0], args.size[1]),
        dark: args.dark,
    })
}
