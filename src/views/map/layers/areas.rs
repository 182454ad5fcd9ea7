//! Areas: whole countries outlined (their fill is tinted by the countries layer) and
//! regions drawn as outlines with their names, edges dashed or dotted by stance.

use eframe::egui::{self, Painter, Pos2, Shape, vec2};

use super::{MapLayer, MapScene, PLACE_AND_AREA_FALLBACK, record_color, stance_path};
use crate::data::Area;
use crate::views::map::projector::{point_in_ring, visible_runs};
use crate::views::map::retained::paint_retained;
use crate::views::map::state::MapItem;

/// The dataset's areas.
pub(crate) struct Areas;

impl MapLayer for Areas {
    fn paint(&self, painter: &Painter, scene: &MapScene<'_>) {
        paint_retained(painter, "areas", scene.still_key, |shapes| {
            outlines(scene, shapes);
        });
        for area in shown_areas(scene).filter(|area| area.outline.len() >= 3) {
            let path = scene.projector.path_to_screen(&area.outline);
            painter.text(
                centroid(&path),
                egui::Align2::CENTER_CENTER,
                &area.name,
                egui::FontId::proportional(12.0 * scene.label_scale),
                record_color(&area.domains, PLACE_AND_AREA_FALLBACK),
            );
        }
    }

    fn hit_test(&self, scene: &MapScene<'_>, pointer: Pos2) -> Option<MapItem> {
        let xy_km = scene.projector.screen_to_km(pointer);
        let lon_lat = scene.projector.screen_to_lon_lat(pointer);
        let country = scene
            .world
            .mesh_at(xy_km, scene.projector.view.km_per_point)
            .map(|mesh| mesh.iso_numeric.as_str());
        scene
            .dataset
            .areas
            .iter()
            .filter(|a| scene.shows(&a.domains, a.stance, a.years))
            .find(|area| {
                country.is_some_and(|code| {
                    !code.is_empty() && area.countries.iter().any(|c| c == code)
                }) || (area.outline.len() >= 3 && point_in_ring(lon_lat, &area.outline))
            })
            .map(|area| MapItem::Area(area.id.clone()))
    }
}

/// The areas on the map this frame.
fn shown_areas<'d>(scene: &MapScene<'d>) -> impl Iterator<Item = &'d Area> {
    scene
        .dataset
        .areas
        .iter()
        .filter(|a| scene.shows(&a.domains, a.stance, a.years))
}

/// Each area's outline, dashed or dotted by stance: its countries' borders, or its own ring.
fn outlines(scene: &MapScene<'_>, shapes: &mut Vec<Shape>) {
    let projector = scene.projector;
    let mut scratch = Vec::new();
    for area in shown_areas(scene) {
        let color = record_color(&area.domains, PLACE_AND_AREA_FALLBACK);
        for mesh in scene
            .world
            .visible_meshes(projector.view.km_per_point, |bounds| projector.sees(bounds))
            .filter(|m| area.countries.contains(&m.iso_numeric))
        {
            for ring in &mesh.outlines_km {
                let path = projector.ring_to_screen(ring, &mut scratch);
                for run in visible_runs(&path, projector.rect) {
                    shapes.extend(stance_path(
                        &run,
                        area.stance,
                        color,
                        (2.0, scene.line_scale),
                    ));
                }
            }
        }
        if area.outline.len() >= 3 {
            let mut path = projector.path_to_screen(&area.outline);
            if let Some(first) = path.first().copied() {
                path.push(first);
            }
            shapes.extend(stance_path(
                &path,
                area.stance,
                color,
                (2.5, scene.line_scale),
            ));
        }
    }
}

/// The mean of `points`: where a region's name goes.
fn centroid(points: &[Pos2]) -> Pos2 {
    #[expect(clippy::cast_precision_loss, reason = "few points")]
    let count = points.len().max(1) as f32;
    let sum = points
        .iter()
        .fold(vec2(0.0, 0.0), |sum, p| sum + p.to_vec2());
    (sum / count).to_pos2()
}
