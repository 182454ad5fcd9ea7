//! PNG export of a view: the view drawn again off screen, at twice the pixels, framed by
//! a title above and a source line below, for slides.
//!
//! The drawing runs the same view code as the window, in a separate egui context, and
//! egui's own wgpu renderer draws it into a texture (on the GPU where there is one, on
//! Mesa's software renderer where there is not); nothing is read back from the window.

use std::sync::{Arc, mpsc};
use std::time::Duration;

use eframe::egui::{self, RichText, Ui};
use eframe::egui_wgpu::{self, wgpu};

/// Pixels per point of an export: twice a standard screen.
pub(crate) const EXPORT_SCALE: f32 = 2.0;

/// How many passes the view runs before it is drawn, so that sizes measured in one
/// pass (panels, plots, wrapped text) are used in the next.
pub(crate) const LAYOUT_PASSES: usize = 4;

/// The longest wait for the renderer to finish (software renderers are slow, but a lost
/// device must not hang the app).
const GPU_TIMEOUT: Duration = Duration::from_secs(20);

/// What frames the view in the picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PngFrame {
    /// The line above the view: dataset, view and year.
    pub(crate) title: String,
    /// The line below the view: the sources of what is shown.
    pub(crate) source_line: String,
    /// Draw in the dark theme.
    pub(crate) dark: bool,
}

/// `image` as PNG bytes.
pub(crate) fn encode_png(image: &image::RgbaImage) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    image
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .map_err(|error| format!("could not encode the PNG: {error}"))?;
    Ok(bytes)
}

/// Renders `draw` at `size_points` (logical points) and [`EXPORT_SCALE`] pixels per point,
/// between the frame's title and source line, returning the pixels.
pub(crate) fn render_image(
    size_points: egui::Vec2,
    frame: &PngFrame,
    mut draw: impl FnMut(&mut Ui),
) -> Result<image::RgbaImage, String> {
    render_image_at(size_points, EXPORT_SCALE, frame.dark, |ui| {
        framed_ui(ui, frame, &mut draw);
    })
}

/// Renders `draw` alone, laid out at `size_points` (logical points) and drawn at
/// `pixels_per_point`: a small picture of a big layout (the presenter's window shows the
/// audience's slide at a third of its pixels) has the same layout as the big one.
pub(crate) fn render_image_at(
    size_points: egui::Vec2,
    pixels_per_point: f32,
    dark: bool,
    mut draw: impl FnMut(&mut Ui),
) -> Result<image::RgbaImage, String> {
    let ctx = export_context(dark);
    let mut input = export_input(size_points);
    if let Some(viewport) = input.viewports.get_mut(&egui::ViewportId::ROOT) {
        viewport.native_pixels_per_point = Some(pixels_per_point);
    }
    let gpu = Gpu::new()?;
    let mut last_output = None;
    for _ in 0..LAYOUT_PASSES {
        let mut output = ctx.run_ui(input.clone(), &mut draw);
        gpu.upload_textures(&mut output.textures_delta);
        last_output = Some(output);
    }
    let output = last_output.ok_or("nothing was drawn")?;
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    let size_pixels = size_points * output.pixels_per_point;
    gpu.draw(&primitives, size_pixels, output.pixels_per_point)
}

/// A context that draws as exports draw: the app's fonts, the theme, no animation.
pub(crate) fn export_context(dark: bool) -> egui::Context {
    let ctx = egui::Context::default();
    crate::assets::fonts::install(&ctx);
    ctx.set_theme(if dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    });
    ctx.all_styles_mut(|style| style.animation_time = 0.0);
    ctx
}

/// One pass's input: a screen of `size_points` at [`EXPORT_SCALE`] pixels per point.
pub(crate) fn export_input(size_points: egui::Vec2) -> egui::RawInput {
    let mut input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size_points)),
        ..egui::RawInput::default()
    };
    if let Some(viewport) = input.viewports.get_mut(&egui::ViewportId::ROOT) {
        viewport.native_pixels_per_point = Some(EXPORT_SCALE);
    }
    input
}

/// The title above, the sources below, the view between.
pub(crate) fn framed_ui(ui: &mut Ui, frame: &PngFrame, draw: &mut impl FnMut(&mut Ui)) {
    egui::Panel::top("export_title").show(ui, |ui| {
        ui.add_space(4.0);
        ui.label(RichText::new(&frame.title).heading().strong());
        ui.add_space(2.0);
    });
    egui::Panel::bottom("export_sources").show(ui, |ui| {
        ui.add_space(2.0);
        ui.label(RichText::new(&frame.source_line).small());
        ui.add_space(2.0);
    });
    egui::CentralPanel::default()
        .frame(egui::Frame::new())
        .show(ui, |ui| draw(ui));
}

/// A wgpu device with egui's renderer, made for one export.
struct Gpu {
    state: egui_wgpu::RenderState,
}

impl Gpu {
    fn new() -> Result<Self, String> {
        let mut setup = egui_wgpu::WgpuSetupCreateNew::without_display_handle();
        setup
            .instance_descriptor
            .backends
            .remove(wgpu::Backends::BROWSER_WEBGPU);
        // Any adapter draws the same picture; prefer a real GPU, then a software one.
        setup.native_adapter_selector = Some(Arc::new(|adapters, _surface| {
            adapters
                .iter()
                .min_by_key(|adapter| match adapter.get_info().device_type {
                    wgpu::DeviceType::DiscreteGpu => 0,
                    wgpu::DeviceType::IntegratedGpu => 1,
                    wgpu::DeviceType::Cpu => 2,
                    wgpu::DeviceType::Other | wgpu::DeviceType::VirtualGpu => 3,
                })
                .cloned()
                .ok_or_else(|| "no graphics adapter (GPU or software renderer) found".to_owned())
        }));
        let setup = egui_wgpu::WgpuSetup::CreateNew(setup);
        let instance = pollster::block_on(setup.new_instance());
        let configuration = egui_wgpu::WgpuConfiguration {
            wgpu_setup: setup,
            ..egui_wgpu::WgpuConfiguration::default()
        };
        let state = pollster::block_on(egui_wgpu::RenderState::create(
            &configuration,
            &instance,
            None,
            egui_wgpu::RendererOptions::PREDICTABLE,
        ))
        .map_err(|error| format!("could not start the renderer: {error}"))?;
        Ok(Self { state })
    }

    /// Gives the renderer the fonts and images egui made or dropped this pass, leaving
    /// `delta` empty (egui insists that every delta is handled).
    fn upload_textures(&self, delta: &mut egui::TexturesDelta) {
        let mut renderer = self.state.renderer.write();
        for (id, images) in delta.set.drain() {
            for image in images {
                renderer.update_texture(&self.state.device, &self.state.queue, id, &image);
            }
        }
        for id in delta.free.drain() {
            renderer.free_texture(&id);
        }
    }

    /// Draws `primitives` into a texture of `size_pixels` and reads it back.
    #[expect(
        clippy::too_many_lines,
        reason = "one GPU round trip (texture, pass, copy, map) whose wgpu objects borrow each other"
    )]
    fn draw(
        &self,
        primitives: &[egui::ClippedPrimitive],
        size_pixels: egui::Vec2,
        pixels_per_point: f32,
    ) -> Result<image::RgbaImage, String> {
        let (device, queue) = (&self.state.device, &self.state.queue);
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "a picture's size in pixels"
        )]
        let (width, height) = (
            size_pixels.x.round().max(1.0) as u32,
            size_pixels.y.round().max(1.0) as u32,
        );
        let screen = egui_wgpu::ScreenDescriptor {
            size_in_pixels: [width, height],
            pixels_per_point,
        };
        let texture = device.create_texture(&wgpu::TextureDescriptor {
            label: Some("export"),
            size: wgpu::Extent3d {
                width,
                height,
                depth_or_array_layers: 1,
            },
            mip_level_count: 1,
            sample_count: 1,
            dimension: wgpu::TextureDimension::D2,
            format: self.state.target_format,
            usage: wgpu::TextureUsages::RENDER_ATTACHMENT | wgpu::TextureUsages::COPY_SRC,
            view_formats: &[],
        });
        let view = texture.create_view(&wgpu::TextureViewDescriptor::default());
        let mut encoder = device.create_command_encoder(&wgpu::CommandEncoderDescriptor {
            label: Some("export"),
        });
        let mut renderer = self.state.renderer.write();
        let user_buffers =
            renderer.update_buffers(device, queue, &mut encoder, primitives, &screen);
        {
            let mut pass = encoder
                .begin_render_pass(&wgpu::RenderPassDescriptor {
                    label: Some("export"),
                    color_attachments: &[Some(wgpu::RenderPassColorAttachment {
                        view: &view,
                        resolve_target: None,
                        ops: wgpu::Operations {
                            load: wgpu::LoadOp::Clear(wgpu::Color::TRANSPARENT),
                            store: wgpu::StoreOp::Store,
                        },
                        depth_slice: None,
                    })],
                    ..wgpu::RenderPassDescriptor::default()
                })
                .forget_lifetime();
            renderer.render(&mut pass, primitives, &screen);
        }
        // Rows of the read-back buffer are padded to wgpu's alignment.
        let row_bytes = width * 4;
        let padded_row_bytes = row_bytes.div_ceil(wgpu::COPY_BYTES_PER_ROW_ALIGNMENT)
            * wgpu::COPY_BYTES_PER_ROW_ALIGNMENT;
        let buffer = device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("export read-back"),
            size: u64::from(padded_row_bytes) * u64::from(height),
            usage: wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        encoder.copy_texture_to_buffer(
            texture.as_image_copy(),
            wgpu::TexelCopyBufferInfo {
                buffer: &buffer,
                layout: wgpu::TexelCopyBufferLayout {
                    offset: 0,
                    bytes_per_row: Some(padded_row_bytes),
                    rows_per_image: None,
                },
            },
            wgpu::Extent3d {
                width,
                height,
                depth_or_array_layers: 1,
            },
        );
        let submission = queue.submit(user_buffers.into_iter().chain([encoder.finish()]));
        let slice = buffer.slice(..);
        // One answer, one slot.
        let (sender, mapped) = mpsc::sync_channel(1);
        slice.map_async(wgpu::MapMode::Read, move |result| {
            let _ = sender.send(result);
        });
        device
            .poll(wgpu::PollType::Wait {
                submission_index: Some(submission),
                timeout: Some(GPU_TIMEOUT),
            })
            .map_err(|error| format!("the renderer did not finish: {error}"))?;
        mapped
            .recv()
            .map_err(|error| format!("the picture was not read back: {error}"))?
            .map_err(|error| format!("the picture could not be read back: {error}"))?;
        let bytes = slice
            .get_mapped_range()
            .map_err(|error| format!("the picture could not be read back: {error}"))?;
        let mut pixels = Vec::with_capacity((row_bytes * height) as usize);
        for row in bytes.chunks_exact(padded_row_bytes as usize) {
            pixels.extend_from_slice(&row[..row_bytes as usize]);
        }
        let image = image::RgbaImage::from_raw(width, height, pixels)
            .ok_or("the picture has the wrong size")?;
        Ok(to_rgba(image, self.state.target_format))
    }
}

/// The pixels in RGBA order, whatever order the texture format stores them in.
fn to_rgba(mut image: image::RgbaImage, format: wgpu::TextureFormat) -> image::RgbaImage {
    if matches!(
        format,
        wgpu::TextureFormat::Bgra8Unorm | wgpu::TextureFormat::Bgra8UnormSrgb
    ) {
        for pixel in image.pixels_mut() {
            pixel.0.swap(0, 2);
        }
    }
    image
}

/// These need a wgpu adapter (Mesa's lavapipe in CI, any GPU on a desktop), as the
/// snapshot tests do, so they run with them: `cargo test -- --ignored snapshot`.
#[cfg(test)]
mod snapshot_tests {
    use super::*;

    #[test]
    #[ignore = "renders with wgpu (Mesa's lavapipe in CI): cargo test -- --ignored snapshot"]
    fn a_view_renders_at_twice_its_points_with_its_frame() {
        let frame = PngFrame {
            title: "Russia and Iran — test".into(),
            source_line: "Sources: a test".into(),
            dark: false,
        };
        let image = render_image(egui::vec2(300.0, 200.0), &frame, |ui| {
            ui.label("drawn");
        })
        .expect("renders");
        assert_eq!((image.width(), image.height()), (600, 400));
    }
}
