//! Numeric series over years and their observations.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::is_false;

/// What a series measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SeriesKind {
    /// Total trade in both directions.
    TradeTurnover,
    /// Exports from the first party to the second.
    Exports,
    /// Imports of the first party from the second.
    Imports,
    /// Foreign direct investment.
    Fdi,
    /// Loans released or promised.
    Loans,
    /// Investment announced or discussed, not necessarily made.
    InvestmentPledged,
    /// A change in percent, as stated by a source.
    PercentChange,
    /// Anything else that is counted over years.
    Other,
}

impl SeriesKind {
    /// A human label.
    pub fn label(self) -> &'static str {
        match self {
            Self::TradeTurnover => "trade turnover",
            Self::Exports => "exports",
            Self::Imports => "imports",
            Self::Fdi => "foreign direct investment",
            Self::Loans => "loans",
            Self::InvestmentPledged => "investment announced or discussed",
            Self::PercentChange => "percent change",
            Self::Other => "other",
        }
    }
}

/// A numeric series over years.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Series {
    /// Unique id; imported files merge into the series with the same id.
    pub id: String,
    /// Legend label.
    pub label: String,
    /// Unit of every value, such as `USD bn`, `%` or `km`.
    pub unit: String,
    /// What the series measures.
    pub kind: SeriesKind,
    /// Which party reports or which direction, in words, when it matters.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Observations; several sources may give a value for the same year.
    pub points: Vec<Point>,
}

/// One observation of a series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Point {
    /// Calendar year of the observation.
    pub year: i32,
    /// The value as reported; absent when a source gives only a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// A range, when the source reports the value as one (`low` to `high`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<ValueRange>,
    /// True when the source gives the value as approximate ("about", "some").
    #[serde(default, skip_serializing_if = "is_false")]
    pub approximate: bool,
    /// Ids of the sources that give this value.
    pub sources: Vec<String>,
    /// Context for the value: conversions, caveats, disagreements.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Point {
    /// The value to plot: the reported value, or the middle of a reported range.
    pub fn plotted_value(&self) -> Option<f64> {
        self.value
            .or_else(|| self.range.map(|range| f64::midpoint(range.low, range.high)))
    }
}

/// A value reported as a range.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ValueRange {
    /// Lower bound.
    pub low: f64,
    /// Upper bound.
    pub high: f64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_points_plot_at_their_middle_and_values_win() {
        let mut point = Point {
            year: 2016,
            value: None,
            range: Some(ValueRange {
                low: 35.0,
                high: 45.0,
            }),
            approximate: false,
            sources: vec!["a".into()],
            note: String::new(),
        };
        assert_eq!(point.plotted_value(), Some(40.0));
        point.value = Some(1.0);
        assert_eq!(point.plotted_value(), Some(1.0));
    }
}
