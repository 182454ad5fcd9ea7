//! Every line of the trade chart (the series' polylines, dashed across gaps, and their range
//! bars) as one plot item whose triangles are kept while they stay the same.
//!
//! egui tessellates every line again every frame: with forty series that is most of a
//! frame's cost, and on most frames (the pointer moving, a tooltip) nothing about the lines
//! has changed. This item asks `egui_plot`'s own [`Line`]s for their shapes, so they look
//! exactly as `egui_plot` draws them, and keeps their triangles ([`kept_mesh`]) for as long
//! as the chart, the plot's frame and its bounds stay the same.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::ops::RangeInclusive;
use std::sync::Arc;

use eframe::egui::{self, Color32, Mesh, Shape, Ui};
use egui_plot::{Line, PlotBounds, PlotGeometry, PlotItem, PlotItemBase, PlotTransform};

use crate::views::paint::kept_mesh::{kept_mesh, last_kept};

/// The name the lines' triangles are kept under.
const KEPT_AS: &str = "trade chart lines";

/// The triangles of the chart's lines last drawn in `ctx`, if any: what tests look at to
/// see whether a frame built them again.
pub fn last_drawn(ctx: &egui::Context) -> Option<Arc<Mesh>> {
    last_kept::<u64>(ctx, KEPT_AS)
}

/// The chart's lines, drawn as one item.
pub(crate) struct PlotLines<'m> {
    base: PlotItemBase,
    lines: Vec<Line<'m>>,
    /// Everything the lines depend on but the plot's transform (the chart's revision).
    content_key: u64,
}

impl<'m> PlotLines<'m> {
    /// `lines`, which must change only when `content_key` does.
    pub(crate) fn new(lines: Vec<Line<'m>>, content_key: u64) -> Self {
        Self {
            base: PlotItemBase::new("chart lines".to_owned()),
            lines,
            content_key,
        }
    }

    /// The key of the triangles for this frame: the content, where the plot is on screen,
    /// what part of the plane it shows, and the pixel density.
    fn frame_key(&self, transform: &PlotTransform, pixels_per_point: f32) -> u64 {
        let mut hasher = DefaultHasher::new();
        self.content_key.hash(&mut hasher);
        let frame = transform.frame();
        for value in [
            frame.min.x,
            frame.min.y,
            frame.max.x,
            frame.max.y,
            pixels_per_point,
        ] {
            value.to_bits().hash(&mut hasher);
        }
        let bounds = transform.bounds();
        for value in [bounds.min(), bounds.max()].into_iter().flatten() {
            value.to_bits().hash(&mut hasher);
        }
        hasher.finish()
    }
}

impl PlotItem for PlotLines<'_> {
    fn shapes(&self, ui: &Ui, transform: &PlotTransform, shapes: &mut Vec<Shape>) {
        let key = self.frame_key(transform, ui.ctx().pixels_per_point());
        let mesh = kept_mesh(ui.ctx(), KEPT_AS, key, |line_shapes| {
            for line in &self.lines {
                line.shapes(ui, transform, line_shapes);
            }
        });
        shapes.push(Shape::Mesh(mesh));
    }

    fn initialize(&mut self, x_range: RangeInclusive<f64>) {
        for line in &mut self.lines {
            line.initialize(x_range.clone());
        }
    }

    fn color(&self) -> Color32 {
        self.lines
            .first()
            .map_or(Color32::TRANSPARENT, PlotItem::color)
    }

    fn geometry(&self) -> PlotGeometry<'_> {
        PlotGeometry::None
    }

    fn bounds(&self) -> PlotBounds {
        let mut bounds = PlotBounds::NOTHING;
        for line in &self.lines {
            bounds.merge(&line.bounds());
        }
        bounds
    }

    fn base(&self) -> &PlotItemBase {
        &self.base
    }

    fn base_mut(&mut self) -> &mut PlotItemBase {
        &mut self.base
    }
}
