//! Work started on background threads at launch, while the window and the graphics device
//! are being set up on the main thread: the graphics drivers loaded ([`start_graphics`]),
//! egui's embedded fonts inflated (every start), and, when the window opens on the map, the
//! basemap decoded and the built-in dataset's world prepared. The fonts and the map land in
//! process-wide caches ([`crate::assets::fonts::definitions`], [`crate::geo::world`]) where the first
//! frame then finds them, or waits for the thread to finish; the work is never done twice.
//! The graphics instance is only kept until the first frame is drawn.

use std::sync::Mutex;

use eframe::egui_wgpu::WgpuSetup;
use eframe::wgpu;

use crate::app::{AppOptions, graphics};
use crate::data::builtin::builtin_dataset;
use crate::geo::world::{coarse_basemap, world_basemap, world_map_for};
use crate::views::ViewKind;

/// Starts the warm-up for a window opened with `options`. A window opening on another view
/// than the map never pays for the map unless the map is shown.
pub fn start(options: &AppOptions) {
    let map_first = options.settings.last_view == ViewKind::Map;
    let builtin_data = options.initial_file.is_none();
    let spawned = std::thread::Builder::new()
        .name("bilateral-warm-up".into())
        .spawn(move || {
            // Errors are found again, and shown, where the fonts and the map are used.
            let _ = crate::assets::fonts::definitions();
            if map_first {
                let _ = (world_basemap(), coarse_basemap());
                if builtin_data && let Ok(dataset) = builtin_dataset() {
                    let _ = world_map_for(&dataset);
                }
            }
        });
    if let Err(error) = spawned {
        log::warn!("could not start the warm-up thread: {error}");
    }
}

/// The graphics instance [`start_graphics`] made, kept until the window's first frame is
/// drawn so that the drivers it loaded stay loaded while the window loads them too.
static GRAPHICS: Mutex<Option<wgpu::Instance>> = Mutex::new(None);

/// Loads the graphics drivers for `backends` on a background thread while the main thread
/// opens the window: creating a wgpu instance and listing its adapters loads and starts
/// every driver (under Mesa, Vulkan's loader opens each installed driver, and lavapipe
/// loads LLVM), which the window's own instance then finds loaded. 15–25 ms of the cold
/// start under Xvfb (docs/benchmarks.md).
pub fn start_graphics(backends: wgpu::Backends) {
    let WgpuSetup::CreateNew(create_new) = graphics::wgpu_options(backends).wgpu_setup else {
        return;
    };
    let spawned = std::thread::Builder::new()
        .name("bilateral-graphics-warm-up".into())
        .spawn(move || {
            let instance = wgpu::Instance::new(create_new.instance_descriptor);
            // The adapters themselves are not kept: the window asks for its own.
            drop(pollster::block_on(instance.enumerate_adapters(backends)));
            if let Ok(mut kept) = GRAPHICS.lock() {
                *kept = Some(instance);
            }
        });
    if let Err(error) = spawned {
        log::warn!("could not start the graphics warm-up thread: {error}");
    }
}

/// Lets the instance of [`start_graphics`] go, once the window's own is running.
pub(crate) fn release_graphics() {
    if let Ok(mut kept) = GRAPHICS.lock() {
        kept.take();
    }
}
