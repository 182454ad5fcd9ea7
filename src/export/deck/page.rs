//! One slide as a page: an SVG of 1280 × 720 user units (16:9) with the slide's title and
//! number, its picture (a vector drawing of the view, or its PNG picture where the view
//! paints what vectors cannot hold), the caption, and the sources as text. The PDF writer and the PNG pages both
//! draw this SVG, so the two hand-outs show the same page.

use std::fmt::Write as _;

use base64::Engine as _;

use crate::export::svg::text::{escape_xml, num, wrap_words};

/// Width of a page in SVG user units.
pub(crate) const PAGE_WIDTH: f64 = 1280.0;
/// Height of a page in SVG user units.
pub(crate) const PAGE_HEIGHT: f64 = 720.0;
/// The font the pages name first; [`super::pages`] loads it from the app's own copy.
pub(crate) const PAGE_FONT_FAMILY: &str = "Ubuntu";

const MARGIN: f64 = 48.0;
const TITLE_PX: f64 = 34.0;
const NUMBER_PX: f64 = 18.0;
const CAPTION_PX: f64 = 22.0;
const CAPTION_LINE: f64 = 29.0;
const SOURCE_PX: f64 = 13.0;
const SOURCE_LINE: f64 = 17.0;
/// About how wide a character of the page font is, in font sizes (Ubuntu Light is narrow).
const CHAR_WIDTH_EM: f64 = 0.5;
/// At most this many caption lines; a longer caption ends in an ellipsis.
const MAX_CAPTION_LINES: usize = 4;
/// At most this many source lines.
const MAX_SOURCE_LINES: usize = 4;
const TEXT_COLOR: &str = "#1a1a1a";
const MUTED_COLOR: &str = "#555555";

/// What fills the middle of a page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum SlidePicture {
    /// A standalone SVG document (the trade chart's, or any view's shapes), drawn as vectors.
    Svg(String),
    /// PNG bytes of the view, drawn as an image: the fallback for a view that paints what
    /// vectors cannot hold.
    Png(Vec<u8>),
}

/// Everything a page prints.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PageText {
    /// The slide's title.
    pub(crate) title: String,
    /// 1-based number of the slide.
    pub(crate) number: usize,
    /// How many slides the story has.
    pub(crate) count: usize,
    /// The caption for the audience (may be empty).
    pub(crate) caption: String,
    /// Full citations of the sources behind the slide.
    pub(crate) citations: Vec<String>,
}

/// The size the picture of a page gets, in SVG user units, for a page with `text`.
pub(crate) fn picture_size(text: &PageText) -> (f64, f64) {
    let (top, bottom) = picture_band(text);
    (PAGE_WIDTH - 2.0 * MARGIN, bottom - top)
}

/// The page of `text` around `picture` as a standalone SVG document.
pub(crate) fn page_svg(text: &PageText, picture: &SlidePicture) -> String {
    let caption = caption_lines(&text.caption);
    let sources = source_lines(&text.citations);
    let (picture_top, picture_bottom) = picture_band(text);
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{PAGE_FONT_FAMILY}, sans-serif">"#,
        w = num(PAGE_WIDTH),
        h = num(PAGE_HEIGHT),
    );
    let _ = writeln!(
        svg,
        r##"<rect x="0" y="0" width="{}" height="{}" fill="#ffffff"/>"##,
        num(PAGE_WIDTH),
        num(PAGE_HEIGHT)
    );
    let number = format!("{} / {}", text.number, text.count);
    let title_chars = chars_that_fit(
        PAGE_WIDTH
            - 2.0 * MARGIN
            - lines_f64(number.chars().count()) * NUMBER_PX * CHAR_WIDTH_EM
            - 24.0,
        TITLE_PX * 1.1,
    );
    let _ = writeln!(
        svg,
        r#"<text class="slide-title" x="{}" y="{}" font-size="{}" font-weight="bold" fill="{TEXT_COLOR}">{}</text>"#,
        num(MARGIN),
        num(MARGIN + TITLE_PX * 0.8),
        num(TITLE_PX),
        escape_xml(&shorten(&text.title, title_chars))
    );
    let _ = writeln!(
        svg,
        r#"<text class="slide-number" x="{}" y="{}" font-size="{}" text-anchor="end" fill="{MUTED_COLOR}">{}</text>"#,
        num(PAGE_WIDTH - MARGIN),
        num(MARGIN + TITLE_PX * 0.8),
        num(NUMBER_PX),
        escape_xml(&number)
    );
    write_picture(
        &mut svg,
        picture,
        (MARGIN, picture_top),
        (PAGE_WIDTH - 2.0 * MARGIN, picture_bottom - picture_top),
    );
    let mut baseline = picture_bottom + 12.0 + CAPTION_PX;
    for line in &caption {
        let _ = writeln!(
            svg,
            r#"<text class="caption" x="{}" y="{}" font-size="{}" fill="{TEXT_COLOR}">{}</text>"#,
            num(MARGIN),
            num(baseline),
            num(CAPTION_PX),
            escape_xml(line)
        );
        baseline += CAPTION_LINE;
    }
    let mut baseline = PAGE_HEIGHT - MARGIN * 0.6 - SOURCE_LINE * (lines_f64(sources.len()) - 1.0);
    for line in &sources {
        let _ = writeln!(
            svg,
            r#"<text class="sources" x="{}" y="{}" font-size="{}" fill="{MUTED_COLOR}">{}</text>"#,
            num(MARGIN),
            num(baseline),
            num(SOURCE_PX),
            escape_xml(line)
        );
        baseline += SOURCE_LINE;
    }
    let _ = writeln!(svg, "</svg>");
    svg
}

/// The top and bottom of the picture: below the title, above the caption and sources.
fn picture_band(text: &PageText) -> (f64, f64) {
    let caption_lines = lines_f64(caption_lines(&text.caption).len());
    let source_lines = lines_f64(source_lines(&text.citations).len());
    let top = MARGIN + TITLE_PX + 16.0;
    let below = MARGIN * 0.6
        + SOURCE_LINE * source_lines
        + if caption_lines > 0.0 {
            12.0 + CAPTION_LINE * caption_lines
        } else {
            0.0
        }
        + 8.0;
    (top, PAGE_HEIGHT - below)
}

/// A count of lines or characters as a length factor.
fn lines_f64(count: usize) -> f64 {
    u32::try_from(count).map_or(f64::from(u32::MAX), f64::from)
}

/// How many characters of a font of `font_px` fit in `width`.
fn chars_that_fit(width: f64, font_px: f64) -> usize {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a positive count of characters on a page"
    )]
    let chars = (width / (font_px * CHAR_WIDTH_EM)).floor().max(8.0) as usize;
    chars
}

/// `text` cut to `max_chars` characters with an ellipsis.
fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let mut short: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    short.push('…');
    short
}

/// The caption wrapped to the page, at most [`MAX_CAPTION_LINES`] lines.
fn caption_lines(caption: &str) -> Vec<String> {
    let width = chars_that_fit(PAGE_WIDTH - 2.0 * MARGIN, CAPTION_PX);
    limit_lines(wrap_words(caption, width), MAX_CAPTION_LINES, width)
}

/// "Sources: …" and the credit, wrapped, at most [`MAX_SOURCE_LINES`] lines.
fn source_lines(citations: &[String]) -> Vec<String> {
    let text = if citations.is_empty() {
        "Made with Bilateral.".to_owned()
    } else {
        format!("Sources: {}. Made with Bilateral.", citations.join("; "))
    };
    let width = chars_that_fit(PAGE_WIDTH - 2.0 * MARGIN, SOURCE_PX);
    limit_lines(wrap_words(&text, width), MAX_SOURCE_LINES, width)
}

/// `lines` cut to `max_lines`, the last one ending in an ellipsis when some were cut.
fn limit_lines(mut lines: Vec<String>, max_lines: usize, width: usize) -> Vec<String> {
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            *last = shorten(&format!("{last} …"), width);
        }
    }
    lines
}

/// Draws `picture` into the box at `origin` of `size`, keeping its proportions.
fn write_picture(svg: &mut String, picture: &SlidePicture, origin: (f64, f64), size: (f64, f64)) {
    let (x, y) = origin;
    let (width, height) = size;
    match picture {
        SlidePicture::Svg(document) => {
            let Some((view_box, inner)) = svg_parts(document) else {
                return;
            };
            let _ = writeln!(
                svg,
                r#"<svg class="picture" x="{}" y="{}" width="{}" height="{}" viewBox="{}" preserveAspectRatio="xMidYMid meet">"#,
                num(x),
                num(y),
                num(width),
                num(height),
                escape_xml(view_box)
            );
            svg.push_str(inner);
            let _ = writeln!(svg, "</svg>");
        }
        SlidePicture::Png(bytes) => {
            let data = base64::engine::general_purpose::STANDARD.encode(bytes);
            let _ = writeln!(
                svg,
                r#"<image class="picture" x="{}" y="{}" width="{}" height="{}" preserveAspectRatio="xMidYMid meet" xlink:href="data:image/png;base64,{data}"/>"#,
                num(x),
                num(y),
                num(width),
                num(height),
            );
        }
    }
}

/// The `viewBox` of a standalone SVG document and what its root element holds.
fn svg_parts(document: &str) -> Option<(&str, &str)> {
    let root = document.find("<svg")?;
    let open_end = root + document[root..].find('>')?;
    let open_tag = &document[root..open_end];
    let view_box_start = open_tag.find("viewBox=\"")? + "viewBox=\"".len();
    let view_box_len = open_tag[view_box_start..].find('"')?;
    let view_box = &open_tag[view_box_start..view_box_start + view_box_len];
    let close = document.rfind("</svg>")?;
    Some((view_box, document.get(open_end + 1..close)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(caption: &str, citations: &[&str]) -> PageText {
        PageText {
            title: "Trade <falls>".into(),
            number: 2,
            count: 6,
            caption: caption.into(),
            citations: citations.iter().map(|c| (*c).to_owned()).collect(),
        }
    }

    #[test]
    fn a_page_has_its_title_number_caption_and_sources_as_text() {
        let chart = r#"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1200 700" width="1200px"><circle class="marker" r="5"/></svg>"#;
        let page = page_svg(
            &text("Turnover fell & recovered.", &["IMF DOTS 2024"]),
            &SlidePicture::Svg(chart.into()),
        );
        let tree = resvg::usvg::roxmltree::Document::parse(&page).expect("well-formed");
        let texts = |class: &str| -> Vec<String> {
            tree.descendants()
                .filter(|node| node.attribute("class") == Some(class))
                .map(|node| node.text().unwrap_or_default().to_owned())
                .collect()
        };
        assert_eq!(texts("slide-title"), ["Trade <falls>"]);
        assert_eq!(texts("slide-number"), ["2 / 6"]);
        assert_eq!(texts("caption"), ["Turnover fell & recovered."]);
        assert_eq!(
            texts("sources"),
            ["Sources: IMF DOTS 2024. Made with Bilateral."]
        );
        let picture = tree
            .descendants()
            .find(|node| node.attribute("class") == Some("picture"))
            .expect("the chart");
        assert_eq!(picture.attribute("viewBox"), Some("0 0 1200 700"));
        assert!(
            picture
                .descendants()
                .any(|node| node.attribute("class") == Some("marker"))
        );
    }

    #[test]
    fn a_long_caption_is_wrapped_and_cut_and_the_picture_makes_room() {
        let long = "word ".repeat(400);
        let short_page = text("", &[]);
        let long_page = text(&long, &["a"; 3]);
        assert_eq!(caption_lines(&long).len(), MAX_CAPTION_LINES);
        assert!(caption_lines(&long)[MAX_CAPTION_LINES - 1].ends_with('…'));
        assert!(picture_size(&long_page).1 < picture_size(&short_page).1);
        assert!(picture_size(&long_page).1 > 200.0);
        let page = page_svg(&long_page, &SlidePicture::Png(vec![1, 2, 3]));
        assert!(page.contains(r#"xlink:href="data:image/png;base64,AQID""#));
    }
}
