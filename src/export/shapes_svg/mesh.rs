//! Meshes as SVG: the flat-coloured triangles of a fill (the map's countries) merged into
//! the outlines of each run of one colour, and the sprites' textured quads (the places' and
//! events' symbols) as the shapes they picture.
//!
//! A run of consecutive triangles of one colour becomes one `<path>` of its outline: each
//! triangle is turned counter-clockwise and its edges are counted, an edge shared by two of
//! the run's triangles cancels out, and what is left closes into rings. Filled with the
//! non-zero rule, the rings cover exactly what the triangles cover, holes and all, in a
//! fraction of the points and without the hairline seams a PDF reader shows between
//! triangles drawn one by one.

use std::collections::HashMap;
use std::fmt::Write as _;

use eframe::egui::epaint::{Mesh, Vertex, WHITE_UV};
use eframe::egui::{Color32, Pos2, Rect, TextureId};

use super::{
    SvgText, Unwritable, paint_attributes, point_list, rect_attributes, stroke_attributes, x, y,
};
use crate::export::svg::text::num;
use crate::views::paint::sprites::{SpriteLayer, SpriteOutline, SpriteShape};

/// Writes `mesh`: flat colours as merged outlines, sprites as their shapes.
pub(super) fn write_mesh(
    svg: &mut SvgText,
    mesh: &Mesh,
    sprites: &HashMap<TextureId, SpriteOutline>,
) -> Result<(), Unwritable> {
    if mesh.texture_id == TextureId::default() {
        if mesh.vertices.iter().any(|vertex| vertex.uv != WHITE_UV) {
            return Err(Unwritable("a mesh of the font texture (text as triangles)"));
        }
        return write_flat(svg, mesh);
    }
    match sprites.get(&mesh.texture_id) {
        Some(outline) => {
            write_sprites(svg, mesh, outline);
            Ok(())
        }
        None => Err(Unwritable("a textured mesh (an image)")),
    }
}

/// A vertex's place, exactly: vertices at the same place are one corner of the outline.
type Corner = (u32, u32);

fn corner(position: Pos2) -> Corner {
    (position.x.to_bits(), position.y.to_bits())
}

/// Writes a flat-coloured mesh as one path for each run of triangles of one colour, or a
/// rectangle shaded from one side to the other as a rectangle with a gradient.
fn write_flat(svg: &mut SvgText, mesh: &Mesh) -> Result<(), Unwritable> {
    if let Some(gradient) = GradientRect::of(mesh) {
        gradient.write(svg);
        return Ok(());
    }
    let mut run: Vec<[Pos2; 3]> = Vec::new();
    let mut run_color = Color32::TRANSPARENT;
    for triangle in mesh.indices.chunks_exact(3) {
        let vertex = |index: u32| -> Result<&Vertex, Unwritable> {
            mesh.vertices
                .get(index as usize)
                .ok_or(Unwritable("a mesh whose triangles name missing vertices"))
        };
        let (a, b, c) = (
            vertex(triangle[0])?,
            vertex(triangle[1])?,
            vertex(triangle[2])?,
        );
        if a.color != b.color || a.color != c.color {
            return Err(Unwritable(
                "a mesh shaded across its triangles (a gradient)",
            ));
        }
        if a.color != run_color {
            write_run(svg, &run, run_color);
            run.clear();
            run_color = a.color;
        }
        run.push([a.pos, b.pos, c.pos]);
    }
    write_run(svg, &run, run_color);
    Ok(())
}

/// Writes the outline of `triangles` filled with `color`.
fn write_run(svg: &mut SvgText, triangles: &[[Pos2; 3]], color: Color32) {
    if triangles.is_empty() || color.a() == 0 {
        return;
    }
    let rings = outline_rings(triangles);
    if rings.is_empty() {
        return;
    }
    let mut data = String::new();
    for ring in &rings {
        let _ = write!(data, "M{}Z", point_list(ring));
    }
    let _ = writeln!(
        svg,
        r#"<path d="{data}"{}/>"#,
        paint_attributes("fill", color)
    );
}

/// The closed rings around `triangles`: the edges no two triangles share, joined end to end,
/// each ring turning one way around what it fills and the other way around a hole.
pub(super) fn outline_rings(triangles: &[[Pos2; 3]]) -> Vec<Vec<Pos2>> {
    // Each edge once, every triangle turned the same way.
    let mut edges: HashMap<(Corner, Corner), usize> = HashMap::new();
    let mut place: HashMap<Corner, Pos2> = HashMap::new();
    for &[a, b, c] in triangles {
        let twice_area = (b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y);
        if twice_area == 0.0 || !twice_area.is_finite() {
            continue;
        }
        let (b, c) = if twice_area < 0.0 { (b, c) } else { (c, b) };
        for (from, to) in [(a, b), (b, c), (c, a)] {
            let (from_corner, to_corner) = (corner(from), corner(to));
            place.insert(from_corner, from);
            // The same edge run the other way cancels it: both sides are inside.
            match edges.get_mut(&(to_corner, from_corner)) {
                Some(count) if *count > 1 => *count -= 1,
                Some(_) => {
                    edges.remove(&(to_corner, from_corner));
                }
                None => *edges.entry((from_corner, to_corner)).or_insert(0) += 1,
            }
        }
    }
    // Every corner has as many edges out as in, so a walk from any edge comes back to it.
    let mut next: HashMap<Corner, Vec<Corner>> = HashMap::new();
    let mut starts: Vec<Corner> = Vec::new();
    for (&(from, to), &count) in &edges {
        for _ in 0..count {
            next.entry(from).or_default().push(to);
        }
        starts.push(from);
    }
    // The same rings every run: walk from the corners in order.
    starts.sort_unstable();
    let mut rings = Vec::new();
    for start in starts {
        while let Some(mut at) = next.get_mut(&start).and_then(Vec::pop) {
            let mut ring = vec![place[&start]];
            while at != start {
                ring.push(place[&at]);
                let Some(step) = next.get_mut(&at).and_then(Vec::pop) else {
                    break;
                };
                at = step;
            }
            if ring.len() >= 3 {
                rings.push(ring);
            }
        }
    }
    rings
}

/// A rectangle shaded from one side to the other: egui's `Shape::gradient_rect`, which
/// fades a scroll area's edges.
#[derive(Debug, Clone, Copy, PartialEq)]
struct GradientRect {
    rect: Rect,
    /// The colour at the top (or the left).
    from: Color32,
    /// The colour at the bottom (or the right).
    to: Color32,
    /// Shaded from top to bottom, else from left to right.
    vertical: bool,
}

impl GradientRect {
    /// `mesh` as a gradient rectangle, if it is one: four corners in egui's order, two
    /// triangles, one colour along each of two opposite sides, not the same colour all over.
    fn of(mesh: &Mesh) -> Option<Self> {
        let [left_top, right_top, left_bottom, right_bottom] = mesh.vertices.as_slice() else {
            return None;
        };
        let square = mesh.indices == [0, 1, 2, 2, 1, 3]
            && right_top.pos == Pos2::new(right_bottom.pos.x, left_top.pos.y)
            && left_bottom.pos == Pos2::new(left_top.pos.x, right_bottom.pos.y);
        let flat = [right_top, left_bottom, right_bottom]
            .iter()
            .all(|vertex| vertex.color == left_top.color);
        if !square || flat {
            return None;
        }
        let rect = Rect::from_min_max(left_top.pos, right_bottom.pos);
        if left_top.color == right_top.color && left_bottom.color == right_bottom.color {
            Some(Self {
                rect,
                from: left_top.color,
                to: left_bottom.color,
                vertical: true,
            })
        } else if left_top.color == left_bottom.color && right_top.color == right_bottom.color {
            Some(Self {
                rect,
                from: left_top.color,
                to: right_top.color,
                vertical: false,
            })
        } else {
            None
        }
    }

    /// Writes the gradient and the rectangle it fills. egui blends premultiplied colours; an
    /// SVG gradient blends colour and opacity apart, so a transparent end takes the other
    /// end's colour, which fades the same way.
    fn write(&self, svg: &mut SvgText) {
        let id = svg.new_id("fade");
        let stop = |color: Color32, other: Color32| {
            let [r, g, b, a] = if color.a() == 0 {
                let [r, g, b, _] = other.to_srgba_unmultiplied();
                [r, g, b, 0]
            } else {
                color.to_srgba_unmultiplied()
            };
            format!(
                r##"stop-color="#{r:02x}{g:02x}{b:02x}" stop-opacity="{}""##,
                num(f64::from(a) / 255.0)
            )
        };
        let (x2, y2) = if self.vertical { (0, 1) } else { (1, 0) };
        let _ = writeln!(
            svg,
            r#"<linearGradient id="{id}" x1="0" y1="0" x2="{x2}" y2="{y2}"><stop offset="0" {}/><stop offset="1" {}/></linearGradient>"#,
            stop(self.from, self.to),
            stop(self.to, self.from)
        );
        let _ = writeln!(
            svg,
            r#"<rect{} fill="url(#{id})"/>"#,
            rect_attributes(self.rect)
        );
    }
}

/// Writes each quad of a sprite mesh as the shape it pictures: its fill or its outline.
fn write_sprites(svg: &mut SvgText, mesh: &Mesh, outline: &SpriteOutline) {
    for quad in mesh.vertices.chunks_exact(4) {
        let color = quad[0].color;
        if color.a() == 0 {
            continue;
        }
        let bounds = Rect::from_points(&quad.iter().map(|vertex| vertex.pos).collect::<Vec<_>>());
        let centre = bounds.center();
        let layer =
            SpriteLayer::of_texture_x(quad.iter().map(|vertex| vertex.uv.x).sum::<f32>() / 4.0);
        let paint = match layer {
            SpriteLayer::Fill => paint_attributes("fill", color),
            SpriteLayer::Stroke => format!(
                r#" fill="none"{}"#,
                stroke_attributes(eframe::egui::Stroke::new(outline.stroke_width, color))
            ),
        };
        if outline.shape == SpriteShape::Circle {
            let _ = writeln!(
                svg,
                r#"<circle cx="{}" cy="{}" r="{}"{paint}/>"#,
                x(centre),
                y(centre),
                num(f64::from(outline.radius))
            );
        } else {
            let _ = writeln!(
                svg,
                r#"<polygon points="{}"{paint}/>"#,
                point_list(&outline.corners(centre))
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::egui::pos2;

    /// The area a ring encloses, positive for counter-clockwise on screen (y down).
    fn area(ring: &[Pos2]) -> f32 {
        let mut twice = 0.0;
        for (index, a) in ring.iter().enumerate() {
            let b = ring[(index + 1) % ring.len()];
            twice += a.y * b.x - a.x * b.y;
        }
        twice / 2.0
    }

    #[test]
    fn two_triangles_of_a_square_make_one_ring_of_four_corners() {
        let (a, b, c, d) = (
            pos2(0.0, 0.0),
            pos2(10.0, 0.0),
            pos2(10.0, 10.0),
            pos2(0.0, 10.0),
        );
        // One wound each way: the orientation is made the same before edges are counted.
        let rings = outline_rings(&[[a, b, c], [a, d, c]]);
        assert_eq!(rings.len(), 1);
        assert_eq!(rings[0].len(), 4);
        assert!(
            (area(&rings[0]) - 100.0).abs() < 1e-3,
            "{}",
            area(&rings[0])
        );
    }

    #[test]
    fn a_frame_of_triangles_keeps_its_hole_as_a_ring_the_other_way() {
        // A 30 × 30 square with the middle 10 × 10 left out, as eight triangles.
        let p = |x: f32, y: f32| pos2(x * 10.0, y * 10.0);
        let mut triangles = Vec::new();
        for (x0, y0) in [
            (0., 0.),
            (1., 0.),
            (2., 0.),
            (0., 1.),
            (2., 1.),
            (0., 2.),
            (1., 2.),
            (2., 2.),
        ] {
            triangles.push([p(x0, y0), p(x0 + 1.0, y0), p(x0 + 1.0, y0 + 1.0)]);
            triangles.push([p(x0, y0), p(x0 + 1.0, y0 + 1.0), p(x0, y0 + 1.0)]);
        }
        let rings = outline_rings(&triangles);
        let mut areas: Vec<f32> = rings.iter().map(|ring| area(ring)).collect();
        areas.sort_by(f32::total_cmp);
        assert_eq!(areas.len(), 2, "{areas:?}");
        assert!((areas[0] + 100.0).abs() < 1e-3, "the hole: {areas:?}");
        assert!((areas[1] - 900.0).abs() < 1e-3, "the outside: {areas:?}");
    }
}
