//! Points on the map and what kind of place each is.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Domain, Stance, YearSpan};
use crate::data::basis::Basis;

/// What kind of place a place is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    /// A military air base.
    AirBase,
    /// A naval base.
    NavalBase,
    /// A commercial port.
    Port,
    /// A city or capital.
    City,
    /// A nuclear facility.
    NuclearFacility,
    /// Another facility: a plant, a factory.
    Facility,
    /// A border crossing.
    BorderCrossing,
    /// A region, marked at a representative point.
    Region,
    /// A sea, marked at a representative point.
    Sea,
}

impl PlaceKind {
    /// A human label.
    pub fn label(self) -> &'static str {
        match self {
            Self::AirBase => "air base",
            Self::NavalBase => "naval base",
            Self::Port => "port",
            Self::City => "city",
            Self::NuclearFacility => "nuclear facility",
            Self::Facility => "facility",
            Self::BorderCrossing => "border crossing",
            Self::Region => "region",
            Self::Sea => "sea",
        }
    }
}

/// A point on the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Unique id.
    pub id: String,
    /// Name as shown on the map.
    pub name: String,
    /// What it is.
    pub kind: PlaceKind,
    /// Longitude in degrees east, WGS 84.
    pub lon: f64,
    /// Latitude in degrees north, WGS 84.
    pub lat: f64,
    /// Fields it matters for.
    pub domains: Vec<Domain>,
    /// How the parties stand there.
    pub stance: Stance,
    /// Years in which it was a site of the relationship.
    pub years: YearSpan,
    /// Where the years come from when the sources do not state them for this relationship.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years_basis: Option<Basis>,
    /// What happened there, in a sentence.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Ids of the sources that name it.
    pub sources: Vec<String>,
}
