//! Countries or regions where the parties cooperate or diverge.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Domain, Stance, YearSpan};
use crate::data::basis::Basis;

/// A country or region where the parties cooperate or diverge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// Unique id.
    pub id: String,
    /// Name shown on the map.
    pub name: String,
    /// ISO 3166-1 numeric codes (three digits) of the countries it covers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<String>,
    /// Or an outline as `[lon, lat]` pairs, for areas that are not whole countries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outline: Vec<[f64; 2]>,
    /// Fields it matters for.
    pub domains: Vec<Domain>,
    /// How the parties stand there.
    pub stance: Stance,
    /// Years in which it was an arena of the relationship.
    pub years: YearSpan,
    /// Where the years come from when the sources do not state them for this relationship.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years_basis: Option<Basis>,
    /// What happens there, in a sentence or two.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Ids of the sources that describe it.
    pub sources: Vec<String>,
}
