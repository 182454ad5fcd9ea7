//! Work started on a background thread at launch, while the window and the graphics device
//! are being set up on the main thread: the map's basemap decoded and the built-in
//! dataset's world prepared, when the window opens on the map. Both land in the process-wide
//! caches of [`crate::geo::world`], where the map view's first frame then finds them (or
//! waits for the thread to finish, never doing the work twice).

use crate::app::AppOptions;
use crate::data::builtin::builtin_dataset;
use crate::geo::world::{coarse_basemap, world_basemap, world_map_for};
use crate::views::ViewKind;

/// Starts the warm-up for a window opened with `options`; does nothing when it opens on
/// another view, which then never pays for the map unless the map is shown.
pub fn start(options: &AppOptions) {
    if options.settings.last_view != ViewKind::Map {
        return;
    }
    let builtin_data = options.initial_file.is_none();
    let spawned = std::thread::Builder::new()
        .name("bilateral-warm-up".into())
        .spawn(move || {
            // Errors are found again, and shown, when the map view asks for the map.
            let _ = (world_basemap(), coarse_basemap());
            if builtin_data && let Ok(dataset) = builtin_dataset() {
                let _ = world_map_for(&dataset);
            }
        });
    if let Err(error) = spawned {
        log::warn!("could not start the map's warm-up thread: {error}");
    }
}
