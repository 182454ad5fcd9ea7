//! Telling a GeoJSON map layer from a Bilateral dataset by the top level of its JSON, read
//! once without keeping a tree: the values under the top-level keys are passed over as they
//! are read ([`IgnoredAny`]), so a 200 MB dataset costs nothing beyond its bytes here.

use std::fmt;

use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};

use super::{GEOMETRY_TYPES, OBJECT_TYPES};
use crate::data::strip_bom;

/// True for JSON whose top level is an object with a GeoJSON `type` and no dataset
/// `metadata`: how a `.json` file is told apart from a Bilateral dataset. JSON that does not
/// parse is not GeoJSON (the dataset's loader then says where it is wrong).
pub(crate) fn looks_like_geojson(bytes: &[u8]) -> bool {
    let mut deserializer = serde_json::Deserializer::from_slice(strip_bom(bytes));
    let Ok(top) = deserializer.deserialize_any(TopLevel) else {
        return false;
    };
    if deserializer.end().is_err() {
        return false;
    }
    !top.has_metadata
        && top.kind.is_some_and(|kind| {
            GEOMETRY_TYPES.contains(&kind.as_str()) || OBJECT_TYPES.contains(&kind.as_str())
        })
}

/// What the top level holds: a `metadata` key, and the last `type` when it is a string
/// (the last, as a JSON tree keeps it).
#[derive(Default)]
struct Top {
    has_metadata: bool,
    kind: Option<String>,
}

struct TopLevel;

impl<'de> Visitor<'de> for TopLevel {
    type Value = Top;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Top, A::Error> {
        let mut top = Top::default();
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match key.as_ref() {
                "metadata" => {
                    top.has_metadata = true;
                    map.next_value::<IgnoredAny>()?;
                }
                "type" => top.kind = map.next_value::<TypeName>()?.0,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(top)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Top, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Top::default())
    }

    fn visit_bool<E>(self, _: bool) -> Result<Top, E> {
        Ok(Top::default())
    }

    fn visit_i64<E>(self, _: i64) -> Result<Top, E> {
        Ok(Top::default())
    }

    fn visit_u64<E>(self, _: u64) -> Result<Top, E> {
        Ok(Top::default())
    }

    fn visit_f64<E>(self, _: f64) -> Result<Top, E> {
        Ok(Top::default())
    }

    fn visit_str<E>(self, _: &str) -> Result<Top, E> {
        Ok(Top::default())
    }

    fn visit_unit<E>(self) -> Result<Top, E> {
        Ok(Top::default())
    }
}

/// A `type` value: its text when it is a string, else nothing (any other value passed over).
struct TypeName(Option<String>);

impl<'de> serde::Deserialize<'de> for TypeName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Text;
        impl<'de> Visitor<'de> for Text {
            type Value = TypeName;

            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("any JSON value")
            }

            fn visit_str<E>(self, text: &str) -> Result<TypeName, E> {
                Ok(TypeName(Some(text.to_owned())))
            }

            fn visit_bool<E>(self, _: bool) -> Result<TypeName, E> {
                Ok(TypeName(None))
            }

            fn visit_i64<E>(self, _: i64) -> Result<TypeName, E> {
                Ok(TypeName(None))
            }

            fn visit_u64<E>(self, _: u64) -> Result<TypeName, E> {
                Ok(TypeName(None))
            }

            fn visit_f64<E>(self, _: f64) -> Result<TypeName, E> {
                Ok(TypeName(None))
            }

            fn visit_unit<E>(self) -> Result<TypeName, E> {
                Ok(TypeName(None))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TypeName, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(TypeName(None))
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<TypeName, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(TypeName(None))
            }
        }
        deserializer.deserialize_any(Text)
    }
}

#[cfg(test)]
mod tests {
    use super::looks_like_geojson;

    #[test]
    fn geojson_is_told_from_datasets_by_the_top_level_alone() {
        assert!(looks_like_geojson(
            br#"{"type": "FeatureCollection", "features": []}"#
        ));
        assert!(looks_like_geojson(
            br#"{"features": [{"type": "Feature"}], "type": "Feature", "geometry": null}"#
        ));
        assert!(looks_like_geojson(
            b"\xEF\xBB\xBF{\"type\": \"Point\", \"coordinates\": [1, 2]}"
        ));
        // A dataset: `metadata` wins even beside a GeoJSON type.
        assert!(!looks_like_geojson(
            br#"{"type": "FeatureCollection", "metadata": {"title": "x"}}"#
        ));
        // A `type` deeper down is not the top level's.
        assert!(!looks_like_geojson(br#"{"series": [{"type": "Point"}]}"#));
        // The last `type` counts, as in a JSON tree.
        assert!(!looks_like_geojson(
            br#"{"type": "Point", "type": "Country"}"#
        ));
        assert!(!looks_like_geojson(br#"{"type": {"name": "Point"}}"#));
        assert!(!looks_like_geojson(br#"[{"type": "Point"}]"#));
        assert!(!looks_like_geojson(br#"{"type": "Point""#));
        assert!(!looks_like_geojson(br#"{"type": "Point"} trailing"#));
    }
}
