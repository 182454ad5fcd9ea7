//! The whole dataset, the version of its format, and look-ups of its records by id.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{
    Area, Corridor, Event, Metadata, OLD_STORY_NAME, Place, Series, Slide, Source, Story,
    free_story_name,
};
use crate::data::standing::StandingFact;

/// The dataset format version this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// A whole dataset: one country pair, its sources and everything cited from them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// What the dataset is about and which format version it uses.
    pub metadata: Metadata,
    /// Every work cited by the records below.
    pub sources: Vec<Source>,
    /// Numeric series over years: trade turnover, FDI, loans, and the like.
    #[serde(default)]
    pub series: Vec<Series>,
    /// Dated events.
    #[serde(default)]
    pub events: Vec<Event>,
    /// Facts the sources state as standing, without a date of their own, dated "as of".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub standing_facts: Vec<StandingFact>,
    /// Points on the map: bases, ports, facilities, crossings.
    #[serde(default)]
    pub places: Vec<Place>,
    /// Routes made of waypoints, each segment with a status.
    #[serde(default)]
    pub corridors: Vec<Corridor>,
    /// Countries or regions where the two parties cooperate or diverge.
    #[serde(default)]
    pub areas: Vec<Area>,
    /// Named walks through the data for presenter mode, each its slides in order; optional.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stories: Vec<Story>,
    /// Files written before stories had names held one story here: it is read, checked,
    /// and opened as the first story, named "Story"; never written.
    #[serde(default, rename = "story", skip_serializing)]
    #[schemars(extend("deprecated" = true))]
    pub old_story: Vec<Slide>,
}

/// Look-ups by id. Ids are unique within each list once a dataset has passed validation;
/// should a list hold the same id twice, the first record with it is returned.
impl Dataset {
    /// Makes an older file's unnamed story (`story`) the first of the named ones.
    pub fn adopt_old_story(&mut self) {
        if self.old_story.is_empty() {
            return;
        }
        let story = Story {
            name: free_story_name(&self.stories, OLD_STORY_NAME),
            slides: std::mem::take(&mut self.old_story),
        };
        self.stories.insert(0, story);
    }

    /// Every slide of every story, with its story.
    pub fn all_slides(&self) -> impl Iterator<Item = (&Story, usize, &Slide)> {
        self.stories.iter().flat_map(|story| {
            story
                .slides
                .iter()
                .enumerate()
                .map(move |(index, slide)| (story, index, slide))
        })
    }

    /// Every slide of every story, to change it.
    pub fn all_slides_mut(&mut self) -> impl Iterator<Item = &mut Slide> {
        self.stories
            .iter_mut()
            .flat_map(|story| story.slides.iter_mut())
    }

    /// The story named `name`.
    pub fn story_named(&self, name: &str) -> Option<&Story> {
        self.stories.iter().find(|story| story.name == name)
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|source| source.id == id)
    }

    /// The series with this id.
    pub fn series_by_id(&self, id: &str) -> Option<&Series> {
        self.series.iter().find(|series| series.id == id)
    }

    /// The series with this id, to change it.
    pub fn series_by_id_mut(&mut self, id: &str) -> Option<&mut Series> {
        self.series.iter_mut().find(|series| series.id == id)
    }

    /// The event with this id.
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|event| event.id == id)
    }

    /// The place with this id.
    pub fn place(&self, id: &str) -> Option<&Place> {
        self.places.iter().find(|place| place.id == id)
    }

    /// The corridor with this id.
    pub fn corridor(&self, id: &str) -> Option<&Corridor> {
        self.corridors.iter().find(|corridor| corridor.id == id)
    }

    /// The area with this id.
    pub fn area(&self, id: &str) -> Option<&Area> {
        self.areas.iter().find(|area| area.id == id)
    }
}

#[cfg(test)]
mod tests {
    use crate::data::builtin::builtin_dataset;

    #[test]
    fn each_look_up_finds_the_record_with_its_id_and_nothing_for_an_unknown_one() {
        let mut dataset = builtin_dataset().expect("built-in loads");
        // Ids taken from the end of each list, so a look-up that returned the first record
        // or any record would fail.
        let last_id = |ids: Vec<&String>| ids.last().map(|id| (*id).clone()).expect("a record");
        let source = last_id(dataset.sources.iter().map(|r| &r.id).collect());
        let series = last_id(dataset.series.iter().map(|r| &r.id).collect());
        let event = last_id(dataset.events.iter().map(|r| &r.id).collect());
        let place = last_id(dataset.places.iter().map(|r| &r.id).collect());
        let corridor = last_id(dataset.corridors.iter().map(|r| &r.id).collect());
        let area = last_id(dataset.areas.iter().map(|r| &r.id).collect());
        assert_eq!(dataset.source(&source), dataset.sources.last());
        assert_eq!(dataset.series_by_id(&series), dataset.series.last());
        assert_eq!(dataset.event(&event), dataset.events.last());
        assert_eq!(dataset.place(&place), dataset.places.last());
        assert_eq!(dataset.corridor(&corridor), dataset.corridors.last());
        assert_eq!(dataset.area(&area), dataset.areas.last());

        assert!(dataset.source("no-such-id").is_none());
        assert!(dataset.series_by_id("no-such-id").is_none());
        assert!(dataset.event("no-such-id").is_none());
        assert!(dataset.place("").is_none());
        assert!(
            dataset.corridor(&place).is_none(),
            "ids of other lists do not match"
        );
        assert!(dataset.area(&corridor).is_none());

        dataset
            .series_by_id_mut(&series)
            .expect("found to change")
            .label = "changed".into();
        assert_eq!(
            dataset.series.last().map(|s| s.label.as_str()),
            Some("changed")
        );
    }
}
