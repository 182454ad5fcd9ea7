//! Standing facts: what a source states as holding over a period, with no date of its own,
//! such as what each side sells the other or that the two compete for a market.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::model::{Domain, PartialDate, Stance};

/// A fact the sources state as standing, not as something that happened on a date.
///
/// It is dated by `as_of`, the date the source describes the world as of (normally its
/// publication date), and grouped with others under a `theme`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StandingFact {
    /// Unique id.
    pub id: String,
    /// The heading it is grouped under, such as "Natural gas" or "Payments".
    pub theme: String,
    /// The fact in a sentence or two, paraphrased from the sources.
    pub statement: String,
    /// The date the source describes the world as of, as precise as known; absent when
    /// the source is undated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<PartialDate>,
    /// Fields it belongs to.
    pub domains: Vec<Domain>,
    /// How the parties stand in it.
    pub stance: Stance,
    /// Ids of places where it holds, when it has a location.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    /// Records it answers, contradicts or qualifies, as `list/id`: `events/jcpoa`,
    /// `standing_facts/gas-rivals`, `series/trade-turnover`, `areas/lebanon`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub see_also: Vec<String>,
    /// Ids of the sources that state it.
    pub sources: Vec<String>,
}

impl StandingFact {
    /// "as of 2016", "as of c. 2016", or "undated source".
    pub(crate) fn as_of_label(&self) -> String {
        self.as_of.map_or_else(
            || "undated source".to_owned(),
            |date| format!("as of {date}"),
        )
    }
}

/// The themes of `facts` in first-appearance order, each with its facts.
pub(crate) fn by_theme(facts: &[StandingFact]) -> Vec<(&str, Vec<&StandingFact>)> {
    let mut themes: Vec<(&str, Vec<&StandingFact>)> = Vec::new();
    for fact in facts {
        match themes.iter_mut().find(|(theme, _)| *theme == fact.theme) {
            Some((_, members)) => members.push(fact),
            None => themes.push((fact.theme.as_str(), vec![fact])),
        }
    }
    themes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(id: &str, theme: &str, as_of: Option<&str>) -> StandingFact {
        StandingFact {
            id: id.into(),
            theme: theme.into(),
            statement: "S".into(),
            as_of: as_of.map(|text| PartialDate::parse(text).expect("valid date")),
            domains: vec![Domain::Energy],
            stance: Stance::Divergence,
            places: Vec::new(),
            see_also: Vec::new(),
            sources: vec!["s".into()],
        }
    }

    #[test]
    fn themes_keep_their_first_appearance_order_and_gather_their_facts() {
        let facts = [
            fact("a", "Gas", Some("2016")),
            fact("b", "Payments", None),
            fact("c", "Gas", None),
        ];
        let themes = by_theme(&facts);
        let summary: Vec<(&str, Vec<&str>)> = themes
            .iter()
            .map(|(theme, members)| (*theme, members.iter().map(|f| f.id.as_str()).collect()))
            .collect();
        assert_eq!(
            summary,
            vec![("Gas", vec!["a", "c"]), ("Payments", vec!["b"])]
        );
    }

    #[test]
    fn as_of_reads_as_the_sources_date_or_says_the_source_is_undated() {
        assert_eq!(fact("a", "T", Some("2016")).as_of_label(), "as of 2016");
        assert_eq!(fact("a", "T", Some("2024~")).as_of_label(), "as of c. 2024");
        assert_eq!(fact("a", "T", None).as_of_label(), "undated source");
    }
}
