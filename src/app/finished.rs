//! Work that ran on another thread and came back: background jobs report to the command
//! runner as [`Command::Finished`](super::command::Command::Finished), carrying their result.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::data::{Dataset, LoadErrors};
use crate::document::save::{SaveError, Saved};
use crate::import::{FileReport, ImportError, Imported};

/// A result handed from another thread to the command runner, taken once.
pub struct Delivered<T>(Arc<Mutex<Option<T>>>);

impl<T> Delivered<T> {
    /// Wraps `value` to travel in a command.
    pub(crate) fn new(value: T) -> Self {
        Self(Arc::new(Mutex::new(Some(value))))
    }

    /// The value, the first time it is asked for.
    pub(crate) fn take(&self) -> Option<T> {
        self.0.lock().ok().and_then(|mut slot| slot.take())
    }
}

impl<T> Clone for Delivered<T> {
    fn clone(&self) -> Self {
        Self(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Delivered<T> {
    /// The same delivery, not equal contents.
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::fmt::Debug for Delivered<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Delivered(…)")
    }
}

/// Work that ran on another thread and finished: background jobs report back as commands,
/// so that only the command runner changes the document.
#[derive(Debug, Clone, PartialEq)]
pub enum Finished {
    /// The import dialog's scan of a trade file.
    Scan(Delivered<Result<FileReport, ImportError>>),
    /// The import dialog's import.
    Import(Delivered<Result<Imported, ImportError>>),
    /// The opened dataset file, read again because it changed on disk.
    DatasetReread(PathBuf, Delivered<Result<Dataset, LoadErrors>>),
    /// An imported trade file, imported again because it changed on disk.
    TradeFileReread(PathBuf, Delivered<Result<Imported, ImportError>>),
    /// A save: the dataset written, and how it went.
    Save(Delivered<(Arc<Dataset>, Result<Saved, SaveError>)>),
}
