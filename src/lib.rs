//! Bilateral: a desktop atlas of the relationship between two countries.
//!
//! The library holds everything; `main.rs` only parses the command line and opens
//! the window, so tests and benchmarks use the same code as the app.
//!
//! The `gui` feature (on by default) brings the window, the views, the exports and the
//! command line. Without it the library is the data model, the loaders, the importers and
//! the settings file, with none of egui, wgpu or the desktop: what the fuzz targets build.

#[cfg(feature = "gui")]
pub mod app;
pub mod chart;
#[cfg(feature = "gui")]
pub mod cli;
#[cfg(feature = "gui")]
pub mod command;
pub mod data;
pub mod embedded;
#[cfg(feature = "gui")]
pub mod export;
pub mod file_state;
#[cfg(feature = "gui")]
pub mod fonts;
pub mod format;
pub mod geo;
pub mod identity;
pub mod import;
pub mod io;
pub mod safe_text;
pub mod settings;
pub mod startup;
pub mod story;
#[cfg(feature = "gui")]
pub mod theme;
pub mod ticks;
pub mod view_kind;
#[cfg(feature = "gui")]
pub mod views;

#[cfg(test)]
mod bad_input;
#[cfg(test)]
#[cfg(feature = "gui")]
mod proptests;
