//! Dated events.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Domain, PartialDate, Stance, is_false};

/// A dated event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Unique id.
    pub id: String,
    /// When it happened, as precise as the sources say (`1813`, `2016-08`, `2024-01-24`).
    pub date: PartialDate,
    /// For something that lasted: when it ended, as precise as known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<PartialDate>,
    /// A short title.
    pub title: String,
    /// A sentence or two, paraphrased from the sources.
    pub summary: String,
    /// Fields the event belongs to.
    pub domains: Vec<Domain>,
    /// How the parties stand in it.
    pub stance: Stance,
    /// Ids of places involved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    /// Ids of the sources that report it.
    pub sources: Vec<String>,
    /// True when a program, not a person, read it from the news (GDELT, ICEWS): its
    /// actors, date and kind may be wrong, as an estimate may.
    #[serde(default, skip_serializing_if = "is_false")]
    pub machine_coded: bool,
    /// Still going on: begun at `date`, with no end yet (it then has no `end_date`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub ongoing: bool,
}

impl Event {
    /// When it happened, for people: `2016-08`, `2015-09 – 2016-03`, `c. 2000`.
    pub fn when(&self) -> String {
        match self.end_date {
            Some(end) => format!("{} – {}", self.date, end),
            None if self.ongoing => format!("{} – ongoing", self.date),
            None => self.date.to_string(),
        }
    }

    /// Whether the sources give its start or its end only roughly.
    pub fn dated_roughly(&self) -> bool {
        self.date.approximate || self.end_date.is_some_and(|end| end.approximate)
    }
}
