//! The trade chart as a standalone SVG 1.1 document, drawn from the chart model.
//!
//! The drawing follows the trade view: one colour per series from the same palette,
//! filled circles for reported values and hollow ones for approximate values, bars for
//! ranges, solid lines between consecutive years and dashed ones across gaps. Each marker
//! is a `<circle class="marker">` with `data-series`, `data-year`, `data-value` and
//! `data-role` attributes and a `<title>` that browsers show as a tooltip.

use std::fmt::Write as _;

use eframe::egui::Color32;

use super::{marker_unit, year_text};
use crate::chart::{ChartMode, ChartModel, ChartSeries, EventMark, LinePiece, Marker, MarkerRole};
use crate::data::Dataset;
use crate::format::{format_value, source_citation};
use crate::theme;

/// How the SVG is laid out and what it adds to the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct SvgOptions {
    /// Width of the drawing in pixels (at least 480).
    pub width_px: u32,
    /// Height of the drawing in pixels (at least 360); it grows when the legend and the
    /// sources leave too little room for the plot.
    pub height_px: u32,
    /// Events to draw as thin dashed vertical rules; those outside the chart's years
    /// are left out.
    pub event_marks: Vec<EventMark>,
}

impl Default for SvgOptions {
    fn default() -> Self {
        Self {
            width_px: 1200,
            height_px: 700,
            event_marks: Vec::new(),
        }
    }
}

const MIN_WIDTH_PX: u32 = 480;
const MIN_HEIGHT_PX: u32 = 360;
const MARGIN_PX: f64 = 24.0;
const TITLE_FONT_PX: f64 = 20.0;
const LEGEND_FONT_PX: f64 = 13.0;
const LEGEND_ROW_PX: f64 = 20.0;
const AXIS_FONT_PX: f64 = 12.0;
const SOURCE_FONT_PX: f64 = 11.0;
const SOURCE_LINE_PX: f64 = 15.0;
const EVENT_FONT_PX: f64 = 10.0;
const MARKER_RADIUS_PX: f64 = 5.0;
const MIN_PLOT_HEIGHT_PX: f64 = 200.0;
/// Below the plot: tick labels and the "Year" axis title.
const X_AXIS_PX: f64 = 44.0;
/// About how wide a character of sans-serif text is, in font sizes; used to lay out
/// text without a font at hand.
const CHAR_WIDTH_EM: f64 = 0.56;
/// How much wider bold text is than regular text, with room for capitals.
const BOLD_WIDTH_FACTOR: f64 = 1.25;
const TEXT_COLOR: &str = "#222222";
const MUTED_TEXT_COLOR: &str = "#666666";
const GRID_COLOR: &str = "#e4e4e4";
const AXIS_COLOR: &str = "#444444";

/// Ticks at round numbers (1, 2 or 5 times a power of ten apart) that enclose
/// `min..=max` in about `target_count` steps: the first tick is at or below `min`, the
/// last at or above `max`. Empty when a bound is not finite or `target_count` is 0.
pub fn nice_ticks(min: f64, max: f64, target_count: usize) -> Vec<f64> {
    if !min.is_finite() || !max.is_finite() || target_count == 0 {
        return Vec::new();
    }
    let (mut low, mut high) = if min <= max { (min, max) } else { (max, min) };
    if low == high {
        let pad = if low == 0.0 { 1.0 } else { low.abs() * 0.1 };
        low -= pad;
        high += pad;
    }
    let steps = target_count.min(1000);
    #[expect(clippy::cast_precision_loss, reason = "at most 1000 steps")]
    let raw_step = (high - low) / steps as f64;
    if !raw_step.is_finite() || raw_step <= 0.0 {
        return Vec::new();
    }
    let exponent = raw_step.log10().floor();
    let fraction = raw_step / 10_f64.powf(exponent);
    let nice: f64 = if fraction <= 1.0 {
        1.0
    } else if fraction <= 2.0 {
        2.0
    } else if fraction <= 5.0 {
        5.0
    } else {
        10.0
    };
    // A finite positive step has a decimal exponent within ±330.
    #[expect(
        clippy::cast_possible_truncation,
        reason = "the exponent is within ±330"
    )]
    let exponent = exponent as i32;
    // Multiples of the step as k × nice ÷ 10ⁿ or k × nice × 10ⁿ: one rounding, so 0.3
    // comes out as 0.3 and not 0.30000000000000004.
    let tick = |k: f64| {
        if exponent < 0 {
            k * nice / 10_f64.powi(-exponent)
        } else {
            k * nice * 10_f64.powi(exponent)
        }
    };
    let step = tick(1.0);
    // A bound a hair past a tick, from rounding elsewhere, does not add a step.
    let first = (low / step + 1e-9).floor();
    let last = (high / step - 1e-9).ceil();
    let mut ticks = Vec::new();
    let mut k = first;
    while k <= last && ticks.len() <= steps + 2 {
        ticks.push(tick(k) + 0.0);
        k += 1.0;
    }
    ticks
}

/// Ticks for a log10 axis from `low` to `high` (in log10 units): powers of ten, with
/// 2 and 5 times them when there is room; round values mapped to log10 when the range
/// is narrower than that.
fn log_ticks(low: f64, high: f64, target_count: usize) -> Vec<f64> {
    let first_decade = low.floor();
    let last_decade = high.ceil();
    let enclosing = |multiples: &[f64]| -> Vec<f64> {
        let mut candidates = Vec::new();
        let mut decade = first_decade;
        while decade <= last_decade {
            candidates.extend(multiples.iter().map(|m| decade + m.log10()));
            decade += 1.0;
        }
        let start = candidates.iter().rposition(|&t| t <= low + 1e-12);
        let end = candidates.iter().position(|&t| t >= high - 1e-12);
        match (start, end) {
            (Some(start), Some(end)) if start <= end => candidates[start..=end].to_vec(),
            _ => Vec::new(),
        }
    };
    let with_halves = enclosing(&[1.0, 2.0, 5.0]);
    if with_halves.len() >= 3 && with_halves.len() <= target_count * 2 {
        return with_halves;
    }
    let decades = enclosing(&[1.0]);
    if decades.len() >= 3 {
        return decades;
    }
    nice_ticks(10_f64.powf(low), 10_f64.powf(high), target_count)
        .into_iter()
        .filter(|&value| value > 0.0)
        .map(f64::log10)
        .collect()
}

/// The trade chart of `model` (built from `dataset`) as a standalone SVG 1.1 document.
///
/// It holds the title, the legend of the visible series, axes with round ticks (whole
/// years on x; on a log scale the y labels show the values, not their logarithms, and a
/// "LOG SCALE" badge marks the plot), every visible series, the events of
/// `options.event_marks` that fall within the chart's years, and at the bottom the full
/// citation of every source behind a value shown. Hidden series are left out entirely.
pub fn trade_chart_svg(dataset: &Dataset, model: &ChartModel, options: &SvgOptions) -> String {
    let width_px = f64::from(options.width_px.max(MIN_WIDTH_PX));
    let visible: Vec<&ChartSeries> = model.series.iter().filter(|s| s.visible).collect();

    let title = match model.mode {
        ChartMode::Values => format!("{} — {}", dataset.metadata.title, model.unit),
        ChartMode::YearOverYear => format!("{} — year-over-year change", dataset.metadata.title),
    };

    // Top down: title, legend; bottom up: sources, x axis. The plot takes what is left.
    let title_baseline = MARGIN_PX + TITLE_FONT_PX;
    let legend_top = title_baseline + 14.0;
    let legend = legend_layout(&visible, width_px);
    let legend_rows = legend.iter().map(|item| item.row + 1).max().unwrap_or(0);
    let plot_top = legend_top + f64::from(legend_rows) * LEGEND_ROW_PX + 14.0;

    let footer = footer_lines(dataset, model, width_px);
    let footer_height = footer.len() as f64 * SOURCE_LINE_PX;
    let needed_height =
        plot_top + MIN_PLOT_HEIGHT_PX + X_AXIS_PX + 12.0 + footer_height + MARGIN_PX;
    let height_px = f64::from(options.height_px.max(MIN_HEIGHT_PX)).max(needed_height.ceil());
    let footer_top = height_px - MARGIN_PX - footer_height;
    let plot_bottom = footer_top - 12.0 - X_AXIS_PX;

    let y_axis = y_axis(model, &visible, plot_bottom - plot_top);
    let widest_label = y_axis
        .ticks
        .iter()
        .map(|(_, label)| text_width_px(label, AXIS_FONT_PX))
        .fold(0.0, f64::max);
    let plot_left = MARGIN_PX + AXIS_FONT_PX + 12.0 + widest_label + 8.0;
    let plot_right = width_px - MARGIN_PX;
    let (x_low, x_high) = x_range(&visible);
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a count of labels that fit, from a positive width"
    )]
    let x_target = ((plot_right - plot_left) / 60.0).max(2.0) as usize;
    let x_ticks: Vec<f64> = nice_ticks(x_low, x_high, x_target)
        .into_iter()
        .filter(|&t| t.fract() == 0.0 && t >= x_low && t <= x_high)
        .collect();

    let frame = Frame {
        left: plot_left,
        right: plot_right,
        top: plot_top,
        bottom: plot_bottom,
        x_low,
        x_high,
        y_low: y_axis.low,
        y_high: y_axis.high,
    };

    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<?xml version="1.0" encoding="UTF-8" standalone="no"?>"#
    );
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{w}px" height="{h}px" viewBox="0 0 {w} {h}" font-family="sans-serif">"#,
        w = num(width_px),
        h = num(height_px),
    );
    let _ = writeln!(svg, "<title>{}</title>", escape_xml(&title));
    let _ = writeln!(
        svg,
        r##"<rect x="0" y="0" width="{}" height="{}" fill="#ffffff"/>"##,
        num(width_px),
        num(height_px)
    );
    let _ = writeln!(
        svg,
        r#"<text class="chart-title" x="{}" y="{}" font-size="{}" font-weight="bold" fill="{TEXT_COLOR}">{}</text>"#,
        num(MARGIN_PX),
        num(title_baseline),
        num(TITLE_FONT_PX),
        escape_xml(&title)
    );
    write_legend(&mut svg, &legend, legend_top);
    write_axes(&mut svg, &frame, &y_axis.ticks, &x_ticks, &model.y_label);
    write_events(&mut svg, &frame, &options.event_marks);
    for series in &visible {
        write_series(&mut svg, &frame, model, dataset, series);
    }
    if model.log_scale {
        write_log_badge(&mut svg, &frame, &title, title_baseline, width_px);
    }
    if visible.iter().all(|s| s.markers.is_empty()) {
        let _ = writeln!(
            svg,
            r#"<text x="{}" y="{}" font-size="{}" text-anchor="middle" fill="{MUTED_TEXT_COLOR}">No values to show</text>"#,
            num((frame.left + frame.right) / 2.0),
            num((frame.top + frame.bottom) / 2.0),
            num(LEGEND_FONT_PX)
        );
    }
    let _ = writeln!(
        svg,
        r#"<g class="sources" font-size="{}">"#,
        num(SOURCE_FONT_PX)
    );
    for (index, (line, muted)) in footer.iter().enumerate() {
        let color = if *muted { MUTED_TEXT_COLOR } else { TEXT_COLOR };
        let _ = writeln!(
            svg,
            r#"<text x="{}" y="{}" fill="{color}">{}</text>"#,
            num(MARGIN_PX),
            num(footer_top + (index as f64 + 1.0) * SOURCE_LINE_PX - 4.0),
            escape_xml(line)
        );
    }
    let _ = writeln!(svg, "</g>");
    let _ = writeln!(svg, "</svg>");
    svg
}

/// The plot rectangle in pixels and the data range it shows.
struct Frame {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    x_low: f64,
    x_high: f64,
    y_low: f64,
    y_high: f64,
}

impl Frame {
    fn x_px(&self, x: f64) -> f64 {
        self.left + (x - self.x_low) / (self.x_high - self.x_low) * (self.right - self.left)
    }

    fn y_px(&self, y: f64) -> f64 {
        self.bottom - (y - self.y_low) / (self.y_high - self.y_low) * (self.bottom - self.top)
    }
}

/// The y range and its ticks as (position, label).
struct YAxis {
    low: f64,
    high: f64,
    ticks: Vec<(f64, String)>,
}

fn y_axis(model: &ChartModel, visible: &[&ChartSeries], plot_height_px: f64) -> YAxis {
    let values = visible
        .iter()
        .flat_map(|s| s.markers.iter().map(|m| m.y))
        .chain(
            visible
                .iter()
                .flat_map(|s| s.range_bars.iter().flat_map(|&(_, low, high)| [low, high])),
        )
        .filter(|y| y.is_finite());
    let (mut low, mut high) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), y| {
        (lo.min(y), hi.max(y))
    });
    if low > high {
        (low, high) = (0.0, 1.0);
    }
    if !model.log_scale {
        low = low.min(0.0);
        high = high.max(0.0);
    }
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a count of ticks that fit, from a positive height"
    )]
    let target = (plot_height_px / 60.0).clamp(2.0, 12.0) as usize;
    let ticks = if model.log_scale {
        log_ticks(low, high, target)
    } else {
        nice_ticks(low, high, target)
    };
    let low = ticks.first().copied().unwrap_or(low).min(low);
    let mut high = ticks.last().copied().unwrap_or(high).max(high);
    if high <= low {
        high = low + 1.0;
    }
    let ticks = ticks
        .into_iter()
        .filter(|t| *t >= low && *t <= high)
        .map(|t| {
            let label = if model.log_scale {
                format_value(10_f64.powf(t))
            } else {
                format_value(t)
            };
            (t, label)
        })
        .collect();
    YAxis { low, high, ticks }
}

/// Years shown: half a year beyond the first and last marker; a few years around a
/// single one.
fn x_range(visible: &[&ChartSeries]) -> (f64, f64) {
    let (low, high) = visible
        .iter()
        .flat_map(|s| s.markers.iter().map(|m| m.x))
        .filter(|x| x.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), x| {
            (lo.min(x), hi.max(x))
        });
    if low > high {
        return (2000.0, 2025.0);
    }
    if high - low < 2.0 {
        let middle = f64::midpoint(low, high);
        return (middle - 1.5, middle + 1.5);
    }
    (low - 0.5, high + 0.5)
}

/// One legend entry, placed.
struct LegendItem {
    row: u32,
    x: f64,
    label: String,
    color: Color32,
}

fn legend_layout(visible: &[&ChartSeries], width_px: f64) -> Vec<LegendItem> {
    let mut items = Vec::new();
    let mut row = 0;
    let mut x = MARGIN_PX;
    for series in visible {
        let item_width = 22.0 + text_width_px(&series.label, LEGEND_FONT_PX) + 24.0;
        if x > MARGIN_PX && x + item_width > width_px - MARGIN_PX {
            row += 1;
            x = MARGIN_PX;
        }
        items.push(LegendItem {
            row,
            x,
            label: series.label.clone(),
            color: theme::series_color(series.palette_index),
        });
        x += item_width;
    }
    items
}

fn write_legend(svg: &mut String, items: &[LegendItem], top: f64) {
    let _ = writeln!(
        svg,
        r#"<g class="legend" font-size="{}">"#,
        num(LEGEND_FONT_PX)
    );
    for item in items {
        let middle = top + f64::from(item.row) * LEGEND_ROW_PX + LEGEND_ROW_PX / 2.0;
        let color = hex(item.color);
        let _ = writeln!(
            svg,
            r#"<line x1="{}" y1="{y}" x2="{}" y2="{y}" stroke="{color}" stroke-width="2"/><circle cx="{}" cy="{y}" r="4" fill="{color}"/><text x="{}" y="{}" fill="{TEXT_COLOR}">{}</text>"#,
            num(item.x),
            num(item.x + 16.0),
            num(item.x + 8.0),
            num(item.x + 22.0),
            num(middle + LEGEND_FONT_PX * 0.35),
            escape_xml(&item.label),
            y = num(middle),
        );
    }
    let _ = writeln!(svg, "</g>");
}

fn write_axes(
    svg: &mut String,
    frame: &Frame,
    y_ticks: &[(f64, String)],
    x_ticks: &[f64],
    y_label: &str,
) {
    let _ = writeln!(
        svg,
        r#"<g class="grid" stroke="{GRID_COLOR}" stroke-width="1">"#
    );
    for &(y, _) in y_ticks {
        let y_px = frame.y_px(y);
        let _ = writeln!(
            svg,
            r#"<line x1="{}" y1="{y}" x2="{}" y2="{y}"/>"#,
            num(frame.left),
            num(frame.right),
            y = num(y_px)
        );
    }
    for &x in x_ticks {
        let x_px = frame.x_px(x);
        let _ = writeln!(
            svg,
            r#"<line x1="{x}" y1="{}" x2="{x}" y2="{}"/>"#,
            num(frame.top),
            num(frame.bottom),
            x = num(x_px)
        );
    }
    let _ = writeln!(svg, "</g>");
    if frame.y_low < 0.0 && frame.y_high > 0.0 {
        let _ = writeln!(
            svg,
            r#"<line class="zero" x1="{}" y1="{y}" x2="{}" y2="{y}" stroke="{AXIS_COLOR}" stroke-width="1"/>"#,
            num(frame.left),
            num(frame.right),
            y = num(frame.y_px(0.0))
        );
    }
    let _ = writeln!(
        svg,
        r#"<g class="axes" font-size="{}" fill="{TEXT_COLOR}">"#,
        num(AXIS_FONT_PX)
    );
    let _ = writeln!(
        svg,
        r#"<path d="M{l} {t}V{b}H{r}" fill="none" stroke="{AXIS_COLOR}" stroke-width="1"/>"#,
        l = num(frame.left),
        t = num(frame.top),
        b = num(frame.bottom),
        r = num(frame.right)
    );
    for (y, label) in y_ticks {
        let y_px = frame.y_px(*y);
        let _ = writeln!(
            svg,
            r#"<line x1="{}" y1="{y}" x2="{}" y2="{y}" stroke="{AXIS_COLOR}"/><text x="{}" y="{}" text-anchor="end">{}</text>"#,
            num(frame.left - 5.0),
            num(frame.left),
            num(frame.left - 8.0),
            num(y_px + AXIS_FONT_PX * 0.35),
            escape_xml(label),
            y = num(y_px)
        );
    }
    for &x in x_ticks {
        let x_px = frame.x_px(x);
        let _ = writeln!(
            svg,
            r#"<line x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="{AXIS_COLOR}"/><text x="{x}" y="{}" text-anchor="middle">{}</text>"#,
            num(frame.bottom),
            num(frame.bottom + 5.0),
            num(frame.bottom + 8.0 + AXIS_FONT_PX),
            year_text(x),
            x = num(x_px)
        );
    }
    let _ = writeln!(
        svg,
        r#"<text class="axis-title" x="{}" y="{}" text-anchor="middle">Year</text>"#,
        num((frame.left + frame.right) / 2.0),
        num(frame.bottom + X_AXIS_PX - 4.0)
    );
    let y_title_x = MARGIN_PX + AXIS_FONT_PX * 0.8;
    let y_title_y = (frame.top + frame.bottom) / 2.0;
    let _ = writeln!(
        svg,
        r#"<text class="axis-title" x="{x}" y="{y}" text-anchor="middle" transform="rotate(-90 {x} {y})">{}</text>"#,
        escape_xml(y_label),
        x = num(y_title_x),
        y = num(y_title_y)
    );
    let _ = writeln!(svg, "</g>");
}

fn write_events(svg: &mut String, frame: &Frame, events: &[EventMark]) {
    let shown: Vec<&EventMark> = events
        .iter()
        .filter(|e| e.x.is_finite() && e.x >= frame.x_low && e.x <= frame.x_high)
        .collect();
    if shown.is_empty() {
        return;
    }
    let _ = writeln!(
        svg,
        r#"<g class="events" font-size="{}">"#,
        num(EVENT_FONT_PX)
    );
    let mut last_label_px = f64::NEG_INFINITY;
    for event in shown {
        let x_px = frame.x_px(event.x);
        let color = hex(theme::stance_color(event.stance));
        let tooltip = format!("{}: {}", event.date, event.title);
        let _ = write!(
            svg,
            r#"<g class="event" data-event="{}"><title>{}</title><line x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="{color}" stroke-width="1" stroke-dasharray="4 3" stroke-opacity="0.8"/>"#,
            escape_xml(&event.id),
            escape_xml(&tooltip),
            num(frame.top),
            num(frame.bottom),
            x = num(x_px)
        );
        // Labels closer than a line of text would overlap; the rule and its tooltip stay.
        if x_px - last_label_px >= EVENT_FONT_PX + 4.0 {
            last_label_px = x_px;
            let label_x = x_px - 3.0;
            let label_y = frame.top + 4.0;
            let _ = write!(
                svg,
                r#"<text x="{x}" y="{y}" text-anchor="end" transform="rotate(-90 {x} {y})" fill="{MUTED_TEXT_COLOR}">{}</text>"#,
                escape_xml(&shorten(&event.title, 48)),
                x = num(label_x),
                y = num(label_y)
            );
        }
        let _ = writeln!(svg, "</g>");
    }
    let _ = writeln!(svg, "</g>");
}

fn write_series(
    svg: &mut String,
    frame: &Frame,
    model: &ChartModel,
    dataset: &Dataset,
    series: &ChartSeries,
) {
    let color = hex(theme::series_color(series.palette_index));
    let _ = writeln!(
        svg,
        r#"<g class="series" data-series="{}">"#,
        escape_xml(&series.id)
    );
    for &(x, low, high) in &series.range_bars {
        let _ = writeln!(
            svg,
            r#"<line class="range" x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="{color}" stroke-width="4" stroke-opacity="0.6"/>"#,
            num(frame.y_px(low)),
            num(frame.y_px(high)),
            x = num(frame.x_px(x))
        );
    }
    for (pieces, dashed) in line_runs(&series.lines) {
        let mut d = String::new();
        for (index, piece) in pieces.iter().enumerate() {
            if index == 0 {
                let _ = write!(
                    d,
                    "M{} {}",
                    num(frame.x_px(piece.from[0])),
                    num(frame.y_px(piece.from[1]))
                );
            }
            let _ = write!(
                d,
                "L{} {}",
                num(frame.x_px(piece.to[0])),
                num(frame.y_px(piece.to[1]))
            );
        }
        let dash = if dashed {
            r#" stroke-dasharray="8 6""#
        } else {
            ""
        };
        let _ = writeln!(
            svg,
            r#"<path class="line" d="{d}" fill="none" stroke="{color}" stroke-width="2" stroke-linejoin="round"{dash}/>"#
        );
    }
    for marker in &series.markers {
        write_marker(svg, frame, model, dataset, series, marker, &color);
    }
    let _ = writeln!(svg, "</g>");
}

fn write_marker(
    svg: &mut String,
    frame: &Frame,
    model: &ChartModel,
    dataset: &Dataset,
    series: &ChartSeries,
    marker: &Marker,
    color: &str,
) {
    let paint = if marker.approximate {
        format!(r#"fill="none" stroke="{color}" stroke-width="2" pointer-events="visible""#)
    } else {
        format!(r#"fill="{color}" stroke="{color}" stroke-width="1""#)
    };
    let role = marker.role.name();
    let _ = writeln!(
        svg,
        r#"<circle class="marker" data-series="{}" data-year="{}" data-value="{}" data-role="{role}" cx="{}" cy="{}" r="{}" {paint}><title>{}</title></circle>"#,
        escape_xml(&series.id),
        year_text(marker.x),
        marker.value,
        num(frame.x_px(marker.x)),
        num(frame.y_px(marker.y)),
        num(MARKER_RADIUS_PX),
        escape_xml(&marker_tooltip(model, dataset, series, marker)),
    );
}

/// "label, year: value unit (approximate)", with the end of a range named as such.
fn marker_tooltip(
    model: &ChartModel,
    dataset: &Dataset,
    series: &ChartSeries,
    marker: &Marker,
) -> String {
    let unit = marker_unit(model);
    let value = format_value(marker.value);
    let amount = if unit == "%" || unit.is_empty() {
        format!("{value}{unit}")
    } else {
        format!("{value} {unit}")
    };
    let point_approximate = marker
        .point
        .resolve(dataset)
        .is_some_and(|(_, point)| point.approximate);
    let mut notes = Vec::new();
    match marker.role {
        MarkerRole::RangeLow => notes.push("low end of a reported range"),
        MarkerRole::RangeHigh => notes.push("high end of a reported range"),
        MarkerRole::Value | MarkerRole::Computed => {}
    }
    let approximate = match marker.role {
        MarkerRole::RangeLow | MarkerRole::RangeHigh => point_approximate,
        MarkerRole::Value | MarkerRole::Computed => marker.approximate,
    };
    if approximate {
        notes.push("approximate");
    }
    let mut text = format!("{}, {}: {amount}", series.label, year_text(marker.x));
    if !notes.is_empty() {
        let _ = write!(text, " ({})", notes.join(", "));
    }
    text
}

/// Consecutive line pieces of the same style, joined so that each run is one path.
fn line_runs(pieces: &[LinePiece]) -> Vec<(Vec<LinePiece>, bool)> {
    let mut runs: Vec<(Vec<LinePiece>, bool)> = Vec::new();
    for piece in pieces {
        match runs.last_mut() {
            Some((run, dashed))
                if *dashed == piece.across_gap
                    && run.last().is_some_and(|last| last.to == piece.from) =>
            {
                run.push(*piece);
            }
            _ => runs.push((vec![*piece], piece.across_gap)),
        }
    }
    runs
}

/// The "LOG SCALE" badge: at the right end of the title line, or inside the plot's top
/// left corner when the title leaves no room.
fn write_log_badge(
    svg: &mut String,
    frame: &Frame,
    title: &str,
    title_baseline: f64,
    width_px: f64,
) {
    let text = "LOG SCALE";
    let font_px = 12.0;
    let badge_width = bold_text_width_px(text, font_px) + 14.0;
    let badge_height = font_px + 8.0;
    let title_end = MARGIN_PX + bold_text_width_px(title, TITLE_FONT_PX);
    let (x, y) = if title_end + 16.0 + badge_width <= width_px - MARGIN_PX {
        (
            width_px - MARGIN_PX - badge_width,
            title_baseline - TITLE_FONT_PX * 0.35 - badge_height / 2.0,
        )
    } else {
        (frame.left + 10.0, frame.top + 8.0)
    };
    let _ = writeln!(
        svg,
        r##"<g class="log-badge"><rect x="{}" y="{}" width="{}" height="{}" rx="4" fill="{}"/><text x="{}" y="{}" font-size="{}" font-weight="bold" text-anchor="middle" fill="#000000">{text}</text></g>"##,
        num(x),
        num(y),
        num(badge_width),
        num(badge_height),
        hex(theme::LOG_BADGE),
        num(x + badge_width / 2.0),
        num(y + badge_height / 2.0 + font_px * 0.35),
        num(font_px),
    );
}

/// The lines under the plot, each with whether it is muted: the sources of every value
/// shown, wrapped; a note on values a log scale hides; the credit.
fn footer_lines(dataset: &Dataset, model: &ChartModel, width_px: f64) -> Vec<(String, bool)> {
    let citations: Vec<String> = model
        .source_ids()
        .into_iter()
        .map(|id| source_citation(dataset, id))
        .collect();
    let sources = if citations.is_empty() {
        "Sources: none (no values shown)".to_owned()
    } else {
        format!("Sources: {}", citations.join("; "))
    };
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a count of characters that fit, from a positive width"
    )]
    let max_chars =
        ((width_px - 2.0 * MARGIN_PX) / (SOURCE_FONT_PX * CHAR_WIDTH_EM)).max(20.0) as usize;
    let mut lines: Vec<(String, bool)> = wrap_words(&sources, max_chars)
        .into_iter()
        .map(|line| (line, false))
        .collect();
    if model.hidden_on_log_scale > 0 {
        lines.push((
            format!(
                "{} value(s) of zero or less cannot be shown on a log scale and are left out.",
                model.hidden_on_log_scale
            ),
            true,
        ));
    }
    lines.push(("Made with Bilateral".to_owned(), true));
    lines
}

/// `text` broken at spaces into lines of at most `max_chars` characters; a longer word
/// keeps a line of its own.
fn wrap_words(text: &str, max_chars: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_chars = 0;
    for word in text.split_whitespace() {
        let word_chars = word.chars().count();
        if line_chars > 0 && line_chars + 1 + word_chars > max_chars {
            lines.push(std::mem::take(&mut line));
            line_chars = 0;
        }
        if line_chars > 0 {
            line.push(' ');
            line_chars += 1;
        }
        line.push_str(word);
        line_chars += word_chars;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` cut to `max_chars` characters with an ellipsis.
fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let mut short: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    short.push('…');
    short
}

/// About how wide `text` is in a sans-serif font of `font_px`.
fn text_width_px(text: &str, font_px: f64) -> f64 {
    #[expect(
        clippy::cast_precision_loss,
        reason = "text lengths are far below 2^52"
    )]
    let chars = text.chars().count() as f64;
    chars * font_px * CHAR_WIDTH_EM
}

/// About how wide `text` is in a bold sans-serif font of `font_px`; generous, as
/// capitals are wide.
fn bold_text_width_px(text: &str, font_px: f64) -> f64 {
    text_width_px(text, font_px) * BOLD_WIDTH_FACTOR
}

/// `#rrggbb`.
fn hex(color: Color32) -> String {
    format!("#{:02x}{:02x}{:02x}", color.r(), color.g(), color.b())
}

/// A coordinate with at most two decimals and no trailing zeros.
fn num(value: f64) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// `text` safe inside XML text and attribute values: the five special characters as
/// entities, and characters XML 1.0 does not allow (most control characters) left out.
fn escape_xml(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            '\t' | '\n' | '\r' => escaped.push(c),
            c if u32::from(c) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use quick_xml::events::{BytesStart, Event};
    use quick_xml::{Reader, XmlVersion};

    use super::*;
    use crate::chart::{self, ChartOptions};
    use crate::data::builtin::builtin_dataset;
    use crate::data::json::parse_dataset;

    /// An element of a parsed document: its attributes, children and own text.
    #[derive(Debug, Default)]
    struct Element {
        name: String,
        attributes: BTreeMap<String, String>,
        children: Vec<Element>,
        text: String,
    }

    impl Element {
        fn attribute(&self, name: &str) -> &str {
            self.attributes.get(name).map_or("", String::as_str)
        }

        /// This element and every element inside it, in document order.
        fn descendants(&self) -> Vec<&Element> {
            let mut all = vec![self];
            for child in &self.children {
                all.extend(child.descendants());
            }
            all
        }

        fn with_class(&self, class: &str) -> Vec<&Element> {
            self.descendants()
                .into_iter()
                .filter(|e| e.attribute("class") == class)
                .collect()
        }

        fn child(&self, name: &str) -> Option<&Element> {
            self.children.iter().find(|c| c.name == name)
        }

        /// Every text inside, in document order.
        fn all_text(&self) -> Vec<&str> {
            self.descendants()
                .into_iter()
                .map(|e| e.text.as_str())
                .filter(|t| !t.trim().is_empty())
                .collect()
        }
    }

    fn element(start: &BytesStart<'_>) -> Element {
        let mut attributes = BTreeMap::new();
        for attribute in start.attributes() {
            let attribute = attribute.expect("well-formed attribute");
            let name = String::from_utf8(attribute.key.as_ref().to_vec()).expect("UTF-8 name");
            let value = attribute
                .normalized_value(XmlVersion::Implicit1_0)
                .expect("attribute value with known entities");
            assert!(
                attributes
                    .insert(name.clone(), value.into_owned())
                    .is_none(),
                "attribute {name} twice"
            );
        }
        Element {
            name: String::from_utf8(start.name().as_ref().to_vec()).expect("UTF-8 name"),
            attributes,
            ..Element::default()
        }
    }

    /// Parses `text` as XML, failing the test on anything not well-formed: mismatched or
    /// unclosed tags, unknown entities, repeated attributes, more than one root.
    fn parse_xml(text: &str) -> Element {
        let mut reader = Reader::from_str(text);
        let mut stack = vec![Element::default()];
        loop {
            let event = reader.read_event().expect("well-formed XML");
            let parent = stack.len() - 1;
            match event {
                Event::Start(start) => stack.push(element(&start)),
                Event::Empty(start) => stack[parent].children.push(element(&start)),
                Event::End(end) => {
                    let done = stack.pop().expect("an open element");
                    assert_eq!(done.name.as_bytes(), end.name().as_ref());
                    stack.last_mut().expect("a parent").children.push(done);
                }
                Event::Text(content) => {
                    let content = content.xml10_content().expect("UTF-8 text");
                    stack[parent].text.push_str(&content);
                }
                Event::GeneralRef(reference) => {
                    let resolved = if reference.is_char_ref() {
                        reference
                            .resolve_char_ref()
                            .expect("valid character reference")
                            .expect("a character")
                            .to_string()
                    } else {
                        let name = reference.decode().expect("UTF-8 entity");
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .unwrap_or_else(|| panic!("unknown entity &{name};"))
                            .to_owned()
                    };
                    stack[parent].text.push_str(&resolved);
                }
                Event::CData(_) | Event::DocType(_) => panic!("unexpected {event:?}"),
                Event::Eof => break,
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            }
        }
        assert_eq!(stack.len(), 1, "unclosed elements");
        let mut document = stack.pop().expect("the document");
        assert_eq!(document.children.len(), 1, "one root element");
        document.children.remove(0)
    }

    fn builtin() -> Dataset {
        builtin_dataset().expect("the built-in dataset loads")
    }

    fn svg_of(dataset: &Dataset, options: &ChartOptions) -> (ChartModel, Element) {
        let model = chart::build(dataset, options);
        let svg = trade_chart_svg(dataset, &model, &SvgOptions::default());
        (model, parse_xml(&svg))
    }

    /// A small dataset whose texts hold every character XML escapes.
    fn awkward_dataset() -> Dataset {
        let text = r#"{
          "metadata": {"schema_version": 1, "title": "Trade & <Tariffs>", "updated": "2026",
            "parties": [{"iso_alpha2": "RU", "iso_alpha3": "RUS", "iso_numeric": "643", "name": "Russia"},
                        {"iso_alpha2": "IR", "iso_alpha3": "IRN", "iso_numeric": "364", "name": "Iran"}]},
          "sources": [{"id": "a&b", "title": "R&D <2024> \"quoted\" 'single'", "publisher": "Smith & Sons"}],
          "series": [
            {"id": "s<1>", "label": "Exports & \"re-exports\" <net>", "unit": "USD bn", "kind": "trade_turnover", "points": [
              {"year": 2020, "value": 1.5, "sources": ["a&b"]},
              {"year": 2021, "value": 0.1234567890123, "approximate": true, "sources": ["a&b"]},
              {"year": 2024, "range": {"low": 2, "high": 3}, "sources": ["a&b"]}]}
          ]}"#;
        parse_dataset(text.as_bytes(), "awkward.json").expect("valid")
    }

    #[test]
    fn the_svg_is_well_formed_with_its_size_a_white_background_and_a_title() {
        let dataset = builtin();
        let (model, svg) = svg_of(&dataset, &ChartOptions::default());
        assert_eq!(svg.name, "svg");
        assert_eq!(svg.attribute("xmlns"), "http://www.w3.org/2000/svg");
        assert_eq!(svg.attribute("version"), "1.1");
        assert_eq!(svg.attribute("viewBox"), "0 0 1200 700");
        assert_eq!(svg.attribute("width"), "1200px");
        assert_eq!(svg.attribute("height"), "700px");
        assert_eq!(svg.attribute("font-family"), "sans-serif");
        let background = svg.child("rect").expect("a background");
        assert_eq!(background.attribute("fill"), "#ffffff");
        assert_eq!(background.attribute("width"), "1200");
        let title = &svg.with_class("chart-title")[0].text;
        assert_eq!(
            title,
            &format!("{} — {}", dataset.metadata.title, model.unit)
        );
        assert!(svg.all_text().contains(&model.y_label.as_str()));
        assert!(svg.all_text().contains(&"Made with Bilateral"));
    }

    #[test]
    fn every_visible_marker_is_one_element_with_its_series_year_and_exact_value() {
        let dataset = builtin();
        let options = ChartOptions {
            connect_gaps: true,
            ..ChartOptions::default()
        };
        let (model, svg) = svg_of(&dataset, &options);
        let expected: Vec<(String, f64, f64)> = model
            .visible_markers()
            .map(|(series, marker)| (series.id.clone(), marker.x, marker.value))
            .collect();
        let drawn: Vec<(String, f64, f64)> = svg
            .with_class("marker")
            .iter()
            .map(|m| {
                (
                    m.attribute("data-series").to_owned(),
                    m.attribute("data-year").parse().expect("a year"),
                    m.attribute("data-value").parse().expect("a value"),
                )
            })
            .collect();
        assert!(!expected.is_empty());
        assert_eq!(drawn, expected);
        let turnover_years: Vec<&str> = svg
            .with_class("marker")
            .iter()
            .filter(|m| m.attribute("data-series") == "trade-turnover")
            .map(|m| m.attribute("data-year"))
            .collect();
        assert_eq!(turnover_years, ["2010", "2011", "2015", "2022", "2023"]);
    }

    #[test]
    fn values_keep_full_precision_and_tooltips_name_series_year_value_and_approximation() {
        let dataset = awkward_dataset();
        let (_, svg) = svg_of(&dataset, &ChartOptions::default());
        let markers = svg.with_class("marker");
        let values: Vec<&str> = markers.iter().map(|m| m.attribute("data-value")).collect();
        assert_eq!(values, ["1.5", "0.1234567890123", "2", "3"]);
        let tooltips: Vec<&str> = markers
            .iter()
            .map(|m| m.child("title").expect("a tooltip").text.as_str())
            .collect();
        assert_eq!(
            tooltips,
            [
                "Exports & \"re-exports\" <net>, 2020: 1.5 USD bn",
                "Exports & \"re-exports\" <net>, 2021: 0.123 USD bn (approximate)",
                "Exports & \"re-exports\" <net>, 2024: 2 USD bn (low end of a reported range)",
                "Exports & \"re-exports\" <net>, 2024: 3 USD bn (high end of a reported range)",
            ]
        );
    }

    #[test]
    fn exact_markers_are_filled_and_approximate_ones_hollow() {
        let dataset = builtin();
        let (model, svg) = svg_of(&dataset, &ChartOptions::default());
        let markers = svg.with_class("marker");
        for ((_, marker), drawn) in model.visible_markers().zip(&markers) {
            assert_eq!(drawn.name, "circle");
            if marker.approximate {
                assert_eq!(drawn.attribute("fill"), "none");
                assert!(drawn.attribute("stroke").starts_with('#'));
            } else {
                assert_eq!(drawn.attribute("fill"), drawn.attribute("stroke"));
            }
        }
        let turnover = markers
            .iter()
            .find(|m| m.attribute("data-series") == "trade-turnover")
            .expect("a turnover marker");
        assert_eq!(turnover.attribute("stroke"), hex(theme::series_color(0)));
    }

    #[test]
    fn hidden_series_are_left_out_of_markers_lines_and_legend() {
        let dataset = builtin();
        let mut options = ChartOptions {
            connect_gaps: true,
            ..ChartOptions::default()
        };
        options.series_shown.insert("trade-turnover".into(), false);
        let (model, svg) = svg_of(&dataset, &options);
        let hidden = model
            .series
            .iter()
            .find(|s| s.id == "trade-turnover")
            .expect("in the model");
        assert!(!hidden.visible);
        assert!(
            svg.descendants()
                .iter()
                .all(|e| e.attribute("data-series") != "trade-turnover")
        );
        let legend = svg.with_class("legend")[0].all_text();
        assert!(!legend.contains(&hidden.label.as_str()), "{legend:?}");
        assert_eq!(
            svg.with_class("marker").len(),
            model.visible_markers().count()
        );
    }

    #[test]
    fn gaps_are_dashed_only_when_connected_and_ranges_are_bars() {
        let dataset = builtin();
        let dashed = |connect_gaps| {
            let options = ChartOptions {
                connect_gaps,
                ..ChartOptions::default()
            };
            let (_, svg) = svg_of(&dataset, &options);
            svg.with_class("line")
                .iter()
                .filter(|line| !line.attribute("stroke-dasharray").is_empty())
                .count()
        };
        assert_eq!(dashed(false), 0);
        assert!(dashed(true) > 0);
        let awkward = awkward_dataset();
        let (_, svg) = svg_of(&awkward, &ChartOptions::default());
        assert_eq!(svg.with_class("range").len(), 1);
    }

    #[test]
    fn a_log_scale_chart_has_the_badge_and_labels_ticks_with_values() {
        let dataset = builtin();
        let mut options = ChartOptions {
            log_scale: true,
            ..ChartOptions::default()
        };
        // The $40 bn of investment talk takes the axis past a decade.
        options
            .series_shown
            .insert("investment-deals-discussed".into(), true);
        let (_, svg) = svg_of(&dataset, &options);
        let badge = svg.with_class("log-badge");
        assert_eq!(badge.len(), 1);
        assert_eq!(badge[0].all_text(), ["LOG SCALE"]);
        let axes = svg.with_class("axes")[0].all_text();
        for label in ["1", "10"] {
            assert!(axes.contains(&label), "{axes:?}");
        }
        let (_, linear) = svg_of(&dataset, &ChartOptions::default());
        assert!(linear.with_class("log-badge").is_empty());
        assert!(!linear.all_text().contains(&"LOG SCALE"));
    }

    #[test]
    fn year_over_year_is_titled_as_such_and_values_are_percent() {
        let dataset = builtin();
        let options = ChartOptions {
            mode: ChartMode::YearOverYear,
            ..ChartOptions::default()
        };
        let (_, svg) = svg_of(&dataset, &options);
        assert!(
            svg.with_class("chart-title")[0]
                .text
                .ends_with(" — year-over-year change")
        );
        let tooltips: Vec<&str> = svg
            .with_class("marker")
            .iter()
            .map(|m| m.child("title").expect("a tooltip").text.as_str())
            .collect();
        assert!(!tooltips.is_empty());
        assert!(tooltips.iter().all(|t| t.contains('%')), "{tooltips:?}");
    }

    #[test]
    fn titles_labels_ids_and_citations_are_escaped_and_read_back_unchanged() {
        let dataset = awkward_dataset();
        let model = chart::build(&dataset, &ChartOptions::default());
        let text = trade_chart_svg(&dataset, &model, &SvgOptions::default());
        assert!(!text.contains("Trade & <Tariffs>"));
        let svg = parse_xml(&text);
        assert_eq!(
            svg.with_class("chart-title")[0].text,
            "Trade & <Tariffs> — USD bn"
        );
        assert_eq!(
            svg.child("title").expect("a title").text,
            "Trade & <Tariffs> — USD bn"
        );
        assert!(
            svg.with_class("legend")[0]
                .all_text()
                .contains(&"Exports & \"re-exports\" <net>")
        );
        assert_eq!(svg.with_class("marker")[0].attribute("data-series"), "s<1>");
        let sources = svg.with_class("sources")[0].all_text().join(" ");
        assert!(
            sources.starts_with("Sources: “R&D <2024> \"quoted\" 'single'”, Smith & Sons"),
            "{sources}"
        );
    }

    #[test]
    fn the_sources_line_cites_each_source_of_the_visible_values_once_and_wraps() {
        let dataset = builtin();
        let (model, svg) = svg_of(&dataset, &ChartOptions::default());
        let lines: Vec<String> = svg.with_class("sources")[0]
            .all_text()
            .iter()
            .map(|line| (*line).to_owned())
            .collect();
        let joined = lines.join(" ");
        let mut cited: Vec<&str> = Vec::new();
        for (_, marker) in model.visible_markers() {
            for id in &marker.sources {
                if !cited.contains(&id.as_str()) {
                    cited.push(id);
                }
            }
        }
        assert!(!cited.is_empty());
        for id in cited {
            let citation = source_citation(&dataset, id);
            assert_eq!(
                joined.matches(&citation).count(),
                1,
                "{citation} in {joined}"
            );
        }
        let narrow = trade_chart_svg(
            &dataset,
            &model,
            &SvgOptions {
                width_px: 480,
                ..SvgOptions::default()
            },
        );
        let narrow_lines = parse_xml(&narrow).with_class("sources")[0].children.len();
        assert!(
            narrow_lines > lines.len(),
            "{narrow_lines} vs {}",
            lines.len()
        );
        assert_eq!(
            lines.last().map(String::as_str),
            Some("Made with Bilateral")
        );
    }

    #[test]
    fn events_within_the_chart_years_are_dashed_rules_with_a_label() {
        let dataset = builtin();
        let model = chart::build(&dataset, &ChartOptions::default());
        let marks = chart::event_marks(&dataset);
        let svg = parse_xml(&trade_chart_svg(
            &dataset,
            &model,
            &SvgOptions {
                event_marks: marks.clone(),
                ..SvgOptions::default()
            },
        ));
        let (first, last) = model
            .visible_markers()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), (_, m)| {
                (lo.min(m.x), hi.max(m.x))
            });
        let within: Vec<&str> = marks
            .iter()
            .filter(|m| m.x >= first - 0.5 && m.x <= last + 0.5)
            .map(|m| m.id.as_str())
            .collect();
        assert!(
            within.len() < marks.len(),
            "some events are older than the chart"
        );
        let drawn = svg.with_class("event");
        let ids: Vec<&str> = drawn.iter().map(|e| e.attribute("data-event")).collect();
        assert_eq!(ids, within);
        let rule = drawn[0].child("line").expect("a rule");
        assert!(!rule.attribute("stroke-dasharray").is_empty());
        assert!(drawn[0].child("text").is_some());
        let without = svg_of(&dataset, &ChartOptions::default()).1;
        assert!(without.with_class("events").is_empty());
    }

    #[test]
    fn an_empty_chart_still_draws_axes_and_says_so() {
        let mut dataset = awkward_dataset();
        dataset.series.clear();
        let (_, svg) = svg_of(&dataset, &ChartOptions::default());
        assert!(svg.all_text().contains(&"No values to show"));
        assert!(svg.with_class("marker").is_empty());
    }

    #[test]
    fn nice_ticks_are_round_and_enclose_the_range() {
        assert_eq!(nice_ticks(0.0, 40.0, 4), [0.0, 10.0, 20.0, 30.0, 40.0]);
        assert_eq!(nice_ticks(0.0, 4.6, 5), [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]);
        assert_eq!(
            nice_ticks(-20.0, 5.0, 5),
            [-20.0, -15.0, -10.0, -5.0, 0.0, 5.0]
        );
        assert_eq!(nice_ticks(0.1, 0.35, 5), [0.1, 0.15, 0.2, 0.25, 0.3, 0.35]);
        assert_eq!(
            nice_ticks(2010.0, 2023.0, 7),
            [
                2010.0, 2012.0, 2014.0, 2016.0, 2018.0, 2020.0, 2022.0, 2024.0
            ]
        );
        assert_eq!(
            nice_ticks(7200.0, 0.0, 4),
            [0.0, 2000.0, 4000.0, 6000.0, 8000.0]
        );
        assert_eq!(nice_ticks(5.0, 5.0, 4), [4.5, 5.0, 5.5]);
        assert_eq!(nice_ticks(0.0, 0.0, 2), [-1.0, 0.0, 1.0]);
        assert!(nice_ticks(f64::NAN, 1.0, 5).is_empty());
        assert!(nice_ticks(0.0, f64::INFINITY, 5).is_empty());
        assert!(nice_ticks(0.0, 1.0, 0).is_empty());
        assert!(nice_ticks(-f64::MAX, f64::MAX, 5).is_empty());
        let many = nice_ticks(0.0, 1.0, usize::MAX);
        assert!(many.len() <= 1003, "{}", many.len());
    }

    #[test]
    fn log_ticks_use_powers_of_ten_and_their_halves_or_round_values_when_narrow() {
        let labels = |low: f64, high: f64| -> Vec<String> {
            log_ticks(low.log10(), high.log10(), 6)
                .into_iter()
                .map(|t| format_value(10_f64.powf(t)))
                .collect()
        };
        assert_eq!(labels(1.2, 40.0), ["1", "2", "5", "10", "20", "50"]);
        assert_eq!(
            labels(0.01, 7200.0),
            ["0.01", "0.1", "1", "10", "100", "1,000", "10,000"]
        );
        assert_eq!(labels(3.5, 5.0), ["3.5", "4", "4.5", "5"]);
    }

    #[test]
    fn x_ticks_fall_on_whole_years() {
        let dataset = builtin();
        let (_, svg) = svg_of(&dataset, &ChartOptions::default());
        let axes = svg.with_class("axes")[0];
        let years: Vec<&str> = axes
            .children
            .iter()
            .filter(|e| e.name == "text" && e.attribute("text-anchor") == "middle")
            .filter(|e| e.attribute("class") != "axis-title")
            .map(|e| e.text.as_str())
            .collect();
        assert!(
            years.contains(&"2010") && years.contains(&"2023"),
            "{years:?}"
        );
        assert!(years.iter().all(|y| y.parse::<i32>().is_ok()), "{years:?}");
    }

    #[test]
    fn text_is_escaped_wrapped_and_shortened() {
        assert_eq!(
            escape_xml("a & b < c > d \" e ' f\u{1}g"),
            "a &amp; b &lt; c &gt; d &quot; e &apos; fg"
        );
        assert_eq!(
            wrap_words("one two three four", 9),
            ["one two", "three", "four"]
        );
        assert_eq!(
            wrap_words("unbreakable-word x", 5),
            ["unbreakable-word", "x"]
        );
        assert_eq!(shorten("abcdef", 4), "abc…");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(12.5), "12.5");
        assert_eq!(hex(crate::theme::SERIES_PALETTE[0]), "#0072b2");
    }
}
