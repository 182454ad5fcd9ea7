//! Bilateral: a desktop atlas of the relationship between two countries.
//!
//! The library holds everything; `main.rs` only parses the command line and opens
//! the window, so tests and benchmarks use the same code as the app.
//!
//! The `gui` feature (on by default) brings the window, the views, the exports and the
//! command line. Without it the library is the data model, the loaders, the importers and
//! the settings file, with none of egui, wgpu or the desktop: what the fuzz targets build.

// Items are `pub(crate)` unless another crate (the binary, tests, benchmarks, fuzz targets)
// uses them, so the compiler shows what is dead. Without the window (`gui` off, as the fuzz
// targets build), what only the window uses is unused by design.
#![cfg_attr(
    not(feature = "gui"),
    allow(
        dead_code,
        unused_imports,
        reason = "without the gui feature, what only the window uses is unused"
    )
)]

#[cfg(feature = "gui")]
pub mod app;
pub mod assets;
pub mod chart;
#[cfg(feature = "gui")]
pub mod cli;
pub mod data;
pub mod desktop;
pub mod display;
pub mod document;
#[cfg(feature = "gui")]
pub mod export;
pub mod geo;
pub mod import;
pub mod io;
pub mod settings;
#[cfg(feature = "gui")]
pub mod views;

#[cfg(test)]
mod testing;
