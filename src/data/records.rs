//! Records as the editors see them: one kind of record among the dataset's lists, found,
//! put in, taken out and duplicated by id; what refers to a record; and the loader's own
//! validation narrowed to one record, field by field. Nothing in here knows about egui.

use std::collections::HashSet;

use super::basis::Basis;
use super::locate::PathStep;
use super::model::{Area, Corridor, Dataset, Event, Place, Source};
use super::standing::StandingFact;
use super::validate::validate;

/// The kinds of record an analyst edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordKind {
    /// A dated event.
    Event,
    /// A place on the map.
    Place,
    /// An area: whole countries or a drawn region.
    Area,
    /// A route drawn point by point.
    Corridor,
    /// A standing fact, dated "as of".
    StandingFact,
    /// A source the other records cite.
    Source,
}

impl RecordKind {
    /// Every kind, in menu order.
    pub const ALL: [Self; 6] = [
        Self::Event,
        Self::Place,
        Self::Area,
        Self::Corridor,
        Self::StandingFact,
        Self::Source,
    ];

    /// The word for one of them: "event", "standing fact".
    pub fn noun(self) -> &'static str {
        match self {
            Self::Event => "event",
            Self::Place => "place",
            Self::Area => "area",
            Self::Corridor => "route",
            Self::StandingFact => "standing fact",
            Self::Source => "source",
        }
    }

    /// The list's key in the dataset file: `events`, `standing_facts`.
    pub fn list(self) -> &'static str {
        match self {
            Self::Event => "events",
            Self::Place => "places",
            Self::Area => "areas",
            Self::Corridor => "corridors",
            Self::StandingFact => "standing_facts",
            Self::Source => "sources",
        }
    }
}

/// One record of the dataset, named by its kind and id.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RecordRef {
    /// Which list it is in.
    pub kind: RecordKind,
    /// Its id in that list.
    pub id: String,
}

impl RecordRef {
    /// The record `id` of `kind`.
    pub fn new(kind: RecordKind, id: impl Into<String>) -> Self {
        Self {
            kind,
            id: id.into(),
        }
    }

    /// As `see_also` names it: `events/jcpoa`.
    pub fn reference(&self) -> String {
        format!("{}/{}", self.kind.list(), self.id)
    }
}

/// A record of any kind, whole.
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    /// An event.
    Event(Event),
    /// A place.
    Place(Place),
    /// An area.
    Area(Area),
    /// A corridor.
    Corridor(Corridor),
    /// A standing fact.
    StandingFact(StandingFact),
    /// A source.
    Source(Source),
}

impl Record {
    /// Its kind.
    pub fn kind(&self) -> RecordKind {
        match self {
            Self::Event(_) => RecordKind::Event,
            Self::Place(_) => RecordKind::Place,
            Self::Area(_) => RecordKind::Area,
            Self::Corridor(_) => RecordKind::Corridor,
            Self::StandingFact(_) => RecordKind::StandingFact,
            Self::Source(_) => RecordKind::Source,
        }
    }

    /// Its id.
    pub fn id(&self) -> &str {
        match self {
            Self::Event(r) => &r.id,
            Self::Place(r) => &r.id,
            Self::Area(r) => &r.id,
            Self::Corridor(r) => &r.id,
            Self::StandingFact(r) => &r.id,
            Self::Source(r) => &r.id,
        }
    }

    /// Gives it another id.
    pub fn set_id(&mut self, id: String) {
        match self {
            Self::Event(r) => r.id = id,
            Self::Place(r) => r.id = id,
            Self::Area(r) => r.id = id,
            Self::Corridor(r) => r.id = id,
            Self::StandingFact(r) => r.id = id,
            Self::Source(r) => r.id = id,
        }
    }

    /// What a person calls it: the title, the name, the statement's theme.
    pub fn name(&self) -> &str {
        match self {
            Self::Event(r) => &r.title,
            Self::Place(r) => &r.name,
            Self::Area(r) => &r.name,
            Self::Corridor(r) => &r.name,
            Self::StandingFact(r) => &r.theme,
            Self::Source(r) => &r.title,
        }
    }

    /// The reference to it.
    pub fn reference(&self) -> RecordRef {
        RecordRef::new(self.kind(), self.id())
    }
}

/// Ids in `list`, to make a new one unique against.
fn ids_of(dataset: &Dataset, kind: RecordKind) -> HashSet<&str> {
    match kind {
        RecordKind::Event => dataset.events.iter().map(|r| r.id.as_str()).collect(),
        RecordKind::Place => dataset.places.iter().map(|r| r.id.as_str()).collect(),
        RecordKind::Area => dataset.areas.iter().map(|r| r.id.as_str()).collect(),
        RecordKind::Corridor => dataset.corridors.iter().map(|r| r.id.as_str()).collect(),
        RecordKind::StandingFact => dataset
            .standing_facts
            .iter()
            .map(|r| r.id.as_str())
            .collect(),
        RecordKind::Source => dataset.sources.iter().map(|r| r.id.as_str()).collect(),
    }
}

/// A lower-case id made from `name` (`Su-35 deliveries` → `su-35-deliveries`), not yet used
/// in its list and not in `taken` (ids about to be added alongside it).
pub fn fresh_id(dataset: &Dataset, kind: RecordKind, name: &str, taken: &[String]) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.chars().count() >= 48 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    let base = if slug.is_empty() { kind.noun() } else { slug };
    let used = ids_of(dataset, kind);
    let free = |id: &str| !used.contains(id) && !taken.iter().any(|t| t == id);
    if free(base) {
        return base.to_owned();
    }
    // Ids are few per list and the counter stops at the first free one.
    (2..=u32::MAX)
        .map(|n| format!("{base}-{n}"))
        .find(|id| free(id))
        .unwrap_or_else(|| base.to_owned())
}

/// The record `reference` names, if it is there.
pub fn record(dataset: &Dataset, reference: &RecordRef) -> Option<Record> {
    let id = reference.id.as_str();
    match reference.kind {
        RecordKind::Event => dataset.event(id).cloned().map(Record::Event),
        RecordKind::Place => dataset.place(id).cloned().map(Record::Place),
        RecordKind::Area => dataset.area(id).cloned().map(Record::Area),
        RecordKind::Corridor => dataset.corridor(id).cloned().map(Record::Corridor),
        RecordKind::StandingFact => dataset
            .standing_facts
            .iter()
            .find(|f| f.id == id)
            .cloned()
            .map(Record::StandingFact),
        RecordKind::Source => dataset.source(id).cloned().map(Record::Source),
    }
}

/// Where the record stands in its list.
fn position(dataset: &Dataset, reference: &RecordRef) -> Option<usize> {
    let id = reference.id.as_str();
    match reference.kind {
        RecordKind::Event => dataset.events.iter().position(|r| r.id == id),
        RecordKind::Place => dataset.places.iter().position(|r| r.id == id),
        RecordKind::Area => dataset.areas.iter().position(|r| r.id == id),
        RecordKind::Corridor => dataset.corridors.iter().position(|r| r.id == id),
        RecordKind::StandingFact => dataset.standing_facts.iter().position(|r| r.id == id),
        RecordKind::Source => dataset.sources.iter().position(|r| r.id == id),
    }
}

/// Puts `record` in its list: in place of `replacing` when given (keeping its position),
/// otherwise at the end. Returns the index it has.
pub fn put(dataset: &mut Dataset, record: Record, replacing: Option<&RecordRef>) -> usize {
    let at = replacing
        .filter(|r| r.kind == record.kind())
        .and_then(|r| position(dataset, r));
    match record {
        Record::Event(r) => place_in(&mut dataset.events, r, at),
        Record::Place(r) => place_in(&mut dataset.places, r, at),
        Record::Area(r) => place_in(&mut dataset.areas, r, at),
        Record::Corridor(r) => place_in(&mut dataset.corridors, r, at),
        Record::StandingFact(r) => place_in(&mut dataset.standing_facts, r, at),
        Record::Source(r) => place_in(&mut dataset.sources, r, at),
    }
}

/// Puts `item` at `at` in `list`, or at the end; returns where it is.
fn place_in<T>(list: &mut Vec<T>, item: T, at: Option<usize>) -> usize {
    if let Some(index) = at {
        list[index] = item;
        index
    } else {
        list.push(item);
        list.len() - 1
    }
}

/// Renames every reference to `from` (a record whose id changed) to `to`.
pub fn rename_references(dataset: &mut Dataset, kind: RecordKind, from: &str, to: &str) {
    let rename = |ids: &mut Vec<String>| {
        for id in ids.iter_mut().filter(|id| *id == from) {
            to.clone_into(id);
        }
    };
    match kind {
        RecordKind::Source => {
            for_each_citation_list(dataset, rename);
        }
        RecordKind::Place => {
            dataset
                .events
                .iter_mut()
                .for_each(|e| rename(&mut e.places));
            dataset
                .standing_facts
                .iter_mut()
                .for_each(|f| rename(&mut f.places));
        }
        RecordKind::Event => {
            for slide in dataset.all_slides_mut() {
                if slide.select.as_deref() == Some(from) {
                    slide.select = Some(to.to_owned());
                }
            }
        }
        RecordKind::Area | RecordKind::Corridor | RecordKind::StandingFact => {}
    }
    let (old, new) = (
        RecordRef::new(kind, from).reference(),
        RecordRef::new(kind, to).reference(),
    );
    for fact in &mut dataset.standing_facts {
        for id in fact.see_also.iter_mut().filter(|id| **id == old) {
            id.clone_from(&new);
        }
    }
}

/// Runs `change` on every list of cited source ids in the dataset.
fn for_each_citation_list(dataset: &mut Dataset, mut change: impl FnMut(&mut Vec<String>)) {
    dataset
        .events
        .iter_mut()
        .for_each(|r| change(&mut r.sources));
    dataset
        .places
        .iter_mut()
        .for_each(|r| change(&mut r.sources));
    dataset
        .areas
        .iter_mut()
        .for_each(|r| change(&mut r.sources));
    dataset
        .corridors
        .iter_mut()
        .for_each(|r| change(&mut r.sources));
    dataset
        .standing_facts
        .iter_mut()
        .for_each(|r| change(&mut r.sources));
    dataset
        .all_slides_mut()
        .for_each(|r| change(&mut r.sources));
    for series in &mut dataset.series {
        series
            .points
            .iter_mut()
            .for_each(|p| change(&mut p.sources));
    }
    for basis in bases_mut(dataset) {
        if let Basis::Sources(ids) = basis {
            change(ids);
        }
    }
}

/// Every stated basis (of rough years, of a route segment's status), with its record's name.
fn bases(dataset: &Dataset) -> impl Iterator<Item = (String, &Basis)> {
    let places = dataset
        .places
        .iter()
        .filter_map(|p| Some((format!("place “{}”", p.name), p.years_basis.as_ref()?)));
    let areas = dataset
        .areas
        .iter()
        .filter_map(|a| Some((format!("area “{}”", a.name), a.years_basis.as_ref()?)));
    let corridors = dataset.corridors.iter().flat_map(|c| {
        let years = c
            .years_basis
            .as_ref()
            .map(|b| (format!("route “{}”", c.name), b));
        let segments = c
            .segments
            .iter()
            .enumerate()
            .map(move |(i, s)| (format!("route “{}” segment {}", c.name, i + 1), &s.basis));
        years.into_iter().chain(segments)
    });
    places.chain(areas).chain(corridors)
}

/// Every stated basis, to change.
fn bases_mut(dataset: &mut Dataset) -> impl Iterator<Item = &mut Basis> {
    let places = dataset
        .places
        .iter_mut()
        .filter_map(|p| p.years_basis.as_mut());
    let areas = dataset
        .areas
        .iter_mut()
        .filter_map(|a| a.years_basis.as_mut());
    let corridors = dataset.corridors.iter_mut().flat_map(|c| {
        c.years_basis
            .as_mut()
            .into_iter()
            .chain(c.segments.iter_mut().map(|s| &mut s.basis))
    });
    places.chain(areas).chain(corridors)
}

/// Something that refers to a record, as a person reads it: "event “JCPOA signed” happened
/// there", "slide 2 “The deal” selects it".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Referrer {
    /// What refers, and how.
    pub description: String,
    /// Whether taking the reference away would leave it without any source (only for
    /// sources): then the record cannot be deleted until the referrer cites another.
    pub would_lose_its_last_source: bool,
}

/// Every record, slide and series point that refers to `target`.
pub fn referrers(dataset: &Dataset, target: &RecordRef) -> Vec<Referrer> {
    let id = target.id.as_str();
    let mut found = Vec::new();
    let mut note = |description: String, last: bool| {
        found.push(Referrer {
            description,
            would_lose_its_last_source: last,
        });
    };
    match target.kind {
        RecordKind::Source => {
            let cites = |sources: &[String]| sources.iter().any(|s| s == id);
            let last = |sources: &[String]| sources.len() == 1;
            for e in dataset.events.iter().filter(|e| cites(&e.sources)) {
                note(format!("event “{}” cites it", e.title), last(&e.sources));
            }
            for p in dataset.places.iter().filter(|p| cites(&p.sources)) {
                note(format!("place “{}” cites it", p.name), last(&p.sources));
            }
            for a in dataset.areas.iter().filter(|a| cites(&a.sources)) {
                note(format!("area “{}” cites it", a.name), last(&a.sources));
            }
            for c in dataset.corridors.iter().filter(|c| cites(&c.sources)) {
                note(format!("route “{}” cites it", c.name), last(&c.sources));
            }
            for f in dataset.standing_facts.iter().filter(|f| cites(&f.sources)) {
                note(
                    format!("standing fact “{}” cites it", f.theme),
                    last(&f.sources),
                );
            }
            for (story, index, s) in dataset.all_slides() {
                if cites(&s.sources) {
                    note(
                        format!("{} cites it", slide_name(&story.name, index, &s.title)),
                        last(&s.sources),
                    );
                }
            }
            for series in &dataset.series {
                let points: Vec<&super::Point> =
                    series.points.iter().filter(|p| cites(&p.sources)).collect();
                if !points.is_empty() {
                    note(
                        format!(
                            "{} points of series “{}” cite it",
                            points.len(),
                            series.label
                        ),
                        points.iter().any(|p| last(&p.sources)),
                    );
                }
            }
            for (name, basis) in bases(dataset) {
                if let Basis::Sources(ids) = basis
                    && cites(ids)
                {
                    note(format!("{name} gives it as its basis"), last(ids));
                }
            }
        }
        RecordKind::Place => {
            for e in dataset
                .events
                .iter()
                .filter(|e| e.places.iter().any(|p| p == id))
            {
                note(format!("event “{}” happened there", e.title), false);
            }
            for f in &dataset.standing_facts {
                if f.places.iter().any(|p| p == id) {
                    note(format!("standing fact “{}” holds there", f.theme), false);
                }
            }
        }
        RecordKind::Event => {
            for (story, index, s) in dataset.all_slides() {
                if s.select.as_deref() == Some(id) {
                    note(
                        format!("{} shows it", slide_name(&story.name, index, &s.title)),
                        false,
                    );
                }
            }
        }
        RecordKind::Area | RecordKind::Corridor | RecordKind::StandingFact => {}
    }
    let reference = target.reference();
    for f in &dataset.standing_facts {
        if f.see_also.contains(&reference) {
            note(format!("standing fact “{}” sees also it", f.theme), false);
        }
    }
    found
}

/// How a referrer names a slide: its number and title, and its story.
fn slide_name(story: &str, index: usize, title: &str) -> String {
    format!("slide {} “{title}” of story “{story}”", index + 1)
}

/// Whether `target` can be deleted: no record would be left without a source.
pub fn can_delete(dataset: &Dataset, target: &RecordRef) -> bool {
    !referrers(dataset, target)
        .iter()
        .any(|r| r.would_lose_its_last_source)
}

/// Takes `target` out of the dataset with every reference to it (an event's place, a
/// slide's selected event, a citation among others, a see-also). Returns false, changing
/// nothing, when it is not there or [`can_delete`] says no.
pub fn delete(dataset: &mut Dataset, target: &RecordRef) -> bool {
    let Some(index) = position(dataset, target) else {
        return false;
    };
    if !can_delete(dataset, target) {
        return false;
    }
    let id = target.id.as_str();
    match target.kind {
        RecordKind::Event => {
            dataset.events.remove(index);
            for slide in dataset.all_slides_mut() {
                if slide.select.as_deref() == Some(id) {
                    slide.select = None;
                }
            }
        }
        RecordKind::Place => {
            dataset.places.remove(index);
            dataset
                .events
                .iter_mut()
                .for_each(|e| e.places.retain(|p| p != id));
            dataset
                .standing_facts
                .iter_mut()
                .for_each(|f| f.places.retain(|p| p != id));
        }
        RecordKind::Area => {
            dataset.areas.remove(index);
        }
        RecordKind::Corridor => {
            dataset.corridors.remove(index);
        }
        RecordKind::StandingFact => {
            dataset.standing_facts.remove(index);
        }
        RecordKind::Source => {
            dataset.sources.remove(index);
            for_each_citation_list(dataset, |ids| ids.retain(|s| s != id));
        }
    }
    let reference = target.reference();
    dataset
        .standing_facts
        .iter_mut()
        .for_each(|f| f.see_also.retain(|r| *r != reference));
    true
}

/// A problem with one record, as the editor shows it: the field it belongs beside (the
/// file's key: `title`, `sources`, `end_date`; empty for the record as a whole) and the
/// loader's own message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    /// The key of the field in the file.
    pub field: String,
    /// What is wrong, as `bilateral check` says it.
    pub message: String,
}

/// What the loader's validation would say of `record` if it were put in `dataset` (in place
/// of `replacing`) together with `new_sources`: only the problems of that record, each with
/// its field.
pub fn problems_with(
    dataset: &Dataset,
    record: &Record,
    replacing: Option<&RecordRef>,
    new_sources: &[Source],
) -> Vec<FieldProblem> {
    let mut candidate = dataset.clone();
    candidate.sources.extend(new_sources.iter().cloned());
    let index = put(&mut candidate, record.clone(), replacing);
    let list = record.kind().list();
    validate(&candidate)
        .into_iter()
        .filter_map(|(path, problem)| {
            let mut steps = path.0.iter();
            let in_list = matches!(steps.next(), Some(PathStep::Key(key)) if key == list);
            let at_index = matches!(steps.next(), Some(PathStep::Index(i)) if *i == index);
            if !(in_list && at_index) {
                return None;
            }
            let field = match steps.next() {
                Some(PathStep::Key(key)) => key.clone(),
                _ => String::new(),
            };
            Some(FieldProblem {
                field,
                message: problem.to_string(),
            })
        })
        .collect()
}

#[cfg(test)]
#[path = "records_tests.rs"]
mod tests;
