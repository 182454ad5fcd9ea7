//! Small shapes drawn many times a frame (chart markers, timeline events) as sprites: each
//! one a textured quad, instead of a path egui tessellates point by point.
//!
//! A shape is rendered once, at the exact pixel size the screen needs, with the same
//! one-pixel soft edge egui's anti-aliasing gives, into a small texture: its fill on the left
//! half, its outline on the right, both white with the coverage as alpha, so that one texture
//! serves every colour (the vertex colour tints it). Quads are placed on the pixel grid so that
//! each texel lands on one pixel. Thousands of markers then cost four vertices each, which is
//! what keeps the large-dataset frames within budget (docs/benchmarks.md).

use std::collections::HashMap;

use eframe::egui::{self, Color32, ColorImage, Mesh, Pos2, Rect, TextureHandle, TextureId};

use crate::views::theme;

/// The outline a sprite has. Sizes are in units of the sprite's radius, y pointing down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum SpriteShape {
    /// A circle of the given radius.
    Circle,
    /// A square standing on its corner, the radius from its centre to each corner.
    Diamond,
    /// A square, the radius from its centre to each side.
    Square,
    /// A triangle pointing up: apex 1.2 above the centre, base 0.8 below, 2 wide.
    Triangle,
    /// A hexagon with flat top and bottom, 2 wide and 2 high.
    Hexagon,
}

impl SpriteShape {
    /// The corners of a polygon, in radii, clockwise on screen; nothing for the circle.
    fn corners(self) -> &'static [[f32; 2]] {
        match self {
            SpriteShape::Circle => &[],
            SpriteShape::Diamond => &[[0.0, -1.0], [1.0, 0.0], [0.0, 1.0], [-1.0, 0.0]],
            SpriteShape::Square => &[[-1.0, -1.0], [1.0, -1.0], [1.0, 1.0], [-1.0, 1.0]],
            SpriteShape::Triangle => &[[0.0, -1.2], [1.0, 0.8], [-1.0, 0.8]],
            SpriteShape::Hexagon => &[
                [-0.5, -1.0],
                [0.5, -1.0],
                [1.0, 0.0],
                [0.5, 1.0],
                [-0.5, 1.0],
                [-1.0, 0.0],
            ],
        }
    }

    /// The distance from `point` to the edge of the shape with radius `radius`, negative
    /// inside. For polygons, the largest distance past any side's line: exact inside and
    /// along the sides, and square (mitred) at the corners, as egui joins a polygon's outline.
    fn signed_distance(self, point: [f32; 2], radius: f32) -> f32 {
        let corners = self.corners();
        if corners.is_empty() {
            return point[0].hypot(point[1]) - radius;
        }
        let mut distance = f32::NEG_INFINITY;
        for (index, a) in corners.iter().enumerate() {
            let b = corners[(index + 1) % corners.len()];
            let (a, b) = (
                [a[0] * radius, a[1] * radius],
                [b[0] * radius, b[1] * radius],
            );
            // Clockwise on screen (y down): the outward normal is the side turned left.
            let (along_x, along_y) = (b[0] - a[0], b[1] - a[1]);
            let length = along_x.hypot(along_y);
            let normal = [along_y / length, -along_x / length];
            let past = normal[0] * (point[0] - a[0]) + normal[1] * (point[1] - a[1]);
            distance = distance.max(past);
        }
        distance
    }

    /// How far from the centre anything of the shape reaches when it extends `beyond_edge`
    /// pixels past its edge: at a polygon's corner the mitred outline reaches out by
    /// `beyond_edge` / sin(half the corner's angle).
    fn reach(self, radius_px: f32, beyond_edge: f32) -> f32 {
        let corners = self.corners();
        if corners.is_empty() {
            return radius_px + beyond_edge;
        }
        let count = corners.len();
        (0..count)
            .map(|index| {
                let corner = corners[index];
                let previous = corners[(index + count - 1) % count];
                let next = corners[(index + 1) % count];
                let to_previous = [previous[0] - corner[0], previous[1] - corner[1]];
                let to_next = [next[0] - corner[0], next[1] - corner[1]];
                let angle = (to_previous[0] * to_next[1] - to_previous[1] * to_next[0])
                    .abs()
                    .atan2(to_previous[0] * to_next[0] + to_previous[1] * to_next[1]);
                corner[0].hypot(corner[1]) * radius_px + beyond_edge / (angle / 2.0).sin()
            })
            .fold(0.0, f32::max)
    }
}

/// Which half of a sprite to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SpriteLayer {
    /// The inside of the shape, up to the middle of its outline.
    Fill,
    /// The outline, centred on the shape's edge.
    Stroke,
}

impl SpriteLayer {
    /// The layer a sprite's quad draws, from the horizontal texture coordinate of its middle.
    pub(crate) fn of_texture_x(u: f32) -> Self {
        if u < 0.5 { Self::Fill } else { Self::Stroke }
    }
}

/// One shape at one size, ready to be added to meshes many times.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SpriteSheet {
    texture: TextureId,
    geometry: SpriteGeometry,
    pixels_per_point: f32,
}

impl SpriteSheet {
    /// The sheet for `shape` with `radius` and an outline `stroke_width` wide (both in points)
    /// at the context's current scale; rendered the first time it is asked for, then kept.
    pub(crate) fn get(
        ctx: &egui::Context,
        shape: SpriteShape,
        radius: f32,
        stroke_width: f32,
    ) -> Self {
        let pixels_per_point = ctx.pixels_per_point();
        let geometry = SpriteGeometry::new(
            shape,
            radius * pixels_per_point,
            stroke_width * pixels_per_point,
        );
        let texture = texture_for(ctx, &geometry);
        Self {
            texture: texture.id(),
            geometry,
            pixels_per_point,
        }
    }

    /// An empty mesh for this sheet's sprites, with room for `count` of them.
    pub(crate) fn mesh(&self, count: usize) -> Mesh {
        let mut mesh = Mesh::with_texture(self.texture);
        mesh.reserve_vertices(4 * count);
        mesh.reserve_triangles(2 * count);
        mesh
    }

    /// Adds one sprite centred at `centre` (points) to `mesh`, which must come from
    /// [`Self::mesh`].
    pub(crate) fn add(&self, mesh: &mut Mesh, centre: Pos2, layer: SpriteLayer, color: Color32) {
        let ppp = self.pixels_per_point;
        let min = self.geometry.quad_min_px(centre, ppp);
        #[expect(clippy::cast_precision_loss, reason = "a sprite a few pixels wide")]
        let side = self.geometry.side_px as f32 / ppp;
        let rect = Rect::from_min_size(Pos2::new(min.x / ppp, min.y / ppp), egui::vec2(side, side));
        mesh.add_rect_with_uv(rect, SpriteGeometry::uv(layer), color);
    }
}

/// The shape a sprite texture draws, in points: what a writer that draws shapes rather
/// than textures (the SVG and PDF exports) draws for a sprite instead.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct SpriteOutline {
    /// The shape.
    pub(crate) shape: SpriteShape,
    /// Its radius in points.
    pub(crate) radius: f32,
    /// Its outline's width in points.
    pub(crate) stroke_width: f32,
}

impl SpriteOutline {
    /// The polygon's corners around `centre`, clockwise on screen; nothing for a circle.
    pub(crate) fn corners(&self, centre: Pos2) -> Vec<Pos2> {
        self.shape
            .corners()
            .iter()
            .map(|[x, y]| Pos2::new(centre.x + x * self.radius, centre.y + y * self.radius))
            .collect()
    }
}

/// Where `ctx` keeps which sprite each sprite texture draws.
fn outlines_id() -> egui::Id {
    egui::Id::unique("bilateral_sprite_outlines")
}

/// The sprite textures `ctx` has made, and the shape each draws.
pub(crate) fn sprite_outlines(ctx: &egui::Context) -> HashMap<TextureId, SpriteOutline> {
    ctx.data(|data| data.get_temp::<HashMap<TextureId, SpriteOutline>>(outlines_id()))
        .unwrap_or_default()
}

/// The texture for `geometry`, made once and kept in egui's memory.
fn texture_for(ctx: &egui::Context, geometry: &SpriteGeometry) -> TextureHandle {
    let id = egui::Id::unique((
        "bilateral_sprites",
        geometry.shape,
        geometry.radius_px.to_bits(),
        geometry.stroke_px.to_bits(),
    ));
    if let Some(texture) = ctx.data(|data| data.get_temp::<TextureHandle>(id)) {
        return texture;
    }
    let texture = ctx.load_texture(
        format!(
            "{:?} sprite, radius {:.2} px, outline {:.2} px",
            geometry.shape, geometry.radius_px, geometry.stroke_px
        ),
        geometry.image(),
        egui::TextureOptions::LINEAR,
    );
    let pixels_per_point = ctx.pixels_per_point();
    let outline = SpriteOutline {
        shape: geometry.shape,
        radius: geometry.radius_px / pixels_per_point,
        stroke_width: geometry.stroke_px / pixels_per_point,
    };
    ctx.data_mut(|data| {
        data.insert_temp(id, texture.clone());
        data.get_temp_mut_or_default::<HashMap<TextureId, SpriteOutline>>(outlines_id())
            .insert(texture.id(), outline);
    });
    texture
}

/// The pixel geometry of one sprite.
#[derive(Debug, Clone, Copy, PartialEq)]
struct SpriteGeometry {
    shape: SpriteShape,
    /// The shape's radius in pixels.
    radius_px: f32,
    /// The outline's width in pixels (at least one, so that it shows).
    stroke_px: f32,
    /// The square sprite's side in pixels: even, with room for the outline and the soft edge.
    side_px: usize,
}

impl SpriteGeometry {
    fn new(shape: SpriteShape, radius_px: f32, stroke_px: f32) -> Self {
        let radius_px = radius_px.max(0.5);
        let stroke_px = stroke_px.max(1.0);
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "a sprite a few pixels wide"
        )]
        let half_side = (shape.reach(radius_px, stroke_px / 2.0 + 0.5) + 0.5).ceil() as usize;
        Self {
            shape,
            radius_px,
            stroke_px,
            side_px: 2 * half_side,
        }
    }

    /// The texture: the fill on the left half, the outline on the right.
    fn image(&self) -> ColorImage {
        let side = self.side_px;
        let mut pixels = Vec::with_capacity(2 * side * side);
        for row in 0..side {
            for layer in [SpriteLayer::Fill, SpriteLayer::Stroke] {
                for column in 0..side {
                    let coverage = self.coverage(column, row, layer);
                    #[expect(
                        clippy::cast_possible_truncation,
                        clippy::cast_sign_loss,
                        reason = "coverage is in 0..=1"
                    )]
                    let alpha = (coverage * 255.0).round() as u8;
                    pixels.push(theme::coverage_texel(alpha));
                }
            }
        }
        ColorImage::new([2 * side, side], pixels)
    }

    /// The distance from the middle of the pixel at (`column`, `row`) to the shape's edge,
    /// negative inside.
    fn signed_distance(&self, column: usize, row: usize) -> f32 {
        #[expect(clippy::cast_precision_loss, reason = "a sprite a few pixels wide")]
        let (x, y, centre) = (
            column as f32 + 0.5,
            row as f32 + 0.5,
            self.side_px as f32 / 2.0,
        );
        self.shape
            .signed_distance([x - centre, y - centre], self.radius_px)
    }

    /// How much of the pixel at (`column`, `row`) the layer covers, 0 to 1: one pixel of soft
    /// edge, as egui's feathering draws it.
    fn coverage(&self, column: usize, row: usize, layer: SpriteLayer) -> f32 {
        let distance = self.signed_distance(column, row);
        let inside = match layer {
            SpriteLayer::Fill => -distance,
            SpriteLayer::Stroke => self.stroke_px / 2.0 - distance.abs(),
        };
        (inside + 0.5).clamp(0.0, 1.0)
    }

    /// The quad's top-left corner in pixels for a sprite centred at `centre` (points): on the
    /// pixel grid, so each texel lands on one pixel.
    fn quad_min_px(&self, centre: Pos2, pixels_per_point: f32) -> Pos2 {
        #[expect(clippy::cast_precision_loss, reason = "a sprite a few pixels wide")]
        let half = self.side_px as f32 / 2.0;
        Pos2::new(
            (centre.x * pixels_per_point).round() - half,
            (centre.y * pixels_per_point).round() - half,
        )
    }

    /// The half of the texture a layer uses.
    fn uv(layer: SpriteLayer) -> Rect {
        let left = match layer {
            SpriteLayer::Fill => 0.0,
            SpriteLayer::Stroke => 0.5,
        };
        Rect::from_min_max(Pos2::new(left, 0.0), Pos2::new(left + 0.5, 1.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn covered(geometry: &SpriteGeometry, layer: SpriteLayer) -> f32 {
        let side = geometry.side_px;
        (0..side)
            .flat_map(|row| (0..side).map(move |column| (column, row)))
            .map(|(column, row)| geometry.coverage(column, row, layer))
            .sum()
    }

    #[test]
    fn the_sprite_is_even_and_leaves_room_for_the_outline_and_soft_edge() {
        let sprite = SpriteGeometry::new(SpriteShape::Circle, 5.0, 1.0);
        assert_eq!(sprite.side_px, 14);
        let sprite = SpriteGeometry::new(SpriteShape::Diamond, 7.5, 3.6);
        assert_eq!(sprite.side_px, 24);
        let image = sprite.image();
        assert_eq!(image.size, [48, 24]);
        // The outermost ring of pixels is empty in both halves: nothing is cut off.
        for column in 0..48 {
            assert_eq!(image.pixels[column].a(), 0, "top row, column {column}");
            assert_eq!(image.pixels[23 * 48 + column].a(), 0, "bottom row");
        }
        for row in 0..24 {
            for column in [0, 23, 24, 47] {
                assert_eq!(
                    image.pixels[row * 48 + column].a(),
                    0,
                    "row {row}, column {column}"
                );
            }
        }
    }

    #[test]
    fn a_filled_circle_is_solid_inside_soft_at_its_edge_and_as_large_as_the_circle() {
        let sprite = SpriteGeometry::new(SpriteShape::Circle, 5.0, 1.0);
        assert_eq!(sprite.coverage(6, 6, SpriteLayer::Fill), 1.0);
        assert_eq!(sprite.coverage(7, 7, SpriteLayer::Fill), 1.0);
        assert_eq!(sprite.coverage(0, 0, SpriteLayer::Fill), 0.0);
        let area = std::f32::consts::PI * 25.0;
        let fill = covered(&sprite, SpriteLayer::Fill);
        assert!((fill - area).abs() < 2.0, "{fill} against {area}");
    }

    #[test]
    fn an_outline_is_a_ring_with_an_empty_middle() {
        let sprite = SpriteGeometry::new(SpriteShape::Circle, 5.0, 1.0);
        assert_eq!(sprite.coverage(7, 7, SpriteLayer::Stroke), 0.0);
        // The pixel just inside the ring's left edge (centre 7: x 2.5 is 4.5 from it).
        assert!(sprite.coverage(2, 7, SpriteLayer::Stroke) > 0.4);
        let circumference = 2.0 * std::f32::consts::PI * 5.0;
        let ring = covered(&sprite, SpriteLayer::Stroke);
        assert!(
            (ring - circumference).abs() < 3.0,
            "{ring} against {circumference}"
        );
    }

    #[test]
    fn a_diamond_covers_the_area_of_its_square_on_a_corner() {
        let sprite = SpriteGeometry::new(SpriteShape::Diamond, 6.0, 1.8);
        // A square with half-diagonal 6 has area 2 × 6².
        let fill = covered(&sprite, SpriteLayer::Fill);
        assert!((fill - 72.0).abs() < 3.0, "{fill}");
        // Its corners are on the axes, not on the diagonals.
        let centre = sprite.side_px / 2;
        assert!(sprite.coverage(centre + 4, centre, SpriteLayer::Fill) > 0.9);
        assert_eq!(
            sprite.coverage(centre + 4, centre + 4, SpriteLayer::Fill),
            0.0
        );
        // The outline is its perimeter (4 × 6√2) times its width.
        let ring = covered(&sprite, SpriteLayer::Stroke);
        let expected = 4.0 * 6.0 * std::f32::consts::SQRT_2 * 1.8;
        assert!((ring - expected).abs() < 6.0, "{ring} against {expected}");
    }

    #[test]
    fn every_polygon_covers_its_area_and_fits_its_sprite() {
        // Areas in radii²: square 2 × 2, triangle 2 wide and 2 high, hexagon 2 × 2 less its
        // four corners.
        for (shape, area) in [
            (SpriteShape::Square, 4.0),
            (SpriteShape::Triangle, 2.0),
            (SpriteShape::Hexagon, 3.0),
        ] {
            let sprite = SpriteGeometry::new(shape, 6.5, 2.6);
            let fill = covered(&sprite, SpriteLayer::Fill);
            let expected = area * 6.5 * 6.5;
            assert!(
                (fill - expected).abs() < 4.0,
                "{shape:?}: {fill} against {expected}"
            );
            let image = sprite.image();
            let width = image.size[0];
            for index in 0..width {
                assert_eq!(image.pixels[index].a(), 0, "{shape:?}: top row");
                let last = (sprite.side_px - 1) * width + index;
                assert_eq!(image.pixels[last].a(), 0, "{shape:?}: bottom row");
            }
            for row in 0..sprite.side_px {
                for column in [0, sprite.side_px - 1, sprite.side_px, width - 1] {
                    assert_eq!(image.pixels[row * width + column].a(), 0, "{shape:?}: edge");
                }
            }
        }
    }

    #[test]
    fn the_triangle_points_up() {
        let sprite = SpriteGeometry::new(SpriteShape::Triangle, 6.5, 1.0);
        let centre = sprite.side_px / 2;
        // Up to the apex, 7.8 above the centre, is inside; below the base (5.2) is not.
        assert_eq!(sprite.coverage(centre, centre - 6, SpriteLayer::Fill), 1.0);
        assert_eq!(sprite.coverage(centre, centre + 7, SpriteLayer::Fill), 0.0);
        // Beside the apex is outside; as far beside, near the base, is inside.
        assert_eq!(
            sprite.coverage(centre + 4, centre - 6, SpriteLayer::Fill),
            0.0
        );
        assert_eq!(
            sprite.coverage(centre + 4, centre + 3, SpriteLayer::Fill),
            1.0
        );
    }

    #[test]
    fn quads_sit_on_the_pixel_grid_around_their_centre() {
        let sprite = SpriteGeometry::new(SpriteShape::Circle, 10.0, 2.0);
        let half = 12.0;
        assert_eq!(sprite.side_px, 24);
        let min = sprite.quad_min_px(Pos2::new(100.3, 50.6), 2.0);
        assert_eq!(min, Pos2::new(201.0 - half, 101.0 - half));
        assert!((min.x + half - 200.6).abs() <= 0.5);
    }

    #[test]
    fn fill_and_outline_use_the_two_halves_of_the_texture() {
        assert_eq!(SpriteGeometry::uv(SpriteLayer::Fill).max.x, 0.5);
        assert_eq!(SpriteGeometry::uv(SpriteLayer::Stroke).min.x, 0.5);
    }
}
