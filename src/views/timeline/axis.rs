//! The time axis: where a fractional year falls on screen and back, the period a date
//! stands for. Its ticks come from [`crate::display::ticks::CalendarStep`].

use eframe::egui::Rect;

use crate::data::{Dataset, DatePrecision, Event, PartialDate};

/// Width of the lane labels on the left, in points.
pub(super) const LANE_LABEL_WIDTH: f32 = 96.0;
/// Height of the axis at the top, in points.
pub(super) const AXIS_HEIGHT: f32 = 28.0;

/// Screen geometry of the timeline for one frame.
pub(super) struct Axis {
    /// The timeline's rectangle on screen.
    pub(crate) rect: Rect,
    /// First year shown (fractional).
    pub(crate) start: f64,
    /// Last year shown (fractional).
    pub(crate) end: f64,
}

impl Axis {
    /// Screen x of a fractional year.
    pub(crate) fn x_of(&self, year: f64) -> f32 {
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
    pub(crate) fn year_at(&self, x: f32) -> f64 {
        let left = self.rect.left() + LANE_LABEL_WIDTH;
        let width = f64::from(self.rect.width() - LANE_LABEL_WIDTH);
        self.start + f64::from(x - left) / width * (self.end - self.start)
    }
}

/// From the start of the earliest event to the end of the latest, in fractional years;
/// the years the dataset covers otherwise ([`crate::data::years_covered`]).
pub(crate) fn events_span(dataset: &Dataset) -> (f64, f64) {
    let spans = dataset.events.iter().map(event_span);
    let first = spans
        .clone()
        .map(|(start, _)| start)
        .fold(f64::INFINITY, f64::min);
    let last = spans.map(|(_, end)| end).fold(f64::NEG_INFINITY, f64::max);
    if first.is_finite() && last.is_finite() {
        (first, last)
    } else {
        let (first, last) = crate::data::years_covered::years_or_recent(dataset);
        (f64::from(first), f64::from(last) + 1.0)
    }
}

/// The start and end, in fractional years, of the period a date stands for: a whole year
/// for a year, a month for a month, a day for a day.
pub(crate) fn period(date: PartialDate) -> (f64, f64) {
    let start = date.start_as_year_fraction();
    let length = match date.precision() {
        DatePrecision::Year => 1.0,
        DatePrecision::Month => 1.0 / 12.0,
        DatePrecision::Day => 1.0 / 365.0,
    };
    (start, start + length)
}

/// The span an event covers on the axis: its own period, or through the end of its end date's period.
pub(crate) fn event_span(event: &Event) -> (f64, f64) {
    let (start, own_end) = period(event.date);
    let end = match event.end_date {
        Some(end) => period(end).1,
        // Still going on: through the end of this year.
        None if event.ongoing => f64::from(current_year()) + 1.0,
        None => own_end,
    };
    (start, end.max(own_end))
}

/// The year now by the system clock (UTC), for what is still going on.
pub(crate) fn current_year() -> i32 {
    const SECONDS_PER_YEAR: u64 = 31_556_952;
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    1970 + i32::try_from(seconds / SECONDS_PER_YEAR).unwrap_or(0)
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
            machine_coded: false,
            ongoing: false,
        };
        assert_eq!(event_span(&event), (1980.0, 1989.0));
        let ongoing = Event {
            end_date: None,
            ongoing: true,
            ..event
        };
        let (start, end) = event_span(&ongoing);
        assert_eq!(start, 1980.0);
        assert_eq!(end, f64::from(current_year()) + 1.0, "through this year");
        assert!(
            current_year() >= 2026,
            "the clock reads a year of this century"
        );
    }
}
