//! The views. Each reads the data through a [`ViewContext`], keeps only its own choices
//! (filters, zoom, hover) in its state, and asks the app for everything else by pushing
//! [`Command`]s: the time cursor, the selection, files and dialogs belong to the app.

pub mod cache;
pub(crate) mod context;
pub mod dialogs;
pub mod editor;
pub(crate) mod events;

pub mod map;
pub mod paint;

pub(crate) mod slide_state;
pub(crate) mod sources;
pub(crate) mod standing;
pub(crate) mod story_editor;
pub mod theme;
pub(crate) mod timeline;
pub mod trade;
pub(crate) mod widgets;

use eframe::egui::Ui;

use crate::app::command::Command;
pub use crate::settings::view_kind::ViewKind;
pub use context::{Chrome, TimeCursor, ViewContext};

/// The choices of every view, kept between frames. One value, so that presenter mode can
/// save it whole on entering and put it back on leaving.
#[derive(Debug, Clone, Default)]
pub struct ViewStates {
    /// The trade view's options and selection.
    pub trade: trade::TradeViewState,
    /// The map's camera, filters and selection.
    pub map: map::MapViewState,
    /// The timeline's span, filters and search.
    pub timeline: timeline::TimelineViewState,
    /// The events view's filter.
    pub(crate) events: events::EventsViewState,
}

impl ViewStates {
    /// Forgets what may not exist in a new dataset, and frames it.
    pub fn on_dataset_changed(&mut self, dataset: &crate::data::Dataset) {
        self.trade.on_dataset_changed();
        self.map.on_dataset_changed();
        self.timeline.show_all(dataset);
    }
}

/// Draws the view `kind` with its state; what the user asks of the app goes into `commands`.
pub fn view_ui(
    ui: &mut Ui,
    kind: ViewKind,
    cx: &ViewContext<'_>,
    states: &mut ViewStates,
    commands: &mut Vec<Command>,
) {
    match kind {
        ViewKind::Trade => trade::ui(ui, cx, &mut states.trade, commands),
        ViewKind::Map => map::ui(ui, cx, &mut states.map, commands),
        ViewKind::Timeline => timeline::ui(ui, cx, &mut states.timeline, commands),
        ViewKind::Events => events::ui(ui, cx, &mut states.events, commands),
        ViewKind::Sources => sources::ui(ui, cx, commands),
    }
}
