//! The map's still meshes (sea, land, borders, the areas' outlines) drawn by a pipeline of
//! their own: vertex colours only, no texture.
//!
//! egui's pipeline samples its font texture for every pixel, even for shapes that are only
//! a colour, and re-sends every vertex to the GPU every frame. The basemap covers most of
//! the window and has tens of thousands of triangles, so on a software renderer (Mesa's
//! llvmpipe and lavapipe, on machines without a GPU) that sampling is most of what a map
//! frame costs. This pipeline shades the same vertices with their colour alone, blended as
//! egui blends, and keeps them on the GPU until the mesh changes.
//!
//! It is installed where the app has a wgpu renderer ([`install`]); elsewhere (the PNG
//! export's own renderer, test harnesses without one) [`paint`] adds the mesh as an
//! ordinary egui shape, which draws the same pixels.

use std::sync::Arc;

use eframe::egui::{self, Mesh, Painter, Shape};
use eframe::egui_wgpu::{self, CallbackResources, CallbackTrait, ScreenDescriptor, wgpu};
use wgpu::util::DeviceExt;

/// Where the context remembers that the pipeline is installed.
fn installed_id() -> egui::Id {
    egui::Id::unique("bilateral_flat_mesh_installed")
}

const SHADER: &str = r"
struct Locals {
    screen_size_points: vec2<f32>,
    padding: vec2<f32>,
};
@group(0) @binding(0) var<uniform> locals: Locals;

struct VertexOutput {
    @builtin(position) position: vec4<f32>,
    @location(0) color: vec4<f32>,
};

@vertex
fn vs_main(@location(0) position_points: vec2<f32>, @location(1) color: u32) -> VertexOutput {
    var out: VertexOutput;
    out.position = vec4<f32>(
        2.0 * position_points.x / locals.screen_size_points.x - 1.0,
        1.0 - 2.0 * position_points.y / locals.screen_size_points.y,
        0.0,
        1.0,
    );
    out.color = vec4<f32>(
        f32(color & 255u),
        f32((color >> 8u) & 255u),
        f32((color >> 16u) & 255u),
        f32((color >> 24u) & 255u),
    ) / 255.0;
    return out;
}

@fragment
fn fs_gamma(in: VertexOutput) -> @location(0) vec4<f32> {
    return in.color;
}

fn linear_from_gamma(srgb: vec3<f32>) -> vec3<f32> {
    let cutoff = srgb < vec3<f32>(0.04045);
    let lower = srgb / vec3<f32>(12.92);
    let higher = pow((srgb + vec3<f32>(0.055)) / vec3<f32>(1.055), vec3<f32>(2.4));
    return select(higher, lower, cutoff);
}

@fragment
fn fs_linear(in: VertexOutput) -> @location(0) vec4<f32> {
    return vec4<f32>(linear_from_gamma(in.color.rgb), in.color.a);
}
";

/// How many meshes stay on the GPU: a map frame draws two (the countries, the areas); the
/// others are the last few frames', dropped oldest first.
const KEPT_MESHES: usize = 8;

/// The pipeline and the meshes it last drew, kept in egui's renderer.
struct FlatMeshRenderer {
    pipeline: wgpu::RenderPipeline,
    locals: wgpu::Buffer,
    locals_bind_group: wgpu::BindGroup,
    /// Newest last.
    uploaded: Vec<UploadedMesh>,
}

impl FlatMeshRenderer {
    fn find(&self, mesh: &Arc<Mesh>) -> Option<&UploadedMesh> {
        self.uploaded
            .iter()
            .find(|uploaded| Arc::ptr_eq(&uploaded.mesh, mesh))
    }
}

/// A mesh on the GPU, and which mesh it is.
struct UploadedMesh {
    mesh: Arc<Mesh>,
    vertices: wgpu::Buffer,
    indices: wgpu::Buffer,
    index_count: u32,
}

/// Creates the pipeline for `render_state`'s target and tells `ctx` that [`paint`] may use
/// it.
pub(crate) fn install(render_state: &egui_wgpu::RenderState, ctx: &egui::Context) {
    let device = &render_state.device;
    let module = device.create_shader_module(wgpu::ShaderModuleDescriptor {
        label: Some("bilateral_flat_mesh"),
        source: wgpu::ShaderSource::Wgsl(SHADER.into()),
    });
    let locals = device.create_buffer(&wgpu::BufferDescriptor {
        label: Some("bilateral_flat_mesh_locals"),
        size: 16,
        usage: wgpu::BufferUsages::UNIFORM | wgpu::BufferUsages::COPY_DST,
        mapped_at_creation: false,
    });
    let layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
        label: Some("bilateral_flat_mesh_locals"),
        entries: &[wgpu::BindGroupLayoutEntry {
            binding: 0,
            visibility: wgpu::ShaderStages::VERTEX,
            ty: wgpu::BindingType::Buffer {
                ty: wgpu::BufferBindingType::Uniform,
                has_dynamic_offset: false,
                min_binding_size: None,
            },
            count: None,
        }],
    });
    let locals_bind_group = device.create_bind_group(&wgpu::BindGroupDescriptor {
        label: Some("bilateral_flat_mesh_locals"),
        layout: &layout,
        entries: &[wgpu::BindGroupEntry {
            binding: 0,
            resource: locals.as_entire_binding(),
        }],
    });
    let pipeline = pipeline(device, &module, &layout, render_state.target_format);
    render_state
        .renderer
        .write()
        .callback_resources
        .insert(FlatMeshRenderer {
            pipeline,
            locals,
            locals_bind_group,
            uploaded: Vec::new(),
        });
    ctx.data_mut(|data| data.insert_temp(installed_id(), true));
}

/// The render pipeline: egui's vertices, coloured only, blended as egui blends, into a
/// `target_format` target.
fn pipeline(
    device: &wgpu::Device,
    module: &wgpu::ShaderModule,
    locals_layout: &wgpu::BindGroupLayout,
    target_format: wgpu::TextureFormat,
) -> wgpu::RenderPipeline {
    let pipeline_layout = device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
        label: Some("bilateral_flat_mesh"),
        bind_group_layouts: &[Some(locals_layout)],
        immediate_size: 0,
    });
    device.create_render_pipeline(&wgpu::RenderPipelineDescriptor {
        label: Some("bilateral_flat_mesh"),
        layout: Some(&pipeline_layout),
        vertex: wgpu::VertexState {
            module,
            entry_point: Some("vs_main"),
            // egui's vertex: position (2 × f32), texture coordinates (unused here), colour.
            buffers: &[Some(wgpu::VertexBufferLayout {
                array_stride: 5 * 4,
                step_mode: wgpu::VertexStepMode::Vertex,
                attributes: &[
                    wgpu::VertexAttribute {
                        format: wgpu::VertexFormat::Float32x2,
                        offset: 0,
                        shader_location: 0,
                    },
                    wgpu::VertexAttribute {
                        format: wgpu::VertexFormat::Uint32,
                        offset: 4 * 4,
                        shader_location: 1,
                    },
                ],
            })],
            compilation_options: wgpu::PipelineCompilationOptions::default(),
        },
        primitive: wgpu::PrimitiveState::default(),
        depth_stencil: None,
        multisample: wgpu::MultisampleState::default(),
        fragment: Some(wgpu::FragmentState {
            module,
            entry_point: Some(if target_format.is_srgb() {
                "fs_linear"
            } else {
                "fs_gamma"
            }),
            // The blending of egui's own pipeline: premultiplied alpha.
            targets: &[Some(wgpu::ColorTargetState {
                format: target_format,
                blend: Some(wgpu::BlendState {
                    color: wgpu::BlendComponent {
                        src_factor: wgpu::BlendFactor::One,
                        dst_factor: wgpu::BlendFactor::OneMinusSrcAlpha,
                        operation: wgpu::BlendOperation::Add,
                    },
                    alpha: wgpu::BlendComponent {
                        src_factor: wgpu::BlendFactor::OneMinusDstAlpha,
                        dst_factor: wgpu::BlendFactor::One,
                        operation: wgpu::BlendOperation::Add,
                    },
                }),
                write_mask: wgpu::ColorWrites::ALL,
            })],
            compilation_options: wgpu::PipelineCompilationOptions::default(),
        }),
        multiview_mask: None,
        cache: None,
    })
}

/// Paints `mesh`, whose vertices carry only colours (no text, no image), through the flat
/// pipeline where it is installed, as an egui shape elsewhere. An empty mesh (a layer with
/// nothing to show, such as the areas of a new relationship) paints nothing: wgpu refuses a
/// buffer of no bytes.
pub(crate) fn paint(painter: &Painter, mesh: Arc<Mesh>) {
    if !drawable(&mesh) {
        return;
    }
    let installed = painter
        .ctx()
        .data(|data| data.get_temp::<bool>(installed_id()))
        .unwrap_or(false);
    if installed {
        painter.add(egui_wgpu::Callback::new_paint_callback(
            painter.clip_rect(),
            FlatMeshCallback { mesh },
        ));
    } else {
        painter.add(Shape::Mesh(mesh));
    }
}

/// Whether `mesh` has triangles to draw: at least one vertex and one index.
fn drawable(mesh: &Mesh) -> bool {
    !mesh.vertices.is_empty() && !mesh.indices.is_empty()
}

/// Whether `mesh`'s vertices and indices each fit in a buffer of `max_bytes`; logs when not.
fn fits_in_a_buffer(mesh: &Mesh, max_bytes: u64) -> bool {
    let bytes =
        |count: usize, each: usize| u64::try_from(count.saturating_mul(each)).unwrap_or(u64::MAX);
    let vertex_bytes = bytes(
        mesh.vertices.len(),
        std::mem::size_of::<egui::epaint::Vertex>(),
    );
    let index_bytes = bytes(mesh.indices.len(), std::mem::size_of::<u32>());
    let fits = vertex_bytes <= max_bytes && index_bytes <= max_bytes;
    if !fits {
        log::warn!(
            "a map mesh of {vertex_bytes} bytes of vertices and {index_bytes} of indices is \
             larger than the graphics device's buffers ({max_bytes} bytes): not drawn"
        );
    }
    fits
}

/// One frame's draw of a mesh.
struct FlatMeshCallback {
    mesh: Arc<Mesh>,
}

impl CallbackTrait for FlatMeshCallback {
    fn prepare(
        &self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        screen: &ScreenDescriptor,
        _encoder: &mut wgpu::CommandEncoder,
        resources: &mut CallbackResources,
    ) -> Vec<wgpu::CommandBuffer> {
        let Some(renderer) = resources.get_mut::<FlatMeshRenderer>() else {
            return Vec::new();
        };
        #[expect(
            clippy::cast_precision_loss,
            reason = "window sizes in pixels are far below 2^24"
        )]
        let screen_size_points = [
            screen.size_in_pixels[0] as f32 / screen.pixels_per_point,
            screen.size_in_pixels[1] as f32 / screen.pixels_per_point,
            0.0,
            0.0,
        ];
        queue.write_buffer(
            &renderer.locals,
            0,
            bytemuck::cast_slice(&screen_size_points),
        );
        // `paint` hands over no empty mesh; a zero-sized buffer would fail when drawn. A mesh
        // larger than the device allows in one buffer is not drawn rather than crash the
        // window (the basemap and the dataset's areas are far smaller).
        if drawable(&self.mesh)
            && renderer.find(&self.mesh).is_none()
            && fits_in_a_buffer(&self.mesh, device.limits().max_buffer_size)
        {
            if renderer.uploaded.len() == KEPT_MESHES {
                renderer.uploaded.remove(0);
            }
            renderer.uploaded.push(UploadedMesh {
                mesh: Arc::clone(&self.mesh),
                vertices: device.create_buffer_init(&wgpu::util::BufferInitDescriptor {
                    label: Some("bilateral_flat_mesh_vertices"),
                    contents: bytemuck::cast_slice(&self.mesh.vertices),
                    usage: wgpu::BufferUsages::VERTEX,
                }),
                indices: device.create_buffer_init(&wgpu::util::BufferInitDescriptor {
                    label: Some("bilateral_flat_mesh_indices"),
                    contents: bytemuck::cast_slice(&self.mesh.indices),
                    usage: wgpu::BufferUsages::INDEX,
                }),
                index_count: u32::try_from(self.mesh.indices.len()).unwrap_or(0),
            });
        }
        Vec::new()
    }

    fn paint(
        &self,
        info: egui::PaintCallbackInfo,
        render_pass: &mut wgpu::RenderPass<'static>,
        resources: &CallbackResources,
    ) {
        let Some(renderer) = resources.get::<FlatMeshRenderer>() else {
            return;
        };
        let Some(uploaded) = renderer
            .find(&self.mesh)
            .filter(|uploaded| uploaded.index_count > 0)
        else {
            return;
        };
        // The vertices are in screen points: draw over the whole screen; egui has set the
        // scissor to the clip rectangle.
        #[expect(
            clippy::cast_precision_loss,
            reason = "window sizes in pixels are far below 2^24"
        )]
        render_pass.set_viewport(
            0.0,
            0.0,
            info.screen_size_px[0] as f32,
            info.screen_size_px[1] as f32,
            0.0,
            1.0,
        );
        render_pass.set_pipeline(&renderer.pipeline);
        render_pass.set_bind_group(0, &renderer.locals_bind_group, &[]);
        render_pass.set_vertex_buffer(0, uploaded.vertices.slice(..));
        render_pass.set_index_buffer(uploaded.indices.slice(..), wgpu::IndexFormat::Uint32);
        render_pass.draw_indexed(0..uploaded.index_count, 0, 0..1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::egui::{Color32, Rect, pos2};

    /// The shapes `paint` adds for `mesh` in a context where the pipeline is marked
    /// installed, as in the window.
    fn painted(mesh: &Mesh) -> Vec<Shape> {
        let ctx = egui::Context::default();
        ctx.data_mut(|data| data.insert_temp(installed_id(), true));
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            paint(ui.painter(), Arc::new(mesh.clone()));
        });
        output.textures_delta.clear();
        output
            .shapes
            .into_iter()
            .map(|clipped| clipped.shape)
            .collect()
    }

    #[test]
    fn a_mesh_larger_than_a_device_buffer_is_not_uploaded() {
        let mut square = Mesh::default();
        square.add_colored_rect(
            Rect::from_min_max(pos2(0.0, 0.0), pos2(10.0, 10.0)),
            Color32::RED,
        );
        // Four vertices of 20 bytes, six indices of 4.
        assert!(fits_in_a_buffer(&square, 80));
        assert!(!fits_in_a_buffer(&square, 79));
    }

    #[test]
    fn an_empty_layer_hands_the_gpu_nothing_and_a_filled_one_a_callback() {
        assert!(painted(&Mesh::default()).is_empty(), "no vertices");
        let mut vertices_only = Mesh::default();
        vertices_only.colored_vertex(pos2(1.0, 1.0), Color32::RED);
        assert!(painted(&vertices_only).is_empty(), "no triangles");
        let mut square = Mesh::default();
        square.add_colored_rect(
            Rect::from_min_max(pos2(0.0, 0.0), pos2(10.0, 10.0)),
            Color32::RED,
        );
        let shapes = painted(&square);
        assert_eq!(shapes.len(), 1);
        assert!(matches!(shapes[0], Shape::Callback(_)));
    }
}
