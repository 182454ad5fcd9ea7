//! More than one story per dataset, through the window: stories made, renamed, duplicated,
//! deleted and chosen in the story editor, each change undoable and saved; presenter mode
//! presents the story chosen, and the command palette presents any story by its name.

use bilateral::app::BilateralApp;
use bilateral::app::command::Command;
use bilateral::data::country::Pair;
use bilateral::views::ViewKind;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::common::{new_harness, run, run_until};

fn click(harness: &mut Harness<'static, BilateralApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run_steps(2);
}

/// The dataset's stories as (name, slide count).
fn stories(harness: &Harness<'static, BilateralApp>) -> Vec<(String, usize)> {
    harness
        .state()
        .document()
        .dataset()
        .stories
        .iter()
        .map(|story| (story.name.clone(), story.slides.len()))
        .collect()
}

fn named(list: &[(&str, usize)]) -> Vec<(String, usize)> {
    list.iter()
        .map(|(name, count)| ((*name).to_owned(), *count))
        .collect()
}

/// Replaces the text of the story's Name field with `name`, staying in the field.
fn type_name(harness: &mut Harness<'static, BilateralApp>, name: &str) {
    harness.get_by_label("Name").click();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run_steps(1);
    harness.get_by_label("Name").type_text(name);
    harness.run_steps(1);
}

/// Replaces the text of the story's Name field with `name`, then leaves the field.
fn rename(harness: &mut Harness<'static, BilateralApp>, name: &str) {
    type_name(harness, name);
    harness.key_press(egui::Key::Tab);
    harness.run_steps(2);
}

/// Two stories for a new pair, built in the editor: the first slide makes a story, *New
/// story* a second; each is renamed, one duplicated and deleted; Undo takes each step back;
/// picking a story in the editor is what presenter mode presents; all saved.
#[test]
fn two_stories_are_built_renamed_copied_deleted_and_presented_for_a_new_pair() {
    let folder = tempfile::tempdir().expect("temp dir");
    let mut harness = new_harness();
    run(
        &mut harness,
        Command::NewRelationship(Pair::parse("CHN,RUS").expect("a pair")),
    );
    assert!(stories(&harness).is_empty());
    click(&mut harness, "View");
    click(&mut harness, "Story editor");
    run(&mut harness, Command::ShowView(ViewKind::Trade));
    click(&mut harness, "Add slide");
    assert_eq!(
        stories(&harness),
        named(&[("Story", 1)]),
        "a slide makes a story"
    );
    rename(&mut harness, "Trade");
    assert_eq!(stories(&harness), named(&[("Trade", 1)]));

    click(&mut harness, "New story");
    assert_eq!(stories(&harness), named(&[("Trade", 1), ("Story", 0)]));
    assert_eq!(harness.state().chosen_story(), 1, "the new story is chosen");
    harness.get_by_label_contains("No slides yet");
    run(&mut harness, Command::ShowView(ViewKind::Map));
    click(&mut harness, "Add slide");
    run(&mut harness, Command::ShowView(ViewKind::Timeline));
    click(&mut harness, "Add slide");
    rename(&mut harness, "Routes");
    assert_eq!(stories(&harness), named(&[("Trade", 1), ("Routes", 2)]));
    type_name(&mut harness, "Trade");
    harness.get_by_label("Another story has this name");
    harness.key_press(egui::Key::Tab);
    harness.run_steps(2);
    assert_eq!(
        stories(&harness),
        named(&[("Trade", 1), ("Routes", 2)]),
        "a name taken is not given"
    );
    rename(&mut harness, "Routes");

    click(&mut harness, "Duplicate story");
    assert_eq!(
        stories(&harness),
        named(&[("Trade", 1), ("Routes", 2), ("Routes (copy)", 2)])
    );
    click(&mut harness, "Delete story");
    assert_eq!(stories(&harness), named(&[("Trade", 1), ("Routes", 2)]));
    run(&mut harness, Command::Undo);
    assert_eq!(stories(&harness).len(), 3, "Undo brings the story back");
    run(&mut harness, Command::Undo);
    assert_eq!(stories(&harness).len(), 2, "Undo takes the copy back");

    // The story picker: the first story chosen, its slide shown.
    harness.get_by_label("Story").click();
    harness.run_steps(2);
    click(&mut harness, "Trade (1 slide)");
    assert_eq!(harness.state().chosen_story(), 0);
    assert_eq!(harness.state().view(), ViewKind::Trade);
    run(&mut harness, Command::TogglePresenter);
    let presented = |harness: &Harness<'static, BilateralApp>| {
        harness.state().presenter().map(|presenter| presenter.slide)
    };
    assert_eq!(presented(&harness), Some(0));
    run(&mut harness, Command::NextSlide);
    assert_eq!(
        presented(&harness),
        Some(0),
        "the chosen story has one slide"
    );
    run(&mut harness, Command::TogglePresenter);

    // Saved with the dataset, and opened again with both stories.
    let path = folder.path().join("chn-rus.json");
    run(&mut harness, Command::SaveAs(path.clone()));
    run_until(&mut harness, "the save", |h| {
        h.state().document().origin().file() == Some(path.as_path())
    });
    let saved = bilateral::io::load_dataset_file(&path).expect("opens");
    assert_eq!(saved.stories, harness.state().document().dataset().stories);
}

/// The command palette's *Present “name”* presents that story from its first slide.
#[test]
fn the_palette_presents_a_story_by_its_name() {
    let mut harness = new_harness();
    run(&mut harness, Command::ShowStorySlide(Some(0)));
    click(&mut harness, "Duplicate story");
    let first = harness.state().document().dataset().stories[0].name.clone();
    let second = harness.state().document().dataset().stories[1].clone();
    assert_eq!(second.name, format!("{first} (copy)"));
    click(&mut harness, &format!("1. {}", second.slides[0].title));
    click(&mut harness, "Delete");
    click(&mut harness, "Delete");
    assert_eq!(
        harness.state().document().dataset().stories[1].slides.len(),
        second.slides.len() - 2
    );
    run(&mut harness, Command::ShowStorySlide(None));
    run(&mut harness, Command::ToggleCommandPalette);
    // The palette's field has the keyboard when it opens.
    harness.event(egui::Event::Text(format!("present {first} copy")));
    harness.run_steps(2);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    assert_eq!(harness.state().chosen_story(), 1);
    let presenter = harness.state().presenter().expect("presenting");
    assert_eq!(presenter.slide, 0);
    let slides = harness.state().document().dataset().stories[1]
        .slides
        .clone();
    harness.get_by_label(&slides[0].title);
    for _ in 0..slides.len() + 2 {
        run(&mut harness, Command::NextSlide);
    }
    assert_eq!(
        harness.state().presenter().map(|p| p.slide),
        Some(slides.len() - 1),
        "the walk ends at the chosen story's last slide"
    );
}
