//! A story slide's map frame: what the map shows, kept as its centre in degrees and its
//! extent in km, so that it fits whatever shows the slide (the window, the presenter's
//! screen, a PDF page) and outlives a change of the map's projection.

use super::state::MapViewState;
use crate::data::SlideMapFrame;
use crate::geo::projection::{MapView, Projection};
use crate::geo::world::WorldMap;

/// Before a frame is drawn: the view dropped when the map's setup changed (the next frame
/// fits the default frame), and a slide's frame asked for fitted to the canvas.
pub(super) fn reframe(state: &mut MapViewState, world: &WorldMap, size: [f32; 2]) {
    if state.framed_for.as_ref() != Some(&world.setup) {
        state.view = None;
        state.framed_for = Some(world.setup.clone());
    }
    if let Some(frame) = state.wanted_frame.take() {
        state.view = Some(fitted(&frame, world.projection(), size));
    }
}

/// The frame `view` shows on a canvas of `size` points.
pub(crate) fn shown(view: &MapView, projection: &Projection, size: [f32; 2]) -> SlideMapFrame {
    let [lon, lat] = projection.unproject(view.center_km);
    SlideMapFrame {
        lon,
        lat,
        width_km: f64::from(size[0].max(1.0)) * view.km_per_point,
        height_km: f64::from(size[1].max(1.0)) * view.km_per_point,
    }
}

/// The view that holds the whole of `frame`, centred, on a canvas of `size` points.
pub(crate) fn fitted(frame: &SlideMapFrame, projection: &Projection, size: [f32; 2]) -> MapView {
    let [x, y] = projection.project([frame.lon, frame.lat]);
    let (half_width, half_height) = (frame.width_km / 2.0, frame.height_km / 2.0);
    MapView::fitting_above(
        (
            [x - half_width, y - half_height],
            [x + half_width, y + half_height],
        ),
        size,
        0.0,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frame_kept_puts_the_same_view_back_and_fits_whole_into_another_canvas() {
        let projection = &Projection::region();
        let window = [1200.0, 700.0];
        let mut view = MapView::default_for(window);
        view.zoom_around(2.0, [300.0, 200.0], [0.0, 0.0], window);
        let frame = shown(&view, projection, window);
        assert!((-180.0..=180.0).contains(&frame.lon) && (-90.0..=90.0).contains(&frame.lat));

        let again = fitted(&frame, projection, window);
        assert!((again.km_per_point / view.km_per_point - 1.0).abs() < 1e-6);
        for axis in 0..2 {
            assert!((again.center_km[axis] - view.center_km[axis]).abs() < 1e-3);
        }

        // A projector's 16:9 screen, twice as wide: the same place in the middle, the whole
        // frame in sight, and no wider than it needs.
        let projector = [1920.0, 1080.0];
        let room = fitted(&frame, projection, projector);
        let shows = shown(&room, projection, projector);
        assert!((shows.lon - frame.lon).abs() < 1e-6 && (shows.lat - frame.lat).abs() < 1e-6);
        assert!(shows.width_km >= frame.width_km - 1e-6);
        assert!(shows.height_km >= frame.height_km - 1e-6);
        let tight = (shows.width_km / frame.width_km).min(shows.height_km / frame.height_km);
        assert!((tight - 1.0).abs() < 1e-6, "one side fits exactly: {tight}");
    }
}
