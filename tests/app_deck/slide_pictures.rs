//! The presenter's window shows pictures of the current and the next slide, drawn on a
//! background job: the slide's title and "drawing…" first, the picture once it is drawn,
//! and a picture already drawn is not drawn again. A stand-in drawing takes the place of
//! the wgpu renderer, so these run without a GPU.

use std::sync::atomic::{AtomicUsize, Ordering};

use bilateral::app::AppOptions;
use bilateral::app::slide_pictures::SlideScene;
use bilateral::settings::SettingsStore;
use eframe::egui;
use egui_kittest::kittest::Queryable;

use crate::common::{WINDOW_SIZE, harness_with, run_until};

/// How many pictures the stand-in drew.
static DRAWN: AtomicUsize = AtomicUsize::new(0);

/// A plain picture of the scene's size, counted.
#[expect(
    clippy::unnecessary_wraps,
    reason = "the signature of a slide picture's drawing"
)]
fn stand_in(scene: &SlideScene) -> Result<egui::ColorImage, String> {
    DRAWN.fetch_add(1, Ordering::SeqCst);
    Ok(egui::ColorImage::filled(
        scene.size_pixels(),
        egui::Color32::DARK_BLUE,
    ))
}

/// A drawing that always fails, as it does without a graphics adapter.
fn failing(_: &SlideScene) -> Result<egui::ColorImage, String> {
    Err("no graphics adapter (GPU or software renderer) found".to_owned())
}

fn options(draw: bilateral::app::slide_pictures::DrawSlidePicture) -> AppOptions {
    AppOptions {
        draw_slide_picture: draw,
        ..AppOptions::load(SettingsStore::in_memory(), None)
    }
}

fn picture_label(title: &str) -> String {
    format!("Picture of the slide “{title}”")
}

#[test]
fn the_presenters_window_shows_pictures_of_the_current_and_next_slide_once_drawn() {
    let mut harness = harness_with(options(stand_in));
    let story = harness.state().document().dataset().stories[0]
        .slides
        .clone();
    harness.key_press(egui::Key::F5);
    harness.key_press(egui::Key::N);
    harness.run_steps(2);
    assert_eq!(
        harness.query_all_by_label("drawing…").count(),
        2,
        "the current and next slide, until drawn"
    );
    assert_eq!(
        harness.query_all_by_label(&story[0].title).count(),
        2,
        "the current slide's title, under the slide and in the presenter's window"
    );
    harness.get_by_label(&story[1].title);
    run_until(&mut harness, "the two pictures", |h| {
        h.query_by_label(&picture_label(&story[0].title)).is_some()
            && h.query_by_label(&picture_label(&story[1].title)).is_some()
    });
    assert!(harness.query_by_label("drawing…").is_none());
    assert_eq!(DRAWN.load(Ordering::SeqCst), 2);
    let first = picture_label(&story[0].title);
    let shown = harness.get_by_label(&first).rect();
    assert!(
        (shown.height() / shown.width() - WINDOW_SIZE.y / WINDOW_SIZE.x).abs() < 0.02,
        "the picture has the audience's screen's shape: {shown:?}"
    );

    // The next slide's picture becomes the current one; only the new next one is drawn.
    harness.key_press(egui::Key::PageDown);
    harness.run_steps(2);
    harness.get_by_label(&picture_label(&story[1].title));
    run_until(&mut harness, "the third picture", |h| {
        h.query_by_label(&picture_label(&story[2].title)).is_some()
    });
    assert_eq!(DRAWN.load(Ordering::SeqCst), 3, "pictures drawn are kept");
    harness.key_press(egui::Key::PageUp);
    harness.run_steps(3);
    harness.get_by_label(&picture_label(&story[0].title));
    assert_eq!(DRAWN.load(Ordering::SeqCst), 3);
}

#[test]
fn a_picture_that_cannot_be_drawn_is_said_and_the_window_keeps_working() {
    let mut harness = harness_with(options(failing));
    let story = harness.state().document().dataset().stories[0]
        .slides
        .clone();
    harness.key_press(egui::Key::F5);
    harness.key_press(egui::Key::N);
    run_until(&mut harness, "the drawing to fail", |h| {
        h.query_all_by_label_contains("No picture: no graphics adapter")
            .count()
            == 2
    });
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Next")
        .click();
    harness.run_steps(2);
    assert_eq!(harness.state().presenter().map(|p| p.slide), Some(1));
    harness.get_by_label(&format!("Slide 2 / {}", story.len()));
}
