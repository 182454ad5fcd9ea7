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
    #[serde(deserialize_with = "held_exactly")]
    pub points: Vec<Point>,
}

/// A list as read, in room of its own length. A list read from JSON grows by doubling, and
/// one of a single item has room for four: a dataset of millions of points, each with its
/// list of sources, would keep several times the room it needs.
fn held_exactly<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Vec<T>, D::Error> {
    let mut items = Vec::<T>::deserialize(deserializer)?;
    items.shrink_to_fit();
    Ok(items)
}

/// One observation of a series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Point {
    /// Calendar year of the observation.
    pub year: i32,
    /// The part of the year the observation covers, when less than the whole year (event
    /// counts per month or quarter); absent for a yearly value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<SubYear>,
    /// The value as reported; absent when a source gives only a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// A range, when the source reports the value as one (`low` to `high`).
    // Boxed: few points have one, and millions of points each keep room for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<Box<ValueRange>>,
    /// True when the source gives the value as approximate ("about", "some").
    #[serde(default, skip_serializing_if = "is_false")]
    pub approximate: bool,
    /// Ids of the sources that give this value.
    #[serde(deserialize_with = "held_exactly")]
    pub sources: Vec<String>,
    /// Context for the value: conversions, caveats, disagreements.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A part of a calendar year.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum SubYear {
    /// A quarter, 1 to 4.
    Quarter(u8),
    /// A month, 1 to 12.
    Month(u8),
}

impl SubYear {
    /// The first month of the part, 1 to 12.
    pub fn first_month(self) -> u8 {
        match self {
            Self::Quarter(quarter) => quarter.saturating_sub(1) * 3 + 1,
            Self::Month(month) => month,
        }
    }

    /// Whether the number is a real quarter or month.
    pub fn is_valid(self) -> bool {
        match self {
            Self::Quarter(quarter) => (1..=4).contains(&quarter),
            Self::Month(month) => (1..=12).contains(&month),
        }
    }
}

/// Where a point is: its year and the part of it, ordered in time (a yearly value first).
pub type PointTime = (i32, Option<SubYear>);

impl Point {
    /// When the point is, ordered in time.
    pub fn time(&self) -> PointTime {
        (self.year, self.period)
    }

    /// Where the point sits on a year axis: the start of its year, quarter or month.
    pub fn x(&self) -> f64 {
        let months = self.period.map_or(0, |p| p.first_month().saturating_sub(1));
        f64::from(self.year) + f64::from(months) / 12.0
    }

    /// When the point is, for people: `2018`, `2018 Q1`, `2018-03`.
    pub fn when(&self) -> String {
        match self.period {
            None => self.year.to_string(),
            Some(SubYear::Quarter(quarter)) => format!("{} Q{quarter}", self.year),
            Some(SubYear::Month(month)) => format!("{}-{month:02}", self.year),
        }
    }

    /// The value to plot: the reported value, or the middle of a reported range.
    pub fn plotted_value(&self) -> Option<f64> {
        self.value.or_else(|| {
            self.range()
                .map(|range| f64::midpoint(range.low, range.high))
        })
    }

    /// The range the source reports, if it reports one.
    pub fn range(&self) -> Option<ValueRange> {
        self.range.as_deref().copied()
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
            period: None,
            value: None,
            range: Some(Box::new(ValueRange {
                low: 35.0,
                high: 45.0,
            })),
            approximate: false,
            sources: vec!["a".into()],
            note: String::new(),
        };
        assert_eq!(point.plotted_value(), Some(40.0));
        point.value = Some(1.0);
        assert_eq!(point.plotted_value(), Some(1.0));
    }

    #[test]
    fn months_and_quarters_sit_at_their_start_and_read_as_dates() {
        let mut point = Point {
            year: 2018,
            period: Some(SubYear::Month(3)),
            value: Some(1.0),
            range: None,
            approximate: false,
            sources: vec!["a".into()],
            note: String::new(),
        };
        assert_eq!(point.when(), "2018-03");
        assert!((point.x() - (2018.0 + 2.0 / 12.0)).abs() < 1e-12);
        point.period = Some(SubYear::Quarter(2));
        assert_eq!(point.when(), "2018 Q2");
        assert!((point.x() - 2018.25).abs() < 1e-12);
        assert!(point.time() > (2018, None));
        assert!(!SubYear::Month(13).is_valid());
    }
}
