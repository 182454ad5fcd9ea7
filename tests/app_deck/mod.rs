//! The presenter's deck through the window: the story exported from File ▸ Export.

use bilateral::app::command::{Command, ExportKind};
use bilateral::app::{BilateralApp, Message};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::common::{new_harness, run, run_until};

mod export_job;
mod map_frame;
mod slide_pictures;
mod stories;
mod story_editor;

/// Needs a wgpu adapter (Mesa's lavapipe in CI) for the map and timeline slides.
#[test]
#[ignore = "renders with wgpu (Mesa's lavapipe in CI): cargo test -- --ignored snapshot"]
fn snapshot_file_export_writes_the_story_as_a_pdf_and_as_png_pages() {
    let folder = tempfile::tempdir().expect("temp dir");
    let pdf = folder.path().join("story.pdf");
    let pages = folder.path().join("pages");
    let mut harness = new_harness();
    let slides = harness.state().document().dataset().stories[0].slides.len();
    export_pdf(&mut harness, &pdf);
    let info = std::process::Command::new("pdfinfo")
        .arg(&pdf)
        .output()
        .expect("pdfinfo (poppler-utils, scripts/install-system-deps.sh)");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(
        info.lines()
            .any(|line| line.split_whitespace().eq(["Pages:", &slides.to_string()])),
        "{info}"
    );
    run(
        &mut harness,
        Command::Export(ExportKind::StoryPngs, pages.clone()),
    );
    run_until(&mut harness, "the PNG export", |h| {
        !h.state().story_export_running()
    });
    let count = std::fs::read_dir(&pages).expect("the folder").count();
    assert_eq!(count, slides);
    assert!(pages.join("slide-1.png").is_file());
}

/// Exports the story chosen as a PDF to `pdf` through File ▸ Export, waits for the
/// background job, and checks that it said so and wrote a PDF.
fn export_pdf(harness: &mut Harness<'static, BilateralApp>, pdf: &std::path::Path) {
    run(
        harness,
        Command::Export(ExportKind::StoryPdf, pdf.to_owned()),
    );
    run_until(harness, "the PDF export", |h| {
        !h.state().story_export_running()
    });
    assert!(
        matches!(harness.state().message(), Some(Message::Notice(text)) if text.starts_with("Exported PDF")),
        "{:?}",
        harness.state().message()
    );
    let bytes = std::fs::read(pdf).expect("the PDF");
    assert!(bytes.starts_with(b"%PDF-"));
}

/// Ctrl+Shift+C (⌘⇧C) hands egui a picture of the view for the system clipboard. Needs a
/// wgpu adapter, as the export does.
#[test]
#[ignore = "renders with wgpu (Mesa's lavapipe in CI): cargo test -- --ignored snapshot"]
fn snapshot_ctrl_shift_c_copies_the_view_as_a_picture() {
    let mut harness = new_harness();
    let copied = |harness: &egui_kittest::Harness<'static, bilateral::app::BilateralApp>| {
        harness
            .output()
            .platform_output
            .commands
            .iter()
            .find_map(|command| match command {
                egui::OutputCommand::CopyImage(image) => Some(image.size),
                _ => None,
            })
    };
    harness.run_steps(2);
    assert_eq!(copied(&harness), None);
    // The key press in the frame whose output is read (`key_press_modifiers` would run a
    // frame per event, and the last, the key's release, copies nothing).
    harness.input_mut().events.push(egui::Event::Key {
        key: egui::Key::C,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
    });
    harness.step();
    let size = copied(&harness).expect("a picture for the clipboard");
    let view = harness.state().view_size();
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "pixel sizes"
    )]
    let expected = [
        (view.x * 2.0).round() as usize,
        (view.y * 2.0).round() as usize,
    ];
    assert_eq!(size, expected, "the view at twice its pixels");
    assert!(
        matches!(harness.state().message(), Some(Message::Notice(text)) if text.starts_with("Copied the Trade view")),
        "{:?}",
        harness.state().message()
    );
}

/// Clicker keys beyond next and previous: B and `.` black the screen, a number and Enter
/// jump to that slide, N opens the presenter's window with the notes and the next slide.
#[test]
fn presenter_keys_black_the_screen_jump_to_a_slide_and_open_the_presenters_window() {
    let mut harness = new_harness();
    let story = harness.state().document().dataset().stories[0]
        .slides
        .clone();
    harness.key_press(egui::Key::F5);
    harness.run_steps(2);
    harness.get_by_label(&story[0].title);
    harness.key_press(egui::Key::B);
    harness.run_steps(2);
    assert!(harness.state().presenter().is_some_and(|p| p.black));
    assert!(
        harness.query_by_label(&story[0].title).is_none(),
        "a black screen shows nothing"
    );
    harness.key_press(egui::Key::Period);
    harness.run_steps(2);
    harness.get_by_label(&story[0].title);
    harness.key_press(egui::Key::Num4);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    assert_eq!(harness.state().presenter().map(|p| p.slide), Some(3));
    harness.key_press(egui::Key::N);
    harness.run_steps(3);
    assert!(harness.state().presenter().is_some_and(|p| p.notes_window));
    harness.get_by_label(&format!("Slide 4 / {}", story.len()));
    harness.get_by_label(&story[4].title);
    harness.get_by_label("No notes for this slide.");
}
