//! Routes across the map: waypoints and the status of each stretch between them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Domain, Stance, YearSpan};
use crate::data::basis::Basis;

/// The state of one stretch of a corridor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SegmentStatus {
    /// In use.
    Operating,
    /// Being built.
    UnderConstruction,
    /// Needed for the route but not built.
    MissingLink,
    /// Agreed or proposed only.
    Planned,
}

impl SegmentStatus {
    /// A human label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Operating => "operating",
            Self::UnderConstruction => "under construction",
            Self::MissingLink => "missing link",
            Self::Planned => "planned",
        }
    }
}

/// A named point of a corridor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Waypoint {
    /// Name of the town, port or crossing.
    pub name: String,
    /// Longitude in degrees east.
    pub lon: f64,
    /// Latitude in degrees north.
    pub lat: f64,
}

/// The stretch between two consecutive waypoints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Segment {
    /// Its state.
    pub status: SegmentStatus,
    /// What the status rests on: the sources that state it, or general knowledge.
    pub basis: Basis,
    /// Mode or caveat, such as "by sea" or "the Rasht–Astara gap".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A route across the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Corridor {
    /// Unique id.
    pub id: String,
    /// Name shown on the map.
    pub name: String,
    /// Fields it matters for.
    pub domains: Vec<Domain>,
    /// How the parties stand on it.
    pub stance: Stance,
    /// Years in which it was part of the relationship.
    pub years: YearSpan,
    /// Where the years come from when the sources do not state them for this relationship.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years_basis: Option<Basis>,
    /// What it is, in a sentence or two.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Ordered points along the route; at least two.
    pub waypoints: Vec<Waypoint>,
    /// One entry per stretch between consecutive waypoints (waypoints − 1).
    pub segments: Vec<Segment>,
    /// Ids of the sources that describe it.
    pub sources: Vec<String>,
}
