//! The views: each reads the dataset and its own state, and returns commands.

pub mod events;
pub mod map;
pub mod sources;
pub mod trade;

use eframe::egui::{self, Color32, Key, Ui};
use serde::{Deserialize, Serialize};

/// Which view fills the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ViewKind {
    /// The trade chart.
    #[default]
    Trade,
    /// The cooperation map.
    Map,
    /// The list of dated events.
    Events,
    /// Every source with its full citation.
    Sources,
}

impl ViewKind {
    /// Every view, in tab order.
    pub const ALL: [Self; 4] = [Self::Trade, Self::Map, Self::Events, Self::Sources];

    /// Tab label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Trade => "Trade",
            Self::Map => "Map",
            Self::Events => "Events",
            Self::Sources => "Sources",
        }
    }

    /// The digit that, with Ctrl (⌘ on macOS), shows this view.
    pub fn shortcut_key(self) -> Key {
        match self {
            Self::Trade => Key::Num1,
            Self::Map => Key::Num2,
            Self::Events => Key::Num3,
            Self::Sources => Key::Num4,
        }
    }
}

/// A small colour dot in front of a legend or filter entry.
pub fn color_swatch(ui: &mut Ui, color: Color32, filled: bool) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
    if filled {
        ui.painter().circle_filled(rect.center(), 5.0, color);
    } else {
        ui.painter()
            .circle_stroke(rect.center(), 4.5, egui::Stroke::new(1.5, color));
    }
}
