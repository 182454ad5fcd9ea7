//! Work started on a background thread at launch, while the window and the graphics device
//! are being set up on the main thread: egui's embedded fonts inflated (every start), and,
//! when the window opens on the map, the basemap decoded and the built-in dataset's world
//! prepared. Each lands in a process-wide cache ([`crate::fonts::definitions`],
//! [`crate::geo::world`]) where the first frame then finds it, or waits for the thread to
//! finish; the work is never done twice.

use crate::app::AppOptions;
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
            let _ = crate::fonts::definitions();
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
