//! The fields of the relationship a record belongs to.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Fields of the relationship a record belongs to.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Domain {
    /// Armed forces, arms sales, bases.
    Military,
    /// Intelligence, surveillance, counter-terrorism, policing.
    Security,
    /// Oil, gas and their markets.
    Energy,
    /// Nuclear power and the nuclear programme.
    Nuclear,
    /// Trade in goods and services.
    Trade,
    /// Loans, banking, payments, investment, sanctions finance.
    Finance,
    /// Rail, road, sea and air routes.
    Transport,
    /// Treaties, summits, organisations, mediation.
    Diplomacy,
    /// Science, cyber and other technology.
    Technology,
}

impl Domain {
    /// Every domain, in display order.
    pub const ALL: [Self; 9] = [
        Self::Military,
        Self::Security,
        Self::Energy,
        Self::Nuclear,
        Self::Trade,
        Self::Finance,
        Self::Transport,
        Self::Diplomacy,
        Self::Technology,
    ];

    /// A human label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Military => "military",
            Self::Security => "security",
            Self::Energy => "energy",
            Self::Nuclear => "nuclear",
            Self::Trade => "trade",
            Self::Finance => "finance",
            Self::Transport => "transport",
            Self::Diplomacy => "diplomacy",
            Self::Technology => "technology",
        }
    }
}
