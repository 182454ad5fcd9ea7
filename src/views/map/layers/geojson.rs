//! GeoJSON layers the user opened: points, lines and polygons, coloured by domain and
//! edged by stance where their properties give them.

use eframe::egui::{Painter, Pos2, Stroke};

use super::{HOVER_LINE_POINTS, HOVER_POINTS, MapLayer, MapScene, stance_path};
use crate::data::Stance;
use crate::data::geojson::{GeoFeature, GeoShape};
use crate::views::map::projector::near_path;
use crate::views::map::state::MapItem;
use crate::views::theme;

/// Every GeoJSON layer opened on the map.
pub(crate) struct GeoJsonLayers;

impl MapLayer for GeoJsonLayers {
    fn paint(&self, painter: &Painter, scene: &MapScene<'_>) {
        let projector = scene.projector;
        for (_, _, feature) in shown_features(scene) {
            let color = feature
                .domain
                .map_or(theme::LAYER_WITHOUT_DOMAIN, theme::domain_color);
            let stance = feature.stance.unwrap_or(Stance::Cooperation);
            for shape in &feature.shapes {
                match shape {
                    GeoShape::Point(lon_lat) => {
                        painter.circle(
                            projector.lon_lat_to_screen(*lon_lat),
                            4.5 * scene.label_scale,
                            color.gamma_multiply(0.8),
                            Stroke::new(1.5 * scene.line_scale, theme::LAYER_POINT_EDGE),
                        );
                    }
                    GeoShape::Line(line) => {
                        painter.extend(stance_path(
                            &projector.path_to_screen(line),
                            stance,
                            color,
                            (2.0, scene.line_scale),
                        ));
                    }
                    GeoShape::Polygon { exterior, holes } => {
                        for ring in std::iter::once(exterior).chain(holes) {
                            let path = projector.path_to_screen(ring);
                            painter.extend(stance_path(
                                &path,
                                stance,
                                color,
                                (1.8, scene.line_scale),
                            ));
                        }
                    }
                }
            }
        }
    }

    fn hit_test(&self, scene: &MapScene<'_>, pointer: Pos2) -> Option<MapItem> {
        let projector = scene.projector;
        shown_features(scene)
            .find(|(_, _, feature)| {
                feature.shapes.iter().any(|shape| match shape {
                    GeoShape::Point(p) => {
                        projector.lon_lat_to_screen(*p).distance(pointer) <= HOVER_POINTS
                    }
                    GeoShape::Line(line) => {
                        near_path(&projector.path_to_screen(line), pointer, HOVER_LINE_POINTS)
                    }
                    GeoShape::Polygon { exterior, .. } => near_path(
                        &projector.path_to_screen(exterior),
                        pointer,
                        HOVER_LINE_POINTS,
                    ),
                })
            })
            .map(|(layer, feature, _)| MapItem::Feature { layer, feature })
    }
}

/// The features shown this year with the filters, with their layer and feature indices.
fn shown_features<'a>(
    scene: &'a MapScene<'_>,
) -> impl Iterator<Item = (usize, usize, &'a GeoFeature)> + 'a {
    scene
        .layers
        .iter()
        .enumerate()
        .flat_map(|(layer_index, layer)| {
            layer
                .features
                .iter()
                .enumerate()
                .map(move |(feature_index, feature)| (layer_index, feature_index, feature))
        })
        .filter(|(_, _, f)| {
            scene
                .filter
                .shows_optional(scene.year, f.domain, f.stance, f.years)
        })
}
