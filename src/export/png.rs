//! PNG export of a view: the view drawn again off screen, at twice the pixels, framed by
//! a title above and a source line below, for slides.
//!
//! The drawing runs the same view code as the window, in a separate egui context that
//! egui_kittest renders with wgpu (on the GPU where there is one, on Mesa's software
//! renderer where there is not); nothing is read back from the window.

use eframe::egui::{self, RichText, Ui};
use egui_kittest::Harness;

/// Pixels per point of an export: twice a standard screen.
pub const EXPORT_SCALE: f32 = 2.0;

/// What frames the view in the picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PngFrame {
    /// The line above the view: dataset, view and year.
    pub title: String,
    /// The line below the view: the sources of what is shown.
    pub source_line: String,
    /// Draw in the dark theme.
    pub dark: bool,
}

/// Renders `draw` at `size_points` (logical points) and [`EXPORT_SCALE`] pixels per point,
/// between the frame's title and source line, and encodes it as PNG bytes.
pub fn render_png(
    size_points: egui::Vec2,
    frame: &PngFrame,
    draw: impl FnMut(&mut Ui),
) -> Result<Vec<u8>, String> {
    let image = render_image(size_points, frame, draw)?;
    let mut bytes = Vec::new();
    image
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .map_err(|error| format!("could not encode the PNG: {error}"))?;
    Ok(bytes)
}

/// Renders `draw` as [`render_png`] does, returning the pixels.
pub fn render_image(
    size_points: egui::Vec2,
    frame: &PngFrame,
    mut draw: impl FnMut(&mut Ui),
) -> Result<image::RgbaImage, String> {
    let theme = if frame.dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    };
    let title = frame.title.clone();
    let source_line = frame.source_line.clone();
    let mut harness = Harness::builder()
        .with_size(size_points)
        .with_pixels_per_point(EXPORT_SCALE)
        .with_theme(theme)
        .allow_missing_glyphs()
        .with_render_cursor(false)
        .wgpu()
        .build_ui(move |ui| {
            egui::Panel::top("export_title").show(ui, |ui| {
                ui.add_space(4.0);
                ui.label(RichText::new(&title).heading().strong());
                ui.add_space(2.0);
            });
            egui::Panel::bottom("export_sources").show(ui, |ui| {
                ui.add_space(2.0);
                ui.label(RichText::new(&source_line).small());
                ui.add_space(2.0);
            });
            egui::CentralPanel::default()
                .frame(egui::Frame::new())
                .show(ui, |ui| draw(ui));
        });
    harness.run_steps(4);
    harness.render()
}

/// These need a wgpu adapter (Mesa's lavapipe in CI, any GPU on a desktop), as the
/// snapshot tests do, so they run with them.
#[cfg(all(test, feature = "snapshots"))]
mod tests {
    use super::*;

    #[test]
    fn a_view_renders_at_twice_its_points_with_its_frame() {
        let frame = PngFrame {
            title: "Russia and Iran — test".into(),
            source_line: "Sources: a test".into(),
            dark: false,
        };
        let bytes = render_png(egui::vec2(300.0, 200.0), &frame, |ui| {
            ui.label("drawn");
        })
        .expect("renders");
        let image = image::load_from_memory(&bytes).expect("decodes");
        assert_eq!((image.width(), image.height()), (600, 400));
    }
}
