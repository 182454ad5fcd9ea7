//! Which view fills the window. A plain value that settings, commands and stories share,
//! so none of them depends on the views themselves.

#[cfg(feature = "gui")]
use eframe::egui::Key;
use serde::{Deserialize, Serialize};

/// Which view fills the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ViewKind {
    /// The trade chart.
    #[default]
    Trade,
    /// The cooperation map.
    Map,
    /// The events on a time axis.
    Timeline,
    /// The list of dated events.
    Events,
    /// Every source with its full citation.
    Sources,
}

impl ViewKind {
    /// Every view, in tab order.
    pub(crate) const ALL: [Self; 5] = [
        Self::Trade,
        Self::Map,
        Self::Timeline,
        Self::Events,
        Self::Sources,
    ];

    /// Tab label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Trade => "Trade",
            Self::Map => "Map",
            Self::Timeline => "Timeline",
            Self::Events => "Events",
            Self::Sources => "Sources",
        }
    }

    /// The digit that, with Ctrl (⌘ on macOS), shows this view.
    #[cfg(feature = "gui")]
    pub(crate) fn shortcut_key(self) -> Key {
        match self {
            Self::Trade => Key::Num1,
            Self::Map => Key::Num2,
            Self::Timeline => Key::Num3,
            Self::Events => Key::Num4,
            Self::Sources => Key::Num5,
        }
    }
}
