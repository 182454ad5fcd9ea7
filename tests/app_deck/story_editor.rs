//! The story editor through the window: slides added from the screen, words typed, slides
//! moved (by button and by dragging), duplicated and deleted, undone and saved.

use bilateral::app::BilateralApp;
use bilateral::app::command::Command;
use bilateral::data::SlideView;
use bilateral::data::country::Pair;
use bilateral::views::ViewKind;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::common::{new_harness, run, run_until};

fn story_titles(harness: &Harness<'static, BilateralApp>) -> Vec<String> {
    let dataset = harness.state().document().dataset();
    dataset
        .stories
        .get(harness.state().chosen_story())
        .map_or_else(Vec::new, |story| {
            story
                .slides
                .iter()
                .map(|slide| slide.title.clone())
                .collect()
        })
}

fn click(harness: &mut Harness<'static, BilateralApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run_steps(2);
}

/// Ticks or unticks the source box labelled `citation`.
fn tick(harness: &mut Harness<'static, BilateralApp>, citation: &str) {
    harness
        .get_by_role_and_label(egui::accesskit::Role::CheckBox, citation)
        .click();
    harness.run_steps(2);
}

/// Types `text` into the field labelled `label`.
fn type_into(harness: &mut Harness<'static, BilateralApp>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run_steps(1);
    harness.get_by_label(label).type_text(text);
    harness.run_steps(1);
}

/// A new pair, its story built in the editor: six slides of the screen, a caption and notes
/// typed, moved, duplicated and deleted; each step undoable, all saved with the dataset.
#[test]
fn the_story_editor_builds_a_story_of_six_slides_for_a_new_pair() {
    let folder = tempfile::tempdir().expect("temp dir");
    let mut harness = new_harness();
    let pair = Pair::parse("CHN,RUS").expect("a pair");
    run(&mut harness, Command::NewRelationship(pair));
    assert!(story_titles(&harness).is_empty());
    click(&mut harness, "View");
    click(&mut harness, "Story editor");
    harness.get_by_label_contains("No slides yet");

    // Six slides of the screen: the trade chart, the map and the timeline, twice over.
    for view in [ViewKind::Trade, ViewKind::Map, ViewKind::Timeline] {
        for _ in 0..2 {
            run(&mut harness, Command::ShowView(view));
            click(&mut harness, "Add slide");
        }
    }
    let titles = story_titles(&harness);
    assert_eq!(titles.len(), 6, "{titles:?}");
    let story = &harness.state().document().dataset().stories[0].slides;
    assert_eq!(
        story.iter().map(|slide| slide.view).collect::<Vec<_>>(),
        [
            SlideView::Trade,
            SlideView::Trade,
            SlideView::Map,
            SlideView::Map,
            SlideView::Timeline,
            SlideView::Timeline
        ]
    );
    assert!(
        story[0].chart.is_some(),
        "a chart slide keeps the chart's options"
    );
    assert!(story[4].span.is_some(), "a timeline slide keeps its span");
    run(&mut harness, Command::Undo);
    assert_eq!(
        story_titles(&harness).len(),
        5,
        "Undo takes the last slide back"
    );
    run(&mut harness, Command::Redo);

    // Words: typed into a field, made one edit when the field is left.
    let first = format!("1. {}", titles[0]);
    click(&mut harness, &first);
    type_into(
        &mut harness,
        "Speaker notes (for the presenter only)",
        "Pause here.",
    );
    click(&mut harness, "Title");
    assert_eq!(
        harness.state().document().dataset().stories[0].slides[0].notes,
        "Pause here."
    );

    // Move, duplicate and delete, each undoable.
    click(&mut harness, "Move down");
    assert_eq!(
        harness.state().document().dataset().stories[0].slides[1].notes,
        "Pause here."
    );
    click(&mut harness, "Duplicate");
    assert_eq!(story_titles(&harness).len(), 7);
    click(&mut harness, "Delete");
    assert_eq!(story_titles(&harness).len(), 6);
    run(&mut harness, Command::Undo);
    assert_eq!(
        story_titles(&harness).len(),
        7,
        "Undo brings the slide back"
    );

    // Saved with the dataset.
    let path = folder.path().join("chn-rus.json");
    run(&mut harness, Command::SaveAs(path.clone()));
    run_until(&mut harness, "the save", |h| {
        h.state().document().origin().file() == Some(path.as_path())
    });
    let saved = bilateral::io::load_dataset_file(&path).expect("opens");
    assert_eq!(
        saved.stories[0].slides,
        harness.state().document().dataset().stories[0].slides
    );
    assert!(
        saved.stories[0]
            .slides
            .iter()
            .any(|slide| slide.notes == "Pause here.")
    );
}

/// A caption typed for the built-in story's first slide, its sources ticked: saved, and the
/// file opens again; without sources the editor warns.
#[test]
fn a_caption_is_saved_with_the_sources_ticked_for_it() {
    let folder = tempfile::tempdir().expect("temp dir");
    let mut harness = new_harness();
    run(&mut harness, Command::ShowStorySlide(Some(0)));
    let before = harness.state().document().dataset().stories[0].slides[0].clone();
    for source in before.sources.clone() {
        let citation = harness
            .state()
            .document()
            .dataset()
            .source(&source)
            .expect("a known source")
            .citation();
        tick(&mut harness, &citation);
    }
    assert!(
        harness.state().document().dataset().stories[0].slides[0]
            .sources
            .is_empty()
    );
    harness.get_by_label_contains("A caption needs its sources");
    let citation = harness.state().document().dataset().sources[0].citation();
    tick(&mut harness, &citation);
    type_into(&mut harness, "Caption (on the slide)", " Read the treaty.");
    click(&mut harness, "Title");
    let slide = harness.state().document().dataset().stories[0].slides[0].clone();
    // Typed where the click put the text cursor.
    assert!(
        slide.caption.contains(" Read the treaty."),
        "{}",
        slide.caption
    );
    assert_eq!(
        slide.caption.replacen(" Read the treaty.", "", 1),
        before.caption
    );
    assert_eq!(
        slide.sources,
        [harness.state().document().dataset().sources[0].id.clone()]
    );
    assert!(
        harness
            .query_by_label_contains("A caption needs its sources")
            .is_none()
    );
    let path = folder.path().join("story.json");
    run(&mut harness, Command::SaveAs(path.clone()));
    run_until(&mut harness, "the save", |h| {
        h.state().document().origin().file() == Some(path.as_path())
    });
    let saved = bilateral::io::load_dataset_file(&path).expect("opens");
    assert_eq!(saved.stories[0].slides[0], slide);
}

/// Clicking a slide in the editor shows it; dragging one onto another moves it there.
#[test]
fn a_slide_clicked_in_the_editor_is_shown_and_a_dragged_one_moves() {
    let mut harness = new_harness();
    run(&mut harness, Command::ShowStorySlide(Some(0)));
    let story = harness.state().document().dataset().stories[0]
        .slides
        .clone();
    click(&mut harness, &format!("2. {}", story[1].title));
    let expected = match story[1].view {
        SlideView::Trade => ViewKind::Trade,
        SlideView::Map => ViewKind::Map,
        SlideView::Timeline => ViewKind::Timeline,
        SlideView::Events => ViewKind::Events,
        SlideView::Sources => ViewKind::Sources,
    };
    assert_eq!(harness.state().view(), expected, "the slide is shown");
    let from = harness.get_by_label("Drag slide 1").rect().center();
    let to = harness
        .get_by_label(&format!("3. {}", story[2].title))
        .rect()
        .center();
    harness.event(egui::Event::PointerMoved(from));
    harness.event(egui::Event::PointerButton {
        pos: from,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run_steps(2);
    for step in 1..=10_u8 {
        harness.event(egui::Event::PointerMoved(
            from + (to - from) * f32::from(step) / 10.0,
        ));
        harness.run_steps(1);
    }
    harness.event(egui::Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run_steps(3);
    let moved = story_titles(&harness);
    assert_eq!(moved[2], story[0].title, "{moved:?}");
    assert_eq!(moved[0], story[1].title);
    run(&mut harness, Command::Undo);
    assert_eq!(
        story_titles(&harness)[0],
        story[0].title,
        "Undo moves it back"
    );
}
