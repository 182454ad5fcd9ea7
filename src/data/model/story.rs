//! Stories: named, ordered walks through the data for presenter mode.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Domain, Stance, YearSpan, is_false};

/// The name given to the one story of a file written before stories had names.
pub const OLD_STORY_NAME: &str = "Story";

/// A named story: the slides presenter mode walks through, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Story {
    /// The story's name, unique in the dataset (`bilateral export --story NAME` picks it).
    pub name: String,
    /// Its slides, in order.
    #[serde(default)]
    pub slides: Vec<Slide>,
}

/// `base`, or `base 2`, `base 3`, …: the first name no story in `stories` has.
pub fn free_story_name(stories: &[Story], base: &str) -> String {
    let taken = |name: &str| stories.iter().any(|story| story.name == name);
    if !taken(base) {
        return base.to_owned();
    }
    // Of the names `base 2` … `base n+2`, the n stories can take at most n.
    (2..=stories.len() + 2)
        .map(|number| format!("{base} {number}"))
        .find(|name| !taken(name))
        .unwrap_or_else(|| base.to_owned())
}

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
    /// What the presenter says over the slide; on the presenter's screen only.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// How a trade-chart slide draws the chart; the window's choices when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chart: Option<SlideChart>,
    /// What a map slide shows; the map's default frame when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub map: Option<SlideMapFrame>,
}

/// The part of the map a slide shows: the point at its centre and the extent around it,
/// fitted whole into whatever screen or page shows the slide.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SlideMapFrame {
    /// Longitude of the centre, degrees east.
    pub lon: f64,
    /// Latitude of the centre, degrees north.
    pub lat: f64,
    /// Width shown, km (on the map's projection, at its centre).
    pub width_km: f64,
    /// Height shown, km.
    pub height_km: f64,
}

/// The trade chart's options a slide keeps: the unit, the series shown and how they are
/// drawn.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SlideChart {
    /// The unit whose series are shown; the trade-turnover unit when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Series shown (`true`) or hidden (`false`) by the presenter; the others as by default.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub series_shown: BTreeMap<String, bool>,
    /// Dashed lines across years with no data.
    #[serde(default, skip_serializing_if = "is_false")]
    pub connect_gaps: bool,
    /// Values on a log scale.
    #[serde(default, skip_serializing_if = "is_false")]
    pub log_scale: bool,
    /// The change from the previous year, in percent, instead of the values.
    #[serde(default, skip_serializing_if = "is_false")]
    pub year_over_year: bool,
}
