//! Checks that a parsed dataset holds together: unique ids, existing references,
//! a source on every record, sane coordinates and spans, events placed where they
//! happened, and a stated basis for every corridor status and for rough or borrowed years.

use std::collections::{HashMap, HashSet};

use super::basis::Basis;
use super::error::Problem;
use super::locate::JsonPath;
use super::model::{Area, Corridor, Dataset, Event, Place, Series, Slide, YearSpan};
use super::standing::StandingFact;

/// A problem and where in the document it is.
pub(crate) type LocatedProblem = (JsonPath, Problem);

/// Every problem in `dataset`, in document order; empty when it holds together.
pub fn validate(dataset: &Dataset) -> Vec<LocatedProblem> {
    let mut checker = Checker {
        source_ids: dataset.sources.iter().map(|s| s.id.as_str()).collect(),
        places: dataset.places.iter().map(|p| (p.id.as_str(), p)).collect(),
        reference_ids: record_references(dataset),
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

    let standing = root.key("standing_facts");
    checker.unique_ids(
        "standing_facts",
        &standing,
        dataset.standing_facts.iter().map(|f| &f.id),
    );
    for (index, fact) in dataset.standing_facts.iter().enumerate() {
        checker.standing_fact(&standing.index(index), fact);
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

    let stories = root.key("stories");
    let mut names = HashSet::new();
    for (index, story) in dataset.stories.iter().enumerate() {
        let path = stories.index(index);
        let record = format!("story {}", index + 1);
        checker.non_empty(&path, &record, "name", &story.name);
        if !names.insert(story.name.as_str()) {
            checker.problems.push((
                path.key("name"),
                Problem::DuplicateId {
                    list: "stories",
                    id: story.name.clone(),
                },
            ));
        }
        let slides = path.key("slides");
        for (index, slide) in story.slides.iter().enumerate() {
            let record = format!(
                "slide {} `{}` of story `{}`",
                index + 1,
                slide.title,
                story.name
            );
            checker.slide(dataset, &slides.index(index), &record, slide);
        }
    }
    let old_story = root.key("story");
    for (index, slide) in dataset.old_story.iter().enumerate() {
        let record = format!("slide {} `{}`", index + 1, slide.title);
        checker.slide(dataset, &old_story.index(index), &record, slide);
    }

    checker.problems
}

/// Every record as `list/id` (`events/jcpoa`, `areas/syria`): what `see_also` may name.
fn record_references(dataset: &Dataset) -> HashSet<String> {
    let lists: [(&str, Vec<&String>); 6] = [
        ("series", dataset.series.iter().map(|r| &r.id).collect()),
        ("events", dataset.events.iter().map(|r| &r.id).collect()),
        (
            "standing_facts",
            dataset.standing_facts.iter().map(|r| &r.id).collect(),
        ),
        ("places", dataset.places.iter().map(|r| &r.id).collect()),
        (
            "corridors",
            dataset.corridors.iter().map(|r| &r.id).collect(),
        ),
        ("areas", dataset.areas.iter().map(|r| &r.id).collect()),
    ];
    lists
        .iter()
        .flat_map(|(list, ids)| ids.iter().map(move |id| format!("{list}/{id}")))
        .collect()
}

struct Checker<'a> {
    source_ids: HashSet<&'a str>,
    places: HashMap<&'a str, &'a Place>,
    reference_ids: HashSet<String>,
    problems: Vec<LocatedProblem>,
}

impl Checker<'_> {
    /// A slide: a title, its caption's sources, a known event, a sane span.
    fn slide(&mut self, dataset: &Dataset, path: &JsonPath, record: &str, slide: &Slide) {
        self.non_empty(path, record, "title", &slide.title);
        // A caption is a claim and needs its sources; a slide without one shows data that
        // carries its own (a slide's sources must still be known ones).
        if !slide.caption.trim().is_empty() || !slide.sources.is_empty() {
            self.cited(path, record, &slide.sources);
        }
        if let Some(event) = &slide.select
            && dataset.event(event).is_none()
        {
            self.problems.push((
                path.key("select"),
                Problem::UnknownEvent {
                    record: record.to_owned(),
                    id: event.clone(),
                },
            ));
        }
        if let Some(span) = slide.span {
            self.years(&path.key("span"), record, span);
        }
        if let Some(frame) = slide.map {
            let map = path.key("map");
            self.coordinate(
                [map.key("lon"), map.key("lat")],
                record,
                frame.lon,
                frame.lat,
            );
            for (field, km) in [("width_km", frame.width_km), ("height_km", frame.height_km)] {
                if !(km.is_finite() && km > 0.0) {
                    self.problems.push((
                        map.key(field),
                        Problem::BadMapExtent {
                            record: record.to_owned(),
                            field,
                        },
                    ));
                }
            }
        }
    }

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

    /// A longitude beyond ±180 or a latitude beyond ±90, placed at the number that is
    /// out of range; `at` gives the longitude's and the latitude's paths.
    fn coordinate(&mut self, at: [JsonPath; 2], record: &str, lon: f64, lat: f64) {
        let [lon_path, lat_path] = at;
        let lon_ok = (-180.0..=180.0).contains(&lon);
        if !(lon_ok && (-90.0..=90.0).contains(&lat)) {
            self.problems.push((
                if lon_ok { lat_path } else { lon_path },
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
            let point_record = format!("series `{}` point {}", series.id, point.when());
            self.cited(&point_path, &point_record, &point.sources);
            if point.value.is_none() && point.range.is_none() {
                self.problems.push((
                    point_path.clone(),
                    Problem::NoValue {
                        record: point_record.clone(),
                    },
                ));
            }
            if point.period.is_some_and(|period| !period.is_valid()) {
                self.problems.push((
                    point_path.key("period"),
                    Problem::NoSuchPeriod {
                        record: point_record.clone(),
                    },
                ));
            }
            if let Some(range) = point.range()
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
        if let Some(end) = event.end_date
            && event.ongoing
        {
            self.problems.push((
                path.key("ongoing"),
                Problem::OngoingWithEnd {
                    record: record.clone(),
                    end: end.to_string(),
                },
            ));
        }
        for (index, place) in event.places.iter().enumerate() {
            let place_path = path.key("places").index(index);
            match self.places.get(place.as_str()).copied() {
                None => self.problems.push((
                    place_path,
                    Problem::UnknownPlace {
                        record: record.clone(),
                        id: place.clone(),
                    },
                )),
                Some(site) => self.event_place(place_path, &record, event, site),
            }
        }
    }

    /// An event's place is where it happened: a site of the relationship at the time,
    /// named by at least one of the sources that report the event.
    fn event_place(&mut self, path: JsonPath, record: &str, event: &Event, site: &Place) {
        let first = event.date.year;
        let last = event.end_date.map_or(first, |end| end.year);
        let overlaps = site.years.from <= last && site.years.to.is_none_or(|to| to >= first);
        if !overlaps {
            self.problems.push((
                path.clone(),
                Problem::PlaceOutsideItsYears {
                    record: record.to_owned(),
                    place: site.id.clone(),
                    when: event.when(),
                    years: site.years.to_string(),
                },
            ));
        }
        if !event.sources.iter().any(|s| site.sources.contains(s)) {
            self.problems.push((
                path,
                Problem::PlaceNotInEventSources {
                    record: record.to_owned(),
                    place: site.id.clone(),
                },
            ));
        }
    }

    fn standing_fact(&mut self, path: &JsonPath, fact: &StandingFact) {
        let record = format!("standing fact `{}`", fact.id);
        self.non_empty(path, &record, "id", &fact.id);
        self.non_empty(path, &record, "theme", &fact.theme);
        self.non_empty(path, &record, "statement", &fact.statement);
        self.cited(path, &record, &fact.sources);
        for (index, place) in fact.places.iter().enumerate() {
            if !self.places.contains_key(place.as_str()) {
                self.problems.push((
                    path.key("places").index(index),
                    Problem::UnknownPlace {
                        record: record.clone(),
                        id: place.clone(),
                    },
                ));
            }
        }
        for (index, id) in fact.see_also.iter().enumerate() {
            if !self.reference_ids.contains(id) {
                self.problems.push((
                    path.key("see_also").index(index),
                    Problem::UnknownReference {
                        record: record.clone(),
                        id: id.clone(),
                    },
                ));
            }
        }
    }

    /// A basis names sources that exist, or explains itself.
    fn basis(&mut self, path: &JsonPath, record: &str, basis: &Basis) {
        match basis {
            Basis::Sources(sources) => self.cited(path, record, sources),
            Basis::GeneralKnowledge(text) => {
                self.non_empty(path, record, "general_knowledge", text);
            }
            Basis::Inferred(text) => self.non_empty(path, record, "inferred", text),
            Basis::OtherRelationship(text) => {
                self.non_empty(path, record, "other_relationship", text);
            }
        }
    }

    /// Rough years say where they come from; years borrowed from another relationship are rough.
    fn years_basis(
        &mut self,
        path: &JsonPath,
        record: &str,
        years: YearSpan,
        basis: Option<&Basis>,
    ) {
        match basis {
            None if years.approximate => self.problems.push((
                path.key("years").key("approximate"),
                Problem::RoughYearsWithoutBasis {
                    record: record.to_owned(),
                },
            )),
            None => {}
            Some(basis) => {
                self.basis(&path.key("years_basis"), record, basis);
                if matches!(basis, Basis::OtherRelationship(_)) && !years.approximate {
                    self.problems.push((
                        path.key("years"),
                        Problem::BorrowedYearsNotApproximate {
                            record: record.to_owned(),
                        },
                    ));
                }
            }
        }
    }

    fn place(&mut self, path: &JsonPath, place: &Place) {
        let record = format!("place `{}`", place.id);
        self.non_empty(path, &record, "id", &place.id);
        self.non_empty(path, &record, "name", &place.name);
        self.coordinate(
            [path.key("lon"), path.key("lat")],
            &record,
            place.lon,
            place.lat,
        );
        self.years(path, &record, place.years);
        self.years_basis(path, &record, place.years, place.years_basis.as_ref());
        self.cited(path, &record, &place.sources);
    }

    fn corridor(&mut self, path: &JsonPath, corridor: &Corridor) {
        let record = format!("corridor `{}`", corridor.id);
        self.non_empty(path, &record, "id", &corridor.id);
        self.non_empty(path, &record, "name", &corridor.name);
        self.years(path, &record, corridor.years);
        self.years_basis(path, &record, corridor.years, corridor.years_basis.as_ref());
        self.cited(path, &record, &corridor.sources);
        for (index, segment) in corridor.segments.iter().enumerate() {
            let segment_record = format!("{record} segment {}", index + 1);
            self.basis(
                &path.key("segments").index(index).key("basis"),
                &segment_record,
                &segment.basis,
            );
        }
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
            let waypoint_path = path.key("waypoints").index(index);
            self.coordinate(
                [waypoint_path.key("lon"), waypoint_path.key("lat")],
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
        self.years_basis(path, &record, area.years, area.years_basis.as_ref());
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
            let corner = path.key("outline").index(index);
            self.coordinate([corner.index(0), corner.index(1)], &record, *lon, *lat);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::data::error::{LoadErrorKind, Problem};
    use crate::data::json::parse_dataset;

    const BASE: &str = r#"{
  "metadata": {
    "schema_version": 1,
    "title": "Test pair",
    "parties": [
      {"iso_alpha2": "RU", "iso_alpha3": "RUS", "iso_numeric": "643", "name": "Russia"},
      {"iso_alpha2": "IR", "iso_alpha3": "IRN", "iso_numeric": "364", "name": "Iran"}
    ],
    "updated": "2026-11"
  },
  "sources": [{"id": "s1", "title": "One"}, {"id": "s2", "title": "Two"}],
  "events": [{"id": "e1", "date": "2016-08", "title": "T", "summary": "S",
              "domains": ["military"], "stance": "cooperation", "places": ["p1"], "sources": ["s1"]}],
  "standing_facts": [{"id": "f1", "theme": "Gas", "statement": "S", "as_of": "2016",
              "domains": ["energy"], "stance": "divergence", "see_also": ["events/e1"], "sources": ["s1"]}],
  "places": [{"id": "p1", "name": "P", "kind": "air_base", "lon": 48.6, "lat": 35.2,
              "domains": ["military"], "stance": "cooperation", "years": {"from": 2016, "to": 2016},
              "sources": ["s1"]}],
  "corridors": [{"id": "c1", "name": "C", "domains": ["transport"], "stance": "cooperation",
              "years": {"from": 2000, "approximate": true}, "years_basis": {"sources": ["s1"]},
              "waypoints": [{"name": "A", "lon": 1, "lat": 1}, {"name": "B", "lon": 2, "lat": 2}],
              "segments": [{"status": "operating", "basis": {"general_knowledge": "runs since 2019"}}],
              "sources": ["s1"]}],
  "areas": [{"id": "a1", "name": "A", "countries": ["792"], "domains": ["diplomacy"], "stance": "mixed",
              "years": {"from": 2015, "approximate": true},
              "years_basis": {"other_relationship": "Russia–Turkey: the 2015 jet incident"},
              "sources": ["s1"]}]
}"#;

    /// The problems of `text` with their line numbers; empty when it loads.
    fn problems(text: &str) -> Vec<(usize, Problem)> {
        match parse_dataset(text.as_bytes(), "test.json") {
            Ok(_) => Vec::new(),
            Err(errors) => errors
                .0
                .into_iter()
                .map(|error| match error.kind {
                    LoadErrorKind::Invalid(problem) => {
                        (error.position.map_or(0, |p| p.line), problem)
                    }
                    other => panic!("not a validation problem: {other}"),
                })
                .collect(),
        }
    }

    fn only_problem(text: &str) -> (usize, Problem) {
        let mut found = problems(text);
        assert_eq!(found.len(), 1, "{found:?}");
        found.remove(0)
    }

    #[test]
    fn the_base_holds_together() {
        assert_eq!(problems(BASE), Vec::new());
    }

    #[test]
    fn a_slide_needs_sources_only_for_its_caption() {
        let with_story = |slide: &str| {
            BASE.replacen(
                "\n}",
                &format!(",\n  \"story\": [{{\"title\": \"T\", \"view\": \"map\", {slide}}}]\n}}"),
                1,
            )
        };
        let uncaptioned = with_story(r#""caption": "", "sources": []"#);
        assert_eq!(problems(&uncaptioned), Vec::new(), "{uncaptioned}");
        let (_, problem) = only_problem(&with_story(r#""caption": "A claim.", "sources": []"#));
        assert!(matches!(problem, Problem::NoSource { .. }), "{problem}");
        let (_, problem) = only_problem(&with_story(r#""caption": "", "sources": ["nope"]"#));
        assert!(
            matches!(problem, Problem::UnknownSource { .. }),
            "{problem}"
        );
    }

    #[test]
    fn an_event_placed_where_the_place_was_not_yet_a_site_is_refused_at_the_place() {
        let (line, problem) =
            only_problem(&BASE.replace("\"date\": \"2016-08\"", "\"date\": \"1991\""));
        assert_eq!(line, 13);
        assert!(
            matches!(problem, Problem::PlaceOutsideItsYears { ref place, .. } if place == "p1")
        );
        assert!(
            problem.to_string().contains("where the event happened"),
            "{problem}"
        );
    }

    #[test]
    fn an_event_placed_somewhere_its_sources_do_not_name_is_refused() {
        let text = BASE.replace(
            "\"places\": [\"p1\"], \"sources\": [\"s1\"]",
            "\"places\": [\"p1\"], \"sources\": [\"s2\"]",
        );
        let (line, problem) = only_problem(&text);
        assert_eq!(line, 13);
        assert!(
            matches!(problem, Problem::PlaceNotInEventSources { .. }),
            "{problem}"
        );
    }

    #[test]
    fn a_corridor_status_without_a_basis_or_with_an_empty_one_is_refused_where_it_is() {
        let missing = BASE.replace(
            ", \"basis\": {\"general_knowledge\": \"runs since 2019\"}",
            "",
        );
        let errors = parse_dataset(missing.as_bytes(), "test.json").expect_err("refused");
        let first = errors.first().expect("an error");
        assert!(
            first.to_string().contains("missing field `basis`"),
            "{first}"
        );
        assert_eq!(first.position.map(|p| p.line), Some(22));
        let empty = BASE.replace("runs since 2019", " ");
        let (line, problem) = only_problem(&empty);
        assert_eq!(line, 22);
        assert!(
            matches!(
                problem,
                Problem::Empty {
                    field: "general_knowledge",
                    ..
                }
            ),
            "{problem}"
        );
        let unknown = BASE.replace(
            "{\"general_knowledge\": \"runs since 2019\"}",
            "{\"sources\": [\"s9\"]}",
        );
        assert!(
            matches!(only_problem(&unknown).1, Problem::UnknownSource { ref id, .. } if id == "s9")
        );
    }

    #[test]
    fn rough_years_need_a_basis_and_borrowed_years_must_be_rough() {
        let rough = BASE.replace(", \"years_basis\": {\"sources\": [\"s1\"]}", "");
        let (line, problem) = only_problem(&rough);
        assert_eq!(line, 20);
        assert!(
            matches!(problem, Problem::RoughYearsWithoutBasis { .. }),
            "{problem}"
        );
        let borrowed = BASE.replace(
            "\"years\": {\"from\": 2015, \"approximate\": true}",
            "\"years\": {\"from\": 2015}",
        );
        let (line, problem) = only_problem(&borrowed);
        assert_eq!(line, 25);
        assert!(
            matches!(problem, Problem::BorrowedYearsNotApproximate { .. }),
            "{problem}"
        );
    }

    #[test]
    fn a_standing_fact_refers_only_to_records_that_exist_by_list_and_id() {
        let (line, problem) = only_problem(&BASE.replace("events/e1", "events/e9"));
        assert_eq!(line, 15);
        assert!(matches!(problem, Problem::UnknownReference { ref id, .. } if id == "events/e9"));
        assert_eq!(
            problems(&BASE.replace("events/e1", "places/p1")),
            Vec::new()
        );
        assert_eq!(only_problem(&BASE.replace("events/e1", "e1")).0, 15);
        let (_, problem) = only_problem(&BASE.replace("\"theme\": \"Gas\"", "\"theme\": \"\""));
        assert!(
            matches!(problem, Problem::Empty { field: "theme", .. }),
            "{problem}"
        );
    }
}
