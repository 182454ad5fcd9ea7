//! The document: the relationship on screen (its dataset, the map layers opened over it and
//! where it came from), its undo history, and whether it has changes not yet saved.
//!
//! Only the app's command runner changes it. Every change is one undoable step with a name
//! ("Import TradeData.csv"); the dataset is shared (`Arc`) between the document and its
//! history, so an undo step costs one copy of the dataset it changed and nothing for what it
//! did not touch. Whether there are unsaved changes is derived: the dataset on screen is, or
//! is not, the one last saved or opened.

mod history;
mod imports;
pub mod recovery;
pub mod save;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::data::Dataset;
use crate::data::geojson::GeoLayer;

pub(crate) use history::History;
pub(crate) use imports::{ImportRecord, imports_of, set_import_file};

/// Where the data on screen came from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DataOrigin {
    /// The dataset that ships in the binary.
    BuiltIn,
    /// A file on disk.
    File(PathBuf),
    /// A new relationship made from a trade file.
    Imported(PathBuf),
    /// A new, empty relationship (File › New relationship…).
    New,
}

impl DataOrigin {
    /// A short description for the status bar and window title: a file by its name.
    pub(crate) fn label(&self) -> String {
        match self {
            Self::BuiltIn => "built-in data".to_owned(),
            Self::File(path) => file_name(path),
            Self::Imported(path) => format!("new relationship from {}", file_name(path)),
            Self::New => "new relationship".to_owned(),
        }
    }

    /// The description with a file's whole path, for a tooltip.
    pub(crate) fn full_label(&self) -> String {
        match self {
            Self::File(path) => path.display().to_string(),
            Self::Imported(path) => format!("new relationship from {}", path.display()),
            Self::BuiltIn | Self::New => self.label(),
        }
    }

    /// The dataset file Save writes to, when the data came from one.
    pub fn file(&self) -> Option<&Path> {
        match self {
            Self::File(path) => Some(path),
            Self::BuiltIn | Self::Imported(_) | Self::New => None,
        }
    }
}

/// A file's name without its folder (the whole path if it has none).
pub(crate) fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

/// What the document holds at one moment: what undo goes back to. Cloning it is cheap.
#[derive(Debug, Clone)]
pub(crate) struct Content {
    /// The relationship.
    pub(crate) dataset: Arc<Dataset>,
    /// GeoJSON layers opened over the map. They are not part of the dataset file.
    pub(crate) layers: Arc<Vec<GeoLayer>>,
    /// Where the dataset came from.
    pub(crate) origin: DataOrigin,
}

impl Content {
    /// A dataset with no layers.
    pub(crate) fn new(dataset: Dataset, origin: DataOrigin) -> Self {
        Self {
            dataset: Arc::new(dataset),
            layers: Arc::new(Vec::new()),
            origin,
        }
    }
}

/// The relationship on screen, its history and its saved state.
#[derive(Debug)]
pub struct Document {
    content: Content,
    history: History,
    /// Counts every change of the content (undo and redo too), for the caches built from it.
    generation: u64,
    /// The dataset as last saved or opened, or one with nothing to lose (the built-in data,
    /// a new empty relationship). The document has unsaved changes when its dataset is not
    /// this one.
    saved: Arc<Dataset>,
}

impl Document {
    /// A document holding `dataset`, with nothing unsaved and no history.
    pub(crate) fn new(dataset: Dataset, origin: DataOrigin) -> Self {
        let content = Content::new(dataset, origin);
        Self {
            saved: Arc::clone(&content.dataset),
            content,
            history: History::default(),
            generation: 0,
        }
    }

    /// The dataset on screen.
    pub fn dataset(&self) -> &Dataset {
        &self.content.dataset
    }

    /// The dataset on screen, shared (to save or copy it on another thread).
    pub(crate) fn shared_dataset(&self) -> Arc<Dataset> {
        Arc::clone(&self.content.dataset)
    }

    /// The map layers opened over the data.
    pub fn layers(&self) -> &[GeoLayer] {
        &self.content.layers
    }

    /// Where the data came from.
    pub fn origin(&self) -> &DataOrigin {
        &self.content.origin
    }

    /// The content as it is now (cheap: shared).
    pub(crate) fn content(&self) -> &Content {
        &self.content
    }

    /// Changes each time the content changes, undo and redo included.
    pub(crate) fn generation(&self) -> u64 {
        self.generation
    }

    /// Whether the dataset differs from the one last saved or opened.
    pub fn has_unsaved_changes(&self) -> bool {
        !Arc::ptr_eq(&self.content.dataset, &self.saved)
    }

    /// The trade files imported into the dataset, read from its sources.
    pub fn imports(&self) -> Vec<ImportRecord> {
        imports_of(&self.content.dataset)
    }

    /// Changes the content as one undoable step named `label`; returns what `change` does.
    pub(crate) fn change<T>(
        &mut self,
        label: impl Into<String>,
        change: impl FnOnce(&mut Content) -> T,
    ) -> T {
        let before = self.content.clone();
        let answer = change(&mut self.content);
        self.history.record(label.into(), before);
        self.generation += 1;
        answer
    }

    /// Changes the dataset as one undoable step.
    pub(crate) fn change_dataset<T>(
        &mut self,
        label: impl Into<String>,
        change: impl FnOnce(&mut Dataset) -> T,
    ) -> T {
        self.change(label, |content| change(Arc::make_mut(&mut content.dataset)))
    }

    /// Puts another relationship on screen as one undoable step (a new relationship, the
    /// built-in data again). With `nothing_to_lose` (the built-in data, an empty new pair)
    /// the new dataset counts as saved.
    pub(crate) fn replace(
        &mut self,
        label: impl Into<String>,
        dataset: Dataset,
        origin: DataOrigin,
        nothing_to_lose: bool,
    ) {
        let replacement = Content::new(dataset, origin);
        if nothing_to_lose {
            self.saved = Arc::clone(&replacement.dataset);
        }
        self.change(label, |content| *content = replacement);
    }

    /// Opens another file: the document starts again, with no history, nothing unsaved.
    pub(crate) fn open(&mut self, dataset: Dataset, origin: DataOrigin) {
        let generation = self.generation + 1;
        *self = Self::new(dataset, origin);
        self.generation = generation;
    }

    /// A document holding data restored after a crash: all of it counts as unsaved. Its
    /// generation follows `after`, so that what was built from the data before is rebuilt.
    pub(crate) fn recovered(dataset: Dataset, origin: DataOrigin, after: u64) -> Self {
        let mut document = Self::new(dataset, origin);
        document.saved = Arc::new(crate::data::builtin::empty_dataset());
        document.generation = after + 1;
        document
    }

    /// Takes back the last change; returns its name.
    pub(crate) fn undo(&mut self) -> Option<String> {
        let label = self.history.undo(&mut self.content)?;
        self.generation += 1;
        Some(label)
    }

    /// Does again the last change undone; returns its name.
    pub(crate) fn redo(&mut self) -> Option<String> {
        let label = self.history.redo(&mut self.content)?;
        self.generation += 1;
        Some(label)
    }

    /// The name of the change Undo would take back.
    pub fn undo_label(&self) -> Option<&str> {
        self.history.undo_label()
    }

    /// The name of the change Redo would do again.
    pub(crate) fn redo_label(&self) -> Option<&str> {
        self.history.redo_label()
    }

    /// Notes that `dataset` was written to `path`: the document now comes from that file,
    /// and is saved as long as its dataset is still that one.
    pub(crate) fn saved_as(&mut self, dataset: &Arc<Dataset>, path: PathBuf) {
        self.saved = Arc::clone(dataset);
        self.content.origin = DataOrigin::File(path);
        self.generation += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::builtin::builtin_dataset;

    fn document() -> Document {
        Document::new(
            builtin_dataset().expect("built-in data"),
            DataOrigin::BuiltIn,
        )
    }

    #[test]
    fn a_change_is_unsaved_until_undone_and_redo_brings_it_back() {
        let mut document = document();
        assert!(!document.has_unsaved_changes());
        let title = document.dataset().metadata.title.clone();
        document.change_dataset("Rename", |dataset| {
            dataset.metadata.title = "Renamed".into();
        });
        assert!(document.has_unsaved_changes());
        assert_eq!(document.undo_label(), Some("Rename"));
        assert_eq!(document.undo().as_deref(), Some("Rename"));
        assert_eq!(document.dataset().metadata.title, title);
        assert!(
            !document.has_unsaved_changes(),
            "undone back to the saved data"
        );
        assert_eq!(document.redo().as_deref(), Some("Rename"));
        assert_eq!(document.dataset().metadata.title, "Renamed");
        assert!(document.has_unsaved_changes());
    }

    #[test]
    fn saving_makes_the_document_clean_and_a_later_undo_dirty_again() {
        let mut document = document();
        document.change_dataset("Rename", |dataset| {
            dataset.metadata.title = "Renamed".into();
        });
        let written = document.shared_dataset();
        document.saved_as(&written, PathBuf::from("/tmp/pair.json"));
        assert!(!document.has_unsaved_changes());
        assert_eq!(document.origin().file(), Some(Path::new("/tmp/pair.json")));
        document.undo();
        assert!(
            document.has_unsaved_changes(),
            "the file holds the renamed data"
        );
    }

    #[test]
    fn layers_change_the_document_but_not_the_file() {
        let mut document = document();
        let generation = document.generation();
        document.change("Add layer", |content| {
            Arc::make_mut(&mut content.layers).push(GeoLayer {
                name: "borders".into(),
                features: Vec::new(),
            });
        });
        assert_eq!(document.layers().len(), 1);
        assert!(document.generation() > generation);
        assert!(
            !document.has_unsaved_changes(),
            "layers are not saved in the dataset"
        );
        document.undo();
        assert!(document.layers().is_empty());
    }

    #[test]
    fn a_replacement_is_undone_to_the_data_before_it() {
        let mut document = document();
        document.change_dataset("Rename", |dataset| {
            dataset.metadata.title = "Renamed".into();
        });
        let empty = crate::data::builtin::empty_dataset();
        document.replace("New relationship", empty, DataOrigin::New, true);
        assert_eq!(document.origin(), &DataOrigin::New);
        assert!(
            !document.has_unsaved_changes(),
            "an empty new pair has nothing to lose"
        );
        document.undo();
        assert_eq!(document.origin(), &DataOrigin::BuiltIn);
        assert_eq!(document.dataset().metadata.title, "Renamed");
        assert!(document.has_unsaved_changes());
    }

    #[test]
    fn opening_a_file_starts_a_new_history() {
        let mut document = document();
        document.change_dataset("Rename", |dataset| {
            dataset.metadata.title = "Renamed".into();
        });
        let generation = document.generation();
        let opened = crate::data::builtin::empty_dataset();
        document.open(opened, DataOrigin::File(PathBuf::from("/tmp/x.json")));
        assert_eq!(document.undo_label(), None);
        assert!(!document.has_unsaved_changes());
        assert!(
            document.generation() > generation,
            "the caches see a change"
        );
    }
}
