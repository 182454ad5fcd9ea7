//! The world basemap: Natural Earth admin-0 countries at 1:50m, decoded from the TopoJSON
//! of world-atlas 2.0.2 that is embedded in the binary (`assets/world-atlas/`).
//!
//! The decoder is written here with `serde_json` rather than taken from the `topojson` crate:
//! its latest release (0.5.1) needs `geojson` older than 0.24, a second copy of a crate
//! Bilateral already uses at version 1, to save about a hundred lines.
//!
//! What decoding does, following the TopoJSON specification:
//! - with a `transform`, arc positions are quantized and delta-encoded: each position is
//!   added to the previous one, then scaled and translated to degrees;
//! - a ring is a list of arc indexes; a negative index `!i` (that is `-i - 1`) means arc `i`
//!   reversed; consecutive arcs share a point, which is kept once;
//! - a `Polygon` is a list of rings (the first is the exterior, the others holes) and a
//!   `MultiPolygon` a list of polygons. Other geometry types, and geometries with no type,
//!   have no area and are skipped.
//!
//! One change is made to the coordinates: a ring that crosses the antimeridian (Russia's
//! Chukotka, Wrangel Island, Fiji) is made continuous, its longitudes running on past ±180°
//! instead of jumping by 360°, so that bounds, point-in-polygon tests and triangulation work
//! on it in the plane. Rings around a pole (Antarctica) are left as they are.

use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt;

use crate::assets::COUNTRIES_50M_TOPOJSON;

use super::rings::{
    label_point, longitude_middle, make_continuous, ring_area_km2, ring_contains, wrap_longitude,
};

/// The name of the object holding the countries in the built-in TopoJSON.
pub(crate) const BUILTIN_OBJECT_NAME: &str = "countries";

/// Why a TopoJSON basemap could not be decoded.
#[derive(Debug, thiserror::Error)]
pub(crate) enum BasemapError {
    /// The basemap embedded in the binary could not be inflated (a broken build).
    #[error("the embedded basemap could not be inflated: {0}")]
    Embedded(#[from] std::io::Error),
    /// The bytes are not JSON, or not JSON of the shape TopoJSON requires.
    #[error("the basemap is not valid TopoJSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The JSON is not a TopoJSON `Topology`.
    #[error("the basemap is not a TopoJSON Topology (its type is {found:?})")]
    NotTopology {
        /// The `type` the document has instead.
        found: String,
    },
    /// The topology has no object of the requested name.
    #[error("the topology has no object named {name:?} (it has: {available})")]
    MissingObject {
        /// The object name asked for.
        name: String,
        /// The names it does have, comma-separated.
        available: String,
    },
    /// A ring refers to an arc that the topology does not have.
    #[error("feature {feature} refers to arc {index}, but the topology has only {arc_count} arcs")]
    ArcIndexOutOfRange {
        /// The feature's name, id or position in the collection.
        feature: String,
        /// The arc index as written in the file (negative for a reversed arc).
        index: i64,
        /// How many arcs the topology has.
        arc_count: usize,
    },
    /// A geometry's `arcs` do not have the nesting its type requires.
    #[error("feature {feature} is malformed: {message}")]
    BadGeometry {
        /// The feature's name, id or position in the collection.
        feature: String,
        /// What is wrong with it.
        message: String,
    },
}

/// All the countries of a basemap, in the order of the file.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Basemap {
    /// Every feature that has an area; each has at least one polygon.
    pub(crate) countries: Vec<Country>,
}

/// One feature of the basemap: a country, or a disputed or dependent territory.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// The TopoJSON feature id: the ISO 3166-1 numeric code as three digits ("364" for Iran,
    /// "643" for Russia). Empty for the features that have none (in world-atlas 2.0.2:
    /// Somaliland, Kosovo, N. Cyprus, Indian Ocean Ter., Siachen Glacier).
    pub(crate) iso_numeric: String,
    /// The feature's `properties.name` ("Iran", "Russia"); empty if it has none.
    pub(crate) name: String,
    /// The country's polygons; never empty.
    pub(crate) polygons: Vec<Polygon>,
    /// The bounds of all the polygons' exteriors. A polygon that crosses the antimeridian
    /// runs past ±180°, so Russia's bounds reach beyond 180° east.
    pub(crate) bounds: LonLatBounds,
    /// A point for the country's label, inside its largest polygon (largest by area on the
    /// sphere); longitude in -180..180.
    ///
    /// It is the area centroid of that polygon (holes subtracted, computed in the
    /// longitude–latitude plane) when the centroid lies inside the polygon. When it does not
    /// (a crescent, a ring around a sea), it is the middle of the widest stretch of the
    /// polygon along the centroid's parallel (or, for a sliver that parallel misses, along
    /// another), which always lies inside; an average of vertices was not used as it can
    /// fall outside just as the centroid can.
    pub(crate) label_lon_lat: [f64; 2],
}

/// One polygon: an exterior ring and the holes cut out of it.
///
/// Rings are closed (the last point repeats the first, as in GeoJSON) and hold `[lon, lat]`
/// in degrees. Their orientation is the file's and is not relied upon.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Polygon {
    /// The outer boundary.
    pub(crate) exterior: Vec<[f64; 2]>,
    /// Boundaries of the areas cut out of the exterior (lakes, enclaves).
    pub(crate) holes: Vec<Vec<[f64; 2]>>,
}

/// An axis-aligned box in longitude and latitude, in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct LonLatBounds {
    /// The western and southern edges: `[min lon, min lat]`.
    pub(crate) min: [f64; 2],
    /// The eastern and northern edges: `[max lon, max lat]`.
    pub(crate) max: [f64; 2],
}

impl LonLatBounds {
    /// The box from `min` (`[west, south]`) to `max` (`[east, north]`).
    pub(crate) fn new(min: [f64; 2], max: [f64; 2]) -> Self {
        Self { min, max }
    }

    /// The smallest box around `points`, or `None` if there are none.
    pub(crate) fn around<'a>(points: impl IntoIterator<Item = &'a [f64; 2]>) -> Option<Self> {
        let mut points = points.into_iter();
        let first = *points.next()?;
        Some(points.fold(Self::new(first, first), |bounds, point| {
            bounds.including(*point)
        }))
    }

    /// This box grown to include `lon_lat`.
    #[must_use]
    pub(crate) fn including(self, lon_lat: [f64; 2]) -> Self {
        Self {
            min: [self.min[0].min(lon_lat[0]), self.min[1].min(lon_lat[1])],
            max: [self.max[0].max(lon_lat[0]), self.max[1].max(lon_lat[1])],
        }
    }

    /// The smallest box holding both boxes.
    #[must_use]
    pub(crate) fn union(self, other: Self) -> Self {
        self.including(other.min).including(other.max)
    }

    #[cfg(test)]
    /// Whether `lon_lat` lies in the box (edges included), comparing longitudes as given.
    pub(crate) fn contains(&self, lon_lat: [f64; 2]) -> bool {
        (self.min[0]..=self.max[0]).contains(&lon_lat[0])
            && (self.min[1]..=self.max[1]).contains(&lon_lat[1])
    }

    #[cfg(test)]
    /// Whether the two boxes overlap (touching counts), comparing longitudes as given.
    pub(crate) fn intersects(&self, other: &Self) -> bool {
        self.min[0] <= other.max[0]
            && other.min[0] <= self.max[0]
            && self.min[1] <= other.max[1]
            && other.min[1] <= self.max[1]
    }

    #[cfg(test)]
    /// Whether the boxes overlap when `other` is also taken shifted by ±360° of longitude,
    /// so that a box reaching past the antimeridian meets one on the other side.
    pub(crate) fn intersects_wrapped(&self, other: &Self) -> bool {
        [0.0, 360.0, -360.0].into_iter().any(|shift| {
            let shifted = Self::new(
                [other.min[0] + shift, other.min[1]],
                [other.max[0] + shift, other.max[1]],
            );
            self.intersects(&shifted)
        })
    }
}

impl Basemap {
    /// The country whose `iso_numeric` is `iso_numeric` ("364"), if any. An empty string
    /// finds nothing, as several features share it.
    pub(crate) fn country(&self, iso_numeric: &str) -> Option<&Country> {
        if iso_numeric.is_empty() {
            return None;
        }
        self.countries
            .iter()
            .find(|country| country.iso_numeric == iso_numeric)
    }

    #[cfg(test)]
    /// The first country containing `lon_lat` (see [`Country::contains`]); `None` at sea.
    pub(crate) fn country_at(&self, lon_lat: [f64; 2]) -> Option<&Country> {
        self.countries
            .iter()
            .find(|country| country.contains(lon_lat))
    }
}

impl Country {
    #[cfg(test)]
    /// Whether `lon_lat` lies inside one of the country's polygons and outside that
    /// polygon's holes. Boundaries count as on one side or the other, consistently for
    /// neighbours. The longitude is also tried shifted by ±360°, so `[-175, 66]` and
    /// `[185, 66]` both find Chukotka.
    pub(crate) fn contains(&self, lon_lat: [f64; 2]) -> bool {
        [0.0, 360.0, -360.0].into_iter().any(|shift| {
            let shifted = [lon_lat[0] + shift, lon_lat[1]];
            self.bounds.contains(shifted)
                && self
                    .polygons
                    .iter()
                    .any(|polygon| polygon.contains(shifted))
        })
    }

    #[cfg(test)]
    /// The country's area in km² on a sphere of radius 6371 km (holes subtracted).
    pub(crate) fn area_km2(&self) -> f64 {
        self.polygons.iter().map(Polygon::area_km2).sum()
    }
}

impl Polygon {
    /// Whether `lon_lat` lies inside the exterior and outside every hole, comparing
    /// longitudes as given (no wrapping; `Country::contains` wraps).
    pub(crate) fn contains(&self, lon_lat: [f64; 2]) -> bool {
        ring_contains(&self.exterior, lon_lat)
            && !self.holes.iter().any(|hole| ring_contains(hole, lon_lat))
    }

    /// The bounds of the exterior ring.
    pub(crate) fn bounds(&self) -> LonLatBounds {
        LonLatBounds::around(&self.exterior).unwrap_or(LonLatBounds::new([0.0; 2], [0.0; 2]))
    }

    /// The polygon's area in km² on a sphere of radius 6371 km, holes subtracted; edges are
    /// taken as straight in the sinusoidal (equal-area) projection, which for the short
    /// edges of 1:50m data is within a fraction of a percent.
    pub(crate) fn area_km2(&self) -> f64 {
        let holes: f64 = self.holes.iter().map(|hole| ring_area_km2(hole)).sum();
        (ring_area_km2(&self.exterior) - holes).max(0.0)
    }
}

/// Decodes the basemap embedded in the binary: world-atlas 2.0.2's `countries-50m.json`.
pub(crate) fn builtin_basemap() -> Result<Basemap, BasemapError> {
    decode_topojson(&COUNTRIES_50M_TOPOJSON.inflate()?, BUILTIN_OBJECT_NAME)
}

/// Decodes the areal features of the object `object_name` (a GeometryCollection, or a
/// single `Polygon` or `MultiPolygon`) of the TopoJSON `bytes`. Features without an area
/// (points, lines, null geometries) are skipped, as are rings of fewer than three distinct
/// points.
pub(crate) fn decode_topojson(bytes: &[u8], object_name: &str) -> Result<Basemap, BasemapError> {
    let topology: RawTopology = serde_json::from_slice(bytes)?;
    if topology.kind != "Topology" {
        return Err(BasemapError::NotTopology {
            found: topology.kind,
        });
    }
    let mut objects = topology.objects;
    let Some(object) = objects.remove(object_name) else {
        return Err(BasemapError::MissingObject {
            name: object_name.to_owned(),
            available: objects.keys().cloned().collect::<Vec<_>>().join(", "),
        });
    };
    let arcs = decode_arcs(topology.arcs, topology.transform.as_ref());
    let geometries = if object.kind.as_deref() == Some("GeometryCollection") {
        object.geometries
    } else {
        vec![object]
    };
    let mut countries = Vec::with_capacity(geometries.len());
    for (position, geometry) in geometries.into_iter().enumerate() {
        if let Some(country) = decode_country(geometry, position, &arcs)? {
            countries.push(country);
        }
    }
    Ok(Basemap { countries })
}

/// The top level of a TopoJSON document.
#[derive(Deserialize)]
struct RawTopology {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    objects: BTreeMap<String, RawGeometry>,
    #[serde(default)]
    arcs: Vec<Vec<Position>>,
    #[serde(default)]
    transform: Option<RawTransform>,
}

/// The quantization transform: position = quantized × scale + translate.
#[derive(Deserialize)]
struct RawTransform {
    scale: [f64; 2],
    translate: [f64; 2],
}

/// A TopoJSON geometry object; `arcs` is read according to `kind` afterwards.
#[derive(Deserialize)]
struct RawGeometry {
    #[serde(rename = "type", default)]
    kind: Option<String>,
    #[serde(default)]
    arcs: Value,
    #[serde(default)]
    geometries: Vec<RawGeometry>,
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    properties: Option<Map<String, Value>>,
}

/// A position's first two numbers; any further ones (elevation…) are ignored.
struct Position([f64; 2]);

impl<'de> Deserialize<'de> for Position {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PositionVisitor;

        impl<'de> Visitor<'de> for PositionVisitor {
            type Value = Position;

            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("a position: an array of at least two numbers")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Position, A::Error> {
                let x = seq
                    .next_element::<f64>()?
                    .ok_or_else(|| de::Error::invalid_length(0, &self))?;
                let y = seq
                    .next_element::<f64>()?
                    .ok_or_else(|| de::Error::invalid_length(1, &self))?;
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Position([x, y]))
            }
        }

        deserializer.deserialize_seq(PositionVisitor)
    }
}

/// Turns the file's arcs into absolute `[lon, lat]` points.
fn decode_arcs(raw: Vec<Vec<Position>>, transform: Option<&RawTransform>) -> Vec<Vec<[f64; 2]>> {
    raw.into_iter()
        .map(|arc| match transform {
            Some(transform) => {
                let mut quantized = [0.0_f64; 2];
                arc.into_iter()
                    .map(|Position(delta)| {
                        quantized[0] += delta[0];
                        quantized[1] += delta[1];
                        [
                            quantized[0] * transform.scale[0] + transform.translate[0],
                            quantized[1] * transform.scale[1] + transform.translate[1],
                        ]
                    })
                    .collect()
            }
            None => arc.into_iter().map(|Position(point)| point).collect(),
        })
        .collect()
}

/// Decodes one geometry into a country, or `None` if it has no area.
fn decode_country(
    geometry: RawGeometry,
    position: usize,
    arcs: &[Vec<[f64; 2]>],
) -> Result<Option<Country>, BasemapError> {
    let iso_numeric = match &geometry.id {
        Some(Value::String(id)) => id.clone(),
        Some(Value::Number(id)) => id.to_string(),
        _ => String::new(),
    };
    let name = geometry
        .properties
        .as_ref()
        .and_then(|properties| properties.get("name"))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let feature = if !name.is_empty() {
        name.clone()
    } else if !iso_numeric.is_empty() {
        format!("id {iso_numeric}")
    } else {
        format!("#{position}")
    };
    let bad_geometry = |error: serde_json::Error| BasemapError::BadGeometry {
        feature: feature.clone(),
        message: error.to_string(),
    };
    let polygon_arcs: Vec<Vec<Vec<i64>>> = match geometry.kind.as_deref() {
        Some("Polygon") => vec![serde_json::from_value(geometry.arcs).map_err(bad_geometry)?],
        Some("MultiPolygon") => serde_json::from_value(geometry.arcs).map_err(bad_geometry)?,
        _ => return Ok(None),
    };
    let mut polygons = Vec::with_capacity(polygon_arcs.len());
    for rings in &polygon_arcs {
        if let Some(polygon) = decode_polygon(rings, arcs, &feature)? {
            polygons.push(polygon);
        }
    }
    let Some(bounds) = polygons
        .iter()
        .map(Polygon::bounds)
        .reduce(LonLatBounds::union)
    else {
        return Ok(None);
    };
    let label_lon_lat = polygons
        .iter()
        .map(|polygon| (polygon.area_km2(), polygon))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map_or(bounds.min, |(_, largest)| label_point(largest));
    Ok(Some(Country {
        iso_numeric,
        name,
        polygons,
        bounds,
        label_lon_lat: [wrap_longitude(label_lon_lat[0]), label_lon_lat[1]],
    }))
}

/// Decodes one polygon's rings; `None` if its exterior is degenerate.
fn decode_polygon(
    rings: &[Vec<i64>],
    arcs: &[Vec<[f64; 2]>],
    feature: &str,
) -> Result<Option<Polygon>, BasemapError> {
    let Some((exterior_arcs, hole_arcs)) = rings.split_first() else {
        return Ok(None);
    };
    let exterior = assemble_ring(exterior_arcs, arcs, feature)?;
    if exterior.len() < 4 {
        return Ok(None);
    }
    let exterior_middle = longitude_middle(&exterior);
    let mut holes = Vec::with_capacity(hole_arcs.len());
    for ring_arcs in hole_arcs {
        let mut hole = assemble_ring(ring_arcs, arcs, feature)?;
        if hole.len() < 4 {
            continue;
        }
        let turns = ((longitude_middle(&hole) - exterior_middle) / 360.0).round();
        if turns != 0.0 {
            for point in &mut hole {
                point[0] -= turns * 360.0;
            }
        }
        holes.push(hole);
    }
    Ok(Some(Polygon { exterior, holes }))
}

/// Joins a ring's arcs into a closed, antimeridian-continuous ring of points.
fn assemble_ring(
    ring_arcs: &[i64],
    arcs: &[Vec<[f64; 2]>],
    feature: &str,
) -> Result<Vec<[f64; 2]>, BasemapError> {
    let mut ring: Vec<[f64; 2]> = Vec::new();
    for &index in ring_arcs {
        let (arc_index, reversed) = if index >= 0 {
            (index, false)
        } else {
            (!index, true)
        };
        let arc = usize::try_from(arc_index)
            .ok()
            .and_then(|arc_index| arcs.get(arc_index))
            .ok_or_else(|| BasemapError::ArcIndexOutOfRange {
                feature: feature.to_owned(),
                index,
                arc_count: arcs.len(),
            })?;
        if arc.is_empty() {
            continue;
        }
        // The previous arc's last point is this arc's first.
        ring.pop();
        if reversed {
            ring.extend(arc.iter().rev());
        } else {
            ring.extend_from_slice(arc);
        }
    }
    if let (Some(&first), Some(&last)) = (ring.first(), ring.last())
        && first != last
    {
        ring.push(first);
    }
    make_continuous(&mut ring);
    Ok(ring)
}

#[cfg(test)]
#[allow(clippy::expect_used)] // Tests may panic with a message.
mod tests {
    use super::*;
    use std::sync::OnceLock;

    /// The built-in basemap, decoded once for all tests.
    fn builtin() -> &'static Basemap {
        static BASEMAP: OnceLock<Basemap> = OnceLock::new();
        BASEMAP.get_or_init(|| builtin_basemap().expect("the built-in basemap decodes"))
    }

    const TEHRAN: [f64; 2] = [51.39, 35.69];
    const MOSCOW: [f64; 2] = [37.62, 55.76];
    const CASPIAN: [f64; 2] = [50.5, 42.0];

    /// Two one-degree squares side by side sharing arc 1 (their common edge), the left one
    /// with a square hole, quantized with scale 0.25 and delta-encoded.
    const TINY: &str = r#"{
        "type": "Topology",
        "transform": {"scale": [0.25, 0.25], "translate": [10, 20]},
        "objects": {"shapes": {"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "id": "001", "properties": {"name": "Left"},
             "arcs": [[1, 0], [2]]},
            {"type": "MultiPolygon", "id": 2, "properties": {"name": "Right"},
             "arcs": [[[3, -2]]]},
            {"type": "Polygon", "properties": {}, "arcs": [[4]]},
            {"type": null},
            {"type": "Point", "coordinates": [0, 0]}
        ]}},
        "arcs": [
            [[4, 4], [-4, 0], [0, -4], [4, 0]],
            [[4, 0], [0, 4]],
            [[1, 1, 7], [2, 0], [0, 2], [-2, 0], [0, -2]],
            [[4, 0], [4, 0], [0, 4], [-4, 0]],
            [[20, 20], [2, 0], [0, 2], [-2, 0], [0, -2]]
        ]
    }"#;

    #[test]
    fn decodes_quantized_delta_arcs_reversal_and_holes() {
        let basemap = decode_topojson(TINY.as_bytes(), "shapes").expect("decodes");
        assert_eq!(
            basemap.countries.len(),
            3,
            "the null and point geometries are skipped"
        );
        let left = &basemap.countries[0];
        assert_eq!(
            (left.iso_numeric.as_str(), left.name.as_str()),
            ("001", "Left")
        );
        assert_eq!(
            left.polygons[0].exterior,
            vec![
                [11.0, 20.0],
                [11.0, 21.0],
                [10.0, 21.0],
                [10.0, 20.0],
                [11.0, 20.0]
            ]
        );
        assert_eq!(left.polygons[0].holes.len(), 1);
        assert_eq!(left.bounds, LonLatBounds::new([10.0, 20.0], [11.0, 21.0]));
        let right = &basemap.countries[1];
        assert_eq!(
            right.iso_numeric, "2",
            "a numeric id becomes its decimal text"
        );
        assert_eq!(
            right.polygons[0].exterior,
            vec![
                [11.0, 20.0],
                [12.0, 20.0],
                [12.0, 21.0],
                [11.0, 21.0],
                [11.0, 20.0]
            ],
            "arc -2 is arc 1 reversed, sharing its end points with arc 3"
        );
        assert_eq!(basemap.countries[2].iso_numeric, "", "no id: empty string");
        assert!(left.contains([10.1, 20.9]));
        assert!(!left.contains([10.5, 20.5]), "inside the hole");
        assert!(right.contains([11.5, 20.5]));
        assert!(!right.contains([10.5, 20.5]));
        assert!(left.contains(left.label_lon_lat));
        assert!(right.contains(right.label_lon_lat));
        assert!((right.area_km2() - 111.2 * 111.2 * 20.5_f64.to_radians().cos()).abs() < 100.0);
        assert_eq!(basemap.country("2").map(|c| c.name.as_str()), Some("Right"));
        assert!(basemap.country("").is_none());
    }

    #[test]
    fn decodes_absolute_arcs_without_transform() {
        let json = r#"{"type": "Topology", "objects": {"one": {"type": "Polygon",
            "arcs": [[0]], "id": "9"}},
            "arcs": [[[0.5, 0.5], [1.5, 0.5], [1.5, 1.5], [0.5, 0.5]]]}"#;
        let basemap = decode_topojson(json.as_bytes(), "one").expect("decodes");
        assert_eq!(
            basemap.countries[0].polygons[0].exterior,
            vec![[0.5, 0.5], [1.5, 0.5], [1.5, 1.5], [0.5, 0.5]]
        );
    }

    #[test]
    fn reports_bad_input_clearly() {
        let error = decode_topojson(b"{not json", "countries").expect_err("bad JSON");
        assert!(
            error
                .to_string()
                .starts_with("the basemap is not valid TopoJSON")
        );

        let error = decode_topojson(br#"{"type": "FeatureCollection"}"#, "x").expect_err("type");
        assert!(
            error.to_string().contains("\"FeatureCollection\""),
            "{error}"
        );

        let error = decode_topojson(TINY.as_bytes(), "countries").expect_err("missing");
        assert_eq!(
            error.to_string(),
            "the topology has no object named \"countries\" (it has: shapes)"
        );

        let json = r#"{"type": "Topology", "objects": {"o": {"type": "Polygon",
            "properties": {"name": "Atlantis"}, "arcs": [[0, -3]]}},
            "arcs": [[[0, 0], [1, 0], [0, 1], [0, 0]]]}"#;
        let error = decode_topojson(json.as_bytes(), "o").expect_err("out of range");
        assert_eq!(
            error.to_string(),
            "feature Atlantis refers to arc -3, but the topology has only 1 arcs"
        );

        let json = r#"{"type": "Topology", "objects": {"o": {"type": "MultiPolygon",
            "arcs": [[0]]}}, "arcs": [[[0, 0], [1, 0], [0, 1], [0, 0]]]}"#;
        let error = decode_topojson(json.as_bytes(), "o").expect_err("bad nesting");
        assert!(
            error.to_string().starts_with("feature #0 is malformed"),
            "{error}"
        );
    }

    #[test]
    fn builtin_has_the_caspian_neighbours() {
        let basemap = builtin();
        assert!(basemap.countries.len() > 200);
        for (iso, name) in [
            ("364", "Iran"),
            ("643", "Russia"),
            ("398", "Kazakhstan"),
            ("795", "Turkmenistan"),
            ("031", "Azerbaijan"),
        ] {
            let country = basemap.country(iso).expect(name);
            assert_eq!(country.name, name);
            assert!(!country.polygons.is_empty());
        }
        let without_id = basemap
            .countries
            .iter()
            .filter(|country| country.iso_numeric.is_empty())
            .count();
        assert_eq!(without_id, 5, "Somaliland, Kosovo, N. Cyprus, …");
    }

    #[test]
    fn point_in_country_honours_the_caspian() {
        let basemap = builtin();
        let iran = basemap.country("364").expect("Iran");
        let russia = basemap.country("643").expect("Russia");
        assert!(iran.contains(TEHRAN));
        assert!(!russia.contains(TEHRAN));
        assert!(russia.contains(MOSCOW));
        assert!(!iran.contains(MOSCOW));
        assert_eq!(
            basemap.country_at(TEHRAN).map(|c| c.iso_numeric.as_str()),
            Some("364")
        );
        assert_eq!(
            basemap.country_at(MOSCOW).map(|c| c.iso_numeric.as_str()),
            Some("643")
        );
        assert!(
            basemap.country_at(CASPIAN).is_none(),
            "the Caspian is in {:?}",
            basemap.country_at(CASPIAN).map(|c| &c.name)
        );
    }

    #[test]
    fn antimeridian_rings_are_continuous() {
        let basemap = builtin();
        let russia = basemap.country("643").expect("Russia");
        assert!(russia.bounds.max[0] > 180.0, "Chukotka runs past 180°");
        for point in [[172.0, 66.0], [-175.0, 66.5], [185.0, 66.5], [90.0, 66.5]] {
            assert!(russia.contains(point), "{point:?} is in Russia");
        }
        // Without the unwrapping, the parallels between the two crossings of Russia's main
        // ring (about 65°N to 69°N) would be in Russia all round the world.
        let rovaniemi = [25.73, 66.5];
        assert_eq!(
            basemap.country_at(rovaniemi).map(|c| c.name.as_str()),
            Some("Finland")
        );
        assert!(
            basemap
                .country_at([-155.0, 66.5])
                .is_some_and(|c| c.iso_numeric == "840")
        );
        for country in &basemap.countries {
            for polygon in &country.polygons {
                for pair in polygon.exterior.windows(2) {
                    let step = (pair[1][0] - pair[0][0]).abs();
                    assert!(
                        step < 180.0 || country.name == "Antarctica",
                        "{} jumps {step}°",
                        country.name
                    );
                }
            }
        }
    }

    #[test]
    fn labels_lie_inside_their_country() {
        for country in &builtin().countries {
            let [lon, lat] = country.label_lon_lat;
            assert!((-180.0..180.0).contains(&lon) && (-90.0..=90.0).contains(&lat));
            assert!(
                country.contains(country.label_lon_lat),
                "{}'s label {:?} is outside it",
                country.name,
                country.label_lon_lat
            );
        }
        let iran = builtin().country("364").expect("Iran");
        let [lon, lat] = iran.label_lon_lat;
        assert!(
            (50.0..58.0).contains(&lon) && (30.0..36.0).contains(&lat),
            "{lon}, {lat}"
        );
    }

    #[test]
    fn areas_match_the_real_ones() {
        let basemap = builtin();
        for (iso, real_km2) in [
            ("364", 1_648_195.0),
            ("643", 17_098_246.0),
            ("398", 2_724_900.0),
        ] {
            let area = basemap.country(iso).expect(iso).area_km2();
            assert!(
                (area / real_km2 - 1.0).abs() < 0.05,
                "{iso}: {area} km² against {real_km2}"
            );
        }
    }
}
