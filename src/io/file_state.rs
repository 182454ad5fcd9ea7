//! Noticing that a file vanished or changed while it was being read, and saying so in
//! words a user can act on.

use std::fs::Metadata;
use std::path::Path;
use std::time::SystemTime;

/// What a file looked like when reading began: its size and when it was last changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileState {
    bytes: u64,
    modified: Option<SystemTime>,
}

impl FileState {
    /// The state `metadata` describes.
    pub fn of(metadata: &Metadata) -> Self {
        Self {
            bytes: metadata.len(),
            modified: metadata.modified().ok(),
        }
    }

    /// Why the file at `path` is no longer what was read, or `None` when it is unchanged.
    pub fn change_since(&self, path: &Path) -> Option<String> {
        match std::fs::metadata(path) {
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Some(VANISHED.to_owned()),
            Err(error) => Some(io_message(&error)),
            Ok(now) if Self::of(&now) != *self => Some(CHANGED.to_owned()),
            Ok(_) => None,
        }
    }
}

/// Said when a file changed between the start and the end of reading it.
pub const CHANGED: &str = "the file changed while it was being read (is another program still writing it?); open it again once it is complete";

/// Said when a file went away while it was being read.
pub const VANISHED: &str =
    "the file was moved or deleted while it was being read; nothing was loaded from it";

/// An I/O error in words: a missing file says so plainly, others as the system puts them.
pub fn io_message(error: &std::io::Error) -> String {
    if error.kind() == std::io::ErrorKind::NotFound {
        "there is no such file (was it moved or deleted?)".to_owned()
    } else {
        error.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_grows_shrinks_or_goes_is_noticed() {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("data.json");
        std::fs::write(&path, b"{}").expect("write");
        let state = FileState::of(&std::fs::metadata(&path).expect("stat"));
        assert_eq!(state.change_since(&path), None);
        std::fs::write(&path, b"{ \"longer\": true }").expect("rewrite");
        assert_eq!(state.change_since(&path).as_deref(), Some(CHANGED));
        std::fs::remove_file(&path).expect("remove");
        assert_eq!(state.change_since(&path).as_deref(), Some(VANISHED));
    }

    #[test]
    fn a_missing_file_is_said_plainly() {
        let error = std::fs::read("/no/such/folder/data.json").expect_err("missing");
        assert_eq!(
            io_message(&error),
            "there is no such file (was it moved or deleted?)"
        );
    }
}
