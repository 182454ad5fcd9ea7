//! The dataset model: what a Bilateral dataset holds, with no UI and no I/O.
//!
//! The JSON format (version 1) is exactly these types through serde; see
//! `docs/dataset-format.md` and the generated `docs/dataset.schema.json`. One concept per
//! file; everything is re-exported here and from [`crate::data`].

mod area;
mod corridor;
mod dataset;
mod date;
mod domain;
mod event;
mod metadata;
mod place;
mod series;
mod source;
mod stance;
mod story;
mod years;

pub use area::Area;
pub use corridor::{Corridor, Segment, SegmentStatus, Waypoint};
pub use dataset::{Dataset, SCHEMA_VERSION};
pub use date::{DateParseError, DatePrecision, PartialDate};
pub use domain::Domain;
pub use event::Event;
pub use metadata::{MapFrame, Metadata, Party};
pub use place::{Place, PlaceKind};
pub use series::{Point, PointTime, Series, SeriesKind, SubYear, ValueRange};
pub use source::Source;
pub use stance::Stance;
pub use story::{
    OLD_STORY_NAME, Slide, SlideChart, SlideMapFrame, SlideView, Story, free_story_name,
};
pub use years::YearSpan;

/// For serde's `skip_serializing_if`: leaves `false` flags out of written files.
#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
fn is_false(value: &bool) -> bool {
    !*value
}
