//! The one harness helper every UI test uses, and where real trade downloads are found.

#![allow(
    dead_code,
    reason = "each test file uses a different part of the helper"
)]

pub mod trade_fixture;

use std::time::{Duration, Instant};

use bilateral::app::command::Command;
use bilateral::app::{AppOptions, BilateralApp};
use bilateral::settings::SettingsStore;
use eframe::egui;
use egui_kittest::Harness;

/// The window size UI tests run at.
pub const WINDOW_SIZE: egui::Vec2 = egui::vec2(1400.0, 860.0);

/// The whole app on the built-in data, with settings kept in memory.
pub fn new_harness() -> Harness<'static, BilateralApp> {
    harness_with(AppOptions::load(SettingsStore::in_memory(), None))
}

/// The whole app started with `options`.
pub fn harness_with(options: AppOptions) -> Harness<'static, BilateralApp> {
    let mut harness = Harness::builder()
        .with_size(WINDOW_SIZE)
        .build_eframe(move |creation| BilateralApp::new(creation, options));
    harness.run_steps(3);
    harness
}

/// A primary click at `position`: press and release, as a mouse does.
pub fn click_at(harness: &Harness<'static, BilateralApp>, position: egui::Pos2) {
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: position,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
}

/// Runs frames until `done` holds for the harness, or fails after 60 s.
pub fn run_until(
    harness: &mut Harness<'static, BilateralApp>,
    what: &str,
    done: impl Fn(&Harness<'static, BilateralApp>) -> bool,
) {
    let start = Instant::now();
    while !done(harness) {
        assert!(
            start.elapsed() < Duration::from_mins(1),
            "gave up waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(10));
        harness.run_steps(1);
    }
    harness.run_steps(2);
}

/// Runs `command` as the app's menus and views do, then two frames.
pub fn run(harness: &mut Harness<'static, BilateralApp>, command: Command) {
    let ctx = harness.ctx.clone();
    harness.state_mut().run(&ctx, command);
    harness.run_steps(2);
}
