//! Flattening the checked document into shapes: GeometryCollections and the Multi* types
//! become several shapes, positions keep only longitude and latitude.

use ::geojson::{Feature, GeoJson, Geometry, GeometryValue, Position};
use serde_json::Map;

use super::properties::with_properties;
use super::{GeoFeature, GeoShape};

pub(super) fn features_of(document: GeoJson) -> Vec<GeoFeature> {
    match document {
        GeoJson::FeatureCollection(collection) => {
            collection.features.into_iter().map(feature_of).collect()
        }
        GeoJson::Feature(feature) => vec![feature_of(feature)],
        GeoJson::Geometry(geometry) => {
            let mut shapes = Vec::new();
            shapes_of(&geometry, &mut shapes);
            vec![with_properties(shapes, Map::new())]
        }
    }
}

fn feature_of(feature: Feature) -> GeoFeature {
    let mut shapes = Vec::new();
    if let Some(geometry) = &feature.geometry {
        shapes_of(geometry, &mut shapes);
    }
    with_properties(shapes, feature.properties.unwrap_or_default())
}

fn shapes_of(geometry: &Geometry, shapes: &mut Vec<GeoShape>) {
    match &geometry.value {
        GeometryValue::Point { coordinates } => {
            shapes.extend(lon_lat(coordinates).map(GeoShape::Point));
        }
        GeometryValue::MultiPoint { coordinates } => {
            shapes.extend(coordinates.iter().filter_map(lon_lat).map(GeoShape::Point));
        }
        GeometryValue::LineString { coordinates } => shapes.push(GeoShape::Line(path(coordinates))),
        GeometryValue::MultiLineString { coordinates } => {
            shapes.extend(coordinates.iter().map(|line| GeoShape::Line(path(line))));
        }
        GeometryValue::Polygon { coordinates } => shapes.extend(polygon(coordinates)),
        GeometryValue::MultiPolygon { coordinates } => {
            shapes.extend(coordinates.iter().filter_map(|rings| polygon(rings)));
        }
        GeometryValue::GeometryCollection { geometries } => {
            for member in geometries {
                shapes_of(member, shapes);
            }
        }
    }
}

fn lon_lat(position: &Position) -> Option<[f64; 2]> {
    match position.as_slice() {
        [lon, lat, ..] => Some([*lon, *lat]),
        _ => None,
    }
}

fn path(positions: &[Position]) -> Vec<[f64; 2]> {
    positions.iter().filter_map(lon_lat).collect()
}

/// A polygon from its rings, or `None` for an empty polygon.
fn polygon(rings: &[Vec<Position>]) -> Option<GeoShape> {
    let (exterior, holes) = rings.split_first()?;
    Some(GeoShape::Polygon {
        exterior: path(exterior),
        holes: holes.iter().map(|hole| path(hole)).collect(),
    })
}
