//! GeoJSON files (RFC 7946) as map layers: bytes to a checked [`GeoLayer`], with no UI.
//!
//! The reader accepts what RFC 7946 allows at the top level: a FeatureCollection, a
//! single Feature, or a bare geometry (a GeometryCollection included). It is liberal
//! where the specification only recommends — polygon winding order, precision, nested
//! or one-member GeometryCollections, positions with altitude or more numbers (only
//! longitude and latitude are kept), coordinates beyond ±180/±90 (the geojsonhint
//! suite counts such a file as good) — and strict where a file is not GeoJSON: a
//! wrong or missing `type`, coordinates nested wrongly or holding non-numbers,
//! positions with fewer than two numbers, lines with fewer than two positions, rings
//! with fewer than four positions or not closed, missing `features`, `geometry`,
//! `properties` or `coordinates`, members that RFC 7946 §7.1 forbids on an object
//! (`properties` on a FeatureCollection, `features` on a Feature…), a malformed
//! `bbox` or feature `id`, and objects that name the same member twice.
//!
//! Every refusal names the JSON path of the offending value, such as
//! `features[3].geometry.coordinates[0]`, and its line and column.
//!
//! Checks run on a [`serde_json::Value`]; the checked document is then read with the
//! `geojson` crate and flattened into [`GeoShape`]s.
//!
//! The rooms: `strict` reads JSON refusing a member named twice, `check` lists where a
//! document breaks RFC 7946 (each problem at its line and column), `shapes` flattens
//! the checked document, and `properties` reads what a feature's properties say.

mod check;
#[cfg(test)]
mod conformance;
mod properties;
mod shapes;
mod sniff;
mod strict;
pub(crate) use sniff::looks_like_geojson;
#[cfg(test)]
mod test_support;

use std::path::Path;

use ::geojson::GeoJson;
use serde_json::Value;

use self::check::Checker;
use self::shapes::features_of;
use self::strict::StrictValue;
use super::error::{LoadError, LoadErrorKind, LoadErrors};
use super::json::{serde_message, serde_position};
use super::locate::{self, TextPosition};
use super::model::{Domain, Stance, YearSpan};
use super::strip_bom;

/// A layer read from a GeoJSON file.
#[derive(Debug, Clone, PartialEq)]
pub struct GeoLayer {
    /// The layer's name: the file's stem (`borders` for `maps/borders.geojson`).
    pub(crate) name: String,
    /// The features, in file order; a bare geometry becomes one feature without properties.
    pub features: Vec<GeoFeature>,
}

/// One feature of a layer: its shapes and what its properties say about it.
#[derive(Debug, Clone, PartialEq)]
pub struct GeoFeature {
    /// The geometry, flattened: a GeometryCollection and the Multi* types become several
    /// shapes. Empty when the geometry is `null` or has empty coordinates.
    pub shapes: Vec<GeoShape>,
    /// The first non-blank text among the properties `name`, `title` and `NAME`.
    pub(crate) name: Option<String>,
    /// The property `domain`, when it is a [`Domain`] label (case-insensitive).
    pub(crate) domain: Option<Domain>,
    /// The property `stance`, when it is a [`Stance`] label (case-insensitive).
    pub(crate) stance: Option<Stance>,
    /// Years from `start_year`/`end_year`, else `from`/`to`, else `year` (numbers or
    /// numeric text; a missing or `null` end means still active).
    pub(crate) years: Option<YearSpan>,
    /// The property `source`, when it is text, as is.
    pub(crate) source: Option<String>,
    /// Every property not taken into a field above, sorted by name; values are compact
    /// JSON text, except that strings are given without quotes.
    pub(crate) other_properties: Vec<(String, String)>,
}

/// One drawable shape; positions are `[longitude, latitude]` in degrees.
#[derive(Debug, Clone, PartialEq)]
pub enum GeoShape {
    /// A single position.
    Point([f64; 2]),
    /// A line through two or more positions.
    Line(Vec<[f64; 2]>),
    /// A polygon; each ring is closed (its last position repeats its first) and has at
    /// least four positions.
    Polygon {
        /// The outer boundary.
        exterior: Vec<[f64; 2]>,
        /// Holes cut out of the interior.
        holes: Vec<Vec<[f64; 2]>>,
    },
}

impl GeoShape {
    fn positions(&self) -> Box<dyn Iterator<Item = &[f64; 2]> + '_> {
        match self {
            Self::Point(position) => Box::new(std::iter::once(position)),
            Self::Line(positions) => Box::new(positions.iter()),
            Self::Polygon { exterior, holes } => {
                Box::new(exterior.iter().chain(holes.iter().flatten()))
            }
        }
    }
}

impl GeoLayer {
    /// The smallest `([min_lon, min_lat], [max_lon, max_lat])` box holding every
    /// position of every shape, or `None` when the layer has no positions.
    pub fn bounds(&self) -> Option<([f64; 2], [f64; 2])> {
        self.features
            .iter()
            .flat_map(|feature| &feature.shapes)
            .flat_map(GeoShape::positions)
            .fold(None, |bounds, &[lon, lat]| {
                Some(match bounds {
                    None => ([lon, lat], [lon, lat]),
                    Some(([min_lon, min_lat], [max_lon, max_lat])) => (
                        [f64::min(min_lon, lon), f64::min(min_lat, lat)],
                        [f64::max(max_lon, lon), f64::max(max_lat, lat)],
                    ),
                })
            })
    }
}

/// Parses and checks a GeoJSON layer from the bytes of a file.
///
/// `file` names the file in errors, and its stem names the layer. A UTF-8 byte order
/// mark is accepted. Errors give the line and column where there is one.
pub fn parse_geojson_layer(bytes: &[u8], file: &str) -> Result<GeoLayer, LoadErrors> {
    let error_at = |position: Option<TextPosition>, kind: LoadErrorKind| {
        LoadErrors::one(LoadError {
            file: file.to_owned(),
            position,
            kind,
        })
    };

    let bytes = strip_bom(bytes);
    let text = std::str::from_utf8(bytes).map_err(|utf8_error| {
        let valid = bytes.get(..utf8_error.valid_up_to()).unwrap_or_default();
        let valid_text = std::str::from_utf8(valid).unwrap_or_default();
        error_at(
            Some(locate::position_of_offset(valid_text, valid_text.len())),
            LoadErrorKind::NotUtf8,
        )
    })?;

    if text.trim_matches([' ', '\t', '\n', '\r']).is_empty() {
        return Err(error_at(
            None,
            LoadErrorKind::Syntax("the file is empty; a GeoJSON file holds one JSON object".into()),
        ));
    }

    let StrictValue(document) = strict::parse_strict(text).map_err(|error| {
        let message = serde_message(&error);
        let kind = match error.classify() {
            serde_json::error::Category::Data => LoadErrorKind::GeoJson(message),
            _ => LoadErrorKind::Syntax(message),
        };
        error_at(serde_position(&error), kind)
    })?;

    let mut checker = Checker::default();
    checker.document(&document);
    if !checker.problems.is_empty() {
        return Err(checker.into_errors(text, file));
    }

    // Read by the top-level type, so that a foreign `id` on a FeatureCollection or a
    // bare geometry stays foreign (the crate's `GeoJson` would insist on a feature id).
    let root_type = document
        .get("type")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let document = match root_type.as_deref() {
        Some("FeatureCollection") => {
            serde_json::from_value(document).map(GeoJson::FeatureCollection)
        }
        Some("Feature") => serde_json::from_value(document).map(GeoJson::Feature),
        _ => serde_json::from_value(document).map(GeoJson::Geometry),
    }
    .map_err(|error| {
        error_at(
            None,
            LoadErrorKind::GeoJson(format!("{READER_REFUSED}: {error}")),
        )
    })?;
    Ok(GeoLayer {
        name: layer_name(file),
        features: features_of(document),
    })
}

/// How an error from the `geojson` crate starts; the checks above should leave it none.
const READER_REFUSED: &str = "the GeoJSON reader refused the file";

fn layer_name(file: &str) -> String {
    Path::new(file)
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .filter(|stem| !stem.is_empty())
        .unwrap_or_else(|| file.to_owned())
}

const GEOMETRY_TYPES: [&str; 7] = [
    "Point",
    "MultiPoint",
    "LineString",
    "MultiLineString",
    "Polygon",
    "MultiPolygon",
    "GeometryCollection",
];

const OBJECT_TYPES: [&str; 2] = ["FeatureCollection", "Feature"];

#[cfg(test)]
mod tests {
    use serde_json::Map;

    use super::properties::with_properties;
    use super::test_support::*;
    use super::*;

    #[test]
    fn a_feature_collection_loads_in_order_and_is_named_after_the_file() {
        let layer = load(
            r#"{"type": "FeatureCollection", "features": [
                {"type": "Feature", "properties": {"name": "A"},
                 "geometry": {"type": "Point", "coordinates": [51.4, 35.7]}},
                {"type": "Feature", "properties": null,
                 "geometry": {"type": "LineString", "coordinates": [[37.6, 55.8], [51.4, 35.7]]}}
            ]}"#,
        );
        assert_eq!(layer.name, "test");
        assert_eq!(layer.features.len(), 2);
        assert_eq!(layer.features[0].name.as_deref(), Some("A"));
        assert_eq!(
            layer.features[0].shapes,
            vec![GeoShape::Point([51.4, 35.7])]
        );
        assert_eq!(
            layer.features[1].shapes,
            vec![GeoShape::Line(vec![[37.6, 55.8], [51.4, 35.7]])]
        );
        assert_eq!(layer.bounds(), Some(([37.6, 35.7], [51.4, 55.8])));
    }

    #[test]
    fn a_single_feature_loads() {
        let feature = only_feature(
            r#"{"type": "Feature", "id": 7, "properties": {},
                "geometry": {"type": "Polygon", "coordinates": [
                  [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
                  [[2, 2], [2, 4], [4, 4], [2, 2]]]}}"#,
        );
        assert_eq!(
            feature.shapes,
            vec![GeoShape::Polygon {
                exterior: vec![
                    [0.0, 0.0],
                    [10.0, 0.0],
                    [10.0, 10.0],
                    [0.0, 10.0],
                    [0.0, 0.0]
                ],
                holes: vec![vec![[2.0, 2.0], [2.0, 4.0], [4.0, 4.0], [2.0, 2.0]]],
            }]
        );
    }

    #[test]
    fn a_bare_geometry_is_one_feature_without_properties() {
        let feature = only_feature(
            r#"{"type": "MultiPoint", "coordinates": [[1, 2], [3, 4]], "title": "ignored foreign member"}"#,
        );
        assert_eq!(
            feature.shapes,
            vec![GeoShape::Point([1.0, 2.0]), GeoShape::Point([3.0, 4.0])]
        );
        assert_eq!(feature.name, None);
        assert!(feature.other_properties.is_empty());
    }

    #[test]
    fn geometry_collections_and_multi_geometries_are_flattened() {
        let feature = only_feature(
            r#"{"type": "GeometryCollection", "geometries": [
                {"type": "Point", "coordinates": [1, 1]},
                {"type": "GeometryCollection", "geometries": [
                    {"type": "MultiLineString", "coordinates": [[[0, 0], [1, 1]], [[2, 2], [3, 3]]]},
                    {"type": "MultiPolygon", "coordinates": [
                        [[[0, 0], [1, 0], [1, 1], [0, 0]]],
                        [[[5, 5], [6, 5], [6, 6], [5, 5]]]]}
                ]}
            ]}"#,
        );
        assert_eq!(feature.shapes.len(), 5);
        assert!(matches!(feature.shapes[0], GeoShape::Point(_)));
        assert!(matches!(feature.shapes[2], GeoShape::Line(_)));
        assert!(matches!(feature.shapes[4], GeoShape::Polygon { .. }));
    }

    #[test]
    fn null_geometry_and_empty_coordinates_keep_the_feature_without_shapes() {
        let layer = load(
            r#"{"type": "FeatureCollection", "features": [
                {"type": "Feature", "properties": {"name": "nowhere"}, "geometry": null},
                {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": []}},
                {"type": "Feature", "properties": {}, "geometry": {"type": "MultiPoint", "coordinates": []}}
            ]}"#,
        );
        assert_eq!(layer.features.len(), 3);
        assert!(layer.features.iter().all(|f| f.shapes.is_empty()));
        assert_eq!(layer.features[0].name.as_deref(), Some("nowhere"));
        assert_eq!(layer.bounds(), None);
        assert_eq!(
            load(r#"{"type": "FeatureCollection", "features": []}"#)
                .features
                .len(),
            0
        );
    }

    #[test]
    fn altitude_and_further_numbers_are_dropped() {
        let feature = only_feature(
            r#"{"type": "LineString", "coordinates": [[1, 2, 300], [3, 4, 500, 7]], "bbox": [1, 2, 300, 3, 4, 500]}"#,
        );
        assert_eq!(
            feature.shapes,
            vec![GeoShape::Line(vec![[1.0, 2.0], [3.0, 4.0]])]
        );
    }

    #[test]
    fn liberal_where_the_rfc_only_recommends() {
        // Clockwise exterior ring (against the right-hand rule), excess precision.
        let feature = only_feature(
            r#"{"type": "Polygon", "coordinates": [
                [[100, 0], [100, 1], [101.0000000001, 1], [101, 0], [100.0, 0.0]]]}"#,
        );
        assert_eq!(feature.shapes.len(), 1);
    }

    #[test]
    fn foreign_members_are_ignored_whatever_they_hold() {
        for text in [
            r#"{"type": "FeatureCollection", "features": [], "id": {}, "custom": [1]}"#,
            r#"{"type": "Point", "coordinates": [1, 2], "id": true, "crs": {"type": "name"}}"#,
            r#"{"type": "GeometryCollection", "geometries": [{"type": "Point", "coordinates": [1, 2], "id": []}]}"#,
            r#"{"type": "Feature", "properties": null, "geometry": null, "foo": {"type": "Bar", "coordinates": "x"}}"#,
        ] {
            load(text);
        }
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let text = "\u{feff}{\"type\": \"Point\", \"coordinates\": [1, 2]}";
        assert!(parse_geojson_layer(text.as_bytes(), "bom.geojson").is_ok());
    }

    #[test]
    fn bounds_cover_holes_and_every_feature() {
        let layer = GeoLayer {
            name: "x".into(),
            features: vec![with_properties(
                vec![
                    GeoShape::Point([5.0, 5.0]),
                    GeoShape::Polygon {
                        exterior: vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]],
                        holes: vec![vec![[-3.0, 8.0]]],
                    },
                ],
                Map::new(),
            )],
        };
        assert_eq!(layer.bounds(), Some(([-3.0, 0.0], [5.0, 8.0])));
    }
}
