//! The legend of the visible series under the title, and the "LOG SCALE" badge.

use std::fmt::Write as _;

use eframe::egui::Color32;

use super::axes::Frame;
use super::text::{bold_text_width_px, escape_xml, hex, num, text_width_px};
use super::{LEGEND_FONT_PX, LEGEND_ROW_PX, MARGIN_PX, TEXT_COLOR, TITLE_FONT_PX};
use crate::chart::ChartSeries;
use crate::views::theme;

/// One legend entry, placed.
pub(super) struct LegendItem {
    pub(super) row: u32,
    x: f64,
    label: String,
    color: Color32,
}

pub(super) fn legend_layout(visible: &[&ChartSeries], width_px: f64) -> Vec<LegendItem> {
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

pub(super) fn write_legend(svg: &mut String, items: &[LegendItem], top: f64) {
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

/// The "LOG SCALE" badge: at the right end of the title line, or inside the plot's top
/// left corner when the title leaves no room.
pub(super) fn write_log_badge(
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
