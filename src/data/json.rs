//! The JSON dataset format: bytes to a checked [`Dataset`], and back.

use super::error::{LoadError, LoadErrorKind, LoadErrors};
use super::json_head::{Head, read_head};
use super::locate::{self, JsonPath, TextPosition};
use super::model::{Dataset, SCHEMA_VERSION};
use super::validate;

/// Problems listed when a dataset does not hold together; more are counted.
pub(crate) const MAX_LISTED_PROBLEMS: usize = 100;

/// Parses and checks a dataset from the bytes of a JSON file.
///
/// `file` names the file in errors. On success the dataset holds together:
/// ids are unique, every record cites sources that exist.
pub fn parse_dataset(bytes: &[u8], file: &str) -> Result<Dataset, LoadErrors> {
    let error_at = |position: Option<TextPosition>, kind: LoadErrorKind| {
        LoadErrors::one(LoadError {
            file: file.to_owned(),
            position,
            kind,
        })
    };

    let bytes = super::strip_bom(bytes);
    let text = std::str::from_utf8(bytes).map_err(|utf8_error| {
        let valid = bytes.get(..utf8_error.valid_up_to()).unwrap_or_default();
        let valid_text = std::str::from_utf8(valid).unwrap_or_default();
        error_at(
            Some(locate::position_of_offset(valid_text, valid_text.len())),
            LoadErrorKind::NotUtf8,
        )
    })?;

    // A first pass checks the syntax and reads the version without building a tree of the
    // document, so that the typed parse below is the only one that holds it.
    let head = read_head(text)
        .map_err(|e| error_at(serde_position(&e), LoadErrorKind::Syntax(serde_message(&e))))?;

    let version = match head {
        Head::Object { version } => version,
        Head::Other(kind) => {
            return Err(error_at(
                Some(locate::position_of_offset(
                    text,
                    text.len() - text.trim_start().len(),
                )),
                LoadErrorKind::Structure(format!(
                    "expected a JSON object with `metadata` and `sources` at the top level, found {kind}"
                )),
            ));
        }
    };

    if let Some(version) = version
        && version.as_u64() != Some(u64::from(SCHEMA_VERSION))
        && (version.is_number() || version.is_string())
    {
        let path = JsonPath::default().key("metadata").key("schema_version");
        return Err(error_at(
            Some(locate::locate(text, &path)),
            LoadErrorKind::UnsupportedVersion {
                found: version.to_string(),
                supported: SCHEMA_VERSION,
            },
        ));
    }

    let mut dataset: Dataset = serde_json::from_str(text).map_err(|e| {
        error_at(
            serde_position(&e),
            LoadErrorKind::Structure(serde_message(&e)),
        )
    })?;

    let problems = validate::validate(&dataset);
    if problems.is_empty() {
        dataset.adopt_old_story();
        Ok(dataset)
    } else {
        let mut locator = locate::Locator::new(text);
        let unlisted = problems.len().saturating_sub(MAX_LISTED_PROBLEMS);
        let mut errors: Vec<LoadError> = problems
            .into_iter()
            .take(MAX_LISTED_PROBLEMS)
            .map(|(path, problem)| LoadError {
                file: file.to_owned(),
                position: Some(locator.locate(&path)),
                kind: LoadErrorKind::Invalid(problem),
            })
            .collect();
        if unlisted > 0 {
            errors.push(LoadError {
                file: file.to_owned(),
                position: None,
                kind: LoadErrorKind::Structure(format!("and {unlisted} more problems, not listed")),
            });
        }
        Err(LoadErrors(errors))
    }
}

/// Reads a dataset from `reader` as it streams, without holding the file's text, and keeps
/// it only when it opens as it is: this format version and no problem. Anything else gives
/// `None`, and the caller reads the text and calls [`parse_dataset`], which says what is
/// wrong and where. A large valid file then costs what it keeps, not that plus its text.
pub fn read_valid_dataset(reader: impl std::io::BufRead) -> Option<Dataset> {
    let mut reader = reader;
    let starts_with_bom = reader.fill_buf().ok()?.starts_with(b"\xEF\xBB\xBF");
    if starts_with_bom {
        reader.consume(3);
    }
    let mut dataset: Dataset = serde_json::from_reader(reader).ok()?;
    if dataset.metadata.schema_version != SCHEMA_VERSION || !validate::validate(&dataset).is_empty()
    {
        return None;
    }
    dataset.adopt_old_story();
    Some(dataset)
}

/// What a JSON value is, in words, for messages.
pub(crate) fn json_kind(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// The dataset as normalized, pretty-printed JSON (format version 1).
pub fn to_json(dataset: &Dataset) -> String {
    let mut text = serde_json::to_string_pretty(dataset).unwrap_or_else(|error| {
        // Serializing plain data with string keys cannot fail; say so loudly if it ever does.
        log::error!("could not serialize the dataset: {error}");
        String::new()
    });
    text.push('\n');
    text
}

pub(crate) fn serde_position(error: &serde_json::Error) -> Option<TextPosition> {
    (error.line() > 0).then(|| TextPosition {
        line: error.line(),
        column: error.column().max(1),
    })
}

/// `serde_json`'s message without its trailing " at line L column C".
pub(crate) fn serde_message(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match message.rfind(" at line ") {
        Some(cut) => message[..cut].to_owned(),
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::error::Problem;

    const VALID: &str = r#"{
  "metadata": {
    "schema_version": 1,
    "title": "Test pair",
    "parties": [
      {"iso_alpha2": "RU", "iso_alpha3": "RUS", "iso_numeric": "643", "name": "Russia"},
      {"iso_alpha2": "IR", "iso_alpha3": "IRN", "iso_numeric": "364", "name": "Iran"}
    ],
    "updated": "2026-11"
  },
  "sources": [{"id": "s1", "title": "A source"}],
  "series": [{
    "id": "trade", "label": "Trade", "unit": "USD bn", "kind": "trade_turnover",
    "points": [
      {"year": 2010, "value": 3.5, "approximate": true, "sources": ["s1"]},
      {"year": 2011, "value": 3.4, "sources": ["s1"]}
    ]
  }],
  "events": [{"id": "e1", "date": "2016-08", "title": "T", "summary": "S",
              "domains": ["military"], "stance": "cooperation", "places": ["p1"], "sources": ["s1"]}],
  "places": [{"id": "p1", "name": "P", "kind": "air_base", "lon": 48.6, "lat": 35.2,
              "domains": ["military"], "stance": "cooperation", "years": {"from": 2016, "to": 2016},
              "sources": ["s1"]}]
}"#;

    fn errors_of(text: &str) -> Vec<LoadError> {
        match parse_dataset(text.as_bytes(), "test.json") {
            Ok(_) => Vec::new(),
            Err(errors) => errors.0,
        }
    }

    fn only_error(text: &str) -> LoadError {
        let errors = errors_of(text);
        assert_eq!(errors.len(), 1, "expected one error, got {errors:?}");
        errors.into_iter().next().expect("one error")
    }

    #[test]
    fn a_valid_file_loads_and_round_trips_through_normalized_json() {
        let dataset = parse_dataset(VALID.as_bytes(), "test.json").expect("valid");
        assert_eq!(dataset.series[0].points.len(), 2);
        assert!(dataset.series[0].points[0].approximate);
        let again = parse_dataset(to_json(&dataset).as_bytes(), "again.json").expect("valid");
        assert_eq!(again, dataset);
    }

    /// `VALID` with a story: the one unnamed `story` of older files, or named `stories`.
    fn with_story(key_and_value: &str) -> String {
        let slide = r#"{"title": "Hamadan", "view": "map", "select": "e1", "caption": "C", "sources": ["s1"]}"#;
        let value = key_and_value.replace("SLIDE", slide);
        VALID.replacen("\n  \"events\"", &format!("\n  {value},\n  \"events\""), 1)
    }

    #[test]
    fn an_older_files_story_opens_as_a_story_named_story_and_is_saved_as_one() {
        let old = with_story(r#""story": [SLIDE]"#);
        let dataset = parse_dataset(old.as_bytes(), "old.json").expect("an older file opens");
        assert_eq!(dataset.stories.len(), 1);
        assert_eq!(dataset.stories[0].name, "Story");
        assert_eq!(dataset.stories[0].slides[0].title, "Hamadan");
        assert!(dataset.old_story.is_empty());
        let saved = to_json(&dataset);
        assert!(saved.contains("\"stories\"") && !saved.contains("\"story\""));
        assert_eq!(
            parse_dataset(saved.as_bytes(), "new.json").expect("reads"),
            dataset
        );

        let both = with_story(
            r#""story": [SLIDE], "stories": [{"name": "Story", "slides": [SLIDE, SLIDE]}]"#,
        );
        let dataset = parse_dataset(both.as_bytes(), "both.json").expect("opens");
        let names: Vec<&str> = dataset.stories.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            ["Story 2", "Story"],
            "the old story first, under a free name"
        );
    }

    #[test]
    fn stories_need_distinct_names_and_their_slides_are_checked_where_they_are() {
        let twice = with_story(
            r#""stories": [{"name": "A", "slides": [SLIDE]}, {"name": "A", "slides": []}]"#,
        );
        let error = only_error(&twice);
        assert!(error.to_string().contains("stories"), "{error}");
        let bad_old =
            with_story(r#""story": [SLIDE]"#).replace("\"select\": \"e1\"", "\"select\": \"e9\"");
        let error = only_error(&bad_old);
        assert!(error.to_string().contains("e9"), "{error}");
        let line =
            |text: &str, needle: &str| text.lines().position(|l| l.contains(needle)).map(|i| i + 1);
        assert_eq!(error.position.map(|p| p.line), line(&bad_old, "\"e9\""));
        let bad_new = with_story(r#""stories": [{"name": "", "slides": [SLIDE]}]"#);
        let error = only_error(&bad_new);
        assert!(error.to_string().contains("name"), "{error}");
    }

    #[test]
    fn every_number_reads_back_to_the_same_bits() {
        // Found by the property tests: without serde_json's `float_roundtrip` this
        // longitude came back one bit off, so `convert` changed the file it read.
        let text = VALID.replace("\"lon\": 48.6", "\"lon\": -105.29189097166261");
        let dataset = parse_dataset(text.as_bytes(), "test.json").expect("valid");
        assert_eq!(
            dataset.places[0].lon.to_bits(),
            (-105.291_890_971_662_61_f64).to_bits()
        );
        assert_eq!(
            to_json(&parse_dataset(to_json(&dataset).as_bytes(), "again.json").expect("valid")),
            to_json(&dataset)
        );
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let with_bom = format!("\u{feff}{VALID}");
        assert!(parse_dataset(with_bom.as_bytes(), "bom.json").is_ok());
    }

    #[test]
    fn syntax_error_names_line_and_column() {
        let broken = VALID.replace("\"title\": \"Test pair\",", "\"title\": \"Test pair\"");
        let error = only_error(&broken);
        assert!(matches!(error.kind, LoadErrorKind::Syntax(_)), "{error}");
        assert_eq!(error.position.map(|p| p.line), Some(5));
        assert!(error.to_string().starts_with("test.json:5:"), "{error}");
    }

    #[test]
    fn truncated_file_is_a_syntax_error() {
        let error = only_error(&VALID[..VALID.len() / 2]);
        assert!(matches!(error.kind, LoadErrorKind::Syntax(_)), "{error}");
        assert!(error.position.is_some());
    }

    #[test]
    fn a_document_that_is_not_an_object_says_what_it_found_and_where() {
        let error = only_error("\n  [1, 2]");
        assert!(matches!(error.kind, LoadErrorKind::Structure(_)), "{error}");
        assert!(error.to_string().contains("found an array"), "{error}");
        let position = error.position.expect("a position");
        assert_eq!((position.line, position.column), (2, 3));
    }

    #[test]
    fn empty_file_is_a_syntax_error() {
        assert!(matches!(only_error("").kind, LoadErrorKind::Syntax(_)));
    }

    #[test]
    fn binary_file_is_not_utf8() {
        let error = match parse_dataset(b"{\"a\": \"\xff\xfe\"}", "x.json") {
            Err(errors) => errors.0.into_iter().next().expect("one"),
            Ok(_) => panic!("binary accepted"),
        };
        assert_eq!(error.kind, LoadErrorKind::NotUtf8);
        assert_eq!(error.position, Some(TextPosition { line: 1, column: 8 }));
    }

    #[test]
    fn wrong_type_is_a_structure_error_at_the_value() {
        let error = only_error(&VALID.replace("\"value\": 3.5", "\"value\": \"3.5\""));
        assert!(matches!(error.kind, LoadErrorKind::Structure(_)), "{error}");
        assert_eq!(error.position.map(|p| p.line), Some(15));
    }

    #[test]
    fn unknown_field_is_refused_and_named() {
        let error = only_error(&VALID.replace("\"approximate\": true", "\"aproximate\": true"));
        assert!(error.to_string().contains("aproximate"), "{error}");
    }

    #[test]
    fn missing_field_is_named() {
        let error = only_error(&VALID.replace("\"unit\": \"USD bn\",", ""));
        assert!(
            error.to_string().contains("missing field `unit`"),
            "{error}"
        );
    }

    #[test]
    fn bad_enum_value_lists_the_expected_ones() {
        let error = only_error(&VALID.replace("\"air_base\"", "\"airbase\""));
        assert!(error.to_string().contains("air_base"), "{error}");
    }

    #[test]
    fn bad_date_is_refused() {
        let error = only_error(&VALID.replace("\"2016-08\"", "\"2016-13\""));
        assert!(error.to_string().contains("not a date"), "{error}");
        assert_eq!(error.position.map(|p| p.line), Some(19));
    }

    #[test]
    fn future_schema_version_is_refused_with_the_supported_one() {
        let error = only_error(&VALID.replace("\"schema_version\": 1", "\"schema_version\": 2"));
        assert!(matches!(
            error.kind,
            LoadErrorKind::UnsupportedVersion { .. }
        ));
        assert_eq!(
            error.position,
            Some(TextPosition {
                line: 3,
                column: 23
            })
        );
    }

    #[test]
    fn unknown_source_is_located_at_the_citation() {
        let error = only_error(&VALID.replace(
            "{\"year\": 2011, \"value\": 3.4, \"sources\": [\"s1\"]}",
            "{\"year\": 2011, \"value\": 3.4, \"sources\": [\"s9\"]}",
        ));
        assert!(
            matches!(&error.kind, LoadErrorKind::Invalid(Problem::UnknownSource { id, .. }) if id == "s9")
        );
        assert_eq!(
            error.position,
            Some(TextPosition {
                line: 16,
                column: 48
            })
        );
    }

    #[test]
    fn record_without_source_is_refused() {
        let error = only_error(&VALID.replace(
            "\"value\": 3.4, \"sources\": [\"s1\"]",
            "\"value\": 3.4, \"sources\": []",
        ));
        assert!(matches!(
            error.kind,
            LoadErrorKind::Invalid(Problem::NoSource { .. })
        ));
    }

    #[test]
    fn unknown_place_is_refused() {
        let error = only_error(&VALID.replace("\"places\": [\"p1\"]", "\"places\": [\"p2\"]"));
        assert!(matches!(
            error.kind,
            LoadErrorKind::Invalid(Problem::UnknownPlace { .. })
        ));
    }

    #[test]
    fn duplicate_ids_are_refused() {
        let doubled = VALID.replace(
            "\"sources\": [{\"id\": \"s1\", \"title\": \"A source\"}]",
            "\"sources\": [{\"id\": \"s1\", \"title\": \"A\"}, {\"id\": \"s1\", \"title\": \"B\"}]",
        );
        let error = only_error(&doubled);
        assert!(matches!(
            error.kind,
            LoadErrorKind::Invalid(Problem::DuplicateId {
                list: "sources",
                ..
            })
        ));
    }

    #[test]
    fn point_without_value_or_range_is_refused() {
        let error = only_error(&VALID.replace("\"value\": 3.4, ", ""));
        assert!(matches!(
            error.kind,
            LoadErrorKind::Invalid(Problem::NoValue { .. })
        ));
    }

    #[test]
    fn reversed_range_and_bad_coordinates_are_refused() {
        let text = VALID
            .replace("\"value\": 3.4", "\"range\": {\"low\": 5, \"high\": 1}")
            .replace("\"lat\": 35.2", "\"lat\": 135.2");
        let kinds: Vec<_> = errors_of(&text).into_iter().map(|e| e.kind).collect();
        assert!(
            kinds
                .iter()
                .any(|k| matches!(k, LoadErrorKind::Invalid(Problem::ReversedRange { .. })))
        );
        assert!(kinds.iter().any(|k| matches!(
            k,
            LoadErrorKind::Invalid(Problem::CoordinateOutOfRange { .. })
        )));
    }

    #[test]
    fn reversed_years_and_end_before_start_are_refused() {
        let text = VALID.replace("\"to\": 2016", "\"to\": 2010").replace(
            "\"date\": \"2016-08\"",
            "\"date\": \"2016-08\", \"end_date\": \"2015\"",
        );
        let kinds: Vec<_> = errors_of(&text).into_iter().map(|e| e.kind).collect();
        assert!(
            kinds
                .iter()
                .any(|k| matches!(k, LoadErrorKind::Invalid(Problem::ReversedYears { .. })))
        );
        assert!(
            kinds
                .iter()
                .any(|k| matches!(k, LoadErrorKind::Invalid(Problem::EndBeforeStart { .. })))
        );
    }

    #[test]
    fn corridor_segments_must_match_waypoints() {
        let text = VALID.replace(
            "\"places\": [{",
            "\"corridors\": [{\"id\": \"c\", \"name\": \"C\", \"domains\": [\"transport\"], \"stance\": \"cooperation\",
              \"years\": {\"from\": 2000}, \"waypoints\": [{\"name\": \"A\", \"lon\": 1, \"lat\": 1}, {\"name\": \"B\", \"lon\": 2, \"lat\": 2}],
              \"segments\": [], \"sources\": [\"s1\"]}],
  \"places\": [{",
        );
        let error = only_error(&text);
        assert!(matches!(
            error.kind,
            LoadErrorKind::Invalid(Problem::SegmentCount {
                expected: 1,
                found: 0,
                ..
            })
        ));
    }

    #[test]
    fn area_needs_a_shape_and_valid_codes() {
        let area = |countries: &str| {
            VALID.replace(
                "\"places\": [{",
                &format!(
                    "\"areas\": [{{\"id\": \"a\", \"name\": \"A\", \"countries\": [{countries}], \"domains\": [\"military\"],
                      \"stance\": \"mixed\", \"years\": {{\"from\": 2015}}, \"sources\": [\"s1\"]}}],
  \"places\": [{{"
                ),
            )
        };
        assert!(errors_of(&area("\"760\"")).is_empty());
        assert!(matches!(
            only_error(&area("")).kind,
            LoadErrorKind::Invalid(Problem::AreaWithoutShape { .. })
        ));
        assert!(matches!(
            only_error(&area("\"SYR\"")).kind,
            LoadErrorKind::Invalid(Problem::BadCountryCode { .. })
        ));
    }

    #[test]
    fn empty_title_is_refused() {
        let error = only_error(&VALID.replace("\"title\": \"A source\"", "\"title\": \" \""));
        assert!(matches!(
            error.kind,
            LoadErrorKind::Invalid(Problem::Empty { field: "title", .. })
        ));
    }

    #[test]
    fn a_dataset_read_as_a_stream_is_the_one_read_from_its_text() {
        let bytes = with_story(r#""stories": [{"name": "Deck", "slides": [SLIDE]}]"#);
        let from_text = parse_dataset(bytes.as_bytes(), "test.json").expect("valid");
        let streamed = read_valid_dataset(bytes.as_bytes()).expect("opens as it is");
        assert_eq!(streamed, from_text);
        let with_bom = format!("\u{feff}{bytes}");
        assert_eq!(read_valid_dataset(with_bom.as_bytes()), Some(from_text));
    }

    #[test]
    fn a_stream_that_does_not_open_as_it_is_is_left_to_the_text() {
        let problem = VALID.replace("\"sources\": [\"s1\"]}", "\"sources\": [\"s9\"]}");
        let newer = VALID.replace("\"schema_version\": 1", "\"schema_version\": 2");
        let broken = VALID.replace("\"title\": \"T\"", "\"title\": T");
        for text in [&problem, &newer, &broken, &format!("{VALID} trailing")] {
            assert_ne!(text, VALID);
            assert_eq!(read_valid_dataset(text.as_bytes()), None, "{text}");
            assert!(!errors_of(text).is_empty());
        }
    }

    #[test]
    fn lists_read_from_a_file_hold_no_spare_room() {
        let dataset = parse_dataset(VALID.as_bytes(), "test.json").expect("valid");
        let streamed = read_valid_dataset(VALID.as_bytes()).expect("valid");
        for dataset in [dataset, streamed] {
            let points = &dataset.series[0].points;
            assert_eq!(points.capacity(), points.len());
            for point in points {
                assert_eq!(point.sources.capacity(), point.sources.len());
            }
        }
    }
}
