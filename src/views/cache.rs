//! Data the views derive from the dataset and their options, kept between frames and
//! rebuilt only when what it comes from changes: the chart model, the lowercased event
//! text the searches look in, how often each source is cited, and the dataset's map (made
//! the first time the map view asks for it, so that starting on another view does not pay
//! for decoding and preparing the basemap).

use std::cell::OnceCell;
use std::collections::HashMap;
use std::sync::Arc;

use egui_plot::PlotPoint;

use crate::chart::{self, ChartModel, ChartOptions};
use crate::data::Dataset;
use crate::geo::world::{WorldMap, world_map_for};

/// Every cache the views read. The app refreshes it before drawing.
#[derive(Debug, Default)]
pub struct ViewCaches {
    /// The dataset generation the data-keyed caches were built from.
    generation: Option<u64>,
    /// The options the chart model was built with.
    chart_options: Option<ChartOptions>,
    chart: ChartModel,
    /// Counts the chart model's rebuilds, so that what is drawn from it can be kept while it
    /// stays the same.
    chart_revision: u64,
    /// Each chart series' polylines as the plot's points, in the chart's series order, so
    /// that a frame borrows them instead of joining and converting every line again.
    chart_lines: Vec<Vec<ChartLine>>,
    event_text: Vec<String>,
    citations: HashMap<String, CitationCounts>,
    /// The dataset's map: its projection, frame and prepared basemap; made on first use.
    world: OnceCell<Result<Arc<WorldMap>, &'static str>>,
}

/// One polyline of a chart series in plot coordinates, and whether it is dashed (across a gap).
pub(crate) type ChartLine = (Vec<PlotPoint>, bool);

/// How many records of each kind cite one source.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct CitationCounts {
    /// Data points of series.
    pub(crate) points: usize,
    /// Dated events and standing facts.
    pub(crate) events: usize,
    /// Places, routes and areas.
    pub(crate) places: usize,
}

impl ViewCaches {
    /// Brings every cache up to date with `dataset` (at `generation`, which the app
    /// bumps whenever the data changes) and the trade view's options. Cheap when
    /// nothing changed.
    pub fn refresh(&mut self, dataset: &Dataset, generation: u64, chart_options: &ChartOptions) {
        let data_changed = self.generation != Some(generation);
        if data_changed {
            self.generation = Some(generation);
            self.event_text = dataset
                .events
                .iter()
                .map(|event| format!("{}\n{}", event.title, event.summary).to_lowercase())
                .collect();
            self.citations = citation_counts(dataset);
            self.world = OnceCell::new();
        }
        if data_changed || self.chart_options.as_ref() != Some(chart_options) {
            self.chart = chart::build(dataset, chart_options);
            self.chart_revision += 1;
            self.chart_lines = self
                .chart
                .series
                .iter()
                .map(|series| {
                    series
                        .polylines()
                        .into_iter()
                        .map(|(points, dashed)| {
                            let points = points.into_iter().map(|[x, y]| PlotPoint::new(x, y));
                            (points.collect(), dashed)
                        })
                        .collect()
                })
                .collect();
            self.chart_options = Some(chart_options.clone());
        }
    }

    /// The dataset generation the caches were last built from; `None` before the first
    /// refresh. Views key their own caches on it.
    pub(crate) fn generation(&self) -> Option<u64> {
        self.generation
    }

    /// The trade chart for the current data and options.
    pub(crate) fn chart(&self) -> &ChartModel {
        &self.chart
    }

    /// Which build of the chart model [`Self::chart`] is: it changes whenever the model does.
    pub(crate) fn chart_revision(&self) -> u64 {
        self.chart_revision
    }

    /// The polylines of the chart's series at `series_index` (empty for an index out of range).
    pub(crate) fn chart_lines(&self, series_index: usize) -> &[ChartLine] {
        self.chart_lines
            .get(series_index)
            .map_or(&[], Vec::as_slice)
    }

    /// The map of `dataset` (its projection, default frame and basemap), or why the basemap
    /// could not be prepared. Made on the first call after the data changed, from `dataset`,
    /// which must be the dataset of the last [`Self::refresh`].
    pub(crate) fn world_map(&self, dataset: &Dataset) -> Result<&WorldMap, &'static str> {
        match self.world.get_or_init(|| world_map_for(dataset)) {
            Ok(world) => Ok(world),
            Err(reason) => Err(reason),
        }
    }

    /// The title and summary of the event at `index` in the dataset, lowercased, for
    /// searches to look in (empty for an index out of range).
    pub(crate) fn event_text(&self, index: usize) -> &str {
        self.event_text.get(index).map_or("", String::as_str)
    }

    /// How many records cite the source `source_id`.
    pub(crate) fn citations_of(&self, source_id: &str) -> CitationCounts {
        self.citations.get(source_id).copied().unwrap_or_default()
    }
}

fn citation_counts(dataset: &Dataset) -> HashMap<String, CitationCounts> {
    let mut counts: HashMap<String, CitationCounts> = HashMap::new();
    let mut add = |sources: &[String], field: fn(&mut CitationCounts) -> &mut usize| {
        for source in sources {
            *field(counts.entry(source.clone()).or_default()) += 1;
        }
    };
    for point in dataset.series.iter().flat_map(|s| &s.points) {
        add(&point.sources, |c| &mut c.points);
    }
    for sources in dataset
        .events
        .iter()
        .map(|e| &e.sources)
        .chain(dataset.standing_facts.iter().map(|f| &f.sources))
    {
        add(sources, |c| &mut c.events);
    }
    let located = dataset
        .places
        .iter()
        .map(|p| &p.sources)
        .chain(dataset.corridors.iter().map(|c| &c.sources))
        .chain(dataset.areas.iter().map(|a| &a.sources));
    for sources in located {
        add(sources, |c| &mut c.places);
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::builtin::builtin_dataset;

    #[test]
    fn citation_counts_match_a_count_by_hand() {
        let dataset = builtin_dataset().expect("built-in loads");
        let mut caches = ViewCaches::default();
        caches.refresh(&dataset, 1, &ChartOptions::default());
        for source in &dataset.sources {
            let cites = |sources: &[String]| sources.contains(&source.id);
            let points = dataset
                .series
                .iter()
                .flat_map(|s| &s.points)
                .filter(|p| cites(&p.sources))
                .count();
            let events = dataset.events.iter().filter(|e| cites(&e.sources)).count()
                + dataset
                    .standing_facts
                    .iter()
                    .filter(|f| cites(&f.sources))
                    .count();
            let places = dataset.places.iter().filter(|p| cites(&p.sources)).count()
                + dataset
                    .corridors
                    .iter()
                    .filter(|c| cites(&c.sources))
                    .count()
                + dataset.areas.iter().filter(|a| cites(&a.sources)).count();
            assert_eq!(
                caches.citations_of(&source.id),
                CitationCounts {
                    points,
                    events,
                    places
                },
                "{}",
                source.id
            );
        }
    }

    #[test]
    fn caches_follow_the_data_generation_and_the_options() {
        let mut dataset = builtin_dataset().expect("built-in loads");
        let mut caches = ViewCaches::default();
        let options = ChartOptions::default();
        caches.refresh(&dataset, 1, &options);
        let title = dataset.events[0].title.to_lowercase();
        assert!(caches.event_text(0).starts_with(&title));
        dataset.events[0].title = "Renamed".into();
        caches.refresh(&dataset, 1, &options);
        assert!(
            caches.event_text(0).starts_with(&title),
            "same generation: not rebuilt"
        );
        caches.refresh(&dataset, 2, &options);
        assert!(caches.event_text(0).starts_with("renamed\n"));
        let log = ChartOptions {
            log_scale: true,
            ..options
        };
        caches.refresh(&dataset, 2, &log);
        assert!(caches.chart().log_scale, "new options rebuild the chart");
    }

    #[test]
    fn the_map_is_made_on_first_use_and_again_after_the_data_changes() {
        let dataset = builtin_dataset().expect("built-in loads");
        let mut caches = ViewCaches::default();
        let options = ChartOptions::default();
        caches.refresh(&dataset, 1, &options);
        assert!(caches.world.get().is_none(), "not made by a refresh");
        let first: *const WorldMap = caches.world_map(&dataset).expect("the map is made");
        let again: *const WorldMap = caches.world_map(&dataset).expect("kept");
        assert_eq!(first, again, "the second call reuses it");
        caches.refresh(&dataset, 1, &options);
        assert!(caches.world.get().is_some(), "same generation: kept");
        caches.refresh(&dataset, 2, &options);
        assert!(
            caches.world.get().is_none(),
            "new data: made again when asked"
        );
    }
}
