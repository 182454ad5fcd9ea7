use super::*;
use crate::data::builtin::builtin_dataset;
use crate::data::model::{Domain, PartialDate, Stance};

fn builtin() -> Dataset {
    builtin_dataset().expect("built-in loads")
}

fn new_event(id: &str, sources: &[&str]) -> Event {
    Event {
        id: id.to_owned(),
        date: PartialDate::year(2020),
        end_date: None,
        title: "A meeting".to_owned(),
        summary: String::new(),
        domains: vec![Domain::Diplomacy],
        stance: Stance::Cooperation,
        places: Vec::new(),
        sources: sources.iter().map(|s| (*s).to_owned()).collect(),
        machine_coded: false,
        ongoing: false,
    }
}

#[test]
fn fresh_ids_are_slugs_of_the_name_that_no_record_of_the_list_has() {
    let dataset = builtin();
    let taken_place = dataset.places[0].id.clone();
    assert_eq!(
        fresh_id(&dataset, RecordKind::Event, "Su-35 deliveries, 2023!", &[]),
        "su-35-deliveries-2023"
    );
    assert_eq!(
        fresh_id(&dataset, RecordKind::Place, &taken_place, &[]),
        format!("{taken_place}-2")
    );
    assert_eq!(
        fresh_id(&dataset, RecordKind::Event, "  ", &[]),
        "event",
        "a name without letters gives the kind's word"
    );
    assert_eq!(
        fresh_id(&dataset, RecordKind::Source, "x", &["x".to_owned()]),
        "x-2",
        "ids about to be added count as taken"
    );
}

#[test]
fn a_record_is_found_replaced_in_place_and_added_at_the_end() {
    let mut dataset = builtin();
    let second = RecordRef::new(RecordKind::Event, dataset.events[1].id.clone());
    let Some(Record::Event(mut event)) = record(&dataset, &second) else {
        panic!("the second event is found");
    };
    event.title = "Changed".to_owned();
    let count = dataset.events.len();
    assert_eq!(put(&mut dataset, Record::Event(event), Some(&second)), 1);
    assert_eq!(dataset.events[1].title, "Changed");
    assert_eq!(dataset.events.len(), count);

    let source = dataset.sources[0].id.clone();
    let added = put(
        &mut dataset,
        Record::Event(new_event("new-one", &[&source])),
        None,
    );
    assert_eq!(added, count);
    assert!(record(&dataset, &RecordRef::new(RecordKind::Event, "new-one")).is_some());
    assert!(record(&dataset, &RecordRef::new(RecordKind::Place, "new-one")).is_none());
}

#[test]
fn problems_are_the_loaders_own_for_that_record_with_their_field() {
    let dataset = builtin();
    let uncited = Record::Event(new_event("uncited", &[]));
    let problems = problems_with(&dataset, &uncited, None, &[]);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].field, "sources");
    assert!(problems[0].message.contains("cites no source"));

    let mut reversed = new_event("reversed", &["made-inline"]);
    reversed.end_date = Some(PartialDate::year(2019));
    reversed.title = " ".to_owned();
    let inline = Source {
        id: "made-inline".to_owned(),
        author: None,
        title: "Notes".to_owned(),
        publisher: None,
        date: None,
        url: None,
        file: None,
        note: String::new(),
    };
    let fields: Vec<String> = problems_with(
        &dataset,
        &Record::Event(reversed.clone()),
        None,
        std::slice::from_ref(&inline),
    )
    .into_iter()
    .map(|p| p.field)
    .collect();
    assert_eq!(fields, ["title", "end_date"]);
    let without_inline: Vec<String> = problems_with(&dataset, &Record::Event(reversed), None, &[])
        .into_iter()
        .map(|p| p.field)
        .collect();
    assert!(without_inline.contains(&"sources".to_owned()));

    let existing = dataset.events[0].clone();
    let as_is = Record::Event(existing.clone());
    let reference = as_is.reference();
    assert!(
        problems_with(&dataset, &as_is, Some(&reference), &[]).is_empty(),
        "a valid record replacing itself has no problem"
    );
    assert_eq!(
        problems_with(&dataset, &as_is, None, &[])
            .iter()
            .map(|p| p.field.as_str())
            .collect::<Vec<_>>(),
        ["id"],
        "a copy added under the same id is told its id is taken"
    );
}

#[test]
fn deleting_a_place_takes_it_out_of_the_events_that_name_it() {
    let mut dataset = builtin();
    let (event_index, place) = dataset
        .events
        .iter()
        .enumerate()
        .find_map(|(i, e)| e.places.first().map(|p| (i, p.clone())))
        .expect("an event with a place");
    let target = RecordRef::new(RecordKind::Place, place.clone());
    let said = referrers(&dataset, &target);
    assert!(
        said.iter()
            .any(|r| r.description.contains("happened there")),
        "{said:?}"
    );
    assert!(delete(&mut dataset, &target));
    assert!(dataset.place(&place).is_none());
    assert!(!dataset.events[event_index].places.contains(&place));
    assert!(validate(&dataset).is_empty(), "{:?}", validate(&dataset));
    assert!(!delete(&mut dataset, &target), "gone already");
}

#[test]
fn a_source_that_is_some_records_only_one_cannot_be_deleted() {
    let mut dataset = builtin();
    let only = dataset
        .events
        .iter()
        .find(|e| e.sources.len() == 1)
        .map(|e| e.sources[0].clone())
        .expect("an event citing one source");
    let target = RecordRef::new(RecordKind::Source, only.clone());
    assert!(!can_delete(&dataset, &target));
    let before = dataset.clone();
    assert!(!delete(&mut dataset, &target));
    assert_eq!(dataset, before, "nothing changed");

    let source = dataset.sources[0].clone();
    let mut spare = source.clone();
    spare.id = "spare".to_owned();
    dataset.sources.push(spare);
    dataset
        .events
        .push(new_event("two-sources", &[&source.id, "spare"]));
    let spare_ref = RecordRef::new(RecordKind::Source, "spare");
    assert!(can_delete(&dataset, &spare_ref));
    assert!(delete(&mut dataset, &spare_ref));
    assert_eq!(
        dataset.event("two-sources").map(|e| e.sources.clone()),
        Some(vec![source.id])
    );
    assert!(validate(&dataset).is_empty());
}

#[test]
fn renaming_a_source_renames_every_citation_of_it() {
    let mut dataset = builtin();
    let old = dataset.events[0].sources[0].clone();
    let cited_before = dataset
        .events
        .iter()
        .filter(|e| e.sources.contains(&old))
        .count();
    if let Some(source) = dataset.sources.iter_mut().find(|s| s.id == old) {
        source.id = "renamed".to_owned();
    }
    rename_references(&mut dataset, RecordKind::Source, &old, "renamed");
    let cited_after = dataset
        .events
        .iter()
        .filter(|e| e.sources.iter().any(|s| s == "renamed"))
        .count();
    assert_eq!(cited_before, cited_after);
    assert!(validate(&dataset).is_empty(), "{:?}", validate(&dataset));
}

#[test]
fn deleting_an_event_clears_the_slides_that_showed_it() {
    let mut dataset = builtin();
    let Some((slide, event)) = dataset.stories[0]
        .slides
        .iter()
        .enumerate()
        .find_map(|(i, s)| s.select.clone().map(|e| (i, e)))
    else {
        panic!("the built-in story selects an event");
    };
    let target = RecordRef::new(RecordKind::Event, event);
    assert!(
        referrers(&dataset, &target)
            .iter()
            .any(|r| r.description.starts_with(&format!("slide {}", slide + 1)))
    );
    assert!(delete(&mut dataset, &target));
    assert_eq!(dataset.stories[0].slides[slide].select, None);
    assert!(validate(&dataset).is_empty());
}

#[test]
fn an_ongoing_event_has_no_end_date_and_reads_as_ongoing() {
    let dataset = builtin();
    let source = dataset.sources[0].id.clone();
    let mut event = new_event("talks", &[&source]);
    event.ongoing = true;
    assert_eq!(event.when(), "2020 – ongoing");
    assert!(problems_with(&dataset, &Record::Event(event.clone()), None, &[]).is_empty());
    event.end_date = Some(PartialDate::year(2022));
    let problems = problems_with(&dataset, &Record::Event(event), None, &[]);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].field, "ongoing");
}
