//! One series drawn: range bars, lines (dashed across gaps) and a marker per value,
//! filled when exact and hollow when approximate, each with its data and a tooltip.

use std::fmt::Write as _;

use super::MARKER_RADIUS_PX;
use super::axes::Frame;
use super::text::{escape_xml, hex, num};
use crate::chart::{ChartModel, ChartSeries, Marker, MarkerRole};
use crate::data::Dataset;
use crate::display::format::format_value;
use crate::export::{marker_unit, year_text};
use crate::views::theme;

pub(super) fn write_series(
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
    for (points, dashed) in series.polylines() {
        let mut d = String::new();
        for (index, [x, y]) in points.into_iter().enumerate() {
            let command = if index == 0 { 'M' } else { 'L' };
            let _ = write!(d, "{command}{} {}", num(frame.x_px(x)), num(frame.y_px(y)));
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

#[cfg(test)]
mod tests {
    use super::super::test_xml::{awkward_dataset, builtin, svg_of};
    use super::*;
    use crate::chart::ChartOptions;

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
}
