//! The trade chart's legend entries: a coloured dot and the series' name, one click to show or
//! hide the series. Filled dot and coloured name: shown; hollow dot and greyed name: hidden.
//!
//! One widget per entry (one allocation, one interaction, a dot and a laid-out name) instead of
//! a swatch beside a checkbox: a chart with forty series draws forty of them every frame, and
//! the checkbox's frame, tick and atom layout were a sixth of the chart's frame cost
//! (docs/benchmarks.md). Screen readers and tests still see a checkbox with the series' name.

use eframe::egui::{self, Color32, Response, Role, Sense, Ui, WidgetInfo};

/// Side of the dot's square, in points.
const DOT_SIDE: f32 = 12.0;

/// One legend entry for a series named `label` drawn in `color`, shown or not; wraps to a new
/// row first when it would not fit on this one. Clicking it (or Space on it) toggles `shown`
/// and marks the response changed.
pub(crate) fn legend_entry(ui: &mut Ui, label: &str, color: Color32, shown: &mut bool) -> Response {
    let text_color = if *shown {
        color
    } else {
        ui.visuals().weak_text_color()
    };
    let galley = ui.painter().layout_no_wrap(
        label.to_owned(),
        egui::TextStyle::Body.resolve(ui.style()),
        text_color,
    );
    let padding = ui.spacing().button_padding;
    let gap = ui.spacing().icon_spacing;
    let size = egui::vec2(
        2.0 * padding.x + DOT_SIDE + gap + galley.size().x,
        2.0 * padding.y + galley.size().y.max(DOT_SIDE),
    );
    if ui.available_size_before_wrap().x < size.x {
        ui.end_row();
    }
    let (rect, mut response) = ui.allocate_exact_size(size, Sense::click());
    if response.clicked() {
        *shown = !*shown;
        response.mark_changed();
    }
    let now_shown = *shown;
    response
        .widget_info(|| WidgetInfo::selected(Role::CheckBox, ui.is_enabled(), now_shown, label));
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        if response.hovered() || response.has_focus() {
            let visuals = ui.style().interact(&response);
            painter.rect(
                rect,
                visuals.corner_radius,
                visuals.weak_bg_fill,
                visuals.bg_stroke,
                egui::StrokeKind::Inside,
            );
        }
        let dot_centre = egui::pos2(rect.left() + padding.x + DOT_SIDE / 2.0, rect.center().y);
        if *shown {
            painter.circle_filled(dot_centre, 5.0, color);
        } else {
            painter.circle_stroke(dot_centre, 4.5, egui::Stroke::new(1.5, color));
        }
        let text_pos = egui::pos2(
            rect.left() + padding.x + DOT_SIDE + gap,
            rect.center().y - galley.size().y / 2.0,
        );
        painter.galley(text_pos, galley, text_color);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs one frame with an entry in a wrapping row and returns its response and state.
    fn frame(ctx: &egui::Context, input: egui::RawInput, shown: &mut bool) -> Response {
        let mut response = None;
        let mut output = ctx.run_ui(input, |ui| {
            ui.horizontal_wrapped(|ui| {
                response = Some(legend_entry(ui, "Exports", Color32::RED, shown));
            });
        });
        output.textures_delta.clear();
        response.expect("the entry was drawn")
    }

    #[test]
    fn a_click_toggles_the_series_and_reports_a_change() {
        let ctx = egui::Context::default();
        let mut shown = true;
        let first = frame(&ctx, egui::RawInput::default(), &mut shown);
        assert!(!first.changed());
        let centre = first.rect.center();
        let press = |pressed| egui::Event::PointerButton {
            pos: centre,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        };
        let click = egui::RawInput {
            events: vec![egui::Event::PointerMoved(centre), press(true), press(false)],
            ..egui::RawInput::default()
        };
        let clicked = frame(&ctx, click, &mut shown);
        assert!(clicked.changed());
        assert!(!shown, "one click hides the series");
        let hover = egui::RawInput {
            events: vec![egui::Event::PointerMoved(centre)],
            ..egui::RawInput::default()
        };
        let after = frame(&ctx, hover, &mut shown);
        assert!(!after.changed() && !shown, "hovering changes nothing");
    }

    #[test]
    fn an_entry_is_as_wide_as_its_dot_and_name() {
        let ctx = egui::Context::default();
        let mut shown = true;
        let short = frame(&ctx, egui::RawInput::default(), &mut shown)
            .rect
            .width();
        let mut longer = None;
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            ui.horizontal_wrapped(|ui| {
                longer = Some(legend_entry(
                    ui,
                    "Exports of goods",
                    Color32::RED,
                    &mut shown,
                ));
            });
        });
        output.textures_delta.clear();
        let longer = longer.expect("drawn").rect.width();
        assert!(short > DOT_SIDE && longer > short);
    }
}
