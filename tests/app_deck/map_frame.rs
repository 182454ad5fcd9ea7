//! A map slide keeps the map's frame: added from the screen after zooming in, it shows the
//! same part of the map again after the map was moved elsewhere.

use bilateral::app::command::Command;
use bilateral::views::ViewKind;
use egui_kittest::kittest::Queryable;

use crate::common::{new_harness, run};

#[test]
fn a_map_slide_shows_the_frame_it_was_added_with() {
    let mut harness = new_harness();
    run(&mut harness, Command::ShowStorySlide(Some(0)));
    run(&mut harness, Command::ShowView(ViewKind::Map));
    let default = harness.state().views().map.view.expect("framed");
    for _ in 0..2 {
        harness.get_by_label("+").click();
        harness.run_steps(2);
    }
    let zoomed = harness.state().views().map.view.expect("framed");
    assert!(zoomed.km_per_point() < default.km_per_point() / 2.0);
    harness.get_by_label("Add slide").click();
    harness.run_steps(2);
    let added = harness.state().chosen_story();
    let slide = &harness.state().document().dataset().stories[added].slides[1];
    let frame = slide.map.expect("a map slide keeps the map's frame");
    assert!(frame.width_km > 0.0 && frame.height_km > 0.0);

    // Elsewhere: another slide, the map zoomed out; then the map slide again.
    run(&mut harness, Command::ShowStorySlide(Some(0)));
    run(&mut harness, Command::ShowView(ViewKind::Map));
    harness.get_by_label("−").click();
    harness.run_steps(2);
    let elsewhere = harness.state().views().map.view.expect("framed");
    assert!(elsewhere.km_per_point() > zoomed.km_per_point() * 2.0);
    run(&mut harness, Command::ShowStorySlide(Some(1)));
    assert_eq!(harness.state().view(), ViewKind::Map);
    let shown = harness.state().views().map.view.expect("framed");
    assert!(
        (shown.km_per_point() / zoomed.km_per_point() - 1.0).abs() < 1e-3,
        "{shown:?} against {zoomed:?}"
    );
    let [dx, dy] = [
        shown.center_km()[0] - zoomed.center_km()[0],
        shown.center_km()[1] - zoomed.center_km()[1],
    ];
    let moved = dx.hypot(dy);
    assert!(moved < 1.0, "the same centre, {moved} km off");
}
