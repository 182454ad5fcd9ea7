//! Events drawn over the plot as thin dashed rules, labelled where there is room.

use std::fmt::Write as _;

use super::axes::Frame;
use super::text::{escape_xml, hex, num, shorten};
use super::{EVENT_FONT_PX, MUTED_TEXT_COLOR};
use crate::chart::EventMark;
use crate::views::theme;

pub(super) fn write_events(svg: &mut String, frame: &Frame, events: &[EventMark]) {
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

#[cfg(test)]
mod tests {
    use super::super::test_xml::{builtin, parse_xml, svg_of};
    use super::super::{SvgOptions, trade_chart_svg};
    use crate::chart::{self, ChartOptions};

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
}
