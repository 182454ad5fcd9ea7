//! What the editor holds while a record is being edited: the record, plus the text typed
//! into fields that must be read (dates, years), and how a form becomes a record again.
//! Reading a field that cannot be read is a problem shown beside it, like the loader's.

use crate::data::records::{FieldProblem, Record, RecordKind};
use crate::data::{
    Area, Basis, Corridor, Event, PartialDate, Place, PlaceKind, Segment, SegmentStatus, Source,
    Stance, StandingFact, Waypoint, YearSpan,
};

/// A date as typed, with its approximate mark kept apart as a checkbox.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct DateText {
    /// `2016`, `2016-08` or `2016-08-12`: the precision is what is typed.
    pub(crate) text: String,
    /// Known only roughly (written `~` in the file, shown "c.").
    pub(crate) approximate: bool,
}

impl DateText {
    /// The date as the field shows it.
    pub(crate) fn of(date: Option<PartialDate>) -> Self {
        date.map_or_else(Self::default, |date| Self {
            text: PartialDate {
                approximate: false,
                ..date
            }
            .to_edtf(),
            approximate: date.approximate,
        })
    }

    /// The date, none when the field is empty, or what is wrong with the text.
    pub(crate) fn read(&self) -> Result<Option<PartialDate>, String> {
        let text = self.text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        let (text, circa) = strip_circa(text);
        let (text, tilde) = text
            .strip_suffix('~')
            .map_or((text, false), |rest| (rest, true));
        PartialDate::parse(text.trim())
            .map(|date| {
                Some(PartialDate {
                    approximate: self.approximate || circa || tilde,
                    ..date
                })
            })
            .map_err(|error| error.to_string())
    }
}

/// `c. 2000`, `circa 2000`, `ca. 2000` → (`2000`, true).
fn strip_circa(text: &str) -> (&str, bool) {
    for prefix in ["circa ", "ca. ", "c. ", "c.", "ca "] {
        if let Some(rest) = text.strip_prefix(prefix) {
            return (rest.trim_start(), true);
        }
    }
    (text, false)
}

/// A span of years as typed: from, to (empty while it still holds), roughly.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct YearsText {
    /// First year.
    pub(crate) from: String,
    /// Last year; empty when it still holds.
    pub(crate) to: String,
    /// Known only roughly.
    pub(crate) approximate: bool,
}

impl YearsText {
    /// The span as the fields show it.
    pub(crate) fn of(span: YearSpan) -> Self {
        Self {
            from: span.from.to_string(),
            to: span.to.map(|to| to.to_string()).unwrap_or_default(),
            approximate: span.approximate,
        }
    }

    /// The span, or what is wrong with it.
    pub(crate) fn read(&self) -> Result<YearSpan, String> {
        let year = |text: &str| {
            text.trim()
                .parse::<i32>()
                .ok()
                .filter(|y| (-9999..=9999).contains(y))
                .ok_or_else(|| format!("`{}` is not a year", text.trim()))
        };
        let from = year(&self.from)?;
        let to = if self.to.trim().is_empty() {
            None
        } else {
            Some(year(&self.to)?)
        };
        Ok(YearSpan {
            from,
            to,
            approximate: self.approximate,
        })
    }
}

/// Where a basis comes from, as the editor offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BasisKind {
    /// No basis stated (allowed while the years are not rough).
    None,
    /// The sources the record cites (or those the file named).
    Sources,
    /// Widely known; the text says what.
    GeneralKnowledge,
    /// Inferred; the text says from what.
    Inferred,
    /// Borrowed from another relationship; the text names it.
    OtherRelationship,
}

impl BasisKind {
    /// Every kind, in the order offered.
    pub(crate) const ALL: [Self; 5] = [
        Self::None,
        Self::Sources,
        Self::GeneralKnowledge,
        Self::Inferred,
        Self::OtherRelationship,
    ];

    /// The words offered.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Self::None => "not stated",
            Self::Sources => "the sources cited",
            Self::GeneralKnowledge => "general knowledge",
            Self::Inferred => "inferred",
            Self::OtherRelationship => "from another relationship",
        }
    }
}

/// A basis being edited.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct BasisForm {
    /// Its kind.
    pub(crate) kind: BasisKind,
    /// The explanation of the kinds that need one.
    pub(crate) text: String,
    /// Sources the file named when they differ from the record's; kept as they were.
    pub(crate) own_sources: Option<Vec<String>>,
}

impl BasisForm {
    /// The form of `basis`, given the record's own sources.
    pub(crate) fn of(basis: Option<&Basis>, record_sources: &[String]) -> Self {
        let (kind, text, own_sources) = match basis {
            None => (BasisKind::None, String::new(), None),
            Some(Basis::Sources(ids)) => (
                BasisKind::Sources,
                String::new(),
                (ids.as_slice() != record_sources).then(|| ids.clone()),
            ),
            Some(Basis::GeneralKnowledge(text)) => {
                (BasisKind::GeneralKnowledge, text.clone(), None)
            }
            Some(Basis::Inferred(text)) => (BasisKind::Inferred, text.clone(), None),
            Some(Basis::OtherRelationship(text)) => {
                (BasisKind::OtherRelationship, text.clone(), None)
            }
        };
        Self {
            kind,
            text,
            own_sources,
        }
    }

    /// The basis, citing `record_sources` when it is the sources'.
    pub(crate) fn basis(&self, record_sources: &[String]) -> Option<Basis> {
        match self.kind {
            BasisKind::None => None,
            BasisKind::Sources => Some(Basis::Sources(
                self.own_sources
                    .clone()
                    .unwrap_or_else(|| record_sources.to_vec()),
            )),
            BasisKind::GeneralKnowledge => Some(Basis::GeneralKnowledge(self.text.clone())),
            BasisKind::Inferred => Some(Basis::Inferred(self.text.clone())),
            BasisKind::OtherRelationship => Some(Basis::OtherRelationship(self.text.clone())),
        }
    }
}

/// A record being edited, with the text of its typed fields.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum RecordForm {
    /// An event and its two dates.
    Event {
        /// The event (its dates are read from the texts).
        event: Event,
        /// When it happened or began.
        date: DateText,
        /// When it ended, for a range.
        end_date: DateText,
    },
    /// A place and its years.
    Place {
        /// The place.
        place: Place,
        /// The years it is active.
        years: YearsText,
        /// Where rough years come from.
        basis: BasisForm,
    },
    /// An area and its years.
    Area {
        /// The area.
        area: Area,
        /// Its years.
        years: YearsText,
        /// Where rough years come from.
        basis: BasisForm,
    },
    /// A route, its years and the basis of each segment's status.
    Corridor {
        /// The route.
        corridor: Corridor,
        /// Its years.
        years: YearsText,
        /// Where rough years come from.
        basis: BasisForm,
        /// The basis of each segment's status.
        segment_bases: Vec<BasisForm>,
    },
    /// A standing fact and its "as of" date.
    StandingFact {
        /// The fact.
        fact: StandingFact,
        /// The date the source describes the world as of.
        as_of: DateText,
    },
    /// A source and its date.
    Source {
        /// The source.
        source: Source,
        /// Its publication date.
        date: DateText,
    },
}

/// Where a new record starts: a date clicked on the timeline, a point on the map.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Seed {
    /// The date for a new event or fact.
    pub date: Option<PartialDate>,
    /// The longitude and latitude for a new place, the first corner or waypoint.
    pub lon_lat: Option<[f64; 2]>,
    /// The year the views show, for the years of a new place, area or route.
    pub year: Option<i32>,
}

impl RecordForm {
    /// The form of an existing record.
    pub(crate) fn of(record: Record) -> Self {
        match record {
            Record::Event(event) => Self::Event {
                date: DateText::of(Some(event.date)),
                end_date: DateText::of(event.end_date),
                event,
            },
            Record::Place(place) => Self::Place {
                years: YearsText::of(place.years),
                basis: BasisForm::of(place.years_basis.as_ref(), &place.sources),
                place,
            },
            Record::Area(area) => Self::Area {
                years: YearsText::of(area.years),
                basis: BasisForm::of(area.years_basis.as_ref(), &area.sources),
                area,
            },
            Record::Corridor(corridor) => Self::Corridor {
                years: YearsText::of(corridor.years),
                basis: BasisForm::of(corridor.years_basis.as_ref(), &corridor.sources),
                segment_bases: corridor
                    .segments
                    .iter()
                    .map(|s| BasisForm::of(Some(&s.basis), &corridor.sources))
                    .collect(),
                corridor,
            },
            Record::StandingFact(fact) => Self::StandingFact {
                as_of: DateText::of(fact.as_of),
                fact,
            },
            Record::Source(source) => Self::Source {
                date: DateText::of(source.date),
                source,
            },
        }
    }

    /// A blank record of `kind`, started where `seed` says.
    pub(crate) fn blank(kind: RecordKind, seed: Seed) -> Self {
        let year = seed.year.unwrap_or(2000);
        let [lon, lat] = seed.lon_lat.unwrap_or_default();
        let record = match kind {
            RecordKind::Event => Record::Event(Event {
                id: String::new(),
                date: seed.date.unwrap_or_else(|| PartialDate::year(year)),
                end_date: None,
                title: String::new(),
                summary: String::new(),
                domains: Vec::new(),
                stance: Stance::Cooperation,
                places: Vec::new(),
                sources: Vec::new(),
            }),
            RecordKind::Place => Record::Place(Place {
                id: String::new(),
                name: String::new(),
                kind: PlaceKind::City,
                lon,
                lat,
                domains: Vec::new(),
                stance: Stance::Cooperation,
                years: YearSpan::new(year, None),
                years_basis: None,
                summary: String::new(),
                sources: Vec::new(),
            }),
            RecordKind::Area => Record::Area(Area {
                id: String::new(),
                name: String::new(),
                countries: Vec::new(),
                outline: seed.lon_lat.into_iter().collect(),
                domains: Vec::new(),
                stance: Stance::Cooperation,
                years: YearSpan::new(year, None),
                years_basis: None,
                summary: String::new(),
                sources: Vec::new(),
            }),
            RecordKind::Corridor => Record::Corridor(Corridor {
                id: String::new(),
                name: String::new(),
                domains: Vec::new(),
                stance: Stance::Cooperation,
                years: YearSpan::new(year, None),
                years_basis: None,
                summary: String::new(),
                waypoints: seed
                    .lon_lat
                    .map(|_| Waypoint {
                        name: "Point 1".to_owned(),
                        lon,
                        lat,
                    })
                    .into_iter()
                    .collect(),
                segments: Vec::new(),
                sources: Vec::new(),
            }),
            RecordKind::StandingFact => Record::StandingFact(StandingFact {
                id: String::new(),
                theme: String::new(),
                statement: String::new(),
                as_of: seed.date,
                domains: Vec::new(),
                stance: Stance::Context,
                places: Vec::new(),
                see_also: Vec::new(),
                sources: Vec::new(),
            }),
            RecordKind::Source => Record::Source(Source {
                id: String::new(),
                author: None,
                title: String::new(),
                publisher: None,
                date: None,
                url: None,
                file: None,
                note: String::new(),
            }),
        };
        Self::of(record)
    }

    /// Its kind.
    pub(crate) fn kind(&self) -> RecordKind {
        match self {
            Self::Event { .. } => RecordKind::Event,
            Self::Place { .. } => RecordKind::Place,
            Self::Area { .. } => RecordKind::Area,
            Self::Corridor { .. } => RecordKind::Corridor,
            Self::StandingFact { .. } => RecordKind::StandingFact,
            Self::Source { .. } => RecordKind::Source,
        }
    }

    /// The sources the record cites (none for a source), to add to and take from.
    pub(crate) fn sources_mut(&mut self) -> Option<&mut Vec<String>> {
        match self {
            Self::Event { event, .. } => Some(&mut event.sources),
            Self::Place { place, .. } => Some(&mut place.sources),
            Self::Area { area, .. } => Some(&mut area.sources),
            Self::Corridor { corridor, .. } => Some(&mut corridor.sources),
            Self::StandingFact { fact, .. } => Some(&mut fact.sources),
            Self::Source { .. } => None,
        }
    }

    /// The shape being drawn on the map: an area's outline or a route's waypoints.
    pub(crate) fn drawn_points(&self) -> Option<Vec<[f64; 2]>> {
        match self {
            Self::Area { area, .. } => Some(area.outline.clone()),
            Self::Corridor { corridor, .. } => {
                Some(corridor.waypoints.iter().map(|w| [w.lon, w.lat]).collect())
            }
            _ => None,
        }
    }

    /// Adds a point clicked on the map to the shape being drawn.
    pub(crate) fn add_drawn_point(&mut self, [lon, lat]: [f64; 2]) {
        match self {
            Self::Area { area, .. } => area.outline.push([lon, lat]),
            Self::Corridor {
                corridor,
                segment_bases,
                ..
            } => {
                corridor.waypoints.push(Waypoint {
                    name: format!("Point {}", corridor.waypoints.len() + 1),
                    lon,
                    lat,
                });
                fit_segments(corridor, segment_bases);
            }
            Self::Place { place, .. } => {
                place.lon = lon;
                place.lat = lat;
            }
            _ => {}
        }
    }

    /// The record the form describes, with the problems of the fields that could not be
    /// read (those keep the record's last good value). The id is left as it is.
    pub(crate) fn record(&self) -> (Record, Vec<FieldProblem>) {
        let mut problems = Vec::new();
        let mut read = |field: &str, result: Result<(), String>| {
            if let Err(message) = result {
                problems.push(FieldProblem {
                    field: field.to_owned(),
                    message,
                });
            }
        };
        let record = match self {
            Self::Event {
                event,
                date,
                end_date,
            } => {
                let mut event = event.clone();
                match date.read() {
                    Ok(Some(value)) => event.date = value,
                    Ok(None) => read("date", Err("an event needs a date".to_owned())),
                    Err(e) => read("date", Err(e)),
                }
                read(
                    "end_date",
                    end_date.read().map(|value| event.end_date = value),
                );
                Record::Event(event)
            }
            Self::Place {
                place,
                years,
                basis,
            } => {
                let mut place = place.clone();
                read("years", years.read().map(|span| place.years = span));
                place.years_basis = basis.basis(&place.sources);
                Record::Place(place)
            }
            Self::Area { area, years, basis } => {
                let mut area = area.clone();
                read("years", years.read().map(|span| area.years = span));
                area.years_basis = basis.basis(&area.sources);
                Record::Area(area)
            }
            Self::Corridor {
                corridor,
                years,
                basis,
                segment_bases,
            } => {
                let mut corridor = corridor.clone();
                read("years", years.read().map(|span| corridor.years = span));
                corridor.years_basis = basis.basis(&corridor.sources);
                for (segment, form) in corridor.segments.iter_mut().zip(segment_bases) {
                    if let Some(basis) = form.basis(&corridor.sources) {
                        segment.basis = basis;
                    }
                }
                Record::Corridor(corridor)
            }
            Self::StandingFact { fact, as_of } => {
                let mut fact = fact.clone();
                read("as_of", as_of.read().map(|date| fact.as_of = date));
                Record::StandingFact(fact)
            }
            Self::Source { source, date } => {
                let mut source = source.clone();
                read("date", date.read().map(|value| source.date = value));
                Record::Source(source)
            }
        };
        if let Record::Event(Event { domains, .. })
        | Record::Place(Place { domains, .. })
        | Record::Area(Area { domains, .. })
        | Record::Corridor(Corridor { domains, .. }) = &record
            && domains.is_empty()
        {
            problems.push(FieldProblem {
                field: "domains".to_owned(),
                message:
                    "choose at least one domain: records without one are shown in no lane or filter"
                        .to_owned(),
            });
        }
        (record, problems)
    }
}

/// One segment between each two waypoints: added as operating on the record's sources,
/// or taken off the end.
pub(crate) fn fit_segments(corridor: &mut Corridor, bases: &mut Vec<BasisForm>) {
    let wanted = corridor.waypoints.len().saturating_sub(1);
    corridor.segments.resize_with(wanted, || Segment {
        status: SegmentStatus::Operating,
        basis: Basis::Sources(corridor.sources.clone()),
        note: String::new(),
    });
    bases.resize_with(wanted, || BasisForm {
        kind: BasisKind::Sources,
        text: String::new(),
        own_sources: None,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Domain;

    #[test]
    fn dates_are_read_as_people_type_them_with_their_precision() {
        let read = |text: &str, approximate: bool| {
            DateText {
                text: text.to_owned(),
                approximate,
            }
            .read()
        };
        assert_eq!(read("", false), Ok(None));
        let month = read(" 2016-08 ", false).expect("reads").expect("a date");
        assert_eq!(month.to_edtf(), "2016-08");
        assert_eq!(
            read("c. 2000", false).map(|d| d.map(|d| d.to_edtf())),
            Ok(Some("2000~".to_owned()))
        );
        assert_eq!(
            read("2019-03-01", true).map(|d| d.map(|d| d.to_edtf())),
            Ok(Some("2019-03-01~".to_owned()))
        );
        assert!(read("2019-13", false).is_err());
        assert!(read("next year", false).is_err());
        let round_trip = DateText::of(PartialDate::parse("2000~").ok());
        assert_eq!(round_trip.text, "2000");
        assert!(round_trip.approximate);
    }

    #[test]
    fn years_still_holding_have_no_end_and_bad_years_are_told() {
        let years = YearsText {
            from: "2016".to_owned(),
            to: String::new(),
            approximate: true,
        };
        assert_eq!(
            years.read(),
            Ok(YearSpan {
                from: 2016,
                to: None,
                approximate: true
            })
        );
        let bad = YearsText {
            to: "20x6".to_owned(),
            ..years
        };
        assert_eq!(bad.read(), Err("`20x6` is not a year".to_owned()));
    }

    #[test]
    fn a_drawn_route_gets_one_segment_between_each_two_points() {
        let mut form = RecordForm::blank(
            RecordKind::Corridor,
            Seed {
                lon_lat: Some([50.0, 40.0]),
                ..Seed::default()
            },
        );
        form.add_drawn_point([51.0, 41.0]);
        form.add_drawn_point([52.0, 42.0]);
        let (Record::Corridor(route), _) = form.record() else {
            panic!("a route");
        };
        assert_eq!(route.waypoints.len(), 3);
        assert_eq!(route.segments.len(), 2);
        assert_eq!(route.waypoints[2].name, "Point 3");
    }

    #[test]
    fn a_field_that_cannot_be_read_is_a_problem_beside_it() {
        let mut form = RecordForm::blank(RecordKind::Event, Seed::default());
        if let RecordForm::Event { date, event, .. } = &mut form {
            date.text = "2016-02-30".to_owned();
            event.domains.push(Domain::Energy);
        }
        let (_, problems) = form.record();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, "date");
    }
}
