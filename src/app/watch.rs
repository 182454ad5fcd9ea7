//! Live reload: the opened dataset file and the imported trade files are watched (notify).
//! Each file's folder is watched rather than the file, so an editor that saves by writing
//! a new file and renaming it over the old one is still seen. Changes are debounced: a
//! file is read again once it has been quiet for [`QUIET_FOR`].

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use eframe::egui;
use notify::{EventKind, RecursiveMode, Watcher};

/// How long a file must be left alone after a change before it is read again.
pub(super) const QUIET_FOR: Duration = Duration::from_millis(400);

/// Changed paths waiting to be taken by the window; more than this many between two
/// frames are dropped (the files they name are still marked changed by the others).
const CHANGES_QUEUED: usize = 256;

/// Watches files for changes and says when each is due to be read again.
pub(super) struct FileWatch {
    watcher: Option<notify::RecommendedWatcher>,
    changes: mpsc::Receiver<PathBuf>,
    /// Files wanted, as given, by their folder-resolved path.
    files: BTreeMap<PathBuf, PathBuf>,
    /// Folders watched.
    folders: BTreeSet<PathBuf>,
    /// When each changed file last changed.
    pending: BTreeMap<PathBuf, Instant>,
    /// Why watching does not work here, if it does not.
    pub(super) problem: Option<String>,
}

impl FileWatch {
    /// A watcher that wakes the window on `ctx` when a watched folder changes.
    pub(super) fn new(ctx: &egui::Context) -> Self {
        let (sender, changes) = mpsc::sync_channel(CHANGES_QUEUED);
        let repaint = ctx.clone();
        let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            let Ok(event) = event else { return };
            if matches!(event.kind, EventKind::Access(_)) {
                return;
            }
            for path in event.paths {
                // A full queue drops the path; the window takes the queue every frame.
                let _ = sender.try_send(path);
            }
            repaint.request_repaint_after(QUIET_FOR);
        });
        let (watcher, problem) = match watcher {
            Ok(watcher) => (Some(watcher), None),
            Err(error) => {
                log::warn!("files cannot be watched here: {error}");
                (None, Some(format!("files cannot be watched here: {error}")))
            }
        };
        Self {
            watcher,
            changes,
            files: BTreeMap::new(),
            folders: BTreeSet::new(),
            pending: BTreeMap::new(),
            problem,
        }
    }

    /// Watches exactly `files` (folders no longer needed are let go).
    pub(super) fn watch_only(&mut self, files: &[PathBuf]) {
        let wanted: BTreeMap<PathBuf, PathBuf> = files
            .iter()
            .filter_map(|file| Some((resolved(file)?, file.clone())))
            .collect();
        if wanted == self.files {
            return;
        }
        let folders: BTreeSet<PathBuf> = wanted
            .keys()
            .filter_map(|file| file.parent().map(Path::to_owned))
            .collect();
        if let Some(watcher) = &mut self.watcher {
            for gone in self.folders.difference(&folders) {
                let _ = watcher.unwatch(gone);
            }
            for new in folders.difference(&self.folders) {
                if let Err(error) = watcher.watch(new, RecursiveMode::NonRecursive) {
                    log::warn!("{} cannot be watched: {error}", new.display());
                    self.problem = Some(format!("{} cannot be watched: {error}", new.display()));
                }
            }
        }
        self.folders = folders;
        self.pending.retain(|file, _| wanted.contains_key(file));
        self.files = wanted;
    }

    /// The watched files that changed and have since been quiet for [`QUIET_FOR`], as
    /// they were given to [`Self::watch_only`]. Asks `ctx` to look again for the others.
    pub(super) fn due(&mut self, ctx: &egui::Context) -> Vec<PathBuf> {
        let now = Instant::now();
        while let Ok(path) = self.changes.try_recv() {
            if self.files.contains_key(&path) {
                self.pending.insert(path, now);
            }
        }
        let mut due = Vec::new();
        self.pending.retain(|file, changed| {
            if now.duration_since(*changed) >= QUIET_FOR {
                due.extend(self.files.get(file).cloned());
                false
            } else {
                true
            }
        });
        if let Some(next) = self
            .pending
            .values()
            .map(|changed| *changed + QUIET_FOR)
            .min()
        {
            ctx.request_repaint_after(next.saturating_duration_since(now));
        }
        due
    }
}

/// The path as the watcher reports it: the folder's canonical path and the file name (the
/// file itself may be replaced or missing for a moment).
fn resolved(file: &Path) -> Option<PathBuf> {
    let name = file.file_name()?;
    let folder = match file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    Some(folder.canonicalize().ok()?.join(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_file_is_due_once_it_has_been_quiet() {
        let folder = tempfile::tempdir().expect("temp dir");
        let watched = folder.path().join("data.json");
        let other = folder.path().join("other.json");
        std::fs::write(&watched, "{}").expect("write");
        let ctx = egui::Context::default();
        let mut watch = FileWatch::new(&ctx);
        assert_eq!(watch.problem, None);
        watch.watch_only(std::slice::from_ref(&watched));
        std::fs::write(&other, "{}").expect("write");
        std::fs::write(&watched, "{\"changed\": true}").expect("write");
        let start = Instant::now();
        let mut due = Vec::new();
        while due.is_empty() && start.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(50));
            due = watch.due(&ctx);
        }
        assert!(start.elapsed() >= QUIET_FOR, "not before it was quiet");
        assert_eq!(due, vec![watched.clone()]);
        std::thread::sleep(QUIET_FOR * 2);
        assert!(watch.due(&ctx).is_empty(), "one change, one reload");
    }
}
