//! Checking a JSON document against RFC 7946, and placing each problem found at its
//! line and column.

use serde_json::{Map, Value};

use super::{GEOMETRY_TYPES, OBJECT_TYPES};
use crate::data::error::{LoadError, LoadErrorKind, LoadErrors};
use crate::data::json::json_kind;
use crate::data::locate::{self, JsonPath, PathStep};

/// At most this many problems are listed; the rest are counted.
const MAX_LISTED: usize = 20;

/// Walks a JSON document and lists where it breaks RFC 7946.
#[derive(Default)]
pub(super) struct Checker {
    /// The path of the value being checked.
    path: Vec<PathStep>,
    /// Problems found so far, each at its path.
    pub(super) problems: Vec<(JsonPath, String)>,
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

    pub(super) fn into_errors(self, text: &str, file: &str) -> LoadErrors {
        let mut locator = locate::Locator::new(text);
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
                    position: Some(locator.locate(&path)),
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

    pub(super) fn document(&mut self, value: &Value) {
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
            return;
        }
        self.coordinate_ranges(numbers);
    }

    /// Refuses a longitude beyond ±180 or a latitude beyond ±90: RFC 7946 positions are
    /// WGS 84 degrees, so such a number is an error or a projected coordinate.
    fn coordinate_ranges(&mut self, numbers: &[Value]) {
        let limits = [("longitude", 180.0), ("latitude", 90.0)];
        for (index, (name, limit)) in limits.into_iter().enumerate() {
            if let Some(degrees) = numbers.get(index).and_then(Value::as_f64)
                && degrees.abs() > limit
            {
                self.report_at(
                    PathStep::Index(index),
                    format!(
                        "{name} {degrees} is beyond ±{limit}: positions are WGS 84 degrees (RFC 7946 §4), not projected coordinates"
                    ),
                );
            }
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

#[cfg(test)]
mod tests {
    use super::super::GeoShape;
    use super::super::test_support::*;
    use super::*;

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
    fn impossible_latitude_and_longitude_are_refused_where_they_stand() {
        let error = first_error(
            "{\"type\": \"Feature\", \"properties\": {},\n \"geometry\": {\"type\": \"Point\", \"coordinates\": [51.4, 135]}}",
        );
        assert!(
            message(&error).contains(
                "latitude 135 is beyond ±90: positions are WGS 84 degrees (RFC 7946 §4), not projected coordinates (at `geometry.coordinates[1]`)"
            ),
            "{error}"
        );
        assert_eq!(error.position, at(2, 54));
        let error = first_error(r#"{"type": "LineString", "coordinates": [[0, 0], [-180.5, 10]]}"#);
        assert!(
            message(&error).contains("longitude -180.5 is beyond ±180: positions"),
            "{error}"
        );
        assert!(
            message(&error).ends_with("(at `coordinates[1][0]`)"),
            "{error}"
        );
        assert_eq!(error.position, at(1, 49));
        for edge in ["[180, 90]", "[-180, -90]", "[0, 0, 9000]"] {
            let text = format!(r#"{{"type": "Point", "coordinates": {edge}}}"#);
            assert_eq!(load(&text).features.len(), 1, "{edge} must load");
        }
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
        let last = errors
            .last()
            .map(std::string::ToString::to_string)
            .unwrap_or_default();
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
}
