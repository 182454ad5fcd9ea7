//! Any view as an SVG drawing: the view's own drawing code run in an egui context of its
//! own, with no GPU, framed as the PNG export frames it (title above, sources below), and
//! the shapes of its last pass written as vectors by [`super::shapes_svg`]. The map's still
//! parts come as the shapes they are built from (the context is marked as a vector
//! capture), the places' and events' sprites as their symbols, text as text.
//!
//! Where a view paints something that cannot be written as vectors, [`render_slide_picture`]
//! falls back to the PNG picture and says why in the log; nothing is left out.

use eframe::egui;

use super::deck::SlidePicture;
use super::png::{LAYOUT_PASSES, PngFrame, export_context, export_input, framed_ui};
use super::shapes_svg::{Canvas, Unwritable, shapes_svg};
use super::view_png::{ViewPicture, render_view_png, with_view_drawing};
use crate::views::paint::sprites::sprite_outlines;
use crate::views::paint::vector_capture::mark_vector_capture;

/// The picture as a standalone SVG document of `picture.size_points` user units, or what in
/// it cannot be drawn as vectors.
pub(crate) fn render_view_svg(picture: &ViewPicture<'_>) -> Result<String, Unwritable> {
    with_view_drawing(picture, |frame, draw| {
        capture_svg(picture.size_points, frame, draw)
    })
}

/// The picture as a slide draws it: vectors, or the PNG picture where the view paints
/// something vectors cannot hold.
pub(crate) fn render_slide_picture(picture: &ViewPicture<'_>) -> Result<SlidePicture, String> {
    match render_view_svg(picture) {
        Ok(svg) => Ok(SlidePicture::Svg(svg)),
        Err(unwritable) => {
            log::warn!(
                "the {} view is exported as a picture: {unwritable}",
                picture.view.label()
            );
            render_view_png(picture).map(SlidePicture::Png)
        }
    }
}

/// Runs `draw` framed by `frame` for [`LAYOUT_PASSES`] passes in a context of its own and
/// writes the last pass's shapes as SVG.
pub(crate) fn capture_svg(
    size_points: egui::Vec2,
    frame: &PngFrame,
    mut draw: impl FnMut(&mut egui::Ui),
) -> Result<String, Unwritable> {
    let ctx = export_context(frame.dark);
    mark_vector_capture(&ctx);
    let input = export_input(size_points);
    let mut shapes = Vec::new();
    for _ in 0..LAYOUT_PASSES {
        let mut output = ctx.run_ui(input.clone(), |ui| framed_ui(ui, frame, &mut draw));
        // Nothing draws the font atlas or the sprites' pictures: their shapes are written.
        output.textures_delta.clear();
        shapes = output.shapes;
    }
    let sprites = sprite_outlines(&ctx);
    shapes_svg(
        &shapes,
        &Canvas {
            size: size_points,
            sprites: &sprites,
        },
    )
}
