//! Bilateral: a desktop atlas of the relationship between two countries.
//!
//! The library holds everything; `main.rs` only parses the command line and opens
//! the window, so tests and benchmarks use the same code as the app.

pub mod app;
pub mod chart;
pub mod cli;
pub mod command;
pub mod data;
pub mod embedded;
pub mod export;
pub mod file_state;
pub mod format;
pub mod geo;
pub mod identity;
pub mod import;
pub mod io;
pub mod settings;
pub mod startup;
pub mod story;
pub mod theme;
pub mod ticks;
pub mod view_kind;
pub mod views;

#[cfg(test)]
mod bad_input;
#[cfg(test)]
mod proptests;
