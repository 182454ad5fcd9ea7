//! Small pieces of interface several views share: colour swatches, the domain and stance
//! toggles, the list of citations, and the zoom gesture.

use std::collections::BTreeSet;

use eframe::egui::{self, Color32, Pos2, Response, RichText, Ui};

use crate::data::{Dataset, Domain, Stance};
use crate::display::format::source_citation;
use crate::views::theme;

/// A small colour dot in front of a legend or filter entry.
pub(crate) fn color_swatch(ui: &mut Ui, color: Color32, filled: bool) {
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
pub(crate) fn zoom_gesture(ui: &Ui, response: &Response) -> Option<(f64, Pos2)> {
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
pub(crate) fn toggle<T: Ord>(set: &mut BTreeSet<T>, value: T, on: bool) {
    if on {
        set.insert(value);
    } else {
        set.remove(&value);
    }
}

/// The row of domain checkboxes, each with its colour, that the map and the timeline filter by.
pub(crate) fn domain_toggles_ui(ui: &mut Ui, domains: &mut BTreeSet<Domain>) {
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

/// The row of stance checkboxes; `label` says how each stance is drawn in the view, and
/// `swatch` puts the stance's colour in front of it.
pub(crate) fn stance_toggles_ui(
    ui: &mut Ui,
    stances: &mut BTreeSet<Stance>,
    label: impl Fn(Stance) -> String,
    swatch: bool,
) {
    ui.label(RichText::new("Stances").strong());
    for stance in Stance::ALL {
        let mut on = stances.contains(&stance);
        if swatch {
            color_swatch(
                ui,
                theme::stance_color(stance),
                stance != Stance::Divergence,
            );
        }
        if ui.checkbox(&mut on, label(stance)).changed() {
            toggle(stances, stance, on);
        }
    }
}

/// How a list of citations is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CitationStyle {
    /// Body text, for a details panel.
    Full,
    /// Small type, for tooltips.
    Small,
    /// Small and faint, under the text it supports.
    Faint,
}

/// One line per cited source of `dataset`, in full.
pub(crate) fn citations_ui(
    ui: &mut Ui,
    dataset: &Dataset,
    source_ids: &[impl AsRef<str>],
    style: CitationStyle,
) {
    for id in source_ids {
        let text = RichText::new(source_citation(dataset, id.as_ref()));
        ui.label(match style {
            CitationStyle::Full => text,
            CitationStyle::Small => text.small(),
            CitationStyle::Faint => text.small().weak(),
        });
    }
}
