//! The plot's frame and its two axes: the years shown and their ticks on x, the values
//! shown and their round ticks on y (log10 or linear), the grid, and the axis titles.

use std::fmt::Write as _;

use super::text::{escape_xml, num};
use super::{AXIS_COLOR, AXIS_FONT_PX, GRID_COLOR, MARGIN_PX, TEXT_COLOR, X_AXIS_PX};
use crate::chart::{ChartModel, ChartSeries};
use crate::display::format::format_value;
use crate::display::ticks::{CalendarStep, log_ticks, nice_ticks};
use crate::export::year_text;

/// The plot rectangle in pixels and the data range it shows.
pub(super) struct Frame {
    pub(super) left: f64,
    pub(super) right: f64,
    pub(super) top: f64,
    pub(super) bottom: f64,
    pub(super) x_low: f64,
    pub(super) x_high: f64,
    pub(super) y_low: f64,
    pub(super) y_high: f64,
}

impl Frame {
    pub(super) fn x_px(&self, x: f64) -> f64 {
        self.left + (x - self.x_low) / (self.x_high - self.x_low) * (self.right - self.left)
    }

    pub(super) fn y_px(&self, y: f64) -> f64 {
        self.bottom - (y - self.y_low) / (self.y_high - self.y_low) * (self.bottom - self.top)
    }
}

/// The y range and its ticks as (position, label).
pub(super) struct YAxis {
    pub(super) low: f64,
    pub(super) high: f64,
    pub(super) ticks: Vec<(f64, String)>,
}

pub(super) fn y_axis(model: &ChartModel, visible: &[&ChartSeries], plot_height_px: f64) -> YAxis {
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

/// Years shown: half a year beyond the first and last marker; never fewer than the trade
/// view's [`MIN_FRAME_YEARS`](crate::chart::MIN_FRAME_YEARS), about the data's middle.
pub(super) fn x_range(visible: &[&ChartSeries]) -> (f64, f64) {
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
    let min_years = crate::chart::MIN_FRAME_YEARS;
    if high - low < min_years {
        let middle = f64::midpoint(low, high);
        return (middle - min_years / 2.0, middle + min_years / 2.0);
    }
    (low - 0.5, high + 0.5)
}

/// Ticks on whole years within `x_low..=x_high`, as many as leave each label 60 pixels of
/// the plot's width.
pub(super) fn x_ticks(x_low: f64, x_high: f64, plot_width_px: f64) -> Vec<f64> {
    let step = match CalendarStep::for_room(x_high - x_low, plot_width_px, 60.0) {
        CalendarStep::Months(_) => CalendarStep::Years(1),
        years @ CalendarStep::Years(_) => years,
    };
    step.ticks(x_low, x_high).collect()
}

pub(super) fn write_axes(
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
        num(f64::midpoint(frame.left, frame.right)),
        num(frame.bottom + X_AXIS_PX - 4.0)
    );
    let y_title_x = MARGIN_PX + AXIS_FONT_PX * 0.8;
    let y_title_y = f64::midpoint(frame.top, frame.bottom);
    let _ = writeln!(
        svg,
        r#"<text class="axis-title" x="{x}" y="{y}" text-anchor="middle" transform="rotate(-90 {x} {y})">{}</text>"#,
        escape_xml(y_label),
        x = num(y_title_x),
        y = num(y_title_y)
    );
    let _ = writeln!(svg, "</g>");
}

#[cfg(test)]
mod tests {
    use super::super::test_xml::{builtin, svg_of};
    use crate::chart::ChartOptions;

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
}
