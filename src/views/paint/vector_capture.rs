//! Whether a context's frames are captured as vectors (the SVG and PDF exports) rather than
//! drawn: then the map's still parts are painted as the shapes they are built from, not as
//! the triangles [`super::kept_mesh`] keeps for the GPU, so that borders stay lines and
//! fills stay polygons in the file.

use eframe::egui;

/// Where the context remembers that its frames are captured.
fn capture_id() -> egui::Id {
    egui::Id::unique("bilateral_vector_capture")
}

/// Marks `ctx`'s frames as captured as vectors; for a context made for one export.
pub(crate) fn mark_vector_capture(ctx: &egui::Context) {
    ctx.data_mut(|data| data.insert_temp(capture_id(), true));
}

/// Whether `ctx`'s frames are captured as vectors.
pub(crate) fn is_vector_capture(ctx: &egui::Context) -> bool {
    ctx.data(|data| data.get_temp::<bool>(capture_id()))
        .unwrap_or(false)
}
