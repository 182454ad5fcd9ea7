//! Spans of years in which a record was active.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::is_false;

/// Inclusive years in which a record was active; `to` absent means still active.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct YearSpan {
    /// First year.
    pub from: i32,
    /// Last year, if it ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<i32>,
    /// The sources give these years only roughly ("early 2000s", "soon after"); shown as "c.".
    #[serde(default, skip_serializing_if = "is_false")]
    pub approximate: bool,
}

impl YearSpan {
    /// The years `from` through `to` (open-ended without `to`), as the sources state them.
    pub const fn new(from: i32, to: Option<i32>) -> Self {
        Self {
            from,
            to,
            approximate: false,
        }
    }

    /// Whether the span covers `year`.
    pub fn contains(&self, year: i32) -> bool {
        year >= self.from && self.to.is_none_or(|to| year <= to)
    }
}

impl fmt::Display for YearSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.approximate {
            write!(f, "c. ")?;
        }
        match self.to {
            Some(to) if to == self.from => write!(f, "{}", self.from),
            Some(to) => write!(f, "{}–{}", self.from, to),
            None => write!(f, "{}–", self.from),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_span_without_end_stays_active() {
        let span = YearSpan::new(2016, None);
        assert!(!span.contains(2015));
        assert!(span.contains(2040));
        let closed = YearSpan::new(2016, Some(2016));
        assert!(closed.contains(2016) && !closed.contains(2017));
        assert_eq!(closed.to_string(), "2016");
        let rough = YearSpan {
            approximate: true,
            ..span
        };
        assert_eq!(rough.to_string(), "c. 2016–");
    }
}
