//! What every view is handed each frame: the data, the one time cursor, the chrome to
//! draw with, and the caches. Views read it; only the app shell changes it, through
//! [`Command`](crate::app::command::Command)s.

use crate::data::Dataset;
use crate::data::geojson::GeoLayer;
use crate::views::cache::ViewCaches;

/// The app's one time cursor and the event selected on it. Stored once, in the app shell;
/// views send `Command::SetYear` and `Command::SelectEvent` to move it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeCursor {
    /// The current year: the chart's rule, the map's year, the timeline's cursor.
    pub year: i32,
    /// The event selected on the timeline, highlighted on the other views.
    pub selected_event: Option<String>,
}

impl TimeCursor {
    /// The cursor at `year`, nothing selected.
    pub fn at(year: i32) -> Self {
        Self {
            year,
            selected_event: None,
        }
    }
}

/// How much of the interface a view draws around its content. Derived each frame from
/// the app's state (presenter mode on or off, drawing for an export), never stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chrome {
    /// The window as an analyst uses it: side panels, filters, controls.
    Full,
    /// Presenter mode: the content and the controls a presenter needs, no side panels.
    Presenting,
    /// A picture for export: the content alone, no controls.
    Export,
}

impl Chrome {
    /// Side panels, filters and analysis controls are shown.
    pub(crate) fn is_full(self) -> bool {
        self == Self::Full
    }

    /// Anything that answers input (sliders, buttons) is shown.
    pub(crate) fn is_interactive(self) -> bool {
        self != Self::Export
    }

    /// How many times thicker lines, outlines and markers are drawn than in the window.
    /// Presenting has its own, on top of the presenter zoom: a line one or two pixels wide
    /// on a laptop fades out on a projector at the back of a room.
    pub(crate) fn line_scale(self) -> f32 {
        if self == Self::Presenting { 1.6 } else { 1.0 }
    }

    /// How many times bigger the text drawn on a view's canvas is (the map's names, the
    /// timeline's lanes, years and event titles) than in the window; presenting's own.
    pub(crate) fn label_scale(self) -> f32 {
        if self == Self::Presenting { 1.3 } else { 1.0 }
    }
}

/// Everything a view reads in one frame.
#[derive(Clone, Copy)]
pub struct ViewContext<'a> {
    /// The data on screen.
    pub dataset: &'a Dataset,
    /// GeoJSON layers opened on top of it.
    pub layers: &'a [GeoLayer],
    /// The time cursor and selection.
    pub cursor: &'a TimeCursor,
    /// What to draw around the content.
    pub chrome: Chrome,
    /// Derived data, rebuilt only when the data or the options change.
    pub caches: &'a ViewCaches,
    /// While the record editor draws on the map: the points of the shape so far (map
    /// clicks then add points instead of selecting).
    pub drawing: Option<&'a [[f64; 2]]>,
    /// The record editor is open beside the view, which then leaves out its own details
    /// panel (the editor shows the record).
    pub editor_open: bool,
}

impl ViewContext<'_> {
    /// The view's own details panel is drawn: full chrome, no editor beside it.
    pub(crate) fn shows_details_panel(&self) -> bool {
        self.chrome.is_full() && !self.editor_open
    }
}

impl ViewContext<'_> {
    /// The selected event, if any.
    pub(crate) fn selected_event(&self) -> Option<&crate::data::Event> {
        self.cursor
            .selected_event
            .as_deref()
            .and_then(|id| self.dataset.event(id))
    }
}
