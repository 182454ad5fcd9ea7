//! The undo history: the content before each change, with the change's name, bounded in
//! steps and in the memory the kept copies take.

use std::mem::size_of;
use std::sync::Arc;

use super::Content;
use crate::data::Dataset;
use crate::data::geojson::{GeoLayer, GeoShape};

/// At most this many changes can be undone.
pub(crate) const MAX_HISTORY_STEPS: usize = 100;

/// The copies kept for undo and redo take at most about this much memory; the oldest
/// steps are forgotten first.
pub(crate) const MAX_HISTORY_BYTES: usize = 512 * 1024 * 1024;

/// One change: its name and the content on the other side of it.
#[derive(Debug)]
struct Step {
    label: String,
    content: Content,
    /// About how much memory this step alone keeps alive.
    bytes: usize,
}

/// Changes that can be undone, and changes undone that can be done again.
#[derive(Debug, Default)]
pub(crate) struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl History {
    /// Records a change named `label` that left `before` behind; what was undone can no
    /// longer be redone.
    pub(crate) fn record(&mut self, label: String, before: Content) {
        self.redo.clear();
        let bytes = kept_bytes(&before);
        self.undo.push(Step {
            label,
            content: before,
            bytes,
        });
        self.forget_the_oldest();
    }

    /// Goes back one change: `content` becomes what it was before it. Returns its name.
    pub(crate) fn undo(&mut self, content: &mut Content) -> Option<String> {
        let step = self.undo.pop()?;
        let label = step.label.clone();
        let now = std::mem::replace(content, step.content);
        self.redo.push(Step {
            bytes: kept_bytes(&now),
            label: step.label,
            content: now,
        });
        Some(label)
    }

    /// Does again the last change undone. Returns its name.
    pub(crate) fn redo(&mut self, content: &mut Content) -> Option<String> {
        let step = self.redo.pop()?;
        let label = step.label.clone();
        let now = std::mem::replace(content, step.content);
        self.undo.push(Step {
            bytes: kept_bytes(&now),
            label: step.label,
            content: now,
        });
        Some(label)
    }

    /// The name of the change undo takes back.
    pub(crate) fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|step| step.label.as_str())
    }

    /// The name of the change redo does again.
    pub(crate) fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|step| step.label.as_str())
    }

    #[cfg(test)]
    /// How many changes can be undone.
    pub(crate) fn undo_steps(&self) -> usize {
        self.undo.len()
    }

    fn forget_the_oldest(&mut self) {
        let mut bytes: usize = self.undo.iter().chain(&self.redo).map(|s| s.bytes).sum();
        let mut forget = 0;
        while self.undo.len() - forget > MAX_HISTORY_STEPS
            || (bytes > MAX_HISTORY_BYTES && self.undo.len() - forget > 1)
        {
            bytes -= self.undo[forget].bytes;
            forget += 1;
        }
        self.undo.drain(..forget);
    }
}

/// About how much memory `content` keeps alive when nothing else holds it: its dataset and
/// layers when they are only in the history (shared ones cost nothing more).
fn kept_bytes(content: &Content) -> usize {
    let dataset = if Arc::strong_count(&content.dataset) > 1 {
        0
    } else {
        dataset_bytes(&content.dataset)
    };
    let layers = if Arc::strong_count(&content.layers) > 1 {
        0
    } else {
        content.layers.iter().map(layer_bytes).sum()
    };
    dataset + layers
}

/// An estimate of a dataset's heap size: its records and their longer texts. It need not
/// be exact, only grow with the dataset.
pub(super) fn dataset_bytes(dataset: &Dataset) -> usize {
    let points: usize = dataset
        .series
        .iter()
        .map(|series| {
            series.points.len() * (size_of::<crate::data::Point>() + 48)
                + series.points.iter().map(|p| p.note.len()).sum::<usize>()
        })
        .sum();
    let events: usize = dataset
        .events
        .iter()
        .map(|event| size_of::<crate::data::Event>() + event.title.len() + event.summary.len())
        .sum();
    let sources: usize = dataset
        .sources
        .iter()
        .map(|source| size_of::<crate::data::Source>() + source.title.len() + source.note.len())
        .sum();
    let other = (dataset.places.len() + dataset.areas.len() + dataset.corridors.len()) * 512
        + dataset.standing_facts.len() * 512;
    points + events + sources + other
}

fn layer_bytes(layer: &GeoLayer) -> usize {
    layer
        .features
        .iter()
        .flat_map(|feature| &feature.shapes)
        .map(|shape| match shape {
            GeoShape::Point(_) => 16,
            GeoShape::Line(positions) => positions.len() * 16,
            GeoShape::Polygon { exterior, holes } => {
                (exterior.len() + holes.iter().map(Vec::len).sum::<usize>()) * 16
            }
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::builtin::builtin_dataset;
    use crate::document::DataOrigin;

    fn content() -> Content {
        Content::new(
            builtin_dataset().expect("built-in data"),
            DataOrigin::BuiltIn,
        )
    }

    #[test]
    fn the_history_keeps_at_most_its_steps() {
        let mut history = History::default();
        let mut now = content();
        for step in 0..MAX_HISTORY_STEPS + 20 {
            let before = now.clone();
            Arc::make_mut(&mut now.dataset).metadata.title = format!("title {step}");
            history.record(format!("step {step}"), before);
        }
        assert_eq!(history.undo_steps(), MAX_HISTORY_STEPS);
        let mut undone = 0;
        while history.undo(&mut now).is_some() {
            undone += 1;
        }
        assert_eq!(undone, MAX_HISTORY_STEPS);
        assert_eq!(
            now.dataset.metadata.title, "title 19",
            "the oldest were forgotten"
        );
    }

    #[test]
    fn a_change_after_undo_forgets_the_redo() {
        let mut history = History::default();
        let mut now = content();
        let before = now.clone();
        Arc::make_mut(&mut now.dataset).metadata.title = "a".into();
        history.record("a".into(), before);
        history.undo(&mut now);
        assert_eq!(history.redo_label(), Some("a"));
        let before = now.clone();
        Arc::make_mut(&mut now.dataset).metadata.title = "b".into();
        history.record("b".into(), before);
        assert_eq!(history.redo_label(), None);
        assert_eq!(history.undo_label(), Some("b"));
    }

    #[test]
    fn big_datasets_are_kept_fewer_times() {
        let mut dataset = builtin_dataset().expect("built-in data");
        // A series long enough to make each copy about 64 MB by the estimate.
        let point = dataset.series[0].points[0].clone();
        let points = 64 * 1024 * 1024 / (size_of::<crate::data::Point>() + 48);
        dataset.series[0].points = vec![point; points];
        let mut now = Content::new(dataset, DataOrigin::BuiltIn);
        let mut history = History::default();
        for step in 0..20 {
            let before = now.clone();
            Arc::make_mut(&mut now.dataset).metadata.title = format!("{step}");
            history.record(format!("{step}"), before);
        }
        let per_copy = dataset_bytes(&now.dataset);
        assert!(
            per_copy * 20 > MAX_HISTORY_BYTES,
            "the test data is big enough"
        );
        assert!(history.undo_steps() * per_copy <= MAX_HISTORY_BYTES);
        assert!(history.undo_steps() >= 1, "one step is always kept");
    }
}
