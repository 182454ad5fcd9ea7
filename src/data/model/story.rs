//! The story: an ordered walk through the data for presenter mode.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Domain, Stance, YearSpan};

/// Which view a slide shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SlideView {
    /// The trade chart.
    Trade,
    /// The map.
    Map,
    /// The timeline.
    Timeline,
    /// The events list.
    Events,
    /// The sources.
    Sources,
}

/// One step of a story: a view, a year or span, a selection, filters and a caption.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Slide {
    /// Shown above the caption.
    pub title: String,
    /// The view the slide shows.
    pub view: SlideView,
    /// The year every view is set to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// The span the timeline shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<YearSpan>,
    /// An event id to select.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<String>,
    /// Domains left on (empty: all).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<Domain>,
    /// Stances left on (empty: all).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stances: Vec<Stance>,
    /// A sentence or two for the audience, paraphrased from the sources.
    pub caption: String,
    /// Ids of the sources behind the caption.
    pub sources: Vec<String>,
}
