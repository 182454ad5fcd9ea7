//! What a statement in a dataset rests on when the cited sources do not simply state it:
//! the status of a corridor stretch, or years inferred or borrowed from elsewhere.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Where a status or a span of years comes from. Written as an object with one key:
/// `{"sources": ["trenin-2016"]}`, `{"general_knowledge": "…"}`, `{"inferred": "…"}`
/// or `{"other_relationship": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The sources with these ids state it.
    Sources(Vec<String>),
    /// Not from the sources but general knowledge; the text says what is known.
    GeneralKnowledge(String),
    /// Not stated but inferred from the sources; the text says how.
    Inferred(String),
    /// Taken from another relationship (another pair of states); the text says which and why.
    OtherRelationship(String),
}

impl Basis {
    #[cfg(test)]
    /// A short label for people: "sources", "general knowledge", "inferred",
    /// "from another relationship".
    pub(crate) fn label(&self) -> &'static str {
        match self {
            Self::Sources(_) => "sources",
            Self::GeneralKnowledge(_) => "general knowledge",
            Self::Inferred(_) => "inferred",
            Self::OtherRelationship(_) => "from another relationship",
        }
    }

    #[cfg(test)]
    /// The explanation, for the kinds that carry one.
    pub(crate) fn explanation(&self) -> Option<&str> {
        match self {
            Self::Sources(_) => None,
            Self::GeneralKnowledge(text) | Self::Inferred(text) | Self::OtherRelationship(text) => {
                Some(text)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_is_an_object_with_one_snake_case_key() {
        let sources: Basis = serde_json::from_str(r#"{"sources": ["a", "b"]}"#).expect("parses");
        assert_eq!(sources, Basis::Sources(vec!["a".into(), "b".into()]));
        let known: Basis =
            serde_json::from_str(r#"{"general_knowledge": "opened in 2019"}"#).expect("parses");
        assert_eq!(known.label(), "general knowledge");
        assert_eq!(known.explanation(), Some("opened in 2019"));
        let borrowed = Basis::OtherRelationship("Russia–Turkey".into());
        assert_eq!(
            serde_json::to_string(&borrowed).expect("serializes"),
            r#"{"other_relationship":"Russia–Turkey"}"#
        );
        assert!(serde_json::from_str::<Basis>(r#"{"hearsay": "x"}"#).is_err());
        assert!(serde_json::from_str::<Basis>(r#""general_knowledge""#).is_err());
    }
}
