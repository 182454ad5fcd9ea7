//! The trade chart as a standalone SVG 1.1 document, drawn from the chart model.
//!
//! The drawing follows the trade view: one colour per series from the same palette,
//! filled circles for reported values and hollow ones for approximate values, bars for
//! ranges, solid lines between consecutive years and dashed ones across gaps. Each marker
//! is a `<circle class="marker">` with `data-series`, `data-year`, `data-value` and
//! `data-role` attributes and a `<title>` that browsers show as a tooltip.

//!
//! The document is assembled here; each part is drawn in its own file: `axes` (the plot's
//! frame, ticks and grid), `legend` (legend and log-scale badge), `series` (lines,
//! range bars and markers), `events` (event rules), `footer` (sources and credit), with
//! `text` writing numbers, colours and escaped text.

mod axes;
mod events;
mod footer;
mod legend;
mod series;
#[cfg(test)]
mod test_xml;
pub(crate) mod text;

use std::fmt::Write as _;

use self::axes::{Frame, write_axes, x_range, x_ticks, y_axis};
use self::events::write_events;
use self::footer::{footer_lines, write_footer};
use self::legend::{legend_layout, write_legend, write_log_badge};
use self::series::write_series;
use self::text::{escape_xml, num, text_width_px};
use crate::chart::{ChartMode, ChartModel, ChartSeries, EventMark};
use crate::data::Dataset;

/// How the SVG is laid out and what it adds to the chart.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SvgOptions {
    /// Width of the drawing in pixels (at least 480).
    pub(crate) width_px: u32,
    /// Height of the drawing in pixels (at least 360); it grows when the legend and the
    /// sources leave too little room for the plot.
    pub(crate) height_px: u32,
    /// Events to draw as thin dashed vertical rules; those outside the chart's years
    /// are left out.
    pub(crate) event_marks: Vec<EventMark>,
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

/// The trade chart of `model` (built from `dataset`) as a standalone SVG 1.1 document.
///
/// It holds the title, the legend of the visible series, axes with round ticks (whole
/// years on x; on a log scale the y labels show the values, not their logarithms, and a
/// "LOG SCALE" badge marks the plot), every visible series, the events of
/// `options.event_marks` that fall within the chart's years, and at the bottom the full
/// citation of every source behind a value shown. Hidden series are left out entirely.
pub(crate) fn trade_chart_svg(
    dataset: &Dataset,
    model: &ChartModel,
    options: &SvgOptions,
) -> String {
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
    let footer_height = f64::from(u32::try_from(footer.len()).unwrap_or(u32::MAX)) * SOURCE_LINE_PX;
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
    let x_ticks = x_ticks(x_low, x_high, plot_right - plot_left);

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
            num(f64::midpoint(frame.left, frame.right)),
            num(f64::midpoint(frame.top, frame.bottom)),
            num(LEGEND_FONT_PX)
        );
    }
    write_footer(&mut svg, &footer, footer_top);
    let _ = writeln!(svg, "</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::test_xml::{awkward_dataset, builtin, parse_xml, svg_of};
    use super::*;
    use crate::chart::{self, ChartOptions};

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
    fn an_empty_chart_still_draws_axes_and_says_so() {
        let mut dataset = awkward_dataset();
        dataset.series.clear();
        let (_, svg) = svg_of(&dataset, &ChartOptions::default());
        assert!(svg.all_text().contains(&"No values to show"));
        assert!(svg.with_class("marker").is_empty());
    }
}
