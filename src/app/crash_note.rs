//! What a crash leaves for the next start.
//!
//! When the window's thread panics (a bug in a view on data it was never tried on, a
//! graphics error), a panic hook writes a small note in the platform's data folder: when,
//! on which view, and the panic's message. The next start reads the note, deletes it,
//! opens on the trade view instead of the view it crashed on (which would crash again),
//! and says so in the banner. Panics on other threads are not crashes of the app: the
//! importers catch theirs and report them as errors.
//!
//! A process killed from outside (`kill -9`, a driver's segfault, power loss) runs no hook
//! and leaves no note.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU8, Ordering};

use serde::{Deserialize, Serialize};

use crate::settings::view_kind::ViewKind;

/// The view on screen, kept for the panic hook (which cannot reach the app).
static VIEW_ON_SCREEN: AtomicU8 = AtomicU8::new(0);

/// The name of the thread that runs the window.
const WINDOW_THREAD: &str = "main";

/// The longest panic message kept; a longer one is cut.
const MAX_MESSAGE_CHARS: usize = 400;

/// What the last run left when it crashed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CrashNote {
    /// When, as seconds since 1970 (UTC).
    pub unix_seconds: u64,
    /// The view on screen.
    pub view: ViewKind,
    /// The panic's message and where in the code it was raised.
    pub message: String,
}

impl CrashNote {
    /// The banner's text for the next start.
    pub(crate) fn notice(&self) -> String {
        let view = self.view.label();
        let reopened = if self.view == ViewKind::Trade {
            String::new()
        } else {
            format!(" It opened on the Trade view rather than the {view} view, where it stopped.")
        };
        format!(
            "Bilateral stopped unexpectedly last time ({}, on the {view} view: {}).{reopened} \
             Please report this with the file you had open.",
            utc_time(self.unix_seconds),
            self.message
        )
    }
}

/// Where crash notes are kept: a file, or nowhere (tests).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrashNotes {
    path: Option<PathBuf>,
}

impl CrashNotes {
    /// The platform's data folder (`~/.local/share/bilateral` and its equivalents).
    pub fn platform() -> Self {
        let path = crate::settings::project_dirs()
            .map(|dirs| dirs.data_local_dir().join("last-crash.json"));
        Self { path }
    }

    #[cfg(test)]
    /// Notes kept at `path`.
    pub(crate) fn at(path: PathBuf) -> Self {
        Self { path: Some(path) }
    }

    /// The note the last run left, if any, removed so that it is told once. A damaged note
    /// still counts as a crash.
    pub fn take(&self) -> Option<CrashNote> {
        let path = self.path.as_deref()?;
        let bytes = std::fs::read(path).ok()?;
        if let Err(error) = std::fs::remove_file(path) {
            log::warn!(
                "could not remove the crash note {}: {error}",
                path.display()
            );
        }
        Some(
            serde_json::from_slice(&bytes).unwrap_or_else(|_| CrashNote {
                unix_seconds: 0,
                view: ViewKind::Trade,
                message: "no details were kept".to_owned(),
            }),
        )
    }

    /// Writes `note`, replacing any older one.
    pub(crate) fn write(&self, note: &CrashNote) -> std::io::Result<()> {
        let Some(path) = self.path.as_deref() else {
            return Ok(());
        };
        let text = serde_json::to_vec_pretty(note).map_err(std::io::Error::other)?;
        crate::io::write_atomically(path, &text)
    }

    /// Installs a panic hook that writes a note when the window's thread panics, then does
    /// what the hook before it did (print the message).
    pub fn install_panic_hook(self) {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().name() == Some(WINDOW_THREAD) {
                let note = CrashNote {
                    unix_seconds: now_unix_seconds(),
                    view: view_on_screen(),
                    message: panic_message(info),
                };
                if let Err(error) = self.write(&note) {
                    eprintln!("bilateral: could not keep a note of this crash: {error}");
                }
            }
            previous(info);
        }));
    }
}

/// Tells the panic hook which view is on screen.
pub(crate) fn note_view_on_screen(view: ViewKind) {
    VIEW_ON_SCREEN.store(view_index(view), Ordering::Relaxed);
}

fn view_on_screen() -> ViewKind {
    view_at(VIEW_ON_SCREEN.load(Ordering::Relaxed))
}

/// `view`'s place in [`ViewKind::ALL`].
fn view_index(view: ViewKind) -> u8 {
    ViewKind::ALL
        .iter()
        .position(|kind| *kind == view)
        .and_then(|index| u8::try_from(index).ok())
        .unwrap_or(0)
}

/// The view at `index` in [`ViewKind::ALL`]; the trade view for an index past the end.
fn view_at(index: u8) -> ViewKind {
    ViewKind::ALL
        .get(usize::from(index))
        .copied()
        .unwrap_or_default()
}

/// The panic's payload (when it is text) and location, cut to a readable length.
fn panic_message(info: &std::panic::PanicHookInfo<'_>) -> String {
    let payload = info
        .payload()
        .downcast_ref::<&str>()
        .map(|text| (*text).to_owned())
        .or_else(|| info.payload().downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_owned());
    let location = info
        .location()
        .map(|location| format!(" at {}:{}", location.file(), location.line()))
        .unwrap_or_default();
    let message = format!("{}{location}", payload.trim());
    if message.chars().count() > MAX_MESSAGE_CHARS {
        let cut: String = message.chars().take(MAX_MESSAGE_CHARS).collect();
        format!("{cut}…")
    } else {
        message
    }
}

fn now_unix_seconds() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| since.as_secs())
}

/// `unix_seconds` as `2026-12-06 22:50 UTC`; "at an unknown time" for 0.
fn utc_time(unix_seconds: u64) -> String {
    let time = std::time::UNIX_EPOCH + std::time::Duration::from_secs(unix_seconds);
    let date = crate::import::date_of(time).filter(|_| unix_seconds > 0);
    let Some(date) = date else {
        return "at an unknown time".to_owned();
    };
    let seconds_of_day = unix_seconds % 86_400;
    format!(
        "{}-{:02}-{:02} {:02}:{:02} UTC",
        date.year,
        date.month.unwrap_or(1),
        date.day.unwrap_or(1),
        seconds_of_day / 3600,
        seconds_of_day % 3600 / 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_is_read_once_and_says_when_where_and_what() {
        let folder = tempfile::tempdir().expect("temp dir");
        let notes = CrashNotes::at(folder.path().join("data/last-crash.json"));
        assert_eq!(notes.take(), None, "no crash yet");
        let note = CrashNote {
            unix_seconds: 1_796_597_400,
            view: ViewKind::Map,
            message: "buffer slice can not be empty at flat_mesh.rs:300".to_owned(),
        };
        notes.write(&note).expect("written");
        assert_eq!(notes.take(), Some(note.clone()));
        assert_eq!(notes.take(), None, "told once");
        let notice = note.notice();
        assert!(notice.contains("2026-12-06 22:50 UTC"), "{notice}");
        assert!(notice.contains("rather than the Map view"), "{notice}");
        assert!(notice.contains("buffer slice can not be empty"), "{notice}");
    }

    #[test]
    fn a_damaged_note_still_counts_as_a_crash() {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("last-crash.json");
        std::fs::write(&path, b"{ half a no").expect("write");
        let note = CrashNotes::at(path.clone()).take().expect("a crash");
        assert_eq!(note.view, ViewKind::Trade);
        assert!(!path.exists());
    }

    #[test]
    fn times_are_written_in_utc_to_the_minute() {
        assert_eq!(utc_time(951_782_400 + 3_723), "2000-02-29 01:02 UTC");
        assert_eq!(utc_time(0), "at an unknown time");
    }

    #[test]
    fn every_view_survives_the_trip_through_the_hook_s_number() {
        for view in ViewKind::ALL {
            assert_eq!(view_at(view_index(view)), view);
        }
        assert_eq!(view_at(200), ViewKind::Trade);
    }
}
