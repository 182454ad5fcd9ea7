//! Text as SVG `<text>`: each row of a galley, in runs of one format, at the place and
//! size egui laid it out, in the font the pages embed for egui's family (Ubuntu Light for
//! proportional text, Hack for monospace), so that a PDF keeps it as text a reader can
//! search and copy. Each run is stretched to egui's width (`textLength`), so that the
//! layout (what fits, what lines up) is the one on screen.

use std::fmt::Write as _;

use eframe::egui::epaint::TextShape;
use eframe::egui::epaint::text::{ByteIndex, Glyph, LayoutJob, TextFormat};
use eframe::egui::{Color32, FontFamily, Pos2, Rect, Stroke, pos2};

use super::{SvgText, paint_attributes, rect_attributes, rotation, stroke_attributes, x, y};
use crate::export::svg::text::{escape_xml, num};

/// The SVG font family (and weight) of egui's proportional font, Ubuntu Light.
const PROPORTIONAL: &str = r#"font-family="Ubuntu, sans-serif" font-weight="300""#;
/// The SVG font family of egui's monospace font, Hack.
const MONOSPACE: &str = r#"font-family="Hack, monospace""#;

/// Writes the text of `shape`, row by row.
pub(super) fn write_text(svg: &mut SvgText, shape: &TextShape) {
    let galley = &shape.galley;
    let job = &galley.job;
    let rotated = rotation(shape.angle, shape.pos);
    if !rotated.is_empty() {
        let _ = writeln!(svg, "<g{rotated}>");
    }
    let sections = GlyphSections::new(job);
    let mut char_index = 0;
    for placed in &galley.rows {
        let origin = shape.pos + placed.pos.to_vec2();
        let glyphs = &placed.row.glyphs;
        let mut start = 0;
        while start < glyphs.len() {
            let section = sections.of(char_index + start);
            let mut end = start + 1;
            while end < glyphs.len() && sections.of(char_index + end) == section {
                end += 1;
            }
            if let Some(format) = job.sections.get(section).map(|s| &s.format) {
                write_run(svg, shape, format, origin, &glyphs[start..end]);
            }
            start = end;
        }
        let underline = Stroke::new(
            shape.underline.width,
            shape.underline.color.gamma_multiply(shape.opacity_factor),
        );
        if visible(underline) {
            let row = placed.rect().translate(shape.pos.to_vec2());
            write_line(svg, row.left_bottom(), row.right_bottom(), underline);
        }
        char_index += glyphs.len() + usize::from(placed.ends_with_newline);
    }
    if !rotated.is_empty() {
        svg.push_str("</g>\n");
    }
}

/// Which section of a layout job each character is in.
struct GlyphSections {
    /// The section of each character of the job's text, in order.
    of_char: Vec<usize>,
}

impl GlyphSections {
    fn new(job: &LayoutJob) -> Self {
        let of_char = job
            .text
            .char_indices()
            .map(|(byte, _)| {
                job.sections
                    .iter()
                    .position(|section| section.byte_range.contains(&ByteIndex(byte)))
                    .unwrap_or(0)
            })
            .collect();
        Self { of_char }
    }

    /// The section of character `index`; an ellipsis egui added past the text takes the
    /// last character's.
    fn of(&self, index: usize) -> usize {
        self.of_char
            .get(index)
            .or(self.of_char.last())
            .copied()
            .unwrap_or(0)
    }
}

/// Writes one run of glyphs of one format: its background, its text, its lines.
fn write_run(
    svg: &mut SvgText,
    shape: &TextShape,
    format: &TextFormat,
    origin: Pos2,
    glyphs: &[Glyph],
) {
    let fade = |color: Color32| {
        let color = if color == Color32::PLACEHOLDER {
            shape.fallback_color
        } else {
            color
        };
        color.gamma_multiply(shape.opacity_factor)
    };
    let (Some(first), Some(last)) = (glyphs.first(), glyphs.last()) else {
        return;
    };
    let logical = Rect::from_min_max(
        origin + first.logical_rect().min.to_vec2(),
        origin + last.logical_rect().max.to_vec2(),
    );
    let background = fade(format.background);
    if background.a() > 0 {
        let rect = logical.expand(format.expand_bg);
        let _ = writeln!(
            svg,
            "<rect{}{}/>",
            rect_attributes(rect),
            paint_attributes("fill", background)
        );
    }
    let color = fade(shape.override_text_color.unwrap_or(format.color));
    // Spaces at either end are written as where the text starts and how wide it is.
    let inked: Vec<&Glyph> = glyphs.iter().collect();
    let first_inked = inked.iter().position(|glyph| !glyph.chr.is_whitespace());
    let last_inked = inked.iter().rposition(|glyph| !glyph.chr.is_whitespace());
    if let (Some(first_inked), Some(last_inked), true) = (first_inked, last_inked, color.a() > 0) {
        let inked = &inked[first_inked..=last_inked];
        let text: String = inked.iter().map(|glyph| glyph.chr).collect();
        let start = origin + inked[0].pos.to_vec2();
        let width = inked[inked.len() - 1].max_x() - inked[0].pos.x;
        let family = match &format.font_id.family {
            FontFamily::Proportional => PROPORTIONAL.to_owned(),
            FontFamily::Monospace => MONOSPACE.to_owned(),
            FontFamily::Name(name) => format!(r#"font-family="{}""#, escape_xml(name)),
        };
        let italic = if format.italics {
            r#" font-style="italic""#
        } else {
            ""
        };
        let length = if inked.len() > 1 && width > 0.0 {
            format!(
                r#" textLength="{}" lengthAdjust="spacing""#,
                num(f64::from(width))
            )
        } else {
            String::new()
        };
        let _ = writeln!(
            svg,
            r#"<text x="{}" y="{}" font-size="{}" {family}{italic}{}{length} xml:space="preserve">{}</text>"#,
            x(start),
            y(start),
            num(f64::from(format.font_id.size)),
            paint_attributes("fill", color),
            escape_xml(&text)
        );
    }
    let underline = Stroke::new(format.underline.width, fade(format.underline.color));
    if visible(underline) {
        let y = logical.bottom();
        write_line(
            svg,
            pos2(logical.left(), y),
            pos2(logical.right(), y),
            underline,
        );
    }
    let strikethrough = Stroke::new(format.strikethrough.width, fade(format.strikethrough.color));
    if visible(strikethrough) {
        let y = logical.center().y;
        write_line(
            svg,
            pos2(logical.left(), y),
            pos2(logical.right(), y),
            strikethrough,
        );
    }
}

/// Whether `stroke` paints anything.
fn visible(stroke: Stroke) -> bool {
    stroke.width > 0.0 && stroke.color.a() > 0
}

/// A line under or through text.
fn write_line(svg: &mut SvgText, from: Pos2, to: Pos2, stroke: Stroke) {
    let _ = writeln!(
        svg,
        r#"<line x1="{}" y1="{}" x2="{}" y2="{}"{}/>"#,
        x(from),
        y(from),
        x(to),
        y(to),
        stroke_attributes(stroke)
    );
}
