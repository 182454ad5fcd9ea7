//! A cited work and its citation.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::PartialDate;

/// A cited work.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Unique id that records cite.
    pub id: String,
    /// Author or authors, when the work names them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Title of the work.
    pub title: String,
    /// Publisher or outlet, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Publication date, as precise as known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// Where the work can be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The local file the work was read from (a download imported into the dataset), as its
    /// path when it was read: File › Imports lists it, and it is imported again when it
    /// changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Anything a reader should know about the work or how it was cited.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Source {
    /// The full citation in one line: author, title, publisher, date.
    pub fn citation(&self) -> String {
        let mut parts = Vec::new();
        if let Some(author) = &self.author {
            parts.push(author.clone());
        }
        parts.push(format!("“{}”", self.title));
        if let Some(publisher) = &self.publisher {
            parts.push(publisher.clone());
        }
        if let Some(date) = &self.date {
            parts.push(date.to_string());
        }
        parts.join(", ")
    }
}
