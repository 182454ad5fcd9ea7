//! Exports: what a view shows, written as files other programs open.
//!
//! Everything here is drawn from the data and the [`ChartModel`] the view draws, never
//! from a screenshot, so an export holds exactly the values and sources on screen:
//!
//! - [`svg`]: the trade chart as a standalone SVG 1.1 drawing, each marker carrying its
//!   series, year and value as `data-` attributes and a tooltip, with the sources of every
//!   value shown printed at the bottom.
//! - [`csv`]: the values the chart shows (one row per marker), or every point of every
//!   series, with sources and full citations.
//! - [`view_png`] and [`view_svg`]: any view as File ▸ Export draws it, as a PNG picture
//!   (drawn by the GPU) or as vectors ([`shapes_svg`] writes the view's own shapes as SVG).
//! - [`deck`]: a story as pages, a PDF and numbered PNGs.
//!
//! The command line (`bilateral export`) and the app call the same functions.

pub(crate) mod csv;
pub(crate) mod deck;
pub(crate) mod png;
pub(crate) mod shapes_svg;
pub(crate) mod svg;
pub(crate) mod view_png;
pub(crate) mod view_svg;

pub use self::csv::{chart_csv, dataset_csv};
pub(crate) use self::svg::{SvgOptions, trade_chart_svg};

use crate::chart::{ChartMode, ChartModel};

/// The unit of the values a marker of `model` shows: the model's unit, or `%` for a
/// year-over-year chart, whose markers are changes in percent.
pub(crate) fn marker_unit(model: &ChartModel) -> &str {
    match model.mode {
        ChartMode::Values => &model.unit,
        ChartMode::YearOverYear => "%",
    }
}

/// A year as written in exports: `2016`, or the full number if it is not whole.
pub(crate) fn year_text(year: f64) -> String {
    if year.fract() == 0.0 && year.abs() < 1e9 {
        format!("{year:.0}")
    } else {
        year.to_string()
    }
}
