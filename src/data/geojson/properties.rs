//! What a feature's properties say: its name, domain, stance, years and source, and the
//! rest kept as text.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::{GeoFeature, GeoShape};
use crate::data::model::YearSpan;

pub(super) fn with_properties(
    shapes: Vec<GeoShape>,
    mut properties: Map<String, Value>,
) -> GeoFeature {
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

/// Takes `key` when its value is text naming a `T` (a `snake_case` label, any case).
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
                .map(|float| {
                    #[expect(clippy::cast_possible_truncation, reason = "whole and within i32")]
                    let whole = float as i32;
                    whole
                }),
        },
        Value::String(text) => text.trim().parse().ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use crate::data::model::{Domain, Stance, YearSpan};

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
}
