//! Drawing the views share: small shapes drawn thousands of times a frame as one textured
//! quad each (`sprites`, and the chart's markers through `plot_markers`), shapes
//! tessellated once and kept while what they depend on stays the same (`kept_mesh`), every
//! line of the trade chart as one plot item (`plot_lines`), the wgpu pipeline of the
//! map's still meshes (`flat_mesh`), and whether a frame is captured as vectors
//! (`vector_capture`).

pub(crate) mod flat_mesh;
pub(crate) mod kept_mesh;
pub mod plot_lines;
pub(crate) mod plot_markers;
pub(crate) mod sprites;
pub(crate) mod vector_capture;
