//! The basemap: the sea, countries filled (the two parties and the areas' countries
//! tinted), their borders, and the names of those wide enough to carry them. Sea, fills and
//! borders are one kept mesh, drawn through the map's own pipeline.

use eframe::egui::{self, Mesh, Painter, Shape, Stroke, epaint::Vertex, pos2};

use super::{MapLayer, MapScene};
use crate::data::{Domain, Stance};
use crate::geo::mesh::{CountryMesh, transform_to_screen};
use crate::views::map::projector::visible_runs;
use crate::views::map::retained::paint_retained;
use crate::views::theme;

/// The countries of the basemap.
pub(crate) struct Countries;

impl MapLayer for Countries {
    fn paint(&self, painter: &Painter, scene: &MapScene<'_>) {
        paint_retained(painter, "countries", scene.still_key, |shapes| {
            shapes.push(Shape::rect_filled(
                scene.projector.rect,
                0.0,
                scene.colors.water,
            ));
            fills_and_borders(scene, shapes);
        });
        paint_labels(painter, scene);
    }
}

/// How strongly an area's stance tints its countries.
fn area_strength(stance: Stance) -> f32 {
    match stance {
        Stance::Cooperation => 0.45,
        Stance::Mixed => 0.32,
        Stance::Divergence => 0.25,
        Stance::Context => 0.12,
    }
}

/// The stance and domain of the area that covers each country this year, if any.
fn area_tints<'d>(scene: &MapScene<'d>) -> Vec<(&'d str, Stance, Domain)> {
    scene
        .dataset
        .areas
        .iter()
        .filter(|a| scene.shows(&a.domains, a.stance, a.years))
        .flat_map(|area| {
            let domain = super::record_domain(&area.domains, super::PLACE_AND_AREA_FALLBACK);
            area.countries
                .iter()
                .map(move |code| (code.as_str(), area.stance, domain))
        })
        .collect()
}

/// The countries filled, then their borders, the parties' last and thicker.
fn fills_and_borders(scene: &MapScene<'_>, shapes: &mut Vec<Shape>) {
    let projector = scene.projector;
    let colors = scene.colors;
    let setup = &scene.world.setup;
    let tints = area_tints(scene);
    let visible: Vec<&CountryMesh> = scene
        .world
        .visible_meshes(projector.view.km_per_point, |bounds| projector.sees(bounds))
        .collect();
    let mut mesh = Mesh::default();
    mesh.reserve_vertices(visible.iter().map(|m| m.vertices_km.len()).sum());
    mesh.reserve_triangles(visible.iter().map(|m| m.indices.len() / 3).sum());
    let mut screen = Vec::new();
    for &country in &visible {
        let base = if setup.is_party(&country.iso_numeric) {
            colors.party
        } else {
            colors.land
        };
        let color = match tints
            .iter()
            .find(|(code, _, _)| *code == country.iso_numeric)
        {
            Some((_, stance, domain)) => {
                theme::blend(base, theme::domain_color(*domain), area_strength(*stance))
            }
            None => base,
        };
        transform_to_screen(
            country,
            &projector.view,
            projector.rect_min(),
            projector.size(),
            &mut screen,
        );
        let offset = u32::try_from(mesh.vertices.len()).unwrap_or(u32::MAX);
        mesh.vertices.extend(screen.iter().map(|&[x, y]| Vertex {
            pos: pos2(x, y),
            uv: egui::epaint::WHITE_UV,
            color,
        }));
        mesh.indices
            .extend(country.indices.iter().map(|index| index + offset));
    }
    shapes.push(Shape::mesh(mesh));
    let border = Stroke::new(0.6 * scene.line_scale, colors.border);
    let party_border = Stroke::new(1.4 * scene.line_scale, colors.label);
    let mut party_outlines = Vec::new();
    for country in visible {
        let party = setup.is_party(&country.iso_numeric);
        for ring in &country.outlines_km {
            let path = projector.ring_to_screen(ring, &mut screen);
            for run in visible_runs(&path, projector.rect) {
                if party {
                    party_outlines.push(run);
                } else {
                    shapes.push(Shape::line(run, border));
                }
            }
        }
    }
    shapes.extend(
        party_outlines
            .into_iter()
            .map(|run| Shape::line(run, party_border)),
    );
}

fn paint_labels(painter: &Painter, scene: &MapScene<'_>) {
    let projector = scene.projector;
    let font = egui::FontId::proportional(12.0 * scene.label_scale);
    let party_font = egui::FontId::proportional(17.0 * scene.label_scale);
    for label in scene
        .world
        .labels
        .iter()
        .filter(|label| !label.name.is_empty())
    {
        // Approximate width of the name: about 6.5 points a character at this size.
        #[expect(clippy::cast_precision_loss, reason = "name lengths are small")]
        let text_width = label.name.chars().count() as f64 * 6.5 * f64::from(scene.label_scale);
        if !label.party && label.width_km / projector.view.km_per_point < text_width {
            continue;
        }
        let pos = projector.km_to_screen(label.anchor_km);
        if !projector.rect.contains(pos) {
            continue;
        }
        if label.party {
            // The dataset's name for its party ("United States"), not the basemap's.
            let name = scene
                .dataset
                .metadata
                .parties
                .iter()
                .find(|party| !party.iso_numeric.is_empty() && party.iso_numeric == label.code)
                .map_or(label.name.as_str(), |party| party.name.as_str());
            let galley =
                painter.layout_no_wrap(name.to_uppercase(), party_font.clone(), scene.colors.label);
            let rect = egui::Align2::CENTER_CENTER.anchor_size(pos, galley.size());
            painter.rect_filled(
                rect.expand(3.0),
                3.0,
                scene.colors.water.gamma_multiply(0.75),
            );
            painter.galley(rect.min, galley, scene.colors.label);
        } else {
            painter.text(
                pos,
                egui::Align2::CENTER_CENTER,
                &label.name,
                font.clone(),
                scene.colors.label,
            );
        }
    }
}
