//! A series' round markers in the trade chart as one plot item: filled for reported values,
//! hollow for approximate ones, drawn as sprites ([`crate::views::sprites`]) in one mesh.

use std::ops::RangeInclusive;
use std::sync::Arc;

use eframe::egui::{Color32, Shape, Ui};
use egui_plot::{PlotBounds, PlotGeometry, PlotItem, PlotItemBase, PlotPoint, PlotTransform};

use crate::views::sprites::{SpriteLayer, SpriteShape, SpriteSheet};

/// A hollow marker's ring width as a share of its radius (as `egui_plot` draws hollow points).
const RING_PER_RADIUS: f32 = 0.2;

/// Every marker of one series.
pub struct PlotMarkers {
    base: PlotItemBase,
    /// Marker centres in plot coordinates, with whether each is filled.
    markers: Vec<([f64; 2], bool)>,
    color: Color32,
    radius: f32,
}

impl PlotMarkers {
    /// Markers named `name` (`egui_plot`'s bookkeeping), in `color`, `radius` points wide.
    pub fn new(
        name: impl Into<String>,
        markers: Vec<([f64; 2], bool)>,
        color: Color32,
        radius: f32,
    ) -> Self {
        Self {
            base: PlotItemBase::new(name.into()),
            markers,
            color,
            radius,
        }
    }
}

impl PlotItem for PlotMarkers {
    fn shapes(&self, ui: &Ui, transform: &PlotTransform, shapes: &mut Vec<Shape>) {
        if self.markers.is_empty() {
            return;
        }
        let sheet = SpriteSheet::get(
            ui.ctx(),
            SpriteShape::Circle,
            self.radius,
            RING_PER_RADIUS * self.radius,
        );
        let mut mesh = sheet.mesh(self.markers.len());
        for &([x, y], filled) in &self.markers {
            let centre = transform.position_from_point(&PlotPoint::new(x, y));
            let layer = if filled {
                SpriteLayer::Fill
            } else {
                SpriteLayer::Stroke
            };
            sheet.add(&mut mesh, centre, layer, self.color);
        }
        shapes.push(Shape::Mesh(Arc::new(mesh)));
    }

    fn initialize(&mut self, _x_range: RangeInclusive<f64>) {}

    fn color(&self) -> Color32 {
        self.color
    }

    fn geometry(&self) -> PlotGeometry<'_> {
        PlotGeometry::None
    }

    fn bounds(&self) -> PlotBounds {
        let mut bounds = PlotBounds::NOTHING;
        for &([x, y], _) in &self.markers {
            bounds.extend_with(&PlotPoint::new(x, y));
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
