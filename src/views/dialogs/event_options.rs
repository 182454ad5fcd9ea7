//! What an import of GDELT or ICEWS events makes, chosen in the import dialog: the period
//! of each point of the series and how many of the most covered events go on the timeline
//! (the command line's `--period` and `--top-events`).

use eframe::egui::{self, Ui};

use crate::import::Format;
use crate::import::events::build::{EventOptions, EventPeriod};

/// The most events the dialog offers to put on the timeline.
const MOST_TOP_EVENTS: usize = 1_000;

/// Whether files of `format` are machine-coded events, whose import takes these choices.
pub(crate) fn is_events(format: Format) -> bool {
    matches!(
        format,
        Format::Gdelt2 | Format::Gdelt1 | Format::IcewsTab | Format::IcewsCsv
    )
}

/// The period and the number of most covered events, as a row of controls.
pub(crate) fn event_options_ui(ui: &mut Ui, options: &mut EventOptions) {
    ui.horizontal_wrapped(|ui| {
        ui.label("Counts per");
        for period in [EventPeriod::Month, EventPeriod::Quarter, EventPeriod::Year] {
            ui.radio_value(&mut options.period, period, period.label());
        }
        ui.separator();
        ui.label("Most covered events on the timeline:");
        ui.add(egui::DragValue::new(&mut options.top_events).range(0..=MOST_TOP_EVENTS))
            .on_hover_text("0 puts none on the timeline; the series count every event");
    });
}
