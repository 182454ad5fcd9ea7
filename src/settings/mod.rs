//! What Bilateral remembers between runs, in the platform's own config folder.

pub mod column_layouts;
pub mod view_kind;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::settings::view_kind::ViewKind;

/// How many recent files are remembered.
pub const MAX_RECENT_FILES: usize = 10;

/// Type scale in presenter mode unless the user picks another.
pub(crate) const DEFAULT_PRESENTER_SCALE: f32 = 1.6;
/// The presenter type scales offered in the menu.
pub(crate) const PRESENTER_SCALES: [f32; 4] = [1.6, 2.0, 2.5, 3.0];

/// Light, dark, or whatever the system uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThemeChoice {
    /// Follow the operating system.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemeChoice {
    /// Every choice, in menu order.
    pub(crate) const ALL: [Self; 3] = [Self::System, Self::Light, Self::Dark];

    /// Menu label.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Self::System => "Follow system",
            Self::Light => "Light",
            Self::Dark => "Dark",
        }
    }
}

/// Window position and size in logical points.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct WindowGeometry {
    /// Left edge of the outer window.
    #[serde(deserialize_with = "any_f32")]
    pub x: f32,
    /// Top edge of the outer window.
    #[serde(deserialize_with = "any_f32")]
    pub y: f32,
    /// Inner width.
    #[serde(deserialize_with = "any_f32")]
    pub width: f32,
    /// Inner height.
    #[serde(deserialize_with = "any_f32")]
    pub height: f32,
}

/// An `f32` from any JSON number: one beyond `f32` becomes infinite, which
/// [`Settings::sanitized`] then replaces, instead of making the whole file unreadable.
fn any_f32<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<f32, D::Error> {
    #[expect(
        clippy::cast_possible_truncation,
        reason = "out of range is meant to become infinite, and is then sanitized"
    )]
    f64::deserialize(deserializer).map(|value| value as f32)
}

/// Everything saved between runs. Unknown or missing fields fall back to defaults.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Light, dark or system.
    pub(crate) theme: ThemeChoice,
    /// Most recent first, at most [`MAX_RECENT_FILES`].
    pub recent_files: Vec<PathBuf>,
    /// The view shown when the app last closed.
    pub last_view: ViewKind,
    /// Where the window was.
    pub window: Option<WindowGeometry>,
    /// Type scale in presenter mode.
    #[serde(deserialize_with = "any_f32")]
    pub presenter_scale: f32,
    /// Presenter mode in high contrast.
    pub(crate) presenter_high_contrast: bool,
    /// The columns chosen for each chronology layout, by header row.
    pub(crate) chronology_columns: column_layouts::ColumnLayouts,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            theme: ThemeChoice::default(),
            recent_files: Vec::new(),
            last_view: ViewKind::default(),
            window: None,
            presenter_scale: DEFAULT_PRESENTER_SCALE,
            presenter_high_contrast: false,
            chronology_columns: column_layouts::ColumnLayouts::default(),
        }
    }
}

impl Settings {
    /// The settings with values a hand-edited file may have broken put back in range:
    /// a presenter scale that is not a number from 1 to 4, a window geometry that is not
    /// finite, more recent files than are kept.
    #[must_use]
    pub(crate) fn sanitized(mut self) -> Self {
        if !(1.0..=4.0).contains(&self.presenter_scale) {
            self.presenter_scale = DEFAULT_PRESENTER_SCALE;
        }
        if self.window.is_some_and(|w| {
            ![w.x, w.y, w.width, w.height]
                .iter()
                .all(|value| value.is_finite())
        }) {
            self.window = None;
        }
        self.recent_files.truncate(MAX_RECENT_FILES);
        self.chronology_columns
            .0
            .truncate(column_layouts::MAX_LAYOUTS);
        self
    }

    /// The settings in a settings file's bytes, [`sanitized`](Self::sanitized).
    pub fn from_json(bytes: &[u8]) -> Result<Self, serde_json::Error> {
        serde_json::from_slice::<Self>(bytes).map(Self::sanitized)
    }

    /// Puts `path` first in the recent files, without duplicates.
    pub(crate) fn remember_recent(&mut self, path: &Path) {
        self.recent_files.retain(|known| known != path);
        self.recent_files.insert(0, path.to_owned());
        self.recent_files.truncate(MAX_RECENT_FILES);
    }
}

/// Bilateral's folders in the platform's places (config, data, cache), or `None` when the
/// system names no home folder; the one spelling of the app's name for every such folder.
pub(crate) fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("org", "Bilateral", "Bilateral")
}

/// Where settings live: a file, or nowhere (tests, or no home folder).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsStore {
    path: Option<PathBuf>,
}

impl SettingsStore {
    /// The platform's config folder (`~/.config/bilateral`, `%APPDATA%\Bilateral\Bilateral\config`,
    /// `~/Library/Application Support/org.Bilateral.Bilateral`).
    pub fn platform() -> Self {
        let path = project_dirs().map(|dirs| dirs.config_dir().join("settings.json"));
        Self { path }
    }

    /// Settings kept at `path`.
    pub fn at(path: PathBuf) -> Self {
        Self { path: Some(path) }
    }

    /// Settings that are never read or written.
    pub fn in_memory() -> Self {
        Self { path: None }
    }

    /// Reads the settings. A missing file gives defaults silently; an unreadable or
    /// corrupt one gives defaults and a warning to show.
    pub(crate) fn load(&self) -> (Settings, Option<String>) {
        let Some(path) = &self.path else {
            return (Settings::default(), None);
        };
        match std::fs::read(path) {
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                (Settings::default(), None)
            }
            Err(error) => (
                Settings::default(),
                Some(format!(
                    "Could not read settings from {}: {error}. Using defaults.",
                    path.display()
                )),
            ),
            Ok(bytes) => match Settings::from_json(&bytes) {
                Ok(settings) => (settings, None),
                Err(error) => (
                    Settings::default(),
                    Some(format!(
                        "The settings file {} is damaged ({error}). Using defaults; it will be rewritten.",
                        path.display()
                    )),
                ),
            },
        }
    }

    /// Writes the settings atomically. Without a path this does nothing.
    pub(crate) fn save(&self, settings: &Settings) -> Result<(), String> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let text = serde_json::to_vec_pretty(settings).map_err(|e| e.to_string())?;
        crate::io::write_atomically(path, &text)
            .map_err(|error| format!("Could not save settings to {}: {error}", path.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_through_the_file() {
        let folder = tempfile::tempdir().expect("temp dir");
        let store = SettingsStore::at(folder.path().join("config/settings.json"));
        let mut settings = Settings {
            theme: ThemeChoice::Dark,
            last_view: ViewKind::Sources,
            window: Some(WindowGeometry {
                x: 10.0,
                y: 20.0,
                width: 800.0,
                height: 600.0,
            }),
            ..Settings::default()
        };
        settings.remember_recent(Path::new("/a.json"));
        store.save(&settings).expect("save");
        assert_eq!(store.load(), (settings, None));
    }

    #[test]
    fn corrupt_settings_give_defaults_and_a_warning() {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("settings.json");
        std::fs::write(&path, b"{ not json").expect("write");
        let (settings, warning) = SettingsStore::at(path).load();
        assert_eq!(settings, Settings::default());
        assert!(warning.is_some_and(|w| w.contains("damaged")));
    }

    #[test]
    fn hand_edited_values_out_of_range_fall_back_to_defaults() {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("settings.json");
        std::fs::write(
            &path,
            br#"{"presenter_scale": 0.0, "window": {"x": 1e39, "y": 0, "width": 800, "height": 600}}"#,
        )
        .expect("write");
        let (settings, warning) = SettingsStore::at(path).load();
        assert_eq!(warning, None);
        assert!((settings.presenter_scale - DEFAULT_PRESENTER_SCALE).abs() < f32::EPSILON);
        assert_eq!(settings.window, None, "1e39 is not a finite f32");
        let kept = Settings {
            presenter_scale: 2.5,
            ..Settings::default()
        };
        assert_eq!(kept.clone().sanitized(), kept);
    }

    #[test]
    fn missing_settings_give_defaults_without_warning() {
        let folder = tempfile::tempdir().expect("temp dir");
        let store = SettingsStore::at(folder.path().join("none.json"));
        assert_eq!(store.load(), (Settings::default(), None));
    }

    #[test]
    fn unknown_fields_and_values_from_other_versions_are_tolerated() {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("settings.json");
        std::fs::write(&path, br#"{"theme": "dark", "future_option": 3}"#).expect("write");
        let (settings, warning) = SettingsStore::at(path).load();
        assert_eq!(settings.theme, ThemeChoice::Dark);
        assert!(warning.is_none());
    }

    #[test]
    fn a_folder_in_place_of_the_file_gives_defaults_and_a_notice() {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("settings.json");
        std::fs::create_dir(&path).expect("a folder named like the file");
        let store = SettingsStore::at(path);
        let (settings, warning) = store.load();
        assert_eq!(settings, Settings::default());
        assert!(
            warning.is_some_and(|w| w.starts_with("Could not read settings from")),
            "a notice"
        );
        let error = store
            .save(&Settings::default())
            .expect_err("cannot replace a folder");
        assert!(error.starts_with("Could not save settings to"), "{error}");
    }

    #[test]
    fn a_folder_that_cannot_be_written_gives_defaults_a_notice_and_no_panic() {
        let folder = tempfile::tempdir().expect("temp dir");
        let file = folder.path().join("not-a-folder");
        std::fs::write(&file, b"a file where the settings folder should be").expect("write");
        // A folder no one can create (its parent is a file): what a read-only or
        // unreachable config folder gives, even to an administrator.
        let store = SettingsStore::at(file.join("bilateral/settings.json"));
        let (settings, warning) = store.load();
        assert_eq!(settings, Settings::default());
        assert!(
            warning.is_some(),
            "reading through a file is not a missing file"
        );
        let error = store
            .save(&Settings::default())
            .expect_err("cannot be written");
        assert!(error.starts_with("Could not save settings to"), "{error}");
        if cfg!(target_os = "linux") {
            let store = SettingsStore::at(PathBuf::from("/proc/bilateral-test/settings.json"));
            assert!(
                store.save(&Settings::default()).is_err(),
                "/proc is read-only"
            );
        }
    }

    #[test]
    fn a_partial_temporary_file_left_by_a_crash_is_never_read() {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("settings.json");
        let store = SettingsStore::at(path.clone());
        let old = Settings {
            theme: ThemeChoice::Dark,
            ..Settings::default()
        };
        store.save(&old).expect("save");
        std::fs::write(
            folder.path().join("settings.json.4242.tmp"),
            b"{\"theme\": \"li",
        )
        .expect("a writer died here");
        assert_eq!(store.load(), (old, None));
    }

    /// Where [`settings_writer_child`] writes, set by the test that runs it.
    const WRITER_ENV: &str = "BILATERAL_TEST_SETTINGS_WRITER";

    /// Settings of about 2 MB, so that a write takes long enough to be interrupted.
    fn big_settings(letter: char) -> Settings {
        let mut settings = Settings::default();
        for index in 0..MAX_RECENT_FILES {
            let name: String = std::iter::repeat_n(letter, 200_000).collect();
            settings
                .recent_files
                .push(PathBuf::from(format!("/{index}/{name}")));
        }
        settings
    }

    /// Not a test of its own: run in a child process by
    /// `a_writer_killed_half_way_leaves_old_or_new_settings_never_part`, it saves two
    /// versions of the settings in turn until it is killed.
    #[test]
    #[ignore = "run as a child process by a_writer_killed_half_way_leaves_old_or_new_settings_never_part"]
    fn settings_writer_child() {
        let Some(path) = std::env::var_os(WRITER_ENV) else {
            return;
        };
        let store = SettingsStore::at(PathBuf::from(path));
        let versions = [big_settings('a'), big_settings('b')];
        for round in 0.. {
            store.save(&versions[round % 2]).expect("save");
        }
    }

    #[test]
    fn a_writer_killed_half_way_leaves_old_or_new_settings_never_part() {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("settings.json");
        let store = SettingsStore::at(path.clone());
        let versions = [big_settings('a'), big_settings('b')];
        store.save(&versions[0]).expect("the old settings");
        let temporaries = || {
            std::fs::read_dir(folder.path())
                .expect("list")
                .filter_map(Result::ok)
                .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
                .count()
        };
        let mut killed_mid_write = 0;
        for round in 0..4_u64 {
            let mut child =
                std::process::Command::new(std::env::current_exe().expect("test binary"))
                    .args([
                        "--ignored",
                        "--exact",
                        "settings::tests::settings_writer_child",
                    ])
                    .env(WRITER_ENV, &path)
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::null())
                    .spawn()
                    .expect("the writer starts");
            let started = std::time::Instant::now();
            while temporaries() == 0 && started.elapsed() < std::time::Duration::from_secs(20) {
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
            std::thread::sleep(std::time::Duration::from_millis(3 * round));
            child.kill().expect("kill the writer");
            child.wait().expect("the writer ends");
            if temporaries() > 0 {
                killed_mid_write += 1;
            }
            let (loaded, warning) = store.load();
            assert_eq!(warning, None, "round {round}: the settings file is damaged");
            assert!(
                versions.contains(&loaded),
                "round {round}: neither the old nor the new settings"
            );
            for entry in std::fs::read_dir(folder.path()).expect("list").flatten() {
                if entry.file_name().to_string_lossy().ends_with(".tmp") {
                    std::fs::remove_file(entry.path()).expect("clear the temporary");
                }
            }
        }
        assert!(killed_mid_write > 0, "no kill landed during a write");
    }

    #[test]
    fn recent_files_are_unique_newest_first_and_capped() {
        let mut settings = Settings::default();
        for index in 0..15 {
            settings.remember_recent(Path::new(&format!("/{index}.json")));
        }
        settings.remember_recent(Path::new("/12.json"));
        assert_eq!(settings.recent_files.len(), MAX_RECENT_FILES);
        assert_eq!(settings.recent_files[0], PathBuf::from("/12.json"));
        assert_eq!(settings.recent_files[1], PathBuf::from("/14.json"));
    }
}
