//! Building a relationship in the window: each kind of record made, changed and deleted
//! through the editor panel, the map and the timeline, checked in the saved file, which
//! must open again as the loader reads it.

use std::path::{Path, PathBuf};

use bilateral::app::BilateralApp;
use bilateral::app::command::Command;
use bilateral::data::Dataset;
use bilateral::data::country::Pair;
use bilateral::data::records::{RecordKind, RecordRef};
use bilateral::views::ViewKind;
use bilateral::views::editor::{EditorState, Seed};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::common::{click_at, new_harness, run, run_until};

type App = Harness<'static, BilateralApp>;

/// The app on an empty new relationship, as a new user starts one.
fn empty_pair() -> App {
    let mut harness = new_harness();
    run(
        &mut harness,
        Command::NewRelationship(Pair::parse("CHN,RUS").expect("pair")),
    );
    assert!(harness.state().document().dataset().events.is_empty());
    harness
}

fn press(harness: &mut App, modifiers: egui::Modifiers, key: egui::Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run_steps(2);
}

fn ctrl_shift() -> egui::Modifiers {
    egui::Modifiers::COMMAND | egui::Modifiers::SHIFT
}

/// Puts `text` in the text field labelled `label` in place of what it held (the last such
/// field, when the inline source form shows a second field of that name): focus, select
/// all, type, as a person does.
fn type_into(harness: &mut App, label: &str, text: &str) {
    harness
        .query_all_by_label(label)
        .last()
        .unwrap_or_else(|| panic!("a field labelled {label}"))
        .focus();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run_steps(1);
    harness.event(egui::Event::Text(text.to_owned()));
    harness.run_steps(2);
}

/// Clicks the widget labelled `label` as assistive technology does, so that one scrolled
/// out of sight in the editor panel is reached as well.
fn click(harness: &mut App, label: &str) {
    harness.get_by_label(label).click_accesskit();
    harness.run_steps(2);
}

/// Clicks the first of several widgets labelled `label` (the menu bar's comes first).
fn click_first(harness: &mut App, label: &str) {
    harness
        .query_all_by_label(label)
        .next()
        .unwrap_or_else(|| panic!("a widget labelled {label}"))
        .click_accesskit();
    harness.run_steps(2);
}

/// Clicks the last of several widgets labelled `label` (a window's comes after the panels').
fn click_last(harness: &mut App, label: &str) {
    harness
        .query_all_by_label(label)
        .last()
        .unwrap_or_else(|| panic!("a widget labelled {label}"))
        .click_accesskit();
    harness.run_steps(2);
}

/// Makes a source inline in the open editor and cites it.
fn cite_new_source(harness: &mut App, title: &str) {
    click(harness, "New source…");
    type_into(harness, "Title", title);
    type_into(harness, "Publisher", "Field notes");
    click(harness, "Add and cite");
}

/// Saves the document to `path` and reads it back as the loader reads any file.
fn save_and_reopen(harness: &mut App, path: &Path) -> Dataset {
    run(harness, Command::SaveAs(path.to_path_buf()));
    run_until(harness, "the save", |h| {
        h.state().document().origin().file() == Some(path)
            && !h.state().document().has_unsaved_changes()
    });
    bilateral::io::load_dataset_file(path).expect("the saved file opens and validates")
}

fn saved_path(folder: &tempfile::TempDir) -> PathBuf {
    folder.path().join("china-russia.json")
}

#[test]
fn an_event_is_made_from_the_keyboard_with_an_inline_source_then_edited_and_deleted() {
    let mut harness = empty_pair();
    let folder = tempfile::tempdir().expect("temp dir");

    press(&mut harness, ctrl_shift(), egui::Key::E);
    assert!(
        harness.state().editor().is_some(),
        "Ctrl+Shift+E opens the editor"
    );
    type_into(&mut harness, "Title", "Summit in Beijing");
    type_into(&mut harness, "Date", "2014-05");
    // Without a domain and a source, the loader's own messages stand beside the fields and
    // Save is refused.
    assert!(harness.query_by_label_contains("cites no source").is_some());
    assert!(
        harness
            .query_by_label_contains("choose at least one domain")
            .is_some()
    );
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Enter);
    assert!(
        harness.state().document().dataset().events.is_empty(),
        "Ctrl+Enter does not save a record with problems"
    );
    click(&mut harness, "diplomacy");
    cite_new_source(&mut harness, "Joint statement, May 2014");
    assert!(harness.query_by_label_contains("cites no source").is_none());
    click(&mut harness, "Save record");

    let dataset = harness.state().document().dataset().clone();
    assert_eq!(dataset.events.len(), 1);
    let event = &dataset.events[0];
    assert_eq!(event.title, "Summit in Beijing");
    assert_eq!(
        event.date.to_edtf(),
        "2014-05",
        "typed to the month, kept to the month"
    );
    assert_eq!(event.id, "summit-in-beijing");
    assert_eq!(dataset.sources.len(), 1);
    assert_eq!(event.sources, vec![dataset.sources[0].id.clone()]);
    assert_eq!(dataset.sources[0].publisher.as_deref(), Some("Field notes"));
    assert!(harness.state().editor().is_none());
    assert_eq!(
        harness.state().cursor().selected_event.as_deref(),
        Some("summit-in-beijing"),
        "the new event is selected on every view"
    );

    let saved = save_and_reopen(&mut harness, &saved_path(&folder));
    assert_eq!(saved.events, dataset.events);
    assert_eq!(saved.sources, dataset.sources);

    // F2 edits the selection; an approximate mark is kept as such.
    press(&mut harness, egui::Modifiers::NONE, egui::Key::F2);
    assert_eq!(
        harness
            .state()
            .editor()
            .and_then(|e| e.replacing())
            .map(|r| r.id.clone()),
        Some("summit-in-beijing".to_owned())
    );
    click_first(&mut harness, "approximate");
    type_into(&mut harness, "Title", "Summit in Beijing (state visit)");
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Enter);
    let edited = &harness.state().document().dataset().events[0];
    assert_eq!(edited.title, "Summit in Beijing (state visit)");
    assert_eq!(edited.date.to_edtf(), "2014-05~");
    assert_eq!(edited.id, "summit-in-beijing", "an edit keeps the id");
    assert_eq!(
        harness.state().document().undo_label(),
        Some("Edit event “Summit in Beijing (state visit)”")
    );

    // Delete asks first, then takes the event away; Undo brings it back.
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Delete);
    assert!(
        harness
            .query_by_label_contains("Nothing else refers to it")
            .is_some()
    );
    click(&mut harness, "Delete");
    assert!(harness.state().document().dataset().events.is_empty());
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(harness.state().document().dataset().events.len(), 1);
    press(&mut harness, ctrl_shift(), egui::Key::Z);
    let saved = save_and_reopen(&mut harness, &saved_path(&folder));
    assert!(saved.events.is_empty());
    assert_eq!(saved.sources.len(), 1, "the source stays for other records");
}

/// The centre of the map's canvas, where a right-click lands on the map itself.
fn map_point(harness: &App, dx: f32, dy: f32) -> egui::Pos2 {
    let size = harness.state().view_size();
    egui::pos2(size.x * 0.4 + dx, size.y * 0.5 + dy)
}

/// Drags the place `id` on the map by `by`, in small steps as a hand does.
fn drag_place(harness: &mut App, id: &str, by: egui::Vec2) {
    let from = harness
        .state()
        .views()
        .map
        .place_positions
        .iter()
        .find(|(drawn, _)| drawn == id)
        .map(|(_, position)| *position)
        .expect("the place is drawn");
    harness.hover_at(from);
    harness.run_steps(2);
    harness.event(egui::Event::PointerButton {
        pos: from,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    for step in 1..=10 {
        #[expect(clippy::cast_precision_loss, reason = "ten small steps")]
        harness.hover_at(from + by * (step as f32 / 10.0));
        harness.run_steps(1);
    }
    harness.event(egui::Event::PointerButton {
        pos: from + by,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run_steps(3);
}

#[test]
fn a_place_is_made_by_right_clicking_the_map_moved_by_dragging_and_deleted_with_its_events() {
    let mut harness = empty_pair();
    let folder = tempfile::tempdir().expect("temp dir");
    run(&mut harness, Command::ShowView(ViewKind::Map));
    harness.run_steps(3);

    let at = map_point(&harness, 0.0, 0.0);
    harness.hover_at(at);
    harness.run_steps(1);
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Secondary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    harness.run_steps(2);
    click(&mut harness, "New place here…");
    assert_eq!(
        harness.state().editor().map(EditorState::kind),
        Some(RecordKind::Place)
    );
    // The map and the timeline have domain filters of the same names: fill the rest of
    // the form beside the events view, which has none.
    run(&mut harness, Command::ShowView(ViewKind::Events));
    type_into(&mut harness, "Name", "Vladivostok port");
    click(&mut harness, "transport");
    cite_new_source(&mut harness, "Port authority report");
    click(&mut harness, "Save record");

    let place = harness.state().document().dataset().places[0].clone();
    assert_eq!(place.name, "Vladivostok port");
    assert!(
        (-180.0..=180.0).contains(&place.lon) && (-90.0..=90.0).contains(&place.lat),
        "placed where the map was clicked: {place:?}"
    );

    // An event there, made through the editor, names the place.
    run(
        &mut harness,
        Command::NewRecord(RecordKind::Event, Seed::default()),
    );
    type_into(&mut harness, "Title", "Port opened to Chinese ships");
    click(&mut harness, "trade");
    harness.get_by_label("Add source…").click_accesskit();
    harness.run_steps(2);
    click(&mut harness, "“Port authority report”, Field notes");
    harness.get_by_label("Add place…").click_accesskit();
    harness.run_steps(2);
    click(&mut harness, "Vladivostok port");
    click(&mut harness, "Save record");
    assert_eq!(
        harness.state().document().dataset().events[0].places,
        vec![place.id.clone()]
    );

    // Dragging the place moves it, as one undoable step.
    run(&mut harness, Command::ShowView(ViewKind::Map));
    harness.run_steps(3);
    drag_place(&mut harness, &place.id, egui::vec2(60.0, 40.0));
    let moved = harness.state().document().dataset().places[0].clone();
    assert!(
        moved.lon > place.lon,
        "dragged east: {} → {}",
        place.lon,
        moved.lon
    );
    assert!(
        moved.lat < place.lat,
        "dragged south: {} → {}",
        place.lat,
        moved.lat
    );
    assert_eq!(
        harness.state().document().undo_label(),
        Some("Move place “Vladivostok port”")
    );

    // Deleting it says the event happened there, and takes it out of the event.
    run(
        &mut harness,
        Command::AskDeleteRecord(RecordRef::new(RecordKind::Place, place.id.clone())),
    );
    assert!(
        harness
            .query_by_label_contains("event “Port opened to Chinese ships” happened there")
            .is_some()
    );
    click(&mut harness, "Delete");
    let saved = save_and_reopen(&mut harness, &saved_path(&folder));
    assert!(saved.places.is_empty());
    assert!(saved.events[0].places.is_empty());
}

#[test]
fn an_area_and_a_route_are_drawn_on_the_map_point_by_point() {
    let mut harness = empty_pair();
    let folder = tempfile::tempdir().expect("temp dir");
    run(&mut harness, Command::ShowView(ViewKind::Map));
    harness.run_steps(3);

    for (kind, name, domain) in [
        (RecordKind::Area, "Joint exercise zone", "military"),
        (RecordKind::Corridor, "Power of Siberia", "energy"),
    ] {
        run(&mut harness, Command::ShowView(ViewKind::Map));
        harness.run_steps(2);
        click_first(&mut harness, "Edit");
        click(&mut harness, &format!("New {}…", kind.noun()));
        assert_eq!(harness.state().editor().map(EditorState::kind), Some(kind));
        type_into(&mut harness, "Name", name);
        click(&mut harness, "Draw on map");
        for (dx, dy) in [(-60.0, -40.0), (40.0, -50.0), (30.0, 50.0)] {
            let at = map_point(&harness, dx, dy);
            harness.hover_at(at);
            harness.run_steps(1);
            click_at(&harness, at);
            harness.run_steps(2);
        }
        run(&mut harness, Command::ShowView(ViewKind::Events));
        click(&mut harness, domain);
        cite_new_source(&mut harness, &format!("{name} agreement"));
        click(&mut harness, "Save record");
        assert!(harness.state().editor().is_none(), "{name} saved");
    }
    let dataset = harness.state().document().dataset().clone();
    assert_eq!(dataset.areas[0].outline.len(), 3);
    assert_eq!(dataset.corridors[0].waypoints.len(), 3);
    assert_eq!(
        dataset.corridors[0].segments.len(),
        2,
        "one segment between each two points"
    );

    // Duplicate makes a copy under a new id; Delete takes the original away.
    let route = RecordRef::new(RecordKind::Corridor, dataset.corridors[0].id.clone());
    run(&mut harness, Command::EditRecord(route.clone()));
    click(&mut harness, "Duplicate");
    click(&mut harness, "Save record");
    let ids: Vec<String> = harness
        .state()
        .document()
        .dataset()
        .corridors
        .iter()
        .map(|c| c.id.clone())
        .collect();
    assert_eq!(ids, ["power-of-siberia", "power-of-siberia-copy"]);
    run(&mut harness, Command::DeleteRecord(route));

    // The area is edited: whole countries are added to its drawn region.
    let area = RecordRef::new(RecordKind::Area, dataset.areas[0].id.clone());
    run(&mut harness, Command::EditRecord(area.clone()));
    type_into(&mut harness, "Name", "Joint exercise zone (extended)");
    harness.get_by_label("Choose a country…").click_accesskit();
    harness.run_steps(2);
    harness.event(egui::Event::Text("Mongolia".to_owned()));
    harness.run_steps(2);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    click(&mut harness, "Save record");
    let edited = harness.state().document().dataset().areas[0].clone();
    assert_eq!(edited.name, "Joint exercise zone (extended)");
    assert_eq!(
        edited.countries,
        vec!["496".to_owned()],
        "Mongolia's ISO numeric code"
    );
    assert_eq!(
        edited.outline, dataset.areas[0].outline,
        "the drawn region is kept"
    );

    let saved = save_and_reopen(&mut harness, &saved_path(&folder));
    assert_eq!(saved.areas, vec![edited]);
    assert_eq!(saved.corridors.len(), 1);
    assert_eq!(saved.corridors[0].name, "Power of Siberia (copy)");

    run(&mut harness, Command::DeleteRecord(area));
    let saved = save_and_reopen(&mut harness, &saved_path(&folder));
    assert!(saved.areas.is_empty());
}

#[test]
fn standing_facts_and_sources_are_made_from_the_menu_and_a_cited_source_is_kept() {
    let mut harness = empty_pair();
    let folder = tempfile::tempdir().expect("temp dir");

    run(
        &mut harness,
        Command::NewRecord(RecordKind::Source, Seed::default()),
    );
    type_into(&mut harness, "Title", "Energy yearbook");
    type_into(&mut harness, "Author", "A. Analyst");
    type_into(&mut harness, "Date", "2021~");
    click(&mut harness, "Save record");
    let source = harness.state().document().dataset().sources[0].clone();
    assert_eq!(source.id, "energy-yearbook");
    assert_eq!(source.author.as_deref(), Some("A. Analyst"));
    assert_eq!(source.date.map(|d| d.to_edtf()).as_deref(), Some("2021~"));

    run(
        &mut harness,
        Command::NewRecord(RecordKind::StandingFact, Seed::default()),
    );
    type_into(&mut harness, "Theme", "Natural gas");
    type_into(
        &mut harness,
        "Statement",
        "Russia sells China pipeline gas.",
    );
    type_into(
        &mut harness,
        "As of (the date the source describes)",
        "2021",
    );
    click(&mut harness, "energy");
    harness.get_by_label("Add source…").click_accesskit();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(
            egui::accesskit::Role::Button,
            "A. Analyst, “Energy yearbook”, c. 2021",
        )
        .click_accesskit();
    harness.run_steps(2);
    click(&mut harness, "Save record");
    let fact = harness.state().document().dataset().standing_facts[0].clone();
    assert_eq!(fact.sources, vec!["energy-yearbook".to_owned()]);

    // The source is the fact's only one: it cannot be deleted, and the question says why.
    run(
        &mut harness,
        Command::NewRecord(RecordKind::Source, Seed::default()),
    );
    run(&mut harness, Command::CloseEditor);
    run(&mut harness, Command::ShowView(ViewKind::Sources));
    click_last(&mut harness, "Edit");
    click(&mut harness, "Delete…");
    harness.run_steps(1);
    assert!(
        harness
            .query_by_label_contains("cannot be deleted")
            .is_some()
    );
    assert!(harness.query_by_label("Delete").is_none());
    click_last(&mut harness, "Cancel");
    assert!(
        harness
            .query_by_label_contains("cannot be deleted")
            .is_none()
    );

    // Edited: the source's title changes, its id and the citation stay.
    click_last(&mut harness, "Edit");
    type_into(&mut harness, "Title", "Energy yearbook 2021");
    click(&mut harness, "Save record");
    let saved = save_and_reopen(&mut harness, &saved_path(&folder));
    assert_eq!(saved.sources[0].title, "Energy yearbook 2021");
    assert_eq!(
        saved.standing_facts[0].sources,
        vec!["energy-yearbook".to_owned()]
    );
    assert_eq!(
        saved.standing_facts[0].statement,
        "Russia sells China pipeline gas."
    );

    // The fact is edited in place: its statement changes, its id and sources stay.
    run(
        &mut harness,
        Command::EditRecord(RecordRef::new(RecordKind::StandingFact, fact.id.clone())),
    );
    type_into(
        &mut harness,
        "Statement",
        "Russia sells China pipeline gas and oil.",
    );
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Enter);
    let edited = harness.state().document().dataset().standing_facts[0].clone();
    assert_eq!(edited.statement, "Russia sells China pipeline gas and oil.");
    assert_eq!(
        (edited.id.as_str(), edited.sources.len()),
        (fact.id.as_str(), 1)
    );

    // Deleting the fact leaves a file that opens.
    run(
        &mut harness,
        Command::DeleteRecord(RecordRef::new(RecordKind::StandingFact, fact.id)),
    );
    let saved = save_and_reopen(&mut harness, &saved_path(&folder));
    assert!(saved.standing_facts.is_empty());
}

#[test]
fn double_clicking_the_timeline_starts_an_event_at_that_date() {
    // Frames of 1/60 s, as a screen has them: two clicks a few frames apart are a double
    // click (the harness's default quarter-second frames would make them two clicks).
    let options =
        bilateral::app::AppOptions::load(bilateral::settings::SettingsStore::in_memory(), None);
    let mut harness = Harness::builder()
        .with_size(crate::common::WINDOW_SIZE)
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |creation| BilateralApp::new(creation, options));
    harness.run_steps(3);
    run(
        &mut harness,
        Command::NewRelationship(Pair::parse("CHN,RUS").expect("pair")),
    );
    run(&mut harness, Command::ShowView(ViewKind::Timeline));
    harness.run_steps(3);
    let at = map_point(&harness, 0.0, 60.0);
    harness.hover_at(at);
    harness.run_steps(1);
    for _ in 0..2 {
        click_at(&harness, at);
        harness.run_steps(1);
    }
    harness.run_steps(2);
    assert_eq!(
        harness.state().editor().map(EditorState::kind),
        Some(RecordKind::Event),
        "a double-click opens a new event"
    );
    let typed = harness.get_by_label("Date").value().unwrap_or_default();
    assert!(
        typed.len() >= 4 && typed[..4].parse::<i32>().is_ok(),
        "the date under the pointer: {typed:?}"
    );
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Escape);
    assert!(
        harness.state().editor().is_none(),
        "Escape closes the editor"
    );
}

#[test]
fn a_source_nothing_cites_is_deleted_after_the_question() {
    let mut harness = empty_pair();
    run(
        &mut harness,
        Command::NewRecord(RecordKind::Source, Seed::default()),
    );
    type_into(&mut harness, "Title", "Unused notes");
    click(&mut harness, "Save record");
    assert_eq!(harness.state().document().dataset().sources.len(), 1);
    run(
        &mut harness,
        Command::AskDeleteRecord(RecordRef::new(RecordKind::Source, "unused-notes")),
    );
    harness.run_steps(1);
    assert!(
        harness
            .query_by_label_contains("Nothing else refers to it")
            .is_some()
    );
    click_last(&mut harness, "Delete");
    assert!(harness.state().document().dataset().sources.is_empty());
}
