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

use super::json::json_kind;
use std::fmt;
use std::path::Path;

use ::geojson::{Feature, GeoJson, Geometry, GeometryValue, Position};
use serde::Deserialize;
use serde::de::{self, DeserializeOwned, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::error::{LoadError, LoadErrorKind, LoadErrors};
use super::json::{serde_message, serde_position};
use super::locate::{self, JsonPath, PathStep, TextPosition};
use super::model::{Domain, Stance, YearSpan};
use super::strip_bom;

/// A layer read from a GeoJSON file.
#[derive(Debug, Clone, PartialEq)]
pub struct GeoLayer {
    /// The layer's name: the file's stem (`borders` for `maps/borders.geojson`).
    pub name: String,
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
    pub name: Option<String>,
    /// The property `domain`, when it is a [`Domain`] label (case-insensitive).
    pub domain: Option<Domain>,
    /// The property `stance`, when it is a [`Stance`] label (case-insensitive).
    pub stance: Option<Stance>,
    /// Years from `start_year`/`end_year`, else `from`/`to`, else `year` (numbers or
    /// numeric text; a missing or `null` end means still active).
    pub years: Option<YearSpan>,
    /// The property `source`, when it is text, as is.
    pub source: Option<String>,
    /// Every property not taken into a field above, sorted by name; values are compact
    /// JSON text, except that strings are given without quotes.
    pub other_properties: Vec<(String, String)>,
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

    let StrictValue(document) = serde_json::from_str(text).map_err(|error| {
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

// ---------------------------------------------------------------------------
// Reading JSON with duplicate members refused

/// A JSON value read like [`serde_json::Value`], except that an object naming the same
/// member twice is refused: which of the two counts would be a guess.
struct StrictValue(Value);

impl<'de> Deserialize<'de> for StrictValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StrictVisitor).map(StrictValue)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a JSON value")
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Value, E> {
        serde_json::Number::from_f64(value)
            .map(Value::Number)
            .ok_or_else(|| E::custom("a number must be finite"))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        StrictValue::deserialize(deserializer).map(|StrictValue(value)| value)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(StrictValue(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                return Err(de::Error::custom(format!(
                    "the member {key:?} appears twice in one object; which one counts would be a guess"
                )));
            }
            let StrictValue(value) = map.next_value()?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

// ---------------------------------------------------------------------------
// Checking the document against RFC 7946

/// At most this many problems are listed; the rest are counted.
const MAX_LISTED: usize = 20;

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

/// True for JSON whose top level is an object with a GeoJSON `type` and no dataset
/// `metadata`: how a `.json` file is told apart from a Bilateral dataset.
pub fn looks_like_geojson(bytes: &[u8]) -> bool {
    match serde_json::from_slice::<serde_json::Value>(strip_bom(bytes)) {
        Ok(serde_json::Value::Object(object)) => {
            !object.contains_key("metadata")
                && object
                    .get("type")
                    .and_then(serde_json::Value::as_str)
                    .is_some_and(|kind| {
                        GEOMETRY_TYPES.contains(&kind) || OBJECT_TYPES.contains(&kind)
                    })
        }
        _ => false,
    }
}

/// Walks a JSON document and lists where it breaks RFC 7946.
#[derive(Default)]
struct Checker {
    /// The path of the value being checked.
    path: Vec<PathStep>,
    /// Problems found so far, each at its path.
    problems: Vec<(JsonPath, String)>,
    /// Problems found beyond [`MAX_LISTED`].
    unlisted: usize,
    /// The type of the geometry whose coordinates are being checked, for messages.
    geometry_type: &'static str,
}

fn key(name: &str) -> PathStep {
    PathStep::Key(name.to_owned())
}

impl Checker {
    fn report(&mut self, message: impl Into<String>) {
        if self.problems.len() < MAX_LISTED {
            self.problems
                .push((JsonPath(self.path.clone()), message.into()));
        } else {
            self.unlisted += 1;
        }
    }

    fn report_at(&mut self, step: PathStep, message: impl Into<String>) {
        self.within(step, |checker| checker.report(message));
    }

    fn reported(&self) -> usize {
        self.problems.len() + self.unlisted
    }

    fn within<R>(&mut self, step: PathStep, check: impl FnOnce(&mut Self) -> R) -> R {
        self.path.push(step);
        let result = check(self);
        self.path.pop();
        result
    }

    fn into_errors(self, text: &str, file: &str) -> LoadErrors {
        let mut errors: Vec<LoadError> = self
            .problems
            .into_iter()
            .map(|(path, message)| {
                let place = if path.0.is_empty() {
                    "at the top level".to_owned()
                } else {
                    format!("at `{path}`")
                };
                LoadError {
                    file: file.to_owned(),
                    position: Some(locate::locate(text, &path)),
                    kind: LoadErrorKind::GeoJson(format!("{message} ({place})")),
                }
            })
            .collect();
        if self.unlisted > 0 {
            errors.push(LoadError {
                file: file.to_owned(),
                position: None,
                kind: LoadErrorKind::GeoJson(format!(
                    "and {} more problems, not listed",
                    self.unlisted
                )),
            });
        }
        LoadErrors(errors)
    }

    fn document(&mut self, value: &Value) {
        let Some(object) = value.as_object() else {
            self.report(format!(
                "the top level of a GeoJSON file must be an object, found {}",
                json_kind(value)
            ));
            return;
        };
        match self.type_of(object) {
            Some("FeatureCollection") => self.feature_collection(object),
            Some("Feature") => self.feature(object),
            Some(name) => match geometry_type(name) {
                Some(geometry) => self.geometry_members(geometry, object),
                None => self.unknown_type(name, "FeatureCollection, Feature or a geometry type"),
            },
            None => {}
        }
    }

    /// The object's `type`, or `None` after reporting why there is none.
    fn type_of<'v>(&mut self, object: &'v Map<String, Value>) -> Option<&'v str> {
        match object.get("type") {
            None => {
                self.report("this object has no `type` member; every GeoJSON object needs one");
                None
            }
            Some(Value::String(name)) => Some(name),
            Some(other) => {
                self.report_at(
                    key("type"),
                    format!("`type` must be a string, found {}", json_kind(other)),
                );
                None
            }
        }
    }

    fn unknown_type(&mut self, name: &str, expected: &str) {
        let known = OBJECT_TYPES
            .iter()
            .chain(&GEOMETRY_TYPES)
            .find(|known| known.eq_ignore_ascii_case(name));
        let message = match known {
            Some(known) => format!(
                "type {name:?} is not a GeoJSON type; types are case-sensitive: write {known:?}"
            ),
            None => format!("unknown type {name:?}; expected {expected}"),
        };
        self.report_at(key("type"), message);
    }

    fn forbidden(&mut self, object: &Map<String, Value>, what: &str, members: &[&str]) {
        for member in members {
            if object.contains_key(*member) {
                self.report_at(
                    key(member),
                    format!(
                        "{what} must not have a `{member}` member (RFC 7946 §7.1 reserves it for other kinds of object)"
                    ),
                );
            }
        }
    }

    fn bbox(&mut self, object: &Map<String, Value>) {
        let Some(bbox) = object.get("bbox") else {
            return;
        };
        self.within(key("bbox"), |checker| {
            let Value::Array(numbers) = bbox else {
                checker.report(format!(
                    "`bbox` must be an array of numbers, found {}",
                    json_kind(bbox)
                ));
                return;
            };
            if let Some((index, other)) = numbers
                .iter()
                .enumerate()
                .find(|(_, number)| !number.as_f64().is_some_and(f64::is_finite))
            {
                checker.report_at(
                    PathStep::Index(index),
                    format!(
                        "each element of `bbox` must be a number, found {}",
                        json_kind(other)
                    ),
                );
            } else if numbers.len() < 4 || numbers.len() % 2 != 0 {
                checker.report(format!(
                    "`bbox` must hold 4 numbers (west, south, east, north), or 6 with altitudes; found {}",
                    numbers.len()
                ));
            }
        });
    }

    fn feature_collection(&mut self, object: &Map<String, Value>) {
        self.bbox(object);
        self.forbidden(
            object,
            "a FeatureCollection",
            &["coordinates", "geometries", "geometry", "properties"],
        );
        match object.get("features") {
            None => self.report("a FeatureCollection needs a `features` array"),
            Some(Value::Array(features)) => self.within(key("features"), |checker| {
                for (index, feature) in features.iter().enumerate() {
                    checker.within(PathStep::Index(index), |checker| {
                        checker.collection_member(feature);
                    });
                }
            }),
            Some(other) => self.report_at(
                key("features"),
                format!("`features` must be an array, found {}", json_kind(other)),
            ),
        }
    }

    fn collection_member(&mut self, value: &Value) {
        let Some(object) = value.as_object() else {
            self.report(format!(
                "every member of `features` must be a Feature object, found {}",
                json_kind(value)
            ));
            return;
        };
        match self.type_of(object) {
            Some("Feature") => self.feature(object),
            Some(name) if geometry_type(name).is_some() || name == "FeatureCollection" => self
                .report_at(
                    key("type"),
                    format!("every member of `features` must be a Feature, found a {name}"),
                ),
            Some(name) => self.unknown_type(name, "\"Feature\""),
            None => {}
        }
    }

    fn feature(&mut self, object: &Map<String, Value>) {
        self.bbox(object);
        self.forbidden(
            object,
            "a Feature",
            &["coordinates", "geometries", "features"],
        );
        if let Some(id) = object.get("id")
            && !(id.is_string() || id.is_number())
        {
            self.report_at(
                key("id"),
                format!(
                    "a feature `id` must be a string or a number, found {}",
                    json_kind(id)
                ),
            );
        }
        match object.get("properties") {
            None => self.report(
                "a Feature needs a `properties` member (an object, or null when there are none)",
            ),
            Some(Value::Object(_) | Value::Null) => {}
            Some(other) => self.report_at(
                key("properties"),
                format!(
                    "`properties` must be an object or null, found {}",
                    json_kind(other)
                ),
            ),
        }
        match object.get("geometry") {
            None => self.report(
                "a Feature needs a `geometry` member (a geometry object, or null when it has no location)",
            ),
            Some(Value::Null) => {}
            Some(geometry) => self.within(key("geometry"), |checker| checker.geometry(geometry)),
        }
    }

    fn geometry(&mut self, value: &Value) {
        let Some(object) = value.as_object() else {
            self.report(format!(
                "expected a geometry object, found {}",
                json_kind(value)
            ));
            return;
        };
        let Some(name) = self.type_of(object) else {
            return;
        };
        match geometry_type(name) {
            Some(geometry) => self.geometry_members(geometry, object),
            None if OBJECT_TYPES.contains(&name) => self.report_at(
                key("type"),
                format!("expected a geometry here, found a {name}"),
            ),
            None => self.unknown_type(
                name,
                "a geometry type (Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon or GeometryCollection)",
            ),
        }
    }

    fn geometry_members(&mut self, geometry: &'static str, object: &Map<String, Value>) {
        self.bbox(object);
        self.forbidden(
            object,
            "a geometry",
            &["geometry", "properties", "features"],
        );
        if geometry == "GeometryCollection" {
            if object.contains_key("coordinates") {
                self.report_at(
                    key("coordinates"),
                    "a GeometryCollection must not have a `coordinates` member; its geometries carry the coordinates",
                );
            }
            match object.get("geometries") {
                None => self.report("a GeometryCollection needs a `geometries` array"),
                Some(Value::Array(members)) => self.within(key("geometries"), |checker| {
                    for (index, member) in members.iter().enumerate() {
                        checker.within(PathStep::Index(index), |checker| checker.geometry(member));
                    }
                }),
                Some(other) => self.report_at(
                    key("geometries"),
                    format!("`geometries` must be an array, found {}", json_kind(other)),
                ),
            }
            return;
        }
        if object.contains_key("geometries") {
            self.report_at(
                key("geometries"),
                format!("a {geometry} must not have a `geometries` member; only a GeometryCollection has one"),
            );
        }
        let Some(coordinates) = object.get("coordinates") else {
            self.report(format!("a {geometry} needs a `coordinates` member"));
            return;
        };
        self.geometry_type = geometry;
        self.within(key("coordinates"), |checker| match geometry {
            "Point" => checker.position(coordinates),
            "MultiPoint" => {
                checker.array_of(
                    coordinates,
                    "an array of positions",
                    "a position (an array of 2 or more numbers)",
                    Self::position,
                );
            }
            "LineString" => checker.line(coordinates),
            "MultiLineString" => {
                checker.array_of(
                    coordinates,
                    "an array of lines",
                    "a line (an array of positions)",
                    Self::line,
                );
            }
            "Polygon" => checker.polygon(coordinates, false),
            _ => {
                checker.array_of(
                    coordinates,
                    "an array of polygons",
                    "a polygon (an array of linear rings)",
                    |checker, polygon| checker.polygon(polygon, true),
                );
            }
        });
    }

    /// "expected X, found Y", with a hint when a number sits where an array belongs.
    fn nesting_message(&self, expected: &str, found: &Value) -> String {
        let hint = if found.is_number() {
            format!(
                ": the coordinates are not nested deeply enough for a {}",
                self.geometry_type
            )
        } else {
            String::new()
        };
        format!("expected {expected}, found {}{hint}", json_kind(found))
    }

    fn expect_array<'v>(&mut self, value: &'v Value, what: &str) -> Option<&'v [Value]> {
        match value {
            Value::Array(items) => Some(items),
            other => {
                let message = self.nesting_message(what, other);
                self.report(message);
                None
            }
        }
    }

    /// Checks that `value` is an array of arrays, each checked by `check`; stops at the
    /// first element that is not an array, so that one wrong nesting is told once.
    fn array_of<'v>(
        &mut self,
        value: &'v Value,
        what: &str,
        element: &str,
        check: impl Fn(&mut Self, &'v Value),
    ) -> Option<&'v [Value]> {
        let items = self.expect_array(value, what)?;
        for (index, item) in items.iter().enumerate() {
            if !item.is_array() {
                let message = self.nesting_message(element, item);
                self.report_at(PathStep::Index(index), message);
                return None;
            }
            self.within(PathStep::Index(index), |checker| check(checker, item));
        }
        Some(items)
    }

    fn position(&mut self, value: &Value) {
        let Some(numbers) = self.expect_array(
            value,
            "a position (an array of 2 or more numbers: longitude, latitude)",
        ) else {
            return;
        };
        for (index, number) in numbers.iter().enumerate() {
            let message = match number {
                Value::Number(number) if number.as_f64().is_some_and(f64::is_finite) => continue,
                Value::Number(_) => "a coordinate must be a finite number".to_owned(),
                Value::Array(_) => format!(
                    "expected a number, found an array: the coordinates are nested too deeply for a {}",
                    self.geometry_type
                ),
                other => format!(
                    "each element of a position must be a number, found {}",
                    json_kind(other)
                ),
            };
            self.report_at(PathStep::Index(index), message);
            return;
        }
        if numbers.len() < 2 {
            self.report(format!(
                "a position needs at least 2 numbers (longitude, latitude), found {}",
                numbers.len()
            ));
        }
    }

    fn line(&mut self, value: &Value) {
        if let Some(positions) = self.array_of(
            value,
            "a line (an array of positions)",
            "a position",
            Self::position,
        ) && positions.len() < 2
        {
            self.report(format!(
                "a line needs at least 2 positions, found {}",
                positions.len()
            ));
        }
    }

    fn polygon(&mut self, value: &Value, in_multi_polygon: bool) {
        if let Some(rings) = self.array_of(
            value,
            "a polygon (an array of linear rings)",
            "a linear ring (an array of positions)",
            Self::ring,
        ) && rings.is_empty()
            && in_multi_polygon
        {
            self.report("a polygon inside a MultiPolygon needs at least one ring");
        }
    }

    fn ring(&mut self, value: &Value) {
        let before = self.reported();
        let Some(positions) = self.array_of(
            value,
            "a linear ring (an array of positions)",
            "a position",
            Self::position,
        ) else {
            return;
        };
        if positions.len() < 4 {
            self.report(format!(
                "a linear ring needs at least 4 positions (the first repeated as the last), found {}",
                positions.len()
            ));
        } else if self.reported() == before
            && let (Some(first), Some(last)) = (positions.first(), positions.last())
            && !same_position(first, last)
        {
            self.report(format!(
                "a linear ring must be closed, but its last position {last} differs from its first {first}"
            ));
        }
    }
}

fn geometry_type(name: &str) -> Option<&'static str> {
    GEOMETRY_TYPES.iter().copied().find(|known| *known == name)
}

/// Whether two positions hold the same numbers (`100` and `100.0` are the same).
fn same_position(first: &Value, last: &Value) -> bool {
    match (first, last) {
        (Value::Array(first), Value::Array(last)) => first
            .iter()
            .map(Value::as_f64)
            .eq(last.iter().map(Value::as_f64)),
        _ => false,
    }
}

// ---------------------------------------------------------------------------
// Flattening the checked document into a layer

fn features_of(document: GeoJson) -> Vec<GeoFeature> {
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
            shapes.extend(lon_lat(coordinates).map(GeoShape::Point))
        }
        GeometryValue::MultiPoint { coordinates } => {
            shapes.extend(coordinates.iter().filter_map(lon_lat).map(GeoShape::Point))
        }
        GeometryValue::LineString { coordinates } => shapes.push(GeoShape::Line(path(coordinates))),
        GeometryValue::MultiLineString { coordinates } => {
            shapes.extend(coordinates.iter().map(|line| GeoShape::Line(path(line))))
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

fn with_properties(shapes: Vec<GeoShape>, mut properties: Map<String, Value>) -> GeoFeature {
    let name = take_text(&mut properties, &["name", "title", "NAME"]);
    let domain = take_label(&mut properties, "domain");
    let stance = take_label(&mut properties, "stance");
    let years = take_years(&mut properties);
    let source = take_text(&mut properties, &["source"]);
    let mut other_properties: Vec<(String, String)> = properties
        .into_iter()
        .map(|(name, value)| {
            let text = match value {
                Value::String(text) => text,
                other => other.to_string(),
            };
            (name, text)
        })
        .collect();
    other_properties.sort();
    GeoFeature {
        shapes,
        name,
        domain,
        stance,
        years,
        source,
        other_properties,
    }
}

/// Takes the first of `keys` whose value is non-blank text.
fn take_text(properties: &mut Map<String, Value>, keys: &[&str]) -> Option<String> {
    let found = keys.iter().find(|key| {
        properties
            .get(**key)
            .and_then(Value::as_str)
            .is_some_and(|text| !text.trim().is_empty())
    })?;
    match properties.remove(*found) {
        Some(Value::String(text)) => Some(text),
        _ => None,
    }
}

/// Takes `key` when its value is text naming a `T` (a snake_case label, any case).
fn take_label<T: DeserializeOwned>(properties: &mut Map<String, Value>, key: &str) -> Option<T> {
    let text = properties.get(key)?.as_str()?;
    let label = Value::String(text.trim().to_lowercase());
    let parsed = serde_json::from_value(label).ok()?;
    properties.remove(key);
    Some(parsed)
}

/// Takes a span of years from `start_year`/`end_year`, else `from`/`to`, else `year`.
fn take_years(properties: &mut Map<String, Value>) -> Option<YearSpan> {
    for (start_key, end_key) in [("start_year", "end_year"), ("from", "to")] {
        let Some(from) = properties.get(start_key).and_then(year_of) else {
            continue;
        };
        let to = match properties.get(end_key) {
            None | Some(Value::Null) => Some(None),
            Some(end) => year_of(end).map(Some),
        };
        if let Some(to) = to
            && to.is_none_or(|to| to >= from)
        {
            properties.remove(start_key);
            properties.remove(end_key);
            return Some(YearSpan::new(from, to));
        }
    }
    let year = properties.get("year").and_then(year_of)?;
    properties.remove("year");
    Some(YearSpan::new(year, Some(year)))
}

/// A whole year from a number (`2015`, `2015.0`) or numeric text (`"2015"`).
fn year_of(value: &Value) -> Option<i32> {
    match value {
        Value::Number(number) => match number.as_i64() {
            Some(whole) => i32::try_from(whole).ok(),
            // Whole and within i32, so the cast is exact.
            None => number
                .as_f64()
                .filter(|float| float.fract() == 0.0 && float.abs() <= f64::from(i32::MAX))
                .map(|float| float as i32),
        },
        Value::String(text) => text.trim().parse().ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> GeoLayer {
        match parse_geojson_layer(text.as_bytes(), "maps/test.geojson") {
            Ok(layer) => layer,
            Err(errors) => panic!("refused: {errors}"),
        }
    }

    fn errors_of(text: &str) -> Vec<LoadError> {
        errors_of_bytes(text.as_bytes())
    }

    fn errors_of_bytes(bytes: &[u8]) -> Vec<LoadError> {
        match parse_geojson_layer(bytes, "test.geojson") {
            Ok(layer) => panic!("accepted: {layer:?}"),
            Err(errors) => errors.0,
        }
    }

    fn first_error(text: &str) -> LoadError {
        match errors_of(text).into_iter().next() {
            Some(error) => error,
            None => panic!("refused without an error"),
        }
    }

    fn message(error: &LoadError) -> String {
        match &error.kind {
            LoadErrorKind::GeoJson(message) => message.clone(),
            other => panic!("expected a GeoJSON error, got {other:?}"),
        }
    }

    fn at(line: usize, column: usize) -> Option<TextPosition> {
        Some(TextPosition { line, column })
    }

    fn only_feature(text: &str) -> GeoFeature {
        let mut layer = load(text);
        assert_eq!(layer.features.len(), 1);
        match layer.features.pop() {
            Some(feature) => feature,
            None => panic!("no feature"),
        }
    }

    fn with_props(properties: &str) -> GeoFeature {
        only_feature(&format!(
            r#"{{"type": "Feature", "geometry": null, "properties": {properties}}}"#
        ))
    }

    // --- accepted inputs -------------------------------------------------

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
        // Clockwise exterior ring (against the right-hand rule), excess precision,
        // coordinates beyond the usual range (as in geojsonhint's good/issue82).
        let feature = only_feature(
            r#"{"type": "Polygon", "coordinates": [
                [[100, 0], [100, 1], [101.0000000001, 1], [101, 0], [100.0, 0.0]]]}"#,
        );
        assert_eq!(feature.shapes.len(), 1);
        let far = only_feature(r#"{"type": "Point", "coordinates": [-259.5, -107.2]}"#);
        assert_eq!(far.shapes, vec![GeoShape::Point([-259.5, -107.2])]);
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

    // --- properties ------------------------------------------------------

    #[test]
    fn properties_map_to_typed_fields_and_the_rest_is_kept_as_text() {
        let feature = with_props(
            r#"{"name": "Bandar Abbas", "domain": "Military", "stance": " cooperation ",
                "start_year": 2015, "end_year": "2019", "source": "Some report, p. 4",
                "pop": 526648, "capital": false, "note": "a \"port\"", "tags": ["a", 1], "nothing": null}"#,
        );
        assert_eq!(feature.name.as_deref(), Some("Bandar Abbas"));
        assert_eq!(feature.domain, Some(Domain::Military));
        assert_eq!(feature.stance, Some(Stance::Cooperation));
        assert_eq!(feature.years, Some(YearSpan::new(2015, Some(2019))));
        assert_eq!(feature.source.as_deref(), Some("Some report, p. 4"));
        let others: Vec<(&str, &str)> = feature
            .other_properties
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(
            others,
            vec![
                ("capital", "false"),
                ("note", "a \"port\""),
                ("nothing", "null"),
                ("pop", "526648"),
                ("tags", "[\"a\",1]"),
            ]
        );
    }

    #[test]
    fn name_falls_back_to_title_then_upper_case_name() {
        assert_eq!(
            with_props(r#"{"title": "T", "NAME": "N"}"#).name.as_deref(),
            Some("T")
        );
        let upper = with_props(r#"{"name": " ", "NAME": "N"}"#);
        assert_eq!(upper.name.as_deref(), Some("N"));
        assert_eq!(
            upper.other_properties,
            vec![("name".to_owned(), " ".to_owned())]
        );
        let numeric = with_props(r#"{"name": 5}"#);
        assert_eq!(numeric.name, None);
        assert_eq!(
            numeric.other_properties,
            vec![("name".to_owned(), "5".to_owned())]
        );
    }

    #[test]
    fn unknown_domain_and_stance_stay_in_other_properties() {
        let feature = with_props(r#"{"domain": "culture", "stance": 3}"#);
        assert_eq!(feature.domain, None);
        assert_eq!(feature.stance, None);
        assert_eq!(
            feature.other_properties,
            vec![
                ("domain".to_owned(), "culture".to_owned()),
                ("stance".to_owned(), "3".to_owned())
            ]
        );
    }

    #[test]
    fn years_come_from_several_spellings() {
        let span = |from, to| Some(YearSpan::new(from, to));
        assert_eq!(
            with_props(r#"{"from": "1995", "to": null}"#).years,
            span(1995, None)
        );
        assert_eq!(
            with_props(r#"{"from": 2001.0, "to": 2003}"#).years,
            span(2001, Some(2003))
        );
        assert_eq!(
            with_props(r#"{"year": 2022}"#).years,
            span(2022, Some(2022))
        );
        assert_eq!(
            with_props(r#"{"start_year": 2010}"#).years,
            span(2010, None)
        );
        let route = with_props(r#"{"from": "Moscow", "to": "Tehran", "year": "2019"}"#);
        assert_eq!(route.years, span(2019, Some(2019)));
        assert_eq!(route.other_properties.len(), 2);
        let backwards = with_props(r#"{"start_year": 2020, "end_year": 2010}"#);
        assert_eq!(backwards.years, None);
        assert_eq!(backwards.other_properties.len(), 2);
        assert_eq!(with_props(r#"{"year": 2022.5}"#).years, None);
        assert_eq!(with_props(r#"{"year": "MMXX"}"#).years, None);
    }

    // --- refusals --------------------------------------------------------

    #[test]
    fn invalid_json_is_a_syntax_error_with_line_and_column() {
        let error = first_error("{\n  \"type\": \"Point\"\n  \"coordinates\": [1, 2]\n}");
        assert!(matches!(error.kind, LoadErrorKind::Syntax(_)), "{error}");
        assert_eq!(error.position, at(3, 3));
        assert!(
            error.to_string().starts_with("test.geojson:3:3: "),
            "{error}"
        );
    }

    #[test]
    fn numbers_beyond_f64_are_refused() {
        let error = first_error(r#"{"type": "Point", "coordinates": [1e400, 2]}"#);
        assert!(matches!(error.kind, LoadErrorKind::Syntax(_)), "{error}");
        assert!(error.position.is_some());
    }

    #[test]
    fn empty_and_non_utf8_files_are_refused() {
        for empty in ["", "  \n\t", "\u{feff}"] {
            let error = first_error(empty);
            assert!(error.to_string().contains("empty"), "{error}");
        }
        let error = errors_of_bytes(b"{\"type\": \"\xff\"}").remove(0);
        assert_eq!(error.kind, LoadErrorKind::NotUtf8);
        assert_eq!(error.position, at(1, 11));
    }

    #[test]
    fn a_top_level_that_is_not_an_object_is_refused() {
        for text in ["null", "[1, 2]", "\"Point\"", "false"] {
            let error = first_error(text);
            assert!(message(&error).contains("must be an object"), "{error}");
            assert_eq!(error.position, at(1, 1));
        }
    }

    #[test]
    fn a_missing_or_wrong_type_is_refused() {
        assert!(message(&first_error("{}")).contains("no `type` member"));
        let error = first_error("{\"type\": {}}");
        assert!(message(&error).contains("`type` must be a string, found an object (at `type`)"));
        assert_eq!(error.position, at(1, 10));
        assert!(message(&first_error(r#"{"type": "FooBar"}"#)).contains("unknown type \"FooBar\""));
        let case = message(&first_error(
            r#"{"type": "featurecollection", "features": []}"#,
        ));
        assert!(
            case.contains("case-sensitive: write \"FeatureCollection\""),
            "{case}"
        );
        let geometry = message(&first_error(
            r#"{"type": "Feature", "properties": {}, "geometry": {"type": "Line", "coordinates": [[0, 0], [1, 1]]}}"#,
        ));
        assert!(geometry.contains("unknown type \"Line\""), "{geometry}");
        assert!(geometry.contains("(at `geometry.type`)"), "{geometry}");
    }

    #[test]
    fn a_feature_collection_needs_an_array_of_features() {
        assert!(
            message(&first_error(r#"{"type": "FeatureCollection"}"#))
                .contains("needs a `features` array")
        );
        assert!(
            message(&first_error(
                r#"{"type": "FeatureCollection", "features": {}}"#
            ))
            .contains("`features` must be an array, found an object")
        );
        let error = first_error(r#"{"type": "FeatureCollection", "features": [null]}"#);
        assert!(
            message(&error).contains("must be a Feature object, found null (at `features[0]`)")
        );
        let error = first_error(
            "{\"type\": \"FeatureCollection\", \"features\": [\n  {\"type\": \"Point\", \"coordinates\": [0, 0]}]}",
        );
        assert!(
            message(&error).contains("must be a Feature, found a Point (at `features[0].type`)")
        );
        assert_eq!(error.position, at(2, 12));
    }

    #[test]
    fn a_feature_needs_geometry_and_properties_members() {
        let error = first_error(r#"{"type": "Feature", "properties": {}}"#);
        assert!(
            message(&error).contains("needs a `geometry` member"),
            "{error}"
        );
        let error = first_error(r#"{"type": "Feature", "geometry": null}"#);
        assert!(
            message(&error).contains("needs a `properties` member"),
            "{error}"
        );
        let error = first_error(r#"{"type": "Feature", "geometry": null, "properties": []}"#);
        assert!(message(&error).contains("`properties` must be an object or null, found an array"));
        let error = first_error(r#"{"type": "Feature", "geometry": 5, "properties": null}"#);
        assert!(
            message(&error).contains("expected a geometry object, found a number (at `geometry`)")
        );
    }

    #[test]
    fn a_feature_id_must_be_a_string_or_a_number() {
        let error =
            first_error(r#"{"type": "Feature", "id": {}, "geometry": null, "properties": {}}"#);
        assert!(
            message(&error)
                .contains("`id` must be a string or a number, found an object (at `id`)")
        );
        assert_eq!(error.position, at(1, 27));
    }

    #[test]
    fn missing_coordinates_or_geometries_are_refused() {
        let error = first_error(r#"{"type": "Point", "coords": [0, 0]}"#);
        assert!(
            message(&error).contains("a Point needs a `coordinates` member (at the top level)")
        );
        let error = first_error(r#"{"type": "GeometryCollection", "members": []}"#);
        assert!(
            message(&error).contains("needs a `geometries` array"),
            "{error}"
        );
        let error = first_error(r#"{"type": "GeometryCollection", "geometries": [false]}"#);
        assert!(
            message(&error)
                .contains("expected a geometry object, found a boolean (at `geometries[0]`)")
        );
    }

    #[test]
    fn coordinates_that_are_not_arrays_of_numbers_are_refused() {
        let error = first_error("{\"type\": \"Point\",\n \"coordinates\": [1, \"2\"]}");
        assert!(
            message(&error).contains("must be a number, found a string (at `coordinates[1]`)"),
            "{error}"
        );
        assert_eq!(error.position, at(2, 21));
        let error = first_error(r#"{"type": "Point", "coordinates": "0, 0"}"#);
        assert!(message(&error).contains("expected a position"), "{error}");
        let error = first_error(r#"{"type": "MultiPoint", "coordinates": [0, 0]}"#);
        assert!(
            message(&error)
                .contains("not nested deeply enough for a MultiPoint (at `coordinates[0]`)"),
            "{error}"
        );
        let error = first_error(r#"{"type": "MultiPoint", "coordinates": [[[0, 0], [0, 0]]]}"#);
        assert!(
            message(&error).contains("nested too deeply for a MultiPoint (at `coordinates[0][0]`)"),
            "{error}"
        );
    }

    #[test]
    fn a_position_needs_two_numbers() {
        let error = first_error(
            r#"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},
                "geometry": {"type": "LineString", "coordinates": [[0, 0], [1]]}}]}"#,
        );
        assert!(
            message(&error).contains(
                "at least 2 numbers (longitude, latitude), found 1 (at `features[0].geometry.coordinates[1]`)"
            ),
            "{error}"
        );
        assert_eq!(error.position.map(|p| p.line), Some(2));
    }

    #[test]
    fn a_line_needs_two_positions() {
        let error = first_error(r#"{"type": "LineString", "coordinates": [[0, 0]]}"#);
        assert!(
            message(&error)
                .contains("a line needs at least 2 positions, found 1 (at `coordinates`)")
        );
        let error = first_error(
            r#"{"type": "MultiLineString", "coordinates": [[[0, 0], [1, 1]], [[2, 2]]]}"#,
        );
        assert!(message(&error).contains("(at `coordinates[1]`)"), "{error}");
    }

    #[test]
    fn a_ring_needs_four_positions() {
        let error =
            first_error(r#"{"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [0, 0]]]}"#);
        assert!(
            message(&error)
                .contains("at least 4 positions (the first repeated as the last), found 3"),
            "{error}"
        );
        let error = first_error(r#"{"type": "MultiPolygon", "coordinates": [[]]}"#);
        assert!(message(&error).contains("needs at least one ring (at `coordinates[0]`)"));
    }

    #[test]
    fn a_ring_must_be_closed() {
        let text =
            "{\"type\": \"Polygon\", \"coordinates\": [\n  [[0, 0], [1, 0], [1, 1], [0, 1]]]}";
        let error = first_error(text);
        assert!(
            message(&error).contains(
                "must be closed, but its last position [0,1] differs from its first [0,0] (at `coordinates[0]`)"
            ),
            "{error}"
        );
        assert_eq!(error.position, at(2, 3));
        // The altitude counts too: geojsonhint's different-first-size.
        assert!(
            !errors_of(
                r#"{"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0, 4.9]]]}"#
            )
            .is_empty()
        );
    }

    #[test]
    fn a_malformed_bbox_is_refused() {
        for (bbox, expected) in [
            (
                "\"string\"",
                "`bbox` must be an array of numbers, found a string (at `bbox`)",
            ),
            ("[1, 2, 3]", "found 3 (at `bbox`)"),
            ("[1, 2, 3, \"4\"]", "found a string (at `bbox[3]`)"),
        ] {
            let text = format!(r#"{{"type": "Point", "coordinates": [2, 2], "bbox": {bbox}}}"#);
            let error = first_error(&text);
            assert!(message(&error).contains(expected), "{error}");
        }
    }

    #[test]
    fn members_that_change_the_meaning_of_an_object_are_refused() {
        let errors = errors_of(
            r#"{"type": "Feature", "features": [], "coordinates": null,
                "geometry": {"type": "Point", "coordinates": [1, 2]}, "properties": {}}"#,
        );
        assert_eq!(errors.len(), 2);
        assert!(message(&errors[0]).contains("a Feature must not have a `coordinates` member"));
        assert_eq!(errors[1].position.map(|p| p.line), Some(1));
        let error =
            first_error(r#"{"type": "FeatureCollection", "features": [], "properties": {}}"#);
        assert!(
            message(&error).contains("a FeatureCollection must not have a `properties` member")
        );
        let error = first_error(r#"{"type": "Point", "coordinates": [1, 2], "properties": {}}"#);
        assert!(message(&error).contains("a geometry must not have a `properties` member"));
        let error = first_error(r#"{"type": "Point", "coordinates": [1, 2], "geometries": []}"#);
        assert!(message(&error).contains("a Point must not have a `geometries` member"));
        let error =
            first_error(r#"{"type": "GeometryCollection", "geometries": [], "coordinates": []}"#);
        assert!(
            message(&error).contains("a GeometryCollection must not have a `coordinates` member")
        );
    }

    #[test]
    fn a_member_named_twice_is_refused_where_it_repeats() {
        let error = first_error(
            "{\n  \"type\": \"FeatureCollection\",\n  \"type\": \"Feature\",\n  \"features\": []\n}",
        );
        assert!(
            message(&error).contains("\"type\" appears twice"),
            "{error}"
        );
        assert_eq!(error.position.map(|p| p.line), Some(3));
    }

    #[test]
    fn many_problems_are_listed_up_to_a_limit_and_counted() {
        let lines = ["[1, 2]"; 30].join(", ");
        let text = format!(r#"{{"type": "MultiLineString", "coordinates": [{lines}]}}"#);
        let errors = errors_of(&text);
        assert_eq!(errors.len(), MAX_LISTED + 1);
        let last = errors.last().map(|e| e.to_string()).unwrap_or_default();
        assert!(last.contains("and 10 more problems"), "{last}");
    }

    #[test]
    fn deep_nesting_is_refused_without_overflowing_the_stack() {
        let text = format!(
            r#"{{"type": "Point", "coordinates": {}{}}}"#,
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        let error = first_error(&text);
        assert!(matches!(error.kind, LoadErrorKind::Syntax(_)), "{error}");
        let text = format!(
            r#"{{"type": "Point", "coordinates": {}0{}}}"#,
            "[".repeat(100),
            "]".repeat(100)
        );
        assert!(message(&first_error(&text)).contains("nested too deeply"));
    }

    #[test]
    fn geometry_collections_nested_to_the_json_depth_limit_load() {
        // 62 collections around a point take 126 levels of JSON nesting; serde_json
        // refuses more than 128.
        let collections = 62;
        let text = format!(
            "{}{{\"type\": \"Point\", \"coordinates\": [1, 2]}}{}",
            "{\"type\": \"GeometryCollection\", \"geometries\": [".repeat(collections),
            "]}".repeat(collections)
        );
        assert_eq!(
            only_feature(&text).shapes,
            vec![GeoShape::Point([1.0, 2.0])]
        );
    }

    // --- conformance suites ------------------------------------------------

    /// Messages of geojsonhint's `bad/*.result` files that are recommendations, not
    /// errors: a bad file whose `.result` lists only these (or nothing) must load.
    const ACCEPTED_WARNINGS: [(&str, &str); 4] = [
        (
            "should follow the right-hand rule",
            "winding order is a SHOULD in RFC 7946 §3.1.6; drawing and filling do not depend on it",
        ),
        (
            "position should not have more than 3 elements",
            "geojsonhint gives it at level `message`; numbers after longitude and latitude are dropped",
        ),
        (
            "should avoid nested geometry collections",
            "a SHOULD in RFC 7946 §3.1.8; nested collections are flattened like any other",
        ),
        (
            "with a single geometry should be avoided",
            "a SHOULD in RFC 7946 §3.1.8; a one-member collection is still a valid geometry",
        ),
    ];
    // A `.result` that is empty (excessive_precision_truncated: excess precision is only
    // trimmed by geojsonhint, never an error) also means the file must load.

    fn fixtures_dir() -> Option<std::path::PathBuf> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/geojson");
        if dir.is_dir() {
            return Some(dir);
        }
        assert!(
            std::env::var_os("CI").is_none(),
            "the GeoJSON conformance fixtures must be beside the checkout, at {}",
            dir.display()
        );
        println!("skipped: no GeoJSON fixtures at {}", dir.display());
        None
    }

    /// Every file under `dir` whose name ends with `extension`, sorted.
    fn files_under(dir: &Path, extension: &str) -> Vec<std::path::PathBuf> {
        let mut found = Vec::new();
        let mut pending = vec![dir.to_path_buf()];
        while let Some(folder) = pending.pop() {
            let Ok(entries) = std::fs::read_dir(&folder) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    pending.push(path);
                } else if path.extension().is_some_and(|e| e == extension) {
                    found.push(path);
                }
            }
        }
        found.sort();
        found
    }

    enum Outcome {
        Loaded,
        Refused(String),
        Panicked,
    }

    fn outcome(bytes: &[u8], name: &str) -> Outcome {
        match std::panic::catch_unwind(|| parse_geojson_layer(bytes, name)) {
            Ok(Ok(_)) => Outcome::Loaded,
            Ok(Err(errors)) => Outcome::Refused(errors.to_string()),
            Err(_) => Outcome::Panicked,
        }
    }

    /// Whether every message of a geojsonhint `.result` file is an accepted warning.
    fn only_accepted_warnings(result_file: &Path) -> bool {
        let Ok(text) = std::fs::read_to_string(result_file) else {
            return false;
        };
        let Ok(Value::Array(messages)) = serde_json::from_str::<Value>(&text) else {
            return false;
        };
        messages.iter().all(|entry| {
            let message = entry.get("message").and_then(Value::as_str).unwrap_or("");
            ACCEPTED_WARNINGS
                .iter()
                .any(|(warning, _)| message.contains(warning))
        })
    }

    #[test]
    fn conformance_suites() {
        let Some(dir) = fixtures_dir() else {
            return;
        };
        let suites = [
            ("geojsonhint/good", "geojson"),
            ("geojsonhint/bad", "geojson"),
            ("geojson-schema/valid", "json"),
            ("geojson-schema/invalid", "json"),
        ];
        let mut failures = Vec::new();
        let mut panicked = Vec::new();
        let mut tally = Vec::new();
        for (folder, extension) in suites {
            let files = files_under(&dir.join(folder), extension);
            assert!(!files.is_empty(), "no .{extension} files in {folder}");
            let (mut loaded, mut refused) = (0, 0);
            for file in &files {
                let name = file.display().to_string();
                let bytes = std::fs::read(file).unwrap_or_default();
                let must_load = match folder {
                    "geojsonhint/good" | "geojson-schema/valid" => true,
                    "geojsonhint/bad" => only_accepted_warnings(&file.with_extension("result")),
                    _ => false,
                };
                match outcome(&bytes, &name) {
                    Outcome::Loaded => {
                        loaded += 1;
                        if !must_load {
                            failures.push(format!("{name}: loaded, but must be refused"));
                        }
                    }
                    Outcome::Refused(errors) => {
                        refused += 1;
                        if must_load {
                            failures.push(format!("{name}: refused, but must load: {errors}"));
                        }
                    }
                    Outcome::Panicked => panicked.push(name),
                }
            }
            tally.push(format!("{folder}: {loaded} loaded, {refused} refused"));
        }
        println!(
            "GeoJSON conformance: {}; {} panicked",
            tally.join("; "),
            panicked.len()
        );
        assert!(panicked.is_empty(), "parsing panicked on: {panicked:#?}");
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn truncated_and_corrupted_fixtures_never_panic() {
        let Some(dir) = fixtures_dir() else {
            return;
        };
        let mut files = files_under(&dir, "geojson");
        files.extend(files_under(&dir, "json"));
        let replacements = b"[]{}\",:0-e.n \\\xff\xc3";
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move |bound: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            usize::try_from(seed % (bound.max(1) as u64)).unwrap_or(0)
        };
        let mut panicked = Vec::new();
        let mut broken = Vec::new();
        let mut cases = 0;
        for file in &files {
            let bytes = std::fs::read(file).unwrap_or_default();
            let name = file.display().to_string();
            let len = bytes.len();
            let mut variants: Vec<(String, Vec<u8>)> = (0..=8)
                .map(|eighth| len * eighth / 8)
                .chain([1, len.saturating_sub(1)])
                .map(|cut| (format!("cut at {cut}"), bytes[..cut.min(len)].to_vec()))
                .collect();
            for round in 0..16 {
                let mut mutated = bytes.clone();
                let flips = 1 + round % 3;
                let mut places = Vec::new();
                for _ in 0..flips {
                    if mutated.is_empty() {
                        break;
                    }
                    let place = next(mutated.len());
                    mutated[place] = replacements[next(replacements.len())];
                    places.push(place);
                }
                variants.push((format!("bytes changed at {places:?}"), mutated));
            }
            for (what, variant) in variants {
                cases += 1;
                let result = std::panic::catch_unwind(|| parse_geojson_layer(&variant, &name));
                match result {
                    Err(_) => panicked.push(format!("{name}: {what}")),
                    Ok(Ok(layer)) => {
                        if let Some(promise) = broken_promise(&layer) {
                            broken.push(format!("{name}: {what}: {promise}"));
                        }
                    }
                    Ok(Err(errors)) if errors.to_string().contains(READER_REFUSED) => {
                        broken.push(format!("{name}: {what}: passed the checks but {errors}"));
                    }
                    Ok(Err(_)) => {}
                }
            }
        }
        println!(
            "GeoJSON robustness: {cases} damaged variants of {} files, {} panicked",
            files.len(),
            panicked.len()
        );
        assert!(
            panicked.is_empty(),
            "parsing panicked on:\n{}",
            panicked.join("\n")
        );
        assert!(broken.is_empty(), "{}", broken.join("\n"));
    }

    /// What a loaded layer breaks of the promises its types document, if anything.
    fn broken_promise(layer: &GeoLayer) -> Option<String> {
        let finite = |positions: &[[f64; 2]]| positions.iter().flatten().all(|n| n.is_finite());
        let ring_ok =
            |ring: &[[f64; 2]]| ring.len() >= 4 && ring.first() == ring.last() && finite(ring);
        layer
            .features
            .iter()
            .flat_map(|f| &f.shapes)
            .find_map(|shape| {
                let ok = match shape {
                    GeoShape::Point(position) => finite(std::slice::from_ref(position)),
                    GeoShape::Line(positions) => positions.len() >= 2 && finite(positions),
                    GeoShape::Polygon { exterior, holes } => {
                        ring_ok(exterior) && holes.iter().all(|hole| ring_ok(hole))
                    }
                };
                (!ok).then(|| format!("{shape:?}"))
            })
    }
}
