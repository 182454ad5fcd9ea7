//! A series' round markers in the trade chart as one plot item: filled for reported values,
//! hollow for approximate ones, drawn as sprites ([`crate::views::paint::sprites`]) in one mesh.

use std::ops::RangeInclusive;
use std::sync::Arc;

use eframe::egui::{Color32, Shape, Ui};
use egui_plot::{PlotBounds, PlotGeometry, PlotItem, PlotItemBase, PlotPoint, PlotTransform};

use crate::chart::Marker;
use crate::views::paint::sprites::{SpriteLayer, SpriteShape, SpriteSheet};

/// A hollow marker's ring width as a share of its radius (as `egui_plot` draws hollow points).
const RING_PER_RADIUS: f32 = 0.2;

/// Every marker of one series, read from the chart model where they are kept.
pub(crate) struct PlotMarkers<'m> {
    base: PlotItemBase,
    /// The markers, in plot coordinates; approximate ones are hollow.
    markers: &'m [Marker],
    color: Color32,
    radius: f32,
}

impl<'m> PlotMarkers<'m> {
    /// Markers named `name` (`egui_plot`'s bookkeeping), in `color`, `radius` points wide.
    pub(crate) fn new(
        name: impl Into<String>,
        markers: &'m [Marker],
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

impl PlotItem for PlotMarkers<'_> {
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
        for marker in self.markers {
            let centre = transform.position_from_point(&PlotPoint::new(marker.x, marker.y));
            let layer = if marker.approximate {
                SpriteLayer::Stroke
            } else {
                SpriteLayer::Fill
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
        for marker in self.markers {
            bounds.extend_with(&PlotPoint::new(marker.x, marker.y));
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
