//! The time axis: where a fractional year falls on screen and back, the period a date
//! stands for, and the ticks that follow the zoom from centuries to months.

use eframe::egui::Rect;

use crate::data::{Dataset, DatePrecision, Event, PartialDate};

/// Width of the lane labels on the left, in points.
pub(super) const LANE_LABEL_WIDTH: f32 = 96.0;
/// Height of the axis at the top, in points.
pub(super) const AXIS_HEIGHT: f32 = 28.0;

/// Screen geometry of the timeline for one frame.
pub(super) struct Axis {
    /// The timeline's rectangle on screen.
    pub rect: Rect,
    /// First year shown (fractional).
    pub start: f64,
    /// Last year shown (fractional).
    pub end: f64,
}

impl Axis {
    /// Screen x of a fractional year.
    pub fn x_of(&self, year: f64) -> f32 {
        let left = self.rect.left() + LANE_LABEL_WIDTH;
        let width = f64::from(self.rect.width() - LANE_LABEL_WIDTH);
        #[expect(
            clippy::cast_possible_truncation,
            reason = "screen coordinates fit in f32"
        )]
        let x = left + ((year - self.start) / (self.end - self.start) * width) as f32;
        x
    }

    /// Fractional year at screen x.
    pub fn year_at(&self, x: f32) -> f64 {
        let left = self.rect.left() + LANE_LABEL_WIDTH;
        let width = f64::from(self.rect.width() - LANE_LABEL_WIDTH);
        self.start + f64::from(x - left) / width * (self.end - self.start)
    }
}

/// From the start of the earliest event to the end of the latest, in fractional years;
/// the last two centuries when there are no events.
pub fn events_span(dataset: &Dataset) -> (f64, f64) {
    let spans = dataset.events.iter().map(event_span);
    let first = spans
        .clone()
        .map(|(start, _)| start)
        .fold(f64::INFINITY, f64::min);
    let last = spans.map(|(_, end)| end).fold(f64::NEG_INFINITY, f64::max);
    if first.is_finite() && last.is_finite() {
        (first, last)
    } else {
        (1826.0, 2026.0)
    }
}

/// The start and end, in fractional years, of the period a date stands for: a whole year
/// for a year, a month for a month, a day for a day.
pub fn period(date: PartialDate) -> (f64, f64) {
    let start = date.start_as_year_fraction();
    let length = match date.precision() {
        DatePrecision::Year => 1.0,
        DatePrecision::Month => 1.0 / 12.0,
        DatePrecision::Day => 1.0 / 365.0,
    };
    (start, start + length)
}

/// The span an event covers on the axis: its own period, or through the end of its end date's period.
pub fn event_span(event: &Event) -> (f64, f64) {
    let (start, own_end) = period(event.date);
    let end = event.end_date.map_or(own_end, |end| period(end).1);
    (start, end.max(own_end))
}

/// Tick step in years for a span, and whether ticks are months.
pub(super) fn tick_step(span_years: f64, width_points: f32) -> f64 {
    let wanted_ticks = f64::from((width_points / 90.0).max(2.0));
    let raw = span_years / wanted_ticks;
    let steps = [
        1.0 / 12.0,
        0.25,
        0.5,
        1.0,
        2.0,
        5.0,
        10.0,
        20.0,
        25.0,
        50.0,
        100.0,
    ];
    steps.into_iter().find(|step| *step >= raw).unwrap_or(100.0)
}

/// The label of a tick at `year`: the year, or below a year's step the month (the year
/// itself at January). Counted in whole months, so that 2017.99999 is 2018, not December.
pub(super) fn tick_label(year: f64, step: f64) -> String {
    #[expect(clippy::cast_possible_truncation, reason = "years on the axis")]
    let months = (year * 12.0).round() as i64;
    let (whole, month) = (months.div_euclid(12), months.rem_euclid(12));
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match MONTHS.get(usize::try_from(month).unwrap_or_default()) {
        Some(name) if step < 1.0 && month != 0 => (*name).to_owned(),
        _ => whole.to_string(),
    }
}

/// The ticks from `start` to `end` at `step`, each a whole multiple of the step (no drift).
pub(super) fn ticks(start: f64, end: f64, step: f64) -> impl Iterator<Item = f64> {
    #[expect(clippy::cast_possible_truncation, reason = "tick indices on the axis")]
    let first = (start / step).ceil() as i64;
    #[expect(clippy::cast_precision_loss, reason = "tick indices on the axis")]
    (first..)
        .map(move |index| index as f64 * step)
        .take_while(move |tick| *tick <= end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Domain, Stance};

    fn date(text: &str) -> PartialDate {
        PartialDate::parse(text).expect("valid date")
    }

    #[test]
    fn a_year_covers_the_year_and_a_month_only_the_month() {
        assert_eq!(period(date("2016")), (2016.0, 2017.0));
        let (start, end) = period(date("2016-08"));
        assert!((start - (2016.0 + 7.0 / 12.0)).abs() < 1e-9);
        assert!((end - start - 1.0 / 12.0).abs() < 1e-9);
        let (start, end) = period(date("2024-01-24"));
        assert!(end - start < 0.01);
    }

    #[test]
    fn ranges_run_to_the_end_of_their_end_period() {
        let event = Event {
            id: "e".into(),
            date: date("1980"),
            end_date: Some(date("1988")),
            title: "T".into(),
            summary: "S".into(),
            domains: vec![Domain::Military],
            stance: Stance::Divergence,
            places: Vec::new(),
            sources: vec!["s".into()],
        };
        assert_eq!(event_span(&event), (1980.0, 1989.0));
    }

    #[test]
    fn ticks_follow_the_zoom_from_centuries_to_months() {
        assert!(tick_step(226.0, 1200.0) >= 10.0);
        assert_eq!(tick_step(10.0, 1200.0), 1.0);
        assert!(tick_step(1.0, 1200.0) < 1.0);
        assert_eq!(tick_label(2016.0 + 7.0 / 12.0, 1.0 / 12.0), "Aug");
        assert_eq!(tick_label(2016.0, 1.0 / 12.0), "2016");
    }

    #[test]
    fn year_ticks_at_month_zoom_are_years_however_far_they_are_counted() {
        let labels: Vec<String> = ticks(2015.0, 2019.0, 1.0 / 12.0)
            .map(|tick| tick_label(tick, 1.0 / 12.0))
            .collect();
        assert_eq!(labels.len(), 49);
        for (index, label) in labels.iter().enumerate().step_by(12) {
            assert_eq!(*label, (2015 + index / 12).to_string());
        }
        assert_eq!(labels[7], "Aug");
        assert_eq!(tick_label(2_017.999_999_9, 1.0 / 12.0), "2018");
    }
}
