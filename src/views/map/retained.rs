//! The map's still parts, tessellated once and reused while they stay still.
//!
//! egui tessellates every shape again every frame. The basemap's borders and the areas'
//! dashed outlines are many thousands of points that change only when the map is moved, the
//! year or the filters change, or the data does; on every other frame (the pointer moving,
//! a tooltip, an animation elsewhere) their triangles are the same. A layer draws them
//! through [`paint_retained`] with the frame's [`StillKey`]: while the key is unchanged the
//! triangles of the last build are painted again ([`kept_mesh`]), as one mesh, through the
//! map's own pipeline ([`flat_mesh`]), which keeps them on the GPU. A frame captured as
//! vectors (the SVG and PDF exports) gets the shapes themselves instead.

use std::hash::{DefaultHasher, Hash, Hasher};

use eframe::egui::{Painter, Rect, Shape};

use crate::geo::filter::MapFilter;
use crate::geo::projection::MapView;
use crate::views::paint::flat_mesh;
use crate::views::paint::kept_mesh::kept_mesh;
use crate::views::paint::vector_capture::is_vector_capture;

/// Everything the still parts of one frame depend on, hashed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct StillKey(u64);

impl StillKey {
    /// The key of a frame showing data `generation` through `view` in `rect`, at
    /// `pixels_per_point`, its lines `line_scale` times as thick as in the window (they
    /// are tessellated again when presenting starts, ends or the window is resized), in
    /// `year` with `filter`, in the light or dark theme.
    pub(crate) fn new(
        generation: Option<u64>,
        view: &MapView,
        (rect, pixels_per_point, line_scale): (Rect, f32, f32),
        year: i32,
        filter: &MapFilter,
        dark_mode: bool,
    ) -> Self {
        let mut hasher = DefaultHasher::new();
        generation.hash(&mut hasher);
        for value in [view.center_km[0], view.center_km[1], view.km_per_point] {
            value.to_bits().hash(&mut hasher);
        }
        for value in [
            rect.min.x,
            rect.min.y,
            rect.max.x,
            rect.max.y,
            pixels_per_point,
            line_scale,
        ] {
            value.to_bits().hash(&mut hasher);
        }
        year.hash(&mut hasher);
        filter.domains.hash(&mut hasher);
        filter.stances.hash(&mut hasher);
        dark_mode.hash(&mut hasher);
        Self(hasher.finish())
    }
}

/// Paints what `build` draws for `layer`, tessellated once for `key` and reused for as long
/// as the key stays the same. `build` must draw only from what the key covers.
pub(crate) fn paint_retained(
    painter: &Painter,
    layer: &'static str,
    key: StillKey,
    build: impl FnOnce(&mut Vec<Shape>),
) {
    if is_vector_capture(painter.ctx()) {
        // Captured as vectors (an SVG or PDF export): the shapes themselves, once.
        let mut shapes = Vec::new();
        build(&mut shapes);
        painter.extend(shapes);
        return;
    }
    flat_mesh::paint(painter, kept_mesh(painter.ctx(), layer, key, build));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::paint::kept_mesh::last_kept;
    use eframe::egui::{self, Color32, Stroke, pos2};

    fn key(year: i32, center_x: f64) -> StillKey {
        let view = MapView {
            center_km: [center_x, 0.0],
            km_per_point: 5.0,
        };
        let rect = Rect::from_min_max(pos2(0.0, 0.0), pos2(800.0, 600.0));
        StillKey::new(
            Some(1),
            &view,
            (rect, 1.0, 1.0),
            year,
            &MapFilter::all(),
            true,
        )
    }

    #[test]
    fn the_key_changes_with_what_the_still_parts_depend_on() {
        assert_eq!(key(2020, 0.0), key(2020, 0.0));
        assert_ne!(key(2020, 0.0), key(2021, 0.0), "the year");
        assert_ne!(key(2020, 0.0), key(2020, 0.5), "the view");
        let view = MapView {
            center_km: [0.0, 0.0],
            km_per_point: 5.0,
        };
        let rect = Rect::from_min_max(pos2(0.0, 0.0), pos2(800.0, 600.0));
        let with =
            |geometry| StillKey::new(Some(1), &view, geometry, 2020, &MapFilter::all(), true);
        assert_eq!(with((rect, 1.0, 1.0)), key(2020, 0.0));
        assert_ne!(with((rect, 1.0, 1.6)), key(2020, 0.0), "presenting's lines");
        assert_ne!(
            with((rect.expand(10.0), 1.0, 1.0)),
            key(2020, 0.0),
            "the size"
        );
        assert_ne!(with((rect, 2.0, 1.0)), key(2020, 0.0), "the pixels");
    }

    fn paint_lines(ctx: &egui::Context, key: StillKey, builds: &mut u32, lines: usize) -> usize {
        let mut vertices = 0;
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let painter = ui.painter().clone();
            paint_retained(&painter, "test", key, |shapes| {
                *builds += 1;
                for index in 0..lines {
                    #[expect(clippy::cast_precision_loss, reason = "a few lines")]
                    let y = index as f32 * 10.0;
                    shapes.push(Shape::line_segment(
                        [pos2(0.0, y), pos2(100.0, y)],
                        Stroke::new(1.0, Color32::WHITE),
                    ));
                }
            });
            let kept = last_kept::<StillKey>(ui.ctx(), "test").map(|mesh| mesh.vertices.len());
            vertices = kept.unwrap_or_default();
        });
        // The font texture's first upload: nothing here draws it.
        output.textures_delta.clear();
        vertices
    }

    #[test]
    fn a_frame_captured_as_vectors_gets_the_shapes_themselves() {
        let ctx = egui::Context::default();
        crate::views::paint::vector_capture::mark_vector_capture(&ctx);
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            paint_retained(ui.painter(), "test", key(2020, 0.0), |shapes| {
                shapes.push(Shape::line_segment(
                    [pos2(0.0, 0.0), pos2(100.0, 0.0)],
                    Stroke::new(1.0, Color32::WHITE),
                ));
            });
        });
        // The font texture's first upload: nothing here draws it.
        output.textures_delta.clear();
        let shapes: Vec<&Shape> = output.shapes.iter().map(|clipped| &clipped.shape).collect();
        assert_eq!(shapes.len(), 1, "{shapes:?}");
        assert!(matches!(shapes[0], Shape::LineSegment { .. }), "{shapes:?}");
    }

    #[test]
    fn the_same_key_reuses_the_triangles_and_a_new_key_builds_them_again() {
        let ctx = egui::Context::default();
        let mut builds = 0;
        let first = paint_lines(&ctx, key(2020, 0.0), &mut builds, 3);
        assert!(first > 0, "the lines were tessellated");
        let again = paint_lines(&ctx, key(2020, 0.0), &mut builds, 5);
        assert_eq!(builds, 1, "the same key builds nothing");
        assert_eq!(again, first, "and paints the kept triangles");
        let moved = paint_lines(&ctx, key(2020, 1.0), &mut builds, 5);
        assert_eq!(builds, 2, "a new key builds again");
        assert!(moved > first, "from what is drawn now");
    }
}
