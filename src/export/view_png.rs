//! Any view as a PNG picture: the view drawn off screen by [`super::png`] with the export
//! chrome, under a title naming the dataset, the view and the year, over the sources of
//! what it shows. The window's File ▸ Export and `bilateral export --png` both call
//! [`render_view_png`], so a script sees exactly what the window exports.

use eframe::egui;

use super::png::{PngFrame, encode_png, render_image, render_image_at};
use crate::data::Dataset;
use crate::data::geojson::GeoLayer;
use crate::display::format::source_citation;
use crate::views::cache::ViewCaches;
use crate::views::{self, Chrome, TimeCursor, ViewContext, ViewKind, ViewStates};

/// What to draw: the data, the view with its state, the time cursor, the size and theme.
pub(crate) struct ViewPicture<'a> {
    /// The data.
    pub(crate) dataset: &'a Dataset,
    /// GeoJSON layers on the map.
    pub(crate) layers: &'a [GeoLayer],
    /// The caches refreshed for `dataset` (the chart model, the map).
    pub(crate) caches: &'a ViewCaches,
    /// The view drawn.
    pub(crate) view: ViewKind,
    /// The year and selection.
    pub(crate) cursor: &'a TimeCursor,
    /// The views' states (the camera, filters); drawn from a copy.
    pub(crate) states: &'a ViewStates,
    /// Size of the view in points; the picture has twice as many pixels.
    pub(crate) size_points: egui::Vec2,
    /// Dark theme.
    pub(crate) dark: bool,
}

/// The title and source line of a picture of `view` at `year`.
pub(crate) fn picture_frame(
    dataset: &Dataset,
    caches: &ViewCaches,
    view: ViewKind,
    year: i32,
    dark: bool,
) -> PngFrame {
    let title = format!("{} — {}, {year}", dataset.metadata.title, view.label());
    let citations = view_citations(dataset, caches, view);
    let source_line = if citations.is_empty() {
        "Made with Bilateral.".to_owned()
    } else {
        format!("Sources: {}. Made with Bilateral.", citations.join("; "))
    };
    PngFrame {
        title,
        source_line,
        dark,
    }
}

/// The full citations of the sources of what `view` shows: the chart's values' sources
/// for the trade chart, every source of the dataset for the other views.
pub(crate) fn view_citations(
    dataset: &Dataset,
    caches: &ViewCaches,
    view: ViewKind,
) -> Vec<String> {
    match view {
        ViewKind::Trade => caches
            .chart()
            .source_ids(dataset)
            .into_iter()
            .map(|id| source_citation(dataset, id))
            .collect(),
        _ => dataset
            .sources
            .iter()
            .map(crate::data::Source::citation)
            .collect(),
    }
}

/// Draws the picture and encodes it as PNG bytes.
pub(crate) fn render_view_png(picture: &ViewPicture<'_>) -> Result<Vec<u8>, String> {
    encode_png(&render_view_image(picture)?)
}

/// Draws the picture, returning its pixels.
pub(crate) fn render_view_image(picture: &ViewPicture<'_>) -> Result<image::RgbaImage, String> {
    with_view_drawing(picture, |frame, draw| {
        render_image(picture.size_points, frame, draw)
    })
}

/// Calls `render` with the picture's frame and a function that draws its view into a `Ui`,
/// as the window draws it: what the PNG and the SVG exports both draw.
pub(crate) fn with_view_drawing<R>(
    picture: &ViewPicture<'_>,
    render: impl FnOnce(&PngFrame, &mut dyn FnMut(&mut egui::Ui)) -> R,
) -> R {
    let frame = picture_frame(
        picture.dataset,
        picture.caches,
        picture.view,
        picture.cursor.year,
        picture.dark,
    );
    let mut states = picture.states.clone();
    render(&frame, &mut |ui| {
        draw_view(ui, picture, Chrome::Export, &mut states);
    })
}

/// Draws the view alone with `chrome`, without title or sources, laid out at its size in
/// points and drawn at `pixels_per_point` (the presenter's window shows small pictures of
/// the slides as the audience sees them).
pub(crate) fn render_view_alone(
    picture: &ViewPicture<'_>,
    pixels_per_point: f32,
    chrome: Chrome,
) -> Result<image::RgbaImage, String> {
    let mut states = picture.states.clone();
    render_image_at(picture.size_points, pixels_per_point, picture.dark, |ui| {
        let fill = ui.visuals().panel_fill;
        egui::CentralPanel::default()
            .frame(egui::Frame::new().fill(fill))
            .show(ui, |ui| draw_view(ui, picture, chrome, &mut states));
    })
}

/// Draws `picture`'s view with `chrome`, from `states` (a copy of its own).
fn draw_view(
    ui: &mut egui::Ui,
    picture: &ViewPicture<'_>,
    chrome: Chrome,
    states: &mut ViewStates,
) {
    let cx = ViewContext {
        drawing: None,
        editor_open: false,
        dataset: picture.dataset,
        layers: picture.layers,
        cursor: picture.cursor,
        chrome,
        caches: picture.caches,
    };
    // An exported picture answers no input: what the view asks for is dropped.
    let mut ignored = Vec::new();
    views::view_ui(ui, picture.view, &cx, states, &mut ignored);
}
