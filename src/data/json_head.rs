//! A first pass over a dataset's JSON that checks its syntax and reads only what comes
//! before the typed parse: what the top level is and `metadata.schema_version`. Everything
//! else is passed over as it is read ([`IgnoredAny`]), so the pass holds no tree of the
//! document: a 200 MB file costs the file, not several times it.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// What the first pass found.
#[derive(Debug, PartialEq)]
pub(crate) enum Head {
    /// An object, with its `metadata.schema_version` when it has one (the last one written,
    /// as a JSON tree would keep it).
    Object { version: Option<serde_json::Value> },
    /// Another kind of value, in words ("an array").
    Other(&'static str),
}

/// Reads the head of `text`: a syntax error is `serde_json`'s, with its position.
pub(crate) fn read_head(text: &str) -> Result<Head, serde_json::Error> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let top = deserializer.deserialize_any(Looking(Wanted::Metadata))?;
    deserializer.end()?;
    Ok(match top.kind {
        "an object" => Head::Object { version: top.value },
        kind => Head::Other(kind),
    })
}

/// The keys the pass looks for: `metadata` at the top, `schema_version` in it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Wanted {
    Metadata,
    SchemaVersion,
}

/// A value seen: its kind in words, and what was found in it when it is an object.
struct Seen {
    kind: &'static str,
    /// At the top, the metadata's version; in the metadata, the version itself.
    value: Option<serde_json::Value>,
}

impl Seen {
    fn other(kind: &'static str) -> Self {
        Self { kind, value: None }
    }
}

/// Passes over a value, looking into it for one key when it is an object.
struct Looking(Wanted);

impl<'de> DeserializeSeed<'de> for Looking {
    type Value = Seen;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Seen, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Looking {
    type Value = Seen;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a JSON value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Seen, E> {
        Ok(Seen::other("a boolean"))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Seen, E> {
        Ok(Seen::other("a number"))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Seen, E> {
        Ok(Seen::other("a number"))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Seen, E> {
        Ok(Seen::other("a number"))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Seen, E> {
        Ok(Seen::other("a string"))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Seen, E> {
        Ok(Seen::other("null"))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Seen, A::Error> {
        while items.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Seen::other("an array"))
    }

    /// The last value of the wanted key counts, as in a JSON tree.
    fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<Seen, A::Error> {
        let mut value = None;
        while let Some(key) = entries.next_key::<Key>()? {
            match (key.0, self.0) {
                (Some(Wanted::Metadata), Wanted::Metadata) => {
                    value = entries
                        .next_value_seed(Looking(Wanted::SchemaVersion))?
                        .value;
                }
                (Some(Wanted::SchemaVersion), Wanted::SchemaVersion) => {
                    value = Some(entries.next_value::<serde_json::Value>()?);
                }
                _ => {
                    entries.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Seen {
            kind: "an object",
            value,
        })
    }
}

/// A key: one of [`Wanted`], or another (not kept, however long).
struct Key(Option<Wanted>);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl Visitor<'_> for KeyVisitor {
    type Value = Key;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
        Ok(Key(match key {
            "metadata" => Some(Wanted::Metadata),
            "schema_version" => Some(Wanted::SchemaVersion),
            _ => None,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_is_read_from_the_metadata_and_the_rest_passed_over() {
        let head = read_head(
            r#"{"series": [{"schema_version": 9}], "metadata": {"title": "T", "schema_version": 2,
                "parties": [{"schema_version": 7}]}, "sources": []}"#,
        )
        .expect("valid JSON");
        assert_eq!(
            head,
            Head::Object {
                version: Some(serde_json::json!(2))
            }
        );
    }

    #[test]
    fn the_last_metadata_and_version_written_count_as_in_a_json_tree() {
        let text = r#"{"metadata": {"schema_version": 3}, "metadata": {"schema_version": "1",
            "schema_version": "x"}}"#;
        let tree: serde_json::Value = serde_json::from_str(text).expect("valid JSON");
        let head = read_head(text).expect("valid JSON");
        assert_eq!(
            head,
            Head::Object {
                version: tree["metadata"].get("schema_version").cloned()
            }
        );
    }

    #[test]
    fn any_other_top_level_value_is_named_and_a_metadata_that_is_no_object_has_no_version() {
        let named = |text: &str| match read_head(text).expect("valid JSON") {
            Head::Other(kind) => kind,
            Head::Object { .. } => "an object",
        };
        let kinds = [
            "[1, {}]",
            "true",
            "-3",
            "18446744073709551615",
            "2.5",
            "\"s\"",
            "null",
        ]
        .map(named);
        assert_eq!(
            kinds,
            [
                "an array",
                "a boolean",
                "a number",
                "a number",
                "a number",
                "a string",
                "null"
            ]
        );
        assert_eq!(
            read_head(r#"{"metadata": [{"schema_version": 2}]}"#).expect("valid JSON"),
            Head::Object { version: None }
        );
    }

    #[test]
    fn a_syntax_error_after_the_metadata_is_found_at_its_position() {
        let error = read_head("{\"metadata\": {\"schema_version\": 1},\n \"series\": [1,, 2]}")
            .expect_err("broken");
        assert!(error.is_syntax(), "{error}");
        assert_eq!((error.line(), error.column()), (2, 15));
    }
}
