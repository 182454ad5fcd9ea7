//! Where events go: each in the lane of its first shown domain, packed into rows so
//! that none hides another, with room for its title where the lanes are tall enough.

use super::axis::{Axis, LANE_LABEL_WIDTH, event_span};
use crate::data::{DatePrecision, Domain, Event};

/// Length, in points, of the dotted whiskers either side of a roughly dated event.
pub(super) const ROUGH_WHISKER: f32 = 14.0;

/// An event given its row in its lane and its horizontal extent.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct PlacedEvent {
    /// Index of the event in the dataset's events.
    pub(crate) index: usize,
    /// Index of its lane.
    pub(crate) lane: usize,
    /// Row within the lane.
    pub(crate) row: usize,
    /// Left edge on screen.
    pub(crate) left: f32,
    /// Right edge on screen.
    pub(crate) right: f32,
    /// Drawn as a marker (a single day, or too short for a bar).
    pub(crate) as_marker: bool,
    /// The title goes before the shape (it would run off the right edge).
    pub(crate) label_on_left: bool,
}

/// What a packing depends on: the data, the span and size of the canvas, the filters.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct PackKey {
    /// The dataset's generation (see [`crate::views::cache::ViewCaches::generation`]).
    pub(crate) generation: Option<u64>,
    /// The span shown.
    pub(crate) start: f64,
    /// The span shown.
    pub(crate) end: f64,
    /// The canvas.
    pub(crate) rect: eframe::egui::Rect,
    /// Lanes shown, stances shown and the search, as the state has them.
    pub(crate) filters: (Vec<Domain>, Vec<crate::data::Stance>, String),
    /// Only the lanes with events in the span are shown (slides and pictures).
    pub(crate) only_lanes_with_events: bool,
}

/// The events of one canvas packed into rows, kept until its [`PackKey`] changes: moving
/// the pointer or the cursor does not pack again.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Packed {
    /// What it was packed for.
    pub(crate) key: PackKey,
    /// The lanes shown, top down.
    pub(crate) lanes: Vec<Domain>,
    /// The events placed, earliest first.
    pub(crate) placed: Vec<PlacedEvent>,
    /// Rows in each lane.
    pub(crate) rows_per_lane: Vec<usize>,
    /// Whether the rows are tall enough to show titles.
    pub(crate) titles_fit: bool,
}

/// The lanes to draw for `events` (those in the span), one per domain `shown`, in
/// [`Domain::ALL`] order; with `only_with_events`, only the lanes some event is drawn in
/// (every shown lane when none is, so an empty span still shows its lanes).
pub(super) fn lanes_shown(
    events: &[(usize, &Event)],
    shown: &std::collections::BTreeSet<Domain>,
    only_with_events: bool,
) -> Vec<Domain> {
    let all: Vec<Domain> = Domain::ALL
        .into_iter()
        .filter(|domain| shown.contains(domain))
        .collect();
    if !only_with_events {
        return all;
    }
    let used: Vec<Domain> = all
        .iter()
        .enumerate()
        .filter(|(index, _)| {
            events
                .iter()
                .any(|(_, event)| lane_of(event, &all) == Some(*index))
        })
        .map(|(_, domain)| *domain)
        .collect();
    if used.is_empty() { all } else { used }
}

/// The lane an event is drawn in: the first of its domains that has a lane shown.
pub(super) fn lane_of(event: &Event, lanes: &[Domain]) -> Option<usize> {
    event
        .domains
        .iter()
        .find_map(|domain| lanes.iter().position(|lane| lane == domain))
}

/// Rows at least this tall show event titles.
pub(super) const TITLE_ROW_HEIGHT: f32 = 22.0;

/// Packs events (sorted by start) into rows within their lanes so that none overlaps
/// another; with `with_titles`, each also keeps room for its title (before the shape when
/// it would run off the right edge). Returns the events placed and the rows in each lane.
pub(super) fn pack_events(
    events: &[(usize, &Event)],
    lanes: &[Domain],
    axis: &Axis,
    with_titles: bool,
) -> (Vec<PlacedEvent>, Vec<usize>) {
    let mut placed = Vec::with_capacity(events.len());
    let mut row_ends = vec![Vec::<f32>::new(); lanes.len()];
    for &(index, event) in events {
        let Some(lane) = lane_of(event, lanes) else {
            continue;
        };
        let (start, end) = event_span(event);
        let (x0, x1) = (axis.x_of(start), axis.x_of(end));
        let as_marker = (event.end_date.is_none() && event.date.precision() == DatePrecision::Day)
            || x1 - x0 < 6.0;
        let (left, right) = if as_marker {
            let middle = f32::midpoint(x0, x1);
            (middle - 7.0, middle + 7.0)
        } else {
            (x0, x1)
        };
        let whisker = if event.dated_roughly() {
            ROUGH_WHISKER
        } else {
            0.0
        };
        #[expect(clippy::cast_precision_loss, reason = "title lengths are small")]
        let title_width = if with_titles {
            (label_chars(event) as f32 * 5.6).min(260.0) + 8.0
        } else {
            0.0
        };
        let label_on_left = with_titles
            && right + whisker + title_width > axis.rect.right()
            && left - whisker - title_width > axis.rect.left() + LANE_LABEL_WIDTH;
        let (occupied_from, occupied_to) = if label_on_left {
            (left - whisker - title_width, right + whisker)
        } else {
            (left - whisker, right + whisker + title_width)
        };
        let rows = &mut row_ends[lane];
        let row = rows
            .iter()
            .position(|row_end| *row_end + 3.0 < occupied_from)
            .unwrap_or(rows.len());
        if row == rows.len() {
            rows.push(occupied_to);
        } else {
            rows[row] = occupied_to;
        }
        placed.push(PlacedEvent {
            index,
            lane,
            row,
            left,
            right,
            as_marker,
            label_on_left,
        });
    }
    (placed, row_ends.iter().map(Vec::len).collect())
}

/// The height a lane takes, in rows: its rows, or half a row for its name when empty.
#[expect(clippy::cast_precision_loss, reason = "a few rows per lane")]
pub(super) fn lane_rows(rows: usize) -> f32 {
    if rows == 0 { 0.5 } else { rows as f32 }
}

/// The height of one row when lanes with these rows share `height` points.
pub(super) fn row_height_for(rows_per_lane: &[usize], height: f32) -> f32 {
    let total = rows_per_lane
        .iter()
        .copied()
        .map(lane_rows)
        .sum::<f32>()
        .max(1.0);
    (height / total).clamp(12.0, 64.0)
}

/// How many characters [`event_label`] has, without making it.
fn label_chars(event: &Event) -> usize {
    let rough_prefix = if event.dated_roughly() { 3 } else { 0 };
    rough_prefix + event.title.chars().count()
}

/// The title as drawn beside the event: `c.` in front when it is dated roughly.
pub(super) fn event_label(event: &Event) -> String {
    if event.dated_roughly() {
        format!("c. {}", event.title)
    } else {
        event.title.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{PartialDate, Stance};
    use eframe::egui::{Rect, pos2, vec2};

    fn date(text: &str) -> PartialDate {
        PartialDate::parse(text).expect("valid date")
    }

    fn event_in(id: &str, year: &str, domain: Domain) -> Event {
        Event {
            id: id.into(),
            date: date(year),
            end_date: None,
            title: format!("A fairly long title for event {id}"),
            summary: "S".into(),
            domains: vec![domain],
            stance: Stance::Cooperation,
            places: Vec::new(),
            sources: vec!["s".into()],
            machine_coded: false,
            ongoing: false,
        }
    }

    #[test]
    fn events_pack_tighter_without_room_for_titles_and_never_overlap() {
        let axis = Axis {
            rect: Rect::from_min_size(pos2(0.0, 0.0), vec2(1000.0, 600.0)),
            start: 1800.0,
            end: 2026.0,
        };
        let events: Vec<Event> = (2000..2010)
            .map(|year| event_in(&year.to_string(), &year.to_string(), Domain::Trade))
            .chain([event_in("gulistan", "1813", Domain::Military)])
            .collect();
        let refs: Vec<(usize, &Event)> = events.iter().enumerate().collect();
        let lanes = [Domain::Military, Domain::Trade];
        let (with_titles, rows_with_titles) = pack_events(&refs, &lanes, &axis, true);
        let (markers, rows_without) = pack_events(&refs, &lanes, &axis, false);
        assert_eq!(with_titles.len(), events.len());
        assert_eq!(rows_with_titles[0], 1, "one military event, one row");
        assert!(
            rows_without[1] < rows_with_titles[1],
            "{rows_without:?} vs {rows_with_titles:?}"
        );
        for placed in [&with_titles, &markers] {
            for (i, a) in placed.iter().enumerate() {
                for b in &placed[i + 1..] {
                    let same_row = a.lane == b.lane && a.row == b.row;
                    assert!(
                        !same_row || a.right < b.left || b.right < a.left,
                        "{} and {} overlap",
                        events[a.index].id,
                        events[b.index].id
                    );
                }
            }
        }
    }

    #[test]
    fn the_label_width_counts_the_label_as_drawn() {
        let exact = event_in("é", "2016-08", Domain::Military);
        let mut rough = event_in("ö", "2016~", Domain::Military);
        rough.title = "Ankara–Tehran talks".into();
        for event in [&exact, &rough] {
            assert_eq!(label_chars(event), event_label(event).chars().count());
        }
        assert!(event_label(&rough).starts_with("c. "));
    }

    #[test]
    fn empty_lanes_take_half_a_row_and_rows_stay_readable() {
        assert!((row_height_for(&[0, 2], 100.0) - 40.0).abs() < 1e-4);
        assert!((row_height_for(&[40], 100.0) - 12.0).abs() < 1e-4);
        assert!((row_height_for(&[1], 1000.0) - 64.0).abs() < 1e-4);
    }

    #[test]
    fn an_event_of_several_domains_stays_when_its_first_lane_is_hidden() {
        let mut treaty = event_in("treaty", "1828", Domain::Military);
        treaty.domains.push(Domain::Diplomacy);
        assert_eq!(
            lane_of(&treaty, &[Domain::Military, Domain::Diplomacy]),
            Some(0)
        );
        assert_eq!(
            lane_of(&treaty, &[Domain::Trade, Domain::Diplomacy]),
            Some(1)
        );
        assert_eq!(lane_of(&treaty, &[Domain::Trade]), None);
    }

    #[test]
    fn a_slide_shows_only_the_lanes_with_events_and_the_window_every_lane_shown() {
        let mut treaty = event_in("treaty", "1828", Domain::Military);
        treaty.domains.push(Domain::Diplomacy);
        let events = [treaty, event_in("deal", "2016", Domain::Trade)];
        let refs: Vec<(usize, &Event)> = events.iter().enumerate().collect();
        let all: std::collections::BTreeSet<Domain> = Domain::ALL.into_iter().collect();
        assert_eq!(lanes_shown(&refs, &all, false), Domain::ALL.to_vec());
        assert_eq!(
            lanes_shown(&refs, &all, true),
            [Domain::Military, Domain::Trade],
            "the treaty is drawn in its first lane, so diplomacy's stays out"
        );
        let no_military: std::collections::BTreeSet<Domain> = all
            .iter()
            .copied()
            .filter(|d| *d != Domain::Military)
            .collect();
        let shown = lanes_shown(&refs, &no_military, true);
        assert!(shown.contains(&Domain::Diplomacy) && !shown.contains(&Domain::Military));
        let nothing: [(usize, &Event); 0] = [];
        assert_eq!(
            lanes_shown(&nothing, &no_military, true).len(),
            no_military.len()
        );
    }
}
