//! The key in the map's corner (symbols, stances, routes, and the domain colours when
//! the toggles are hidden) and the basemap credit.

use eframe::egui::{self, Painter, Rect, vec2};

use crate::data::Domain;
use crate::theme::{self, MapColors};

/// About how tall the key is with its margin, in points: a computed default frame is
/// fitted above it.
pub(super) const LEGEND_HEIGHT_POINTS: f32 = 130.0;

/// The key in the map's bottom-left corner, sized to its text. Where the domain toggles
/// are hidden (presenting, exporting), `domain_key` lists the domains to show with their
/// colours; otherwise the key points to the toggles.
pub(super) fn paint_legend(
    painter: &Painter,
    rect: Rect,
    colors: MapColors,
    domain_key: Option<&[Domain]>,
) {
    const LINE_HEIGHT: f32 = 16.0;
    const PADDING: f32 = 6.0;
    let font = egui::FontId::proportional(12.0);
    let colour_line = if domain_key.is_some() {
        "colour = domain:"
    } else {
        "colour = domain (see the toggles above)"
    };
    let lines = [
        (
            "triangle = air base · diamond = nuclear · square = port or base · hexagon = crossing · circle = city or region",
            colors.label,
        ),
        (
            "filled = cooperation · hollow = divergence · half = mixed",
            colors.label,
        ),
        (
            "areas: solid edge = cooperation · dashed = divergence · dotted = mixed",
            colors.label,
        ),
        (
            "routes: solid = operating · long dash = under construction",
            colors.label,
        ),
        (
            "short dash = planned · orange dots with ! = missing link",
            theme::MISSING_LINK,
        ),
        (colour_line, colors.label),
    ];
    let galleys: Vec<_> = lines
        .iter()
        .map(|(text, color)| painter.layout_no_wrap((*text).to_owned(), font.clone(), *color))
        .collect();
    let mut width = galleys.iter().map(|g| g.size().x).fold(0.0, f32::max);
    // The domain key: a swatch and a name each, after "colour = domain:", wrapping rows.
    let max_width = (rect.width() - 4.0 * PADDING).max(width);
    let mut key = Vec::new();
    let mut x = galleys.last().map_or(0.0, |g| g.size().x) + 8.0;
    let mut row = galleys.len() - 1;
    for domain in domain_key.unwrap_or_default() {
        let name = painter.layout_no_wrap(domain.label().to_owned(), font.clone(), colors.label);
        let item_width = 14.0 + name.size().x + 10.0;
        if x + item_width > max_width {
            row += 1;
            x = 0.0;
        }
        key.push((x, row, theme::domain_color(*domain), name));
        x += item_width;
        width = width.max(x);
    }
    let rows = row + 1;
    #[expect(clippy::cast_precision_loss, reason = "a handful of rows")]
    let height = rows as f32 * LINE_HEIGHT;
    let origin = rect.left_bottom() + vec2(2.0 * PADDING, -2.0 * PADDING - height);
    let background = Rect::from_min_size(origin, vec2(width, height)).expand(PADDING);
    painter.rect_filled(background, 4.0, colors.water.gamma_multiply(0.85));
    for (index, galley) in galleys.into_iter().enumerate() {
        #[expect(clippy::cast_precision_loss, reason = "six lines")]
        let y = index as f32 * LINE_HEIGHT;
        painter.galley(origin + vec2(0.0, y), galley, colors.label);
    }
    for (x, row, color, name) in key {
        #[expect(clippy::cast_precision_loss, reason = "a handful of rows")]
        let top_left = origin + vec2(x, row as f32 * LINE_HEIGHT);
        painter.circle_filled(top_left + vec2(5.0, LINE_HEIGHT / 2.0 - 1.0), 5.0, color);
        painter.galley(top_left + vec2(14.0, 0.0), name, colors.label);
    }
}

/// The basemap's source and the projection's name, in the bottom-right corner.
pub(super) fn paint_credit(
    painter: &Painter,
    rect: Rect,
    colors: MapColors,
    projection: &crate::geo::projection::Projection,
) {
    painter.text(
        rect.right_bottom() + vec2(-8.0, -6.0),
        egui::Align2::RIGHT_BOTTOM,
        format!(
            "Basemap: Natural Earth via world-atlas 2.0.2 · {}",
            projection.name()
        ),
        egui::FontId::proportional(11.0),
        colors.label,
    );
}
