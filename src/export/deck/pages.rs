//! Pages' SVGs made into a PDF (krilla, with krilla-svg drawing each SVG: vectors stay
//! vectors and text stays text, in subsets of the embedded fonts) or into PNG pictures
//! (resvg), with the app's own fonts so every machine writes the same pages.

use std::sync::{Arc, OnceLock};

use krilla::geom::Size;
use krilla::page::PageSettings;
use krilla::{Document, metadata::Metadata};
use krilla_svg::{SurfaceExt as _, SvgSettings};
use resvg::{tiny_skia, usvg};

use super::page::{PAGE_FONT_FAMILY, PAGE_HEIGHT, PAGE_WIDTH};
use crate::assets::{EGUI_ICONS_TTF, HACK_REGULAR_TTF, UBUNTU_LIGHT_TTF};

/// A PDF page's width in points: 13.33 inches, a 16:9 presentation slide.
const PDF_PAGE_WIDTH_PT: f32 = 960.0;
/// A PDF page's height in points: 7.5 inches.
const PDF_PAGE_HEIGHT_PT: f32 = 540.0;

/// Pixels per SVG user unit of a PNG page: 2560 × 1440 pixels.
pub(crate) const PNG_PAGE_SCALE: f32 = 2.0;

/// The fonts pages are drawn with: the app's own (Ubuntu Light for text, Hack for
/// monospace, egui's icons for the signs the views draw from them) first, then the
/// system's for scripts those lack. Loaded once.
fn font_database() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut fonts = usvg::fontdb::Database::new();
            for font in [UBUNTU_LIGHT_TTF, HACK_REGULAR_TTF, EGUI_ICONS_TTF] {
                match font.inflate() {
                    Ok(bytes) => fonts.load_font_data(bytes),
                    Err(error) => log::error!("an embedded font could not be read: {error}"),
                }
            }
            fonts.load_system_fonts();
            fonts.set_sans_serif_family(PAGE_FONT_FAMILY);
            fonts.set_monospace_family("Hack");
            Arc::new(fonts)
        })
        .clone()
}

/// `svg` parsed with the pages' fonts.
fn parse(svg: &str) -> Result<usvg::Tree, String> {
    let options = usvg::Options {
        fontdb: font_database(),
        font_family: PAGE_FONT_FAMILY.to_owned(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).map_err(|error| format!("a page is malformed: {error}"))
}

/// A PDF of `pages` (SVG documents), one 16:9 page each, titled `title`.
pub(crate) fn pdf_of_pages(title: &str, pages: &[String]) -> Result<Vec<u8>, String> {
    let size = Size::from_wh(PDF_PAGE_WIDTH_PT, PDF_PAGE_HEIGHT_PT).ok_or("no page size")?;
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(title.to_owned())
            .creator("Bilateral".to_owned()),
    );
    for svg in pages {
        let tree = parse(svg)?;
        let mut page = document.start_page_with(PageSettings::new(size));
        let mut surface = page.surface();
        surface
            .draw_svg(&tree, size, SvgSettings::default())
            .ok_or("a page could not be drawn")?;
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|error| format!("the PDF could not be written: {error:?}"))
}

/// `svg` (one page) drawn as PNG bytes at [`PNG_PAGE_SCALE`] pixels per unit.
pub(crate) fn png_of_page(svg: &str) -> Result<Vec<u8>, String> {
    let tree = parse(svg)?;
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a page's size in pixels, 2560 × 1440"
    )]
    let (width, height) = (
        (PAGE_WIDTH * f64::from(PNG_PAGE_SCALE)).round() as u32,
        (PAGE_HEIGHT * f64::from(PNG_PAGE_SCALE)).round() as u32,
    );
    let mut pixmap = tiny_skia::Pixmap::new(width, height).ok_or("no room for the picture")?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(PNG_PAGE_SCALE, PNG_PAGE_SCALE),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|error| format!("could not encode the PNG: {error}"))
}
