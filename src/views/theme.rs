//! Colours and type sizes: the only place colours are made.

#![allow(
    clippy::disallowed_methods,
    reason = "the one room where colours are made (see clippy.toml)"
)]

use eframe::egui::Color32;

use crate::data::{Domain, Stance};

/// The Okabe–Ito palette, safe for the common forms of colour blindness, and an eighth
/// colour so that the eight series of an event import (four kinds in each direction) are
/// all told apart.
pub(crate) const SERIES_PALETTE: [Color32; 8] = [
    Color32::from_rgb(0, 114, 178),   // blue
    Color32::from_rgb(213, 94, 0),    // vermillion
    Color32::from_rgb(0, 158, 115),   // bluish green
    Color32::from_rgb(204, 121, 167), // reddish purple
    Color32::from_rgb(230, 159, 0),   // orange
    Color32::from_rgb(86, 180, 233),  // sky blue
    Color32::from_rgb(120, 120, 120), // grey (yellow is unreadable on white)
    Color32::from_rgb(117, 112, 179), // blue violet (ColorBrewer Dark2; black would vanish on dark)
];

/// The colour of the `index`-th series.
pub(crate) fn series_color(index: usize) -> Color32 {
    SERIES_PALETTE[index % SERIES_PALETTE.len()]
}

/// The colour of a stance, for event markers and map symbols.
pub(crate) fn stance_color(stance: Stance) -> Color32 {
    match stance {
        Stance::Cooperation => Color32::from_rgb(0, 158, 115),
        Stance::Divergence => Color32::from_rgb(213, 94, 0),
        Stance::Mixed => Color32::from_rgb(204, 121, 167),
        Stance::Context => Color32::from_rgb(140, 140, 140),
    }
}

/// How a symbol of `color` is filled for a stance, so that stance reads without colour:
/// cooperation filled, divergence hollow, mixed half-filled, context grey. The map's
/// symbols, the timeline's events and the exported drawings share this rule.
pub(crate) fn stance_fill(stance: Stance, color: Color32) -> Color32 {
    match stance {
        Stance::Cooperation => color,
        Stance::Divergence => Color32::TRANSPARENT,
        Stance::Mixed => color.gamma_multiply(0.45),
        Stance::Context => stance_color(Stance::Context),
    }
}

/// `base` mixed with `amount` (0 to 1) of `tint`, opaque.
pub(crate) fn blend(base: Color32, tint: Color32, amount: f32) -> Color32 {
    let mix = |a: u8, b: u8| {
        let value = f32::from(a) * (1.0 - amount) + f32::from(b) * amount;
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "clamped to a channel's range"
        )]
        let channel = value.round().clamp(0.0, 255.0) as u8;
        channel
    };
    Color32::from_rgb(
        mix(base.r(), tint.r()),
        mix(base.g(), tint.g()),
        mix(base.b(), tint.b()),
    )
}

/// White marks on coloured symbols (the missing link's `!`).
pub(crate) const ON_SYMBOL: Color32 = Color32::WHITE;
/// The edge of a GeoJSON layer's points.
pub(crate) const LAYER_POINT_EDGE: Color32 = Color32::BLACK;
/// Text on the log-scale badge.
pub(crate) const LOG_BADGE_TEXT: Color32 = Color32::BLACK;

/// Background of error banners.
pub(crate) const ERROR_BACKGROUND: Color32 = Color32::from_rgb(120, 24, 24);
/// Background of notices that are not errors.
pub(crate) const NOTICE_BACKGROUND: Color32 = Color32::from_rgb(90, 70, 10);
/// Text on banners and on the drop overlay.
pub(crate) const BANNER_TEXT: Color32 = Color32::WHITE;
/// The veil over the window while files are dragged onto it.
pub(crate) const DROP_OVERLAY: Color32 = Color32::from_black_alpha(180);
/// The "log scale" badge.
pub(crate) const LOG_BADGE: Color32 = Color32::from_rgb(230, 159, 0);
/// The app's time cursor (the current year) on every view.
pub(crate) const TIME_CURSOR: Color32 = Color32::from_rgb(230, 159, 0);
/// Text on a tag filled with [`TIME_CURSOR`].
pub(crate) const TIME_CURSOR_TEXT: Color32 = Color32::BLACK;
/// A corridor's missing link, and its line in the map key.
pub(crate) const MISSING_LINK: Color32 = Color32::from_rgb(213, 94, 0);
/// The dark edge of map symbols.
pub(crate) const SYMBOL_OUTLINE: Color32 = Color32::from_gray(20);
/// Features of a GeoJSON layer that name no domain.
pub(crate) const LAYER_WITHOUT_DOMAIN: Color32 = SERIES_PALETTE[0];
/// The ring around a selected item.
pub(crate) const SELECTION_RING: Color32 = Color32::from_rgb(240, 60, 60);
/// Text that warns (no rows for the pair chosen, a year only one side reported).
pub(crate) const WARNING_TEXT: Color32 = SERIES_PALETTE[1];
/// The exporter's report in the mirror view.
pub(crate) const MIRROR_EXPORTER: Color32 = SERIES_PALETTE[0];
/// The importer's report in the mirror view.
pub(crate) const MIRROR_IMPORTER: Color32 = SERIES_PALETTE[2];
/// The gap between the two reports in the mirror view.
pub(crate) const MIRROR_GAP: Color32 = SERIES_PALETTE[3];
/// Highlight behind the sources cited by the selection.
pub(crate) const SELECTION_HIGHLIGHT: Color32 = Color32::from_rgba_premultiplied(0, 80, 130, 90);

/// The colour of a domain: Paul Tol's "muted" palette, distinct for the common forms of colour blindness.
pub(crate) fn domain_color(domain: Domain) -> Color32 {
    match domain {
        Domain::Military => Color32::from_rgb(204, 102, 119), // rose
        Domain::Security => Color32::from_rgb(136, 34, 85),   // wine
        Domain::Energy => Color32::from_rgb(221, 204, 119),   // sand
        Domain::Nuclear => Color32::from_rgb(170, 68, 153),   // purple
        Domain::Trade => Color32::from_rgb(17, 119, 51),      // green
        Domain::Finance => Color32::from_rgb(153, 153, 51),   // olive
        Domain::Transport => Color32::from_rgb(68, 170, 153), // teal
        Domain::Diplomacy => Color32::from_rgb(136, 204, 238), // cyan
        Domain::Technology => Color32::from_rgb(51, 34, 136), // indigo
    }
}

/// Colours of the basemap, for a light or a dark theme.
#[derive(Debug, Clone, Copy)]
pub struct MapColors {
    /// Seas and lakes.
    pub(crate) water: Color32,
    /// Land of third countries.
    pub(crate) land: Color32,
    /// Land of the dataset's two parties.
    pub party: Color32,
    /// Country borders.
    pub(crate) border: Color32,
    /// Country names.
    pub(crate) label: Color32,
}

/// The basemap colours for the current theme.
pub fn map_colors(dark_mode: bool) -> MapColors {
    if dark_mode {
        MapColors {
            water: Color32::from_rgb(22, 38, 56),
            land: Color32::from_rgb(58, 58, 54),
            party: Color32::from_rgb(84, 80, 64),
            border: Color32::from_rgb(110, 110, 104),
            label: Color32::from_rgb(190, 190, 180),
        }
    } else {
        MapColors {
            water: Color32::from_rgb(200, 220, 235),
            land: Color32::from_rgb(238, 236, 228),
            party: Color32::from_rgb(246, 228, 190),
            border: Color32::from_rgb(160, 156, 146),
            label: Color32::from_rgb(90, 90, 86),
        }
    }
}

/// The panels' colour: presenter mode's black in high contrast, else egui's own for the
/// dark or light look. The window clears to it every frame.
pub(crate) fn panel_background(dark_mode: bool, high_contrast: bool) -> Color32 {
    if high_contrast {
        high_contrast_visuals().panel_fill
    } else if dark_mode {
        eframe::egui::Visuals::dark().panel_fill
    } else {
        eframe::egui::Visuals::light().panel_fill
    }
}

/// Visuals for presenter mode on a projector: black ground, white type, strong edges.
pub(crate) fn high_contrast_visuals() -> eframe::egui::Visuals {
    let mut visuals = eframe::egui::Visuals::dark();
    visuals.override_text_color = Some(Color32::WHITE);
    visuals.panel_fill = Color32::BLACK;
    visuals.window_fill = Color32::BLACK;
    visuals.extreme_bg_color = Color32::BLACK;
    visuals.faint_bg_color = Color32::from_gray(24);
    visuals.widgets.noninteractive.bg_stroke.color = Color32::from_gray(200);
    visuals
}

/// A texel of a sprite's mask (`views::paint::sprites`): white, `alpha` of it covered; the vertex
/// colour gives the sprite its colour.
pub(crate) fn coverage_texel(alpha: u8) -> Color32 {
    Color32::from_white_alpha(alpha)
}
