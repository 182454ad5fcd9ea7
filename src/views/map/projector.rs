//! The map's screen geometry for one frame: where longitude and latitude, and projected
//! kilometres, land in screen points, and back. Plus the plain geometry the layers use
//! to draw and hit-test: visible stretches of a path, distance to a segment, point in ring.

use eframe::egui::{Pos2, Rect, pos2};

use crate::geo::mesh::points_to_screen;
use crate::geo::projection::{MapView, Projection, ScreenTransform, wrap_degrees};

/// Outline points closer than this to the previous one are skipped.
const MIN_STEP_POINTS: f32 = 1.5;

/// Projects for one frame: the camera, the screen rectangle and the projection.
pub(crate) struct Projector<'a> {
    /// The camera.
    pub(crate) view: MapView,
    /// The map's rectangle on screen.
    pub(crate) rect: Rect,
    projection: &'a Projection,
    transform: ScreenTransform,
}

impl<'a> Projector<'a> {
    /// The projector for `view` drawn in `rect` with `projection`.
    pub(crate) fn new(view: MapView, rect: Rect, projection: &'a Projection) -> Self {
        Self {
            view,
            rect,
            projection,
            transform: view
                .screen_transform([rect.min.x, rect.min.y], [rect.width(), rect.height()]),
        }
    }

    /// Screen position of a point in projected kilometres.
    pub(crate) fn km_to_screen(&self, xy_km: [f64; 2]) -> Pos2 {
        let [x, y] = self.transform.apply(xy_km);
        pos2(x, y)
    }

    /// Screen position of a `[lon, lat]` point.
    pub(crate) fn lon_lat_to_screen(&self, lon_lat: [f64; 2]) -> Pos2 {
        self.km_to_screen(self.projection.project(lon_lat))
    }

    /// Screen positions of a path of `[lon, lat]` points.
    pub(crate) fn path_to_screen(&self, lon_lats: &[[f64; 2]]) -> Vec<Pos2> {
        lon_lats
            .iter()
            .map(|&p| self.lon_lat_to_screen(p))
            .collect()
    }

    /// Whether the short way from `a` to `b` (`[lon, lat]`) crosses the meridian where the
    /// map is cut, so that a straight line between their screen positions would run the
    /// wrong way across the whole map.
    pub(crate) fn crosses_cut(&self, a: [f64; 2], b: [f64; 2]) -> bool {
        let lon0 = self.projection.central_meridian();
        let (from_a, from_b) = (wrap_degrees(a[0] - lon0), wrap_degrees(b[0] - lon0));
        (from_a - from_b).abs() > 180.0
    }

    /// Projected kilometres under a screen position.
    pub(crate) fn screen_to_km(&self, pos: Pos2) -> [f64; 2] {
        self.view
            .screen_to_km([pos.x, pos.y], self.rect_min(), self.size())
    }

    /// `[lon, lat]` under a screen position.
    pub(crate) fn screen_to_lon_lat(&self, pos: Pos2) -> [f64; 2] {
        self.projection.unproject(self.screen_to_km(pos))
    }

    /// Whether a box in projected km meets the screen rectangle.
    pub(crate) fn sees(&self, (min, max): ([f32; 2], [f32; 2])) -> bool {
        let a = self.km_to_screen([f64::from(min[0]), f64::from(min[1])]);
        let b = self.km_to_screen([f64::from(max[0]), f64::from(max[1])]);
        Rect::from_two_pos(a, b).intersects(self.rect)
    }

    /// The top-left corner of the map on screen, as the mesh functions take it.
    pub(crate) fn rect_min(&self) -> [f32; 2] {
        [self.rect.min.x, self.rect.min.y]
    }

    /// The size of the map on screen, as the mesh functions take it.
    pub(crate) fn size(&self) -> [f32; 2] {
        [self.rect.width(), self.rect.height()]
    }

    /// A ring in projected km on screen, without the points closer than
    /// [`MIN_STEP_POINTS`] to the last one kept: at regional zoom most of a 1:50m
    /// coastline falls within a pixel. `scratch` is reused between calls.
    pub(crate) fn ring_to_screen(
        &self,
        ring_km: &[[f32; 2]],
        scratch: &mut Vec<[f32; 2]>,
    ) -> Vec<Pos2> {
        points_to_screen(ring_km, &self.view, self.rect_min(), self.size(), scratch);
        let mut path: Vec<Pos2> = Vec::with_capacity(scratch.len());
        for &[x, y] in scratch.iter() {
            let point = pos2(x, y);
            if path
                .last()
                .is_none_or(|last| last.distance_sq(point) >= MIN_STEP_POINTS * MIN_STEP_POINTS)
            {
                path.push(point);
            }
        }
        if let (Some(first), Some(last)) = (scratch.first(), path.last_mut()) {
            *last = pos2(first[0], first[1]);
        }
        path
    }
}

/// The stretches of `path` with a segment on screen, so that the parts of long coasts far
/// outside the view are not tessellated.
pub(crate) fn visible_runs(path: &[Pos2], rect: Rect) -> Vec<Vec<Pos2>> {
    let rect = rect.expand(2.0);
    let mut runs = Vec::new();
    let mut run: Vec<Pos2> = Vec::new();
    for pair in path.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if Rect::from_two_pos(a, b).intersects(rect) {
            if run.is_empty() {
                run.push(a);
            }
            run.push(b);
        } else if !run.is_empty() {
            runs.push(std::mem::take(&mut run));
        }
    }
    if run.len() >= 2 {
        runs.push(run);
    }
    runs
}

/// Distance from `point` to the segment `a`–`b`, in screen points.
pub(crate) fn distance_to_segment(point: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let length_sq = ab.length_sq();
    if length_sq <= f32::EPSILON {
        return point.distance(a);
    }
    let t = ((point - a).dot(ab) / length_sq).clamp(0.0, 1.0);
    point.distance(a + ab * t)
}

/// Whether `pointer` is within `tolerance` points of the path.
pub(crate) fn near_path(path: &[Pos2], pointer: Pos2, tolerance: f32) -> bool {
    path.windows(2)
        .any(|pair| distance_to_segment(pointer, pair[0], pair[1]) <= tolerance)
}

/// Even-odd test of a `[lon, lat]` point against a ring.
pub(crate) fn point_in_ring(point: [f64; 2], ring: &[[f64; 2]]) -> bool {
    let Some(mut previous) = ring.last() else {
        return false;
    };
    let mut inside = false;
    for current in ring {
        if (current[1] > point[1]) != (previous[1] > point[1])
            && point[0]
                < (previous[0] - current[0]) * (point[1] - current[1]) / (previous[1] - current[1])
                    + current[0]
        {
            inside = !inside;
        }
        previous = current;
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::egui::vec2;

    fn projector(projection: &Projection) -> Projector<'_> {
        let rect = Rect::from_min_size(pos2(10.0, 20.0), vec2(800.0, 600.0));
        Projector::new(MapView::default_for([800.0, 600.0]), rect, projection)
    }

    #[test]
    fn screen_and_lon_lat_round_trip() {
        let projection = Projection::region();
        let projector = projector(&projection);
        for lon_lat in [[51.39, 35.69], [37.62, 55.75], [49.6, 37.3]] {
            let screen = projector.lon_lat_to_screen(lon_lat);
            let back = projector.screen_to_lon_lat(screen);
            assert!(
                (back[0] - lon_lat[0]).abs() < 0.05 && (back[1] - lon_lat[1]).abs() < 0.05,
                "{lon_lat:?} came back as {back:?}"
            );
        }
    }

    #[test]
    fn north_is_up_and_east_is_right_on_screen() {
        let projection = Projection::region();
        let projector = projector(&projection);
        let tehran = projector.lon_lat_to_screen([51.39, 35.69]);
        let moscow = projector.lon_lat_to_screen([37.62, 55.75]);
        assert!(moscow.y < tehran.y, "Moscow is north of Tehran");
        assert!(moscow.x < tehran.x, "Moscow is west of Tehran");
    }

    #[test]
    fn a_route_across_the_cut_is_told_apart_from_one_across_the_centre() {
        let pacific = Projection::equal_earth(170.0);
        let projector = projector(&pacific);
        // Tokyo to San Francisco crosses 180°, the middle of this map: not the cut.
        assert!(!projector.crosses_cut([139.7, 35.7], [-122.4, 37.8]));
        // Lisbon to New York crosses 10°W, where a map centred on 170°E is cut.
        assert!(projector.crosses_cut([-9.1, 38.7], [-74.0, 40.7]));
        // New York to Reykjavik stays west of it.
        assert!(!projector.crosses_cut([-74.0, 40.7], [-21.9, 64.1]));
    }

    #[test]
    fn only_the_stretches_on_screen_are_kept() {
        let rect = Rect::from_min_size(pos2(0.0, 0.0), vec2(100.0, 100.0));
        let path = [
            pos2(-500.0, 50.0),
            pos2(-400.0, 50.0),
            pos2(50.0, 50.0),
            pos2(60.0, 60.0),
            pos2(500.0, 500.0),
            pos2(600.0, 600.0),
            pos2(700.0, 600.0),
        ];
        let runs = visible_runs(&path, rect);
        assert_eq!(runs, vec![path[1..5].to_vec()]);
        assert!(visible_runs(&path[5..], rect).is_empty());
    }

    #[test]
    fn points_near_a_segment_are_hit_and_far_ones_are_not() {
        let (a, b) = (pos2(0.0, 0.0), pos2(100.0, 0.0));
        assert!((distance_to_segment(pos2(50.0, 3.0), a, b) - 3.0).abs() < 1e-5);
        assert!((distance_to_segment(pos2(-4.0, 3.0), a, b) - 5.0).abs() < 1e-5);
        assert!((distance_to_segment(pos2(7.0, 7.0), a, a) - 98_f32.sqrt()).abs() < 1e-4);
        let path = [a, b, pos2(100.0, 100.0)];
        assert!(near_path(&path, pos2(104.0, 50.0), 6.0));
        assert!(!near_path(&path, pos2(50.0, 50.0), 6.0));
    }

    #[test]
    fn points_inside_a_ring_and_its_holes_are_told_apart() {
        let square = [[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0]];
        assert!(point_in_ring([5.0, 5.0], &square));
        assert!(!point_in_ring([15.0, 5.0], &square));
        assert!(!point_in_ring([5.0, -1.0], &square));
        assert!(!point_in_ring([5.0, 5.0], &[]));
        let concave = [
            [0.0, 0.0],
            [10.0, 0.0],
            [10.0, 10.0],
            [5.0, 2.0],
            [0.0, 10.0],
        ];
        assert!(!point_in_ring([5.0, 6.0], &concave), "in the notch");
        assert!(point_in_ring([2.0, 2.0], &concave));
    }
}
