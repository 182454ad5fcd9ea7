//! For the tests: loading a layer, or the errors of a refused one, from text.

use super::{GeoFeature, GeoLayer, parse_geojson_layer};
use crate::data::error::{LoadError, LoadErrorKind};
use crate::data::locate::TextPosition;

pub(super) fn load(text: &str) -> GeoLayer {
    match parse_geojson_layer(text.as_bytes(), "maps/test.geojson") {
        Ok(layer) => layer,
        Err(errors) => panic!("refused: {errors}"),
    }
}

pub(super) fn errors_of(text: &str) -> Vec<LoadError> {
    errors_of_bytes(text.as_bytes())
}

pub(super) fn errors_of_bytes(bytes: &[u8]) -> Vec<LoadError> {
    match parse_geojson_layer(bytes, "test.geojson") {
        Ok(layer) => panic!("accepted: {layer:?}"),
        Err(errors) => errors.0,
    }
}

pub(super) fn first_error(text: &str) -> LoadError {
    match errors_of(text).into_iter().next() {
        Some(error) => error,
        None => panic!("refused without an error"),
    }
}

pub(super) fn message(error: &LoadError) -> String {
    match &error.kind {
        LoadErrorKind::GeoJson(message) => message.clone(),
        other => panic!("expected a GeoJSON error, got {other:?}"),
    }
}

#[expect(
    clippy::unnecessary_wraps,
    reason = "compared with the errors' optional positions"
)]
pub(super) fn at(line: usize, column: usize) -> Option<TextPosition> {
    Some(TextPosition { line, column })
}

pub(super) fn only_feature(text: &str) -> GeoFeature {
    let mut layer = load(text);
    assert_eq!(layer.features.len(), 1);
    match layer.features.pop() {
        Some(feature) => feature,
        None => panic!("no feature"),
    }
}

pub(super) fn with_props(properties: &str) -> GeoFeature {
    only_feature(&format!(
        r#"{{"type": "Feature", "geometry": null, "properties": {properties}}}"#
    ))
}
