//! Checks that a parsed dataset holds together: unique ids, existing references,
//! a source on every record, sane coordinates and spans.

use std::collections::HashSet;

use super::error::Problem;
use super::locate::JsonPath;
use super::model::{Area, Corridor, Dataset, Event, Place, Series, YearSpan};

/// A problem and where in the document it is.
pub type LocatedProblem = (JsonPath, Problem);

/// Every problem in `dataset`, in document order; empty when it holds together.
pub fn validate(dataset: &Dataset) -> Vec<LocatedProblem> {
    let mut checker = Checker {
        source_ids: dataset.sources.iter().map(|s| s.id.as_str()).collect(),
        place_ids: dataset.places.iter().map(|p| p.id.as_str()).collect(),
        problems: Vec::new(),
    };
    let root = JsonPath::default();

    let sources = root.key("sources");
    checker.unique_ids("sources", &sources, dataset.sources.iter().map(|s| &s.id));
    for (index, source) in dataset.sources.iter().enumerate() {
        let path = sources.index(index);
        let record = format!("source `{}`", source.id);
        checker.non_empty(&path, &record, "id", &source.id);
        checker.non_empty(&path, &record, "title", &source.title);
    }

    let series = root.key("series");
    checker.unique_ids("series", &series, dataset.series.iter().map(|s| &s.id));
    for (index, one_series) in dataset.series.iter().enumerate() {
        checker.series(&series.index(index), one_series);
    }

    let events = root.key("events");
    checker.unique_ids("events", &events, dataset.events.iter().map(|e| &e.id));
    for (index, event) in dataset.events.iter().enumerate() {
        checker.event(&events.index(index), event);
    }

    let places = root.key("places");
    checker.unique_ids("places", &places, dataset.places.iter().map(|p| &p.id));
    for (index, place) in dataset.places.iter().enumerate() {
        checker.place(&places.index(index), place);
    }

    let corridors = root.key("corridors");
    checker.unique_ids(
        "corridors",
        &corridors,
        dataset.corridors.iter().map(|c| &c.id),
    );
    for (index, corridor) in dataset.corridors.iter().enumerate() {
        checker.corridor(&corridors.index(index), corridor);
    }

    let areas = root.key("areas");
    checker.unique_ids("areas", &areas, dataset.areas.iter().map(|a| &a.id));
    for (index, area) in dataset.areas.iter().enumerate() {
        checker.area(&areas.index(index), area);
    }

    let story = root.key("story");
    for (index, slide) in dataset.story.iter().enumerate() {
        let path = story.index(index);
        let record = format!("slide {} `{}`", index + 1, slide.title);
        checker.non_empty(&path, &record, "title", &slide.title);
        checker.cited(&path, &record, &slide.sources);
        if let Some(event) = &slide.select
            && dataset.event(event).is_none()
        {
            checker.problems.push((
                path.key("select"),
                Problem::UnknownEvent {
                    record: record.clone(),
                    id: event.clone(),
                },
            ));
        }
        if let Some(span) = slide.span {
            checker.years(&path.key("span"), &record, span);
        }
    }

    checker.problems
}

struct Checker<'a> {
    source_ids: HashSet<&'a str>,
    place_ids: HashSet<&'a str>,
    problems: Vec<LocatedProblem>,
}

impl Checker<'_> {
    fn unique_ids<'i>(
        &mut self,
        list: &'static str,
        path: &JsonPath,
        ids: impl Iterator<Item = &'i String>,
    ) {
        let mut seen = HashSet::new();
        for (index, id) in ids.enumerate() {
            if !seen.insert(id.as_str()) {
                self.problems.push((
                    path.index(index).key("id"),
                    Problem::DuplicateId {
                        list,
                        id: id.clone(),
                    },
                ));
            }
        }
    }

    fn non_empty(&mut self, path: &JsonPath, record: &str, field: &'static str, text: &str) {
        if text.trim().is_empty() {
            self.problems.push((
                path.key(field),
                Problem::Empty {
                    record: record.to_owned(),
                    field,
                },
            ));
        }
    }

    fn cited(&mut self, path: &JsonPath, record: &str, sources: &[String]) {
        if sources.is_empty() {
            self.problems.push((
                path.key("sources"),
                Problem::NoSource {
                    record: record.to_owned(),
                },
            ));
        }
        for (index, id) in sources.iter().enumerate() {
            if !self.source_ids.contains(id.as_str()) {
                self.problems.push((
                    path.key("sources").index(index),
                    Problem::UnknownSource {
                        record: record.to_owned(),
                        id: id.clone(),
                    },
                ));
            }
        }
    }

    fn coordinate(&mut self, path: &JsonPath, record: &str, lon: f64, lat: f64) {
        if !((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat)) {
            self.problems.push((
                path.key("lon"),
                Problem::CoordinateOutOfRange {
                    record: record.to_owned(),
                    lon: lon.to_string(),
                    lat: lat.to_string(),
                },
            ));
        }
    }

    fn years(&mut self, path: &JsonPath, record: &str, years: YearSpan) {
        if let Some(to) = years.to
            && to < years.from
        {
            self.problems.push((
                path.key("years").key("to"),
                Problem::ReversedYears {
                    record: record.to_owned(),
                    from: years.from,
                    to,
                },
            ));
        }
    }

    fn series(&mut self, path: &JsonPath, series: &Series) {
        let record = format!("series `{}`", series.id);
        self.non_empty(path, &record, "id", &series.id);
        self.non_empty(path, &record, "label", &series.label);
        self.non_empty(path, &record, "unit", &series.unit);
        for (index, point) in series.points.iter().enumerate() {
            let point_path = path.key("points").index(index);
            let point_record = format!("series `{}` point {}", series.id, point.year);
            self.cited(&point_path, &point_record, &point.sources);
            if point.value.is_none() && point.range.is_none() {
                self.problems.push((
                    point_path.clone(),
                    Problem::NoValue {
                        record: point_record.clone(),
                    },
                ));
            }
            if let Some(range) = point.range
                && range.low > range.high
            {
                self.problems.push((
                    point_path.key("range"),
                    Problem::ReversedRange {
                        record: point_record,
                        low: range.low.to_string(),
                        high: range.high.to_string(),
                    },
                ));
            }
        }
    }

    fn event(&mut self, path: &JsonPath, event: &Event) {
        let record = format!("event `{}`", event.id);
        self.non_empty(path, &record, "id", &event.id);
        self.non_empty(path, &record, "title", &event.title);
        self.cited(path, &record, &event.sources);
        if let Some(end) = event.end_date
            && end < event.date
        {
            self.problems.push((
                path.key("end_date"),
                Problem::EndBeforeStart {
                    record: record.clone(),
                    start: event.date.to_string(),
                    end: end.to_string(),
                },
            ));
        }
        for (index, place) in event.places.iter().enumerate() {
            if !self.place_ids.contains(place.as_str()) {
                self.problems.push((
                    path.key("places").index(index),
                    Problem::UnknownPlace {
                        record: record.clone(),
                        id: place.clone(),
                    },
                ));
            }
        }
    }

    fn place(&mut self, path: &JsonPath, place: &Place) {
        let record = format!("place `{}`", place.id);
        self.non_empty(path, &record, "id", &place.id);
        self.non_empty(path, &record, "name", &place.name);
        self.coordinate(path, &record, place.lon, place.lat);
        self.years(path, &record, place.years);
        self.cited(path, &record, &place.sources);
    }

    fn corridor(&mut self, path: &JsonPath, corridor: &Corridor) {
        let record = format!("corridor `{}`", corridor.id);
        self.non_empty(path, &record, "id", &corridor.id);
        self.non_empty(path, &record, "name", &corridor.name);
        self.years(path, &record, corridor.years);
        self.cited(path, &record, &corridor.sources);
        let waypoints = corridor.waypoints.len();
        if waypoints < 2 {
            self.problems.push((
                path.key("waypoints"),
                Problem::TooFewWaypoints {
                    record: record.clone(),
                    found: waypoints,
                },
            ));
        } else if corridor.segments.len() != waypoints - 1 {
            self.problems.push((
                path.key("segments"),
                Problem::SegmentCount {
                    record: record.clone(),
                    waypoints,
                    expected: waypoints - 1,
                    found: corridor.segments.len(),
                },
            ));
        }
        for (index, waypoint) in corridor.waypoints.iter().enumerate() {
            let waypoint_record = format!("{record} waypoint `{}`", waypoint.name);
            self.coordinate(
                &path.key("waypoints").index(index),
                &waypoint_record,
                waypoint.lon,
                waypoint.lat,
            );
        }
    }

    fn area(&mut self, path: &JsonPath, area: &Area) {
        let record = format!("area `{}`", area.id);
        self.non_empty(path, &record, "id", &area.id);
        self.non_empty(path, &record, "name", &area.name);
        self.years(path, &record, area.years);
        self.cited(path, &record, &area.sources);
        if area.countries.is_empty() && area.outline.len() < 3 {
            self.problems.push((
                path.clone(),
                Problem::AreaWithoutShape {
                    record: record.clone(),
                },
            ));
        }
        for (index, code) in area.countries.iter().enumerate() {
            if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_digit()) {
                self.problems.push((
                    path.key("countries").index(index),
                    Problem::BadCountryCode {
                        record: record.clone(),
                        code: code.clone(),
                    },
                ));
            }
        }
        for (index, [lon, lat]) in area.outline.iter().enumerate() {
            self.coordinate(&path.key("outline").index(index), &record, *lon, *lat);
        }
    }
}
