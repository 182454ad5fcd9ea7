//! What the timeline remembers between frames: the span it shows, its filters and its
//! search. The year is the app's time cursor; the app recentres the timeline when the
//! year is moved in another view.

use std::collections::BTreeSet;

use eframe::egui::Rect;

use super::axis::events_span;
use crate::data::{Dataset, Domain, Event, Stance};

/// Narrowest span the timeline shows, in years (about two weeks).
const MIN_SPAN_YEARS: f64 = 0.04;
/// The span the timeline narrows to when it centres on a year chosen elsewhere.
pub(crate) const FOCUS_SPAN_YEARS: f64 = 30.0;
/// Widest span, in years: room for the built-in data's late 16th century to today.
const MAX_SPAN_YEARS: f64 = 500.0;

/// What the timeline remembers between frames.
#[derive(Debug, Clone)]
pub struct TimelineViewState {
    /// First year shown (fractional).
    pub start: f64,
    /// Last year shown (fractional).
    pub end: f64,
    /// Domains shown.
    pub domains: BTreeSet<Domain>,
    /// Stances shown.
    pub(crate) stances: BTreeSet<Stance>,
    /// Text that titles or summaries must contain.
    pub(crate) search: String,
    /// Where each event was drawn in the last frame (its rectangle on screen).
    pub event_rects: Vec<(String, Rect)>,
    /// The last frame's packing of events into rows, reused while its key holds.
    pub(super) packed: Option<super::layout::Packed>,
}

impl Default for TimelineViewState {
    fn default() -> Self {
        Self {
            start: 1800.0,
            end: 2026.0,
            domains: Domain::ALL.into_iter().collect(),
            stances: Stance::ALL.into_iter().collect(),
            search: String::new(),
            event_rects: Vec::new(),
            packed: None,
        }
    }
}

impl TimelineViewState {
    /// Shows `start..end`, clamped to sane spans.
    pub fn show_range(&mut self, start: f64, end: f64) {
        let span = (end - start).clamp(MIN_SPAN_YEARS, MAX_SPAN_YEARS);
        let middle = f64::midpoint(start, end);
        self.start = middle - span / 2.0;
        self.end = middle + span / 2.0;
    }

    /// Puts `year` (its middle) in the centre, keeping the span unless it is wider than
    /// [`FOCUS_SPAN_YEARS`] twice over, when it narrows to that: a year chosen elsewhere
    /// is shown with its surroundings, not lost in two centuries.
    pub(crate) fn centre_on(&mut self, year: i32) {
        let mut span = self.end - self.start;
        if span > 2.0 * FOCUS_SPAN_YEARS {
            span = FOCUS_SPAN_YEARS;
        }
        let middle = f64::from(year) + 0.5;
        self.show_range(middle - span / 2.0, middle + span / 2.0);
    }

    /// Shows every event of `dataset`, with a little room either side.
    pub(crate) fn show_all(&mut self, dataset: &Dataset) {
        let (first, last) = events_span(dataset);
        let margin = ((last - first) * 0.03).max(0.5);
        self.show_range(first - margin, last + margin);
    }

    /// Shows the last `years` years of `dataset`'s events.
    pub(crate) fn show_last_years(&mut self, dataset: &Dataset, years: f64) {
        let (_, last) = events_span(dataset);
        self.show_range(last - years, last + 0.2);
    }

    /// The filters and the search of this frame, to test events with.
    pub(crate) fn matcher(&self) -> EventMatcher<'_> {
        EventMatcher {
            state: self,
            needle: self.search.trim().to_lowercase(),
        }
    }
}

/// The timeline's filters and search, ready to test events against.
pub(crate) struct EventMatcher<'a> {
    state: &'a TimelineViewState,
    needle: String,
}

impl EventMatcher<'_> {
    /// Whether `event` passes the filters, and `text` (its title and summary, lowercased:
    /// see [`crate::views::cache::ViewCaches::event_text`]) contains the search.
    pub(crate) fn matches(&self, event: &Event, text: &str) -> bool {
        self.state.stances.contains(&event.stance)
            && event.domains.iter().any(|d| self.state.domains.contains(d))
            && text.contains(&self.needle)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::PartialDate;

    fn date(text: &str) -> PartialDate {
        PartialDate::parse(text).expect("valid date")
    }

    #[test]
    fn search_and_filters_hide_events() {
        let mut state = TimelineViewState::default();
        let event = Event {
            id: "e".into(),
            date: date("2016-08"),
            end_date: None,
            title: "Russian bombers at Hamadan".into(),
            summary: "Air base".into(),
            domains: vec![Domain::Military],
            stance: Stance::Cooperation,
            places: Vec::new(),
            sources: vec!["s".into()],
            machine_coded: false,
            ongoing: false,
        };
        let text = format!("{}\n{}", event.title, event.summary).to_lowercase();
        assert!(state.matcher().matches(&event, &text));
        state.search = "hamadan".into();
        assert!(state.matcher().matches(&event, &text));
        state.search = "treaty".into();
        assert!(!state.matcher().matches(&event, &text));
        state.search.clear();
        state.stances.remove(&Stance::Cooperation);
        assert!(!state.matcher().matches(&event, &text));
    }

    #[test]
    fn the_whole_range_comes_from_the_dataset() {
        let dataset = crate::data::builtin::builtin_dataset().expect("built-in loads");
        let (first, last) = events_span(&dataset);
        assert!((first - 1575.0).abs() < 1e-9, "{first}");
        assert!((2024.0..=2025.0).contains(&last), "{last}");
        let mut state = TimelineViewState::default();
        state.show_all(&dataset);
        assert!(state.start < 1575.0 && state.end > last);
        state.show_last_years(&dataset, 10.0);
        assert!((state.start - (last - 10.0)).abs() < 1e-9);
    }

    #[test]
    fn centring_keeps_the_span() {
        let mut state = TimelineViewState::default();
        state.show_range(2010.0, 2020.0);
        state.centre_on(1990);
        assert!((state.end - state.start - 10.0).abs() < 1e-9);
        assert!((f64::midpoint(state.start, state.end) - 1990.5).abs() < 1e-9);
    }
}
