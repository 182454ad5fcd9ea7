//! Which graphics back ends the window tries, in order.
//!
//! wgpu's default asks every back end at once, OpenGL included, and setting OpenGL up (EGL
//! and Mesa's GL driver on Linux, WGL on Windows) is paid at every start even where Vulkan,
//! Metal or Direct3D 12 is then used: 15–40 ms of the cold start under Xvfb
//! (docs/benchmarks.md). The window therefore tries those first and OpenGL only when they
//! give no adapter. `WGPU_BACKEND` (wgpu's own variable, such as `gl` or `vulkan`) still
//! decides alone when it is set.

use eframe::egui_wgpu::{WgpuConfiguration, WgpuSetup};
use eframe::wgpu::Backends;

/// The back ends to try, in order: the one `WGPU_BACKEND` names, or the native ones
/// (Vulkan, Metal, Direct3D 12) and then OpenGL.
pub fn backend_attempts(from_environment: Option<Backends>) -> Vec<Backends> {
    match from_environment {
        Some(chosen) => vec![chosen],
        None => vec![Backends::PRIMARY, Backends::GL],
    }
}

/// eframe's wgpu set-up with only `backends` asked for.
pub fn wgpu_options(backends: Backends) -> WgpuConfiguration {
    let mut options = eframe::NativeOptions::default().wgpu_options;
    if let WgpuSetup::CreateNew(create_new) = &mut options.wgpu_setup {
        create_new.instance_descriptor.backends = backends;
    }
    options
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn native_back_ends_first_then_opengl_unless_the_environment_chooses() {
        assert_eq!(
            backend_attempts(None),
            vec![Backends::PRIMARY, Backends::GL]
        );
        assert!(
            !Backends::PRIMARY.contains(Backends::GL),
            "OpenGL comes second"
        );
        assert_eq!(backend_attempts(Some(Backends::GL)), vec![Backends::GL]);
    }

    #[test]
    fn the_set_up_asks_for_the_chosen_back_ends_only() {
        let WgpuSetup::CreateNew(create_new) = wgpu_options(Backends::VULKAN).wgpu_setup else {
            panic!("eframe creates its own wgpu instance by default");
        };
        assert_eq!(create_new.instance_descriptor.backends, Backends::VULKAN);
    }
}
