//! Bilateral and the desktop it runs on: who it is to the window system, the file manager
//! and the installers (`identity`), and how long its start takes (`startup`).

pub mod identity;
pub mod startup;
