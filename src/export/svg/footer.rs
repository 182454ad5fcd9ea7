//! Under the plot: the full citation of every source behind a value shown, wrapped; a
//! note on values a log scale hides; the credit.

use std::fmt::Write as _;

use super::text::{escape_xml, num, wrap_words};
use super::{
    CHAR_WIDTH_EM, MARGIN_PX, MUTED_TEXT_COLOR, SOURCE_FONT_PX, SOURCE_LINE_PX, TEXT_COLOR,
};
use crate::chart::ChartModel;
use crate::data::Dataset;
use crate::display::format::source_citation;

/// The lines under the plot, each with whether it is muted: the sources of every value
/// shown, wrapped; a note on values a log scale hides; the credit.
pub(super) fn footer_lines(
    dataset: &Dataset,
    model: &ChartModel,
    width_px: f64,
) -> Vec<(String, bool)> {
    let citations: Vec<String> = model
        .source_ids(dataset)
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

/// The footer lines from `top` down, muted ones in grey.
pub(super) fn write_footer(svg: &mut String, lines: &[(String, bool)], top: f64) {
    let _ = writeln!(
        svg,
        r#"<g class="sources" font-size="{}">"#,
        num(SOURCE_FONT_PX)
    );
    for (index, (line, muted)) in lines.iter().enumerate() {
        let color = if *muted { MUTED_TEXT_COLOR } else { TEXT_COLOR };
        let _ = writeln!(
            svg,
            r#"<text x="{}" y="{}" fill="{color}">{}</text>"#,
            num(MARGIN_PX),
            num(
                top + f64::from(u32::try_from(index + 1).unwrap_or(u32::MAX)) * SOURCE_LINE_PX
                    - 4.0
            ),
            escape_xml(line)
        );
    }
    let _ = writeln!(svg, "</g>");
}

#[cfg(test)]
mod tests {
    use super::super::test_xml::{builtin, parse_xml, svg_of};
    use super::super::{SvgOptions, trade_chart_svg};
    use crate::chart::ChartOptions;
    use crate::display::format::source_citation;

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
            for id in marker.sources(&dataset) {
                if !cited.contains(&id) {
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
}
