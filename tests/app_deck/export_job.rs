//! File ▸ Export story runs on a background job: the window keeps drawing while the pages
//! are made, then says what was written, or why it could not be.

use bilateral::app::Message;
use bilateral::app::command::{Command, ExportKind};
use bilateral::views::ViewKind;
use egui_kittest::kittest::Queryable;

use super::export_pdf;
use crate::common::{new_harness, run, run_until};

/// A story of one trade-chart slide (its page is vectors, drawn without a GPU) exported as
/// a PDF in the background, then under a file taken for a folder: a clear error.
#[test]
fn the_story_is_exported_in_the_background_and_a_failed_write_is_said() {
    let folder = tempfile::tempdir().expect("temp dir");
    let mut harness = new_harness();
    run(&mut harness, Command::ShowStorySlide(Some(0)));
    harness.get_by_label("New story").click();
    harness.run_steps(2);
    run(&mut harness, Command::ShowView(ViewKind::Trade));
    harness.get_by_label("Add slide").click();
    harness.run_steps(2);

    export_pdf(&mut harness, &folder.path().join("trade.pdf"));

    let not_a_folder = folder.path().join("notes.txt");
    std::fs::write(&not_a_folder, "a file, not a folder").expect("written");
    let nowhere = not_a_folder.join("trade.pdf");
    run(
        &mut harness,
        Command::Export(ExportKind::StoryPdf, nowhere.clone()),
    );
    run_until(&mut harness, "the export", |h| {
        !h.state().story_export_running()
    });
    let said = match harness.state().message() {
        Some(Message::Notice(text)) => text.clone(),
        other => panic!("{other:?}"),
    };
    assert!(
        said.starts_with("Export failed: could not write") && said.contains("notes.txt"),
        "{said}"
    );
    assert!(!nowhere.exists());
}

/// The built-in story's map and timeline pictures take a while to draw: the export's
/// window shows how far it is, and Cancel stops it with nothing written. Needs a wgpu
/// adapter, as the export does.
#[test]
#[ignore = "renders with wgpu (Mesa's lavapipe in CI): cargo test -- --ignored snapshot"]
fn snapshot_a_story_export_can_be_cancelled() {
    let folder = tempfile::tempdir().expect("temp dir");
    let pdf = folder.path().join("story.pdf");
    let mut harness = new_harness();
    run(
        &mut harness,
        Command::Export(ExportKind::StoryPdf, pdf.clone()),
    );
    assert!(harness.state().story_export_running());
    harness.get_by_label("Exporting the story");
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert!(!harness.state().story_export_running());
    assert!(
        matches!(harness.state().message(), Some(Message::Notice(text)) if text.starts_with("Export cancelled")),
        "{:?}",
        harness.state().message()
    );
    std::thread::sleep(std::time::Duration::from_secs(2));
    assert!(!pdf.exists(), "nothing is written after Cancel");
}
