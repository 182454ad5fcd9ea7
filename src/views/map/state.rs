//! What the map remembers between frames: its camera, its filters, what is hovered and
//! selected, and whether the year is playing. The year itself is the app's time cursor.

use eframe::egui::Pos2;

use crate::geo::filter::MapFilter;
use crate::geo::projection::MapView;
use crate::geo::setup::MapSetup;
use crate::views::Chrome;

/// Something on the map that can be hovered and selected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MapItem {
    /// A place of the dataset, by id.
    Place(String),
    /// A corridor of the dataset, by id.
    Corridor(String),
    /// An area of the dataset, by id.
    Area(String),
    /// A feature of a GeoJSON layer.
    Feature {
        /// Index of the layer.
        layer: usize,
        /// Index of the feature in it.
        feature: usize,
    },
}

/// The map's own choices and what it saw in the last frame.
#[derive(Debug, Clone)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "independent switches: playing, the frame time shown, the key folded in the window and unfolded when presenting"
)]
pub struct MapViewState {
    /// Centre and zoom; set on the first frame from the screen size and the dataset's
    /// default frame, and again when the dataset's map setup changes.
    pub view: Option<MapView>,
    /// A story slide's frame, fitted into the canvas on the next frame (then `view`).
    pub(crate) wanted_frame: Option<crate::data::SlideMapFrame>,
    /// The frame shown in the last frame, as a slide keeps it.
    pub(crate) shown_frame: Option<crate::data::SlideMapFrame>,
    /// The map setup `view` was framed for.
    pub(crate) framed_for: Option<MapSetup>,
    /// Domain and stance toggles.
    pub(crate) filter: MapFilter,
    /// The year advances by itself.
    pub(crate) playing: bool,
    /// Seconds since the year last advanced while playing.
    pub(super) play_elapsed: f32,
    /// Under the pointer in the last frame.
    pub hovered: Option<MapItem>,
    /// Clicked.
    pub selected: Option<MapItem>,
    /// Where each place's symbol was drawn in the last frame.
    pub place_positions: Vec<(String, Pos2)>,
    /// CPU time of the last map frame (layout and shapes), in milliseconds.
    pub(crate) last_frame_ms: f32,
    /// Show [`Self::last_frame_ms`] beside the year slider.
    pub show_frame_time: bool,
    /// The key is folded to its title (clicked away, to see the map beneath it).
    pub key_folded: bool,
    /// In presenter mode the key starts folded, so that at the presenter's scale it never
    /// covers the pair; a click unfolds it (kept apart from `key_folded`, the analyst's).
    pub key_unfolded_presenting: bool,
    /// The place being dragged to a new position.
    pub(crate) dragged_place: Option<String>,
    /// Where the map was last right-clicked (longitude, latitude), for "New place here".
    pub(crate) right_clicked_at: Option<[f64; 2]>,
}

impl Default for MapViewState {
    fn default() -> Self {
        Self {
            view: None,
            wanted_frame: None,
            shown_frame: None,
            framed_for: None,
            filter: MapFilter::all(),
            playing: false,
            play_elapsed: 0.0,
            hovered: None,
            selected: None,
            place_positions: Vec::new(),
            last_frame_ms: 0.0,
            show_frame_time: true,
            key_folded: false,
            key_unfolded_presenting: false,
            dragged_place: None,
            right_clicked_at: None,
        }
    }
}

impl MapViewState {
    /// Forgets what may not exist in a new dataset; keeps the camera.
    pub(crate) fn on_dataset_changed(&mut self) {
        self.filter = MapFilter::all();
        self.forget_selection();
        self.playing = false;
    }

    /// Forgets the selection and the hover when their record is gone (an edit, an undo);
    /// keeps the camera and the filters.
    pub(crate) fn forget_what_is_gone(&mut self, dataset: &crate::data::Dataset) {
        let exists = |item: &MapItem| match item {
            MapItem::Place(id) => dataset.place(id).is_some(),
            MapItem::Corridor(id) => dataset.corridor(id).is_some(),
            MapItem::Area(id) => dataset.area(id).is_some(),
            MapItem::Feature { .. } => true,
        };
        if !self.selected.as_ref().is_none_or(exists) {
            self.selected = None;
        }
        if !self.hovered.as_ref().is_none_or(exists) {
            self.hovered = None;
        }
    }

    /// Whether the key is folded when drawn with `chrome`: in presenter mode it starts
    /// folded on every slide, so that at the presenter's scale it never covers the pair.
    pub(crate) fn key_folded_in(&self, chrome: Chrome) -> bool {
        if chrome == Chrome::Presenting {
            !self.key_unfolded_presenting
        } else {
            self.key_folded
        }
    }

    /// Remembers a click on the key drawn with `chrome`.
    pub(crate) fn set_key_folded_in(&mut self, chrome: Chrome, folded: bool) {
        if chrome == Chrome::Presenting {
            self.key_unfolded_presenting = !folded;
        } else {
            self.key_folded = folded;
        }
    }

    /// Forgets what is hovered and selected (items may have gone).
    pub(crate) fn forget_selection(&mut self) {
        self.hovered = None;
        self.selected = None;
    }
}
