//! Places: a symbol each, shape by kind, colour by domain, fill and edge by stance.

use eframe::egui::{Color32, Mesh, Painter, Pos2, Shape, Stroke, vec2};

use super::{HOVER_POINTS, MapLayer, MapScene, PLACE_AND_AREA_FALLBACK, record_color};
use crate::data::{Place, PlaceKind, Stance};
use crate::views::map::projector::Projector;
use crate::views::map::state::MapItem;
use crate::views::paint::sprites::{SpriteLayer, SpriteShape, SpriteSheet};
use crate::views::theme;

/// A symbol's size in points: the radius of its square, before each kind's own proportions.
const SYMBOL_RADIUS: f32 = 6.5;

/// The dataset's places.
pub(crate) struct Places;

impl MapLayer for Places {
    fn paint(&self, painter: &Painter, scene: &MapScene<'_>) {
        // The positions were computed for the places shown, in dataset order.
        let shown = scene
            .dataset
            .places
            .iter()
            .filter(|p| scene.shows(&p.domains, p.stance, p.years));
        let mut symbols = SymbolMeshes::default();
        let mut masts = Vec::new();
        for (place, (_, center)) in shown.zip(scene.place_positions) {
            symbols.add(painter.ctx(), place, *center, scene);
            if place.kind == PlaceKind::NavalBase {
                masts.push(*center);
            }
        }
        painter.extend(symbols.into_shapes());
        for center in masts {
            painter.line_segment(
                [
                    center + vec2(0.0, -SYMBOL_RADIUS * 0.6 * scene.label_scale),
                    center + vec2(0.0, SYMBOL_RADIUS * 0.6 * scene.label_scale),
                ],
                Stroke::new(1.5 * scene.line_scale, theme::SYMBOL_OUTLINE),
            );
        }
    }

    fn hit_test(&self, scene: &MapScene<'_>, pointer: Pos2) -> Option<MapItem> {
        scene
            .place_positions
            .iter()
            .map(|(id, pos)| (id, pos.distance(pointer)))
            .filter(|(_, distance)| *distance <= HOVER_POINTS)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(id, _)| MapItem::Place(id.clone()))
    }
}

/// Where each place shown in `year` with `filter` is drawn, in dataset order.
pub(crate) fn place_positions(
    places: &[Place],
    projector: &Projector<'_>,
    filter: &crate::geo::filter::MapFilter,
    year: i32,
) -> Vec<(String, Pos2)> {
    places
        .iter()
        .filter(|p| filter.shows(year, &p.domains, p.stance, p.years))
        .map(|p| (p.id.clone(), projector.lon_lat_to_screen([p.lon, p.lat])))
        .collect()
}

/// Places' symbols drawn as sprites: one mesh for each shape and outline width, in the
/// order they are first met.
#[derive(Default)]
struct SymbolMeshes {
    meshes: Vec<((SpriteShape, u32), SpriteSheet, Mesh)>,
}

impl SymbolMeshes {
    /// Adds `place`'s symbol at `center`: shape by kind, colour by domain, fill and outline by
    /// stance, sized as `scene` asks.
    fn add(
        &mut self,
        ctx: &eframe::egui::Context,
        place: &Place,
        center: Pos2,
        scene: &MapScene<'_>,
    ) {
        let (shape, radius) = symbol_shape(place.kind);
        let radius = radius * scene.label_scale;
        let (fill, mut outline) = symbol_colors(place);
        outline.width *= scene.line_scale;
        let key = (shape, outline.width.to_bits());
        let index = if let Some(index) = self.meshes.iter().position(|(k, _, _)| *k == key) {
            index
        } else {
            let sheet = SpriteSheet::get(ctx, shape, radius, outline.width);
            self.meshes.push((key, sheet, sheet.mesh(16)));
            self.meshes.len() - 1
        };
        let (_, sheet, mesh) = &mut self.meshes[index];
        if fill != Color32::TRANSPARENT {
            sheet.add(mesh, center, SpriteLayer::Fill, fill);
        }
        sheet.add(mesh, center, SpriteLayer::Stroke, outline.color);
    }

    /// The meshes, to be painted.
    fn into_shapes(self) -> impl Iterator<Item = Shape> {
        self.meshes
            .into_iter()
            .map(|(_, _, mesh)| Shape::mesh(mesh))
    }
}

/// The shape of a kind of place, and its radius in points.
fn symbol_shape(kind: PlaceKind) -> (SpriteShape, f32) {
    match kind {
        PlaceKind::AirBase => (SpriteShape::Triangle, SYMBOL_RADIUS),
        PlaceKind::NuclearFacility => (SpriteShape::Diamond, SYMBOL_RADIUS * 1.2),
        PlaceKind::Port | PlaceKind::NavalBase => (SpriteShape::Square, SYMBOL_RADIUS),
        PlaceKind::BorderCrossing => (SpriteShape::Hexagon, SYMBOL_RADIUS),
        PlaceKind::City | PlaceKind::Facility | PlaceKind::Region | PlaceKind::Sea => {
            (SpriteShape::Circle, SYMBOL_RADIUS * 0.85)
        }
    }
}

/// A place's fill (its domain's colour, as full as its stance) and outline.
fn symbol_colors(place: &Place) -> (Color32, Stroke) {
    let color = record_color(&place.domains, PLACE_AND_AREA_FALLBACK);
    let fill = theme::stance_fill(place.stance, color);
    let outline = match place.stance {
        Stance::Cooperation => Stroke::new(1.6, theme::SYMBOL_OUTLINE),
        Stance::Divergence => Stroke::new(2.6, color),
        Stance::Mixed => Stroke::new(2.0, color),
        Stance::Context => Stroke::new(1.0, theme::SYMBOL_OUTLINE),
    };
    (fill, outline)
}
