//! A story handed out: one page per slide, as a PDF or as numbered PNG pictures.
//!
//! Each page ([`page`]) is an SVG with the slide's title and number, its picture, its
//! caption and its sources; the trade chart is the chart's own SVG export, and the other
//! views are their own drawing written as SVG ([`super::view_svg`]), so the pictures stay
//! vector drawings in the PDF, their text as text (a view that paints what vectors cannot
//! hold comes as its PNG export at twice the pixels). [`pages`] makes the pages into a PDF with
//! krilla (text as text, fonts embedded) or into PNGs with resvg. The window's File ▸
//! Export story and `bilateral export --story` both call [`story_pages`].

mod page;
mod pages;

pub(crate) use self::page::{PageText, SlidePicture, page_svg};
pub(crate) use self::pages::{pdf_of_pages, png_of_page};

use eframe::egui;

use super::svg::{SvgOptions, trade_chart_svg};
use super::view_png::{ViewPicture, view_citations};
use crate::data::Dataset;
use crate::data::geojson::GeoLayer;
use crate::display::format::source_citation;
use crate::views::cache::ViewCaches;
use crate::views::slide_state::apply_slide;
use crate::views::{TimeCursor, ViewKind, ViewStates};

/// What the pages are drawn from: the data, the views' states the slides start from, and
/// the caches refreshed for the data and the chart's options.
pub(crate) struct StorySource<'a> {
    /// The data.
    pub(crate) dataset: &'a Dataset,
    /// GeoJSON layers on the map.
    pub(crate) layers: &'a [GeoLayer],
    /// The caches refreshed for `dataset` (the chart model, the map).
    pub(crate) caches: &'a ViewCaches,
    /// The time cursor before the first slide.
    pub(crate) cursor: &'a TimeCursor,
    /// The views' states before the first slide.
    pub(crate) states: &'a ViewStates,
}

/// Draws a view's picture: [`super::view_svg::render_slide_picture`] (vectors, or the PNG
/// picture where a view paints what vectors cannot hold) in the app and on the command line;
/// tests pass stand-ins.
pub(crate) type RenderView<'r> = dyn FnMut(&ViewPicture<'_>) -> Result<SlidePicture, String> + 'r;

/// The pages (SVG documents) of `slides`, in order.
pub(crate) fn story_pages(
    source: &StorySource<'_>,
    slides: &[crate::data::Slide],
    render_view: &mut RenderView<'_>,
) -> Result<Vec<String>, String> {
    let mut cursor = source.cursor.clone();
    let mut states = source.states.clone();
    let mut pages = Vec::with_capacity(slides.len());
    for (index, slide) in slides.iter().enumerate() {
        let view = apply_slide(slide, &mut cursor, &mut states);
        let citations = if slide.sources.is_empty() {
            view_citations(source.dataset, source.caches, view)
        } else {
            slide
                .sources
                .iter()
                .map(|id| source_citation(source.dataset, id))
                .collect()
        };
        let text = PageText {
            title: slide.title.clone(),
            number: index + 1,
            count: slides.len(),
            caption: slide.caption.clone(),
            citations,
        };
        let (width, height) = page::picture_size(&text);
        let picture = if view == ViewKind::Trade {
            #[expect(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "a picture's size on a page, at most 1280 units"
            )]
            let options = SvgOptions {
                width_px: width.round() as u32,
                height_px: height.round() as u32,
                event_marks: Vec::new(),
            };
            // The chart as the slide asks (its series and options), else as the window has it.
            let model = crate::chart::build(source.dataset, &states.trade.options);
            SlidePicture::Svg(trade_chart_svg(source.dataset, &model, &options))
        } else {
            #[expect(
                clippy::cast_possible_truncation,
                reason = "a picture's size on a page, at most 1280 units"
            )]
            let size_points = egui::vec2(width as f32, height as f32);
            render_view(&ViewPicture {
                dataset: source.dataset,
                layers: source.layers,
                caches: source.caches,
                view,
                cursor: &cursor,
                states: &states,
                size_points,
                dark: false,
            })
            .map_err(|error| format!("slide {}: {error}", index + 1))?
        };
        pages.push(page_svg(&text, &picture));
    }
    Ok(pages)
}

/// The file name of the PNG of page `number` (1-based) of `count`: `slide-1.png`, zero
/// padded to as many digits as `count` has, so that the files sort in order.
pub(crate) fn png_page_name(number: usize, count: usize) -> String {
    let digits = count.max(9).to_string().len();
    format!("slide-{number:0digits$}.png")
}

#[cfg(test)]
mod tests {
    use std::process::Command;

    use super::*;
    use crate::chart::ChartOptions;
    use crate::data::SlideView;
    use crate::data::builtin::builtin_dataset;

    /// A one-pixel PNG, standing in for a view drawn by the GPU.
    fn stand_in_png(_: &ViewPicture<'_>) -> Result<SlidePicture, String> {
        let mut bytes = Vec::new();
        image::RgbaImage::from_pixel(1, 1, image::Rgba([200, 0, 0, 255]))
            .write_to(
                &mut std::io::Cursor::new(&mut bytes),
                image::ImageFormat::Png,
            )
            .map_err(|error| error.to_string())?;
        Ok(SlidePicture::Png(bytes))
    }

    /// A view's picture as the exports draw it, as vectors only: falling back to the PNG
    /// would need a GPU, and would mean a shape the writer cannot draw.
    fn vector_picture(picture: &ViewPicture<'_>) -> Result<SlidePicture, String> {
        crate::export::view_svg::render_view_svg(picture)
            .map(SlidePicture::Svg)
            .map_err(|unwritable| unwritable.to_string())
    }

    fn builtin_pages() -> (Dataset, Vec<String>) {
        builtin_pages_drawn_by(&mut stand_in_png)
    }

    fn builtin_pages_drawn_by(render: &mut RenderView<'_>) -> (Dataset, Vec<String>) {
        let dataset = builtin_dataset().expect("built-in loads");
        let mut caches = ViewCaches::default();
        caches.refresh(&dataset, 0, &ChartOptions::default());
        let mut states = ViewStates::default();
        states.on_dataset_changed(&dataset);
        let source = StorySource {
            dataset: &dataset,
            layers: &[],
            caches: &caches,
            cursor: &TimeCursor::at(2024),
            states: &states,
        };
        let pages =
            story_pages(&source, &dataset.stories[0].slides, render).expect("pages are drawn");
        (dataset, pages)
    }

    /// What poppler's `tool` prints for `pdf` (poppler-utils, from
    /// scripts/install-system-deps.sh): the text a reader searches and copies.
    fn poppler(tool: &str, pdf: &[u8], extra: &[&str]) -> String {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("story.pdf");
        std::fs::write(&path, pdf).expect("written");
        let output = Command::new(tool)
            .args(extra)
            .arg(&path)
            .args(if tool == "pdftotext" {
                &["-"][..]
            } else {
                &[][..]
            })
            .output()
            .unwrap_or_else(|error| {
                panic!("{tool} (poppler-utils, scripts/install-system-deps.sh): {error}")
            });
        assert!(output.status.success(), "{tool} failed on the PDF");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    #[test]
    fn the_story_pdf_has_a_page_per_slide_with_titles_captions_and_sources_as_text() {
        let (dataset, pages) = builtin_pages();
        assert_eq!(pages.len(), dataset.stories[0].slides.len());
        let pdf = pdf_of_pages(&dataset.metadata.title, &pages).expect("a PDF");
        let info = poppler("pdfinfo", &pdf, &[]);
        assert!(
            info.lines()
                .any(|line| line.split_whitespace().collect::<Vec<_>>()
                    == ["Pages:", &dataset.stories[0].slides.len().to_string()]),
            "{info}"
        );
        assert!(info.contains("960 x 540 pts"), "{info}");
        let fonts = poppler("pdffonts", &pdf, &[]);
        let font_rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!font_rows.is_empty(), "{fonts}");
        // Every font is embedded ("emb" yes), as a subset, with a map back to Unicode.
        assert!(
            font_rows.iter().all(|row| row.contains(" yes yes yes ")),
            "{fonts}"
        );
        // Text as the reader extracts it, whitespace collapsed (lines break where they wrap).
        let text = poppler("pdftotext", &pdf, &[])
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for slide in &dataset.stories[0].slides {
            assert!(text.contains(&slide.title), "title {:?}", slide.title);
            let caption = slide
                .caption
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            assert!(text.contains(&caption), "caption {caption:?}");
            for id in &slide.sources {
                let citation = source_citation(&dataset, id);
                let citation = citation.split_whitespace().collect::<Vec<_>>().join(" ");
                assert!(text.contains(&citation), "source {citation:?}");
            }
        }
        // The trade chart is drawn as vectors: its axis title and tick labels are text.
        assert!(text.contains("Year"), "the chart's axis title");
    }

    #[test]
    fn map_and_timeline_slides_are_vectors_with_their_labels_as_text() {
        let (dataset, pages) = builtin_pages_drawn_by(&mut vector_picture);
        let slides = &dataset.stories[0].slides;
        let page_of = |view: SlideView| {
            let index = slides
                .iter()
                .position(|slide| slide.view == view)
                .unwrap_or_else(|| panic!("the built-in story has a {view:?} slide"));
            &pages[index]
        };
        let map = page_of(SlideView::Map);
        assert!(!map.contains("<image"), "no picture on the map's page");
        // A country's name on the map, as the map labels it.
        assert!(map.contains(">Turkmenistan</text>"));
        assert!(!page_of(SlideView::Timeline).contains("<image"));
        let pdf = pdf_of_pages(&dataset.metadata.title, &pages).expect("a PDF");
        let images = poppler("pdfimages", &pdf, &["-list"]);
        assert_eq!(
            images.lines().count(),
            2,
            "only the list's header: {images}"
        );
        let fonts = poppler("pdffonts", &pdf, &[]);
        assert!(
            fonts
                .lines()
                .skip(2)
                .all(|row| row.contains(" yes yes yes ")),
            "{fonts}"
        );
        let text = poppler("pdftotext", &pdf, &[]);
        // A map label, a timeline event's title and the views' own titles, as text.
        for expected in [
            "Turkmenistan",
            "Treaty of Gulistan",
            "Russia and Iran — Map, 2016",
            "Russia and Iran — Timeline, 1828",
        ] {
            assert!(text.contains(expected), "{expected:?} in {text}");
        }
    }

    #[test]
    fn png_pages_have_the_page_size_and_sort_in_order() {
        let (_, pages) = builtin_pages();
        let png = png_of_page(&pages[0]).expect("a picture");
        let image = image::load_from_memory(&png).expect("decodes");
        assert_eq!((image.width(), image.height()), (2560, 1440));
        assert_eq!(png_page_name(3, 5), "slide-3.png");
        assert_eq!(png_page_name(3, 12), "slide-03.png");
        assert_eq!(png_page_name(100, 100), "slide-100.png");
    }
}
