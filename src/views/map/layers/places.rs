//! Places: a symbol each, shape by kind, colour by domain, fill and edge by stance.

use eframe::egui::{Painter, Pos2, Shape, Stroke, vec2};

use super::{HOVER_POINTS, MapLayer, MapScene, record_color};
use crate::data::{Domain, Place, PlaceKind, Stance};
use crate::theme;
use crate::views::map::projector::Projector;
use crate::views::map::state::MapItem;

/// The dataset's places.
pub struct Places;

impl MapLayer for Places {
    fn paint(&self, painter: &Painter, scene: &MapScene<'_>) {
        // The positions were computed for the places shown, in dataset order.
        let shown = scene
            .dataset
            .places
            .iter()
            .filter(|p| scene.shows(&p.domains, p.stance, p.years));
        for (place, (_, center)) in shown.zip(scene.place_positions) {
            paint_symbol(painter, place, *center, 1.0);
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
pub fn place_positions(
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

/// Draws a place's symbol at `center`, `scale` times its normal size.
fn paint_symbol(painter: &Painter, place: &Place, center: Pos2, scale: f32) {
    let color = record_color(&place.domains, Domain::Diplomacy);
    let outline = Stroke::new(1.6 * scale, theme::SYMBOL_OUTLINE);
    let fill = theme::stance_fill(place.stance, color);
    let stroke = match place.stance {
        Stance::Cooperation => outline,
        Stance::Divergence => Stroke::new(2.6 * scale, color),
        Stance::Mixed => Stroke::new(2.0 * scale, color),
        Stance::Context => Stroke::new(1.0 * scale, theme::SYMBOL_OUTLINE),
    };
    let r = 6.5 * scale;
    let polygon = |points: Vec<Pos2>| Shape::convex_polygon(points, fill, stroke);
    let shape = match place.kind {
        PlaceKind::AirBase => polygon(vec![
            center + vec2(0.0, -r * 1.2),
            center + vec2(r, r * 0.8),
            center + vec2(-r, r * 0.8),
        ]),
        PlaceKind::NuclearFacility => polygon(vec![
            center + vec2(0.0, -r * 1.2),
            center + vec2(r * 1.2, 0.0),
            center + vec2(0.0, r * 1.2),
            center + vec2(-r * 1.2, 0.0),
        ]),
        PlaceKind::Port | PlaceKind::NavalBase => polygon(vec![
            center + vec2(-r, -r),
            center + vec2(r, -r),
            center + vec2(r, r),
            center + vec2(-r, r),
        ]),
        PlaceKind::BorderCrossing => polygon(vec![
            center + vec2(-r * 0.5, -r),
            center + vec2(r * 0.5, -r),
            center + vec2(r, 0.0),
            center + vec2(r * 0.5, r),
            center + vec2(-r * 0.5, r),
            center + vec2(-r, 0.0),
        ]),
        PlaceKind::City | PlaceKind::Facility | PlaceKind::Region | PlaceKind::Sea => {
            Shape::Circle(eframe::egui::epaint::CircleShape {
                center,
                radius: r * 0.85,
                fill,
                stroke,
            })
        }
    };
    painter.add(shape);
    if place.kind == PlaceKind::NavalBase {
        painter.line_segment(
            [center + vec2(0.0, -r * 0.6), center + vec2(0.0, r * 0.6)],
            Stroke::new(1.5, theme::SYMBOL_OUTLINE),
        );
    }
}
