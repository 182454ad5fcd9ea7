//! How the two parties stand towards each other in a record.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How the two parties stand towards each other in a record.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// They work together.
    Cooperation,
    /// Their interests or actions pull apart.
    Divergence,
    /// Both at once.
    Mixed,
    /// Background that is neither.
    Context,
}

impl Stance {
    /// Every stance, in display order.
    pub const ALL: [Self; 4] = [
        Self::Cooperation,
        Self::Divergence,
        Self::Mixed,
        Self::Context,
    ];

    /// A human label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Cooperation => "cooperation",
            Self::Divergence => "divergence",
            Self::Mixed => "mixed",
            Self::Context => "context",
        }
    }
}
