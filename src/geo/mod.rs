//! Geography for the map view: the built-in world basemap, the projection, and the triangle
//! meshes the map view paints.
//!
//! Nothing here depends on egui; positions are plain `[f64; 2]` / `[f32; 2]` arrays whose
//! names carry their units: `lon_lat` (degrees), `xy_km` (projected kilometres, x east,
//! y north) and `pos_screen` (screen points, y down).
//!
//! The pipeline: [`basemap::builtin_basemap`] decodes the embedded Natural Earth
//! countries once; [`setup::MapSetup`] chooses a dataset's projection and default frame;
//! [`world::WorldMap`] cuts every country at the meridian opposite the projection's centre
//! ([`antimeridian`]), projects it once, and triangulates it lazily per level of detail
//! ([`mesh`]); every frame, [`mesh::transform_to_screen`] maps the visible meshes'
//! vertices through the app's [`projection::MapView`] to screen points.

pub(crate) mod antimeridian;
pub(crate) mod basemap;
pub(crate) mod equal_earth;
pub mod filter;
pub(crate) mod mesh;
pub(crate) mod projection;
mod rings;
pub(crate) mod setup;
pub(crate) mod world;
