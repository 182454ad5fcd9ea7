//! The views: each reads the dataset and its own state, and returns commands.

pub mod events;
pub mod map;
pub mod sources;
pub mod standing;
pub mod timeline;
pub mod trade;

use std::collections::BTreeSet;

use eframe::egui::{self, Color32, Key, Pos2, Response, RichText, Ui};

use crate::data::Domain;
use crate::theme;
use serde::{Deserialize, Serialize};

/// What every view shares: the app's one time cursor, the selected event, and whether
/// the app is presenting (views then hide their side panels).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shared {
    /// The current year: the chart's rule, the map's year, the timeline's centre.
    pub year: i32,
    /// The event selected on the timeline, highlighted on the other views.
    pub selected_event: Option<String>,
    /// Presenter mode is on.
    pub presenting: bool,
    /// Drawing for an exported picture: as when presenting, and without controls.
    pub exporting: bool,
}

impl Shared {
    /// The cursor at `year`, nothing selected, not presenting.
    pub fn at(year: i32) -> Self {
        Self {
            year,
            selected_event: None,
            presenting: false,
            exporting: false,
        }
    }
}

/// Which view fills the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
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
    pub const ALL: [Self; 5] = [
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
    pub fn shortcut_key(self) -> Key {
        match self {
            Self::Trade => Key::Num1,
            Self::Map => Key::Num2,
            Self::Timeline => Key::Num3,
            Self::Events => Key::Num4,
            Self::Sources => Key::Num5,
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

/// The zoom the user asked for over `response` this frame (wheel or pinch) and the
/// pointer position to zoom around; `None` when there is none. Factors above 1 zoom in.
pub fn zoom_gesture(ui: &Ui, response: &Response) -> Option<(f64, Pos2)> {
    if !response.hovered() {
        return None;
    }
    let (scroll, pinch, pointer) = ui.input(|i| {
        (
            i.smooth_scroll_delta.y,
            i.zoom_delta(),
            i.pointer.hover_pos(),
        )
    });
    let factor = f64::from(pinch) * (f64::from(scroll) / 200.0).exp();
    let pointer = pointer?;
    ((factor - 1.0).abs() > 1e-4).then_some((factor, pointer))
}

/// Switches `value` into or out of `set`.
pub fn toggle<T: Ord>(set: &mut BTreeSet<T>, value: T, on: bool) {
    if on {
        set.insert(value);
    } else {
        set.remove(&value);
    }
}

/// The row of domain checkboxes, each with its colour, that the map and the timeline filter by.
pub fn domain_toggles_ui(ui: &mut Ui, domains: &mut BTreeSet<Domain>) {
    ui.label(RichText::new("Domains").strong());
    for domain in Domain::ALL {
        let mut on = domains.contains(&domain);
        color_swatch(ui, theme::domain_color(domain), true);
        let text = RichText::new(domain.label()).color(theme::domain_color(domain));
        if ui.checkbox(&mut on, text).changed() {
            toggle(domains, domain, on);
        }
    }
}
