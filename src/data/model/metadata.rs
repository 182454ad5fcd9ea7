//! What a dataset is about and the two parties of the relationship.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::PartialDate;

/// What a dataset is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    /// The dataset format version; this build reads version 1.
    pub schema_version: u32,
    /// A short title, shown in the window title and on exports.
    pub title: String,
    /// The two parties of the relationship.
    pub parties: [Party; 2],
    /// A paragraph on what the dataset covers.
    #[serde(default)]
    pub description: String,
    /// When the dataset was last updated.
    pub updated: PartialDate,
    /// The part of the world the map frames at first. When absent, the map frames both
    /// parties' territories and every place, route and area; a dataset gives one when
    /// that would be too much (a party as large as Russia beside a small region).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub map_frame: Option<MapFrame>,
}

/// A box of longitudes and latitudes, in degrees (WGS 84); `east` may exceed 180 for a
/// box across the antimeridian.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MapFrame {
    /// Western edge, degrees east.
    pub west: f64,
    /// Southern edge, degrees north.
    pub south: f64,
    /// Eastern edge, degrees east.
    pub east: f64,
    /// Northern edge, degrees north.
    pub north: f64,
}

/// One of the two states in the relationship.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// ISO 3166-1 alpha-2 code, such as `RU`.
    pub iso_alpha2: String,
    /// ISO 3166-1 alpha-3 code, such as `RUS`.
    pub iso_alpha3: String,
    /// ISO 3166-1 numeric code as three digits, such as `643`.
    pub iso_numeric: String,
    /// The common English name.
    pub name: String,
}
