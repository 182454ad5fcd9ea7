//! Saving the settings: whether they changed is derived (the settings now against the
//! settings last written), and a change is written once the settings rest, so that a
//! burst of clicks or a window being dragged writes the file once; and on exit.

use std::time::{Duration, Instant};

use eframe::egui;

use super::Message;
use crate::settings::{Settings, SettingsStore};

/// How long the settings stay unchanged before they are written.
const SAVE_DELAY: Duration = Duration::from_millis(800);

/// Where the settings go, what was last written there, and since when they rest.
#[derive(Debug)]
pub(super) struct Persistence {
    store: SettingsStore,
    /// The settings as last written (or read at start).
    written: Settings,
    /// The settings last seen, and since when they have not changed.
    resting: Option<(Settings, Instant)>,
}

impl Persistence {
    /// Settings read from `store` as `read`.
    pub(super) fn new(store: SettingsStore, read: Settings) -> Self {
        Self {
            store,
            written: read,
            resting: None,
        }
    }

    /// Writes `settings` if they differ from what was written and have rested long enough;
    /// otherwise asks for a frame when they will have.
    pub(super) fn save_when_due(
        &mut self,
        ctx: &egui::Context,
        settings: &Settings,
        message: &mut Option<Message>,
    ) {
        if *settings == self.written {
            self.resting = None;
            return;
        }
        let since = match &self.resting {
            Some((seen, since)) if seen == settings => *since,
            _ => {
                let now = Instant::now();
                self.resting = Some((settings.clone(), now));
                now
            }
        };
        let rested = since.elapsed();
        if rested >= SAVE_DELAY {
            self.save_now(settings, message);
        } else {
            ctx.request_repaint_after(SAVE_DELAY.saturating_sub(rested));
        }
    }

    /// Writes `settings` if they differ from what was written.
    pub(super) fn save_pending(&mut self, settings: &Settings, message: &mut Option<Message>) {
        if *settings != self.written {
            self.save_now(settings, message);
        }
    }

    /// Writes the settings now. A failure is told once and not retried every frame.
    fn save_now(&mut self, settings: &Settings, message: &mut Option<Message>) {
        self.written = settings.clone();
        self.resting = None;
        if let Err(error) = self.store.save(settings) {
            log::warn!("{error}");
            *message = Some(Message::Notice(error));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_that_cannot_be_saved_become_a_notice_once() {
        let folder = tempfile::tempdir().expect("temp dir");
        let file = folder.path().join("a-file");
        std::fs::write(&file, b"not a folder").expect("write");
        let mut persistence = Persistence::new(
            SettingsStore::at(file.join("settings.json")),
            Settings::default(),
        );
        let changed = Settings {
            presenter_high_contrast: true,
            ..Settings::default()
        };
        let mut message = None;
        persistence.save_pending(&changed, &mut message);
        assert!(
            matches!(&message, Some(Message::Notice(text)) if text.starts_with("Could not save settings to")),
            "{message:?}"
        );
        let mut again = None;
        persistence.save_pending(&changed, &mut again);
        assert!(again.is_none(), "a failed save is not retried every frame");
    }

    #[test]
    fn unchanged_settings_are_not_written() {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("settings.json");
        let mut persistence =
            Persistence::new(SettingsStore::at(path.clone()), Settings::default());
        let mut message = None;
        persistence.save_pending(&Settings::default(), &mut message);
        assert!(!path.exists());
        let changed = Settings {
            presenter_high_contrast: true,
            ..Settings::default()
        };
        persistence.save_pending(&changed, &mut message);
        assert!(path.exists());
        assert!(message.is_none(), "{message:?}");
    }
}
