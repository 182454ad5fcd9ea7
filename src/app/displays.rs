//! The displays (monitors) the platform knows, so that presenting can put the audience's
//! view full screen on one and the presenter's window full screen on the other.
//!
//! egui has no list of monitors, but eframe hands the app the root window's winit handle
//! ([`eframe::Frame::winit_window`]), whose `available_monitors` lists them, and egui puts
//! a window full screen on one by its index in that same list
//! ([`egui::ViewportCommand::SetMonitor`], [`egui::ViewportBuilder::with_monitor`]).
//! Where there is no such handle (test harnesses), there is one display.

use eframe::egui;

/// A display, as the platform names and places it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Display {
    /// Its name (`HDMI-1`, `\\.\DISPLAY2`), or its number when it has none.
    pub(crate) name: String,
    /// Its size in pixels.
    pub(crate) size_pixels: [u32; 2],
}

/// The displays this frame, in the platform's order (the indices egui's monitor commands
/// take), and the one the main window is on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Displays {
    /// Every display.
    pub(crate) list: Vec<Display>,
    /// Index of the display the main window is on, when known.
    pub(crate) main: Option<usize>,
}

impl Displays {
    /// The displays as the main window's platform knows them now.
    pub(crate) fn read(frame: &eframe::Frame) -> Self {
        let Some(window) = frame.winit_window() else {
            return Self::default();
        };
        let current = window.current_monitor();
        let mut main = None;
        let list = window
            .available_monitors()
            .enumerate()
            .map(|(index, monitor)| {
                if current.as_ref() == Some(&monitor) {
                    main = Some(index);
                }
                let size = monitor.size();
                Display {
                    name: monitor
                        .name()
                        .unwrap_or_else(|| format!("display {}", index + 1)),
                    size_pixels: [size.width, size.height],
                }
            })
            .collect();
        Self { list, main }
    }

    /// Where presenting puts the audience's view and the presenter's window: the first
    /// display other than the main window's, and the main window's; `None` with one display.
    pub(crate) fn presenting_places(&self) -> Option<(usize, usize)> {
        let presenter = self.main.unwrap_or(0);
        let audience = (0..self.list.len()).find(|&index| index != presenter)?;
        Some((audience, presenter))
    }

    /// A display's name and size, as the presenter's window says it.
    pub(crate) fn describe(&self, index: usize) -> String {
        self.list.get(index).map_or_else(
            || format!("display {}", index + 1),
            |display| {
                format!(
                    "{} ({} × {})",
                    display.name, display.size_pixels[0], display.size_pixels[1]
                )
            },
        )
    }
}

/// Puts the main window (the audience's view) full screen on display `index`.
pub(crate) fn audience_to(ctx: &egui::Context, index: usize) {
    ctx.send_viewport_cmd(egui::ViewportCommand::SetMonitor(index));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn displays(count: usize, main: Option<usize>) -> Displays {
        Displays {
            list: (0..count)
                .map(|index| Display {
                    name: format!("OUT-{index}"),
                    size_pixels: [1920, 1080],
                })
                .collect(),
            main,
        }
    }

    #[test]
    fn the_audience_goes_to_a_display_other_than_the_main_windows() {
        assert_eq!(displays(0, None).presenting_places(), None);
        assert_eq!(displays(1, Some(0)).presenting_places(), None);
        assert_eq!(displays(2, Some(0)).presenting_places(), Some((1, 0)));
        assert_eq!(displays(2, Some(1)).presenting_places(), Some((0, 1)));
        assert_eq!(displays(3, Some(2)).presenting_places(), Some((0, 2)));
        assert_eq!(
            displays(2, None).presenting_places(),
            Some((1, 0)),
            "the main window's display unknown: the first one"
        );
        assert_eq!(displays(2, Some(1)).describe(1), "OUT-1 (1920 × 1080)");
        assert_eq!(displays(2, Some(1)).describe(5), "display 6");
    }
}
