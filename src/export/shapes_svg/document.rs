//! The SVG document being written: its text, the ids it has given (clip paths, gradients),
//! and runs of small shapes written together. A dashed line is hundreds of line segments of
//! one stroke and a dotted one hundreds of dots of one colour (the map's outlines by stance):
//! each run becomes one `<path>`, the segments as moves and lines, the dots as round caps of
//! lines of no length, which every SVG and PDF reader draws as a dot of the stroke's width.
//! On the built-in map that is a sixth of the file; on a map of thousands of dotted outlines,
//! most of it.

use std::fmt::Write as _;

use eframe::egui::{Color32, Pos2, Stroke};

use super::{paint_attributes, stroke_attributes, x, y};
use crate::export::svg::text::num;

/// The document being written.
#[derive(Default)]
pub(super) struct SvgText {
    /// What is written so far.
    pub(super) text: String,
    /// How many ids were given.
    ids: usize,
    /// The run of small shapes waiting to be written.
    run: Run,
}

/// Small shapes of one paint, in painting order.
#[derive(Default)]
enum Run {
    #[default]
    Empty,
    /// Line segments of one stroke.
    Segments(Stroke, Vec<[Pos2; 2]>),
    /// Filled circles of one radius (its bits) and one colour.
    Dots(u32, Color32, Vec<Pos2>),
}

impl SvgText {
    /// A new id, unique in the document, starting with `prefix`.
    pub(super) fn new_id(&mut self, prefix: &str) -> String {
        self.ids += 1;
        format!("{prefix}{}", self.ids)
    }

    /// Adds a line segment to the run of its stroke.
    pub(super) fn add_segment(&mut self, points: [Pos2; 2], stroke: Stroke) {
        if let Run::Segments(run_stroke, segments) = &mut self.run
            && *run_stroke == stroke
        {
            segments.push(points);
            return;
        }
        self.flush_runs();
        self.run = Run::Segments(stroke, vec![points]);
    }

    /// Adds a filled circle without an outline to the run of its radius and colour.
    pub(super) fn add_dot(&mut self, centre: Pos2, radius: f32, fill: Color32) {
        if let Run::Dots(run_radius, run_fill, dots) = &mut self.run
            && *run_radius == radius.to_bits()
            && *run_fill == fill
        {
            dots.push(centre);
            return;
        }
        self.flush_runs();
        self.run = Run::Dots(radius.to_bits(), fill, vec![centre]);
    }

    /// Writes the waiting run: one element for one shape, one `<path>` for more.
    pub(super) fn flush_runs(&mut self) {
        match std::mem::take(&mut self.run) {
            Run::Empty => {}
            Run::Segments(stroke, segments) => self.write_segments(stroke, &segments),
            Run::Dots(radius, fill, dots) => self.write_dots(f32::from_bits(radius), fill, &dots),
        }
    }

    fn write_segments(&mut self, stroke: Stroke, segments: &[[Pos2; 2]]) {
        let stroke = stroke_attributes(stroke);
        if let [[from, to]] = segments {
            let _ = writeln!(
                self.text,
                r#"<line x1="{}" y1="{}" x2="{}" y2="{}"{stroke}/>"#,
                x(*from),
                y(*from),
                x(*to),
                y(*to),
            );
            return;
        }
        let mut data = String::with_capacity(segments.len() * 24);
        for [from, to] in segments {
            let _ = write!(data, "M{} {}L{} {}", x(*from), y(*from), x(*to), y(*to));
        }
        let _ = writeln!(self.text, r#"<path d="{data}" fill="none"{stroke}/>"#);
    }

    fn write_dots(&mut self, radius: f32, fill: Color32, dots: &[Pos2]) {
        // A path of dots all in one place has no extent, and PDF writers drop such a path:
        // one dot, or dots on one spot, are circles.
        if dots.iter().all(|dot| *dot == dots[0]) {
            for dot in dots {
                let _ = writeln!(
                    self.text,
                    r#"<circle cx="{}" cy="{}" r="{}"{}/>"#,
                    x(*dot),
                    y(*dot),
                    num(f64::from(radius)),
                    paint_attributes("fill", fill)
                );
            }
            return;
        }
        let mut data = String::with_capacity(dots.len() * 16);
        for dot in dots {
            let _ = write!(data, "M{} {}h0", x(*dot), y(*dot));
        }
        let _ = writeln!(
            self.text,
            r#"<path d="{data}" fill="none"{} stroke-linecap="round"/>"#,
            stroke_attributes(Stroke::new(2.0 * radius, fill))
        );
    }
}

impl std::ops::Deref for SvgText {
    type Target = String;

    fn deref(&self) -> &String {
        &self.text
    }
}

impl std::ops::DerefMut for SvgText {
    fn deref_mut(&mut self) -> &mut String {
        &mut self.text
    }
}
