//! Nothing lost after a crash: while the document has unsaved changes, a recovery copy of
//! it is kept in the platform's data folder, written on a background thread after every
//! change (and again at least every [`RECOVERY_INTERVAL`] while it could not be written).
//! Each running app holds a lock on a file of its own there; a copy whose lock nobody holds
//! was left by an app that did not close normally (killed, crashed, the power cut), and the
//! next start offers to restore it.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::DataOrigin;
use crate::data::Dataset;

/// A recovery copy is written again at least this often while the last write failed or
/// changes wait.
pub(crate) const RECOVERY_INTERVAL: Duration = Duration::from_secs(30);

/// What a recovery copy holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct RecoveryCopy {
    /// When it was written, in seconds since 1970 (UTC).
    pub(crate) written_unix_seconds: u64,
    /// Where the data came from.
    pub(crate) origin: DataOrigin,
    /// The data with its unsaved changes.
    pub(crate) dataset: Dataset,
}

impl RecoveryCopy {
    /// "2026-12-07 14:03 UTC".
    pub(crate) fn written_at(&self) -> String {
        utc_minute(self.written_unix_seconds)
    }
}

/// Where recovery copies live: a folder, or nowhere (tests that do not test recovery).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoveryStore {
    folder: Option<PathBuf>,
}

/// A copy left by an app that did not close normally.
#[derive(Debug)]
pub struct LeftBehind {
    /// The copy.
    pub(crate) copy: RecoveryCopy,
    /// Its file, removed once it is restored or discarded.
    path: PathBuf,
    /// The lock of the app that left it, held by this app until then.
    lock: Option<(PathBuf, File)>,
}

impl LeftBehind {
    /// Removes the copy (restored or discarded), so it is offered once.
    pub(crate) fn forget(self) {
        remove_if_there(&self.path);
        if let Some((path, lock)) = self.lock {
            drop(lock);
            remove_if_there(&path);
        }
    }
}

impl RecoveryStore {
    /// `recovery/` in the platform's data folder (`~/.local/share/bilateral` and its
    /// equivalents).
    pub fn platform() -> Self {
        let folder =
            crate::settings::project_dirs().map(|dirs| dirs.data_local_dir().join("recovery"));
        Self { folder }
    }

    /// Copies kept in `folder`.
    pub fn at(folder: PathBuf) -> Self {
        Self {
            folder: Some(folder),
        }
    }

    /// No copies at all.
    pub(crate) fn none() -> Self {
        Self { folder: None }
    }

    /// The newest copy left by an app that is no longer running, if any; older ones left
    /// behind are removed (a copy is offered once, the newest).
    pub fn take_left_behind(&self) -> Option<LeftBehind> {
        let folder = self.folder.as_deref()?;
        let mut found: Vec<LeftBehind> = std::fs::read_dir(folder)
            .ok()?
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|e| e == "json"))
            .filter_map(|path| {
                let lock = match lock_of_gone_app(&path.with_extension("lock")) {
                    Ok(lock) => lock,
                    Err(StillRunning) => return None,
                };
                let copy = std::fs::read(&path)
                    .ok()
                    .and_then(|bytes| serde_json::from_slice::<RecoveryCopy>(&bytes).ok());
                if copy.is_none() {
                    log::warn!("a recovery copy does not read: {}", path.display());
                }
                copy.map(|copy| LeftBehind { copy, path, lock })
            })
            .collect();
        found.sort_by_key(|left| std::cmp::Reverse(left.copy.written_unix_seconds));
        let mut found = found.into_iter();
        let newest = found.next();
        found.for_each(LeftBehind::forget);
        newest
    }

    /// Starts this app's recovery writer: a lock file only this app holds, and a thread
    /// that writes the copies handed to it.
    pub(crate) fn start_writer(&self) -> RecoveryWriter {
        let Some(folder) = self.folder.clone() else {
            return RecoveryWriter::inactive();
        };
        if let Err(error) = std::fs::create_dir_all(&folder) {
            log::warn!(
                "no recovery copies: cannot make {}: {error}",
                folder.display()
            );
            return RecoveryWriter::inactive();
        }
        let stem = format!(
            "session-{}-{}",
            std::process::id(),
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_millis())
        );
        let lock_path = folder.join(format!("{stem}.lock"));
        let lock = match File::create(&lock_path).and_then(|file| {
            file.try_lock()
                .map(|()| file)
                .map_err(std::io::Error::other)
        }) {
            Ok(file) => file,
            Err(error) => {
                log::warn!(
                    "no recovery copies: cannot lock {}: {error}",
                    lock_path.display()
                );
                return RecoveryWriter::inactive();
            }
        };
        let copy_path = folder.join(format!("{stem}.json"));
        // The writer takes every order waiting each time it wakes, so few ever wait.
        let (sender, orders) = mpsc::sync_channel::<Order>(ORDERS_WAITING);
        let (report, outcomes) = mpsc::sync_channel::<Result<(), String>>(ORDERS_WAITING);
        let thread_path = copy_path.clone();
        let started = std::thread::Builder::new()
            .name("recovery copy".to_owned())
            .spawn(move || write_orders(&thread_path, &orders, &report));
        if let Err(error) = started {
            log::warn!("no recovery copies: {error}");
            return RecoveryWriter::inactive();
        }
        RecoveryWriter {
            active: Some(Active {
                orders: sender,
                outcomes,
                copy_path,
                lock_path,
                lock,
            }),
        }
    }
}

struct StillRunning;

/// The lock of the app that wrote a copy, taken, when that app is gone; `Ok(None)` when it
/// left no lock file.
fn lock_of_gone_app(lock_path: &Path) -> Result<Option<(PathBuf, File)>, StillRunning> {
    let Ok(file) = File::options().read(true).write(true).open(lock_path) else {
        return Ok(None);
    };
    match file.try_lock() {
        Ok(()) => Ok(Some((lock_path.to_owned(), file))),
        Err(_) => Err(StillRunning),
    }
}

enum Order {
    Write(Arc<Dataset>, DataOrigin),
    Remove,
}

/// How many orders and outcomes may wait between the window and the writer.
const ORDERS_WAITING: usize = 16;

fn write_orders(
    path: &Path,
    orders: &mpsc::Receiver<Order>,
    report: &mpsc::SyncSender<Result<(), String>>,
) {
    while let Ok(mut order) = orders.recv() {
        // Only the latest order matters.
        while let Ok(later) = orders.try_recv() {
            order = later;
        }
        let outcome = match order {
            Order::Write(dataset, origin) => write_copy(path, &dataset, origin),
            Order::Remove => {
                remove_if_there(path);
                Ok(())
            }
        };
        // Outcomes nobody has read yet are not worth blocking for.
        if let Err(mpsc::TrySendError::Disconnected(_)) = report.try_send(outcome) {
            return;
        }
    }
}

fn write_copy(path: &Path, dataset: &Dataset, origin: DataOrigin) -> Result<(), String> {
    let copy = RecoveryCopyRef {
        written_unix_seconds: now_unix_seconds(),
        origin,
        dataset,
    };
    let bytes = serde_json::to_vec(&copy).map_err(|e| e.to_string())?;
    crate::io::write_atomically(path, &bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// [`RecoveryCopy`] borrowing its dataset, to write it without a copy.
#[derive(Serialize)]
struct RecoveryCopyRef<'a> {
    written_unix_seconds: u64,
    origin: DataOrigin,
    dataset: &'a Dataset,
}

/// This app's recovery copy: handed the document after each change while it has unsaved
/// changes, told to remove the copy once it has none.
#[derive(Debug)]
pub(crate) struct RecoveryWriter {
    active: Option<Active>,
}

#[derive(Debug)]
struct Active {
    orders: mpsc::SyncSender<Order>,
    outcomes: mpsc::Receiver<Result<(), String>>,
    copy_path: PathBuf,
    lock_path: PathBuf,
    /// Held while the app runs: the sign that its copy is not left behind.
    lock: File,
}

impl RecoveryWriter {
    /// A writer that keeps nothing.
    pub(crate) fn inactive() -> Self {
        Self { active: None }
    }

    #[cfg(test)]
    /// Where this app's copy goes, when it keeps one.
    pub(crate) fn copy_path(&self) -> Option<&Path> {
        self.active.as_ref().map(|a| a.copy_path.as_path())
    }

    /// Writes a copy of `dataset` in the background (a newer one replaces one not yet
    /// written).
    pub(crate) fn write(&self, dataset: Arc<Dataset>, origin: DataOrigin) {
        if let Some(active) = &self.active {
            let _ = active.orders.send(Order::Write(dataset, origin));
        }
    }

    /// Removes the copy (the document was saved, or its changes discarded).
    pub(crate) fn remove(&self) {
        if let Some(active) = &self.active {
            let _ = active.orders.send(Order::Remove);
        }
    }

    /// Why the last writes failed, if they did (taken once).
    pub(crate) fn failures(&self) -> Vec<String> {
        self.active.as_ref().map_or_else(Vec::new, |active| {
            active.outcomes.try_iter().filter_map(Result::err).collect()
        })
    }

    /// Closes normally: the copy and the lock go.
    pub(crate) fn close(mut self) {
        if let Some(active) = self.active.take() {
            let Active {
                orders,
                outcomes,
                copy_path,
                lock_path,
                lock,
            } = active;
            drop(orders);
            // Wait for a write in progress, so it does not land after the removal.
            while outcomes.recv_timeout(Duration::from_secs(5)).is_ok() {}
            remove_if_there(&copy_path);
            drop(lock);
            remove_if_there(&lock_path);
        }
    }
}

fn remove_if_there(path: &Path) {
    if let Err(error) = std::fs::remove_file(path)
        && error.kind() != std::io::ErrorKind::NotFound
    {
        log::warn!("could not remove {}: {error}", path.display());
    }
}

fn now_unix_seconds() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// `unix_seconds` as "YYYY-MM-DD HH:MM UTC".
fn utc_minute(unix_seconds: u64) -> String {
    let days = i64::try_from(unix_seconds / 86_400).unwrap_or(0);
    let time = unix_seconds % 86_400;
    let date = crate::import::date_of(
        UNIX_EPOCH + Duration::from_secs(u64::try_from(days).unwrap_or(0) * 86_400),
    );
    let date = date.map_or_else(|| "?".to_owned(), |d| d.to_string());
    format!("{date} {:02}:{:02} UTC", time / 3600, time % 3600 / 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::builtin::builtin_dataset;

    fn wait_for_file(path: &Path, present: bool) {
        let start = std::time::Instant::now();
        while path.is_file() != present && start.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    #[test]
    fn a_copy_is_written_removed_and_not_offered_while_its_app_runs() {
        let folder = tempfile::tempdir().expect("temp dir");
        let store = RecoveryStore::at(folder.path().to_owned());
        let writer = store.start_writer();
        let path = writer.copy_path().expect("active").to_owned();
        let mut dataset = builtin_dataset().expect("built-in");
        dataset.metadata.title = "Unsaved".into();
        writer.write(Arc::new(dataset), DataOrigin::BuiltIn);
        wait_for_file(&path, true);
        assert!(path.is_file());
        assert!(store.take_left_behind().is_none(), "its app still runs");
        writer.remove();
        wait_for_file(&path, false);
        assert!(!path.is_file());
        writer.close();
        assert!(
            std::fs::read_dir(folder.path())
                .expect("list")
                .next()
                .is_none(),
            "a normal close leaves nothing"
        );
    }

    #[test]
    fn a_copy_whose_app_is_gone_is_offered_once() {
        let folder = tempfile::tempdir().expect("temp dir");
        let store = RecoveryStore::at(folder.path().to_owned());
        let mut dataset = builtin_dataset().expect("built-in");
        dataset.metadata.title = "Unsaved".into();
        // What a killed app leaves: its copy and an unlocked lock file.
        write_copy(
            &folder.path().join("session-1-1.json"),
            &dataset,
            DataOrigin::New,
        )
        .expect("write");
        std::fs::write(folder.path().join("session-1-1.lock"), b"").expect("lock file");
        let left = store.take_left_behind().expect("offered");
        assert_eq!(left.copy.dataset.metadata.title, "Unsaved");
        assert_eq!(left.copy.origin, DataOrigin::New);
        assert!(left.copy.written_at().ends_with(" UTC"));
        left.forget();
        assert!(store.take_left_behind().is_none(), "offered once");
    }

    #[test]
    fn times_are_told_in_utc_minutes() {
        assert_eq!(utc_minute(0), "1970-01-01 00:00 UTC");
        assert_eq!(utc_minute(1_796_606_580), "2026-12-07 01:23 UTC");
    }
}
