//! Triangles kept from frame to frame: shapes tessellated once into one mesh and painted
//! again while what they are drawn from stays the same.
//!
//! egui tessellates every shape again every frame. Where thousands of points change only when
//! the view or the data does (the map's basemap and areas, the trade chart's lines), the
//! caller names what the shapes depend on in a key; while the key is unchanged the mesh of
//! the last build is returned, and `build` is not called.

use std::sync::Arc;

use eframe::egui::{self, Mesh, Shape, epaint::Tessellator};

/// Where `ctx` keeps the mesh called `name` and its key.
fn kept_id(name: &'static str) -> egui::Id {
    egui::Id::unique(("bilateral_kept_mesh", name))
}

/// What `build` draws, as one mesh tessellated for `key` and kept in `ctx` under `name`;
/// the kept mesh while `key` stays the same. `build` must draw only from what the key
/// covers, and no text or image (their triangles refer to textures that can change).
pub(crate) fn kept_mesh<K>(
    ctx: &egui::Context,
    name: &'static str,
    key: K,
    build: impl FnOnce(&mut Vec<Shape>),
) -> Arc<Mesh>
where
    K: Clone + PartialEq + Send + Sync + 'static,
{
    let id = kept_id(name);
    match ctx.data(|data| data.get_temp::<(K, Arc<Mesh>)>(id)) {
        Some((kept_key, mesh)) if kept_key == key => mesh,
        _ => {
            let mut shapes = Vec::new();
            build(&mut shapes);
            let mesh = Arc::new(tessellate(ctx, shapes));
            ctx.data_mut(|data| data.insert_temp(id, (key, Arc::clone(&mesh))));
            mesh
        }
    }
}

/// The mesh last kept under `name` with a key of type `K`, if any: what tests look at to
/// see whether a frame built it again.
pub(crate) fn last_kept<K>(ctx: &egui::Context, name: &'static str) -> Option<Arc<Mesh>>
where
    K: Clone + Send + Sync + 'static,
{
    ctx.data(|data| data.get_temp::<(K, Arc<Mesh>)>(kept_id(name)))
        .map(|(_, mesh)| mesh)
}

/// `shapes` as egui would tessellate them this frame, into one mesh.
fn tessellate(ctx: &egui::Context, shapes: Vec<Shape>) -> Mesh {
    let options = ctx.tessellation_options(|options| *options);
    #[expect(
        clippy::redundant_closure_for_method_calls,
        reason = "the method path does not satisfy the closure's lifetime bound"
    )]
    let font_texture_size = ctx.fonts(|fonts| fonts.font_image_size());
    let mut tessellator = Tessellator::new(
        ctx.pixels_per_point(),
        options,
        font_texture_size,
        Vec::new(),
    );
    let mut mesh = Mesh::default();
    for shape in shapes {
        tessellator.tessellate_shape(shape, &mut mesh);
    }
    mesh
}
