//! Geography for the map view: the built-in world basemap, the projection, and the triangle
//! meshes the map view paints.
//!
//! Nothing here depends on egui; positions are plain `[f64; 2]` / `[f32; 2]` arrays whose
//! names carry their units: `lon_lat` (degrees), `xy_km` (projected kilometres, x east,
//! y north) and `pos_screen` (screen points, y down).
//!
//! The pipeline: [`basemap::builtin_basemap`] decodes the embedded Natural Earth
//! countries once; [`mesh::build_meshes`] projects them with
//! [`projection::Projection::region`] and triangulates them once; every frame,
//! [`mesh::transform_to_screen`] maps a mesh's vertices through the app's
//! [`projection::MapView`] to screen points.

pub mod basemap;
pub mod filter;
pub mod mesh;
pub mod projection;
pub mod region;
