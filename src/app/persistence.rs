//! Saving the settings: when they change, debounced so that a burst of clicks writes the
//! file once, and on exit.

use std::time::{Duration, Instant};

use eframe::egui;

use super::Message;
use crate::settings::{Settings, SettingsStore};

/// How long the settings stay unchanged before they are written.
const SAVE_DELAY: Duration = Duration::from_millis(800);

/// Where the settings go, and whether a change is waiting to be written.
#[derive(Debug)]
pub(super) struct Persistence {
    store: SettingsStore,
    changed_at: Option<Instant>,
}

impl Persistence {
    pub(super) fn new(store: SettingsStore) -> Self {
        Self {
            store,
            changed_at: None,
        }
    }

    /// Notes that the settings changed; they are written once they rest for [`SAVE_DELAY`].
    pub(super) fn changed(&mut self) {
        self.changed_at = Some(Instant::now());
    }

    /// Writes the settings if a change has rested long enough; otherwise asks for a frame
    /// when it will have.
    pub(super) fn save_when_due(
        &mut self,
        ctx: &egui::Context,
        settings: &Settings,
        message: &mut Option<Message>,
    ) {
        let Some(changed_at) = self.changed_at else {
            return;
        };
        let rested = changed_at.elapsed();
        if rested >= SAVE_DELAY {
            self.save_now(settings, message);
        } else {
            ctx.request_repaint_after(SAVE_DELAY.saturating_sub(rested));
        }
    }

    /// Writes the settings if a change is waiting.
    pub(super) fn save_pending(&mut self, settings: &Settings, message: &mut Option<Message>) {
        if self.changed_at.is_some() {
            self.save_now(settings, message);
        }
    }

    /// Writes the settings now (on exit: the window's place is saved then).
    pub(super) fn save_now(&mut self, settings: &Settings, message: &mut Option<Message>) {
        self.changed_at = None;
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
    fn settings_that_cannot_be_saved_become_a_notice() {
        let folder = tempfile::tempdir().expect("temp dir");
        let file = folder.path().join("a-file");
        std::fs::write(&file, b"not a folder").expect("write");
        let mut persistence = Persistence::new(SettingsStore::at(file.join("settings.json")));
        persistence.changed();
        let mut message = None;
        persistence.save_pending(&Settings::default(), &mut message);
        assert!(
            matches!(&message, Some(Message::Notice(text)) if text.starts_with("Could not save settings to")),
            "{message:?}"
        );
        assert!(
            persistence.changed_at.is_none(),
            "a failed save is not retried every frame"
        );
    }
}
