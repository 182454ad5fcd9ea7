//! A frame's shapes written as SVG: what egui was asked to paint, before it became
//! triangles, as vector elements a PDF keeps as vectors and text a reader can search.
//!
//! The exports run a view's own drawing code in a context of their own ([`super::view_svg`])
//! and hand its shapes here: rectangles, circles, ellipses, lines, paths and Bézier curves
//! become the SVG elements of the same name, text becomes `<text>` in the fonts the pages
//! embed ([`text`]), and meshes become polygons, each run of triangles of one colour merged
//! into its outline ([`mesh`]); the sprites of the places and events become the symbols they
//! picture; runs of dashes and dots become one path each ([`document`]). Every shape keeps
//! its clip rectangle.
//!
//! What cannot be written as vectors is refused with an [`Unwritable`] naming it, never
//! dropped: the export then falls back to the view's PNG picture. Those are images and
//! other textured meshes, meshes shaded across their triangles (but for egui's gradient
//! rectangles), paths stroked with a gradient or inside or outside a closed path, blurred
//! rectangles (shadows), bands of varying width and paint callbacks (drawing the GPU does
//! itself). No view painted any of them in the exports tried (the built-in data, a new
//! pair, the large test dataset of scripts/gen-large-dataset.py), in the light theme.

mod document;
mod mesh;
#[cfg(test)]
mod tests;
mod text;

use std::collections::HashMap;
use std::fmt::Write as _;

use eframe::egui::epaint::{
    CircleShape, ClippedShape, ColorMode, CubicBezierShape, EllipseShape, PathShape, PathStroke,
    QuadraticBezierShape, RectShape, StrokeKind,
};
use eframe::egui::{Color32, Pos2, Rect, Shape, Stroke, TextureId, Vec2};

use self::document::SvgText;
use super::svg::text::num;
use crate::views::paint::sprites::SpriteOutline;

/// A shape that cannot be written as vectors: what it is, in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unwritable(pub(crate) &'static str);

impl std::fmt::Display for Unwritable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} cannot be drawn as vectors", self.0)
    }
}

/// What the shapes are drawn on: the canvas's size in points and the sprite textures.
pub(crate) struct Canvas<'a> {
    /// The size in points; the SVG's user units are points.
    pub(crate) size: Vec2,
    /// The shape each sprite texture draws.
    pub(crate) sprites: &'a HashMap<TextureId, SpriteOutline>,
}

/// `shapes`, in painting order, as a standalone SVG document of `canvas.size` user units.
pub(crate) fn shapes_svg(
    shapes: &[ClippedShape],
    canvas: &Canvas<'_>,
) -> Result<String, Unwritable> {
    let (width, height) = (f64::from(canvas.size.x), f64::from(canvas.size.y));
    let mut svg = SvgText::default();
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{w}" height="{h}" viewBox="0 0 {w} {h}">"#,
        w = num(width),
        h = num(height),
    );
    let bounds = Rect::from_min_size(Pos2::ZERO, canvas.size);
    let mut clips = ClipGroups::default();
    for clipped in shapes {
        let clip = clipped.clip_rect.intersect(bounds);
        let drawn = clipped.shape.visual_bounding_rect();
        if !clip.is_positive() || !drawn.intersects(clip) {
            continue;
        }
        let needs_clip = !clip.contains_rect(drawn);
        clips.enter(&mut svg, needs_clip.then_some(clip));
        write_shape(&mut svg, &clipped.shape, canvas)?;
    }
    svg.flush_runs();
    clips.enter(&mut svg, None);
    svg.push_str("</svg>\n");
    Ok(svg.text)
}

/// The clip group the shapes are being written into.
#[derive(Default)]
struct ClipGroups {
    /// The open group's rectangle, if one is open.
    open: Option<Rect>,
}

impl ClipGroups {
    /// Makes `clip` (or none) the clip of what is written next.
    fn enter(&mut self, svg: &mut SvgText, clip: Option<Rect>) {
        if self.open == clip {
            return;
        }
        svg.flush_runs();
        if self.open.take().is_some() {
            svg.push_str("</g>\n");
        }
        if let Some(rect) = clip {
            let id = svg.new_id("clip");
            let _ = writeln!(
                svg,
                r#"<clipPath id="{id}"><rect{}/></clipPath><g clip-path="url(#{id})">"#,
                rect_attributes(rect),
            );
            self.open = Some(rect);
        }
    }
}

/// Writes one shape (and what a [`Shape::Vec`] holds).
fn write_shape(svg: &mut SvgText, shape: &Shape, canvas: &Canvas<'_>) -> Result<(), Unwritable> {
    if !matches!(
        shape,
        Shape::Noop | Shape::Vec(_) | Shape::LineSegment { .. } | Shape::Circle(_)
    ) {
        svg.flush_runs();
    }
    match shape {
        Shape::Noop => {}
        Shape::Vec(shapes) => {
            for shape in shapes {
                write_shape(svg, shape, canvas)?;
            }
        }
        Shape::Circle(circle) => write_circle(svg, circle),
        Shape::Ellipse(ellipse) => write_ellipse(svg, ellipse),
        Shape::LineSegment { points, stroke } => {
            if visible_stroke(*stroke) {
                svg.add_segment(*points, *stroke);
            }
        }
        Shape::Path(path) => write_path(svg, path)?,
        Shape::Rect(rect) => write_rect(svg, rect)?,
        Shape::Text(text) => text::write_text(svg, text),
        Shape::Mesh(mesh) => mesh::write_mesh(svg, mesh, canvas.sprites)?,
        Shape::QuadraticBezier(curve) => write_quadratic(svg, curve)?,
        Shape::CubicBezier(curve) => write_cubic(svg, curve)?,
        Shape::Band(_) => return Err(Unwritable("a band of varying width")),
        Shape::Callback(_) => return Err(Unwritable("a paint callback (drawn by the GPU)")),
    }
    Ok(())
}

fn write_circle(svg: &mut SvgText, circle: &CircleShape) {
    if circle.fill.a() == 0 && !visible_stroke(circle.stroke) {
        return;
    }
    if !visible_stroke(circle.stroke) {
        svg.add_dot(circle.center, circle.radius, circle.fill);
        return;
    }
    svg.flush_runs();
    let _ = writeln!(
        svg,
        r#"<circle cx="{}" cy="{}" r="{}"{}{}/>"#,
        x(circle.center),
        y(circle.center),
        num(f64::from(circle.radius)),
        paint_attributes("fill", circle.fill),
        stroke_attributes(circle.stroke)
    );
}

fn write_ellipse(svg: &mut SvgText, ellipse: &EllipseShape) {
    if ellipse.fill.a() == 0 && !visible_stroke(ellipse.stroke) {
        return;
    }
    let _ = writeln!(
        svg,
        r#"<ellipse cx="{}" cy="{}" rx="{}" ry="{}"{}{}{}/>"#,
        x(ellipse.center),
        y(ellipse.center),
        num(f64::from(ellipse.radius.x)),
        num(f64::from(ellipse.radius.y)),
        rotation(ellipse.angle, ellipse.center),
        paint_attributes("fill", ellipse.fill),
        stroke_attributes(ellipse.stroke)
    );
}

fn write_path(svg: &mut SvgText, path: &PathShape) -> Result<(), Unwritable> {
    let stroke = path_stroke(&path.stroke, path.closed)?;
    let fill = if path.closed {
        path.fill
    } else {
        Color32::TRANSPARENT
    };
    if path.points.len() < 2 || (fill.a() == 0 && !visible_stroke(stroke)) {
        return Ok(());
    }
    let element = if path.closed { "polygon" } else { "polyline" };
    let _ = writeln!(
        svg,
        r#"<{element} points="{}"{}{}/>"#,
        point_list(&path.points),
        paint_attributes("fill", fill),
        stroke_attributes(stroke)
    );
    Ok(())
}

fn write_rect(svg: &mut SvgText, shape: &RectShape) -> Result<(), Unwritable> {
    if shape.brush.is_some() {
        return Err(Unwritable("a textured rectangle (an image)"));
    }
    if shape.blur_width > 0.0 {
        return Err(Unwritable("a blurred rectangle (a shadow)"));
    }
    if shape.fill.a() == 0 && !visible_stroke(shape.stroke) {
        return Ok(());
    }
    // The fill covers the rectangle; the stroke lies inside, across or outside its edge.
    let rounding = shape.corner_radius.average();
    write_rect_element(svg, shape.rect, rounding, shape.fill, Stroke::NONE, shape);
    if visible_stroke(shape.stroke) {
        let half = shape.stroke.width / 2.0;
        let (edge, edge_rounding) = match shape.stroke_kind {
            StrokeKind::Inside => (shape.rect.shrink(half), (rounding - half).max(0.0)),
            StrokeKind::Middle => (shape.rect, rounding),
            StrokeKind::Outside => (shape.rect.expand(half), rounding + half),
        };
        write_rect_element(
            svg,
            edge,
            edge_rounding,
            Color32::TRANSPARENT,
            shape.stroke,
            shape,
        );
    }
    Ok(())
}

/// One `<rect>` of `rect`, rotated as `shape` is.
fn write_rect_element(
    svg: &mut SvgText,
    rect: Rect,
    rounding: f32,
    fill: Color32,
    stroke: Stroke,
    shape: &RectShape,
) {
    if fill.a() == 0 && !visible_stroke(stroke) {
        return;
    }
    let corner = if rounding > 0.0 {
        format!(r#" rx="{}""#, num(f64::from(rounding)))
    } else {
        String::new()
    };
    let _ = writeln!(
        svg,
        "<rect{}{corner}{}{}{}/>",
        rect_attributes(rect),
        rotation(shape.angle, shape.rect.center()),
        paint_attributes("fill", fill),
        stroke_attributes(stroke)
    );
}

fn write_quadratic(svg: &mut SvgText, curve: &QuadraticBezierShape) -> Result<(), Unwritable> {
    let [start, control, end] = curve.points;
    let data = format!(
        "M{} {}Q{} {} {} {}",
        x(start),
        y(start),
        x(control),
        y(control),
        x(end),
        y(end)
    );
    write_curve(svg, &data, curve.closed, curve.fill, &curve.stroke)
}

fn write_cubic(svg: &mut SvgText, curve: &CubicBezierShape) -> Result<(), Unwritable> {
    let [start, first, second, end] = curve.points;
    let data = format!(
        "M{} {}C{} {} {} {} {} {}",
        x(start),
        y(start),
        x(first),
        y(first),
        x(second),
        y(second),
        x(end),
        y(end)
    );
    write_curve(svg, &data, curve.closed, curve.fill, &curve.stroke)
}

/// A curve's `<path>`: closed and filled, or open and stroked.
fn write_curve(
    svg: &mut SvgText,
    data: &str,
    closed: bool,
    fill: Color32,
    stroke: &PathStroke,
) -> Result<(), Unwritable> {
    let stroke = path_stroke(stroke, closed)?;
    let fill = if closed { fill } else { Color32::TRANSPARENT };
    if fill.a() == 0 && !visible_stroke(stroke) {
        return Ok(());
    }
    let close = if closed { "Z" } else { "" };
    let _ = writeln!(
        svg,
        r#"<path d="{data}{close}"{}{}/>"#,
        paint_attributes("fill", fill),
        stroke_attributes(stroke)
    );
    Ok(())
}

/// A path's stroke as a plain stroke, or why it cannot be one.
fn path_stroke(stroke: &PathStroke, closed: bool) -> Result<Stroke, Unwritable> {
    let plain = match stroke.color {
        ColorMode::Solid(color) => Stroke::new(stroke.width, color),
        ColorMode::UV(_) if stroke.width <= 0.0 => Stroke::NONE,
        ColorMode::UV(_) => return Err(Unwritable("a path stroked with a gradient")),
    };
    // SVG strokes across a path's edge; egui can also stroke a closed path inside or outside
    // it (no view does).
    if closed && stroke.kind != StrokeKind::Middle && visible_stroke(plain) {
        return Err(Unwritable(
            "a closed path stroked inside or outside its edge",
        ));
    }
    Ok(plain)
}

/// Whether `stroke` paints anything.
fn visible_stroke(stroke: Stroke) -> bool {
    stroke.width > 0.0 && stroke.color.a() > 0
}

/// ` transform="rotate(…)"` about `pivot` for an angle in radians (clockwise), or nothing.
fn rotation(angle: f32, pivot: Pos2) -> String {
    if angle == 0.0 {
        return String::new();
    }
    format!(
        r#" transform="rotate({} {} {})""#,
        num(f64::from(angle.to_degrees())),
        x(pivot),
        y(pivot)
    )
}

/// `fill="…"` (or `stroke`) with its opacity for egui's premultiplied `color`; `none` when
/// it is transparent.
fn paint_attributes(attribute: &str, color: Color32) -> String {
    if color.a() == 0 {
        return format!(r#" {attribute}="none""#);
    }
    let [r, g, b, a] = color.to_srgba_unmultiplied();
    let mut text = format!(r##" {attribute}="#{r:02x}{g:02x}{b:02x}""##);
    if a < 255 {
        let _ = write!(
            text,
            r#" {attribute}-opacity="{}""#,
            num(f64::from(a) / 255.0)
        );
    }
    text
}

/// The stroke's paint and width, or nothing when it paints nothing.
fn stroke_attributes(stroke: Stroke) -> String {
    if !visible_stroke(stroke) {
        return String::new();
    }
    format!(
        r#"{} stroke-width="{}""#,
        paint_attributes("stroke", stroke.color),
        num(f64::from(stroke.width))
    )
}

/// ` x="…" y="…" width="…" height="…"` of `rect`.
fn rect_attributes(rect: Rect) -> String {
    format!(
        r#" x="{}" y="{}" width="{}" height="{}""#,
        x(rect.min),
        y(rect.min),
        num(f64::from(rect.width())),
        num(f64::from(rect.height()))
    )
}

/// `x,y x,y …` for a `points` attribute.
fn point_list(points: &[Pos2]) -> String {
    let mut text = String::with_capacity(points.len() * 12);
    for (index, point) in points.iter().enumerate() {
        if index > 0 {
            text.push(' ');
        }
        let _ = write!(text, "{},{}", x(*point), y(*point));
    }
    text
}

/// A point's x as SVG writes it.
fn x(point: Pos2) -> String {
    num(f64::from(point.x))
}

/// A point's y as SVG writes it.
fn y(point: Pos2) -> String {
    num(f64::from(point.y))
}
