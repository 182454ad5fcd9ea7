//! Corridors: routes drawn segment by segment, each by its status (operating, under
//! construction, planned, missing link), with their waypoints.

use eframe::egui::{self, Color32, Painter, Pos2, Shape, Stroke};

use super::{CORRIDOR_FALLBACK, HOVER_LINE_POINTS, MapLayer, MapScene, record_color};
use crate::data::SegmentStatus;
use crate::views::map::projector::near_path;
use crate::views::map::state::MapItem;
use crate::views::theme;

/// The dataset's corridors.
pub(crate) struct Corridors;

impl MapLayer for Corridors {
    fn paint(&self, painter: &Painter, scene: &MapScene<'_>) {
        for corridor in scene
            .dataset
            .corridors
            .iter()
            .filter(|c| scene.shows(&c.domains, c.stance, c.years))
        {
            let color = record_color(&corridor.domains, CORRIDOR_FALLBACK);
            let points = screen_path(scene, corridor);
            for ((pair, segment), ends) in points
                .windows(2)
                .zip(&corridor.segments)
                .zip(corridor.waypoints.windows(2))
            {
                // A stretch across the map's cut would be drawn the wrong way round.
                if scene
                    .projector
                    .crosses_cut([ends[0].lon, ends[0].lat], [ends[1].lon, ends[1].lat])
                {
                    continue;
                }
                painter.extend(status_shapes(pair, segment.status, color, scene.line_scale));
                if segment.status == SegmentStatus::MissingLink {
                    painter.text(
                        pair[0].lerp(pair[1], 0.5),
                        egui::Align2::CENTER_CENTER,
                        "!",
                        egui::FontId::proportional(11.0 * scene.label_scale),
                        theme::ON_SYMBOL,
                    );
                }
            }
            for point in &points {
                painter.circle_filled(*point, 2.5 * scene.line_scale, color);
            }
        }
    }

    fn hit_test(&self, scene: &MapScene<'_>, pointer: Pos2) -> Option<MapItem> {
        scene
            .dataset
            .corridors
            .iter()
            .filter(|c| scene.shows(&c.domains, c.stance, c.years))
            .find(|corridor| near_path(&screen_path(scene, corridor), pointer, HOVER_LINE_POINTS))
            .map(|corridor| MapItem::Corridor(corridor.id.clone()))
    }
}

/// The corridor's waypoints on screen.
pub(crate) fn screen_path(scene: &MapScene<'_>, corridor: &crate::data::Corridor) -> Vec<Pos2> {
    corridor
        .waypoints
        .iter()
        .map(|w| scene.projector.lon_lat_to_screen([w.lon, w.lat]))
        .collect()
}

/// One segment drawn by its status, so that status reads without colour; its lines
/// `scale` times as thick as in the window.
fn status_shapes(path: &[Pos2], status: SegmentStatus, color: Color32, scale: f32) -> Vec<Shape> {
    match status {
        SegmentStatus::Operating => {
            vec![Shape::line(path.to_vec(), Stroke::new(3.0 * scale, color))]
        }
        SegmentStatus::UnderConstruction => Shape::dashed_line(
            path,
            Stroke::new(3.0 * scale, color),
            10.0 * scale,
            5.0 * scale,
        ),
        SegmentStatus::Planned => Shape::dashed_line(
            path,
            Stroke::new(1.5 * scale, color),
            4.0 * scale,
            6.0 * scale,
        ),
        SegmentStatus::MissingLink => {
            let gap = theme::MISSING_LINK;
            let mut shapes = Shape::dotted_line(path, gap, 7.0 * scale, 2.5 * scale);
            if let [a, .., b] = path {
                shapes.push(Shape::circle_filled(a.lerp(*b, 0.5), 7.0 * scale, gap));
            }
            shapes
        }
    }
}
