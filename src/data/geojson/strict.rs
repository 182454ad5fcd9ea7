//! Reading JSON with duplicate members refused.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

/// A JSON value read like [`serde_json::Value`], except that an object naming the same
/// member twice is refused: which of the two counts would be a guess; and a document of
/// more than [`MAX_GEOJSON_VALUES`] values is refused as it is read, before it takes more
/// memory than a map layer should (each value costs some 50–100 bytes in the tree).
pub(super) struct StrictValue(pub(super) Value);

/// The most JSON values (numbers, strings, arrays, objects…) a GeoJSON layer may hold:
/// about 1.3 million vertices (three values each), twice Natural Earth's most detailed
/// country borders; the tree of values then takes about 200 MB beside the text.
pub(crate) const MAX_GEOJSON_VALUES: u64 = 4_000_000;

std::thread_local! {
    /// Values read so far by [`parse_strict`] on this thread.
    static VALUES_READ: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Parses `text` as a [`StrictValue`], counting its values from zero.
pub(super) fn parse_strict(text: &str) -> Result<StrictValue, serde_json::Error> {
    VALUES_READ.with(|count| count.set(0));
    serde_json::from_str(text)
}

/// Counts one value; an error once there are more than [`MAX_GEOJSON_VALUES`].
fn count<E: de::Error>() -> Result<(), E> {
    let read = VALUES_READ.with(|count| {
        let read = count.get() + 1;
        count.set(read);
        read
    });
    if read > MAX_GEOJSON_VALUES {
        Err(E::custom(format!(
            "the layer holds more than {MAX_GEOJSON_VALUES} values (coordinates and properties), more than Bilateral reads; simplify it (mapshaper, QGIS) and open it again"
        )))
    } else {
        Ok(())
    }
}

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
        count::<E>()?;
        Ok(Value::Bool(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Value, E> {
        count::<E>()?;
        Ok(Value::from(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Value, E> {
        count::<E>()?;
        Ok(Value::from(value))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Value, E> {
        count::<E>()?;
        serde_json::Number::from_f64(value)
            .map(Value::Number)
            .ok_or_else(|| E::custom("a number must be finite"))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Value, E> {
        count::<E>()?;
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Value, E> {
        count::<E>()?;
        Ok(Value::String(value))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        count::<E>()?;
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        count::<E>()?;
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        StrictValue::deserialize(deserializer).map(|StrictValue(value)| value)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        count::<A::Error>()?;
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(StrictValue(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        count::<A::Error>()?;
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

#[cfg(test)]
mod limit_tests {
    use super::*;

    #[test]
    fn a_document_of_more_values_than_the_limit_is_refused_as_it_is_read() {
        let values = usize::try_from(MAX_GEOJSON_VALUES).unwrap_or(usize::MAX);
        let mut text = String::with_capacity(2 * values + 2);
        text.push('[');
        for _ in 0..values - 2 {
            text.push_str("0,");
        }
        text.push_str("0]");
        assert!(parse_strict(&text).is_ok(), "the limit itself is read");
        text.insert_str(1, "0,");
        let error = parse_strict(&text).err().expect("one more is refused");
        assert!(
            error.to_string().contains("more than 4000000 values"),
            "{error}"
        );
    }
}
