//! Counts of what a dataset holds, for `bilateral check` and the status bar.

use std::fmt;

use super::model::Dataset;

/// How many records of each kind a dataset holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct DatasetSummary {
    /// Sources.
    pub(crate) sources: usize,
    /// Series.
    pub(crate) series: usize,
    /// Points over all series.
    pub(crate) points: usize,
    /// Events.
    pub(crate) events: usize,
    /// Standing facts.
    pub(crate) standing_facts: usize,
    /// Places.
    pub(crate) places: usize,
    /// Corridors.
    pub(crate) corridors: usize,
    /// Areas.
    pub(crate) areas: usize,
}

impl DatasetSummary {
    /// Counts the records of `dataset`.
    pub(crate) fn of(dataset: &Dataset) -> Self {
        Self {
            sources: dataset.sources.len(),
            series: dataset.series.len(),
            points: dataset.series.iter().map(|s| s.points.len()).sum(),
            events: dataset.events.len(),
            standing_facts: dataset.standing_facts.len(),
            places: dataset.places.len(),
            corridors: dataset.corridors.len(),
            areas: dataset.areas.len(),
        }
    }
}

impl fmt::Display for DatasetSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} sources, {} series, {} points, {} events, {} standing facts, {} places, {} corridors, {} areas",
            self.sources,
            self.series,
            self.points,
            self.events,
            self.standing_facts,
            self.places,
            self.corridors,
            self.areas
        )
    }
}
