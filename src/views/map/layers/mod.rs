//! The map's layers, bottom to top: countries, areas, corridors, GeoJSON layers, places.
//! Each is a [`MapLayer`] that paints itself from the frame's [`MapScene`] and says what
//! lies under the pointer; the map view runs them in order and knows no more of them.

mod areas;
mod corridors;
mod countries;
mod geojson;
mod places;

use eframe::egui::{Color32, Painter, Pos2, Shape, Stroke};

use super::projector::Projector;
use super::retained::StillKey;
use super::state::MapItem;
use crate::data::geojson::GeoLayer;
use crate::data::{Dataset, Domain, Stance, YearSpan};
use crate::geo::filter::MapFilter;
use crate::geo::world::WorldMap;
use crate::views::theme::MapColors;

pub(crate) use corridors::screen_path as corridor_path;
pub(crate) use places::place_positions;

/// Points within which the pointer hovers a symbol.
const HOVER_POINTS: f32 = 9.0;
/// Points within which the pointer hovers a line.
const HOVER_LINE_POINTS: f32 = HOVER_POINTS * 0.7;

/// Everything a layer needs to draw one frame.
pub(crate) struct MapScene<'a> {
    /// The data.
    pub(crate) dataset: &'a Dataset,
    /// GeoJSON layers opened on top of it.
    pub(crate) layers: &'a [GeoLayer],
    /// The basemap, its projection and the dataset's default frame.
    pub(crate) world: &'a WorldMap,
    /// Screen geometry of this frame.
    pub(crate) projector: &'a Projector<'a>,
    /// Domain and stance toggles.
    pub(crate) filter: &'a MapFilter,
    /// The year shown.
    pub(crate) year: i32,
    /// Basemap colours for the theme.
    pub(crate) colors: MapColors,
    /// Where each place shown is drawn.
    pub(crate) place_positions: &'a [(String, Pos2)],
    /// What the still parts of this frame depend on (see [`super::retained`]).
    pub(crate) still_key: StillKey,
    /// How many times thicker lines and outlines are than in the window (presenting's own).
    pub(crate) line_scale: f32,
    /// How many times bigger names and symbols are than in the window (presenting's own).
    pub(crate) label_scale: f32,
}

impl MapScene<'_> {
    /// Whether a record with these fields is on the map this frame.
    pub(crate) fn shows(&self, domains: &[Domain], stance: Stance, years: YearSpan) -> bool {
        self.filter.shows(self.year, domains, stance, years)
    }
}

/// One kind of thing on the map.
pub(crate) trait MapLayer {
    /// Draws the layer.
    fn paint(&self, painter: &Painter, scene: &MapScene<'_>);

    /// What of this layer is under `pointer`, if anything.
    fn hit_test(&self, _scene: &MapScene<'_>, _pointer: Pos2) -> Option<MapItem> {
        None
    }
}

/// The layers in the order they are painted, bottom first.
pub(crate) const PAINT_ORDER: [&dyn MapLayer; 5] = [
    &countries::Countries,
    &areas::Areas,
    &corridors::Corridors,
    &geojson::GeoJsonLayers,
    &places::Places,
];

/// The layers in the order the pointer finds them: small targets before large ones.
pub(crate) const HIT_ORDER: [&dyn MapLayer; 4] = [
    &places::Places,
    &geojson::GeoJsonLayers,
    &corridors::Corridors,
    &areas::Areas,
];

/// The domain whose colour a place or an area without domains is drawn in.
pub(crate) const PLACE_AND_AREA_FALLBACK: Domain = Domain::Diplomacy;
/// The domain whose colour a corridor without domains is drawn in.
pub(crate) const CORRIDOR_FALLBACK: Domain = Domain::Transport;

/// The domain whose colour a record is drawn in: its first, or `fallback` when it has none.
pub(crate) fn record_domain(domains: &[Domain], fallback: Domain) -> Domain {
    domains.first().copied().unwrap_or(fallback)
}

/// The colour of a record: its first domain's, or `fallback`'s when it has none.
fn record_color(domains: &[Domain], fallback: Domain) -> Color32 {
    crate::views::theme::domain_color(record_domain(domains, fallback))
}

/// Dashes or dots along a closed or open path, by stance, so stance reads without colour:
/// `width` points wide in the window, its width, dashes and gaps `scale` times that.
fn stance_path(
    path: &[Pos2],
    stance: Stance,
    color: Color32,
    (width, scale): (f32, f32),
) -> Vec<Shape> {
    let (width, gap) = (width * scale, scale);
    match stance {
        Stance::Cooperation => vec![Shape::line(path.to_vec(), Stroke::new(width, color))],
        Stance::Divergence => {
            Shape::dashed_line(path, Stroke::new(width, color), 8.0 * gap, 5.0 * gap)
        }
        Stance::Mixed => Shape::dotted_line(path, color, 6.0 * gap, width * 0.8),
        Stance::Context => {
            Shape::dashed_line(path, Stroke::new(width * 0.6, color), 3.0 * gap, 6.0 * gap)
        }
    }
}
